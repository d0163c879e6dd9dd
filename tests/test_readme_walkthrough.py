"""The two READMEs followed as written, end to end.

A fresh clone of this checkout runs the README's first command; reformctl installed with pip from a git URL
(the README's office path; see test_install_origin for how the URL is served locally) runs the README's
`init` line, and then every command block of the staff README that `init` wrote is run in order, in the new
ledger: units, the write commands, the Excel round trip, the views. Write commands get an `--as-of` (the staff
README says so) so that the example dates hold whatever today is."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, git
from test_install_origin import installs  # noqa: F401 - the module-scoped pip installs, shared
from test_kit_precommit import snapshot_of_checkout

pytest.importorskip("openpyxl")

WRITE = {"new", "progress", "complete", "extend", "approve", "rectify", "verify", "cancel", "review", "pilot"}


def blocks(markdown: str, lang: str = "sh") -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", markdown, re.S)


def commands(block: str) -> list[list[str]]:
    """The command lines of a shell block: comments and comment-only continuation lines dropped."""
    out = []
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        line = re.split(r"\s{2,}#", line)[0]
        for part in line.split("&&"):
            out.append(shlex.split(part))
    return out


def run(args: list[str], cwd: Path, pythonpath: Path, env: dict) -> subprocess.CompletedProcess:
    if args[0] == "reformctl":
        args = [sys.executable, "-m", "reformctl", *args[1:]]
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env={**env, "PYTHONPATH": str(pythonpath)})


def test_a_fresh_clone_runs_the_readme_first_command(tmp_path):
    snap = tmp_path / "snap"
    snapshot_of_checkout(snap)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(snap), str(clone))
    readme = (clone / "README.md").read_text(encoding="utf-8")
    first = commands(blocks(readme)[0])
    assert first[0] == ["pip", "install", "-e", "."], first
    env = {**os.environ}
    for args in first[1:]:
        r = run(args, clone, clone, env)
        assert r.returncode == 0, (args, r.stderr)
        assert "PL-2016-005" in r.stdout  # the sample's late plan review, red at the end of 2016


def test_the_office_path_and_the_staff_readme(installs, tmp_path):  # noqa: F811
    target = installs["base"] / "vcs"
    env = {k: v for k, v in os.environ.items() if k != "REFORMCTL_INSTALL_SPEC"}
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    office = readme.split("## Start your own ledger", 1)[1]
    step1 = commands(blocks(office)[0])
    assert step1[0][:2] == ["pip", "install"] and step1[0][2].startswith("git+https://")  # done by the fixture
    cwd = tmp_path
    for args in step1[1:]:
        if args[0] == "cd":
            cwd = cwd / args[1]
            continue
        r = run(args, cwd, target, env)
        assert r.returncode == 0, (args, r.stderr)
        if args[1] == "--version":
            assert f"git {installs['sha'][:12]}" in r.stdout
    led = cwd
    assert (led / "reformctl.yaml").is_file()
    workflow = (led / ".github/workflows/reformctl.yml").read_text(encoding="utf-8")
    assert installs["sha"] in workflow  # what CI installs is what was installed here

    staff = (led / "README.md").read_text(encoding="utf-8")
    # 第一步：登记单位 — the example unit goes into units.yaml, then the block's commands
    (unit_yaml,) = blocks(staff.split("## 第一步", 1)[1].split("\n## ", 1)[0], "yaml")
    units = led / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + unit_yaml, encoding="utf-8")
    day = iter(f"2025-{m:02d}-{d:02d}" for m in range(3, 13) for d in (1, 10, 20))
    ran: list[str] = []
    for block in blocks(staff):
        for args in commands(block):
            if args[0] in ("pip", "pre-commit"):
                continue  # installs, not the ledger's business here
            if args[0] == "reformctl" and args[1] in WRITE:
                args = [*args, "--as-of", next(day)]
            if args[0] == "reformctl" and args[1] in ("status", "summary", "report"):
                args = [*args, "--as-of", "2025-12-31"]
            r = run(args, led, target, env)
            assert r.returncode == 0, (args, r.stdout[-800:], r.stderr[-800:])
            ran.append(" ".join(args[:2]))
    for needed in (
        "reformctl new",
        "reformctl progress",
        "reformctl complete",
        "reformctl export",
        "reformctl import",
        "reformctl check",
        "reformctl status",
        "git commit",
    ):
        assert needed in ran, (needed, ran)
    # every write was one commit, and the ledger they made is valid
    assert git(led, "status", "--porcelain", "--untracked-files=no").strip() == ""
    r = run(["reformctl", "check", "--strict"], led, target, env)
    assert r.returncode == 0, r.stdout + r.stderr
