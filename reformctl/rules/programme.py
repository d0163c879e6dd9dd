"""The rest of the seed's programme, as pure functions of a ledger: the plan review schedule (art. 5, 16),
the promotion list and case book (art. 9), and the accountability register (art. 16-18); the annual assessment
proposals (art. 15-16) are in :mod:`reformctl.rules.assessment`, re-exported here. No I/O: the views and the
CLI turn these rows into tables and files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Optional

from ..model import Ledger
from ..model.records import Case, CaseKind, Measure, Plan
from .assessment import (  # noqa: F401 - the assessment is part of the programme's interface
    ACCOUNTABILITY,
    DEFAULT_POINTS,
    GROUNDS_ZH,
    PROBLEM_OVERDUE,
    PROBLEM_REFUSED,
    TASK_UNFINISHED,
    Proposal,
    RankRow,
    _accountability_points,
    _is_recorded,
    assessment_points,
    propose_deductions,
    ranking,
)
from .dates import year_bounds


def _iso(d: Optional[dt.date]) -> Optional[str]:
    return d.isoformat() if d else None


# ================================================================ plan review schedule (年度上会审议计划)
REVIEWED, LATE, UPCOMING, UNSCHEDULED = "reviewed", "late", "upcoming", "unscheduled"


@dataclass
class ScheduleRow:
    id: str
    title: str
    special_group: Optional[str]
    lead_unit: Optional[str]
    review_scheduled: Optional[str]
    approved: Optional[str]
    state: str  # reviewed | late | upcoming | unscheduled (approved in the year without a scheduled date)
    days: Optional[int]  # days past the scheduled date (negative: days still to come); None when reviewed
    delay: Optional[int]  # for reviewed plans: days between the scheduled date and the approval (0 = on time)
    needs_stability_assessment: bool
    stability_assessment: Optional[str]
    legality_review: Optional[str]
    missing: list[str] = field(default_factory=list)  # preparation missing before the meeting

    def as_dict(self) -> dict:
        return asdict(self)


def plan_preparation_missing(plan: Plan, as_of: Optional[dt.date] = None) -> list[str]:
    """What a plan lacks before its review (art. 5): the stability assessment (when needed), the legality review.
    A step dated after the scheduled meeting (or after ``as_of``: it has not happened yet) does not count."""

    def lacks(day: Optional[dt.date]) -> bool:
        return day is None or (meeting is not None and day > meeting) or (as_of is not None and day > as_of)

    meeting = plan.review_scheduled
    missing = []
    if plan.needs_stability_assessment and lacks(plan.stability_assessment):
        missing.append("stability_assessment")
    if lacks(plan.legality_review):
        missing.append("legality_review")
    return missing


def review_schedule(ledger: Ledger, year: int, as_of: dt.date) -> list[ScheduleRow]:
    """The year's plan review schedule in date order: plans scheduled for review in ``year`` (and plans approved
    in ``year`` that were never scheduled), each reviewed, late (the date passed, not approved) or to come."""
    first, last = year_bounds(year)
    rows: list[ScheduleRow] = []
    for pid, p in ledger.plans.items():
        sched = p.review_scheduled
        in_year = sched is not None and first <= sched <= last
        unscheduled = sched is None and p.approved is not None and first <= p.approved <= last
        if not (in_year or unscheduled):
            continue
        days = delay = None
        issued = p.status.is_issued and p.issued is not None and p.issued <= as_of
        if (p.approved is not None and p.approved <= as_of) or issued:
            state = UNSCHEDULED if unscheduled else REVIEWED
            if sched is not None and p.approved is not None:
                delay = (p.approved - sched).days
        elif sched is not None and as_of > sched:
            state, days = LATE, (as_of - sched).days
        else:
            state, days = UPCOMING, ((as_of - sched).days if sched else None)
        rows.append(
            ScheduleRow(
                id=pid,
                title=p.title,
                special_group=p.special_group,
                lead_unit=p.lead_unit,
                review_scheduled=_iso(sched),
                approved=_iso(p.approved),
                state=state,
                days=days,
                delay=delay,
                needs_stability_assessment=p.needs_stability_assessment,
                stability_assessment=_iso(p.stability_assessment),
                legality_review=_iso(p.legality_review),
                missing=plan_preparation_missing(p, as_of) if state in (LATE, UPCOMING) else [],
            )
        )
    rows.sort(key=lambda r: (r.review_scheduled or r.approved or "", r.id))
    return rows


# ================================================================ experience promotion (art. 9)
@dataclass
class CaseRow:
    id: str
    title: str
    unit: str
    kind: str
    date: Optional[str]
    listed: Optional[str]
    delisted: Optional[str]
    on_list: bool  # on this year's promotion list (改革经验推广清单)
    in_book: bool  # in this year's case book (典型案例汇编)
    listing: str  # listed_in_year | delisted_in_year | listed (still, from an earlier year) | delisted | never
    summary: Optional[str]

    def as_dict(self) -> dict:
        return asdict(self)


def _listing_state(c: Case, first: dt.date, last: dt.date) -> str:
    if c.delisted is not None and first <= c.delisted <= last:
        return "delisted_in_year"
    if c.listed is not None and first <= c.listed <= last:
        return "listed_in_year"
    if c.listed is not None and c.listed < first and (c.delisted is None or c.delisted > last):
        return "listed"
    if c.delisted is not None and c.delisted < first:
        return "delisted"
    return "never" if c.listed is None else "future"


@dataclass
class CasesReport:
    year: int
    promotion_list: list[CaseRow]
    case_book: list[CaseRow]
    listing: list[CaseRow]  # demonstration points and cases listed, delisted, or on the books in the year
    demonstration_points_listed: int  # demonstration points listed in the year (the yearly obligation)

    def as_dict(self) -> dict:
        return {
            "year": self.year,
            "promotion_list": [r.as_dict() for r in self.promotion_list],
            "case_book": [r.as_dict() for r in self.case_book],
            "listing": [r.as_dict() for r in self.listing],
            "demonstration_points_listed": self.demonstration_points_listed,
        }


def cases_report(ledger: Ledger, year: int) -> CasesReport:
    first, last = year_bounds(year)
    rows = []
    for cid, c in ledger.cases.items():
        rows.append(
            CaseRow(
                id=cid,
                title=c.title,
                unit=c.unit,
                kind=c.kind.value,
                date=_iso(c.date),
                listed=_iso(c.listed),
                delisted=_iso(c.delisted),
                on_list=year in c.promoted,
                in_book=year in c.compiled,
                listing=_listing_state(c, first, last),
                summary=c.summary,
            )
        )
    rows.sort(
        key=lambda r: (
            r.kind != CaseKind.typical_case.value,
            (r.listed or r.date) is None,
            r.listed or r.date or "",
            r.id,
        )
    )
    listing = [r for r in rows if r.listing in ("listed_in_year", "delisted_in_year", "listed")]
    listing.sort(key=lambda r: (r.listed or "", r.id))
    return CasesReport(
        year=year,
        promotion_list=[r for r in rows if r.on_list],
        case_book=[r for r in rows if r.in_book],
        listing=listing,
        demonstration_points_listed=demonstration_points_listed(ledger, year),
    )


def demonstration_points_listed(ledger: Ledger, year: int) -> int:
    """Demonstration points (示范点位) listed in ``year``: the yearly obligation `demonstration_missing`."""
    return sum(
        1
        for c in ledger.cases.values()
        if c.kind is CaseKind.demonstration_point and c.listed is not None and c.listed.year == year
    )


# ================================================================ annual assessment (art. 15-16)


MEASURE_ORDER = [
    m.value
    for m in (
        Measure.oral_warning,
        Measure.interview,
        Measure.circulated_criticism,
        Measure.point_deduction,
        Measure.organizational_handling,
    )
]


@dataclass
class RegisterRow:
    id: str
    decided: str
    target: str
    person: Optional[str]
    ground: str
    measure: str
    implemented_by: list[str]
    points: Optional[float]
    exemption: Optional[str]

    def as_dict(self) -> dict:
        return asdict(self)


def accountability_register(
    ledger: Ledger, year: Optional[int]
) -> tuple[list[tuple[str, list[RegisterRow]]], list[RegisterRow]]:
    """The register of ``year`` (all years when None): measures taken, grouped by measure in the order of R17,
    each group by decision date; and, apart, the exemptions granted (容错免责, art. 18)."""
    groups: dict[str, list[RegisterRow]] = {m: [] for m in MEASURE_ORDER}
    exempt: list[RegisterRow] = []
    for aid, a in ledger.accountability.items():
        if year is not None and a.decided.year != year:
            continue
        row = RegisterRow(
            aid,
            a.decided.isoformat(),
            a.target,
            a.person,
            a.ground,
            a.measure.value,
            list(a.implemented_by),
            _accountability_points(a),
            a.exemption,
        )
        (exempt if a.exemption else groups[a.measure.value]).append(row)
    key = lambda r: (r.decided, r.id)  # noqa: E731
    for rows in groups.values():
        rows.sort(key=key)
    exempt.sort(key=key)
    return [(m, rows) for m, rows in groups.items() if rows], exempt
