"""`check --base`: what a change must not remove besides whole files: a problem of a rectification notice
(`problem_removed`), a milestone of a task (`milestone_removed`), an extension record, a reminder's report entry or
an id of a close-out record (`append_only`); nor is a close-out record deleted (`item_deleted`). On real
repositories of ledger-data/."""

from __future__ import annotations

import json

import pytest

from conftest import edit_file as edit
from conftest import git
from conftest import line_of as shared_line_of


def findings(cli, repo, ref="HEAD"):
    r = cli("check", "--ledger", repo, "--base", ref, "--format", "json")
    return r, json.loads(r.stdout)


def codes(found, *wanted):
    return sorted((f["code"], f["file"], f["line"]) for f in found if f["code"] in wanted)


def line_of(repo, rel, needle):
    return shared_line_of(repo, rel, needle, starts=True)


PROBLEM_2 = """  - no: 2
    description: 区委深改办专职督察人员实际到岗不足2人
    responsible: 锦江区委
    due: 2016-11-30
    reviews:
      - {due: 2016-10-31, done: 2016-11-02, result: 已向区委编办申请增配}
    rectified: 2016-11-25
    verified: null             # 待下次台账督察时现场核实
"""


def test_removing_a_problem_of_a_notice_is_reported(sample_repo, cli):
    rel = "notices/RN-2016-001.yaml"
    edit(sample_repo, rel, PROBLEM_2, "")
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1, found
    assert codes(found, "problem_removed") == [("problem_removed", rel, line_of(sample_repo, rel, "problems:"))]
    msg = next(f["message"] for f in found if f["code"] == "problem_removed")
    assert "problem 2" in msg and "RN-2016-001" in msg
    text = cli("check", "--ledger", sample_repo, "--base", "HEAD").stdout
    assert f"{rel}:{line_of(sample_repo, rel, 'problems:')}:" in text and "[problem_removed]" in text


def test_renumbering_a_problem_counts_as_removing_it(sample_repo, cli):
    rel = "notices/RN-2016-001.yaml"
    edit(sample_repo, rel, "  - no: 3\n", "  - no: 4\n")
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1
    assert [f["message"].split(" (")[0] for f in found if f["code"] == "problem_removed"] == ["problem 3"]


def test_removing_or_renaming_a_milestone_is_reported(sample_repo, cli):
    rel = "tasks/T-2016-001.yaml"
    edit(
        sample_repo,
        rel,
        """  - name: 出台支持科技成果转化配套政策
    due: 2016-09-30
    done: 2016-09-29
""",
        "",
    )
    edit(sample_repo, "tasks/T-2016-024.yaml", "name: 清单向社会公布", "name: 清单公布")
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1
    assert codes(found, "milestone_removed") == sorted(
        [
            ("milestone_removed", rel, line_of(sample_repo, rel, "milestones:")),
            (
                "milestone_removed",
                "tasks/T-2016-024.yaml",
                line_of(sample_repo, "tasks/T-2016-024.yaml", "milestones:"),
            ),
        ]
    )
    assert any("出台支持科技成果转化配套政策" in f["message"] for f in found if f["code"] == "milestone_removed")


def test_removing_all_milestones_points_at_the_file(sample_repo, cli):
    rel = "tasks/T-2016-024.yaml"
    edit(
        sample_repo,
        rel,
        """milestones:
  - {name: 市级部门清单审核, due: 2016-07-31, done: 2016-07-29}
  - {name: 清单向社会公布, due: 2016-11-15, done: 2016-11-10}
""",
        "",
    )
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1
    assert [(f["file"], f["line"]) for f in found if f["code"] == "milestone_removed"] == [(rel, 2)] * 2


def test_extension_records_are_kept(sample_repo, cli):
    rel = "tasks/T-2016-024.yaml"
    edit(sample_repo, rel, "    reason: 市级部门机构职能调整，部分清单需重新审核", "    reason: 改写的理由")
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1
    assert codes(found, "append_only") == [("append_only", rel, line_of(sample_repo, rel, "- requested:"))]
    git(sample_repo, "checkout", "-q", "--", rel)
    text = (sample_repo / rel).read_text(encoding="utf-8")
    start = text.index("extensions:")
    (sample_repo / rel).write_text(text[:start] + text[text.index("evidence:") :], encoding="utf-8")
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1
    assert [f["code"] for f in found if "extension record 1 was removed" in f["message"]] == ["append_only"]


def test_a_removed_report_entry_of_a_reminder_is_reported(sample_repo, cli):
    rel = "reminders/SR-2016-001.yaml"
    edit(sample_repo, rel, "  - {unit: 党的建设制度改革专项小组, date: 2016-08-31}\n", "")
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1
    assert [(f["code"], f["file"]) for f in found if f["code"] == "append_only"] == [("append_only", rel)]


def test_allowed_changes_to_problems_milestones_and_extensions_pass(sample_repo, cli):
    led = ["--ledger", sample_repo]
    base = git(sample_repo, "rev-parse", "HEAD").strip()
    # a pending extension, then its approval (`approve` fills in approver and approved: allowed)
    assert (
        cli("extend", "T-2016-003", "--new-due", "2017-03-31", "--reason", "r", "--as-of", "2016-10-25", *led).exit_code
        == 0
    )
    assert cli("approve", "T-2016-003", "--approver", "市委深改组", "--as-of", "2016-10-26", *led).exit_code == 0
    # a problem and a milestone added, a milestone marked done, a problem rectified
    edit(
        sample_repo,
        "notices/RN-2016-001.yaml",
        PROBLEM_2,
        PROBLEM_2.replace("verified: null ", "verified: 2016-12-20")
        + "  - no: 4\n    description: 新发现的问题\n    due: 2017-01-31\n",
    )
    edit(sample_repo, "tasks/T-2016-001.yaml", "progress:\n", "  - {name: 新增节点, due: 2016-12-30}\nprogress:\n")
    edit(sample_repo, "tasks/T-2016-001.yaml", "    done: 2016-12-12\n", "    done: 2016-12-13\n")
    r, found = findings(cli, sample_repo, base)
    assert [f for f in found if f["code"] in ("problem_removed", "milestone_removed", "append_only")] == []
    assert r.exit_code == 0, found


def test_import_refuses_a_workbook_that_drops_a_problem(sample_repo, cli, tmp_path):
    xl = pytest.importorskip("openpyxl")
    out = tmp_path / "a.xlsx"
    assert cli("export", "--ledger", sample_repo, "--xlsx", out, "--as-of", "2016-12-31", "--lang", "zh").exit_code == 0
    wb = xl.load_workbook(out)
    ws = wb["整改督办"]
    heads = [c.value for c in ws[1]]
    jc = heads.index("数据(JSON)") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "RN-2016-001")
    data = json.loads(ws.cell(row, jc).value)
    data["problems"] = [p for p in data["problems"] if p["no"] != 2]
    ws.cell(row, jc).value = json.dumps(data, ensure_ascii=False)
    ps = wb["整改问题"]
    ps.delete_rows(
        next(r for r in range(2, ps.max_row + 1) if ps.cell(r, 1).value == "RN-2016-001" and ps.cell(r, 2).value == 2)
    )
    f = tmp_path / "dropped.xlsx"
    wb.save(f)
    before = git(sample_repo, "rev-parse", "HEAD")
    r = cli("import", "--ledger", sample_repo, f)
    assert r.exit_code == 1, r
    assert f"sheet 整改督办, row {row}" in r.stderr and "[problem_removed]" in r.stderr, r.stderr
    assert git(sample_repo, "rev-parse", "HEAD") == before


def close_out_2016(cli, repo):
    carry = []
    for i in ("T-2016-003", "T-2016-013", "T-2016-027"):
        carry += ["--carry-over", i, "--reason", "r", "--measures", "m", "--new-due", "2017-06-30"]
    r = cli("close-out", "--year", "2016", "--as-of", "2016-12-31", *carry, "--ledger", repo)
    assert r.exit_code == 0, r
    assert (repo / "closeouts/2016.yaml").is_file()


def test_a_close_out_record_is_never_deleted_nor_shrunk(sample_repo, cli):
    close_out_2016(cli, sample_repo)
    rel = "closeouts/2016.yaml"
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 0, found
    (sample_repo / rel).unlink()
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1
    assert codes(found, "item_deleted") == [("item_deleted", rel, 1)]
    git(sample_repo, "checkout", "-q", "--", rel)
    text = (sample_repo / rel).read_text(encoding="utf-8")
    assert "T-2016-002" in text and "T-2016-003" in text
    # one written-off id and one carried-over entry dropped from the record
    lines = text.splitlines(keepends=True)
    kept, skip = [], False
    for ln in lines:
        if ln.strip() == "- T-2016-002":
            continue
        if ln.lstrip().startswith("- id: T-2016-003"):
            skip = True
            continue
        if skip and ln.startswith("    "):
            continue
        skip = False
        kept.append(ln)
    (sample_repo / rel).write_text("".join(kept), encoding="utf-8")
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1, found
    msgs = [f["message"] for f in found if f["code"] == "append_only" and f["file"] == rel]
    assert any("T-2016-002" in m and "`closed`" in m for m in msgs), msgs
    assert any("T-2016-003" in m and "`carried_over`" in m for m in msgs), msgs


def test_close_out_run_again_rewriting_a_carry_over_passes(sample_repo, cli):
    close_out_2016(cli, sample_repo)
    base = git(sample_repo, "rev-parse", "HEAD").strip()
    r = cli(
        "close-out",
        "--year",
        "2016",
        "--as-of",
        "2017-01-10",
        "--carry-over",
        "T-2016-003",
        "--reason",
        "r2",
        "--measures",
        "m2",
        "--new-due",
        "2017-09-30",
        "--carry-over",
        "T-2016-013",
        "--reason",
        "r",
        "--measures",
        "m",
        "--new-due",
        "2017-06-30",
        "--carry-over",
        "T-2016-027",
        "--reason",
        "r",
        "--measures",
        "m",
        "--new-due",
        "2017-06-30",
        "--ledger",
        sample_repo,
    )
    assert r.exit_code == 0, r
    assert "r2" in git(sample_repo, "diff", base, "HEAD", "--", "closeouts/2016.yaml")  # an entry rewritten
    r, found = findings(cli, sample_repo, base)
    assert [f for f in found if f["code"] in ("append_only", "item_deleted")] == [], found
