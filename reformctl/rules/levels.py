"""Levels: the office above reads the ledgers of the level below (its ``members``). Pure functions, no I/O.

What comes out of a repository (a member's fetched commit, its date, its ledger read at that commit) is handed in as
:class:`MemberView` objects by the store layer (:mod:`reformctl.store.members`); here are only the judgements:
which member source is unsafe to hand to git, the upper-level rules (``docking_missing``, ``member_stale``,
``member_invalid``), the delegated tasks and the cross-level references `check --members` warns about.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from collections.abc import Collection
from typing import Optional

from ..i18n import ARG_WORDS
from ..model import Diagnostic, Ledger, Severity
from .dates import add_days, add_months
from .findings import Ctx, rule

# a branch name git accepts and nothing can read as an option or a revision expression
_BRANCH_RE = re.compile(r"^(?!-)(?!.*\.\.)(?!.*//)(?!.*@\{)(?!.*\.lock$)(?!.*[/.]$)[^\x00-\x20\x7f~^:?*\[\\]+$")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def source_problems(repo: str, branch: Optional[str], path: Optional[str]) -> list[tuple[str, str, dict]]:
    """Why a member's ``repo``, ``branch`` or ``path`` must not be handed to git: (field, message key, values)
    triples (the key of :mod:`reformctl.i18n.diagnostics`).
    Members are other offices' repositories: an option-like URL (``--upload-pack=...``) would run a
    command, and the ``ext::`` transport (or any ``<helper>::`` address) runs one by design."""
    out: list[tuple[str, str, dict]] = []
    if repo.startswith("-"):
        out.append(("repo", "member_unsafe.repo_option", {"repo": repo}))
    elif _CONTROL_RE.search(repo):
        out.append(("repo", "member_unsafe.repo_control", {}))
    elif "::" in repo.split("/", 1)[0] or repo.lower().startswith(("ext::", "fd::")):
        out.append(("repo", "member_unsafe.repo_transport", {"repo": repo}))
    if branch is not None and not _BRANCH_RE.match(branch):
        out.append(("branch", "member_unsafe.branch", {"branch": branch}))
    if path is not None:
        parts = path.replace("\\", "/").split("/")
        if (
            path.startswith(("/", "\\"))
            or ".." in parts
            or _CONTROL_RE.search(path)
            or "\\" in path
            or path.startswith("-")
            or re.match(r"^[A-Za-z]:", path)
        ):
            out.append(("path", "member_unsafe.path", {"folder": path}))
    return out


def member_path(path: Optional[str]) -> str:
    """The member's ledger folder inside its repository, normalised ("" for the root)."""
    if not path:
        return ""
    return "/".join(p for p in path.split("/") if p not in ("", "."))


def check_members(ledger: Ledger) -> list[Diagnostic]:
    """The settings' ``members`` and the plans' ``dock``: each member a unit of units.yaml, once, with a source
    git can be given safely; each unit a plan's ``dock`` names a member."""
    s = ledger.settings
    if s is None:
        return []
    out: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for i, m in enumerate(s.members):
        if m.unit not in ledger.units:
            out.append(Diagnostic.of("reformctl.yaml", "unknown_unit.member", path=("members", i, "unit"), unit=m.unit))
        if m.unit in seen:
            out.append(
                Diagnostic.of(
                    "reformctl.yaml",
                    "duplicate_member",
                    path=("members", i, "unit"),
                    unit=m.unit,
                    first=seen[m.unit] + 1,
                    second=i + 1,
                )
            )
        else:
            seen[m.unit] = i
        for fld, key, values in source_problems(m.repo, m.branch, m.path):
            out.append(Diagnostic.of("reformctl.yaml", key, path=("members", i, fld), **values))
    for pid, p in ledger.plans.items():
        if isinstance(p.dock, list):
            for j, u in enumerate(p.dock):
                if u not in seen:
                    out.append(Diagnostic.of(ledger.file_of("plan", pid), "dock_not_member", path=("dock", j), unit=u))
    return out


# ---------------------------------------------------------------- what the store layer hands in
@dataclass(frozen=True)
class MemberIndex:
    """What the upper-level rules need of a member's ledger, small enough to remember per commit: the ids its
    plans and tasks name in ``docks``, and for each of its tasks naming an upper task in ``upper``: (that id, its
    completion date when completed or closed, else None, its progress dates); and its unit ids."""

    docks: frozenset = frozenset()
    uppers: tuple = ()
    units: frozenset = frozenset()


def member_index(ledger: Ledger) -> MemberIndex:
    from ..model.records import TaskStatus

    done = (TaskStatus.completed, TaskStatus.closed)
    docks = {x.docks for x in ledger.plans.values() if x.docks is not None}
    docks.update(t.docks for t in ledger.tasks.values() if t.docks is not None)
    uppers = tuple(
        (t.upper, t.completed if t.status in done else None, tuple(p.date for p in t.progress))
        for t in ledger.tasks.values()
        if t.upper is not None
    )
    return MemberIndex(frozenset(docks), uppers, frozenset(ledger.units))


@dataclass(frozen=True)
class MemberView:
    """One member as the roll-up sees it: its unit, the fetched commit (None: never fetched) and that commit's
    committer date in China Standard Time, what the rules need of its ledger at that commit (``index``; None
    when it could not be read as a ledger) and, when it was loaded, the ledger itself; how many errors `check`
    finds in it, and ``error``: why it could not be read at all, if so (``unsafe`` when its source was refused)."""

    unit: str
    commit: Optional[str] = None
    date: Optional[dt.date] = None
    ledger: Optional[Ledger] = field(default=None, compare=False, repr=False)
    errors: int = 0
    error: Optional[str] = None
    index: Optional[MemberIndex] = field(default=None, compare=False, repr=False)
    unsafe: bool = False  # its source (repo, branch, path) was refused before git saw it: `check` says why


LEVEL_RULES = ("docking_missing", "member_stale", "member_invalid")


def _views(ctx: Ctx) -> list[MemberView]:
    return ctx.shared.get("members") or []


@rule("docking_missing", "plan", "art. 5, 13")
def docking_missing(ctx: Ctx) -> None:
    """An issued upper plan with ``dock`` (``all`` or member units) owes, from each of those members, a plan or
    task naming it in ``docks`` at the member's fetched commit; due ``docking_days`` after ``issued``. Unit: the
    member. Runs only with `--members`."""
    views = {v.unit: v for v in _views(ctx)}
    if not views or ctx.ledger.settings is None:
        return
    days = ctx.settings.docking_days
    members = [m.unit for m in ctx.ledger.settings.members]
    for pid, p in ctx.ledger.plans.items():
        if p.dock is None or p.issued is None:
            continue
        owing = members if p.dock == "all" else [u for u in p.dock if u in members]
        for unit in dict.fromkeys(owing):
            v = views.get(unit)
            if v is None:  # filtered out (--member)
                continue
            if v.index is not None and pid in v.index.docks:
                continue
            ctx.emit(
                "docking_missing",
                "plan",
                pid,
                add_days(p.issued, days),
                unit,
                title=p.title,
                ref=unit,
                member=unit,
                issued=p.issued.isoformat(),
                n=days,
            )


@rule("member_stale", "unit", "R11")
def member_stale(ctx: Ctx) -> None:
    """A member whose fetched branch has no commit in the last ``update_interval_months`` (due that long after
    its last commit's date in China Standard Time, never before that long after the ledger's start), or that
    was never fetched (due that long after ``start``). Runs only with `--members`."""
    months = ctx.settings.update_interval_months
    for v in _views(ctx):
        last = max(v.date, ctx.start) if v.date is not None else ctx.start
        if v.commit is None or v.date is None:
            never = ARG_WORDS["never_fetched"]
            said = {"last_zh": never.zh, "last_en": never.en, "last": ""}
        else:
            day = v.date.isoformat()
            committed = ARG_WORDS["last_committed"]
            said = {"last_zh": committed.zh.format(date=day), "last_en": committed.en.format(date=day), "last": day}
        ctx.emit(
            "member_stale",
            "unit",
            v.unit,
            add_months(last, months),
            v.unit,
            file="reformctl.yaml",
            months=months,
            **said,
        )


@rule("member_invalid", "unit")
def member_invalid(ctx: Ctx) -> None:
    """A member whose ledger at its fetched commit has `check` errors (or cannot be read as a ledger): red from
    the day after the commit's date. Runs only with `--members`."""
    for v in _views(ctx):
        if v.commit is None or (not v.errors and v.error is None):
            continue
        due = v.date or ctx.start
        ctx.emit(
            "member_invalid",
            "unit",
            v.unit,
            due,
            v.unit,
            file="reformctl.yaml",
            ref=v.commit[:12],
            commit=v.commit[:12],
            errors=v.errors or 1,
            reason=v.error or "",
        )


def delegations(upper: Ledger, views: list[MemberView], as_of: dt.date) -> dict[str, tuple[bool, Optional[dt.date]]]:
    """For each upper task led by a member that has tasks naming it in ``upper``: (every such member task is
    completed on or before ``as_of``, the latest progress date of those tasks up to ``as_of``)."""
    by_unit = {v.unit: v for v in views if v.index is not None}
    if not by_unit:
        return {}
    out: dict[str, tuple[bool, Optional[dt.date]]] = {}
    wanted: dict[str, list[str]] = {}
    for tid, t in upper.tasks.items():
        if t.lead_unit in by_unit:
            wanted.setdefault(t.lead_unit, []).append(tid)
    for unit, ids in wanted.items():
        mine: dict[str, list] = {}
        index = by_unit[unit].index
        assert index is not None  # by_unit holds only members with one
        for upper_id, completed, progress in index.uppers:
            mine.setdefault(upper_id, []).append((completed, progress))
        for tid in ids:
            tasks = mine.get(tid)
            if not tasks:
                continue
            done = all(completed is not None and completed <= as_of for completed, _p in tasks)
            dates = [d for _c, progress in tasks for d in progress if d <= as_of]
            out[tid] = (done, max(dates) if dates else None)
    return out


def reference_warnings(upper: Ledger, member: Ledger) -> list[Diagnostic]:
    """`check --members`: a member's ``upper`` naming a task, or ``docks`` naming a plan, that the upper ledger
    does not have (warnings, on the member's files)."""
    named: list[tuple[str, str, str, Optional[str], Collection[str], str]] = []
    for tid, t in member.tasks.items():
        named += [
            ("task", tid, "upper", t.upper, upper.tasks, "unknown_upper.task"),
            ("task", tid, "docks", t.docks, upper.plans, "unknown_upper.plan"),
        ]
    named += [("plan", pid, "docks", p.docks, upper.plans, "unknown_upper.plan") for pid, p in member.plans.items()]
    return [
        Diagnostic.of(
            member.file_of(kind, item_id),
            key,
            Severity.warning,
            path=(field,),
            field=field,
            id=target,
        )
        for kind, item_id, field, target, known, key in named
        if target is not None and target not in known
    ]
