"""The write actions behind `reformctl progress|complete|rectify|verify|review|pilot|extend|approve|evidence|
cancel` (`reformctl new` is in :mod:`reformctl.actions.new`): each one is an :class:`~reformctl.store.Action` and a *build* function for
:meth:`reformctl.store.Store.apply` (one action = one git commit). Library first: the CLI only parses options.

A build reads the files through its transaction every time it runs (the store may run it again when another
writer moved the branch), and raises :class:`~reformctl.errors.BadRequest` for a request that
cannot be carried out, before anything is written. Its message is a :class:`reformctl.i18n.write.Msg`: English as a
string, and :func:`reformctl.i18n.write.localize` says it in Chinese.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable, Optional

from ..i18n import text as i18n_text
from ..i18n import write as i18n_write
from ..i18n.write import Msg
from ..model import FOLDER_KINDS, Pilot, Task
from ..model.lifecycle import TASK_ENDED
from ..model.records import PilotStatus as P
from ..model.records import TaskStatus as T
from ..model.records import Milestone, Problem
from ..store import Action, BadRequest, Tx, append_entry, set_key

Build = Callable[[Tx], None]

# kinds that `reformctl new` creates, and their folder
NEW_KINDS = ("task", "pilot", "notice", "reminder", "report", "event")


def order(model) -> list[str]:
    return list(model.model_fields)


def find_item(root: Path, item_id: str, kinds: Optional[tuple[str, ...]] = None) -> tuple[str, str]:
    """(kind, ledger-relative path) of the item file ``<folder>/<id>.yaml``; BadRequest if none."""
    from ..model.types import ID_RE

    if not ID_RE.match(item_id or ""):
        raise BadRequest(Msg("not_an_id", item_id=item_id))
    for k in FOLDER_KINDS:
        if kinds and k.name not in kinds:
            continue
        if k.key != "id":
            continue
        rel = f"{k.folder}/{item_id}.yaml"
        if (root / rel).is_file():
            return k.name, rel
    raise BadRequest(Msg("no_item", what=i18n_write.kinds(kinds or ()), item_id=item_id))


def _as_date(value: Any) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _status(doc_data) -> str:
    return str(doc_data.get("status", ""))


# ---------------------------------------------------------------- progress, complete, evidence, cancel
def progress(root: Path, item_id: str, note: str, as_of: dt.date, by: Optional[str] = None) -> tuple[Action, Build]:
    kind, rel = find_item(root, item_id, ("task",))
    if not note.strip():
        raise BadRequest(Msg("progress_empty"))

    def build(tx: Tx) -> None:
        doc = tx.edit(rel)
        data = doc.data
        if _status(data) in (T.closed, T.cancelled):
            raise BadRequest(Msg("no_more_progress", item_id=item_id, status=i18n_write.status(_status(data))))
        entry = {"date": as_of, "note": note.strip()}
        if by:
            entry["by"] = by
        append_entry(data, "progress", entry, order(Task))
        if _status(data) == T.planned:
            data["status"] = T.in_progress.value

    return Action("progress", [item_id], Msg("cm_progress", id=item_id, note=note.strip()), as_of), build


def complete(
    root: Path, item_id: str, as_of: dt.date, milestone: Optional[str] = None, evidence: tuple[str, ...] = ()
) -> tuple[Action, Build]:
    kind, rel = find_item(root, item_id, ("task", "pilot"))
    if milestone is not None and kind != "task":
        raise BadRequest(Msg("milestone_for_tasks"))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        st = _status(data)
        if milestone is not None:
            ms = [m for m in data.get("milestones") or [] if str(m.get("name")) == milestone]
            if not ms:
                names = ", ".join(str(m.get("name")) for m in data.get("milestones") or [])
                raise BadRequest(
                    Msg(
                        "no_milestone_of",
                        item_id=item_id,
                        milestone=milestone,
                        names=i18n_text.T(names or "none", names or "无"),
                    )
                )
            m = ms[0]
            if m.get("done") is not None:
                raise BadRequest(Msg("milestone_done", milestone=milestone, item_id=item_id, done=m.get("done")))
            set_key(m, "done", as_of, order(Milestone))
            for e in evidence:
                _append_scalar(m, "evidence", e, order(Milestone))
            return
        if st in (T.completed, T.closed):  # a pilot's completed is the same word
            raise BadRequest(Msg("already_status", item_id=item_id, status=i18n_write.status(st)))
        if kind == "task" and st == T.cancelled:
            raise BadRequest(Msg("is_cancelled", item_id=item_id))
        if kind == "pilot" and st == P.exited:
            raise BadRequest(Msg("pilot_exited", item_id=item_id))
        data["status"] = T.completed.value if kind == "task" else P.completed.value
        set_key(data, "completed", as_of, order(Task if kind == "task" else Pilot))
        if kind == "task":
            for e in evidence:
                _append_scalar(data, "evidence", e, order(Task))

    if milestone:
        what = Msg("cm_complete_milestone", id=item_id, milestone=milestone)
    else:
        what = Msg("cm_complete_task" if kind == "task" else "cm_complete_pilot", id=item_id)
    return Action("complete", [item_id], what, as_of), build


def _append_scalar(mapping, key: str, value: str, keys: list[str]) -> None:
    from ruamel.yaml.comments import CommentedSeq

    seq = mapping.get(key)
    if not isinstance(seq, CommentedSeq):
        seq = CommentedSeq()
        seq.fa.set_flow_style()
        set_key(mapping, key, seq, keys)
    if value not in list(seq):
        seq.append(value)


def evidence(
    root: Path, item_id: str, ref: str, as_of: dt.date, milestone: Optional[str] = None
) -> tuple[Action, Build]:
    kind, rel = find_item(root, item_id, ("task",))
    if not ref.strip():
        raise BadRequest(Msg("evidence_empty"))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        if milestone is not None:
            ms = [m for m in data.get("milestones") or [] if str(m.get("name")) == milestone]
            if not ms:
                raise BadRequest(Msg("no_milestone", item_id=item_id, milestone=milestone))
            _append_scalar(ms[0], "evidence", ref.strip(), order(Milestone))
        else:
            _append_scalar(data, "evidence", ref.strip(), order(Task))

    return Action("evidence", [item_id], Msg("cm_evidence", id=item_id, ref=ref.strip()), as_of), build


def cancel(root: Path, item_id: str, reason: str, as_of: dt.date) -> tuple[Action, Build]:
    kind, rel = find_item(root, item_id, ("task",))
    if not reason.strip():
        raise BadRequest(Msg("cancel_reason"))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        if _status(data) in TASK_ENDED:
            raise BadRequest(Msg("item_is_status", item_id=item_id, status=i18n_write.status(_status(data))))
        data["status"] = T.cancelled.value
        set_key(data, "cancel_reason", reason.strip(), order(Task))

    return Action("cancel", [item_id], Msg("cm_cancel", id=item_id, reason=reason.strip()), as_of), build


# ---------------------------------------------------------------- notices
def _problem(data, notice_id: str, no: int):
    for p in data.get("problems") or []:
        if p.get("no") == no:
            return p
    nos = ", ".join(str(p.get("no")) for p in data.get("problems") or [])
    raise BadRequest(Msg("no_problem", notice_id=notice_id, no=no, nos=nos))


def rectify(root: Path, notice_id: str, no: int, as_of: dt.date) -> tuple[Action, Build]:
    _kind, rel = find_item(root, notice_id, ("notice",))

    def build(tx: Tx) -> None:
        p = _problem(tx.edit(rel).data, notice_id, no)
        if p.get("rectified") is not None:
            raise BadRequest(Msg("already_rectified", no=no, notice_id=notice_id, date=p.get("rectified")))
        set_key(p, "rectified", as_of, order(Problem))

    return Action("rectify", [notice_id], Msg("cm_rectify", id=notice_id, no=no), as_of), build


def verify(root: Path, notice_id: str, no: int, as_of: dt.date) -> tuple[Action, Build]:
    _kind, rel = find_item(root, notice_id, ("notice",))

    def build(tx: Tx) -> None:
        p = _problem(tx.edit(rel).data, notice_id, no)
        if p.get("rectified") is None:
            raise BadRequest(Msg("not_rectified", no=no, notice_id=notice_id))
        if p.get("verified") is not None:
            raise BadRequest(Msg("already_verified", no=no, notice_id=notice_id, date=p.get("verified")))
        set_key(p, "verified", as_of, order(Problem))

    return Action("verify", [notice_id], Msg("cm_verify", id=notice_id, no=no), as_of), build


def review(
    root: Path, notice_id: str, no: int, as_of: dt.date, result: Optional[str] = None, due: Optional[dt.date] = None
) -> tuple[Action, Build]:
    """Record a follow-up review (``--result``): fills the first pending review, else appends a done one.
    Without a result, schedules a review due ``--due``."""
    _kind, rel = find_item(root, notice_id, ("notice",))
    if not result and not due:
        raise BadRequest(Msg("review_what"))

    def build(tx: Tx) -> None:
        p = _problem(tx.edit(rel).data, notice_id, no)
        pending = [r for r in p.get("reviews") or [] if r.get("done") is None]
        if result:
            if pending and due is None:
                r = pending[0]
                if str(r.get("result") or "").strip():  # written by someone: never overwritten (append-only)
                    raise BadRequest(
                        Msg(
                            "review_has_result", no=no, notice_id=notice_id, due=r.get("due"), text=str(r.get("result"))
                        )
                    )
                set_key(r, "done", as_of, ["due", "done", "result"])
                set_key(r, "result", result.strip(), ["due", "done", "result"])
            else:
                append_entry(
                    p, "reviews", {"due": due or as_of, "done": as_of, "result": result.strip()}, order(Problem)
                )
        else:
            append_entry(p, "reviews", {"due": due}, order(Problem))

    what = (
        Msg("cm_review_done", id=notice_id, no=no, result=result.strip())
        if result
        else Msg("cm_review_due", id=notice_id, no=no, due=due)
    )
    return Action("review", [notice_id], what, as_of), build


# ---------------------------------------------------------------- pilots
def pilot_file(root: Path, pilot_id: str, as_of: dt.date) -> tuple[Action, Build]:
    _kind, rel = find_item(root, pilot_id, ("pilot",))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        if data.get("filed") is not None:
            raise BadRequest(Msg("already_filed", pilot_id=pilot_id, date=data.get("filed")))
        set_key(data, "filed", as_of, order(Pilot))

    return Action("pilot-file", [pilot_id], Msg("cm_pilot_file", id=pilot_id), as_of), build


def pilot_exit(root: Path, pilot_id: str, reason: str, as_of: dt.date, adjust: bool = False) -> tuple[Action, Build]:
    _kind, rel = find_item(root, pilot_id, ("pilot",))
    if not reason.strip():
        raise BadRequest(Msg("reason_required"))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        st = _status(data)
        if st in (P.exited, P.completed):
            raise BadRequest(Msg("pilot_already", pilot_id=pilot_id, status=i18n_write.status(st)))
        data["status"] = P.adjusted.value if adjust else P.exited.value
        if adjust:
            # an adjustment is not an exit: each one is kept, dated, like a progress entry
            append_entry(data, "adjustments", {"date": as_of, "reason": reason.strip()}, order(Pilot))
        else:
            set_key(data, "exited", as_of, order(Pilot))
            set_key(data, "exit_reason", reason.strip(), order(Pilot))

    what = Msg("cm_pilot_adjust" if adjust else "cm_pilot_exit", id=pilot_id, reason=reason.strip())
    return Action("pilot-adjust" if adjust else "pilot-exit", [pilot_id], what, as_of), build


# ---------------------------------------------------------------- extensions
def extend(
    root: Path, task_id: str, new_due: dt.date, reason: str, as_of: dt.date, approver: Optional[str] = None
) -> tuple[Action, Build, list[str | Msg]]:
    """Request a deadline extension (延期); with ``approver`` it is approved at once and `due` moves.
    Returns the action, the build and warnings (an extension asked after the deadline is late)."""
    _kind, rel = find_item(root, task_id, ("task",))
    if not reason.strip():
        raise BadRequest(Msg("reason_required"))
    warnings: list[str | Msg] = []

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        if _status(data) in TASK_ENDED:
            raise BadRequest(Msg("nothing_to_extend", task_id=task_id, status=i18n_write.status(_status(data))))
        old_due = _as_date(data.get("due"))
        if old_due is None:
            raise BadRequest(Msg("no_due", task_id=task_id))
        if new_due <= old_due:
            raise BadRequest(Msg("new_due_not_after", new_due=new_due, old_due=old_due))
        pending = [e for e in data.get("extensions") or [] if e.get("approved") is None]
        if pending:
            raise BadRequest(Msg("pending_extension", task_id=task_id, new_due=pending[-1].get("new_due")))
        entry = {"requested": as_of, "old_due": old_due, "new_due": new_due, "reason": reason.strip()}
        if approver:
            entry["approver"] = approver.strip()
            entry["approved"] = as_of
        append_entry(data, "extensions", entry, order(Task))
        if approver:
            data["due"] = new_due
        warnings.clear()
        if as_of > old_due:
            warnings.append(Msg("late_extension", as_of=as_of, old_due=old_due))

    approved = Msg("cm_approved_by", approver=approver.strip()) if approver else ""
    code = "cm_extend_late" if _late(root, rel, as_of) else "cm_extend"
    what = Msg(code, id=task_id, new_due=new_due, approved=approved)
    return Action("extend", [task_id], what, as_of, body=Msg("cm_reason", reason=reason.strip())), build, warnings


def _late(root: Path, rel: str, as_of: dt.date) -> bool:
    from ..load import yamlread

    try:
        data = yamlread.parse((root / rel).read_text(encoding="utf-8"))
        return as_of > dt.date.fromisoformat(str(data.get("due")))
    except Exception:  # noqa: BLE001 - only for the message
        return False


def approve(root: Path, task_id: str, approver: str, as_of: dt.date) -> tuple[Action, Build]:
    """Approve the task's pending extension: ``approver``/``approved`` set and ``due`` moved to its new date."""
    _kind, rel = find_item(root, task_id, ("task",))
    if not approver.strip():
        raise BadRequest(Msg("approver_required"))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        pending = [e for e in data.get("extensions") or [] if e.get("approved") is None]
        if not pending:
            raise BadRequest(Msg("no_pending", task_id=task_id))
        e = pending[-1]
        keys = ["requested", "old_due", "new_due", "reason", "approver", "approved"]
        set_key(e, "approver", approver.strip(), keys)
        set_key(e, "approved", as_of, keys)
        data["due"] = _as_date(e.get("new_due"))

    return Action("approve", [task_id], Msg("cm_approve", id=task_id, approver=approver.strip()), as_of), build


__all__ = [
    "NEW_KINDS",
    "approve",
    "cancel",
    "complete",
    "evidence",
    "extend",
    "find_item",
    "pilot_exit",
    "pilot_file",
    "progress",
    "rectify",
    "review",
    "verify",
]
