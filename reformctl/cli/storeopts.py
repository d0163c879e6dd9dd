"""Options and the runner shared by the commands that write (each one git commit)."""

from __future__ import annotations

import sys
from typing import Annotated, Callable, Optional

import typer

from .common import err, fail

AuthorOpt = Annotated[
    Optional[str],
    typer.Option("--author", metavar="'NAME <EMAIL>'", show_default=False,
                 help="Author of the commit. Default: git config user.name / user.email."),
]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", "-n", help="Print the change as a diff and write nothing."),
]
WriteAsOfOpt = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar="YYYY-MM-DD", show_default=False,
                 help="The date recorded (progress date, completion date...). Default: today in China Standard Time."),
]


def run_action(root, author: Optional[str], dry_run: bool, make: Callable[[], tuple], quiet: bool = False):
    """Build the action (``make()`` -> (Action, build[, warnings])), commit it, report. StoreError -> exit."""
    from ..store import NothingToDo, Store, StoreError

    try:
        made = make()
        action, build = made[0], made[1]
        warnings = made[2] if len(made) > 2 else []
        store = Store(root, author=author)
        result = store.apply(action, build, dry_run=dry_run)
    except NothingToDo as exc:
        err(f"reformctl: {exc.message}: the ledger already says so")
        raise typer.Exit(0)
    except StoreError as exc:
        for d in exc.details:
            err(f"  {d}")
        fail(exc.message, exc.code)
    for w in list(warnings) + result.warnings:
        err(f"reformctl: warning: {w}")
    if dry_run:
        sys.stdout.write(result.diff)
        err(f"dry run: would commit \"{result.message.splitlines()[0]}\" ({len(result.paths)} file(s)); nothing written")
    elif not quiet:
        err(f"[{result.ref.rsplit('/', 1)[-1]} {result.commit[:7]}] {result.message.splitlines()[0]}")
    return result
