"""Options and helpers shared by every command. Heavy modules are imported inside functions."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
CST = dt.timezone(dt.timedelta(hours=8), "CST")

LedgerOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--ledger", "-L", metavar="PATH", show_default=False,
        help="Ledger folder. Default: $REFORMCTL_LEDGER, else the nearest folder upward holding reformctl.yaml, "
             "else ./ledger-data.",
    ),
]
AsOfOpt = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar="YYYY-MM-DD", show_default=False,
                 help="Compute as of this date. Default: today in China Standard Time."),
]
LangOpt = Annotated[
    Optional[str],
    typer.Option("--lang", metavar="zh|en", show_default=False,
                 help="Language of labels and messages. Default: from the locale (zh when LANG starts with zh)."),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Read and validate every file afresh, neither using nor updating the per-file "
                 "cache nor the remembered answers (same as REFORMCTL_NO_CACHE=1). Neither ever serves a changed "
                 "file; this is for timing and for doubt."),
]


def no_cache_flag(no_cache: bool) -> Optional[bool]:
    """``--no-cache`` as the ``cache`` argument of :func:`reformctl.load.load_ledger` (None: the default)."""
    return False if no_cache else None


def err(message: str) -> None:
    """A message for the user, on stderr (never mixed into data on stdout)."""
    sys.stderr.write(message.rstrip("\n") + "\n")


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    err(f"reformctl: {message}")
    raise typer.Exit(code)


def today_cst() -> dt.date:
    return dt.datetime.now(CST).date()


def parse_as_of(value: Optional[str]) -> dt.date:
    if value is None or value == "":
        return today_cst()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of wants a date YYYY-MM-DD, got {value!r}")


def parse_lang(value: Optional[str]) -> str:
    if value:
        v = value.lower()
        if v.startswith("zh"):
            return "zh"
        if v.startswith("en"):
            return "en"
        fail(f"--lang is zh or en, got {value!r}")
    loc = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "zh" if loc.lower().startswith("zh") else "en"


def resolve_root(ledger: Optional[Path]) -> Path:
    from ..load import LedgerRootError, find_ledger

    try:
        return find_ledger(ledger)
    except LedgerRootError as exc:
        fail(str(exc))


def load_or_fail(root: Path, cache: Optional[bool] = None):
    """Load the ledger for a command that computes (status, summary...): a ledger with errors is refused
    with exit 1 and a pointer to `reformctl check`, since findings on broken records would be wrong.
    ``cache``: False for ``--no-cache`` (use ``no_cache_flag``); None: on unless $REFORMCTL_NO_CACHE."""
    from ..load import load_ledger

    res = load_ledger(root, cache=cache)
    if res.ledger.settings is None or res.errors:
        refuse_broken(root, res)
    return res


def refuse_broken(root: Path, res) -> NoReturn:
    """Show the first errors of a load result and exit 1, pointing to `reformctl check`."""
    from ..load import locate

    errors = res.errors
    shown = locate(root, errors[:5])
    for d in shown:
        err(f"{d.file}:{d.line or 1}:{d.column or 1}: {d.severity.value} [{d.code}] {d.message}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    fail(f"the ledger has {len(errors)} error(s){more}; run `reformctl check` and fix them first", EXIT_FINDINGS)


def display_path(root: Path):
    """A function showing a ledger-relative path relative to the working directory when it is inside it."""
    cwd = Path.cwd().resolve()
    base = root.resolve()
    try:
        prefix = base.relative_to(cwd).as_posix()
    except ValueError:
        prefix = base.as_posix()
    if prefix in ("", "."):
        return lambda f: f
    return lambda f: f"{prefix}/{f}" if f else prefix
