"""The write actions behind `reformctl new|progress|complete|rectify|verify|review|pilot|extend|approve|
evidence|cancel`: each one is an :class:`~reformctl.store.Action` and a *build* function for
:meth:`reformctl.store.Store.apply` (one action = one git commit). Library first: the CLI only parses options.

A build reads the files through its transaction every time it runs (the store may run it again when another
writer moved the branch), and raises :class:`~reformctl.errors.BadRequest` for a request that
cannot be carried out, before anything is written. Its message is a :class:`reformctl.i18n.write.Said`: English as a
string, and :func:`reformctl.i18n.write.localize` says it in Chinese.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable, Optional

from ..i18n import write as i18n_write
from ..i18n.commits import NEW_KIND_WORDS
from ..i18n.write import Msg, Said
from ..model import FOLDER_KINDS, KINDS_BY_NAME, Pilot, Task
from ..model.lifecycle import INITIAL, TASK_ENDED
from ..model.records import PilotStatus as P
from ..model.records import TaskStatus as T
from ..model.records import Milestone, Problem
from ..store import Action, BadRequest, Tx, append_entry, next_id, set_key
from ..store.ids import PREFIX

Build = Callable[[Tx], None]

# kinds that `reformctl new` creates, and their folder
NEW_KINDS = ("task", "pilot", "notice", "reminder", "report", "event")


def order(model) -> list[str]:
    return list(model.model_fields)


def find_item(root: Path, item_id: str, kinds: Optional[tuple[str, ...]] = None) -> tuple[str, str]:
    """(kind, ledger-relative path) of the item file ``<folder>/<id>.yaml``; BadRequest if none."""
    from ..model.types import ID_RE

    if not ID_RE.match(item_id or ""):
        raise BadRequest(Said("not_an_id", item_id=item_id))
    for k in FOLDER_KINDS:
        if kinds and k.name not in kinds:
            continue
        if k.key != "id":
            continue
        rel = f"{k.folder}/{item_id}.yaml"
        if (root / rel).is_file():
            return k.name, rel
    raise BadRequest(Said("no_item", what=i18n_write.kinds(kinds or ()), item_id=item_id))


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
        raise BadRequest(Said("progress_empty"))

    def build(tx: Tx) -> None:
        doc = tx.edit(rel)
        data = doc.data
        if _status(data) in (T.closed, T.cancelled):
            raise BadRequest(Said("no_more_progress", item_id=item_id, status=i18n_write.status(_status(data))))
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
        raise BadRequest(Said("milestone_for_tasks"))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        st = _status(data)
        if milestone is not None:
            ms = [m for m in data.get("milestones") or [] if str(m.get("name")) == milestone]
            if not ms:
                names = ", ".join(str(m.get("name")) for m in data.get("milestones") or [])
                raise BadRequest(
                    Said(
                        "no_milestone_of", item_id=item_id, milestone=milestone, names=(names or "无", names or "none")
                    )
                )
            m = ms[0]
            if m.get("done") is not None:
                raise BadRequest(Said("milestone_done", milestone=milestone, item_id=item_id, done=m.get("done")))
            set_key(m, "done", as_of, order(Milestone))
            for e in evidence:
                _append_scalar(m, "evidence", e, order(Milestone))
            return
        if st in (T.completed, T.closed):  # a pilot's completed is the same word
            raise BadRequest(Said("already_status", item_id=item_id, status=i18n_write.status(st)))
        if kind == "task" and st == T.cancelled:
            raise BadRequest(Said("is_cancelled", item_id=item_id))
        if kind == "pilot" and st == P.exited:
            raise BadRequest(Said("pilot_exited", item_id=item_id))
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
        raise BadRequest(Said("evidence_empty"))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        if milestone is not None:
            ms = [m for m in data.get("milestones") or [] if str(m.get("name")) == milestone]
            if not ms:
                raise BadRequest(Said("no_milestone", item_id=item_id, milestone=milestone))
            _append_scalar(ms[0], "evidence", ref.strip(), order(Milestone))
        else:
            _append_scalar(data, "evidence", ref.strip(), order(Task))

    return Action("evidence", [item_id], Msg("cm_evidence", id=item_id, ref=ref.strip()), as_of), build


def cancel(root: Path, item_id: str, reason: str, as_of: dt.date) -> tuple[Action, Build]:
    kind, rel = find_item(root, item_id, ("task",))
    if not reason.strip():
        raise BadRequest(Said("cancel_reason"))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        if _status(data) in TASK_ENDED:
            raise BadRequest(Said("item_is_status", item_id=item_id, status=i18n_write.status(_status(data))))
        data["status"] = T.cancelled.value
        set_key(data, "cancel_reason", reason.strip(), order(Task))

    return Action("cancel", [item_id], Msg("cm_cancel", id=item_id, reason=reason.strip()), as_of), build


# ---------------------------------------------------------------- notices
def _problem(data, notice_id: str, no: int):
    for p in data.get("problems") or []:
        if p.get("no") == no:
            return p
    nos = ", ".join(str(p.get("no")) for p in data.get("problems") or [])
    raise BadRequest(Said("no_problem", notice_id=notice_id, no=no, nos=nos))


def rectify(root: Path, notice_id: str, no: int, as_of: dt.date) -> tuple[Action, Build]:
    _kind, rel = find_item(root, notice_id, ("notice",))

    def build(tx: Tx) -> None:
        p = _problem(tx.edit(rel).data, notice_id, no)
        if p.get("rectified") is not None:
            raise BadRequest(Said("already_rectified", no=no, notice_id=notice_id, date=p.get("rectified")))
        set_key(p, "rectified", as_of, order(Problem))

    return Action("rectify", [notice_id], Msg("cm_rectify", id=notice_id, no=no), as_of), build


def verify(root: Path, notice_id: str, no: int, as_of: dt.date) -> tuple[Action, Build]:
    _kind, rel = find_item(root, notice_id, ("notice",))

    def build(tx: Tx) -> None:
        p = _problem(tx.edit(rel).data, notice_id, no)
        if p.get("rectified") is None:
            raise BadRequest(Said("not_rectified", no=no, notice_id=notice_id))
        if p.get("verified") is not None:
            raise BadRequest(Said("already_verified", no=no, notice_id=notice_id, date=p.get("verified")))
        set_key(p, "verified", as_of, order(Problem))

    return Action("verify", [notice_id], Msg("cm_verify", id=notice_id, no=no), as_of), build


def review(
    root: Path, notice_id: str, no: int, as_of: dt.date, result: Optional[str] = None, due: Optional[dt.date] = None
) -> tuple[Action, Build]:
    """Record a follow-up review (``--result``): fills the first pending review, else appends a done one.
    Without a result, schedules a review due ``--due``."""
    _kind, rel = find_item(root, notice_id, ("notice",))
    if not result and not due:
        raise BadRequest(Said("review_what"))

    def build(tx: Tx) -> None:
        p = _problem(tx.edit(rel).data, notice_id, no)
        pending = [r for r in p.get("reviews") or [] if r.get("done") is None]
        if result:
            if pending and due is None:
                r = pending[0]
                if str(r.get("result") or "").strip():  # written by someone: never overwritten (append-only)
                    raise BadRequest(
                        Said(
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
            raise BadRequest(Said("already_filed", pilot_id=pilot_id, date=data.get("filed")))
        set_key(data, "filed", as_of, order(Pilot))

    return Action("pilot-file", [pilot_id], Msg("cm_pilot_file", id=pilot_id), as_of), build


def pilot_exit(root: Path, pilot_id: str, reason: str, as_of: dt.date, adjust: bool = False) -> tuple[Action, Build]:
    _kind, rel = find_item(root, pilot_id, ("pilot",))
    if not reason.strip():
        raise BadRequest(Said("reason_required"))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        st = _status(data)
        if st in (P.exited, P.completed):
            raise BadRequest(Said("pilot_already", pilot_id=pilot_id, status=i18n_write.status(st)))
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
) -> tuple[Action, Build, list[str]]:
    """Request a deadline extension (延期); with ``approver`` it is approved at once and `due` moves.
    Returns the action, the build and warnings (an extension asked after the deadline is late)."""
    _kind, rel = find_item(root, task_id, ("task",))
    if not reason.strip():
        raise BadRequest(Said("reason_required"))
    warnings: list[str] = []

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        if _status(data) in TASK_ENDED:
            raise BadRequest(Said("nothing_to_extend", task_id=task_id, status=i18n_write.status(_status(data))))
        old_due = _as_date(data.get("due"))
        if old_due is None:
            raise BadRequest(Said("no_due", task_id=task_id))
        if new_due <= old_due:
            raise BadRequest(Said("new_due_not_after", new_due=new_due, old_due=old_due))
        pending = [e for e in data.get("extensions") or [] if e.get("approved") is None]
        if pending:
            raise BadRequest(Said("pending_extension", task_id=task_id, new_due=pending[-1].get("new_due")))
        entry = {"requested": as_of, "old_due": old_due, "new_due": new_due, "reason": reason.strip()}
        if approver:
            entry["approver"] = approver.strip()
            entry["approved"] = as_of
        append_entry(data, "extensions", entry, order(Task))
        if approver:
            data["due"] = new_due
        warnings.clear()
        if as_of > old_due:
            warnings.append(Said("late_extension", as_of=as_of, old_due=old_due))

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
        raise BadRequest(Said("approver_required"))

    def build(tx: Tx) -> None:
        data = tx.edit(rel).data
        pending = [e for e in data.get("extensions") or [] if e.get("approved") is None]
        if not pending:
            raise BadRequest(Said("no_pending", task_id=task_id))
        e = pending[-1]
        keys = ["requested", "old_due", "new_due", "reason", "approver", "approved"]
        set_key(e, "approver", approver.strip(), keys)
        set_key(e, "approved", as_of, keys)
        data["due"] = _as_date(e.get("new_due"))

    return Action("approve", [task_id], Msg("cm_approve", id=task_id, approver=approver.strip()), as_of), build


# ---------------------------------------------------------------- new items
REQUIRED = {
    "task": ("title", "lead_unit", "due"),
    "pilot": ("title", "unit", "end"),
    "notice": ("to_unit", "problems"),
    "reminder": ("plan", "to", "report_due"),
    "report": ("unit", "quarter"),
    "event": ("kind", "unit"),
}


# the command-line option that gives each field of `reformctl new`
_OPTION_OF = {
    "lead_unit": "--lead-unit",
    "unit": "--unit",
    "to_unit": "--to-unit",
    "issued_by": "--issued-by",
    "special_group": "--special-group",
    "responsible_units": "--responsible",
    "to": "--to",
}


def _closest(unit: str, units) -> tuple[str, str]:
    """ "did you mean" the unit ids that look like ``unit`` (a typo, a short name), in Chinese and English (empty
    when none does)."""
    import difflib

    near = difflib.get_close_matches(unit, list(units), n=3, cutoff=0.5)
    near += [u for u in units if unit and unit in u and u not in near][: 3 - len(near)]
    if not near:
        return ("", "")
    return (f"；是不是：{'、'.join(near)}", f"; did you mean: {', '.join(near)}")


def new_item(
    root: Path,
    kind: str,
    fields: dict[str, Any],
    as_of: dt.date,
    item_id: Optional[str] = None,
    year: Optional[int] = None,
) -> tuple[Action, Build, Callable[[], str]]:
    """Create an item of ``kind`` from ``fields`` (None values are left out) with the next free id.
    Returns the action, the build and a function giving the id chosen (after the build ran)."""
    k = KINDS_BY_NAME[kind]
    data = {key: v for key, v in fields.items() if v is not None and v != [] and v != ()}
    units = _units(root)
    for key in ("lead_unit", "unit", "to_unit", "issued_by", "special_group"):
        if key in data and units and data[key] not in units:
            raise BadRequest(
                Said(
                    "unknown_unit_for", unit=data[key], option=_OPTION_OF.get(key, key), hint=_closest(data[key], units)
                )
            )
    for key in ("responsible_units", "to"):
        values = data.get(key) or []
        for u in [values] if isinstance(values, str) else values:  # a report's `to` is one unit, a reminder's a list
            if units and u not in units:
                raise BadRequest(
                    Said("unknown_unit_in", unit=u, option=_OPTION_OF.get(key, key), hint=_closest(u, units))
                )
    for p in data.get("problems") or []:
        u = p.get("responsible") if isinstance(p, dict) else None
        if u is not None and units and u not in units:
            raise BadRequest(Said("unknown_unit_in", unit=u, option="--problem '... @UNIT'", hint=_closest(u, units)))
    chosen: dict[str, str] = {}

    def build(tx: Tx) -> None:
        if item_id:
            the_id = item_id
        elif kind == "report":
            the_id = next_id(root, k.folder, f"{PREFIX[kind]}-{data['quarter']}", None)
        else:
            the_id = next_id(root, k.folder, PREFIX[kind], year or as_of.year)
        chosen["id"] = the_id
        rec = {"id": the_id}
        rec.update(_defaults(kind, data, as_of, year))
        for first, last in (("start", "due"), ("start", "end"), ("issued", "report_due")):
            if isinstance(rec.get(first), dt.date) and isinstance(rec.get(last), dt.date) and rec[first] > rec[last]:
                hint = ("（start 缺省为 --as-of）", " (start defaults to --as-of)") if first not in data else ("", "")
                raise BadRequest(
                    Said("date_order", first=first, a=rec[first], last=last.replace("_", "-"), b=rec[last], hint=hint)
                )
        tx.create(f"{k.folder}/{the_id}.yaml", _ordered(rec, k.model), schema=kind)

    label = NEW_KIND_WORDS[kind]
    title = data.get("title") or data.get("subject") or data.get("quarter") or ""

    action = Action("new", [], Msg("cm_new", kind=label), as_of)

    def finish() -> str:
        return chosen.get("id", "")

    def build_and_name(tx: Tx) -> None:
        build(tx)
        action.items[:] = [chosen["id"]]
        action.summary = (
            Msg("cm_new_titled", kind=label, id=chosen["id"], title=title)
            if title
            else Msg("cm_new_id", kind=label, id=chosen["id"])
        )

    return action, build_and_name, finish


def _units(root: Path) -> set[str]:
    from ..load import yamlread

    try:
        data = yamlread.parse((root / "units.yaml").read_text(encoding="utf-8"))
        return {str(u.get("id")) for u in data or [] if isinstance(u, dict)}
    except Exception:  # noqa: BLE001 - units.yaml problems are check's business
        return set()


def units_of_type(root: Path, unit_type: str) -> list[str]:
    """The ids of the units of ``unit_type`` in units.yaml ([] when it cannot be read: check's business)."""
    from ..load import yamlread

    try:
        data = yamlread.parse((root / "units.yaml").read_text(encoding="utf-8"))
        return [str(u.get("id")) for u in data or [] if isinstance(u, dict) and u.get("type") == unit_type]
    except Exception:  # noqa: BLE001 - units.yaml problems are check's business
        return []


def reform_offices(root: Path) -> list[str]:
    """The ids of the units of type reform_office in units.yaml (the default issuer of a notice when there is
    exactly one); of several, the one whose parent is a leading group of the ledger, if only one is."""
    from ..load import yamlread

    try:
        data = yamlread.parse((root / "units.yaml").read_text(encoding="utf-8"))
        units = [u for u in data or [] if isinstance(u, dict)]
        offices = [u for u in units if u.get("type") == "reform_office"]
        if len(offices) > 1:
            # the ledger's own office sits under its own leading group; an upper office (kept as a recipient of
            # reports) does not
            groups = {u.get("id") for u in units if u.get("type") == "leading_group"}
            own = [u for u in offices if u.get("parent") in groups]
            offices = own if len(own) == 1 else offices
        return [str(u.get("id")) for u in offices]
    except Exception:  # noqa: BLE001 - units.yaml problems are check's business
        return []


def parse_milestone(text: str) -> dict:
    """``制定实施方案@2025-04-30`` -> ``{"name": "制定实施方案", "due": 2025-04-30}`` (the last ``@`` splits)."""
    name, at, day = text.rpartition("@")
    due = _as_date(day.strip()) if at else None
    if not at or not name.strip():
        raise BadRequest(Said("milestone_format", text=text))
    if due is None:
        raise BadRequest(Said("milestone_date", value=day.strip(), text=text))
    return {"name": name.strip(), "due": due}


def _defaults(kind: str, data: dict, as_of: dt.date, year: Optional[int]) -> dict:
    out = dict(data)
    if kind == "task":
        out.setdefault("year", year or as_of.year)
        out.setdefault("start", as_of)
        out.setdefault("status", INITIAL["task"])
    elif kind == "pilot":
        out.setdefault("start", as_of)
        out.setdefault("status", INITIAL["pilot"])
    elif kind == "notice":
        out.setdefault("issued", as_of)
        out["problems"] = [dict(p, no=i + 1) if "no" not in p else p for i, p in enumerate(out["problems"])]
        out["problems"] = [{"no": p["no"], **{k: v for k, v in p.items() if k != "no"}} for p in out["problems"]]
    elif kind == "reminder":
        out.setdefault("issued", as_of)
    elif kind == "report":
        out.setdefault("submitted", as_of)
    elif kind == "event":
        out.setdefault("date", as_of)
    return out


def _ordered(rec: dict, model) -> dict:
    keys = list(model.model_fields)
    return {k: rec[k] for k in sorted(rec, key=lambda x: keys.index(x) if x in keys else len(keys))}


def parse_problem(text: str) -> dict:
    """``2016-12-31 台账更新不及时`` or ``2016-12-31 台账更新不及时 @某区委`` -> a problem dict."""
    parts = text.strip().split(None, 1)
    if len(parts) != 2:
        raise BadRequest(Said("problem_format", text=text))
    due = _as_date(parts[0])
    if due is None:
        raise BadRequest(Said("problem_date", value=parts[0]))
    desc, responsible = parts[1], None
    if " @" in desc:
        desc, responsible = desc.rsplit(" @", 1)
    out = {"description": desc.strip(), "responsible": responsible.strip() if responsible else None, "due": due}
    return {k: v for k, v in out.items() if v is not None}


__all__ = [
    "NEW_KINDS",
    "REQUIRED",
    "approve",
    "cancel",
    "complete",
    "evidence",
    "extend",
    "find_item",
    "new_item",
    "parse_problem",
    "pilot_exit",
    "pilot_file",
    "progress",
    "rectify",
    "review",
    "verify",
]
