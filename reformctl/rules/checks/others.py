"""Checks of the cases, commissioners, assessments and close-outs, and the programme's duties (art. 1, 7, 9)."""

from __future__ import annotations

from ...model.records import EventKind, PlanStatus, UnitType
from .context import W, _Ctx


def _others(c: _Ctx) -> None:
    L = c.ledger
    for cid, case in L.cases.items():
        c.unit("case", cid, case.unit, "unit")
        if case.listed and case.delisted and case.delisted < case.listed:
            c.emit(
                "case", cid, "date_order", f"delisted {case.delisted} before it was listed {case.listed}", "delisted"
            )
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
                        "unknown_item",
                        f"accountability record `{ded.accountability}` is not in accountability/",
                        "units",
                        i,
                        "deductions",
                        j,
                        "accountability",
                    )
    all_ids = set(L.tasks) | set(L.plans) | set(L.pilots) | set(L.notices)
    for year, co in L.closeouts.items():
        for i, item in enumerate(co.closed):
            if item not in all_ids:
                c.emit("closeout", year, "unknown_item", f"`{item}` is not an item of this ledger", "closed", i)
        for i, carried in enumerate(co.carried_over):
            if carried.id not in all_ids:
                c.emit(
                    "closeout",
                    year,
                    "unknown_item",
                    f"`{carried.id}` is not an item of this ledger",
                    "carried_over",
                    i,
                    "id",
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
            c.emit(
                "event",
                eid,
                "meeting_agenda",
                f'a leading-group meeting follows the "3+N" agenda (art. 1, 7); `agenda` lacks: {", ".join(missing)}',
                "agenda" if e.agenda else "kind",
                severity=W,
            )
    s = L.settings
    if s is not None and s.level.value == "city":
        piloted = {p.plan for p in L.pilots.values() if p.plan}
        for pid, p in L.plans.items():
            if p.level.value != "city" or p.status not in (PlanStatus.issued, PlanStatus.closed):
                continue
            if pid not in piloted and not (p.no_pilot_reason or "").strip():
                c.emit(
                    "plan",
                    pid,
                    "plan_without_pilot",
                    "a plan the city leading group issues should in principle get pilots (art. 8): add a pilot "
                    "naming it in `plan`, or say why not in `no_pilot_reason`",
                    "status",
                    severity=W,
                )
    for cid, case in L.cases.items():
        if case.kind.value == "demonstration_point" and not (case.contact or "").strip():
            c.emit(
                "case",
                cid,
                "demonstration_contact_missing",
                "each demonstration point has a leading-group member as its contact: set `contact` (art. 9)",
                "kind",
                severity=W,
            )
