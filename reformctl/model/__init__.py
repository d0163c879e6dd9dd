"""The model layer: pydantic record types, the immutable :class:`Ledger` and diagnostics. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from .diagnostic import Diagnostic, Severity

if TYPE_CHECKING:  # for type checkers and readers; at run time __getattr__ below imports them on first use
    from .records import (
        Accountability,
        Assessment,
        Case,
        CaseKind,
        CloseOut,
        Commissioner,
        Event,
        EventKind,
        Measure,
        Notice,
        Pilot,
        PilotStatus,
        Plan,
        PlanStatus,
        Record,
        Reminder,
        Report,
        Settings,
        Task,
        TaskStatus,
        Unit,
        UnitType,
    )

# The record classes live in .records (pydantic). They are imported on first use, so that listing a ledger's
# files and reading remembered answers (reformctl.load.memo) do not pay for building every model.
_RECORDS = (
    "Accountability",
    "Assessment",
    "Case",
    "CaseKind",
    "CloseOut",
    "Commissioner",
    "Event",
    "EventKind",
    "Measure",
    "Notice",
    "Pilot",
    "PilotStatus",
    "Plan",
    "PlanStatus",
    "Record",
    "Reminder",
    "Report",
    "Settings",
    "Task",
    "TaskStatus",
    "Unit",
    "UnitType",
)


def __getattr__(name: str):
    if name in _RECORDS:
        from . import records

        value = getattr(records, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_validators() -> None:
    """Build every record's validator now. They are built on first use (``defer_build``: a command that reads
    its answers from the cache never pays for them); forked workers that validate would each build their own,
    so a command builds them once before forking."""
    from .records import Record

    todo: list[type] = [Record]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if not cls.__dict__.get("__pydantic_complete__", False):
            cls.model_rebuild(force=True)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Kind:
    """One record kind: where its files live and which model validates them."""

    name: str  # singular, as in status JSON `kind`
    folder: str  # folder under the ledger root ("" for single files)
    model_name: str  # the class in .records that validates it (see ``model``)
    list_file: Optional[str] = None  # for kinds kept as one YAML list (units.yaml)
    key: str = "id"  # the field that must equal the file stem

    @property
    def model(self) -> type[Record]:
        cls = _MODELS.get(self.model_name)
        if cls is None:
            from . import records

            cls = _MODELS[self.model_name] = getattr(records, self.model_name)
        return cls


_MODELS: dict[str, type] = {}


# Folder kinds: one item per file, file stem == id (== year for assessments and close-outs).
FOLDER_KINDS: tuple[Kind, ...] = (
    Kind("plan", "plans", "Plan"),
    Kind("task", "tasks", "Task"),
    Kind("pilot", "pilots", "Pilot"),
    Kind("notice", "notices", "Notice"),
    Kind("reminder", "reminders", "Reminder"),
    Kind("report", "reports", "Report"),
    Kind("event", "events", "Event"),
    Kind("accountability", "accountability", "Accountability"),
    Kind("case", "cases", "Case"),
    Kind("assessment", "assessments", "Assessment", key="year"),
    Kind("closeout", "closeouts", "CloseOut", key="year"),
)
LIST_KINDS: tuple[Kind, ...] = (
    Kind("unit", "", "Unit", list_file="units.yaml"),
    Kind("commissioner", "", "Commissioner", list_file="commissioners.yaml"),
)
SETTINGS_FILE = "reformctl.yaml"
KINDS_BY_NAME = {k.name: k for k in FOLDER_KINDS + LIST_KINDS}
KINDS_BY_FOLDER = {k.folder: k for k in FOLDER_KINDS}


@dataclass(frozen=True)
class Ledger:
    """Everything read from a ledger folder. Immutable by convention: rules only read it.

    ``items[kind][id]`` is the validated record; ``files[(kind, id)]`` the POSIX path of its file relative
    to ``root``, and ``index[(kind, id)]`` its index inside a list file (units, commissioners).
    """

    root: Path
    settings: Optional[Settings]
    items: dict[str, dict[str, Record]] = field(default_factory=dict)
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    index: dict[tuple[str, str], int] = field(default_factory=dict)

    def of(self, kind: str) -> dict:
        return self.items.get(kind, {})

    @property
    def units(self) -> dict[str, Unit]:
        return self.of("unit")

    @property
    def commissioners(self) -> dict[str, Commissioner]:
        return self.of("commissioner")

    @property
    def tasks(self) -> dict[str, Task]:
        return self.of("task")

    @property
    def plans(self) -> dict[str, Plan]:
        return self.of("plan")

    @property
    def pilots(self) -> dict[str, Pilot]:
        return self.of("pilot")

    @property
    def notices(self) -> dict[str, Notice]:
        return self.of("notice")

    @property
    def reminders(self) -> dict[str, Reminder]:
        return self.of("reminder")

    @property
    def reports(self) -> dict[str, Report]:
        return self.of("report")

    @property
    def events(self) -> dict[str, Event]:
        return self.of("event")

    @property
    def accountability(self) -> dict[str, Accountability]:
        return self.of("accountability")

    @property
    def cases(self) -> dict[str, Case]:
        return self.of("case")

    @property
    def assessments(self) -> dict[str, Assessment]:
        return self.of("assessment")

    @property
    def closeouts(self) -> dict[str, CloseOut]:
        return self.of("closeout")

    def file_of(self, kind: str, item_id: str) -> str:
        return self.files.get((kind, item_id), "")

    def path_in_file(self, kind: str, item_id: str, *rest) -> tuple:
        """The YAML path of a field of an item inside its file (list kinds are prefixed by their index)."""
        i = self.index.get((kind, item_id))
        return ((i,) if i is not None else ()) + tuple(rest)


__all__ = [
    "Accountability",
    "Assessment",
    "Case",
    "CaseKind",
    "CloseOut",
    "Commissioner",
    "Diagnostic",
    "Event",
    "EventKind",
    "FOLDER_KINDS",
    "KINDS_BY_FOLDER",
    "KINDS_BY_NAME",
    "Kind",
    "LIST_KINDS",
    "Ledger",
    "Measure",
    "Notice",
    "Pilot",
    "PilotStatus",
    "Plan",
    "PlanStatus",
    "Record",
    "Reminder",
    "Report",
    "SETTINGS_FILE",
    "Settings",
    "Severity",
    "Task",
    "TaskStatus",
    "Unit",
    "UnitType",
    "build_validators",
]
