"""The write invariant on the reproducers found by hand: each one committed a ledger `check` (or `check --base`)
then refused, or refused to run where it should not. Every write is checked from outside (write_invariant)."""

from __future__ import annotations

import re
import shlex

import pytest
from write_invariant import Before, assert_invariant, git

from conftest import REPO

TASK_2026 = """\
id: T-2026-001
title: 测试任务
year: 2026
lead_unit: 市发改委
start: 2026-01-05
due: 2026-06-30
status: in_progress
"""


@pytest.fixture
def small_repo(make_ledger):
    root = make_ledger({"tasks/T-2026-001.yaml": TASK_2026})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


def run(cli, repo, *args, **kw):
    before = Before(repo)
    r = cli(*args, "--ledger", repo, **kw)
    return r, assert_invariant(before, r, cli)


def test_close_out_dated_before_a_completion_is_refused(small_repo, cli):
    r, done = run(cli, small_repo, "complete", "T-2026-001", "--as-of", "2027-01-03")
    assert done
    r, done = run(cli, small_repo, "close-out", "--year", "2026", "--as-of", "2026-12-31")
    assert not done and r.exit_code == 2
    assert "2027-01-03" in r.stderr and "--as-of" in r.stderr
    r, done = run(cli, small_repo, "close-out", "T-2026-001", "--as-of", "2026-12-31", "--lang", "zh")
    assert not done and "销账不能早于完成" in r.stderr
    r, done = run(cli, small_repo, "close-out", "--year", "2026", "--as-of", "2027-01-03")
    assert done


def _readme_commands() -> list[list[str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("## Changing the ledger", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    out = []
    for line in block.splitlines():
        line = re.sub(r"\s#\s.*$", "", line).strip()
        for part in line.split("&&"):
            argv = shlex.split(part)
            if argv and argv[0] == "reformctl" and argv[1] != "log":
                out.append(argv[1:])
    return out


def test_the_readme_write_examples_in_order_keep_the_ledger_valid(sample_repo, cli):
    commands = _readme_commands()
    assert len(commands) >= 8
    for argv in commands:
        r, _done = run(cli, sample_repo, *argv)
        # the sample has unfinished 2016 tasks without carry-over: that close-out lists them and refuses
        assert r.exit_code == (1 if argv[0] == "close-out" else 0), (argv, r)


def test_new_report_to_a_special_group(sample_repo, cli):
    r, done = run(
        cli,
        sample_repo,
        "new",
        "report",
        "--unit",
        "市发改委",
        "--quarter",
        "2016Q4",
        "--to",
        "经济体制和生态文明体制改革专项小组",
        "--as-of",
        "2017-01-08",
    )
    assert done, r
    r, done = run(
        cli,
        sample_repo,
        "new",
        "report",
        "--unit",
        "市发改委",
        "--quarter",
        "2016Q4",
        "--to",
        "没有这个单位",
        "--as-of",
        "2017-01-08",
    )
    assert not done and r.exit_code == 2 and "--to" in r.stderr


def test_new_major_task_needs_leader_goal_and_responsible(sample_repo, cli):
    r, done = run(
        cli,
        sample_repo,
        "new",
        "task",
        "--major",
        "--title",
        "t",
        "--lead-unit",
        "市发改委",
        "--due",
        "2017-06-30",
        "--as-of",
        "2016-12-01",
    )
    assert not done and r.exit_code == 2
    assert "--leader" in r.stderr and "--goal" in r.stderr and "--responsible" in r.stderr
    r, done = run(
        cli,
        sample_repo,
        "new",
        "task",
        "--major",
        "--title",
        "t",
        "--lead-unit",
        "市发改委",
        "--due",
        "2017-06-30",
        "--as-of",
        "2016-12-01",
        "--leader",
        "张三",
        "--goal",
        "g",
        "--responsible",
        "市科技局",
    )
    assert done, r


def test_new_pilot_needs_lead_leader_plan_and_team(sample_repo, cli):
    r, done = run(
        cli,
        sample_repo,
        "new",
        "pilot",
        "--title",
        "t",
        "--unit",
        "市发改委",
        "--end",
        "2017-06-30",
        "--as-of",
        "2016-12-01",
    )
    assert not done and r.exit_code == 2
    assert "--lead-leader" in r.stderr and "--promotion-plan" in r.stderr and "--team" in r.stderr
    r, done = run(
        cli,
        sample_repo,
        "new",
        "pilot",
        "--title",
        "t",
        "--unit",
        "市发改委",
        "--end",
        "2017-06-30",
        "--as-of",
        "2016-12-01",
        "--lead-leader",
        "张三",
        "--promotion-plan",
        "方案",
        "--team",
        "市发改委",
    )
    assert done, r


def test_new_notice_with_an_unknown_responsible_unit(sample_repo, cli):
    r, done = run(
        cli,
        sample_repo,
        "new",
        "notice",
        "--to-unit",
        "市发改委",
        "--issued-by",
        "市委深改办",
        "--problem",
        "2016-12-31 台账更新不及时 @没有这个单位",
        "--as-of",
        "2016-12-01",
    )
    assert not done and r.exit_code == 2 and "没有这个单位" in r.stderr and "--problem" in r.stderr


def test_review_never_overwrites_a_result_and_keeps_the_comment(sample_repo, cli):
    rel = "notices/RN-2016-002.yaml"
    r, done = run(cli, sample_repo, "review", "RN-2016-002", "2", "--result", "已整改", "--as-of", "2016-12-20")
    assert not done and r.exit_code == 2 and "待复查" in r.stderr  # the placeholder is named, not overwritten
    assert "待复查" in (sample_repo / rel).read_text(encoding="utf-8")
    # a scheduled review without a result is recorded in place: check --base accepts it, the comment stays put
    rel = "notices/RN-2016-003.yaml"
    old = (sample_repo / rel).read_text(encoding="utf-8")
    r, done = run(cli, sample_repo, "review", "RN-2016-003", "2", "--result", "已报送", "--as-of", "2016-12-19")
    assert done, r
    new = (sample_repo / rel).read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(old.splitlines(), new.splitlines()) if a != b]
    assert len(changed) == 1 and len(old.splitlines()) == len(new.splitlines())
    a, b = changed[0]
    assert b.startswith("      - {due: 2016-12-20, done: 2016-12-19, result: 已报送}")
    gap = lambda line: re.search(r"\}(\s*)#", line).group(1)  # noqa: E731
    assert gap(a) == gap(b)


def test_progress_cannot_grow_a_file_over_the_size_limit(sample_repo, cli, monkeypatch):
    monkeypatch.setenv("REFORMCTL_MAX_FILE_BYTES", "300000")
    note = "进" * 40_000  # 120,000 bytes of UTF-8
    results = []
    for _ in range(3):
        r, done = run(cli, sample_repo, "progress", "T-2016-003", note, "--as-of", "2016-11-01")
        results.append(done)
    assert results == [True, True, False]
    assert (sample_repo / "tasks/T-2016-003.yaml").stat().st_size <= 300_000
    assert cli("status", "--ledger", sample_repo, "--as-of", "2016-12-31").exit_code == 0


def test_import_cannot_commit_a_file_over_the_size_limit(sample_repo, cli, monkeypatch, tmp_path):
    import openpyxl

    book = tmp_path / "t.xlsx"
    assert cli("export", "--ledger", sample_repo, "--xlsx", book, "--as-of", "2016-12-31").exit_code == 0
    wb = openpyxl.load_workbook(book)
    ws = next(ws for ws in wb.worksheets if any(c.value == "T-2016-003" for c in ws["A"]))
    header = [c.value for c in ws[1]]
    col = next(i for i, h in enumerate(header, 1) if h in ("任务名称", "Title", "title", "任务名称/title"))
    row = next(c.row for c in ws["A"] if c.value == "T-2016-003")
    ws.cell(row=row, column=col).value = "长" * 40_000
    wb.save(book)
    monkeypatch.setenv("REFORMCTL_MAX_FILE_BYTES", "50000")  # a cell holds at most 32,767 characters
    r, done = run(cli, sample_repo, "import", book, "--as-of", "2016-12-31")
    assert not done and r.exit_code in (1, 2) and "file_too_large" in r.stderr


def test_assess_write_before_the_year_ends_deducts_nothing_not_yet_due(sample_repo, cli):
    r, done = run(cli, sample_repo, "assess", "--year", "2017", "--as-of", "2016-12-31", "--write", "--format", "json")
    assert r.exit_code == 0 and not done, r
    import json

    assert json.loads(r.stdout)["proposals"] == []


def test_reading_commands_refuse_errors_between_records(sample_repo, cli):
    p = sample_repo / "tasks/T-2016-003.yaml"
    p.write_text(
        p.read_text(encoding="utf-8")
        .replace("lead_unit: ", "lead_unit: 没有这个单位", 1)
        .replace("lead_unit: 没有这个单位", "lead_unit: 没有这个单位\n# ", 1),
        encoding="utf-8",
    )
    assert cli("check", "--ledger", sample_repo).exit_code == 1
    for argv in (["status"], ["summary", "--quarter", "2016Q4"], ["agenda"]):
        r = cli(*argv, "--ledger", sample_repo, "--as-of", "2016-12-31")
        assert r.exit_code == 1 and "reformctl check" in r.stderr, (argv, r)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "errors between records" in readme


def test_a_write_on_a_ledger_with_errors_refuses_only_new_ones(sample_repo, cli):
    p = sample_repo / "tasks/T-2016-020.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("lead_unit: 市公安局", "lead_unit: 没有这个单位"), encoding="utf-8"
    )
    git(sample_repo, "commit", "-qam", "a broken reference")
    before = Before(sample_repo)
    r = cli("progress", "T-2016-003", "x", "--as-of", "2016-11-01", "--ledger", sample_repo)
    assert r.exit_code == 0 and "already had 1 error" in r.stderr, r
    assert git(sample_repo, "rev-list", "--count", f"{before.head}..HEAD") == "1"
    r, done = run(
        cli,
        sample_repo,
        "new",
        "notice",
        "--to-unit",
        "市发改委",
        "--issued-by",
        "市委深改办",
        "--problem",
        "2016-12-31 x",
        "--issued",
        "2017-01-05",
        "--as-of",
        "2016-12-01",
    )
    assert r.exit_code in (0, 2)
