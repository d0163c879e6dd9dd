"""Deep nesting under `extra:` is a `check` error (too_deep), and no command recurses on it: export, the
edits of the write commands and `log` (whose history may hold such a version) answer clearly."""

from __future__ import annotations

import json

import pytest
from conftest import git


def deep(n: int) -> str:
    return "extra:\n  a: " + "[" * n + "1" + "]" * n + "\n"


@pytest.fixture
def deep_repo(sample_repo):
    p = sample_repo / "tasks" / "T-2016-002.yaml"
    assert "extra:" not in p.read_text(encoding="utf-8")
    with p.open("a", encoding="utf-8") as fh:
        fh.write(deep(900))
    git(sample_repo, "commit", "-qam", "deep extra")
    return sample_repo


def test_check_names_the_deep_extra(cli, deep_repo):
    r = cli("check", "--ledger", deep_repo, "--format", "json")
    assert r.exit_code == 1, r
    hits = [d for d in json.loads(r.stdout) if d["code"] == "too_deep"]
    assert hits and hits[0]["file"] == "tasks/T-2016-002.yaml", r.stdout
    assert "nested more than 32 levels deep" in hits[0]["message"]
    zh = cli("check", "--ledger", deep_repo, "--lang", "zh")
    assert "嵌套超过 32 层" in zh.stdout, zh


def test_32_levels_are_fine(cli, make_ledger):
    root = make_ledger(
        {
            "tasks/T-1.yaml": "id: T-1\ntitle: t\nlead_unit: 市发改委\nstart: 2016-07-01\n"
            "due: 2016-12-31\nstatus: planned\n" + "extra:\n  a: " + "[" * 31 + "1" + "]" * 31 + "\n"
        }
    )
    r = cli("check", "--ledger", root, "--format", "json")
    assert not [d for d in json.loads(r.stdout) if d["code"] == "too_deep"], r


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--xlsx", "{tmp}/out.xlsx", "--as-of", "2016-12-31"],
        ["status", "--as-of", "2016-12-31"],
        ["summary", "--as-of", "2016-12-31", "--format", "json"],
        ["report", "--html", "{tmp}/r.html", "--as-of", "2016-12-31"],
        ["calendar", "--ics", "-", "--as-of", "2016-12-31"],
    ],
)
def test_computing_commands_refuse_it_cleanly(cli, deep_repo, tmp_path, args):
    r = cli(*[a.format(tmp=tmp_path) for a in args], "--ledger", deep_repo)
    assert r.exit_code == 1, r
    assert "too_deep" in r.stderr


def test_editing_the_deep_item_is_a_clear_refusal(cli, deep_repo):
    before = git(deep_repo, "rev-parse", "HEAD")
    r = cli("progress", "T-2016-002", "进展", "--ledger", deep_repo, "--as-of", "2016-12-31")
    assert r.exit_code in (1, 2), r
    assert "nested too deeply" in r.stderr or "too_deep" in r.stderr, r
    assert "internal error" not in r.stderr and "recursion" not in r.stderr.lower()
    assert git(deep_repo, "rev-parse", "HEAD") == before
    assert git(deep_repo, "status", "--porcelain") == ""


def test_log_shows_the_deep_version_without_recursing(cli, deep_repo):
    r = cli("log", "T-2016-002", "--ledger", deep_repo)
    assert r.exit_code == 0, r
    assert "extra: (nested too deeply)" in r.stdout, r.stdout
    assert "id: T-2016-002" not in r.stdout.split("deep extra")[1].split("\n\n")[0]  # not "every field removed"
    j = cli("log", "T-2016-002", "--ledger", deep_repo, "--format", "json")
    assert j.exit_code == 0, j
