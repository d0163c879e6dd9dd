"""Shared fixtures: real YAML files in temporary folders, real git repositories, the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "ledger-data"

MINIMAL_SETTINGS = """\
name: 测试台账
level: city
start: 2016-07-01
"""

MINIMAL_UNITS = """\
- id: 市委深改组
  name: 中共测试市委全面深化改革领导小组
  type: leading_group
- id: 市委深改办
  name: 中共测试市委全面深化改革领导小组办公室
  type: reform_office
- id: 经济专项小组
  name: 经济体制改革专项小组
  type: special_group
- id: 市发改委
  name: 测试市发展和改革委员会
  type: department
- id: 市科技局
  name: 测试市科学技术局
  type: department
- id: 市委督查室
  name: 市委督查室
  type: inspection_office
- id: 市政府督查室
  name: 市政府督查室
  type: inspection_office
- id: 市委组织部
  name: 市委组织部
  type: functional_department
- id: 某区委
  name: 某区委
  type: party_committee
"""


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch, tmp_path_factory):
    """No test sees the developer's ledger, colours, locale or git identity."""
    from reformctl.base.envvars import VARS

    for var in VARS:  # every variable reformctl reads (the limits, the cache, the jobs...)
        monkeypatch.delenv(var.name, raising=False)
    # `init` writes what CI installs; the code under test runs from a checkout, which has no such spec
    monkeypatch.setenv("REFORMCTL_INSTALL_SPEC", "reformctl @ git+https://example.org/reformctl.git@v0.1.0")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "100")
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "测试员")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "tester@example.org")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "测试员")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "tester@example.org")


def write_files(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def make_ledger(tmp_path):
    """make_ledger({"tasks/T-1.yaml": "..."}) -> a minimal valid ledger folder with those files added."""

    def make(files: dict[str, str] | None = None, name: str = "ledger") -> Path:
        root = tmp_path / name
        root.mkdir(parents=True, exist_ok=True)
        base = {"reformctl.yaml": MINIMAL_SETTINGS, "units.yaml": MINIMAL_UNITS}
        base.update(files or {})
        write_files(root, base)
        return root

    return make


# a valid task of a ledger made by `reformctl init` (the kit tests commit it through the generated CI files)
GOOD_TASK = """\
id: T-2025-001
title: 深化“放管服”改革
lead_unit: 市委深改办
start: 2025-03-01
due: 2025-12-31
status: in_progress
"""


@pytest.fixture
def ledger(make_ledger):
    """ledger({"tasks/T-1.yaml": "..."}, settings=None) -> the loaded Ledger of a minimal ledger with those
    files (and that reformctl.yaml), asserting that every file is valid."""
    from reformctl.load import load_ledger

    def make(files: dict[str, str], settings: str | None = None):
        if settings is not None:
            files = {**files, "reformctl.yaml": settings}
        res = load_ledger(make_ledger(files))
        assert not res.errors, res.errors
        return res.ledger

    return make


def findings_of(L, as_of, rule, **match) -> list:
    """The findings of ``rule`` as of a date whose attributes equal ``match``."""
    from reformctl.rules.findings import findings

    return [f for f in findings(L, as_of) if f.rule == rule and all(getattr(f, k) == v for k, v in match.items())]


def assert_boundaries(L, rule, due, **match) -> None:
    """No finding 15 days before ``due``; yellow from 14 days before through the day itself; red the day after."""
    import datetime as dt

    one = dt.timedelta(days=1)
    assert findings_of(L, due - 15 * one, rule, **match) == []
    for before in (14, 1, 0):
        got = findings_of(L, due - before * one, rule, **match)
        assert [(f.light, f.days, f.due) for f in got] == [("yellow", -before, due)], (before, got)
    assert [(f.light, f.days, f.due) for f in findings_of(L, due + one, rule, **match)] == [("red", 1, due)]


def edit_file(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the first ``old`` of a file by ``new``, asserting that it is there."""
    p = root / rel
    text = p.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, rel: str, needle: str, *, starts: bool = False) -> int:
    """The number of the first line of a file holding ``needle`` (``starts``: beginning with it, indent aside)."""
    for i, ln in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1):
        if ln.strip().startswith(needle) if starts else needle in ln:
            return i
    raise AssertionError(needle)


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    """A copy of ledger-data/ in a temporary folder (not a git repository)."""
    dst = tmp_path / "ledger-data"
    shutil.copytree(SAMPLE, dst)
    return dst


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def new_repo(path: Path, files: dict[str, str], message: str = "initial") -> Path:
    """A new git repository at ``path`` (made here) on branch main, holding ``files`` in one commit."""
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    write_files(path, files)
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", message)
    return path


@pytest.fixture
def sample_repo(tmp_path) -> Path:
    """A real git repository whose root is a copy of ledger-data/, with one commit."""
    dst = tmp_path / "repo"
    shutil.copytree(SAMPLE, dst)
    git(dst, "init", "-q", "-b", "main")
    git(dst, "add", "-A")
    git(dst, "commit", "-q", "-m", "initial ledger")
    return dst


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str, exception=None):
        self.exit_code, self.stdout, self.stderr, self.exception = exit_code, stdout, stderr, exception

    def __repr__(self) -> str:
        return f"<Result exit={self.exit_code}\nstdout={self.stdout[:2000]}\nstderr={self.stderr[:2000]}>"


@pytest.fixture
def cli(monkeypatch):
    """cli("check", "--ledger", path, cwd=...) runs the real Typer app in-process; returns a Result.

    An exception escaping the app (a traceback a user would see) fails the test. The app is the one
    ``reformctl.cli.main`` would run for these arguments (only the command named, else all)."""
    from reformctl.cli import _app_for

    def run(*args, cwd: Path | None = None, input: str | None = None, env: dict | None = None) -> Result:
        runner = CliRunner()
        old = os.getcwd()
        if cwd is not None:
            os.chdir(cwd)
        try:
            argv = [str(a) for a in args]
            r = runner.invoke(_app_for(argv), argv, input=input, env=env, catch_exceptions=True)
        finally:
            os.chdir(old)
        if r.exception is not None and not isinstance(r.exception, SystemExit):
            raise AssertionError(f"uncaught exception: {r.exception!r}") from r.exception
        return Result(r.exit_code, r.stdout, r.stderr)

    return run


@pytest.fixture
def parsed(monkeypatch):
    """The ledger-relative paths really read and validated since the fixture started (a spy on
    ``reformctl.load.validation.load_bytes``, through which every load reads a file, that calls through;
    cleared by the test when it likes)."""
    from reformctl.load import validation as load

    seen: list[str] = []
    real = load.load_bytes

    def spy(rel, kind, data, problem):
        seen.append(rel)
        return real(rel, kind, data, problem)

    monkeypatch.setattr(load, "load_bytes", spy)
    return seen


@pytest.fixture
def old_files(monkeypatch):
    """As if the files had been written long ago (else every state is "racy" and nothing is remembered)."""
    from reformctl.load import cache

    monkeypatch.setattr(cache, "RACY_NS", 0)


@pytest.fixture
def whole_checks(monkeypatch) -> list[int]:
    """A call recorded each time the checks of the whole ledger run (a full evaluation on a new state)."""
    import reformctl.rules.checks as checks

    calls: list[int] = []
    real = checks.check_ledger
    monkeypatch.setattr(checks, "check_ledger", lambda ledger: calls.append(1) or real(ledger))
    return calls
