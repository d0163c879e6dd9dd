"""What the workbook reader cannot read (a cell, a row, a sheet) is said in the language asked: the reader gives a
key and its values (reformctl/i18n/sheets.py ``CELL``), never an English sentence turned into Chinese afterwards.
Messages that had no Chinese (a missing id column, broken hidden JSON, an id twice, a day the month lacks) have
it. On real git repositories of ledger-data/, through the real CLI."""

from __future__ import annotations

import re

import pytest
from conftest import git
from test_xlsx_lang import col, export, find_row

openpyxl = pytest.importorskip("openpyxl")

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def bad_book(cli, sample_repo, tmp_path):
    wb = export(cli, sample_repo, tmp_path / "out.xlsx", "--lang", "zh")
    ws = wb["改革任务"]
    first, second = find_row(ws, "T-2016-001"), find_row(ws, "T-2016-002")
    ws.cell(second, col(ws, "编号")).value = "T-2016-001"  # the same id on two rows
    ws.cell(find_row(ws, "T-2016-003"), col(ws, "数据(JSON)")).value = "{not json"
    ws.cell(find_row(ws, "T-2016-004"), col(ws, "完成时限")).value = "2016-02-30"
    extra = wb.create_sheet("Pilots")  # read besides 改革试点, but without its id column
    extra.append(["Title", "Unit"])
    extra.append(["没有编号的试点", "市金融办"])
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    return bad, first


def test_reader_problems_in_chinese(cli, sample_repo, bad_book):
    bad, first = bad_book
    before = git(sample_repo, "rev-parse", "HEAD")
    r = cli("import", "--ledger", sample_repo, bad, "--lang", "zh")
    assert r.exit_code == 1, r
    assert git(sample_repo, "rev-parse", "HEAD") == before
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("bad.xlsx: ")]
    text = "\n".join(lines)
    assert f"编号 T-2016-001 已在第 {first} 行出现" in text, text
    assert "不是有效的 JSON（" in text and "请保持这一隐藏列导出时的原样" in text, text
    assert "'2016-02-30' 不是有效的日期（" in text, text
    assert "工作表 Pilots 第 1 行：没有 编号 / ID 列（编号）：无法读取此工作表" in text, text
    for english in ("already on row", "not valid JSON", "not a calendar date", "no column", "cannot read"):
        assert english not in text, text


def test_reader_problems_in_english(cli, sample_repo, bad_book):
    bad, first = bad_book
    r = cli("import", "--ledger", sample_repo, bad, "--lang", "en")
    assert r.exit_code == 1, r
    text = r.stderr
    assert f"id T-2016-001 is already on row {first}" in text, text
    assert "not valid JSON (" in text and "leave this hidden column as it was exported" in text, text
    assert "'2016-02-30' is not a calendar date (" in text, text
    assert "sheet Pilots, row 1: no column 编号 / ID (the id): cannot read this sheet" in text, text


def test_a_cell_error_is_a_key_and_its_values():
    from reformctl.i18n.sheets import cell
    from reformctl.views.xlsx import CellError, Col
    from reformctl.views.xlsx.cells import from_cell

    with pytest.raises(CellError) as exc:
        from_cell("明年", Col("完成时限", "due", "date"))
    assert exc.value.key == "date" and exc.value.params == {"value": "'明年'"}
    assert str(exc.value) == "expected a date such as 2016-07-01, got '明年'"
    assert cell(exc.value.key, "zh", **exc.value.params) == "应为日期（如 2016-07-01），收到 '明年'"
    import reformctl.i18n.sheets as sheets

    assert not hasattr(sheets, "cell_zh") and not hasattr(sheets, "_CELL")  # no English matched back
