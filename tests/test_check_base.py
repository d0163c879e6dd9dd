"""`reformctl check --base REF`: the rules for a change, on real repositories of ledger-data/."""

from __future__ import annotations

import json

import pytest

from conftest import edit_file as edit
from conftest import git, line_of

BASE_CODES = {
    "item_deleted",
    "closed_item_edited",
    "id_changed",
    "append_only",
    "due_without_extension",
    "status_backwards",
    "ratchet_new_red",
}


def base_findings(cli, repo, *extra):
    r = cli("check", "--ledger", repo, "--base", "HEAD", "--format", "json", *extra)
    return r, [f for f in json.loads(r.stdout) if f["code"] in BASE_CODES]


def test_each_forbidden_change_is_reported_with_file_and_line(sample_repo, cli):
    r, found = base_findings(cli, sample_repo)
    assert r.exit_code == 0 and found == []
    (sample_repo / "tasks/T-2016-020.yaml").unlink()
    edit(sample_repo, "tasks/T-2016-004.yaml", "id: T-2016-004", "id: T-2016-104")
    edit(sample_repo, "tasks/T-2016-001.yaml", "专项小组第三次全体会议部署下半年任务", "改写了进展")
    edit(sample_repo, "notices/RN-2016-001.yaml", "result: 已建立台账双月更新制度", "result: 改写")
    edit(sample_repo, "tasks/T-2016-003.yaml", "due: 2016-10-31", "due: 2017-10-31")
    edit(sample_repo, "tasks/T-2016-002.yaml", "status: completed", "status: in_progress")
    r, found = base_findings(cli, sample_repo)
    assert r.exit_code == 1
    got = {(f["code"], f["file"], f["line"]) for f in found}
    assert got == {
        ("item_deleted", "tasks/T-2016-020.yaml", 1),
        ("id_changed", "tasks/T-2016-004.yaml", line_of(sample_repo, "tasks/T-2016-004.yaml", "id: T-2016-104")),
        ("append_only", "tasks/T-2016-001.yaml", line_of(sample_repo, "tasks/T-2016-001.yaml", "改写了进展")),
        ("append_only", "notices/RN-2016-001.yaml", line_of(sample_repo, "notices/RN-2016-001.yaml", "result: 改写")),
        (
            "due_without_extension",
            "tasks/T-2016-003.yaml",
            line_of(sample_repo, "tasks/T-2016-003.yaml", "due: 2017-10-31"),
        ),
        (
            "status_backwards",
            "tasks/T-2016-002.yaml",
            line_of(sample_repo, "tasks/T-2016-002.yaml", "status: in_progress"),
        ),
    }
    text = cli("check", "--ledger", sample_repo, "--base", "HEAD").stdout
    assert "tasks/T-2016-020.yaml:1:1: error [item_deleted]" in text


def test_closed_item_edited_and_removed_entries(sample_repo, cli):
    carry = []
    for i in ("T-2016-003", "T-2016-013", "T-2016-027"):
        carry += ["--carry-over", i, "--reason", "r", "--measures", "m", "--new-due", "2017-06-30"]
    assert cli("close-out", "--year", "2016", "--as-of", "2016-12-31", *carry, "--ledger", sample_repo).exit_code == 0
    r, found = base_findings(cli, sample_repo)
    assert found == [] and r.exit_code == 0
    edit(sample_repo, "tasks/T-2016-002.yaml", "completed: 2016-11-25", "completed: 2016-11-26")
    edit(sample_repo, "reminders/SR-2016-001.yaml", "  - {unit:", "  - {unit: 市发改委, date: 2016-01-01}\n  - {unit:")
    r, found = base_findings(cli, sample_repo)
    codes = {(f["code"], f["file"]) for f in found}
    assert ("closed_item_edited", "tasks/T-2016-002.yaml") in codes
    assert ("append_only", "reminders/SR-2016-001.yaml") in codes  # an entry inserted before the old ones
    assert r.exit_code == 1


def test_allowed_changes_pass(sample_repo, cli):
    led = ["--ledger", sample_repo]
    base = git(sample_repo, "rev-parse", "HEAD").strip()
    assert cli("progress", "T-2016-003", "x", "--as-of", "2016-10-20", *led).exit_code == 0
    assert (
        cli(
            "extend",
            "T-2016-003",
            "--new-due",
            "2017-03-31",
            "--reason",
            "r",
            "--approver",
            "市委深改组",
            "--as-of",
            "2016-10-25",
            *led,
        ).exit_code
        == 0
    )
    assert cli("review", "RN-2016-002", "1", "--result", "ok", "--as-of", "2016-12-01", *led).exit_code == 0
    r = cli("new", "task", "--title", "t", "--lead-unit", "市发改委", "--due", "2017-01-31", *led)
    assert r.exit_code == 2 and "start" in r.stderr  # start defaults to today, after that deadline
    assert (
        cli(
            "new",
            "task",
            "--title",
            "t",
            "--lead-unit",
            "市发改委",
            "--due",
            "2017-01-31",
            "--as-of",
            "2016-12-01",
            *led,
        ).exit_code
        == 0
    )
    edit(
        sample_repo,
        "tasks/T-2016-002.yaml",
        "status: completed",
        "reopen_reason: 验收发现问题，重新整改\nstatus: in_progress",
    )
    edit(sample_repo, "tasks/T-2016-002.yaml", "completed: 2016-11-25\n", "")
    r = cli("check", "--ledger", sample_repo, "--base", base, "--format", "json")
    assert [f for f in json.loads(r.stdout) if f["code"] in BASE_CODES] == []
    assert r.exit_code == 0, r.stdout


@pytest.mark.parametrize("ref", ["--output=/tmp/x", "-p", "no-such-branch", "HEAD:tasks", "HEAD^{tree}", ""])
def test_bad_refs_are_usage_errors(sample_repo, cli, ref):
    r = cli("check", "--ledger", sample_repo, f"--base={ref}")
    assert r.exit_code == 2
    assert "--base" in r.stderr


def test_base_needs_a_repository_and_ratchet_needs_base(sample_copy, sample_repo, cli):
    r = cli("check", "--ledger", sample_copy, "--base", "HEAD")
    assert r.exit_code == 2 and "--base needs a git repository" in r.stderr
    r = cli("check", "--ledger", sample_repo, "--ratchet")
    assert r.exit_code == 2 and "--ratchet needs --base REF" in r.stderr


def test_ratchet_reports_new_red_items(sample_repo, cli):
    r, found = base_findings(cli, sample_repo, "--ratchet", "--as-of", "2016-12-31")
    assert r.exit_code == 0 and found == []
    assert (
        cli(
            "new",
            "task",
            "--title",
            "迟到的任务",
            "--lead-unit",
            "市发改委",
            "--due",
            "2016-11-30",
            "--start",
            "2016-07-01",
            "--as-of",
            "2016-12-01",
            "--ledger",
            sample_repo,
        ).exit_code
        == 0
    )
    # compared with the commit before it, the new task is a new red item; the old red ones are not reported
    r = cli(
        "check", "--ledger", sample_repo, "--base", "HEAD~1", "--ratchet", "--as-of", "2016-12-31", "--format", "json"
    )
    found = [f for f in json.loads(r.stdout) if f["code"] == "ratchet_new_red"]
    assert r.exit_code == 1 and found and {f["file"] for f in found} == {"tasks/T-2016-037.yaml"}
    r = cli("check", "--ledger", sample_repo, "--base", "HEAD~1", "--as-of", "2016-12-31", "--format", "json")
    assert r.exit_code == 0


def test_ledger_in_a_subfolder(tmp_path, sample_copy, cli):
    repo = tmp_path / "r"
    repo.mkdir()
    sample_copy.rename(repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "init")
    (repo / "data/tasks/T-2016-020.yaml").unlink()
    r = cli("check", "--ledger", repo / "data", "--base", "HEAD", "--format", "json")
    assert r.exit_code == 1
    assert [f["file"] for f in json.loads(r.stdout) if f["code"] == "item_deleted"] == ["tasks/T-2016-020.yaml"]
