"""Options and the runner shared by the commands that write (each one git commit)."""

from __future__ import annotations

import sys
from typing import Annotated, Callable, Optional

import typer

from .common import err, exit_code, fail

AuthorOpt = Annotated[
    Optional[str],
    typer.Option(
        "--author",
        metavar="'NAME <EMAIL>'",
        show_default=False,
        help="Author of the commit. Default: git config user.name / user.email.",
    ),
]
DryRunOpt = Annotated[
    bool,
    typer.Option("--dry-run", "-n", help="Print the change as a diff and write nothing."),
]
NO_VERIFY = False  # this command's --no-verify (reset before each command by the app's callback)


def _no_verify(value: bool) -> bool:
    global NO_VERIFY
    NO_VERIFY = bool(value)
    return value


def reset_no_verify() -> None:
    global NO_VERIFY
    NO_VERIFY = False


NoVerifyOpt = Annotated[
    bool,
    typer.Option(
        "--no-verify",
        callback=_no_verify,
        help="Do not run the repository's pre-commit and commit-msg hooks (which run otherwise, as for git commit).",
    ),
]
WriteAsOfOpt = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        show_default=False,
        help="The date recorded (progress date, completion date...). Default: today in China Standard Time.",
    ),
]


def run_action(
    root, author: Optional[str], dry_run: bool, make: Callable[[], tuple], quiet: bool = False, lang: str = "en"
):
    """Build the action (``make()`` -> (Action, build[, warnings])), commit it, report in ``lang`` (zh|en).
    StoreError -> exit with its code. The commit's subject and body are in ``lang`` too; its trailers are not."""
    from ..i18n.write import localize, say
    from ..store import NothingToDo, Store, StoreError

    try:
        made = make()
        action, build = made[0], made[1]
        warnings = made[2] if len(made) > 2 else []
        store = Store(root, author=author, verify=not NO_VERIFY, lang=lang)
        result = store.apply(action, build, dry_run=dry_run)
    except NothingToDo as exc:
        err("reformctl: " + say("nothing_to_do", lang, message=localize(exc.msg, lang)))
        raise typer.Exit(0) from None
    except StoreError as exc:
        for d in exc.detail_msgs:
            err(f"  {localize(d, lang)}")
        fail(localize(exc.msg, lang), exit_code(exc))
    for w in list(warnings) + result.warning_msgs:
        err("reformctl: " + say("warning", lang, text=localize(w, lang)))
    if dry_run:
        sys.stdout.write(result.diff)
        err(say("dry_run", lang, subject=result.message.splitlines()[0], n=len(result.paths)))
    elif not quiet:
        err(
            say(
                "committed",
                lang,
                branch=(result.ref or "HEAD").rsplit("/", 1)[-1],
                sha=(result.commit or "")[:7],
                subject=result.message.splitlines()[0],
            )
        )
    return result
