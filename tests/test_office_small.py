"""Small things that cost an office time (each failed before its fix): where a pilot's adjustment is stored,
the year's columns of `summary --year`, `new task --milestone`, `new notice --issued-by`, impossible dates,
the file named by a refusal, China time in `log`, and files written with the user's umask."""

from __future__ import annotations

from conftest import git
from test_write_commands import body_lines, commits, load


def test_pilot_adjust_keeps_each_adjustment_dated_and_leaves_exit_reason_alone(sample_repo, cli):
    base = git(sample_repo, "rev-parse", "HEAD").strip()
    r = cli(
        "pilot", "adjust", "P-2016-001", "--reason", "扩大试点范围", "--as-of", "2016-09-01", "--ledger", sample_repo
    )
    assert r.exit_code == 0, r
    r = cli(
        "pilot", "adjust", "P-2016-001", "--reason", "调整牵头单位", "--as-of", "2016-10-08", "--ledger", sample_repo
    )
    assert r.exit_code == 0, r
    data = load(sample_repo, "pilots/P-2016-001.yaml")
    assert data["status"] == "adjusted" and "exit_reason" not in data and "exited" not in data
    assert data["adjustments"] == [
        {"date": "2016-09-01", "reason": "扩大试点范围"},
        {"date": "2016-10-08", "reason": "调整牵头单位"},
    ]
    assert all(ln.startswith("+") for ln in body_lines(sample_repo))  # the second one only appended
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    assert cli("check", "--base", base, "--ledger", sample_repo).exit_code == 0
    # an adjustment is part of the record: removing one is refused by check --base
    path = sample_repo / "pilots/P-2016-001.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - {date: 2016-09-01, reason: 扩大试点范围}\n", ""), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    r = cli("check", "--base", "HEAD", "--format", "json", "--ledger", sample_repo)
    assert r.exit_code == 1 and '"append_only"' in r.stdout, r


def test_summary_of_a_year_names_its_columns_for_the_year(sample_repo, cli):
    r = cli("summary", "--year", "2016", "--format", "csv", "--ledger", sample_repo)
    assert r.exit_code == 0, r
    header = r.stdout.splitlines()[0].split(",")
    assert header == ["unit", "tasks", "due_in_year", "completed_in_year", "overdue", "completion_rate"]
    r = cli("summary", "--quarter", "2016Q4", "--format", "csv", "--ledger", sample_repo)
    assert r.stdout.splitlines()[0].split(",")[2:4] == ["due_in_quarter", "completed_in_quarter"]


def test_new_task_takes_milestones(sample_repo, cli):
    r = cli(
        "new",
        "task",
        "--title",
        "推进科技金融结合",
        "--lead-unit",
        "市金融办",
        "--due",
        "2017-06-30",
        "--milestone",
        "选定基金管理机构@2017-03-31",
        "--milestone",
        "基金设立@运营@2017-05-31",
        "--as-of",
        "2016-12-01",
        "--ledger",
        sample_repo,
    )
    assert r.exit_code == 0, r
    data = load(sample_repo, "tasks/T-2016-037.yaml")
    assert data["milestones"] == [
        {"name": "选定基金管理机构", "due": "2017-03-31"},
        {"name": "基金设立@运营", "due": "2017-05-31"},
    ]
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    n = commits(sample_repo)
    for bad, needle, zh in (
        ("没有日期", "NAME@YYYY-MM-DD", "名称@YYYY-MM-DD"),
        ("@2017-03-31", "NAME@YYYY-MM-DD", "名称@"),
        ("节点@2017-02-30", "not a date", "不是 YYYY-MM-DD"),
    ):
        r = cli(
            "new",
            "task",
            "--title",
            "x",
            "--lead-unit",
            "市金融办",
            "--due",
            "2017-06-30",
            "--milestone",
            bad,
            "--ledger",
            sample_repo,
        )
        assert r.exit_code == 2 and needle in r.stderr and "Traceback" not in r.stderr, r
        r = cli(
            "new",
            "task",
            "--title",
            "x",
            "--lead-unit",
            "市金融办",
            "--due",
            "2017-06-30",
            "--milestone",
            bad,
            "--lang",
            "zh",
            "--ledger",
            sample_repo,
        )
        assert r.exit_code == 2 and zh in r.stderr, r
    assert commits(sample_repo) == n


def test_new_notice_is_issued_by_the_reform_office_by_default(sample_repo, cli):
    r = cli(
        "new",
        "notice",
        "--to-unit",
        "市发改委",
        "--problem",
        "2017-01-31 台账更新不及时",
        "--as-of",
        "2016-12-01",
        "--ledger",
        sample_repo,
    )
    assert r.exit_code == 0, r
    (rel,) = [ln for ln in git(sample_repo, "show", "--name-only", "--format=", "HEAD").split() if ln]
    assert load(sample_repo, rel)["issued_by"] == "市委深改办"
    # several reform offices: it says so and what to give, in both languages; nothing written
    units = sample_repo / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8")
        + "- {id: 第二改革办, name: 第二改革办, type: reform_office, parent: 市委深改组}\n",
        encoding="utf-8",
    )
    git(sample_repo, "commit", "-qam", "a second office")
    n = commits(sample_repo)
    r = cli("new", "notice", "--to-unit", "市发改委", "--problem", "2017-01-31 x", "--ledger", sample_repo)
    assert r.exit_code == 2 and "--issued-by" in r.stderr and "several units of type reform_office" in r.stderr, r
    assert "第二改革办" in r.stderr
    r = cli(
        "new", "notice", "--to-unit", "市发改委", "--problem", "2017-01-31 x", "--lang", "zh", "--ledger", sample_repo
    )
    assert r.exit_code == 2 and "须给出 --issued-by" in r.stderr and "多个" in r.stderr, r
    assert commits(sample_repo) == n
    r = cli("new", "notice", "--help")
    assert "reform_office" in r.stdout


def test_import_takes_both_words_for_a_task_not_begun(sample_repo, cli, tmp_path):
    import datetime as dt

    import openpyxl

    for i, word in enumerate(("未开始", "未启动")):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "改革任务"
        ws.append(["编号", "任务名称", "牵头单位", "开始日期", "完成时限", "状态"])
        ws.append([f"T-2017-00{i + 1}", "表格录入的任务", "市发改委", dt.date(2017, 1, 1), dt.date(2017, 6, 30), word])
        wb.save(tmp_path / f"{i}.xlsx")
        r = cli("import", tmp_path / f"{i}.xlsx", "--as-of", "2017-01-05", "--ledger", sample_repo)
        assert r.exit_code == 0, r
        assert load(sample_repo, f"tasks/T-2017-00{i + 1}.yaml")["status"] == "planned"


def test_a_day_the_month_does_not_have_is_said_so(sample_repo, cli):
    r = cli("status", "--as-of", "2026-02-30", "--ledger", sample_repo)
    assert r.exit_code == 2 and "--as-of 2026-02-30 is not a day: February 2026 has 28 days" in r.stderr, r
    r = cli("status", "--as-of", "2024-02-30", "--lang", "zh", "--ledger", sample_repo)
    assert r.exit_code == 2 and "2024年2月只有29天" in r.stderr, r
    r = cli("progress", "T-2016-003", "x", "--as-of", "2016-04-31", "--ledger", sample_repo)
    assert r.exit_code == 2 and "April 2016 has 30 days" in r.stderr, r
    r = cli("new", "task", "--title", "x", "--lead-unit", "市金融办", "--due", "2017-06-31", "--ledger", sample_repo)
    assert r.exit_code == 2 and "--due 2017-06-31 is not a day: June 2017 has 30 days" in r.stderr, r
    # not a date at all: still asks for the form
    r = cli("status", "--as-of", "2026-13-01", "--ledger", sample_repo)
    assert r.exit_code == 2 and "wants a date YYYY-MM-DD" in r.stderr, r


def test_the_refusal_for_uncommitted_edits_names_the_file(sample_repo, cli):
    path = sample_repo / "tasks/T-2016-003.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# 草稿\n", encoding="utf-8")
    for lang, want in (
        ("en", "uncommitted changes in the file(s) this command must change: tasks/T-2016-003.yaml;"),
        ("zh", "本命令要修改的文件有未提交的改动：tasks/T-2016-003.yaml；"),
    ):
        r = cli("progress", "T-2016-003", "进展", "--lang", lang, "--ledger", sample_repo)
        assert r.exit_code == 1 and want in r.stderr, r


def test_log_shows_china_standard_time(sample_repo, cli):
    import os

    env = {"GIT_AUTHOR_DATE": "2016-10-20T15:30:00+00:00", "GIT_COMMITTER_DATE": "2016-10-20T15:30:00+00:00"}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        assert (
            cli(
                "progress", "T-2016-003", "基金管理机构已选定", "--as-of", "2016-10-20", "--ledger", sample_repo
            ).exit_code
            == 0
        )
    finally:
        for k, v in old.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
    r = cli("log", "T-2016-003", "--ledger", sample_repo)
    assert r.exit_code == 0, r
    first = r.stdout.splitlines()[0]
    assert first.startswith("2016-10-20 23:30 CST  "), first  # 15:30 UTC is 23:30 in Beijing
    r = cli("log", "T-2016-003", "--format", "json", "--ledger", sample_repo)
    assert '"date": "2016-10-20T15:30:00+00:00"' in r.stdout


def test_listing_files_respect_the_umask(sample_repo, cli, tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        for args in (
            ("schedule", "--year", "2016", "--xlsx"),
            ("cases", "--year", "2016", "--xlsx"),
            ("accountability", "--year", "2016", "--xlsx"),
            ("cases", "--year", "2016", "--markdown"),
        ):
            out = tmp_path / f"{args[0]}-{args[-1][2:]}.out"
            r = cli(*args, out, "--as-of", "2016-12-31", "--ledger", sample_repo)
            assert r.exit_code == 0, r
            assert stat.S_IMODE(out.stat().st_mode) == 0o644, (args, oct(out.stat().st_mode))
        # a file that exists keeps its mode
        kept = tmp_path / "kept.xlsx"
        kept.write_bytes(b"")
        kept.chmod(0o640)
        assert cli("schedule", "--year", "2016", "--xlsx", kept, "--ledger", sample_repo).exit_code == 0
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
        os.umask(0o077)
        private = tmp_path / "private.xlsx"
        assert cli("schedule", "--year", "2016", "--xlsx", private, "--ledger", sample_repo).exit_code == 0
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    finally:
        os.umask(old)
