"""The rules of a change to one item (``check --base REF``, ``import``, and every write before its commit):
pure functions of the item's data before and after. :mod:`reformctl.actions.changes` applies them to the change
from a git revision to the working tree; :mod:`reformctl.store` to the change a write is about to commit."""

from __future__ import annotations

from typing import Any

from ..model import Diagnostic, Kind
from ..model.lifecycle import CLOSED, RANKS, is_backwards  # noqa: F401 - RANKS: part of this module's interface


def compare_item(kind: str, rel: str, old: dict, new: dict, ref: str) -> list[Diagnostic]:
    """The rules of a change applied to one item: ``old`` and ``new`` are its data (plain dicts as the YAML
    loader or ``model_dump(mode="json")`` gives them) before and after, ``kind`` its kind name (``task``,
    ``notice``...), ``rel`` its ledger-relative file, ``ref`` how the "before" side is named in messages.

    Returns diagnostics with ``file`` set and a YAML ``path`` (no line: :func:`reformctl.load.locate` adds it)
    for every rule of the module docstring except ``item_deleted`` and ``ratchet_new_red``, which need the
    whole ledger. Used by ``check --base`` and by ``import`` (an import never makes a change CI refuses).
    Pure: no I/O, no git.
    """
    out = _identity_kept(kind, rel, old, new, ref)
    out += _records_kept(kind, rel, old, new, ref)
    if kind == "task":
        out += _due_extended(rel, old, new)
    out += _status_not_back(kind, rel, old, new)
    return out


def _identity_kept(kind: str, rel: str, old: dict, new: dict, ref: str) -> list[Diagnostic]:
    """An id never changes, and a written-off item is not edited at all."""
    out: list[Diagnostic] = []
    oid, nid = old.get("id"), new.get("id")
    if oid != nid:
        out.append(
            Diagnostic(
                rel,
                "id_changed",
                f"id changed from {oid} to {nid} since {ref}: an id never changes "
                "(create a new item and cancel this one)",
                path=("id",),
            )
        )
    if kind in CLOSED and str(old.get("status", "")) == CLOSED[kind] and old != new:
        first = next((k for k in list(new) + list(old) if old.get(k) != new.get(k)), "status")
        out.append(
            Diagnostic(
                rel,
                "closed_item_edited",
                f"{oid} was written off (closed) at {ref} and must not be edited (`{first}` changed)",
                path=(first,) if first in new else (),
            )
        )
    return out


def _records_kept(kind: str, rel: str, old: dict, new: dict, ref: str) -> list[Diagnostic]:
    """The append-only lists of each kind; milestones, recipients and problems are never removed."""
    if kind == "task":
        return (
            _append_only(rel, old.get("progress"), new.get("progress"), ("progress",), "progress")
            + _extensions_kept(rel, old.get("extensions"), new.get("extensions"))
            + _milestones_kept(rel, old.get("milestones"), new.get("milestones"), ref)
        )
    if kind == "pilot":
        return _append_only(rel, old.get("adjustments"), new.get("adjustments"), ("adjustments",), "adjustments")
    if kind == "reminder":
        return _append_only(rel, old.get("reports"), new.get("reports"), ("reports",), "reports") + _recipients_kept(
            rel, old.get("to"), new.get("to"), old.get("id"), ref
        )
    if kind == "closeout":
        return _closeout_kept(rel, old, new)
    if kind == "notice":
        return _problems_kept(rel, old, new, ref)
    return []


def _problems_kept(rel: str, old: dict, new: dict, ref: str) -> list[Diagnostic]:
    """A notice's problems stay, with their reviews (append-only) and their rectified/verified dates."""
    out: list[Diagnostic] = []
    new_problems: list[Any] = new["problems"] if isinstance(new.get("problems"), list) else []
    old_problems: list[Any] = old["problems"] if isinstance(old.get("problems"), list) else []
    for op in old_problems:
        if not isinstance(op, dict):
            continue
        for j, np in enumerate(new_problems):
            if isinstance(np, dict) and np.get("no") == op.get("no"):
                out += _append_only(
                    rel,
                    op.get("reviews"),
                    np.get("reviews"),
                    ("problems", j, "reviews"),
                    f"problem {op.get('no')} reviews",
                    fill=("done", "result"),
                )
                out += _problem_dates_kept(rel, op, np, j, ref)
                break
        else:
            desc = str(op.get("description") or "")
            desc = desc if len(desc) <= 30 else desc[:30] + "…"
            out.append(
                Diagnostic(
                    rel,
                    "problem_removed",
                    f"problem {op.get('no')} ({desc}) was removed from "
                    f"{old.get('id')} since {ref}: a problem stays on its notice (restore it, with its "
                    "number; record `rectified`/`verified` or a review instead)",
                    path=("problems",) if "problems" in new else (),
                )
            )
    return out


def _due_extended(rel: str, old: dict, new: dict) -> list[Diagnostic]:
    """A task's changed due needs the extension record that moved it."""
    if old.get("due") == new.get("due") or old.get("due") is None:
        return []
    exts: list[Any] = new["extensions"] if isinstance(new.get("extensions"), list) else []
    if any(
        isinstance(e, dict)
        and str(e.get("old_due")) == str(old.get("due"))
        and str(e.get("new_due")) == str(new.get("due"))
        for e in exts
    ):
        return []
    return [
        Diagnostic(
            rel,
            "due_without_extension",
            f"due changed from {old.get('due')} to "
            f"{new.get('due')} without an extension record (extensions: old_due "
            f"{old.get('due')}, new_due {new.get('due')}, reason, approver); use "
            "`reformctl extend`",
            path=("due",),
        )
    ]


def _status_not_back(kind: str, rel: str, old: dict, new: dict) -> list[Diagnostic]:
    """A status moves back only with a new reopen_reason."""
    ost, nst = str(old.get("status", "")), str(new.get("status", ""))
    if not is_backwards(kind, ost, nst):
        return []
    reason = new.get("reopen_reason")
    if reason and reason != old.get("reopen_reason"):
        return []
    return [
        Diagnostic(
            rel,
            "status_backwards",
            f"status moved back from {ost} to {nst} without a reason: write why in `reopen_reason`",
            path=("status",),
        )
    ]


def _append_only(rel: str, old: Any, new: Any, path: tuple, what: str, fill: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Entries only appended. ``fill``: keys an entry still pending (its first ``fill`` key empty: a review
    scheduled, not yet done) may get where they are empty, as recording that review does; nothing else."""
    old = old if isinstance(old, list) else []
    new = new if isinstance(new, list) else []
    for i, entry in enumerate(old):
        if i >= len(new):
            where = path if new else path[:-1] + (path[-1],)
            return [
                Diagnostic(
                    rel, "append_only", f"{what} entry {i + 1} was removed: entries are only appended", path=where
                )
            ]
        if new[i] != entry and not _filled_in(entry, new[i], fill):
            return [
                Diagnostic(
                    rel,
                    "append_only",
                    f"{what} entry {i + 1} was changed: entries are only appended (add a new one instead)",
                    path=path + (i,),
                )
            ]
    return []


def _filled_in(old: Any, new: Any, fill: tuple[str, ...]) -> bool:
    if not fill or not isinstance(old, dict) or not isinstance(new, dict) or old.get(fill[0]) is not None:
        return False
    changed = {k for k in set(old) | set(new) if old.get(k) != new.get(k)}
    return all(k in fill and old.get(k) in (None, "") for k in changed)


def _recipients_kept(rel: str, old: Any, new: Any, oid: Any, ref: str) -> list[Diagnostic]:
    """Every recipient (``to``) of a reminder at the base is still there: dropping one would silently clear the
    ``reminder_overdue`` finding of a unit that never reported."""
    before = [str(u) for u in old] if isinstance(old, list) else []
    after = {str(u) for u in new} if isinstance(new, list) else set()
    gone = [u for u in before if u not in after]
    if not gone:
        return []
    return [
        Diagnostic(
            rel,
            "append_only",
            f"{', '.join(gone)} removed from `to` of {oid} since {ref}: a reminder's "
            "recipients are only added (a unit that has not reported stays overdue; record its report "
            "in `reports` instead)",
            path=("to",) if new is not None else (),
        )
    ]


def _problem_dates_kept(rel: str, op: dict, np: dict, j: int, ref: str) -> list[Diagnostic]:
    """A problem's ``rectified`` and ``verified`` dates are not cleared (the problem moving back from rectified
    or verified) unless the problem gives a new ``reopen_reason``."""
    out = []
    for key in ("rectified", "verified"):
        if op.get(key) is not None and np.get(key) is None:
            reason = np.get("reopen_reason")
            if reason and reason != op.get("reopen_reason"):
                continue
            out.append(
                Diagnostic(
                    rel,
                    "status_backwards",
                    f"problem {op.get('no')}: `{key}` ({op.get(key)}) was "
                    f"cleared since {ref} without a reason: restore it, or write why in the problem's "
                    "`reopen_reason`",
                    path=("problems", j, key) if key in np else ("problems", j),
                )
            )
    return out


def _closeout_kept(rel: str, old: dict, new: dict) -> list[Diagnostic]:
    """A close-out record only grows: no id leaves ``closed`` (a write-off is final) nor ``carried_over`` (a
    re-run of close-out may rewrite an entry's reason, measures and new deadline, never drop it)."""
    out = []
    for key, ids in (
        ("closed", lambda v: [str(x) for x in v]),
        ("carried_over", lambda v: [str(e.get("id")) for e in v if isinstance(e, dict)]),
    ):
        before = ids(old.get(key)) if isinstance(old.get(key), list) else []
        after = set(ids(new.get(key))) if isinstance(new.get(key), list) else set()
        gone = [i for i in before if i not in after]
        if gone:
            out.append(
                Diagnostic(
                    rel,
                    "append_only",
                    f"{', '.join(gone)} removed from `{key}` of the close-out record: its entries are only appended",
                    path=(key,) if key in new else (),
                )
            )
    return out


def _milestones_kept(rel: str, old: Any, new: Any, ref: str) -> list[Diagnostic]:
    """Every milestone of the base is still there (matched by name: a renamed milestone counts as removed)."""
    old = [m for m in old if isinstance(m, dict)] if isinstance(old, list) else []
    new = [m for m in new if isinstance(m, dict)] if isinstance(new, list) else []
    left = [str(m.get("name")) for m in new]
    out = []
    for m in old:
        name = str(m.get("name"))
        if name in left:
            left.remove(name)
            continue
        out.append(
            Diagnostic(
                rel,
                "milestone_removed",
                f"milestone {name!r} (due {m.get('due')}) was removed or "
                f"renamed since {ref}: milestones stay on the record (restore it; mark it `done`, "
                "or explain in a progress entry)",
                path=("milestones",) if new else (),
            )
        )
    return out


def _extensions_kept(rel: str, old: Any, new: Any) -> list[Diagnostic]:
    """Extension records are kept: none removed, none rewritten; approving a pending one (filling in ``approver``
    and ``approved``, as `reformctl approve` does) is the only edit."""
    old = old if isinstance(old, list) else []
    new = new if isinstance(new, list) else []
    for i, entry in enumerate(old):
        if i >= len(new):
            return [
                Diagnostic(
                    rel,
                    "append_only",
                    f"extension record {i + 1} was removed: extension records are only appended",
                    path=("extensions",) if new else (),
                )
            ]
        now = new[i]
        if isinstance(entry, dict) and isinstance(now, dict):
            changed = sorted(
                k
                for k in set(entry) | set(now)
                if entry.get(k) != now.get(k) and not (k in ("approver", "approved") and entry.get(k) is None)
            )
        else:
            changed = ["entry"] if entry != now else []
        if changed:
            return [
                Diagnostic(
                    rel,
                    "append_only",
                    f"extension record {i + 1} was changed (`{changed[0]}`): "
                    "extension records are only appended (approving a pending one is the only edit)",
                    path=("extensions", i),
                )
            ]
    return []


def deleted_item(kind: Kind, rel: str, ref: str, short: str) -> Diagnostic:
    """``item_deleted``: the file ``rel`` of ``kind``, present at ``ref`` (commit ``short``), is gone."""
    if kind.key == "id":
        why = "item files are never deleted; cancel the item or write it off instead"
    else:
        what = {"closeout": "a year's close-out record", "assessment": "a year's assessment"}.get(kind.name, "a record")
        why = f"{what} is never deleted (correct it with a new commit instead)"
    return Diagnostic(rel, "item_deleted", f"{rel} was deleted since {ref} ({short}): {why}")
