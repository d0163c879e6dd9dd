"""`reformctl check`: validate the whole ledger (the CI gate)."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .common import EXIT_FINDINGS, EXIT_OK, LangOpt, LedgerOpt, display_path, err, parse_lang, resolve_root


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def check(
    ledger: LedgerOpt = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="text for people; json (an array of "
                   "{file, line, column, severity, code, message}); github (workflow annotations plus the full log).")]
    = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    lang: LangOpt = None,
) -> None:
    """Validate every file of the ledger and report all problems at once, sorted by file and line.

    Checks the YAML (YAML 1.2: `no`/`on`/`yes` are text), the schema of every record, ids, references to
    units, plans and special groups, the order of dates, and the seed's rules (art. 5, 6, 8, R4, R17-R21).
    Every code is explained in docs/errors.md (`reformctl catalogue`).

    Exit 0 when no error was found (warnings allowed unless --strict), 1 when errors were found,
    2 when the ledger folder or its reformctl.yaml cannot be used.
    """
    from .. import api
    from ..views.diagnostics import render_github, render_json, render_text

    language = parse_lang(lang)
    root = resolve_root(ledger)
    report = api.check(root)
    out = sys.stdout
    show = display_path(root)
    if fmt is CheckFormat.json:
        render_json(report.diagnostics, out)
    elif fmt is CheckFormat.github:
        render_github(report.diagnostics, out, show)
    else:
        render_text(report.diagnostics, out, show, language)
    if fmt is not CheckFormat.json:
        where = show("") or "."
        if report.diagnostics:
            err(f"{where}: {report.errors} error(s), {report.warnings} warning(s) in {report.files} file(s)")
        else:
            err(f"{where}: {report.files} file(s) checked, no problems found")
    code = report.exit_code or (EXIT_FINDINGS if strict and report.warnings else EXIT_OK)
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
