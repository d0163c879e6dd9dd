"""Checks of the notices, reminders and reports: references, deadlines in days or working days."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from ..workdays import CalendarUnknown, add_working_days
from .context import W, _Ctx


def _working_days(
    c: _Ctx,
    kind: str,
    item_id: str,
    what: dict,
    start: dt.date,
    n: int,
    date: Optional[dt.date],
    date_field: str,
    *path,
) -> None:
    """A deadline given in working days: the calendar must know the years it spans; a date given as well wins.
    ``what``: ``{"no": problem number}`` for a problem's deadline, ``{}`` for a reminder's report."""
    problem = bool(what)
    field = "due_working_days" if date_field == "due" else "report_within_working_days"
    try:
        computed = add_working_days(start, n)
    except CalendarUnknown as exc:
        c.emit(
            kind,
            item_id,
            "working_days_unknown_year.problem" if problem else "working_days_unknown_year.report",
            *path,
            field,
            severity=W,
            n=n,
            start=start,
            first=exc.known[0],
            last=exc.known[1],
            year=exc.year,
            **what,
        )
        return
    if date is not None and date != computed:
        c.emit(
            kind,
            item_id,
            "deadline_conflict.problem" if problem else "deadline_conflict.report",
            *path,
            field,
            severity=W,
            date_field=date_field,
            date=date,
            field=field,
            n=n,
            computed=computed,
            **what,
        )


def _notices(c: _Ctx) -> None:
    for nid, n in c.ledger.notices.items():
        c.unit("notice", nid, n.issued_by, "issued_by")
        c.unit("notice", nid, n.to_unit, "to_unit")
        seen: set[int] = set()
        for i, p in enumerate(n.problems):
            if p.no in seen:
                c.emit("notice", nid, "duplicate_problem_no", "problems", i, "no", no=p.no)
            seen.add(p.no)
            c.unit("notice", nid, p.responsible, "problems", i, "responsible")
            if p.due is not None and p.due < n.issued:
                c.emit("notice", nid, "date_order.problem_due", "problems", i, "due", no=p.no, due=p.due)
            if p.due_working_days is not None:
                _working_days(c, "notice", nid, {"no": p.no}, n.issued, p.due_working_days, p.due, "due", "problems", i)
            for j, r in enumerate(p.reviews):
                if r.due < n.issued:
                    c.emit(
                        "notice",
                        nid,
                        "review_out_of_range",
                        "problems",
                        i,
                        "reviews",
                        j,
                        "due",
                        no=p.no,
                        due=r.due,
                        issued=n.issued,
                    )
            if p.verified is not None and p.rectified is None:
                c.emit("notice", nid, "status_mismatch.verified", "problems", i, "verified", no=p.no)
            if p.rectified is not None and p.rectified < n.issued:
                c.emit(
                    "notice",
                    nid,
                    "date_order.problem_rectified",
                    "problems",
                    i,
                    "rectified",
                    no=p.no,
                    rectified=p.rectified,
                )
            if p.verified is not None and p.rectified is not None and p.verified < p.rectified:
                c.emit(
                    "notice",
                    nid,
                    "date_order.problem_verified",
                    "problems",
                    i,
                    "verified",
                    no=p.no,
                    verified=p.verified,
                )


def _reminders(c: _Ctx) -> None:
    for rid, r in c.ledger.reminders.items():
        c.plan("reminder", rid, r.plan, "plan", free_text=True)
        c.units("reminder", rid, r.to, "to")
        if r.report_due is not None and r.report_due < r.issued:
            c.emit("reminder", rid, "date_order.report_due", "report_due", report_due=r.report_due, issued=r.issued)
        if r.report_within_working_days is not None:
            _working_days(c, "reminder", rid, {}, r.issued, r.report_within_working_days, r.report_due, "report_due")
        for i, rep in enumerate(r.reports):
            c.unit("reminder", rid, rep.unit, "reports", i, "unit")
            if rep.unit not in r.to and rep.unit in c.ledger.units:
                c.emit("reminder", rid, "report_not_requested", "reports", i, "unit", severity=W, unit=rep.unit)


def _reports(c: _Ctx) -> None:
    from ...model.types import quarter_bounds

    for rid, r in c.ledger.reports.items():
        c.unit("report", rid, r.unit, "unit")
        c.unit("report", rid, r.to, "to")
        first, _last = quarter_bounds(r.quarter)
        if r.submitted < first:
            c.emit("report", rid, "date_order.report_submitted", "submitted", submitted=r.submitted, quarter=r.quarter)
