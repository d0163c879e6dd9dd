"""Render `check` diagnostics: text, json (the contract), github workflow commands."""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from ..i18n.catalogue import CATALOGUE
from ..i18n.text import words
from ..i18n.views import CHECK_MD
from ..model import Diagnostic
from .jsonfast import dump_array
from ..base.textsafe import json_safe
from .safe import clean, md_code, md_text


SEVERITY_ZH = {"error": CHECK_MD["error"].zh, "warning": CHECK_MD["warning"].zh}


def message_in(d: Diagnostic, lang: str) -> str:
    """The message of ``d`` in ``lang``, rendered from its template and values."""
    return d.text(lang)


def severity_in(d: Diagnostic, lang: str) -> str:
    return SEVERITY_ZH[d.severity.value] if lang == "zh" else d.severity.value


def render_text(diags: Iterable[Diagnostic], out: TextIO, display=lambda f: f, lang: str = "en") -> None:
    for d in diags:
        out.write(diagnostic_line(d, display(d.file), lang) + "\n")


def diagnostic_line(d: Diagnostic, file: str, lang: str = "en") -> str:
    """``file:line:col: error [code] message`` for people: the severity word and the message in ``lang``."""
    msg = message_in(d, lang)
    return f"{clean(file)}:{d.line or 1}:{d.column or 1}: {severity_in(d, lang)} [{d.code}] {clean(msg)}"


def render_json(diags: Iterable[Diagnostic], out: TextIO) -> None:
    dump_array([d.as_dict() for d in diags], out)  # = json.dump(..., ensure_ascii=False, indent=2)
    out.write("\n")


def _esc_data(s: str) -> str:
    return clean(s, newlines=False).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _esc_prop(s: str) -> str:
    return _esc_data(s).replace(":", "%3A").replace(",", "%2C")


def github_line(d: Diagnostic, file: str, attach: bool = True) -> str:
    """One annotation. ``attach=False``: a file that is not in this repository (a member's, at its fetched
    commit): no ``file`` GitHub would fail to find, the place named in the title instead."""
    level = "error" if d.severity.value == "error" else "warning"
    if not attach:
        where = f"{file}:{d.line}" if d.line else file
        return f"::{level} title={_esc_prop(f'reformctl {d.code} ({where})')}::{_esc_data(d.message)}"
    props = f"file={_esc_prop(file)},line={d.line or 1},col={d.column or 1},title={_esc_prop('reformctl ' + d.code)}"
    return f"::{level} {props}::{_esc_data(d.message)}"


def render_github(diags: list[Diagnostic], out: TextIO, display=lambda f: f, attach: bool = True) -> None:
    """Annotations (GitHub shows only some per step) followed by the full log in a collapsible group.
    ``attach=False``: the files are not in this repository (see :func:`github_line`)."""
    import secrets

    for d in diags:
        out.write(github_line(d, display(d.file), attach) + "\n")
    out.write("::group::reformctl check: full log\n")
    # every line of the log is escaped already; stop-commands also keeps the runner from reading any of them
    # as a workflow command (a file name may say anything)
    token = "reformctl-" + secrets.token_hex(16)
    out.write(f"::stop-commands::{token}\n")
    render_text(diags, out, display)
    out.write(f"::{token}::\n")
    out.write("::endgroup::\n")


# ---------------------------------------------------------------- code-review formats (issue 7)
def fingerprint(d: Diagnostic, file: str) -> str:
    """A stable identity for a problem: its code, file, YAML path and message, never its line number, so that
    a problem keeps its fingerprint when lines above it move (GitLab and code-scanning tools track it)."""
    import hashlib

    key = "\0".join([d.code, file, "/".join(str(p) for p in d.path), d.message])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _fingerprints(diags: list[Diagnostic], display) -> list[str]:
    """One fingerprint per diagnostic; identical problems get an occurrence suffix so each stays unique."""
    seen: dict[str, int] = {}
    out = []
    for d in diags:
        fp = fingerprint(d, display(d.file))
        n = seen.get(fp, 0)
        seen[fp] = n + 1
        out.append(fp if n == 0 else f"{fp}-{n}")
    return out


GITLAB_SEVERITY = {"error": "major", "warning": "minor"}


def gitlab_report(diags: list[Diagnostic], display=lambda f: f) -> list[dict]:
    """A GitLab Code Quality report (the CodeClimate subset GitLab reads)."""
    return [
        {
            "description": f"[{d.code}] {d.message}",
            "check_name": d.code,
            "fingerprint": fp,
            "severity": GITLAB_SEVERITY.get(d.severity.value, "major"),
            "location": {"path": display(d.file), "lines": {"begin": d.line or 1}},
        }
        for d, fp in zip(diags, _fingerprints(diags, display))
    ]


def render_gitlab(diags: list[Diagnostic], out: TextIO, display=lambda f: f) -> None:
    out.write(json_safe(json.dumps(gitlab_report(diags, display), ensure_ascii=False, indent=2)))
    out.write("\n")


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def sarif_report(diags: list[Diagnostic], display=lambda f: f, version: str = "") -> dict:
    """SARIF 2.1.0: one run, the catalogue as the tool's rules (with their help text), one result per problem."""
    codes = list(CATALOGUE)
    for d in diags:  # a code missing from the catalogue still gets a rule, so ruleIndex stays valid
        if d.code not in CATALOGUE and d.code not in codes:
            codes.append(d.code)
    rules = []
    for code in codes:
        e = CATALOGUE.get(code)
        if e is None:
            rules.append({"id": code, "name": code, "shortDescription": {"text": code}})
            continue
        rules.append(
            {
                "id": code,
                "name": code,
                "shortDescription": {"text": e.en},
                "fullDescription": {"text": f"{e.en} / {e.zh}"},
                "help": {"text": e.fix, "markdown": f"**{e.en}** ({e.zh})\n\n{e.fix}"},
                "defaultConfiguration": {"level": "error" if e.severity == "error" else "warning"},
            }
        )
    index = {c: i for i, c in enumerate(codes)}
    results = []
    for d, fp in zip(diags, _fingerprints(diags, display)):
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": "error" if d.severity.value == "error" else "warning",
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": display(d.file), "uriBaseId": "%SRCROOT%"},
                            "region": {"startLine": d.line or 1, "startColumn": d.column or 1},
                        }
                    }
                ],
                "partialFingerprints": {"reformctl/v1": fp},
            }
        )
    driver = {"name": "reformctl", "rules": rules}
    if version:
        driver["version"] = version
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}


def render_sarif(diags: list[Diagnostic], out: TextIO, display=lambda f: f, version: str = "") -> None:
    out.write(json_safe(json.dumps(sarif_report(diags, display, version), ensure_ascii=False, indent=2)))
    out.write("\n")


def _md_cell(s: object) -> str:
    return md_text(s)


def render_markdown(
    diags: list[Diagnostic], out: TextIO, display=lambda f: f, lang: str = "en", title: str = "reformctl check"
) -> None:
    """A Markdown section: a count line and a table of every problem (for $GITHUB_STEP_SUMMARY)."""
    errors = sum(d.severity.value == "error" for d in diags)
    warnings = len(diags) - errors
    w = words(CHECK_MD, lang)
    out.write(f"### {title}\n\n")
    if not diags:
        out.write(w["no_problems"] + "\n\n")
        return
    out.write(w["counts"].format(errors=errors, warnings=warnings) + "\n\n")
    head = [w[k] for k in ("file", "line", "severity", "code", "message")]
    out.write("| " + " | ".join(head) + " |\n|---|---:|---|---|---|\n")
    for d in diags:
        msg = message_in(d, lang)
        out.write(
            f"| {md_code(display(d.file))} | {d.line or 1} | {severity_in(d, lang)} | `{d.code}` | {_md_cell(msg)} |\n"
        )
    out.write("\n")


def render_red_markdown(findings, out: TextIO, as_of, lang: str = "en") -> None:
    """A Markdown section listing red (overdue) findings of the deadline engine, for $GITHUB_STEP_SUMMARY."""
    from .. import i18n
    from .status import short_message

    w = words(CHECK_MD, lang)
    out.write(f"### {w['red_title']} ({as_of.isoformat()})\n\n")
    if not findings:
        out.write(w["red_none"] + "\n\n")
        return
    out.write(w["red_count"].format(n=len(findings)) + "\n\n")
    head = [w[k] for k in ("id", "item", "unit", "due", "days_late", "rule", "message")]
    out.write("| " + " | ".join(head) + " |\n|---|---|---|---|---:|---|---|\n")
    for f in findings:
        item = f.title or i18n.label("rule", f.rule, lang)
        out.write(
            f"| {md_code(f.id)} | {_md_cell(item)} | {_md_cell(f.unit)} | {f.due.isoformat()} | {f.days} | "
            f"`{f.rule}` | {_md_cell(short_message(f, lang))} |\n"
        )
    out.write("\n")
