"""A loop of symbolic links is an unreadable_file error (it was an internal error), and a kind folder replaced
by a file (or a link that leads nowhere) is an error naming the folder (its items were silently dropped)."""

from __future__ import annotations

import json
import os
import shutil

import pytest


def diags(cli, root, *extra):
    r = cli("check", "--ledger", root, "--format", "json", *extra)
    return r, json.loads(r.stdout)


@pytest.mark.parametrize("no_cache", [(), ("--no-cache",)])
def test_a_loop_of_links_is_a_clear_error(cli, sample_copy, no_cache):
    os.symlink("loop-b.yaml", sample_copy / "tasks" / "loop-a.yaml")
    os.symlink("loop-a.yaml", sample_copy / "tasks" / "loop-b.yaml")
    r, out = diags(cli, sample_copy, *no_cache)
    assert r.exit_code == 1, r
    hits = [d for d in out if d["file"].startswith("tasks/loop-") and d["code"] == "unreadable_file"]
    assert len(hits) == 2 and all("loop of symbolic links" in d["message"] for d in hits), out
    zh = cli("check", "--ledger", sample_copy, "--lang", "zh", *no_cache)
    assert "符号链接构成循环" in zh.stdout, zh
    s = cli("status", "--ledger", sample_copy, "--as-of", "2016-12-31")
    assert s.exit_code == 1 and "internal error" not in s.stderr, s


def test_a_self_link_with_another_name_is_not_an_internal_error(cli, sample_copy):
    os.symlink("loop1", sample_copy / "tasks" / "loop1")
    r = cli("check", "--ledger", sample_copy)
    assert r.exit_code in (0, 1) and "internal error" not in r.stderr, r


@pytest.mark.parametrize("no_cache", [(), ("--no-cache",)])
def test_a_kind_folder_that_is_a_file_is_an_error(cli, sample_copy, no_cache):
    shutil.rmtree(sample_copy / "pilots")
    (sample_copy / "pilots").write_text("x\n", encoding="utf-8")
    r, out = diags(cli, sample_copy, *no_cache)
    assert r.exit_code == 1, r
    hits = [d for d in out if d["file"] == "pilots"]
    assert hits and hits[0]["code"] == "unreadable_file" and hits[0]["severity"] == "error", out
    assert "it is a file, not a folder" in hits[0]["message"]
    zh = cli("check", "--ledger", sample_copy, "--lang", "zh", *no_cache)
    assert "这是文件而不是文件夹" in zh.stdout, zh
    s = cli("status", "--ledger", sample_copy, "--as-of", "2016-12-31")
    assert s.exit_code == 1 and "run `reformctl check`" in s.stderr, s  # refused, not computed without pilots


def test_a_kind_folder_that_is_a_broken_link_is_an_error(cli, sample_copy):
    shutil.rmtree(sample_copy / "pilots")
    os.symlink("pilots", sample_copy / "pilots")
    r, out = diags(cli, sample_copy, "--no-cache")
    assert r.exit_code == 1, r
    hits = [d for d in out if d["file"] == "pilots"]
    assert hits and hits[0]["code"] == "unreadable_file", out
    assert "the items of this kind are not read" in hits[0]["message"]


def test_a_missing_kind_folder_is_still_fine(cli, sample_copy):
    shutil.rmtree(sample_copy / "cases")
    r = cli("check", "--ledger", sample_copy)
    assert r.exit_code == 0, r
