"""`reformctl calendar --ics FILE`: every open deadline as an iCalendar feed for calendar apps."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..i18n.faults import os_reason
from ._programme_opts import check_out_file
from .common import AsOfOpt, LangOpt, LedgerOpt, err, fail, load_or_fail, parse_as_of, parse_lang, resolve_root, said


def calendar(
    ics: Annotated[Path, typer.Option("--ics", metavar="FILE", help="The .ics file to write; - for stdout.")],
    horizon: Annotated[
        Optional[int],
        typer.Option(
            "--horizon",
            metavar="DAYS",
            show_default=False,
            min=0,
            help="How far ahead. Default: up to the last deadline in the ledger, at least a year.",
        ),
    ] = None,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
) -> None:
    """Write every open deadline as an iCalendar feed (all-day events): tasks,
    milestones, progress updates, pilots (term and filing), rectification
    problems and reviews, reminders, quarterly reports and the other periodic
    obligations. Overdue ones stay on their date, marked 红灯. UIDs are stable, so
    re-importing or subscribing to the file updates events instead of
    duplicating them.

    Example: reformctl calendar --ics 台账时限.ics --as-of 2016-12-31 --lang zh
    """
    from .. import api
    from ..i18n.write import Msg
    from ..views.ics import render_ics

    language = parse_lang(lang)
    day = parse_as_of(as_of)
    if str(ics) != "-" and ics.suffix.lower() != ".ics":
        fail(said("out_suffix", option="--ics", suffix=".ics", dash=Msg("out_stdout_too"), value=str(ics)))
    if str(ics) != "-":
        check_out_file(ics, "--ics")
    root = resolve_root(ledger)
    led = load_or_fail(root).ledger
    found = api.calendar(led, day, horizon)
    name = led.settings.name if led.settings else "reformctl"
    data = render_ics(found, name=name, as_of=day, lang=language)
    if str(ics) == "-":
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode("utf-8"))
        return
    try:
        from ..views.safe import write_bytes

        write_bytes(ics, data)
    except OSError as exc:
        fail(said("out_cannot_write", option="--ics", path=ics, why=os_reason(exc)))
    err(said("wrote_ics", path=ics, n=data.count(b"BEGIN:VEVENT"), as_of=day.isoformat()))


def register(app: typer.Typer) -> None:
    app.command("calendar")(calendar)
