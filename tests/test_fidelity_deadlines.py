"""Deadlines as the source document and the contract set them: nothing derived from an item's own dates falls
before the ledger's `start`, and a pilot's `end` is the last day of its term."""

from __future__ import annotations

import datetime as dt

import pytest

from reformctl.load import load_ledger
from reformctl.rules.checks import check_ledger
from reformctl.rules.findings import findings

D = dt.date


@pytest.fixture
def ledger(make_ledger):
    def make(files):
        res = load_ledger(make_ledger(files))
        assert not res.errors, res.errors
        return res.ledger

    return make


def of(L, as_of, rule):
    return [f for f in findings(L, as_of) if f.rule == rule]


OLD_TASK = """\
id: T-1
title: 早于台账起算日开始的任务
lead_unit: 市发改委
start: 2016-03-01
due: 2017-12-31
status: in_progress
{progress}
"""


def test_update_overdue_of_a_task_started_before_the_ledger_counts_from_start(ledger):
    L = ledger({"tasks/T-1.yaml": OLD_TASK.format(progress="")})
    # the ledger starts 2016-07-01: nothing is late on its first day, the first update is due 2 months later
    assert of(L, D(2016, 7, 1), "update_overdue") == []
    got = of(L, D(2016, 9, 2), "update_overdue")
    assert [(f.due, f.days, f.light) for f in got] == [(D(2016, 9, 1), 1, "red")]


def test_update_overdue_progress_before_start_counts_from_start_later_progress_wins(ledger):
    L = ledger({"tasks/T-1.yaml": OLD_TASK.format(progress="progress:\n  - {date: 2016-05-20, note: 旧进展}")})
    assert of(L, D(2016, 7, 25), "update_overdue") == []
    assert [f.due for f in of(L, D(2016, 9, 2), "update_overdue")] == [D(2016, 9, 1)]
    later = ledger({"tasks/T-1.yaml": OLD_TASK.format(progress="progress:\n  - {date: 2016-08-15, note: 新进展}")})
    assert of(later, D(2016, 9, 2), "update_overdue") == []
    assert [f.due for f in of(later, D(2016, 10, 16), "update_overdue")] == [D(2016, 10, 15)]


PILOT = """\
id: P-1
title: 试点
unit: 某区委
lead_leader: 张三
promotion_plan: 推进方案
working_team: [工作组]
start: {start}
end: {end}
status: active
"""


def test_pilot_not_filed_of_a_pilot_started_before_the_ledger_counts_from_start(ledger):
    L = ledger({"pilots/P-1.yaml": PILOT.format(start="2016-01-01", end="2016-12-31")})
    assert of(L, D(2016, 7, 1), "pilot_not_filed") == []
    assert [f.due for f in of(L, D(2016, 8, 1), "pilot_not_filed")] == [D(2016, 7, 31)]
    # a pilot starting after the ledger keeps its own date
    L = ledger({"pilots/P-1.yaml": PILOT.format(start="2016-08-01", end="2017-07-31")})
    assert [f.due for f in of(L, D(2016, 9, 1), "pilot_not_filed")] == [D(2016, 8, 31)]


def _codes(L):
    return sorted(d.code for d in check_ledger(L) if d.code.startswith("pilot_term"))


@pytest.mark.parametrize(
    "start,end,codes",
    [
        ("2016-01-01", "2016-12-31", []),  # one year exactly
        ("2016-01-01", "2017-01-01", ["pilot_term_long"]),  # one year and a day
        ("2016-01-01", "2017-12-31", ["pilot_term_long"]),  # two years exactly
        ("2016-01-01", "2018-01-01", ["pilot_term_exceeded"]),  # two years and a day
        ("2016-07-15", "2017-07-14", []),
        ("2016-07-15", "2017-07-15", ["pilot_term_long"]),
    ],
)
def test_pilot_term_end_is_the_last_day(ledger, start, end, codes):
    assert _codes(ledger({"pilots/P-1.yaml": PILOT.format(start=start, end=end)})) == codes
