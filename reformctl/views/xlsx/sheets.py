"""The layout of the workbook: each sheet, its columns (field, type, width, the computed read-only ones)."""

from __future__ import annotations

import builtins  # Col has a field named `type`
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Optional

from ...i18n.sheets import cell
from ...i18n.workbook import COLUMNS, SHEET_NAMES
from ...model import Record
from ...model import records as R
from .labels import LIST_SEPS, PROBLEM_SHEETS, RO, RO_EN, _norm_header


class CellError(ValueError):
    """A cell that cannot be read (bad date, number, yes/no or choice): a key of the reader's messages
    (reformctl/i18n/sheets.py ``CELL``) and its values; ``str()`` is the English."""

    def __init__(self, key: str, **params: Any):
        super().__init__(cell(key, "en", **params))
        self.key, self.params = key, params


@dataclass(frozen=True)
class Col:
    header: str  # the Chinese header (a read-only column's ends in (只读))
    field: str = ""  # model field; "" for a computed (read-only) column
    type: str = "text"  # text | date | list | intlist | bool | int | float | enum
    enum: Optional[builtins.type[Enum]] = None
    width: int = 14
    compute: Optional[Callable[[Record, str], Any]] = None  # read-only columns: (record, lang) -> cell
    en: str = ""  # the English header (default: the field's name)

    @property
    def readonly(self) -> bool:
        return not self.field

    def head(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.en or self.field
        return self.header

    def names(self) -> set[str]:
        """Every header this column is read under (normalised): Chinese, English, the field name."""
        return {_norm_header(h) for h in (self.header, self.head("en"), self.field) if h}


@dataclass(frozen=True)
class Sheet:
    kind: str
    title: str  # Chinese
    cols: tuple[Col, ...]
    importable: bool = True
    light: bool = False  # has the light and message columns
    en: str = ""  # English title

    def editable(self) -> list[Col]:
        return [c for c in self.cols if not c.readonly]

    def name(self, lang: str = "zh") -> str:
        return self.en if lang == "en" and self.en else self.title


def _milestones(t: R.Task, lang: str = "zh") -> str:
    return "\n".join(f"{m.name} {m.due}" + (f" ✓{m.done}" if m.done else "") for m in t.milestones)


def _latest(t: R.Task, lang: str = "zh") -> str:
    if not t.progress:
        return ""
    p = max(t.progress, key=lambda p: p.date)
    return f"{p.date} {p.note}"


def _rectified(n: R.Notice, lang: str = "zh") -> str:
    return f"{sum(p.rectified is not None for p in n.problems)}/{len(n.problems)}"


def _verified(n: R.Notice, lang: str = "zh") -> str:
    return f"{sum(p.verified is not None for p in n.problems)}/{len(n.problems)}"


def _reported(r: R.Reminder, lang: str = "zh") -> str:
    return LIST_SEPS[lang].join(f"{x.unit}({x.date})" for x in r.reports)


def col(code: str, type: str = "text", enum=None, width: int = 14) -> Col:  # noqa: A002
    """The editable column of the field ``code`` names (``kind.field``), headed by its words in the catalogue."""
    words = COLUMNS[code]
    return Col(words.zh, code.split(".", 1)[1], type, enum, width, None, words.en)


def computed(code: str, compute: Optional[Callable[..., Any]] = None, width: int = 14) -> Col:
    """A computed, read-only column (ignored on import): its header ends in (只读) / (read-only)."""
    words = COLUMNS[code]
    return Col(words.zh + RO, "", "text", None, width, compute, words.en + RO_EN)


def sheet(kind: str, cols: tuple[Col, ...], importable: bool = True, light: bool = False) -> Sheet:
    """The sheet of ``kind``, named from the catalogue; a sheet that is not imported is named read-only."""
    words = SHEET_NAMES[kind]
    suffix = ("", "") if importable else (RO, RO_EN)
    return Sheet(kind, words.zh + suffix[0], cols, importable, light, words.en + suffix[1])


SHEETS: tuple[Sheet, ...] = (
    sheet(
        "task",
        (
            col("task.id", width=13),
            col("task.title", width=40),
            col("task.year", "int", width=7),
            col("task.source", width=16),
            col("task.major", "bool", width=9),
            col("task.leader", width=10),
            col("task.goal", width=30),
            col("task.lead_unit"),
            col("task.responsible_units", "list", width=24),
            col("task.special_group", width=22),
            col("task.start", "date", width=12),
            col("task.due", "date", width=12),
            col("task.status", "enum", R.TaskStatus, width=9),
            col("task.completed", "date", width=12),
            col("task.closed", "date", width=12),
            col("task.cancel_reason", width=16),
            col("task.reopen_reason", width=16),
            col("task.evidence", "list", width=20),
            computed("task.milestones", compute=_milestones, width=34),
            computed("task.latest_progress", compute=_latest, width=34),
        ),
        light=True,
    ),
    sheet(
        "pilot",
        (
            col("pilot.id", width=12),
            col("pilot.title", width=36),
            col("pilot.plan", width=13),
            col("pilot.unit"),
            col("pilot.lead_leader", width=10),
            col("pilot.promotion_plan", width=24),
            col("pilot.working_team", "list", width=24),
            col("pilot.start", "date", width=12),
            col("pilot.end", "date", width=12),
            col("pilot.filed", "date", width=12),
            col("pilot.status", "enum", R.PilotStatus, width=9),
            col("pilot.exited", "date", width=12),
            col("pilot.exit_reason", width=20),
            col("pilot.completed", "date", width=12),
            col("pilot.exemption", width=16),
        ),
        light=True,
    ),
    sheet(
        "notice",
        (
            col("notice.id", width=13),
            col("notice.issued", "date", width=12),
            col("notice.issued_by"),
            col("notice.to_unit"),
            col("notice.subject", width=30),
            computed("notice.rectified", compute=_rectified, width=9),
            computed("notice.verified", compute=_verified, width=9),
        ),
        light=True,
    ),
    sheet(
        "plan",
        (
            col("plan.id", width=13),
            col("plan.title", width=36),
            col("plan.level", "enum", R.PlanLevel, width=9),
            col("plan.special_group", width=22),
            col("plan.lead_unit"),
            col("plan.upper_plan", width=24),
            col("plan.needs_stability_assessment", "bool", width=8),
            col("plan.stability_assessment", "date", width=12),
            col("plan.legality_review", "date", width=12),
            col("plan.review_scheduled", "date", width=12),
            col("plan.approved", "date", width=12),
            col("plan.issued", "date", width=12),
            col("plan.status", "enum", R.PlanStatus, width=9),
            col("plan.closed", "date", width=12),
        ),
        light=True,
    ),
    sheet(
        "reminder",
        (
            col("reminder.id", width=13),
            col("reminder.plan", width=36),
            col("reminder.issued", "date", width=12),
            col("reminder.subject", width=30),
            col("reminder.to", "list", width=30),
            col("reminder.report_due", "date", width=12),
            col("reminder.report_within_working_days", "int", width=10),
            computed("reminder.reported", compute=_reported, width=36),
        ),
        light=True,
    ),
    sheet(
        "report",
        (
            col("report.id"),
            col("report.unit"),
            col("report.quarter", width=9),
            col("report.submitted", "date", width=12),
            col("report.to", width=22),
            col("report.summary", width=30),
        ),
    ),
    sheet(
        "event",
        (
            col("event.id", width=12),
            col("event.kind", "enum", R.EventKind, width=12),
            col("event.unit", width=22),
            col("event.date", "date", width=12),
            col("event.title", width=36),
            col("event.plans", "list", width=16),
            col("event.commissioners", "list", width=16),
            col("event.authorized", "date", width=12),
            col("event.authorization"),
            col("event.report_to", "list", width=16),
        ),
    ),
    sheet(
        "accountability",
        (
            col("accountability.id", width=12),
            col("accountability.target"),
            col("accountability.person"),
            col("accountability.ground", width=20),
            col("accountability.measure", "enum", R.Measure, width=10),
            col("accountability.decided", "date", width=12),
            col("accountability.implemented_by", "list", width=20),
            col("accountability.exemption", width=16),
            col("accountability.points", "float", width=7),
        ),
    ),
    sheet(
        "case",
        (
            col("case.id", width=12),
            col("case.title", width=36),
            col("case.unit"),
            col("case.kind", "enum", R.CaseKind, width=10),
            col("case.date", "date", width=12),
            col("case.listed", "date", width=12),
            col("case.delisted", "date", width=12),
            col("case.promoted", "intlist", width=10),
            col("case.compiled", "intlist", width=10),
            col("case.summary", width=30),
        ),
    ),
    sheet("assessment", (col("assessment.year", "int", width=8),)),
    sheet(
        "closeout",
        (
            col("closeout.year", "int", width=8),
            col("closeout.date", "date", width=12),
        ),
        importable=False,
    ),
    sheet(
        "unit",
        (
            col("unit.id", width=16),
            col("unit.name", width=36),
            col("unit.type", "enum", R.UnitType, width=12),
            col("unit.parent", width=16),
        ),
        importable=False,
    ),
    sheet(
        "commissioner",
        (
            col("commissioner.id", width=10),
            col("commissioner.name", width=10),
            col("commissioner.unit", width=16),
        ),
        importable=False,
    ),
)
SHEETS_BY_KIND = {s.kind: s for s in SHEETS}
SHEETS_BY_TITLE = {s.title: s for s in SHEETS}
PROBLEM_SHEET = PROBLEM_SHEETS["zh"]
PROBLEM_COLS: tuple[Col, ...] = (
    col("problem.notice", width=13),
    col("problem.no", "int", width=6),
    col("problem.description", width=40),
    col("problem.responsible"),
    col("problem.due", "date", width=12),
    col("problem.due_working_days", "int", width=10),
    col("problem.rectified", "date", width=12),
    col("problem.verified", "date", width=12),
    col("problem.refused", "bool", width=9),
    computed("problem.reviews", width=34),
)
