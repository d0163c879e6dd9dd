"""An output path that is a named pipe (or a device, or a socket): every command that writes a file refuses it
(exit 2, in English and Chinese) and leaves it as it was. Each writes a temporary file beside its output and
renames it over the output: run as root, `reformctl bundle /dev/null` replaced /dev/null with a file. (A named
pipe stands for the device here: a test must not touch /dev.)"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import SAMPLE

AS_OF = ["--as-of", "2016-12-31"]
COMMANDS = {
    "export": (["export", "--xlsx", "{out}", *AS_OF], "out.xlsx"),
    "report": (["report", "--html", "{out}", *AS_OF], "out.html"),
    "calendar": (["calendar", "--ics", "{out}", *AS_OF], "out.ics"),
    "accountability": (["accountability", "--year", "2016", "--xlsx", "{out}"], "out.xlsx"),
    "schedule": (["schedule", "--year", "2016", "--xlsx", "{out}", *AS_OF], "out.xlsx"),
    "cases": (["cases", "--year", "2016", "--markdown", "{out}"], "out.md"),
    "assess": (["assess", "--year", "2016", "--xlsx", "{out}", *AS_OF], "out.xlsx"),
    "cli-reference": (["cli-reference", "--out", "{out}"], "cli.md"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_that_is_a_pipe_is_refused_and_left_alone(cli, tmp_path: Path, command: str):
    argv, name = COMMANDS[command]
    out = tmp_path / name
    os.mkfifo(out)
    args = [a.replace("{out}", str(out)) for a in argv]
    r = cli(*args, "--ledger", SAMPLE) if command != "cli-reference" else cli(*args)
    assert r.exit_code == 2, r
    assert "is a device, a pipe or a socket, not a file" in r.stderr, r
    assert stat.S_ISFIFO(out.lstat().st_mode) and sorted(p.name for p in tmp_path.iterdir()) == [name]
    if command != "cli-reference":  # a hidden command for the project's own docs: English only
        zh = cli(*args, "--ledger", SAMPLE, "--lang", "zh")
        assert zh.exit_code == 2 and "是设备、管道或套接字，不是文件" in zh.stderr, zh


def test_the_writer_itself_refuses_a_pipe(tmp_path: Path):
    """The one place that writes output files refuses too (a library caller, or a pipe made after the check)."""
    from reformctl.views.safe import write_text

    out = tmp_path / "out.md"
    os.mkfifo(out)
    with pytest.raises(OSError, match="not a regular file"):
        write_text(out, "x")
    assert stat.S_ISFIFO(out.lstat().st_mode) and [p.name for p in tmp_path.iterdir()] == ["out.md"]


@pytest.mark.parametrize("command", ["report", "calendar", "cases"])
def test_an_output_the_disk_refuses_says_why_in_the_users_language(cli, tmp_path: Path, command: str):
    """A full disk under an output file: the system's reason in Chinese too (it was the system's English), exit 2,
    nothing left behind."""
    from disks import fill, mounted

    argv, name = COMMANDS[command]
    with mounted(tmp_path / "disk", "-t", "tmpfs", "-o", "size=1m", "tmpfs") as disk:
        out = disk / name
        args = [a.replace("{out}", str(out)) for a in argv]
        filler = fill(disk, 0)
        try:
            en = cli(*args, "--ledger", SAMPLE)
            zh = cli(*args, "--ledger", SAMPLE, "--lang", "zh")
        finally:
            filler.unlink()
        assert en.exit_code == zh.exit_code == 2, (en, zh)
        assert "No space left on device" in en.stderr and "磁盘空间已满" in zh.stderr, (en, zh)
        assert "No space left" not in zh.stderr, zh
        assert [p.name for p in disk.iterdir()] == [], list(disk.iterdir())


@pytest.mark.parametrize("command", ["report", "cases", "cli-reference"])
def test_an_output_that_is_a_symbolic_link_is_followed_and_kept(cli, tmp_path: Path, command: str):
    """An office keeps `report.html` as a link into the folder its web server shows: the file it points to is
    written, the link stays a link (it was replaced by a plain file, and the served file kept the old report);
    a link pointing nowhere yet makes its file, as the shell's `>` does; a link to a pipe is refused."""
    argv, name = COMMANDS[command]
    served = tmp_path / "www"
    served.mkdir()
    (served / name).write_bytes(b"old\n")
    out = tmp_path / name
    out.symlink_to(served / name)
    args = [a.replace("{out}", str(out)) for a in argv]
    r = cli(*args, "--ledger", SAMPLE) if command != "cli-reference" else cli(*args)
    assert r.exit_code == 0, r
    assert out.is_symlink() and os.readlink(out) == str(served / name)
    assert (served / name).read_bytes() not in (b"", b"old\n") and sorted(p.name for p in served.iterdir()) == [name]
    out.unlink()
    out.symlink_to(served / ("new-" + name))
    r = cli(*args, "--ledger", SAMPLE) if command != "cli-reference" else cli(*args)
    assert r.exit_code == 0 and out.is_symlink() and (served / ("new-" + name)).stat().st_size > 0, r
    out.unlink()
    os.mkfifo(served / "pipe")
    out.symlink_to(served / "pipe")
    r = cli(*args, "--ledger", SAMPLE) if command != "cli-reference" else cli(*args)
    assert r.exit_code == 2 and "is a device, a pipe or a socket, not a file" in r.stderr, r
    assert out.is_symlink() and stat.S_ISFIFO((served / "pipe").lstat().st_mode)
