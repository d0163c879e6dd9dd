"""Every table of the message catalogue (reformctl/i18n/): each code has English and Chinese, the English is
English, the Chinese is Chinese, and both say the same {placeholders}.

A table is any module-level ``dict`` of the package whose values are :class:`reformctl.i18n.text.T`; the test
finds them itself, so a new table is checked without being listed. English may name a Chinese word only where
the user must see or type that very word (a sheet name of the workbook, a header it carries): those codes are
listed in ``CHINESE_IN_ENGLISH`` with the reason. A Chinese text without a Chinese character (a dash, a
separator, a command line) is listed in ``NEUTRAL``; a text made of placeholders only (``{detail}``) is neither. Both lists fail when an entry is no longer needed.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

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
    ("reformctl.i18n.diagnostics", "TEXTS", "extension_late"): "the contract's wording quotes 逾期申请延期",
    ("reformctl.i18n.diagnostics", "TEXTS", "authorization_reused"): "the contract's wording quotes 一次一授权",
    ("reformctl.i18n.diagnostics", "TEXTS", "authorization_reused.same_grant"): "the contract's wording quotes "
    "一次一授权",
    ("reformctl.i18n.diagnostics", "TEXTS", "exemption_reason"): "the contract's wording quotes 容错免责",
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


def _tables() -> dict[tuple[str, str], dict[str, T]]:
    """Every table once (a table imported by another module under a private name is not found twice)."""
    found, seen = {}, set()
    for module in _modules():
        for name, value in vars(module).items():
            if name.startswith("_") or id(value) in seen:
                continue
            if isinstance(value, dict) and value and all(isinstance(v, T) for v in value.values()):
                found[(module.__name__, name)] = value
                seen.add(id(value))
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
        "reformctl.i18n.diagnostics.TEXTS",
    ):
        assert expected in names
    assert len(TEXTS) > 300


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
    assert placeholders(text.en) == placeholders(text.zh)


def test_the_exceptions_are_needed():
    for key in CHINESE_IN_ENGLISH:
        module, table, code = key
        assert CJK.search(TABLES[(module, table)][code].en), f"{key}: no longer needed in CHINESE_IN_ENGLISH"
    for key in NEUTRAL:
        module, table, code = key
        assert not CJK.search(TABLES[(module, table)][code].zh), f"{key}: no longer needed in NEUTRAL"
