"""`reformctl new task|pilot|notice|reminder|report|event`: create an item with the next free id (one commit)."""

from __future__ import annotations

import sys
from typing import Annotated, Any, Optional

import typer

from .common import LangOpt, LedgerOpt, fail, parse_as_of, parse_lang, resolve_root
from .storeopts import AuthorOpt, DryRunOpt, NoVerifyOpt, WriteAsOfOpt, run_action

new_app = typer.Typer(
    help="Create a task, pilot, notice, reminder, report or event with the next free id (e.g. T-2016-037), as one "
    "git commit. Missing required options are asked for when run on a terminal; otherwise they are an error "
    "(exit 2). Prints the new id.",
    no_args_is_help=True,
)

IdOpt = Annotated[Optional[str], typer.Option("--id", help="Use this id instead of the next free one.")]
YearOpt = Annotated[
    Optional[int], typer.Option("--year", help="Year in the id (and a task's `year`). Default: the year of --as-of.")
]


_OPTIONS = {"responsible_units": "--responsible", "working_team": "--team", "problems": "--problem"}


def _opt(name: str) -> str:
    return _OPTIONS.get(name) or "--" + name.replace("_", "-")


def _complete(values: dict, required: tuple[str, ...], prompts: dict[str, str], lang: str = "en") -> dict:
    """Ask for missing required values on a terminal; otherwise exit 2 naming the missing options."""
    from ..i18n.write import say

    missing = [k for k in required if values.get(k) in (None, [], ())]
    if not missing:
        return values
    if not sys.stdin.isatty():
        fail(say("missing_options", lang, options=", ".join(_opt(k) for k in missing)))
    for k in missing:
        answer = typer.prompt(prompts.get(k, k)).strip()
        if k in ("to", "responsible_units", "problems", "working_team"):
            values[k] = [a.strip() for a in answer.replace("，", ",").split(",") if a.strip()]
        else:
            values[k] = answer
    return values


def _prompts(kind: str) -> dict[str, str]:
    """What a terminal is asked for the missing fields of a new ``kind``: the Chinese and the English name."""
    from ..i18n.commands import PROMPTS

    return {code.split(".", 1)[1]: f"{t.zh} {t.en}" for code, t in PROMPTS.items() if code.startswith(kind + ".")}


def _date(value, option: str, lang: str = "en"):
    import datetime as dt

    from ..i18n.write import bad_date

    if value is None or isinstance(value, dt.date):
        return value
    try:
        day = dt.date.fromisoformat(str(value).strip())
    except ValueError:
        fail(bad_date(option, value, lang))
    from .common import in_date_range

    return in_date_range(day, option, lang)


def _run(kind: str, fields: dict, ledger, as_of, author, dry_run, item_id, year, date_fields=(), lang: str = "en"):
    from ..actions import new as writes

    root = resolve_root(ledger, recover=not dry_run)
    day = parse_as_of(as_of)
    for f in date_fields:
        fields[f] = _date(fields.get(f), _opt(f), lang)
    holder = {}

    def make():
        action, build, chosen = writes.new_item(root, kind, fields, day, item_id, year)
        holder["chosen"] = chosen
        return action, build

    run_action(root, author, dry_run, make, lang=lang)
    if not dry_run:
        sys.stdout.write(holder["chosen"]() + "\n")


@new_app.command("task")
def new_task(
    title: Annotated[Optional[str], typer.Option("--title", help="Task name (任务名称). Required.")] = None,
    lead_unit: Annotated[Optional[str], typer.Option("--lead-unit", help="Lead unit id (牵头单位). Required.")] = None,
    due: Annotated[
        Optional[str], typer.Option("--due", metavar="YYYY-MM-DD", help="Deadline (完成时限). Required.")
    ] = None,
    start: Annotated[
        Optional[str], typer.Option("--start", metavar="YYYY-MM-DD", help="Start. Default: --as-of.")
    ] = None,
    responsible: Annotated[Optional[list[str]], typer.Option("--responsible", help="Responsible unit; repeat.")] = None,
    special_group: Annotated[Optional[str], typer.Option("--special-group", help="Special group unit id.")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="A plan id or a document name.")] = None,
    major: Annotated[
        bool, typer.Option("--major", help="Annual major reform task (needs --leader, --goal, --responsible).")
    ] = False,
    leader: Annotated[Optional[str], typer.Option("--leader", help="Leading-group member in charge.")] = None,
    goal: Annotated[Optional[str], typer.Option("--goal", help="Goal (实现目标).")] = None,
    milestone: Annotated[
        Optional[list[str]],
        typer.Option(
            "--milestone",
            metavar="NAME@YYYY-MM-DD",
            help="A progress milestone (进度节点) and its deadline, e.g. '制定实施方案@2025-04-30'; repeat.",
        ),
    ] = None,
    item_id: IdOpt = None,
    year: YearOpt = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Create a reform task (status planned).

    Example: reformctl new task --title "推进科技金融结合" --lead-unit 市金融办 --due 2017-06-30 --responsible 市科技局
    --milestone "选定基金管理机构@2017-03-31"
    """
    language = parse_lang(lang)
    from ..actions import new as writes
    from ..i18n.write import localize
    from ..store import StoreError

    try:
        milestones = [writes.parse_milestone(m) for m in milestone or []]
    except StoreError as exc:
        fail(localize(exc.msg, language))
    fields: dict[str, Any] = {"title": title, "lead_unit": lead_unit, "due": due}
    required: tuple[str, ...] = ("title", "lead_unit", "due")
    if major:  # art. 6: a major task names its leader, goal and responsible units (`check`: major_task_incomplete)
        fields.update({"leader": leader, "goal": goal, "responsible_units": responsible or None})
        required += ("leader", "goal", "responsible_units")
    _complete(
        fields,
        required,
        _prompts("task"),
        language,
    )
    fields.update(
        {
            "source": source,
            "major": True if major else None,
            "leader": fields.get("leader", leader),
            "goal": fields.get("goal", goal),
            "responsible_units": fields.get("responsible_units") or responsible or None,
            "special_group": special_group,
            "start": start,
            "milestones": milestones or None,
        }
    )
    _run("task", fields, ledger, as_of, author, dry_run, item_id, year, ("due", "start"), lang=language)


@new_app.command("pilot")
def new_pilot(
    title: Annotated[Optional[str], typer.Option("--title", help="Pilot name. Required.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Unit running it. Required.")] = None,
    end: Annotated[Optional[str], typer.Option("--end", metavar="YYYY-MM-DD", help="End of term. Required.")] = None,
    start: Annotated[
        Optional[str], typer.Option("--start", metavar="YYYY-MM-DD", help="Start. Default: --as-of.")
    ] = None,
    plan: Annotated[Optional[str], typer.Option("--plan", help="Plan id it belongs to.")] = None,
    lead_leader: Annotated[
        Optional[str], typer.Option("--lead-leader", help="Lead leader (一名牵头领导). Required.")
    ] = None,
    promotion_plan: Annotated[
        Optional[str], typer.Option("--promotion-plan", help="Promotion plan (一个推进方案). Required.")
    ] = None,
    team: Annotated[
        Optional[list[str]], typer.Option("--team", help="Working team member (工作班子); repeat. Required.")
    ] = None,
    item_id: IdOpt = None,
    year: YearOpt = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Create a pilot (status active).

    Example: reformctl new pilot --title "金融服务综合改革试点" --unit 市金融办 --end 2017-12-31 --lead-leader 张三
             --promotion-plan 推进方案 --team 市金融办
    """
    language = parse_lang(lang)
    # art. 8: one lead leader, one promotion plan, one working team (`check`: pilot_incomplete)
    fields: dict[str, Any] = {
        "title": title,
        "unit": unit,
        "end": end,
        "lead_leader": lead_leader,
        "promotion_plan": promotion_plan,
        "working_team": team or None,
    }
    _complete(
        fields,
        ("title", "unit", "end", "lead_leader", "promotion_plan", "working_team"),
        _prompts("pilot"),
        language,
    )
    fields.update({"plan": plan, "start": start})
    _run("pilot", fields, ledger, as_of, author, dry_run, item_id, year, ("end", "start"), lang=language)


@new_app.command("notice")
def new_notice(
    to_unit: Annotated[Optional[str], typer.Option("--to-unit", help="Unit it is sent to. Required.")] = None,
    problem: Annotated[
        Optional[list[str]],
        typer.Option(
            "--problem",
            metavar="'YYYY-MM-DD DESCRIPTION [@UNIT]'",
            help="A problem with its deadline (and responsible unit); repeat. At least one.",
        ),
    ] = None,
    issued_by: Annotated[
        str,
        typer.Option(
            "--issued-by",
            help="Issuing unit (发文单位). Default: the ledger's reform office (the one unit of type "
            "reform_office in units.yaml); required when there is none or more than one.",
        ),
    ] = "",
    issued: Annotated[Optional[str], typer.Option("--issued", metavar="YYYY-MM-DD", help="Default: --as-of.")] = None,
    subject: Annotated[Optional[str], typer.Option("--subject", help="Subject (事由).")] = None,
    item_id: IdOpt = None,
    year: YearOpt = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Create a rectification notice (整改督办通知) with its problem list (R14).

    Example: reformctl new notice --to-unit 锦江区委 --issued-by 市委深改办 --problem "2016-12-31 台账更新不及时"
    """
    language = parse_lang(lang)
    from ..actions import new as writes
    from ..i18n.write import localize
    from ..store import StoreError

    if not issued_by:
        issued_by = _default_issuer(ledger, language)
    fields: dict[str, Any] = {"to_unit": to_unit, "problems": problem or None, "issued_by": issued_by or None}
    _complete(
        fields,
        ("to_unit", "problems", "issued_by"),
        _prompts("notice"),
        language,
    )
    try:
        fields["problems"] = [writes.parse_problem(p) for p in fields["problems"]]
    except StoreError as exc:
        fail(localize(exc.msg, language))
    fields.update({"subject": subject, "issued": issued})
    from ..actions import new as _w

    groups = _w.units_of_type(resolve_root(ledger), "leading_group")
    if len(groups) == 1:  # the rectification analysis is reported to the leading group (R14)
        fields["report_to"] = groups
    _run("notice", fields, ledger, as_of, author, dry_run, item_id, year, ("issued",), lang=language)


def _default_issuer(ledger, lang: str) -> str:
    """The ledger's one reform office; off a terminal, none or several is an error saying why."""
    from ..actions import new as writes
    from ..i18n.text import T
    from ..i18n.write import Msg, say

    offices = writes.reform_offices(resolve_root(ledger))
    if len(offices) == 1:
        return offices[0]
    if sys.stdin.isatty():
        return ""  # asked for like any missing option
    why = (("issued_by_none",) if not offices else ("issued_by_many",))[0]
    fail(
        say(
            "issued_by_required",
            lang,
            why=Msg(why, units=T(", ".join(offices), "、".join(offices))),
        )
    )
    return ""


@new_app.command("reminder")
def new_reminder(
    plan: Annotated[Optional[str], typer.Option("--plan", help="Upper-level plan (id or name). Required.")] = None,
    to: Annotated[Optional[list[str]], typer.Option("--to", help="Unit notified; repeat. Required.")] = None,
    report_due: Annotated[
        Optional[str],
        typer.Option("--report-due", metavar="YYYY-MM-DD", help="Deadline for their report (R10). Required."),
    ] = None,
    issued: Annotated[Optional[str], typer.Option("--issued", metavar="YYYY-MM-DD", help="Default: --as-of.")] = None,
    subject: Annotated[Optional[str], typer.Option("--subject", help="Subject (事由).")] = None,
    item_id: IdOpt = None,
    year: YearOpt = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Create a supervision reminder (督办提示通知, R10).

    Example: reformctl new reminder --plan PL-2016-002 --to 市发改委 --to 市科技局 --report-due 2016-12-15
    """
    language = parse_lang(lang)
    fields: dict[str, Any] = {"plan": plan, "to": to or None, "report_due": report_due}
    _complete(
        fields,
        ("plan", "to", "report_due"),
        _prompts("reminder"),
        language,
    )
    fields.update({"issued": issued, "subject": subject})
    _run("reminder", fields, ledger, as_of, author, dry_run, item_id, year, ("report_due", "issued"), lang=language)


@new_app.command("report")
def new_report(
    unit: Annotated[Optional[str], typer.Option("--unit", help="Reporting unit. Required.")] = None,
    quarter: Annotated[
        Optional[str], typer.Option("--quarter", metavar="YYYYQN", help="e.g. 2016Q4. Required.")
    ] = None,
    submitted: Annotated[
        Optional[str], typer.Option("--submitted", metavar="YYYY-MM-DD", help="Default: --as-of.")
    ] = None,
    to: Annotated[Optional[str], typer.Option("--to", help="Unit reported to.")] = None,
    summary: Annotated[Optional[str], typer.Option("--summary", help="Summary (内容摘要).")] = None,
    item_id: IdOpt = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Record a quarterly report (季报, R15); the id is R-<quarter>-NNN.

    Example: reformctl new report --unit 市发改委 --quarter 2016Q4 --to 全面创新改革专项小组 --as-of 2017-01-08
    """
    language = parse_lang(lang)
    import re

    fields: dict[str, Any] = {"unit": unit, "quarter": quarter}
    _complete(fields, ("unit", "quarter"), _prompts("report"), language)
    if not re.match(r"^\d{4}Q[1-4]$", str(fields["quarter"])):
        from ..i18n.write import say

        fail(say("quarter_format", language, value=fields["quarter"]))
    fields.update({"submitted": submitted, "to": to, "summary": summary})
    _run("report", fields, ledger, as_of, author, dry_run, item_id, None, ("submitted",), lang=language)


@new_app.command("event")
def new_event(
    kind: Annotated[
        Optional[str],
        typer.Option(
            "--kind",
            help="group_meeting | self_assessment | training | "
            "onsite_meeting | press_conference | ledger_inspection | evaluation. Required.",
        ),
    ] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Unit that held it. Required.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="Default: --as-of.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Title.")] = None,
    plan: Annotated[
        Optional[list[str]], typer.Option("--plan", help="Plan evaluated or self-assessed; repeat.")
    ] = None,
    item_id: IdOpt = None,
    year: YearOpt = None,
    ledger: LedgerOpt = None,
    as_of: WriteAsOfOpt = None,
    author: AuthorOpt = None,
    dry_run: DryRunOpt = False,
    no_verify: NoVerifyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Record a meeting, training, inspection, evaluation or press conference (R1-R3, R6-R8, R12).

    Example: reformctl new event --kind training --unit 市委深改办 --title 全市改革业务培训 --as-of 2016-11-10
    """
    language = parse_lang(lang)
    fields: dict[str, Any] = {"kind": kind, "unit": unit}
    _complete(fields, ("kind", "unit"), _prompts("event"), language)
    fields.update({"date": date, "title": title, "plans": plan or None})
    _run("event", fields, ledger, as_of, author, dry_run, item_id, year, ("date",), lang=language)


def register(app: typer.Typer) -> None:
    app.add_typer(new_app, name="new")
