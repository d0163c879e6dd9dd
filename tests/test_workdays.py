"""The working-day calendar: official holidays and adjusted workdays (调休), unknown years refused."""

from __future__ import annotations

import datetime as dt

import pytest

from reformctl.rules.workdays import CalendarUnknown, add_working_days, is_workday, known_years

D = dt.date


def test_weekends_are_skipped():
    assert add_working_days(D(2016, 12, 2), 1) == D(2016, 12, 5)  # Friday -> Monday
    assert add_working_days(D(2016, 12, 3), 1) == D(2016, 12, 5)  # a Saturday issue counts from Monday
    assert add_working_days(D(2016, 12, 5), 5) == D(2016, 12, 12)


def test_national_day_2016_and_its_adjusted_workdays():
    # 1-7 October 2016 off; Saturday 8 and Sunday 9 October were workdays
    assert not is_workday(D(2016, 10, 3))
    assert is_workday(D(2016, 10, 8)) and is_workday(D(2016, 10, 9))
    assert add_working_days(D(2016, 9, 30), 1) == D(2016, 10, 8)
    assert add_working_days(D(2016, 9, 30), 3) == D(2016, 10, 10)


def test_spring_festival_2017():
    # 27 January - 2 February 2017 off; Sunday 22 January and Saturday 4 February were workdays
    assert add_working_days(D(2017, 1, 21), 1) == D(2017, 1, 22)
    assert add_working_days(D(2017, 1, 26), 1) == D(2017, 2, 3)
    assert add_working_days(D(2017, 1, 26), 2) == D(2017, 2, 4)


def test_unknown_years_are_refused_with_a_clear_message():
    lo, hi = known_years()
    assert lo <= 2016 <= hi
    with pytest.raises(CalendarUnknown) as exc:
        add_working_days(D(hi, 12, 20), 30)  # runs into the next year
    assert exc.value.year == hi + 1
    assert f"{lo}-{hi}" in str(exc.value) and str(hi + 1) in str(exc.value)
    with pytest.raises(CalendarUnknown):
        is_workday(D(lo - 1, 6, 1))
    with pytest.raises(ValueError):
        add_working_days(D(2016, 1, 4), 0)
