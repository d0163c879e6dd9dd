"""The per-file cache (issue 6): it serves unchanged files and never a stale result.

Real files, real git repositories, the real CLI. `parsed` counts the files that were really read and
validated (a spy that calls through), so each test states exactly what was invalidated."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest

import reformctl
import reformctl.load as load
from reformctl.load import cache as C
from reformctl.load import pool
from reformctl.load import orchestrate
from reformctl.load import load_ledger

from conftest import git

TASK = "tasks/T-2016-001.yaml"


def snapshot(res) -> tuple:
    """Everything a load gives, comparable."""
    items = {k: {i: r.model_dump() for i, r in v.items()} for k, v in res.ledger.items.items()}
    diags = sorted((d.file, d.code, d.message, d.severity.value, d.line, d.column, d.path) for d in res.diagnostics)
    return items, res.ledger.files, res.ledger.index, diags, res.ledger.settings


def shard(root: Path, rel: str) -> Path:
    return C.shard_path(C.cache_path(root), C.shard_of(rel))


def entry(root: Path, rel: str):
    if not shard(root, rel).exists():
        return None
    blob = C.loads(C.unseal(shard(root, rel).read_bytes()))
    return blob["entries"].get(rel)


def files_count(root: Path) -> int:
    return len(load.ledger_files(root)[0])


# ---------------------------------------------------------------- the cache serves, and serves the same
def test_warm_load_reads_nothing_and_equals_a_cold_load(sample_repo, parsed):
    cold = load_ledger(sample_repo, cache=False)
    assert not C.cache_path(sample_repo).exists()
    assert len(parsed) == files_count(sample_repo)
    parsed.clear()
    first = load_ledger(sample_repo)
    assert len(parsed) == files_count(sample_repo)
    path = C.cache_path(sample_repo)
    assert path.is_dir() and path.parent == sample_repo / ".git" / "reformctl-cache"
    assert len(list(path.glob("*.pickle"))) > 1  # in shards
    parsed.clear()
    warm = load_ledger(sample_repo)
    assert parsed == []
    assert snapshot(warm) == snapshot(first) == snapshot(cold)
    assert warm.ledger.tasks["T-2016-001"].model_fields_set == cold.ledger.tasks["T-2016-001"].model_fields_set


def test_git_status_stays_clean(sample_repo):
    load_ledger(sample_repo)
    assert git(sample_repo, "status", "--porcelain") == ""


def test_outside_git_the_cache_sits_in_an_ignored_folder_of_the_ledger(sample_copy, parsed):
    load_ledger(sample_copy)
    folder = sample_copy / ".reformctl-cache"
    assert (folder / "ledger").is_dir() and list((folder / "ledger").glob("*.pickle"))
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    parsed.clear()
    load_ledger(sample_copy)
    assert parsed == []
    # the folder is not a ledger folder: check does not mention it
    assert load_ledger(sample_copy).diagnostics == []


# ---------------------------------------------------------------- each invalidation case
def test_changed_file_is_read_again_and_only_it(sample_repo, parsed):
    load_ledger(sample_repo)
    parsed.clear()
    p = sample_repo / TASK
    p.write_text(p.read_text(encoding="utf-8").replace("title: 系统推进", "title: 全面推进系统"), encoding="utf-8")
    res = load_ledger(sample_repo)
    assert parsed == [TASK]
    assert res.ledger.tasks["T-2016-001"].title.startswith("全面推进系统")


def test_same_size_same_mtime_edit_is_seen(sample_repo, parsed):
    """An edit that keeps the size and puts the old mtime back (touch -r, some editors and sync tools)."""
    load_ledger(sample_repo)
    p = sample_repo / TASK
    st = p.stat()
    text = p.read_text(encoding="utf-8")
    assert "due: 2016-12-31" in text
    p.write_text(text.replace("due: 2016-12-31", "due: 2016-12-30"), encoding="utf-8")
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert p.stat().st_size == st.st_size and p.stat().st_mtime_ns == st.st_mtime_ns
    parsed.clear()
    res = load_ledger(sample_repo)
    assert str(res.ledger.tasks["T-2016-001"].due) == "2016-12-30"
    assert parsed == [TASK]


def test_racy_entry_is_verified_by_its_content(sample_repo, parsed):
    """The racy-git case: with coarse timestamps an edit in the same tick leaves lstat identical. A file
    changed just before the load is flagged racy and its bytes are hashed again on the next load. Here the
    identical lstat is made by writing the new stat into the cache, as a 1-second file system would."""
    load_ledger(sample_repo)  # files were just written: every entry is racy
    assert entry(sample_repo, TASK).racy is True
    p = sample_repo / TASK
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("due: 2016-12-31", "due: 2016-12-30"), encoding="utf-8")
    path = shard(sample_repo, TASK)
    blob = C.loads(C.unseal(path.read_bytes()))
    old = blob["entries"][TASK]
    blob["entries"][TASK] = old._replace(stat_key=C.stat_key(os.lstat(p)), racy=True)
    path.write_bytes(C.seal(C.dumps(blob)))
    parsed.clear()
    res = load_ledger(sample_repo)
    assert str(res.ledger.tasks["T-2016-001"].due) == "2016-12-30"
    assert parsed == [TASK]


def test_old_files_are_not_racy_and_are_trusted_by_stat(sample_repo, parsed, monkeypatch):
    monkeypatch.setattr(C, "RACY_NS", 0)  # as if the files had been written long ago
    load_ledger(sample_repo)
    assert entry(sample_repo, TASK).racy is False
    parsed.clear()
    load_ledger(sample_repo)
    assert parsed == []


def test_touched_but_unchanged_file_is_hashed_not_parsed(sample_repo, parsed):
    load_ledger(sample_repo)
    p = sample_repo / TASK
    os.utime(p, ns=(p.stat().st_atime_ns, p.stat().st_mtime_ns + 5_000_000_000))
    parsed.clear()
    load_ledger(sample_repo)
    assert parsed == []
    assert entry(sample_repo, TASK).stat_key == C.stat_key(os.lstat(p))  # the new stat is remembered


def test_added_file_is_read(sample_repo, parsed):
    load_ledger(sample_repo)
    parsed.clear()
    src = (sample_repo / TASK).read_text(encoding="utf-8")
    (sample_repo / "tasks" / "T-2016-900.yaml").write_text(src.replace("T-2016-001", "T-2016-900"), encoding="utf-8")
    res = load_ledger(sample_repo)
    assert parsed == ["tasks/T-2016-900.yaml"]
    assert "T-2016-900" in res.ledger.tasks


def test_broken_new_file_fails_from_the_cache_too(sample_repo, cli):
    """beancount's bug: a broken new file passed once it was in the cache. Here it fails every time."""
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    (sample_repo / "tasks" / "T-2016-901.yaml").write_text("id: T-2016-901\ntitle: [未闭合\n", encoding="utf-8")
    runs = [cli("check", "--ledger", sample_repo, "--format", "json") for _ in range(3)]
    for r in runs:
        assert r.exit_code == 1, r
        assert [(f["file"], f["code"]) for f in json.loads(r.stdout)] == [("tasks/T-2016-901.yaml", "yaml_syntax")]
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    fr = entry(sample_repo, "tasks/T-2016-901.yaml").result
    assert fr.records == [] and [d.code for d in fr.diagnostics] == ["yaml_syntax"]


def test_invalid_record_keeps_failing_and_is_served_from_cache(sample_repo, cli, parsed):
    p = sample_repo / TASK
    p.write_text(p.read_text(encoding="utf-8").replace("status: in_progress", "status: ongoing"), encoding="utf-8")
    assert cli("check", "--ledger", sample_repo).exit_code == 1
    parsed.clear()
    r = cli("check", "--ledger", sample_repo, "--format", "json")
    assert parsed == []
    assert r.exit_code == 1 and [f["code"] for f in json.loads(r.stdout)] == ["invalid_choice"]


def test_removed_file_is_gone(sample_repo, parsed, cli):
    load_ledger(sample_repo)
    (sample_repo / "plans" / "PL-2016-001.yaml").unlink()
    parsed.clear()
    res = load_ledger(sample_repo)
    assert parsed == []
    assert "PL-2016-001" not in res.ledger.plans
    assert entry(sample_repo, "plans/PL-2016-001.yaml") is None
    r = cli("check", "--ledger", sample_repo, "--format", "json")
    assert "unknown_plan" in {f["code"] for f in json.loads(r.stdout)}


def test_renamed_file_is_checked_under_its_new_name(sample_repo, parsed, cli):
    load_ledger(sample_repo)
    (sample_repo / TASK).rename(sample_repo / "tasks" / "T-2016-999.yaml")
    parsed.clear()
    r = cli("check", "--ledger", sample_repo, "--format", "json")
    assert parsed == ["tasks/T-2016-999.yaml"]
    assert r.exit_code == 1
    assert ("tasks/T-2016-999.yaml", "id_mismatch") in {(f["file"], f["code"]) for f in json.loads(r.stdout)}
    (sample_repo / "tasks" / "T-2016-999.yaml").rename(sample_repo / TASK)
    assert cli("check", "--ledger", sample_repo).exit_code == 0


def test_duplicate_id_in_a_new_file_is_found_though_the_old_one_is_cached(sample_repo, cli):
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    shutil.copyfile(sample_repo / "units.yaml", sample_repo / "commissioners.yaml.bak")
    units = (sample_repo / "units.yaml").read_text(encoding="utf-8")
    first = units[units.index("- id:") :].split("\n- id:")[0]
    (sample_repo / "units.yaml").write_text(units + "\n" + first + "\n", encoding="utf-8")
    r = cli("check", "--ledger", sample_repo, "--format", "json")
    assert r.exit_code == 1
    assert "duplicate_id" in {f["code"] for f in json.loads(r.stdout)}


def test_settings_change_invalidates_everything(sample_repo, parsed):
    load_ledger(sample_repo)
    s = sample_repo / "reformctl.yaml"
    s.write_text(s.read_text(encoding="utf-8").replace("due_soon_days: 14", "due_soon_days: 7"), encoding="utf-8")
    parsed.clear()
    res = load_ledger(sample_repo)
    assert res.ledger.settings.rules.due_soon_days == 7
    assert len(parsed) == files_count(sample_repo)


def test_new_reformctl_version_invalidates_everything(sample_repo, parsed, monkeypatch):
    load_ledger(sample_repo)
    monkeypatch.setattr(reformctl, "__version__", reformctl.__version__ + ".post1")
    monkeypatch.setattr(C, "_FINGERPRINT", None)
    parsed.clear()
    load_ledger(sample_repo)
    assert len(parsed) == files_count(sample_repo)


def test_fingerprint_covers_the_model_source(monkeypatch, tmp_path):
    """A changed model (or loader) makes another fingerprint: computed from a copy of the package."""
    pkg = Path(reformctl.__file__).parent
    copy = tmp_path / "reformctl"
    shutil.copytree(pkg, copy, ignore=shutil.ignore_patterns("__pycache__"))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from reformctl.load import cache; print(cache.code_fingerprint())"
    )

    def run():
        return subprocess.run(
            [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
        ).stdout.strip()

    before = run()
    assert before == C.code_fingerprint()
    rec = copy / "model" / "records.py"
    rec.write_text(rec.read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
    assert run() != before


def test_size_limit_change_invalidates_everything(sample_repo, parsed, monkeypatch):
    load_ledger(sample_repo)
    monkeypatch.setenv("REFORMCTL_MAX_FILE_BYTES", "200")
    parsed.clear()
    res = load_ledger(sample_repo)
    assert "file_too_large" in {d.code for d in res.diagnostics}
    monkeypatch.delenv("REFORMCTL_MAX_FILE_BYTES")
    assert "file_too_large" not in {d.code for d in load_ledger(sample_repo).diagnostics}


def test_git_checkout_of_another_commit_is_seen(sample_repo, cli):
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    p = sample_repo / TASK
    p.write_text(
        p.read_text(encoding="utf-8").replace("lead_unit: 市发改委", "lead_unit: 市不存在局"), encoding="utf-8"
    )
    git(sample_repo, "commit", "-qam", "bad unit")
    assert cli("check", "--ledger", sample_repo).exit_code == 1
    git(sample_repo, "checkout", "-q", "HEAD~1")
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    git(sample_repo, "checkout", "-q", "main")
    assert cli("check", "--ledger", sample_repo).exit_code == 1


def test_symlinked_files_are_never_cached(make_ledger, tmp_path):
    root = make_ledger()
    target = root / "tasks-src.yaml"
    target.write_text(
        "id: T-1\ntitle: 测试\nlead_unit: 市发改委\nstart: 2016-07-01\ndue: 2016-12-31\nstatus: planned\n",
        encoding="utf-8",
    )
    (root / "tasks").mkdir()
    os.symlink(target, root / "tasks" / "T-1.yaml")
    assert load_ledger(root).ledger.tasks["T-1"].status.value == "planned"
    assert entry(root, "tasks/T-1.yaml") is None
    target.write_text(target.read_text(encoding="utf-8").replace("planned", "in_progress"), encoding="utf-8")
    assert load_ledger(root).ledger.tasks["T-1"].status.value == "in_progress"


# ---------------------------------------------------------------- turning it off, and damaged caches
def test_no_cache_option_and_env_neither_read_nor_write(sample_repo, cli, monkeypatch, parsed):
    r = cli("check", "--ledger", sample_repo, "--no-cache")
    assert r.exit_code == 0 and not C.cache_path(sample_repo).exists()
    monkeypatch.setenv("REFORMCTL_NO_CACHE", "1")
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    assert not C.cache_path(sample_repo).exists()
    monkeypatch.setenv("REFORMCTL_NO_CACHE", "0")
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    assert C.cache_path(sample_repo).exists()
    # with a cache present, --no-cache still parses everything
    parsed.clear()
    assert cli("check", "--ledger", sample_repo, "--no-cache").exit_code == 0
    assert len(parsed) == files_count(sample_repo)


def test_damaged_cache_is_rebuilt(sample_repo, parsed):
    load_ledger(sample_repo)
    path = shard(sample_repo, TASK)
    damaged = [rel for rel, _k in load.ledger_files(sample_repo)[0] if C.shard_of(rel) == C.shard_of(TASK)]
    path.write_bytes(path.read_bytes()[:1000])
    parsed.clear()
    res = load_ledger(sample_repo)
    assert sorted(parsed) == sorted(damaged) and TASK in parsed and res.diagnostics == []
    parsed.clear()
    load_ledger(sample_repo)
    assert parsed == []


class _Evil:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


def test_doctored_cache_cannot_run_code(sample_copy, monkeypatch):
    monkeypatch.chdir(sample_copy)
    load_ledger(sample_copy)
    for path in C.cache_path(sample_copy).glob("*.pickle"):
        path.write_bytes(pickle.dumps({"format": C.CACHE_FORMAT, "key": None, "entries": _Evil()}))
    res = load_ledger(sample_copy)
    assert not (sample_copy / "pwned").exists()
    assert res.diagnostics == [] and res.ledger.tasks


def test_unwritable_cache_folder_is_not_an_error(sample_copy):
    (sample_copy / ".reformctl-cache").write_text("not a folder", encoding="utf-8")
    res = load_ledger(sample_copy)
    assert res.diagnostics == [] and res.ledger.tasks


def test_cli_check_equal_with_and_without_cache(sample_repo, cli):
    p = sample_repo / TASK
    p.write_text(p.read_text(encoding="utf-8").replace("status: in_progress", "status: completed"), encoding="utf-8")
    outs = [
        cli("check", "--ledger", sample_repo, "--format", "json", *extra).stdout for extra in ((), (), ("--no-cache",))
    ]
    assert outs[0] == outs[1] == outs[2] and json.loads(outs[0])


# ---------------------------------------------------------------- parallel parsing gives the same
@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_load_equals_serial_load(sample_repo, jobs):
    (sample_repo / "tasks" / "T-2016-901.yaml").write_text("id: T-2016-901\ntitle: [未闭合\n", encoding="utf-8")
    p = sample_repo / TASK
    p.write_text(p.read_text(encoding="utf-8").replace("status: in_progress", "status: ongoing"), encoding="utf-8")
    serial = load_ledger(sample_repo, cache=False, jobs=1)
    parallel = load_ledger(sample_repo, cache=False, jobs=jobs)
    assert snapshot(parallel) == snapshot(serial)
    assert {"yaml_syntax", "invalid_choice"} <= {d.code for d in parallel.diagnostics}
    # records rebuilt from a worker are real, frozen, comparable models
    t = parallel.ledger.tasks["T-2016-002"]
    assert (
        t == serial.ledger.tasks["T-2016-002"]
        and t.model_fields_set == serial.ledger.tasks["T-2016-002"].model_fields_set
    )
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        t.title = "x"
    # and the cache written from a parallel load serves the same
    load_ledger(sample_repo, jobs=jobs)
    assert snapshot(load_ledger(sample_repo)) == snapshot(serial)


def test_jobs_from_environment(sample_repo, monkeypatch):
    monkeypatch.setenv("REFORMCTL_JOBS", "2")
    assert snapshot(load_ledger(sample_repo, cache=False)) == snapshot(load_ledger(sample_repo, cache=False, jobs=1))


def test_an_edit_rewrites_only_its_own_shard(sample_repo, parsed, monkeypatch):
    """The cache is spread over files by path: a warm run after one edit rewrites one of them, not all."""
    monkeypatch.setattr(C, "RACY_NS", 0)
    load_ledger(sample_repo)
    folder = C.cache_path(sample_repo)
    before = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pickle")}
    assert len(before) > 10
    p = sample_repo / TASK
    p.write_text(p.read_text(encoding="utf-8").replace("due: 2016-12-31", "due: 2016-12-30"), encoding="utf-8")
    parsed.clear()
    res = load_ledger(sample_repo)
    assert parsed == [TASK] and str(res.ledger.tasks["T-2016-001"].due) == "2016-12-30"
    after = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pickle")}
    changed = sorted(n for n in after if after[n] != before.get(n))
    assert changed == [shard(sample_repo, TASK).name]
    parsed.clear()
    again = load_ledger(sample_repo)
    assert parsed == [] and str(again.ledger.tasks["T-2016-001"].due) == "2016-12-30"


def test_the_one_file_cache_of_older_versions_is_removed(sample_repo):
    legacy = C.cache_path(sample_repo).with_suffix(".pickle")
    legacy.parent.mkdir(parents=True, exist_ok=True)
    legacy.write_bytes(b"an old cache")
    load_ledger(sample_repo)
    assert not legacy.exists() and C.cache_path(sample_repo).is_dir()


def test_parallel_shares_are_dealt_in_proportion():
    """Files are listed by kind (the large task files first): shares are dealt round by round, so each holds
    the same mix, in proportion to the weights, every position exactly once."""
    for n, weights in (
        (400, [1.0, 1.0]),
        (1000, [1.2, 1.0]),
        (10, [1.0, 1.0, 1.0]),
        (7, [1.2, 1.0, 1.0]),
        (0, [1.2, 1.0]),
    ):
        shares = pool.deal(n, weights)
        assert len(shares) == len(weights)
        assert sorted(i for share in shares for i in share) == list(range(n))
        assert all(share == sorted(share) for share in shares)
        for share, w in zip(shares, weights):
            assert abs(len(share) - n * w / sum(weights)) <= 6  # at most one round off
    main, worker = pool.deal(1000, [1.2, 1.0])
    # the first tenth of the files (the kind listed first) is split like the whole
    assert abs(sum(1 for i in main if i < 100) / 100 - 1.2 / 2.2) < 0.06
    assert pool.deal(5, [1.0, 1.0]) == [[0, 2, 4], [1, 3]]


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_load_in_many_chunks_equals_serial(sample_repo, monkeypatch, jobs):
    monkeypatch.setattr(pool, "CHUNK_FILES", 7)  # workers hand over many small chunks, read while loading
    serial = snapshot(load_ledger(sample_repo, cache=False, jobs=1))
    assert snapshot(load_ledger(sample_repo, cache=False, jobs=jobs)) == serial
    load_ledger(sample_repo, jobs=jobs)  # fills the cache from chunks
    assert snapshot(load_ledger(sample_repo, jobs=1)) == serial


def _loaded_here(monkeypatch) -> list:
    """Count the files this process (not a worker) loads itself."""
    real, here, me = orchestrate._load_one, [], os.getpid()

    def counted(*args):
        if os.getpid() == me:
            here.append(args[1])
        return real(*args)

    monkeypatch.setattr(orchestrate, "_load_one", counted)
    return here


def test_a_damaged_chunk_is_loaded_here_instead(sample_repo, monkeypatch, tmp_path):
    monkeypatch.setattr(pool, "CHUNK_FILES", 5)
    serial = snapshot(load_ledger(sample_repo, cache=False, jobs=1))
    here = _loaded_here(monkeypatch)
    assert snapshot(load_ledger(sample_repo, cache=False, jobs=2)) == serial
    own_share = len(here)
    real = pool.dumps_tree
    calls = []
    fired = tmp_path / "fired"

    def damaged(obj):  # runs in the worker: its third chunk arrives as garbage
        calls.append(1)
        if len(calls) == 3:
            fired.write_text("garbage sent")
            return b"not a pickle"
        return real(obj)

    monkeypatch.setattr(pool, "dumps_tree", damaged)
    here.clear()
    assert snapshot(load_ledger(sample_repo, cache=False, jobs=2)) == serial
    assert fired.read_text() == "garbage sent"
    assert len(here) > own_share  # the damaged chunk and what followed it were loaded here


def test_a_worker_that_fails_is_not_trusted(sample_repo, monkeypatch, tmp_path):
    monkeypatch.setattr(pool, "CHUNK_FILES", 5)
    serial = snapshot(load_ledger(sample_repo, cache=False, jobs=1))
    here = _loaded_here(monkeypatch)
    real = orchestrate._parse_one
    seen = []
    fired = tmp_path / "fired"

    def failing(*args):  # runs in the worker only: it fails after sending a few chunks
        seen.append(1)
        if len(seen) > 12:
            fired.write_text("raised")
            raise RuntimeError("a worker's bug")
        return real(*args)

    monkeypatch.setattr(orchestrate, "_parse_one", failing)
    here.clear()
    assert snapshot(load_ledger(sample_repo, cache=False, jobs=2)) == serial
    assert fired.read_text() == "raised"
    # the failed worker's whole share, the chunks it did send too, was loaded here: every file
    assert sorted(here) == sorted(rel for rel, _kind, _st in load.list_files(sample_repo)[0])


def test_a_writes_preview_load_leaves_the_cache_as_it_was(sample_repo, monkeypatch):
    """The store validates a change by loading the ledger with the new content in place (``overrides``); that
    load uses the cache but writes none of it (it re-pickled every shard, half a second of a 10k close-out)."""
    monkeypatch.setattr(C, "RACY_NS", 10**18)  # every entry racy, as just after a fresh clone
    rel = "tasks/T-2016-001.yaml"
    load_ledger(sample_repo)
    monkeypatch.setattr(C, "RACY_NS", 0)  # seconds later: re-checked by content, no longer racy (an update)
    shards = sorted(C.cache_path(sample_repo).glob("*"))
    before = {p: p.read_bytes() for p in shards}
    text = (sample_repo / rel).read_text(encoding="utf-8")
    res = load_ledger(sample_repo, overrides={rel: text.replace("title:", "title: 改", 1).encode()})
    assert res.ledger.tasks["T-2016-001"].title.startswith("改")
    assert {p: p.read_bytes() for p in sorted(C.cache_path(sample_repo).glob("*"))} == before


def test_blobs_parsed_in_workers_equal_the_serial_and_the_folder_load(sample_copy):
    """A member's ledger is read from git blobs (load/blobs.py); many blobs are parsed by the same forked
    workers as a folder's files. Serial, in workers, and the folder itself give the same ledger and diagnostics,
    broken files, a file given as a diagnostic and a result reused as it is included."""
    from reformctl.load.blobs import load_blobs
    from reformctl.model import Diagnostic

    (sample_copy / "tasks" / "T-BROKEN.yaml").write_text("id: T-BROKEN\ntitle: [\n", encoding="utf-8")
    (sample_copy / "tasks" / "T-2016-002.yaml").write_text("id: T-2016-002\nstatus: nope\n", encoding="utf-8")
    blobs: dict = {
        p.relative_to(sample_copy).as_posix(): p.read_bytes()
        for p in sample_copy.rglob("*.yaml")
        if ".git" not in p.parts and "district-ledgers" not in p.parts
    }
    blobs["tasks/T-LINK.yaml"] = Diagnostic.of("tasks/T-LINK.yaml", "symlink_outside.member")
    serial_parts: dict = {}
    serial = load_blobs(sample_copy, dict(blobs), serial_parts, jobs=1)
    forked = load_blobs(sample_copy, dict(blobs), jobs=3)
    reused = load_blobs(sample_copy, {**blobs, TASK: serial_parts[TASK]}, jobs=2)
    assert snapshot(serial) == snapshot(forked) == snapshot(reused)
    assert {d.code for d in serial.diagnostics} >= {"yaml_syntax", "symlink_outside"}
    del blobs["tasks/T-LINK.yaml"]
    folder = load_ledger(sample_copy, cache=False)
    assert snapshot(load_blobs(sample_copy, blobs, jobs=2)) == snapshot(folder)


def test_no_process_to_be_had_loads_that_share_here(sample_repo, monkeypatch):
    """A fork refused (a process limit) while dealing the parse out: that share is loaded by this process, the
    ledger whole and the same as a serial load."""
    import os

    serial = load_ledger(sample_repo, cache=False, jobs=1)
    real_fork, calls = os.fork, []

    def second_refused():
        calls.append(1)
        if len(calls) == 2:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", second_refused)
    forked = load_ledger(sample_repo, cache=False, jobs=3)
    assert len(calls) == 2 and snapshot(forked) == snapshot(serial)
