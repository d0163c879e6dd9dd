"""`reformctl export --xlsx` and `reformctl import`: the 台账 workbook both ways, on real git repositories."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from conftest import git

openpyxl = pytest.importorskip("openpyxl")


def head(repo) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def status(repo) -> str:
    return git(repo, "status", "--porcelain", "--untracked-files=all")


def export(cli, repo, tmp_path, name="ledger.xlsx", *extra):
    out = tmp_path / name
    r = cli("export", "--ledger", repo, "--xlsx", out, "--as-of", "2016-12-31", "--lang", "zh", *extra)
    assert r.exit_code == 0, r
    assert out.is_file()
    return out


def headers(ws) -> list[str]:
    return [c.value for c in ws[1]]


def col(ws, header: str) -> int:
    return headers(ws).index(header) + 1


def find_row(ws, item_id: str) -> int:
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == item_id:
            return r
    raise AssertionError(f"{item_id} not on {ws.title}")


def load(root):
    from reformctl.load import load_ledger

    res = load_ledger(root)
    assert not res.errors, res.errors
    return res.ledger


def test_export_then_import_changes_nothing(cli, sample_repo, tmp_path):
    before = head(sample_repo)
    out = export(cli, sample_repo, tmp_path)
    r = cli("import", "--ledger", sample_repo, out, "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    assert "nothing to change" in r.stderr
    assert head(sample_repo) == before
    assert status(sample_repo) == ""


def test_workbook_layout(cli, sample_repo, tmp_path):
    out = export(cli, sample_repo, tmp_path)
    wb = openpyxl.load_workbook(out)
    for title in (
        "说明",
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
    ):
        assert title in wb.sheetnames
    ws = wb["改革任务"]
    led = load(sample_repo)
    assert ws.max_row - 1 == len(led.tasks)
    assert headers(ws)[:3] == ["编号", "任务名称", "年度"]
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    json_col = col(ws, "数据(JSON)")
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(json_col)].hidden
    r = find_row(ws, "T-2016-001")
    t = led.tasks["T-2016-001"]
    assert ws.cell(r, col(ws, "完成时限")).value.date() == t.due
    assert ws.cell(r, col(ws, "责任单位")).value == "、".join(t.responsible_units)
    assert ws.cell(r, col(ws, "牵头单位")).value == t.lead_unit
    assert ws.cell(r, col(ws, "状态")).value == "推进中"
    nested = json.loads(ws.cell(r, json_col).value)
    assert len(nested["milestones"]) == len(t.milestones) and len(nested["progress"]) == len(t.progress)
    problems = wb["整改问题"]
    assert problems.max_row - 1 == sum(len(n.problems) for n in led.notices.values())


def test_round_trip_recreates_every_item(cli, sample_repo, tmp_path):
    """Export, delete every task, pilot and notice file, import: the records come back equal (lists, milestones,
    progress, carry_over, problems with reviews, extra)."""
    original = load(sample_repo)
    out = export(cli, sample_repo, tmp_path)
    for folder in ("tasks", "pilots", "notices", "plans", "reminders", "cases"):
        git(sample_repo, "rm", "-q", "-r", folder)
    git(sample_repo, "commit", "-q", "-m", "remove")
    before = head(sample_repo)
    r = cli("import", "--ledger", sample_repo, out, "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    assert git(sample_repo, "rev-list", "--count", f"{before}..HEAD").strip() == "1"
    assert status(sample_repo) == ""
    after = load(sample_repo)
    for kind in ("task", "pilot", "notice", "plan", "reminder", "case"):
        assert after.of(kind).keys() == original.of(kind).keys()
        for item_id, rec in original.of(kind).items():
            assert after.of(kind)[item_id] == rec, (kind, item_id)
    assert cli("check", "--ledger", sample_repo).exit_code == 0


def test_edit_in_excel_one_commit_minimal_diff(cli, sample_repo, tmp_path):
    out = export(cli, sample_repo, tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb["改革任务"]
    r = find_row(ws, "T-2016-002")
    ws.cell(r, col(ws, "牵头领导")).value = "李四"
    new = ws.max_row + 1
    for h, v in {
        "编号": "T-2016-900",
        "任务名称": "新增改革任务",
        "牵头单位": "市发改委",
        "责任单位": "市科技局，市财政局",
        "开始日期": "2016/10/1",
        "完成时限": "2017年3月31日",
        "状态": "in_progress",
    }.items():
        ws.cell(new, col(ws, h)).value = v
    ps = wb["整改问题"]
    pr = next(i for i in range(2, ps.max_row + 1) if ps.cell(i, 1).value == "RN-2016-001" and ps.cell(i, 2).value == 2)
    ps.cell(pr, col(ps, "核实销号")).value = dt.date(2016, 12, 20)
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    before = head(sample_repo)
    old_task = (sample_repo / "tasks/T-2016-002.yaml").read_text(encoding="utf-8")

    r = cli("import", "--ledger", sample_repo, edited, "--dry-run")
    assert r.exit_code == 0, r
    assert "+leader: 李四" in r.stdout
    assert head(sample_repo) == before and status(sample_repo) == ""

    r = cli("import", "--ledger", sample_repo, edited, "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    assert git(sample_repo, "rev-list", "--count", f"{before}..HEAD").strip() == "1"
    changed = git(sample_repo, "diff", "--name-only", before, "HEAD").split()
    assert sorted(changed) == ["notices/RN-2016-001.yaml", "tasks/T-2016-002.yaml", "tasks/T-2016-900.yaml"]
    diff = git(sample_repo, "diff", "-U0", before, "HEAD", "--", "tasks/T-2016-002.yaml")
    changed_lines = [ln for ln in diff.splitlines() if ln.startswith(("+", "-")) and not ln.startswith(("+++", "---"))]
    assert len(changed_lines) == 2, changed_lines
    assert changed_lines[0] == next("-" + x for x in old_task.splitlines() if x.startswith("leader:"))
    assert changed_lines[1].startswith("+leader: 李四") and changed_lines[1].endswith("# 副市长")  # comment kept
    led = load(sample_repo)
    assert led.tasks["T-2016-900"].responsible_units == ["市科技局", "市财政局"]
    assert led.tasks["T-2016-900"].start == dt.date(2016, 10, 1)
    assert led.notices["RN-2016-001"].problems[1].verified == dt.date(2016, 12, 20)
    # the comment on the line survives
    assert "待下次台账督察时现场核实" in (sample_repo / "notices/RN-2016-001.yaml").read_text(encoding="utf-8")
    # importing the same file again changes nothing
    now = head(sample_repo)
    assert cli("import", "--ledger", sample_repo, edited).exit_code == 0
    assert head(sample_repo) == now


def test_hand_made_sheet(cli, sample_repo, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "改革任务"
    ws.append(["编号", "任务名称", "牵头单位", "开始日期", "完成时限", "状态", "备注"])
    ws.append(["T-2017-001", "手工录入的任务", "市发改委", dt.date(2017, 1, 1), dt.date(2017, 6, 30), "未启动", "x"])
    ws.append(
        [
            "T-2016-005",
            "实施“创业天府”行动计划，推进众创空间建设(改)",
            "市科技局",
            dt.date(2016, 7, 1),
            dt.date(2016, 12, 31),
            "已完成",
            None,
        ]
    )
    f = tmp_path / "hand.xlsx"
    wb.save(f)
    original = load(sample_repo).tasks["T-2016-005"]
    r = cli("import", "--ledger", sample_repo, f, "--as-of", "2017-01-05")
    assert r.exit_code == 0, r
    led = load(sample_repo)
    assert led.tasks["T-2017-001"].status.value == "planned"
    t = led.tasks["T-2016-005"]
    assert t.title.endswith("(改)")
    # fields without a column in the hand-made sheet keep their values
    assert t.milestones == original.milestones and t.progress == original.progress
    assert t.completed == original.completed and t.evidence == original.evidence


@pytest.mark.parametrize(
    "header, value, needle",
    [
        ("完成时限", "2016-02-30", "not a calendar date"),
        ("完成时限", "明年", "expected a date"),
        ("状态", "搞定了", "is not one of"),
        ("牵头单位", "不存在的单位", "unknown_unit"),
        ("重大任务", "也许", "是 or 否"),
        ("任务名称", None, "title"),
    ],
)
def test_bad_cell_names_sheet_row_column_and_writes_nothing(cli, sample_repo, tmp_path, header, value, needle):
    out = export(cli, sample_repo, tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb["改革任务"]
    r = find_row(ws, "T-2016-003")
    c = col(ws, header)
    ws.cell(r, c).value = value
    # a good change elsewhere must not be written either
    ws.cell(find_row(ws, "T-2016-004"), col(ws, "任务名称")).value = "改过的名称"
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    before = head(sample_repo)
    res = cli("import", "--ledger", sample_repo, bad)
    assert res.exit_code == 1, res
    letter = openpyxl.utils.get_column_letter(c)
    assert f"sheet 改革任务, row {r}, column {letter} ({header})" in res.stderr, res.stderr
    assert needle in res.stderr
    assert "nothing was written" in res.stderr
    assert head(sample_repo) == before and status(sample_repo) == ""


def test_import_refuses_dirty_files_and_non_workbooks(cli, sample_repo, tmp_path):
    out = export(cli, sample_repo, tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb["改革任务"]
    ws.cell(find_row(ws, "T-2016-003"), col(ws, "任务名称")).value = "新名称"
    f = tmp_path / "e.xlsx"
    wb.save(f)
    p = sample_repo / "tasks/T-2016-003.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "# 本地未提交的修改\n", encoding="utf-8")
    before = head(sample_repo)
    r = cli("import", "--ledger", sample_repo, f)
    assert r.exit_code == 1, r
    assert "uncommitted" in r.stderr
    assert head(sample_repo) == before
    assert p.read_text(encoding="utf-8").endswith("# 本地未提交的修改\n")

    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a zip", encoding="utf-8")
    r = cli("import", "--ledger", sample_repo, junk)
    assert r.exit_code == 2, r
    assert "cannot read" in r.stderr
    r = cli("import", "--ledger", sample_repo, tmp_path / "missing.xlsx")
    assert r.exit_code == 2 and "missing.xlsx is not a file" in r.stderr, r


def test_empty_ledger_both_ways(cli, make_ledger, tmp_path):
    root = make_ledger()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "init")
    out = export(cli, root, tmp_path, "empty.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb["改革任务"].max_row == 1
    r = cli("import", "--ledger", root, out)
    assert r.exit_code == 0, r
    assert status(root) == ""


def test_export_bad_usage(cli, sample_copy, tmp_path):
    r = cli("export", "--ledger", sample_copy, "--xlsx", tmp_path / "x.csv")
    assert r.exit_code == 2 and "--xlsx wants a file name ending in .xlsx" in r.stderr, r
    r = cli("export", "--ledger", sample_copy, "--xlsx", tmp_path / "no" / "such" / "x.xlsx")
    assert r.exit_code == 2 and "does not exist" in r.stderr, r
    r = cli("export", "--ledger", sample_copy, "--xlsx", tmp_path / "x.xlsx", "--quarter", "2016Q9")
    assert r.exit_code == 2 and "--quarter wants a quarter such as 2016Q3" in r.stderr, r
    assert not (tmp_path / "x.xlsx").exists()


def test_import_into_copy_without_git_is_usage_error(cli, sample_copy, tmp_path):
    out = tmp_path / "a.xlsx"
    assert cli("export", "--ledger", sample_copy, "--xlsx", out, "--lang", "zh").exit_code == 0
    wb = openpyxl.load_workbook(out)
    ws = wb["改革任务"]
    ws.cell(find_row(ws, "T-2016-003"), col(ws, "任务名称")).value = "新名称"
    wb.save(out)
    r = cli("import", "--ledger", sample_copy, out)
    assert r.exit_code == 2
    assert "git" in r.stderr
    shutil.rmtree(sample_copy)


def test_changes_check_base_would_refuse_are_refused(cli, sample_repo, tmp_path):
    """A due moved without an extension record, a progress entry rewritten: refused like `check --base` does."""
    out = export(cli, sample_repo, tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb["改革任务"]
    r = find_row(ws, "T-2016-002")
    ws.cell(r, col(ws, "完成时限")).value = dt.datetime(2017, 3, 31)
    jc = col(ws, "数据(JSON)")
    r3 = find_row(ws, "T-2016-003")
    data = json.loads(ws.cell(r3, jc).value)
    data["progress"][0]["note"] = "改写历史"
    ws.cell(r3, jc).value = json.dumps(data, ensure_ascii=False)
    f = tmp_path / "moved.xlsx"
    wb.save(f)
    before = head(sample_repo)
    res = cli("import", "--ledger", sample_repo, f)
    assert res.exit_code == 1, res
    letter = openpyxl.utils.get_column_letter(col(ws, "完成时限"))
    assert f"sheet 改革任务, row {r}, column {letter} (完成时限): [due_without_extension]" in res.stderr
    assert f"sheet 改革任务, row {r3}, column " in res.stderr and "[append_only]" in res.stderr
    assert head(sample_repo) == before and status(sample_repo) == ""


def test_reopen_reason_is_a_column_so_a_status_can_move_back_from_the_sheet(cli, sample_repo, tmp_path):
    """A gap fixed: `reopen_reason` (why a status moved backwards, which `check --base` asks for) had no column,
    so a status could not be moved back from Excel at all."""
    out = export(cli, sample_repo, tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb["改革任务"]
    r = find_row(ws, "T-2016-002")
    ws.cell(r, col(ws, "状态")).value = "in_progress"
    ws.cell(r, col(ws, "完成日期")).value = None
    bare = tmp_path / "bare.xlsx"
    wb.save(bare)
    before = head(sample_repo)
    res = cli("import", "--ledger", sample_repo, bare)
    assert res.exit_code == 1 and "[status_backwards]" in res.stderr, res
    assert head(sample_repo) == before
    ws.cell(r, col(ws, "状态回退原因")).value = "复查发现配套文件未印发"
    why = tmp_path / "why.xlsx"
    wb.save(why)
    res = cli("import", "--ledger", sample_repo, why)
    assert res.exit_code == 0, res
    t = load(sample_repo).tasks["T-2016-002"]
    assert t.status.value == "in_progress" and t.reopen_reason == "复查发现配套文件未印发"
    again = openpyxl.load_workbook(export(cli, sample_repo, tmp_path))["改革任务"]
    assert again.cell(find_row(again, "T-2016-002"), col(again, "状态回退原因")).value == "复查发现配套文件未印发"
