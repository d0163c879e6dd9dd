"""`reformctl summary`: the quarterly (or yearly) summary of reform tasks per lead unit or special group."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .common import AsOfOpt, LangOpt, LedgerOpt, fail, load_or_fail, parse_as_of, parse_lang, resolve_root


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
        fail("give --quarter or --year, not both")
    if year is not None:
        if not 1900 <= year <= 9999:
            fail(f"--year wants a year such as 2016, got {year}")
        return None, year
    if quarter:
        q = quarter.strip().upper()
        try:
            quarter_bounds(q)
        except ValueError:
            fail(f"--quarter wants a quarter such as 2016Q3, got {quarter!r}")
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
            "member's unit; JSON rows gain `member` and `commit`, null for this ledger's own rows); the "
            "totals cover every row.",
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
        _with_members(root, led, report.summary, q, y, language, member, fmt)

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


def _with_members(root, led, summ, q, y, language, member, fmt) -> None:
    """`summary --members`: the ledger's own rows, then one row per member with its totals."""
    import copy
    import json

    from ..rules import summary as rs
    from ..rules.summary import Row
    from ..store.members import member_views
    from ..views import summary as view
    from .fetch import pick_members

    only = [x for v in member or [] for x in v.replace("，", ",").split(",") if x]
    pick_members(led.settings, only, language)
    views, _reads = member_views(root, led, only)
    tags: list = [(None, None)] * len(summ.rows)
    for v in views:
        if v.ledger is None:
            continue
        s = rs.year_summary(v.ledger, y, "unit") if y is not None else rs.quarter_summary(v.ledger, q, "unit")
        summ.rows.append(Row(v.unit, s.totals))
        summ.totals += s.totals
        tags.append((v.unit, v.commit))
    out = sys.stdout
    if fmt is SummaryFormat.json:
        data = summ.as_dict()
        for row, (unit, commit) in zip(data["rows"], tags):
            row["member"], row["commit"] = unit, commit
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        raise typer.Exit(0)
    if fmt is SummaryFormat.csv:
        import csv
        import io

        buf = io.StringIO()
        view.render_csv(summ, buf)
        lines = buf.getvalue().splitlines()
        w = csv.writer(out, lineterminator="\n")
        for n, row in enumerate(csv.reader(lines)):
            extra = ["member", "commit"] if n == 0 else list(tags[n - 1]) if n - 1 < len(tags) else ["", ""]
            w.writerow(row + ["" if x is None else x for x in extra])
        raise typer.Exit(0)
    shown = copy.copy(summ)
    word = "（下级台账）" if language == "zh" else " (member)"
    shown.rows = [Row(r.key + word, r.counts) if unit else r for r, (unit, _c) in zip(summ.rows, tags)]
    if fmt is SummaryFormat.markdown:
        view.render_markdown(shown, out, led, language)
    else:
        from ..views.console import stdout_console

        view.render_table(shown, stdout_console(), led, language)
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    app.command("summary")(summary)
