"""Every table the tool prints, fitted to 80, 100 and 160 columns (reformctl/views/fit.py): pinned byte for byte
on the sample ledger (tests/golden/tables/), and checked for what must hold at any width: no line wider than the
terminal (CJK characters two columns wide), ids, dates and numbers never split, unit names on one line.

Regenerate (only when a change of layout is intended, and review the diff): REFORMCTL_REGEN_GOLDEN=1 pytest
tests/test_table_widths.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import SAMPLE

GOLDEN = Path(__file__).resolve().parent / "golden" / "tables"
REGEN = os.environ.get("REFORMCTL_REGEN_GOLDEN") == "1"
WIDTHS = (80, 100, 160)
AS_OF = ("--as-of", "2016-12-31")

VIEWS = {
    "status.zh": ("status", "--lang", "zh", *AS_OF),
    "status.en": ("status", "--lang", "en", *AS_OF),
    "agenda.zh": ("agenda", "--lang", "zh", "--as-of", "2016-12-01"),
    "summary.zh": ("summary", "--lang", "zh", *AS_OF),
    "schedule.zh": ("schedule", "--lang", "zh", "--year", "2016", *AS_OF),
    "cases.zh": ("cases", "--lang", "zh", "--year", "2016", *AS_OF),
    "assess.zh": ("assess", "--lang", "zh", "--year", "2016", *AS_OF),
    "accountability.zh": ("accountability", "--lang", "zh", "--year", "2016", *AS_OF),
}


def _run(cli, args, width: int) -> str:
    r = cli(*args, "--ledger", SAMPLE, env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert r.exit_code == 0, r
    return r.stdout


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_tables_at_each_width(cli, view, width):
    out = _run(cli, VIEWS[view], width)
    path = GOLDEN / f"{view}.{width}.txt"
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(out, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with REFORMCTL_REGEN_GOLDEN=1 once"
    assert out == path.read_text(encoding="utf-8")
    wide = [line for line in out.splitlines() if cell_len(line) > width]
    assert not wide, wide


@pytest.mark.parametrize("width", WIDTHS)
def test_status_ids_dates_and_units_whole(cli, width):
    rows = json.loads(_run(cli, ("status", "--format", "json", *AS_OF), width))
    lines = _run(cli, ("status", "--lang", "zh", *AS_OF), width).splitlines()[3:]
    assert len(lines) == len(rows)
    for row, line in zip(rows, lines):
        words = line.split()
        assert row["id"] in words and row["due"] in words and str(row["days"]) in words, (row, line)
        if width >= 100:
            assert row["unit"] in words, (row, line)
        else:  # at 80 only the names longer than 12 CJK characters are shortened, on their one line
            assert row["unit"] in words or any(
                w.endswith("…") and row["unit"].startswith(w[:-1]) and cell_len(w) >= 24 for w in words
            ), (row, line)


def test_schedule_never_splits_ids_or_dates(cli):
    """At 100 columns the schedule used to print "PL-2016-00" and "2" on two lines."""
    for width in WIDTHS:
        out = _run(cli, VIEWS["schedule.zh"], width)
        assert re.findall(r"PL-2016-00\d", out) == [f"PL-2016-00{n}" for n in (2, 1, 3, 4, 5)], out
        assert not re.search(r"PL-2016-00\s", out) and not re.search(r"\b2016-\d\d\s*$", out, re.M)


def test_columns_go_by_priority(cli):
    head = {w: _run(cli, VIEWS["status.zh"], w).splitlines()[1].split() for w in WIDTHS}
    assert head[160] == ["灯", "编号", "事项", "责任单位", "时限", "天数", "说明"]
    assert head[100] == ["灯", "编号", "事项", "责任单位", "时限", "天数"]  # the message goes first
    assert "事项" in head[80] and "责任单位" in head[80]


def test_hostile_cells_stay_on_one_line(cli, make_ledger):
    long_unit = "超长单位名称" * 12
    root = make_ledger(
        {
            "units.yaml": f"""\
            - id: 市委深改组
              name: 领导小组
              type: leading_group
            - id: 市委深改办
              name: 办公室
              type: reform_office
            - id: {long_unit}
              name: x
              type: department
            """,
            "tasks/T-2016-001.yaml": f"""\
            id: T-2016-001
            title: "第一行\\n第二行\\t制表 {"很长的标题" * 20}"
            lead_unit: {long_unit}
            start: 2016-07-01
            due: 2016-08-01
            status: in_progress
            """,
        }
    )
    for width in WIDTHS:
        r = cli(
            "status",
            "--ledger",
            root,
            "--as-of",
            "2016-09-01",
            "--lang",
            "zh",
            "--kind",
            "task",
            env={"COLUMNS": str(width)},
        )
        assert r.exit_code == 0, r
        lines = r.stdout.splitlines()
        assert all(cell_len(x) <= width for x in lines), r.stdout
        body = [x for x in lines[3:] if x.strip()]
        assert len(body) == 2 and all("T-2016-001" in x.split() and re.search(r" 2016-0\d-01 ", x) for x in body), (
            r.stdout
        )
        # the line break is shown as a visible escape (or cut away with the rest of a long title), never raw
        assert "第二行" not in r.stdout or "第一行\\n第二行" in r.stdout


def test_a_narrow_terminal_shortens_names_before_ids_and_dates(cli):
    rows = json.loads(_run(cli, ("status", "--format", "json", *AS_OF), 40))
    lines = _run(cli, ("status", "--lang", "zh", *AS_OF), 40).splitlines()
    body = [x for x in lines if re.match(r"^\S+\s+\S+\s+\d{4}-\d\d-\d\d\s+-?\d+$", x)]
    assert len(body) == len(rows), lines[:6]
    assert all(cell_len(x) <= 40 for x in lines)
    for row, line in zip(rows, body):
        assert line.split()[0] == row["id"] and row["due"] in line.split(), (row, line)
