"""Diagnostics: what `check` reports. Every one carries file, line, column, severity, code, message."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Mapping, Union

from ..i18n import diagnostics as _texts

PathPart = Union[str, int]


class Invalid(ValueError):
    """A value a record refuses, said as a message key of :mod:`reformctl.i18n.diagnostics` and its values;
    ``str()`` is the English. The loader's diagnostic carries the key, so it can be said in any language."""

    def __init__(self, key: str, **params: Any):
        self.key, self.params = key, params
        super().__init__(_texts.render(key, params, "en"))

    def said(self) -> dict:
        """The message as a value of another message (a nested message of :mod:`reformctl.i18n.diagnostics`)."""
        return {"key": self.key, "params": self.params}


class Severity(str, Enum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the ledger.

    ``path`` is the location inside the file's YAML document (keys and list indexes); rules fill it and
    leave ``line``/``column`` at 0, and the loader resolves them from the file (:func:`reformctl.load.locate`).
    Lines and columns count from 1; 0 means "the file as a whole" or "not resolved yet".

    ``key`` names the message's template in :mod:`reformctl.i18n.diagnostics` (the code, or ``code.variant``)
    and ``params`` its values: :meth:`of` renders ``message`` (English, the wording of the JSON contract) from
    them, and :meth:`text` the same message in any language. Build diagnostics with :meth:`of`.
    """

    file: str
    code: str
    message: str
    severity: Severity = Severity.error
    line: int = 0
    column: int = 0
    path: tuple[PathPart, ...] = field(default=(), compare=False)
    key: str = field(default="", compare=False)
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def of(
        cls,
        file: str,
        key: str,
        /,
        severity: Severity = Severity.error,
        *,
        path: tuple[PathPart, ...] = (),
        line: int = 0,
        column: int = 0,
        **params: Any,
    ) -> "Diagnostic":
        """The diagnostic of template ``key`` (``code`` or ``code.variant``) with ``params`` (plain values:
        strings, numbers, lists of them), its English message rendered from the catalogue."""
        code = key.partition(".")[0]
        return cls(file, code, _texts.render(key, params, "en"), severity, line, column, path, key, params)

    def text(self, lang: str) -> str:
        """The message in ``lang`` (zh or en); English as it is when the diagnostic has no template."""
        if lang == "en" or not self.key:
            return self.message
        return _texts.render(self.key, self.params, lang)

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
