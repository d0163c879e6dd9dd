"""Parsing one file's bytes or text into plain data (maps, lists, text, numbers) with the YAML 1.2 reader
(:mod:`reformctl.load.yamlread`), and the diagnostics of what cannot be parsed or holds control characters."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional

from ..base.textsafe import suspect as _text_suspect
from ..model import Diagnostic
from .reader import decode, read_text


def parse_file(root: Path, rel: str) -> tuple[Any, Optional[str], list[Diagnostic]]:
    """Read and parse one file: (data, text, diagnostics)."""
    text, problem = read_text(root, rel)
    if text is None:
        return None, None, [problem] if problem else []
    return parse_text(rel, text)


_yamlread: Any = None  # reformctl.load.yamlread once a file is read (imported lazily, kept for the hot path)


def _yaml() -> Any:
    global _yamlread
    if _yamlread is None:
        from . import yamlread

        _yamlread = yamlread
    return _yamlread


def parse_text(rel: str, text: str) -> tuple[Any, Optional[str], list[Diagnostic]]:
    yamlread = _yamlread or _yaml()
    try:
        return yamlread.parse(text), text, []
    except yamlread.YamlProblem as p:
        return None, text, [Diagnostic.of(rel, p.key, line=p.line, column=p.column, **p.params)]


def fmt_loc(loc: Iterable) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def parse_bytes(rel: str, data: Optional[bytes], problem: Optional[Diagnostic]) -> tuple[Any, list[Diagnostic]]:
    """The document in a file's bytes (plain data: maps, lists, text, numbers), or why there is none."""
    if problem is not None or data is None:
        return None, [problem] if problem is not None else []
    yamlread = _yamlread or _yaml()
    parsed = yamlread.parse_quick(data)
    if parsed is not yamlread.NOT_QUICK:
        return parsed, (_control_diags(rel, parsed) if _text_suspect(data) else [])
    text, problem = decode(rel, data)
    if text is None:
        return None, [problem] if problem is not None else []
    parsed, _text, diags = parse_text(rel, text)
    if not diags and _text_suspect(data):
        diags = _control_diags(rel, parsed)
    return parsed, diags


CONTROL_CODE = "control_character"


def _control_diags(rel: str, parsed: Any) -> list[Diagnostic]:
    """A ``control_character`` error for every string of ``parsed`` holding a control character, a separator
    or a bidi override (written as an escape in a double-quoted string: the parser refuses them raw). The
    records still load: every output shows the character escaped."""
    from ..base.textsafe import controls_in, visible

    return [
        Diagnostic.of(rel, "control_character", path=path, loc=fmt_loc(path) or ".", char=visible(ch))
        for path, ch in controls_in(parsed)
    ]
