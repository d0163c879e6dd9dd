"""Every way a ledger file is read gives the same: with the cache (files listed with their lstat), without it
(listed by name only, read through folder descriptors), serially and in parallel. Unusual files (links,
folders, binary, UTF-16, a BOM, bad UTF-8, too large, empty) are worded by the same slow path."""

from __future__ import annotations

import os

import pytest

from reformctl.load import load_ledger
from test_cache import snapshot

TASK = "id: {id}\ntitle: 任务\nlead_unit: 市发改委\nstart: 2016-07-01\ndue: 2016-12-31\nstatus: in_progress\n"


@pytest.fixture
def odd_ledger(sample_copy, tmp_path):
    t = sample_copy / "tasks"
    (t / "T-9001.yaml").write_text(TASK.format(id="T-9001"), encoding="utf-8")
    (t / "T-9002.yaml").write_bytes(b"\xef\xbb\xbf" + TASK.format(id="T-9002").encode())  # UTF-8 BOM: fine
    (t / "T-9003.yaml").write_bytes(TASK.format(id="T-9003").encode("utf-16"))  # UTF-16 with its BOM: refused
    (t / "T-9004.yaml").write_bytes(b"id: T-9004\ntitle: caf\xe9\n")  # latin-1
    (t / "T-9005.yaml").write_bytes(b"id: T-9005\0\n")
    (t / "T-9006.yaml").write_bytes(b"")
    (t / "T-9007.yaml").mkdir()
    (t / "T-9008.yaml").symlink_to("T-9001.yaml")  # inside the ledger
    outside = tmp_path / "outside.yaml"
    outside.write_text(TASK.format(id="T-9009"), encoding="utf-8")
    (t / "T-9009.yaml").symlink_to(outside)
    (t / "T-9010.yaml").write_text(TASK.format(id="T-9010") + "note: " + "长" * 4000 + "\n", encoding="utf-8")
    (t / "T-9011.yaml").write_text(TASK.format(id="T-9011").replace("任务", "R&D *项目*"), encoding="utf-8")
    (t / "T-9012.yaml").write_text(TASK.format(id="T-9012") + "title: again\n", encoding="utf-8")
    (t / "T-9013.yaml").symlink_to("missing.yaml")  # dangling
    os.mkfifo(t / "T-9014.yaml")  # a named pipe: reading it would wait for a writer for ever
    (t / "T-9015.yaml").symlink_to("T-9014.yaml")  # and a link to it
    return sample_copy


EXPECTED = {
    "T-9003": "not_utf8",
    "T-9004": "not_utf8",
    "T-9005": "binary_file",
    "T-9006": "empty_file",
    "T-9009": "symlink_outside",
    "T-9010": "file_too_large",
    "T-9012": "yaml_duplicate_key",
}


def test_every_read_path_gives_the_same(odd_ledger, monkeypatch):
    monkeypatch.setenv("REFORMCTL_MAX_FILE_BYTES", "8000")
    runs = {
        "no cache, serial": load_ledger(odd_ledger, cache=False, jobs=1),
        "no cache, parallel": load_ledger(odd_ledger, cache=False, jobs=2),
        "cache, first": load_ledger(odd_ledger, cache=True, jobs=1),
        "cache, again": load_ledger(odd_ledger, cache=True, jobs=2),
    }
    shots = {name: snapshot(res) for name, res in runs.items()}
    first = shots.pop("no cache, serial")
    for name, shot in shots.items():
        assert shot == first, name
    res = runs["no cache, serial"]
    codes = {d.file.rsplit("/", 1)[-1][:-5]: d.code for d in res.diagnostics if d.file.startswith("tasks/T-90")}
    for stem, code in EXPECTED.items():
        assert codes.get(stem) == code, (stem, codes)
    assert codes.get("T-9007") == "unreadable_file"  # a folder named like a file
    assert codes.get("T-9013") == "unreadable_file"  # a link to nothing
    assert codes.get("T-9014") == codes.get("T-9015") == "unreadable_file"  # a bug fixed: check hung on a pipe
    assert any(
        d.message == "cannot read the file: not a regular file (a pipe, a socket or a device)"
        for d in res.diagnostics
        if d.file == "tasks/T-9014.yaml"
    )
    tasks = res.ledger.tasks
    assert tasks["T-9002"].title == "任务" and tasks["T-9011"].title == "R&D *项目*"
    assert "T-9001" in tasks and "T-9008" not in tasks  # the link inside is read: its id differs from its name
    assert any(d.code == "id_mismatch" and d.file == "tasks/T-9008.yaml" for d in res.diagnostics)


def test_a_file_that_grew_after_the_listing_is_read_whole(sample_copy):
    from reformctl.load import list_files
    from reformctl.load.reader import Reader

    rel = "tasks/T-2016-001.yaml"
    files, _ = list_files(sample_copy)
    st = next(s for r, _k, s in files if r == rel)
    with open(sample_copy / rel, "a", encoding="utf-8") as fh:
        fh.write("# appended after the listing\n" * 5000)
    reader = Reader(sample_copy)
    try:
        data, problem = reader.read(rel, st)
        assert problem is None and data == (sample_copy / rel).read_bytes()
        data, problem = reader.read(rel, None)
        assert problem is None and data == (sample_copy / rel).read_bytes()
    finally:
        reader.close()
    assert reader.folders == {}


def test_a_file_removed_after_the_listing_is_a_diagnostic(sample_copy):
    from reformctl.load import list_files
    from reformctl.load.reader import Reader

    rel = "tasks/T-2016-001.yaml"
    files, _ = list_files(sample_copy, with_stat=False)
    assert all(s is None for r, _k, s in files if r.startswith("tasks/"))
    os.remove(sample_copy / rel)
    reader = Reader(sample_copy)
    data, problem = reader.read(rel, None)
    reader.close()
    assert data is None and problem.code == "unreadable_file"
