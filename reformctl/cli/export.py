"""`reformctl export --xlsx FILE`: the ledger as the familiar Excel 台账 workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..i18n.faults import os_reason
from ._programme_opts import check_out_file
from .common import AsOfOpt, LangOpt, LedgerOpt, err, fail, load_or_fail, parse_as_of, parse_lang, resolve_root, said


def export(
    xlsx: Annotated[Path, typer.Option("--xlsx", metavar="FILE", help="The workbook to write (.xlsx).")],
    quarter: Annotated[
        Optional[str],
        typer.Option(
            "--quarter",
            "-q",
            metavar="YYYYQn",
            show_default=False,
            help="Quarter of the 季度汇总 sheet. Default: the quarter holding --as-of.",
        ),
    ] = None,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    members: Annotated[
        bool,
        typer.Option(
            "--members",
            help="Add two read-only sheets on the members (reformctl.yaml "
            "`members:`, at the commits `reformctl fetch` brought): red and yellow counts per member, "
            "and each member's findings. `import` ignores them.",
        ),
    ] = False,
) -> None:
    """Export the ledger to Excel: one sheet per kind in the familiar 台账 layout
    (one row per item, traffic-light cell coloured red/yellow/green as of
    --as-of, filters, frozen header), a 整改问题 sheet with one row per
    rectification problem and a 季度汇总 sheet with the quarterly summary.

    --lang zh gives Chinese sheet names, headers and labels (改革任务, 完成时限,
    是/否, 推进中); --lang en English ones (Tasks, Due, yes/no, the YAML values
    such as in_progress). `reformctl import` reads either.

    Example: reformctl export --xlsx 台账-2016Q4.xlsx --as-of 2016-12-31 --lang zh

    Edit it and bring it back with `reformctl import`. Columns marked (只读) /
    (read-only) are computed; the hidden last column 数据(JSON) / data (JSON)
    keeps what has no column (milestones, progress, problems...). Exit 0, 2 on
    bad usage.
    """
    from ..actions import exchange
    from ..views.console import progress
    from .summary import parse_period

    language = parse_lang(lang)
    day = parse_as_of(as_of)
    q, _ = parse_period(quarter, None, day)
    if xlsx.suffix.lower() != ".xlsx":
        fail(said("out_suffix", option="--xlsx", suffix=".xlsx", dash="", value=str(xlsx)))
    check_out_file(xlsx, "--xlsx")
    root = resolve_root(ledger)
    led = load_or_fail(root).ledger
    with progress() as p:
        try:
            counts = exchange.export_xlsx(led, xlsx, day, quarter=q, lang=language, progress=p)
        except OSError as exc:
            fail(said("out_cannot_write", option="--xlsx", path=xlsx, why=os_reason(exc)))
    if members:
        from ..store.rollup import roll_up
        from ..views.html import member_rows
        from ..views.xlsx import add_member_sheets

        up = roll_up(root, led, day)
        try:
            add_member_sheets(xlsx, member_rows(up.findings, up.views, language), language)
        except OSError as exc:
            fail(said("out_cannot_write", option="--xlsx", path=xlsx, why=os_reason(exc)))
    total = sum(counts.values())
    err(said("wrote_xlsx", path=xlsx, rows=total, sheets=len(counts), as_of=day.isoformat()))


def register(app: typer.Typer) -> None:
    app.command("export")(export)
