"""Fetching a member while another reformctl fetches it, and after a fetch was killed: one fetch at a time per
member's store (a lock the system releases when its holder dies), and what a killed git left in the store (its
lock files, half-written packs) cleared under that lock. Real git repositories, the real CLI."""

from __future__ import annotations

import fcntl
import os

from test_levels import commit_all, fetch_lines, make_city, make_district

from conftest import git, write_files


def _store(city):
    [store] = [p for p in (city / ".git" / "reformctl" / "members").iterdir() if p.is_dir()]
    return store


def test_a_fetch_killed_half_way_does_not_block_the_next_ones(cli, tmp_path):
    """git killed during a fetch (kill -9, a power cut) leaves its lock files in the store: every later fetch
    failed ("Unable to create '.../member.lock': File exists ... remove the file manually") until someone found
    and removed it by hand. They are the leftovers of a dead git (no other fetch runs: the store's lock is held),
    so they are removed and the fetch goes on."""
    wuhou = make_district(tmp_path, "wuhou", "武侯区台账")
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    store = _store(city)
    left = [
        store / "refs" / "reformctl" / "member.lock",
        store / "packed-refs.lock",
        store / "config.lock",
        store / "objects" / "pack" / "tmp_pack_Xy12ab",
    ]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    write_files(wuhou, {"tasks/T-2.yaml": "id: T-2\ntitle: 新任务\nlead_unit: 区委深改办\ndue: 2017-06-30\n"})
    head = commit_all(wuhou, "more")
    r = cli("fetch", "--ledger", city)
    assert r.exit_code == 0, r
    assert fetch_lines(r.stdout)["武侯区委"][1:4:2] == [head, "2"], r.stdout
    assert not [p for p in left if p.exists()], left
    assert git(wuhou, "status", "--porcelain") == ""  # the member's own repository untouched


def test_a_second_fetch_waits_for_the_first_then_says_so(cli, tmp_path, monkeypatch):
    """Two fetches of one member at once (a scheduled job and a person): the second waits for the store's lock
    (REFORMCTL_LOCK_TIMEOUT), then says another reformctl is fetching it (exit 1, both languages) and leaves the
    store alone; the other members are fetched. The lock goes with its holder: the next fetch succeeds."""
    wuhou = make_district(tmp_path, "wuhou", "武侯区台账")
    jinjiang = make_district(tmp_path, "jinjiang", "锦江区台账")
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: {jinjiang}}}\n")
    r = cli("fetch", "--ledger", city, "武侯区委")
    assert r.exit_code == 0, r
    store = _store(city)
    before = (store / "refs" / "reformctl" / "member").read_bytes()
    monkeypatch.setenv("REFORMCTL_LOCK_TIMEOUT", "0.3")
    fd = os.open(store.with_name(store.name + ".fetching"), os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # the other fetch
        write_files(wuhou, {"tasks/T-2.yaml": "id: T-2\n"})
        commit_all(wuhou, "more")
        r = cli("fetch", "--ledger", city)
        zh = cli("fetch", "--ledger", city, "武侯区委", "--lang", "zh")
    finally:
        os.close(fd)
    assert r.exit_code == 1, r
    assert "another reformctl has been fetching this member" in r.stderr and "武侯区委" in r.stderr, r.stderr
    assert set(fetch_lines(r.stdout)) == {"锦江区委"}, r.stdout
    assert zh.exit_code == 1 and "另一个 reformctl 已在获取该下级" in zh.stderr, zh.stderr
    assert (store / "refs" / "reformctl" / "member").read_bytes() == before
    r = cli("fetch", "--ledger", city, "武侯区委")
    assert r.exit_code == 0 and fetch_lines(r.stdout)["武侯区委"][1] == git(wuhou, "rev-parse", "HEAD").strip(), r
