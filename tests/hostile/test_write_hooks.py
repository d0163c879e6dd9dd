"""The data repository's own git hooks run on every write, as `git commit` runs them: a pre-commit hook sees the
files written and an index holding the new tree, a commit-msg hook may refuse or reword the message; a hook that
fails refuses the write and changes nothing; --no-verify skips them."""

from __future__ import annotations

import os
from pathlib import Path

from write_invariant import Before, assert_invariant, git


def hook(repo: Path, name: str, body: str, folder: str = ".git/hooks") -> Path:
    path = repo / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    os.chmod(path, 0o755)
    return path


def progress(cli, repo, *more):
    return cli("progress", "T-2016-003", "基金管理机构已选定", "--as-of", "2016-10-20", "--ledger", repo, *more)


def test_a_failing_pre_commit_hook_refuses_and_changes_nothing(sample_repo, cli):
    hook(sample_repo, "pre-commit", "echo 'ledger frozen for the audit' >&2\nexit 1")
    before = Before(sample_repo)
    r = progress(cli, sample_repo)
    assert r.exit_code == 1 and "pre-commit" in r.stderr and "ledger frozen for the audit" in r.stderr, r
    assert "--no-verify" in r.stderr
    assert not assert_invariant(before, r, cli)
    r = progress(cli, sample_repo, "--no-verify")
    assert assert_invariant(before, r, cli)


def test_the_pre_commit_hook_sees_the_new_tree_and_files(sample_repo, cli, tmp_path):
    seen = tmp_path / "seen.txt"
    hook(
        sample_repo,
        "pre-commit",
        f"git diff --cached --name-only > '{seen}'\ngrep -c 基金管理机构已选定 tasks/T-2016-003.yaml >> '{seen}'",
    )
    before = Before(sample_repo)
    r = progress(cli, sample_repo)
    assert assert_invariant(before, r, cli)
    assert seen.read_text(encoding="utf-8").split() == ["tasks/T-2016-003.yaml", "1"]


def test_commit_msg_hooks_refuse_or_reword(sample_repo, cli):
    hook(
        sample_repo,
        "commit-msg",
        "grep -q 'Reformctl-Action: progress' \"$1\" || exit 1\n"
        "echo 'Signed-off-by: 审计员 <audit@example.org>' >> \"$1\"",
    )
    before = Before(sample_repo)
    r = progress(cli, sample_repo)
    assert assert_invariant(before, r, cli)
    body = git(sample_repo, "log", "-1", "--format=%B")
    assert body.endswith("Signed-off-by: 审计员 <audit@example.org>") and "Reformctl-Item: T-2016-003" in body
    assert git(sample_repo, "status", "--porcelain") == ""
    hook(sample_repo, "commit-msg", "echo 'no ticket number' >&2; exit 3")
    before = Before(sample_repo)
    r = cli("complete", "T-2016-003", "--as-of", "2016-12-20", "--ledger", sample_repo)
    assert r.exit_code == 1 and "commit-msg" in r.stderr and "no ticket number" in r.stderr, r
    assert not assert_invariant(before, r, cli)


def test_core_hooks_path_is_honoured_and_no_verify_skips_it(sample_repo, cli):
    hook(sample_repo, "pre-commit", "exit 1", folder="githooks")
    git(sample_repo, "add", "githooks")
    git(sample_repo, "commit", "-qm", "hooks")
    git(sample_repo, "config", "core.hooksPath", "githooks")
    before = Before(sample_repo)
    r = cli(
        "new", "event", "--kind", "training", "--unit", "市委深改办", "--as-of", "2016-11-10", "--ledger", sample_repo
    )
    assert r.exit_code == 1 and not assert_invariant(before, r, cli)
    r = cli(
        "new",
        "event",
        "--kind",
        "training",
        "--unit",
        "市委深改办",
        "--as-of",
        "2016-11-10",
        "--ledger",
        sample_repo,
        "--no-verify",
    )
    assert assert_invariant(before, r, cli)
