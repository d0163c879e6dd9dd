"""`reformctl close-out` (R13, R9) on real repositories: refusals, carry-overs, the record, exact diffs."""

from __future__ import annotations

import json

from conftest import git

AS_OF = ["--as-of", "2016-12-31"]
BLOCKERS = ["T-2016-003", "T-2016-013", "T-2016-027"]


def commits(repo) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD"))


def parse(repo, rel):
    from reformctl.load import yamlread

    return yamlread.parse((repo / rel).read_text(encoding="utf-8"))


def carry_args(ids=BLOCKERS):
    out = []
    for i in ids:
        out += ["--carry-over", i, "--reason", f"{i} 未完成", "--measures", "加快推进", "--new-due", "2017-06-30"]
    return out


def test_sample_refuses_and_lists_the_unfinished_items(sample_repo, cli):
    n, status = commits(sample_repo), git(sample_repo, "status", "--porcelain")
    r = cli("close-out", "--year", "2016", *AS_OF, "--ledger", sample_repo)
    assert r.exit_code == 1
    for i in BLOCKERS:
        assert i in r.stdout and i in r.stderr
    assert "T-2016-001" not in r.stdout  # has a carry_over already
    assert commits(sample_repo) == n and git(sample_repo, "status", "--porcelain") == status
    assert not (sample_repo / "closeouts").exists()
    r = cli("close-out", "--year", "2016", *AS_OF, "--format", "json", "--ledger", sample_repo)
    assert r.exit_code == 1
    assert [b["id"] for b in json.loads(r.stdout)["blocking"]] == BLOCKERS


def test_close_out_writes_one_commit_and_the_record(sample_repo, cli):
    n = commits(sample_repo)
    r = cli("close-out", "--year", "2016", *AS_OF, *carry_args(), "--ledger", sample_repo)
    assert r.exit_code == 0, r
    assert commits(sample_repo) == n + 1
    rec = parse(sample_repo, "closeouts/2016.yaml")
    assert rec["year"] == 2016 and rec["date"] == "2016-12-31"
    completed = sorted(
        t
        for t in (p.stem for p in (sample_repo / "tasks").glob("*.yaml"))
        if git(sample_repo, "show", f"HEAD~1:tasks/{t}.yaml").count("status: completed")
    )
    assert sorted(rec["closed"]) == completed and completed
    carried = {c["id"]: c for c in rec["carried_over"]}
    assert set(BLOCKERS) <= set(carried) and "T-2016-001" in carried  # the existing carry_over is recorded too
    assert carried["T-2016-003"]["new_due"] == "2017-06-30"
    # nothing due after 2016 is mentioned
    for tid in rec["closed"] + list(carried):
        assert parse(sample_repo, f"tasks/{tid}.yaml")["due"] <= "2016-12-31"
    t3 = parse(sample_repo, "tasks/T-2016-003.yaml")
    assert t3["carry_over"] == {"reason": "T-2016-003 未完成", "measures": "加快推进", "new_due": "2017-06-30"}
    for tid in rec["closed"]:
        t = parse(sample_repo, f"tasks/{tid}.yaml")
        assert t["status"] == "closed" and t["closed"] == "2016-12-31"
    assert git(sample_repo, "status", "--porcelain") == ""
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    trailers = git(sample_repo, "log", "-1", "--format=%(trailers:only,unfold)")
    assert "Reformctl-Action: close-out" in trailers and "Reformctl-As-Of: 2016-12-31" in trailers


def test_close_out_diff_is_only_status_and_closed_lines(sample_repo, cli):
    """Comments, key order, quoting and flow style survive: each written-off file changes by exactly 2 lines."""
    r = cli("close-out", "--year", "2016", *AS_OF, *carry_args(), "--ledger", sample_repo)
    assert r.exit_code == 0, r
    rec = parse(sample_repo, "closeouts/2016.yaml")
    for tid in rec["closed"]:
        rel = f"tasks/{tid}.yaml"
        diff = git(sample_repo, "diff", "-U0", "HEAD~1", "HEAD", "--", rel)
        lines = [ln for ln in diff.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
        assert sorted(lines) == sorted(["-status: completed", "+status: closed", "+closed: 2016-12-31"]) or sorted(
            lines
        ) == sorted(["-status: completed", "+status: closed", "-closed: null", "+closed: 2016-12-31"]), (rel, lines)
        old = git(sample_repo, "show", f"HEAD~1:{rel}").splitlines()
        new = (sample_repo / rel).read_text(encoding="utf-8").splitlines()
        assert [ln for ln in old if ln.lstrip().startswith("#")] == [ln for ln in new if ln.lstrip().startswith("#")]


def test_untouched_dirty_files_neither_block_nor_get_committed(sample_repo, cli):
    units = sample_repo / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "# 未提交的备注\n", encoding="utf-8")
    (sample_repo / "草稿.txt").write_text("x", encoding="utf-8")
    r = cli("close-out", "--year", "2016", *AS_OF, *carry_args(), "--ledger", sample_repo)
    assert r.exit_code == 0, r
    files = git(sample_repo, "show", "--name-only", "--format=", "HEAD").split()
    assert "units.yaml" not in files and "草稿.txt" not in files
    status = git(sample_repo, "-c", "core.quotepath=off", "status", "--porcelain").splitlines()
    assert set(status) == {" M units.yaml", "?? 草稿.txt"}


def test_a_touched_dirty_file_blocks(sample_repo, cli):
    t = sample_repo / "tasks/T-2016-002.yaml"  # completed, due in 2016: would be written off
    t.write_text(t.read_text(encoding="utf-8") + "# 正在编辑\n", encoding="utf-8")
    n = commits(sample_repo)
    r = cli("close-out", "--year", "2016", *AS_OF, *carry_args(), "--ledger", sample_repo)
    assert r.exit_code == 1 and "T-2016-002" in r.stderr
    assert commits(sample_repo) == n and not (sample_repo / "closeouts").exists()


def test_dry_run_and_carry_over_file(sample_repo, cli, tmp_path):
    csv = tmp_path / "carry.csv"
    csv.write_text(
        "id,reason,measures,new_due\n" + "".join(f"{i},原因,措施,2017-03-31\n" for i in BLOCKERS[:2]), encoding="utf-8"
    )
    yml = tmp_path / "carry.yaml"
    yml.write_text("- {id: T-2016-027, reason: 原因, measures: 措施, new_due: 2017-05-31}\n", encoding="utf-8")
    n = commits(sample_repo)
    r = cli("close-out", "--year", "2016", *AS_OF, "--carry-over-file", csv, "--dry-run", "--ledger", sample_repo)
    assert r.exit_code == 1 and "T-2016-027" in r.stdout and "T-2016-003" not in r.stdout
    r = cli(
        "close-out",
        "--year",
        "2016",
        *AS_OF,
        "--carry-over-file",
        csv,
        "--carry-over-file",
        yml,
        "-n",
        "--ledger",
        sample_repo,
    )
    assert r.exit_code == 0, r  # several files add up
    ok = cli(
        "close-out",
        "--year",
        "2016",
        *AS_OF,
        "--carry-over-file",
        yml,
        *carry_args(BLOCKERS[:2]),
        "-n",
        "--ledger",
        sample_repo,
    )
    assert ok.exit_code == 0 and "+status: closed" in ok.stdout
    assert commits(sample_repo) == n and git(sample_repo, "status", "--porcelain") == ""
    r = cli(
        "close-out",
        "--year",
        "2016",
        *AS_OF,
        "--carry-over-file",
        yml,
        *carry_args(BLOCKERS[:2]),
        "--format",
        "json",
        "--ledger",
        sample_repo,
    )
    out = json.loads(r.stdout)
    assert r.exit_code == 0 and out["commit"] == git(sample_repo, "rev-parse", "HEAD").strip()
    assert {c["id"]: c["new_due"] for c in out["carried_over"]}["T-2016-027"] == "2017-05-31"


def test_bad_carry_overs_are_usage_errors(sample_repo, cli):
    led = ["--ledger", sample_repo]
    r = cli(
        "close-out",
        "--year",
        "2016",
        *AS_OF,
        "--carry-over",
        "T-2016-002",
        "--reason",
        "r",
        "--measures",
        "m",
        "--new-due",
        "2017-01-01",
        *led,
    )
    assert r.exit_code == 2 and "not an unfinished task" in r.stderr  # completed
    r = cli("close-out", "--year", "2016", *AS_OF, "--carry-over", "T-2016-003", "--reason", "r", *led)
    assert r.exit_code == 2 and "each --carry-over needs its own --reason, --measures and --new-due" in r.stderr
    r = cli(
        "close-out",
        "--year",
        "2016",
        *AS_OF,
        "--carry-over",
        "T-2016-003",
        "--reason",
        "r",
        "--measures",
        "m",
        "--new-due",
        "2016-01-01",
        *led,
    )
    assert r.exit_code == 2 and "not after" in r.stderr
    r = cli("close-out", *AS_OF, *led)
    assert r.exit_code == 2 and "give either --year YYYY" in r.stderr


def test_plan_with_all_tasks_done_is_written_off(make_ledger, cli, tmp_path):
    task = """\
        id: {id}
        title: 任务
        source: PL-1
        lead_unit: 市发改委
        start: 2016-07-01
        due: 2016-11-30
        status: {status}
        completed: {completed}
        """
    root = make_ledger(
        {
            "plans/PL-1.yaml": "id: PL-1\ntitle: 方案\nlevel: city\nstatus: issued\nissued: 2016-06-01\n"
            "legality_review: 2016-05-01\n",
            "plans/PL-2.yaml": "id: PL-2\ntitle: 方案二\nlevel: city\nstatus: issued\nissued: 2016-06-01\n"
            "legality_review: 2016-05-01\n",
            "tasks/T-1.yaml": task.format(id="T-1", status="completed", completed="2016-11-01"),
            "tasks/T-2.yaml": task.format(id="T-2", status="cancelled", completed="null") + "cancel_reason: 合并\n",
            "tasks/T-3.yaml": task.format(id="T-3", status="completed", completed="2016-11-20")
            .replace("PL-1", "PL-2")
            .replace("2016-11-30", "2017-03-31"),
        }
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "init")
    assert cli("check", "--ledger", root).exit_code == 0
    r = cli("close-out", "--year", "2016", *AS_OF, "--ledger", root)
    assert r.exit_code == 0, r
    rec = parse(root, "closeouts/2016.yaml")
    assert rec["closed"] == ["T-1", "PL-1"] and rec["carried_over"] == []
    assert parse(root, "plans/PL-1.yaml")["status"] == "closed"
    assert parse(root, "plans/PL-2.yaml")["status"] == "issued"  # its task is due in 2017
    assert parse(root, "tasks/T-3.yaml")["status"] == "completed"
    assert cli("check", "--ledger", root).exit_code == 0
    # one item later: T-3 written off on its own, and added to the 2017 record only if there is one
    r = cli("close-out", "T-3", "--as-of", "2017-04-01", "--ledger", root)
    assert r.exit_code == 0 and parse(root, "tasks/T-3.yaml")["closed"] == "2017-04-01"
    r = cli("close-out", "T-3", "--ledger", root)
    assert r.exit_code == 1 and "already written off" in r.stderr
    r = cli("close-out", "PL-2", "--as-of", "2017-04-02", "--ledger", root)
    assert r.exit_code == 0 and parse(root, "plans/PL-2.yaml")["closed"] == "2017-04-02"
    assert cli("check", "--ledger", root).exit_code == 0


def test_close_out_one_unfinished_item_refused(sample_repo, cli):
    r = cli("close-out", "T-2016-003", *AS_OF, "--ledger", sample_repo)
    assert r.exit_code == 1 and "not completed" in r.stderr
