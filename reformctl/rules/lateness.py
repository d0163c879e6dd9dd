"""Lateness kept on the record: things filed after their deadline stay late once they are in.

Pure functions, no I/O. Once a quarterly report is filed, a pilot filed or a reminder answered, the deadline
engine (:mod:`.findings`) has nothing left to say about it; this module judges each filing against the
deadline it met or missed, so the history shows what was on time and what was late, and by how many days.

| filing | ``rule`` (the finding it answered) | deadline | filed |
|---|---|---|---|
| quarterly report (R15) | ``report_missing`` | quarter end + ``report_due_days`` | the earliest report of that unit and quarter |
| pilot filing (R5) | ``pilot_not_filed`` | ``pilot_filing_days`` after the pilot's start (the ledger's, if later) | ``filed`` |
| reminder answer (R10) | ``reminder_overdue`` | ``report_due`` (or the working days after issue) | each recipient's earliest report |

A quarter that ended before the ledger's ``start`` owes nothing, so its reports are not judged. Filings dated
after ``as_of`` have not happened yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional

from ..model import Ledger
from ..model.types import quarter_bounds
from .dates import add_days
from .workdays import CalendarUnknown

KINDS = ("report", "pilot", "reminder")


@dataclass(frozen=True)
class Filing:
    """One filing judged against its deadline. ``id``/``kind`` name the record holding it (the report, the pilot,
    the reminder); ``ref`` the quarter of a report or the recipient of a reminder."""

    rule: str
    kind: str
    id: str
    unit: str
    due: dt.date
    filed: dt.date
    ref: str = ""
    title: str = ""

    @property
    def days_late(self) -> int:
        return max(0, (self.filed - self.due).days)

    @property
    def late(self) -> bool:
        return self.filed > self.due

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "rule": self.rule,
            "due": self.due.isoformat(),
            "filed": self.filed.isoformat(),
            "days_late": self.days_late,
            "late": self.late,
            "unit": self.unit,
            "ref": self.ref,
            "title": self.title,
        }


def _reports(L: Ledger, start: dt.date) -> Iterable[Filing]:
    days = L.settings.rules.report_due_days if L.settings else 10
    first: dict[tuple[str, str], tuple[dt.date, str]] = {}
    for rid, r in L.reports.items():
        key = (r.unit, r.quarter)
        if key not in first or (r.submitted, rid) < first[key]:
            first[key] = (r.submitted, rid)
    for (unit, quarter), (submitted, rid) in first.items():
        _q_first, q_last = quarter_bounds(quarter)
        if q_last < start:
            continue
        yield Filing("report_missing", "report", rid, unit, add_days(q_last, days), submitted, ref=quarter)


def _pilots(L: Ledger, start: dt.date) -> Iterable[Filing]:
    days = L.settings.rules.pilot_filing_days if L.settings else 30
    for pid, p in L.pilots.items():
        if p.filed is not None:
            yield Filing(
                "pilot_not_filed", "pilot", pid, p.unit, add_days(max(p.start, start), days), p.filed, title=p.title
            )


def _reminders(L: Ledger) -> Iterable[Filing]:
    from .deadlines import reminder_due

    for rid, r in L.reminders.items():
        answered: dict[str, dt.date] = {}
        for x in r.reports:
            if x.unit in r.to and (x.unit not in answered or x.date < answered[x.unit]):
                answered[x.unit] = x.date
        if not answered:
            continue
        try:
            due, _how = reminder_due(r)
        except CalendarUnknown:
            continue  # `status` warns about the date it cannot count; nothing to judge here
        for unit, day in answered.items():
            yield Filing("reminder_overdue", "reminder", rid, unit, due, day, ref=unit, title=r.subject or r.plan)


def filings(
    ledger: Ledger, as_of: Optional[dt.date] = None, *, first: Optional[dt.date] = None, last: Optional[dt.date] = None
) -> list[Filing]:
    """Every filing judged (on time or late), filed on or before ``as_of`` and, when given, within
    ``first``..``last``; sorted by filing date, kind and id."""
    start = ledger.settings.start if ledger.settings else dt.date.min
    out = [
        f
        for f in (*_reports(ledger, start), *_pilots(ledger, start), *_reminders(ledger))
        if (as_of is None or f.filed <= as_of)
        and (first is None or f.filed >= first)
        and (last is None or f.filed <= last)
    ]
    return sorted(out, key=lambda f: (f.filed, f.kind, f.id, f.ref))


def late(ledger: Ledger, as_of: Optional[dt.date] = None, **kw) -> list[Filing]:
    """The filings that came after their deadline."""
    return [f for f in filings(ledger, as_of, **kw) if f.late]


def counts(items: Iterable[Filing]) -> dict:
    """On-time and late counts and days late, per kind and in total (JSON-ready)."""
    per = {k: {"on_time": 0, "late": 0, "days_late": 0} for k in KINDS}
    for f in items:
        c = per[f.kind]
        c["late" if f.late else "on_time"] += 1
        c["days_late"] += f.days_late
    total = {k: sum(c[k] for c in per.values()) for k in ("on_time", "late", "days_late")}
    return {**per, **total}
