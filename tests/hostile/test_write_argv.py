"""Many paths in one write: the git command lines stay under the kernel's ARG_MAX (E2BIG made close-out and import
of many items an internal error). The child runs with a 512 KiB stack limit, so that its ARG_MAX is 128 KiB and
2,000 items are enough to pass it (instead of 60,000 at the default 2 MiB)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

from write_invariant import Before, assert_invariant, git

from conftest import REPO

N = 2000


def _small_stack() -> None:
    resource.setrlimit(resource.RLIMIT_STACK, (512 * 1024, resource.RLIM_INFINITY))


def test_close_out_of_thousands_of_items_under_a_small_arg_max(make_ledger, cli):
    files = {}
    for i in range(1, N + 1):
        files[f"tasks/T-2016-{i:05d}-with-a-long-name-to-fill-the-command-line.yaml"] = (
            f"id: T-2016-{i:05d}-with-a-long-name-to-fill-the-command-line\ntitle: t\nyear: 2016\nlead_unit: 市发改委\n"
            "start: 2016-01-05\ndue: 2016-06-30\nstatus: completed\ncompleted: 2016-06-01\n"
        )
    root = make_ledger(files)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    before = Before(root)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "reformctl",
            "close-out",
            "--year",
            "2016",
            "--as-of",
            "2016-12-31",
            "--ledger",
            str(root),
        ],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=_small_stack,
    )

    class R:
        exit_code, stdout, stderr = proc.returncode, proc.stdout, proc.stderr

    assert proc.returncode == 0, proc.stderr[-2000:]
    assert assert_invariant(before, R, cli)
    assert git(root, "show", "--stat", "--format=", "HEAD").count("\n") >= N


def test_argv_batches_keep_order_and_limit():
    from reformctl.store.git import argv_batches

    args = [f"p{i}" * (i % 7 + 1) for i in range(500)]
    batches = argv_batches(args, 100)
    assert [a for b in batches for a in b] == args
    assert all(sum(len(a) + 1 for a in b) <= 100 for b in batches)
    assert argv_batches(["x" * 500], 100) == [["x" * 500]]
    assert argv_batches([], 100) == []


def test_import_of_thousands_of_new_rows_under_a_small_arg_max(make_ledger, cli, tmp_path):
    """A workbook of N new tasks (a hand-made sheet, as an office fills one) is one commit of N new files; at the
    default ARG_MAX the same holds for 100,000 rows (E2BIG made it an internal error)."""
    import datetime as dt

    import openpyxl

    root = make_ledger()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("改革任务")
    ws.append(["编号", "任务名称", "牵头单位", "开始日期", "完成时限", "状态"])
    for i in range(1, N + 1):
        tid = f"T-2026-{i:05d}-with-a-long-name-to-fill-the-command-line"
        ws.append([tid, f"任务{i}", "市发改委", dt.date(2026, 1, 5), dt.date(2026, 12, 31), "未启动"])
    book = tmp_path / "many.xlsx"
    wb.save(book)
    before = Before(root)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, "-m", "reformctl", "import", str(book), "--as-of", "2026-01-05", "--ledger", str(root)],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=_small_stack,
    )

    class R:
        exit_code, stdout, stderr = proc.returncode, proc.stdout, proc.stderr

    assert proc.returncode == 0, proc.stderr[-2000:]
    assert assert_invariant(before, R, cli)
    assert len(list((root / "tasks").glob("*.yaml"))) == N
