"""Checks of the units, the settings and the members, and of the lines between units: who supervises whom
(art. 11), who reports to whom."""

from __future__ import annotations

from ...model import Diagnostic
from ...model.records import EventKind, UnitType
from ...i18n.diagnostics.rules import words
from .context import W, _Ctx


def _units(c: _Ctx) -> None:
    L = c.ledger
    level = L.settings.level.value if L.settings else "city"
    for uid, u in L.units.items():
        c.unit("unit", uid, u.parent, "parent")
        st = u.staff
        if st is None:
            continue
        if u.type is UnitType.special_group and st.total is not None and st.total < 2:
            c.emit("unit", uid, "staff_special_group", "staff", "total", severity=W, total=st.total)
        if u.type is UnitType.party_committee or (u.type is UnitType.reform_office and level == "district"):
            if st.full_time_deputy is False or (st.sections is not None and st.sections < 1):
                c.emit("unit", uid, "staff_district_office", "staff", severity=W)
        need = (
            3
            if (u.type is UnitType.reform_office and level == "city")
            else (
                2
                if u.type is UnitType.party_committee or (u.type is UnitType.reform_office and level == "district")
                else 0
            )
        )
        if need and st.supervision is not None and st.supervision < need:
            c.emit(
                "unit", uid, "staff_supervision", "staff", "supervision", severity=W, need=need, recorded=st.supervision
            )


def _settings(c: _Ctx) -> None:
    s = c.ledger.settings
    if s and s.rules.pilot_max_months < s.rules.pilot_term_months:
        c.out.append(Diagnostic.of("reformctl.yaml", "settings_invalid", path=("rules", "pilot_max_months")))


def _members(c: _Ctx) -> None:
    s = c.ledger.settings
    if s is None or (not s.members and not any(isinstance(p.dock, list) for p in c.ledger.plans.values())):
        return  # nothing to check: the levels' rules (and their imports) are not needed
    from ..levels import check_members

    c.out.extend(check_members(c.ledger))


# ---------------------------------------------------------------- duties of the seed beyond dates
# Tiers of supervision (art. 11): the leading group and its office supervise the special groups, departments and
# the party committees of the level below; special groups supervise the lead and responsible units of their field;
# a lead unit supervises what it hands down. A notice or a reminder goes down this line, never up it.
_TIER = {UnitType.leading_group: 0, UnitType.reform_office: 1, UnitType.special_group: 2}


def _tier(u) -> int:
    return _TIER.get(u.type, 3)


def _supervision(c: _Ctx) -> None:
    L = c.ledger
    for nid, n in L.notices.items():
        by, to = L.units.get(n.issued_by), L.units.get(n.to_unit)
        if by is None or to is None:
            continue
        upward = (
            _tier(to) < _tier(by)
            or to.type is UnitType.leading_group
            or (to.type is UnitType.reform_office and by.type is not UnitType.leading_group)
        )
        lower = by.type is UnitType.party_committee and to.type is not UnitType.party_committee
        if upward or lower or n.issued_by == n.to_unit:
            c.emit(
                "notice",
                nid,
                "supervision_direction",
                "to_unit",
                by=n.issued_by,
                by_type=by.type.value,
                to=n.to_unit,
                to_type=to.type.value,
            )
    for rid, r in L.reminders.items():
        for i, u in enumerate(r.to):
            unit = L.units.get(u)
            if unit is not None and unit.type in (UnitType.leading_group, UnitType.reform_office):
                c.emit("reminder", rid, "supervision_direction.reminder", "to", i, unit=u, type=unit.type.value)


def _types(c: _Ctx, ids) -> set:
    return {c.ledger.units[u].type for u in ids if u in c.ledger.units}


def _reporting_lines(c: _Ctx) -> None:
    """Who each report goes to: art. 12 (evaluations), art. 13 (inspections, R14 notices, R15 quarterly reports)."""
    _quarterly_reports(c)
    _event_reports(c)
    _notice_reports(c)


def _quarterly_reports(c: _Ctx) -> None:
    """R15: a special group reports to the leading group, a lead unit to its special group (copy to the office)."""
    L = c.ledger
    for rid, r in L.reports.items():
        unit = L.units.get(r.unit)
        if unit is None:
            continue
        to = L.units.get(r.to) if r.to else None
        if unit.type is UnitType.special_group:
            if to is None or to.type is not UnitType.leading_group:
                c.emit("report", rid, "quarterly_report_recipient", "to" if r.to else "unit", severity=W)
        else:
            missing = []
            if to is None or to.type is not UnitType.special_group:
                missing.append("to")
            copy = L.units.get(r.copy_to) if r.copy_to else None
            if copy is None or copy.type is not UnitType.reform_office:
                missing.append("copy_to")
            if missing:
                c.emit(
                    "report",
                    rid,
                    "quarterly_report_recipient.lead_unit",
                    "to" if r.to else "unit",
                    severity=W,
                    missing=words("recipient.both" if len(missing) == 2 else f"recipient.{missing[0]}"),
                )


def _event_reports(c: _Ctx) -> None:
    """Art. 12 and 13: evaluations and ledger inspections are reported to the leading group (and upward)."""
    L = c.ledger
    for eid, e in L.events.items():
        types = _types(c, e.report_to)
        where = "report_to" if e.report_to else "kind"
        if e.kind is EventKind.evaluation:
            upper = any(u != e.unit and L.units[u].type is UnitType.reform_office for u in e.report_to if u in L.units)
            if UnitType.leading_group not in types or not upper:
                c.emit("event", eid, "evaluation_not_reported", where, severity=W)
            if e.form is None:
                c.emit("event", eid, "evaluation_form_missing", "kind", severity=W)
        elif e.kind is EventKind.ledger_inspection and UnitType.leading_group not in types:
            c.emit("event", eid, "inspection_not_reported", where, severity=W)


def _notice_reports(c: _Ctx) -> None:
    """R14: once a notice's rectification is followed up, the analysis goes to the leading group."""
    for nid, n in c.ledger.notices.items():
        followed = any(p.rectified is not None or any(r.done is not None for r in p.reviews) for p in n.problems)
        if followed and UnitType.leading_group not in _types(c, n.report_to):
            c.emit("notice", nid, "rectification_not_reported", "report_to" if n.report_to else "problems", severity=W)
