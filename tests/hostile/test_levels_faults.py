"""A full disk under the office above: `fetch` of a member's ledger fails with a clear message (exit 1, the member
named, no traceback), the copy fetched before stays whole and the roll-up goes on with its commit; `status
--members` answers the same with no space left for what it remembers. The disk is a small tmpfs (mounting needs
root: skipped elsewhere); the city's repository lives on it, the members elsewhere."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from disks import fill, mounted
from test_levels import commit_all, fetch_lines, make_city, make_district, status_rows

from conftest import git


def _big_district(tmp_path: Path, seed: int) -> Path:
    """A district whose objects span many pages: notes of random characters git cannot compress much."""
    rnd = random.Random(seed)
    extra = {}
    for i in range(2, 8):
        note = "".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(3000))
        extra[f"tasks/T-{i}.yaml"] = (
            f"id: T-{i}\ntitle: 区任务{i}\nlead_unit: 区委深改办\nstart: 2016-07-01\ndue: 2016-11-30\n"
            f"status: in_progress\nprogress:\n  - {{date: 2016-08-01, note: {note}}}\n"
        )
    return make_district(tmp_path, "wuhou", "武侯区台账", extra)


def _fetch_on_a_fuller_and_fuller_disk(cli, city: Path, disk: Path) -> tuple[object, int]:
    """`fetch` with one more page (4 KiB) free each time until it succeeds: every failure is clean, names the
    member and says the disk is full, in English and in Chinese."""
    for pages in range(0, 400):
        filler = fill(disk, pages * 4096)
        try:
            r = cli("fetch", "--ledger", city)
            zh = cli("fetch", "--ledger", city, "--lang", "zh") if r.exit_code else None
        finally:
            filler.unlink()
        if r.exit_code == 0:
            return r, pages
        assert zh is not None and r.exit_code == zh.exit_code == 1, (r, zh)
        assert "Traceback" not in r.stderr + zh.stderr and "bug" not in r.stderr.lower(), r
        assert "武侯区委" in r.stderr and "No space left on device" in r.stderr, r
        assert "武侯区委" in zh.stderr and "获取下级台账" in zh.stderr, zh
        if "git could not write the member's copy" in r.stderr:  # past git's own first words, what to do
            assert "the disk is full: free some space" in r.stderr, r
            assert "磁盘已满，请腾出空间后重试" in zh.stderr, zh
    raise AssertionError("fetch never succeeded")


def test_fetch_on_a_full_disk_fails_cleanly_and_keeps_the_last_copy(cli, tmp_path):
    member = _big_district(tmp_path, 7)
    with mounted(tmp_path / "disk", "-t", "tmpfs", "-o", "size=4m,nr_inodes=4000", "tmpfs") as disk:
        city = make_city(disk, f"  - {{unit: 武侯区委, repo: {member}}}\n")
        r, pages = _fetch_on_a_fuller_and_fuller_disk(cli, city, disk)
        assert pages > 0, pages  # the first tries met the full disk
        first = git(member, "rev-parse", "HEAD").strip()
        assert fetch_lines(r.stdout)["武侯区委"][1] == first
        before = status_rows(cli, city)
        assert "武侯区委" in {row["member"] for row in before}

        # no space at all: the roll-up answers the same (what it would remember is simply not written)
        filler = fill(disk, 0)
        try:
            assert status_rows(cli, city) == before
            zh = cli("fetch", "--ledger", city, "--lang", "zh")
        finally:
            filler.unlink()
        assert zh.exit_code == 0, zh  # nothing new to fetch: nothing to write

        # a new commit on the member: every fetch the disk refuses leaves the last copy as the roll-up reads it
        (member / "tasks" / "T-2.yaml").write_text(
            (member / "tasks" / "T-2.yaml").read_text("utf-8").replace("due: 2016-11-30", "due: 2017-03-31"), "utf-8"
        )
        shutil.copy(member / "tasks" / "T-3.yaml", member / "tasks" / "T-9.yaml")
        (member / "tasks" / "T-9.yaml").write_text(
            (member / "tasks" / "T-9.yaml").read_text("utf-8").replace("T-3", "T-9"), "utf-8"
        )
        second = commit_all(member, "more")
        for pages in range(0, 400):
            filler = fill(disk, pages * 4096)
            try:
                r = cli("fetch", "--ledger", city)
                rows = status_rows(cli, city) if r.exit_code else None
            finally:
                filler.unlink()
            if r.exit_code == 0:
                break
            assert r.exit_code == 1 and "武侯区委" in r.stderr and "Traceback" not in r.stderr, r
            assert rows == before  # the copy fetched before, whole
        else:
            raise AssertionError("fetch never succeeded")
        assert fetch_lines(r.stdout)["武侯区委"][1] == second
        after = status_rows(cli, city)
        assert after != before and "武侯区委" in {row["member"] for row in after}
        assert cli("check", "--members", "--ledger", city).exit_code == 0


def test_bundle_on_a_full_disk_says_so_and_leaves_nothing(cli, tmp_path):
    """The member's side: `bundle OUT` on a full disk fails with the reason and what to do, in both languages,
    and leaves neither a half-written bundle nor git's lock file."""
    member = _big_district(tmp_path, 11)
    with mounted(tmp_path / "disk", "-t", "tmpfs", "-o", "size=1m", "tmpfs") as disk:
        out = disk / "wuhou.bundle"
        filler = fill(disk, 0)
        try:
            en = cli("bundle", out, "--ledger", member)
            zh = cli("bundle", out, "--ledger", member, "--lang", "zh")
        finally:
            filler.unlink()
        assert en.exit_code == zh.exit_code == 2, (en, zh)
        assert "the disk is full: free some space and try again" in en.stderr, en
        assert "无法写出 git bundle" in zh.stderr and "磁盘已满，请腾出空间后重试" in zh.stderr, zh
        assert [p.name for p in disk.iterdir()] == []
        assert cli("bundle", out, "--ledger", member).exit_code == 0 and out.is_file()  # with space: written
