"""`reformctl import FILE`: bring an Excel 台账 workbook back into the ledger, as one git commit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .storeopts import NoVerifyOpt

from .common import (
    EXIT_FINDINGS,
    AsOfOpt,
    LangOpt,
    LedgerOpt,
    err,
    exit_code,
    fail,
    load_or_fail,
    parse_as_of,
    parse_lang,
    resolve_root,
)


def import_(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="An .xlsx workbook made by `reformctl export` or by hand with the same sheet names and headers.",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Validate and show the diff; write nothing.")
    ] = False,
    no_verify: NoVerifyOpt = False,
    author: Annotated[
        Optional[str],
        typer.Option(
            "--author",
            metavar="'Name <email>'",
            show_default=False,
            help="Author of the commit. Default: git's user.name and user.email.",
        ),
    ] = None,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
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
    from ..actions import exchange
    from ..i18n.write import localize, say
    from ..store import NothingToDo, StoreError
    from ..views.console import progress
    from ..views.xlsx import WorkbookTooLarge

    language = parse_lang(lang)
    day = parse_as_of(as_of)
    if not file.is_file():
        fail(say("im_not_file", language, file=file))
    root = resolve_root(ledger, recover=not dry_run)
    led = load_or_fail(root, records=False).ledger  # errors between records: the store refuses only new ones
    with progress() as p:
        try:
            plan = exchange.plan_import(led, file, progress=p)
        except WorkbookTooLarge as exc:
            fail(say("im_too_large", language, file=file, size=exc.size, limit=exc.limit), EXIT_FINDINGS)
        except (OSError, ValueError, KeyError) as exc:  # not a workbook, zip errors, openpyxl errors
            fail(say("im_unreadable", language, file=file, error=exc))
        except Exception as exc:  # noqa: BLE001 - zipfile.BadZipFile and openpyxl's own errors
            if type(exc).__module__.startswith(("zipfile", "openpyxl")) or "zip" in type(exc).__name__.lower():
                fail(say("im_unreadable", language, file=file, error=exc))
            raise
    if not plan.sheets:
        fail(say("im_no_sheets", language, file=file), EXIT_FINDINGS)
    if plan.problems:
        for prob in plan.problems:
            err(f"{file.name}: {prob.text(language)}")
        fail(say("im_problems", language, n=len(plan.problems), file=file.name), EXIT_FINDINGS)
    if not plan.changes:
        err(say("im_same", language, file=file.name, rows=plan.rows))
        raise typer.Exit(0) from None
    try:
        result = exchange.write_import(
            root, plan, str(file), day, dry_run=dry_run, author=author, verify=not no_verify, lang=language
        )
    except NothingToDo:
        err(say("im_nothing", language, file=file.name))
        raise typer.Exit(0) from None
    except StoreError as exc:
        for d in exc.detail_msgs:
            err(f"  {localize(d, language)}")
        fail(localize(exc.msg, language), exit_code(exc))
    for c in plan.changes:
        err(
            say("im_new", language, rel=c.rel)
            if c.old is None
            else say("im_changed", language, rel=c.rel, fields=", ".join(c.changed))
        )
    if dry_run:
        sys.stdout.write(result.diff)
        err(say("im_dry_run", language, new=len(plan.created), changed=len(plan.updated)))
    else:
        err(say("im_committed", language, sha=result.commit[:12], new=len(plan.created), changed=len(plan.updated)))
        for w in result.warning_msgs:
            err(say("warning", language, text=localize(w, language)))


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
