"""The quarterly (or yearly) summary: task counts per lead unit or special group. Pure functions, no I/O.

The task figures follow docs/format.md (``summary --format json``) exactly, for a period from ``first`` to
``last`` (a quarter, or a whole year with ``--year``):

- ``tasks``: tasks open at some time in the period: started on or before its last day and not completed
  before its first;
- ``due_in_quarter``: tasks whose ``due`` falls inside the period;
- ``completed_in_quarter``: tasks whose completion date falls inside the period;
- ``overdue``: tasks due on or before the period's last day and not completed by then;
- ``completion_rate``: the share of ``due_in_quarter`` tasks completed by the period's last day; ``None`` when
  none was due.

A task's completion date is ``completed`` (required for completed and closed tasks). Cancelled tasks are left
out of every figure: they are neither open, due nor overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..model import Ledger, Task, TaskStatus
from ..model.types import quarter_bounds, quarter_of

FIGURES = ("tasks", "due_in_quarter", "completed_in_quarter", "overdue")
NO_GROUP = ""  # the key of tasks without a special group in a --by special_group summary


@dataclass
class Counts:
    """Task figures of one row (or of the totals)."""

    tasks: int = 0
    due_in_quarter: int = 0
    completed_in_quarter: int = 0
    overdue: int = 0
    due_done: int = 0  # due in the period and completed by its last day (numerator of completion_rate)

    @property
    def completion_rate(self) -> Optional[float]:
        return self.due_done / self.due_in_quarter if self.due_in_quarter else None

    def add_task(self, t: Task, first: dt.date, last: dt.date) -> None:
        done = completion_date(t)
        if t.start <= last and (done is None or done >= first):
            self.tasks += 1
        if first <= t.due <= last:
            self.due_in_quarter += 1
            if done is not None and done <= last:
                self.due_done += 1
        if done is not None and first <= done <= last:
            self.completed_in_quarter += 1
        if t.due <= last and (done is None or done > last):
            self.overdue += 1

    def __iadd__(self, other: "Counts") -> "Counts":
        for f in FIGURES + ("due_done",):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        return self

    def as_dict(self, names: tuple[str, ...] = FIGURES) -> dict:
        """The figures under ``names`` (the period's words, see :meth:`Summary.figure_names`)."""
        out = {name: getattr(self, f) for name, f in zip(names, FIGURES)}
        out["completion_rate"] = self.completion_rate
        return out


@dataclass
class Row:
    key: str  # unit id or special group id ("" for tasks without a special group)
    counts: Counts = field(default_factory=Counts)
    known: bool = True  # False: no figures can be given (a member never fetched or unreadable), shown as none


def figures_of(row: Row, names: tuple[str, ...] = FIGURES) -> dict:
    """The row's figures under ``names``; each ``None`` for a row whose figures are not known."""
    if not row.known:
        return {**{name: None for name in names}, "completion_rate": None}
    return row.counts.as_dict(names)


@dataclass
class Summary:
    period: str  # "2016Q3" or "2016"
    first: dt.date
    last: dt.date
    by: str  # "unit" | "special_group"
    rows: list[Row]
    totals: Counts
    quarter: Optional[str] = None
    year: Optional[int] = None

    def figure_names(self) -> tuple[str, ...]:
        """The names of the figures in JSON and CSV: ``due_in_quarter``/``completed_in_quarter`` for a quarter
        (the format's names), ``due_in_year``/``completed_in_year`` for a year, ``..._in_period`` otherwise."""
        word = "quarter" if self.quarter else "year" if self.year is not None else "period"
        return tuple(f.replace("_quarter", f"_{word}") for f in FIGURES)

    def as_dict(self) -> dict:
        """The JSON shape of docs/format.md (plus ``period``, ``first``, ``last``, ``by``, ``year``)."""
        key = "unit" if self.by == "unit" else "special_group"
        rows = []
        for r in self.rows:
            d = {"unit": r.key or None}
            if key != "unit":
                d[key] = r.key or None
            d.update(figures_of(r, self.figure_names()))
            rows.append(d)
        out: dict[str, object] = {"quarter": self.quarter}
        if self.year is not None:
            out["year"] = self.year
        out.update(
            {
                "period": self.period,
                "first": self.first.isoformat(),
                "last": self.last.isoformat(),
                "by": self.by,
                "rows": rows,
                "totals": self.totals.as_dict(self.figure_names()),
            }
        )
        return out


def completion_date(t: Task) -> Optional[dt.date]:
    """The day a task was completed: ``completed`` (closed tasks keep theirs)."""
    if t.completed is not None:
        return t.completed
    if t.status in (TaskStatus.closed,) and t.closed is not None:
        return t.closed
    return None


def counted_tasks(ledger: Ledger) -> Iterable[Task]:
    return (t for t in ledger.tasks.values() if t.status is not TaskStatus.cancelled)


def _unit_order(ledger: Ledger) -> dict[str, int]:
    return {uid: i for i, uid in enumerate(ledger.units)}


def summarize(
    ledger: Ledger,
    first: dt.date,
    last: dt.date,
    *,
    by: str = "unit",
    period: str = "",
    quarter: Optional[str] = None,
    year: Optional[int] = None,
) -> Summary:
    """Task figures for the period ``first``..``last``, one row per lead unit (``by="unit"``) or per special
    group (``by="special_group"``). Every lead unit (special group) of a non-cancelled task has a row, in the
    order of units.yaml, even when all its figures are zero."""
    if by not in ("unit", "special_group"):
        raise ValueError(f"by is unit or special_group, not {by!r}")
    rows: dict[str, Row] = {}
    totals = Counts()
    for t in counted_tasks(ledger):
        key = t.lead_unit if by == "unit" else (t.special_group or NO_GROUP)
        row = rows.setdefault(key, Row(key))
        row.counts.add_task(t, first, last)
    order = _unit_order(ledger)
    ordered = sorted(rows.values(), key=lambda r: (r.key == NO_GROUP, order.get(r.key, len(order)), r.key))
    for r in ordered:
        totals += r.counts
    return Summary(period or f"{first}..{last}", first, last, by, ordered, totals, quarter=quarter, year=year)


def quarter_summary(ledger: Ledger, quarter: str, by: str = "unit") -> Summary:
    first, last = quarter_bounds(quarter)
    return summarize(ledger, first, last, by=by, period=quarter, quarter=quarter)


def year_summary(ledger: Ledger, year: int, by: str = "unit") -> Summary:
    return summarize(ledger, dt.date(year, 1, 1), dt.date(year, 12, 31), by=by, period=str(year), year=year)


def quarters_between(first: dt.date, last: dt.date) -> list[str]:
    """Every quarter from the one holding ``first`` to the one holding ``last``."""
    out, q = [], quarter_of(first)
    end = quarter_of(last)
    while True:
        out.append(q)
        if q == end or len(out) > 400:
            return out
        y, n = int(q[:4]), int(q[5])
        q = f"{y + (n == 4)}Q{1 if n == 4 else n + 1}"


def ledger_quarters(ledger: Ledger, as_of: dt.date) -> list[str]:
    """The quarters the ledger spans: from its start (or the earliest task start) to ``as_of``'s quarter."""
    starts = [t.start for t in counted_tasks(ledger)]
    begin = ledger.settings.start if ledger.settings else as_of
    if starts:
        begin = max(min(starts), begin) if ledger.settings else min(starts)
    return quarters_between(min(begin, as_of), as_of)


def trend(ledger: Ledger, quarters: list[str]) -> list[tuple[str, Counts]]:
    """Totals per quarter (the completion trend)."""
    return [(q, quarter_summary(ledger, q).totals) for q in quarters]


# ---------------------------------------------------------------- further sections
def _in(day: Optional[dt.date], first: dt.date, last: dt.date) -> bool:
    return day is not None and first <= day <= last


def pilot_counts(ledger: Ledger, first: dt.date, last: dt.date) -> dict:
    """Pilots running at some time in the period (started by its last day, not exited or completed before its
    first), those whose term ends inside it, and those started, completed or exited inside it."""
    running = ending = started = finished = exited = 0
    for p in ledger.pilots.values():
        stop = p.exited or p.completed
        if p.start <= last and (stop is None or stop >= first):
            running += 1
        ending += _in(p.end, first, last)
        started += _in(p.start, first, last)
        finished += _in(p.completed, first, last)
        exited += _in(p.exited, first, last)
    return {"active": running, "ending": ending, "started": started, "completed": finished, "exited": exited}


def problem_counts(ledger: Ledger, first: dt.date, last: dt.date) -> dict:
    """Rectification problems: issued (notice issued inside the period), rectified and verified inside it, and
    open at its end (issued by then, not rectified by then)."""
    issued = rectified = verified = open_ = 0
    for n in ledger.notices.values():
        for pr in n.problems:
            issued += _in(n.issued, first, last)
            rectified += _in(pr.rectified, first, last)
            verified += _in(pr.verified, first, last)
            if n.issued <= last and (pr.rectified is None or pr.rectified > last):
                open_ += 1
    return {"issued": issued, "rectified": rectified, "verified": verified, "open": open_}


def _state_day(last: dt.date, as_of: Optional[dt.date]) -> dt.date:
    """The day the period's state is judged on: its last day, or ``as_of`` when that comes first."""
    return last if as_of is None else min(last, as_of)


def overdue_counts(ledger: Ledger, last: dt.date, as_of: Optional[dt.date]) -> dict[str, int]:
    """Red findings of the deadline engine per rule, as of the period's end (or ``as_of`` if earlier)."""
    from .findings import findings

    out: dict[str, int] = {}
    for f in findings(ledger, _state_day(last, as_of)):
        if f.light == "red":
            out[f.rule] = out.get(f.rule, 0) + 1
    return out


def obligation_figures(ledger: Ledger, period: str, as_of: Optional[dt.date]) -> tuple[dict, dict]:
    """(quarterly reports, obligations) of the period from the deadline engine's obligations: each met, missed
    (not met and due on or before ``as_of``) or pending (not yet due)."""
    from .obligations import obligations

    reports = {"due": 0, "filed": 0, "missing": 0, "pending": 0}
    per_rule: dict[str, dict] = {}
    detail = []
    for o in obligations(ledger, period, as_of):
        state = "met" if o.met else ("missed" if as_of is None or o.due <= as_of else "pending")
        if o.rule == "report_missing":
            reports["due"] += 1
            reports[{"met": "filed", "missed": "missing", "pending": "pending"}[state]] += 1
        row = per_rule.setdefault(o.rule, {"rule": o.rule, "met": 0, "missed": 0, "pending": 0})
        row[state] += 1
        detail.append(
            {
                "rule": o.rule,
                "unit": o.unit,
                "period": o.period,
                "due": o.due.isoformat(),
                "state": state,
                "id": o.id,
                "count": o.count,
                "need": o.need,
            }
        )
    totals = {k: sum(r[k] for r in per_rule.values()) for k in ("met", "missed", "pending")}
    return reports, {**totals, "rules": list(per_rule.values()), "items": detail}


def sections(
    ledger: Ledger, first: dt.date, last: dt.date, as_of: Optional[dt.date] = None, period: Optional[str] = None
) -> dict:
    """Every section of the summary beyond the contract's task figures, as plain data (JSON-ready). Overdue
    figures are the deadline engine's red findings as of the period's end (or ``as_of`` when earlier)."""
    red = overdue_counts(ledger, last, as_of)
    pilots = pilot_counts(ledger, first, last)
    pilots["overdue"] = red.get("pilot_overdue", 0)
    pilots["not_filed"] = red.get("pilot_not_filed", 0)
    problems = problem_counts(ledger, first, last)
    problems["overdue"] = red.get("problem_overdue", 0)
    reports, obligations = obligation_figures(ledger, period or str(first.year), as_of)
    from .lateness import counts, filings

    # what was filed in the period, on time or late (a late filing stays late once it is in)
    timeliness = counts(filings(ledger, as_of, first=first, last=last))
    return {
        "pilots": pilots,
        "problems": problems,
        "reports": reports,
        "obligations": obligations,
        "timeliness": timeliness,
    }
