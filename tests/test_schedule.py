"""`reformctl schedule`: the year's plan review schedule (年度上会审议计划, art. 5 and 16)."""

from __future__ import annotations

import json

from conftest import SAMPLE


def plan(pid: str, **fields) -> str:
    lines = [f"id: {pid}", f"title: 方案{pid}", "level: city", "lead_unit: 市发改委"]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def run_json(cli, root, *args):
    r = cli("schedule", "--ledger", root, "--format", "json", *args)
    assert r.exit_code == 0, r
    return json.loads(r.stdout)


def test_states_in_date_order(cli, make_ledger):
    root = make_ledger(
        {
            "plans/PL-C.yaml": plan("PL-C", review_scheduled="2016-12-20", legality_review="2016-09-01"),
            "plans/PL-A.yaml": plan(
                "PL-A",
                review_scheduled="2016-03-10",
                legality_review="2016-03-01",
                approved="2016-03-15",
                issued="2016-03-20",
                status="issued",
            ),
            "plans/PL-B.yaml": plan(
                "PL-B", review_scheduled="2016-09-08", needs_stability_assessment="true", legality_review="2016-09-01"
            ),
            "plans/PL-D.yaml": plan("PL-D", review_scheduled="2017-01-10"),  # next year: not listed
            "plans/PL-E.yaml": plan("PL-E", approved="2016-05-05", legality_review="2016-05-01"),  # never scheduled
        }
    )
    out = run_json(cli, root, "--year", "2016", "--as-of", "2016-10-01")
    assert out["year"] == 2016 and out["as_of"] == "2016-10-01"
    got = [(p["id"], p["state"], p["days"], p["delay"], p["missing"]) for p in out["plans"]]
    assert got == [
        ("PL-A", "reviewed", None, 5, []),
        ("PL-E", "unscheduled", None, None, []),
        ("PL-B", "late", 23, None, ["stability_assessment"]),
        ("PL-C", "upcoming", -80, None, []),
    ]


def test_meeting_day_is_not_late_and_approval_after_as_of_is_not_counted(cli, make_ledger):
    root = make_ledger(
        {
            "plans/PL-A.yaml": plan(
                "PL-A", review_scheduled="2016-12-20", approved="2016-12-20", legality_review="2016-12-01"
            ),
        }
    )
    assert [
        (p["state"], p["days"]) for p in run_json(cli, root, "--year", "2016", "--as-of", "2016-12-20")["plans"]
    ] == [("reviewed", None)]
    assert [
        (p["state"], p["days"]) for p in run_json(cli, root, "--year", "2016", "--as-of", "2016-12-19")["plans"]
    ] == [("upcoming", -1)]


def test_preparation_dated_after_the_meeting_does_not_count(cli, make_ledger):
    root = make_ledger({"plans/PL-A.yaml": plan("PL-A", review_scheduled="2016-12-20", legality_review="2016-12-28")})
    [row] = run_json(cli, root, "--year", "2016", "--as-of", "2016-12-01")["plans"]
    assert row["missing"] == ["legality_review"]


def test_year_defaults_to_as_of_year(cli, make_ledger):
    root = make_ledger({"plans/PL-A.yaml": plan("PL-A", review_scheduled="2017-02-16")})
    assert [p["id"] for p in run_json(cli, root, "--as-of", "2017-01-05")["plans"]] == ["PL-A"]
    assert run_json(cli, root, "--as-of", "2016-12-31")["plans"] == []


def test_table_in_both_languages_and_xlsx(cli, make_ledger, tmp_path):
    from openpyxl import load_workbook

    root = make_ledger(
        {
            "plans/PL-A.yaml": plan("PL-A", review_scheduled="2016-12-20", needs_stability_assessment="true"),
        }
    )
    zh = cli(
        "schedule",
        "--ledger",
        root,
        "--year",
        "2016",
        "--as-of",
        "2016-12-10",
        "--lang",
        "zh",
        "--xlsx",
        tmp_path / "s.xlsx",
        env={"COLUMNS": "200"},
    )
    assert zh.exit_code == 0, zh
    assert "2016年度上会审议计划" in zh.stdout and "待审议" in zh.stdout and "缺稳评、合法性审查" in zh.stdout
    en = cli(
        "schedule", "--ledger", root, "--year", "2016", "--as-of", "2016-12-21", "--lang", "en", env={"COLUMNS": "200"}
    )
    assert "Plan review schedule 2016" in en.stdout and "late" in en.stdout and "1 days overdue" in en.stdout
    ws = load_workbook(tmp_path / "s.xlsx").active
    assert ws["A1"].value == "2016年度上会审议计划"
    assert [c.value for c in ws[3]][:5] == ["2016-12-20", "PL-A", "方案PL-A", "市发改委", "待审议"]


def test_bad_options(cli, make_ledger, tmp_path):
    root = make_ledger()
    r = cli("schedule", "--ledger", root, "--year", "20161")
    assert r.exit_code == 2 and "--year 20161 is outside the supported years 1949 to 2200" in r.stderr
    r = cli("schedule", "--ledger", root, "--xlsx", tmp_path / "missing" / "s.xlsx")
    assert r.exit_code == 2 and "does not exist" in r.stderr
    r = cli("schedule", "--ledger", root, "--as-of", "2016-02-30")
    assert r.exit_code == 2 and "--as-of 2016-02-30 is not a day: February 2016 has 29 days" in r.stderr


def test_sample_ledger_shows_pl_2016_005_late(cli):
    out = run_json(cli, SAMPLE, "--year", "2016", "--as-of", "2016-12-31")
    late = [p["id"] for p in out["plans"] if p["state"] == "late"]
    assert late == ["PL-2016-005"]
    assert all(p["state"] == "reviewed" for p in out["plans"] if p["id"] != "PL-2016-005")
