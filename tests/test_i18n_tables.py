"""Every table of the message catalogue (reformctl/i18n/): each code has English and Chinese, the English is
English, the Chinese is Chinese, and both say the same {placeholders}.

A table is any module-level ``dict`` of the package whose values are :class:`reformctl.i18n.text.T`; the test
finds them itself, so a new table is checked without being listed. English may name a Chinese word only where
the user must see or type that very word (a sheet name of the workbook, a header it carries): those codes are
listed in ``CHINESE_IN_ENGLISH`` with the reason. A Chinese text without a Chinese character (a dash, a
separator, a command line) is listed in ``NEUTRAL``; a text made of placeholders only (``{detail}``) is neither.
The few codes whose languages say different placeholders are in ``PLACEHOLDERS_DIFFER``. Both lists fail when an entry is no longer needed.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string

from pathlib import Path

import pytest

import reformctl.i18n
from reformctl.i18n.text import T, placeholders

# CJK ideographs, CJK punctuation (、。：), full-width forms (（）：，)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")

# (module, table, code) -> why its English holds Chinese
CHINESE_IN_ENGLISH: dict[tuple[str, str, str], str] = {
    ("reformctl.i18n.workbook", "ABOUT", "note_other"): "the English note of a Chinese workbook names its "
    "Chinese headers, (只读) and 数据(JSON), as they stand on the sheets",
    # check's English messages are the wording of the JSON contract: they quote the source document's term
    ("reformctl.i18n.diagnostics.rules", "RULES", "extension_late"): "the contract's wording quotes 逾期申请延期",
    ("reformctl.i18n.diagnostics.rules", "RULES", "authorization_reused"): "the contract's wording quotes 一次一授权",
    ("reformctl.i18n.diagnostics.rules", "RULES", "authorization_reused.same_grant"): "the contract's wording "
    "quotes 一次一授权",
    ("reformctl.i18n.diagnostics.rules", "RULES", "exemption_reason"): "the contract's wording quotes 容错免责",
    ("reformctl.i18n.write", "TEXTS", "im_no_sheets"): "names the Chinese sheet names import looks for",
    ("reformctl.i18n.write", "TEXTS", "milestone_format"): "its example is a milestone as an office writes it",
    ("reformctl.i18n.sheets", "CELL", "bool"): "names the words to type in a yes/no cell of a Chinese workbook",
    ("reformctl.i18n.sheets", "CELL", "problem_columns"): "names the Chinese headers import looks for",
    ("reformctl.i18n.sheets", "CELL", "problem_ids"): "names the Chinese headers import looks for",
}

# (module, table, code) -> why its two languages do not say the same placeholders
PLACEHOLDERS_DIFFER: dict[tuple[str, str, str], str] = {
    ("reformctl.i18n", "MESSAGES", "pilot_overdue"): "the English names the pilot's status value (active, "
    "adjusted); the Chinese says 仍未结束 instead of showing an English value",
}

# (module, table, code) -> why its Chinese holds no Chinese character
NEUTRAL: dict[tuple[str, str, str], str] = {
    ("reformctl.i18n.views", "HTML", "none"): "a dash for an empty cell",
    ("reformctl.i18n.views", "SUMMARY", "none"): "a dash for an empty cell",
    ("reformctl.i18n.workbook", "ABOUT", "tool_command"): "a command line",
}


def _modules():
    yield reformctl.i18n
    for info in pkgutil.walk_packages(reformctl.i18n.__path__, "reformctl.i18n."):
        yield importlib.import_module(info.name)


def _written_here(module) -> set[str]:
    """The names a module assigns a dict literal to (a table written there, not imported nor merged)."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, ast.Dict) and None not in value.keys:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _tables() -> dict[tuple[str, str], dict[str, T]]:
    """Every table of T, in the module that writes it."""
    found = {}
    for module in _modules():
        for name in _written_here(module):
            value = getattr(module, name)
            if isinstance(value, dict) and value and all(isinstance(v, T) for v in value.values()):
                found[(module.__name__, name)] = value
    return found


TABLES = _tables()
TEXTS = [(module, table, code, text) for (module, table), codes in TABLES.items() for code, text in codes.items()]


def _literal(template: str) -> str:
    """The words of ``template`` around its placeholders."""
    return "".join(literal for literal, *_ in string.Formatter().parse(template))


def _id(entry) -> str:
    module, table, code, _ = entry
    return f"{module.rsplit('.', 1)[-1]}.{table}.{code}"


def test_the_tables_are_found():
    names = {f"{m}.{t}" for m, t in TABLES}
    for expected in (
        "reformctl.i18n.views.HTML",
        "reformctl.i18n.views.SUMMARY",
        "reformctl.i18n.workbook.WORKBOOK",
        "reformctl.i18n.workbook.ENUMS",
        "reformctl.i18n.diagnostics.rules.RULES",
        "reformctl.i18n.write.TEXTS",
        "reformctl.i18n.MESSAGES",
    ):
        assert expected in names
    assert len(TEXTS) > 1000


@pytest.mark.parametrize("entry", TEXTS, ids=_id)
def test_both_languages(entry):
    module, table, code, text = entry
    assert isinstance(text.en, str) and text.en.strip(), "no English"
    assert isinstance(text.zh, str) and text.zh.strip(), "no Chinese"
    key = (module, table, code)
    if key not in CHINESE_IN_ENGLISH:
        assert not CJK.search(text.en), f"Chinese in the English (swapped?): {text.en!r}"
    if key not in NEUTRAL and _literal(text.zh).strip():
        assert CJK.search(text.zh), f"no Chinese in the Chinese: {text.zh!r}"
    if key not in PLACEHOLDERS_DIFFER:
        assert placeholders(text.en) == placeholders(text.zh)


def test_the_exceptions_are_needed():
    for key in CHINESE_IN_ENGLISH:
        module, table, code = key
        assert CJK.search(TABLES[(module, table)][code].en), f"{key}: no longer needed in CHINESE_IN_ENGLISH"
    for key in NEUTRAL:
        module, table, code = key
        assert not CJK.search(TABLES[(module, table)][code].zh), f"{key}: no longer needed in NEUTRAL"
    for key in PLACEHOLDERS_DIFFER:
        module, table, code = key
        text = TABLES[(module, table)][code]
        assert placeholders(text.en) != placeholders(text.zh), f"{key}: no longer needed in PLACEHOLDERS_DIFFER"


def test_a_bare_pair_is_refused_as_a_parameter():
    """A word in both languages is a T: a bare pair does not say which language comes first."""
    from reformctl.i18n.write import say

    assert say("warning", "zh", text=T("late", "逾期")) == "警告：逾期"
    with pytest.raises(TypeError):
        say("warning", "zh", text=("逾期", "late"))


def test_one_message_class_said_when_shown():
    """A message is a key and its parameters: English as str() (an error reads in English to a library
    caller), Chinese when localized, the same after a trip through pickle (the fork pool), never a str whose
    English would be matched back."""
    import pickle

    from reformctl.errors import BadRequest
    from reformctl.i18n import write

    m = write.Msg("no_item", what=write.kinds(["task"]), item_id="T-1", hint=write.Msg("hint_start_default"))
    assert not isinstance(m, str) and m.key == "no_item"
    assert str(m) == "no task T-1 in this ledger"
    assert write.localize(m, "zh") == "台账中没有任务T-1"
    back = pickle.loads(pickle.dumps(m))
    assert back == m and write.localize(back, "zh") == "台账中没有任务T-1"
    exc = BadRequest(m)
    assert str(exc) == "no task T-1 in this ledger" and write.localize(exc.msg, "zh") == "台账中没有任务T-1"
    assert exc.message == "no task T-1 in this ledger"
    assert not hasattr(write, "Said")
    with pytest.raises(KeyError):
        write.Msg("no_such_key")


def test_the_tables_say_merges_name_each_key_once():
    """say() reads one table made of the writes', commits', read commands', faults' and refusals' messages: a key
    in two of them would silently say the words of the last one merged (it happened: `committed`)."""
    import ast
    import inspect

    from reformctl.i18n import commands, commits, faults, refusals, write

    own = ast.parse(inspect.getsource(write))
    literal = next(
        n.value
        for n in own.body
        if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "TEXTS" and isinstance(n.value, ast.Dict)
    )
    names = [k.value for k in literal.keys if isinstance(k, ast.Constant)]
    for table in (commits.TEXTS, commands.TEXTS, faults.TEXTS, refusals.TEXTS):
        names += list(table)
    twice = sorted({k for k in names if names.count(k) > 1})
    assert twice == [], twice


def test_new_asks_for_a_missing_field_in_both_languages():
    from reformctl.cli.new import _prompts

    assert _prompts("task")["due"] == "完成时限 due (YYYY-MM-DD)"
    assert set(_prompts("event")) == {"kind", "unit"}


def test_every_environment_variable_says_what_it_takes_in_both_languages():
    from reformctl.base.envvars import VARS
    from reformctl.i18n.write import say

    for var in VARS:
        assert say(f"env_takes.{var.name}", "en") and say(f"env_takes.{var.name}", "zh"), var.name
