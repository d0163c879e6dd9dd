"""Duties of the source document that had no check: tiered supervision (art. 11), reporting lines (art. 12, 13,
R14, R15), the "3+N" agenda (art. 1, 7), evaluation forms (art. 13), pilots of city plans (art. 8), contacts of
demonstration points (art. 9) and the records each year owes (art. 1, 6, 9, 13)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from reformctl.load import load_ledger
from reformctl.rules.findings import findings

D = dt.date


def codes(cli, make_ledger, files, lang=None):
    r = cli("check", "--ledger", make_ledger(files), "--format", "json")
    assert r.exit_code in (0, 1), r
    return sorted({f["code"] for f in json.loads(r.stdout)})


NOTICE = """\
id: RN-1
issued: 2016-10-10
issued_by: {by}
to_unit: {to}
problems:
  - {{no: 1, description: 问题, due: 2016-12-31}}
"""


@pytest.mark.parametrize(
    "by,to,ok",
    [
        ("市委深改办", "市发改委", True),  # the office supervises departments
        ("市委深改办", "经济专项小组", True),  # ... special groups
        ("市委深改办", "某区委", True),  # ... the party committees of the level below
        ("经济专项小组", "市发改委", True),  # a special group the units of its field
        ("市发改委", "市科技局", True),  # a lead unit what it hands down
        ("市委深改组", "市委深改办", True),
        ("市发改委", "市委深改组", False),  # up to the leading group
        ("经济专项小组", "市委深改办", False),  # up to the office
        ("市发改委", "经济专项小组", False),  # a department over a special group
        ("某区委", "市发改委", False),  # the level below over a city department
        ("市委深改办", "市委深改办", False),
    ],
)
def test_tiers_of_supervision(cli, make_ledger, by, to, ok):
    got = codes(cli, make_ledger, {"notices/RN-1.yaml": NOTICE.format(by=by, to=to)})
    assert ("supervision_direction" not in got) is ok, got


def test_a_reminder_does_not_go_to_the_office_or_the_group(cli, make_ledger):
    text = "id: SR-1\nplan: 上级方案\nissued: 2016-09-01\nto: [{to}]\nreport_due: 2016-09-30\n"
    assert "supervision_direction" in codes(cli, make_ledger, {"reminders/SR-1.yaml": text.format(to="市委深改组")})
    assert "supervision_direction" not in codes(cli, make_ledger, {"reminders/SR-1.yaml": text.format(to="市发改委")})


REPORT = "id: R-1\nunit: {unit}\nquarter: 2016Q3\nsubmitted: 2016-10-09\n{more}\n"


@pytest.mark.parametrize(
    "unit,more,ok",
    [
        ("市发改委", "to: 经济专项小组\ncopy_to: 市委深改办", True),
        ("市发改委", "to: 经济专项小组", False),
        ("市发改委", "copy_to: 市委深改办", False),
        ("市发改委", "", False),
        ("经济专项小组", "to: 市委深改组", True),
        ("经济专项小组", "to: 市委深改办", False),
    ],
)
def test_quarterly_report_lines(cli, make_ledger, unit, more, ok):
    got = codes(cli, make_ledger, {"reports/R-1.yaml": REPORT.format(unit=unit, more=more)})
    assert ("quarterly_report_recipient" not in got) is ok, got


UPPER = "- id: 省委深改办\n  name: 省委深改办\n  type: reform_office\n"


def test_evaluation_goes_to_the_group_and_the_upper_office_and_says_its_form(cli, make_ledger):
    from conftest import MINIMAL_UNITS

    ev = "id: E-1\nkind: evaluation\nunit: 市委深改办\ndate: 2016-12-10\n{more}\n"
    units = MINIMAL_UNITS + UPPER
    good = {
        "units.yaml": units,
        "events/E-1.yaml": ev.format(more="form: spot_check\nreport_to: [市委深改组, 省委深改办]"),
    }
    assert codes(cli, make_ledger, good) == []
    # the office itself is not the upper office
    own = {
        "units.yaml": units,
        "events/E-1.yaml": ev.format(more="form: spot_check\nreport_to: [市委深改组, 市委深改办]"),
    }
    assert codes(cli, make_ledger, own) == ["evaluation_not_reported"]
    bad = {"units.yaml": units, "events/E-1.yaml": ev.format(more="form: online")}
    assert "invalid_choice" in codes(cli, make_ledger, bad)


def test_inspection_and_rectification_reported_to_the_group(cli, make_ledger):
    ins = "id: E-1\nkind: ledger_inspection\nunit: 市委深改办\ndate: 2016-11-01\n{more}\n"
    assert "inspection_not_reported" not in codes(
        cli, make_ledger, {"events/E-1.yaml": ins.format(more="report_to: [市委深改组]")}
    )
    n = NOTICE.format(by="市委深改办", to="市发改委")
    # no follow-up yet: nothing to report
    assert "rectification_not_reported" not in codes(cli, make_ledger, {"notices/RN-1.yaml": n})
    n = n.replace("due: 2016-12-31}", "due: 2016-12-31, rectified: 2016-12-01}")
    assert "rectification_not_reported" in codes(cli, make_ledger, {"notices/RN-1.yaml": n})
    assert "rectification_not_reported" not in codes(
        cli, make_ledger, {"notices/RN-1.yaml": n + "report_to: [市委深改组]\n"}
    )


def test_leading_group_meetings_follow_the_3_plus_n_agenda(cli, make_ledger):
    ev = "id: E-1\nkind: group_meeting\nunit: {unit}\ndate: 2016-09-08\n{more}\n"
    assert "meeting_agenda" in codes(cli, make_ledger, {"events/E-1.yaml": ev.format(unit="市委深改组", more="")})
    assert "meeting_agenda" not in codes(
        cli,
        make_ledger,
        {"events/E-1.yaml": ev.format(unit="市委深改组", more="agenda: [study, plans, reports, 研究年度工作要点]")},
    )
    # a special group's meeting (R1) has no such agenda
    assert "meeting_agenda" not in codes(cli, make_ledger, {"events/E-1.yaml": ev.format(unit="经济专项小组", more="")})


PLAN = (
    "id: PL-1\ntitle: 方案\nlevel: {level}\nlegality_review: 2016-08-01\nissued: 2016-08-10\nstatus: issued\n{more}\n"
)
PILOT = """\
id: P-1
title: 试点
plan: PL-1
unit: 某区委
lead_leader: 张三
promotion_plan: 推进方案
working_team: [工作组]
start: 2016-09-01
end: 2017-08-31
filed: 2016-09-10
status: active
"""


def test_city_plans_get_pilots_or_say_why_not(cli, make_ledger):
    assert "plan_without_pilot" in codes(cli, make_ledger, {"plans/PL-1.yaml": PLAN.format(level="city", more="")})
    assert "plan_without_pilot" not in codes(
        cli, make_ledger, {"plans/PL-1.yaml": PLAN.format(level="city", more=""), "pilots/P-1.yaml": PILOT}
    )
    assert "plan_without_pilot" not in codes(
        cli,
        make_ledger,
        {"plans/PL-1.yaml": PLAN.format(level="city", more="no_pilot_reason: 属于制度规范类方案，全市统一实施")},
    )
    # a district ledger: the rule is the city group's
    district = "name: t\nlevel: district\nstart: 2016-07-01\n"
    assert "plan_without_pilot" not in codes(
        cli, make_ledger, {"reformctl.yaml": district, "plans/PL-1.yaml": PLAN.format(level="district", more="")}
    )


def test_demonstration_points_have_a_contact(cli, make_ledger):
    case = "id: C-1\ntitle: 点位\nunit: 某区委\nkind: {kind}\nlisted: 2016-08-01\n{more}\n"
    assert "demonstration_contact_missing" not in codes(
        cli, make_ledger, {"cases/C-1.yaml": case.format(kind="demonstration_point", more="contact: 张三")}
    )
    assert "demonstration_contact_missing" not in codes(
        cli, make_ledger, {"cases/C-1.yaml": case.format(kind="typical_case", more="")}
    )


YEAR_RULES = (
    "work_points_missing",
    "major_list_missing",
    "promotion_list_missing",
    "case_book_missing",
    "closeout_missing",
)


def year_findings(make_ledger, files, as_of, settings=None):
    if settings:
        files = {**files, "reformctl.yaml": settings}
    res = load_ledger(make_ledger(files))
    assert not res.errors, res.errors
    return {(f.rule, f.id, f.light, f.days) for f in findings(res.ledger, as_of) if f.rule in YEAR_RULES}


def test_each_year_owes_its_records_after_a_grace_period(make_ledger):
    empty = year_findings(make_ledger, {}, D(2017, 2, 1))
    assert empty == {(r, "2016", "red", 1) for r in YEAR_RULES}  # 31 Dec + 31 days (the tool's default)
    assert year_findings(make_ledger, {}, D(2017, 1, 16)) == set()  # not yet within the 14 days of yellow
    assert {x[2] for x in year_findings(make_ledger, {}, D(2017, 1, 17))} == {"yellow"}
    settings = "name: t\nlevel: city\nstart: 2016-07-01\nrules: {year_grace_days: 0}\n"
    assert {x[3] for x in year_findings(make_ledger, {}, D(2017, 1, 1), settings)} == {1}
    files = {
        "tasks/T-1.yaml": """\
            id: T-1
            title: 重大任务
            year: 2016
            major: true
            leader: 张三
            goal: 目标
            lead_unit: 市发改委
            responsible_units: [市科技局]
            start: 2016-07-01
            due: 2016-12-31
            status: completed
            completed: 2016-12-20
            """,
        "cases/C-1.yaml": "id: C-1\ntitle: 案例\nunit: 某区委\nkind: typical_case\npromoted: [2016]\ncompiled: [2016]\n",
        "closeouts/2016.yaml": "year: 2016\ndate: 2016-12-31\nclosed: [T-1]\n",
    }
    assert year_findings(make_ledger, files, D(2017, 2, 1)) == set()
    # a year that ended before the ledger's start owes nothing
    assert year_findings(make_ledger, {}, D(2017, 2, 1), "name: t\nlevel: city\nstart: 2017-01-01\n") == set()
