"""Cell values both ways: a field value as its cell in either language, a cell (typed by a person) as a field
value, and the data of a record that has no column of its own."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Any

from ...model import Ledger, Record
from .labels import _SPLIT, _TRADITIONAL, BOOL_TEXT, ENUM_ZH, ENUM_ZH_ALSO, LIST_SEPS
from .sheets import CellError, Col, Sheet


# ---------------------------------------------------------------- cell values
def to_cell(value: Any, col: Col, lang: str = "zh") -> Any:
    """The cell of a field value: Chinese labels with ``lang="zh"``, the YAML values with ``lang="en"``."""
    if value is None:
        return None
    if isinstance(value, Enum):
        value = value.value
    if col.type == "bool":
        yes, no = BOOL_TEXT[lang]
        return yes if value else no
    if col.type in ("list", "intlist"):
        return LIST_SEPS[lang].join(str(v) for v in value) if value else None
    if col.type == "enum" and col.enum is not None:
        return ENUM_ZH.get(col.enum, {}).get(value, value) if lang == "zh" else value
    return value


_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


MAX_CELL_CHARS = 32_767  # Excel's own limit for the text of one cell
_INT_TEXT = re.compile(r"^[+-]?\d{1,15}$")
_MAX_EXACT = 2**53  # above this a spreadsheet's floating-point number no longer holds every whole number


def _whole(p: Any) -> int:
    """A whole number of a cell, exactly: no boolean, no digits lost to floating point."""
    if isinstance(p, bool):
        raise CellError("int_bool", value="TRUE" if p else "FALSE")
    if isinstance(p, int):
        if abs(p) > _MAX_EXACT:
            raise CellError("int_large", value=repr(p))
        return p
    if isinstance(p, str) and _INT_TEXT.match(p):
        return int(p)
    try:
        f = float(p)
    except (TypeError, ValueError, OverflowError):
        raise CellError("int", value=repr(p)) from None
    if f != f or f in (float("inf"), float("-inf")) or abs(f) > _MAX_EXACT:
        raise CellError("int_large", value=repr(p))
    if f != int(f):
        raise CellError("int", value=repr(p))
    return int(f)


def from_cell(value: Any, col: Col) -> Any:
    """The field value of a cell (``None`` for an empty cell); raises :class:`CellError`."""
    if _blank(value):
        return [] if col.type in ("list", "intlist") else None
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        raise CellError("too_long", n=len(value), limit=MAX_CELL_CHARS)
    t = col.type
    if t == "date":
        if isinstance(value, dt.datetime):
            if value.time() != dt.time(0):
                raise CellError("datetime", value=str(value))
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        text = str(value).strip()
        for form in _DATE_FORMS:
            m = form.match(text)
            if m:
                try:
                    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
                except ValueError as exc:
                    raise CellError("not_calendar", value=repr(text), why=str(exc)) from None
        raise CellError("date", value=repr(text))
    if t == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("是", "true", "y", "yes", "1", "√", "✓"):
            return True
        if text in ("否", "false", "n", "no", "0", "×"):
            return False
        raise CellError("bool", value=repr(value))
    if t in ("int", "intlist"):
        parts = [value] if t == "int" else (_SPLIT.split(str(value).strip()) if isinstance(value, str) else [value])
        out = []
        for p in parts:
            if isinstance(p, str):
                p = p.strip()
                if not p:
                    continue
            out.append(_whole(p))
        return out[0] if t == "int" else out
    if t == "float":
        if isinstance(value, bool):
            raise CellError("number", value=repr(value))
        try:
            f = float(value)
        except (TypeError, ValueError, OverflowError):
            raise CellError("number", value=repr(value)) from None
        if f != f or f in (float("inf"), float("-inf")):
            raise CellError("number", value=repr(value))
        return int(f) if f == int(f) and not isinstance(value, float) else f
    if t == "list":
        return [p.strip() for p in _SPLIT.split(str(value)) if p.strip()]
    if t == "enum" and col.enum is not None:
        text = str(value).strip()
        values = [e.value for e in col.enum]
        if text in values:
            return text
        back = {zh: v for v, zh in ENUM_ZH.get(col.enum, {}).items()}
        back.update(ENUM_ZH_ALSO.get(col.enum, {}))
        if text.translate(_TRADITIONAL) in back:
            return back[text.translate(_TRADITIONAL)]
        loose = re.sub(r"[\s-]+", "_", text.casefold())  # "In progress", "in-progress"
        if loose in values:
            return loose
        shown = "、".join(f"{ENUM_ZH.get(col.enum, {}).get(v, v)}({v})" for v in values)
        raise CellError("choice", value=repr(text), choices=shown)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return str(value) if not isinstance(value, str) else value


def record_data(rec: Record) -> dict:
    """The record as plain JSON data, without fields left at their defaults."""
    return rec.model_dump(mode="json", exclude_defaults=True)


def hidden_data(rec: Record, sheet: Sheet) -> dict:
    """The fields of ``rec`` that have no column of their own (what the hidden JSON column carries)."""
    shown = {c.field for c in sheet.editable()}
    return {k: v for k, v in record_data(rec).items() if k not in shown}


def items_of(ledger: Ledger, kind: str) -> list[tuple[str, Record]]:
    return (
        sorted(ledger.of(kind).items(), key=lambda kv: str(kv[0]))
        if kind not in ("unit", "commissioner")
        else list(ledger.of(kind).items())
    )
