"""The refusals every reading command shares (an unusable ledger root, a ledger with errors) follow --lang and
the locale, with the same exit codes; English is unchanged."""

from __future__ import annotations

import pytest

TASK = "tasks/T-2016-001.yaml"


@pytest.mark.parametrize(
    "command", [("status", "--as-of", "2016-12-31"), ("check",), ("summary", "--quarter", "2016Q3")]
)
def test_missing_ledger_folder_in_both_languages(cli, tmp_path, command):
    missing = tmp_path / "nowhere"
    en = cli(*command, "--ledger", missing, "--lang", "en")
    zh = cli(*command, "--ledger", missing, "--lang", "zh")
    assert en.exit_code == zh.exit_code == 2
    assert f"ledger folder {missing} does not exist (from --ledger)" in en.stderr
    assert f"台账目录 {missing} 不存在（来自--ledger）" in zh.stderr and "does not exist" not in zh.stderr


def test_folder_without_settings_and_file_instead_of_folder(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    r = cli("status", "--ledger", tmp_path / "empty", "--lang", "zh")
    assert r.exit_code == 2 and "中没有 reformctl.yaml：不是台账" in r.stderr
    (tmp_path / "file").write_text("x", encoding="utf-8")
    r = cli("status", "--ledger", tmp_path / "file", "--lang", "zh")
    assert r.exit_code == 2 and "不是目录（来自--ledger）" in r.stderr
    r = cli("status", "--ledger", tmp_path / "file", "--lang", "en")
    assert r.exit_code == 2 and "is not a folder (from --ledger)" in r.stderr


def test_default_folder_is_explained_in_chinese(cli, tmp_path):
    r = cli("status", "--lang", "zh", cwd=tmp_path)
    assert r.exit_code == 2 and "默认的 ./ledger-data" in r.stderr


def test_ledger_with_errors_in_both_languages(cli, sample_copy):
    (sample_copy / TASK).write_text("id: T-2016-001\ntitle: [\n", encoding="utf-8")
    en = cli("status", "--ledger", sample_copy, "--as-of", "2016-12-31", "--lang", "en")
    zh = cli("status", "--ledger", sample_copy, "--as-of", "2016-12-31", "--lang", "zh")
    assert en.exit_code == zh.exit_code == 1
    assert "the ledger has 1 error(s); run `reformctl check` and fix them first" in en.stderr
    assert "台账有1处错误；请先运行 `reformctl check` 并改正" in zh.stderr
    assert "yaml_syntax" in zh.stderr  # the error itself, with its position, as before


def test_more_than_five_errors_are_counted(cli, sample_copy):
    for n in range(1, 8):
        (sample_copy / "tasks" / f"T-2016-00{n}.yaml").write_text(f"id: T-2016-00{n}\ntitle: [\n", encoding="utf-8")
    zh = cli("summary", "--ledger", sample_copy, "--quarter", "2016Q3", "--lang", "zh")
    assert zh.exit_code == 1 and "台账有7处错误（另有2处）" in zh.stderr
    en = cli("summary", "--ledger", sample_copy, "--quarter", "2016Q3", "--lang", "en")
    assert "the ledger has 7 error(s) (and 2 more)" in en.stderr


def test_language_of_one_command_does_not_leak_into_the_next(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    missing = tmp_path / "nowhere"
    assert "不存在" in cli("status", "--ledger", missing, "--lang", "zh").stderr
    r = cli("log", "T-2016-001", "--ledger", missing)  # a command without --lang: the locale's language
    assert r.exit_code == 2 and "does not exist" in r.stderr, r.stderr
