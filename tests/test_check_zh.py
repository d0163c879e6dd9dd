"""`check --lang zh` words its messages in Chinese (reformctl/i18n/check.py): each translated code's reproducer
(tests/catalogue) gives a Chinese line, so an English wording that changes without its translation fails here."""

from __future__ import annotations

import json
import re

import pytest

from reformctl.i18n import check as i18n_check
from reformctl.i18n.catalogue import CATALOGUE
from test_catalogue import _load

from conftest import write_files

CJK = re.compile(r"[\u4e00-\u9fff]")


def _run_reproducer(code, make_ledger, cli, monkeypatch, *extra):
    case = _load(code)
    root = make_ledger()
    write_files(root, case.get("files") or {})
    for rel, hexdata in (case.get("raw_hex") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(bytes.fromhex(hexdata))
    for k, v in (case.get("env") or {}).items():
        monkeypatch.setenv(k, str(v))
    return root, [cli("check", "--ledger", root, *args) for args in (("--format", "json"), extra)]


TRANSLATED = sorted(c for c in i18n_check.PATTERNS if not _load(c).get("base_files") and not _load(c).get("symlinks"))


def test_every_translated_code_is_catalogued():
    assert set(i18n_check.PATTERNS) <= set(CATALOGUE)
    assert len(TRANSLATED) >= 35


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_reproducer_of_a_translated_code_reads_in_chinese(code, make_ledger, cli, monkeypatch):
    _root, (as_json, zh) = _run_reproducer(code, make_ledger, cli, monkeypatch, "--lang", "zh")
    english = [f["message"] for f in json.loads(as_json.stdout) if f["code"] == code]
    assert english, as_json.stdout
    for msg in english:
        zh_msg = i18n_check.translate(code, msg)
        assert zh_msg is not None, f"{code}: no pattern matches {msg!r}: update reformctl/i18n/check.py"
        assert CJK.search(zh_msg)
        assert f"[{code}] {zh_msg}" in zh.stdout
    assert "[" + code + "]" in zh.stdout and english[0] not in zh.stdout  # the JSON stays English, the text not


def test_json_stays_english_and_untranslated_messages_keep_the_title(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": "id: T-1\ntitle: [\n"})
    zh = cli("check", "--ledger", root, "--lang", "zh")
    assert zh.exit_code == 1 and f"[yaml_syntax] {CATALOGUE['yaml_syntax'].zh}: " in zh.stdout, zh.stdout
    assert "个错误" in zh.stderr
    js = json.loads(cli("check", "--ledger", root, "--lang", "zh", "--format", "json").stdout)
    assert not CJK.search(js[0]["message"])
    en = cli("check", "--ledger", root, "--lang", "en")
    assert "error(s)" in en.stderr and not CJK.search(en.stdout.split("]", 1)[1])


def test_choices_are_listed_the_chinese_way():
    msg = "status: Input should be 'planned', 'in_progress', 'completed', 'closed' or 'cancelled' (got 'done')"
    assert (
        i18n_check.translate("invalid_choice", msg)
        == "`status` 的取值 'done' 不在允许范围内，应为 'planned'、'in_progress'、'completed'、'closed' 或 'cancelled'"
    )
    assert i18n_check.message("invalid_choice", msg, "en") == msg
    assert i18n_check.message("yaml_syntax", "found x", "zh") == f"{CATALOGUE['yaml_syntax'].zh}: found x"
