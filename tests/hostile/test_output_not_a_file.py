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


ROOT_ONLY = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a link of another user needs root"
)


def _planted(tmp_path: Path, name: str, target: Path) -> Path:
    """A link ``name`` to ``target`` planted by another user ("nobody") in a sticky, world-writable folder."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    link = shared / name
    link.symlink_to(target)
    os.lchown(link, 65534, 65534)
    return link


@ROOT_ONLY
def test_another_users_link_in_a_shared_folder_is_not_followed(cli, tmp_path: Path):
    """In a sticky, world-writable folder such as /tmp, another user's link named like your output could lead the
    write into any file of yours (~/.bashrc): as the kernel's protected_symlinks, such a link is not followed
    (the write is refused, exit 2, both languages, the file it points to untouched); your own link there is."""
    mine = tmp_path / "bashrc"
    mine.write_bytes(b"export KEEP=1\n")
    out = _planted(tmp_path, "report.html", mine)
    shared = out.parent
    args = ["report", "--html", str(out), *AS_OF, "--ledger", SAMPLE]
    r = cli(*args)
    assert r.exit_code == 2 and "report.html" in r.stderr, r
    zh = cli(*args, "--lang", "zh")
    assert zh.exit_code == 2 and "无法写入" in zh.stderr, zh
    assert mine.read_bytes() == b"export KEEP=1\n" and out.is_symlink()
    assert sorted(p.name for p in shared.iterdir()) == ["report.html"]
    os.lchown(out, os.geteuid(), os.getegid())  # the same link, one's own: followed
    assert cli(*args).exit_code == 0 and b"<html" in mine.read_bytes() and out.is_symlink()


def test_a_loop_of_links_is_refused_and_a_chain_followed(tmp_path: Path):
    """Links are followed one by one (each relative to its own folder): a chain leads to its file, a loop is
    refused (too many levels) and nothing is written."""
    from reformctl.views.safe import write_text

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.md").symlink_to("../b/y.md")
    (tmp_path / "b" / "y.md").symlink_to("z.md")
    write_text(tmp_path / "a" / "x.md", "chained\n")
    assert (tmp_path / "b" / "z.md").read_text(encoding="utf-8") == "chained\n"
    assert (tmp_path / "a" / "x.md").is_symlink() and (tmp_path / "b" / "y.md").is_symlink()
    (tmp_path / "l1.md").symlink_to("l2.md")
    (tmp_path / "l2.md").symlink_to("l1.md")
    with pytest.raises(OSError, match="too many levels"):
        write_text(tmp_path / "l1.md", "x")
    assert not list(tmp_path.glob(".reformctl-*"))


@ROOT_ONLY
def test_bundle_does_not_follow_another_users_link_in_a_shared_folder(cli, sample_repo, tmp_path: Path):
    """`bundle OUT` resolved OUT itself before handing it to git: another user's link in /tmp led the bundle into
    the file it named. Refused as every output is (exit 2, both languages); one's own link is followed."""
    mine = tmp_path / "notes.txt"
    mine.write_bytes(b"mine\n")
    out = _planted(tmp_path, "office.bundle", mine)
    r = cli("bundle", str(out), "--ledger", sample_repo)
    assert r.exit_code == 2 and "cannot write" in r.stderr and "office.bundle" in r.stderr, r
    zh = cli("bundle", str(out), "--ledger", sample_repo, "--lang", "zh")
    assert zh.exit_code == 2 and "无法写入" in zh.stderr, zh
    assert mine.read_bytes() == b"mine\n" and out.is_symlink()
    os.lchown(out, os.geteuid(), os.getegid())
    assert cli("bundle", str(out), "--ledger", sample_repo).exit_code == 0
    assert mine.read_bytes().startswith(b"# v2 git bundle") and out.is_symlink()


@ROOT_ONLY
def test_init_does_not_follow_another_users_link_in_a_shared_folder(cli, tmp_path: Path):
    """`init /tmp/台账` where another user planted that name as a link to an empty folder of yours would have made
    the ledger (and a git repository) there: refused as an output's link is (exit 2, both languages)."""
    mine = tmp_path / "empty"
    mine.mkdir()
    where = _planted(tmp_path, "台账", mine)
    r = cli("init", str(where), "--start", "2025-01-01")
    assert r.exit_code == 2 and "cannot make the ledger at" in r.stderr, r
    zh = cli("init", str(where), "--start", "2025-01-01", "--lang", "zh")
    assert zh.exit_code == 2 and "无法在" in zh.stderr, zh
    assert list(mine.iterdir()) == [] and where.is_symlink()
