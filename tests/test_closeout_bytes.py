"""The exact bytes `close-out` writes, pinned: a faster write path must write the very same files.

Each run's written files are compared byte for byte with tests/golden/closeout/expected/, made by the
round-trip (ruamel) write path. The tricky ledger (tests/golden/closeout/tricky/) holds the shapes an edit can
trip on: comments at the end of lines, between keys and at the end of the file, blank lines, quoted values,
`closed: null` / `~` already there, unusual key order, sequences flush with their key or indented by four,
a multi-line scalar, odd spacing, no newline at the end, `---`, CRLF line ends.

Regenerate (only when a change of output is intended, and review the diff): REFORMCTL_REGEN_GOLDEN=1 pytest
tests/test_closeout_bytes.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import git

GOLDEN = Path(__file__).resolve().parent / "golden" / "closeout"
REGEN = os.environ.get("REFORMCTL_REGEN_GOLDEN") == "1"
CARRY = [
    "--carry-over",
    "T-2016-003",
    "--reason",
    "基金管理机构未选定",
    "--measures",
    "加快遴选",
    "--new-due",
    "2017-03-31",
    "--carry-over",
    "T-2016-013",
    "--reason",
    "原因",
    "--measures",
    "措施",
    "--new-due",
    "2017-06-30",
    "--carry-over",
    "T-2016-027",
    "--reason",
    "原因",
    "--measures",
    "措施",
    "--new-due",
    "2017-06-30",
]


def written(repo: Path) -> dict[str, bytes]:
    """The files the last commit wrote, as they are in the working tree (and in the commit)."""
    names = git(repo, "-c", "core.quotepath=off", "show", "--name-only", "--format=", "HEAD").split()
    out = {}
    for rel in names:
        data = (repo / rel).read_bytes()
        assert data == git_bytes(repo, f"HEAD:{rel}"), rel
        out[rel] = data
    return out


def git_bytes(repo: Path, spec: str) -> bytes:
    import subprocess

    return subprocess.run(["git", "cat-file", "blob", spec], cwd=repo, check=True, capture_output=True).stdout


def pin(step: str, files: dict[str, bytes]) -> None:
    folder = GOLDEN / "expected" / step
    if REGEN:
        shutil.rmtree(folder, ignore_errors=True)
        for rel, data in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(data)
    want = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    assert sorted(files) == sorted(want), step
    for rel in want:
        assert files[rel] == want[rel], f"{step}: {rel} differs from the pinned bytes"


@pytest.fixture(autouse=True, params=["quick", "round-trip"])
def write_path(request, monkeypatch):
    """Every pinned run twice: with the quick edit of plain files, and with the ruamel round trip only."""
    if request.param == "round-trip":
        monkeypatch.setenv("REFORMCTL_NO_QUICK_EDIT", "1")
    else:
        monkeypatch.delenv("REFORMCTL_NO_QUICK_EDIT", raising=False)
    return request.param


@pytest.fixture
def tricky_repo(make_ledger):
    root = make_ledger({})
    shutil.copytree(GOLDEN / "tricky", root, dirs_exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "core.autocrlf", "false")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "init")
    return root


def test_sample_close_out_bytes(sample_repo, cli):
    r = cli("close-out", "--year", "2016", "--as-of", "2016-12-31", *CARRY, "--ledger", sample_repo)
    assert r.exit_code == 0, r
    pin("sample", written(sample_repo))


def test_tricky_close_out_bytes(tricky_repo, cli):
    led = ["--ledger", tricky_repo]
    r = cli(
        "close-out",
        "--year",
        "2016",
        "--as-of",
        "2017-01-15",
        "--carry-over",
        "T-K",
        "--reason",
        "年内未完成",
        "--measures",
        "加快推进",
        "--new-due",
        "2017-06-30",
        *led,
    )
    assert r.exit_code == 0, r
    files = written(tricky_repo)
    assert "tasks/T-M.yaml" not in files and "tasks/T-L.yaml" not in files
    pin("tricky-year", files)
    r = cli("close-out", "T-M", "--as-of", "2017-04-01", *led)
    assert r.exit_code == 0, r
    pin("tricky-one", written(tricky_repo))
    r = cli("close-out", "PL-2", "--as-of", "2017-04-02", *led)
    assert r.exit_code == 0, r
    pin("tricky-plan", written(tricky_repo))
    assert git(tricky_repo, "status", "--porcelain") == ""


def test_a_file_without_a_final_newline_is_written_off(make_ledger, cli):
    """Used to be refused: the new `closed:` line was glued to the last line (`completed: 2016-11-07closed: ...`)."""
    text = (
        "id: T-H\ntitle: 文件末尾没有换行\nsource: 《某文件》\nlead_unit: 市发改委\nstart: 2016-07-01\n"
        "due: 2016-11-30\nstatus: completed   # 已完成\ncompleted: 2016-11-07"
    )
    root = make_ledger({})
    (root / "tasks").mkdir()
    (root / "tasks/T-H.yaml").write_bytes(text.encode())
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "init")
    r = cli("close-out", "--year", "2016", "--as-of", "2017-01-15", "--ledger", root)
    assert r.exit_code == 0, r
    assert (root / "tasks/T-H.yaml").read_text(encoding="utf-8") == text.replace(
        "status: completed   # 已完成", "status: closed      # 已完成"
    ) + "\nclosed: 2017-01-15\n"


def test_one_item_is_added_to_its_years_record_only_after_the_year_end(make_ledger, cli):
    """closeouts/Y.yaml is the record of the year-end close-out (contract: `date` is its as-of date), so writing
    off one item before it creates no record; after it, the item joins the record in the same commit."""
    task = (
        "id: {id}\ntitle: 任务\nsource: 《某文件》\nlead_unit: 市发改委\nstart: 2016-07-01\ndue: {due}\n"
        "status: completed\ncompleted: 2016-10-01\n"
    )
    root = make_ledger(
        {
            "tasks/T-1.yaml": task.format(id="T-1", due="2016-11-30"),
            "tasks/T-2.yaml": task.format(id="T-2", due="2016-12-31"),
            "tasks/T-3.yaml": task.format(id="T-3", due="2016-12-31"),
        }
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "init")
    led = ["--ledger", root]
    assert cli("close-out", "T-1", "--as-of", "2016-12-01", *led).exit_code == 0
    assert not (root / "closeouts").exists()
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["tasks/T-1.yaml"]
    assert cli("close-out", "--year", "2016", "--as-of", "2016-12-20", *led).exit_code == 0
    assert cli("close-out", "T-3", "--as-of", "2017-01-05", *led).exit_code == 1  # written off by the year-end
    # a late one: completed after the year-end close-out, written off on its own
    (root / "tasks/T-4.yaml").write_text(task.format(id="T-4", due="2016-12-31"), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "T-4")
    assert cli("close-out", "T-4", "--as-of", "2017-01-10", *led).exit_code == 0
    assert sorted(git(root, "show", "--name-only", "--format=", "HEAD").split()) == [
        "closeouts/2016.yaml",
        "tasks/T-4.yaml",
    ]
    rec = (root / "closeouts/2016.yaml").read_text(encoding="utf-8")
    assert "date: 2016-12-20" in rec and "- T-4" in rec
    assert cli("check", *led).exit_code == 0
