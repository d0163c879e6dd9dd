"""The pre-commit hook for real (issue 7): `reformctl init` writes .pre-commit-config.yaml, pre-commit builds its
own virtualenv by pip-installing the hook repository (this checkout, as it is now), and `git commit` passes on a
good change and is refused on a bad one. Needs pip to reach a package index for reformctl's dependencies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import GOOD_TASK, REPO, git

# pip's own cache, taken before the fixtures point HOME at a temporary folder: the hook's virtualenv then
# installs reformctl's dependencies without downloading them again on every run
PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")

pytest.importorskip("pre_commit", reason="pre-commit is in the `test` extra: pip install -e '.[test]'")


def snapshot_of_checkout(dst: Path) -> tuple[str, str]:
    """A git repository at ``dst`` whose HEAD is this checkout's working tree as it is now (committed or not,
    like `pre-commit try-repo`), so the hook tested is the code under test. Returns (url, rev)."""
    if (
        shutil.which("git") is None
        or subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True).returncode != 0
    ):
        pytest.skip("this checkout is not a git repository with a commit")
    files = (
        subprocess.run(
            ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for rel in filter(None, files):
        src = REPO / rel
        if src.is_file():
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / rel)
    git(dst, "init", "-q", "-b", "main")
    git(dst, "add", "-A")
    git(dst, "commit", "-q", "-m", "snapshot of the checkout under test")
    assert (dst / ".pre-commit-hooks.yaml").is_file()
    return str(dst), git(dst, "rev-parse", "HEAD").strip()


def commit(repo: Path, message: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "commit", "-m", message], cwd=repo, capture_output=True, text=True, env=env)


def test_hook_definition_is_what_pre_commit_needs():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "reformctl-check"
    assert hook["entry"] == "reformctl check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False


def test_pre_commit_hook_on_a_good_and_a_bad_commit(cli, tmp_path):
    url, rev = snapshot_of_checkout(tmp_path / "hook-repo")
    led = tmp_path / "ledger"
    r = cli("init", led, "--start", "2025-01-01", "--hooks-repo", url, "--hooks-rev", rev)
    assert r.exit_code == 0, r
    config = yaml.safe_load((led / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["repo"] == url and config["repos"][0]["rev"] == rev

    # PYTHONPATH is dropped: the hook must run from its own environment, not from a checkout on the path
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_CACHE_DIR": PIP_CACHE,
        "PRE_COMMIT_COLOR": "never",
    }
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=led, check=True, capture_output=True, env=env)

    # a good change: the hook builds its environment (pip installs the hook repository) and lets it through
    (led / "tasks/T-2025-001.yaml").write_text(GOOD_TASK, encoding="utf-8")
    git(led, "add", "tasks/T-2025-001.yaml")
    head = git(led, "rev-parse", "HEAD")
    r = commit(led, "新增任务 T-2025-001", env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "reformctl check" in r.stdout + r.stderr and "Passed" in r.stdout + r.stderr
    assert git(led, "rev-parse", "HEAD^") == head

    # a bad change: an unknown unit; the commit is refused with the problem shown, nothing committed
    (led / "tasks/T-2025-002.yaml").write_text(
        GOOD_TASK.replace("T-2025-001", "T-2025-002").replace("市委深改办", "不存在的单位"), encoding="utf-8"
    )
    git(led, "add", "tasks/T-2025-002.yaml")
    head = git(led, "rev-parse", "HEAD")
    r = commit(led, "新增任务 T-2025-002", env)
    out = r.stdout + r.stderr
    assert r.returncode != 0, out
    assert "Failed" in out and "unknown_unit" in out and "tasks/T-2025-002.yaml:3" in out
    assert git(led, "rev-parse", "HEAD") == head
    assert git(led, "diff", "--cached", "--name-only").split() == ["tasks/T-2025-002.yaml"]  # still staged

    # the hook's environment is a regular (not editable) install of the checkout: its `init` has the templates
    (exe,) = (tmp_path / "pre-commit-home").glob("repo*/py_env-*/bin/reformctl")
    r = subprocess.run(
        [str(exe), "init", str(tmp_path / "from-wheel"), "--start", "2025-01-01"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    where = subprocess.run(
        [str(exe.parent / "python"), "-c", "import reformctl; print(reformctl.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert "site-packages" in where, where
    assert (tmp_path / "from-wheel/.github/workflows/reformctl.yml").is_file()

    # a change to a file the hook does not look at (files: \.ya?ml$) is not held up by the broken ledger
    git(led, "reset", "-q")
    (led / "notes.txt").write_text("会议记录\n", encoding="utf-8")
    git(led, "add", "notes.txt")
    r = commit(led, "notes", env)
    assert r.returncode == 0, r.stdout + r.stderr
