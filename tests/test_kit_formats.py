"""`check --format gitlab|sarif|markdown` and `--summary-file` (issue 7): the formats code-review tools read."""

from __future__ import annotations

import json

from conftest import git

from reformctl.i18n.catalogue import CATALOGUE

BAD_TASK = """\
id: T-1
title: 测试任务
lead_unit: 不存在的单位
start: 2016-07-01
due: 2016-06-30
status: planned
"""


def _bad(make_ledger):
    return make_ledger({"tasks/T-1.yaml": BAD_TASK})


def _in_repo(root, sub="office"):
    """Move the ledger into the sub-folder ``sub`` of a fresh git repository; returns (repo, ledger)."""
    repo = root.parent / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    root.rename(repo / sub)
    return repo, repo / sub


def _json_findings(cli, root):
    r = cli("check", "--ledger", root, "--format", "json")
    assert r.exit_code == 1, r
    return json.loads(r.stdout)


def test_gitlab_code_quality_report(cli, make_ledger, tmp_path):
    repo, root = _in_repo(_bad(make_ledger))
    found = _json_findings(cli, root)
    # paths are relative to the repository root, wherever reformctl runs from
    r = cli("check", "--ledger", root, "--format", "gitlab", cwd=tmp_path)
    assert r.exit_code == 1, r
    report = json.loads(r.stdout)
    assert len(report) == len(found) >= 2
    for entry, f in zip(report, found):
        assert set(entry) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert entry["check_name"] == f["code"]
        assert f["message"] in entry["description"]
        assert entry["severity"] == {"error": "major", "warning": "minor"}[f["severity"]]
        assert entry["location"] == {"path": "office/" + f["file"], "lines": {"begin": f["line"]}}
    fps = [e["fingerprint"] for e in report]
    assert len(set(fps)) == len(fps)


def test_gitlab_fingerprints_survive_moved_lines(cli, make_ledger):
    """Lines added above a problem change its line, not its fingerprint."""
    root = _bad(make_ledger)
    before = json.loads(cli("check", "--ledger", root, "--format", "gitlab").stdout)
    (root / "tasks/T-1.yaml").write_text("# 新增注释\n# 再一行\n" + BAD_TASK, encoding="utf-8")
    after = json.loads(cli("check", "--ledger", root, "--format", "gitlab").stdout)
    assert [e["location"]["lines"]["begin"] for e in after] != [e["location"]["lines"]["begin"] for e in before]
    assert [e["fingerprint"] for e in after] == [e["fingerprint"] for e in before]
    # ...while a different problem gets a different one
    (root / "tasks/T-1.yaml").write_text(BAD_TASK.replace("不存在的单位", "另一个不存在的单位"), encoding="utf-8")
    changed = json.loads(cli("check", "--ledger", root, "--format", "gitlab").stdout)
    assert {e["fingerprint"] for e in changed} != {e["fingerprint"] for e in before}


def test_sarif_2_1_0(cli, make_ledger):
    repo, root = _in_repo(_bad(make_ledger))
    found = _json_findings(cli, root)
    r = cli("check", "--ledger", root, "--format", "sarif", cwd=root / "tasks")
    assert r.exit_code == 1, r
    log = json.loads(r.stdout)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [x["id"] for x in rules][: len(CATALOGUE)] == list(CATALOGUE)
    for rule in rules[: len(CATALOGUE)]:
        entry = CATALOGUE[rule["id"]]
        assert rule["help"]["text"] == entry.fix
        assert entry.zh in rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] == entry.severity
    assert len(run["results"]) == len(found)
    for res, f in zip(run["results"], found):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == f["code"]
        assert res["level"] == f["severity"]
        assert res["message"]["text"] == f["message"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "office/" + f["file"], "uriBaseId": "%SRCROOT%"}
        assert loc["region"] == {"startLine": f["line"], "startColumn": f["column"]}
        assert res["partialFingerprints"]["reformctl/v1"]


def test_sarif_and_gitlab_on_a_clean_ledger(cli, make_ledger):
    root = make_ledger()
    r = cli("check", "--ledger", root, "--format", "gitlab")
    assert r.exit_code == 0 and json.loads(r.stdout) == [], r
    r = cli("check", "--ledger", root, "--format", "sarif")
    assert r.exit_code == 0 and json.loads(r.stdout)["runs"][0]["results"] == [], r


def test_markdown_and_summary_file(cli, make_ledger, tmp_path):
    root = _bad(make_ledger)
    found = _json_findings(cli, root)
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    r = cli("check", "--format", "github", "--summary-file", summary, cwd=root)
    assert r.exit_code == 1, r
    assert r.stdout.startswith("::error file=")  # the annotations still go to stdout
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n")  # appended, never replaced
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == len(found)
    for row, f in zip(rows, found):
        assert f"`{f['file']}` | {f['line']} | {f['severity']} | `{f['code']}`" in row
    r = cli("check", "--format", "markdown", cwd=root)
    assert r.exit_code == 1 and r.stdout.strip() in text, r


def test_summary_file_unwritable_is_a_usage_error(cli, make_ledger, tmp_path):
    r = cli("check", "--ledger", make_ledger(), "--summary-file", tmp_path / "no" / "such" / "dir" / "s.md")
    assert r.exit_code == 2, r
    assert "cannot write the summary" in r.stderr


def test_summary_file_lists_the_red_items_of_status(cli, tmp_path):
    from conftest import SAMPLE

    summary = tmp_path / "summary.md"
    r = cli("check", "--ledger", SAMPLE, "--summary-file", summary, "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    red = json.loads(
        cli("status", "--ledger", SAMPLE, "--as-of", "2016-12-31", "--light", "red", "--format", "json").stdout
    )
    assert red, "the sample ledger has red items on 2016-12-31"
    text = summary.read_text(encoding="utf-8")
    assert "No problems found." in text and "### Red items (2016-12-31)" in text
    rows = [line for line in text.split("### Red items", 1)[1].splitlines() if line.startswith("| `")]
    assert len(rows) == len(red)
    for row, f in zip(rows, red):
        assert row.startswith(f"| `{f['id']}` |")
        assert f"| {f['unit']} | {f['due']} | {f['days']} | `{f['rule']}` |" in row


def test_summary_file_has_no_red_items_on_a_broken_ledger(cli, make_ledger, tmp_path):
    summary = tmp_path / "summary.md"
    r = cli("check", "--ledger", _bad(make_ledger), "--summary-file", summary, "--lang", "zh")
    assert r.exit_code == 1, r
    text = summary.read_text(encoding="utf-8")
    assert "T-1.yaml` |" in text and "改正后才能计算红灯事项" in text
