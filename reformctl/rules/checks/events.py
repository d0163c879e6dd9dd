"""Checks of the events (commissioners' authorisation of inspections) and of accountability (art. 16)."""

from __future__ import annotations

from ... import i18n
from ...model.records import EventKind, Measure, UnitType
from .context import W, _Ctx


def _events(c: _Ctx) -> None:
    for eid, e in c.ledger.events.items():
        c.unit("event", eid, e.unit, "unit")
        c.units("event", eid, e.report_to, "report_to")
        for i, p in enumerate(e.plans):
            c.plan("event", eid, p, "plans", i)
        for i, cm in enumerate(e.commissioners):
            if cm not in c.ledger.commissioners:
                c.emit(
                    "event",
                    eid,
                    "unknown_commissioner",
                    f"commissioner `{cm}` is not in commissioners.yaml",
                    "commissioners",
                    i,
                )
        if e.authorized is not None and e.authorized > e.date:
            c.emit("event", eid, "date_order", f"authorised {e.authorized}, after the event on {e.date}", "authorized")
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
                "inspection_unauthorized",
                f"{e.kind.value} names commissioners ({', '.join(e.commissioners)}) but not the date they were "
                "authorised (`authorized`): one authorisation per inspection (art. 14)",
                "commissioners",
            )
        elif not e.commissioners and e.kind is EventKind.ledger_inspection:
            extra = " although it records an authorisation" if (e.authorized or e.authorization) else ""
            c.emit(
                "event",
                eid,
                "inspection_no_commissioners",
                f"ledger inspection names no commissioners from the pool{extra} (art. 14): list the "
                "`commissioners` authorised for it and the date (`authorized`)",
                "kind",
                severity=W,
            )
        ref = (e.authorization or "").strip()
        if ref:
            first = by_ref.setdefault(ref, eid)
            if first != eid:
                c.emit(
                    "event",
                    eid,
                    "authorization_reused",
                    f"authorisation `{ref}` was already used for {first}: one authorisation per inspection "
                    "(一次一授权, art. 14)",
                    "authorization",
                )
                continue
        if e.commissioners and e.authorized is not None and not ref:
            grant = (frozenset(e.commissioners), e.authorized)
            first = by_grant.setdefault(grant, eid)
            if first != eid:
                c.emit(
                    "event",
                    eid,
                    "authorization_reused",
                    f"the same commissioners, authorised on {e.authorized}, already inspected in {first}: one "
                    "authorisation per inspection (一次一授权, art. 14); record a new authorisation",
                    "authorized",
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
            need, rule = {UnitType.leading_group}, "against a special group, the leading group's head acts"
        else:
            need = _IMPLEMENTERS[a.measure]
            rule = {
                UnitType.functional_department: "organisational handling is done by the functional departments",
            }.get(next(iter(need)), "")
            if a.measure is Measure.point_deduction:
                rule = "point deduction is done by the reform office with the party and government inspection offices"
            elif a.measure in (Measure.oral_warning, Measure.interview, Measure.circulated_criticism):
                rule = f"{a.measure.value} is done by the reform office"
        # both inspection offices, the party's and the government's, join a point deduction (art. 16)
        short = (
            need <= types
            and a.measure is Measure.point_deduction
            and target is not None
            and target.type is not UnitType.special_group
            and sum(L.units[u].type is UnitType.inspection_office for u in set(a.implemented_by) if u in L.units) < 2
        )
        if not a.implemented_by:
            c.emit(
                "accountability",
                aid,
                "accountability_implementer",
                f"`implemented_by` is empty: {rule} (R17)",
                "measure",
            )
        elif all(u in L.units for u in a.implemented_by) and (not need <= types or short):
            c.emit(
                "accountability",
                aid,
                "accountability_implementer",
                f"{rule} (R17); `implemented_by` has {', '.join(a.implemented_by)}",
                "implemented_by",
            )
        _accountability_decision(c, aid, a)
        if a.exemption is not None and not a.exemption.strip():
            c.emit(
                "accountability",
                aid,
                "exemption_reason",
                "a fault-tolerance exemption (容错免责, R18) names its reason",
                "exemption",
            )


GROUNDS = ("task_not_done", "assessment_low", "refused_rectification", "criticism")  # art. 16, in its order
_GROUND_LABELS = {label for code in GROUNDS for label in i18n.GROUNDS[code]}


def _accountability_decision(c: _Ctx, aid: str, a) -> None:
    """Art. 16: accountability is decided by the leading group, on one of four grounds (or `other`, said what)."""
    L = c.ledger
    if a.decided_by is None:
        c.emit(
            "accountability",
            aid,
            "accountability_decider_missing",
            "record who decided it (`decided_by`): accountability is decided by the leading group (art. 16)",
            "decided",
            severity=W,
        )
    elif a.decided_by not in L.units:
        c.unit("accountability", aid, a.decided_by, "decided_by")
    elif L.units[a.decided_by].type is not UnitType.leading_group:
        c.emit(
            "accountability",
            aid,
            "accountability_decider",
            f"`{a.decided_by}` is a {L.units[a.decided_by].type.value}: accountability is decided by the leading "
            "group (art. 16)",
            "decided_by",
        )
    ground = a.ground.strip()
    if ground in _GROUND_LABELS:  # a ground written out as its label (改革任务未按要求完成) is that ground
        return
    if ground == "other":
        if not (a.ground_note or "").strip():
            c.emit(
                "accountability",
                aid,
                "accountability_ground_note",
                "ground `other` needs `ground_note` saying what the ground is (art. 16)",
                "ground",
            )
    elif ground not in GROUNDS:
        c.emit(
            "accountability",
            aid,
            "accountability_ground",
            f"ground `{ground}` is not one of the grounds of art. 16 ({', '.join(GROUNDS)}); write `other` and "
            "put the text in `ground_note`",
            "ground",
            severity=W,
        )
