"""Where a ledger's records end, and what dominates a long list of red findings: the hint `status` gives when
it is computed for a date long after the last thing the ledger records (its records end years ago and every
quarterly report since then counts as missing). Pure: no I/O."""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional

from pydantic import BaseModel

# Fields that hold a deadline or a plan, not something that happened: they do not say where records end.
PLANNED = frozenset({"due", "new_due", "old_due", "end", "review_scheduled", "report_due"})
# The periodic obligations: a finding of these is something never filed or never held.
OBLIGATIONS = (
    "report_missing",
    "meeting_missing",
    "self_assessment_missing",
    "training_missing",
    "onsite_meeting_missing",
    "press_conference_missing",
    "inspection_missing",
    "update_overdue",
    "demonstration_missing",
)


def _dates(value, planned: bool = False) -> Iterable[dt.date]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name == "extra":
                continue
            yield from _dates(getattr(value, name), name in PLANNED)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _dates(v, planned)
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime) and not planned:
        yield value


def latest_date(ledger, before: Optional[dt.date] = None) -> Optional[dt.date]:
    """The latest date a record of ``ledger`` says something happened (deadlines and plans aside), up to
    ``before`` when given; None when it records nothing dated."""
    latest: Optional[dt.date] = None
    for items in ledger.items.values():
        for rec in items.values():
            for d in _dates(rec):
                if (before is None or d <= before) and (latest is None or d > latest):
                    latest = d
    return latest


def stale(red_days: list[int], min_red: int = 20, years: int = 1) -> bool:
    """Whether red findings look like a ledger left behind: at least ``min_red`` of them, half or more late by
    over ``years`` year(s)."""
    old = sum(d > 365 * years for d in red_days)
    return len(red_days) >= min_red and old * 2 >= len(red_days)


def dominant(red: list[tuple[str, dt.date]], after: dt.date) -> tuple[int, list[str], Optional[int]]:
    """Of red findings given as (rule, due): how many are periodic obligations falling due after ``after``
    (where the records end), their most frequent rules (one, or two when one is not four in five of them) and
    the year of the earliest due."""
    counts: dict[str, int] = {}
    first: Optional[dt.date] = None
    for rule, due in red:
        if rule in OBLIGATIONS and due > after:
            counts[rule] = counts.get(rule, 0) + 1
            first = due if first is None or due < first else first
    n = sum(counts.values())
    top = sorted(counts, key=lambda r: (-counts[r], r))
    rules = top[:1] if top and counts[top[0]] * 10 >= n * 8 else top[:2]
    return n, rules, first.year if first else None
