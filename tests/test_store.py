"""The store layer on real git repositories: one action = one commit, nothing else touched."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import git
from reformctl.store import Action, BadRequest, NothingToDo, Store, StoreError, append_entry

AS_OF = dt.date(2016, 9, 30)
TASK = "tasks/T-2016-003.yaml"


def head(repo: Path) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def count(repo: Path) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD"))


def add_progress(note: str = "召开推进会", rel: str = TASK):
    def build(tx):
        doc = tx.edit(rel)
        append_entry(doc.data, "progress", {"date": AS_OF, "note": note})

    return build


def act(item: str = "T-2016-003", summary: str = "记录进展") -> Action:
    return Action("progress", [item], summary, AS_OF)


def test_one_action_one_commit_with_trailers_and_clean_status(sample_repo):
    before = head(sample_repo)
    res = Store(sample_repo).apply(act(), add_progress())
    assert res.commit == head(sample_repo)
    assert git(sample_repo, "rev-parse", "HEAD~1").strip() == before
    assert git(sample_repo, "diff", "--name-only", "HEAD~1", "HEAD").split() == [TASK]
    diff = git(sample_repo, "diff", "-U0", "HEAD~1", "HEAD")
    assert [ln for ln in diff.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))] == [
        "+  - {date: 2016-09-30, note: 召开推进会}"
    ]
    body = git(sample_repo, "log", "-1", "--format=%B")
    assert body.splitlines()[0] == "记录进展"
    trailers = git(sample_repo, "log", "-1", "--format=%(trailers:only,unfold)").split("\n")
    assert "Reformctl-Action: progress" in trailers and "Reformctl-Item: T-2016-003" in trailers
    assert "Reformctl-As-Of: 2016-09-30" in trailers
    assert git(sample_repo, "status", "--porcelain") == ""
    assert git(sample_repo, "log", "-1", "--format=%an <%ae>").strip() == "测试员 <tester@example.org>"


def test_other_staged_and_unstaged_work_is_left_alone(sample_repo):
    units = sample_repo / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "# staged note\n", encoding="utf-8")
    git(sample_repo, "add", "units.yaml")
    other = sample_repo / "tasks/T-2016-001.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "# unstaged note\n", encoding="utf-8")
    (sample_repo / "notes.txt").write_text("scratch\n", encoding="utf-8")
    status_before = git(sample_repo, "status", "--porcelain")
    Store(sample_repo).apply(act(), add_progress())
    assert git(sample_repo, "show", "--name-only", "--format=", "HEAD").split() == [TASK]
    assert git(sample_repo, "status", "--porcelain") == status_before
    assert git(sample_repo, "diff", "--cached", "--name-only").split() == ["units.yaml"]


@pytest.mark.parametrize("how", ["unstaged", "staged", "untracked-new"])
def test_refuses_when_the_path_to_touch_is_dirty(sample_repo, how):
    path = sample_repo / TASK
    if how == "untracked-new":
        rel = "tasks/T-2099-001.yaml"
        (sample_repo / rel).write_text("id: T-2099-001\n", encoding="utf-8")

        def build(tx):
            tx.write_text(
                rel,
                "id: T-2099-001\ntitle: x\nlead_unit: 市发改委\nstart: 2016-07-01\ndue: 2016-12-31\nstatus: planned\n",
            )
    else:
        path.write_text(path.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
        if how == "staged":
            git(sample_repo, "add", TASK)
        build = add_progress()
    before, status, text = head(sample_repo), git(sample_repo, "status", "--porcelain"), path.read_text("utf-8")
    with pytest.raises(StoreError) as exc:
        Store(sample_repo).apply(act(), build)
    assert "uncommitted" in exc.value.message
    assert head(sample_repo) == before
    assert git(sample_repo, "status", "--porcelain") == status
    assert path.read_text("utf-8") == text


def test_refuses_on_detached_head_and_during_a_merge(sample_repo):
    git(sample_repo, "checkout", "-q", "--detach")
    with pytest.raises(StoreError, match="detached"):
        Store(sample_repo).apply(act(), add_progress())
    git(sample_repo, "checkout", "-q", "main")
    # a real conflicting merge
    git(sample_repo, "checkout", "-q", "-b", "other")
    (sample_repo / "units.yaml").write_text("# other\n", encoding="utf-8")
    git(sample_repo, "commit", "-qam", "other")
    git(sample_repo, "checkout", "-q", "main")
    (sample_repo / "units.yaml").write_text("# main\n", encoding="utf-8")
    git(sample_repo, "commit", "-qam", "main")
    subprocess.run(["git", "merge", "other"], cwd=sample_repo, capture_output=True)
    assert (sample_repo / ".git/MERGE_HEAD").exists()
    before = head(sample_repo)
    with pytest.raises(StoreError, match="merge"):
        Store(sample_repo).apply(act(), add_progress())
    assert head(sample_repo) == before


def test_not_a_git_repository(sample_copy):
    with pytest.raises(StoreError, match="git"):
        Store(sample_copy)


def test_repository_without_commits_and_ledger_in_a_subfolder(tmp_path, sample_copy):
    repo = tmp_path / "fresh"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "trunk")
    ledger = repo / "data" / "ledger"
    ledger.parent.mkdir()
    sample_copy.rename(ledger)
    rel = "tasks/T-2016-037.yaml"

    def build(tx):
        tx.create(
            rel,
            {
                "id": "T-2016-037",
                "title": "新任务",
                "lead_unit": "市发改委",
                "start": AS_OF,
                "due": dt.date(2016, 12, 31),
                "status": "planned",
            },
        )

    res = Store(ledger).apply(Action("new", ["T-2016-037"], "新建任务", AS_OF), build)
    assert git(repo, "rev-list", "--count", "trunk").strip() == "1"
    assert git(repo, "show", "--name-only", "--format=", res.commit).split() == ["data/ledger/" + rel]
    assert git(repo, "status", "--porcelain", "--", "data/ledger/" + rel) == ""
    # the rest of the (untracked) ledger stays untracked
    assert "?? data/" in git(repo, "status", "--porcelain")
    # an untracked file is uncommitted work: refused
    with pytest.raises(StoreError, match="uncommitted"):
        Store(ledger).apply(act(), add_progress())
    res2 = Store(ledger).apply(act("T-2016-037"), add_progress(rel=rel))
    assert git(repo, "show", "--name-only", "--format=", res2.commit).split() == ["data/ledger/" + rel]
    assert git(repo, "rev-list", "--count", "trunk").strip() == "2"


def test_a_commit_failing_half_way_changes_nothing(sample_repo):
    """The branch is locked by another git process: update-ref fails after the files were written."""
    lock = sample_repo / ".git/refs/heads/main.lock"
    lock.write_text("", encoding="utf-8")
    before, text = head(sample_repo), (sample_repo / TASK).read_bytes()
    with pytest.raises(StoreError, match="nothing was changed"):
        Store(sample_repo).apply(act(), add_progress())
    lock.unlink()
    assert head(sample_repo) == before
    assert (sample_repo / TASK).read_bytes() == text
    assert git(sample_repo, "status", "--porcelain") == ""


def test_an_exception_between_write_and_commit_restores_the_files(sample_repo):
    store = Store(sample_repo)
    before, text = head(sample_repo), (sample_repo / TASK).read_bytes()

    def boom():
        assert (sample_repo / TASK).read_bytes() != text  # the file was written...
        raise KeyboardInterrupt

    store._before_update_ref = boom
    with pytest.raises(KeyboardInterrupt):
        store.apply(act(), add_progress())
    assert head(sample_repo) == before  # ...and put back
    assert (sample_repo / TASK).read_bytes() == text


def test_another_writer_moving_the_branch_is_retried(sample_repo):
    store = Store(sample_repo)
    calls = []

    def foreign_commit():
        if not calls:
            calls.append(1)
            other = sample_repo / "tasks/T-2016-001.yaml"
            other.write_text(other.read_text(encoding="utf-8") + "# foreign\n", encoding="utf-8")
            git(sample_repo, "commit", "-qm", "foreign", "--", "tasks/T-2016-001.yaml")

    store._before_update_ref = foreign_commit
    before = count(sample_repo)
    store.apply(act(), add_progress())
    assert count(sample_repo) == before + 2
    assert git(sample_repo, "log", "-2", "--format=%s").splitlines() == ["记录进展", "foreign"]
    assert git(sample_repo, "status", "--porcelain") == ""
    assert "# foreign" in git(sample_repo, "show", "HEAD:tasks/T-2016-001.yaml")


def test_invalid_edit_is_refused_and_nothing_is_written(sample_repo):
    before, text = head(sample_repo), (sample_repo / TASK).read_bytes()

    def build(tx):
        tx.edit(TASK).data["status"] = "finished"

    with pytest.raises(StoreError) as exc:
        Store(sample_repo).apply(act(), build)
    assert isinstance(exc.value, BadRequest) and any("status" in d for d in exc.value.details)
    assert head(sample_repo) == before and (sample_repo / TASK).read_bytes() == text


def test_nothing_to_do(sample_repo):
    with pytest.raises(NothingToDo):
        Store(sample_repo).apply(act(), lambda tx: tx.edit(TASK))


def test_trailers_cannot_be_forged_and_author_option(sample_repo):
    evil = "T-2016-003\nReformctl-Action: delete-everything"
    summary = "进展\n\nReformctl-Item: T-2016-999"
    Store(sample_repo, author="李四 <li@example.org>").apply(
        Action("progress", [evil], summary, AS_OF), add_progress("a\nReformctl-Item: X")
    )
    trailers = git(sample_repo, "log", "-1", "--format=%(trailers:only,unfold)").strip().splitlines()
    assert [t.split(":")[0] for t in trailers] == ["Reformctl-Action", "Reformctl-Item", "Reformctl-As-Of"]
    assert trailers[0] == "Reformctl-Action: progress"
    assert "\n" not in trailers[1] and "T-2016-999" not in "".join(trailers)
    assert (
        git(sample_repo, "log", "-1", "--format=%an <%ae>|%s").strip()
        == "李四 <li@example.org>|进展 Reformctl-Item: T-2016-999"
    )
    with pytest.raises(StoreError):
        Store(sample_repo, author="--upload-pack=evil")


def test_several_files_in_one_commit_and_dry_run(sample_repo):
    def build(tx):
        for n in (37, 38):
            tx.create(
                f"tasks/T-2016-0{n}.yaml",
                {
                    "id": f"T-2016-0{n}",
                    "title": f"任务{n}",
                    "lead_unit": "市发改委",
                    "start": AS_OF,
                    "due": dt.date(2016, 12, 31),
                    "status": "planned",
                },
            )

    store = Store(sample_repo)
    dry = store.apply(Action("import", ["T-2016-037", "T-2016-038"], "导入", AS_OF), build, dry_run=True)
    assert dry.commit is None and "+id: T-2016-037" in dry.diff
    assert not (sample_repo / "tasks/T-2016-037.yaml").exists()
    res = store.apply(Action("import", ["T-2016-037", "T-2016-038"], "导入", AS_OF), build)
    assert sorted(git(sample_repo, "show", "--name-only", "--format=", res.commit).split()) == [
        "tasks/T-2016-037.yaml",
        "tasks/T-2016-038.yaml",
    ]
    assert git(sample_repo, "status", "--porcelain") == ""
    from reformctl.api import check

    assert check(sample_repo).errors == 0


WRITER = textwrap.dedent("""
    import datetime as dt, sys
    from pathlib import Path
    from reformctl.store import Action, Store, append_entry
    root, tag = Path(sys.argv[1]), sys.argv[2]
    for i in range(50):
        def build(tx, i=i):
            doc = tx.edit("tasks/T-2016-003.yaml")
            append_entry(doc.data, "progress", {"date": dt.date(2016, 9, 30), "note": f"{tag}-{i}"})
        Store(root).apply(Action("progress", ["T-2016-003"], f"{tag} {i}", dt.date(2016, 9, 30)), build)
""")


def test_two_processes_writing_50_commits_each(sample_repo, tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    before = count(sample_repo)
    procs = [
        subprocess.Popen([sys.executable, str(script), str(sample_repo), tag], stderr=subprocess.PIPE)
        for tag in ("A", "B")
    ]
    for p in procs:
        _, stderr = p.communicate(timeout=600)
        assert p.returncode == 0, stderr.decode()
    assert count(sample_repo) == before + 100
    text = (sample_repo / TASK).read_text(encoding="utf-8")
    for tag in ("A", "B"):
        for i in range(50):
            assert f"note: {tag}-{i}}}" in text
    assert git(sample_repo, "status", "--porcelain") == ""
    assert git(sample_repo, "show", f"HEAD:{TASK}") == text


KILLER = textwrap.dedent("""
    import datetime as dt, os, signal, sys
    from pathlib import Path
    from reformctl.store import Action, Store, append_entry
    root, when = Path(sys.argv[1]), sys.argv[2]
    store = Store(root)
    die = lambda: os.kill(os.getpid(), signal.SIGKILL)
    if when == "before":
        store._before_update_ref = die
    else:
        store._after_update_ref = die
    def build(tx):
        doc = tx.edit("tasks/T-2016-003.yaml")
        append_entry(doc.data, "progress", {"date": dt.date(2016, 9, 30), "note": "被杀死的进程"})
    store.apply(Action("progress", ["T-2016-003"], "killed", dt.date(2016, 9, 30)), build)
""")


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_process_killed_half_way_is_rolled_back_or_finished(sample_repo, tmp_path, when):
    """SIGKILL after the files were written (before / after the branch moved): the next command repairs."""
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    before, text = head(sample_repo), (sample_repo / TASK).read_text(encoding="utf-8")
    p = subprocess.run([sys.executable, str(script), str(sample_repo), when], capture_output=True)
    assert p.returncode != 0
    moved = head(sample_repo) != before
    assert moved == (when == "after")
    res = Store(sample_repo).apply(act("T-2016-013"), add_progress(rel="tasks/T-2016-013.yaml"))
    assert any("interrupted" in w for w in res.warnings)
    assert git(sample_repo, "status", "--porcelain") == ""
    now = (sample_repo / TASK).read_text(encoding="utf-8")
    if when == "before":
        assert now == text and count(sample_repo) == 2
    else:
        assert "被杀死的进程" in now and count(sample_repo) == 3
    assert git(sample_repo, "show", f"HEAD:{TASK}") == now


def test_deleting_a_file_is_one_commit(sample_repo):
    (sample_repo / "notes.txt").write_text("x\n", encoding="utf-8")
    git(sample_repo, "add", "notes.txt")
    git(sample_repo, "commit", "-q", "-m", "notes")
    Store(sample_repo).apply(Action("remove", ["notes"], "删除", AS_OF), lambda tx: tx.delete("notes.txt"))
    assert git(sample_repo, "show", "--name-status", "--format=", "HEAD").split() == ["D", "notes.txt"]
    assert not (sample_repo / "notes.txt").exists()
    assert git(sample_repo, "status", "--porcelain") == ""


def test_deleting_an_item_file_is_refused(sample_repo):
    """`check --base` forbids deleting an item file, so the store refuses it (and changes nothing)."""
    head = git(sample_repo, "rev-parse", "HEAD")
    with pytest.raises(StoreError) as exc:
        Store(sample_repo).apply(
            Action("remove", ["T-2016-020"], "删除", AS_OF), lambda tx: tx.delete("tasks/T-2016-020.yaml")
        )
    assert any("item_deleted" in d for d in exc.value.details)
    assert git(sample_repo, "rev-parse", "HEAD") == head
    assert (sample_repo / "tasks/T-2016-020.yaml").exists()


NEWER = textwrap.dedent("""
    import datetime as dt, sys
    from pathlib import Path
    from reformctl.actions import new as writes
    from reformctl.store import Store
    root = Path(sys.argv[1])
    for i in range(10):
        action, build, _chosen = writes.new_item(root, "task", {"title": f"{sys.argv[2]}-{i}", "lead_unit": "市发改委",
                                                 "due": dt.date(2017, 6, 30)}, dt.date(2016, 12, 1))
        Store(root).apply(action, build)
""")


def test_two_processes_creating_items_get_distinct_ids(sample_repo, tmp_path):
    script = tmp_path / "newer.py"
    script.write_text(NEWER, encoding="utf-8")
    procs = [
        subprocess.Popen([sys.executable, str(script), str(sample_repo), tag], stderr=subprocess.PIPE)
        for tag in ("A", "B")
    ]
    for p in procs:
        _, stderr = p.communicate(timeout=600)
        assert p.returncode == 0, stderr.decode()
    new = sorted(p.name for p in (sample_repo / "tasks").glob("T-2016-0[3-5]*.yaml") if p.name > "T-2016-036.yaml")
    assert new == [f"T-2016-{n:03d}.yaml" for n in range(37, 57)]
    assert count(sample_repo) == 21 and git(sample_repo, "status", "--porcelain") == ""
