"""`reformctl close-out`: the year-end write-off (R13, R9) as one git commit."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import EXIT_FINDINGS, EXIT_USAGE, LedgerOpt, err, fail, parse_as_of, resolve_root
from .storeopts import AuthorOpt, DryRunOpt, WriteAsOfOpt, run_action


class Fmt(str, Enum):
    text = "text"
    json = "json"


def close_out(
    item: Annotated[Optional[str], typer.Argument(metavar="[ID]", help="Write off this one completed task (or "
                    "plan whose tasks are all done) instead of a whole year.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", metavar="YYYY", help="The year to close out.")] = None,
    carry_over: Annotated[Optional[list[str]], typer.Option("--carry-over", metavar="ID",
                          help="Carry this unfinished task over (挂账结转); give --reason, --measures and --new-due "
                               "once per --carry-over, in the same order.")] = None,
    reason: Annotated[Optional[list[str]], typer.Option("--reason", help="Why it is unfinished (未完成原因).")] = None,
    measures: Annotated[Optional[list[str]], typer.Option("--measures", help="Rectification measures (整改措施).")] = None,
    new_due: Annotated[Optional[list[str]], typer.Option("--new-due", metavar="YYYY-MM-DD",
                       help="New completion deadline (新的完成时限).")] = None,
    carry_file: Annotated[Optional[list[Path]], typer.Option("--carry-over-file", metavar="FILE", help="Carry-overs "
                          "for many tasks: CSV with header id,reason,measures,new_due, or YAML (a list of such "
                          "mappings); repeatable.")]
    = None,
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="text, or json: {year, date, closed, carried_over, "
                   "blocking, commit}.")] = Fmt.text,
    ledger: LedgerOpt = None, as_of: WriteAsOfOpt = None, author: AuthorOpt = None, dry_run: DryRunOpt = False,
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
    from .. import closeout
    from ..load import load_ledger, locate
    from ..store import StoreError

    root = resolve_root(ledger)
    day = parse_as_of(as_of)
    if (item is None) == (year is None):
        fail("give either --year YYYY (the year-end close-out) or one item ID")
    if year is not None and not 1900 <= year <= 9998:
        fail(f"--year wants a year such as 2016, got {year}")
    res = load_ledger(root)
    blocking_errors = [d for d in res.errors if d.file.split("/")[0] in ("tasks", "plans", "closeouts", "reformctl.yaml")]
    if blocking_errors:
        for d in locate(root, blocking_errors[:10]):
            err(f"{d.file}:{d.line or 1}:{d.column or 1}: error [{d.code}] {d.message}")
        fail(f"{len(blocking_errors)} error(s) in the files close-out reads; run `reformctl check` and fix them first",
             EXIT_FINDINGS)
    led = res.ledger

    if item is not None:
        if carry_over or carry_file:
            fail("--carry-over goes with --year")
        run_action(root, author, dry_run, lambda: closeout.close_one(led, item, day))
        return

    given = []
    try:
        given = _given(carry_over or [], reason or [], measures or [], new_due or [])
        for f in carry_file or []:
            given += closeout.read_carry_file(f)
        plan = closeout.plan_closeout(led, year, day, given)
    except StoreError as exc:
        fail(exc.message, exc.code)
    out = plan.as_dict()
    if plan.blocking:
        if fmt is Fmt.json:
            json.dump(dict(out, commit=None), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(f"close-out {year} refused: unfinished, due on or before {year}-12-31, no carry_over "
                             f"(未完成且无挂账结转说明):\n")
            for b in plan.blocking:
                sys.stdout.write(f"  {b.id}  due {b.due}  {b.status}  {b.unit}  {b.title}\n")
        err(f"reformctl: close-out {year} refused, nothing written: {len(plan.blocking)} unfinished item(s) due on or "
            f"before {year}-12-31 have no carry_over: {', '.join(b.id for b in plan.blocking)}.\n"
            "Give each a reason, measures and new deadline: --carry-over ID --reason ... --measures ... --new-due "
            "YYYY-MM-DD, or --carry-over-file FILE (CSV/YAML: id, reason, measures, new_due).")
        raise typer.Exit(EXIT_FINDINGS)
    if not plan.closed and not plan.carried:
        if fmt is Fmt.json:
            json.dump(dict(out, commit=None), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        err(f"close-out {year}: nothing to write off or carry over")
        return
    result = run_action(root, author, dry_run and fmt is Fmt.text,
                        lambda: (closeout.closeout_action(plan), closeout.closeout_build(led, plan)),
                        quiet=fmt is Fmt.json) if not (dry_run and fmt is Fmt.json) else None
    if fmt is Fmt.json:
        json.dump(dict(out, commit=result.commit if result else None), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if not dry_run:
        _summary(plan)
    else:
        err("")
        _summary(plan, stream=sys.stderr)


def _summary(plan, stream=None) -> None:
    s = stream or sys.stdout
    s.write(f"close-out {plan.year} as of {plan.as_of}: {len(plan.closed)} written off (销账), "
            f"{len(plan.carried)} carried over (挂账结转)\n")
    for i in plan.closed:
        s.write(f"  closed   {i}\n")
    for c in plan.carried:
        s.write(f"  carried  {c.id} → {c.new_due}  {c.reason}\n")


def _given(ids, reasons, measures, dues):
    import datetime as dt

    from ..closeout import CarryIn

    if not ids:
        if reasons or measures or dues:
            fail("--reason, --measures and --new-due go with --carry-over ID")
        return []
    if not (len(ids) == len(reasons) == len(measures) == len(dues)):
        fail(f"each --carry-over needs its own --reason, --measures and --new-due (got {len(ids)} --carry-over, "
             f"{len(reasons)} --reason, {len(measures)} --measures, {len(dues)} --new-due)", EXIT_USAGE)
    out = []
    for i, r, m, d in zip(ids, reasons, measures, dues):
        try:
            due = dt.date.fromisoformat(d)
        except ValueError:
            fail(f"--new-due wants a date YYYY-MM-DD, got {d!r}")
        if not r.strip() or not m.strip():
            fail(f"--carry-over {i}: --reason and --measures must not be empty")
        out.append(CarryIn(i, r.strip(), m.strip(), due))
    return out


def register(app: typer.Typer) -> None:
    app.command("close-out")(close_out)
