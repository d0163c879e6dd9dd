"""`reformctl assess`: the annual performance assessment (年度改革工作目标绩效考核, art. 15-16)."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from .storeopts import NoVerifyOpt

from ._programme_opts import FormatOpt, ListFormat, XlsxOpt, YearOpt, check_out_file, pick_year, save
from .common import (
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


def assess(
    year: YearOpt = None,
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            help="Add the proposed deductions not yet recorded to "
            "assessments/YEAR.yaml (created if missing; manual entries kept) as one git commit.",
        ),
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="With --write: show the change, commit nothing.")] = False,
    no_verify: NoVerifyOpt = False,
    author: Annotated[
        Optional[str],
        typer.Option(
            "--author",
            metavar="'NAME <EMAIL>'",
            show_default=False,
            help="With --write: the commit's author (default: git's user.name and user.email).",
        ),
    ] = None,
    fmt: FormatOpt = ListFormat.table,
    xlsx: XlsxOpt = None,
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
) -> None:
    """Propose the year's assessment deductions from the ledger itself, for the
    office to review, and print the ranking (score = 100 − deductions, or the
    score recorded in assessments/YEAR.yaml, minus new proposals).

    Proposed: each task of the year due by 31 December and not completed by
    then (lead unit, 3 points); each rectification problem refused (`refused:
    true`) of a notice issued in the year (2 points, once) or not rectified
    by a deadline in the year (1 point);
    each accountability measure of kind point_deduction decided in the year
    (its `points`). Before the year is over (--as-of), only what has
    happened by then counts: a deadline not passed yet deducts nothing.
    The 3/2/1 points are the tool's choice, not the seed's (art. 15-16 call
    for assessment and point deductions but give no figures); set them in
    reformctl.yaml under `extra: {assessment_points: {task_unfinished: 3,
    problem_refused: 2, problem_overdue: 1}}`. A proposal is "recorded" when
    the unit's entries in assessments/YEAR.yaml already name the same item
    (in `accountability`, `extra.source` or the reason).

    Example: reformctl assess --year 2016 --lang zh      (review)
             reformctl assess --year 2016 --write        (one commit)

    `--format json` prints {year, proposals: [...], ranking: [...]}. Exit 0;
    with --write, 1 when refused (uncommitted edits of the file, nothing to
    add is not an error); 2 on bad options or an unusable ledger.
    """
    from ..actions import assess as programme
    from ..i18n.write import say
    from ..views import programme as view

    language = parse_lang(lang)
    day = parse_as_of(as_of)
    y = pick_year(year, day)
    check_out_file(xlsx, "--xlsx")
    if dry_run and not write:
        fail(say("goes_with_write", language, option="--dry-run"))
    if author is not None and not write:
        fail(say("goes_with_write", language, option="--author"))
    root = resolve_root(ledger, recover=write and not dry_run)
    led = load_or_fail(root).ledger
    props, ranking = programme.assess(led, y, day)
    T = view.L(language)
    ph, pcells, pstyles = view.proposal_cells(props, language)
    rh, rcells = view.ranking_cells(ranking, language)
    rel = f"assessments/{y}.yaml"
    if fmt is ListFormat.json:
        view.write_json(
            {"year": y, "proposals": [p.as_dict() for p in props], "ranking": [r.as_dict() for r in ranking]},
            sys.stdout,
        )
    else:
        from ..views.console import stdout_console

        con = stdout_console()
        if props:
            view.print_table(con, T["assess_title"].format(y=y), ph, pcells, pstyles)
        else:
            con.print(T["no_proposals"])
        view.print_table(con, T["rank_title"].format(y=y), rh, rcells)
        if not write and any(not p.recorded for p in props):
            err(T["assess_hint"].format(file=rel))
    if xlsx is not None:
        save(
            xlsx,
            "--xlsx",
            lambda p: view.write_xlsx(
                p,
                [
                    (T["rank_title"].format(y=y), T["rank_title"].format(y=y), rh, rcells),
                    (T["assess_title"].format(y=y), T["assess_title"].format(y=y), ph, pcells),
                ],
            ),
        )
    if write:
        _write(root, led, y, props, day, author, dry_run, language, fmt)


def _write(root, led, year, props, day, author, dry_run, language, fmt) -> None:
    from ..actions import assess as programme
    from ..i18n.write import Msg, localize
    from ..store import Action, NothingToDo, Store, StoreError
    from ..views import programme as view

    T = view.L(language)
    rel = f"assessments/{year}.yaml"
    todo = [p for p in props if not p.recorded]
    if not todo:
        err(T["assess_nothing"].format(file=rel))
        return
    try:
        from .storeopts import NO_VERIFY

        store = Store(root, author=author, verify=not NO_VERIFY, lang=language)
        action = Action(
            "assess",
            [str(year)] + sorted({p.source.split("#")[0] for p in todo}),
            Msg("cm_assess", year=year, n=len(todo)),
            day,
            body="\n".join(f"{p.unit} -{view.fmt_points(p.points)} {p.source}" for p in todo),
        )
        result = store.apply(action, lambda tx: programme.write_assessment(tx, rel, year, props), dry_run=dry_run)
    except NothingToDo:
        err(T["assess_nothing"].format(file=rel))
        return
    except StoreError as exc:
        for line in exc.detail_msgs:
            err(f"  {localize(line, language)}")
        fail(localize(exc.msg, language), exit_code(exc))
    for w in result.warning_msgs:
        err(f"reformctl: {localize(w, language)}")
    if dry_run:
        (sys.stderr if fmt is ListFormat.json else sys.stdout).write(result.diff)
        return
    added = sum(1 for p in todo)
    err(T["assess_written"].format(file=rel, n=added, sha=(result.commit or "")[:10]))


def register(app: typer.Typer) -> None:
    app.command("assess")(assess)
