"""A kind folder (tasks/) that is a symbolic link out of the ledger is refused like a linked file: nothing in
it is read, on any read path (fast reader, cache, forked workers), and nothing of it reaches any output."""

from __future__ import annotations

import json
import os

import pytest

SECRET = "TOKEN-ghp_s3cr3tvalue"

TASK = """\
id: T-{n}
title: {secret}
year: 2016
lead_unit: 市发改委
start: 2016-01-01
due: 2016-03-31
status: in_progress
"""


@pytest.fixture
def linked(make_ledger, tmp_path):
    outside = tmp_path / "outside" / "tasks"
    outside.mkdir(parents=True)
    for n in range(1, 4):
        (outside / f"T-{n}.yaml").write_text(TASK.format(n=n, secret=SECRET), encoding="utf-8")
    (outside / "T-9.yaml").write_text(f"{SECRET}: [unclosed\n", encoding="utf-8")  # a parse error quoting it
    root = make_ledger()
    os.symlink(outside, root / "tasks")
    return root


CHECK_FORMATS = ["text", "json", "github", "gitlab", "sarif", "markdown"]


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_check_refuses_the_folder_and_never_prints_what_is_in_it(cli, linked, cache):
    for _ in range(2):  # the second run goes through the cache when it is on
        for fmt in CHECK_FORMATS:
            r = cli("check", "--ledger", linked, "--format", fmt, *cache)
            assert r.exit_code == 1, (fmt, r)
            assert SECRET not in r.stdout + r.stderr, fmt
            assert "tasks" in r.stdout + r.stderr
    r = cli("check", "--ledger", linked, "--format", "json", *cache)
    found = json.loads(r.stdout)
    assert [(f["code"], f["file"]) for f in found] == [("symlink_outside", "tasks")]


def test_check_in_chinese_words_it(cli, linked):
    r = cli("check", "--ledger", linked, "--lang", "zh")
    assert "符号链接指向台账之外" in r.stdout + r.stderr
    assert SECRET not in r.stdout + r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--format", "json"],
        ["status", "--format", "csv"],
        ["status"],
        ["summary", "--format", "json", "--quarter", "2016Q1"],
        ["agenda", "--format", "json"],
    ],
)
def test_computing_commands_refuse_the_ledger(cli, linked, args):
    r = cli(*args, "--ledger", linked, "--as-of", "2016-12-31")
    assert r.exit_code == 1, r
    assert SECRET not in r.stdout + r.stderr


def test_export_refuses(cli, linked, tmp_path):
    r = cli("export", "--ledger", linked, "--xlsx", tmp_path / "x.xlsx", "--as-of", "2016-12-31")
    assert r.exit_code == 1, r
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("cache", [True, False])
def test_no_read_path_reads_it(linked, cache):
    from reformctl.load import load_ledger

    for jobs in (1, 2):
        res = load_ledger(linked, cache=cache, jobs=jobs)
        assert not res.ledger.tasks
        assert [d.code for d in res.errors] == ["symlink_outside"]
        assert SECRET not in repr(res.diagnostics)


def test_a_folder_linked_inside_the_ledger_is_read(cli, make_ledger):
    root = make_ledger({"archive/T-1.yaml": TASK.format(n=1, secret="任务")})
    os.symlink("archive", root / "tasks")
    r = cli("check", "--ledger", root, "--format", "json")
    assert r.exit_code == 0, r
