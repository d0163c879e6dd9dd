"""The shape of every table of the message catalogue: a code and its text in English and Simplified Chinese.

``T(en, zh)`` is a named pair, so the order is written down once: ``T("red", "红灯").zh == "红灯"``. Texts are
``str.format`` templates; both languages of a code use the same ``{placeholders}`` (tests/test_i18n_tables.py
checks every table of the package). No imports from the rest of the package: any layer may use this module.
"""

from __future__ import annotations

import string
from typing import Mapping, NamedTuple

LANGS = ("zh", "en")


class T(NamedTuple):
    """A text in English and Simplified Chinese."""

    en: str
    zh: str

    def __call__(self, lang: str) -> str:
        """The text in ``lang`` (zh, or English for anything else)."""
        return self.zh if lang == "zh" else self.en


def words(table: Mapping[str, T], lang: str) -> dict[str, str]:
    """One language of a table as a plain dict: ``words(HTML, "zh")["title"] == "改革落实台账报告"``."""
    return {code: text.zh if lang == "zh" else text.en for code, text in table.items()}


def by_lang(table: Mapping[str, T]) -> dict[str, dict[str, str]]:
    """Both languages of a table: ``by_lang(HTML)["en"]["title"]``."""
    return {lang: words(table, lang) for lang in LANGS}


def placeholders(template: str) -> set[str]:
    """The names of the fields of ``template``."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name is not None}
