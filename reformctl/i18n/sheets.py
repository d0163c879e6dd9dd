"""The problems of `import` (a sheet, a row, a column and what is wrong) in Simplified Chinese and English.

A problem found by the ledger's own rules (validation, the rules of a change, the cross-record checks) carries
its diagnostic, whose message is rendered in either language from its template (:mod:`.diagnostics`). What the
workbook reader finds in a cell, a row or a sheet (reformctl/views/xlsx/) it says as a key of :data:`CELL` and
its values, worded here in either language.
No imports from the rest of the package: any layer may use this module.
"""

from __future__ import annotations

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


# What the workbook reader (reformctl/views/xlsx/) finds in a cell, a row or a sheet, by key: it raises
# CellError(key, **params) and keeps SheetProblem(sheet, row, column, key, params); both languages are said
# from here. Values taken from a cell are shown as Python writes them ('abc'), as `import` always has.
CELL: dict[str, T] = {
    "int": T("expected a whole number, got {value}", "应为整数，收到 {value}"),
    "int_large": T("expected a whole number, got {value} (too large)", "应为整数，收到 {value}（数值过大）"),
    "int_bool": T(
        "expected a whole number, got {value} (a yes/no cell)", "应为整数，收到的是逻辑值 {value}（是/否单元格）"
    ),
    "number": T("expected a number, got {value}", "应为数字，收到 {value}"),
    "too_long": T(
        "the cell holds {n:,} characters, over the limit of {limit:,}", "单元格有 {n:,} 个字符，超过上限 {limit:,}"
    ),
    "datetime": T("expected a date, got a date and time {value}", "应为日期，收到的是日期和时间 {value}"),
    "not_calendar": T("{value} is not a calendar date ({why})", "{value} 不是有效的日期（{why}）"),
    "date": T("expected a date such as 2016-07-01, got {value}", "应为日期（如 2016-07-01），收到 {value}"),
    "bool": T("expected 是 or 否, got {value}", "应为“是”或“否”，收到 {value}"),
    "choice": T("{value} is not one of {choices}", "{value} 不是可选值之一：{choices}"),
    "formula": T(
        "a formula cell with no saved value: type the value (or open and save the workbook in Excel)",
        "公式单元格没有保存的值：请直接填写数值（或在 Excel 中打开并保存该工作簿）",
    ),
    "merged": T(
        "a merged cell: type the value in every row (unmerge the cells)", "合并单元格：请取消合并，并在每一行填写数值"
    ),
    "too_many_merged": T("more than {n:,} merged cells: unmerge them", "合并单元格超过 {n:,} 个：请取消合并"),
    "too_many_rows": T("more than {n:,} rows: split the workbook", "超过 {n:,} 行：请拆分工作簿"),
    "no_id_column": T(
        "no column {header} / {header_en} (the id): cannot read this sheet",
        "没有 {header} / {header_en} 列（编号）：无法读取此工作表",
    ),
    "id_empty": T("the id is empty", "编号为空"),
    "id_twice": T("id {id} is already on row {row}", "编号 {id} 已在第 {row} 行出现"),
    "id_twice_sheet": T(
        "id {id} is already on row {row} of sheet {sheet}", "编号 {id} 已在工作表 {sheet} 第 {row} 行出现"
    ),
    "json_invalid": T(
        "not valid JSON ({error}); leave this hidden column as it was exported",
        "不是有效的 JSON（{error}）：请保持这一隐藏列导出时的原样",
    ),
    "json_not_object": T("not a JSON object", "不是 JSON 对象"),
    "problem_columns": T(
        "needs the columns 通知编号 and 序号 (Notice, No.)", "须有“通知编号”和“序号”两列（Notice, No.）"
    ),
    "problem_ids": T("every row needs 通知编号 and 序号 (Notice, No.)", "每一行都须填写通知编号和序号（Notice, No.）"),
}


def cell(key: str, lang: str, **params: object) -> str:
    """A finding of the workbook reader in ``lang``."""
    return CELL[key](lang).format(**params)
