"""Checks of the cases, commissioners, assessments and close-outs, and the programme's duties (art. 1, 7, 9)."""

from __future__ import annotations

from ...model.records import EventKind, PlanStatus, UnitType
from .context import W, _Ctx


def _others(c: _Ctx) -> None:
    L = c.ledger
    for cid, case in L.cases.items():
        c.unit("case", cid, case.unit, "unit")
        if case.listed and case.delisted and case.delisted < case.listed:
            c.emit("case", cid, "date_order.delisted", "delisted", delisted=case.delisted, listed=case.listed)
    for cid, cm in L.commissioners.items():
        c.unit("commissioner", cid, cm.unit, "unit")
    for year, a in L.assessments.items():
        for i, ua in enumerate(a.units):
            c.unit("assessment", year, ua.unit, "units", i, "unit")
            for j, ded in enumerate(ua.deductions):
                if ded.accountability and ded.accountability not in L.accountability:
                    c.emit(
                        "assessment",
                        year,
                        "unknown_item.accountability",
                        "units",
                        i,
                        "deductions",
                        j,
                        "accountability",
                        item=ded.accountability,
                    )
    all_ids = set(L.tasks) | set(L.plans) | set(L.pilots) | set(L.notices)
    for year, co in L.closeouts.items():
        for i, item in enumerate(co.closed):
            if item not in all_ids:
                c.emit("closeout", year, "unknown_item", "closed", i, item=item)
        for i, carried in enumerate(co.carried_over):
            if carried.id not in all_ids:
                c.emit(
                    "closeout",
                    year,
                    "unknown_item",
                    "carried_over",
                    i,
                    "id",
                    item=carried.id,
                )


AGENDA_FIXED = ("study", "plans", "reports")  # art. 1's fixed items of the "3+N" agenda (art. 7: hear reports)


def _programme_duties(c: _Ctx) -> None:
    L = c.ledger
    for eid, e in L.events.items():
        unit = L.units.get(e.unit)
        if e.kind is not EventKind.group_meeting or unit is None or unit.type is not UnitType.leading_group:
            continue
        missing = [a for a in AGENDA_FIXED if a not in e.agenda]
        if missing:
            c.emit("event", eid, "meeting_agenda", "agenda" if e.agenda else "kind", severity=W, missing=missing)
    s = L.settings
    if s is not None and s.level.value == "city":
        piloted = {p.plan for p in L.pilots.values() if p.plan}
        for pid, p in L.plans.items():
            if p.level.value != "city" or p.status not in (PlanStatus.issued, PlanStatus.closed):
                continue
            if pid not in piloted and not (p.no_pilot_reason or "").strip():
                c.emit("plan", pid, "plan_without_pilot", "status", severity=W)
    for cid, case in L.cases.items():
        if case.kind.value == "demonstration_point" and not (case.contact or "").strip():
            c.emit("case", cid, "demonstration_contact_missing", "kind", severity=W)
