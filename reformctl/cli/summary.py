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
    quarter: Annotated[Optional[str], typer.Option("--quarter", "-q", metavar="YYYYQn", show_default=False,
                       help="The quarter, e.g. 2016Q3. Default: the quarter holding --as-of.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", "-y", metavar="YYYY", show_default=False,
                    help="Summarise a whole year instead of a quarter.")] = None,
    by: Annotated[By, typer.Option("--by", help="One row per lead unit (unit) or per special group.")] = By.unit,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table for people; json (the contract); "
                   "csv; markdown, ready to paste into the quarterly report (季报).")] = SummaryFormat.table,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
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

    day = parse_as_of(as_of)
    language = parse_lang(lang)
    q, y = parse_period(quarter, year, day)
    root = resolve_root(ledger)
    led = load_or_fail(root).ledger
    report = api.summary(led, quarter=q, year=y, by=by.value, as_of=day)
    out = sys.stdout
    from ..views import summary as view

    if fmt is SummaryFormat.json:
        view.render_json(report.summary, out, report.extra_json())
    elif fmt is SummaryFormat.csv:
        view.render_csv(report.summary, out)
    elif fmt is SummaryFormat.markdown:
        view.render_markdown(report.summary, out, led, language, as_of=day, sections=view.sections(report.sections_data, language))
    else:
        from ..views.console import stdout_console

        view.render_table(report.summary, stdout_console(), led, language, sections=view.sections(report.sections_data, language))


def register(app: typer.Typer) -> None:
    app.command("summary")(summary)
