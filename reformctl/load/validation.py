"""Validating parsed files into records: one file at a time (:func:`validate`, :func:`load_bytes`,
:func:`settings_result`), pydantic's errors mapped to diagnostics with a YAML path (:func:`validation_diagnostics`),
and the path turned into a line and column of the file (:func:`locate`). The one validation path: the store
validates what it is about to write through these functions too."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

from ..model import SETTINGS_FILE, Diagnostic, Kind
from ..model.diagnostic import Invalid
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
        if code is None:  # a record's own refusal says its code; anything else is an invalid value
            cause = (err.get("ctx") or {}).get("error")
            code = cause.key.partition(".")[0] if isinstance(cause, Invalid) else "invalid_value"
        out.append(_validation_diagnostic(rel, code, etype, msg, err, path, fmt_loc(loc)))
    return out


_NO_LOC = {  # the message of a code for an error of the record as a whole (no field to name)
    "invalid_choice": "invalid_choice.no_loc",
    "invalid_date": "invalid_date.no_loc",
    "too_deep": "too_deep.no_loc",
    "invalid_value": "invalid_value.no_loc",
    "invalid_value.bool": "invalid_value.bool_no_loc",
}


def _validation_diagnostic(rel: str, code: str, etype: str, msg: str, err: Any, path: tuple, where: str) -> Diagnostic:
    """One pydantic error as a diagnostic: the field, then what is wrong (a record's own message, carried by
    :class:`~reformctl.model.diagnostic.Invalid`, or pydantic's words) and the value given."""
    if etype == "missing":
        return Diagnostic.of(rel, "missing_field", path=path, field=where)
    if etype == "extra_forbidden":
        return Diagnostic.of(rel, "unknown_field", path=path, field=where)
    from ..i18n.diagnostics import pydantic_detail

    ctx = err.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, Invalid):
        detail: dict = cause.said()
    else:
        detail = pydantic_detail(etype, msg, {k: v for k, v in ctx.items() if k != "error"})
    value = err.get("input")
    shown = not isinstance(value, (dict, list)) and code != "invalid_date"
    got: Any = {"key": "invalid_value.got", "params": {"value": repr(value)}} if shown else ""
    key = "invalid_value.bool" if etype in ("bool_type", "bool_parsing") else code
    if not where:
        key = _NO_LOC.get(key, key)
    return Diagnostic.of(rel, key, path=path, loc=where, detail=detail, got=got)


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
                Diagnostic.of(
                    rel,
                    "control_character.line_break",
                    _warning(),
                    path=prefix + (key,),
                    loc=fmt_loc(prefix + (key,)),
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
        return FileResult(rel, kind.name, [], [Diagnostic.of(rel, "empty_file", kind=kind.name)])
    if not isinstance(data, dict):
        return FileResult(
            rel,
            kind.name,
            [],
            [Diagnostic.of(rel, "not_a_mapping", kind=kind.name, type=type(data).__name__)],
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
        diags.append(Diagnostic.of(rel, "id_mismatch", path=(kind.key,), field=kind.key, value=key, stem=stem))
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
            [Diagnostic.of(rel, "not_a_list", file=rel, kind=kind.name, type=type(data).__name__)],
        )
    records: list[tuple[str, Any, Optional[int]]] = []
    diags = list(soft)
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            diags.append(Diagnostic.of(rel, "not_a_mapping.entry", path=(i,), n=i + 1))
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
