"""Lateness stays on the record: a quarterly report filed late, a pilot filed late, a reminder answered late are
late for good (`status --history`, `summary`, the HTML report), not simply "filed"."""

from __future__ import annotations

import json

FILES = {
    "tasks/T-1.yaml": """\
        id: T-1
        title: 任务
        lead_unit: 市发改委
        special_group: 经济专项小组
        start: 2016-07-01
        due: 2017-12-31
        status: in_progress
        """,
    # due 2016-10-10 (quarter end + 10 days): one late by 4 days, one on time
    "reports/R-1.yaml": "id: R-1\nunit: 市发改委\nquarter: 2016Q3\nsubmitted: 2016-10-14\nto: 经济专项小组\n",
    "reports/R-2.yaml": "id: R-2\nunit: 经济专项小组\nquarter: 2016Q3\nsubmitted: 2016-10-09\nto: 市委深改组\n",
    # a second, later report of the same unit and quarter does not make the first one late
    "reports/R-3.yaml": "id: R-3\nunit: 经济专项小组\nquarter: 2016Q3\nsubmitted: 2016-11-20\nto: 市委深改组\n",
    # started before the ledger's start: due 30 days after 2016-07-01, filed 2 days late
    "pilots/P-1.yaml": """\
        id: P-1
        title: 试点
        unit: 某区委
        lead_leader: 张三
        promotion_plan: 推进方案
        working_team: [工作组]
        start: 2016-05-01
        end: 2017-04-30
        filed: 2016-08-02
        status: active
        """,
    "reminders/SR-1.yaml": """\
        id: SR-1
        plan: 上级方案
        issued: 2016-09-01
        to: [市发改委, 市科技局]
        report_due: 2016-09-30
        reports:
          - {unit: 市发改委, date: 2016-09-28}
          - {unit: 市科技局, date: 2016-10-07}
        """,
}


def test_status_history_lists_what_was_filed_late(cli, make_ledger):
    root = make_ledger(FILES)
    r = cli("status", "--ledger", root, "--as-of", "2016-12-31", "--history", "-f", "json")
    assert r.exit_code == 0, r
    got = {(x["kind"], x["id"], x["unit"], x["due"], x["filed"], x["days_late"]) for x in json.loads(r.stdout)}
    assert got == {
        ("report", "R-1", "市发改委", "2016-10-10", "2016-10-14", 4),
        ("pilot", "P-1", "某区委", "2016-07-31", "2016-08-02", 2),
        ("reminder", "SR-1", "市科技局", "2016-09-30", "2016-10-07", 7),
    }
    # as of a date before the late filings they have not happened yet
    r = cli("status", "--ledger", root, "--as-of", "2016-10-01", "--history", "-f", "json")
    assert [x["id"] for x in json.loads(r.stdout)] == ["P-1"]
    # every filing, on time too
    r = cli("status", "--ledger", root, "--as-of", "2016-12-31", "--history", "--all-filings", "-f", "json")
    rows = json.loads(r.stdout)
    assert sorted((x["id"], x["unit"], x["late"]) for x in rows) == [
        ("P-1", "某区委", True),
        ("R-1", "市发改委", True),
        ("R-2", "经济专项小组", False),
        ("SR-1", "市发改委", False),
        ("SR-1", "市科技局", True),
    ]
    zh = cli("status", "--ledger", root, "--as-of", "2016-12-31", "--history", "--lang", "zh")
    assert "逾期办理记录" in zh.stdout and "R-1" in zh.stdout
    csv = cli("status", "--ledger", root, "--as-of", "2016-12-31", "--history", "-f", "csv", "--unit", "市科技局")
    assert csv.stdout.splitlines()[0].startswith("id,kind,rule,due,filed,days_late")
    assert len(csv.stdout.splitlines()) == 2 and "SR-1" in csv.stdout


def test_all_filings_needs_history(cli, make_ledger):
    assert cli("status", "--ledger", make_ledger(FILES), "--all-filings").exit_code == 2


def test_summary_counts_on_time_and_late(cli, make_ledger):
    root = make_ledger(FILES)
    r = cli("summary", "--ledger", root, "--quarter", "2016Q4", "--as-of", "2016-12-31", "-f", "json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert {"quarter", "rows", "totals"} <= set(data)  # the contract's shape holds
    t = data["timeliness"]
    assert t["report"] == {"on_time": 1, "late": 1, "days_late": 4}
    assert t["reminder"] == {"on_time": 0, "late": 1, "days_late": 7}
    assert t["pilot"] == {"on_time": 0, "late": 0, "days_late": 0}  # filed in Q3
    assert (t["on_time"], t["late"], t["days_late"]) == (1, 2, 11)
    table = cli("summary", "--ledger", root, "--quarter", "2016Q4", "--as-of", "2016-12-31", "--lang", "zh")
    assert "按时办理情况" in table.stdout


def test_html_report_lists_late_filings(cli, make_ledger, tmp_path):
    root = make_ledger(FILES)
    out = tmp_path / "r.html"
    r = cli("report", "--ledger", root, "--as-of", "2016-12-31", "--html", out, "--lang", "zh")
    assert r.exit_code == 0, r
    html = out.read_text(encoding="utf-8")
    assert 'id="late-list"' in html and "逾期4天" in html and "逾期7天" in html
    assert "按时办理情况" in html
