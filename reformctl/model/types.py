"""Scalar types shared by every record model.

Dates reach the models as strings (the YAML loader keeps them so) and are parsed here, so that a bad
date such as ``2025-02-30`` becomes a validation error that the loader maps back to its line.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Annotated, Any, Iterable

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, StrictBool, StrictInt, WithJsonSchema

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_QUARTER_RE = re.compile(r"^(\d{4})Q([1-4])$")
from .diagnostic import Invalid  # noqa: E402
from .ids import ID_PATTERN, ID_RE  # noqa: E402,F401 - re-exported


# The dates a ledger may hold. Every date-driven loop (periodic obligations, working days, the calendar feed)
# is bounded by this range, so a typo such as 9999-12-31 is refused by `check` instead of making a command
# enumerate eight thousand years of quarters. 1949 is before any office this tool serves; 2200 leaves room for
# long-term plans.
DATE_MIN = _dt.date(1949, 1, 1)
DATE_MAX = _dt.date(2200, 12, 31)


def date_supported(day: _dt.date) -> bool:
    """Whether ``day`` lies in the supported range :data:`DATE_MIN`..:data:`DATE_MAX`."""
    return DATE_MIN <= day <= DATE_MAX


def _in_range(day: _dt.date, value: Any) -> _dt.date:
    if not date_supported(day):
        raise Invalid("invalid_date.outside", value=str(value), min=DATE_MIN.isoformat(), max=DATE_MAX.isoformat())
    return day


_DATES: dict[str, _dt.date] = {}  # text -> date already parsed: a ledger repeats a few thousand dates


def _parse_date(value: Any) -> _dt.date:
    if type(value) is str:
        known = _DATES.get(value)
        if known is not None:
            return known
        parsed = _parse_date_text(value)
        if len(_DATES) >= 50_000:
            _DATES.clear()
        _DATES[value] = parsed
        return parsed
    return _parse_date_other(value)


def _parse_date_other(value: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise Invalid("invalid_date.datetime")
    if isinstance(value, _dt.date):
        return _in_range(value, value)
    if isinstance(value, str):
        return _parse_date_text(value)
    raise Invalid("invalid_date.type", type=type(value).__name__, value=repr(value))


def _parse_date_text(value: str) -> _dt.date:
    text = value.strip()
    if not _DATE_RE.match(text):
        raise Invalid("invalid_date.format", value=repr(value))
    try:
        day = _dt.date.fromisoformat(text)
    except ValueError as exc:
        raise Invalid("invalid_date.not_calendar", value=repr(value), why=str(exc)) from None
    return _in_range(day, text)


def _parse_quarter(value: Any) -> str:
    if not isinstance(value, str) or not _QUARTER_RE.match(value.strip()):
        raise Invalid("invalid_value.quarter", value=repr(value))
    if not DATE_MIN.year <= int(value.strip()[:4]) <= DATE_MAX.year:
        raise Invalid("invalid_value.quarter_years", value=value.strip(), min=DATE_MIN.year, max=DATE_MAX.year)
    return value.strip()


def _serialize_date(value: _dt.date) -> str:
    return value.isoformat()


Date = Annotated[
    _dt.date,
    BeforeValidator(_parse_date),
    PlainSerializer(_serialize_date, return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE_RE.pattern}),
]
"""An ISO calendar date ``YYYY-MM-DD``; integers and date-times are refused."""

Quarter = Annotated[
    str,
    BeforeValidator(_parse_quarter),
    WithJsonSchema({"type": "string", "pattern": _QUARTER_RE.pattern}),
]

ItemId = Annotated[str, Field(pattern=ID_PATTERN)]
"""An item id: 1-64 characters of A-Za-z0-9._-, starting with a letter or digit."""

# Characters that do not show: an id holding one looks the same as the id without it, and never matches it.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)


def _unit_id_text(value: str) -> str:
    """Unit ids are refused, not silently normalised, when two spellings would look alike: a ledger is an audit
    record, and what the file says is what is compared. Decomposed characters (NFD, as macOS writes file
    names) and invisible ones (zero-width spaces, joiners, direction marks) are errors naming the fix."""
    if value in _UNIT_IDS_SEEN:  # a ledger names a few hundred units a hundred thousand times
        return value
    hit = _INVISIBLE.search(value)
    if hit:
        raise Invalid("invalid_value.invisible", value=value, char=f"U+{ord(hit.group()):04X}")
    if not unicodedata.is_normalized("NFC", value):
        raise Invalid("invalid_value.nfd", value=value, nfc=unicodedata.normalize("NFC", value))
    if len(_UNIT_IDS_SEEN) < 4096:
        _UNIT_IDS_SEEN.add(value)
    return value


_UNIT_IDS_SEEN: set[str] = set()  # unit ids that passed :func:`_unit_id_text` (a pure check of the text)


UnitId = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[^\n\r\t]+$"), AfterValidator(_unit_id_text)]
"""A unit id; may be Chinese (``市发改委``). Composed Unicode (NFC) without invisible characters."""

Text = Annotated[str, Field(min_length=1)]
Bool = StrictBool
Int = StrictInt
PositiveInt = Annotated[StrictInt, Field(ge=1)]
NonNegInt = Annotated[StrictInt, Field(ge=0)]
Year = Annotated[StrictInt, Field(ge=DATE_MIN.year, le=DATE_MAX.year)]
"""A year of the supported dates (a 23-digit number is a typo, and it would not survive a spreadsheet)."""
Points = Annotated[float, Field(allow_inf_nan=False, ge=-10_000, le=10_000)]
"""Points and scores: finite (.inf and .nan are refused) and bounded."""
WorkingDays = Annotated[StrictInt, Field(ge=1, le=366)]
"""A number of working days (a deadline more than a year of working days ahead is a typo)."""
Count = Annotated[StrictInt, Field(ge=0, le=1_000_000)]
"""A count of people or sections: bounded so that no value is changed by a spreadsheet's floats."""


MAX_DEPTH = 32
"""How deeply maps and lists may nest under ``extra:`` (the records' own fields nest a few levels at most).
Deeper data passes nothing useful and broke every consumer that walks it (export, edits, log)."""


def deeper_than(value: Any, limit: int) -> bool:
    """Whether ``value`` nests maps and lists more than ``limit`` levels deep (iterative: no recursion)."""
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        children: Iterable[Any]
        if isinstance(v, dict):
            children = v.values()
        elif isinstance(v, list):
            children = v
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return False


def quarter_bounds(quarter: str) -> tuple[_dt.date, _dt.date]:
    """First and last day of a quarter such as ``2016Q3``."""
    m = _QUARTER_RE.match(quarter)
    if not m:
        raise ValueError(f"expected a quarter like 2016Q3, got {quarter!r}")
    year, q = int(m.group(1)), int(m.group(2))
    first = _dt.date(year, 3 * q - 2, 1)
    last_month = 3 * q
    last = _dt.date(year + (last_month == 12), 1 if last_month == 12 else last_month + 1, 1) - _dt.timedelta(days=1)
    return first, last


def quarter_of(day: _dt.date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"
