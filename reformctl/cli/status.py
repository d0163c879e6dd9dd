"""`reformctl status`: overdue and due-soon items with traffic lights (红灯/黄灯)."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .common import (
    said,
    EXIT_FINDINGS,
    EXIT_OK,
    AsOfOpt,
    LangOpt,
    LedgerOpt,
    NoCacheOpt,
    err,
    fail,
    no_cache_flag,
    parse_as_of,
    parse_lang,
    refuse_broken,
    resolve_root,
)


class StatusFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Light(str, Enum):
    red = "red"
    yellow = "yellow"


MembersOpt = Annotated[
    bool,
    typer.Option(
        "--members",
        help="Also the members' ledgers (reformctl.yaml `members:`), each read at the commit `reformctl "
        "fetch` brought, and the upper-level rules about them (docking_missing, member_stale, member_invalid, delegated "
        "tasks). Adds a member column (JSON and CSV: `member` and `commit`, null for the ledger's own findings).",
    ),
]
MemberOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--member",
        metavar="UNIT",
        show_default=False,
        help="With --members: only the findings of this member (its unit id). Repeatable, or commas.",
    ),
]
UnitOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--unit",
        "-u",
        metavar="UNIT",
        show_default=False,
        help="Only findings of this unit (its id in units.yaml). Repeat or separate by commas for several.",
    ),
]
KindOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--kind",
        "-k",
        metavar="KIND",
        show_default=False,
        help="Only this kind: task, pilot, notice, plan, reminder, report, event, case, unit, year. Repeatable, "
        "or commas.",
    ),
]
RuleOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--rule",
        "-r",
        metavar="CODE",
        show_default=False,
        help="Only this rule code, e.g. task_overdue, report_missing. Repeatable, or commas.",
    ),
]


def _split(values: Optional[list[str]]) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.replace("，", ",").split(",") if x.strip())
    return out


def _filters(unit_ids, units, kinds, rules) -> tuple[list[str], list[str], list[str]]:
    u, k, r = _split(units), _split(kinds), _split(rules)
    if k or r:  # the rule registry (and with it every record class) only when there is something to check
        from ..rules.findings import KINDS, all_rules, rule_codes

        known = list(dict.fromkeys([*KINDS, *(x.kind for x in all_rules().values())]))
        bad = [x for x in k if x not in known]
        if bad:
            fail(said("unknown_kinds", bad=", ".join(bad), known=", ".join(known)))
        codes = rule_codes()
        bad = [x for x in r if x not in codes]
        if bad:
            fail(said("unknown_rules", bad=", ".join(bad), known=", ".join(codes)))
    bad = [x for x in u if x not in unit_ids]
    if bad:
        fail(said("unknown_units", bad=", ".join(bad)))
    return u, k, r


def status(
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    unit: UnitOpt = None,
    kind: KindOpt = None,
    rule: RuleOpt = None,
    light: Annotated[
        Optional[list[Light]],
        typer.Option(
            "--light", "-l", show_default=False, help="Only red (overdue) or only yellow (due soon) findings."
        ),
    ] = None,
    fmt: Annotated[
        StatusFormat,
        typer.Option(
            "--format",
            "-f",
            help="table for people; json (one array of {id, kind, rule, due, days, light, unit, "
            "message, ...}); csv with a header.",
        ),
    ] = StatusFormat.table,
    lang: LangOpt = None,
    fail_on: Annotated[
        Optional[Light],
        typer.Option(
            "--fail-on",
            show_default=False,
            help="Exit 1 when a finding shown has this light or worse: red, or yellow (red or yellow). For CI.",
        ),
    ] = None,
    no_cache: NoCacheOpt = False,
    members: MembersOpt = False,
    member: MemberOpt = None,
    history: Annotated[
        bool,
        typer.Option(
            "--history",
            help="Instead of what is due: what was filed late, with days late (quarterly reports, "
            "pilot filings, reminder answers, filed on or before --as-of). --all-filings lists those on time "
            "too.",
        ),
    ] = False,
    all_filings: Annotated[
        bool, typer.Option("--all-filings", help="With --history: every filing judged, on time or late.")
    ] = False,
) -> None:
    """Overdue (red, 红灯) and due-soon (yellow, 黄灯) items and obligations, with the unit that must act.

    Example: reformctl status --as-of 2016-12-31 --unit 市财政局 --lang zh

    `days` is positive when late, negative when not yet due. Due today is
    yellow (days 0), red from the next day; yellow starts `rules.due_soon_days`
    (reformctl.yaml, default 14) before the deadline. Sorted red first, then by
    days late. The rules are listed in the README (Deadlines and traffic lights).

    A report filed late stays late on the record: `--history` lists what was
    filed after its deadline and by how many days (json: {id, kind, rule, due,
    filed, days_late, late, unit, ref, title, message}).

    Exit 0 whatever is found unless --fail-on is given; 1 when the ledger has
    errors (run `reformctl check`); 2 on bad options or an unusable ledger.
    """
    from .. import api

    language = parse_lang(lang)  # first: a bad --as-of is worded in this language
    day = parse_as_of(as_of)
    root = resolve_root(ledger)
    if all_filings and not history:
        fail(said("all_filings_history"))
    if history:
        _history(root, day, language, fmt, unit, kind, no_cache, all_filings)
        raise typer.Exit(EXIT_OK)
    if members or member:
        _status_members(root, day, language, _split(member), unit, kind, rule, light, fmt, fail_on, no_cache)
    try:
        data = api.status_data(
            root, day, cache=no_cache_flag(no_cache), json_lang=language if fmt is StatusFormat.json else None
        )
    except api.LedgerHasErrors as exc:
        refuse_broken(root, exc.result)
    units, kinds, rules = _filters(data.unit_ids, unit, kind, rule)
    picked = data.select(units=units, kinds=kinds, rules=rules, lights=[x.value for x in light or []])
    if fmt is StatusFormat.json:
        data.write_json(picked, language, sys.stdout)
    elif fmt is StatusFormat.csv:
        from ..views import status as view

        view.render_csv(data.findings(picked), sys.stdout, language)
    else:
        from ..views import status as view
        from ..views.console import stdout_console

        view.render_table(data.findings(picked), stdout_console(), language, day)
    if data.note_rows:
        from ..views.status import render_notes

        render_notes(data.notes(kinds=kinds, rules=rules), err, language)
    if not as_of:
        _stale_hint(root, data, picked, day, language, no_cache)
    from ..rules.findings import LIGHT_ORDER

    limit = LIGHT_ORDER[fail_on.value] if fail_on is not None else -1
    worst = min((LIGHT_ORDER.get(x, 9) for x in data.lights(picked)), default=9)
    raise typer.Exit(EXIT_FINDINGS if worst <= limit else EXIT_OK)


def _status_members(root, day, language, only, unit, kind, rule, light, fmt, fail_on, no_cache) -> None:
    """`status --members`: the roll-up of the ledger and its fetched members."""
    from ..rules.findings import LIGHT_ORDER, select
    from ..store.rollup import roll_up
    from ..views import status as view
    from .common import load_or_fail
    from .fetch import pick_members

    answers = None
    if fmt is StatusFormat.json:
        answers = _members_answer(root, day, language, only, unit, kind, rule, light, fail_on, no_cache)
    res = load_or_fail(root, cache=no_cache_flag(no_cache))
    pick_members(res.ledger.settings, only, language)  # exit 2 on a unit that is not a member
    extra = view.member_extra
    if fmt is StatusFormat.json:
        _members_json(root, res.ledger, day, language, only, unit, kind, rule, light, fail_on, no_cache, answers)
    up = roll_up(root, res.ledger, day, only, cache=no_cache_flag(no_cache))
    units, kinds, rules = _filters(up.unit_ids, unit, kind, rule)
    picked = select(up.findings, units=units, kinds=kinds, rules=rules, lights=[x.value for x in light or []])
    if fmt is StatusFormat.csv:
        view.render_csv(picked, sys.stdout, language, extra_fields=("member", "commit"), extra=extra)
    else:
        from ..views.console import stdout_console

        view.render_table(picked, stdout_console(), language, day, member_column=True)
    if up.notes:
        from ..rules.findings import select_notes

        view.render_notes(select_notes(up.notes, kinds=kinds, rules=rules), err, language)
    limit = LIGHT_ORDER[fail_on.value] if fail_on is not None else -1
    worst = min((LIGHT_ORDER.get(f.light, 9) for f in picked), default=9)
    raise typer.Exit(EXIT_FINDINGS if worst <= limit else EXIT_OK)


def _members_answer(root, day, language, only, unit, kind, rule, light, fail_on, no_cache):
    """The whole JSON answer remembered for these options, the ledger as it is and the members' fetched commits
    (:mod:`reformctl.store.answers`): written, and the command ends. Else the memo and the key to remember the
    answer under, once computed."""
    from ..store.answers import open_answers, recall

    memo = open_answers(root, no_cache_flag(no_cache))
    key = (
        "json",
        day.isoformat(),
        language,
        tuple(only),
        *(tuple(x or ()) for x in (unit, kind, rule)),
        tuple(x.value for x in light or []),
    )
    hit = recall(memo, key)
    if hit is None:
        return memo, key
    from ..rules.findings import LIGHT_ORDER
    from ..views.jsonfast import Fragments

    Fragments(hit.body, hit.ends).write(list(range(len(hit.ends))), sys.stdout)
    for line in hit.notes:
        err(line)
    limit = LIGHT_ORDER[fail_on.value] if fail_on is not None else -1
    raise typer.Exit(EXIT_FINDINGS if hit.worst <= limit else EXIT_OK)


def _members_json(root, upper, day, language, only, unit, kind, rule, light, fail_on, no_cache, answers) -> None:
    """`status --members --format json`: each source's findings rendered once and remembered with its commit
    (an unchanged member's JSON is written as it was, no finding built), merged in the order of the findings;
    the whole answer remembered too (``answers``: the memo and the key from :func:`_members_answer`)."""
    from itertools import accumulate

    from ..rules.findings import LIGHT_ORDER
    from ..store.answers import Answer, remember
    from ..store.member_store import store_of
    from ..store.rollup import roll_up
    from ..views import status as view
    from ..views.jsonfast import Fragments

    def render(findings) -> tuple[bytes, list[int]]:
        done = Fragments.of(view.json_fragments(findings, language, extra=view.member_extra))
        return done.blob, done.ends

    up = roll_up(root, upper, day, only, cache=no_cache_flag(no_cache), render=render, render_tag=f"json {language}")
    units, kinds, rules = _filters(up.unit_ids, unit, kind, rule)
    u, k, r, li = (set(x) if x else None for x in (units, kinds, rules, [x.value for x in light or []]))
    parts = up.rendered or []
    picked = up.merged()
    if not (u is None and k is None and r is None and li is None):
        picked = [
            (n, i)
            for n, i in picked
            if (u is None or parts[n].keys[i][0] in u)
            and (k is None or parts[n].keys[i][1] in k)
            and (r is None or parts[n].keys[i][2] in r)
            and (li is None or parts[n].keys[i][3] in li)
        ]
    blobs, offsets = [p.blob for p in parts], [p.ends for p in parts]
    pieces = [blobs[n][(offsets[n][i - 1] + 2 if i else 0) : offsets[n][i]] for n, i in picked]  # (Rendered.ends)
    ends = [at - 2 for at in accumulate(len(p) + 2 for p in pieces)]
    body = b",\n".join(pieces)
    Fragments(body, ends).write(list(range(len(pieces))), sys.stdout)
    notes: list[str] = []
    if up.notes:
        from ..rules.findings import select_notes

        view.render_notes(select_notes(up.notes, kinds=kinds, rules=rules), notes.append, language)
    for line in notes:
        err(line)
    limit = LIGHT_ORDER[fail_on.value] if fail_on is not None else -1
    worst = min((LIGHT_ORDER.get(parts[n].keys[i][3], 9) for n, i in picked), default=9)
    if answers is not None:
        memo, key = answers
        members = [m for m in upper.settings.members if not only or m.unit in only]
        if [m.unit for m in members] == [v.unit for v in up.views]:
            stores = [store_of(root, m) for m in members]
            remember(memo, key, stores, [v.commit for v in up.views], Answer(body, ends, tuple(notes), worst))
    raise typer.Exit(EXIT_FINDINGS if worst <= limit else EXIT_OK)


def _stale_hint(root, data, picked: list[int], day, language: str, no_cache: bool) -> None:
    """Computed for today on a ledger whose records end long before, the red list is mostly obligations never
    met since then: say so, where the records end, and how to see the status as of then (on stderr)."""
    from .. import api
    from ..i18n.digest import text
    from ..rules.recorded import dominant, stale

    if not any(light == "red" for light in data.lights(picked)):
        return
    if data.rows is None and data.objects is None:  # remembered as JSON only: the same findings as rows
        data = api.status_data(root, day, cache=no_cache_flag(no_cache))
    red = [f for f in data.findings(picked) if f.light == "red"]
    if not stale([f.days for f in red]):
        return
    last = api.latest_record_date(root, day, cache=no_cache_flag(no_cache))
    if last is None or (day - last).days <= 365:
        return
    num = (lambda n: str(n)) if language == "zh" else (lambda n: f"{n:,}")  # noqa: E731
    n, rules, since = dominant([(f.rule, f.due) for f in red], after=last)
    if n * 2 >= len(red) and rules:
        what = text("and", language).join(text(f"obligation_{r}", language) for r in rules)
        err(text("stale_hint", language, n=num(n), total=num(len(red)), what=what, since=since, last=last.isoformat()))
    else:
        err(
            text(
                "stale_hint_plain", language, total=num(len(red)), last=last.isoformat(), years=(day - last).days // 365
            )
        )


def _history(root, day, language, fmt, unit, kind, no_cache, everything: bool = False) -> None:
    from ..rules import lateness
    from ..views import history as view
    from .common import load_or_fail

    led = load_or_fail(root, no_cache_flag(no_cache)).ledger
    units, kinds = _split(unit), _split(kind)
    bad = [x for x in units if x not in led.units]
    if bad:
        fail(said("unknown_units", bad=", ".join(bad)))
    bad = [x for x in kinds if x not in lateness.KINDS]
    if bad:
        fail(said("history_kinds", bad=", ".join(bad), known=", ".join(lateness.KINDS)))
    items = lateness.filings(led, day) if everything else lateness.late(led, day)
    items = [f for f in items if (not units or f.unit in units) and (not kinds or f.kind in kinds)]
    if fmt is StatusFormat.json:
        view.render_json(items, sys.stdout, language)
    elif fmt is StatusFormat.csv:
        view.render_csv(items, sys.stdout, language)
    else:
        from ..views.console import stdout_console

        view.render_table(items, stdout_console(), language, day)


def register(app: typer.Typer) -> None:
    app.command("status")(status)
