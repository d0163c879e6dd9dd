"""The context every check writes to: the ledger, the diagnostics so far, and the checks of references."""

from __future__ import annotations

from typing import Optional

from ...model import Diagnostic, Ledger, Severity
from ...model.records import UnitType
from ...model.types import ID_RE


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
