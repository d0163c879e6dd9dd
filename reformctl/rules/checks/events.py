"""Checks of the events (commissioners' authorisation of inspections) and of accountability (art. 16)."""

from __future__ import annotations

from ... import i18n
from ...model.records import EventKind, Measure, UnitType
from ...i18n.diagnostics.rules import WORDS, words
from .context import W, _Ctx


def _events(c: _Ctx) -> None:
    for eid, e in c.ledger.events.items():
        c.unit("event", eid, e.unit, "unit")
        c.units("event", eid, e.report_to, "report_to")
        for i, p in enumerate(e.plans):
            c.plan("event", eid, p, "plans", i)
        for i, cm in enumerate(e.commissioners):
            if cm not in c.ledger.commissioners:
                c.emit("event", eid, "unknown_commissioner", "commissioners", i, commissioner=cm)
        if e.authorized is not None and e.authorized > e.date:
            c.emit("event", eid, "date_order.authorised", "authorized", authorized=e.authorized, date=e.date)
    _commissioner_authorisations(c)


_SUPERVISED = (EventKind.ledger_inspection, EventKind.evaluation)


def _commissioner_authorisations(c: _Ctx) -> None:
    """Art. 14: inspections by commissioners from the pool, one authorisation per inspection (一次一授权).

    - an inspection or evaluation naming commissioners needs the date they were authorised (error);
    - a ledger inspection naming no commissioners is a warning (the pool is "explored", not mandatory;
      an evaluation may be a self-assessment or a third party's, so it is not flagged);
    - the same authorisation used for two events is an error: the same ``authorization`` reference, or,
      without references, the same commissioners authorised on the same date. The later event is flagged.
    """
    events = sorted(
        ((eid, e) for eid, e in c.ledger.events.items() if e.kind in _SUPERVISED), key=lambda x: (x[1].date, x[0])
    )
    by_ref: dict[str, str] = {}
    by_grant: dict[tuple, str] = {}
    for eid, e in events:
        if e.commissioners and e.authorized is None:
            c.emit(
                "event",
                eid,
                "inspection_unauthorized.evaluation"
                if e.kind is EventKind.evaluation
                else "inspection_unauthorized.ledger_inspection",
                "commissioners",
                commissioners=list(e.commissioners),
            )
        elif not e.commissioners and e.kind is EventKind.ledger_inspection:
            authorised = e.authorized or e.authorization
            c.emit(
                "event",
                eid,
                "inspection_no_commissioners.authorised" if authorised else "inspection_no_commissioners",
                "kind",
                severity=W,
            )
        ref = (e.authorization or "").strip()
        if ref:
            first = by_ref.setdefault(ref, eid)
            if first != eid:
                c.emit("event", eid, "authorization_reused", "authorization", authorization=ref, first=first)
                continue
        if e.commissioners and e.authorized is not None and not ref:
            grant = (frozenset(e.commissioners), e.authorized)
            first = by_grant.setdefault(grant, eid)
            if first != eid:
                c.emit(
                    "event", eid, "authorization_reused.same_grant", "authorized", authorized=e.authorized, first=first
                )


_IMPLEMENTERS = {
    Measure.oral_warning: {UnitType.reform_office},
    Measure.interview: {UnitType.reform_office},
    Measure.circulated_criticism: {UnitType.reform_office},
    Measure.point_deduction: {UnitType.reform_office, UnitType.inspection_office},
    Measure.organizational_handling: {UnitType.functional_department},
}


def _accountability(c: _Ctx) -> None:
    L = c.ledger
    for aid, a in L.accountability.items():
        c.unit("accountability", aid, a.target, "target")
        c.units("accountability", aid, a.implemented_by, "implemented_by")
        target = L.units.get(a.target)
        types = {L.units[u].type for u in a.implemented_by if u in L.units}
        if target is not None and target.type is UnitType.special_group:
            need, rule = {UnitType.leading_group}, words("implementer.special_group")
        else:
            need = _IMPLEMENTERS[a.measure]
            known = f"implementer.{a.measure.value}"
            rule = words(known) if known in WORDS else words("implementer.other", measure=a.measure.value)
        # both inspection offices, the party's and the government's, join a point deduction (art. 16)
        short = (
            need <= types
            and a.measure is Measure.point_deduction
            and target is not None
            and target.type is not UnitType.special_group
            and sum(L.units[u].type is UnitType.inspection_office for u in set(a.implemented_by) if u in L.units) < 2
        )
        if not a.implemented_by:
            c.emit("accountability", aid, "accountability_implementer.empty", "measure", rule=rule)
        elif all(u in L.units for u in a.implemented_by) and (not need <= types or short):
            c.emit(
                "accountability",
                aid,
                "accountability_implementer",
                "implemented_by",
                rule=rule,
                units=list(a.implemented_by),
            )
        _accountability_decision(c, aid, a)
        if a.exemption is not None and not a.exemption.strip():
            c.emit("accountability", aid, "exemption_reason", "exemption")


GROUNDS = ("task_not_done", "assessment_low", "refused_rectification", "criticism")  # art. 16, in its order
_GROUND_LABELS = {label for code in GROUNDS for label in i18n.GROUNDS[code]}


def _accountability_decision(c: _Ctx, aid: str, a) -> None:
    """Art. 16: accountability is decided by the leading group, on one of four grounds (or `other`, said what)."""
    L = c.ledger
    if a.decided_by is None:
        c.emit("accountability", aid, "accountability_decider_missing", "decided", severity=W)
    elif a.decided_by not in L.units:
        c.unit("accountability", aid, a.decided_by, "decided_by")
    elif L.units[a.decided_by].type is not UnitType.leading_group:
        c.emit(
            "accountability",
            aid,
            "accountability_decider",
            "decided_by",
            unit=a.decided_by,
            type=L.units[a.decided_by].type.value,
        )
    ground = a.ground.strip()
    if ground in _GROUND_LABELS:  # a ground written out as its label (改革任务未按要求完成) is that ground
        return
    if ground == "other":
        if not (a.ground_note or "").strip():
            c.emit("accountability", aid, "accountability_ground_note", "ground")
    elif ground not in GROUNDS:
        c.emit(
            "accountability", aid, "accountability_ground", "ground", severity=W, ground=ground, grounds=list(GROUNDS)
        )
