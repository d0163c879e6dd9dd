"""Render the review schedule, the promotion list and case book, the assessment and the accountability register:
Rich tables for a terminal, JSON for scripts, Markdown and xlsx files. Labels in Simplified Chinese and English
come from reformctl/i18n/__init__.py (``PROGRAMME``, ``GROUNDS``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, TextIO

from .. import i18n
from ..base.textsafe import json_safe
from .safe import md_text, write_output, write_text, xlsx_append

# The labels live in reformctl/i18n/__init__.py (PROGRAMME, GROUNDS); LABELS[lang] is one language of them.
LABELS: dict[str, dict[str, str]] = {lang: i18n.table(i18n.PROGRAMME, lang) for lang in i18n.LANGS}


def L(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


def ground_label(ground: str, lang: str) -> str:
    return i18n.label("ground", ground, lang)


def listing_label(state: str, lang: str) -> str:
    key = {"listed": "listed_state", "delisted": "delisted_state"}.get(state, state)
    return L(lang)[key]


def dash(v: Any) -> str:
    return "—" if v in (None, "", []) else str(v)


def fmt_points(p: float) -> str:
    return f"{p:g}"


# ---------------------------------------------------------------- generic output
def write_json(data: Any, out: TextIO) -> None:
    out.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    out.write("\n")


def print_table(
    console,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    styles: Optional[Sequence[Optional[str]]] = None,
    caption: Optional[str] = None,
) -> None:
    """One Rich table fitted to the console's width (reformctl/views/fit.py); ``styles`` gives a per-row style
    (e.g. "red", "yellow")."""
    from . import fit

    cells = [[dash(c) for c in r] for r in rows]
    console.print(
        fit.table(
            fit.guess(headers, cells),
            cells,
            fit.console_width(console),
            title=title,
            caption=caption,
            row_styles=styles,
        )
    )


def write_xlsx(path: Path, sheets: Sequence[tuple[str, str, Sequence[str], Sequence[Sequence[Any]]]]) -> None:
    """An xlsx workbook, one sheet per (sheet name, title, headers, rows): a title row, a bold header, frozen
    panes, auto filter and sensible column widths. Written to a temporary file and moved into place."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for name, title, headers, rows in sheets:
        ws = wb.create_sheet(_sheet_name(name))
        xlsx_append(ws, [title], 1)
        ws["A1"].font = Font(bold=True, size=14)
        xlsx_append(ws, list(headers), 2)
        for c in ws[2]:
            c.font = Font(bold=True)
        for n, r in enumerate(rows, start=3):
            xlsx_append(ws, [_cell(v) for v in r], n)
        ws.freeze_panes = "A3"
        if rows:
            ws.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{len(rows) + 2}"
        for i, h in enumerate(headers, start=1):
            width = max([_width(h)] + [_width(_cell(r[i - 1])) for r in rows if i - 1 < len(r)])
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
            for row in ws.iter_rows(min_row=3, min_col=i, max_col=i):
                row[0].alignment = Alignment(wrap_text=True, vertical="top")
    write_output(path, wb.save)


def file_mode(path: Path) -> int:
    """The mode a written file gets: that of the file it replaces, else what the user's umask gives a new file
    (the temporary file it is written through is private, 0600, which is no mode for a report to share)."""
    from ..store.files import current_umask

    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~current_umask()


def _sheet_name(name: str) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name[:31] or "Sheet"


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "、".join(str(x) for x in v)
    return v  # a formula-like text is stored as text by xlsx_append


def _width(v: Any) -> int:
    s = str(v)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in s)


def write_text_file(path: Path, text: str) -> None:
    write_text(path, text)  # whole or not at all


def md_escape(s: Any) -> str:
    return md_text(dash(s))


def md_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(md_escape(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(md_escape(c) for c in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- schedule
def schedule_cells(rows, lang: str) -> tuple[list[str], list[list[Any]], list[Optional[str]]]:
    T = L(lang)
    headers = [
        T["review_scheduled"],
        T["plan"],
        T["title"],
        T["lead_unit"],
        T["state"],
        T["approved"],
        T["days"],
        T["preparation"],
    ]
    out, styles = [], []
    for r in rows:
        if r.state in ("reviewed", "unscheduled"):
            days = T["on_time"] if not r.delay else T["late_by"].format(n=r.delay) if r.delay and r.delay > 0 else ""
        elif r.days is None:
            days = ""
        elif r.days > 0:
            days = T["overdue_by"].format(n=r.days)
        elif r.days == 0:
            days = T["today"]
        else:
            days = T["in_days"].format(n=-r.days)
        if r.state in ("reviewed", "unscheduled"):
            prep = ""
        elif r.missing:
            prep = (
                T["missing"]
                + ("" if lang == "zh" else " ")
                + ("、" if lang == "zh" else ", ").join(T[m] for m in r.missing)
            )
        else:
            prep = T["ready"]
        out.append(
            [r.review_scheduled, r.id, r.title, r.lead_unit or r.special_group, T[r.state], r.approved, days, prep]
        )
        styles.append("red" if r.state == "late" else "yellow" if r.missing else None)
    return headers, out, styles


def schedule_totals(rows, lang: str) -> str:
    return L(lang)["schedule_totals"].format(
        n=len(rows),
        r=sum(r.state in ("reviewed", "unscheduled") for r in rows),
        l=sum(r.state == "late" for r in rows),
        u=sum(r.state == "upcoming" for r in rows),
    )


# ---------------------------------------------------------------- cases
def case_cells(rows, lang: str, with_summary: bool = False) -> tuple[list[str], list[list[Any]]]:
    T = L(lang)
    headers = [T["id"], T["title"], T["unit"], T["kind"], T["date"], T["listed"], T["delisted"]]
    if with_summary:
        headers.append(T["summary"])
    out = []
    for r in rows:
        cells = [r.id, r.title, r.unit, T[r.kind], r.date, r.listed, r.delisted]
        if with_summary:
            cells.append(r.summary)
        out.append(cells)
    return headers, out


def listing_cells(rows, lang: str) -> tuple[list[str], list[list[Any]]]:
    T = L(lang)
    headers = [T["id"], T["title"], T["unit"], T["kind"], T["listed"], T["delisted"], T["listing"]]
    return headers, [
        [r.id, r.title, r.unit, T[r.kind], r.listed, r.delisted, listing_label(r.listing, lang)] for r in rows
    ]


def cases_markdown(report, lang: str) -> str:
    """The promotion list, the listing changes and the case book as one Markdown document."""
    T = L(lang)
    y = report.year
    parts = [f"# {T['promotion_title'].format(y=y)}\n\n"]
    h, rows = case_cells(report.promotion_list, lang)
    parts.append(md_table(h, rows) if rows else T["none_listed"] + "\n")
    parts.append(f"\n## {T['listing_title'].format(y=y)}\n\n")
    h, rows = listing_cells(report.listing, lang)
    parts.append(md_table(h, rows) if rows else T["none_listed"] + "\n")
    n = report.demonstration_points_listed
    parts.append("\n" + (T["demo_count"].format(n=n) if n else T["demo_missing"]) + "\n")
    parts.append(f"\n# {T['book_title'].format(y=y)}\n\n{T['book_intro'].format(y=y, n=len(report.case_book))}\n")
    for i, r in enumerate(report.case_book, start=1):
        parts.append(f"\n## {i}. {r.title}\n\n")
        facts = [
            (T["id"], r.id),
            (T["unit"], r.unit),
            (T["kind"], T[r.kind]),
            (T["date"], r.date),
            (T["listed"], r.listed),
            (T["delisted"], r.delisted),
        ]
        parts.append("".join(f"- {k}: {dash(v)}\n" for k, v in facts if v))
        if r.summary:
            parts.append(f"\n{r.summary.strip()}\n")
    return "".join(parts)


# ---------------------------------------------------------------- assessment
def proposal_cells(props, lang: str):
    T = L(lang)
    headers = [T["unit"], T["points"], T["rule"], T["source"], T["reason"], T["recorded"]]
    rows = [
        [
            p.unit,
            fmt_points(p.points),
            T[p.rule],
            p.source,
            p.reason,
            T["yes_recorded"] if p.recorded else T["not_recorded"],
        ]
        for p in props
    ]
    styles = [None if p.recorded else "yellow" for p in props]
    return headers, rows, styles


def ranking_cells(rows, lang: str):
    T = L(lang)
    headers = [T["rank"], T["unit"], T["score"], T["deducted"], T["deductions"], T["new"]]
    return headers, [
        [r.rank, r.unit, fmt_points(r.score), fmt_points(r.deducted), r.deductions, fmt_points(r.new) if r.new else ""]
        for r in rows
    ]


# ---------------------------------------------------------------- accountability
def register_cells(rows, lang: str, exempt: bool = False):
    T = L(lang)
    headers = [
        T["id"],
        T["decided"],
        T["target"],
        T["person"],
        T["ground"],
        T["measure"],
        T["implemented_by"],
        T["points"],
    ]
    if exempt:
        headers.append(T["exemption"])
    out = []
    for r in rows:
        cells = [
            r.id,
            r.decided,
            r.target,
            r.person,
            ground_label(r.ground, lang),
            T[r.measure],
            ("、" if lang == "zh" else ", ").join(r.implemented_by),
            fmt_points(r.points) if r.points is not None else None,
        ]
        if exempt:
            cells.append(r.exemption)
        out.append(cells)
    return headers, out
