"""`log` in a shallow clone says where the history is cut, instead of showing the boundary commit as the
item's creation."""

from __future__ import annotations

import json
import subprocess

from conftest import git


def test_log_in_a_shallow_clone_names_the_cut(cli, sample_repo, tmp_path):
    for note in ("一", "二"):
        r = cli("progress", "T-2016-003", note, "--ledger", sample_repo, "--as-of", "2016-12-31")
        assert r.exit_code == 0, r
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{sample_repo}", str(clone)], check=True)
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    r = cli("log", "T-2016-003", "--ledger", clone)
    assert r.exit_code == 0, r
    assert "created" not in r.stdout, r.stdout  # the boundary is not the item's creation
    assert "shallow clone is cut here" in r.stdout
    assert "git fetch --unshallow" in r.stderr
    j = cli("log", "T-2016-003", "--ledger", clone, "--format", "json")
    rows = json.loads(j.stdout)
    assert [x.get("shallow_boundary", False) for x in rows] == [False, True], rows
    zh = cli("log", "T-2016-003", "--ledger", clone, env={"LANG": "zh_CN.UTF-8"})
    assert "浅克隆" in zh.stderr, zh


def test_log_in_a_full_clone_says_nothing_of_it(cli, sample_repo):
    r = cli("log", "T-2016-003", "--ledger", sample_repo)
    assert r.exit_code == 0 and "shallow" not in r.stdout + r.stderr and "created" in r.stdout, r
