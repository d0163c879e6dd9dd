"""A doctored cache entry is never trusted: the cache sits in the ledger folder when there is no git, so
anyone who can write there could plant records for a file. Cache files are sealed with a key of the user's
own (outside the ledger); an entry without that seal is not read."""

from __future__ import annotations

import json
import pickle

from reformctl.load import cache as C

TASK = """\
id: T-1
title: 原来的标题
lead_unit: 市发改委
start: 2016-07-01
due: 2016-09-30
status: in_progress
"""


def doctor(root, change) -> int:
    """What an attacker who can write the ledger folder does: unpickle each cache file (skipping a seal they
    cannot make), change the records, write it back. Returns how many entries were changed."""
    folder = C.cache_path(root)
    n = 0
    for shard in sorted(folder.glob("*.pickle")):
        data = shard.read_bytes()
        sealed = data[:4] == getattr(C, "SEAL", None)
        if sealed:
            data = data[4 + C.SEAL_BYTES :]
        blob = C.loads(data)
        for rel, entry in blob["entries"].items():
            if change(rel, entry[3]):
                n += 1
        shard.write_bytes(C.SEAL + b"\0" * C.SEAL_BYTES + C.dumps(blob) if sealed else C.dumps(blob))
    return n


def retitle(rel, fr) -> bool:
    changed = False
    for _key, rec, _i in fr.records:
        if getattr(rec, "title", None) == "原来的标题":
            object.__setattr__(rec, "title", "DOCTORED")
            changed = True
    return changed


def test_doctored_records_are_not_served(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": TASK})
    assert not (root / ".git").exists()
    r = cli("status", "--ledger", root, "--as-of", "2016-12-31", "--format", "json")
    assert r.exit_code == 0 and "原来的标题" in r.stdout, r
    assert C.cache_path(root).is_relative_to(root)  # no git: the cache is in the ledger folder
    assert doctor(root, retitle) == 1
    for args in (["status", "--format", "json"], ["check", "--format", "json"], ["summary", "--format", "json"]):
        r = cli(*args, "--ledger", root, "--as-of", "2016-12-31")
        assert "DOCTORED" not in r.stdout + r.stderr, args
    r = cli("status", "--ledger", root, "--as-of", "2016-12-31", "--format", "json")
    assert "原来的标题" in r.stdout


def test_doctored_clean_result_does_not_hide_an_error(cli, make_ledger):
    root = make_ledger(
        {
            "tasks/T-1.yaml": TASK.replace("lead_unit: 市发改委", "lead_unit: 不存在").replace(
                "start: 2016-07-01", "start: 2016-02-30"
            )
        }
    )
    r = cli("check", "--ledger", root, "--format", "json")
    assert r.exit_code == 1
    codes = [f["code"] for f in json.loads(r.stdout)]
    assert "invalid_date" in codes

    def clear(rel, fr) -> bool:
        if fr.diagnostics:
            fr.diagnostics.clear()
            return True
        return False

    assert doctor(root, clear) == 1
    r = cli("check", "--ledger", root, "--format", "json")
    assert r.exit_code == 1 and [f["code"] for f in json.loads(r.stdout)] == codes


def test_the_key_is_the_users_and_private(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": TASK})
    assert cli("check", "--ledger", root).exit_code == 0
    key = C.key_path()
    assert C.secret() is not None
    for shard in C.cache_path(root).glob("*.pickle"):
        assert shard.read_bytes()[:4] == C.SEAL
    if key.exists():  # made by this test's process (else by an earlier test in it: the key is read once)
        assert not (key.stat().st_mode & 0o077)
        assert not str(key).startswith(str(root))


def test_a_memo_answer_without_the_seal_is_a_miss(cli, make_ledger):
    import time

    root = make_ledger({"tasks/T-1.yaml": TASK})
    time.sleep(C.RACY_NS / 1e9 + 0.2)  # answers are remembered only for files older than that
    first = cli("status", "--ledger", root, "--as-of", "2016-12-31", "--format", "json").stdout
    memo = C.cache_path(root).with_suffix(".memo")
    files = list(memo.glob("*.pickle"))
    assert files
    for f in files:
        data = f.read_bytes()
        if data[:4] == getattr(C, "SEAL", None):
            data = data[4 + C.SEAL_BYTES :]
        blob = pickle.loads(data)
        doctored = pickle.loads(pickle.dumps(blob).replace("原来的标题".encode(), b"DOCTORED-TITLE!"))
        f.write_bytes(pickle.dumps(doctored, protocol=5))  # unsealed: what an attacker can write
    assert "原来的标题" in first
    assert cli("status", "--ledger", root, "--as-of", "2016-12-31", "--format", "json").stdout == first
