"""The rest of the seed's programme, as pure functions of a ledger: the plan review schedule (art. 5, 16),
the promotion list and case book (art. 9), the annual assessment proposals (art. 15-16) and the
accountability register (art. 16-18). No I/O: the views and the CLI turn these rows into tables and files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Optional

from .. import i18n
from ..model import Ledger
from ..model.records import Accountability, Case, CaseKind, Measure, Plan, TaskStatus


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


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
TASK_UNFINISHED, PROBLEM_REFUSED, PROBLEM_OVERDUE, ACCOUNTABILITY = (
    "task_unfinished",
    "problem_refused",
    "problem_overdue",
    "point_deduction",
)

# The tool's choice, not the seed's: art. 15-16 call for point deductions but give no figures. A ledger sets its own
# under `extra: {assessment_points: {...}}` in reformctl.yaml.
DEFAULT_POINTS = {TASK_UNFINISHED: 3.0, PROBLEM_REFUSED: 2.0, PROBLEM_OVERDUE: 1.0}


@dataclass
class Proposal:
    unit: str
    points: float
    rule: str  # task_unfinished | problem_refused | problem_overdue | point_deduction
    source: str  # the item: a task id, "RN-2016-002#1" for a notice's problem, an accountability id
    reason: str  # Chinese, as it would be written into assessments/Y.yaml
    accountability: Optional[str] = None
    recorded: bool = False  # already in assessments/Y.yaml (an entry naming the same item)

    def as_dict(self) -> dict:
        return asdict(self)


def _task_year(t) -> int:
    return t.year if t.year is not None else t.due.year


def assessment_points(ledger: Ledger) -> dict[str, float]:
    """Points per proposal kind: the defaults, overridden by ``reformctl.yaml`` ``extra: {assessment_points: {...}}``."""
    pts = dict(DEFAULT_POINTS)
    s = ledger.settings
    if s is not None and isinstance(s.extra, dict) and isinstance(s.extra.get("assessment_points"), dict):
        for k, v in s.extra["assessment_points"].items():
            if k in pts and isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0:
                pts[k] = float(v)
    return pts


def propose_deductions(ledger: Ledger, year: int, as_of: Optional[dt.date] = None) -> list[Proposal]:
    """Deductions the ledger itself suggests for ``year`` (for the office to review, art. 15-16):

    - a task of the year (``year``, else the year of its deadline) due on or before 31 December and not
      completed by then (cancelled tasks excepted; a task of the year due later is not yet unfinished):
      the lead unit loses ``task_unfinished`` points;
    - a rectification problem the unit refused (``refused: true``), of a notice issued in the year:
      ``problem_refused`` points (once, in that year); otherwise a problem due in the year and not rectified by its deadline:
      ``problem_overdue`` points (the problem's ``responsible`` unit, else the notice's ``to_unit``);
    - an accountability measure of kind point_deduction decided in the year: its ``points`` (the target unit).

    With ``as_of`` before the year's end, only what has happened by then counts: a deadline not passed yet is
    not a failure (nor a notice not issued yet, nor a measure not decided yet).
    """
    first, last = year_bounds(year)
    cut = last if as_of is None else min(last, as_of)
    pts = assessment_points(ledger)
    out: list[Proposal] = []
    for tid, t in sorted(ledger.tasks.items()):
        if _task_year(t) != year or t.status is TaskStatus.cancelled or t.due > cut:
            continue
        if t.completed is not None and t.completed <= last:
            continue
        out.append(Proposal(t.lead_unit, pts[TASK_UNFINISHED], TASK_UNFINISHED, tid, f"{tid}“{t.title}”年底前未完成"))
    for nid, n in sorted(ledger.notices.items()):
        if n.issued > cut:
            continue
        for p in n.problems:
            unit = p.responsible or n.to_unit
            src = f"{nid}#{p.no}"
            if p.refused:
                if n.issued < first:  # deducted in the notice's year, not again in every later one
                    continue
                out.append(
                    Proposal(
                        unit, pts[PROBLEM_REFUSED], PROBLEM_REFUSED, src, f"{nid}问题{p.no}拒不整改：{p.description}"
                    )
                )
            elif p.due is not None and first <= p.due <= cut and (p.rectified is None or p.rectified > p.due):
                out.append(
                    Proposal(
                        unit, pts[PROBLEM_OVERDUE], PROBLEM_OVERDUE, src, f"{nid}问题{p.no}逾期未整改：{p.description}"
                    )
                )
    for aid, a in sorted(ledger.accountability.items()):
        if a.measure is not Measure.point_deduction or not (first <= a.decided <= cut) or a.exemption:
            continue
        points = _accountability_points(a)
        if points is None:
            continue
        out.append(
            Proposal(
                a.target,
                points,
                ACCOUNTABILITY,
                aid,
                f"追责扣分（{aid}）：{GROUNDS_ZH.get(a.ground, a.ground)}",
                accountability=aid,
            )
        )
    recorded = ledger.assessments.get(str(year))
    if recorded is not None:
        for prop in out:
            prop.recorded = _is_recorded(recorded, prop)
    return out


GROUNDS_ZH = {k: v[0] for k, v in i18n.GROUNDS.items()}  # R16's grounds (labels in reformctl/i18n/__init__.py)


def _accountability_points(a: Accountability) -> Optional[float]:
    if a.points is not None:
        return float(a.points)
    return None


def _names(reason: str, item_id: str) -> bool:
    return re.search(rf"(?<![A-Za-z0-9._-]){re.escape(item_id)}(?![A-Za-z0-9_-])", reason) is not None


def _is_recorded(assessment, prop: Proposal) -> bool:
    """An entry of the unit naming the same item counts as already decided by the office: its ``accountability``
    id, its ``extra.source``, or the item's id in the reason text (for a notice's problem: the notice id with
    that problem's number, "问题2", or with no problem number at all)."""
    item, _, no = prop.source.partition("#")
    for ua in assessment.units:
        if ua.unit != prop.unit:
            continue
        for d in ua.deductions:
            if prop.accountability and d.accountability == prop.accountability:
                return True
            if isinstance(d.extra, dict) and d.extra.get("source") == prop.source:
                return True
            if _names(d.reason, item):
                numbers = re.findall(r"问题\s*(\d+)", d.reason)
                if not no or not numbers or no in numbers:
                    return True
    return False


@dataclass
class RankRow:
    rank: int
    unit: str
    score: float
    deducted: float
    deductions: int
    new: float  # points proposed and not yet in the file

    def as_dict(self) -> dict:
        return asdict(self)


def ranking(ledger: Ledger, year: int, proposals: list[Proposal], include_new: bool = True) -> list[RankRow]:
    """Units ranked by score, best first. A unit's score is its recorded ``score`` (else 100 − its recorded
    deductions), minus the proposals not yet recorded when ``include_new``. Units ranked: those in
    assessments/Y.yaml, the lead units of the year's tasks and the units with proposals. Equal scores share a rank."""
    recorded = ledger.assessments.get(str(year))
    base: dict[str, tuple[float, float, int]] = {}
    if recorded is not None:
        for ua in recorded.units:
            ded = sum(d.points for d in ua.deductions)
            score = ua.score if ua.score is not None else 100 - ded
            base[ua.unit] = (score, ded, len(ua.deductions))
    units = set(base)
    units.update(t.lead_unit for t in ledger.tasks.values() if _task_year(t) == year)
    units.update(p.unit for p in proposals)
    rows = []
    for u in units:
        score, ded, n = base.get(u, (100.0, 0.0, 0))
        new = sum(p.points for p in proposals if p.unit == u and not p.recorded) if include_new else 0.0
        rows.append(
            RankRow(
                0,
                u,
                round(score - new, 2),
                round(ded + new, 2),
                n + (sum(1 for p in proposals if p.unit == u and not p.recorded) if include_new else 0),
                round(new, 2),
            )
        )
    rows.sort(key=lambda r: (-r.score, r.unit))
    for i, r in enumerate(rows):
        r.rank = rows[i - 1].rank if i and rows[i - 1].score == r.score else i + 1
    return rows


# ================================================================ accountability register (art. 16-18)
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
