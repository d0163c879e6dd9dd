"""Period obligations (R1, R2, R3, R6, R7, R8, R12, R15): who owes, due dates at their boundaries, what meets
them, and periods that began before the ledger's start."""

from __future__ import annotations

import datetime as dt

import pytest

from reformctl.load import load_ledger
from reformctl.rules.obligations import obligations

from conftest import assert_boundaries
from conftest import findings_of as of

D = dt.date
ONE = dt.timedelta(days=1)
SETTINGS = "name: t\nlevel: city\nstart: {start}\n"


@pytest.fixture
def ledger(ledger):
    """The shared fixture (conftest), with the ledger's start as the second argument."""

    def make(files, start="2016-07-01"):
        return ledger(files, SETTINGS.format(start=start))

    return make


def event(eid, kind, unit, date, plans=""):
    return {
        f"events/{eid}.yaml": f"id: {eid}\nkind: {kind}\nunit: {unit}\ndate: {date}\n"
        + (f"plans: [{plans}]\n" if plans else "")
    }


def report(rid, unit, quarter, submitted):
    return {f"reports/{rid}.yaml": f"id: {rid}\nunit: {unit}\nquarter: {quarter}\nsubmitted: {submitted}\n"}


def task(tid, lead, start, due, status="in_progress", completed=None):
    text = (
        f"id: {tid}\ntitle: 任务{tid}\nlead_unit: {lead}\nstart: {start}\ndue: {due}\nstatus: {status}\n"
        + (f"completed: {completed}\n" if completed else "")
        + ("cancel_reason: 取消\n" if status == "cancelled" else "")
    )
    return {f"tasks/{tid}.yaml": text}


def plan(pid, issued, status="issued", closed=None, level="city"):
    text = (
        f"id: {pid}\ntitle: 方案{pid}\nlevel: {level}\nspecial_group: 经济专项小组\nlead_unit: 市发改委\n"
        f"legality_review: 2016-01-01\nissued: {issued}\nstatus: {status}\n" + (f"closed: {closed}\n" if closed else "")
    )
    return {f"plans/{pid}.yaml": text}


# ---------------------------------------------------------------- R15
def test_report_missing_boundaries_and_who_owes(ledger):
    files = {
        **task("T-1", "市发改委", "2016-07-01", "2016-12-31"),
        **task("T-2", "市科技局", "2016-10-05", "2016-12-31"),  # starts in Q4: owes nothing for Q3
        **task("T-3", "某区委", "2016-03-01", "2016-12-31", "completed", "2016-06-30"),  # done before Q3
        **task("T-4", "市委督查室", "2016-07-01", "2016-12-31", "cancelled"),
        **report("R-1", "市发改委", "2016Q3", "2016-10-09"),
    }
    L = ledger(files)
    due = D(2016, 10, 10)  # quarter end + report_due_days (10)
    assert_boundaries(L, "report_missing", due, unit="经济专项小组")
    q3 = {f.unit for f in of(L, due + ONE, "report_missing") if f.period == "2016Q3"}
    assert q3 == {"经济专项小组"}
    f = of(L, due + ONE, "report_missing")[0]
    assert (f.id, f.kind, f.period, f.file) == ("2016Q3", "report", "2016Q3", "")
    assert "2016Q3" in f.message
    # the report counts from the day it was submitted
    assert {f.unit for f in of(L, D(2016, 10, 8), "report_missing")} == {"经济专项小组", "市发改委"}
    q4 = {o.unit for o in obligations(L, "2016Q4") if o.rule == "report_missing"}
    assert q4 == {"经济专项小组", "市发改委", "市科技局"}


def test_report_missing_quarter_that_began_before_the_start(ledger):
    L = ledger({}, start="2016-08-15")  # Q3 ends after the start: owed in full
    assert [f.period for f in of(L, D(2016, 10, 11), "report_missing")] == ["2016Q3"]
    L = ledger({}, start="2016-10-01")  # Q3 ended before the start: not owed
    assert of(L, D(2016, 10, 11), "report_missing") == []
    assert [f.period for f in of(L, D(2017, 1, 11), "report_missing")] == ["2016Q4"]
    L = ledger({}, start="2016-09-30")  # the quarter's last day is the start: owed
    assert [f.period for f in of(L, D(2016, 10, 11), "report_missing")] == ["2016Q3"]


def test_report_due_days_setting(make_ledger):
    root = make_ledger({"reformctl.yaml": "name: t\nlevel: city\nstart: 2016-07-01\nrules: {report_due_days: 0}\n"})
    L = load_ledger(root).ledger
    assert [f.due for f in of(L, D(2016, 10, 1), "report_missing")] == [D(2016, 9, 30)]


# ---------------------------------------------------------------- R1
def test_meeting_missing(ledger):
    L = ledger(
        {
            **event("E-1", "group_meeting", "市委深改组", "2016-08-01"),  # the leading group's own meeting
            **event("E-2", "group_meeting", "经济专项小组", "2016-10-01"),
        }
    )  # Q4, not Q3
    assert_boundaries(L, "meeting_missing", D(2016, 9, 30), period="2016Q3")
    assert {f.unit for f in of(L, D(2016, 10, 1), "meeting_missing")} == {"经济专项小组"}
    assert of(L, D(2016, 12, 31), "meeting_missing", period="2016Q4") == []
    L = ledger(event("E-3", "group_meeting", "经济专项小组", "2016-09-30"))
    assert of(L, D(2016, 10, 1), "meeting_missing") == []
    assert [f.days for f in of(L, D(2016, 9, 29), "meeting_missing")] == [-1]  # not held yet as of then
    ob = [o for o in obligations(L, "2016Q3") if o.rule == "meeting_missing"]
    assert [(o.unit, o.met, o.by) for o in ob] == [("经济专项小组", True, ("E-3",))]


# ---------------------------------------------------------------- R2
def test_self_assessment_missing(ledger):
    files = {
        **plan("PL-1", "2016-06-30"),
        **plan("PL-2", "2016-07-01"),
        **plan("PL-3", "2016-01-10", "closed", "2016-11-30"),
        **plan("PL-4", "2016-03-01"),
    }
    files.update(event("E-1", "self_assessment", "经济专项小组", "2016-12-10", "PL-4"))
    L = ledger(files)
    assert_boundaries(L, "self_assessment_missing", D(2016, 12, 31), id="PL-1")
    got = of(L, D(2017, 1, 1), "self_assessment_missing")
    assert [(f.id, f.kind, f.unit, f.period, f.ref) for f in got] == [
        ("PL-1", "plan", "经济专项小组", "2016H2", "PL-1")
    ]
    assert got[0].file == "plans/PL-1.yaml"
    # an assessment without plans, held by the group, covers all its plans
    L = ledger({**plan("PL-1", "2016-06-30"), **event("E-1", "self_assessment", "经济专项小组", "2016-12-10")})
    assert of(L, D(2017, 1, 1), "self_assessment_missing") == []


# ---------------------------------------------------------------- R3, R6, R7, R12
@pytest.mark.parametrize(
    "rule,kind,need",
    [
        ("training_missing", "training", 2),
        ("onsite_meeting_missing", "onsite_meeting", 2),
        ("press_conference_missing", "press_conference", 1),
        ("inspection_missing", "ledger_inspection", 2),
    ],
)
def test_yearly_counts(ledger, rule, kind, need):
    L = ledger(event("E-1", kind, "某区委", "2016-05-01"))  # a district's event does not count
    assert_boundaries(L, rule, D(2016, 12, 31))
    f = of(L, D(2017, 1, 1), rule)[0]
    assert (f.id, f.kind, f.unit, f.period) == ("2016", "event", "市委深改办", "2016")
    assert f"0 of {need}" in f.message
    files = {}
    for i in range(need - 1):
        files.update(event(f"E-{i + 1}", kind, "市委深改办", "2016-03-01"))
    files.update(event("E-9", kind, "市委深改组", "2016-12-31"))
    L = ledger(files)
    assert of(L, D(2017, 1, 1), rule) == []
    assert [f.light for f in of(L, D(2016, 12, 30), rule)] == ["yellow"]  # the last one not held yet
    ob = [o for o in obligations(L, "2016") if o.rule == rule]
    assert [(o.count, o.need, o.met) for o in ob] == [(need, need, True)]


def test_year_before_the_start_owes_nothing(ledger):
    L = ledger({}, start="2017-01-01")
    assert of(L, D(2017, 1, 5), "training_missing") == []
    assert [f.period for f in of(L, D(2017, 12, 31), "training_missing")] == ["2017"]


# ---------------------------------------------------------------- R8
def test_evaluation_due(ledger):
    files = {
        **plan("PL-1", "2016-06-30"),
        **plan("PL-2", "2016-07-01"),
        **plan("PL-3", "2016-01-10", "closed", "2016-11-30"),
        **plan("PL-4", "2016-03-01"),
        **plan("PL-5", "2016-03-01", level="provincial"),
    }
    files.update(event("E-1", "evaluation", "市委深改办", "2016-12-10", "PL-4"))
    L = ledger(files)
    assert_boundaries(L, "evaluation_due", D(2016, 12, 31), id="PL-1")
    got = of(L, D(2017, 1, 1), "evaluation_due")
    assert [(f.id, f.kind, f.unit, f.period) for f in got] == [("PL-1", "plan", "市委深改办", "2016")]
    assert "2016-06-30" in got[0].message
    ob = {o.id: o.met for o in obligations(L, "2016Q4") if o.rule == "evaluation_due"}
    assert ob == {"PL-1": False, "PL-4": True}
    # the plan still owes in later years
    assert [f.period for f in of(L, D(2017, 12, 31), "evaluation_due", id="PL-2")] == ["2017"]


# ---------------------------------------------------------------- obligations()
def test_obligations_of_a_quarter(ledger):
    L = ledger({**plan("PL-1", "2016-03-01"), **task("T-1", "市发改委", "2016-07-01", "2016-12-31")})
    rules_q3 = {o.rule for o in obligations(L, "2016Q3")}
    assert rules_q3 == {"report_missing", "meeting_missing"}
    rules_q4 = {o.rule for o in obligations(L, "2016Q4")}
    assert rules_q4 == {
        "report_missing",
        "meeting_missing",
        "self_assessment_missing",
        "evaluation_due",
        "training_missing",
        "onsite_meeting_missing",
        "press_conference_missing",
        "inspection_missing",
        "demonstration_missing",
        "work_points_missing",
        "major_list_missing",
        "promotion_list_missing",
        "case_book_missing",
        "closeout_missing",
    }
    # T-1 is a task of 2016: the year has its ledger (art. 1); nothing else is met
    assert [o.rule for o in obligations(L, "2016Q4") if o.met] == ["work_points_missing"]
    assert obligations(L, "2016Q2") == []  # before the start
    assert {o.period for o in obligations(L, "2016")} == {"2016Q3", "2016Q4", "2016H2", "2016"}
