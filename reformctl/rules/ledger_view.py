"""The ledger as the period obligations read it: the records as of a date, with the indexes several obligations
ask for (tasks by lead unit and by year, events by kind) built once per view."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any, Optional

from ..model import Ledger
from ..model.records import EventKind, UnitType
from .dates import Period


class View:
    """The records as of a date (None: every record)."""

    def __init__(self, ledger: Ledger, as_of: Optional[dt.date]):
        self.L = ledger
        self.as_of = as_of
        self.start = ledger.settings.start if ledger.settings else dt.date.min
        self._by_lead: Optional[dict[str, list[Any]]] = None
        self._by_year: Optional[dict[int, list[tuple[str, Any]]]] = None
        self._events_by_kind: Optional[dict[EventKind, list[tuple[str, Any]]]] = None

    def ok(self, day: Optional[dt.date]) -> bool:
        return day is not None and (self.as_of is None or day <= self.as_of)

    def tasks_by_lead_unit(self) -> dict[str, list]:
        """The tasks grouped by lead unit (computed once per view)."""
        groups = self._by_lead
        if groups is None:
            groups = self._by_lead = {}
            for t in self.L.tasks.values():
                groups.setdefault(t.lead_unit, []).append(t)
        return groups

    def tasks_of_year(self, year: int) -> list[tuple[str, Any]]:
        """The tasks of ``year`` (their ``year``, else their deadline's), indexed once per view."""
        by_year = self._by_year
        if by_year is None:
            by_year = self._by_year = {}
            for tid, t in self.L.tasks.items():
                by_year.setdefault(t.year or t.due.year, []).append((tid, t))
        return by_year.get(year, [])

    def units_of(self, *types: UnitType) -> list[str]:
        return [uid for uid, u in self.L.units.items() if u.type in types]

    @cached_property
    def office(self) -> str:
        offices = self.units_of(UnitType.reform_office)
        return offices[0] if offices else ""

    def events(self, kind: EventKind, period: Period):
        by_kind = self._events_by_kind
        if by_kind is None:  # grouped once per view: obligations ask for each kind in each period
            by_kind = self._events_by_kind = {}
            for eid, e in self.L.events.items():
                by_kind.setdefault(e.kind, []).append((eid, e))
        for eid, e in by_kind.get(kind, ()):
            if e.date in period and self.ok(e.date):
                yield eid, e

    def owes(self, period: Period) -> bool:
        return period.last >= self.start
