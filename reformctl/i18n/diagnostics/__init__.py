"""The messages of `check` diagnostics in English and Simplified Chinese: one template per message, by key.

A key is a diagnostic's code (:mod:`reformctl.i18n.catalogue`), or ``code.variant`` when a code says different
things (``invalid_date.not_calendar``). A diagnostic carries its key and the values of the placeholders
(:meth:`reformctl.model.Diagnostic.of`); its English message, the wording of the JSON contract, and its
Chinese one are rendered from the same template and values, so nothing is ever translated back from English.

Placeholders are ``str.format`` fields. A list value takes one of the specs ``or``, ``and`` or ``list``
(``{opts:or}`` is ``a, b or c`` in English, ``a、b 或 c`` in Chinese); numbers take the usual specs
(``{size:,}``). A value that is itself worded in both languages is a dict ``{"en": ..., "zh": ...}``, one
that is a message of this table ``{"key": ..., "params": {...}}`` (rendered in the same language). Values are
plain data (strings, numbers, lists of strings, such dicts): they are pickled in the caches.
The templates live by area: :mod:`.load` (files, YAML, validation), :mod:`.rules` (the ledger checks),
:mod:`.changes` (the change since ``--base``, members). Every key has both languages with the same
placeholders (tests/test_diagnostic_texts.py). No imports from the rest of the package: the model renders
with it.
"""

from __future__ import annotations

import string
from typing import Any, Mapping

from ..text import T, placeholders
from .changes import CHANGES
from .load import LOAD
from .rules import RULES


TEXTS: dict[str, T] = {**LOAD, **RULES, **CHANGES}


# pydantic's own messages (its English, as pydantic words it) in Chinese, by error type; the values come from
# the error's context. A type not listed is shown as 取值无效 with pydantic's English.
PYDANTIC_ZH: dict[str, str] = {
    "enum": "应为 {expected}",
    "literal_error": "应为 {expected}",
    "bool_type": "应为布尔值",
    "bool_parsing": "应为布尔值",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "string_type": "应为文本",
    "list_type": "应为列表（以 `- ` 开头的行）",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "less_than_equal": "不得大于 {le}",
    "greater_than_equal": "不得小于 {ge}",
    "less_than": "应小于 {lt}",
    "greater_than": "应大于 {gt}",
    "string_too_short": "至少应有 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "too_short": "至少应有 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "string_pattern_mismatch": "应符合格式 {pattern}",
}


def pydantic_detail(etype: str, msg: str, ctx: Mapping[str, Any]) -> dict:
    """A pydantic error message as a value worded in both languages: pydantic's English, our Chinese."""
    zh = PYDANTIC_ZH.get(etype)
    values = {k: str(v) for k, v in ctx.items()}
    if "expected" in values:  # pydantic lists choices as 'a', 'b' or 'c'
        values["expected"] = values["expected"].replace("', '", "'、'").replace("' or '", "' 或 '")
    try:
        text = zh.format_map(values) if zh else f"取值无效（{msg}）"
    except (KeyError, IndexError, ValueError):
        text = f"取值无效（{msg}）"
    return {"en": msg, "zh": text}


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        super().__init__()
        self.zh = lang == "zh"

    def get_value(self, key: Any, args: Any, kwargs: Any) -> Any:
        value = super().get_value(key, args, kwargs)
        if isinstance(value, dict):
            if "key" in value:  # a message of its own
                return render(value["key"], value["params"], "zh" if self.zh else "en")
            return value["zh" if self.zh else "en"]  # a value worded in both languages
        return value

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec in ("or", "and", "list"):
            items = [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
            if self.zh:
                last = {"or": " 或 ", "and": " 和 ", "list": "、"}[format_spec]
                return "、".join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)
            if format_spec == "list" or len(items) < 2:
                return ", ".join(items)
            return ", ".join(items[:-1]) + f" {format_spec} " + items[-1]
        return super().format_field(value, format_spec)


_FORMATTERS = {"en": _Formatter("en"), "zh": _Formatter("zh")}


def render(key: str, params: Mapping[str, Any], lang: str) -> str:
    """The message of ``key`` in ``lang`` (zh or en) with ``params``."""
    texts = TEXTS[key]
    return _FORMATTERS["zh" if lang == "zh" else "en"].vformat(texts.zh if lang == "zh" else texts.en, (), params)


__all__ = ["T", "TEXTS", "placeholders", "pydantic_detail", "render"]
