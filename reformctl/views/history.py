"""Render the filings judged against their deadlines (`status --history`): table, json and csv."""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Sequence, TextIO

from .. import i18n
from ..rules.lateness import Filing

CSV_FIELDS = ["id", "kind", "rule", "due", "filed", "days_late", "late", "unit", "ref", "title", "message"]


def rows(filings: Sequence[Filing], lang: str) -> list[dict]:
    out = []
    for f in filings:
        d = f.as_dict()
        d["message"] = i18n.filing_message(
            f.rule, lang, ref=f.ref, filed=d["filed"], due=d["due"], days_late=f.days_late
        )
        out.append(d)
    return out


def render_json(filings: Sequence[Filing], out: TextIO, lang: str = "en") -> None:
    """One JSON array of {id, kind, rule, due, filed, days_late, late, unit, ref, title, message}."""
    json.dump(rows(filings, lang), out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_csv(filings: Sequence[Filing], out: TextIO, lang: str = "en") -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for d in rows(filings, lang):
        w.writerow(["true" if d[k] is True else "false" if d[k] is False else d[k] for k in CSV_FIELDS])


def render_table(filings: Sequence[Filing], console, lang: str, as_of: dt.date) -> None:
    from rich import box
    from rich.table import Table

    H = lambda k, **kw: i18n.history(k, lang, **kw)  # noqa: E731
    L = lambda k: i18n.label("header", k, lang)  # noqa: E731
    if not filings:
        console.print(H("history_none", as_of=as_of.isoformat()))
        return
    t = Table(
        title=H("history_title", as_of=as_of.isoformat()),
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1),
        title_justify="left",
    )
    t.add_column(L("id"), no_wrap=True, overflow="fold")
    t.add_column(H("what"), ratio=2, min_width=8, overflow="fold")
    t.add_column(L("unit"), ratio=2, min_width=8, overflow="fold")
    t.add_column(H("due"), no_wrap=True)
    t.add_column(H("filed"), no_wrap=True)
    t.add_column(H("days_late"), justify="right", no_wrap=True)
    for f in filings:
        what = i18n.label("kind", f.kind, lang) + (f" {f.ref}" if f.kind == "report" else "")
        t.add_row(f.id, what, f.unit, f.due.isoformat(), f.filed.isoformat(), str(f.days_late))
    console.print(t)
