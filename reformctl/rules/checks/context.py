"""The context every check writes to: the ledger, the diagnostics so far, and the checks of references."""

from __future__ import annotations

from typing import Collection, Optional

from ...model import Diagnostic, Ledger, Severity
from ...model.records import UnitType
from ...model.types import ID_RE


W = Severity.warning


class _Ctx:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.out: list[Diagnostic] = []
        self.known_units = ledger.units  # looked up for every reference: once, not through the property
        self.known_plans: Collection[str] = ledger.plans  # membership only

    def emit(self, kind: str, item_id: str, key: str, *path, severity: Severity = Severity.error, **params):
        """A diagnostic of message ``key`` (:mod:`reformctl.i18n.diagnostics`) with ``params``, at ``path``."""
        self.out.append(
            Diagnostic.of(
                self.ledger.file_of(kind, item_id),
                key,
                severity,
                path=self.ledger.path_in_file(kind, item_id, *path),
                **params,
            )
        )

    # references --------------------------------------------------------
    def unit(self, kind: str, item_id: str, value: Optional[str], *path) -> None:
        if value is not None and value not in self.known_units:
            self.emit(kind, item_id, "unknown_unit", *path, unit=value)

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
            self.emit(kind, item_id, "unknown_unit.special_group", *path, unit=value)
        elif unit.type is not UnitType.special_group:
            self.emit(kind, item_id, "not_special_group", *path, unit=value, type=unit.type.value)

    def plan(self, kind: str, item_id: str, value: Optional[str], *path, free_text: bool = False) -> None:
        """A plan reference. With ``free_text``, only values shaped like an id must resolve."""
        if value is None or value in self.known_plans:
            return
        if free_text and not ID_RE.match(value):
            return
        self.emit(kind, item_id, "unknown_plan", *path, plan=value)
