"""Checks of the tasks: references, date order, milestones, progress, carry-over and extensions."""

from __future__ import annotations

from ...model.records import Task, TaskStatus
from .context import W, _Ctx

_DONE = (TaskStatus.completed, TaskStatus.closed)


def _tasks(c: _Ctx) -> None:
    units, plans = c.known_units, c.known_plans
    for tid, t in c.ledger.tasks.items():
        # the references: a membership test first (nearly always true), the helper words what is wrong
        if t.lead_unit not in units:
            c.unit("task", tid, t.lead_unit, "lead_unit")
        for u in t.responsible_units:
            if u not in units:
                c.units("task", tid, t.responsible_units, "responsible_units")
                break
        if t.special_group is not None:
            c.special_group("task", tid, t.special_group, "special_group")
        if t.source is not None and t.source not in plans:
            c.plan("task", tid, t.source, "source", free_text=True)
        _status_and_dates(c, tid, t)
        if t.milestones:
            _milestones(c, tid, t)
        if t.progress:
            _progress(c, tid, t)
        _changes(c, tid, t)


def _status_and_dates(c: _Ctx, tid: str, t: Task) -> None:
    """The status and its dates (art. 6's major tasks name who and what), in order."""
    done_states, closed = _DONE, TaskStatus.closed
    if t.start > t.due:
        c.emit("task", tid, "date_order.start_due", "start", start=t.start, due=t.due)
    if t.major:
        missing = [f for f in ("leader", "goal") if not getattr(t, f)]
        if not t.responsible_units:
            missing.append("responsible_units")
        if missing:
            c.emit("task", tid, "major_task_incomplete", "major", missing=missing)
    if t.status in done_states and t.completed is None:
        c.emit("task", tid, "completed_missing", "status", status=t.status.value)
    if t.completed is not None and t.status not in done_states:
        c.emit("task", tid, "status_mismatch", "completed", status=t.status.value)
    if t.status is closed and t.closed is None:
        c.emit("task", tid, "closed_missing", "status")
    if t.closed is not None and t.status is not closed:
        c.emit("task", tid, "closed_not_closed", "closed", status=t.status.value)
    if t.completed is not None and t.completed < t.start:
        c.emit("task", tid, "date_order.completed_start", "completed", completed=t.completed, start=t.start)
    if t.closed is not None and t.completed is not None and t.closed < t.completed:
        c.emit("task", tid, "date_order.closed_completed", "closed", closed=t.closed, completed=t.completed)


def _milestones(c: _Ctx, tid: str, t: Task) -> None:
    for i, m in enumerate(t.milestones):
        if m.due < t.start:
            c.emit("task", tid, "milestone_out_of_range", "milestones", i, "due", name=m.name, due=m.due, start=t.start)
        elif m.due > t.due and not t.extensions and not t.carry_over:
            c.emit(
                "task",
                tid,
                "milestone_out_of_range.after_due",
                "milestones",
                i,
                "due",
                severity=W,
                name=m.name,
                due=m.due,
                deadline=t.due,
            )
        if m.done is not None and m.done < t.start:
            c.emit("task", tid, "date_order.milestone_done", "milestones", i, "done", name=m.name, done=m.done)


def _progress(c: _Ctx, tid: str, t: Task) -> None:
    for i, p in enumerate(t.progress):
        if p.date < t.start:
            c.emit("task", tid, "progress_out_of_range", "progress", i, "date", severity=W, date=p.date, start=t.start)
        if i and p.date < t.progress[i - 1].date:
            c.emit(
                "task",
                tid,
                "progress_out_of_order",
                "progress",
                i,
                "date",
                severity=W,
                date=p.date,
                previous=t.progress[i - 1].date,
            )


def _changes(c: _Ctx, tid: str, t: Task) -> None:
    """A carry-over, extensions of the deadline, a cancellation: each said for."""
    done_states, cancelled = _DONE, TaskStatus.cancelled
    if t.carry_over is not None:
        if t.carry_over.new_due <= t.due:
            c.emit("task", tid, "carry_over_date", "carry_over", "new_due", new_due=t.carry_over.new_due, due=t.due)
        if t.status in done_states:
            c.emit("task", tid, "carry_over_done", "carry_over", severity=W, status=t.status.value)
    for i, e in enumerate(t.extensions):
        if e.new_due <= e.old_due:
            c.emit("task", tid, "extension_date", "extensions", i, "new_due", new_due=e.new_due, old_due=e.old_due)
        if e.requested > e.old_due:
            c.emit(
                "task",
                tid,
                "extension_late",
                "extensions",
                i,
                "requested",
                severity=W,
                requested=e.requested,
                old_due=e.old_due,
            )
    if t.status is cancelled and not t.cancel_reason:
        c.emit("task", tid, "cancel_reason_missing", "status", severity=W)
