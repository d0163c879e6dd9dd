"""The deadline engine's item rules, at their boundaries: 15 and 14 days before (nothing / yellow), the day
before, the day of (yellow, days 0) and the day after (red, days 1). Real YAML files loaded by the real loader."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformctl.load import load_ledger
from reformctl.rules.dates import add_months, parse_period, periods
from reformctl.rules.findings import all_rules, evaluate, findings

from conftest import assert_boundaries as shared_boundaries
from conftest import findings_of as of

D = dt.date
ONE = dt.timedelta(days=1)


def assert_boundaries(L, rule, due, **match):
    """The shared boundaries (conftest), and 40 days late is still one red finding."""
    shared_boundaries(L, rule, due, **match)
    assert [f.days for f in of(L, due + 40 * ONE, rule, **match)] == [40]


def task(tid="T-1", due="2016-10-31", status="in_progress", extra=""):
    return {
        f"tasks/{tid}.yaml": f"""\
        id: {tid}
        title: 测试任务
        lead_unit: 市发改委
        start: 2016-07-01
        due: {due}
        status: {status}
        progress:
          - {{date: 2016-09-30, note: 进展}}
        {extra}
        """
    }


# ---------------------------------------------------------------- dates
def test_add_months_clamps_to_month_end():
    assert add_months(D(2016, 8, 31), 2) == D(2016, 10, 31)
    assert add_months(D(2016, 12, 31), 2) == D(2017, 2, 28)
    assert add_months(D(2015, 12, 31), 2) == D(2016, 2, 29)  # leap year
    assert add_months(D(2016, 2, 29), 12) == D(2017, 2, 28)
    assert add_months(D(2016, 10, 31), -1) == D(2016, 9, 30)
    assert add_months(D(2016, 1, 15), -1) == D(2015, 12, 15)


@given(st.dates(D(1949, 1, 1), D(2200, 12, 31)), st.integers(-1200, 1200))
def test_add_months_moves_by_whole_months_and_clamps_the_day(day, months):
    """Any supported date, any number of months: the month moves by exactly that many, and the day is the same
    unless the month is shorter (then its last day)."""
    import calendar

    got = add_months(day, months)
    assert (got.year * 12 + got.month) - (day.year * 12 + day.month) == months
    assert got.day == min(day.day, calendar.monthrange(got.year, got.month)[1])


def test_add_months_is_the_one_checks_use():
    from reformctl.rules import dates
    from reformctl.rules.checks import plans

    assert plans.add_months is dates.add_months


def test_periods():
    assert [p.name for p in periods("quarter", D(2016, 8, 15), D(2017, 1, 1))] == ["2016Q3", "2016Q4", "2017Q1"]
    assert [p.name for p in periods("half", D(2016, 6, 30), D(2016, 7, 1))] == ["2016H1", "2016H2"]
    q = parse_period("2016Q1")
    assert (q.first, q.last) == (D(2016, 1, 1), D(2016, 3, 31))
    assert parse_period("2016H2").first == D(2016, 7, 1)
    with pytest.raises(ValueError):
        parse_period("2016H3")


# ---------------------------------------------------------------- tasks
def test_task_overdue_boundaries(ledger):
    L = ledger(task())
    assert_boundaries(L, "task_overdue", D(2016, 10, 31))
    f = of(L, D(2016, 11, 1), "task_overdue")[0]
    assert (f.id, f.kind, f.unit, f.title, f.file) == ("T-1", "task", "市发改委", "测试任务", "tasks/T-1.yaml")
    assert "not completed" in f.message and "1 day overdue" in f.message
    assert "逾期1天" in f.text("zh")


@pytest.mark.parametrize(
    "status,extra",
    [
        ("completed", "completed: 2016-10-20"),
        ("cancelled", "cancel_reason: 不再实施"),
        ("closed", "completed: 2016-10-20\nclosed: 2016-12-31"),
    ],
)
def test_done_tasks_owe_nothing(ledger, status, extra):
    L = ledger(task(status=status, extra=extra.replace("\n", "\n        ")))
    assert [f for f in findings(L, D(2017, 6, 1)) if f.kind == "task"] == []


def test_task_completed_after_as_of_was_still_open_then(ledger):
    L = ledger(task(status="completed", extra="completed: 2016-11-20"))
    assert [f.days for f in of(L, D(2016, 11, 19), "task_overdue")] == [19]
    assert of(L, D(2016, 11, 20), "task_overdue") == []


def test_carry_over_uses_new_due(ledger):
    L = ledger(task(due="2016-12-31", extra="carry_over: {reason: 等待授权, measures: 逐项对接, new_due: 2017-02-28}"))
    assert_boundaries(L, "carry_over_overdue", D(2017, 2, 28))
    assert of(L, D(2017, 3, 1), "task_overdue") == []
    assert of(L, D(2016, 12, 31), "task_overdue") == []


def test_milestone_overdue(ledger):
    L = ledger(
        task(
            due="2016-12-31",
            extra="""milestones:
          - {name: 制定方案, due: 2016-09-30, done: 2016-09-20}
          - {name: 完成试点, due: 2016-11-30}
          - {name: 后来完成, due: 2016-11-15, done: 2016-12-10}""",
        )
    )
    assert_boundaries(L, "milestone_overdue", D(2016, 11, 30), ref="完成试点")
    assert of(L, D(2016, 12, 1), "milestone_overdue", ref="制定方案") == []
    # done after the as-of date: still overdue as of then, gone once done
    assert [f.days for f in of(L, D(2016, 12, 9), "milestone_overdue", ref="后来完成")] == [24]
    assert of(L, D(2016, 12, 10), "milestone_overdue", ref="后来完成") == []
    assert "完成试点" in of(L, D(2016, 12, 1), "milestone_overdue", ref="完成试点")[0].message


@pytest.mark.parametrize(
    "last,due",
    [
        ("2016-08-31", D(2016, 10, 31)),  # 31 Aug + 2 months
        ("2016-10-31", D(2016, 12, 31)),
        ("2016-12-31", D(2017, 2, 28)),  # 31 Dec + 2 months
        ("2015-12-31", D(2016, 2, 29)),  # leap year
        ("2016-12-30", D(2017, 2, 28)),
    ],
)
def test_update_overdue_month_ends(ledger, last, due):
    files = {
        "tasks/T-1.yaml": f"""\
        id: T-1
        title: 测试任务
        lead_unit: 市发改委
        start: 2015-07-01
        due: 2018-12-31
        status: in_progress
        progress:
          - {{date: 2015-07-15, note: 第一次}}
          - {{date: {last}, note: 最近一次}}
        """
    }
    # a ledger counting from 2015 (nothing falls due before a ledger's start)
    L = ledger(files, "name: t\nlevel: city\nstart: 2015-07-01\n")
    assert_boundaries(L, "update_overdue", due)
    assert of(L, due + ONE, "update_overdue")[0].args["last"] == last


def test_update_overdue_from_start_without_progress_and_settings_interval(ledger):
    files = {
        "tasks/T-1.yaml": """\
        id: T-1
        title: 无进展
        lead_unit: 市发改委
        start: 2016-07-31
        due: 2017-12-31
        status: planned
        """
    }
    assert_boundaries(ledger(files), "update_overdue", D(2016, 9, 30))
    settings = "name: t\nlevel: city\nstart: 2016-07-01\nrules: {update_interval_months: 1, due_soon_days: 3}\n"
    L = ledger(files, settings)
    assert of(L, D(2016, 8, 26), "update_overdue") == []
    assert [f.light for f in of(L, D(2016, 8, 28), "update_overdue")] == ["yellow"]
    assert [f.days for f in of(L, D(2016, 9, 1), "update_overdue")] == [1]


def test_progress_after_as_of_does_not_count(ledger):
    L = ledger(task(due="2017-12-31"))  # progress 2016-09-30
    assert [f.due for f in of(L, D(2016, 9, 29), "update_overdue")] == [D(2016, 9, 1)]
    assert of(L, D(2016, 9, 30), "update_overdue") == []


# ---------------------------------------------------------------- pilots
def pilot(status="active", filed="2016-07-20", end="2017-06-30", extra=""):
    return {
        "pilots/P-1.yaml": f"""\
        id: P-1
        title: 测试试点
        unit: 某区委
        lead_leader: 张三
        promotion_plan: 推进方案
        working_team: [工作组]
        start: 2016-07-01
        end: {end}
        filed: {filed}
        status: {status}
        {extra}
        """
    }


def test_pilot_overdue(ledger):
    L = ledger(pilot())
    assert_boundaries(L, "pilot_overdue", D(2017, 6, 30))
    assert of(L, D(2017, 7, 1), "pilot_overdue")[0].unit == "某区委"
    assert_boundaries(ledger(pilot(status="adjusted", extra="exit_reason: 调整")), "pilot_overdue", D(2017, 6, 30))
    for done in (pilot(status="completed"), pilot(status="exited", extra="exit_reason: 未落实")):
        assert of(ledger(done), D(2017, 8, 1), "pilot_overdue") == []


def test_pilot_not_filed(ledger):
    L = ledger(pilot(filed="null"))
    assert_boundaries(L, "pilot_not_filed", D(2016, 7, 31))  # start + 30 days
    assert of(ledger(pilot()), D(2016, 8, 10), "pilot_not_filed") == []
    late = ledger(pilot(filed="2016-08-05"))
    assert [f.days for f in of(late, D(2016, 8, 4), "pilot_not_filed")] == [4]
    assert of(late, D(2016, 8, 5), "pilot_not_filed") == []
    settings = "name: t\nlevel: city\nstart: 2016-07-01\nrules: {pilot_filing_days: 10}\n"
    assert [f.due for f in of(ledger(pilot(filed="null"), settings), D(2016, 7, 12), "pilot_not_filed")] == [
        D(2016, 7, 11)
    ]


# ---------------------------------------------------------------- notices
NOTICE = """\
    id: RN-1
    issued: 2016-09-30
    issued_by: 市委深改办
    to_unit: 某区委
    subject: 督察整改
    problems:
      - no: 1
        description: 台账未更新
        due: 2016-11-30
        reviews:
          - {due: 2016-10-31}
          - {due: 2016-11-15, done: 2016-11-14}
      - no: 2
        description: 人员不足
        responsible: 市发改委
        due_working_days: 3
      - no: 3
        description: 已整改
        due: 2016-10-15
        reviews: [{due: 2016-10-10}]
        rectified: 2016-10-12
    """


def test_problem_overdue_and_unit(ledger):
    L = ledger({"notices/RN-1.yaml": NOTICE})
    assert_boundaries(L, "problem_overdue", D(2016, 11, 30), ref="1")
    f = of(L, D(2016, 12, 1), "problem_overdue", ref="1")[0]
    assert (f.id, f.kind, f.unit, f.file) == ("RN-1", "notice", "某区委", "notices/RN-1.yaml")
    assert "台账未更新" in f.message
    assert of(L, D(2016, 10, 16), "problem_overdue", ref="3") == []
    assert [f.days for f in of(L, D(2016, 10, 11), "problem_overdue", ref="3")] == [-4]


def test_problem_due_in_working_days(ledger):
    """Issued Friday 2016-09-30; 1-7 Oct is the National Day holiday, Sat 8 and Sun 9 Oct are adjusted
    workdays: the 3rd working day after is Monday 10 Oct."""
    L = ledger({"notices/RN-1.yaml": NOTICE})
    assert_boundaries(L, "problem_overdue", D(2016, 10, 10), ref="2")
    f = of(L, D(2016, 10, 11), "problem_overdue", ref="2")[0]
    assert f.unit == "市发改委"
    assert "3 working days after 2016-09-30" in f.message
    assert "3个工作日" in f.text("zh")


def test_review_overdue(ledger):
    L = ledger({"notices/RN-1.yaml": NOTICE})
    assert_boundaries(L, "review_overdue", D(2016, 10, 31), ref="1/1")
    assert of(L, D(2016, 11, 20), "review_overdue", ref="1/2") == []
    assert of(L, D(2016, 10, 20), "review_overdue", ref="3/1") == []  # rectified problems need no review


def test_working_days_beyond_the_calendar_give_a_note_not_a_date(ledger):
    from reformctl.rules.workdays import known_years

    far = known_years()[1] + 1
    notice = NOTICE.replace("2016-09-30", f"{far}-03-01").replace("2016-", f"{far}-")
    L = ledger({"notices/RN-1.yaml": notice})
    ev = evaluate(L, D(far, 12, 31))
    assert [f.ref for f in ev.findings if f.rule == "problem_overdue"] == ["1"]
    assert [(n.id, n.ref, n.code) for n in ev.notes] == [("RN-1", "2", "calendar_unknown")]
    assert str(far) in ev.notes[0].message and "problem 2" in ev.notes[0].message
    assert "工作日历" in ev.notes[0].text("zh")


# ---------------------------------------------------------------- reminders
REMINDER = """\
    id: SR-1
    plan: 《上级方案》
    issued: 2016-12-02
    to: [经济专项小组, 市发改委, 市科技局]
    {due}
    reports:
      - {{unit: 市科技局, date: 2016-12-20}}
      - {{unit: 市发改委, date: 2017-01-10}}
    """


def test_reminder_overdue_per_unit(ledger):
    L = ledger({"reminders/SR-1.yaml": REMINDER.format(due="report_due: 2017-01-06")})
    assert_boundaries(L, "reminder_overdue", D(2017, 1, 6), unit="经济专项小组")
    assert [f.unit for f in of(L, D(2017, 1, 7), "reminder_overdue")] == ["市发改委", "经济专项小组"]
    assert [f.unit for f in of(L, D(2017, 1, 10), "reminder_overdue")] == ["经济专项小组"]
    assert of(L, D(2016, 12, 21), "reminder_overdue", unit="市科技局") == []


def test_reminder_due_in_working_days(ledger):
    """Issued Friday 2016-12-02, 15 working days: 5-9, 12-16, 19-23 December -> Friday 23 December."""
    L = ledger({"reminders/SR-1.yaml": REMINDER.format(due="report_within_working_days: 15")})
    assert_boundaries(L, "reminder_overdue", D(2016, 12, 23), unit="经济专项小组")


# ---------------------------------------------------------------- plans
def test_plan_review_overdue(ledger):
    plan = """\
        id: PL-1
        title: 测试方案
        level: city
        special_group: 经济专项小组
        lead_unit: 市发改委
        review_scheduled: 2016-12-20
        status: {status}
        {approved}
        """
    L = ledger({"plans/PL-1.yaml": plan.format(status="reviewing", approved="")})
    assert_boundaries(L, "plan_review_overdue", D(2016, 12, 20))
    assert of(L, D(2016, 12, 21), "plan_review_overdue")[0].unit == "市发改委"
    L = ledger({"plans/PL-1.yaml": plan.format(status="reviewing", approved="approved: 2016-12-28")})
    assert [f.days for f in of(L, D(2016, 12, 27), "plan_review_overdue")] == [7]
    assert of(L, D(2016, 12, 28), "plan_review_overdue") == []


# ---------------------------------------------------------------- the engine
def test_every_rule_code_of_the_contract_is_registered_and_labelled():
    from reformctl import i18n

    contract = {
        "task_overdue",
        "milestone_overdue",
        "update_overdue",
        "carry_over_overdue",
        "pilot_overdue",
        "pilot_not_filed",
        "problem_overdue",
        "review_overdue",
        "reminder_overdue",
        "report_missing",
        "evaluation_due",
        "meeting_missing",
        "self_assessment_missing",
        "training_missing",
        "onsite_meeting_missing",
        "press_conference_missing",
        "inspection_missing",
        "plan_review_overdue",
    }
    rules = all_rules()
    assert contract <= set(rules)
    for code in rules:
        assert code in i18n.RULES and code in i18n.MESSAGES, code
        assert "{when}" in i18n.MESSAGES[code].en and "{when}" in i18n.MESSAGES[code].zh


def test_sorted_red_first_then_days(ledger):
    L = ledger({**task("T-1", due="2016-10-31"), **task("T-2", due="2016-11-20"), **task("T-3", due="2016-12-05")})
    got = [(f.light, f.days) for f in findings(L, D(2016, 11, 30))]
    assert got == sorted(got, key=lambda x: (x[0] != "red", -x[1]))
    assert got[0] == ("red", 61)


def test_horizon_adds_green(ledger):
    L = ledger(task(due="2017-03-31"))
    assert of(L, D(2017, 1, 1), "task_overdue") == []
    ev = evaluate(L, D(2017, 1, 1), horizon=100, rules=["task_overdue"])
    assert [(f.light, f.days) for f in ev.findings] == [("green", -89)]
    with pytest.raises(ValueError):
        evaluate(L, D(2017, 1, 1), rules=["no_such_rule"])


def test_sample_ledger_as_of_2016_12_31_has_many_codes():
    from conftest import SAMPLE

    res = load_ledger(SAMPLE)
    assert not res.errors
    fs = findings(res.ledger, D(2016, 12, 31))
    red = {f.rule for f in fs if f.light == "red"}
    yellow = {f.rule for f in fs if f.light == "yellow"}
    assert len(red | yellow) >= 10, (red, yellow)
    assert len(red) >= 8 and len(yellow) >= 5
    assert all(f.unit for f in fs)


def test_status_filters_show_only_the_notes_they_concern(sample_copy, cli):
    """A gap fixed: `status --rule X` printed the warnings of every rule. Each note now knows the rules that
    could not judge it; --rule and --kind narrow the notes as they narrow the findings."""
    import textwrap

    from reformctl.rules.workdays import known_years

    far = known_years()[1] + 1
    notice = textwrap.dedent(NOTICE).replace("某区委", "市财政局").replace("2016-09-30", f"{far}-03-01")
    notice = notice.replace("2016-", f"{far}-")
    (sample_copy / "notices" / "RN-901.yaml").write_text(notice.replace("RN-1", "RN-901"), encoding="utf-8")
    base = ["status", "--ledger", sample_copy, "--as-of", f"{far}-12-31", "--format", "json", "--no-cache"]
    warn = "notices/RN-901.yaml: warning:"
    r = cli(*base)
    assert r.exit_code == 0 and warn in r.stderr, r.stderr
    assert warn in cli(*base, "--rule", "problem_overdue").stderr
    assert warn in cli(*base, "--kind", "notice").stderr
    r = cli(*base, "--rule", "task_overdue")
    assert r.exit_code == 0 and warn not in r.stderr
    assert warn not in cli(*base, "--kind", "reminder").stderr
    # the remembered answer filters the same way
    cached = base[:-1]
    cli(*cached)
    assert warn not in cli(*cached, "--rule", "task_overdue").stderr
    assert warn in cli(*cached, "--rule", "problem_overdue").stderr


def test_a_note_lists_the_rules_that_could_not_judge_it(ledger):
    from reformctl.rules.findings import select_notes
    from reformctl.rules.workdays import known_years

    far = known_years()[1] + 1
    notice = NOTICE.replace("2016-09-30", f"{far}-03-01").replace("2016-", f"{far}-")
    ev = evaluate(ledger({"notices/RN-1.yaml": notice}), D(far, 12, 31))
    assert [n.rules for n in ev.notes] == [("problem_overdue",)]
    assert select_notes(ev.notes, rules=["review_overdue"]) == []
    assert select_notes(ev.notes, kinds=["notice"], rules=["problem_overdue"]) == ev.notes
