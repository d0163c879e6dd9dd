"""Writing many files at once (store.write_files, used by every commit): the same guarantees as one by one."""

from __future__ import annotations

import errno
import os

import pytest

from conftest import git

CARRY = []
for _i in ("T-2016-003", "T-2016-013", "T-2016-027"):
    CARRY += ["--carry-over", _i, "--reason", "原因", "--measures", "措施", "--new-due", "2017-06-30"]


def test_write_files_writes_deletes_and_keeps_modes(tmp_path):
    from reformctl.store import write_files

    old = tmp_path / "a" / "old.yaml"
    old.parent.mkdir()
    old.write_bytes(b"old\n")
    os.chmod(old, 0o600)
    gone = tmp_path / "a" / "gone.yaml"
    gone.write_bytes(b"x\n")
    files = {tmp_path / "b" / f"{i}.yaml": f"第{i}个\n".encode() for i in range(20)}
    files[old] = b"new\n"
    files[gone] = None
    umask = os.umask(0o022)
    try:
        write_files(files)
        assert os.umask(0o022) == 0o022  # the process umask is left as it was
    finally:
        os.umask(umask)
    assert old.read_bytes() == b"new\n" and (old.stat().st_mode & 0o777) == 0o600
    assert not gone.exists()
    for i in range(20):
        p = tmp_path / "b" / f"{i}.yaml"
        assert p.read_bytes() == f"第{i}个\n".encode() and (p.stat().st_mode & 0o777) == 0o644
    assert not [p for p in tmp_path.rglob("*reformctl-tmp")]


def test_write_files_finishes_the_others_then_raises(tmp_path):
    from reformctl.store import write_files

    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    files = {tmp_path / f"{i}.yaml": b"x\n" for i in range(10)}
    files[blocker / "child.yaml"] = b"y\n"  # its folder is a file: cannot be written
    with pytest.raises(OSError):
        write_files(files)
    assert all((tmp_path / f"{i}.yaml").read_bytes() == b"x\n" for i in range(10))


def test_a_close_out_whose_write_fails_changes_nothing(sample_repo, cli, monkeypatch):
    """A disk error on one of the many files close-out writes: every file is put back, HEAD does not move."""
    from reformctl.store import files

    real = files.atomic_write
    seen = []

    def flaky(path, data, **kw):
        seen.append(path)
        if path.name == "T-2016-014.yaml":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data, **kw)

    monkeypatch.setattr(files, "atomic_write", flaky)
    head = git(sample_repo, "rev-parse", "HEAD")
    r = cli("close-out", "--year", "2016", "--as-of", "2016-12-31", *CARRY, "--ledger", sample_repo)
    assert r.exit_code == 1 and "No space left" in r.stderr and "nothing was changed" in r.stderr
    assert len(seen) > 10  # the files were being written
    assert git(sample_repo, "rev-parse", "HEAD") == head
    assert git(sample_repo, "status", "--porcelain", "--untracked-files=all") == ""
    assert not list(sample_repo.rglob("*reformctl-tmp"))
    assert not (sample_repo / ".git" / "reformctl-journal.json").exists()


@pytest.mark.parametrize("n", [1, 3, 49, 120])
def test_hash_blobs_gives_the_ids_git_gives(tmp_path, n):
    from reformctl.store import Git

    git(tmp_path, "init", "-q")
    datas = [f"id: T-{i}\ntitle: 第{i}项\n".encode() * (i % 3 + 1) for i in range(n)]
    datas[0] = b""  # an empty blob too
    shas = Git(tmp_path).hash_blobs(datas)
    for data, sha in zip(datas, shas):
        path = tmp_path / "x"
        path.write_bytes(data)
        assert sha == git(tmp_path, "hash-object", "--no-filters", "x").strip()
        assert git(tmp_path, "cat-file", "-t", sha).strip() == "blob"  # written, not only hashed
