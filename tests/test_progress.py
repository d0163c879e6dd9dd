"""Long work shows a Rich progress bar on a terminal only: nothing but the closing line when stderr is a pipe."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def run(args, cwd, stderr_tty: bool):
    env = dict(os.environ, TERM="xterm", COLUMNS="100")
    if not stderr_tty:
        p = subprocess.run(
            [sys.executable, "-m", "reformctl", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
        )
        return p.returncode, p.stderr
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    try:
        p = subprocess.Popen(
            [sys.executable, "-m", "reformctl", *args],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=slave,
            stdin=subprocess.DEVNULL,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        code = p.wait(timeout=300)
    finally:
        os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--xlsx", "{tmp}/a.xlsx"],
        ["report", "--html", "{tmp}/a.html"],
    ],
)
def test_progress_only_on_a_terminal(sample_copy, tmp_path, command):
    args = [a.format(tmp=tmp_path) for a in command] + ["--ledger", str(sample_copy), "--as-of", "2016-12-31"]
    code, err = run(args, tmp_path, stderr_tty=False)
    assert code == 0, err
    assert err.count("\n") == 1 and err.startswith("wrote "), err  # the closing line only
    assert "\x1b[" not in err
    code, err = run(args, tmp_path, stderr_tty=True)
    assert code == 0, err
    assert "\x1b[" in err  # Rich drew (and cleared) a live progress bar
    assert ("导出 xlsx" if command[0] == "export" else "报告") in err
    assert "wrote " in err
