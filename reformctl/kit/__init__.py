"""`reformctl init`: create a ledger repository with everything an office needs to start.

What is written comes from :mod:`reformctl.kit.files`. Everything is written, then committed as one commit of
exactly the written paths; if anything fails, what was written is removed again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from subprocess import CompletedProcess
from typing import Optional

from .. import __version__
from ..base.paths import output_target
from ..errors import InitError, InitFailed
from ..i18n.faults import os_reason
from ..i18n.write import Msg, say
from ..model import SETTINGS_FILE
from ..store.message import clean_line
from ..store.faults import place_fault
from ..store.git import Git, GitError
from .files import DEFAULT_NAME, INSTALL_SPEC_ENV, OPTIONAL_FILES, SCHEMA_DIR, plan, sources, yaml_scalar

__all__ = [
    "DEFAULT_NAME",
    "INSTALL_SPEC_ENV",
    "SCHEMA_DIR",
    "InitError",
    "InitFailed",
    "InitResult",
    "init",
    "plan",
    "sources",
    "yaml_scalar",
]


@dataclass
class InitResult:
    ledger: Path
    repo: Path
    created_repo: bool
    written: list[str] = field(default_factory=list)  # paths relative to the repository root
    skipped: list[str] = field(default_factory=list)
    commit: str = ""


def _git(cwd: Path, *args: str, check: bool = True) -> CompletedProcess:
    return Git(cwd).run(*args, check=check)


def _repo_top(path: Path) -> Path | None:
    """The work tree root of the git repository holding ``path`` (which may not exist yet), or None."""
    probe = path
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        return None
    top = Git(probe).toplevel()
    return top.resolve() if top is not None else None


# Each default says whose figure it is: the seed's (《实施意见》 gives the number) or the tool's own choice
# (the seed gives none); both can be changed here.
def init(
    path: Path,
    *,
    name: str = DEFAULT_NAME,
    level: str = "city",
    start: dt.date,
    install_spec: str | None = None,
    hooks_repo: str | None = None,
    hooks_rev: str | None = None,
    commit: bool = True,
    upper: bool = False,
    lang: str = "zh",
) -> InitResult:
    """Create a ledger at ``path`` (a new folder, an empty one, or a sub-folder of an existing repository);
    the first commit's message in ``lang`` (its trailer stays as it is).

    ``install_spec`` None: the spec the running reformctl was installed from (see :func:`sources`)."""
    _one_line(install_spec=install_spec, hooks_repo=hooks_repo, hooks_rev=hooks_rev)
    install_spec, hooks_repo, hooks_rev = sources(install_spec, hooks_repo, hooks_rev)
    if shutil.which("git") is None:
        raise InitError(Msg("in_no_git"))
    path = Path(os.path.abspath(path))
    try:  # a link is followed as an output's is: never another user's in a shared folder such as /tmp
        output_target(path)
    except OSError as exc:
        raise InitError(Msg("in_not_followed", path=path, why=os_reason(exc))) from None
    if path.exists() and not path.is_dir():
        raise InitError(Msg("in_not_folder", path=path))
    if (path / SETTINGS_FILE).exists():
        raise InitError(Msg("in_has_ledger", path=path, file=SETTINGS_FILE))
    top, created_repo, prefix = _place(path)
    ledger_files, repo_files = plan(
        prefix,
        name=name,
        level=level,
        start=start,
        install_spec=install_spec,
        hooks_repo=hooks_repo,
        hooks_rev=hooks_rev,
        upper=upper,
    )
    clash = [
        rel
        for rel in ledger_files
        if rel not in OPTIONAL_FILES and ((path / rel).exists() or (path / rel).is_symlink())
    ]
    if clash:
        raise InitError(Msg("in_clash", path=path, files=", ".join(sorted(clash)[:5])))
    if commit:
        _known_committer(top)
    result = InitResult(ledger=path, repo=top, created_repo=created_repo)
    todo = _todo(result, path, top, prefix, ledger_files, repo_files)
    _write(result, top, todo, name if commit else None, lang)
    return result


def _one_line(**values: str | None) -> None:
    """A newline (or any control character) would end the line the value is written on and break the workflow."""
    for key, value in values.items():
        if value is not None and any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in value):
            option = "--" + key.replace("_", "-")
            raise InitError(Msg("in_control", option=option))


def _place(path: Path) -> tuple[Path, bool, str]:
    """The repository top the ledger goes into (``path`` itself when it is in none), whether that repository is
    to be created, and the ledger's folder relative to it ("" at the top)."""
    top = _repo_top(path)
    created_repo = top is None
    if top is None:
        top = path.resolve() if path.exists() else path
    real = path.resolve() if path.exists() else path
    try:
        prefix = real.relative_to(top).as_posix() if real != top else ""
    except ValueError:  # e.g. a path through a symbolic link into the repository
        prefix = os.path.relpath(real, top).replace(os.sep, "/")
    if prefix == ".":
        prefix = ""
    if prefix.startswith("../"):
        raise InitError(Msg("in_where", path=path, top=top))
    return top, created_repo, prefix


def _known_committer(top: Path) -> None:
    for var in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
        r = _git(top if top.exists() else Path.cwd(), "var", var, check=False)
        if r.returncode != 0:
            raise InitError(Msg("in_who"))


def _todo(
    result: InitResult, path: Path, top: Path, prefix: str, ledger_files: dict, repo_files: dict
) -> dict[str, str]:
    """The files to write, relative to the repository top; optional files and repository files already there are
    kept (and listed as skipped)."""
    pre = f"{prefix}/" if prefix else ""
    todo: dict[str, str] = {}
    for rel, text in ledger_files.items():
        if rel in OPTIONAL_FILES and ((path / rel).exists() or (path / rel).is_symlink()):
            result.skipped.append(pre + rel)
        else:
            todo[pre + rel] = text
    for rel, text in repo_files.items():
        if (top / rel).exists() or (top / rel).is_symlink():
            result.skipped.append(rel)
        else:
            todo[rel] = text
    return todo


def _write(result: InitResult, top: Path, todo: dict[str, str], commit_name: str | None, lang: str = "zh") -> None:
    """Write every file (new files only) and, with a ``commit_name``, commit them; on any failure remove what was
    written and the folders made, and refuse."""
    created_dirs: list[Path] = []
    written: list[Path] = []
    kept: Optional[tuple[Path, Optional[Path]]] = None
    try:
        for rel, text in todo.items():
            target = top / rel
            missing = []
            d = target.parent
            while not d.exists():
                missing.append(d)
                d = d.parent
            for d in reversed(missing):
                d.mkdir()
                created_dirs.append(d)
            with open(target, "x", encoding="utf-8", newline="\n") as fh:
                written.append(target)  # made: removed on a failure, even one while writing it (a full disk)
                fh.write(text)
            result.written.append(rel)
        if commit_name is not None:
            if result.created_repo:
                _git(top, "init", "-q")
                if _git(top, "config", "--get", "init.defaultBranch", check=False).returncode != 0:
                    _git(top, "symbolic-ref", "HEAD", "refs/heads/main")
            if not result.created_repo:
                kept = _keep_index(top)
            _git(top, "add", "-f", "--", *result.written)
            message = (
                clean_line(say("cm_init", lang, name=commit_name))
                + "\n\n"
                + say("cm_init_body", lang, version=__version__)
                + "\n\nReformctl-Action: init\n"
            )
            _git(top, "commit", "-q", "--only", "-m", message, "--", *result.written)
            result.commit = Git(top).out("rev-parse", "HEAD")
    except (OSError, GitError) as exc:
        _undo(result, written, created_dirs, kept)
        detail = exc.message if isinstance(exc, GitError) and exc.message else str(exc)
        fault = place_fault(exc, top)  # a full or read-only disk: its reason and what to do, in both languages
        if fault is not None:
            raise InitFailed(Msg("in_failed_fault", detail=detail, reason=fault[0], hint=fault[1])) from exc
        raise InitFailed(Msg("in_failed", detail=detail)) from exc
    if kept is not None and kept[1] is not None:
        with contextlib.suppress(OSError):
            kept[1].unlink()


def _keep_index(top: Path) -> Optional[tuple[Path, Optional[Path]]]:
    """The repository's index file and a hard link to it as it is now (None when there is none yet), to put back
    if init fails: a link copies no data, so it can be made and put back on a full disk, where `git reset` cannot
    write the index it would need. None when no link can be made (a file system without them): then a failure
    is undone with `git reset`, as before."""
    index = top / Git(top).out("rev-parse", "--git-path", "index")
    if not index.is_file():
        return index, None
    link = index.with_name(f"index.reformctl-init-{os.getpid()}")
    try:
        with contextlib.suppress(FileNotFoundError):
            link.unlink()
        os.link(index, link)
    except OSError:
        return None
    return index, link


def _undo(
    result: InitResult, written: list[Path], created_dirs: list[Path], kept: Optional[tuple[Path, Optional[Path]]]
) -> None:
    """Remove what init wrote: unstage it (the index as it was), delete the files and the folders it made, and a
    repository it made."""
    top = result.repo
    if kept is not None:
        index, link = kept
        with contextlib.suppress(OSError):
            if link is not None:
                os.replace(link, index)  # does nothing when git did not replace the index (the same file)...
                link.unlink(missing_ok=True)  # ... so the link is left: dropped
            else:
                index.unlink()
    elif result.written and (top / ".git").exists() and not result.created_repo:
        has_head = _git(top, "rev-parse", "--verify", "-q", "HEAD", check=False).returncode == 0
        if has_head:
            _git(top, "reset", "-q", "--", *result.written, check=False)
        else:
            _git(top, "rm", "-q", "--cached", "--ignore-unmatch", "--", *result.written, check=False)
    for f in written:
        try:
            f.unlink()
        except OSError:
            pass
    if result.created_repo and (top / ".git").is_dir():
        shutil.rmtree(top / ".git", ignore_errors=True)
    for d in reversed(created_dirs):
        try:
            d.rmdir()
        except OSError:
            pass
