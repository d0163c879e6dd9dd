"""`reformctl check`: validate the whole ledger (the CI gate)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..i18n.faults import os_reason
from .common import (
    said,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    AsOfOpt,
    LangOpt,
    LedgerOpt,
    NoCacheOpt,
    display_path,
    err,
    exit_code,
    fail,
    no_cache_flag,
    parse_as_of,
    parse_lang,
    resolve_root,
)


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    sarif = "sarif"
    markdown = "markdown"


def check(
    ledger: LedgerOpt = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people; json (an array of "
            "{file, line, column, severity, code, message}); github (workflow annotations plus the full log); "
            "gitlab (a Code Quality report); sarif (SARIF 2.1.0, for code scanning); markdown (a table).",
        ),
    ] = CheckFormat.text,
    summary_file: Annotated[
        Optional[Path],
        typer.Option(
            "--summary-file",
            metavar="PATH",
            show_default=False,
            help="Also append a Markdown table of every problem to PATH (in GitHub Actions: "
            '--summary-file "$GITHUB_STEP_SUMMARY"), followed by the red (overdue) items '
            "as of --as-of.",
        ),
    ] = None,
    as_of: AsOfOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    lang: LangOpt = None,
    no_cache: NoCacheOpt = False,
    base: Annotated[
        Optional[str],
        typer.Option(
            "--base",
            metavar="REF",
            show_default=False,
            help="Also check the change from the git revision REF to the working tree (for pull requests): "
            "no item file deleted, closed items not edited, ids unchanged, progress/reviews/reports "
            "only appended, extension records and reminder recipients kept, no problem removed from a "
            "notice nor milestone from a task, a changed due backed by an extension, no status moved "
            "back (nor a problem's rectified/verified date cleared) without reopen_reason. Example: --base origin/main",
        ),
    ] = None,
    ratchet: Annotated[
        bool,
        typer.Option(
            "--ratchet", help="With --base: also fail on red (overdue) items as of --as-of that REF did not have."
        ),
    ] = False,
    members: Annotated[
        bool,
        typer.Option(
            "--members",
            help="Also check each member's ledger (reformctl.yaml "
            "`members:`) at the commit `reformctl fetch` brought, and warn where a member's `upper` or "
            "`docks` names an id this ledger lacks. JSON diagnostics gain `member` and `commit` (null for "
            "this ledger's own).",
        ),
    ] = False,
    member: Annotated[
        Optional[list[str]],
        typer.Option(
            "--member", metavar="UNIT", show_default=False, help="With --members: only this member (repeatable)."
        ),
    ] = None,
) -> None:
    """Validate every file of the ledger and report all problems at once, sorted by file and line.

    Checks the YAML (YAML 1.2: `no`/`on`/`yes` are text), the schema of every record, ids, references to
    units, plans and special groups, the order of dates, and the seed's rules (art. 5, 6, 8, 14, R4, R17-R21).
    Every code is explained in docs/errors.md (`reformctl catalogue`).

    Exit 0 when no error was found (warnings allowed unless --strict), 1 when errors were found,
    2 when the ledger folder or its reformctl.yaml cannot be used.

    Examples: `reformctl check --format sarif > reformctl.sarif` (code scanning);
    `reformctl check --format gitlab > gl-code-quality-report.json` (GitLab merge requests).
    """
    from .. import api
    from ..views.diagnostics import render_github, render_json, render_text
    from ..views.diagnostics import render_gitlab, render_markdown, render_sarif

    language = parse_lang(lang)
    root = resolve_root(ledger)
    if members or member:
        _check_members(
            root,
            fmt,
            language,
            [x for v in member or [] for x in v.replace("，", ",").split(",") if x],
            strict,
            no_cache_flag(no_cache),
        )
    if ratchet and base is None:
        fail(said("ratchet_base"))
    if base is not None:
        from ..store import StoreError

        try:
            report = api.check(
                root, cache=no_cache_flag(no_cache), base=base, ratchet=ratchet, as_of=parse_as_of(as_of)
            )
        except StoreError as exc:
            from ..i18n.write import localize

            fail(localize(exc.msg, language), exit_code(exc))
    else:
        report = api.check(root, cache=no_cache_flag(no_cache))
    out = sys.stdout
    show = display_path(root)
    if fmt is CheckFormat.json:
        render_json(report.diagnostics, out)
    elif fmt is CheckFormat.github:
        render_github(report.diagnostics, out, show)
    elif fmt is CheckFormat.gitlab:
        render_gitlab(report.diagnostics, out, _repo_relative(root, show))
    elif fmt is CheckFormat.sarif:
        from .. import __version__

        render_sarif(report.diagnostics, out, _repo_relative(root, show), __version__)
    elif fmt is CheckFormat.markdown:
        render_markdown(report.diagnostics, out, show, language)
    else:
        render_text(report.diagnostics, out, show, language)
    if summary_file is not None:
        _append_summary(summary_file, report, show, language, root, parse_as_of(as_of), no_cache_flag(no_cache))
    if fmt in (CheckFormat.text, CheckFormat.github):
        where = show("") or "."
        from ..i18n.write import say

        counts = {"files": report.files, "errors": report.errors, "warnings": report.warnings}
        err(say("check_found" if report.diagnostics else "check_clean", language, where=where, **counts))
    code = report.exit_code or (EXIT_FINDINGS if strict and report.warnings else EXIT_OK)
    raise typer.Exit(code)


def _check_members(root: Path, fmt: CheckFormat, language: str, only: list[str], strict: bool, cache) -> None:
    """`check --members`: this ledger's diagnostics, then each member's at its fetched commit."""
    from dataclasses import replace

    from .. import api
    from ..load import load_ledger, locate
    from ..model import Diagnostic, Severity
    from ..i18n.write import say
    from ..store.members import member_diagnostics
    from ..views.diagnostics import render_github, render_markdown, render_text
    from .fetch import pick_members

    report = api.check(root, cache=cache)
    res = load_ledger(root, cache=cache)
    # (member unit, its commit, diagnostics, about this ledger's own files)
    groups: list[tuple[Optional[str], Optional[str], list[Diagnostic], bool]] = []
    if not only:
        groups.append((None, None, report.diagnostics, True))
    if res.ledger.settings is not None:
        pick_members(res.ledger.settings, only, language)
        groups.extend(member_diagnostics(root, res.ledger, only, cache))
    # a member never fetched (or unreadable) is reported on its entry in this ledger's reformctl.yaml: its line
    groups = [(u, c, locate(root, ds) if mine else ds, mine) for u, c, ds, mine in groups]
    out = sys.stdout
    show = display_path(root)

    def shown(unit: Optional[str], commit: Optional[str], mine: bool = False):
        if unit is None or commit is None or mine:
            return show
        return lambda f: f"{unit}@{commit[:12]}:{f}"

    if fmt is CheckFormat.json:
        from ..views.jsonfast import dump_array

        rows = []
        for unit, commit, diags, _mine in groups:
            for d in diags:
                row = d.as_dict()
                row.update({"member": unit, "commit": commit})
                rows.append(row)
        dump_array(rows, out)
        out.write("\n")
    elif fmt in (CheckFormat.github, CheckFormat.markdown, CheckFormat.text):
        for unit, commit, diags, mine in groups:
            if fmt is CheckFormat.markdown:
                render_markdown(diags, out, shown(unit, commit, mine), language)
            elif fmt is CheckFormat.github:  # a member's files are not in this repository: not attached
                render_github(diags, out, shown(unit, commit, mine), attach=mine or unit is None or commit is None)
            else:
                render_text(diags, out, shown(unit, commit, mine), language)
    else:
        from ..views.diagnostics import render_gitlab, render_sarif

        # a member's file as a relative path (`UNIT@COMMIT/tasks/...`): `UNIT@COMMIT:` would read as a URI scheme
        def path_of(u: Optional[str], c: Optional[str], mine: bool, file: str) -> str:
            name = shown(u, c, mine)(file)
            return name.replace(f"@{c[:12]}:", f"@{c[:12]}/", 1) if c and not mine else name

        flat = [replace(d, file=path_of(u, c, mine, d.file)) for u, c, ds, mine in groups for d in ds]
        if fmt is CheckFormat.gitlab:
            render_gitlab(flat, out, lambda f: f)
        else:
            from .. import __version__

            render_sarif(flat, out, lambda f: f, __version__)
    errors = sum(d.severity is Severity.error for _u, _c, ds, _m in groups for d in ds)
    warnings = sum(d.severity is Severity.warning for _u, _c, ds, _m in groups for d in ds)
    if fmt in (CheckFormat.text, CheckFormat.github):
        n = len(groups) - (0 if only else 1)
        err(say("members_checked", language, n=n, errors=errors, warnings=warnings))
    raise typer.Exit(EXIT_FINDINGS if errors or (strict and warnings) else EXIT_OK)


def _repo_relative(root: Path, fallback):
    """Paths relative to the root of the git repository holding the ledger (what GitLab and code-scanning
    tools expect, wherever reformctl runs from); outside a repository, ``fallback``."""
    from ..store.git import Git

    base = root.resolve()
    top = Git(base).toplevel()
    if top is None:
        return fallback
    try:
        prefix = base.relative_to(top.resolve()).as_posix()
    except ValueError:
        return fallback
    return (lambda f: f) if prefix == "." else (lambda f: f"{prefix}/{f}" if f else prefix)


def _append_summary(path: Path, report, show, language: str, root: Path, as_of, cache) -> None:
    """Append the Markdown summary to ``path`` (GitHub's step summary is appended to, never replaced): every
    problem, then the red items of the deadline engine (only on a ledger without errors: findings computed
    from broken records would be wrong)."""
    import io

    from .. import api
    from ..load import load_ledger
    from ..i18n.text import words
    from ..i18n.views import CHECK_MD
    from ..views.diagnostics import render_markdown, render_red_markdown

    buf = io.StringIO()
    render_markdown(report.diagnostics, buf, show, language)
    if report.errors:
        w = words(CHECK_MD, language)
        buf.write(f"### {w['red_title']}\n\n{w['red_not_computed']}\n\n")
    else:
        ev = api.status(load_ledger(root, cache=cache).ledger, as_of, lights=["red"])
        render_red_markdown(ev.findings, buf, as_of, language)
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(buf.getvalue())
    except OSError as exc:
        err("reformctl: " + said("summary_cannot_write", path=path, why=os_reason(exc)))
        raise typer.Exit(EXIT_USAGE) from None


def register(app: typer.Typer) -> None:
    app.command("check")(check)
