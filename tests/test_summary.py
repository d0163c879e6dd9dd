"""`reformctl summary`: the contract's task figures, --by, --year, and the four formats agreeing."""

from __future__ import annotations

import csv
import io
import re
import json

import pytest

TASK = """\
id: {id}
title: 任务{id}
lead_unit: {unit}
special_group: {group}
start: {start}
due: {due}
status: {status}
"""


def task(id, unit, start, due, status="in_progress", completed=None, group="经济专项小组"):
    text = TASK.format(id=id, unit=unit, start=start, due=due, status=status, group=group)
    if completed:
        text += f"completed: {completed}\n"
    if status == "cancelled":
        text += "cancel_reason: 方案调整\n"
    return {f"tasks/{id}.yaml": text}


def q3_ledger(make_ledger):
    files = {}
    files.update(task("T-A", "市发改委", "2016-07-01", "2016-08-31", "completed", "2016-08-20"))  # due, done in time
    files.update(task("T-B", "市发改委", "2016-07-01", "2016-09-30"))  # due, not done: overdue
    files.update(task("T-C", "市科技局", "2016-05-01", "2016-06-30", "completed", "2016-07-05"))  # late, done in Q3
    files.update(task("T-D", "市科技局", "2016-05-01", "2016-06-30", "completed", "2016-06-20"))  # done before Q3
    files.update(task("T-E", "市科技局", "2016-10-01", "2016-12-31", "planned"))  # starts after Q3
    files.update(task("T-F", "市发改委", "2016-07-01", "2016-09-15", "completed", "2016-10-10", group=""))  # done late
    files.update(task("T-G", "市科技局", "2016-07-01", "2016-08-01", "cancelled"))  # cancelled: not counted
    files["tasks/T-F.yaml"] = files["tasks/T-F.yaml"].replace("special_group: \n", "")
    return make_ledger(files)


EXPECTED_Q3 = {
    "市发改委": {"tasks": 3, "due_in_quarter": 3, "completed_in_quarter": 1, "overdue": 2, "completion_rate": 1 / 3},
    "市科技局": {"tasks": 1, "due_in_quarter": 0, "completed_in_quarter": 1, "overdue": 0, "completion_rate": None},
}
EXPECTED_Q3_TOTALS = {
    "tasks": 4,
    "due_in_quarter": 3,
    "completed_in_quarter": 2,
    "overdue": 2,
    "completion_rate": 1 / 3,
}


def test_fixture_ledger_is_valid(cli, make_ledger):
    root = q3_ledger(make_ledger)
    r = cli("check", "--ledger", root)
    assert r.exit_code == 0, r


def test_json_follows_the_contract(cli, make_ledger):
    root = q3_ledger(make_ledger)
    r = cli("summary", "--ledger", root, "--quarter", "2016Q3", "--format", "json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert data["quarter"] == "2016Q3"
    rows = {row["unit"]: {k: row[k] for k in EXPECTED_Q3_TOTALS} for row in data["rows"]}
    assert rows.keys() == EXPECTED_Q3.keys()
    for unit, expected in EXPECTED_Q3.items():
        got = rows[unit]
        assert (
            got["completion_rate"] == pytest.approx(expected["completion_rate"])
            if expected["completion_rate"]
            else got["completion_rate"] is None
        )
        assert {k: v for k, v in got.items() if k != "completion_rate"} == {
            k: v for k, v in expected.items() if k != "completion_rate"
        }
    totals = data["totals"]
    assert totals["completion_rate"] == pytest.approx(1 / 3)
    assert {k: totals[k] for k in ("tasks", "due_in_quarter", "completed_in_quarter", "overdue")} == {
        "tasks": 4,
        "due_in_quarter": 3,
        "completed_in_quarter": 2,
        "overdue": 2,
    }


def test_by_special_group_and_year(cli, make_ledger):
    root = q3_ledger(make_ledger)
    r = cli("summary", "--ledger", root, "--quarter", "2016Q3", "--by", "special_group", "--format", "json")
    data = json.loads(r.stdout)
    groups = {row["special_group"]: row for row in data["rows"]}
    assert set(groups) == {"经济专项小组", None}  # T-F has no special group
    assert groups[None]["tasks"] == 1 and groups[None]["overdue"] == 1
    assert groups["经济专项小组"]["tasks"] == 3
    assert data["totals"]["tasks"] == 4

    r = cli("summary", "--ledger", root, "--year", "2016", "--format", "json")
    data = json.loads(r.stdout)
    assert data["year"] == 2016 and data["first"] == "2016-01-01" and data["last"] == "2016-12-31"
    # the year: every non-cancelled task is open; all six fell due; four completed in 2016; T-B and T-E overdue
    assert data["totals"]["tasks"] == 6
    assert data["totals"]["due_in_year"] == 6 and "due_in_quarter" not in data["totals"]
    assert data["totals"]["completed_in_year"] == 4
    assert data["totals"]["overdue"] == 2
    assert data["totals"]["completion_rate"] == pytest.approx(4 / 6)


def test_empty_ledger_every_format(cli, make_ledger):
    root = make_ledger()
    r = cli("summary", "--ledger", root, "--quarter", "2016Q3", "--format", "json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert data["rows"] == []
    assert data["totals"] == {
        "tasks": 0,
        "due_in_quarter": 0,
        "completed_in_quarter": 0,
        "overdue": 0,
        "completion_rate": None,
    }
    for fmt in ("table", "csv", "markdown"):
        r = cli("summary", "--ledger", root, "--quarter", "2016Q3", "--format", fmt)
        assert r.exit_code == 0, r
        assert r.stdout.strip()


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--quarter", "2016Q5"], "--quarter"),
        (["--quarter", "2016-3"], "--quarter"),
        (["--quarter", "2016Q3", "--year", "2016"], "not both"),
    ],
)
def test_bad_options_exit_2(cli, make_ledger, args, needle):
    root = make_ledger()
    r = cli("summary", "--ledger", root, *args)
    assert r.exit_code == 2, r
    assert needle in r.stderr


def test_broken_ledger_is_refused(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": "id: T-1\ntitle: x\n"})
    r = cli("summary", "--ledger", root, "--quarter", "2016Q3")
    assert r.exit_code == 1
    assert "reformctl check" in r.stderr


# ---------------------------------------------------------------- the formats agree
def parse_table(text: str) -> dict[str, list[str]]:
    """Rows of the tables (columns two spaces apart or more) keyed by their first cell; the first occurrence wins."""
    out = {}
    for line in text.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) > 1:
            out.setdefault(cells[0], cells[1:])  # the first table (the task figures) comes first
    return out


def parse_markdown(text: str) -> dict[str, list[str]]:
    out = {}
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = [c.strip().strip("*") for c in line.strip().strip("|").split(" | ")]
            out.setdefault(cells[0], cells[1:])
    return out


def figures_from_json(data: dict) -> dict[str, list]:
    keys = ("tasks", "due_in_quarter", "completed_in_quarter", "overdue")
    out = {r["unit"]: [r[k] for k in keys] + [r["completion_rate"]] for r in data["rows"]}
    out["total"] = [data["totals"][k] for k in keys] + [data["totals"]["completion_rate"]]
    return out


def percent(rate) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


@pytest.mark.parametrize("which", ["fixture", "sample"])
def test_table_json_csv_markdown_agree(cli, make_ledger, sample_copy, which):
    root = q3_ledger(make_ledger) if which == "fixture" else sample_copy
    quarter = "2016Q3" if which == "fixture" else "2016Q4"
    common = ["--ledger", root, "--quarter", quarter, "--lang", "zh", "--as-of", "2016-12-31"]
    data = json.loads(cli("summary", *common, "--format", "json").stdout)
    expected = figures_from_json(data)
    assert len(expected) > 1

    rows = list(csv.reader(io.StringIO(cli("summary", *common, "--format", "csv").stdout)))
    assert rows[0] == ["unit", "tasks", "due_in_quarter", "completed_in_quarter", "overdue", "completion_rate"]
    got = {r[0]: [int(x) for x in r[1:5]] + [float(r[5]) if r[5] else None] for r in rows[1:]}
    assert got.keys() == expected.keys()
    for k, v in expected.items():
        assert got[k][:4] == v[:4]
        assert got[k][4] == pytest.approx(v[4]) if v[4] is not None else got[k][4] is None

    for fmt, parse in (("table", parse_table), ("markdown", parse_markdown)):
        text = cli("summary", *common, "--format", fmt).stdout
        table = parse(text)
        for unit, v in expected.items():
            label = "合计" if unit == "total" else unit
            assert table[label] == [str(x) for x in v[:4]] + [percent(v[4])], (fmt, unit)


def test_sections_agree_with_the_deadline_engine(cli, sample_copy):
    """Overdue pilots and problems are the red findings of `status` as of the quarter's end; reports filed vs due
    add up; obligations are counted per rule."""
    data = json.loads(
        cli(
            "summary", "--ledger", sample_copy, "--quarter", "2016Q4", "--as-of", "2016-12-31", "--format", "json"
        ).stdout
    )
    findings = json.loads(cli("status", "--ledger", sample_copy, "--as-of", "2016-12-31", "--format", "json").stdout)
    red = {}
    for f in findings:
        if f["light"] == "red":
            red[f["rule"]] = red.get(f["rule"], 0) + 1
    assert data["pilots"]["overdue"] == red.get("pilot_overdue", 0)
    assert data["problems"]["overdue"] == red.get("problem_overdue", 0) > 0
    rep = data["reports"]
    assert rep["due"] == rep["filed"] + rep["missing"] + rep["pending"] > 0
    ob = data["obligations"]
    assert ob["met"] + ob["missed"] + ob["pending"] == len(ob["items"])
    assert {r["rule"] for r in ob["rules"]} >= {"report_missing", "meeting_missing"}
    missed_meetings = {
        (i["unit"], i["period"]) for i in ob["items"] if i["rule"] == "meeting_missing" and i["state"] == "missed"
    }
    red_meetings = {
        (f["unit"], f["period"]) for f in findings if f["rule"] == "meeting_missing" and f["period"] == "2016Q4"
    }
    assert missed_meetings == red_meetings
    md = cli(
        "summary",
        "--ledger",
        sample_copy,
        "--quarter",
        "2016Q4",
        "--as-of",
        "2016-12-31",
        "--format",
        "markdown",
        "--lang",
        "zh",
    ).stdout
    assert "### 整改问题" in md and "专项小组季度会议(R1)" in md
