"""Calendar helpers shared by the rules: month arithmetic and the periods obligations are counted in.

Pure functions of dates; no I/O. Periods are named ``2016Q3`` (quarter), ``2016H2`` (half-year) and ``2016``
(year); every period is a closed range of days ``[first, last]``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

ONE_DAY = dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the month's end (31 Aug + 2 months = 31 Oct,
    31 Dec + 2 months = 28/29 Feb). ``months`` may be negative."""
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    if day.day <= 28:  # every month has the day: no calendar lookup (most days; 65,000 calls a status at 100k)
        return dt.date(year, month, day.day)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of ``year``."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``, clamped to the representable dates (year 1 to 9999) instead of overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


@dataclass(frozen=True, order=True)
class Period:
    """A quarter, half-year or year: ``name`` (``2016Q3``, ``2016H2``, ``2016``), first and last day."""

    first: dt.date
    last: dt.date
    name: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    @property
    def kind(self) -> str:
        return "quarter" if "Q" in self.name else "half" if "H" in self.name else "year"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter(year: int, q: int) -> Period:
    return Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"{year}Q{q}")


def half(year: int, h: int) -> Period:
    return Period(dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h), f"{year}H{h}")


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y))


_PERIOD_RE = re.compile(r"^(\d{4})(?:([QH])([1-4]))?$")


def parse_period(text: str) -> Period:
    """``2016Q3``, ``2016H2`` or ``2016`` -> a :class:`Period`; ValueError otherwise."""
    m = _PERIOD_RE.match(text.strip())
    if not m:
        raise ValueError(f"expected a period like 2016Q3, 2016H2 or 2016, got {text!r}")
    y, letter, n = int(m.group(1)), m.group(2), m.group(3)
    if letter is None:
        return year(y)
    if letter == "Q":
        return quarter(y, int(n))
    if int(n) > 2:
        raise ValueError(f"a half-year is H1 or H2, got {text!r}")
    return half(y, int(n))


def period_of(day: dt.date, kind: str) -> Period:
    if kind == "quarter":
        return quarter(day.year, (day.month - 1) // 3 + 1)
    if kind == "half":
        return half(day.year, 1 if day.month <= 6 else 2)
    if kind == "year":
        return year(day.year)
    raise ValueError(f"unknown period kind {kind!r}")


def next_period(p: Period) -> Period:
    return period_of(p.last + ONE_DAY, p.kind)


def periods(kind: str, first_day: dt.date, last_day: dt.date) -> Iterator[Period]:
    """Every period of ``kind`` ("quarter", "half", "year") that overlaps ``[first_day, last_day]``, in order."""
    if last_day < first_day:
        return
    p = period_of(first_day, kind)
    while p.first <= last_day:
        yield p
        if p.last >= dt.date.max:
            return
        p = next_period(p)
