"""One language at a time: with `--lang zh` (or a Chinese locale) people read Chinese only, with `--lang en`
English only; ids, titles and the JSON and github formats (read by machines) aside. Real ledgers, the real CLI."""

from __future__ import annotations

import re

from conftest import git

CJK = re.compile(r"[\u4e00-\u9fff]")
BROKEN = {
    "tasks/T-2016-001.yaml": "id: T-2016-001\ntitle: 测试\nstatus: bogus\n",
    "tasks/T-2016-002.yaml": "id: T-2016-002\ntitle: 测试\nstart: 2016-01-01\ndue: 2016-12-31\n"
    "lead_unit: 市委深改办\nstatus: planned\ncarry_over: {reason: r}\n",
}


def test_check_names_the_severity_in_the_language(cli, make_ledger):
    root = make_ledger(BROKEN)
    zh = cli("check", "--ledger", root, "--lang", "zh")
    en = cli("check", "--ledger", root, "--lang", "en")
    assert zh.exit_code == en.exit_code == 1
    assert ": 错误 [missing_field]" in zh.stdout and " error " not in zh.stdout
    assert ": error [missing_field]" in en.stdout and "错误" not in en.stdout
    zh = cli("check", "--ledger", root, "--lang", "zh", "--format", "markdown")
    assert "| 错误 | `missing_field` |" in zh.stdout and "| error |" not in zh.stdout
    en = cli("check", "--ledger", root, "--lang", "en", "--format", "markdown")
    assert "| error | `missing_field` |" in en.stdout
    # machines read the github annotations and the JSON: the same in both languages
    gz = cli("check", "--ledger", root, "--lang", "zh", "--format", "github")
    assert "::error file=" in gz.stdout
    jz = cli("check", "--ledger", root, "--lang", "zh", "--format", "json")
    assert '"severity": "error"' in jz.stdout


def test_check_step_summary_in_one_language(cli, make_ledger, tmp_path):
    root = make_ledger(BROKEN)
    for lang, want, other in (("zh", "### 红灯事项\n", "red items"), ("en", "### Red items\n", "红灯")):
        summary = tmp_path / f"summary-{lang}.md"
        r = cli("check", "--ledger", root, "--lang", lang, "--summary-file", summary)
        assert r.exit_code == 1
        text = summary.read_text(encoding="utf-8")
        assert want in text and other not in text, text


def test_a_command_refusing_a_broken_ledger_names_the_errors_in_the_language(cli, make_ledger):
    root = make_ledger(BROKEN)
    zh = cli("status", "--ledger", root, "--lang", "zh", "--as-of", "2016-12-31")
    assert zh.exit_code == 1
    assert ": 错误 [invalid_choice]" in zh.stderr and "error" not in zh.stderr, zh.stderr
    en = cli("status", "--ledger", root, "--lang", "en", "--as-of", "2016-12-31")
    assert en.exit_code == 1 and ": error [invalid_choice]" in en.stderr and not CJK.search(en.stderr.split("]")[0])


def test_close_out_names_the_blocking_errors_in_the_language(cli, sample_repo):
    (sample_repo / "tasks" / "T-2016-001.yaml").write_text("id: T-2016-001\nstatus: bogus\n", encoding="utf-8")
    git(sample_repo, "commit", "-qam", "break")
    zh = cli("close-out", "--year", "2016", "--ledger", sample_repo, "--lang", "zh", "--as-of", "2016-12-31")
    assert zh.exit_code == 1 and ": 错误 [" in zh.stderr and ": error [" not in zh.stderr, zh.stderr
    en = cli("close-out", "--year", "2016", "--ledger", sample_repo, "--lang", "en", "--as-of", "2016-12-31")
    assert en.exit_code == 1 and ": error [" in en.stderr
