"""Excel both ways: the familiar 台账 workbook (one sheet per kind, Chinese or English headers) and reading it back.

Layout of an exported workbook (documented in README "Excel"); names below are the Chinese ones (``lang="zh"``),
``lang="en"`` gives the English ones (``About``, ``Tasks``, ``Due``, ``data (JSON)``, ``... (read-only)``), with
English values in the cells (``yes``/``no``, choices as their YAML value, lists joined with ``, ``). Reading
accepts either language, and the YAML field name as a header too, whatever the workbook was exported with:

- a sheet ``说明`` (about) and a sheet ``季度汇总`` (the quarterly summary, read-only);
- one sheet per kind (``改革任务``, ``改革试点``, ``整改督办`` ...): row 1 the Chinese headers (frozen, with an
  autofilter), one row per item. Editable columns hold one field each: dates are real Excel dates, lists are
  joined with ``、``, yes/no fields are ``是``/``否``, choices show their Chinese label (the English value is
  accepted too). Columns whose header ends in ``(只读)`` (light, message, milestone digest...) are computed and
  ignored on import. The last column, ``数据(JSON)``, is hidden and holds, as JSON, every field that has no
  column of its own (milestones, progress, carry_over, problems, extra...): that is what makes the round
  trip lossless. A hand-made sheet may leave it out: fields without a column then keep their values in the
  ledger (new items start without them);
- ``整改问题``: one row per rectification problem (notice id + problem number); its editable columns override
  the problems held in the notices' JSON, so a rectification date typed there is imported.

Units and commissioners are exported for reference and read-only on import (edit units.yaml by hand);
close-outs are written by ``close-out`` only and are read-only too.

The package: ``labels`` (the words in both languages), ``sheets`` (the layout), ``cells`` (values both ways),
``guard`` (limits and what the XML says), ``write`` and ``read`` (the workbook each way), ``members`` (the
member sheets of ``export --members``).
"""

from __future__ import annotations

from .cells import (
    MAX_CELL_CHARS,
    from_cell,
    hidden_data,
    items_of,
    record_data,
    to_cell,
)
from .guard import MAX_MERGED_CELLS, MAX_UNZIPPED_BYTES, WorkbookTooLarge
from .labels import (
    ABOUT_SHEETS,
    BOOL_TEXT,
    ENUM_ZH,
    ENUM_ZH_ALSO,
    JSON_HEADER,
    JSON_HEADERS,
    LANGS,
    LIGHT_HEADERS,
    LIGHT_TEXT,
    LIGHT_TEXTS,
    LIST_SEP,
    LIST_SEPS,
    MESSAGE_HEADERS,
    PROBLEM_SHEETS,
    RO,
    RO_EN,
    SUMMARY_SHEETS,
)
from .members import MEMBER_HEADERS, MEMBER_SHEETS, add_member_sheets
from .read import (
    MAX_SHEET_ROWS,
    ProblemRow,
    ReadResult,
    RowData,
    SheetProblem,
    iter_sheet_kinds,
    read_workbook,
)
from .sheets import PROBLEM_COLS, PROBLEM_SHEET, SHEETS, SHEETS_BY_KIND, SHEETS_BY_TITLE, CellError, Col, Sheet
from .write import ABOUT, ExportSummary, write_workbook

__all__ = [
    "ABOUT",
    "ABOUT_SHEETS",
    "BOOL_TEXT",
    "ENUM_ZH",
    "ENUM_ZH_ALSO",
    "JSON_HEADER",
    "JSON_HEADERS",
    "LANGS",
    "LIGHT_HEADERS",
    "LIGHT_TEXT",
    "LIGHT_TEXTS",
    "LIST_SEP",
    "LIST_SEPS",
    "MAX_CELL_CHARS",
    "MAX_MERGED_CELLS",
    "MAX_SHEET_ROWS",
    "MAX_UNZIPPED_BYTES",
    "MEMBER_HEADERS",
    "MEMBER_SHEETS",
    "MESSAGE_HEADERS",
    "PROBLEM_COLS",
    "PROBLEM_SHEET",
    "PROBLEM_SHEETS",
    "RO",
    "RO_EN",
    "SHEETS",
    "SHEETS_BY_KIND",
    "SHEETS_BY_TITLE",
    "SUMMARY_SHEETS",
    "CellError",
    "Col",
    "ExportSummary",
    "ProblemRow",
    "ReadResult",
    "RowData",
    "Sheet",
    "SheetProblem",
    "WorkbookTooLarge",
    "add_member_sheets",
    "from_cell",
    "hidden_data",
    "items_of",
    "iter_sheet_kinds",
    "read_workbook",
    "record_data",
    "to_cell",
    "write_workbook",
]
