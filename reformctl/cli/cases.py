"""`reformctl cases`: the promotion list (改革经验推广清单) and the case book (典型案例汇编), art. 9."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ._programme_opts import FormatOpt, ListFormat, XlsxOpt, YearOpt, check_out_file, pick_year, save
from .common import AsOfOpt, LangOpt, LedgerOpt, load_or_fail, parse_as_of, parse_lang, resolve_root


def cases(
    year: YearOpt = None,
    fmt: FormatOpt = ListFormat.table,
    markdown: Annotated[
        Optional[Path],
        typer.Option(
            "--markdown",
            metavar="FILE",
            show_default=False,
            dir_okay=False,
            help="Write the promotion list, the listing changes and the case book as Markdown to FILE "
            "(`-` for stdout).",
        ),
    ] = None,
    xlsx: XlsxOpt = None,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
) -> None:
    """The year's reform experience promotion list (改革经验推广清单: cases whose
    `promoted` holds the year), the demonstration points listed and delisted
    in the year (挂牌动态管理), and the case book (典型案例汇编: cases whose `compiled`
    holds the year).

    Example: reformctl cases --year 2016 --markdown 汇编.md --xlsx 清单.xlsx

    `--format json` prints {year, promotion_list, case_book, listing,
    demonstration_points_listed}. Exit 0, or 2 on bad options or an unusable
    ledger.
    """
    from ..actions import assess as programme
    from ..views import programme as view

    language = parse_lang(lang)
    day = parse_as_of(as_of)
    y = pick_year(year, day)
    check_out_file(xlsx, "--xlsx")
    to_stdout = markdown is not None and str(markdown) == "-"
    if not to_stdout:
        check_out_file(markdown, "--markdown")
    led = load_or_fail(resolve_root(ledger)).ledger
    report = programme.cases(led, y)
    T = view.L(language)
    if to_stdout:
        sys.stdout.write(view.cases_markdown(report, language))
    elif fmt is ListFormat.json:
        view.write_json(report.as_dict(), sys.stdout)
    else:
        from ..views.console import stdout_console

        con = stdout_console()
        h, rows = view.case_cells(report.promotion_list, language)
        view.print_table(con, T["promotion_title"].format(y=y), h, rows)
        h, rows = view.listing_cells(report.listing, language)
        n = report.demonstration_points_listed
        view.print_table(
            con,
            T["listing_title"].format(y=y),
            h,
            rows,
            caption=T["demo_count"].format(n=n) if n else T["demo_missing"],
        )
        h, rows = view.case_cells(report.case_book, language)
        view.print_table(con, T["book_title"].format(y=y), h, rows)
    if markdown is not None and not to_stdout:
        text = view.cases_markdown(report, language)
        save(markdown, "--markdown", lambda p: view.write_text_file(p, text))
    if xlsx is not None:
        sheets = []
        for key, rows_, summary in (
            ("promotion_title", report.promotion_list, False),
            ("book_title", report.case_book, True),
        ):
            h, rows = view.case_cells(rows_, language, with_summary=summary)
            sheets.append((T[key].format(y=y), T[key].format(y=y), h, rows))
        h, rows = view.listing_cells(report.listing, language)
        sheets.insert(1, (T["listing_title"].format(y=y), T["listing_title"].format(y=y), h, rows))
        save(xlsx, "--xlsx", lambda p: view.write_xlsx(p, sheets))


def register(app: typer.Typer) -> None:
    app.command("cases")(cases)
