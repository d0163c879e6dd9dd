"""`reformctl report --html FILE`: a self-contained HTML report a leader can open."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..i18n.faults import os_reason
from ._programme_opts import check_out_file
from .common import AsOfOpt, LangOpt, LedgerOpt, err, fail, load_or_fail, parse_as_of, parse_lang, resolve_root, said


def report(
    html: Annotated[Path, typer.Option("--html", metavar="FILE", help="The .html file to write.")],
    quarter: Annotated[
        Optional[str],
        typer.Option(
            "--quarter",
            "-q",
            metavar="YYYYQn",
            show_default=False,
            help="Quarter of the task table. Default: the quarter holding --as-of.",
        ),
    ] = None,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    members: Annotated[
        bool,
        typer.Option(
            "--members",
            help="Add a section on the members (reformctl.yaml "
            "`members:`, read at the commits `reformctl fetch` brought): red and yellow counts per member "
            "and each member's findings.",
        ),
    ] = False,
) -> None:
    """Write one self-contained HTML page (inline CSS and SVG charts, no script,
    nothing fetched from the network) for leaders: key figures, traffic lights
    per unit, the red list, what was filed late (with days late), the quarter's
    task table (the figures of `summary`), the completion trend by quarter,
    rectification progress and a pilot timeline.

    Example: reformctl report --html 台账报告.html --as-of 2016-12-31 --lang zh
    """
    from .. import api
    from ..views.console import progress
    from ..views.html import render_html
    from .summary import parse_period

    language = parse_lang(lang)
    day = parse_as_of(as_of)
    q, _ = parse_period(quarter, None, day)
    if html.suffix.lower() not in (".html", ".htm"):
        fail(said("out_suffix", option="--html", suffix=".html", dash="", value=str(html)))
    check_out_file(html, "--html")
    root = resolve_root(ledger)
    led = load_or_fail(root).ledger
    with progress() as p:
        data = api.report_data(led, day, language, quarter=q, progress=p)
    if members:
        from ..store.rollup import roll_up
        from ..views.html import member_rows

        up = roll_up(root, led, day)
        data["members"] = member_rows(up.findings, up.views, language)
    text = render_html(data, language)
    try:
        from ..views.safe import write_text

        write_text(html, text)
    except OSError as exc:
        fail(said("out_cannot_write", option="--html", path=html, why=os_reason(exc)))
    err(said("wrote_html", path=html, red=len(data["red"]), units=len(data["lights"]), as_of=day.isoformat()))
    if members:  # the figures above are the ledger's own: the members' counted apart
        rows = data["members"]
        red, yellow = sum(r["red"] for r in rows), sum(r["yellow"] for r in rows)
        err(said("wrote_html_members", n=len(rows), red=red, yellow=yellow))


def register(app: typer.Typer) -> None:
    app.command("report")(report)
