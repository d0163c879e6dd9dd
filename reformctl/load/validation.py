"""Validating parsed files into records: one file at a time (:func:`validate`, :func:`load_bytes`,
:func:`settings_result`), pydantic's errors mapped to diagnostics with a YAML path (:func:`validation_diagnostics`),
and the path turned into a line and column of the file (:func:`locate`). The one validation path: the store
validates what it is about to write through these functions too."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

from ..model import SETTINGS_FILE, Diagnostic, Kind
from .parse import CONTROL_CODE, fmt_loc, parse_bytes, parse_file
from .reader import held_to_limits, decode, read_text

if TYPE_CHECKING:
    from pydantic import ValidationError

    from ..model import Settings


def _validation_error() -> type[ValidationError]:
    """pydantic's ValidationError (an ``except`` clause evaluates this only when something was raised)."""
    from pydantic import ValidationError

    return ValidationError


_CODE_BY_TYPE = {
    "missing": "missing_field",
    "extra_forbidden": "unknown_field",
    "enum": "invalid_choice",
    "literal_error": "invalid_choice",
    "invalid_date": "invalid_date",
}


def validation_diagnostics(rel: str, exc: "ValidationError", prefix: tuple = ()) -> list[Diagnostic]:
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (p.startswith("function-") or p == "[key]")))
        path = prefix + loc
        etype = err["type"]
        msg = err["msg"]
        if etype == "value_error" and msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        code = _CODE_BY_TYPE.get(etype)
        if code is None:
            code = (
                "invalid_date"
                if ("date YYYY-MM-DD" in msg or "calendar date" in msg or "supported dates" in msg)
                else "too_deep"
                if "levels deep: keep it flatter" in msg
                else "invalid_value"
            )
        where = fmt_loc(loc)
        if etype == "missing":
            text = f"missing required field `{where}`"
        elif etype == "extra_forbidden":
            text = f"unknown field `{where}` (a typo? put free-form data under `extra:`)"
        else:
            shown = err.get("input")
            shown = "" if isinstance(shown, (dict, list)) or code == "invalid_date" else f" (got {shown!r})"
            if etype in ("bool_type", "bool_parsing"):
                shown += "; write true or false (yes/no/on/off are text in YAML 1.2)"
            text = f"{where}: {msg}{shown}" if where else f"{msg}{shown}"
        out.append(Diagnostic(rel, code, text, path=path))
    return out


@dataclass
class FileResult:
    """What one file gave: ``records`` as (id, record, index-in-list) and diagnostics."""

    rel: str
    kind: str
    records: list[tuple[str, Any, Optional[int]]]
    diagnostics: list[Diagnostic]


def load_bytes(rel: str, kind: Kind, data: Optional[bytes], problem: Optional[Diagnostic]) -> FileResult:
    """What one file gives, from its bytes (as read by :func:`read_bytes`)."""
    parsed, diags = parse_bytes(rel, data, problem)
    return validate(rel, kind, parsed, diags)


def validate(rel: str, kind: Kind, parsed: Any, diags: list[Diagnostic]) -> FileResult:
    """The records of a parsed file (``diags``: why it could not be parsed, if so)."""
    return (list_result if kind.list_file else item_result)(rel, kind, parsed, diags)


ONE_LINE_FIELDS = ("title", "name", "subject")  # shown as one line (a row of a table, a log line)


def _warning():
    from ..model import Severity

    return Severity.warning


def _line_breaks(rel: str, data: dict, prefix: tuple, out: list) -> None:
    # a warning: every output shows the break escaped, so the ledger stays usable (an escape sequence is an error)
    for key in ONE_LINE_FIELDS:
        v = data.get(key)
        if v.__class__ is str and ("\n" in v or "\r" in v):
            out.append(
                Diagnostic(
                    rel,
                    CONTROL_CODE,
                    f"`{fmt_loc(prefix + (key,))}` holds a line break: it is shown as one line, write it on one line",
                    path=prefix + (key,),
                    severity=_warning(),
                )
            )


def _soft(diags: list[Diagnostic]) -> Optional[list[Diagnostic]]:
    """``diags`` when all of them leave the file's records usable (control characters), else None."""
    for d in diags:
        if d.code != CONTROL_CODE:
            return None
    return diags


def item_result(rel: str, kind: Kind, data: Any, diags: list[Diagnostic]) -> FileResult:
    soft = _soft(diags) if diags else []
    if soft is None:
        return FileResult(rel, kind.name, [], diags)
    if data is None:
        return FileResult(
            rel, kind.name, [], [Diagnostic(rel, "empty_file", f"file is empty: a {kind.name} file holds one mapping")]
        )
    if not isinstance(data, dict):
        return FileResult(
            rel,
            kind.name,
            [],
            [
                Diagnostic(
                    rel,
                    "not_a_mapping",
                    f"a {kind.name} file holds one mapping (key: value lines), found a {type(data).__name__}",
                )
            ],
        )
    try:
        rec = kind.model.model_validate(data)
    except _validation_error() as exc:
        return FileResult(rel, kind.name, [], validation_diagnostics(rel, exc))
    stem = rel.rsplit("/", 1)[-1][:-5] if rel.endswith(".yaml") else Path(rel).stem
    key = str(getattr(rec, kind.key))
    diags = list(soft)
    _line_breaks(rel, data, (), diags)
    if key != stem:
        diags.append(
            Diagnostic(
                rel,
                "id_mismatch",
                f"{kind.key} `{key}` differs from the file name `{stem}`: rename the file or fix the field",
                path=(kind.key,),
            )
        )
    return FileResult(rel, kind.name, [(key, rec, None)], diags)


def list_result(rel: str, kind: Kind, data: Any, diags: list[Diagnostic]) -> FileResult:
    soft = _soft(diags) if diags else []
    if soft is None:
        return FileResult(rel, kind.name, [], diags)
    if data is None:
        return FileResult(rel, kind.name, [], [])
    if not isinstance(data, list):
        return FileResult(
            rel,
            kind.name,
            [],
            [
                Diagnostic(
                    rel,
                    "not_a_list",
                    f"{rel} holds a YAML list of {kind.name}s (lines starting with `- `), found a {type(data).__name__}",
                )
            ],
        )
    records: list[tuple[str, Any, Optional[int]]] = []
    diags = list(soft)
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            diags.append(Diagnostic(rel, "not_a_mapping", f"entry {i + 1} is not a mapping", path=(i,)))
            continue
        _line_breaks(rel, entry, (i,), diags)
        try:
            rec: Any = kind.model.model_validate(entry)
        except _validation_error() as exc:
            diags.extend(validation_diagnostics(rel, exc, prefix=(i,)))
            continue
        records.append((rec.id, rec, i))
    return FileResult(rel, kind.name, records, diags)


def load_settings(root: Path) -> tuple[Optional["Settings"], list[Diagnostic]]:
    data, _text, diags = parse_file(root, SETTINGS_FILE)
    return settings_result(data, diags)


def settings_result(data: Any, diags: list[Diagnostic]) -> tuple[Optional["Settings"], list[Diagnostic]]:
    from pydantic import ValidationError

    from ..model.records import Settings

    rel = SETTINGS_FILE
    if diags:
        return None, diags
    if not isinstance(data, dict):
        return None, [Diagnostic.of(rel, "not_a_mapping.settings")]
    try:
        return Settings.model_validate(data), []
    except ValidationError as exc:
        return None, validation_diagnostics(rel, exc)


def locate(
    root: Path, diagnostics: Iterable[Diagnostic], overrides: Optional[dict[str, Optional[bytes]]] = None
) -> list[Diagnostic]:
    """Give every diagnostic that has a YAML path but no line its line and column, reading each file once
    (``overrides``: as for :func:`load_ledger`)."""

    def text_of(rel: str) -> Optional[str]:
        if overrides and rel in overrides:
            data = held_to_limits(rel, overrides[rel])[0]
            return decode(rel, data)[0] if data is not None else None
        return read_text(root, rel)[0]

    return locate_in(diagnostics, text_of)


def locate_in(diagnostics: Iterable[Diagnostic], text_of: Callable[[str], Optional[str]]) -> list[Diagnostic]:
    """:func:`locate` with the text of each file from ``text_of(rel)`` (None: it cannot be read or decoded, and
    its diagnostics keep no line)."""
    from . import yamlread

    out = []
    trees: dict[str, Any] = {}
    for d in diagnostics:
        if d.line or not d.file:
            out.append(d)
            continue
        if d.file not in trees:
            text = text_of(d.file)
            tree = None
            if text is not None:
                try:
                    tree = yamlread.compose(text)
                except Exception:  # noqa: BLE001 - an unparsable file already has its own diagnostic
                    tree = None
            trees[d.file] = tree
        line, col = yamlread.locate_in_node(trees[d.file], d.path)
        out.append(d.at(line, col))
    return out
