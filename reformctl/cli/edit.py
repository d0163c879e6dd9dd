"""Write commands that change one item: progress, complete, evidence, cancel, rectify, verify, review,
pilot file|exit|adjust, extend, approve. Each is one git commit (see reformctl/store)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .common import LangOpt, LedgerOpt, parse_as_of, parse_lang, resolve_root
from .storeopts import AuthorOpt, DryRunOpt, NoVerifyOpt, WriteAsOfOpt, run_action

IdArg = Annotated[str, typer.Argument(metavar="ID", help="The item id, e.g. T-2016-003.")]
NoticeArg = Annotated[str, typer.Argument(metavar="NOTICE_ID", help="The rectification notice, e.g. RN-2016-001.")]
ProblemArg = Annotated[int, typer.Argument(metavar="PROBLEM_NO", help="The problem number in the notice's list.")]


def _date(value: Optional[str], option: str, lang: str = "en"):
    import datetime as dt

    from ..i18n.write import bad_date
    from .common import fail

    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        fail(bad_date(option, value, lang))
    from .common import in_date_range

    return in_date_range(day, option, lang)


def _write(ledger, as_of, author, dry_run: bool, lang, make) -> None:
    """The body of a write command: language, ledger and as-of date from the options, then ``make(root, day)``
    gives the action, committed by :func:`run_action`."""
    language = parse_lang(lang)
    root = resolve_root(ledger, recover=not dry_run)
    day = parse_as_of(as_of)
    run_action(root, author, dry_run, lang=language, make=lambda: make(root, day))


def progress(
    item: IdArg,
    note: Annotated[str, typer.Argument(metavar="NOTE", help="What was done (进展情况).")],
    by: Annotated[Optional[str], typer.Option("--by", help="Who reported it (填报人).")] = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Record progress on a task (进展更新): appends {date, note} to `progress`; a planned task becomes in_progress.

    Example: reformctl progress T-2016-003 "基金管理机构已选定" --as-of 2016-10-20
    """
    from ..actions import writes

    _write(ledger, as_of, author, dry_run, lang, lambda root, day: writes.progress(root, item, note, day, by))


def complete(
    item: IdArg,
    milestone: Annotated[
        Optional[str],
        typer.Option(
            "--milestone", metavar="NAME", help="Mark this milestone (进度节点) done instead of the whole task."
        ),
    ] = None,
    evidence: Annotated[
        Optional[list[str]],
        typer.Option(
            "--evidence", metavar="PATH_OR_LINK", help="Evidence of completion (佐证材料); repeat for several."
        ),
    ] = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Complete a task or pilot (status completed, completed: the as-of date), or one milestone of a task.

    Examples:
      reformctl complete T-2016-003 --evidence 成金办〔2016〕12号 --as-of 2016-12-20
      reformctl complete T-2016-003 --milestone 选定基金管理机构
    """
    from ..actions import writes

    _write(
        ledger,
        as_of,
        author,
        dry_run,
        lang,
        lambda root, day: writes.complete(root, item, day, milestone, tuple(evidence or ())),
    )


def evidence(
    item: IdArg,
    ref: Annotated[str, typer.Argument(metavar="PATH_OR_LINK", help="A file path or a link.")],
    milestone: Annotated[
        Optional[str],
        typer.Option("--milestone", metavar="NAME", help="Attach it to this milestone instead of the task."),
    ] = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Attach evidence (佐证材料: a path or a link) to a task or one of its milestones.

    Example: reformctl evidence T-2016-003 https://example.org/docs/fund.pdf
    """
    from ..actions import writes

    _write(ledger, as_of, author, dry_run, lang, lambda root, day: writes.evidence(root, item, ref, day, milestone))


def cancel(
    item: IdArg,
    reason: Annotated[str, typer.Option("--reason", help="Why it is cancelled (取消原因).")],
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Cancel a task (status cancelled, with its reason): the way to drop an item, never deleting its file.

    Example: reformctl cancel T-2016-020 --reason "并入 T-2016-021"
    """
    from ..actions import writes

    _write(ledger, as_of, author, dry_run, lang, lambda root, day: writes.cancel(root, item, reason, day))


def rectify(
    notice: NoticeArg,
    no: ProblemArg,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Mark a problem of a rectification notice rectified (整改完成) on the as-of date.

    Example: reformctl rectify RN-2016-002 1 --as-of 2016-12-10
    """
    from ..actions import writes

    _write(ledger, as_of, author, dry_run, lang, lambda root, day: writes.rectify(root, notice, no, day))


def verify(
    notice: NoticeArg,
    no: ProblemArg,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Mark a rectified problem verified by the office (核实销号) on the as-of date.

    Example: reformctl verify RN-2016-001 2 --as-of 2016-12-20
    """
    from ..actions import writes

    _write(ledger, as_of, author, dry_run, lang, lambda root, day: writes.verify(root, notice, no, day))


def review(
    notice: NoticeArg,
    no: ProblemArg,
    result: Annotated[
        Optional[str],
        typer.Option(
            "--result",
            help="What the review found (复查结果): "
            "records a review done on the as-of date (filling the first one scheduled).",
        ),
    ] = None,
    due: Annotated[
        Optional[str], typer.Option("--due", metavar="YYYY-MM-DD", help="Without --result: schedule a review due then.")
    ] = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Record a follow-up review (跟踪复查) of a notice problem, or schedule one (R14). Reviews are append-only.

    Examples:
      reformctl review RN-2016-002 1 --result 已完成整改 --as-of 2016-12-01
      reformctl review RN-2016-002 1 --due 2017-01-15
    """
    from ..actions import writes

    language = parse_lang(lang)
    root = resolve_root(ledger, recover=not dry_run)
    day = parse_as_of(as_of)
    due_day = _date(due, "--due", language)
    run_action(root, author, dry_run, lang=language, make=lambda: writes.review(root, notice, no, day, result, due_day))


pilot_app = typer.Typer(help="File, exit or adjust a pilot (改革试点). Each is one commit.", no_args_is_help=True)


@pilot_app.command("file")
def pilot_file(
    item: IdArg,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Record that the pilot was filed (备案) with the leading group on the as-of date (R5).

    Example: reformctl pilot file P-2016-008 --as-of 2016-09-01
    """
    from ..actions import writes

    _write(ledger, as_of, author, dry_run, lang, lambda root, day: writes.pilot_file(root, item, day))


@pilot_app.command("exit")
def pilot_exit(
    item: IdArg,
    reason: Annotated[str, typer.Option("--reason", help="Why it exits (退出原因).")],
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Exit a pilot (动态退出): status exited, exited: the as-of date, exit_reason.

    Example: reformctl pilot exit P-2016-006 --reason "试点条件发生变化"
    """
    from ..actions import writes

    _write(ledger, as_of, author, dry_run, lang, lambda root, day: writes.pilot_exit(root, item, reason, day))


@pilot_app.command("adjust")
def pilot_adjust(
    item: IdArg,
    reason: Annotated[str, typer.Option("--reason", help="What changed and why (调整原因).")],
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Adjust a pilot (动态调整): status adjusted, and {date, reason} appended to its `adjustments`.

    Example: reformctl pilot adjust P-2016-006 --reason "调整试点范围"
    """
    from ..actions import writes

    _write(
        ledger, as_of, author, dry_run, lang, lambda root, day: writes.pilot_exit(root, item, reason, day, adjust=True)
    )


def extend(
    item: IdArg,
    new_due: Annotated[str, typer.Option("--new-due", metavar="YYYY-MM-DD", help="The new deadline.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (延期理由).")],
    approver: Annotated[
        Optional[str],
        typer.Option(
            "--approver",
            help="Who approves it: given, the extension "
            "is approved at once and `due` moves; else approve later with `reformctl approve`.",
        ),
    ] = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Request a deadline extension (延期) of a task: records requested, old_due, new_due, reason (and the
    approval). An extension asked after the deadline has passed is flagged as late (逾期申请延期).

    Examples:
      reformctl extend T-2016-013 --new-due 2017-03-31 --reason "需省级部门批复" --as-of 2016-11-20
      reformctl extend T-2016-013 --new-due 2017-03-31 --reason "需省级部门批复" --approver 市委深改组
    """
    from ..actions import writes

    language = parse_lang(lang)
    root = resolve_root(ledger, recover=not dry_run)
    day = parse_as_of(as_of)
    new = _date(new_due, "--new-due", language)
    run_action(root, author, dry_run, lang=language, make=lambda: writes.extend(root, item, new, reason, day, approver))


def approve(
    item: IdArg,
    approver: Annotated[str, typer.Option("--approver", help="Who approves (审批人/单位).")],
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Approve a task's pending deadline extension: sets approver and approved, and moves `due`.

    Example: reformctl approve T-2016-013 --approver 市委深改组 --as-of 2016-11-25
    """
    from ..actions import writes

    _write(ledger, as_of, author, dry_run, lang, lambda root, day: writes.approve(root, item, approver, day))


def register(app: typer.Typer) -> None:
    app.command("progress")(progress)
    app.command("complete")(complete)
    app.command("evidence")(evidence)
    app.command("cancel")(cancel)
    app.command("rectify")(rectify)
    app.command("verify")(verify)
    app.command("review")(review)
    app.add_typer(pilot_app, name="pilot")
    app.command("extend")(extend)
    app.command("approve")(approve)
