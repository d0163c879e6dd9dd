"""Item rules: deadlines of tasks, pilots, notices, reminders and plans. Pure functions, no I/O.

Completed, closed and cancelled items owe nothing. A task with ``carry_over`` is judged on
``carry_over.new_due`` (``carry_over_overdue``) instead of ``due`` (``task_overdue``). Deadlines given as
working days (``due_working_days``, ``report_within_working_days``) are computed on the official calendar
(:mod:`.workdays`); when a year is unknown there, the item gets a note instead of a wrong date.
See :mod:`.findings` for days, lights and the as-of semantics.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator, Optional

from ..i18n import ARG_WORDS
from ..model.lifecycle import task_owes
from ..model.records import Notice, PlanStatus, Problem, Reminder
from .dates import ONE_DAY, add_days, add_months
from .owed import ItemEnv, Owed, Unjudged, before, item_rule, meet
from .workdays import CalendarUnknown, add_working_days


@item_rule("task_overdue", "task")
def task_overdue(tid: str, t: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed]:
    """An open task past its deadline (``due``; a changed deadline is recorded in ``extensions``)."""
    owes, until = task_owes(t)
    if owes and t.carry_over is None:
        yield Owed("task_overdue", "task", tid, t.due, t.lead_unit, None, until, t.title)


@item_rule("carry_over_overdue", "task", "R13")
def carry_over_overdue(tid: str, t: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed]:
    """A task carried over at year end (R13) past its new deadline ``carry_over.new_due``."""
    owes, until = task_owes(t)
    if owes and t.carry_over is not None:
        args = {"old_due": t.due.isoformat()}
        yield Owed("carry_over_overdue", "task", tid, t.carry_over.new_due, t.lead_unit, None, until, t.title, "", args)


@item_rule("milestone_overdue", "task")
def milestone_overdue(tid: str, t: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed]:
    """A milestone of an open task not done by its date."""
    owes, until = task_owes(t)
    if owes:
        for m in t.milestones:
            last = meet(until, before(m.done))
            yield Owed(
                "milestone_overdue", "task", tid, m.due, t.lead_unit, None, last, t.title, m.name, {"name": m.name}
            )


@item_rule("update_overdue", "task", "R11")
def update_overdue(tid: str, t: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed]:
    """R11: an open task's progress is updated every ``update_interval_months``: due that many months after the
    latest ``progress`` date (the task's ``start`` when there is none), clamped to the month's end. The ledger
    owes nothing before its ``start``: a task last updated (or started) earlier counts from ``start``."""
    owes, until = task_owes(t)
    if not owes:
        return
    months = env.settings.update_interval_months
    marks = {p.date for p in t.progress}
    delegated = env.delegated.get(tid) if env.delegated else None
    if delegated is not None and delegated[1] is not None:
        marks.add(delegated[1])  # the member's progress on it counts as the upper task's (as of the date asked)
    # from each progress date on, the last update is that date; before the first one, the task's start
    points: list[tuple[Optional[dt.date], dt.date]] = [(None, t.start), *((d, d) for d in sorted(marks))]
    if at is not None:
        points = [p for p in points if p[0] is None or p[0] <= at][-1:]
    for i, (since, last) in enumerate(points):
        last = max(last, env.start)
        following = points[i + 1] if i + 1 < len(points) else None
        if following is not None and max(following[1], env.start) == last:
            points[i + 1] = (since, following[1])  # the same last update: one stretch of dates
            continue
        owed_until = meet(until, before(following[0]) if following is not None else None)
        if since is not None and owed_until is not None and since > owed_until:
            continue
        due = add_months(last, months)
        args = {"last": last.isoformat(), "months": months}
        yield Owed("update_overdue", "task", tid, due, t.lead_unit, since, owed_until, t.title, "", args)


@item_rule("pilot_overdue", "pilot", "R4")
def pilot_overdue(pid: str, p: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed]:
    """A pilot still active (or adjusted) after its term ends (``end`` is the last day of the term)."""
    if p.status.is_open:
        args = {"start": p.start.isoformat(), "end": p.end.isoformat(), "status": p.status.value}
        yield Owed("pilot_overdue", "pilot", pid, p.end, p.unit, None, None, p.title, "", args)


@item_rule("pilot_not_filed", "pilot", "R5")
def pilot_not_filed(pid: str, p: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed]:
    """R5: a running pilot is filed with the leading group within ``pilot_filing_days`` of its start (of the
    ledger's ``start`` for a pilot that began earlier: no deadline falls before the ledger counts)."""
    if p.status.is_open:
        n, start = env.settings.pilot_filing_days, max(p.start, env.start)
        args = {"start": start.isoformat(), "n": n}
        yield Owed(
            "pilot_not_filed", "pilot", pid, add_days(start, n), p.unit, None, before(p.filed), p.title, "", args
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


def _calendar_note(kind: str, id: str, ref: str, what: str, exc: CalendarUnknown, until: Optional[dt.date]) -> Unjudged:
    args = {"what": what, "year": exc.year, "lo": exc.known[0], "hi": exc.known[1]}
    return Unjudged("calendar_unknown", kind, id, ref, args, None, until)


def _notice_title(n: Notice) -> str:
    return n.subject or ""


@item_rule("problem_overdue", "notice", "R14")
def problem_overdue(nid: str, n: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed | Unjudged]:
    """R14: a problem of a rectification notice not rectified by its deadline. Unit: the problem's
    ``responsible``, else the notice's ``to_unit``."""
    for p in n.problems:
        until = before(p.rectified)
        if at is not None and until is not None and at > until:
            continue
        try:
            due, how = problem_due(n, p)
        except CalendarUnknown as exc:
            yield _calendar_note("notice", nid, str(p.no), f"{nid} problem {p.no}", exc, until)
            continue
        args = {"no": p.no, "description": p.description, **how}
        yield Owed(
            "problem_overdue",
            "notice",
            nid,
            due,
            p.responsible or n.to_unit,
            None,
            until,
            _notice_title(n),
            str(p.no),
            args,
        )


@item_rule("review_overdue", "notice", "R14")
def review_overdue(nid: str, n: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed]:
    """R14: a follow-up review of a problem not done by its date (problems already rectified need none)."""
    for p in n.problems:
        rectified = before(p.rectified)
        for j, r in enumerate(p.reviews):
            until = meet(rectified, before(r.done))
            unit, ref = p.responsible or n.to_unit, f"{p.no}/{j + 1}"
            yield Owed("review_overdue", "notice", nid, r.due, unit, None, until, _notice_title(n), ref, {"no": p.no})


@item_rule("reminder_overdue", "reminder", "R10")
def reminder_overdue(rid: str, r: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed | Unjudged]:
    """R10: a unit notified by a supervision reminder has not reported by the deadline; one finding per unit."""
    first: dict[str, dt.date] = {}  # each unit's earliest report: it owes nothing from that day on
    for x in r.reports:
        if x.unit not in first or x.date < first[x.unit]:
            first[x.unit] = x.date
    units = [u for u in dict.fromkeys(r.to) if at is None or u not in first or first[u] > at]
    if not units:
        return
    untils = [before(first.get(u)) for u in units]
    try:
        due, how = reminder_due(r)
    except CalendarUnknown as exc:
        last = None if any(u is None for u in untils) else max(u for u in untils if u is not None)
        yield _calendar_note("reminder", rid, "", rid, exc, last)
        return
    for u, until in zip(units, untils):
        args = {"plan": r.plan, **how}
        yield Owed("reminder_overdue", "reminder", rid, due, u, None, until, r.subject or r.plan, u, args)


@item_rule("plan_review_overdue", "plan")
def plan_review_overdue(pid: str, p: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed]:
    """Art. 5: a plan whose scheduled leading-group review (``review_scheduled``) passed without ``approved``.
    Unit: the plan's lead unit, else its special group."""
    if p.review_scheduled is not None and p.status in (PlanStatus.drafting, PlanStatus.reviewing):
        yield Owed(
            "plan_review_overdue", "plan", pid, p.review_scheduled, _plan_unit(p), None, before(p.approved), p.title
        )


@item_rule("plan_review_unprepared", "plan", "art. 5")
def plan_review_unprepared(pid: str, p: Any, env: ItemEnv, at: Optional[dt.date]) -> Iterator[Owed]:
    """Art. 5: a plan due for leading-group review that still lacks its social-stability risk assessment (when
    needed) or its legality review: yellow before the meeting (within due_soon_days), never red (after the
    meeting date `plan_review_overdue` takes over). Unit: the plan's lead unit, else its special group."""
    from .programme import plan_preparation_missing

    meeting = p.review_scheduled
    if meeting is None or p.status not in (PlanStatus.drafting, PlanStatus.reviewing):
        return
    until = meet(before(p.approved), meeting)  # after the meeting date, plan_review_overdue speaks
    # what is missing changes on the days the assessment and the review are dated: one stretch between them
    marks = sorted({d for d in (p.stability_assessment, p.legality_review) if d is not None})
    stretches = [(at, None)] if at is not None else [(None, marks[0] if marks else None)]
    if at is None:
        stretches += [(d, marks[i + 1] if i + 1 < len(marks) else None) for i, d in enumerate(marks)]
    for since, following in stretches:
        on = since if since is not None else (following - ONE_DAY if following is not None else None)
        missing = plan_preparation_missing(p, on)
        last = meet(until, before(following)) if at is None else until
        if not missing or (at is None and since is not None and last is not None and since > last):
            continue
        args = {
            "missing": ",".join(missing),
            "missing_zh": "、".join(ARG_WORDS[m].zh for m in missing),
            "missing_en": ", ".join(ARG_WORDS[m].en for m in missing),
        }
        yield Owed(
            "plan_review_unprepared",
            "plan",
            pid,
            meeting,
            _plan_unit(p),
            since if at is None else None,
            last,
            p.title,
            "",
            args,
        )


def deadline_horizon(ledger: Any, as_of: dt.date) -> int:
    """Days from ``as_of`` to the last deadline written in the ledger (at least a year): the calendar window."""
    days = [as_of + dt.timedelta(days=366)]
    for t in ledger.tasks.values():
        days.append(t.due)
        days += [m.due for m in t.milestones]
        if t.carry_over:
            days.append(t.carry_over.new_due)
    for p in ledger.pilots.values():
        days.append(p.end)
    for n in ledger.notices.values():
        for pr in n.problems:
            days += [d for d in [pr.due] + [r.due for r in pr.reviews] if d]
    for r in ledger.reminders.values():
        if r.report_due:
            days.append(r.report_due)
    return max(0, (max(days) - as_of).days + 31)


def _plan_unit(p) -> Optional[str]:
    return p.lead_unit or p.special_group
