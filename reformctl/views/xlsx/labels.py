"""The words of the workbook by language, taken from the catalogue (reformctl/i18n/workbook.py): sheet names,
yes/no, lights, choice labels; the other spellings offices use for them (read on import) and how headers
compare stay here, as input rather than messages."""

from __future__ import annotations

import re
from typing import Any

from ...i18n.text import by_lang
from ...i18n.workbook import ENUMS, WORKBOOK
from ...model import records as R

LANGS = ("zh", "en")
_W = by_lang(WORKBOOK)  # the words by language; the texts are in reformctl/i18n/workbook.py
JSON_HEADERS = {lang: _W[lang]["json_header"] for lang in LANGS}
JSON_HEADER = JSON_HEADERS["zh"]
RO = WORKBOOK["read_only"].zh
RO_EN = WORKBOOK["read_only"].en
LIGHT_HEADERS = {lang: _W[lang]["light"] + _W[lang]["read_only"] for lang in LANGS}
MESSAGE_HEADERS = {lang: _W[lang]["message"] + _W[lang]["read_only"] for lang in LANGS}
LIGHT_HEADER, MESSAGE_HEADER = LIGHT_HEADERS["zh"], MESSAGE_HEADERS["zh"]
LIST_SEPS = {lang: _W[lang]["list_sep"] for lang in LANGS}
LIST_SEP = LIST_SEPS["zh"]
BOOL_TEXT = {lang: (_W[lang]["yes"], _W[lang]["no"]) for lang in LANGS}
_SPLIT = re.compile(r"[、,，;；\n]+")

FILLS = {"red": "FFC7CE", "yellow": "FFEB9C", "green": "C6EFCE"}
LIGHT_TEXTS = {lang: {**{light: _W[lang][light] for light in ("red", "yellow", "green")}, "": ""} for lang in LANGS}
LIGHT_TEXT = LIGHT_TEXTS["zh"]
ABOUT_SHEETS = {lang: _W[lang]["about_sheet"] for lang in LANGS}
SUMMARY_SHEETS = {lang: _W[lang]["summary_sheet"] + _W[lang]["read_only"] for lang in LANGS}
PROBLEM_SHEETS = {lang: _W[lang]["problem_sheet"] for lang in LANGS}
RO_COMMENT = WORKBOOK["read_only_comment"].zh + " / " + WORKBOOK["read_only_comment"].en  # one note for both

_ENUMS = (R.TaskStatus, R.PilotStatus, R.PlanStatus, R.PlanLevel, R.EventKind, R.Measure, R.CaseKind, R.UnitType)
# the Chinese label of each choice, by enum (the catalogue keys them Enum.value)
ENUM_ZH: dict[type, dict[str, str]] = {
    enum: {code.split(".", 1)[1]: text.zh for code, text in ENUMS.items() if code.split(".", 1)[0] == enum.__name__}
    for enum in _ENUMS
}

# Other words offices use for a choice, accepted on import (the workbook writes the labels above):
# 未开始 is as common as 未启动 for a task not yet begun.
ENUM_ZH_ALSO: dict[type, dict[str, str]] = {
    R.TaskStatus: {"未开始": "planned", "进行中": "in_progress"},
}


# The labels above as a workbook typed in traditional characters spells them: reformctl writes
# simplified Chinese and reads either.
_TRADITIONAL = str.maketrans(
    "級組織處專項會議區縣現場進門約見談審評啓啟動範點標辦聞發佈調臺賬訓報經驗職頭開領導銷",  # input-only: traditional
    "级组织处专项会议区县现场进门约见谈审评启启动范点标办闻发布调台账训报经验职头开领导销",
)


_FULLWIDTH = str.maketrans("（）", "()")


def _norm_header(h: Any) -> str:
    """Headers and sheet titles compare without spaces, case or full-width parentheses."""
    return re.sub(r"\s+", "", str(h)).translate(_FULLWIDTH).casefold() if h is not None else ""
