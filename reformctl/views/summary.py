"""Render the quarterly summary: table (Rich), json (the contract), csv, markdown (ready for a 季报)."""

from __future__ import annotations

import csv
import json
from typing import Optional, TextIO

from .. import i18n
from ..i18n.text import by_lang
from ..i18n.views import OBLIGATIONS, SUMMARY, SUMMARY_SECTIONS

from ..model import Ledger
from ..base.textsafe import json_safe
from ..rules.summary import FIGURES, Counts, Row, Summary
from .safe import csv_row, md_text

LABELS = by_lang(SUMMARY)  # the words by language; the texts are in reformctl/i18n/views.py
CN_DIGITS = "零一二三四"


def title(summary: Summary, lang: str) -> str:
    L = LABELS[lang]
    if summary.quarter:
        y, n = summary.quarter[:4], int(summary.quarter[5])
        return L["title_q"].format(y=y, n=CN_DIGITS[n] if lang == "zh" else n)
    if summary.year is not None:
        return L["title_y"].format(y=summary.year)
    return L["title_p"].format(p=summary.period)


def rate_text(rate: Optional[float], lang: str = "en") -> str:
    """A completion rate for people: ``75.0%``; a dash when nothing was due."""
    return LABELS[lang]["none"] if rate is None else f"{rate * 100:.1f}%"


def row_label(ledger: Optional[Ledger], key: str, by: str, lang: str) -> str:
    if not key:
        return LABELS[lang]["no_group"]
    return key


def header(summary: Summary, lang: str) -> list[str]:
    L = LABELS[lang]
    return [L[summary.by]] + [L[f] for f in FIGURES] + [L["completion_rate"]]


def _cells(c: Counts, lang: str) -> list[str]:
    return [str(getattr(c, f)) for f in FIGURES] + [rate_text(c.completion_rate, lang)]


def _row_cells(r: Row, lang: str) -> list[str]:
    """A row's figures for people; a dash for each when they are not known."""
    if not r.known:
        return [LABELS[lang]["none"]] * (len(FIGURES) + 1)
    return _cells(r.counts, lang)


def render_json(summary: Summary, out: TextIO, extra: Optional[dict] = None) -> None:
    data = summary.as_dict()
    if extra:
        data.update(extra)
    out.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    out.write("\n")


def render_csv(summary: Summary, out: TextIO) -> None:
    """Machine-readable: English column names, the completion rate as a fraction (empty when none due), a
    last row ``total``."""
    w = csv.writer(out, lineterminator="\n")
    key = "unit" if summary.by == "unit" else "special_group"
    w.writerow([key, *summary.figure_names(), "completion_rate"])

    def rate(c: Counts) -> str:
        return "" if c.completion_rate is None else repr(round(c.completion_rate, 6))

    for r in summary.rows:
        if not r.known:
            w.writerow(csv_row([r.key, *([""] * len(FIGURES)), ""]))
            continue
        w.writerow(csv_row([r.key, *(getattr(r.counts, f) for f in FIGURES), rate(r.counts)]))
    w.writerow(["total", *(getattr(summary.totals, f) for f in FIGURES), rate(summary.totals)])


def _md_escape(s: str) -> str:
    return md_text(s)


def render_markdown(
    summary: Summary,
    out: TextIO,
    ledger: Optional[Ledger] = None,
    lang: str = "zh",
    as_of=None,
    sections: Optional[list[tuple[str, list[str], list[list[str]]]]] = None,
) -> None:
    """A heading, one paragraph in words and a pipe table: ready to paste into the quarterly report (季报)."""
    L = LABELS[lang]
    t = summary.totals
    out.write(f"## {title(summary, lang)}\n\n")
    period = f"{summary.first.isoformat()} — {summary.last.isoformat()}"
    meta = f"{L['period']}: {period}" + (f"; {L['as_of']}: {as_of.isoformat()}" if as_of else "")
    out.write(f"*{meta}*\n\n")
    paragraph = SUMMARY["paragraph"](lang).format(
        tasks=t.tasks,
        due=t.due_in_quarter,
        completed=t.completed_in_quarter,
        overdue=t.overdue,
        rate=rate_text(t.completion_rate, lang),
    )
    out.write(paragraph + "\n\n")
    _md_table(
        out,
        header(summary, lang),
        [[_md_escape(row_label(ledger, r.key, summary.by, lang)), *_row_cells(r, lang)] for r in summary.rows]
        + [[f"**{L['total']}**", *(f"**{c}**" for c in _cells(t, lang))]],
    )
    for heading, head, rows in sections or []:
        out.write(f"\n### {heading}\n\n")
        _md_table(out, head, rows)


def _md_table(out: TextIO, head: list[str], rows: list[list[str]]) -> None:
    out.write("| " + " | ".join(head) + " |\n")
    out.write("|" + "|".join([" --- "] + [" ---: "] * (len(head) - 1)) + "|\n")
    for r in rows:
        out.write("| " + " | ".join(_md_escape(str(c)) if not str(c).startswith("**") else str(c) for c in r) + " |\n")


def render_table(
    summary: Summary,
    console,
    ledger: Optional[Ledger] = None,
    lang: str = "en",
    sections: Optional[list[tuple[str, list[str], list[list[str]]]]] = None,
) -> None:
    """The summary as tables fitted to the console's width (reformctl/views/fit.py): the unit (or kind) on one
    line, every figure whole; without room the rightmost figures go first."""
    from . import fit

    L = LABELS[lang]
    width = fit.console_width(console)
    heads = header(summary, lang)
    t = summary.totals
    foot = [L["total"], *_cells(t, lang)]
    cols = [
        fit.Column(
            h,
            "name" if i == 0 else "token",
            drop=i if i > 1 else 0,
            footer=foot[i],
            justify="left" if i == 0 else "right",
            style="red" if h == L["overdue"] else None,
        )
        for i, h in enumerate(heads)
    ]
    rows = [[row_label(ledger, r.key, summary.by, lang), *_row_cells(r, lang)] for r in summary.rows]
    console.print(
        fit.table(
            cols,
            rows,
            width,
            title=title(summary, lang),
            show_footer=True,
            header_style="bold",
            caption=f"{summary.first.isoformat()} — {summary.last.isoformat()}",
        )
    )
    for heading, head, rows_ in sections or []:
        cells = [[str(c) for c in row] for row in rows_]
        cols = fit.guess(head, cells)
        for i, c in enumerate(cols):
            c.justify = "left" if i == 0 else "right"
        console.print(fit.table(cols, cells, width, title=heading))


def _sections(lang: str) -> dict[str, tuple[str, dict[str, str]]]:
    """The extra sections in ``lang``: key -> (heading, {figure: label}), in the catalogue's order."""
    heads = {code: text(lang) for code, text in SUMMARY_SECTIONS.items() if "." not in code}
    return {
        key: (
            heading,
            {
                code.split(".", 1)[1]: text(lang)
                for code, text in SUMMARY_SECTIONS.items()
                if code.startswith(key + ".")
            },
        )
        for key, heading in heads.items()
    }


SECTION_LABELS = {lang: _sections(lang) for lang in i18n.LANGS}


def _rule_label(code: str, lang: str) -> str:
    if code in OBLIGATIONS:
        return OBLIGATIONS[code](lang)
    try:
        from ..i18n import label

        return label("rule", code, lang)
    except Exception:  # noqa: BLE001 - a code without a label shows as itself
        return code


def sections(data: dict, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """The extra sections of a summary as (heading, header, rows) for the table and markdown renderers: one
    row of figures per section, and one row per rule for the obligations."""
    out = []
    for key, (heading, labels) in SECTION_LABELS[lang].items():
        figures = data.get(key)
        if not isinstance(figures, dict):
            continue
        if key == "timeliness":
            cols = ["on_time", "late", "days_late"]
            rows = [
                [i18n.history(k, lang)] + [str(figures[k][c]) for c in cols]
                for k in ("report", "pilot", "reminder")
                if isinstance(figures.get(k), dict)
            ]
            rows.append([i18n.history("total", lang)] + [str(figures.get(c, 0)) for c in cols])
            out.append((heading, [labels[c] for c in ["what", *cols]], rows))
            continue
        if key == "obligations":
            cols = ["rule", "met", "missed", "pending"]
            rows = [[_rule_label(r["rule"], lang)] + [str(r[c]) for c in cols[1:]] for r in figures.get("rules", [])]
            if rows:
                total = LABELS[lang]["total"]
                rows.append([total] + [str(figures.get(c, 0)) for c in cols[1:]])
                out.append((heading, [labels[c] for c in cols], rows))
            continue
        keys = [k for k in labels if k in figures and not isinstance(figures[k], (list, dict))]
        if keys:
            out.append((heading, [labels[k] for k in keys], [[str(figures[k]) for k in keys]]))
    return out
