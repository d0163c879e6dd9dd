"""Diagnostics: what `check` reports. Every one carries file, line, column, severity, code, message."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Union

PathPart = Union[str, int]


class Severity(str, Enum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the ledger.

    ``path`` is the location inside the file's YAML document (keys and list indexes); rules fill it and
    leave ``line``/``column`` at 0, and the loader resolves them from the file (:func:`reformctl.load.locate`).
    Lines and columns count from 1; 0 means "the file as a whole" or "not resolved yet".
    """

    file: str
    code: str
    message: str
    severity: Severity = Severity.error
    line: int = 0
    column: int = 0
    path: tuple[PathPart, ...] = field(default=(), compare=False)

    def at(self, line: int, column: int) -> "Diagnostic":
        return replace(self, line=line, column=column)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line or 1,
            "column": self.column or 1,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }
