"""`reformctl cases`: the promotion list (改革经验推广清单), listing changes (挂牌动态管理), the case book (典型案例汇编)."""

from __future__ import annotations

import json

from conftest import SAMPLE


def case(cid: str, kind: str = "typical_case", **fields) -> str:
    lines = [f"id: {cid}", f"title: 案例{cid}", "unit: 某区委", f"kind: {kind}"]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


FILES = {
    "cases/C-1.yaml": case(
        "C-1",
        date="2016-10-27",
        listed="2016-11-18",
        promoted="[2016]",
        compiled="[2016, 2017]",
        summary="以“三权分置”为核心推进入市改革。",
    ),
    "cases/C-2.yaml": case("C-2", "demonstration_point", listed="2016-08-01", promoted="[2016]"),
    "cases/C-3.yaml": case("C-3", "demonstration_point", listed="2015-07-01", delisted="2016-12-20"),
    "cases/C-4.yaml": case("C-4", "demonstration_point", listed="2015-03-01"),  # still listed, from before
    "cases/C-5.yaml": case("C-5", "demonstration_point", listed="2014-03-01", delisted="2015-05-01"),  # gone
    "cases/C-6.yaml": case("C-6", compiled="[2017]"),
}


def test_json_lists(cli, make_ledger):
    root = make_ledger(FILES)
    r = cli("cases", "--ledger", root, "--year", "2016", "--format", "json")
    assert r.exit_code == 0, r
    out = json.loads(r.stdout)
    assert out["year"] == 2016
    assert [c["id"] for c in out["promotion_list"]] == ["C-1", "C-2"]
    assert [c["id"] for c in out["case_book"]] == ["C-1"]
    assert [(c["id"], c["listing"]) for c in out["listing"]] == [
        ("C-4", "listed"),
        ("C-3", "delisted_in_year"),
        ("C-2", "listed_in_year"),
        ("C-1", "listed_in_year"),
    ]
    assert out["demonstration_points_listed"] == 1
    nxt = json.loads(cli("cases", "--ledger", root, "--year", "2017", "--format", "json").stdout)
    assert [c["id"] for c in nxt["case_book"]] == ["C-1", "C-6"] and nxt["promotion_list"] == []
    assert nxt["demonstration_points_listed"] == 0


def test_markdown_and_xlsx_files(cli, make_ledger, tmp_path):
    from openpyxl import load_workbook

    root = make_ledger(FILES)
    md, xl = tmp_path / "book.md", tmp_path / "book.xlsx"
    r = cli("cases", "--ledger", root, "--year", "2016", "--lang", "zh", "--markdown", md, "--xlsx", xl)
    assert r.exit_code == 0, r
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# 2016年改革经验推广清单\n\n| ")
    assert "# 2016年典型案例汇编" in text and "## 1. 案例C-1" in text and "以“三权分置”为核心推进入市改革。" in text
    assert "| C-3 | 案例C-3 | 某区委 | 示范点位 | 2015-07-01 | 2016-12-20 | 本年摘牌 |" in text
    assert "本年挂牌示范点位: 1个" in text
    wb = load_workbook(xl)
    assert wb.sheetnames == ["2016年改革经验推广清单", "2016年示范点位挂牌动态", "2016年典型案例汇编"]
    book = wb["2016年典型案例汇编"]
    assert [c.value for c in book[2]][-1] == "经验摘要"
    assert book["A3"].value == "C-1" and book.max_row == 3


def test_markdown_to_stdout_in_english(cli, make_ledger):
    root = make_ledger({"cases/C-1.yaml": case("C-1", promoted="[2016]")})
    r = cli("cases", "--ledger", root, "--year", "2016", "--lang", "en", "--markdown", "-")
    assert r.exit_code == 0, r
    assert r.stdout.startswith("# Reform experience promotion list 2016\n\n")
    assert "No demonstration point listed this year" in r.stdout


def test_table(cli, make_ledger):
    root = make_ledger(FILES)
    r = cli("cases", "--ledger", root, "--year", "2016", "--lang", "zh", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r
    for words in ("2016年改革经验推广清单", "2016年示范点位挂牌动态", "2016年典型案例汇编", "本年摘牌", "持续挂牌"):
        assert words in r.stdout


def test_formula_like_text_is_not_a_formula_in_xlsx(cli, make_ledger, tmp_path):
    from openpyxl import load_workbook

    root = make_ledger(
        {"cases/C-1.yaml": case("C-1", promoted="[2016]").replace("title: 案例C-1", "title: '=HYPERLINK(\"x\")'")}
    )
    assert cli("cases", "--ledger", root, "--year", "2016", "--xlsx", tmp_path / "c.xlsx").exit_code == 0
    cell = load_workbook(tmp_path / "c.xlsx").worksheets[0]["B3"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("x")' and cell.quotePrefix


def test_sample_ledger(cli):
    out = json.loads(cli("cases", "--ledger", SAMPLE, "--year", "2016", "--format", "json").stdout)
    assert out["promotion_list"] and out["case_book"] and out["demonstration_points_listed"] >= 1
    assert any(c["listing"] == "delisted_in_year" for c in out["listing"])
