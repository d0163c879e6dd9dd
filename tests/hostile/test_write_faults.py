"""A read-only repository and a full disk during a write: every write command refuses with a clear message (exit 1,
in English and Chinese, no traceback, never "this is a bug"), and HEAD, git's index and every file are as before,
with no temporary file left behind, whichever step of the write the fault hits.

Root ignores file permissions, so the read-only cases run the command without that power (``setpriv`` drops
CAP_DAC_OVERRIDE) when the suite runs as root; the full disk is a small tmpfs (mount needs root: skipped
elsewhere) and, everywhere, a file size limit (RLIMIT_FSIZE: every write past it fails with EFBIG)."""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from disks import fill as _fill
from disks import mounted as _mounted
from write_invariant import Before, assert_invariant, git

from conftest import REPO

DONE_TASK = """\
id: {id}
title: 已完成的任务{n}
year: 2016
lead_unit: 市发改委
start: 2016-01-05
due: 2016-06-30
status: completed
completed: 2016-06-01
"""

WRITES = {
    "progress": ["progress", "T-2016-003", "基金管理机构已选定", "--as-of", "2016-10-20"],
    "new": ["new", "event", "--kind", "training", "--unit", "市委深改办", "--as-of", "2016-11-10"],
    "close-out": ["close-out", "T-2016-002", "--as-of", "2017-01-10"],
    "review": ["review", "RN-2016-001", "1", "--due", "2017-03-01", "--as-of", "2016-12-01"],
    "assess": ["assess", "--year", "2016", "--as-of", "2017-01-31", "--write"],
}


def _strays(repo: Path) -> list[str]:
    """reformctl's own temporary files anywhere in the repository, its git folder included."""
    out = []
    for folder, _dirs, files in os.walk(repo):
        for name in files:
            if (
                name.endswith(".reformctl-tmp")
                or name.startswith(("reformctl-index-", "reformctl-hook-index-", "reformctl-journal"))
                or (name.endswith(".lock") and name != "reformctl.lock")  # the lock file itself stays, by design
            ):
                out.append(os.path.relpath(os.path.join(folder, name), repo))
    return out


def _index(repo: Path) -> str:
    """What git's index holds (git may rewrite its file to refresh the files' times: that is not a change)."""
    return git(repo, "ls-files", "--stage")


def assert_refused_cleanly(before: Before, r, cli, index: str) -> None:
    assert r.exit_code == 1, r
    assert "Traceback" not in r.stderr and "bug" not in r.stderr, r
    assert "nothing was changed" in r.stderr.lower() or "未做任何修改" in r.stderr, r
    assert not assert_invariant(before, r, cli)
    assert _index(before.repo) == index
    assert _strays(before.repo) == []


# ---------------------------------------------------------------- read-only: permissions
def _unprivileged() -> list[str]:
    """The prefix that runs a command without the power to ignore file permissions (none needed when not root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("needs setpriv to run as root without CAP_DAC_OVERRIDE")
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]
    if subprocess.run([*drop, "true"], capture_output=True).returncode != 0:
        pytest.skip("setpriv cannot drop capabilities here")
    return drop


def _run(repo: Path, argv: list[str], prefix: list[str] = (), preexec=None, lang: str = "en"):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "reformctl", *argv, "--ledger", str(repo), "--lang", lang],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=preexec,
    )

    class R:
        exit_code, stdout, stderr = proc.returncode, proc.stdout, proc.stderr

        def __repr__(self):
            return f"<exit {proc.returncode}\n{proc.stderr[-3000:]}>"

    return R()


def _read_only(path: Path, *, recurse: bool = True) -> None:
    paths = [path]
    if recurse:
        paths += [Path(f) / n for f, ds, fs in os.walk(path) for n in ds + fs]
    for p in paths:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _writable(path: Path) -> None:
    for f, ds, fs in os.walk(path):
        for n in [*ds, *fs]:
            p = Path(f) / n
            if not p.is_symlink():
                p.chmod(p.stat().st_mode | stat.S_IWUSR)
    path.chmod(path.stat().st_mode | stat.S_IWUSR)


def _read_only_run(repo: Path, where: str, argv: list[str], prefix: list[str], lang: str = "en"):
    try:
        if where == "repository":
            _read_only(repo)
        elif where == "work tree":
            for folder in ("tasks", "events", "notices", "assessments"):
                _read_only(repo / folder)
        else:
            _read_only(repo / ".git" / "objects")
        return _run(repo, argv, prefix, lang=lang)
    finally:
        _writable(repo)


@pytest.mark.parametrize(
    "where, command",
    [
        # nothing can be written: the lock file is the first refusal
        ("repository", "progress"),
        ("repository", "new"),
        ("repository", "close-out"),
        ("repository", "review"),
        ("repository", "assess"),
        # the git folder is writable, the ledger's files are not: the write of a file fails, after git's objects
        ("work tree", "progress"),
        ("work tree", "close-out"),
        ("work tree", "assess"),
        # the files could be written, git cannot store the new version
        ("objects", "progress"),
        ("objects", "new"),
    ],
)
def test_a_read_only_repository_refuses_every_write(sample_repo, cli, where, command):
    prefix = _unprivileged()
    git(sample_repo, "config", "core.fileMode", "false")
    before, index = Before(sample_repo), _index(sample_repo)
    r = _read_only_run(sample_repo, where, WRITES[command], prefix)
    assert_refused_cleanly(before, r, cli, index)
    assert "Permission denied" in r.stderr and "may not write" in r.stderr, r
    # and the same command writes once the repository may be written again
    assert assert_invariant(before, _run(sample_repo, WRITES[command], prefix), cli)


def test_a_read_only_repository_is_said_in_chinese(sample_repo, cli):
    prefix = _unprivileged()
    for where in ("repository", "work tree"):
        before, index = Before(sample_repo), _index(sample_repo)
        r = _read_only_run(sample_repo, where, WRITES["progress"], prefix, lang="zh")
        assert_refused_cleanly(before, r, cli, index)
        assert "没有写入" in r.stderr and "未做任何修改" in r.stderr, r


def test_read_only_repository_still_reads(sample_repo):
    prefix = _unprivileged()
    _read_only(sample_repo)
    try:
        for argv in (["check"], ["status", "--as-of", "2016-12-31"], ["progress", *WRITES["progress"][1:], "-n"]):
            r = _run(sample_repo, argv, prefix)
            assert r.exit_code in (0, 1) and "Traceback" not in r.stderr and "bug" not in r.stderr, (argv, r)
    finally:
        _writable(sample_repo)


# ---------------------------------------------------------------- a full disk
def _many_done_tasks(root: Path, n: int) -> None:
    (root / "tasks").mkdir(parents=True, exist_ok=True)
    for i in range(1, n + 1):
        tid = f"T-2016-{i:03d}"
        (root / "tasks" / f"{tid}.yaml").write_text(DONE_TASK.format(id=tid, n=i), encoding="utf-8")


@pytest.mark.parametrize("command", ["progress", "close-out --year"])
def test_a_full_disk_at_every_step_of_a_write_refuses_cleanly(make_ledger, cli, tmp_path, monkeypatch, command):
    """The write is run again and again with one more page (4 KiB) of free space each time: every step of the
    write (the lock, git's objects and index, the journal, each file, the branch) meets the full disk once."""
    with _mounted(tmp_path / "disk", "-t", "tmpfs", "-o", "size=4m,nr_inodes=4000", "tmpfs") as disk:
        monkeypatch.setenv("TMPDIR", str(disk / "tmp"))
        (disk / "tmp").mkdir()
        import tempfile

        monkeypatch.setattr(tempfile, "tempdir", None)
        repo = disk / "repo"
        shutil.copytree(make_ledger(), repo)
        _many_done_tasks(repo, 12)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "initial")
        if command == "progress":
            text = (repo / "tasks/T-2016-001.yaml").read_text(encoding="utf-8")
            text = text.replace("status: completed\ncompleted: 2016-06-01\n", "status: in_progress\n")
            (repo / "tasks/T-2016-001.yaml").write_text(text, encoding="utf-8")
            git(repo, "commit", "-qam", "in progress")
            # a note git cannot compress much, so that the file, the journal and git's objects span several pages
            rnd = random.Random(13)
            note = "".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(6000))
            argv = ["progress", "T-2016-001", note, "--as-of", "2016-05-01"]
        else:
            argv = ["close-out", "--year", "2016", "--as-of", "2016-12-31"]
        refusals = set()
        objects = set((repo / ".git" / "objects").rglob("*"))
        for pages in range(0, 200):
            before, index = Before(repo), _index(repo)
            filler = _fill(disk, pages * 4096)
            try:
                r = cli(*argv, "--ledger", repo)
            finally:
                filler.unlink()
            if r.exit_code == 0:
                break
            assert_refused_cleanly(before, r, cli, index)
            assert "No space left" in r.stderr or "disk" in r.stderr.lower(), r
            refusals.add(r.stderr.strip().splitlines()[-1].split(":")[1])
            for obj in set((repo / ".git" / "objects").rglob("*")) - objects:  # what the refused write stored:
                if obj.is_file():  # the next try must store it again
                    obj.unlink()
        else:
            pytest.fail("the write never succeeded")
        assert assert_invariant(before, r, cli), r
        # the full disk met git (objects, index), the journal, then a ledger file (which was put back)
        assert any("git could not write" in x for x in refusals), refusals
        assert any("reformctl-journal" in x for x in refusals), refusals
        assert any(x.endswith(".yaml") for x in refusals), refusals


def test_a_read_only_file_system_refuses(sample_repo, cli):
    """A repository on a file system mounted read-only (EROFS: root cannot write there either)."""
    before, index = Before(sample_repo), _index(sample_repo)
    with _mounted(sample_repo, "--bind", str(sample_repo)):
        p = subprocess.run(["mount", "-o", "remount,ro,bind", str(sample_repo)], capture_output=True)
        if p.returncode != 0:
            pytest.skip("cannot remount read-only here")
        r = cli(*WRITES["close-out"], "--ledger", sample_repo)
        zh = cli(*WRITES["close-out"], "--ledger", sample_repo, "--lang", "zh")
        status = cli("status", "--as-of", "2016-12-31", "--ledger", sample_repo)
    assert_refused_cleanly(before, r, cli, index)
    assert "Read-only file system" in r.stderr and "writable" in r.stderr, r
    assert "只读" in zh.stderr and "未做任何修改" in zh.stderr, zh
    assert status.exit_code == 0, status


def _limit_file_size(limit: int):
    def preexec():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


def test_a_file_size_limit_refuses_cleanly(sample_repo, cli):
    """RLIMIT_FSIZE (``ulimit -f``, a quota-like fault that needs no privilege): whatever the first file it
    stops, the write refuses and changes nothing."""
    argv = ["progress", "T-2016-003", "进展" * 2000, "--as-of", "2016-10-20"]
    refusals = set()
    for limit in (512, 4096, 9000, 13000, 16000, 19000, 1 << 20):
        before, index = Before(sample_repo), _index(sample_repo)
        r = _run(sample_repo, argv, preexec=_limit_file_size(limit))
        if r.exit_code == 0:
            break
        assert_refused_cleanly(before, r, cli, index)
        assert "File too large" in r.stderr and "ulimit -f" in r.stderr, r
        refusals.add(r.stderr.strip().splitlines()[-1])
    assert assert_invariant(before, r, cli), r
    assert len(refusals) >= 2, refusals  # the limit met git's files and reformctl's own
    git(sample_repo, "reset", "-q", "--hard", "HEAD^")
    before, index = Before(sample_repo), _index(sample_repo)
    zh = _run(sample_repo, argv, preexec=_limit_file_size(4096), lang="zh")
    assert_refused_cleanly(before, zh, cli, index)
    assert "文件超过允许的大小" in zh.stderr and "ulimit -f" in zh.stderr, zh


def test_a_file_that_cannot_be_put_back_keeps_the_journal_for_recover(make_ledger, cli, tmp_path):
    """The disk fills up once a file was written (another program took the last space), so that the file cannot
    be put back either: the branch does not move, the journal stays, every command points at `reformctl
    recover`, which rolls the file back once there is space again."""
    import datetime as dt

    from reformctl.store import Action, Store, StoreError

    with _mounted(tmp_path / "disk", "-t", "tmpfs", "-o", "size=4m", "tmpfs") as disk:
        repo = disk / "repo"
        shutil.copytree(make_ledger(), repo)
        _many_done_tasks(repo, 3)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "initial")
        rel = "tasks/T-2016-002.yaml"
        before = Before(repo)
        store = Store(repo)
        fillers = []

        def disk_full():
            assert (repo / rel).read_bytes() != before.files[rel]  # written
            fillers.append(_fill(disk, 0))
            raise OSError(28, "No space left on device", str(repo / "tasks/T-2016-003.yaml"))

        def build(tx):
            tx.write_text(rel, tx.read(rel) + "# 备注\n")

        store._before_update_ref = disk_full
        with pytest.raises(StoreError) as info:
            store.apply(Action("progress", ["T-2016-002"], "记录进展", dt.date(2016, 10, 20)), build)
        msg = str(info.value)
        assert "could not all be put back" in msg and rel in msg and "reformctl recover" in msg, msg
        assert git(repo, "rev-parse", "HEAD") == before.head
        r = cli("status", "--ledger", repo)
        assert r.exit_code == 1 and "reformctl recover" in r.stderr, r
        fillers[0].unlink()  # space again
        r = cli("recover", "--ledger", repo)
        assert r.exit_code == 0 and "rolled back" in r.stderr, r
        assert git(repo, "rev-parse", "HEAD") == before.head
        assert Before(repo).files == before.files
        assert _strays(repo) == []


def test_only_the_commit_object_cannot_be_stored(sample_repo, cli):
    """The files' objects are in git already (an earlier try stored them), only the commit is new: git's refusal
    to store it is said like any other (not as an unexplained git error)."""
    prefix = _unprivileged()
    argv = ["progress", "T-2016-003", "基金管理机构已选定", "--as-of", "2016-10-20"]
    before, index = Before(sample_repo), _index(sample_repo)
    first = _read_only_run(sample_repo, "work tree", argv, prefix)  # stores the blob and trees, then fails
    assert_refused_cleanly(before, first, cli, index)
    r = _read_only_run(sample_repo, "objects", argv, prefix, lang="zh")
    assert_refused_cleanly(before, r, cli, index)
    assert "没有写入" in r.stderr and "权限不足" in r.stderr, r


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_an_output_lost_after_the_commit_says_the_write_is_done(sample_repo, cli):
    """`new` prints the new id; when that output cannot be written (`> /dev/full`) the commit is made already:
    exit 0 and a message naming it, not exit 2 "cannot write the output" (read as a failed write, and run
    again: a second item). A dry run that cannot print its diff is still exit 2, nothing written."""
    argv = [sys.executable, "-m", "reformctl", *WRITES["new"], "--ledger", str(sample_repo)]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for lang, words, reason in (
        ("en", "the change was committed", "No space left on device"),
        ("zh", "已完成提交", "磁盘空间已满"),  # the system's reason in Chinese too
    ):
        before = Before(sample_repo)
        with open("/dev/full", "wb") as full:
            p = subprocess.run([*argv, "--lang", lang], env=env, stdout=full, stderr=subprocess.PIPE, text=True)
        assert p.returncode == 0 and words in p.stderr and reason in p.stderr, p.stderr

        class R:
            exit_code, stdout, stderr = p.returncode, "", p.stderr

        assert assert_invariant(before, R, cli)
        assert git(sample_repo, "log", "-1", "--format=%h") in p.stderr
    before = Before(sample_repo)
    with open("/dev/full", "wb") as full:  # not even the message gets out: the exit code says it is done
        p = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=full, text=True)
    assert p.returncode == 0 and git(sample_repo, "rev-list", "--count", f"{before.head}..HEAD") == "1"
    before = Before(sample_repo)
    with open("/dev/full", "wb") as full:
        p = subprocess.run([*argv, "--dry-run"], env=env, stdout=full, stderr=subprocess.PIPE, text=True)
    assert p.returncode == 2 and "cannot write the output" in p.stderr and "committed" not in p.stderr, p.stderr
    assert git(sample_repo, "rev-parse", "HEAD") == before.head
