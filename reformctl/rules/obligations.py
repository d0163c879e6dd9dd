"""Period obligations (quarters, half-years, years): who owes what, by when, and whether it was met.

Pure functions, no I/O. A period owes its obligations only if it ends on or after the ledger's ``start``
(a quarter that began before the start but ends after it owes in full). Records dated after ``as_of`` do not
count (they had not happened yet).

| rule | period | who owes | due | met by |
|---|---|---|---|---|
| ``report_missing`` (R15) | quarter | every lead unit of a task open in the quarter, every special group | quarter end + ``report_due_days`` | a ``reports/`` record of that unit and quarter |
| ``meeting_missing`` (R1) | quarter | every special group | quarter's last day | a ``group_meeting`` event of that unit in the quarter |
| ``self_assessment_missing`` (R2) | half-year | the special group of each plan issued before the half-year began and not closed within it | half-year's last day | a ``self_assessment`` event in the half-year listing the plan (or held by the group with no ``plans``) |
| ``training_missing`` (R3) | year | the reform office | 31 Dec | 2 ``training`` events |
| ``onsite_meeting_missing`` (R6) | year | the reform office | 31 Dec | 2 ``onsite_meeting`` events |
| ``press_conference_missing`` (R7) | year | the reform office | 31 Dec | 1 ``press_conference`` event |
| ``inspection_missing`` (R12) | year | the reform office | 31 Dec | 2 ``ledger_inspection`` events |
| ``demonstration_missing`` (art. 9) | year | the reform office | 31 Dec | a ``cases/`` demonstration point listed that year |
| ``work_points_missing`` (art. 1) | year | the reform office | 31 Dec + ``year_grace_days`` | a task of that year (``year``, else its deadline's year): the year's work points and ledger |
| ``major_list_missing`` (art. 6) | year | the reform office | 31 Dec + ``year_grace_days`` | a major task (``major: true``) of that year |
| ``promotion_list_missing`` (art. 9) | year | the reform office | 31 Dec + ``year_grace_days`` | a case with the year in ``promoted`` |
| ``case_book_missing`` (art. 9) | year | the reform office | 31 Dec + ``year_grace_days`` | a case with the year in ``compiled`` |
| ``closeout_missing`` (art. 13) | year | the reform office | 31 Dec + ``year_grace_days`` | ``closeouts/<year>.yaml`` |
| ``evaluation_due`` (R8) | year | the reform office, for each plan of the ledger's level issued on or before 30 June (more than half a year before 31 Dec) and not closed that year | 31 Dec | an ``evaluation`` event that year listing the plan |

The yearly counts (R3, R6, R7, R12) count events held by the ledger's own bodies (units of type
``reform_office`` or ``leading_group``). A task is open in a quarter when it started on or before the quarter's
last day, is not cancelled and was not completed before the quarter's first day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from ..model import Ledger
from ..model.lifecycle import task_open_between
from ..model.records import CaseKind, EventKind, TaskStatus, UnitType
from .dates import Period, add_days, parse_period, periods
from .findings import Ctx, rule
from .ledger_view import View as _View


@dataclass(frozen=True)
class Obligation:
    """One obligation of one unit for one period; ``met`` tells whether the ledger shows it done.

    ``id``/``kind`` are what a finding would carry (the period for reports and events, the plan for R2 and
    R8); ``count``/``need`` are the numbers for counted obligations (1/1 otherwise); ``by`` lists the ids of
    the records that meet it.
    """

    rule: str
    unit: str
    period: str
    due: dt.date
    met: bool
    kind: str
    id: str
    ref: str = ""
    need: int = 1
    count: int = 0
    title: str = ""
    by: tuple[str, ...] = field(default=())

    def args(self) -> dict:
        return {"year": self.period[:4], "count": self.count, "need": self.need}


YEARLY: dict[str, tuple[EventKind, int]] = {  # rule: (event kind, how many a year)
    "training_missing": (EventKind.training, 2),  # R3
    "onsite_meeting_missing": (EventKind.onsite_meeting, 2),  # R6
    "press_conference_missing": (EventKind.press_conference, 1),  # R7
    "inspection_missing": (EventKind.ledger_inspection, 2),  # R12
}


def task_open_in(t, period: Period) -> bool:
    """Open at some time in the period (:func:`reformctl.model.lifecycle.task_open_between`)."""
    return task_open_between(t, period.first, period.last)


def task_projection(t) -> tuple:
    """Everything the obligations read of a task: what makes it open in a period (cancelled, start, completion),
    its lead unit, its year (else its deadline's) and whether it is major. An edit that leaves this unchanged
    leaves every obligation as it was (`status` relies on it to re-judge only an edited task: a test edits tasks
    at random and compares with the whole evaluation)."""
    return (t.lead_unit, t.status is TaskStatus.cancelled, t.start, t.completed, t.year or t.due.year, bool(t.major))


def _reports(v: _View, q: Period) -> Iterator[Obligation]:
    if q.kind != "quarter" or not v.owes(q):
        return
    owing = {u for u, tasks in v.tasks_by_lead_unit().items() if any(task_open_in(t, q) for t in tasks)}
    owing.update(v.units_of(UnitType.special_group))
    filed: dict[str, list[str]] = {}
    for rid, r in v.L.reports.items():
        if r.quarter == q.name and v.ok(r.submitted):
            filed.setdefault(r.unit, []).append(rid)
    due = add_days(q.last, v.L.settings.rules.report_due_days if v.L.settings else 10)
    for u in sorted(owing):
        by = tuple(sorted(filed.get(u, ())))
        yield Obligation("report_missing", u, q.name, due, bool(by), "report", q.name, count=min(len(by), 1), by=by)


def _meetings(v: _View, q: Period) -> Iterator[Obligation]:
    if q.kind != "quarter" or not v.owes(q):
        return
    held: dict[str, list[str]] = {}
    for eid, e in v.events(EventKind.group_meeting, q):
        held.setdefault(e.unit, []).append(eid)
    for g in v.units_of(UnitType.special_group):
        by = tuple(sorted(held.get(g, ())))
        yield Obligation("meeting_missing", g, q.name, q.last, bool(by), "event", q.name, count=min(len(by), 1), by=by)


def _self_assessments(v: _View, h: Period) -> Iterator[Obligation]:
    if h.kind != "half" or not v.owes(h):
        return
    events = list(v.events(EventKind.self_assessment, h))
    for pid, p in v.L.plans.items():
        if p.special_group is None or p.issued is None or not p.status.is_issued:
            continue
        if p.issued >= h.first or (p.closed is not None and p.closed <= h.last):
            continue
        by = tuple(sorted(eid for eid, e in events if pid in e.plans or (not e.plans and e.unit == p.special_group)))
        yield Obligation(
            "self_assessment_missing",
            p.special_group,
            h.name,
            h.last,
            bool(by),
            "plan",
            pid,
            ref=pid,
            count=min(len(by), 1),
            title=p.title,
            by=by,
        )


def _yearly(v: _View, y: Period) -> Iterator[Obligation]:
    if y.kind != "year" or not v.owes(y):
        return
    own = set(v.units_of(UnitType.reform_office, UnitType.leading_group))
    for code, (kind, need) in YEARLY.items():
        by = tuple(sorted(eid for eid, e in v.events(kind, y) if e.unit in own))
        yield Obligation(
            code, v.office, y.name, y.last, len(by) >= need, "event", y.name, need=need, count=len(by), by=by
        )


def _demonstrations(v: _View, y: Period) -> Iterator[Obligation]:
    """Art. 9: at least one batch of demonstration points (示范点位) listed each year."""
    if y.kind != "year" or not v.owes(y):
        return
    by = tuple(
        sorted(
            cid
            for cid, c in v.L.cases.items()
            if c.kind is CaseKind.demonstration_point and c.listed in y and v.ok(c.listed)
        )
    )
    yield Obligation("demonstration_missing", v.office, y.name, y.last, bool(by), "case", y.name, count=len(by), by=by)


def _year_records(v: _View, y: Period) -> Iterator[Obligation]:
    """Art. 1, 6, 9, 13: each year has its work points and ledger, its major-task list, its promotion list and case
    book, and its close-out. The seed dates none of them; a year is judged once it has ended and a grace period
    (``year_grace_days``, the tool's choice) has passed."""
    if y.kind != "year" or not v.owes(y):
        return
    grace = v.L.settings.rules.year_grace_days if v.L.settings else 31
    due = add_days(y.last, grace)
    for code, by in _year_listed(
        v, y.first.year
    ).items():  # kind "year": what is missing is a record of the year, not one item
        yield Obligation(code, v.office, y.name, due, bool(by), "year", y.name, count=len(by), by=by)


def _year_listed(v: _View, year: int) -> dict[str, tuple[str, ...]]:
    """What the records of ``year`` list, per code of :data:`YEAR_RECORDS` (computed once per view and year: each
    of the five codes asks)."""
    memo: dict[int, dict[str, tuple[str, ...]]] = v.__dict__.setdefault("_year_listed", {})
    if year not in memo:
        tasks = v.tasks_of_year(year)
        memo[year] = {
            "work_points_missing": tuple(sorted(tid for tid, _t in tasks)),
            "major_list_missing": tuple(sorted(tid for tid, t in tasks if t.major)),
            "promotion_list_missing": tuple(sorted(cid for cid, c in v.L.cases.items() if year in c.promoted)),
            "case_book_missing": tuple(sorted(cid for cid, c in v.L.cases.items() if year in c.compiled)),
            "closeout_missing": (str(year),) if str(year) in v.L.closeouts else (),
        }
    return memo[year]


YEAR_RECORDS = (
    "work_points_missing",
    "major_list_missing",
    "promotion_list_missing",
    "case_book_missing",
    "closeout_missing",
)


def _evaluations(v: _View, y: Period) -> Iterator[Obligation]:
    if y.kind != "year" or not v.owes(y):
        return
    level = v.L.settings.level.value if v.L.settings else None
    half_year_before = dt.date(y.first.year, 6, 30)
    events = list(v.events(EventKind.evaluation, y))
    for pid, p in v.L.plans.items():
        if p.issued is None or not p.status.is_issued:
            continue
        if level is not None and p.level.value != level:
            continue
        if p.issued > half_year_before or (p.closed is not None and p.closed <= y.last):
            continue
        by = tuple(sorted(eid for eid, e in events if pid in e.plans))
        yield Obligation(
            "evaluation_due",
            v.office,
            y.name,
            y.last,
            bool(by),
            "plan",
            pid,
            ref=pid,
            count=min(len(by), 1),
            title=p.title,
            by=by,
        )


GENERATORS: dict[str, tuple[str, Callable[[_View, Period], Iterator[Obligation]]]] = {
    "report_missing": ("quarter", _reports),
    "meeting_missing": ("quarter", _meetings),
    "self_assessment_missing": ("half", _self_assessments),
    "evaluation_due": ("year", _evaluations),
    **{code: ("year", _yearly) for code in YEARLY},
    "demonstration_missing": ("year", _demonstrations),
    **{code: ("year", _year_records) for code in YEAR_RECORDS},
}


def _generate(
    ledger: Ledger,
    as_of: Optional[dt.date],
    kinds_periods: Iterable[tuple[str, Period]],
    codes: Optional[set[str]] = None,
    view: Optional[_View] = None,
) -> list[Obligation]:
    v = view if view is not None and view.L is ledger and view.as_of == as_of else _View(ledger, as_of)
    out: list[Obligation] = []
    seen_fns: set[tuple[int, str]] = set()
    for kind, p in kinds_periods:
        for _code, (pkind, fn) in GENERATORS.items():
            if pkind != kind or (id(fn), p.name) in seen_fns:
                continue
            seen_fns.add((id(fn), p.name))
            out.extend(o for o in fn(v, p) if codes is None or o.rule in codes)
    return out


def obligations(ledger: Ledger, period: Union[str, Period], as_of: Optional[dt.date] = None) -> list[Obligation]:
    """Every obligation whose period ends inside ``period`` (``2016Q4`` gives the quarter's reports and
    meetings, the second half-year's self-assessments and the year's counts and evaluations), met or not,
    judged on the records dated on or before ``as_of`` (all records when None). Sorted by due, rule, unit, id.
    """
    p = parse_period(period) if isinstance(period, str) else period
    pairs = [(k, q) for k in ("quarter", "half", "year") for q in periods(k, p.first, p.last) if q.last in p]
    return sorted(_generate(ledger, as_of, pairs), key=lambda o: (o.due, o.rule, o.unit, o.id))


def owed(ctx: Ctx, code: str) -> list[Obligation]:
    """The obligations of ``code`` that can give a finding as of ``ctx.as_of``: periods from the ledger's start
    whose deadline is not beyond the window."""
    kind = GENERATORS[code][0]
    last = ctx.periodic_last_day
    by_code = ctx.shared.get(f"obligations.{kind}")
    if by_code is None:  # every code of a period kind from one pass: a generator gives several codes at once
        view = ctx.shared.get("obligations.view")
        if view is None:  # one view for every code: its indexes (tasks by unit and year, events by kind) built once
            view = ctx.shared["obligations.view"] = _View(ctx.ledger, ctx.as_of)
        pairs = [(kind, p) for p in periods(kind, ctx.start, last)]
        by_code = ctx.shared[f"obligations.{kind}"] = {}
        for o in _generate(ctx.ledger, ctx.as_of, pairs, None, view):
            by_code.setdefault(o.rule, []).append(o)
    return [o for o in by_code.get(code, ()) if o.due <= last]


def _emit_unmet(ctx: Ctx, code: str) -> None:
    for o in owed(ctx, code):
        if not o.met:
            args = o.args()
            plan = ctx.ledger.plans.get(o.id) if o.kind == "plan" else None
            if plan is not None and plan.issued is not None:
                args["issued"] = plan.issued.isoformat()
            ctx.emit(
                code,
                o.kind,
                o.id,
                o.due,
                o.unit,
                title=o.title,
                ref=o.ref,
                period=o.period,
                file=ctx.ledger.file_of(o.kind, o.id) if o.kind == "plan" else "",
                **args,
            )


def _register(code: str, kind: str, article: str, doc: str) -> None:
    def fn(ctx: Ctx) -> None:
        _emit_unmet(ctx, code)

    fn.__doc__ = doc
    fn.__name__ = code
    rule(code, kind, article)(fn)


_register(
    "report_missing",
    "report",
    "R15",
    "R15: each quarter every lead unit with an open task, and every special group, files a quarterly report "
    "within report_due_days after the quarter ends.",
)
_register("meeting_missing", "event", "R1", "R1: every special group meets at least once a quarter.")
_register(
    "self_assessment_missing",
    "plan",
    "R2",
    "R2: every half-year, a special group self-assesses each issued plan it leads.",
)
_register("training_missing", "event", "R3", "R3: the office runs at least 2 concentrated trainings a year.")
_register("onsite_meeting_missing", "event", "R6", "R6: at least 2 on-site or experience-exchange meetings a year.")
_register("press_conference_missing", "event", "R7", "R7: at least 1 press conference on reform a year.")
_register("inspection_missing", "event", "R12", "R12: two special inspections of the ledger a year.")
_register(
    "demonstration_missing",
    "case",
    "art. 9",
    "Art. 9: at least one batch of demonstration points (示范点位) is listed each year.",
)
_register(
    "work_points_missing",
    "year",
    "art. 1",
    "Art. 1: each year has its work points and work ledger (tasks of that year); judged year_grace_days after "
    "31 December (the tool's choice).",
)
_register(
    "major_list_missing",
    "year",
    "art. 6",
    "Art. 6: each year has its list of major reform tasks (a task of the year with major: true).",
)
_register(
    "promotion_list_missing",
    "year",
    "art. 9",
    "Art. 9: each year has its promotion list of reform experience (a case with the year in promoted).",
)
_register(
    "case_book_missing",
    "year",
    "art. 9",
    "Art. 9: each year its typical cases are compiled into a book (a case with the year in compiled).",
)
_register(
    "closeout_missing",
    "year",
    "art. 13",
    "Art. 13 (R13): each year ends with the inventory and write-off of the ledger (closeouts/<year>.yaml).",
)
_register(
    "evaluation_due",
    "plan",
    "R8",
    "R8: every plan issued more than half a year before 31 December is evaluated that year.",
)
