"""`reformctl assess`: deductions proposed from the ledger, the ranking, and --write as one commit."""

from __future__ import annotations

import json

from conftest import SAMPLE


def task(tid: str, unit: str = "市发改委", due: str = "2016-12-31", status: str = "in_progress", **fields) -> str:
    lines = [
        f"id: {tid}",
        f"title: 任务{tid}",
        "year: 2016",
        f"lead_unit: {unit}",
        "start: 2016-07-01",
        f"due: {due}",
        f"status: {status}",
    ]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


NOTICE = """\
id: RN-1
issued: 2016-10-10
issued_by: 市委深改办
to_unit: 某区委
problems:
  - {no: 1, description: 台账更新不及时, due: 2016-11-30, rectified: 2016-12-05}
  - {no: 2, description: 试点未备案, responsible: 市科技局, due: 2016-11-30, refused: true}
  - {no: 3, description: 按期整改, due: 2016-11-30, rectified: 2016-11-20}
  - {no: 4, description: 明年到期, due: 2017-03-31}
"""

FILES = {
    "tasks/T-1.yaml": task("T-1"),  # unfinished: 市发改委 -3
    "tasks/T-2.yaml": task("T-2", status="completed", completed="2016-12-30"),
    "tasks/T-3.yaml": task("T-3", unit="市科技局", status="completed", completed="2017-01-05"),  # late: -3
    "tasks/T-4.yaml": task("T-4", due="2017-06-30"),  # due next year: not yet unfinished
    "tasks/T-5.yaml": task("T-5", status="cancelled", cancel_reason="并入T-1"),
    "notices/RN-1.yaml": NOTICE,
    "accountability/A-1.yaml": """\
        id: A-1
        target: 市发改委
        ground: refused_rectification
        measure: point_deduction
        decided: 2016-12-20
        implemented_by: [市委深改办, 市委督查室, 市政府督查室]   # art. 16: both inspection offices
        points: 1.5
        """,
    "accountability/A-2.yaml": """\
        id: A-2
        target: 市科技局
        ground: task_not_done
        measure: point_deduction
        decided: 2016-12-20
        implemented_by: [市委深改办, 市委督查室, 市政府督查室]   # art. 16: both inspection offices
        points: 4
        exemption: 先行先试，予以容错免责
        """,
}


def assess_json(cli, root, *args):
    r = cli("assess", "--ledger", root, "--year", "2016", "--format", "json", *args)
    assert r.exit_code == 0, r
    return json.loads(r.stdout)


def test_proposals_from_the_ledger(cli, make_ledger):
    out = assess_json(cli, make_ledger(FILES))
    got = [(p["unit"], p["points"], p["rule"], p["source"], p["recorded"]) for p in out["proposals"]]
    assert got == [
        ("市发改委", 3.0, "task_unfinished", "T-1", False),
        ("市科技局", 3.0, "task_unfinished", "T-3", False),
        ("某区委", 1.0, "problem_overdue", "RN-1#1", False),
        ("市科技局", 2.0, "problem_refused", "RN-1#2", False),
        ("市发改委", 1.5, "point_deduction", "A-1", False),
    ]
    assert out["proposals"][-1]["accountability"] == "A-1"
    ranking = [(r["rank"], r["unit"], r["score"], r["new"]) for r in out["ranking"]]
    assert ranking == [(1, "某区委", 99.0, 1.0), (2, "市发改委", 95.5, 4.5), (3, "市科技局", 95.0, 5.0)]


def test_existing_file_counts_and_keeps_manual_scores(cli, make_ledger):
    from conftest import MINIMAL_UNITS

    files = dict(FILES)
    files["units.yaml"] = MINIMAL_UNITS + "- id: 市财政局\n  name: 市财政局\n  type: department\n"
    files["assessments/2016.yaml"] = """\
        year: 2016
        units:
          - unit: 市发改委
            score: 97
            deductions:
              - {points: 2, reason: T-1逾期未完成}
              - {points: 1.5, reason: 追责扣分, accountability: A-1}
          - unit: 市财政局
            score: 96.5
            deductions:
              - {points: 3.5, reason: 其他扣分}
          - unit: 某区委
            deductions:
              - {points: 0.5, reason: 整改督办通知RN-1问题3未按期报告}
        """
    out = assess_json(cli, make_ledger(files))
    rec = {p["source"]: p["recorded"] for p in out["proposals"]}
    # T-1 and A-1 are named by 市发改委's entries; RN-1 problem 3 is not problem 1
    assert rec == {"T-1": True, "T-3": False, "RN-1#1": False, "RN-1#2": False, "A-1": True}
    ranking = {r["unit"]: (r["score"], r["new"]) for r in out["ranking"]}
    assert ranking == {"市发改委": (97.0, 0.0), "市财政局": (96.5, 0.0), "某区委": (98.5, 1.0), "市科技局": (95.0, 5.0)}


def test_points_can_be_set_in_settings(cli, make_ledger):
    files = dict(FILES)
    files["reformctl.yaml"] = (
        "name: 测试台账\nlevel: city\nstart: 2016-07-01\nextra:\n  assessment_points:\n"
        "    task_unfinished: 5\n    problem_overdue: 0.5\n"
    )
    out = assess_json(cli, make_ledger(files))
    pts = {p["source"]: p["points"] for p in out["proposals"]}
    assert pts["T-1"] == 5.0 and pts["RN-1#1"] == 0.5 and pts["RN-1#2"] == 2.0


def test_table_in_both_languages(cli, make_ledger):
    root = make_ledger(FILES)
    zh = cli("assess", "--ledger", root, "--year", "2016", "--lang", "zh", env={"COLUMNS": "220"})
    assert zh.exit_code == 0, zh
    assert "2016年度考核排名" in zh.stdout and "拒不整改" in zh.stdout and "待审核" in zh.stdout
    assert "--write" in zh.stderr
    en = cli("assess", "--ledger", root, "--year", "2016", "--lang", "en", env={"COLUMNS": "220"})
    assert "Assessment ranking 2016" in en.stdout and "refused to rectify" in en.stdout


def test_nothing_to_propose(cli, make_ledger):
    r = cli("assess", "--ledger", make_ledger(), "--year", "2016", "--lang", "en")
    assert r.exit_code == 0 and "The ledger suggests no deduction" in r.stdout


def test_sample_ledger_respects_recorded_entries(cli):
    out = assess_json(cli, SAMPLE)
    rec = {p["source"]: p["recorded"] for p in out["proposals"]}
    assert rec["T-2016-013"] and rec["A-2016-002"] and rec["RN-2016-002#1"] and rec["T-2016-001"]
    assert not all(rec.values())  # some proposals are for the office to review
    top = out["ranking"][0]
    assert top["rank"] == 1 and top["score"] == 100


# ---------------------------------------------------------------- --write: one commit through the store
def _head(repo):
    from conftest import git

    return git(repo, "rev-parse", "HEAD").strip()


def test_write_merges_into_the_existing_file_as_one_commit(cli, sample_repo):
    from conftest import git

    before = (sample_repo / "assessments/2016.yaml").read_text(encoding="utf-8")
    head = _head(sample_repo)
    pending = [p for p in assess_json(cli, sample_repo)["proposals"] if not p["recorded"]]
    assert pending
    r = cli("assess", "--ledger", sample_repo, "--year", "2016", "--as-of", "2016-12-31", "--write")
    assert r.exit_code == 0, r
    assert git(sample_repo, "rev-list", "--count", f"{head}..HEAD").strip() == "1"
    assert git(sample_repo, "show", "--name-only", "--format=", "HEAD").split() == ["assessments/2016.yaml"]
    assert "Reformctl-Action: assess" in git(sample_repo, "log", "-1", "--format=%B")
    assert git(sample_repo, "status", "--porcelain") == ""
    after = (sample_repo / "assessments/2016.yaml").read_text(encoding="utf-8")
    diff = git(sample_repo, "diff", f"{head}..HEAD", "--", "assessments/2016.yaml")
    assert not [ln for ln in diff.splitlines() if ln.startswith("-") and not ln.startswith("---")]  # only additions
    assert after.startswith(before.rstrip("\n"))  # comments and manual entries kept, in place
    now = assess_json(cli, sample_repo)
    assert all(p["recorded"] for p in now["proposals"])
    ranking = {x["unit"]: x["score"] for x in now["ranking"]}
    for p in pending:
        assert ranking[p["unit"]] <= 100 - p["points"]
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    # a second run has nothing to add and makes no commit
    head2 = _head(sample_repo)
    r = cli("assess", "--ledger", sample_repo, "--year", "2016", "--write")
    assert r.exit_code == 0 and "nothing written" in r.stderr and _head(sample_repo) == head2


def test_write_lowers_a_manual_score_and_creates_a_missing_file(cli, make_ledger):
    from conftest import git

    files = dict(FILES)
    files["assessments/2016.yaml"] = """\
        # 手工录入
        year: 2016
        units:
          - unit: 市发改委
            score: 99   # 含加分
            deductions:
              - points: 1
                reason: 其他扣分
        """
    root = make_ledger(files)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "init")
    r = cli("assess", "--ledger", root, "--year", "2016", "--write")
    assert r.exit_code == 0, r
    import yaml

    data = yaml.safe_load((root / "assessments/2016.yaml").read_text(encoding="utf-8"))
    fa = data["units"][0]
    assert fa["unit"] == "市发改委" and fa["score"] == 94.5  # 99 - 3 (T-1) - 1.5
    assert [d["reason"] for d in fa["deductions"]][0] == "其他扣分"
    assert [d.get("extra", {}).get("source") for d in fa["deductions"][1:]] == ["T-1", "A-1"]
    assert fa["deductions"][2]["accountability"] == "A-1"
    import re

    assert re.search(r"score: 94.5 +# 含加分\n", (root / "assessments/2016.yaml").read_text(encoding="utf-8"))
    assert {u["unit"]: u["score"] for u in data["units"][1:]} == {"市科技局": 95, "某区委": 99}
    # a year with no file yet: created, in the same single-commit way
    r = cli("assess", "--ledger", root, "--year", "2017", "--as-of", "2017-12-31", "--write")
    assert r.exit_code == 0, r
    assert yaml.safe_load((root / "assessments/2017.yaml").read_text(encoding="utf-8"))["year"] == 2017
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["assessments/2017.yaml"]


def test_write_refuses_uncommitted_edits_and_changes_nothing(cli, sample_repo):
    path = sample_repo / "assessments/2016.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# 未提交的修改\n", encoding="utf-8")
    edited = path.read_text(encoding="utf-8")
    head = _head(sample_repo)
    r = cli("assess", "--ledger", sample_repo, "--year", "2016", "--write")
    assert r.exit_code == 1 and "uncommitted" in r.stderr
    assert path.read_text(encoding="utf-8") == edited and _head(sample_repo) == head


def test_dry_run_and_usage_errors(cli, sample_repo, sample_copy):
    head = _head(sample_repo)
    before = (sample_repo / "assessments/2016.yaml").read_text(encoding="utf-8")
    r = cli("assess", "--ledger", sample_repo, "--year", "2016", "--write", "--dry-run", "--format", "json")
    assert r.exit_code == 0, r
    json.loads(r.stdout)  # the diff went to stderr
    assert "+++ b/assessments/2016.yaml" in r.stderr
    assert _head(sample_repo) == head and (sample_repo / "assessments/2016.yaml").read_text(encoding="utf-8") == before
    r = cli("assess", "--ledger", sample_repo, "--dry-run")
    assert r.exit_code == 2 and "--dry-run goes with --write" in r.stderr
    r = cli("assess", "--ledger", sample_copy, "--year", "2016", "--write")
    assert r.exit_code == 2 and "git" in r.stderr


def test_write_with_nothing_to_propose_creates_no_file(cli, make_ledger):
    from conftest import git

    root = make_ledger()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "init")
    head = _head(root)
    r = cli("assess", "--ledger", root, "--year", "2016", "--write", "--lang", "zh")
    assert r.exit_code == 0 and "无需写入" in r.stderr
    assert not (root / "assessments").exists() and _head(root) == head
