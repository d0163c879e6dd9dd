"""Checks beyond the schema: references, date order and the seed's articles. Pure functions, no I/O.

Each check yields :class:`~reformctl.model.Diagnostic` objects carrying a YAML ``path``; the load layer
turns paths into lines (:func:`reformctl.load.locate`). Every code is listed in :mod:`reformctl.i18n.catalogue`.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

from .. import i18n
from ..model import Diagnostic, Ledger, Severity
from ..model.records import EventKind, Measure, PilotStatus, PlanStatus, TaskStatus, UnitType
from ..model.types import ID_RE
from .dates import add_days, add_months
from .workdays import CalendarUnknown, add_working_days

W = Severity.warning


class _Ctx:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.out: list[Diagnostic] = []
        self.known_units = ledger.units  # looked up for every reference: once, not through the property
        self.known_plans = ledger.plans

    def emit(self, kind: str, item_id: str, code: str, message: str, *path, severity: Severity = Severity.error):
        self.out.append(
            Diagnostic(
                self.ledger.file_of(kind, item_id),
                code,
                message,
                severity=severity,
                path=self.ledger.path_in_file(kind, item_id, *path),
            )
        )

    # references --------------------------------------------------------
    def unit(self, kind: str, item_id: str, value: Optional[str], *path) -> None:
        if value is not None and value not in self.known_units:
            self.emit(kind, item_id, "unknown_unit", f"unit `{value}` is not in units.yaml", *path)

    def units(self, kind: str, item_id: str, values, field: str) -> None:
        known = self.known_units
        for i, v in enumerate(values):
            if v not in known:
                self.unit(kind, item_id, v, field, i)

    def special_group(self, kind: str, item_id: str, value: Optional[str], *path) -> None:
        if value is None:
            return
        unit = self.known_units.get(value)
        if unit is None:
            self.emit(kind, item_id, "unknown_unit", f"special group `{value}` is not in units.yaml", *path)
        elif unit.type is not UnitType.special_group:
            self.emit(
                kind, item_id, "not_special_group", f"`{value}` is a {unit.type.value}, not a special_group", *path
            )

    def plan(self, kind: str, item_id: str, value: Optional[str], *path, free_text: bool = False) -> None:
        """A plan reference. With ``free_text``, only values shaped like an id must resolve."""
        if value is None or value in self.known_plans:
            return
        if free_text and not ID_RE.match(value):
            return
        self.emit(kind, item_id, "unknown_plan", f"plan `{value}` is not in plans/", *path)


def _tasks(c: _Ctx) -> None:
    L = c.ledger
    units, plans = c.known_units, c.known_plans
    done_states = (TaskStatus.completed, TaskStatus.closed)
    closed, cancelled = TaskStatus.closed, TaskStatus.cancelled
    for tid, t in L.tasks.items():
        # the references: a membership test first (nearly always true), the helper words what is wrong
        if t.lead_unit not in units:
            c.unit("task", tid, t.lead_unit, "lead_unit")
        for u in t.responsible_units:
            if u not in units:
                c.units("task", tid, t.responsible_units, "responsible_units")
                break
        if t.special_group is not None:
            c.special_group("task", tid, t.special_group, "special_group")
        if t.source is not None and t.source not in plans:
            c.plan("task", tid, t.source, "source", free_text=True)
        if t.start > t.due:
            c.emit("task", tid, "date_order", f"start {t.start} is after the deadline {t.due}", "start")
        if t.major:
            missing = [f for f in ("leader", "goal") if not getattr(t, f)]
            if not t.responsible_units:
                missing.append("responsible_units")
            if missing:
                c.emit(
                    "task",
                    tid,
                    "major_task_incomplete",
                    "a major reform task (art. 6) must name its leader, lead unit, responsible units and goal; "
                    f"missing: {', '.join(missing)}",
                    "major",
                )
        if t.status in done_states and t.completed is None:
            c.emit("task", tid, "completed_missing", f"status {t.status.value} needs a `completed` date", "status")
        if t.completed is not None and t.status not in done_states:
            c.emit(
                "task",
                tid,
                "status_mismatch",
                f"`completed` is set but status is {t.status.value} (use completed or closed)",
                "completed",
            )
        if t.status is closed and t.closed is None:
            c.emit("task", tid, "closed_missing", "status closed needs a `closed` date (the write-off date)", "status")
        if t.closed is not None and t.status is not closed:
            c.emit("task", tid, "closed_not_closed", f"`closed` is set but status is {t.status.value}", "closed")
        if t.completed is not None and t.completed < t.start:
            c.emit("task", tid, "date_order", f"completed {t.completed} is before the start {t.start}", "completed")
        if t.closed is not None and t.completed is not None and t.closed < t.completed:
            c.emit("task", tid, "date_order", f"closed {t.closed} is before completed {t.completed}", "closed")
        for i, m in enumerate(t.milestones):
            if m.due < t.start:
                c.emit(
                    "task",
                    tid,
                    "milestone_out_of_range",
                    f"milestone `{m.name}` is due {m.due}, before the task starts ({t.start})",
                    "milestones",
                    i,
                    "due",
                )
            elif m.due > t.due and not t.extensions and not t.carry_over:
                c.emit(
                    "task",
                    tid,
                    "milestone_out_of_range",
                    f"milestone `{m.name}` is due {m.due}, after the task's deadline {t.due}",
                    "milestones",
                    i,
                    "due",
                    severity=W,
                )
            if m.done is not None and m.done < t.start:
                c.emit(
                    "task",
                    tid,
                    "date_order",
                    f"milestone `{m.name}` done {m.done}, before the task starts",
                    "milestones",
                    i,
                    "done",
                )
        for i, p in enumerate(t.progress):
            if p.date < t.start:
                c.emit(
                    "task",
                    tid,
                    "progress_out_of_range",
                    f"progress entry dated {p.date}, before the task starts ({t.start})",
                    "progress",
                    i,
                    "date",
                    severity=W,
                )
            if i and p.date < t.progress[i - 1].date:
                c.emit(
                    "task",
                    tid,
                    "progress_out_of_order",
                    f"progress entries are appended in date order; {p.date} follows {t.progress[i - 1].date}",
                    "progress",
                    i,
                    "date",
                    severity=W,
                )
        if t.carry_over is not None:
            if t.carry_over.new_due <= t.due:
                c.emit(
                    "task",
                    tid,
                    "carry_over_date",
                    f"carry_over.new_due {t.carry_over.new_due} must be after the deadline {t.due}",
                    "carry_over",
                    "new_due",
                )
            if t.status in done_states:
                c.emit(
                    "task",
                    tid,
                    "carry_over_done",
                    f"a {t.status.value} task needs no carry_over",
                    "carry_over",
                    severity=W,
                )
        for i, e in enumerate(t.extensions):
            if e.new_due <= e.old_due:
                c.emit(
                    "task",
                    tid,
                    "extension_date",
                    f"extension new_due {e.new_due} is not after old_due {e.old_due}",
                    "extensions",
                    i,
                    "new_due",
                )
            if e.requested > e.old_due:
                c.emit(
                    "task",
                    tid,
                    "extension_late",
                    f"extension asked on {e.requested}, after the deadline {e.old_due} had passed (逾期申请延期)",
                    "extensions",
                    i,
                    "requested",
                    severity=W,
                )
        if t.status is cancelled and not t.cancel_reason:
            c.emit(
                "task",
                tid,
                "cancel_reason_missing",
                "a cancelled task states why (`cancel_reason`)",
                "status",
                severity=W,
            )


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
            c.emit("pilot", pid, "date_order", f"start {p.start} is after the end {p.end}", "start")
            continue
        missing = [f for f in ("lead_leader", "promotion_plan", "working_team") if not getattr(p, f)]
        if missing:
            c.emit(
                "pilot",
                pid,
                "pilot_incomplete",
                "a pilot has one lead leader, one promotion plan and one working team (art. 8); "
                f"missing: {', '.join(missing)}",
            )
        if p.end > _term_last_day(p.start, limit):
            if not (p.exemption or "").strip():
                c.emit(
                    "pilot",
                    pid,
                    "pilot_term_exceeded",
                    f"term {p.start} to {p.end} is over {limit} months (R4); state why in `exemption`",
                    "end",
                )
        elif p.end > _term_last_day(p.start, term):
            c.emit(
                "pilot",
                pid,
                "pilot_term_long",
                f"term {p.start} to {p.end} is over the normal {term} months (R4)",
                "end",
                severity=W,
            )
        if p.status is PilotStatus.exited and not p.exit_reason:
            c.emit("pilot", pid, "pilot_exit_reason", "an exited pilot states why (`exit_reason`)", "status")
        if p.filed is not None and p.filed < add_days(p.start, -366):
            c.emit("pilot", pid, "date_order", f"filed {p.filed} long before the start {p.start}", "filed", severity=W)


def _plans(c: _Ctx) -> None:
    s = c.ledger.settings
    level = s.level.value if s else None
    for pid, p in c.ledger.plans.items():
        c.special_group("plan", pid, p.special_group, "special_group")
        c.unit("plan", pid, p.lead_unit, "lead_unit")
        is_out = p.status in (PlanStatus.issued, PlanStatus.closed)
        if is_out and p.issued is None:
            c.emit("plan", pid, "plan_issued_missing", f"status {p.status.value} needs an `issued` date", "status")
        if p.issued is not None and not is_out:
            c.emit("plan", pid, "status_mismatch", f"`issued` is set but status is {p.status.value}", "issued")
        if p.status is PlanStatus.closed and p.closed is None:
            c.emit("plan", pid, "closed_missing", "status closed needs a `closed` date", "status")
        if p.closed is not None and p.status is not PlanStatus.closed:
            c.emit("plan", pid, "closed_not_closed", f"`closed` is set but status is {p.status.value}", "closed")
        if p.approved and p.issued and p.issued < p.approved:
            c.emit("plan", pid, "date_order", f"issued {p.issued} before it was approved {p.approved}", "issued")
        if p.needs_stability_assessment and p.issued is not None:
            if p.stability_assessment is None:
                c.emit(
                    "plan",
                    pid,
                    "plan_stability_missing",
                    "a plan touching people's vital interests needs a social-stability risk assessment before it "
                    "is issued (art. 5)",
                    "stability_assessment"
                    if "stability_assessment" in p.model_fields_set
                    else "needs_stability_assessment",
                )
            elif p.stability_assessment > p.issued:
                c.emit(
                    "plan",
                    pid,
                    "plan_stability_missing",
                    f"stability assessment {p.stability_assessment} came after the plan was issued {p.issued} (art. 5)",
                    "stability_assessment",
                )
        # Art. 5 binds the plans this level drafts: a central or provincial document kept for reference (the
        # plan that is docked) owes neither a legality review nor a leading-group approval here.
        own = level is None or p.level.value == level
        if own and p.issued is not None and (p.upper_plan or p.docks or p.overall):
            why = (
                "an overall plan of a key reform field"
                if p.overall and not (p.upper_plan or p.docks)
                else "a plan docking an upper-level plan"
            )
            if p.approved is None:
                c.emit(
                    "plan",
                    pid,
                    "plan_approval_missing",
                    f"{why} passes a leading-group meeting (`approved`) before it is issued (art. 5)",
                    "approved" if "approved" in p.model_fields_set else "issued",
                )
        if own and p.issued is not None:
            if p.legality_review is None:
                c.emit(
                    "plan",
                    pid,
                    "plan_legality_missing",
                    "an issued plan needs a legality review (art. 5)",
                    "legality_review" if "legality_review" in p.model_fields_set else "issued",
                )
            elif p.legality_review > p.issued:
                c.emit(
                    "plan",
                    pid,
                    "plan_legality_missing",
                    f"legality review {p.legality_review} came after the plan was issued {p.issued} (art. 5)",
                    "legality_review",
                )


def _working_days(
    c: _Ctx, kind: str, item_id: str, what: str, start: dt.date, n: int, date: Optional[dt.date], date_field: str, *path
) -> None:
    """A deadline given in working days: the calendar must know the years it spans; a date given as well wins."""
    field = "due_working_days" if date_field == "due" else "report_within_working_days"
    try:
        computed = add_working_days(start, n)
    except CalendarUnknown as exc:
        c.emit(
            kind,
            item_id,
            "working_days_unknown_year",
            f"{what}: {n} working days after {start} cannot be counted: {exc}",
            *path,
            field,
            severity=W,
        )
        return
    if date is not None and date != computed:
        c.emit(
            kind,
            item_id,
            "deadline_conflict",
            f"{what}: `{date_field}` {date} and `{field}` {n} ({computed}) disagree; the date `{date_field}` is used",
            *path,
            field,
            severity=W,
        )


def _notices(c: _Ctx) -> None:
    for nid, n in c.ledger.notices.items():
        c.unit("notice", nid, n.issued_by, "issued_by")
        c.unit("notice", nid, n.to_unit, "to_unit")
        seen: set[int] = set()
        for i, p in enumerate(n.problems):
            if p.no in seen:
                c.emit(
                    "notice", nid, "duplicate_problem_no", f"problem number {p.no} is used twice", "problems", i, "no"
                )
            seen.add(p.no)
            c.unit("notice", nid, p.responsible, "problems", i, "responsible")
            if p.due is not None and p.due < n.issued:
                c.emit(
                    "notice",
                    nid,
                    "date_order",
                    f"problem {p.no} is due {p.due}, before the notice was issued",
                    "problems",
                    i,
                    "due",
                )
            if p.due_working_days is not None:
                _working_days(
                    c, "notice", nid, f"problem {p.no}", n.issued, p.due_working_days, p.due, "due", "problems", i
                )
            for j, r in enumerate(p.reviews):
                if r.due < n.issued:
                    c.emit(
                        "notice",
                        nid,
                        "review_out_of_range",
                        f"review of problem {p.no} due {r.due}, before the notice was issued {n.issued}",
                        "problems",
                        i,
                        "reviews",
                        j,
                        "due",
                    )
            if p.verified is not None and p.rectified is None:
                c.emit(
                    "notice",
                    nid,
                    "status_mismatch",
                    f"problem {p.no} is verified but not rectified",
                    "problems",
                    i,
                    "verified",
                )
            if p.rectified is not None and p.rectified < n.issued:
                c.emit(
                    "notice",
                    nid,
                    "date_order",
                    f"problem {p.no} rectified {p.rectified}, before the notice was issued",
                    "problems",
                    i,
                    "rectified",
                )
            if p.verified is not None and p.rectified is not None and p.verified < p.rectified:
                c.emit(
                    "notice",
                    nid,
                    "date_order",
                    f"problem {p.no} verified {p.verified} before it was rectified",
                    "problems",
                    i,
                    "verified",
                )


def _reminders(c: _Ctx) -> None:
    for rid, r in c.ledger.reminders.items():
        c.plan("reminder", rid, r.plan, "plan", free_text=True)
        c.units("reminder", rid, r.to, "to")
        if r.report_due is not None and r.report_due < r.issued:
            c.emit(
                "reminder", rid, "date_order", f"report_due {r.report_due} is before issued {r.issued}", "report_due"
            )
        if r.report_within_working_days is not None:
            _working_days(
                c, "reminder", rid, "the report", r.issued, r.report_within_working_days, r.report_due, "report_due"
            )
        for i, rep in enumerate(r.reports):
            c.unit("reminder", rid, rep.unit, "reports", i, "unit")
            if rep.unit not in r.to and rep.unit in c.ledger.units:
                c.emit(
                    "reminder",
                    rid,
                    "report_not_requested",
                    f"`{rep.unit}` reported but is not in `to`",
                    "reports",
                    i,
                    "unit",
                    severity=W,
                )


def _reports(c: _Ctx) -> None:
    from ..model.types import quarter_bounds

    for rid, r in c.ledger.reports.items():
        c.unit("report", rid, r.unit, "unit")
        c.unit("report", rid, r.to, "to")
        first, _last = quarter_bounds(r.quarter)
        if r.submitted < first:
            c.emit(
                "report", rid, "date_order", f"submitted {r.submitted}, before quarter {r.quarter} began", "submitted"
            )


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


def _units(c: _Ctx) -> None:
    L = c.ledger
    level = L.settings.level.value if L.settings else "city"
    for uid, u in L.units.items():
        c.unit("unit", uid, u.parent, "parent")
        st = u.staff
        if st is None:
            continue
        if u.type is UnitType.special_group and st.total is not None and st.total < 2:
            c.emit(
                "unit",
                uid,
                "staff_special_group",
                f"a special group office has at least 2 staff (R19); {st.total} recorded",
                "staff",
                "total",
                severity=W,
            )
        if u.type is UnitType.party_committee or (u.type is UnitType.reform_office and level == "district"):
            if st.full_time_deputy is False or (st.sections is not None and st.sections < 1):
                c.emit(
                    "unit",
                    uid,
                    "staff_district_office",
                    "a district reform office has a full-time deputy director and at least one section (R20)",
                    "staff",
                    severity=W,
                )
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
                "unit",
                uid,
                "staff_supervision",
                f"at least {need} full-time supervision staff (R21); {st.supervision} recorded",
                "staff",
                "supervision",
                severity=W,
            )


def _settings(c: _Ctx) -> None:
    s = c.ledger.settings
    if s and s.rules.pilot_max_months < s.rules.pilot_term_months:
        c.out.append(
            Diagnostic(
                "reformctl.yaml",
                "settings_invalid",
                "rules.pilot_max_months is shorter than rules.pilot_term_months",
                path=("rules", "pilot_max_months"),
            )
        )


def _members(c: _Ctx) -> None:
    from .levels import check_members

    c.out.extend(check_members(c.ledger))


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
        for i, item in enumerate(co.carried_over):
            if item.id not in all_ids:
                c.emit(
                    "closeout",
                    year,
                    "unknown_item",
                    f"`{item.id}` is not an item of this ledger",
                    "carried_over",
                    i,
                    "id",
                )


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
                f"`{n.issued_by}` ({by.type.value}) may not supervise `{n.to_unit}` ({to.type.value}): a notice "
                "goes down the tiers of supervision (art. 11)",
                "to_unit",
            )
    for rid, r in L.reminders.items():
        for i, u in enumerate(r.to):
            unit = L.units.get(u)
            if unit is not None and unit.type in (UnitType.leading_group, UnitType.reform_office):
                c.emit(
                    "reminder",
                    rid,
                    "supervision_direction",
                    f"a supervision reminder goes from the office to the special groups and departments, not to "
                    f"`{u}` ({unit.type.value}) (art. 11, 13)",
                    "to",
                    i,
                )


def _types(c: _Ctx, ids) -> set:
    return {c.ledger.units[u].type for u in ids if u in c.ledger.units}


def _reporting_lines(c: _Ctx) -> None:
    """Who each report goes to: art. 12 (evaluations), art. 13 (inspections, R14 notices, R15 quarterly reports)."""
    L = c.ledger
    for rid, r in L.reports.items():
        unit = L.units.get(r.unit)
        if unit is None:
            continue
        to = L.units.get(r.to) if r.to else None
        if unit.type is UnitType.special_group:
            if to is None or to.type is not UnitType.leading_group:
                c.emit(
                    "report",
                    rid,
                    "quarterly_report_recipient",
                    "a special group reports its field each quarter to the leading group: set `to` (R15)",
                    "to" if r.to else "unit",
                    severity=W,
                )
        else:
            missing = []
            if to is None or to.type is not UnitType.special_group:
                missing.append("`to` its special group")
            copy = L.units.get(r.copy_to) if r.copy_to else None
            if copy is None or copy.type is not UnitType.reform_office:
                missing.append("`copy_to` the reform office")
            if missing:
                c.emit(
                    "report",
                    rid,
                    "quarterly_report_recipient",
                    f"a lead unit reports each quarter to its special group with a copy filed with the reform "
                    f"office: set {' and '.join(missing)} (R15)",
                    "to" if r.to else "unit",
                    severity=W,
                )
    for eid, e in L.events.items():
        types = _types(c, e.report_to)
        where = "report_to" if e.report_to else "kind"
        if e.kind is EventKind.evaluation:
            upper = any(u != e.unit and L.units[u].type is UnitType.reform_office for u in e.report_to if u in L.units)
            if UnitType.leading_group not in types or not upper:
                c.emit(
                    "event",
                    eid,
                    "evaluation_not_reported",
                    "the evaluation report goes to the same-level leading group and the upper-level reform office: "
                    "list both in `report_to` (art. 12)",
                    where,
                    severity=W,
                )
            if e.form is None:
                c.emit(
                    "event",
                    eid,
                    "evaluation_form_missing",
                    "say the form of the evaluation in `form`: self_evaluation, spot_check or third_party (art. 13)",
                    "kind",
                    severity=W,
                )
        elif e.kind is EventKind.ledger_inspection and UnitType.leading_group not in types:
            c.emit(
                "event",
                eid,
                "inspection_not_reported",
                "the results of a ledger inspection are reported to the leading group: list it in `report_to` "
                "(art. 13)",
                where,
                severity=W,
            )
    for nid, n in L.notices.items():
        followed = any(p.rectified is not None or any(r.done is not None for r in p.reviews) for p in n.problems)
        if followed and UnitType.leading_group not in _types(c, n.report_to):
            c.emit(
                "notice",
                nid,
                "rectification_not_reported",
                "the analysis of how the rectification goes is reported to the same-level leading group: list it "
                "in `report_to` once follow-up has begun (R14)",
                "report_to" if n.report_to else "problems",
                severity=W,
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


CHECKS: tuple[Callable[[_Ctx], None], ...] = (
    _settings,
    _units,
    _tasks,
    _pilots,
    _plans,
    _notices,
    _reminders,
    _reports,
    _events,
    _accountability,
    _others,
    _members,
    _supervision,
    _reporting_lines,
    _programme_duties,
)


def check_ledger(ledger: Ledger) -> list[Diagnostic]:
    """Every cross-record finding of ``ledger`` (paths set, lines not yet resolved)."""
    ctx = _Ctx(ledger)
    for fn in CHECKS:
        fn(ctx)
    return ctx.out
