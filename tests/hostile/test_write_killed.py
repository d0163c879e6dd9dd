"""A write killed half-way (SIGKILL at a known point, held there by REFORMCTL_TEST_PAUSE): every command says the
ledger may be half-written and refuses instead of reporting it as fine; `reformctl recover` (or the next write)
finishes or rolls it back, temporary files included, leaving HEAD and the files as a whole commit or none."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from write_invariant import Before, git, snapshot

from conftest import REPO


def _start_close_out(repo: Path, pause: str, seconds: int = 60, *more: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO), REFORMCTL_TEST_PAUSE=f"{pause}:{seconds}")
    return subprocess.Popen(
        [sys.executable, "-m", "reformctl", "close-out", "T-2016-002", "--as-of", "2017-01-10", "--ledger", str(repo)]
        + list(more),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for(test, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not test():
        assert time.monotonic() < deadline, "the write never reached the pause point"
        time.sleep(0.05)


def _strays(repo: Path) -> list[str]:
    return [rel for rel in snapshot(repo) if rel.endswith(".reformctl-tmp")]


@pytest.mark.parametrize("pause", ["write", "ref"])
def test_a_killed_close_out_is_reported_then_recovered(sample_repo, cli, pause):
    before = Before(sample_repo)
    target = sample_repo / "tasks/T-2016-002.yaml"
    proc = _start_close_out(sample_repo, pause)
    try:
        if pause == "write":  # the temporary copy written, not yet renamed over the file
            _wait_for(lambda: bool(_strays(sample_repo)))
        else:  # the file written, the branch not moved
            _wait_for(lambda: target.read_bytes() != before.files["tasks/T-2016-002.yaml"])
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert git(sample_repo, "rev-parse", "HEAD") == before.head
    for argv in (["check"], ["status", "--as-of", "2016-12-31"], ["summary", "--quarter", "2016Q4"]):
        r = cli(*argv, "--ledger", sample_repo)
        assert r.exit_code == 1 and "reformctl recover" in r.stderr, (argv, r)
    r = cli("check", "--ledger", sample_repo, "--lang", "zh")
    assert "reformctl recover" in r.stderr and "中断" in r.stderr
    r = cli("recover", "--ledger", sample_repo)
    assert r.exit_code == 0 and "rolled back" in r.stderr, r
    assert git(sample_repo, "rev-parse", "HEAD") == before.head
    assert snapshot(sample_repo) == before.files  # the file back, no temporary file left
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    r = cli("recover", "--ledger", sample_repo)
    assert r.exit_code == 0 and "nothing to do" in r.stderr


def test_the_next_write_finishes_the_interrupted_one_first(sample_repo, cli):
    before = Before(sample_repo)
    target = sample_repo / "tasks/T-2016-002.yaml"
    proc = _start_close_out(sample_repo, "ref")
    try:
        _wait_for(lambda: target.read_bytes() != before.files["tasks/T-2016-002.yaml"])
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    r = cli("progress", "T-2016-003", "x", "--as-of", "2016-12-01", "--ledger", sample_repo)
    assert r.exit_code == 0 and "interrupted" in r.stderr, r
    assert git(sample_repo, "rev-list", "--count", f"{before.head}..HEAD") == "1"
    assert target.read_bytes() == before.files["tasks/T-2016-002.yaml"]
    assert cli("check", "--ledger", sample_repo, "--base", before.head).exit_code == 0


def _git_state(repo: Path) -> tuple[str, str, bytes]:
    """HEAD, git's index (what it holds) and the journal of the interrupted write, byte for byte."""
    journal = repo / ".git" / "reformctl-journal.json"
    return git(repo, "rev-parse", "HEAD"), git(repo, "ls-files", "--stage"), journal.read_bytes()


def test_a_dry_run_on_an_interrupted_write_changes_nothing_and_points_at_recover(sample_repo, cli, tmp_path):
    """A dry run must not finish or roll back anything (that is a write): it refuses, says the ledger is
    half-written and names `reformctl recover`, and leaves the half-written files, the journal and HEAD as they
    are, for every write command."""
    book = tmp_path / "book.xlsx"
    assert cli("export", "--xlsx", book, "--as-of", "2016-12-31", "--ledger", sample_repo).exit_code == 0
    before = Before(sample_repo)
    target = sample_repo / "tasks/T-2016-002.yaml"
    proc = _start_close_out(sample_repo, "ref")
    try:
        _wait_for(lambda: target.read_bytes() != before.files["tasks/T-2016-002.yaml"])
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    half, state = snapshot(sample_repo), _git_state(sample_repo)
    assert half != before.files
    dry_runs = [
        ["new", "event", "--kind", "training", "--unit", "市委深改办", "--as-of", "2016-11-10", "--dry-run"],
        ["progress", "T-2016-003", "x", "--as-of", "2016-12-01", "--dry-run"],
        ["complete", "T-2016-003", "--as-of", "2016-12-20", "-n"],
        ["close-out", "T-2016-002", "--as-of", "2017-01-10", "--dry-run"],
        ["close-out", "--year", "2016", "--as-of", "2016-12-31", "--dry-run"],
        ["import", book, "--as-of", "2016-12-31", "--dry-run"],
        ["assess", "--year", "2016", "--as-of", "2017-01-31", "--write", "--dry-run"],
        ["review", "RN-2016-001", "1", "--due", "2017-03-01", "--as-of", "2016-12-01", "--dry-run"],
    ]
    for argv in dry_runs:
        for lang, words in (("en", "reformctl recover"), ("zh", "中断")):
            r = cli(*argv, "--ledger", sample_repo, "--lang", lang)
            assert r.exit_code == 1 and "reformctl recover" in r.stderr and words in r.stderr, (argv, r)
            assert r.stdout == "" and "Traceback" not in r.stderr, (argv, r)
            assert snapshot(sample_repo) == half and _git_state(sample_repo) == state, argv
    # the library refuses too: a dry run through the store never works on a half-written tree
    import datetime as dt

    from reformctl.store import Action, Store, StoreError

    with pytest.raises(StoreError, match="reformctl recover"):
        Store(sample_repo).apply(
            Action("progress", ["T-2016-003"], "x", dt.date(2016, 12, 1)),
            lambda tx: tx.write_text("tasks/T-2016-003.yaml", tx.read("tasks/T-2016-003.yaml") + "# x\n"),
            dry_run=True,
        )
    assert snapshot(sample_repo) == half and _git_state(sample_repo) == state
    r = cli("recover", "--ledger", sample_repo)
    assert r.exit_code == 0 and "rolled back" in r.stderr, r
    assert snapshot(sample_repo) == before.files


def test_a_write_killed_in_a_hook_leaves_no_temporary_index(sample_repo, cli):
    """Killed while the repository's pre-commit hook runs (on reformctl's temporary index in the git folder):
    recover rolls the files back and removes that index too; nothing of reformctl's stays in the git folder."""
    hook = sample_repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\nsleep 60\n", encoding="utf-8")
    hook.chmod(0o755)
    before = Before(sample_repo)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-m", "reformctl", "progress", "T-2016-003", "x", "--as-of", "2016-12-01"]
        + ["--ledger", str(sample_repo)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    gitdir = sample_repo / ".git"
    try:
        _wait_for(lambda: any(p.name.startswith("reformctl-hook-index-") for p in gitdir.iterdir()))
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    r = cli("recover", "--ledger", sample_repo)
    assert r.exit_code == 0 and "rolled back" in r.stderr, r
    assert snapshot(sample_repo) == before.files
    assert git(sample_repo, "rev-parse", "HEAD") == before.head
    left = sorted(p.name for p in gitdir.iterdir() if p.name.startswith("reformctl") and p.name != "reformctl.lock")
    assert [n for n in left if n != "reformctl-cache"] == [], left


def test_an_unreadable_journal_is_refused_with_a_way_out(sample_repo, cli):
    """A journal that cannot be read (damaged) is not guessed at: recover and every write refuse (exit 1) saying
    how to check the files and that the journal is then to be deleted; nothing is written meanwhile."""
    journal = sample_repo / ".git" / "reformctl-journal.json"
    journal.write_text('{"ref": "refs/heads/main", "files": ', encoding="utf-8")
    before = Before(sample_repo)
    r = cli("recover", "--ledger", sample_repo)
    assert r.exit_code == 1 and "git diff" in r.stderr and "delete the journal" in r.stderr, r
    assert str(journal) in r.stderr.replace("\n", "")
    r = cli("recover", "--ledger", sample_repo, "--lang", "zh")
    assert r.exit_code == 1 and "删除日志" in r.stderr, r
    r = cli("progress", "T-2016-003", "x", "--as-of", "2016-12-01", "--ledger", sample_repo)
    assert r.exit_code == 1 and "delete the journal" in r.stderr, r
    assert snapshot(sample_repo) == before.files and git(sample_repo, "rev-parse", "HEAD") == before.head
    assert journal.exists()
    journal.unlink()  # the way out the message gives
    r = cli("progress", "T-2016-003", "x", "--as-of", "2016-12-01", "--ledger", sample_repo)
    assert r.exit_code == 0, r


def test_recover_after_the_branch_moved_leaves_the_files_and_says_so(sample_repo, cli):
    before = Before(sample_repo)
    target = sample_repo / "tasks/T-2016-002.yaml"
    proc = _start_close_out(sample_repo, "ref")
    try:
        _wait_for(lambda: target.read_bytes() != before.files["tasks/T-2016-002.yaml"])
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    half = target.read_bytes()
    git(sample_repo, "commit", "-q", "--allow-empty", "-m", "someone else's commit")
    r = cli("recover", "--ledger", sample_repo)
    assert r.exit_code == 0 and "has moved since" in r.stderr and "rolled back" not in r.stderr, r
    assert target.read_bytes() == half  # left as it is: the user decides


@pytest.mark.parametrize("lang, pause", [("en", "committed"), ("zh", "committed"), ("en", "moved")])
def test_ctrl_c_after_the_branch_moved_says_the_change_is_committed(sample_repo, cli, lang, pause):
    """Ctrl-C once the branch has moved: the commit is made, so its bookkeeping is finished (no journal left for
    `recover`), and the message says it was committed (running the command again would record it twice). Right
    after `git update-ref` ("moved") too: there, the files were put back as they were before the write, under a
    branch that had moved (every file of the change then showed as undone in `git status`)."""
    before = Before(sample_repo)
    proc = _start_close_out(sample_repo, pause, 3, "--lang", lang)
    try:
        _wait_for(lambda: git(sample_repo, "rev-parse", "HEAD") != before.head)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    head = git(sample_repo, "rev-parse", "HEAD")
    assert proc.returncode == 130 and head != before.head
    said = err.decode()
    assert head[:7] in said and ("已中断" in said and "已完成提交" in said if lang == "zh" else "committed" in said), (
        said
    )
    assert cli("check", "--ledger", sample_repo).exit_code == 0  # no half-written state, nothing to recover
    assert git(sample_repo, "status", "--porcelain") == ""
