"""The annual assessment (art. 15-16) as pure functions of a ledger: the point deductions proposed for each unit
(unfinished tasks, refused and overdue rectification, point deductions decided as accountability), whether each is
recorded already, and the ranking of the units. No I/O: `reformctl assess` writes what is decided.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Optional

from .. import i18n
from ..model import Ledger
from ..model.records import Accountability, Measure, TaskStatus
from .dates import year_bounds


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


GROUNDS_ZH = {k: v.zh for k, v in i18n.GROUNDS.items()}  # R16's grounds (labels in reformctl/i18n/__init__.py)


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
