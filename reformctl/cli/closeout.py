"""`reformctl close-out`: the year-end write-off (R13, R9) as one git commit."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import (
    in_year_range,
    EXIT_FINDINGS,
    EXIT_USAGE,
    LangOpt,
    LedgerOpt,
    err,
    exit_code,
    fail,
    in_date_range,
    parse_as_of,
    parse_lang,
    resolve_root,
)
from ..base.textsafe import json_safe
from .storeopts import AuthorOpt, DryRunOpt, NoVerifyOpt, WriteAsOfOpt, run_action


class Fmt(str, Enum):
    text = "text"
    json = "json"


def close_out(
    item: Annotated[
        Optional[str],
        typer.Argument(
            metavar="ID",
            help="Write off this one completed task (or plan whose tasks are all done) instead of a whole year.",
        ),
    ] = None,
    year: Annotated[Optional[int], typer.Option("--year", metavar="YYYY", help="The year to close out.")] = None,
    carry_over: Annotated[
        Optional[list[str]],
        typer.Option(
            "--carry-over",
            metavar="ID",
            help="Carry this unfinished task over (挂账结转); give --reason, --measures and --new-due "
            "once per --carry-over, in the same order.",
        ),
    ] = None,
    reason: Annotated[Optional[list[str]], typer.Option("--reason", help="Why it is unfinished (未完成原因).")] = None,
    measures: Annotated[
        Optional[list[str]], typer.Option("--measures", help="Rectification measures (整改措施).")
    ] = None,
    new_due: Annotated[
        Optional[list[str]],
        typer.Option("--new-due", metavar="YYYY-MM-DD", help="New completion deadline (新的完成时限)."),
    ] = None,
    carry_file: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--carry-over-file",
            metavar="FILE",
            help="Carry-overs "
            "for many tasks: CSV with header id,reason,measures,new_due, or YAML (a list of such "
            "mappings); repeatable.",
        ),
    ] = None,
    fmt: Annotated[
        Fmt, typer.Option("--format", "-f", help="text, or json: {year, date, closed, carried_over, blocking, commit}.")
    ] = Fmt.text,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Year-end close-out (年末集中盘点、销账, R13) as one git commit, dated --as-of.

    Completed tasks due on or before 31 December of the year are written off
    (status: closed, closed: the as-of date); plans whose tasks are all done
    are written off too (R9); closeouts/YEAR.yaml records year, date, closed
    and carried_over. Every unfinished task due on or before 31 December must
    carry a carry_over (reason, measures, new deadline): while one does not,
    the close-out is refused (exit 1), the blocking tasks are listed and
    nothing is written. Files it does not touch neither block it nor go into
    its commit.

    With an ID, one completed task (or a plan whose tasks are all done) is
    written off; when its year has been closed out already it is added to
    closeouts/YEAR.yaml in the same commit (no record is created otherwise).

    Examples:
      reformctl close-out --year 2016 --as-of 2016-12-31 --dry-run
      reformctl close-out --year 2016 --as-of 2016-12-31
          --carry-over T-2016-003 --reason "基金管理机构未选定"
          --measures "加快遴选" --new-due 2017-03-31
      reformctl close-out --year 2016 --carry-over-file carry.csv
      reformctl close-out T-2016-002 --as-of 2017-01-10
    """
    from ..actions import closeout
    from ..i18n.write import localize, say
    from ..store import StoreError

    language = parse_lang(lang)
    root = resolve_root(ledger, recover=not dry_run)
    day = parse_as_of(as_of)
    if (item is None) == (year is None):
        fail(say("co_either", language))
    if year is not None:
        in_year_range(year, "--year", last=1)
    led = _closeable_ledger(root, language)

    if item is not None:
        if carry_over or carry_file:
            fail(say("co_carry_with_year", language))
        run_action(root, author, dry_run, lambda: closeout.close_one(led, item, day), lang=language)
        return

    given = []
    try:
        given = _given(carry_over or [], reason or [], measures or [], new_due or [], language)
        for f in carry_file or []:
            given += closeout.read_carry_file(f)
        assert year is not None  # either an item (returned above) or a year
        plan = closeout.plan_closeout(led, year, day, given)
    except StoreError as exc:
        fail(localize(exc.msg, language), exit_code(exc))
    out = plan.as_dict()
    if plan.blocking:
        _refuse(plan, out, fmt, language)
    if not plan.closed and not plan.carried:
        if fmt is Fmt.json:
            _json(dict(out, commit=None))
        err(say("co_nothing", language, year=year))
        return
    result = (
        run_action(
            root,
            author,
            dry_run and fmt is Fmt.text,
            lambda: (closeout.closeout_action(plan), closeout.closeout_build(led, plan)),
            quiet=fmt is Fmt.json,
            lang=language,
        )
        if not (dry_run and fmt is Fmt.json)
        else None
    )
    if fmt is Fmt.json:
        _json(dict(out, commit=result.commit if result else None))
    elif not dry_run:
        _summary(plan, language)
    else:
        err("")
        _summary(plan, language, stream=sys.stderr)


def _closeable_ledger(root, language: str):
    """The ledger, refused (exit 1, the first errors listed) while its tasks, plans or close-outs have errors."""
    from ..i18n.write import say
    from ..load import load_ledger, locate

    res = load_ledger(root)
    blocking_errors = [
        d for d in res.errors if d.file.split("/")[0] in ("tasks", "plans", "closeouts", "reformctl.yaml")
    ]
    if blocking_errors:
        from ..views.diagnostics import diagnostic_line

        for d in locate(root, blocking_errors[:10]):
            err(diagnostic_line(d, d.file, language))
        fail(say("co_errors", language, n=len(blocking_errors)), EXIT_FINDINGS)
    return res.ledger


def _json(data: dict) -> None:
    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    sys.stdout.write("\n")


def _refuse(plan, out: dict, fmt: Fmt, language: str) -> None:
    """The tasks that block the close-out (JSON or lines on stdout), the refusal on stderr, exit 1."""
    from ..base.textsafe import escape
    from ..i18n.write import say, status

    if fmt is Fmt.json:
        _json(dict(out, commit=None))
    else:
        sys.stdout.write(say("co_refused_head", language, year=plan.year) + "\n")
        for b in plan.blocking:
            row = say(
                "co_blocking_row",
                language,
                id=b.id,
                due=b.due,
                status=status(b.status),
                unit=escape(b.unit),
                title=escape(b.title),
            )
            sys.stdout.write(row + "\n")
    ids = ", ".join(b.id for b in plan.blocking)
    err("reformctl: " + say("co_refused", language, year=plan.year, n=len(plan.blocking), ids=ids))
    raise typer.Exit(EXIT_FINDINGS)


def _summary(plan, lang: str, stream=None) -> None:
    from ..i18n.write import say
    from ..base.textsafe import escape

    s = stream or sys.stdout
    s.write(
        say("co_summary", lang, year=plan.year, as_of=plan.as_of, closed=len(plan.closed), carried=len(plan.carried))
        + "\n"
    )
    for i in plan.closed:
        s.write(say("co_closed_row", lang, id=i) + "\n")
    for c in plan.carried:
        s.write(say("co_carried_row", lang, id=c.id, new_due=c.new_due, reason=escape(c.reason)) + "\n")


def _given(ids, reasons, measures, dues, lang: str = "en"):
    import datetime as dt

    from ..actions.closeout import CarryIn
    from ..i18n.write import bad_date, say

    if not ids:
        if reasons or measures or dues:
            fail(say("co_reason_with", lang))
        return []
    if not (len(ids) == len(reasons) == len(measures) == len(dues)):
        fail(
            say("co_counts", lang, ids=len(ids), reasons=len(reasons), measures=len(measures), dues=len(dues)),
            EXIT_USAGE,
        )
    out = []
    for i, r, m, d in zip(ids, reasons, measures, dues):
        try:
            due = dt.date.fromisoformat(d)
        except ValueError:
            fail(bad_date("--new-due", d, lang))
        in_date_range(due, "--new-due", lang)
        if not r.strip() or not m.strip():
            fail(say("co_empty", lang, id=i))
        out.append(CarryIn(i, r.strip(), m.strip(), due))
    return out


def register(app: typer.Typer) -> None:
    app.command("close-out")(close_out)
