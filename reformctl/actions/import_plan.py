"""Planning an Excel import: read the workbook, merge every row into the item it names (fields without a column
keep their value; the hidden JSON column, when present, replaces them), validate with the models, the rules of a
change and the ledger checks, and list the changes and every problem with its sheet, row and column. Writes
nothing: :func:`reformctl.actions.exchange.write_import` writes a plan with no problems as one commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..model import KINDS_BY_NAME, Diagnostic, Ledger, Record


@dataclass
class Change:
    kind: str
    id: str
    rel: str  # ledger-relative file
    new: Record
    old: Optional[Record]
    changed: list[str]  # top-level fields that change (all for a new item)


@dataclass(frozen=True)
class ImportProblem:
    """Why a row of the workbook cannot be imported: its place (sheet, row, column) and what, in English (the
    ``str``) and Chinese."""

    sheet: str
    row: int
    column: str
    en: str
    zh: str

    def text(self, lang: str) -> str:
        from ..i18n import sheets

        return sheets.problem(self.sheet, self.row, self.column, self.zh if lang == "zh" else self.en, lang)

    def __str__(self) -> str:
        return self.text("en")

    @classmethod
    def of(cls, where: tuple[str, int, str], d: Diagnostic, coded: bool = True) -> "ImportProblem":
        """The problem a diagnostic of the ledger's rules gives at ``where`` (with its code, unless not ``coded``)."""
        code = f"[{d.code}] " if coded else ""
        return cls(*where, code + d.message, code + d.text("zh"))


@dataclass
class ImportPlan:
    changes: list[Change] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    rows: int = 0
    sheets: list[str] = field(default_factory=list)

    @property
    def created(self) -> list[Change]:
        return [c for c in self.changes if c.old is None]

    @property
    def updated(self) -> list[Change]:
        return [c for c in self.changes if c.old is not None]


def _data(rec: Optional[Record]) -> dict:
    return rec.model_dump(mode="json", exclude_defaults=True) if rec is not None else {}


def _merge(old: Optional[Record], row, sheet) -> dict:
    data = _data(old)
    if row.json is not None:
        shown = {c.field for c in sheet.editable()}
        data = {k: v for k, v in data.items() if k in shown}
        data.update(row.json)
    for k, v in row.values.items():
        if v is None or v == []:
            data.pop(k, None)
        else:
            data[k] = v
    return data


def _apply_problem_rows(data: dict, rows) -> None:
    problems = data.setdefault("problems", [])
    if not isinstance(problems, list):
        return
    for pr in rows:
        target = next((p for p in problems if isinstance(p, dict) and p.get("no") == pr.no), None)
        if target is None:
            target = {}
            problems.append(target)
        for k, v in pr.values.items():
            if v is None:
                target.pop(k, None)
            else:
                target[k] = v


def _where(loc: tuple, row, sheet, problem_rows) -> tuple[str, int, str]:
    """(sheet, row, column) of a validation error at ``loc`` (a pydantic location)."""
    top = loc[0] if loc else ""
    if top == "problems" and len(loc) > 1 and isinstance(loc[1], int) and problem_rows:
        for pr in problem_rows:
            if pr.index == loc[1]:
                fieldname = loc[2] if len(loc) > 2 else ""
                return pr.sheet, pr.row, pr.where.get(fieldname, "")
    if row is None:
        return sheet.title, 0, ""
    if top in row.where:
        return row.sheet, row.row, row.where[top]
    return row.sheet, row.row, row.json_where if row.json is not None else ""


class UnreadableWorkbook(ValueError):
    """The workbook's file could not be read as a workbook (its zip or XML is damaged)."""


def plan_import(ledger: Ledger, path: Path, progress=None) -> ImportPlan:
    """Read the workbook and work out every change, validating everything; writes nothing."""
    from ..views import xlsx

    try:
        res = xlsx.read_workbook(path, progress=progress)
    except (OSError, ValueError, KeyError):
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged zip or XML raises anything (zlib.error, NotImplementedError...)
        raise UnreadableWorkbook(f"{type(exc).__name__}: {exc}") from exc
    plan = ImportPlan(sheets=res.sheets)
    plan.problems += [ImportProblem(p.sheet, p.row, p.column, p.text("en"), p.text("zh")) for p in res.problems]
    by_notice: dict[str, list] = {}
    for pr in res.problem_rows:
        by_notice.setdefault(pr.notice, []).append(pr)
    plan.problems += _unknown_notices(ledger, res, by_notice)
    candidates = _candidates(ledger, res, by_notice, plan)
    merged = _validated(ledger, candidates, plan)
    rows_of = {(k, i): (row, prows) for k, i, _d, _o, row, prows in candidates}
    plan.problems += _change_rules(plan, rows_of)
    if merged:
        plan.problems += _cross_checks(ledger, plan, rows_of)
    return plan


def _unknown_notices(ledger: Ledger, res, by_notice: dict[str, list]) -> list[ImportProblem]:
    """Problem rows naming a notice that is neither on the notice sheet nor in the ledger."""
    from ..i18n.sheets import text

    out = []
    for nid, prows in by_notice.items():
        if nid not in res.items.get("notice", {}) and nid not in ledger.notices:
            for pr in prows:
                said = (text("unknown_notice", lang, notice=nid) for lang in ("en", "zh"))
                out.append(ImportProblem(pr.sheet, pr.row, pr.where.get("notice", ""), *said))
    return out


Candidate = tuple[str, str, dict, Any, Any, list]  # kind, id, merged data, the record before, its row, problem rows


def _candidates(ledger: Ledger, res, by_notice: dict[str, list], plan: ImportPlan) -> list[Candidate]:
    """Every row of an importable sheet merged onto the record it names (notices take their problem rows)."""
    from ..views import xlsx

    out: list[Candidate] = []
    for sheet in xlsx.SHEETS:
        if not sheet.importable:
            continue
        rows = dict(res.items.get(sheet.kind, {}))
        if sheet.kind == "notice":
            for nid in by_notice:
                if nid not in rows and nid in ledger.notices:
                    rows[nid] = None
        for item_id, row in rows.items():
            plan.rows += row is not None
            kind = KINDS_BY_NAME[sheet.kind]
            old = ledger.of(sheet.kind).get(item_id if kind.key == "id" else _year_key(ledger, sheet.kind, item_id))
            data = _merge(old, row, sheet) if row is not None else _data(old)
            prows = by_notice.get(item_id, []) if sheet.kind == "notice" else []
            if prows:
                _apply_problem_rows(data, prows)
                for pr in prows:
                    pr.index = next((i for i, p in enumerate(data.get("problems", [])) if p.get("no") == pr.no), -1)
            out.append((sheet.kind, item_id, data, old, row, prows))
    return out


def _validated(ledger: Ledger, candidates: list[Candidate], plan: ImportPlan) -> dict[tuple[str, str], Record]:
    """Validate each candidate into its record; a valid one that differs from the ledger becomes a change."""
    from pydantic import ValidationError

    from ..load import validation_diagnostics
    from ..views import xlsx

    merged: dict[tuple[str, str], Record] = {}
    for kind_name, item_id, data, old, row, prows in candidates:
        kind = KINDS_BY_NAME[kind_name]
        sheet = xlsx.SHEETS_BY_KIND[kind_name]
        try:
            rec = kind.model.model_validate(data)
        except ValidationError as exc:
            for d in validation_diagnostics("", exc):
                plan.problems.append(ImportProblem.of(_where(d.path, row, sheet, prows), d, coded=False))
            continue
        if _data(rec) == _data(old):
            continue
        merged[(kind_name, item_id)] = rec
        key = str(getattr(rec, kind.key))
        changed = sorted(
            set(_data(rec)) ^ set(_data(old)) | {k for k in _data(rec) if _data(rec).get(k) != _data(old).get(k)}
        )
        rel = ledger.file_of(kind_name, key) or f"{kind.folder}/{key}.yaml"
        plan.changes.append(Change(kind_name, key, rel, rec, old, changed))
    return merged


def _change_rules(plan: ImportPlan, rows_of: dict) -> list[ImportProblem]:
    """The rules of `check --base` for each change (closed items are not edited, progress/reviews/reports only
    appended, a changed due needs an extension record...): an import never makes a commit CI refuses."""
    from ..views import xlsx
    from .changes import compare_item

    out = []
    for c in plan.changes:
        if c.old is None:
            continue
        row, prows = rows_of.get((c.kind, c.id), (None, []))
        for d in compare_item(c.kind, c.rel, _data(c.old), _data(c.new), "HEAD"):
            if d.severity.value != "error":
                continue
            out.append(ImportProblem.of(_where(d.path, row, xlsx.SHEETS_BY_KIND[c.kind], prows), d))
    return out


def _cross_checks(ledger: Ledger, plan: ImportPlan, rows_of: dict) -> list[ImportProblem]:
    """Cross-record checks (references, date order, the seed's articles) on the ledger as it would become:
    the errors that are new and in a file the import changes."""
    from ..model import Ledger as LedgerT
    from ..rules.checks import check_ledger
    from ..views import xlsx

    items = {k: dict(v) for k, v in ledger.items.items()}
    files = dict(ledger.files)
    for c in plan.changes:
        items.setdefault(c.kind, {})[c.id] = c.new
        files[(c.kind, c.id)] = c.rel
    after = LedgerT(root=ledger.root, settings=ledger.settings, items=items, files=files, index=dict(ledger.index))
    before = {(d.file, d.code, d.message) for d in check_ledger(ledger)}
    touched = {c.rel: c for c in plan.changes}
    out = []
    for d in check_ledger(after):
        if d.severity.value != "error" or d.file not in touched or (d.file, d.code, d.message) in before:
            continue
        c = touched[d.file]
        row, prows = rows_of.get((c.kind, c.id), (None, []))
        out.append(ImportProblem.of(_where(d.path, row, xlsx.SHEETS_BY_KIND[c.kind], prows), d))
    return out


def _year_key(ledger: Ledger, kind: str, item_id: str):
    """Assessments and close-outs are keyed by year (an int in the model, the file stem as text)."""
    for k in ledger.of(kind):
        if str(k) == str(item_id):
            return k
    return item_id
