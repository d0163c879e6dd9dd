"""Library entry points: what the CLI calls, usable from Python too (library first, thin CLI)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from pathlib import Path

from .errors import LedgerHasErrors
from .base.lifetime import collector_paused, keep_until_exit
from .load import LoadResult, load_ledger, locate
from .model import Diagnostic, Severity

if TYPE_CHECKING:
    from .rules.summary import Summary


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


def check(
    root: Path,
    loaded: LoadResult | None = None,
    *,
    cache: bool | None = None,
    base: str | None = None,
    ratchet: bool = False,
    as_of=None,
) -> CheckReport:
    """Load ``root`` (unless given) and run every check; diagnostics sorted by file, line, column.
    ``cache``: see :func:`reformctl.load.load_ledger` (default: on unless ``$REFORMCTL_NO_CACHE``).
    ``base``: a git revision; the change from it to the working tree is checked too (:mod:`reformctl.actions.changes`;
    raises :class:`reformctl.actions.changes.BaseRefError` when it is not a commit); ``ratchet``: no new red finding
    as of ``as_of`` compared with ``base``."""
    base_diags: list[Diagnostic] = []
    if base is not None:
        from .actions.changes import change_diagnostics

        base_diags = locate(root, change_diagnostics(root, base, ratchet=ratchet, as_of=as_of))
    own, files = _check_own(root, loaded, cache)
    return CheckReport(root, sorted(own + base_diags, key=Diagnostic.sort_key), files=files)


def _check_own(root: Path, loaded: LoadResult | None, cache: bool | None) -> tuple[list[Diagnostic], int]:
    """The diagnostics of the ledger itself (files and cross-record checks, lines resolved) and the number of
    files read; remembered per state of the ledger (:mod:`reformctl.load.memo`): they depend on nothing else."""
    memo = None
    key = ("check",)
    if loaded is None:
        from .load.memo import Memo

        memo = Memo.open(root, cache=cache)
        hit = memo.get(key) if memo is not None else None
        if type(hit) is tuple and len(hit) == 2 and isinstance(hit[0], list):
            try:
                return [_diagnostic(row) for row in hit[0]], hit[1]
            except (TypeError, ValueError):
                pass
    from .rules.checks import check_ledger

    res = loaded or load_ledger(root, cache=cache, listing=memo.stamp.listing if memo is not None else None)
    if loaded is None:
        keep_until_exit(res)
    own = sorted(locate(root, res.diagnostics + check_ledger(res.ledger)), key=Diagnostic.sort_key)
    files = res.files_read or len(set(res.ledger.files.values())) + 1  # every file read, broken ones too
    if memo is not None:
        memo.put(
            key,
            (
                [
                    (
                        d.file,
                        d.code,
                        d.message,
                        d.severity.value,
                        d.line,
                        d.column,
                        tuple(d.path),
                        d.key,
                        dict(d.params),
                    )
                    for d in own
                ],
                files,
            ),
        )
    return own, files


def _diagnostic(row: tuple) -> Diagnostic:
    file, code, message, severity, line, column, path, key, params = row
    return Diagnostic(file, code, message, Severity(severity), line, column, tuple(path), key, dict(params))


# ---------------------------------------------------------------- summaries and reports (issue 5)
@dataclass
class SummaryReport:
    """The quarterly summary: the contract's task figures plus further sections (pilots, problems, reports
    filed, obligations) computed by the rules layer."""

    summary: Summary
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


def with_record_errors(res: LoadResult) -> LoadResult:
    """``res`` with the errors between records that `check` reports too (unknown units, date order, the seed's
    rules): a computing command refuses those as it refuses a broken file. Computed once per result."""
    if res.records_checked is None:
        from .rules.checks import check_ledger

        extra = (
            []
            if res.errors or res.ledger.settings is None
            else [d for d in check_ledger(res.ledger) if d.severity is Severity.error]
        )
        res.records_checked = LoadResult(res.ledger, res.diagnostics + extra, res.files_read)
    return res.records_checked


@dataclass
class StatusData:
    """Every red and yellow finding of a ledger as of a date, with its notes and the unit ids (to check
    ``--unit``). ``keys`` holds (unit, kind, rule, light) of each finding, for filtering; ``rows`` the findings
    as plain values (:meth:`~reformctl.rules.findings.Finding.to_row`); ``fragments`` the JSON object of each
    (``status --format json``, a :class:`~reformctl.views.jsonfast.Fragments`) when asked for in a language.
    Either may be None when not asked for.

    ``from_memo`` tells whether it was remembered from an earlier run on the very same files
    (:mod:`reformctl.load.memo`) rather than computed."""

    as_of: object
    keys: list
    note_rows: list
    unit_ids: frozenset
    rows: list | None = None
    fragments: Any = None  # a reformctl.views.jsonfast.Fragments
    from_memo: bool = False
    objects: list | None = None  # the Finding objects themselves, when computed in this run

    def select(self, *, units=None, kinds=None, rules=None, lights=None) -> list[int]:
        """Positions of the findings matching every given filter (None or empty: any), in order."""
        u, k, r, li = (set(x) if x else None for x in (units, kinds, rules, lights))
        if u is None and k is None and r is None and li is None:
            return list(range(len(self.keys)))
        return [
            i
            for i, (unit, kind, rule, light) in enumerate(self.keys)
            if (u is None or unit in u)
            and (k is None or kind in k)
            and (r is None or rule in r)
            and (li is None or light in li)
        ]

    def findings(self, positions=None) -> list:
        if self.objects is not None:
            return list(self.objects) if positions is None else [self.objects[i] for i in positions]
        from .rules.findings import Finding

        every = self.rows or []
        rows = every if positions is None else [every[i] for i in positions]
        return [Finding.from_row(row) for row in rows]

    def lights(self, positions) -> list[str]:
        return [self.keys[i][3] for i in positions]

    def notes(self, *, kinds=None, rules=None) -> list:
        """The notes (what the rules could not judge) about ``kinds`` and from ``rules`` (all when None)."""
        from .rules.findings import Note, select_notes

        return select_notes([Note.from_row(row) for row in self.note_rows], kinds=kinds, rules=rules)

    def write_json(self, positions: list[int], lang: str, out) -> None:
        """``status --format json`` of the selected findings."""
        from .views.jsonfast import Fragments
        from .views.status import json_fragments

        if self.fragments is None:
            Fragments.of(json_fragments(self.findings(positions), lang)).write(list(range(len(positions))), out)
        else:
            self.fragments.write(positions, out)


def status_data(root: Path, as_of, *, cache: bool | None = None, json_lang: str | None = None) -> StatusData:
    """Load ``root`` and compute its findings as of ``as_of`` (and with ``json_lang`` the JSON object of each
    in that language), or take them from the memo when no file, no setting and no code changed since a run
    that computed them (``cache=False`` or ``$REFORMCTL_NO_CACHE``: neither). Raises :class:`LedgerHasErrors`
    when the ledger has errors."""
    from .ahead import recalled
    from .asof import status_another_date
    from .base.lifetime import wait_for
    from .incremental import status_delta, status_key as _status_key

    # tens of thousands of small tuples, none cyclic; the loaded ledger (kept to the end of a command) and the
    # findings outlive this call: frozen out of the collector's way inside a command
    with collector_paused():
        memo, hit = recalled(root, as_of, json_lang, cache, _remembered)
        if hit is not None:
            return hit
        data = status_delta(root, as_of, memo, json_lang) if memo is not None else None
        if data is None and memo is not None:  # another date on the same state: read off what is owed
            data = status_another_date(root, as_of, memo, json_lang)
        pending = None
        if data is None:
            data, pending = _compute_status(root, as_of, cache, memo)
        if json_lang and data.fragments is None and memo is not None and memo.stamp.trusted:
            from .views.jsonfast import Fragments
            from .views.status import json_fragments

            data.fragments = Fragments.of(json_fragments(data.findings(), json_lang))
            memo.put(_status_key("json", as_of, json_lang), (data.fragments.blob, data.fragments.ends))
        wait_for(pending)
        return data


def _remembered(memo, as_of, json_lang) -> StatusData | None:
    """The answer remembered for this very state, date and language (JSON), or None."""
    from .incremental import status_key as _status_key

    hit = memo.get(_status_key("keys", as_of))
    if not (type(hit) is tuple and len(hit) == 3 and isinstance(hit[0], list)):
        return None
    keys = hit[0]
    part = memo.get(_status_key("json", as_of, json_lang) if json_lang else _status_key("rows", as_of))
    if json_lang and type(part) is tuple and len(part) == 2 and len(part[1]) == len(keys):
        from .views.jsonfast import Fragments

        return StatusData(as_of, keys, hit[1], frozenset(hit[2]), fragments=Fragments(*part), from_memo=True)
    if not json_lang and isinstance(part, list) and len(part) == len(keys):
        return StatusData(as_of, keys, hit[1], frozenset(hit[2]), rows=part, from_memo=True)
    return None


def _compute_status(root: Path, as_of, cache, memo) -> tuple[StatusData, int | None]:
    """The findings computed in full, and the process making what this state owes on any date (or None)."""
    from .asof import start_owed
    from .base.lifetime import wait_for
    from .incremental import remember_base, status_key as _status_key
    from .rules.findings import evaluate

    res = load_ledger(root, cache=cache, listing=memo.stamp.listing if memo is not None else None)
    keep_until_exit(res)
    # the checks between records do not depend on the date: another --as-of on the same files skips them
    clean = memo is not None and memo.get(("status", "clean")) is True
    if res.ledger.settings is None or res.errors or (not clean and with_record_errors(res).errors):
        raise LedgerHasErrors(with_record_errors(res))
    if memo is not None and not clean:
        memo.put(("status", "clean"), True)
    pending = start_owed(memo, res.ledger)
    try:
        ev = evaluate(res.ledger, as_of)
    except BaseException:
        wait_for(pending)
        raise
    rows = [f.to_row() for f in ev.findings]
    keys = [(f.unit, f.kind, f.rule, f.light) for f in ev.findings]
    data = StatusData(
        as_of, keys, [n.to_row() for n in ev.notes], frozenset(res.ledger.units), rows=rows, objects=ev.findings
    )
    if memo is not None:
        memo.put(_status_key("rows", as_of), rows)
        memo.put(_status_key("keys", as_of), (keys, data.note_rows, sorted(data.unit_ids)))
        remember_base(memo, res.ledger)
    return data, pending


def latest_record_date(root: Path, as_of, *, cache: bool | None = None):
    """The latest date ``root``'s records say something happened, up to ``as_of`` (deadlines aside); None when
    nothing is dated."""
    from .rules.recorded import latest_date

    res = load_ledger(root, cache=cache)
    keep_until_exit(res)
    return latest_date(res.ledger, as_of)


def calendar(ledger, as_of, horizon=None) -> list:
    """Every open deadline (red, yellow and upcoming) of the deadline engine from the ledger's start up to
    ``as_of + horizon`` days (default: the last deadline in the ledger, at least a year ahead)."""
    from .rules.deadlines import deadline_horizon
    from .rules.findings import evaluate

    h = deadline_horizon(ledger, as_of) if horizon is None else horizon
    return evaluate(ledger, as_of, horizon=h).findings


def report_data(ledger, as_of, lang: str = "zh", quarter=None, progress=None) -> dict:
    """Everything the HTML report shows, computed by the rules layer (summary, deadline engine)."""
    from .model.types import quarter_of
    from .rules import report
    from .rules.findings import findings as all_findings
    from .views.html import unit_light_rows
    from .views.summary import LABELS, header

    steps = progress.add(5, "报告") if progress else None

    def step():
        if progress:
            progress.advance(steps)

    q = quarter or quarter_of(as_of)
    rep = summary(ledger, quarter=q, as_of=as_of)
    s = rep.summary
    step()
    found = all_findings(ledger, as_of)
    step()
    flagged = {(f.kind, f.id) for f in found if f.light in ("red", "yellow")}
    open_tasks, running, quiet = report.open_items(ledger, as_of, flagged)
    pilots = report.pilot_rows(ledger, as_of, found)
    step()
    notices, open_problems = report.notice_rows(ledger, as_of)
    trend = report.trend(ledger, as_of)
    step()
    from .i18n import label

    red = [
        {
            "rule": f.rule,
            "id": f.id,
            "title": f.title or label("rule", f.rule, lang),
            "unit": f.unit,
            "due": f.due.isoformat(),
            "days": f.days,
            "message": f.text(lang),
        }
        for f in found
        if f.light == "red"
    ]
    step()
    return {
        "name": ledger.settings.name if ledger.settings else "reformctl",
        "as_of": as_of,
        "summary": s,
        "summary_header": header(s, lang),
        "total_label": LABELS[lang]["total"],
        "no_group": LABELS[lang]["no_group"],
        "kpis": {
            "open_tasks": open_tasks,
            "red": sum(f.light == "red" for f in found),
            "yellow": sum(f.light == "yellow" for f in found),
            "pilots": running,
            "open_problems": open_problems,
        },
        "lights": unit_light_rows(found, quiet),
        "red": red,
        "trend": trend,
        "pilots": pilots,
        "notices": notices,
        "sections": rep.sections_data,
        "late": _late_rows(ledger, as_of, lang),
    }


def _late_rows(ledger, as_of, lang: str) -> list[dict]:
    """What was filed late, up to the as-of date (the record keeps it once the item is in)."""
    from .rules import lateness
    from .views.history import rows

    return sorted(rows(lateness.late(ledger, as_of), lang), key=lambda d: (d["filed"], d["id"]), reverse=True)
