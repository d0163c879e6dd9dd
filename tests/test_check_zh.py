"""`check --lang zh` words its messages in Chinese: every code's reproducer (tests/catalogue) gives Chinese lines,
rendered from the message templates (reformctl/i18n/diagnostics/) with the values the English has, while the
JSON keeps the English of the contract. Nothing is translated back from English."""

from __future__ import annotations

import json
import re

import pytest

from reformctl.i18n.catalogue import CATALOGUE
from test_catalogue import build_case

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_the_reproducer_of_a_code_reads_in_chinese(code, make_ledger, cli, monkeypatch):
    root, args, _case = build_case(code, make_ledger, monkeypatch, cli)
    as_json = cli("check", "--ledger", root, *args, "--format", "json")
    english = [f for f in json.loads(as_json.stdout) if f["code"] == code]
    zh = cli("check", "--ledger", root, *args, "--lang", "zh")
    lines = [line for line in zh.stdout.splitlines() if f" [{code}] " in line]
    assert english and len(lines) == len(english), (english, zh.stdout)
    for f, line in zip(english, lines):
        where, said = line.split(f" [{code}] ", 1)
        assert CJK.search(said) and said != f["message"], (f["message"], said)
        assert where.endswith("错误" if f["severity"] == "error" else "警告"), line


def test_json_stays_english_and_text_reads_in_chinese(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": "id: T-1\ntitle: [\n"})
    zh = cli("check", "--ledger", root, "--lang", "zh")
    assert zh.exit_code == 1 and "错误 [yaml_syntax] YAML 语法错误：" in zh.stdout, zh.stdout
    assert "个错误" in zh.stderr
    js = json.loads(cli("check", "--ledger", root, "--lang", "zh", "--format", "json").stdout)
    assert not CJK.search(js[0]["message"])
    en = cli("check", "--ledger", root, "--lang", "en")
    assert "error(s)" in en.stderr and not CJK.search(en.stdout.split("]", 1)[1])


def test_choices_are_listed_the_chinese_way(cli, make_ledger):
    task = "id: T-1\ntitle: 任务\nlead_unit: 市发改委\nstart: 2016-07-01\ndue: 2016-12-31\nstatus: done\n"
    root = make_ledger({"tasks/T-1.yaml": task})
    (hit,) = json.loads(cli("check", "--ledger", root, "--format", "json").stdout)
    assert hit["message"] == (
        "status: Input should be 'planned', 'in_progress', 'completed', 'closed' or 'cancelled' (got 'done')"
    )
    zh = cli("check", "--ledger", root, "--lang", "zh").stdout
    assert (
        "[invalid_choice] `status`：应为 'planned'、'in_progress'、'completed'、'closed' 或 'cancelled'（实际为 'done'）"
        in zh
    ), zh


def test_a_boolean_and_a_record_message_read_in_chinese(cli, make_ledger):
    task = (
        "id: T-1\ntitle: 任务\nlead_unit: 市发改委\nstart: 2016-07-01\ndue: 2016-02-30\nstatus: planned\nmajor: yes\n"
    )
    root = make_ledger({"tasks/T-1.yaml": task})
    found = {f["code"]: f["message"] for f in json.loads(cli("check", "--ledger", root, "--format", "json").stdout)}
    assert found["invalid_date"] == "due: '2016-02-30' is not a calendar date (day is out of range for month)"
    assert found["invalid_value"] == (
        "major: Input should be a valid boolean (got 'yes'); write true or false (yes/no/on/off are text in YAML 1.2)"
    )
    zh = cli("check", "--ledger", root, "--lang", "zh").stdout
    assert "`due`：'2016-02-30' 不是有效的日期（day is out of range for month）" in zh, zh
    assert "`major`：应为布尔值（实际为 'yes'）；请写 true 或 false（YAML 1.2 中 yes/no/on/off 是文本）" in zh, zh


def test_a_command_refusing_a_broken_ledger_lists_its_errors_in_the_command_language(cli, make_ledger):
    task = "id: T-1\ntitle: 任务\nlead_unit: 市发改委\nstart: 2016-07-01\ndue: 2016-02-30\nstatus: planned\n"
    root = make_ledger({"tasks/T-1.yaml": task})
    zh = cli("status", "--ledger", root, "--lang", "zh", "--as-of", "2016-08-01")
    assert zh.exit_code == 1, zh
    assert "tasks/T-1.yaml:5:1: 错误 [invalid_date] `due`：'2016-02-30' 不是有效的日期" in zh.stderr, zh.stderr
    en = cli("status", "--ledger", root, "--lang", "en", "--as-of", "2016-08-01")
    assert "tasks/T-1.yaml:5:1: error [invalid_date] due: '2016-02-30' is not a calendar date" in en.stderr, en.stderr
