"""Tables fitted to the terminal's width: every Rich table the tool prints is laid out here.

Each column is one of three kinds:

- ``token``: ids, dates, numbers, lights, short labels. Never split, never shortened: the column is as wide as
  its widest cell, or it is dropped.
- ``name``: unit names. On one line; shortened with an ellipsis only when the table cannot give them their
  width, never below ``min`` cells.
- ``text``: titles and messages. On one line, shortened with an ellipsis (JSON, CSV and xlsx carry them whole).

Widths are counted in terminal cells (CJK characters are two wide: :func:`rich.cells.cell_len`). When even the
narrowest layout does not fit, columns are dropped by their ``drop`` rank (highest first; 0: never).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, Optional, Sequence

GAP = 2  # cells between two columns
TEXT_MIN = 10
NAME_FLOOR = 8  # a unit name is never cut shorter than this (4 CJK characters)  # a text column narrower than this is dropped rather than shown
GUESS_TEXT_MIN = 24  # in tables laid out by guess: columns on the right go before a title gets shorter than this
NAME_MIN = 24  # a unit name is shortened only beyond 12 CJK characters, and only when the table is short of room


@dataclass
class Column:
    header: str
    kind: str = "text"  # token | name | text
    drop: int = 0  # 0: never dropped; the highest is dropped first
    weight: int = 1  # share of the spare width among the columns that are shortened
    justify: Literal["default", "left", "center", "right", "full"] = "left"
    style: Optional[str] = None
    footer: Optional[str] = None
    min: Optional[int] = None


def cells_of(value: Any) -> int:
    from rich.cells import cell_len

    plain = getattr(value, "plain", None)
    return cell_len(plain if plain is not None else str(value))


def _one_line(value: Any) -> Any:
    """A cell on one line: line breaks and tabs in ledger text become spaces."""
    if isinstance(value, str):
        return value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return value


def widths(columns: Sequence[Column], rows: Sequence[Sequence[Any]], width: int) -> list[Optional[int]]:
    """The width of each column (None: dropped) for a table ``width`` cells wide at most."""
    natural = []
    for i, c in enumerate(columns):
        n = max([cells_of(c.header), cells_of(c.footer or "")] + [cells_of(r[i]) for r in rows if i < len(r)])
        natural.append(max(n, 1))

    def least(i: int) -> int:
        c, n = columns[i], natural[i]
        if c.kind == "token":
            return n
        floor = c.min if c.min is not None else (NAME_MIN if c.kind == "name" else TEXT_MIN)
        return min(n, max(floor, cells_of(c.header)))

    shown = list(range(len(columns)))

    def need(cols: list[int]) -> int:
        return sum(least(i) for i in cols) + GAP * (len(cols) - 1)

    while need(shown) > width:
        droppable = [i for i in shown if columns[i].drop > 0]
        if not droppable:
            break
        shown.remove(max(droppable, key=lambda i: (columns[i].drop, i)))
    got = {i: least(i) for i in shown}
    over = need(shown) - width
    for i in shown:  # still too wide with nothing left to drop: names give way before ids and dates get cut
        if over > 0 and columns[i].kind == "name":
            give = min(over, got[i] - max(NAME_FLOOR, cells_of(columns[i].header)))
            if give > 0:
                got[i] -= give
                over -= give
    spare = width - sum(got.values()) - GAP * (len(shown) - 1)
    # names first get back their full width (one line, whole), then titles and messages share the rest
    for i in shown:
        if columns[i].kind == "name" and spare > 0:
            add = min(natural[i] - got[i], spare)
            got[i] += add
            spare -= add
    while spare > 0:
        hungry = [i for i in shown if columns[i].kind == "text" and got[i] < natural[i]]
        if not hungry:
            break
        total = sum(columns[i].weight for i in hungry)
        given = 0
        for i in hungry:
            add = min(natural[i] - got[i], max(1, spare * columns[i].weight // total))
            add = min(add, spare - given)
            got[i] += add
            given += add
            if given >= spare:
                break
        if given == 0:
            break
        spare -= given
    out: list[Optional[int]] = [got.get(i) for i in range(len(columns))]
    return out


_TOKEN = re.compile(r"^[\w.:/+%#()-]+$", re.ASCII)


def guess(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[Column]:
    """Columns for a table whose callers say nothing of them: ids, dates, numbers and short labels are tokens,
    short single words names, the rest text. The first two columns stay; without room the rightmost go first."""
    cols = []
    for i, h in enumerate(headers):
        values = [str(getattr(r[i], "plain", r[i])) for r in rows if i < len(r) and str(r[i]) not in ("", "—")]
        widest = max([cells_of(v) for v in values], default=0)
        if all(_TOKEN.match(v) for v in values) or widest <= 12:
            kind = "token"
        elif widest <= 40 and not any(re.search(r"\s", v) for v in values):
            kind = "name"
        else:
            kind = "text"
        numeric = values and all(re.fullmatch(r"-?[\d.,]+%?", v) for v in values)
        rank = 0 if i < 2 else i
        cols.append(
            Column(
                h,
                kind,
                drop=rank,
                weight=2 if kind == "text" else 1,
                justify="right" if numeric else "left",
                min=GUESS_TEXT_MIN if kind == "text" else None,
            )
        )
    return cols


def table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    width: int,
    *,
    title: Optional[str] = None,
    caption: Optional[str] = None,
    row_styles: Optional[Sequence[Optional[str]]] = None,
    show_footer: bool = False,
    header_style: Optional[str] = "bold",
):
    """A Rich table of ``rows`` at most ``width`` cells wide (unless its tokens alone are wider)."""
    from rich import box
    from rich.table import Table

    rows = [[_one_line(c) for c in r] for r in rows]
    ws = widths(columns, rows, width)
    t = Table(
        title=title,
        caption=caption,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 0, 0, GAP - 1),
        collapse_padding=False,
        expand=False,
        show_footer=show_footer,
        title_justify="left",
        caption_justify="left",
        header_style=header_style,
    )
    keep = [i for i, w in enumerate(ws) if w is not None]
    for i in keep:
        c = columns[i]
        t.add_column(
            c.header,
            footer=c.footer or "",
            justify=c.justify,
            style=c.style,
            width=ws[i],
            no_wrap=True,
            overflow="ellipsis",
        )
    for n, r in enumerate(rows):
        t.add_row(*[r[i] if i < len(r) else "" for i in keep], style=row_styles[n] if row_styles else None)
    return t


def console_width(console) -> int:
    return max(int(console.width or 80), 20)
