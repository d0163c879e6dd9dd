"""`reformctl log ID`: the audit trail from git, after real commands on a copy of ledger-data/."""

from __future__ import annotations

import json

from conftest import git


def run_some_commands(repo, cli):
    led = ["--ledger", repo]
    assert cli("progress", "T-2016-003", "基金管理机构已选定", "--as-of", "2016-10-20", *led).exit_code == 0
    assert (
        cli(
            "complete",
            "T-2016-003",
            "--milestone",
            "选定基金管理机构",
            "--as-of",
            "2016-10-21",
            "--author",
            "李四 <li@example.org>",
            *led,
        ).exit_code
        == 0
    )
    assert (
        cli(
            "extend",
            "T-2016-003",
            "--new-due",
            "2017-03-31",
            "--reason",
            "需省级批复",
            "--approver",
            "市委深改组",
            "--as-of",
            "2016-11-20",
            *led,
        ).exit_code
        == 0
    )
    assert cli("complete", "T-2016-003", "--as-of", "2016-12-20", *led).exit_code == 0


def test_log_shows_who_changed_what_newest_first(sample_repo, cli):
    run_some_commands(sample_repo, cli)
    # a commit by hand, without trailers, is in the trail too
    p = sample_repo / "tasks/T-2016-003.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("title: 推进科技金融结合", "title: 推进科技与金融结合"), encoding="utf-8"
    )
    git(sample_repo, "commit", "-qam", "手工修改标题")
    # other items' commits are not
    assert cli("progress", "T-2016-013", "x", "--ledger", sample_repo).exit_code == 0

    r = cli("log", "T-2016-003", "--format", "json", "--ledger", sample_repo)
    assert r.exit_code == 0, r
    entries = json.loads(r.stdout)
    assert [e["action"] for e in entries] == ["edit", "complete", "extend", "complete", "progress", "create"]
    assert entries[0]["subject"] == "手工修改标题"
    ch = {c["field"]: c for c in entries[1]["changes"]}
    assert ch["status"]["old"] == "in_progress" and ch["status"]["new"] == "completed"
    assert ch["completed"] == {"field": "completed", "op": "added", "old": None, "new": "2016-12-20"}
    assert entries[1]["as_of"] == "2016-12-20"
    ext = {c["field"]: c for c in entries[2]["changes"]}
    assert ext["due"]["old"] == "2016-10-31" and ext["due"]["new"] == "2017-03-31"
    assert entries[3]["author"] == "李四" and entries[3]["email"] == "li@example.org"
    assert entries[3]["changes"][0]["field"] == "milestones[2].done"
    assert entries[4]["changes"][0]["op"] == "added" and entries[4]["changes"][0]["field"] == "progress[2]"
    assert entries[4]["author"] == "测试员"

    r = cli("log", "T-2016-003", "--ledger", sample_repo)
    assert r.exit_code == 0
    assert "status: in_progress → completed" in r.stdout
    assert "due: 2016-10-31 → 2017-03-31" in r.stdout
    assert (
        "李四 <li@example.org>" in r.stdout
        and "+ progress[2]: {date: 2016-10-20, note: 基金管理机构已选定}" in r.stdout
    )
    assert r.stdout.index("手工修改标题") < r.stdout.index("progress[2]")  # newest first

    r = cli("log", "T-2016-003", "--limit", "2", "--format", "json", "--ledger", sample_repo)
    assert len(json.loads(r.stdout)) == 2


def test_log_of_a_deleted_item_and_errors(sample_repo, cli, sample_copy):
    git(sample_repo, "rm", "-q", "tasks/T-2016-020.yaml")
    git(sample_repo, "commit", "-qm", "删除")
    r = cli("log", "T-2016-020", "--format", "json", "--ledger", sample_repo)
    assert r.exit_code == 0
    entries = json.loads(r.stdout)
    assert [e["action"] for e in entries] == ["delete", "create"]
    r = cli("log", "T-9999-001", "--ledger", sample_repo)
    assert r.exit_code == 2 and "no item T-9999-001 in this ledger or its history" in r.stderr
    r = cli("log", "--ledger", sample_repo, "--", "--all")  # an option-like id is refused, never given to git
    assert r.exit_code == 2 and "'--all' is not an item id" in r.stderr
    r = cli("log", "T-2016-003", "--ledger", sample_copy)
    assert r.exit_code == 2 and "is not inside a git repository" in r.stderr


def test_log_in_a_subfolder_ledger(tmp_path, sample_copy, cli):
    repo = tmp_path / "r"
    repo.mkdir()
    sample_copy.rename(repo / "ledger")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "init")
    assert cli("progress", "T-2016-003", "x", "--ledger", repo / "ledger").exit_code == 0
    entries = json.loads(cli("log", "T-2016-003", "-f", "json", "--ledger", repo / "ledger").stdout)
    assert [e["action"] for e in entries] == ["progress", "create"]
    assert entries[0]["path"] == "ledger/tasks/T-2016-003.yaml"
