"""Library entry points: what the CLI calls, usable from Python too (library first, thin CLI)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load import LoadResult, load_ledger, locate
from .model import Diagnostic, Severity
from .rules.checks import check_ledger


@dataclass
class CheckReport:
    root: Path
    diagnostics: list[Diagnostic]
    files: int

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.error for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity is Severity.warning for d in self.diagnostics)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def check(root: Path, loaded: LoadResult | None = None, *, cache: bool | None = None, base: str | None = None,
          ratchet: bool = False, as_of=None) -> CheckReport:
    """Load ``root`` (unless given) and run every check; diagnostics sorted by file, line, column.
    ``cache``: see :func:`reformctl.load.load_ledger` (default: on unless ``$REFORMCTL_NO_CACHE``).
    ``base``: a git revision; the change from it to the working tree is checked too (:mod:`reformctl.basecheck`;
    raises :class:`reformctl.basecheck.BaseRefError` when it is not a commit); ``ratchet``: no new red finding
    as of ``as_of`` compared with ``base``."""
    base_diags: list[Diagnostic] = []
    if base is not None:
        from .basecheck import change_diagnostics

        base_diags = change_diagnostics(root, base, ratchet=ratchet, as_of=as_of)
    res = loaded or load_ledger(root, cache=cache)
    diags = res.diagnostics + check_ledger(res.ledger) + base_diags
    diags = sorted(locate(root, diags), key=Diagnostic.sort_key)
    return CheckReport(root, diags, files=len(set(res.ledger.files.values())) + 1)


# ---------------------------------------------------------------- summaries and reports (issue 5)
@dataclass
class SummaryReport:
    """The quarterly summary: the contract's task figures plus further sections (pilots, problems, reports
    filed, obligations) computed by the rules layer."""

    summary: "object"
    sections_data: dict

    def extra_json(self) -> dict:
        return dict(self.sections_data)


def summary(ledger, *, quarter=None, year=None, by: str = "unit", as_of=None) -> SummaryReport:
    """The summary of ``quarter`` (``2016Q3``) or ``year`` for a loaded ledger."""
    from .rules import summary as rs

    s = rs.year_summary(ledger, year, by) if year is not None else rs.quarter_summary(ledger, quarter, by)
    return SummaryReport(s, rs.sections(ledger, s.first, s.last, as_of, s.period))


def status(ledger, as_of, *, horizon=None, units=None, kinds=None, rules=None, lights=None):
    """The deadline findings of ``ledger`` as of ``as_of`` (an :class:`~reformctl.rules.findings.Evaluation`),
    filtered by unit, kind, rule and light. ``horizon`` (days) also returns green findings due up to
    ``as_of + horizon`` (for the agenda)."""
    from .rules.findings import evaluate, select

    ev = evaluate(ledger, as_of, horizon=horizon, rules=rules or None)
    ev.findings = select(ev.findings, units=units, kinds=kinds, lights=lights)
    return ev


def deadline_horizon(ledger, as_of) -> int:
    """Days from ``as_of`` to the last deadline written in the ledger (at least a year): the calendar window."""
    import datetime as _dt

    days = [as_of + _dt.timedelta(days=366)]
    for t in ledger.tasks.values():
        days.append(t.due)
        days += [m.due for m in t.milestones]
        if t.carry_over:
            days.append(t.carry_over.new_due)
    for p in ledger.pilots.values():
        days.append(p.end)
    for n in ledger.notices.values():
        for pr in n.problems:
            days += [d for d in [pr.due] + [r.due for r in pr.reviews] if d]
    for r in ledger.reminders.values():
        if r.report_due:
            days.append(r.report_due)
    return max(0, (max(days) - as_of).days + 31)


def calendar(ledger, as_of, horizon=None) -> list:
    """Every open deadline (red, yellow and upcoming) of the deadline engine from the ledger's start up to
    ``as_of + horizon`` days (default: the last deadline in the ledger, at least a year ahead)."""
    from .rules.findings import evaluate

    h = deadline_horizon(ledger, as_of) if horizon is None else horizon
    return evaluate(ledger, as_of, horizon=h).findings
