"""Writing the workbook: the about sheet, the quarterly summary, one sheet per kind and the problems sheet."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, cast

from ...i18n.text import words
from ...i18n.workbook import ABOUT as ABOUT_WORDS
from ...model import Ledger
from ...model import records as R
from ..safe import xlsx_append
from .cells import hidden_data, items_of, to_cell
from .labels import (
    ABOUT_SHEETS,
    FILLS,
    JSON_HEADERS,
    LANGS,
    LIGHT_HEADERS,
    LIGHT_TEXTS,
    MESSAGE_HEADERS,
    PROBLEM_SHEETS,
    RO,
    RO_COMMENT,
    RO_EN,
    SUMMARY_SHEETS,
)
from .sheets import PROBLEM_COLS, SHEETS, Sheet


# ---------------------------------------------------------------- writing
@dataclass
class ExportSummary:
    """What goes on the 季度汇总 sheet: header labels and rows (first cell a label, then numbers)."""

    title: str
    header: list[str]
    rows: list[list[Any]]
    notes: list[tuple[str, Any]] = field(default_factory=list)
    sections: list[tuple[str, list[str], list[list[str]]]] = field(default_factory=list)  # heading, header, rows


def _about_rows(lang: str) -> tuple[tuple[str, Optional[str]], ...]:
    """The About sheet's rows in ``lang``: the ledger's name and date are filled in; the last row, a note in the
    other language, says how to get the workbook in it."""
    w, other = words(ABOUT_WORDS, lang), words(ABOUT_WORDS, "en" if lang == "zh" else "zh")
    return (
        (w["ledger"], None),
        (w["as_of"], None),
        (w["tool"], w["tool_command"]),
        (w["note_label"], w["note"]),
        (other["note_label"], other["note_other"]),
    )


ABOUT = {lang: _about_rows(lang) for lang in LANGS}


def write_workbook(
    path,
    ledger: Ledger,
    *,
    as_of: dt.date,
    lights: dict,
    summary: Optional[ExportSummary] = None,
    progress=None,
    lang: str = "zh",
) -> dict[str, int]:
    """Write the workbook in ``lang`` (zh | en: sheet names, headers, yes/no, choices, lights); returns the number
    of rows written per sheet. ``lights`` maps (kind, id) to (light, message) for items with a finding; other
    open items are green."""
    from openpyxl import Workbook

    if lang not in LANGS:
        raise ValueError(f"lang is zh or en, got {lang!r}")
    wb = Workbook()
    style = _Style(lang)
    _about_sheet(wb.active, ledger, as_of, lang)
    if summary is not None:
        _summary_sheet(wb.create_sheet(SUMMARY_SHEETS[lang]), summary, style)
    counts: dict[str, int] = {}
    total = sum(len(ledger.of(s.kind)) for s in SHEETS)
    task = progress.add(total, "导出 xlsx") if progress else None

    def advance() -> None:
        if progress:
            progress.advance(task)

    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name(lang))
        counts[sheet.name(lang)] = _item_sheet(ws, sheet, ledger, lights, style, advance)
        if sheet.kind == "notice":
            ws = wb.create_sheet(PROBLEM_SHEETS[lang])
            counts[PROBLEM_SHEETS[lang]] = _problem_sheet(ws, ledger, lights, style)
    from ..safe import write_output

    write_output(path, wb.save)  # whole or not at all
    return counts


class _Style:
    """The fonts, fills and alignments of a workbook in ``lang``, and its header row."""

    def __init__(self, lang: str):
        from openpyxl.styles import Alignment, Font, PatternFill

        self.lang = lang
        self.bold = Font(bold=True)
        self.head_fill = PatternFill("solid", fgColor="DDEBF7")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.centre = Alignment(horizontal="center", vertical="top")
        self.light_header, self.message_header = LIGHT_HEADERS[lang], MESSAGE_HEADERS[lang]
        self.light_text = LIGHT_TEXTS[lang]

    def fill(self, light: str):
        from openpyxl.styles import PatternFill

        return PatternFill("solid", fgColor=FILLS[light])

    def header_row(self, ws, cols, with_light: bool) -> list[str]:
        from openpyxl.comments import Comment
        from openpyxl.styles import Alignment
        from openpyxl.utils import get_column_letter

        extra = [self.light_header, self.message_header] if with_light else []
        heads = [c.head(self.lang) for c in cols] + extra + [JSON_HEADERS[self.lang]]
        xlsx_append(ws, heads, 1)
        for i, c in enumerate(ws[1], start=1):
            c.font, c.fill = self.bold, self.head_fill
            c.alignment = Alignment(wrap_text=True, vertical="center")
            h = heads[i - 1]
            if h.endswith((RO, RO_EN)):
                c.comment = Comment(RO_COMMENT, "reformctl")
            width = cols[i - 1].width if i <= len(cols) else (8 if h == self.light_header else 40)
            ws.column_dimensions[get_column_letter(i)].width = width
        json_letter = get_column_letter(len(heads))
        ws.column_dimensions[json_letter].hidden = True
        ws.freeze_panes = "B2"
        return heads

    @staticmethod
    def finish(ws, heads: list[str], rows: int) -> None:
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A1:{get_column_letter(len(heads))}{rows + 1}"


def _about_sheet(about, ledger: Ledger, as_of: dt.date, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    about.title = ABOUT_SHEETS[lang]
    bold = Font(bold=True)
    name = ledger.settings.name if ledger.settings else ""
    for i, (label, text) in enumerate(ABOUT[lang]):
        xlsx_append(about, [label, (name, as_of)[i] if i < 2 else text])
    about["A1"].font = bold
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 100
    for r in about.iter_rows(min_row=1, max_row=about.max_row):
        r[0].font = bold
        r[1].alignment = Alignment(wrap_text=True)
        if isinstance(r[1].value, dt.date):
            r[1].number_format = "yyyy-mm-dd"


def _summary_sheet(ws, summary: ExportSummary, style: _Style) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold, head_fill = style.bold, style.head_fill
    xlsx_append(ws, [summary.title])
    ws["A1"].font = Font(bold=True, size=13)
    xlsx_append(ws, summary.header)
    for c in ws[2]:
        c.font, c.fill = bold, head_fill
    for row in summary.rows:
        xlsx_append(ws, row)
    for c in ws[ws.max_row]:
        c.font = bold
    for col_cells in ws.iter_cols(min_row=3, min_col=len(summary.header), max_col=len(summary.header)):
        for c in col_cells:
            if isinstance(c.value, float):
                c.number_format = "0.0%"
    ws.append([])
    for label, value in summary.notes:
        xlsx_append(ws, [label, value])
    for heading, head, rows in summary.sections:
        ws.append([])
        xlsx_append(ws, [heading])
        ws.cell(ws.max_row, 1).font = bold
        xlsx_append(ws, head)
        for c in ws[ws.max_row]:
            c.font, c.fill = bold, head_fill
        for r in rows:
            xlsx_append(ws, [int(v) if isinstance(v, str) and v.isdigit() else v for v in r])
    ws.column_dimensions["A"].width = 26
    for i in range(2, len(summary.header) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 12
    ws.freeze_panes = "A3"


def _item_sheet(ws, sheet: Sheet, ledger: Ledger, lights: dict, style: _Style, advance: Callable[[], None]) -> int:
    """One row per item of ``sheet.kind``; returns the number of rows."""
    lang = style.lang
    heads = style.header_row(ws, list(sheet.cols), sheet.light)
    n = 0
    for item_id, rec in items_of(ledger, sheet.kind):
        row = []
        for c in sheet.cols:
            row.append(
                c.compute(rec, lang) if c.readonly and c.compute else to_cell(getattr(rec, c.field, None), c, lang)
            )
        light = ""
        if sheet.light:
            light, message = lights.get((sheet.kind, str(item_id)), ("", ""))
            if not light and _is_open(sheet.kind, rec):
                light = "green"
            row += [style.light_text[light], message or None]
        extra = hidden_data(rec, sheet)
        row.append(json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None)
        n += 1
        r = n + 1
        xlsx_append(ws, row, r)  # (ws.max_row scans every cell: quadratic on a large ledger)
        for i, c in enumerate(sheet.cols, start=1):
            cell = ws.cell(r, i)
            if c.type == "date":
                cell.number_format = "yyyy-mm-dd"
            if c.readonly or c.width >= 24:
                cell.alignment = style.wrap
        if sheet.light:
            lc = ws.cell(r, len(sheet.cols) + 1)
            if light:
                lc.fill = style.fill(light)
            lc.alignment = style.centre
            ws.cell(r, len(sheet.cols) + 2).alignment = style.wrap
        advance()
    style.finish(ws, heads, n)
    return n


def _problem_cells(nid: str, p: R.Problem, lang: str) -> list[Any]:
    row: list[Any] = []
    for c in PROBLEM_COLS:
        if c.readonly:
            row.append(
                "\n".join(
                    f"{rv.due}" + (f" ✓{rv.done}" if rv.done else "") + (f" {rv.result}" if rv.result else "")
                    for rv in p.reviews
                )
                or None
            )
        elif c.field == "notice":
            row.append(nid)
        else:
            row.append(to_cell(getattr(p, c.field, None), c, lang))
    return row


def _problem_sheet(ws, ledger: Ledger, lights: dict, style: _Style) -> int:
    """One row per rectification problem of every notice; returns the number of rows."""
    heads = style.header_row(ws, list(PROBLEM_COLS), True)
    m = 0
    for nid, notice in items_of(ledger, "notice"):
        for p in cast(R.Notice, notice).problems:
            row = _problem_cells(nid, p, style.lang)
            light, message = lights.get(("problem", f"{nid}#{p.no}"), ("", ""))
            if not light and p.rectified is None:
                light = "green"
            row += [style.light_text[light], message or None, None]
            m += 1
            r = m + 1
            xlsx_append(ws, row, r)
            for i, c in enumerate(PROBLEM_COLS, start=1):
                if c.type == "date":
                    ws.cell(r, i).number_format = "yyyy-mm-dd"
                if c.width >= 24:
                    ws.cell(r, i).alignment = style.wrap
            lc = ws.cell(r, len(PROBLEM_COLS) + 1)
            if light:
                lc.fill = style.fill(light)
            lc.alignment = style.centre
    style.finish(ws, heads, m)
    return m


def _is_open(kind: str, rec: Any) -> bool:
    if kind in ("task", "pilot", "plan"):
        return rec.status.is_open
    if kind == "notice":
        return any(p.rectified is None for p in rec.problems)
    if kind == "reminder":
        return {x.unit for x in rec.reports} < set(rec.to)
    return False
