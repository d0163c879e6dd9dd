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
        "--ledger",
        "-L",
        metavar="PATH",
        show_default=False,
        help="Ledger folder. Default: $REFORMCTL_LEDGER, else the nearest folder upward holding reformctl.yaml, "
        "else ./ledger-data.",
    ),
]
AsOfOpt = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        show_default=False,
        help="Compute as of this date. Default: today in China Standard Time.",
    ),
]
LangOpt = Annotated[
    Optional[str],
    typer.Option(
        "--lang",
        metavar="zh|en",
        show_default=False,
        help="Language of labels and messages. Default: from the locale (zh when LANG starts with zh).",
    ),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read and validate every file afresh, neither using nor updating the per-file "
        "cache nor the remembered answers (same as REFORMCTL_NO_CACHE=1). Neither ever serves a changed "
        "file; this is for timing and for doubt.",
    ),
]


def no_cache_flag(no_cache: bool) -> Optional[bool]:
    """``--no-cache`` as the ``cache`` argument of :func:`reformctl.load.load_ledger` (None: the default)."""
    return False if no_cache else None


def err(message: str) -> None:
    """A message for the user, on stderr (never mixed into data on stdout). Messages quote file names, titles,
    sheet names: their control characters are shown as escapes (\\x1b), and a line that would start with ``::``
    (a GitHub workflow command) has its first colon escaped."""
    from ..base.textsafe import escape

    text = escape(message.rstrip("\n"), newlines=False)
    if "::" in text:
        text = "\n".join(
            "\\x3a" + line.lstrip()[1:] if line.lstrip().startswith("::") else line for line in text.split("\n")
        )
    sys.stderr.write(text + "\n")


def exit_code(exc: BaseException) -> int:
    """The exit code of a library error: the library raises typed errors (reformctl.errors), only the command
    line knows exit codes. A bad request or input is 2, a refusal because of the ledger or repository 1."""
    from ..errors import NothingToDo, UsageError

    if isinstance(exc, NothingToDo):
        return EXIT_OK
    return EXIT_USAGE if isinstance(exc, UsageError) else EXIT_FINDINGS


def said(code: str, **params) -> str:
    """The message ``code`` of reformctl/i18n/write.py in the command's language."""
    from ..i18n.write import say

    return say(code, current_lang(), **params)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    err(f"reformctl: {message}")
    raise typer.Exit(code)


def sanitize_columns() -> None:
    """``$COLUMNS`` as Rich and Typer will read it: clamped to 40-1000, removed when it is not a whole number
    above 0 (``COLUMNS=0`` printed nothing, ``COLUMNS=99999999`` hung laying out a table)."""
    from ..base.envvars import columns

    if "COLUMNS" in os.environ:
        n = columns()
        if n is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = str(n)


def check_environment(words: Optional[list[str]] = None) -> None:
    """Refuse (exit 2) a REFORMCTL_* variable set to a value it does not accept, naming what it accepts."""
    from ..base.envvars import problems

    sanitize_columns()
    bad = problems()
    if bad:
        from ..i18n.write import say

        lang = _lang_asked(words or [])
        takes = [say(f"env_takes.{v.name}", lang) for v, _raw in bad]
        fail("\n".join(say("env_invalid", lang, name=v.name, raw=raw, takes=t) for (v, raw), t in zip(bad, takes)))


def _lang_asked(words: list[str]) -> str:
    """The language of the command about to run: its --lang among ``words`` (what it has still to parse),
    else the locale's (the app's callback runs before the command parses its options)."""
    for i, w in enumerate(words):
        value = words[i + 1] if w == "--lang" and i + 1 < len(words) else w[7:] if w.startswith("--lang=") else None
        if value:
            if value.lower().startswith("zh"):
                return "zh"
            if value.lower().startswith("en"):
                return "en"
    return current_lang()


def today_cst() -> dt.date:
    return dt.datetime.now(CST).date()


def parse_as_of(value: Optional[str]) -> dt.date:
    if value is None or value == "":
        return today_cst()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        from ..i18n.write import bad_date

        fail(bad_date("--as-of", value, current_lang()))
    return in_date_range(day, "--as-of")


def in_year_range(year: int, option: str, value: Optional[str] = None, last: int = 0) -> int:
    """``year`` when the dates a ledger may hold include it (and ``last`` years after it: close-out carries
    over into the next year), else exit 2 saying so, as for a date. ``value``: what was given, when not the year
    itself (a quarter)."""
    from ..model.types import DATE_MAX, DATE_MIN

    lo, hi = DATE_MIN.year, DATE_MAX.year - last
    if not lo <= year <= hi:
        from ..i18n.write import say

        fail(say("year_range", current_lang(), option=option, value=value or year, lo=lo, hi=hi))
    return year


def in_date_range(day: dt.date, option: str, lang: Optional[str] = None) -> dt.date:
    """``day`` when it lies in the dates a ledger may hold, else exit 2 saying so (a date such as 9999-12-31
    would make the date-driven computations run for minutes)."""
    from ..model.types import DATE_MAX, DATE_MIN, date_supported

    if not date_supported(day):
        from ..i18n.write import say

        fail(
            say(
                "date_range",
                lang or current_lang(),
                option=option,
                value=day.isoformat(),
                lo=DATE_MIN.isoformat(),
                hi=DATE_MAX.isoformat(),
            )
        )
    return day


_LANG: Optional[str] = None  # the language of this command (its --lang, else the locale): see parse_lang


def reset_lang(words: Optional[list[str]] = None) -> None:
    """Forget the language of a previous command (the app's callback calls it before each command) and take
    the one ``words`` (the command line still to parse) ask for with --lang, so that a refusal made before the
    command parsed its options is in that language, never the locale's."""
    global _LANG
    _LANG = None
    words = list(words or [])
    for i, w in enumerate(words):
        if w == "--":
            break
        value = words[i + 1] if w == "--lang" and i + 1 < len(words) else w[7:] if w.startswith("--lang=") else None
        if value and value.lower().startswith(("zh", "en")):
            _LANG = value.lower()[:2]
            return


def parse_lang(value: Optional[str]) -> str:
    global _LANG
    if value:
        v = value.lower()
        if v.startswith("zh"):
            _LANG = "zh"
            return "zh"
        if v.startswith("en"):
            _LANG = "en"
            return "en"
        fail(said("bad_lang", value=value))
    loc = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    _LANG = "zh" if loc.lower().startswith("zh") else "en"
    return _LANG


def current_lang() -> str:
    """The command's language once it parsed --lang, else the locale's."""
    return _LANG or parse_lang(None)


def resolve_root(ledger: Optional[Path], recover: bool = False) -> Path:
    """The ledger root (exit 2 when unusable). A write that was interrupted (killed) and left the ledger
    half-written is dealt with on every command: a command that writes (``recover``) finishes or rolls it back
    first, saying so; any other refuses (exit 1) rather than work on a half-written ledger, pointing to
    `reformctl recover`."""
    from ..load import LedgerRootError, find_ledger

    try:
        root = find_ledger(ledger)
    except LedgerRootError as exc:
        if exc.code:
            from ..i18n import root_error

            fail(root_error(exc.code, current_lang(), **exc.params))
        fail(str(exc))
    from ..store.files import unfinished_write

    journal = unfinished_write(root)
    if journal is not None:
        from ..i18n.write import localize, say

        if not recover:
            fail(say("unfinished_write", current_lang(), journal=journal), EXIT_FINDINGS)
        from ..errors import ReformctlError
        from ..store import Store

        try:
            for line in Store(root).recover():
                err("reformctl: " + localize(line, current_lang()))
        except ReformctlError as exc:
            fail(localize(exc.msg, current_lang()), EXIT_FINDINGS)
    return root


def load_or_fail(root: Path, cache: Optional[bool] = None, records: bool = True):
    """Load the ledger for a command that computes (status, summary...): a ledger with any error `check`
    reports (a broken file, or an error between records such as an unknown unit) is refused with exit 1 and a
    pointer to `reformctl check`, since findings on broken records would be wrong.
    ``cache``: False for ``--no-cache`` (use ``no_cache_flag``); None: on unless $REFORMCTL_NO_CACHE.
    ``records=False``: only broken files are refused (a command that writes through the store, which refuses
    the errors it would bring, may mend errors between records)."""
    from ..api import with_record_errors
    from ..load import load_ledger

    res = load_ledger(root, cache=cache)
    if res.ledger.settings is None or res.errors or (records and with_record_errors(res).errors):
        refuse_broken(root, with_record_errors(res))
    return res


def refuse_broken(root: Path, res) -> NoReturn:
    """Show the first errors of a load result and exit 1, pointing to `reformctl check`."""
    from ..load import locate

    errors = res.errors
    shown = locate(root, errors[:5])
    from ..views.diagnostics import diagnostic_line

    lang = current_lang()
    for d in shown:
        err(diagnostic_line(d, d.file, lang))
    from ..i18n import root_error

    more = root_error("and_more", lang, n=len(errors) - 5) if len(errors) > 5 else ""
    fail(root_error("ledger_has_errors", lang, n=len(errors), more=more), EXIT_FINDINGS)


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
