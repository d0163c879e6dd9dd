"""The problems of `import` (a sheet, a row, a column and what is wrong) in Simplified Chinese and English.

A problem found by the ledger's own rules (validation, the rules of a change, the cross-record checks) carries
its diagnostic, whose message is rendered in either language from its template (:mod:`.diagnostics`). What the
workbook reader finds in a cell (reformctl/views/xlsx/) is still worded in English there; :data:`CELL` gives
the Chinese of those messages until the reader says them as keys too.
No imports from the rest of the package: any layer may use this module.
"""

from __future__ import annotations

import re
from .text import T


TEXTS: dict[str, T] = {
    "where": T("sheet {sheet}, row {row}", "工作表 {sheet} 第 {row} 行"),
    "where_column": T("sheet {sheet}, row {row}, column {column}", "工作表 {sheet} 第 {row} 行 {column} 列"),
    "problem": T("{where}: {detail}", "{where}：{detail}"),
    "unknown_notice": T(
        "notice {notice} is neither on the notice sheet nor in the ledger",
        "通知 {notice} 既不在通知工作表中，也不在台账中",
    ),
}


def text(key: str, lang: str, **params: object) -> str:
    return TEXTS[key](lang).format(**params)


def problem(sheet: str, row: int, column: str, detail: str, lang: str) -> str:
    """``detail`` (already in ``lang``) at its place: "sheet Tasks, row 3, column M (Status): ..."."""
    where = text("where_column" if column else "where", lang, sheet=sheet, row=row, column=column)
    return text("problem", lang, where=where, detail=detail)


# The cell errors of the workbook reader, in Chinese (the English is views/xlsx/'s).
_CELL = [
    (re.compile(p + r"\Z"), zh)
    for p, zh in (
        (r"expected a date such as 2016-07-01, got (?P<v>.+)", "应为日期（如 2016-07-01），收到 {v}"),
        (r"expected a date, got a date and time (?P<v>.+)", "应为日期，收到的是日期和时间 {v}"),
        (r"expected 是 or 否, got (?P<v>.+)", "应为“是”或“否”，收到 {v}"),
        (r"expected a whole number, got TRUE \(a yes/no cell\)", "应为整数，收到的是逻辑值 TRUE（是/否单元格）"),
        (r"expected a whole number, got FALSE \(a yes/no cell\)", "应为整数，收到的是逻辑值 FALSE（是/否单元格）"),
        (r"expected a whole number, got (?P<v>.+) \(too large\)", "应为整数，收到 {v}（数值过大）"),
        (r"expected a whole number, got (?P<v>.+)", "应为整数，收到 {v}"),
        (
            r"the cell holds (?P<n>[\d,]+) characters, over the limit of (?P<l>[\d,]+)",
            "单元格有 {n} 个字符，超过上限 {l}",
        ),
        (
            r"a formula cell with no saved value: type the value \(or open and save the workbook in Excel\)",
            "公式单元格没有保存的值：请直接填写数值（或在 Excel 中打开并保存该工作簿）",
        ),
        (
            r"a merged cell: type the value in every row \(unmerge the cells\)",
            "合并单元格：请取消合并，并在每一行填写数值",
        ),
        (r"more than (?P<n>[\d,]+) rows: split the workbook", "超过 {n} 行：请拆分工作簿"),
        (r"more than (?P<n>[\d,]+) merged cells: unmerge them", "合并单元格超过 {n} 个：请取消合并"),
        (r"expected a number, got (?P<v>.+)", "应为数字，收到 {v}"),
        (r"(?P<v>.+) is not one of (?P<opts>.+)", "{v} 不是可选值之一：{opts}"),
        (r"the id is empty", "编号为空"),
        (r"not a JSON object", "不是 JSON 对象"),
    )
]


def cell_zh(message: str) -> str:
    """The Chinese of a cell error of the workbook reader; its English when it has none."""
    for pattern, zh in _CELL:
        hit = pattern.match(message)
        if hit:
            return zh.format(**hit.groupdict())
    return message
