"""`reformctl init`: start a new ledger repository."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import LangOpt, err, exit_code, fail, in_date_range, parse_as_of, parse_lang


class Level(str, Enum):
    city = "city"
    district = "district"


def init(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH",
            help="Folder for the new ledger: a new or empty folder, or a sub-folder of an existing git repository.",
        ),
    ],
    name: Annotated[
        Optional[str],
        typer.Option(
            "--name", metavar="TEXT", show_default=False, help="Ledger name (台账名称). Default: 改革落实台账."
        ),
    ] = None,
    level: Annotated[Level, typer.Option("--level", help="city (市级) or district (区(市)县级).")] = Level.city,
    start: Annotated[
        Optional[str],
        typer.Option(
            "--start",
            metavar="YYYY-MM-DD",
            show_default=False,
            help="First day the ledger counts. Default: today (China Standard Time).",
        ),
    ] = None,
    install_spec: Annotated[
        Optional[str],
        typer.Option(
            "--install-spec",
            metavar="SPEC",
            show_default=False,
            envvar="REFORMCTL_INSTALL_SPEC",
            help="What CI and the pre-commit hook install with `pip install SPEC`, e.g. "
            "'git+https://git.example.org/tools/reformctl.git@v0.1.0' or the URL of a wheel. Default: the spec "
            "this reformctl was installed from (a git URL and its commit, a wheel's URL, or reformctl==VERSION "
            "from a package index); asked for when it was installed from a folder or file on this computer.",
        ),
    ] = None,
    hooks_repo: Annotated[
        Optional[str],
        typer.Option(
            "--hooks-repo",
            metavar="URL",
            show_default=False,
            help="Git repository pre-commit fetches the reformctl-check hook from (with --hooks-rev). Default: the "
            "repository of a git install spec; otherwise a local hook installing the install spec.",
        ),
    ] = None,
    hooks_rev: Annotated[
        Optional[str],
        typer.Option(
            "--hooks-rev",
            metavar="REV",
            show_default=False,
            help="Tag or commit of that repository (pinned; with --hooks-repo). Default: the revision of a git "
            "install spec.",
        ),
    ] = None,
    upper: Annotated[
        bool,
        typer.Option(
            "--upper",
            help="An office above others (members, see README Levels): also "
            "write .github/workflows/reformctl-members.yml, a scheduled job that fetches the members, puts "
            "`status --members` in the run's summary and keeps the HTML report as an artifact, the same job "
            "(reformctl-members) in .gitlab-ci.yml for scheduled pipelines (the table in the job log and "
            "kept as an artifact with the report), and a commented `members:` example in reformctl.yaml.",
        ),
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Create a ledger repository: settings, units template, folders, schemas, CI, pre-commit, editor set-up.

    Runs `git init` unless PATH is inside a git repository already (then the ledger is a sub-folder of it and
    CI files go to the repository's root), writes reformctl.yaml (every default commented
    with whose figure it is: the seed's, or the tool's choice where the seed gives no number), a units.yaml
    template, one folder per kind, the JSON Schemas in schemas/ with modelines, .vscode/ settings, a README in
    Chinese for the office staff, a GitHub Actions workflow, .gitlab-ci.yml, .pre-commit-config.yaml and a
    .gitignore, and makes one commit of exactly those files.

    Refuses (exit 2, nothing written) when PATH already holds a ledger or a ledger file it would write; an
    existing README.md or .gitignore (a freshly cloned hosted repository) and existing CI files are left alone.
    A failure while writing (a full disk, a hook refusing the commit) exits 1, as any write does, and leaves
    nothing behind.

    Example: `reformctl init 台账 --name 某区改革落实台账 --level district --start 2025-01-01`
    """
    from .. import kit
    from ..i18n.write import bad_date, localize, say

    language = parse_lang(lang)
    day = parse_as_of(None)
    if start:
        import datetime as dt

        try:
            day = dt.date.fromisoformat(start)
        except ValueError:
            fail(bad_date("--start", start, language))
        in_date_range(day, "--start", language)
    if name is not None and not name.strip():
        fail(say("in_name_empty", language))
    try:
        res = kit.init(
            path,
            name=(name or kit.DEFAULT_NAME).strip(),
            level=level.value,
            start=day,
            install_spec=install_spec,
            hooks_repo=hooks_repo,
            hooks_rev=hooks_rev,
            upper=upper,
            lang=language,
        )
    except (kit.InitError, kit.InitFailed) as exc:
        fail(localize(exc.msg, language), exit_code(exc))
    where = say("in_new_repo", language) if res.created_repo else say("in_existing_repo", language, repo=res.repo)
    err(say("in_created", language, ledger=res.ledger, where=where, n=len(res.written), sha=res.commit[:12]))
    for rel in res.skipped:
        err(say("in_skipped", language, rel=rel))
    err(say("in_next", language))


def register(app: typer.Typer) -> None:
    app.command("init")(init)
