"""The mainland working-day calendar: official holidays and adjusted workdays (调休), from the
``chinesecalendar`` package. Pure computation on data the package ships; no I/O.

A deadline of *N working days from a date* is the N-th working day **after** that date (the date itself does
not count, whatever day it is). A notice issued on Friday 2016-09-30 with 1 working day is due on Saturday
2016-10-08 (an adjusted workday after the National Day holiday), with 3 working days on Monday 2016-10-10.
Years the package does not know raise :class:`CalendarUnknown` instead of
silently treating every weekday as a working day.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


class CalendarUnknown(ValueError):
    """The working-day calendar has no data for a year a deadline needs."""

    def __init__(self, year: int, known: tuple[int, int]):
        self.year, self.known = year, known
        super().__init__(
            f"the official working-day calendar (chinesecalendar package) knows years {known[0]}-{known[1]} only, "
            f"not {year}; give the deadline as a date or upgrade the package (pip install -U chinesecalendar)"
        )


@lru_cache(maxsize=1)
def known_years() -> tuple[int, int]:
    """First and last year the installed calendar has official data for."""
    from chinese_calendar.constants import holidays

    years = [d.year for d in holidays]
    return min(years), max(years)


def is_workday(day: dt.date) -> bool:
    lo, hi = known_years()
    if not lo <= day.year <= hi:
        raise CalendarUnknown(day.year, (lo, hi))
    import chinese_calendar

    return bool(chinese_calendar.is_workday(day))


def add_working_days(day: dt.date, n: int) -> dt.date:
    """The ``n``-th working day after ``day`` (``n`` >= 1). Raises :class:`CalendarUnknown` when a year on the
    way is not in the official calendar."""
    if n < 1:
        raise ValueError("the number of working days must be at least 1")
    cur = day
    left = n
    while left:
        cur += dt.timedelta(days=1)
        if is_workday(cur):
            left -= 1
    return cur
