"""`reformctl status` and `reformctl agenda` through the real CLI, on the sample ledger and small ledgers."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from conftest import SAMPLE

CONTRACT_KEYS = {"id", "kind", "rule", "due", "days", "light", "unit", "message"}
KINDS = {"task", "pilot", "notice", "plan", "reminder", "report", "event", "unit"}


def status_json(cli, *args):
    r = cli("status", "--ledger", SAMPLE, "--as-of", "2016-12-31", "--format", "json", *args)
    assert r.exit_code == 0, r
    return json.loads(r.stdout)


def test_json_contract_on_the_sample(cli):
    rows = status_json(cli)
    assert isinstance(rows, list) and rows
    for row in rows:
        assert set(row) >= CONTRACT_KEYS
        assert row["light"] in ("red", "yellow")
        assert row["kind"] in KINDS
        assert (row["days"] > 0) == (row["light"] == "red")
        assert isinstance(row["days"], int) and len(row["due"]) == 10
        assert row["unit"] and row["message"]
    red = {r["rule"] for r in rows if r["light"] == "red"}
    yellow = {r["rule"] for r in rows if r["light"] == "yellow"}
    assert len(red | yellow) >= 10
    assert red and yellow
    # red first, then by days late
    keys = [(r["light"] != "red", -r["days"]) for r in rows]
    assert keys == sorted(keys)


def test_sample_finds_the_planted_problems(cli):
    rows = status_json(cli)
    got = {(r["rule"], r["id"], r["unit"]) for r in rows}
    assert ("pilot_overdue", "P-2016-005", "武侯区委") in got
    assert ("pilot_not_filed", "P-2016-004", "锦江区委") in got
    assert ("plan_review_overdue", "PL-2016-005", "市农委") in got
    assert ("reminder_overdue", "SR-2016-002", "郫县县委") in got
    assert ("review_overdue", "RN-2016-003", "郫县县委") in got
    assert ("carry_over_overdue", "T-2016-021", "市教育局") in got
    assert ("evaluation_due", "PL-2016-003", "市委深改办") in got
    assert ("meeting_missing", "2016Q3", "纪律检查体制改革专项小组") in got
    # completed, closed and cancelled tasks owe nothing
    assert not {r["id"] for r in rows} & {"T-2016-002", "T-2016-009", "T-2016-017"}


@pytest.mark.parametrize(
    "opt,value,field",
    [
        ("--unit", "市财政局", "unit"),
        ("--kind", "notice", "kind"),
        ("--rule", "report_missing", "rule"),
        ("--light", "yellow", "light"),
    ],
)
def test_filters(cli, opt, value, field):
    rows = status_json(cli, opt, value)
    assert rows and all(r[field] == value for r in rows)


def test_filters_combine_and_repeat(cli):
    rows = status_json(cli, "--rule", "task_overdue,milestone_overdue", "--kind", "task", "--light", "red")
    assert {r["rule"] for r in rows} == {"task_overdue", "milestone_overdue"}
    assert all(r["light"] == "red" for r in rows)
    rows2 = status_json(cli, "--unit", "市财政局", "--unit", "市委宣传部")
    assert {r["unit"] for r in rows2} == {"市财政局", "市委宣传部"}


@pytest.mark.parametrize(
    "args,what",
    [
        (["--kind", "tsk"], "unknown kind"),
        (["--rule", "late"], "unknown rule"),
        (["--unit", "市财"], "not a unit"),
        (["--light", "green"], "'green'"),
        (["--format", "xml"], "'xml'"),
        (["--as-of", "2016-13-01"], "--as-of"),
        (["--fail-on", "blue"], "'blue'"),
    ],
)
def test_bad_options_exit_2(cli, args, what):
    r = cli("status", "--ledger", SAMPLE, *args)
    assert r.exit_code == 2, r
    assert what in r.stderr + r.stdout
    assert "Traceback" not in r.stderr + r.stdout


def test_fail_on(cli):
    assert cli("status", "--ledger", SAMPLE, "--as-of", "2016-12-31", "-f", "json").exit_code == 0
    assert cli("status", "--ledger", SAMPLE, "--as-of", "2016-12-31", "-f", "json", "--fail-on", "red").exit_code == 1
    # only yellow shown: fails on yellow, not on red
    base = ["status", "--ledger", SAMPLE, "--as-of", "2016-12-31", "-f", "json", "--light", "yellow"]
    assert cli(*base, "--fail-on", "red").exit_code == 0
    assert cli(*base, "--fail-on", "yellow").exit_code == 1


def test_fail_on_clean_ledger(cli, make_ledger):
    root = make_ledger(
        {
            "reformctl.yaml": "name: t\nlevel: city\nstart: 2016-07-01\n",
            "units.yaml": """\
        - id: 市委深改办
          name: 办公室
          type: reform_office
        """,
        }
    )
    r = cli("status", "--ledger", root, "--as-of", "2016-07-02", "--fail-on", "yellow")
    assert r.exit_code == 0, r
    assert "nothing overdue" in r.stdout
    assert cli("status", "--ledger", root, "--as-of", "2016-12-20", "--fail-on", "yellow").exit_code == 1
    assert json.loads(cli("status", "--ledger", root, "--as-of", "2016-07-02", "-f", "json").stdout) == []


def test_csv(cli):
    r = cli("status", "--ledger", SAMPLE, "--as-of", "2016-12-31", "--format", "csv")
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and set(rows[0]) >= CONTRACT_KEYS
    assert rows == [{k: str(v) for k, v in j.items()} for j in status_json(cli)]


def test_lang_translates_labels_and_messages_not_data(cli):
    en = status_json(cli, "--lang", "en", "--rule", "pilot_overdue")
    zh = status_json(cli, "--lang", "zh", "--rule", "pilot_overdue")
    assert [r["unit"] for r in en] == [r["unit"] for r in zh] == ["武侯区委"]
    assert en[0]["title"] == zh[0]["title"] == "武侯区国有资本投资运营公司改建试点"
    assert "overdue" in en[0]["message"] and "逾期16天" in zh[0]["message"]
    assert en[0]["light"] == zh[0]["light"] == "red"


@pytest.mark.parametrize(
    "lang,words",
    [
        ("zh", ["红灯", "黄灯", "责任单位", "时限", "武侯区国有", "市委深改办"]),
        ("en", ["red", "yellow", "unit", "due", "days", "武侯区国有"]),
    ],
)
def test_table_in_100_columns(cli, lang, words):
    r = cli("status", "--ledger", SAMPLE, "--as-of", "2016-12-31", "--lang", lang)
    assert r.exit_code == 0, r
    out = r.stdout
    from rich.cells import cell_len

    assert max(cell_len(line) for line in out.splitlines()) <= 100
    for w in words:
        assert w in out, w
    for tid in ("P-2016-005", "T-2016-003", "2016-12-15"):
        assert tid in out
    lines = out.splitlines()
    red, yellow = ("红灯", "黄灯") if lang == "zh" else ("red ", "yellow ")
    first_yellow = next(i for i, l in enumerate(lines) if l.lstrip().startswith(yellow))
    last_red = max(i for i, l in enumerate(lines) if l.lstrip().startswith(red))
    assert last_red < first_yellow


def test_ledger_with_errors_is_refused(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": "id: T-1\ntitle: 坏任务\n"})
    r = cli("status", "--ledger", root, "--as-of", "2016-12-31")
    assert r.exit_code == 1
    assert "reformctl check" in r.stderr
    assert cli("status", "--ledger", root.parent / "nope").exit_code == 2


def test_working_day_deadline_shown_and_unknown_year_warned(cli, make_ledger):
    from reformctl.rules.workdays import known_years

    far = known_years()[1] + 1
    root = make_ledger(
        {
            "reminders/SR-1.yaml": """\
            id: SR-1
            plan: 《上级方案》
            issued: 2016-12-02
            to: [市发改委]
            report_within_working_days: 15
            """,
            "reminders/SR-2.yaml": f"""\
            id: SR-2
            plan: 《上级方案》
            issued: {far}-12-02
            to: [市发改委]
            report_within_working_days: 15
            """,
        }
    )
    r = cli("status", "--ledger", root, "--as-of", "2016-12-24", "-f", "json", "--rule", "reminder_overdue")
    assert r.exit_code == 0, r
    rows = json.loads(r.stdout)
    assert [(x["id"], x["due"], x["days"]) for x in rows] == [("SR-1", "2016-12-23", 1)]
    assert "15 working days after 2016-12-02" in rows[0]["message"]
    assert "SR-2" in r.stderr and str(far) in r.stderr and "warning" in r.stderr
    zh = cli("status", "--ledger", root, "--as-of", "2016-12-24", "--lang", "zh", env={"COLUMNS": "250"})
    assert "15个工作日" in zh.stdout and "工作日历" in zh.stderr


def test_agenda_groups_by_week(cli):
    r = cli("agenda", "--ledger", SAMPLE, "--as-of", "2016-12-19", "--days", "21", "--format", "json")
    assert r.exit_code == 0, r
    rows = json.loads(r.stdout)
    assert rows
    assert all("2016-12-19" <= x["due"] <= "2017-01-09" for x in rows)
    assert [x["due"] for x in rows] == sorted(x["due"] for x in rows)
    assert {x["week"] for x in rows} >= {"2016-W51", "2016-W52", "2017-W01"}
    assert {x["light"] for x in rows} == {"yellow", "green"}  # further than 14 days: green
    table = cli("agenda", "--ledger", SAMPLE, "--as-of", "2016-12-19", "--days", "21", "--lang", "zh")
    assert "2016年第51周（2016-12-19 至 2016-12-25）" in table.stdout
    assert "2016年第52周" in table.stdout and "2017年第1周" in table.stdout
    with_late = cli("agenda", "--ledger", SAMPLE, "--as-of", "2016-12-19", "--overdue", "-f", "json")
    assert any(x["light"] == "red" for x in json.loads(with_late.stdout))
    assert cli("agenda", "--ledger", SAMPLE, "--days", "0").exit_code == 2


def test_status_as_a_subprocess_pipes_plain_json():
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "reformctl",
            "status",
            "--ledger",
            str(SAMPLE),
            "--as-of",
            "2016-12-31",
            "--format",
            "json",
            "--rule",
            "pilot_overdue",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["id"] == "P-2016-005"
    assert "\x1b[" not in r.stdout


@pytest.mark.parametrize("as_of", ["1949-01-01", "2200-12-31"])
def test_dates_at_the_ends_of_the_calendar(cli, make_ledger, as_of):
    """No overflow at the ends of the supported dates (1949-01-01 to 2200-12-31; tests/hostile has the dates
    outside, which `check` refuses): deadlines computed beyond the last date are still judged."""
    root = make_ledger(
        {
            "pilots/P-1.yaml": """\
            id: P-1
            title: 远期试点
            unit: 某区委
            lead_leader: 张三
            promotion_plan: 推进方案
            working_team: [工作组]
            start: 2200-12-01
            end: 2200-12-31
            status: active
            """,
            "tasks/T-1.yaml": """\
            id: T-1
            title: 远期任务
            lead_unit: 市发改委
            start: 2200-10-01
            due: 2200-12-31
            status: in_progress
            """,
        }
    )
    assert cli("check", "--ledger", root).exit_code == 0
    rules = "task_overdue,update_overdue,pilot_not_filed,pilot_overdue,milestone_overdue,plan_review_overdue"
    r = cli("status", "--ledger", root, "--as-of", as_of, "-f", "json", "--rule", rules)
    assert r.exit_code == 0, r
    rows = json.loads(r.stdout)
    if as_of.startswith("2200"):
        assert {(x["rule"], x["id"]) for x in rows} == {
            ("task_overdue", "T-1"),
            ("update_overdue", "T-1"),
            ("pilot_overdue", "P-1"),
            ("pilot_not_filed", "P-1"),
        }
    else:
        assert rows == []
    a = cli("agenda", "--ledger", root, "--as-of", as_of, "--days", "3000", "--rule", rules)
    assert a.exit_code == 0, a
