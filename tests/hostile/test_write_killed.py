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


def _start_close_out(repo: Path, pause: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO), REFORMCTL_TEST_PAUSE=f"{pause}:60")
    return subprocess.Popen(
        [sys.executable, "-m", "reformctl", "close-out", "T-2016-002", "--as-of", "2017-01-10", "--ledger", str(repo)],
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
