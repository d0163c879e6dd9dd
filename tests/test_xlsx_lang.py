"""`reformctl export --lang zh|en`: sheet names, headers and labels follow the language; `import` reads a workbook
exported in either language (round trips both ways change nothing). On real git repositories of ledger-data/."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import git

openpyxl = pytest.importorskip("openpyxl")

CJK = re.compile(r"[\u4e00-\u9fff]")
ITEM_SHEETS = {
    "zh": [
        "改革任务",
        "改革试点",
        "整改督办",
        "整改问题",
        "专项改革方案",
        "督办提示",
        "季报",
        "会议活动",
        "责任追究",
        "典型经验",
        "年度考核",
    ],
    "en": [
        "Tasks",
        "Pilots",
        "Notices",
        "Problems",
        "Plans",
        "Reminders",
        "Reports",
        "Events",
        "Accountability",
        "Cases",
        "Assessments",
    ],
}


def head(repo) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def status(repo) -> str:
    return git(repo, "status", "--porcelain", "--untracked-files=all")


def export(cli, repo, path, *lang, env=None):
    r = cli("export", "--ledger", repo, "--xlsx", path, "--as-of", "2016-12-31", *lang, env=env)
    assert r.exit_code == 0, r
    return openpyxl.load_workbook(path)


def headers(ws) -> list:
    return [c.value for c in ws[1]]


def col(ws, header) -> int:
    return headers(ws).index(header) + 1


def find_row(ws, item_id) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == item_id)


def load(root):
    from reformctl.load import load_ledger

    res = load_ledger(root)
    assert not res.errors, res.errors
    return res.ledger


def test_english_export_has_english_sheets_headers_and_labels(cli, sample_repo, tmp_path):
    wb = export(cli, sample_repo, tmp_path / "en.xlsx", "--lang", "en")
    assert wb.sheetnames[:2] == ["About", "Quarterly summary (read-only)"]
    assert set(ITEM_SHEETS["en"]) <= set(wb.sheetnames) and not set(ITEM_SHEETS["zh"]) & set(wb.sheetnames)
    for title in wb.sheetnames:
        assert not CJK.search(title)
        if title not in ("About",):
            assert not any(CJK.search(str(h)) for h in headers(wb[title]) if h), (title, headers(wb[title]))
    ws = wb["Tasks"]
    assert headers(ws)[:3] == ["ID", "Title", "Year"]
    assert headers(ws)[-3:] == ["light (read-only)", "message (read-only)", "data (JSON)"]
    led = load(sample_repo)
    r = find_row(ws, "T-2016-001")
    assert ws.cell(r, col(ws, "Status")).value == "in_progress"
    assert ws.cell(r, col(ws, "Major task")).value == "yes"
    assert ws.cell(r, col(ws, "Responsible units")).value == ", ".join(led.tasks["T-2016-001"].responsible_units)
    assert ws.cell(r, col(ws, "Due")).value.date() == led.tasks["T-2016-001"].due
    lights = {ws.cell(i, col(ws, "light (read-only)")).value for i in range(2, ws.max_row + 1)}
    assert "red" in lights and lights <= {"red", "yellow", "green", None}
    messages = [ws.cell(i, col(ws, "message (read-only)")).value for i in range(2, ws.max_row + 1)]
    assert any(m and "overdue" in m for m in messages)
    assert wb["Events"].cell(2, col(wb["Events"], "Kind")).value in {
        "group_meeting",
        "self_assessment",
        "training",
        "onsite_meeting",
        "press_conference",
        "ledger_inspection",
        "evaluation",
    }
    rm = wb["Reminders"]
    reported = rm.cell(find_row(rm, "SR-2016-001"), col(rm, "Reported (read-only)")).value
    assert reported.count(", ") == len(led.reminders["SR-2016-001"].reports) - 1 and "、" not in reported
    summary = wb["Quarterly summary (read-only)"]
    assert summary["A1"].value == "Reform tasks, 2016 Q4"
    assert [c.value for c in summary[2]][:2] == ["Lead unit", "Tasks"]
    labels = [r[0] for r in summary.iter_rows(min_row=3, values_only=True)]
    assert "Total" in labels and "Period" in labels and "As of" in labels and "合计" not in labels


def test_chinese_export_keeps_the_familiar_layout(cli, sample_repo, tmp_path):
    wb = export(cli, sample_repo, tmp_path / "zh.xlsx", "--lang", "zh")
    assert wb.sheetnames[:2] == ["说明", "季度汇总(只读)"]
    assert set(ITEM_SHEETS["zh"]) <= set(wb.sheetnames)
    ws = wb["改革任务"]
    assert headers(ws)[:3] == ["编号", "任务名称", "年度"] and headers(ws)[-1] == "数据(JSON)"
    r = find_row(ws, "T-2016-001")
    assert ws.cell(r, col(ws, "状态")).value == "推进中" and ws.cell(r, col(ws, "重大任务")).value == "是"
    assert "红灯" in {ws.cell(i, col(ws, "信号灯(只读)")).value for i in range(2, ws.max_row + 1)}
    labels = [r[0] for r in wb["季度汇总(只读)"].iter_rows(min_row=3, values_only=True)]
    assert "合计" in labels and "统计期间" in labels


@pytest.mark.parametrize("locale, first", [("zh_CN.UTF-8", "改革任务"), ("C.UTF-8", "Tasks"), ("en_US.UTF-8", "Tasks")])
def test_default_language_follows_the_locale_like_other_commands(
    cli, sample_repo, tmp_path, monkeypatch, locale, first
):
    monkeypatch.setenv("LANG", locale)
    wb = export(cli, sample_repo, tmp_path / "d.xlsx")
    assert first in wb.sheetnames


def test_bad_lang_is_a_usage_error(cli, sample_repo, tmp_path):
    r = cli("export", "--ledger", sample_repo, "--xlsx", tmp_path / "x.xlsx", "--lang", "fr")
    assert r.exit_code == 2 and "--lang" in r.stderr
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_then_import_changes_nothing(cli, sample_repo, tmp_path, lang):
    before = head(sample_repo)
    export(cli, sample_repo, tmp_path / "a.xlsx", "--lang", lang)
    r = cli("import", "--ledger", sample_repo, tmp_path / "a.xlsx", "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    assert "nothing to change" in r.stderr
    assert head(sample_repo) == before and status(sample_repo) == ""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_round_trip_recreates_every_item(cli, sample_repo, tmp_path, lang):
    original = load(sample_repo)
    export(cli, sample_repo, tmp_path / "a.xlsx", "--lang", lang)
    for folder in ("tasks", "pilots", "notices", "plans", "reminders", "reports", "events", "accountability", "cases"):
        if (sample_repo / folder).exists():
            git(sample_repo, "rm", "-q", "-r", folder)
    git(sample_repo, "commit", "-q", "-m", "remove")
    r = cli("import", "--ledger", sample_repo, tmp_path / "a.xlsx", "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    assert status(sample_repo) == ""
    after = load(sample_repo)
    for kind in ("task", "pilot", "notice", "plan", "reminder", "report", "event", "accountability", "case"):
        assert after.of(kind) == original.of(kind), kind


def test_english_workbook_edited_and_imported(cli, sample_repo, tmp_path):
    wb = export(cli, sample_repo, tmp_path / "en.xlsx", "--lang", "en")
    ws = wb["Tasks"]
    ws.cell(find_row(ws, "T-2016-002"), col(ws, "Leader")).value = "李四"
    new = ws.max_row + 1
    for h, v in {
        "ID": "T-2016-900",
        "Title": "新增改革任务",
        "Lead unit": "市发改委",
        "Responsible units": "市科技局, 市财政局",
        "Start": "2016-10-01",
        "Due": dt.date(2017, 3, 31),
        "Status": "In progress",
        "Major task": "no",
    }.items():
        ws.cell(new, col(ws, h)).value = v
    ps = wb["Problems"]
    pr = next(i for i in range(2, ps.max_row + 1) if ps.cell(i, 1).value == "RN-2016-001" and ps.cell(i, 2).value == 2)
    ps.cell(pr, col(ps, "Verified")).value = dt.date(2016, 12, 20)
    wb.save(tmp_path / "edited.xlsx")
    before = head(sample_repo)
    r = cli("import", "--ledger", sample_repo, tmp_path / "edited.xlsx", "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    assert git(sample_repo, "rev-list", "--count", f"{before}..HEAD").strip() == "1"
    assert sorted(git(sample_repo, "diff", "--name-only", before, "HEAD").split()) == [
        "notices/RN-2016-001.yaml",
        "tasks/T-2016-002.yaml",
        "tasks/T-2016-900.yaml",
    ]
    led = load(sample_repo)
    assert led.tasks["T-2016-002"].leader == "李四"
    t = led.tasks["T-2016-900"]
    assert t.responsible_units == ["市科技局", "市财政局"] and t.status.value == "in_progress" and t.major is False
    assert led.notices["RN-2016-001"].problems[1].verified == dt.date(2016, 12, 20)


def test_problems_in_an_english_workbook_name_its_sheet_and_header(cli, sample_repo, tmp_path):
    wb = export(cli, sample_repo, tmp_path / "en.xlsx", "--lang", "en")
    ws = wb["Tasks"]
    r = find_row(ws, "T-2016-003")
    c = col(ws, "Due")
    ws.cell(r, c).value = "明年"
    ps = wb["Problems"]
    ps.cell(2, col(ps, "Rectified")).value = "2016-02-30"
    wb.save(tmp_path / "bad.xlsx")
    before = head(sample_repo)
    res = cli("import", "--ledger", sample_repo, tmp_path / "bad.xlsx")
    assert res.exit_code == 1, res
    letter = openpyxl.utils.get_column_letter(c)
    assert f"sheet Tasks, row {r}, column {letter} (Due): expected a date" in res.stderr, res.stderr
    assert "sheet Problems, row 2, column " in res.stderr and "(Rectified)" in res.stderr
    assert head(sample_repo) == before and status(sample_repo) == ""


def test_hand_made_sheet_with_english_or_field_name_headers(cli, sample_repo, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "tasks"
    ws.append(["id", "Title", "lead_unit", "START", "Due", "status"])
    ws.append(["T-2017-001", "手工录入的任务", "市发改委", dt.date(2017, 1, 1), dt.date(2017, 6, 30), "planned"])
    ws2 = wb.create_sheet("改革试点")  # one sheet in each language: both are read
    ws2.append(["编号", "Title"])
    ws2.append(["P-2016-001", "改过名称的试点"])
    wb.save(tmp_path / "hand.xlsx")
    r = cli("import", "--ledger", sample_repo, tmp_path / "hand.xlsx", "--as-of", "2017-01-05")
    assert r.exit_code == 0, r
    led = load(sample_repo)
    assert led.tasks["T-2017-001"].due == dt.date(2017, 6, 30)
    assert led.pilots["P-2016-001"].title == "改过名称的试点"


def test_every_column_is_read_under_one_name_only():
    """No header (Chinese, English or field name) of a sheet could be taken for another column of it."""
    from reformctl.views import xlsx

    for cols in [s.cols for s in xlsx.SHEETS] + [xlsx.PROBLEM_COLS]:
        for lang in xlsx.LANGS:
            shown = [c.head(lang) for c in cols]
            assert len(set(shown)) == len(shown), shown
        editable = [c for c in cols if not c.readonly]
        names = [n for c in editable for n in c.names()]
        for c in editable:
            assert not c.names() & {n for o in editable if o is not c for n in o.names()}, c
        assert len(names) == sum(len(c.names()) for c in editable)
        for c in cols:
            if c.readonly:
                assert c.head("en").endswith("(read-only)") and c.header.endswith("(只读)")


@pytest.mark.parametrize("book", ["zh", "en"])
def test_import_problems_are_worded_in_the_language_asked(cli, sample_repo, tmp_path, book):
    """A gap fixed: under --lang zh the problems of a workbook were in English (sheet, row, column, the cell error
    and the check message)."""
    wb = export(cli, sample_repo, tmp_path / "out.xlsx", "--lang", book)
    ws = wb[ITEM_SHEETS[book][0]]
    due, state, lead = ("完成时限", "状态", "牵头单位") if book == "zh" else ("Due", "Status", "Lead unit")
    ws.cell(find_row(ws, "T-2016-001"), col(ws, due)).value = "明年"
    ws.cell(find_row(ws, "T-2016-002"), col(ws, state)).value = "done"
    ws.cell(find_row(ws, "T-2016-003"), col(ws, lead)).value = "火星局"
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    before = head(sample_repo)
    zh = cli("import", "--ledger", sample_repo, bad, "--lang", "zh")
    assert zh.exit_code == 1 and head(sample_repo) == before
    lines = [ln for ln in zh.stderr.splitlines() if ln.startswith("bad.xlsx: ")]
    assert len(lines) == 3, zh.stderr
    assert all("工作表 " in ln and " 行 " in ln and " 列：" in ln for ln in lines), lines
    assert any("应为日期（如 2016-07-01），收到 '明年'" in ln for ln in lines)
    assert any("'done' 不是可选值之一：" in ln for ln in lines)
    assert any("[unknown_unit] 单位 `火星局` 不在 units.yaml 中" in ln for ln in lines)
    en = cli("import", "--ledger", sample_repo, bad, "--lang", "en")
    assert en.exit_code == 1 and "row " in en.stderr and "expected a date such as 2016-07-01, got '明年'" in en.stderr
    assert "[unknown_unit] unit `火星局` is not in units.yaml" in en.stderr
