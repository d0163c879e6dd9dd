"""`reformctl check --base REF`: the rules for a change (a pull request), from REF to the working tree.

- ``item_deleted``: an item file is never deleted (cancel or write off instead); nor a close-out record
  (``closeouts/<YEAR>.yaml``) or an annual assessment (``assessments/<YEAR>.yaml``);
- ``closed_item_edited``: a written-off (closed) item is never edited;
- ``id_changed``: an id never changes;
- ``append_only``: ``progress``, ``reviews``, ``reports`` and a pilot's ``adjustments`` entries are only appended; ``extensions`` records
  too (approving a pending one, filling in ``approver`` and ``approved``, is the only edit); a reminder's
  recipients (``to``) are only added, never removed (removing one would silently clear its ``reminder_overdue``);
- ``problem_removed``: a problem of a rectification notice (matched by ``no``) is never removed;
- ``milestone_removed``: a milestone of a task (matched by ``name``) is never removed;
- ``due_without_extension``: a changed ``due`` needs an extension record (old_due -> new_due);
- ``status_backwards``: a status never moves backwards without ``reopen_reason``; nor is a problem's ``rectified``
  or ``verified`` date cleared without the problem's own ``reopen_reason``;
- ``ratchet_new_red`` (with ``--ratchet``): no red finding that the base did not have.

REF is verified with ``git rev-parse --verify --end-of-options REF^{commit}``; a value that looks like an
option or is not a commit raises :class:`~reformctl.errors.BaseRefError`.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path, PurePosixPath
from typing import Optional

from ..errors import BaseRefError
from ..load import load_ledger, parse_file, yamlread
from ..model import KINDS_BY_FOLDER, Diagnostic
from ..rules.item_changes import CLOSED, RANKS, compare_item, deleted_item  # noqa: F401 - part of this API
from ..store import Git


def _repo(root: Path) -> tuple[Git, Path, str]:
    git = Git(root)
    top = git.toplevel()
    if top is None:
        raise BaseRefError(f"--base needs a git repository, and {root} is not in one")
    top = top.resolve()
    rel = Path(root).resolve().relative_to(top).as_posix()
    return git, top, "" if rel in ("", ".") else rel + "/"


def resolve_base(root: Path, ref: str) -> str:
    """The commit id of REF; BaseRefError for an option-like value or anything not a commit."""
    if ref.startswith("-"):
        raise BaseRefError(f"--base {ref!r} looks like an option, not a git revision")
    git, _top, _prefix = _repo(root)
    sha = git.verify_commit(ref)
    if sha is None:
        raise BaseRefError(f"--base {ref!r} is not a commit in this repository")
    return sha


def base_files(root: Path, commit: str) -> dict[str, bytes]:
    """Ledger-relative path -> content of every ledger file at ``commit``."""
    git, top, prefix = _repo(root)
    out = git.run("-C", str(top), "ls-tree", "-r", "-z", "--full-tree", "--name-only", commit).stdout
    names = [n for n in out.decode("utf-8", "replace").split("\0") if n.startswith(prefix) and n.endswith(".yaml")]
    blobs = git.cat_batch([f"{commit}:{n}" for n in names])
    return {n[len(prefix) :]: blob for n in names if (blob := blobs.get(f"{commit}:{n}")) is not None}


def _item_kind(rel: str):
    p = PurePosixPath(rel)
    if len(p.parts) != 2:
        return None
    return KINDS_BY_FOLDER.get(p.parts[0])


def change_diagnostics(
    root: Path, ref: str, *, ratchet: bool = False, as_of: Optional[dt.date] = None
) -> list[Diagnostic]:
    """Diagnostics (paths set, lines unresolved) of the change from ``ref`` to the working tree."""
    commit = resolve_base(root, ref)
    base = base_files(root, commit)
    diags: list[Diagnostic] = []
    short = commit[:7]
    for rel in sorted(base):
        kind = _item_kind(rel)
        if kind is None:
            continue
        if not (root / rel).exists():
            diags.append(deleted_item(kind, rel, ref, short))
            continue
        try:
            old = yamlread.parse(base[rel].decode("utf-8"))
        except (yamlread.YamlProblem, UnicodeDecodeError):
            continue
        new, _text, problems = parse_file(root, rel)
        if problems or not isinstance(old, dict) or not isinstance(new, dict):
            continue  # a broken file is `check`'s business
        diags += compare_item(kind.name, rel, old, new, ref)
    if ratchet:
        diags += _ratchet(root, base, as_of or dt.date.today(), ref)
    return diags


def _ratchet(root: Path, base: dict[str, bytes], as_of: dt.date, ref: str) -> list[Diagnostic]:
    """Red findings of the working tree that the base did not have."""
    from ..rules.findings import findings

    now = load_ledger(root).ledger
    with tempfile.TemporaryDirectory(prefix="reformctl-base-") as tmp:
        for rel, data in base.items():
            p = Path(tmp) / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        if not (Path(tmp) / "reformctl.yaml").exists():
            return []
        then = load_ledger(Path(tmp)).ledger
        old_red = {f.key for f in findings(then, as_of) if f.light == "red"}
    out = []
    for f in findings(now, as_of):
        if f.light == "red" and f.key not in old_red:
            rel = f.file or now.file_of(f.kind, f.id) or "reformctl.yaml"
            out.append(
                Diagnostic.of(
                    rel,
                    "ratchet_new_red",
                    ref=ref,
                    rule=f.rule,
                    item=f"{f.id}{' ' + f.ref if f.ref else ''}",
                    finding={"en": f.text(), "zh": f.text("zh")},
                )
            )
    return out


__all__ = ["BaseRefError", "base_files", "change_diagnostics", "compare_item", "resolve_base"]
