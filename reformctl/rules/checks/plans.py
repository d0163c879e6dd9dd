"""Checks of the pilots (their terms) and the plans (references, dates, supervision of their drafting)."""

from __future__ import annotations

import datetime as dt

from ...model.records import PilotStatus, PlanStatus
from ..dates import add_days, add_months
from .context import W, _Ctx


def _term_last_day(start: dt.date, months: int) -> dt.date:
    """The last day of a term of ``months`` from ``start`` (a pilot's ``end`` is the term's last day: one year
    from 1 Jan 2016 ends 31 Dec 2016). A term running past year 9999 ends on the last representable day."""
    after = add_months(start, months)
    return after if after == dt.date.max else add_days(after, -1)


def _pilots(c: _Ctx) -> None:
    s = c.ledger.settings
    term = s.rules.pilot_term_months if s else 12
    limit = s.rules.pilot_max_months if s else 24
    for pid, p in c.ledger.pilots.items():
        c.unit("pilot", pid, p.unit, "unit")
        c.plan("pilot", pid, p.plan, "plan")
        if p.start > p.end:
            c.emit("pilot", pid, "date_order.start_end", "start", start=p.start, end=p.end)
            continue
        missing = [f for f in ("lead_leader", "promotion_plan", "working_team") if not getattr(p, f)]
        if missing:
            c.emit("pilot", pid, "pilot_incomplete", missing=missing)
        if p.end > _term_last_day(p.start, limit):
            if not (p.exemption or "").strip():
                c.emit("pilot", pid, "pilot_term_exceeded", "end", start=p.start, end=p.end, months=limit)
        elif p.end > _term_last_day(p.start, term):
            c.emit("pilot", pid, "pilot_term_long", "end", severity=W, start=p.start, end=p.end, months=term)
        if p.status is PilotStatus.exited and not p.exit_reason:
            c.emit("pilot", pid, "pilot_exit_reason", "status")
        if p.filed is not None and p.filed < add_days(p.start, -366):
            c.emit("pilot", pid, "date_order.filed_early", "filed", severity=W, filed=p.filed, start=p.start)


def _plans(c: _Ctx) -> None:
    s = c.ledger.settings
    level = s.level.value if s else None
    for pid, p in c.ledger.plans.items():
        c.special_group("plan", pid, p.special_group, "special_group")
        c.unit("plan", pid, p.lead_unit, "lead_unit")
        is_out = p.status in (PlanStatus.issued, PlanStatus.closed)
        if is_out and p.issued is None:
            c.emit("plan", pid, "plan_issued_missing", "status", status=p.status.value)
        if p.issued is not None and not is_out:
            c.emit("plan", pid, "status_mismatch.issued", "issued", status=p.status.value)
        if p.status is PlanStatus.closed and p.closed is None:
            c.emit("plan", pid, "closed_missing.plan", "status")
        if p.closed is not None and p.status is not PlanStatus.closed:
            c.emit("plan", pid, "closed_not_closed", "closed", status=p.status.value)
        if p.approved and p.issued and p.issued < p.approved:
            c.emit("plan", pid, "date_order.issued_approved", "issued", issued=p.issued, approved=p.approved)
        if p.needs_stability_assessment and p.issued is not None:
            if p.stability_assessment is None:
                c.emit(
                    "plan",
                    pid,
                    "plan_stability_missing",
                    "stability_assessment"
                    if "stability_assessment" in p.model_fields_set
                    else "needs_stability_assessment",
                )
            elif p.stability_assessment > p.issued:
                c.emit(
                    "plan",
                    pid,
                    "plan_stability_missing.late",
                    "stability_assessment",
                    assessed=p.stability_assessment,
                    issued=p.issued,
                )
        # Art. 5 binds the plans this level drafts: a central or provincial document kept for reference (the
        # plan that is docked) owes neither a legality review nor a leading-group approval here.
        own = level is None or p.level.value == level
        if own and p.issued is not None and (p.upper_plan or p.docks or p.overall):
            overall = p.overall and not (p.upper_plan or p.docks)
            if p.approved is None:
                c.emit(
                    "plan",
                    pid,
                    "plan_approval_missing.overall" if overall else "plan_approval_missing.docking",
                    "approved" if "approved" in p.model_fields_set else "issued",
                )
        if own and p.issued is not None:
            if p.legality_review is None:
                c.emit(
                    "plan",
                    pid,
                    "plan_legality_missing",
                    "legality_review" if "legality_review" in p.model_fields_set else "issued",
                )
            elif p.legality_review > p.issued:
                c.emit(
                    "plan",
                    pid,
                    "plan_legality_missing.late",
                    "legality_review",
                    reviewed=p.legality_review,
                    issued=p.issued,
                )
