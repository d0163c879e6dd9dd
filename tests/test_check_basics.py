"""`reformctl check` on the sample ledger and on the bad inputs issue 2 names."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import SAMPLE


def test_sample_ledger_is_clean(cli):
    r = cli("check", "--ledger", SAMPLE)
    assert r.exit_code == 0, r
    assert "no problems found" in r.stderr


def test_sample_ledger_json_is_empty_array(cli):
    r = cli("check", "--ledger", SAMPLE, "--format", "json")
    assert r.exit_code == 0, r
    assert json.loads(r.stdout) == []


BAD_FILES = {
    "broken_yaml": ("tasks/T-1.yaml", b"id: T-1\n  bad: [\n", "yaml_syntax", 2),
    "alias_bomb": (
        "tasks/T-1.yaml",
        b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
        "yaml_alias",
        1,
    ),
    "duplicate_keys": ("tasks/T-1.yaml", b"id: T-1\ntitle: a\nid: T-1\n", "yaml_duplicate_key", 3),
    "latin1": ("tasks/T-1.yaml", b"id: T-1\ntitle: caf\xe9\n", "not_utf8", 2),
    "empty": ("tasks/T-1.yaml", b"", "empty_file", 1),
    "a_list": ("tasks/T-1.yaml", b"- id: T-1\n", "not_a_mapping", 1),
    "binary": ("tasks/T-1.yaml", b"\x89PNG\r\n\x1a\n\0\0\0", "binary_file", 1),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_a_finding_not_a_crash(cli, make_ledger, case):
    rel, data, code, line = BAD_FILES[case]
    root = make_ledger()
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(data)
    r = cli("check", "--ledger", root, "--format", "json")
    assert r.exit_code == 1, r
    found = json.loads(r.stdout)
    assert {"file": rel, "line": line, "code": code} in [{k: f[k] for k in ("file", "line", "code")} for f in found], (
        found
    )


def test_bad_date_has_its_line(cli, make_ledger):
    root = make_ledger(
        {
            "tasks/T-1.yaml": """\
        id: T-1
        title: 测试任务
        lead_unit: 市发改委
        start: 2016-07-01
        due: 2025-02-30
        status: planned
        """
        }
    )
    r = cli("check", "--ledger", root)
    assert r.exit_code == 1
    assert "tasks/T-1.yaml:5:1: error [invalid_date]" in r.stdout


def test_yaml12_no_is_a_string_not_false(cli, make_ledger):
    # `no: 1` is a problem number key; `major: no` is text, hence an invalid boolean
    root = make_ledger(
        {
            "tasks/T-1.yaml": """\
        id: T-1
        title: 测试任务
        major: no
        lead_unit: 市发改委
        start: 2016-07-01
        due: 2016-12-31
        status: planned
        """
        }
    )
    r = cli("check", "--ledger", root)
    assert "T-1.yaml:3:1: error [invalid_value] major" in r.stdout
    assert "true or false" in r.stdout


def test_huge_file_refused_without_reading(cli, make_ledger):
    root = make_ledger()
    (root / "tasks").mkdir()
    with open(root / "tasks" / "T-1.yaml", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    r = cli("check", "--ledger", root, "-f", "json")
    assert r.exit_code == 1
    assert [f["code"] for f in json.loads(r.stdout)] == ["file_too_large"]


def test_symlink_out_of_ledger(cli, make_ledger, tmp_path):
    root = make_ledger()
    outside = tmp_path / "secret.yaml"
    outside.write_text("id: T-1\n")
    (root / "tasks").mkdir()
    os.symlink(outside, root / "tasks" / "T-1.yaml")
    r = cli("check", "--ledger", root, "-f", "json")
    assert [f["code"] for f in json.loads(r.stdout)] == ["symlink_outside"]


def test_missing_settings_is_usage_error(cli, make_ledger):
    root = make_ledger()
    (root / "reformctl.yaml").unlink()
    r = cli("check", "--ledger", root)
    assert r.exit_code == 2
    assert "reformctl.yaml" in r.stderr


def test_nonexistent_ledger_is_usage_error(cli, tmp_path):
    r = cli("check", "--ledger", tmp_path / "nope")
    assert r.exit_code == 2
    assert "does not exist" in r.stderr


def test_unreadable_settings_is_a_finding(cli, make_ledger):
    root = make_ledger({"reformctl.yaml": "name: [\n"})
    r = cli("check", "--ledger", root)
    assert r.exit_code == 1
    assert "reformctl.yaml:" in r.stdout


def test_ledger_found_from_env_and_upward(cli, make_ledger, monkeypatch):
    root = make_ledger({"tasks/T-1.yaml": "id: T-2\n"})
    sub = root / "tasks"
    r = cli("check", "-f", "json", cwd=sub)  # nearest reformctl.yaml upward
    assert r.exit_code == 1 and "T-1.yaml" in r.stdout
    monkeypatch.setenv("REFORMCTL_LEDGER", str(root))
    r = cli("check", "-f", "json", cwd=root.parent)
    assert r.exit_code == 1 and "T-1.yaml" in r.stdout


def test_default_is_ledger_data_folder(cli, make_ledger, tmp_path):
    make_ledger(name="ledger-data")
    r = cli("check", cwd=tmp_path)
    assert r.exit_code == 0, r


def test_errors_sorted_by_file_and_line(cli, make_ledger):
    root = make_ledger(
        {
            "tasks/T-2.yaml": "id: T-2\ntitle: x\nlead_unit: 无此单位\nstart: 2016-07-01\ndue: 2016-01-01\nstatus: planned\n",
            "tasks/T-1.yaml": "id: T-1\ntitle: x\nlead_unit: 市发改委\nstart: 2016-07-01\ndue: 2016-08-01\nstatus: done\n",
        }
    )
    r = cli("check", "--ledger", root, "-f", "json")
    got = [(f["file"], f["line"]) for f in json.loads(r.stdout)]
    assert got == sorted(got)
    assert ("tasks/T-1.yaml", 6) in got and ("tasks/T-2.yaml", 3) in got and ("tasks/T-2.yaml", 4) in got


def test_github_format_escapes_and_logs(cli, make_ledger):
    root = make_ledger(
        {
            "tasks/T-1.yaml": "id: T-1\ntitle: x\nlead_unit: a,b:c%\nstart: 2016-07-01\ndue: 2016-08-01\nstatus: planned\n"
        }
    )
    r = cli("check", "--ledger", root, "-f", "github")
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    ann = [l for l in lines if l.startswith("::error ")]
    assert len(ann) == 1
    assert ann[0].startswith("::error file=")
    assert "line=3,col=1,title=reformctl unknown_unit::" in ann[0]
    assert "a,b:c%25" in ann[0]  # message data: % escaped, , and : kept
    assert "::group::" in r.stdout and "::endgroup::" in r.stdout
    assert any("[unknown_unit]" in l for l in lines)  # the full log


def test_console_script_runs_and_no_traceback(make_ledger):
    root = make_ledger({"tasks/T-1.yaml": "id: [\n"})
    p = subprocess.run(
        [sys.executable, "-m", "reformctl", "check", "--ledger", str(root)], capture_output=True, text=True
    )
    assert p.returncode == 1
    assert "Traceback" not in p.stderr + p.stdout


def test_bad_option_is_exit_2(cli):
    r = cli("check", "--format", "xml", "--ledger", SAMPLE)
    assert r.exit_code == 2 and "'xml'" in r.stderr and r.stdout == ""


def test_strict_fails_on_warnings(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yml": "id: T-1\n"})
    assert cli("check", "--ledger", root).exit_code == 0
    assert cli("check", "--ledger", root, "--strict").exit_code == 1


def test_the_file_count_includes_the_broken_files(cli, sample_copy):
    """A gap fixed: the summary counted only the files that gave records, so two broken files made
    "2 error(s) in 115 file(s)" on a ledger of 117 files."""
    total = sum(1 for p in sample_copy.rglob("*.yaml") if ".reformctl-cache" not in p.parts)
    assert f"{total} file(s) checked" in cli("check", "--ledger", sample_copy).stderr
    (sample_copy / "tasks" / "T-2016-001.yaml").write_text("id: [\n", encoding="utf-8")
    (sample_copy / "tasks" / "T-2016-002.yaml").write_bytes(b"\x00\x01")
    r = cli("check", "--ledger", sample_copy)
    assert r.exit_code == 1 and f"in {total} file(s)" in r.stderr, r.stderr
    assert f"in {total} file(s)" in cli("check", "--ledger", sample_copy, "--no-cache").stderr
