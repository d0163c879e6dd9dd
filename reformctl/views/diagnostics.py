"""Render `check` diagnostics: text, json (the contract), github workflow commands."""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from ..catalogue import CATALOGUE
from ..model import Diagnostic


def render_text(diags: Iterable[Diagnostic], out: TextIO, display=lambda f: f, lang: str = "en") -> None:
    for d in diags:
        title = ""
        if lang == "zh" and d.code in CATALOGUE:
            title = f" {CATALOGUE[d.code].zh}:"
        out.write(f"{display(d.file)}:{d.line or 1}:{d.column or 1}: {d.severity.value} [{d.code}]{title} {d.message}\n")


def render_json(diags: Iterable[Diagnostic], out: TextIO) -> None:
    json.dump([d.as_dict() for d in diags], out, ensure_ascii=False, indent=2)
    out.write("\n")


def _esc_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _esc_prop(s: str) -> str:
    return _esc_data(s).replace(":", "%3A").replace(",", "%2C")


def github_line(d: Diagnostic, file: str) -> str:
    level = "error" if d.severity.value == "error" else "warning"
    props = f"file={_esc_prop(file)},line={d.line or 1},col={d.column or 1},title={_esc_prop('reformctl ' + d.code)}"
    return f"::{level} {props}::{_esc_data(d.message)}"


def render_github(diags: list[Diagnostic], out: TextIO, display=lambda f: f) -> None:
    """Annotations (GitHub shows only some per step) followed by the full log in a collapsible group."""
    for d in diags:
        out.write(github_line(d, display(d.file)) + "\n")
    out.write("::group::reformctl check: full log\n")
    render_text(diags, out, display)
    out.write("::endgroup::\n")
