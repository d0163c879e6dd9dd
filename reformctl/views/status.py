"""Render deadline findings (`reformctl status`, `reformctl agenda`): Rich table, json (the contract), csv."""

from __future__ import annotations

import csv
import datetime as dt
from json.encoder import encode_basestring
from typing import Iterable, Optional, Sequence, TextIO

from .. import i18n
from ..i18n.views import STATUS
from ..rules.dates import add_days
from ..rules.findings import Finding, Note
from . import jsonfast
from ..base.textsafe import json_safe
from .safe import clean, csv_row

LIGHT_STYLE = {"red": "bold red", "yellow": "yellow", "green": "green"}
CSV_FIELDS = ["id", "kind", "rule", "due", "days", "light", "unit", "message", "title", "ref", "period", "file"]


def render_json(findings: Iterable[Finding], out: TextIO, lang: str = "en", extra=None) -> None:
    """One JSON array; each finding an object with at least id, kind, rule, due, days, light, unit, message."""
    write_json(json_fragments(findings, lang, extra), out)


def json_fragments(findings: Iterable[Finding], lang: str = "en", extra=None) -> list[str]:
    """The JSON object of each finding as :func:`render_json` writes it inside its array."""
    if extra is None:  # Finding.as_dict gives flat objects (strings and integers): no need to check each value
        return jsonfast.fragments([f.as_dict(lang) for f in findings], flat_rows=True)
    rows = []
    for f in findings:
        d = f.as_dict(lang)
        d.update(extra(f))
        rows.append(d)
    return jsonfast.fragments(rows)


class _Encoded(dict):
    """Each string's JSON encoding, made once (a miss encodes it; a hit is a plain subscript)."""

    def __missing__(self, value: str) -> str:
        out = self[value] = json_safe(encode_basestring(value))
        return out


def row_fragments(rows: Iterable[tuple]) -> list[str]:
    """:func:`json_fragments` of findings given as rows (:meth:`Finding.to_row`, their message in the language of
    the JSON), byte for byte, without making the objects: each distinct string is encoded once (an item's id,
    title and file recur in its findings, a task's update messages in many tasks)."""
    e = _Encoded()
    return [
        f'  {{\n    "id": {e[r[0]]},\n    "kind": {e[r[1]]},\n    "rule": {e[r[2]]},\n    "due": "{r[3].isoformat()}",'
        f'\n    "days": {r[4]},\n    "light": {e[r[5]]},\n    "unit": {e[r[6]]},\n    "message": {e[r[7]]},'
        f'\n    "title": {e[r[8]]},\n    "ref": {e[r[10]]},\n    "period": {e[r[11]]},\n    "file": {e[r[9]]}\n  }}'
        for r in rows
    ]


def write_json(fragments: list[str], out: TextIO) -> None:
    """The array of :func:`json_fragments` (= ``json.dump(rows, out, ensure_ascii=False, indent=2)``)."""
    out.write(jsonfast.join(fragments))
    out.write("\n")


def render_csv(
    findings: Iterable[Finding], out: TextIO, lang: str = "en", extra_fields: Sequence[str] = (), extra=None
) -> None:
    """CSV with a header row (field names as in JSON)."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_FIELDS + list(extra_fields))
    for f in findings:
        d = f.as_dict(lang)
        if extra:
            d.update(extra(f))
        w.writerow(csv_row(d.get(k, "") for k in CSV_FIELDS + list(extra_fields)))


def short_message(f: Finding, lang: str) -> str:
    """The message without the "N days overdue" part (the table has a days column)."""
    args = dict(f.args)
    text = i18n.message(f.rule, args, f.days, lang)
    tail = i18n.when(f.days, lang)
    for sep in ("，", ", "):
        if sep + tail in text:
            return text.replace(sep + tail, "", 1)
    return text


def title_of(f: Finding, lang: str) -> str:
    """The item's title; for obligations without an item, the rule's label."""
    return f.title or i18n.label("rule", f.rule, lang)


def _light_cell(light: str, lang: str):
    from rich.text import Text

    return Text(i18n.label("light", light, lang), style=LIGHT_STYLE.get(light, ""))


def _days_cell(days: int):
    from rich.text import Text

    return Text(str(days), style="red" if days > 0 else "")


def member_extra(f: Finding) -> dict:
    """The keys `--members` adds to every JSON and CSV finding: the member it comes from or is about, and that
    member's fetched commit (both null for the ledger's own findings)."""
    return {"member": f.member, "commit": f.commit}


def _columns(lang: str, with_light: bool = True, member_column: bool = False) -> list:
    """The columns of the findings table: ids, dates and days whole; the unit (and the member) on one line;
    title and message shortened to fit (json/csv carry them whole). Without room, the message goes first, then
    the title, then the light (the days say it: positive is late)."""
    from .fit import Column

    H = lambda k: i18n.label("header", k, lang)  # noqa: E731
    cols = [Column(H("light"), "token", drop=3)] if with_light else []
    if member_column:
        cols.append(Column(H("member"), "name"))
    return cols + [
        Column(H("id"), "token"),
        Column(H("title"), "text", drop=2, weight=3, min=16),
        Column(H("unit"), "name"),
        Column(H("due"), "token"),
        Column(H("days"), "token", justify="right"),
        Column(H("message"), "text", drop=4, weight=4, min=24),
    ]


def _table(
    findings: Sequence[Finding], lang: str, width: int, title: Optional[str] = None, member_column: bool = False
):
    from .fit import table

    rows = [_row(f, lang, member_column=member_column) for f in findings]
    return table(_columns(lang, member_column=member_column), rows, width, title=title, header_style=None)


def _row(f: Finding, lang: str, with_light: bool = True, member_column: bool = False) -> list:
    due = f.due.isoformat()
    cells = [_light_cell(f.light, lang)] if with_light else []
    if member_column:
        cells.append(clean(f.member) if f.member else "—")
    return cells + [
        clean(f.id),
        clean(title_of(f, lang)),
        clean(f.unit),
        due,
        _days_cell(f.days),
        clean(short_message(f, lang)),
    ]


def counts_line(findings: Sequence[Finding], lang: str) -> str:
    n = {k: sum(f.light == k for f in findings) for k in ("red", "yellow", "green")}
    parts = [f"{i18n.label('light', k, lang)} {n[k]}" for k in ("red", "yellow", "green") if n[k] or k != "green"]
    return ("，" if lang == "zh" else ", ").join(parts)


def render_table(
    findings: Sequence[Finding],
    console,
    lang: str,
    as_of: dt.date,
    notes: Sequence[Note] = (),
    member_column: bool = False,
) -> None:
    H = lambda k: i18n.label("header", k, lang)  # noqa: E731
    head = f"{H('status_title')} · {H('as_of')} {as_of.isoformat()} · {counts_line(findings, lang)}"
    if not findings:
        console.print(head)
        console.print(H("nothing"))
        return
    from .fit import console_width

    console.print(_table(findings, lang, console_width(console), title=head, member_column=member_column))


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the ISO week holding ``day``."""
    monday = add_days(day, -day.weekday())
    return monday, add_days(monday, 6)


def week_label(day: dt.date, lang: str) -> str:
    monday, sunday = week_of(day)
    y, w, _ = day.isocalendar()
    return STATUS["week"](lang).format(y=y, w=w, monday=monday.isoformat(), sunday=sunday.isoformat())


def iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def render_agenda(findings: Sequence[Finding], console, lang: str, as_of: dt.date, days: int) -> None:
    """What falls due, grouped by ISO week (Monday to Sunday), in due order: one small table a week."""
    H = lambda k: i18n.label("header", k, lang)  # noqa: E731
    end = add_days(as_of, days)
    console.print(f"{H('agenda_title')} · {as_of.isoformat()} — {end.isoformat()} · {counts_line(findings, lang)}")
    if not findings:
        console.print(H("nothing_agenda"))
        return
    from .fit import console_width

    weeks: dict[tuple[dt.date, dt.date], list[Finding]] = {}
    for f in sorted(findings, key=lambda f: (f.due, f.sort_key())):
        weeks.setdefault(week_of(f.due), []).append(f)
    for (monday, _sunday), items in weeks.items():
        console.print(_table(items, lang, console_width(console), title=f"{week_label(monday, lang)} · {len(items)}"))


def render_notes(notes: Iterable[Note], write, lang: str) -> None:
    """Warnings (deadlines that could not be computed), one a line, through ``write`` (stderr)."""
    for n in notes:
        where = f"{n.file}: " if n.file else ""
        write(f"{where}{i18n.label('header', 'warning', lang)}: {n.text(lang)}")
