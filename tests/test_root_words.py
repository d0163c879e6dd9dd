"""Where the ledger path came from, and what reformctl.yaml is when it is not a file, are said in the language
asked from the catalogue (i18n HOW, NOT_A_FILE): the loader passes words in both languages, nothing is matched
back from its English. Through the real CLI, in real folders."""

from __future__ import annotations


def test_default_folder_missing_in_both_languages(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("REFORMCTL_LEDGER", raising=False)
    zh = cli("status", "--lang", "zh", cwd=tmp_path)
    assert zh.exit_code == 2, zh
    assert f"（来自默认的 ./ledger-data（{tmp_path} 及其上级目录中都没有 reformctl.yaml））" in zh.stderr, zh.stderr
    en = cli("status", "--lang", "en", cwd=tmp_path)
    assert en.exit_code == 2, en
    assert f"(from no reformctl.yaml in {tmp_path} or its parents, so the default ./ledger-data)" in en.stderr


def test_env_and_not_a_file_in_chinese(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("REFORMCTL_LEDGER", str(tmp_path / "nowhere"))
    r = cli("status", "--lang", "zh", cwd=tmp_path)
    assert r.exit_code == 2 and "来自环境变量 REFORMCTL_LEDGER" in r.stderr, r.stderr
    (tmp_path / "led" / "reformctl.yaml").mkdir(parents=True)
    r = cli("status", "--ledger", tmp_path / "led", "--lang", "zh")
    assert r.exit_code == 2 and "是文件夹，不是文件" in r.stderr, r.stderr
    r = cli("status", "--ledger", tmp_path / "led", "--lang", "en")
    assert r.exit_code == 2 and "is a folder, not a file" in r.stderr, r.stderr
