"""The `$schema` modeline of every YAML file reformctl writes points at a schema that exists, relative to that
file: in a ledger made by `init` (stand-alone, or a sub-folder of a repository), in a sub-folder ledger using
the repository's `schemas/` (as ledger-data/ does), and none at all when there is no schema folder."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, git

openpyxl = pytest.importorskip("openpyxl")

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)

UNITS = """\
- {id: 区委深改办, name: 区委全面深化改革委员会办公室, type: reform_office}
- {id: 区发改委, name: 区发展和改革委员会, type: department}
"""


def write_everything(cli, led: Path, tmp_path: Path) -> list[str]:
    """Every command that creates a YAML file, once each; returns the files created."""
    before = {p for p in led.rglob("*.yaml")}
    ok = lambda *a: (lambda r: (r.exit_code == 0) or pytest.fail(repr(r)))(cli(*a, "--ledger", led))  # noqa: E731
    ok(
        "new",
        "task",
        "--title",
        "任务一",
        "--lead-unit",
        "区发改委",
        "--start",
        "2025-01-10",
        "--due",
        "2025-06-30",
        "--as-of",
        "2025-01-10",
    )
    ok("complete", "T-2025-001", "--as-of", "2025-06-20")
    ok(
        "new",
        "task",
        "--title",
        "任务二",
        "--lead-unit",
        "区发改委",
        "--start",
        "2025-01-10",
        "--due",
        "2025-11-30",
        "--as-of",
        "2025-01-10",
    )
    ok(
        "new",
        "event",
        "--kind",
        "training",
        "--unit",
        "区委深改办",
        "--date",
        "2025-03-01",
        "--title",
        "培训",
        "--as-of",
        "2025-03-01",
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "改革任务"
    ws.append(["编号", "任务名称", "牵头单位", "开始日期", "完成时限", "状态"])
    ws.append(["T-2025-009", "表格录入的任务", "区发改委", dt.date(2025, 2, 1), dt.date(2026, 5, 31), "未启动"])
    f = tmp_path / "book.xlsx"
    wb.save(f)
    ok("import", f, "--as-of", "2025-06-30")
    ok(
        "close-out",
        "--year",
        "2025",
        "--as-of",
        "2025-12-31",
        "--carry-over",
        "T-2025-002",
        "--reason",
        "需省级批复",
        "--measures",
        "跟踪督办",
        "--new-due",
        "2026-03-31",
    )
    ok("assess", "--year", "2025", "--write", "--as-of", "2026-01-05")
    return sorted(p.relative_to(led).as_posix() for p in set(led.rglob("*.yaml")) - before)


def modelines(root: Path) -> dict[str, str]:
    out = {}
    for p in root.rglob("*.yaml"):
        if ".git" in p.parts:
            continue
        m = MODELINE.search(p.read_text(encoding="utf-8"))
        if m:
            out[p.relative_to(root).as_posix()] = m.group(1)
    return out


def assert_all_resolve(root: Path) -> dict[str, str]:
    lines = modelines(root)
    broken = {rel: target for rel, target in lines.items() if not (root / rel).parent.joinpath(target).is_file()}
    assert not broken, f"modelines pointing at nothing: {broken}"
    return lines


def init_ledger(cli, led: Path) -> Path:
    r = cli("init", led, "--start", "2025-01-01", "--level", "district")
    assert r.exit_code == 0, r
    (led / "units.yaml").write_text(UNITS, encoding="utf-8")
    top = Path(git(led, "rev-parse", "--show-toplevel").strip())
    git(top, "commit", "-qam", "units")
    return led


def test_stand_alone_init_ledger(cli, tmp_path):
    led = init_ledger(cli, tmp_path / "台账")
    created = write_everything(cli, led, tmp_path)
    assert {"tasks/T-2025-001.yaml", "tasks/T-2025-009.yaml", "closeouts/2025.yaml", "assessments/2025.yaml"} <= set(
        created
    ), created
    lines = assert_all_resolve(led)
    assert lines["tasks/T-2025-001.yaml"] == "../schemas/task.schema.json"
    assert lines["tasks/T-2025-009.yaml"] == "../schemas/task.schema.json"
    assert lines["closeouts/2025.yaml"] == "../schemas/closeout.schema.json"
    assert lines["assessments/2025.yaml"] == "../schemas/assessment.schema.json"
    assert cli("check", "--ledger", led).exit_code == 0


def test_init_ledger_in_a_sub_folder_of_a_repository(cli, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "notes.md").write_text("x\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "start")
    led = init_ledger(cli, repo / "offices" / "改革台账")
    write_everything(cli, led, tmp_path)
    lines = assert_all_resolve(repo)
    assert lines["offices/改革台账/tasks/T-2025-001.yaml"] == "../schemas/task.schema.json"


def test_sub_folder_ledger_using_the_repository_schemas(cli, tmp_path):
    """The layout of this repository: ledger-data/ next to schemas/."""
    repo = tmp_path / "repo"
    shutil.copytree(SAMPLE, repo / "ledger-data")
    shutil.copytree(SAMPLE.parent / "schemas", repo / "schemas")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "sample")
    r = cli(
        "new",
        "task",
        "--title",
        "新任务",
        "--lead-unit",
        "市发改委",
        "--due",
        "2017-06-30",
        "--as-of",
        "2016-12-01",
        "--ledger",
        repo / "ledger-data",
    )
    assert r.exit_code == 0, r
    lines = assert_all_resolve(repo)
    assert lines["ledger-data/tasks/T-2016-037.yaml"] == "../../schemas/task.schema.json"


def test_no_schema_folder_no_modeline(cli, sample_repo):
    """A ledger with no schemas/ anywhere in its repository: no modeline rather than a path to nothing."""
    r = cli(
        "new",
        "task",
        "--title",
        "新任务",
        "--lead-unit",
        "市发改委",
        "--due",
        "2017-06-30",
        "--as-of",
        "2016-12-01",
        "--ledger",
        sample_repo,
    )
    assert r.exit_code == 0, r
    text = (sample_repo / "tasks/T-2016-037.yaml").read_text(encoding="utf-8")
    assert "yaml-language-server" not in text and text.startswith("id: T-2016-037\n")


def test_the_sample_ledger_modelines_resolve():
    assert_all_resolve(SAMPLE)
