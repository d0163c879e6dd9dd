"""The lifecycle of the items that have one (tasks, plans, pilots): when an item is open, the order of its
statuses, and the moves the write commands make. The meaning of each single status is on its enum
(:class:`~reformctl.model.records.TaskStatus` ``.is_open``, ``.is_done``, ...); this module is what needs
more than one status or a date. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from .records import PilotStatus, PlanStatus, TaskStatus

ONE_DAY = dt.timedelta(days=1)

# The order of the statuses of each kind: a move to a lower rank is backwards (and needs a `reopen_reason`).
RANKS: dict[str, dict[str, int]] = {
    "task": {
        TaskStatus.planned.value: 0,
        TaskStatus.in_progress.value: 1,
        TaskStatus.completed.value: 2,
        TaskStatus.cancelled.value: 2,
        TaskStatus.closed.value: 3,
    },
    "plan": {
        PlanStatus.drafting.value: 0,
        PlanStatus.reviewing.value: 1,
        PlanStatus.issued.value: 2,
        PlanStatus.closed.value: 3,
    },
    "pilot": {
        PilotStatus.active.value: 0,
        PilotStatus.adjusted.value: 0,
        PilotStatus.completed.value: 1,
        PilotStatus.exited.value: 1,
    },
}
# The status of an item written off at the close-out of its year (the kinds that can be written off).
CLOSED: dict[str, str] = {"task": TaskStatus.closed.value, "plan": PlanStatus.closed.value}
# A task in one of these has nothing more to do: it cannot be cancelled or extended (statuses as written in YAML).
TASK_ENDED: tuple[str, ...] = tuple(s.value for s in TaskStatus if not s.is_open)
# The status a new item starts in, by kind (when the user gives none).
INITIAL: dict[str, str] = {"task": TaskStatus.planned.value, "pilot": PilotStatus.active.value}


def is_backwards(kind: str, old: Optional[str], new: Optional[str]) -> bool:
    """A move from ``old`` to ``new`` goes back in the lifecycle of ``kind`` (unknown statuses never do)."""
    ranks = RANKS.get(kind)
    return bool(ranks) and old in ranks and new in ranks and ranks[new] < ranks[old]  # type: ignore[index,operator]


def task_owes(t: Any) -> tuple[bool, Optional[dt.date]]:
    """Whether the task owes work on some day, and the last day it does (None: for as long as it is not done):
    never when cancelled, up to the day before its completion when done (never when done without a date)."""
    if t.status is TaskStatus.cancelled:
        return False, None
    if t.status.is_done:
        return t.completed is not None, t.completed - ONE_DAY if t.completed is not None else None
    return True, None


def task_open(t: Any, as_of: dt.date) -> bool:
    """The task still owes work as of ``as_of``: not cancelled, not completed (or completed only later)."""
    owes, until = task_owes(t)
    return owes and (until is None or as_of <= until)


def task_open_between(t: Any, first: dt.date, last: dt.date) -> bool:
    """Open at some time between ``first`` and ``last``: started on or before ``last``, not cancelled, not
    completed before ``first``."""
    if t.status is TaskStatus.cancelled or t.start > last:
        return False
    return not (t.completed is not None and t.completed < first)


def pilot_running(p: Any, as_of: dt.date) -> bool:
    """The pilot runs on ``as_of``: open, started, and its stop (exit or completion) not yet reached."""
    stop = p.exited or p.completed
    return p.status.is_open and (stop is None or stop > as_of) and p.start <= as_of


__all__ = [
    "CLOSED",
    "INITIAL",
    "RANKS",
    "TASK_ENDED",
    "is_backwards",
    "pilot_running",
    "task_open",
    "task_owes",
    "task_open_between",
]
