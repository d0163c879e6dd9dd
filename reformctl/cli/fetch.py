"""`reformctl fetch` (the office above brings its members' ledgers up to date, read-only) and `reformctl bundle`
(a member writes its branch to a file for an office above on another network)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, LangOpt, LedgerOpt, err, fail, parse_lang, resolve_root


def upper_settings(root: Path, lang: str):
    """The settings of the ledger at ``root`` (exit 2 when they cannot be read: its members are unknown)."""
    from ..i18n import levels_text
    from ..load import load_settings

    settings, diags = load_settings(root)
    if settings is None:
        why = "; ".join(f"{d.file}: {d.text(lang)}" for d in diags[:3])
        fail(levels_text("settings_broken", lang, why=why))
    return settings


def pick_members(settings, names: list[str], lang: str) -> list:
    """The members named (all when none is), in the order of reformctl.yaml; exit 2 on a name that is none."""
    from ..i18n import levels_text

    members = list(settings.members)
    if not names:
        return members
    known = [m.unit for m in members]
    bad = [n for n in names if n not in known]
    if bad:
        fail(levels_text("not_member", lang, names=", ".join(bad), known=", ".join(known) or "-"))
    wanted = set(names)
    return [m for m in members if m.unit in wanted]


def fetch(
    units: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="[UNIT]...",
            show_default=False,
            help="Member units to fetch (their ids in `members:`). Default: every member.",
        ),
    ] = None,
    ledger: LedgerOpt = None,
    bundle: Annotated[
        Optional[Path],
        typer.Option(
            "--bundle",
            metavar="FILE",
            show_default=False,
            help="Read the member's branch from this git bundle file (written by `reformctl bundle` on "
            "the member's side) instead of its repo. Needs --member.",
        ),
    ] = None,
    member: Annotated[
        Optional[str],
        typer.Option(
            "--member", metavar="UNIT", show_default=False, help="With --bundle: the member unit the bundle comes from."
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Bring each member's ledger (reformctl.yaml `members:`) up to date, read-only.

    Each member's branch (or its remote's HEAD) is fetched into a bare repository under the git
    directory (.git/reformctl/members/), outside the work tree: nothing is copied into this ledger,
    nothing committed, `git status` stays clean. No hook and nothing from a member's repository is
    run; option-like URLs and branch names and the ext:: transport are refused.

    Prints one line per member fetched on stdout, tab-separated: unit, commit id, commit date
    (ISO 8601, China Standard Time), number of item files. A member that cannot be fetched is
    reported on stderr and the others are still fetched.

    Exit 0 when every member named was fetched (whatever their ledgers hold), 1 when one could not
    be, 2 on bad usage or an unusable ledger.

    Examples: reformctl fetch; reformctl fetch 武侯区委; reformctl fetch --bundle wuhou.bundle --member 武侯区委
    """
    from ..i18n import levels_text
    from ..store.members import fetch_member

    language = parse_lang(lang)
    root = resolve_root(ledger)
    settings = upper_settings(root, language)
    names = list(units or [])
    if bundle is not None:
        if member is None or names:
            fail(levels_text("bundle_needs_member", language))
        members = pick_members(settings, [member], language)
    else:
        if member is not None:
            fail(levels_text("member_needs_bundle", language))
        members = pick_members(settings, names, language)
    if not members:
        err(levels_text("no_members", language))
        raise typer.Exit(EXIT_OK)
    failed = sum(not _said(fetch_member(root, m, bundle=bundle), language) for m in members)
    if failed:
        err(f"reformctl: {levels_text('fetch_failed_n', language, n=failed)}")
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def _said(got, language: str) -> bool:
    """The line of one member fetched (stdout), or why not (stderr); whether it was fetched."""
    from ..i18n import levels_text
    from ..i18n.write import localize

    if got.repaired:
        said = "fetch_repaired" if got.ok else "fetch_repair_failed"
        err(f"reformctl: {levels_text(said, language, unit=got.unit)}")
    if not got.ok:
        why = localize(got.error, language)
        err(f"reformctl: {levels_text('fetch_failed', language, unit=got.unit, why=why)}")
        return False
    when = got.date.isoformat() if got.date else ""
    sys.stdout.write(f"{got.unit}\t{got.commit}\t{when}\t{got.items}\n")
    sys.stdout.flush()
    return True


def bundle(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The bundle file to write (e.g. wuhou.bundle).")],
    ledger: LedgerOpt = None,
    branch: Annotated[
        Optional[str],
        typer.Option(
            "--branch",
            metavar="NAME",
            show_default=False,
            help="The branch to bundle. Default: the branch checked out.",
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """On the member's side: write a git bundle of the ledger's branch for the office above.

    For offices whose networks share no git server: carry the file over, and the office above runs
    `reformctl fetch --bundle FILE --member UNIT`. The bundle holds the branch's committed history
    (uncommitted edits are not in it).

    Exit 0 when written, 2 when the ledger is not in a git repository or the branch is unknown.
    """
    from ..i18n import levels_text
    from ..store.members import MemberError, write_bundle
    from ..i18n.write import localize

    language = parse_lang(lang)
    root = resolve_root(ledger)
    try:
        name, commit = write_bundle(root, out, branch)
    except MemberError as exc:
        fail(levels_text("bundle_failed", language, why=localize(exc.msg, language)), EXIT_USAGE)
    err(levels_text("bundle_written", language, out=out, branch=name, commit=commit))
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("fetch")(fetch)
    app.command("bundle")(bundle)
