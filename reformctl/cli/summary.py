"""`reformctl summary`: the quarterly (or yearly) summary of reform tasks per lead unit or special group."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .common import (
    AsOfOpt,
    LangOpt,
    LedgerOpt,
    fail,
    in_year_range,
    load_or_fail,
    parse_as_of,
    parse_lang,
    resolve_root,
    said,
)


class SummaryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class By(str, Enum):
    unit = "unit"
    special_group = "special_group"


def parse_period(quarter: Optional[str], year: Optional[int], as_of) -> tuple[Optional[str], Optional[int]]:
    """(quarter, year) from the options; the quarter holding --as-of when neither is given."""
    from ..model.types import quarter_bounds, quarter_of

    if quarter and year is not None:
        fail(said("quarter_or_year"))
    if year is not None:
        return None, in_year_range(year, "--year")
    if quarter:
        q = quarter.strip().upper()
        try:
            quarter_bounds(q)
        except ValueError:
            fail(said("quarter_option", value=quarter))
        in_year_range(int(q[:4]), "--quarter", q)
        return q, None
    return quarter_of(as_of), None


def summary(
    quarter: Annotated[
        Optional[str],
        typer.Option(
            "--quarter",
            "-q",
            metavar="YYYYQn",
            show_default=False,
            help="The quarter, e.g. 2016Q3. Default: the quarter holding --as-of.",
        ),
    ] = None,
    year: Annotated[
        Optional[int],
        typer.Option(
            "--year", "-y", metavar="YYYY", show_default=False, help="Summarise a whole year instead of a quarter."
        ),
    ] = None,
    by: Annotated[By, typer.Option("--by", help="One row per lead unit (unit) or per special group.")] = By.unit,
    fmt: Annotated[
        SummaryFormat,
        typer.Option(
            "--format",
            "-f",
            help="table for people; json (the contract); "
            "csv; markdown, ready to paste into the quarterly report (季报).",
        ),
    ] = SummaryFormat.table,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    members: Annotated[
        bool,
        typer.Option(
            "--members",
            help="Add one row per member (reformctl.yaml `members:`) "
            "holding the totals of its ledger at the commit `reformctl fetch` brought (`unit` = the "
            "member's unit; JSON and CSV rows gain `member`, `commit`, `member_state` and `member_note`, null "
            "for this ledger's own rows). `member_state`: ok; errors (its ledger has check errors, figures "
            "given); not_fetched or unreadable (no figures: null in JSON, empty in CSV, a dash in tables). "
            "The totals cover every row with figures.",
        ),
    ] = False,
    member: Annotated[
        Optional[list[str]],
        typer.Option(
            "--member", metavar="UNIT", show_default=False, help="With --members: only this member's row (repeatable)."
        ),
    ] = None,
) -> None:
    """The quarterly summary (季报汇总): per lead unit, the tasks open in the quarter,
    due in it, completed in it, overdue at its end, and the completion rate of
    the tasks due.

    Example: reformctl summary --quarter 2016Q3 --format markdown --lang zh > 2016Q3.md

    `--year 2016` counts the whole year; `--by special_group` groups by special
    group (专项小组). Cancelled tasks are not counted. Exit 0, or 2 on bad options
    or an unusable ledger.
    """
    from .. import api

    language = parse_lang(lang)
    day = parse_as_of(as_of)
    q, y = parse_period(quarter, year, day)
    root = resolve_root(ledger)
    led = load_or_fail(root).ledger
    report = api.summary(led, quarter=q, year=y, by=by.value, as_of=day)
    out = sys.stdout
    from ..views import summary as view

    if members or member:
        _with_members(root, led, report, q, y, language, member, fmt, day)

    if fmt is SummaryFormat.json:
        view.render_json(report.summary, out, report.extra_json())
    elif fmt is SummaryFormat.csv:
        view.render_csv(report.summary, out)
    elif fmt is SummaryFormat.markdown:
        view.render_markdown(
            report.summary, out, led, language, as_of=day, sections=view.sections(report.sections_data, language)
        )
    else:
        from ..views.console import stdout_console

        view.render_table(
            report.summary, stdout_console(), led, language, sections=view.sections(report.sections_data, language)
        )


def _with_members(root, led, report, q, y, language, member, fmt, day) -> None:
    """`summary --members`: the ledger's own rows, then one row per member with its totals. A member never
    fetched, or whose ledger cannot be read at its fetched commit, still has its row: no figures (null in JSON,
    empty in CSV, a dash for people) and ``member_state`` saying why; a member whose ledger has check errors
    keeps its figures, marked ``errors``. The ledger's own sections (pilots, problems, ...) stay as they are."""
    from ..store.members import member_views
    from .fetch import pick_members

    summ = report.summary
    only = [x for v in member or [] for x in v.replace("，", ",").split(",") if x]
    pick_members(led.settings, only, language)
    views, _reads = member_views(root, led, only)
    tags = _member_rows(summ, views, q, y, language)
    if fmt is SummaryFormat.json:
        _members_json(summ, tags, report.extra_json())
    elif fmt is SummaryFormat.csv:
        _members_csv(summ, tags)
    else:
        _members_for_people(summ, tags, led, language, fmt, report.sections_data, day)
    raise typer.Exit(0)


def _member_rows(summ, views, q, y, language) -> list:
    """Add each member's row to ``summ`` (and its totals to the totals); return, for every row, (member unit,
    fetched commit, member_state, member_note), all None for the ledger's own rows."""
    from ..i18n import levels_text
    from ..rules import summary as rs
    from ..rules.summary import Counts, Row

    tags: list = [(None, None, None, None)] * len(summ.rows)
    for v in views:
        if v.ledger is not None:
            s = rs.year_summary(v.ledger, y, "unit") if y is not None else rs.quarter_summary(v.ledger, q, "unit")
            summ.rows.append(Row(v.unit, s.totals))
            summ.totals += s.totals
            if v.errors:
                commit = (v.commit or "")[:12]
                tags.append(
                    (v.unit, v.commit, "errors", levels_text("summary_errors", language, n=v.errors, commit=commit))
                )
            else:
                tags.append((v.unit, v.commit, "ok", None))
            continue
        summ.rows.append(Row(v.unit, Counts(), known=False))
        if v.commit is None and v.error is None:
            tags.append((v.unit, None, "not_fetched", levels_text("summary_not_fetched", language)))
        else:
            why = v.error or levels_text("summary_errors", language, n=v.errors, commit=(v.commit or "")[:12])
            tags.append((v.unit, v.commit, "unreadable", levels_text("summary_unreadable", language, why=why)))
    return tags


def _members_json(summ, tags: list, extra: dict) -> None:
    import json

    from ..base.textsafe import json_safe

    data = summ.as_dict()
    for row, (unit, commit, state, note) in zip(data["rows"], tags):
        row["member"], row["commit"], row["member_state"], row["member_note"] = unit, commit, state, note
    data.update(extra)
    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    sys.stdout.write("\n")


def _members_csv(summ, tags: list) -> None:
    import csv
    import io

    from ..views import summary as view
    from ..views.safe import csv_row

    buf = io.StringIO()
    view.render_csv(summ, buf)
    w = csv.writer(sys.stdout, lineterminator="\n")
    for n, row in enumerate(csv.reader(buf.getvalue().splitlines())):
        if n == 0:
            extra: list = ["member", "commit", "member_state", "member_note"]
        elif n - 1 < len(tags):
            extra = csv_row("" if x is None else x for x in tags[n - 1])
        else:  # the totals
            extra = ["", "", "", ""]
        w.writerow(row + extra)


def _members_for_people(summ, tags: list, led, language, fmt, sections_data: dict, day) -> None:
    """The table or the markdown: a member's row says it is one (and why it has no figures, if so)."""
    import copy

    from ..i18n import levels_text
    from ..rules.summary import Row
    from ..views import summary as view

    shown = copy.copy(summ)
    plain = levels_text("summary_member", language)
    shown.rows = [
        r
        if unit is None
        else Row(
            r.key + (levels_text("summary_member_note", language, note=note) if note else plain), r.counts, r.known
        )
        for r, (unit, _c, _s, note) in zip(summ.rows, tags)
    ]
    sections = view.sections(sections_data, language)
    if fmt is SummaryFormat.markdown:
        view.render_markdown(shown, sys.stdout, led, language, as_of=day, sections=sections)
    else:
        from ..views.console import stdout_console

        view.render_table(shown, stdout_console(), led, language, sections=sections)


def register(app: typer.Typer) -> None:
    app.command("summary")(summary)
