"""`reformctl import FILE`: bring an Excel 台账 workbook back into the ledger, as one git commit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import EXIT_FINDINGS, AsOfOpt, LedgerOpt, err, fail, load_or_fail, parse_as_of, resolve_root


def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="An .xlsx workbook made by `reformctl export` or by "
                                         "hand with the same sheet names and headers.", show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Validate and show the diff; write nothing.")] = False,
    author: Annotated[Optional[str], typer.Option("--author", metavar="'Name <email>'", show_default=False,
                      help="Author of the commit. Default: git's user.name and user.email.")] = None,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Import an Excel workbook: every row is validated with the same models and
    checks as the YAML files (problems name the sheet, row and column; exit 1
    and nothing is written), then the items that really change are written with
    round-trip edits and committed ONCE. Importing an unchanged export changes
    nothing. What `check --base` refuses is refused too: a moved deadline needs
    an extension record (`reformctl extend`), progress is only appended.

    Example: reformctl import 台账-2016Q4.xlsx --dry-run && reformctl import 台账-2016Q4.xlsx

    Reads workbooks exported with --lang zh or --lang en alike (sheet names and
    headers in either language, or the YAML field names as headers). Sheets and
    columns marked (只读) / (read-only) are ignored; fields with no column keep their
    values (or take those of the hidden 数据(JSON) column when it is there). Exit
    0 done (or nothing to change), 1 problems found or the files to change have
    uncommitted edits, 2 bad usage (no such file, not a git repository).
    """
    from .. import exchange
    from ..store import NothingToDo, StoreError
    from ..views.console import progress

    day = parse_as_of(as_of)
    if not file.is_file():
        fail(f"{file} is not a file")
    root = resolve_root(ledger)
    led = load_or_fail(root).ledger
    with progress() as p:
        try:
            plan = exchange.plan_import(led, file, progress=p)
        except (OSError, ValueError, KeyError) as exc:  # not a workbook, zip errors, openpyxl errors
            fail(f"cannot read {file} as an .xlsx workbook: {exc}")
        except Exception as exc:  # noqa: BLE001 - zipfile.BadZipFile and openpyxl's own errors
            if type(exc).__module__.startswith(("zipfile", "openpyxl")) or "zip" in type(exc).__name__.lower():
                fail(f"cannot read {file} as an .xlsx workbook: {exc}")
            raise
    if not plan.sheets:
        fail(f"{file} has none of the sheets reformctl reads (改革任务, 改革试点, 整改督办 ... "
             "or Tasks, Pilots, Notices ...)", EXIT_FINDINGS)
    if plan.problems:
        for prob in plan.problems:
            err(f"{file.name}: {prob}")
        fail(f"{len(plan.problems)} problem(s) in {file.name}; nothing was written", EXIT_FINDINGS)
    if not plan.changes:
        err(f"{file.name}: {plan.rows} row(s) read, nothing to change: the ledger already says the same")
        raise typer.Exit(0)
    try:
        result = exchange.write_import(root, plan, str(file), day, dry_run=dry_run, author=author)
    except NothingToDo:
        err(f"{file.name}: nothing to change")
        raise typer.Exit(0)
    except StoreError as exc:
        for d in exc.details:
            err(f"  {d}")
        fail(exc.message, exc.code)
    for c in plan.changes:
        err(("new     " if c.old is None else "changed ") + f"{c.rel}" +
            (f"  ({', '.join(c.changed)})" if c.old is not None else ""))
    if dry_run:
        sys.stdout.write(result.diff)
        err(f"dry run: {len(plan.created)} new, {len(plan.updated)} changed item(s) would be committed; nothing written")
    else:
        err(f"committed {result.commit[:12]}: {len(plan.created)} new, {len(plan.updated)} changed item(s)")
        for w in result.warnings:
            err(f"warning: {w}")


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
