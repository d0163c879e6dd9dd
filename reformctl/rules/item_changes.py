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
        out.append(Diagnostic.of(rel, "id_changed", path=("id",), old=str(oid), new=str(nid), ref=ref))
    if kind in CLOSED and str(old.get("status", "")) == CLOSED[kind] and old != new:
        first = next((k for k in list(new) + list(old) if old.get(k) != new.get(k)), "status")
        out.append(
            Diagnostic.of(
                rel, "closed_item_edited", path=(first,) if first in new else (), id=str(oid), ref=ref, field=str(first)
            )
        )
    return out


def _records_kept(kind: str, rel: str, old: dict, new: dict, ref: str) -> list[Diagnostic]:
    """The append-only lists of each kind; milestones, recipients and problems are never removed."""
    if kind == "task":
        return (
            _append_only(rel, old.get("progress"), new.get("progress"), ("progress",))
            + _extensions_kept(rel, old.get("extensions"), new.get("extensions"))
            + _milestones_kept(rel, old.get("milestones"), new.get("milestones"), ref)
        )
    if kind == "pilot":
        return _append_only(rel, old.get("adjustments"), new.get("adjustments"), ("adjustments",))
    if kind == "reminder":
        return _append_only(rel, old.get("reports"), new.get("reports"), ("reports",)) + _recipients_kept(
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
                    fill=("done", "result"),
                    problem=str(op.get("no")),
                )
                out += _problem_dates_kept(rel, op, np, j, ref)
                break
        else:
            desc = str(op.get("description") or "")
            desc = desc if len(desc) <= 30 else desc[:30] + "…"
            out.append(
                Diagnostic.of(
                    rel,
                    "problem_removed",
                    path=("problems",) if "problems" in new else (),
                    no=str(op.get("no")),
                    description=desc,
                    id=str(old.get("id")),
                    ref=ref,
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
        Diagnostic.of(rel, "due_without_extension", path=("due",), old=str(old.get("due")), new=str(new.get("due")))
    ]


def _status_not_back(kind: str, rel: str, old: dict, new: dict) -> list[Diagnostic]:
    """A status moves back only with a new reopen_reason."""
    ost, nst = str(old.get("status", "")), str(new.get("status", ""))
    if not is_backwards(kind, ost, nst):
        return []
    reason = new.get("reopen_reason")
    if reason and reason != old.get("reopen_reason"):
        return []
    return [Diagnostic.of(rel, "status_backwards", path=("status",), old=ost, new=nst)]


def _append_only(
    rel: str, old: Any, new: Any, path: tuple, fill: tuple[str, ...] = (), problem: str | None = None
) -> list[Diagnostic]:
    """Entries only appended. ``fill``: keys an entry still pending (its first ``fill`` key empty: a review
    scheduled, not yet done) may get where they are empty, as recording that review does; nothing else.
    ``problem``: the number of the problem whose reviews these are (else the list is the field ``path[-1]``)."""
    what = {"field": path[-1]} if problem is None else {"no": problem}
    old = old if isinstance(old, list) else []
    new = new if isinstance(new, list) else []
    for i, entry in enumerate(old):
        if i >= len(new):
            where = path if new else path[:-1] + (path[-1],)
            key = "append_only.removed" if problem is None else "append_only.review_removed"
            return [Diagnostic.of(rel, key, path=where, n=i + 1, **what)]
        if new[i] != entry and not _filled_in(entry, new[i], fill):
            key = "append_only.changed" if problem is None else "append_only.review_changed"
            return [Diagnostic.of(rel, key, path=path + (i,), n=i + 1, **what)]
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
        Diagnostic.of(
            rel, "append_only.recipients", path=("to",) if new is not None else (), units=gone, id=str(oid), ref=ref
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
                Diagnostic.of(
                    rel,
                    "status_backwards.problem_date",
                    path=("problems", j, key) if key in np else ("problems", j),
                    no=str(op.get("no")),
                    field=key,
                    date=str(op.get(key)),
                    ref=ref,
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
                Diagnostic.of(rel, "append_only.closeout", path=(key,) if key in new else (), ids=gone, field=key)
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
            Diagnostic.of(
                rel, "milestone_removed", path=("milestones",) if new else (), name=name, due=str(m.get("due")), ref=ref
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
            return [Diagnostic.of(rel, "append_only.extension_removed", path=("extensions",) if new else (), n=i + 1)]
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
                Diagnostic.of(
                    rel, "append_only.extension_changed", path=("extensions", i), n=i + 1, field=str(changed[0])
                )
            ]
    return []


def deleted_item(kind: Kind, rel: str, ref: str, short: str) -> Diagnostic:
    """``item_deleted``: the file ``rel`` of ``kind``, present at ``ref`` (commit ``short``), is gone."""
    if kind.key == "id":
        key = "item_deleted"
    else:
        key = {"closeout": "item_deleted.closeout", "assessment": "item_deleted.assessment"}.get(
            kind.name, "item_deleted.record"
        )
    return Diagnostic.of(rel, key, file=rel, ref=ref, commit=short)
