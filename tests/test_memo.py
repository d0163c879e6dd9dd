"""Remembered answers (reformctl.load.memo, issue 6): a warm `status` takes its findings from the memo, and
never when anything they depend on changed.

Real files, real git repositories, the real CLI. Each test compares the remembered answer with a run that
reads and computes everything afresh (``--no-cache``)."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
from pathlib import Path

import pytest

from reformctl import api
from reformctl.load import cache as C
from reformctl.load import memo as M

from conftest import git

AS_OF = dt.date(2016, 12, 31)
TASK = "tasks/T-2016-003.yaml"  # red as of 2016-12-31 (task, milestone and update overdue)


def status(cli, root: Path, *args: str) -> str:
    r = cli("status", "--ledger", root, "--as-of", AS_OF.isoformat(), *args)
    assert r.exit_code == 0, r.stderr
    return r.stdout


def fresh(cli, root: Path, *args: str) -> str:
    return status(cli, root, *args, "--no-cache")


def remembered(root: Path, as_of: dt.date = AS_OF, **kw) -> bool:
    return api.status_data(root, as_of, **kw).from_memo


def memo_files(root: Path) -> list[Path]:
    folder = C.cache_path(root).parent
    return sorted(folder.glob("*.memo/*.pickle"))


# ---------------------------------------------------------------- it is used, and gives the same
@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_second_status_is_remembered_and_identical(sample_repo, cli, old_files, parsed, fmt, lang):
    args = ("--format", fmt, "--lang", lang)
    first = status(cli, sample_repo, *args)
    assert parsed, "the first run computes"
    parsed.clear()
    second = status(cli, sample_repo, *args)
    assert parsed == [], "the second run reads no ledger file"
    assert first == second == fresh(cli, sample_repo, *args)
    assert first.count("\n") > 20


def test_filters_apply_to_remembered_findings(sample_repo, cli, old_files):
    status(cli, sample_repo, "--format", "json")
    for args in (
        ("--unit", "市财政局"),
        ("--kind", "report"),
        ("--rule", "task_overdue"),
        ("--light", "yellow"),
        ("--unit", "市财政局,市发改委", "--light", "red"),
    ):
        for fmt in ("json", "csv"):
            assert status(cli, sample_repo, *args, "--format", fmt) == fresh(cli, sample_repo, *args, "--format", fmt)
    r = cli("status", "--ledger", sample_repo, "--as-of", "2016-12-31", "--unit", "没有这个单位")
    assert r.exit_code == 2 and "not a unit id" in r.stderr
    r = cli("status", "--ledger", sample_repo, "--as-of", "2016-12-31", "--fail-on", "red", "--format", "json")
    assert r.exit_code == 1


def test_answers_are_kept_per_date_and_language(sample_repo, cli, old_files):
    other = dt.date(2016, 9, 30)
    status(cli, sample_repo, "--format", "json")
    assert remembered(sample_repo, json_lang="en")
    assert not remembered(sample_repo, other)
    assert remembered(sample_repo, other)
    assert not remembered(sample_repo, json_lang="zh")
    assert remembered(sample_repo, json_lang="zh")
    r = cli("status", "--ledger", sample_repo, "--as-of", "2016-09-30", "--format", "json")
    assert (
        r.stdout
        == cli("status", "--ledger", sample_repo, "--as-of", "2016-09-30", "--format", "json", "--no-cache").stdout
    )
    assert len(memo_files(sample_repo)) <= M.MAX_FILES


# ---------------------------------------------------------------- never stale
def _warm(cli, root: Path) -> str:
    out = status(cli, root, "--format", "json")
    assert remembered(root, json_lang="en")
    return out


def test_edited_file_is_seen(sample_repo, cli, old_files):
    before = _warm(cli, sample_repo)
    path = sample_repo / TASK
    text = path.read_text(encoding="utf-8")
    st = path.stat()
    path.write_text(
        text.replace("status: in_progress", "status: completed\ncompleted: 2016-10-01", 1), encoding="utf-8"
    )
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # mtime put back: only ctime and size tell
    assert not remembered(sample_repo, json_lang="en")
    after = status(cli, sample_repo, "--format", "json")
    assert after == fresh(cli, sample_repo, "--format", "json") and after != before


def test_same_size_edit_with_mtime_put_back_is_seen(sample_repo, cli, old_files):
    before = _warm(cli, sample_repo)
    path = sample_repo / TASK
    text = path.read_text(encoding="utf-8")
    st = path.stat()
    assert "\ndue: 2016-10-31" in text
    path.write_text(text.replace("\ndue: 2016-10-31", "\ndue: 2016-10-30"), encoding="utf-8")  # same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    after = status(cli, sample_repo, "--format", "json")
    assert after == fresh(cli, sample_repo, "--format", "json") and after != before


def test_added_removed_and_renamed_files_are_seen(sample_repo, cli, old_files):
    _warm(cli, sample_repo)
    src = sample_repo / TASK
    new = sample_repo / "tasks" / "T-2016-901.yaml"
    new.write_text(src.read_text(encoding="utf-8").replace("T-2016-003", "T-2016-901"), encoding="utf-8")
    assert status(cli, sample_repo, "--format", "json") == fresh(cli, sample_repo, "--format", "json")
    assert "T-2016-901" in status(cli, sample_repo, "--format", "json")
    new.unlink()
    out = status(cli, sample_repo, "--format", "json")
    assert "T-2016-901" not in out and out == fresh(cli, sample_repo, "--format", "json")
    # renamed: the id no longer matches the file name, an error, never the remembered answer
    src.rename(sample_repo / "tasks" / "T-2016-902.yaml")
    r = cli("status", "--ledger", sample_repo, "--as-of", "2016-12-31")
    assert r.exit_code == 1 and "id_mismatch" in r.stderr


def test_settings_change_is_seen(sample_repo, cli, old_files):
    before = _warm(cli, sample_repo)
    settings = sample_repo / "reformctl.yaml"
    text = settings.read_text(encoding="utf-8")
    if "due_soon_days" in text:
        import re

        text = re.sub(r"due_soon_days: *\d+", "due_soon_days: 60", text)
    else:
        text += "\nrules:\n  due_soon_days: 60\n" if "\nrules:" not in text else ""
        text = text.replace("\nrules:\n", "\nrules:\n  due_soon_days: 60\n", 1)
    settings.write_text(text, encoding="utf-8")
    after = status(cli, sample_repo, "--format", "json")
    assert after == fresh(cli, sample_repo, "--format", "json") and after != before


def test_new_code_is_a_miss(sample_repo, cli, old_files, monkeypatch):
    _warm(cli, sample_repo)
    monkeypatch.setattr(M, "_CODE", b"another version of reformctl")
    assert not remembered(sample_repo, json_lang="en")


def test_code_digest_covers_the_package_source(monkeypatch, tmp_path):
    pkg = Path(M.__file__).resolve().parent.parent
    monkeypatch.setattr(M, "_CODE", None)
    first = M.code_digest()
    target = pkg / "rules" / "findings.py"
    st = target.stat()
    try:
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        monkeypatch.setattr(M, "_CODE", None)
        assert M.code_digest() != first
    finally:
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
        monkeypatch.setattr(M, "_CODE", None)


def test_git_checkout_of_another_commit_is_seen(sample_repo, cli, old_files):
    before = _warm(cli, sample_repo)
    path = sample_repo / TASK
    path.write_text(
        path.read_text(encoding="utf-8").replace("\ndue: 2016-10-31", "\ndue: 2016-10-30"), encoding="utf-8"
    )
    git(sample_repo, "commit", "-qam", "earlier due")
    changed = status(cli, sample_repo, "--format", "json")
    assert changed != before
    git(sample_repo, "checkout", "-q", "HEAD~1")
    assert status(cli, sample_repo, "--format", "json") == before == fresh(cli, sample_repo, "--format", "json")


def test_stray_file_changes_the_stamp(sample_repo, old_files):
    a = M.ledger_stamp(sample_repo)
    (sample_repo / "tasks" / "notes.txt").write_text("x", encoding="utf-8")
    b = M.ledger_stamp(sample_repo)
    assert a.digest != b.digest


def test_broken_ledger_is_never_remembered(sample_repo, cli, old_files):
    _warm(cli, sample_repo)
    (sample_repo / TASK).write_text("id: T-2016-003\ntitle: [\n", encoding="utf-8")
    for _ in range(2):
        r = cli("status", "--ledger", sample_repo, "--as-of", "2016-12-31", "--format", "json")
        assert r.exit_code == 1 and "yaml_syntax" in r.stderr and r.stdout == ""


def test_another_date_skips_the_checks_between_records_until_a_file_changes(sample_repo, cli, old_files, monkeypatch):
    """The checks between records do not depend on the date: once a state passed them, another --as-of on it
    does not run them again; an edit that breaks a record is still refused (another state)."""
    import reformctl.rules.checks as checks

    status(cli, sample_repo, "--format", "json")
    calls = []
    real = checks.check_ledger
    monkeypatch.setattr(checks, "check_ledger", lambda ledger: calls.append(1) or real(ledger))
    other = cli("status", "--ledger", sample_repo, "--as-of", "2017-03-31", "--format", "json")
    assert other.exit_code == 0 and calls == []
    assert (
        other.stdout
        == cli("status", "--ledger", sample_repo, "--as-of", "2017-03-31", "-f", "json", "--no-cache").stdout
    )
    assert calls == [1]  # without the memo: checked
    text = (sample_repo / TASK).read_text(encoding="utf-8")
    (sample_repo / TASK).write_text(text.replace("lead_unit: ", "lead_unit: 无此单位", 1), encoding="utf-8")
    r = cli("status", "--ledger", sample_repo, "--as-of", "2017-06-30", "--format", "json")
    assert r.exit_code == 1 and "unknown_unit" in r.stderr and calls == [1, 1]


# ---------------------------------------------------------------- when nothing is remembered
def test_files_changed_just_now_are_not_trusted(sample_repo, cli):
    """The racy-git rule: files written within RACY_NS of the run may change again unseen; nothing is stored."""
    status(cli, sample_repo, "--format", "json")
    assert not M.ledger_stamp(sample_repo).trusted
    assert not remembered(sample_repo, json_lang="en")
    assert memo_files(sample_repo) == []


def test_symlinked_file_makes_the_state_untrusted(sample_repo, old_files, tmp_path):
    outside = tmp_path / "T-2016-950.yaml"
    outside.write_text(
        (sample_repo / TASK).read_text(encoding="utf-8").replace("T-2016-003", "T-2016-950"), encoding="utf-8"
    )
    (sample_repo / "tasks" / "T-2016-950.yaml").symlink_to(outside)
    assert not M.ledger_stamp(sample_repo).trusted


def test_no_cache_option_and_env_neither_read_nor_write(sample_repo, cli, old_files, monkeypatch):
    fresh(cli, sample_repo, "--format", "json")
    assert memo_files(sample_repo) == []
    status(cli, sample_repo, "--format", "json")
    assert memo_files(sample_repo)
    monkeypatch.setenv("REFORMCTL_NO_CACHE", "1")
    assert not remembered(sample_repo, json_lang="en")
    shutil.rmtree(C.cache_path(sample_repo).parent)
    status(cli, sample_repo, "--format", "json")
    assert memo_files(sample_repo) == []


def test_damaged_and_doctored_memo_files_are_misses(sample_repo, cli, old_files, tmp_path):
    expected = _warm(cli, sample_repo)
    files = memo_files(sample_repo)
    assert files
    files[0].write_bytes(b"not a pickle")

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'pwned'}",))

    for f in files[1:]:
        f.write_bytes(pickle.dumps((M.FORMAT, M.ledger_stamp(sample_repo).digest, "x", Evil())))
    assert status(cli, sample_repo, "--format", "json") == expected
    assert not (tmp_path / "pwned").exists()


def test_outside_git_the_memo_sits_in_the_ignored_cache_folder(sample_copy, cli, old_files):
    status(cli, sample_copy, "--format", "json")
    assert remembered(sample_copy, json_lang="en")
    folder = sample_copy / C.LOCAL_DIR
    assert (folder / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    assert list(folder.glob("*.memo/*.pickle"))


# ---------------------------------------------------------------- check
def test_check_is_remembered_and_identical(sample_repo, cli, old_files, parsed):
    (sample_repo / "tasks" / "notes.txt").write_text("x", encoding="utf-8")  # a warning, with its position
    (sample_repo / "tasks" / "T-2016-003.yaml").write_text(
        (sample_repo / TASK)
        .read_text(encoding="utf-8")
        .replace("lead_unit: ", "lead_unit: 没有的单位", 1)
        .replace("\ndue: 2016-10-31", "\ndue: 2016-02-30"),
        encoding="utf-8",
    )
    outs = []
    for _ in range(2):
        parsed.clear()
        r = cli("check", "--ledger", sample_repo, "--format", "json")
        outs.append(r.stdout)
        assert r.exit_code == 1
    assert parsed == [], "the second check reads no ledger file"
    assert outs[0] == outs[1] == cli("check", "--ledger", sample_repo, "--format", "json", "--no-cache").stdout
    assert "invalid_date" in outs[0] and "unexpected_file" in outs[0] and '"line": 1' in outs[0]
    text = [cli("check", "--ledger", sample_repo).stdout for _ in range(2)]
    assert text[0] == text[1] == cli("check", "--ledger", sample_repo, "--no-cache").stdout


def test_check_sees_a_fix_and_a_new_error(sample_repo, cli, old_files):
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    path = sample_repo / TASK
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("\ndue: 2016-10-31", "\ndue: 2016-02-30"), encoding="utf-8")
    r = cli("check", "--ledger", sample_repo)
    assert r.exit_code == 1 and "invalid_date" in r.stdout
    path.write_text(good, encoding="utf-8")
    assert cli("check", "--ledger", sample_repo).exit_code == 0


def test_check_base_is_computed_on_top_of_the_remembered_part(sample_repo, cli, old_files):
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    (sample_repo / TASK).unlink()
    git(sample_repo, "commit", "-qam", "remove a task")
    r = cli("check", "--ledger", sample_repo, "--base", "HEAD~1")
    assert r.exit_code == 1 and "deleted" in (r.stdout + r.stderr).lower()
    assert cli("check", "--ledger", sample_repo).exit_code == 0


def test_clearing_the_cache_forgets_the_answers(sample_repo, cli, old_files):
    _warm(cli, sample_repo)
    assert C.clear(sample_repo)
    assert memo_files(sample_repo) == [] and not C.cache_path(sample_repo).exists()
    assert not remembered(sample_repo, json_lang="en")
