"""`reformctl init` on a full disk: every step it can fail at (the files, git's templates, config, objects,
index, the commit) refuses with the disk's reason and what to do, in English and Chinese, no traceback, and
leaves nothing behind: no half-written file (a file that could not be written whole stayed, and the next `init`
then found "a ledger" there). A small tmpfs (mounting needs root: skipped elsewhere)."""

from __future__ import annotations

from pathlib import Path

from disks import fill, mounted

from conftest import git, new_repo


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, git's index and refs included; not git's objects: what a refused `git add`
    stored there is unreachable, harmless, and what git's own commands leave too (`git gc` drops it)."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and ".git/objects/" not in p.as_posix())
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


def test_init_on_a_full_disk_leaves_nothing_behind(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("REFORMCTL_INSTALL_SPEC", "reformctl==0.1.0")
    with mounted(tmp_path / "disk", "-t", "tmpfs", "-o", "size=4m,nr_inodes=4000", "tmpfs") as disk:
        said = set()
        for pages in range(0, 200, 3):
            target = disk / f"ledger-{pages}"
            lang = "zh" if pages % 2 else "en"
            filler = fill(disk, pages * 4096)
            try:
                r = cli("init", target, "--start", "2025-01-01", "--lang", lang)
            finally:
                filler.unlink()
            if r.exit_code == 0:
                break
            assert r.exit_code == 1 and "Traceback" not in r.stderr, r
            assert not target.exists(), (pages, r, sorted(target.rglob("*")))
            if lang == "en":
                assert "could not create the ledger" in r.stderr and "the disk is full: free some space" in r.stderr, r
            else:
                assert "无法创建台账" in r.stderr and "磁盘已满，请腾出空间后重试" in r.stderr, r
            said.add(r.stderr.replace("（", "(").split("(", 1)[1][:12])
        else:
            raise AssertionError("init never succeeded")
        assert len(said) >= 3, said  # the full disk met reformctl's files and several of git's steps
        assert cli("check", "--ledger", target).exit_code == 0


def test_init_into_a_repository_on_a_full_disk_leaves_it_as_it_was(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("REFORMCTL_INSTALL_SPEC", "reformctl==0.1.0")
    with mounted(tmp_path / "disk", "-t", "tmpfs", "-o", "size=4m,nr_inodes=4000", "tmpfs") as disk:
        repo = new_repo(disk / "office", {"README.md": "# 区委办公室\n"})
        before = _tree(repo)
        for pages in range(0, 200, 3):
            filler = fill(disk, pages * 4096)
            try:
                r = cli("init", repo / "台账", "--start", "2025-01-01", "--lang", "en")
            finally:
                filler.unlink()
            if r.exit_code == 0:
                break
            assert r.exit_code == 1 and "the disk is full" in r.stderr and "Traceback" not in r.stderr, r
            assert _tree(repo) == before, pages  # git's index and objects included
            assert not (repo / "台账").exists()
        else:
            raise AssertionError("init never succeeded")
        assert git(repo, "status", "--porcelain") == ""
        assert not list((repo / ".git").glob("index.*")), sorted((repo / ".git").iterdir())  # the kept index: gone
        assert cli("check", "--ledger", repo / "台账").exit_code == 0
