"""The write commands through the real CLI on real git repositories: each is one commit of one file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import git


def commits(repo) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD"))


def changed(repo, rev="HEAD") -> list[str]:
    return git(repo, "show", "--name-only", "--format=", rev).split()


def body_lines(repo, rev="HEAD") -> list[str]:
    """The +/- lines of a commit's diff (without headers)."""
    out = git(repo, "show", "-U0", "--format=", rev)
    return [ln for ln in out.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]


def load(repo, rel):
    from reformctl.load import yamlread  # YAML 1.2: `no:` is a key, dates stay strings

    return yamlread.parse((repo / rel).read_text(encoding="utf-8"))


def test_new_task_gets_next_free_id_and_prints_it(sample_repo, cli):
    n = commits(sample_repo)
    r = cli(
        "new",
        "task",
        "--title",
        "测试任务",
        "--lead-unit",
        "市发改委",
        "--due",
        "2017-03-31",
        "--responsible",
        "市科技局",
        "--as-of",
        "2016-12-01",
        "--ledger",
        sample_repo,
    )
    assert r.exit_code == 0, r
    assert r.stdout.strip() == "T-2016-037"
    assert commits(sample_repo) == n + 1 and changed(sample_repo) == ["tasks/T-2016-037.yaml"]
    data = load(sample_repo, "tasks/T-2016-037.yaml")
    assert data["id"] == "T-2016-037" and data["status"] == "planned" and data["start"] == "2016-12-01"
    assert data["responsible_units"] == ["市科技局"]
    assert git(sample_repo, "log", "-1", "--format=%s").strip() == "New task T-2016-037: 测试任务"
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    r = cli(
        "new",
        "task",
        "--title",
        "第二个",
        "--lead-unit",
        "市发改委",
        "--due",
        "2017-03-31",
        "--as-of",
        "2016-12-01",
        "--ledger",
        sample_repo,
    )
    assert r.stdout.strip() == "T-2016-038"


def test_new_without_required_options_off_a_terminal_is_exit_2(sample_repo, cli):
    n = commits(sample_repo)
    r = cli("new", "task", "--title", "x", "--ledger", sample_repo)
    assert r.exit_code == 2
    assert "--lead-unit" in r.stderr and "--due" in r.stderr and "--title" not in r.stderr.split(":", 2)[-1]
    assert commits(sample_repo) == n


def test_new_prompts_on_a_terminal(sample_repo):
    pty = pytest.importorskip("pty")
    import select

    pid, fd = pty.fork()
    if pid == 0:  # child: the real CLI with a terminal on stdin
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "reformctl",
                "new",
                "task",
                "--title",
                "终端任务",
                "--as-of",
                "2016-12-01",
                "--ledger",
                str(sample_repo),
            ],
        )
    out = b""
    answers = [b"\xe5\xb8\x82\xe5\x8f\x91\xe6\x94\xb9\xe5\xa7\x94\n", b"2017-06-30\n"]  # 市发改委
    while True:
        r, _, _ = select.select([fd], [], [], 30)
        if not r:
            break
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if answers and chunk.rstrip().endswith(b":"):
            os.write(fd, answers.pop(0))
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, out.decode("utf-8", "replace")
    data = load(sample_repo, "tasks/T-2016-037.yaml")
    assert data["lead_unit"] == "市发改委" and data["due"] == "2017-06-30"


def test_new_refuses_unknown_unit(sample_repo, cli):
    r = cli(
        "new", "task", "--title", "x", "--lead-unit", "不存在的单位", "--due", "2017-03-31", "--ledger", sample_repo
    )
    assert r.exit_code == 2 and "不存在的单位" in r.stderr


@pytest.mark.parametrize(
    "args, rel, kind",
    [
        (
            [
                "pilot",
                "--title",
                "试点",
                "--unit",
                "市发改委",
                "--end",
                "2017-12-31",
                "--lead-leader",
                "张三",
                "--promotion-plan",
                "方案",
                "--team",
                "甲",
            ],
            "pilots/P-2016-009.yaml",
            "pilot",
        ),
        (
            [
                "notice",
                "--to-unit",
                "锦江区委",
                "--issued-by",
                "市委深改办",
                "--problem",
                "2016-12-31 台账更新不及时 @锦江区委",
                "--problem",
                "2017-01-31 人员不足",
            ],
            "notices/RN-2016-005.yaml",
            "notice",
        ),
        (
            ["reminder", "--plan", "PL-2016-002", "--to", "市发改委", "--report-due", "2016-12-20"],
            "reminders/SR-2016-004.yaml",
            "reminder",
        ),
        (["report", "--unit", "市发改委", "--quarter", "2016Q4"], "reports/R-2016Q4-002.yaml", "report"),
        (["event", "--kind", "training", "--unit", "市委深改办", "--title", "培训"], "events/E-2016-023.yaml", "event"),
    ],
)
def test_new_other_kinds(sample_repo, cli, args, rel, kind):
    r = cli("new", *args, "--as-of", "2016-12-01", "--ledger", sample_repo)
    assert r.exit_code == 0, r
    assert changed(sample_repo) == [rel]
    assert cli("check", "--ledger", sample_repo).exit_code == 0, cli("check", "--ledger", sample_repo).stdout
    if kind == "notice":
        probs = load(sample_repo, rel)["problems"]
        assert [p["no"] for p in probs] == [1, 2] and probs[0]["responsible"] == "锦江区委"


def test_progress_appends_one_line(sample_repo, cli):
    r = cli("progress", "T-2016-003", "基金管理机构已选定", "--as-of", "2016-10-20", "--ledger", sample_repo)
    assert r.exit_code == 0, r
    assert body_lines(sample_repo) == ["+  - {date: 2016-10-20, note: 基金管理机构已选定}"]
    trailers = git(sample_repo, "log", "-1", "--format=%(trailers:only,unfold)")
    assert "Reformctl-Action: progress" in trailers and "Reformctl-As-Of: 2016-10-20" in trailers


def test_complete_task_milestone_and_evidence(sample_repo, cli):
    r = cli(
        "complete", "T-2016-003", "--milestone", "选定基金管理机构", "--as-of", "2016-10-14", "--ledger", sample_repo
    )
    assert r.exit_code == 0, r
    assert body_lines(sample_repo) == [
        "-  - {name: 选定基金管理机构, due: 2016-10-15}",
        "+  - {name: 选定基金管理机构, due: 2016-10-15, done: 2016-10-14}",
    ]
    r = cli(
        "complete", "T-2016-003", "--evidence", "成金办〔2016〕12号", "--as-of", "2016-10-30", "--ledger", sample_repo
    )
    assert r.exit_code == 0, r
    data = load(sample_repo, "tasks/T-2016-003.yaml")
    assert data["status"] == "completed" and data["completed"] == "2016-10-30"
    assert data["evidence"] == ["成金办〔2016〕12号"]
    r = cli("evidence", "T-2016-003", "https://example.org/a.pdf", "--ledger", sample_repo)
    assert (
        r.exit_code == 0 and load(sample_repo, "tasks/T-2016-003.yaml")["evidence"][-1] == "https://example.org/a.pdf"
    )
    r = cli("complete", "T-2016-003", "--ledger", sample_repo)
    assert r.exit_code == 2 and "already completed" in r.stderr


def test_unknown_item_and_bad_milestone(sample_repo, cli):
    assert cli("progress", "T-9999-001", "x", "--ledger", sample_repo).exit_code == 2
    assert cli("progress", "--", "-x", "x", "--ledger", sample_repo).exit_code == 2
    r = cli("complete", "T-2016-003", "--milestone", "没有这个", "--ledger", sample_repo)
    assert r.exit_code == 2 and "no milestone" in r.stderr


def test_notice_rectify_verify_review(sample_repo, cli):
    led = ["--ledger", sample_repo]
    r = cli("verify", "RN-2016-002", "1", "--as-of", "2016-12-01", *led)
    assert r.exit_code == 2 and "not rectified" in r.stderr
    assert cli("rectify", "RN-2016-002", "1", "--as-of", "2016-12-10", *led).exit_code == 0
    assert body_lines(sample_repo) == ["-    rectified: null", "+    rectified: 2016-12-10"]
    assert cli("verify", "RN-2016-002", "1", "--as-of", "2016-12-20", *led).exit_code == 0
    assert body_lines(sample_repo) == ["-    verified: null", "+    verified: 2016-12-20"]
    assert cli("review", "RN-2016-002", "1", "--result", "已完成整改", "--as-of", "2016-12-21", *led).exit_code == 0
    assert body_lines(sample_repo) == ["+      - {due: 2016-12-21, done: 2016-12-21, result: 已完成整改}"]
    assert cli("review", "RN-2016-002", "9", "--result", "x", *led).exit_code == 2
    assert cli("check", *led).exit_code == 0


def test_pilot_file_and_exit(sample_repo, cli):
    led = ["--ledger", sample_repo]
    r = cli("pilot", "file", "P-2016-008", *led)
    assert r.exit_code == 2 and "already filed" in r.stderr
    assert cli("pilot", "exit", "P-2016-008", "--reason", "条件变化", "--as-of", "2016-12-01", *led).exit_code == 0
    data = load(sample_repo, "pilots/P-2016-008.yaml")
    assert data["status"] == "exited" and data["exit_reason"] == "条件变化" and data["exited"] == "2016-12-01"
    assert cli("check", *led).exit_code == 0


def test_extension_request_late_flag_and_approval(sample_repo, cli):
    led = ["--ledger", sample_repo]
    r = cli("extend", "T-2016-013", "--new-due", "2017-03-31", "--reason", "需省级批复", "--as-of", "2016-12-20", *led)
    assert r.exit_code == 0, r
    assert "late" in r.stderr and "(asked late)" in git(sample_repo, "log", "-1", "--format=%s")
    ext = load(sample_repo, "tasks/T-2016-013.yaml")["extensions"]
    assert ext[-1]["old_due"] == "2016-11-30" and ext[-1].get("approved") is None
    assert load(sample_repo, "tasks/T-2016-013.yaml")["due"] == "2016-11-30"
    r = cli("extend", "T-2016-013", "--new-due", "2017-04-30", "--reason", "again", *led)
    assert r.exit_code == 2 and "waiting for approval" in r.stderr
    assert cli("approve", "T-2016-013", "--approver", "市委深改组", "--as-of", "2016-12-21", *led).exit_code == 0
    data = load(sample_repo, "tasks/T-2016-013.yaml")
    assert data["due"] == "2017-03-31" and data["extensions"][-1]["approver"] == "市委深改组"
    r = cli("check", "--format", "json", *led)
    assert any(f["code"] == "extension_late" for f in json.loads(r.stdout))


def test_dry_run_writes_nothing(sample_repo, cli):
    n = commits(sample_repo)
    r = cli("progress", "T-2016-003", "x", "--dry-run", "--as-of", "2016-10-20", "--ledger", sample_repo)
    assert r.exit_code == 0 and "+  - {date: 2016-10-20, note: x}" in r.stdout
    assert commits(sample_repo) == n and git(sample_repo, "status", "--porcelain") == ""


def test_dirty_file_refused_other_dirt_ignored(sample_repo, cli):
    p = sample_repo / "tasks/T-2016-003.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "# 我的修改\n", encoding="utf-8")
    (sample_repo / "notes.txt").write_text("x", encoding="utf-8")
    n = commits(sample_repo)
    r = cli("progress", "T-2016-003", "x", "--ledger", sample_repo)
    assert r.exit_code == 1 and "uncommitted" in r.stderr and "tasks/T-2016-003.yaml" in r.stderr
    assert commits(sample_repo) == n and p.read_text(encoding="utf-8").endswith("# 我的修改\n")
    r = cli("progress", "T-2016-013", "x", "--ledger", sample_repo)
    assert r.exit_code == 0 and changed(sample_repo) == ["tasks/T-2016-013.yaml"]


def test_author_option_and_not_a_repository(sample_repo, sample_copy, cli):
    r = cli("progress", "T-2016-003", "x", "--author", "赵六 <zhao@example.org>", "--ledger", sample_repo)
    assert r.exit_code == 0
    assert git(sample_repo, "log", "-1", "--format=%an <%ae>").strip() == "赵六 <zhao@example.org>"
    r = cli("progress", "T-2016-003", "x", "--author", "nobody", "--ledger", sample_repo)
    assert r.exit_code == 2
    r = cli("progress", "T-2016-003", "x", "--ledger", sample_copy)
    assert r.exit_code == 2 and "git" in r.stderr


def test_subprocess_cli_commits(sample_repo):
    p = subprocess.run(
        [sys.executable, "-m", "reformctl", "progress", "T-2016-003", "经子进程", "--ledger", str(sample_repo)],
        capture_output=True,
        text=True,
    )
    assert p.returncode == 0, p.stderr
    assert "经子进程" in git(sample_repo, "show", "HEAD")
