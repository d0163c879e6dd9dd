"""`reformctl catalogue --lang zh` says what to do in Chinese, for every code (not the English fix text)."""

from __future__ import annotations

import json
import re

from reformctl.i18n.catalogue import CATALOGUE, FIX_ZH


def test_every_code_has_a_chinese_fix():
    assert len(CATALOGUE) > 50
    missing = sorted(set(CATALOGUE) - set(FIX_ZH))
    assert missing == [], f"no Chinese fix text for {missing}: add them to FIX_ZH in reformctl/i18n/catalogue.py"
    assert sorted(set(FIX_ZH) - set(CATALOGUE)) == []
    for code, text in FIX_ZH.items():
        assert re.search(r"[\u4e00-\u9fff]", text), code


def test_catalogue_in_chinese_words_fix_and_severity_in_chinese(cli):
    r = cli("catalogue", "invalid_date", "--lang", "zh")
    assert r.exit_code == 0, r
    assert "invalid_date (错误): 日期无效" in r.stdout
    assert FIX_ZH["invalid_date"] in r.stdout and "Write the date" not in r.stdout
    r = cli("catalogue", "invalid_date", "--lang", "en")
    assert "invalid_date (error)" in r.stdout and CATALOGUE["invalid_date"].fix in r.stdout


def test_catalogue_json_carries_both_fixes(cli):
    r = cli("catalogue", "--format", "json")
    data = json.loads(r.stdout)
    assert data["duplicate_id"]["fix_zh"] == FIX_ZH["duplicate_id"]
    assert data["duplicate_id"]["fix"] == CATALOGUE["duplicate_id"].fix
