"""`reformctl schedule`: the year's plan review schedule (年度上会审议计划, art. 5 and 16)."""

from __future__ import annotations

import sys

import typer

from ._programme_opts import FormatOpt, ListFormat, XlsxOpt, YearOpt, check_out_file, pick_year, save
from .common import AsOfOpt, LangOpt, LedgerOpt, load_or_fail, parse_as_of, parse_lang, resolve_root


def schedule(
    year: YearOpt = None,
    fmt: FormatOpt = ListFormat.table,
    xlsx: XlsxOpt = None,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
) -> None:
    """The year's plan review schedule (年度上会审议计划) in date order: each plan
    scheduled for a leading-group meeting that year is reviewed (approved),
    late (its date passed, not approved: red) or still to come; a plan to come
    that lacks its stability assessment (when needed) or legality review shows
    what is missing (yellow). Plans approved in the year without a scheduled
    date are listed as unscheduled.

    Example: reformctl schedule --year 2016 --as-of 2016-12-31 --lang zh

    `--format json` prints {year, as_of, plans: [{id, title, review_scheduled,
    approved, state, days, delay, missing, ...}]}. Exit 0, or 2 on bad options
    or an unusable ledger.
    """
    from ..actions import assess as programme
    from ..views import programme as view

    language = parse_lang(lang)
    day = parse_as_of(as_of)
    y = pick_year(year, day)
    check_out_file(xlsx, "--xlsx")
    led = load_or_fail(resolve_root(ledger)).ledger
    rows = programme.schedule(led, y, day)
    T = view.L(language)
    headers, cells, styles = view.schedule_cells(rows, language)
    if fmt is ListFormat.json:
        view.write_json({"year": y, "as_of": day.isoformat(), "plans": [r.as_dict() for r in rows]}, sys.stdout)
    else:
        from ..views.console import stdout_console

        view.print_table(
            stdout_console(),
            T["schedule_title"].format(y=y),
            headers,
            cells,
            styles,
            caption=view.schedule_totals(rows, language),
        )
    if xlsx is not None:
        save(
            xlsx,
            "--xlsx",
            lambda p: view.write_xlsx(
                p, [(T["schedule_title"].format(y=y), T["schedule_title"].format(y=y), headers, cells)]
            ),
        )


def register(app: typer.Typer) -> None:
    app.command("schedule")(schedule)
