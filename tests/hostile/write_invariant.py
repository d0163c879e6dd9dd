"""The write invariant, asserted from outside: a write command either refuses (exit 1 or 2) and leaves HEAD and
every file exactly as they were, or makes exactly one commit after which `check` and `check --base <old HEAD>`
both exit 0."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def snapshot(repo: Path) -> dict[str, bytes]:
    """Every file of the work tree (the git folder and reformctl's own cache aside) -> its bytes."""
    out = {}
    for folder, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            p = Path(folder) / name
            out[p.relative_to(repo).as_posix()] = p.read_bytes()
    return out


class Before:
    def __init__(self, repo: Path):
        self.repo = repo
        self.head = git(repo, "rev-parse", "HEAD")
        self.files = snapshot(repo)


def assert_invariant(before: Before, result, cli, *, ledger: Path | None = None) -> bool:
    """Check the invariant after one write command; True when it committed, False when it refused."""
    repo = before.repo
    ledger = ledger or repo
    head = git(repo, "rev-parse", "HEAD")
    assert "Traceback" not in result.stderr, result
    if result.exit_code != 0 or head == before.head:
        if result.exit_code != 0:
            assert result.exit_code in (1, 2), result
        assert head == before.head, ("refused but HEAD moved", result)
        assert snapshot(repo) == before.files, ("refused but files changed", result)
        return False
    assert git(repo, "rev-list", "--count", f"{before.head}..HEAD") == "1", result
    assert git(repo, "rev-parse", "HEAD^") == before.head
    c = cli("check", "--ledger", ledger, "--no-cache")
    assert c.exit_code == 0, (result, c)
    b = cli("check", "--ledger", ledger, "--no-cache", "--base", before.head)
    assert b.exit_code == 0, (result, b)
    return True
