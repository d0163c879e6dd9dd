"""`reformctl agenda`: what falls due in the coming days, grouped by week (the office's chasing plan)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .common import EXIT_OK, AsOfOpt, LangOpt, LedgerOpt, err, load_or_fail, parse_as_of, parse_lang, resolve_root
from .status import KindOpt, RuleOpt, StatusFormat, UnitOpt, _filters


def agenda(
    days: Annotated[int, typer.Option("--days", "-d", min=1, max=3660, help="How many days ahead to look.")] = 28,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    unit: UnitOpt = None,
    kind: KindOpt = None,
    rule: RuleOpt = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Also list what is already overdue (red), first.")] = False,
    fmt: Annotated[
        StatusFormat,
        typer.Option("--format", "-f", help="table (one per week); json or csv (each finding with its ISO `week`)."),
    ] = StatusFormat.table,
    lang: LangOpt = None,
) -> None:
    """What falls due in the next N days (from --as-of, today included), grouped by week (Monday to Sunday),
    so the office can plan its chasing (督办).

    Example: reformctl agenda --as-of 2016-12-19 --days 21 --lang zh

    The same rules as `status`, further ahead: yellow within due_soon_days,
    green beyond. --overdue lists what is already late (red) first.
    Exit 0; 1 when the ledger has errors; 2 on bad options or an unusable
    ledger.
    """
    from .. import api

    language = parse_lang(lang)
    day = parse_as_of(as_of)
    root = resolve_root(ledger)
    led = load_or_fail(root).ledger
    units, kinds, rules = _filters(led.units, unit, kind, rule)
    ev = api.status(led, day, horizon=days, units=units, kinds=kinds, rules=rules)
    from ..rules.dates import add_days

    end = add_days(day, days)
    items = [f for f in ev.findings if (day <= f.due <= end) or (overdue and f.light == "red")]
    from ..views import status as view

    week = lambda f: {"week": view.iso_week(f.due)}  # noqa: E731
    if fmt is StatusFormat.json:
        view.render_json(sorted(items, key=lambda f: (f.due, f.sort_key())), sys.stdout, language, extra=week)
    elif fmt is StatusFormat.csv:
        view.render_csv(sorted(items, key=lambda f: (f.due, f.sort_key())), sys.stdout, language, ["week"], week)
    else:
        from ..views.console import stdout_console

        console = stdout_console()
        late = [f for f in items if f.light == "red"]
        if late:
            view.render_table(late, console, language, day)
        view.render_agenda([f for f in items if f.light != "red"], console, language, day, days)
    from ..rules.findings import select_notes

    view.render_notes(select_notes(ev.notes, kinds=kinds, rules=rules), err, language)
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("agenda")(agenda)
