"""`reformctl accountability`: the accountability register (责任追究登记台账, art. 16-18)."""

from __future__ import annotations

import sys

import typer

from ._programme_opts import FormatOpt, ListFormat, XlsxOpt, YearOpt, check_out_file, pick_year, save
from .common import AsOfOpt, LangOpt, LedgerOpt, load_or_fail, parse_as_of, parse_lang, resolve_root


def accountability(
    year: YearOpt = None,
    fmt: FormatOpt = ListFormat.table,
    xlsx: XlsxOpt = None,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
) -> None:
    """The accountability register of the year (decided that year), grouped by
    measure in the order of R17 (oral warning, interview, circulated
    criticism, point deduction, organisational handling), with the units that
    carried each out; fault-tolerance exemptions (容错免责, art. 18) are listed
    apart.

    Example: reformctl accountability --year 2016 --xlsx 追责台账.xlsx

    `--format json` prints {year, measures: [{measure, items: [...]}],
    exemptions: [...]}. Exit 0, or 2 on bad options or an unusable ledger.
    """
    from ..actions import assess as programme
    from ..views import programme as view

    language = parse_lang(lang)
    day = parse_as_of(as_of)
    y = pick_year(year, day)
    check_out_file(xlsx, "--xlsx")
    led = load_or_fail(resolve_root(ledger)).ledger
    groups, exempt = programme.accountability(led, y)
    T = view.L(language)
    title = T["register_title"].format(y=y)
    if fmt is ListFormat.json:
        view.write_json(
            {
                "year": y,
                "measures": [{"measure": m, "items": [r.as_dict() for r in rows]} for m, rows in groups],
                "exemptions": [r.as_dict() for r in exempt],
            },
            sys.stdout,
        )
    else:
        from ..views.console import stdout_console

        con = stdout_console()
        if not groups and not exempt:
            con.print(T["register_empty"])
        for m, rows in groups:
            h, cells = view.register_cells(rows, language)
            view.print_table(con, f"{title} · {T[m]} ({T['count'].format(n=len(rows))})", h, cells)
        if exempt:
            h, cells = view.register_cells(exempt, language, exempt=True)
            view.print_table(con, f"{title} · {T['exempt_title']}", h, cells)
    if xlsx is not None:
        h, _ = view.register_cells([], language)
        rows = []
        for _m, group in groups:
            rows += view.register_cells(group, language)[1]
        he, erows = view.register_cells(exempt, language, exempt=True)
        sheets = [(title, title, h, rows), (T["exempt_title"], f"{title} · {T['exempt_title']}", he, erows)]
        save(xlsx, "--xlsx", lambda p: view.write_xlsx(p, sheets))


def register(app: typer.Typer) -> None:
    app.command("accountability")(accountability)
