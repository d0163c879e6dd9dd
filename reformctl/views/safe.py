"""What every writer does to text it did not write itself (titles, unit names, file names, messages): keep it
from being read as a spreadsheet formula, and keep it from driving a terminal or splitting a line.

The ledger's files, their names and the workbooks users send are not trusted (docs/security.md).
"""

from __future__ import annotations

import re
from typing import Any, Iterable

# A cell a spreadsheet may evaluate: OWASP's list (= + - @, tab, carriage return) and the full-width forms of
# = + - @, which Excel running with an East Asian input method also takes as the start of a formula.
FORMULA_LEADS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def formula_like(value: Any) -> bool:
    """True for a string a spreadsheet could take as a formula (a plain number such as -5 is not one)."""
    return isinstance(value, str) and value[:1] in FORMULA_LEADS and _NUMBER.fullmatch(value) is None


def csv_cell(value: Any) -> Any:
    """A CSV field that no spreadsheet evaluates: a formula-like string gets a leading single quote (what OWASP
    recommends; a spreadsheet shows the text, a script can strip the quote)."""
    return "'" + value if formula_like(value) else value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def xlsx_append(ws, values: list[Any], row: int | None = None) -> None:
    """``ws.append(values)``, with every formula-like string stored as a text cell (openpyxl makes any string
    starting with = a formula) and marked with Excel's quote prefix, so that editing the cell in Excel keeps it
    text. The value itself is unchanged: an exported workbook reads back exactly. ``row``: the number of the row
    appended, when the caller knows it (``ws.max_row`` scans every cell)."""
    ws.append(values)
    hits = [i for i, v in enumerate(values, start=1) if formula_like(v)]
    if hits:
        r = row if row is not None else ws.max_row
        for i in hits:
            cell = ws.cell(r, i)
            cell.data_type = "s"
            cell.quotePrefix = True


# ---------------------------------------------------------------- control characters
# C0 controls but tab and newline, DEL, C1 controls, and the Unicode line and paragraph separators, bidi
# overrides and isolates (which reorder what a terminal or a review shows).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_NL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match) -> str:
    ch = m.group(0)
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    o = ord(ch)
    return f"\\x{o:02x}" if o <= 0xFF else f"\\u{o:04x}"


def has_control(text: str, newlines: bool = True) -> bool:
    """Whether ``text`` holds a control character (with ``newlines``: a newline, tab or CR counts too)."""
    return (_CONTROL_NL if newlines else _CONTROL).search(text) is not None


def clean(value: Any, newlines: bool = True) -> str:
    """``value`` as text with every control character shown as a visible escape (ESC as ``\\x1b``, a newline
    as ``\\n``, U+202E as ``\\u202e``): what a line of text output, a table cell or a CI log line may hold.
    ``newlines=False`` keeps newlines and tabs (multi-line free text shown in a block)."""
    text = value if isinstance(value, str) else str(value)
    pattern = _CONTROL_NL if newlines else _CONTROL
    return pattern.sub(_visible, text) if pattern.search(text) else text
