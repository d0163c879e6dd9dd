"""`import` of hostile workbooks: a zip bomb, too many rows, overlong cells, TRUE in a number column, formula
and merged cells, numbers a spreadsheet cannot hold exactly. Each is a clear problem and nothing is written."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile

import pytest
from conftest import git

openpyxl = pytest.importorskip("openpyxl")


def head(repo) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def clean(repo) -> bool:
    return git(repo, "status", "--porcelain", "--untracked-files=all") == ""


def export(cli, repo, tmp_path):
    out = tmp_path / "ledger.xlsx"
    r = cli("export", "--ledger", repo, "--xlsx", out, "--as-of", "2016-12-31", "--lang", "zh")
    assert r.exit_code == 0, r
    return out


def cell_of(ws, item_id, header):
    heads = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == item_id:
            return r, heads.index(header) + 1
    raise AssertionError(item_id)


def edited(cli, repo, tmp_path, change):
    wb = openpyxl.load_workbook(export(cli, repo, tmp_path))
    change(wb)
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    return out


def refused(cli, repo, xlsx, *needles, lang="en"):
    before = head(repo)
    r = cli("import", "--ledger", repo, xlsx, "--as-of", "2016-12-31", "--lang", lang)
    assert r.exit_code == 1, r
    for n in needles:
        assert n in r.stderr, r.stderr
    assert head(repo) == before and clean(repo)
    return r


def rewrite(src, dst, needle: bytes, repeat: bytes, times: int):
    """Copy the workbook ``src`` to ``dst`` with ``repeat * times`` put before ``needle`` in the worksheet that
    holds it (streamed: the result may be far larger once decompressed than in memory)."""
    done = False
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            at = data.find(needle) if not done and info.filename.startswith("xl/worksheets/") else -1
            if at < 0:
                zout.writestr(info, data)
                continue
            done = True
            with zout.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(data[:at])
                for _ in range(times):
                    fh.write(repeat)
                fh.write(data[at:])
    assert done


def test_a_zip_bomb_is_refused_before_it_is_read(sample_repo, tmp_path, cli):
    """A small file whose worksheet decompresses to 300 MB (one giant cell): refused at once, from the sizes the
    archive records, instead of minutes and gigabytes in openpyxl."""
    bomb = tmp_path / "bomb.xlsx"
    rewrite(export(cli, sample_repo, tmp_path), bomb, "实施“创业天府”".encode(), b"A" * (1 << 22), 75)
    assert bomb.stat().st_size < 2_000_000
    before = head(sample_repo)
    t0 = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "reformctl", "import", str(bomb), "--ledger", str(sample_repo)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert time.monotonic() - t0 < 30
    assert r.returncode == 1, r.stderr
    assert "decompresses to" in r.stderr and "split the workbook" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert head(sample_repo) == before and clean(sample_repo)
    r = subprocess.run(
        [sys.executable, "-m", "reformctl", "import", str(bomb), "--ledger", str(sample_repo), "--lang", "zh"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 1 and "解压后" in r.stderr, r.stderr


def test_an_overlong_cell_is_a_problem(cli, sample_repo, tmp_path):
    """Excel holds at most 32,767 characters in a cell; a longer one (written by another tool) is refused, not
    cut short."""
    out = tmp_path / "long.xlsx"
    rewrite(export(cli, sample_repo, tmp_path), out, "实施“创业天府”".encode(), "长".encode(), 40_000)
    refused(cli, sample_repo, out, "characters, over the limit of 32,767")
    refused(cli, sample_repo, out, "超过上限", lang="zh")


def test_too_many_rows_are_refused(cli, sample_repo, tmp_path, monkeypatch):
    import reformctl.views.xlsx as X

    monkeypatch.setattr(X.read, "MAX_SHEET_ROWS", 50)  # the same code path as 200,000, without writing them

    def change(wb):
        ws = wb["改革任务"]
        for i in range(60):
            ws.append([f"T-2099-{i:03d}", "批量"])

    out = edited(cli, sample_repo, tmp_path, change)
    refused(cli, sample_repo, out, "more than 50 rows: split the workbook")


def test_true_in_the_year_column_is_not_year_1(cli, sample_repo, tmp_path):
    def change(wb):
        ws = wb["改革任务"]
        r, c = cell_of(ws, "T-2016-003", "年度")
        ws.cell(r, c).value = True

    out = edited(cli, sample_repo, tmp_path, change)
    refused(cli, sample_repo, out, "expected a whole number, got TRUE (a yes/no cell)")
    refused(cli, sample_repo, out, "逻辑值 TRUE", lang="zh")


@pytest.mark.parametrize("value", ["10000000000000000000000", 10**22, "2016" * 2000, 1e300])
def test_huge_years_are_refused_not_changed(cli, sample_repo, tmp_path, value):
    def change(wb):
        ws = wb["改革任务"]
        r, c = cell_of(ws, "T-2016-003", "年度")
        ws.cell(r, c).value = value

    out = edited(cli, sample_repo, tmp_path, change)
    r = refused(cli, sample_repo, out, "年度")
    assert "too large" in r.stderr or "less than or equal to 2200" in r.stderr, r.stderr


def test_a_year_out_of_range_is_refused(cli, sample_repo, tmp_path):
    def change(wb):
        ws = wb["改革任务"]
        r, c = cell_of(ws, "T-2016-003", "年度")
        ws.cell(r, c).value = 99999

    refused(cli, sample_repo, edited(cli, sample_repo, tmp_path, change), "less than or equal to 2200")


def test_a_formula_without_a_saved_value_says_so(cli, sample_repo, tmp_path):
    """openpyxl (and other tools) save formulas without their values: the cell is not 'missing', it is a
    formula to be replaced by its value."""

    def change(wb):
        ws = wb["改革任务"]
        r, c = cell_of(ws, "T-2016-003", "牵头单位")
        ws.cell(r, c).value = '="市发"&"改委"'

    out = edited(cli, sample_repo, tmp_path, change)
    r = refused(cli, sample_repo, out, "a formula cell with no saved value: type the value")
    assert "missing required field" not in r.stderr
    refused(cli, sample_repo, out, "公式单元格", lang="zh")


def test_merged_cells_say_so(cli, sample_repo, tmp_path):
    def change(wb):
        ws = wb["改革任务"]
        r, c = cell_of(ws, "T-2016-003", "牵头单位")
        ws.cell(r + 1, c).value = ws.cell(r, c).value
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)

    out = edited(cli, sample_repo, tmp_path, change)
    r = refused(cli, sample_repo, out, "a merged cell: type the value in every row (unmerge the cells)")
    assert "missing required field" not in r.stderr
    refused(cli, sample_repo, out, "合并单元格", lang="zh")


def test_an_unchanged_export_still_imports_with_no_change(cli, sample_repo, tmp_path):
    out = export(cli, sample_repo, tmp_path)
    before = head(sample_repo)
    r = cli("import", "--ledger", sample_repo, out, "--as-of", "2016-12-31")
    assert r.exit_code == 0 and "nothing to change" in r.stderr, r
    assert head(sample_repo) == before
