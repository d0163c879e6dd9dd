"""Item rules: deadlines of tasks, pilots, notices, reminders and plans. Pure functions, no I/O.

Completed, closed and cancelled items owe nothing. A task with ``carry_over`` is judged on
``carry_over.new_due`` (``carry_over_overdue``) instead of ``due`` (``task_overdue``). Deadlines given as
working days (``due_working_days``, ``report_within_working_days``) are computed on the official calendar
(:mod:`.workdays`); when a year is unknown there, the item gets a note instead of a wrong date.
See :mod:`.findings` for days, lights and the as-of semantics.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from ..i18n import ARG_WORDS
from ..model.lifecycle import task_open
from ..model.records import Notice, PlanStatus, Problem, Reminder
from .dates import add_days, add_months
from .findings import Ctx, rule
from .workdays import CalendarUnknown, add_working_days


def _open_tasks(ctx: Ctx) -> list:
    """(id, task) of the open tasks as of the date, computed once per evaluation (four rules ask)."""
    found = ctx.shared.get("open_tasks")
    if found is None:
        as_of = ctx.as_of
        found = [(tid, t) for tid, t in ctx.ledger.tasks.items() if task_open(t, as_of)]
        delegated = ctx.shared.get("delegated")
        if delegated:  # a task carried out by a member whose tasks for it are all completed owes nothing here
            found = [(tid, t) for tid, t in found if not delegated.get(tid, (False, None))[0]]
        ctx.shared["open_tasks"] = found
    return found


@rule("task_overdue", "task", per_item=True)
def task_overdue(ctx: Ctx) -> None:
    """An open task past its deadline (``due``; a changed deadline is recorded in ``extensions``)."""
    last = ctx.last_day  # a deadline further away gives nothing: skipped before its message is built
    for tid, t in _open_tasks(ctx):
        if t.carry_over is None and t.due <= last:
            ctx.emit("task_overdue", "task", tid, t.due, t.lead_unit, title=t.title)


@rule("carry_over_overdue", "task", "R13", per_item=True)
def carry_over_overdue(ctx: Ctx) -> None:
    """A task carried over at year end (R13) past its new deadline ``carry_over.new_due``."""
    last = ctx.last_day
    for tid, t in _open_tasks(ctx):
        if t.carry_over is not None and t.carry_over.new_due <= last:
            ctx.emit(
                "carry_over_overdue",
                "task",
                tid,
                t.carry_over.new_due,
                t.lead_unit,
                title=t.title,
                old_due=t.due.isoformat(),
            )


@rule("milestone_overdue", "task", per_item=True)
def milestone_overdue(ctx: Ctx) -> None:
    """A milestone of an open task not done by its date."""
    last = ctx.last_day
    for tid, t in _open_tasks(ctx):
        for m in t.milestones:
            if m.due <= last and not ctx.happened(m.done):
                ctx.emit("milestone_overdue", "task", tid, m.due, t.lead_unit, title=t.title, ref=m.name, name=m.name)


@rule("update_overdue", "task", "R11", per_item=True)
def update_overdue(ctx: Ctx) -> None:
    """R11: an open task's progress is updated every ``update_interval_months``: due that many months after the
    latest ``progress`` date (the task's ``start`` when there is none), clamped to the month's end. The ledger
    owes nothing before its ``start``: a task last updated (or started) earlier counts from ``start``."""
    months = ctx.settings.update_interval_months
    as_of, horizon, delegated = ctx.as_of, ctx.last_day, ctx.shared.get("delegated")
    for tid, t in _open_tasks(ctx):
        dates = [p.date for p in t.progress if p.date <= as_of]
        if delegated and tid in delegated and delegated[tid][1] is not None:
            dates.append(delegated[tid][1])  # the member's progress on it counts as the upper task's
        last = max(max(dates) if dates else t.start, ctx.start)
        due = add_months(last, months)
        if due > horizon:  # further away than any light: skipped before its message is built
            continue
        ctx.emit(
            "update_overdue",
            "task",
            tid,
            due,
            t.lead_unit,
            title=t.title,
            last=last.isoformat(),
            months=months,
        )


@rule("pilot_overdue", "pilot", "R4", per_item=True)
def pilot_overdue(ctx: Ctx) -> None:
    """A pilot still active (or adjusted) after its term ends (``end`` is the last day of the term)."""
    for pid, p in ctx.ledger.pilots.items():
        if p.status.is_open:
            ctx.emit(
                "pilot_overdue",
                "pilot",
                pid,
                p.end,
                p.unit,
                title=p.title,
                start=p.start.isoformat(),
                end=p.end.isoformat(),
                status=p.status.value,
            )


@rule("pilot_not_filed", "pilot", "R5", per_item=True)
def pilot_not_filed(ctx: Ctx) -> None:
    """R5: a running pilot is filed with the leading group within ``pilot_filing_days`` of its start (of the
    ledger's ``start`` for a pilot that began earlier: no deadline falls before the ledger counts)."""
    n = ctx.settings.pilot_filing_days
    for pid, p in ctx.ledger.pilots.items():
        if p.status.is_open and not ctx.happened(p.filed):
            ctx.emit(
                "pilot_not_filed",
                "pilot",
                pid,
                add_days(max(p.start, ctx.start), n),
                p.unit,
                title=p.title,
                start=max(p.start, ctx.start).isoformat(),
                n=n,
            )


def problem_due(n: Notice, p: Problem) -> tuple[dt.date, dict]:
    """The deadline of a problem: ``due`` when given, else ``due_working_days`` after the notice was issued.
    Returns the date and the message arguments saying how it was computed. Raises CalendarUnknown."""
    if p.due is not None:
        return p.due, {}
    assert p.due_working_days is not None
    return add_working_days(n.issued, p.due_working_days), {
        "working_days": p.due_working_days,
        "counted_from": n.issued.isoformat(),
    }


def reminder_due(r: Reminder) -> tuple[dt.date, dict]:
    """The report deadline of a reminder: ``report_due`` when given, else ``report_within_working_days`` after
    it was issued. Raises CalendarUnknown."""
    if r.report_due is not None:
        return r.report_due, {}
    assert r.report_within_working_days is not None
    return add_working_days(r.issued, r.report_within_working_days), {
        "working_days": r.report_within_working_days,
        "counted_from": r.issued.isoformat(),
    }


def _calendar_note(ctx: Ctx, kind: str, id: str, ref: str, what: str, exc: CalendarUnknown) -> None:
    ctx.note("calendar_unknown", kind, id, ref, what=what, year=exc.year, lo=exc.known[0], hi=exc.known[1])


def _notice_title(n: Notice) -> str:
    return n.subject or ""


@rule("problem_overdue", "notice", "R14", per_item=True)
def problem_overdue(ctx: Ctx) -> None:
    """R14: a problem of a rectification notice not rectified by its deadline. Unit: the problem's
    ``responsible``, else the notice's ``to_unit``."""
    for nid, n in ctx.ledger.notices.items():
        for p in n.problems:
            if ctx.happened(p.rectified):
                continue
            try:
                due, how = problem_due(n, p)
            except CalendarUnknown as exc:
                _calendar_note(ctx, "notice", nid, str(p.no), f"{nid} problem {p.no}", exc)
                continue
            ctx.emit(
                "problem_overdue",
                "notice",
                nid,
                due,
                p.responsible or n.to_unit,
                title=_notice_title(n),
                ref=str(p.no),
                no=p.no,
                description=p.description,
                **how,
            )


@rule("review_overdue", "notice", "R14", per_item=True)
def review_overdue(ctx: Ctx) -> None:
    """R14: a follow-up review of a problem not done by its date (problems already rectified need none)."""
    for nid, n in ctx.ledger.notices.items():
        for p in n.problems:
            if ctx.happened(p.rectified):
                continue
            for j, r in enumerate(p.reviews):
                if not ctx.happened(r.done):
                    ctx.emit(
                        "review_overdue",
                        "notice",
                        nid,
                        r.due,
                        p.responsible or n.to_unit,
                        title=_notice_title(n),
                        ref=f"{p.no}/{j + 1}",
                        no=p.no,
                    )


@rule("reminder_overdue", "reminder", "R10", per_item=True)
def reminder_overdue(ctx: Ctx) -> None:
    """R10: a unit notified by a supervision reminder has not reported by the deadline; one finding per unit."""
    for rid, r in ctx.ledger.reminders.items():
        reported = {x.unit for x in r.reports if ctx.happened(x.date)}
        missing = [u for u in dict.fromkeys(r.to) if u not in reported]
        if not missing:
            continue
        try:
            due, how = reminder_due(r)
        except CalendarUnknown as exc:
            _calendar_note(ctx, "reminder", rid, "", rid, exc)
            continue
        for u in missing:
            ctx.emit("reminder_overdue", "reminder", rid, due, u, title=r.subject or r.plan, ref=u, plan=r.plan, **how)


@rule("plan_review_overdue", "plan", per_item=True)
def plan_review_overdue(ctx: Ctx) -> None:
    """Art. 5: a plan whose scheduled leading-group review (``review_scheduled``) passed without ``approved``.
    Unit: the plan's lead unit, else its special group."""
    for pid, p in ctx.ledger.plans.items():
        if p.review_scheduled is None or ctx.happened(p.approved):
            continue
        if p.status not in (PlanStatus.drafting, PlanStatus.reviewing):
            continue
        ctx.emit("plan_review_overdue", "plan", pid, p.review_scheduled, _plan_unit(p), title=p.title)


@rule("plan_review_unprepared", "plan", "art. 5", per_item=True)
def plan_review_unprepared(ctx: Ctx) -> None:
    """Art. 5: a plan due for leading-group review that still lacks its social-stability risk assessment (when
    needed) or its legality review: yellow before the meeting (within due_soon_days), never red (after the
    meeting date `plan_review_overdue` takes over). Unit: the plan's lead unit, else its special group."""
    from .programme import plan_preparation_missing

    for pid, p in ctx.ledger.plans.items():
        if p.review_scheduled is None or ctx.happened(p.approved) or p.review_scheduled < ctx.as_of:
            continue
        if p.status not in (PlanStatus.drafting, PlanStatus.reviewing):
            continue
        missing = plan_preparation_missing(p, ctx.as_of)
        if missing:
            ctx.emit(
                "plan_review_unprepared",
                "plan",
                pid,
                p.review_scheduled,
                _plan_unit(p),
                title=p.title,
                missing=",".join(missing),
                missing_zh="、".join(ARG_WORDS[m].zh for m in missing),
                missing_en=", ".join(ARG_WORDS[m].en for m in missing),
            )


def _plan_unit(p) -> Optional[str]:
    return p.lead_unit or p.special_group
