"""Levels: the office above reads the ledgers of the level below (its ``members``). Pure functions, no I/O.

What comes from git (a member's fetched commit, its date, its ledger read at that commit) is handed in as
:class:`MemberView` objects by the store layer (:mod:`reformctl.store.members`); here are only the judgements:
which member source is unsafe to hand to git, the upper-level rules (``docking_missing``, ``member_stale``,
``member_invalid``), the delegated tasks and the cross-level references `check --members` warns about.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Diagnostic, Ledger, Severity
from .dates import add_days, add_months
from .findings import Ctx, rule

# a branch name git accepts and nothing can read as an option or a revision expression
_BRANCH_RE = re.compile(r"^(?!-)(?!.*\.\.)(?!.*//)(?!.*@\{)(?!.*\.lock$)(?!.*[/.]$)[^\x00-\x20\x7f~^:?*\[\\]+$")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def source_problems(repo: str, branch: Optional[str], path: Optional[str]) -> list[tuple[str, str]]:
    """Why a member's ``repo``, ``branch`` or ``path`` must not be handed to git: (field, message) pairs.
    Members are other offices' repositories: an option-like URL (``--upload-pack=...``) would run a
    command, and the ``ext::`` transport (or any ``<helper>::`` address) runs one by design."""
    out: list[tuple[str, str]] = []
    if repo.startswith("-"):
        out.append(("repo", f"repo `{repo}` looks like an option, not a git URL or path"))
    elif _CONTROL_RE.search(repo):
        out.append(("repo", "repo holds control characters"))
    elif "::" in repo.split("/", 1)[0] or repo.lower().startswith(("ext::", "fd::")):
        out.append(("repo", f"repo `{repo}` uses a remote-helper transport (`<name>::`), which can run commands; "
                            "give a plain URL or path"))
    if branch is not None and not _BRANCH_RE.match(branch):
        out.append(("branch", f"branch `{branch}` is not a plain branch name (no leading `-`, no spaces, "
                              "`..`, `~^:?*[\\`)"))
    if path is not None:
        parts = path.replace("\\", "/").split("/")
        if (path.startswith(("/", "\\")) or ".." in parts or _CONTROL_RE.search(path) or "\\" in path
                or path.startswith("-") or re.match(r"^[A-Za-z]:", path)):
            out.append(("path", f"path `{path}` is not a plain relative folder inside the repository"))
    return out


def member_path(path: Optional[str]) -> str:
    """The member's ledger folder inside its repository, normalised ("" for the root)."""
    if not path:
        return ""
    return "/".join(p for p in path.split("/") if p not in ("", "."))


def check_members(ledger: Ledger) -> list[Diagnostic]:
    """The settings' ``members`` and the plans' ``dock``: each member a unit of units.yaml, once, with a source
    git can be given safely; each unit a plan's ``dock`` names a member."""
    s = ledger.settings
    if s is None:
        return []
    out: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for i, m in enumerate(s.members):
        if m.unit not in ledger.units:
            out.append(Diagnostic("reformctl.yaml", "unknown_unit", f"member unit `{m.unit}` is not in units.yaml",
                                  path=("members", i, "unit")))
        if m.unit in seen:
            out.append(Diagnostic("reformctl.yaml", "duplicate_member",
                                  f"member `{m.unit}` is listed twice (entries {seen[m.unit] + 1} and {i + 1})",
                                  path=("members", i, "unit")))
        else:
            seen[m.unit] = i
        for fld, message in source_problems(m.repo, m.branch, m.path):
            out.append(Diagnostic("reformctl.yaml", "member_unsafe", message, path=("members", i, fld)))
    for pid, p in ledger.plans.items():
        if isinstance(p.dock, list):
            for j, u in enumerate(p.dock):
                if u not in seen:
                    out.append(Diagnostic(ledger.file_of("plan", pid), "dock_not_member",
                                          f"`dock` names `{u}`, which is not a member (reformctl.yaml `members:`)",
                                          path=("dock", j)))
    return out
