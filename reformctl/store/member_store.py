"""A member's fetched repository (see :mod:`reformctl.store.members` for why it is handled as hostile): where
it is kept, fetching its branch or a bundle (git run as :mod:`.member_git` runs it), reading its ledger's files
out of git objects (refused whole past the limits of files and bytes), and writing the bundle a member hands
upward."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..i18n.diagnostics import render
from ..i18n.write import Msg
from ..base.paths import output_target
from ..i18n.faults import os_reason
from ..load import cache as _cache
from .faults import reason_of
from .member_git import SAFE_CONFIG, MemberError, failure_of, member_env, run_git, with_disk_reason, with_local_fault
from .git import run_isolated
from .member_ref import MEMBER_REF
from .member_tree import count_items
from .files import hold_lock
from ..errors import StoreError
from ..rules.levels import member_path, source_problems

CST = dt.timezone(dt.timedelta(hours=8), "CST")
READ_FORMAT = 3  # bump when what is remembered per commit changes (shape or meaning: 3, the date capped)


# ---------------------------------------------------------------- where
def store_root(root: Path) -> Path:
    """The folder holding the members' stores of the ledger at ``root``."""
    root = root.resolve()
    gd = _cache.git_dir_of(root)
    if gd is not None:
        return gd / "reformctl" / "members"
    return root / _cache.LOCAL_DIR / "members"


def store_of(root: Path, member) -> Path:
    """The bare repository holding ``member``'s fetched branch (one per unit, repository and branch)."""
    key = "\0".join((member.unit, member.repo, member.branch or ""))
    return store_root(root) / hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:24]


def resolve_repo(root: Path, repo: str) -> str:
    """What to hand git for a member's ``repo``: a URL as written; a local path resolved against the ledger
    folder, then up to the repository holding it (``repo: .`` is the upper ledger's own repository)."""
    if "://" in repo or (re.match(r"^[^/]+:", repo) and not (root / repo).exists()):  # a URL, or host:path
        return repo
    p = Path(repo).expanduser()
    if not p.is_absolute():
        p = root / p
    p = p.resolve()
    if (p / "HEAD").is_file() and (p / "objects").is_dir():  # a bare repository
        return str(p)
    for folder in (p, *p.parents):
        if (folder / ".git").exists():
            return str(folder)
    return str(p)


def _ensure_store(store: Path) -> None:
    """An empty bare repository at ``store`` unless one is there: made beside it and renamed into place, so that a
    failure half-way (a full disk) never leaves a half-made store that later looks damaged."""
    if (store / "HEAD").is_file():
        return
    if os.path.lexists(store):  # no HEAD: no git repository, nothing fetched in it can be read (an old half-made one)
        shutil.rmtree(store) if store.is_dir() and not store.is_symlink() else store.unlink()
    store.parent.mkdir(parents=True, exist_ok=True)
    local = store.parent.parent
    if local.name == _cache.LOCAL_DIR and not (local / ".gitignore").exists():
        (local / ".gitignore").write_text("# written by reformctl: a cache, safe to delete\n*\n", encoding="utf-8")
    fresh = store.with_name(f"{store.name}.new-{os.getpid()}")
    try:
        proc = run_isolated([*SAFE_CONFIG, "init", "--bare", "--quiet", "--template=", str(fresh)], member_env())
        if proc.returncode != 0:
            raise failure_of(proc)
        try:
            os.rename(fresh, store)
        except OSError:
            if not (store / "HEAD").is_file():  # else another fetch made it meanwhile: that one is used
                raise
    finally:
        if os.path.lexists(fresh):
            shutil.rmtree(fresh, ignore_errors=True)


# ---------------------------------------------------------------- fetching
@dataclass
class Fetched:
    """The outcome of fetching one member: its commit and date, or why it failed."""

    unit: str
    commit: Optional[str] = None
    date: Optional[dt.datetime] = None
    previous: Optional[str] = None
    items: Optional[int] = None
    error: Optional[str | Msg] = None
    repaired: bool = False  # the store had lost objects: it was deleted and fetched again (``ok``: with success)

    @property
    def ok(self) -> bool:
        return self.error is None


def fetch_member(root: Path, member, bundle: Optional[Path] = None) -> Fetched:
    """Fetch ``member``'s branch (or the branch of ``bundle``, a ``git bundle`` file) into its store."""
    problems = source_problems(member.repo, member.branch, member.path)
    if problems:
        return Fetched(member.unit, error="; ".join(render(key, values, "en") for _f, key, values in problems))
    store = store_of(root, member)
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        with hold_lock(store.with_name(store.name + ".fetching"), busy="mb_busy"):
            return _fetch_locked(store, root, member, bundle)
    except StoreError as exc:  # another reformctl fetching it for longer than the lock timeout
        return Fetched(member.unit, error=exc.msg if isinstance(exc.msg, Msg) else str(exc))
    except OSError as exc:
        return _unwritable(member, store, exc)


def _unwritable(member, store: Path, exc: OSError) -> Fetched:
    return Fetched(member.unit, error=Msg("mb_store_unwritable", store=store, why=reason_of(exc)))


def _fetch_locked(store: Path, root: Path, member, bundle: Optional[Path]) -> Fetched:
    """:func:`fetch_member` holding the store's lock: no other reformctl fetches into it meanwhile, so a lock file
    of git's found in it was left by a git that was killed (kill -9, a power cut) and is removed first: it made
    every later fetch fail until removed by hand."""
    _clear_stale_locks(store)
    got = _fetch_into(store, root, member, bundle)
    if got.ok or not _damaged(store):
        return got
    # the store lost objects (a disk fault, a hand-made clean-up): what it held cannot be read, so it is fetched
    # afresh (a remote that cannot be reached is never a reason: an intact store keeps the last fetched commit)
    try:
        shutil.rmtree(store)
    except OSError as exc:
        return _unwritable(member, store, exc)
    again = _fetch_into(store, root, member, bundle)
    again.repaired = True  # whether fetched afresh or not: the copy is gone (said by the command line)
    return again


def _clear_stale_locks(store: Path) -> None:
    """Remove what a killed git leaves in ``store``: its lock files (``*.lock``: of a ref, the packed refs, the
    config, HEAD, the shallow file) and its half-written packs (``tmp_*`` in ``objects/pack``). Called only
    while holding the store's fetch lock (reading a store writes nothing and takes no lock of git's)."""
    if not (store / "HEAD").is_file():
        return
    places = [store, store / "objects" / "info", store / "objects" / "pack"]
    places += [Path(top) for top, _dirs, _files in os.walk(store / "refs")]
    for place in places:
        try:
            names = os.listdir(place)
        except OSError:
            continue
        for name in names:
            stale = name.endswith(".lock") or (place.name == "pack" and name.startswith("tmp_"))
            path = place / name
            if stale and path.is_file() and not path.is_symlink():
                path.unlink()


def _damaged(store: Path) -> bool:
    """The store exists but git finds objects missing or broken among those its ref reaches."""
    try:
        if not (store / "HEAD").is_file():
            return False
        proc = run_git(store, "fsck", "--connectivity-only", "--no-dangling", "--no-progress", check=False)
    except OSError:  # git could not even be started: nothing is known, so nothing is deleted
        return False
    return proc.returncode != 0


def _fetch_into(store: Path, root: Path, member, bundle: Optional[Path]) -> Fetched:
    try:
        _ensure_store(store)
        previous = current_commit(store)
        if bundle is not None:
            source = str(Path(bundle).resolve())
            src = _bundle_ref(store, source, member.branch)
        else:
            source = resolve_repo(root, member.repo)
            src = f"refs/heads/{member.branch}" if member.branch else "HEAD"
        run_git(
            store,
            "fetch",
            "--quiet",
            "--no-tags",
            "--no-write-fetch-head",
            "--no-recurse-submodules",
            "--force",
            "--end-of-options",
            source,
            f"+{src}:{MEMBER_REF}",
        )
        commit, when = commit_info(store)
        if commit is None:
            raise MemberError(Msg("mb_not_commit"))
        items = count_items(store, commit, member_path(member.path))
        return Fetched(member.unit, commit, when, previous, items)
    except MemberError as exc:
        return Fetched(member.unit, error=with_disk_reason(exc.msg, store))
    except OSError as exc:
        return _unwritable(member, store, exc)


def _bundle_ref(store: Path, bundle: str, branch: Optional[str]) -> str:
    """The ref of ``bundle`` to take: the member's ``branch`` when given, else the bundle's only branch."""
    if not Path(bundle).is_file():
        raise MemberError(Msg("mb_no_bundle", bundle=bundle))
    proc = run_git(store, "bundle", "list-heads", bundle)
    refs = []
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        parts = line.split(" ", 1)
        if len(parts) == 2:
            refs.append(parts[1].strip())
    heads = [r for r in refs if r.startswith("refs/heads/")]
    if branch:
        want = f"refs/heads/{branch}"
        if want not in refs:
            raise MemberError(Msg("mb_bundle_no_branch", branch=branch, refs=", ".join(refs) or "-"))
        return want
    if len(heads) != 1:
        raise MemberError(Msg("mb_bundle_branches", n=len(heads), heads=", ".join(heads) or "-"))
    return heads[0]


def current_commit(store: Path) -> Optional[str]:
    """The member's fetched commit id, or None when it was never fetched."""
    if not (store / "HEAD").is_file():
        return None
    proc = run_git(store, "rev-parse", "--verify", "--quiet", f"{MEMBER_REF}^{{commit}}", check=False)
    out = proc.stdout.decode("ascii", "replace").strip()
    return out if proc.returncode == 0 and re.fullmatch(r"[0-9a-f]{40,64}", out) else None


def commit_info(store: Path) -> tuple[Optional[str], Optional[dt.datetime]]:
    """The fetched commit id and its committer time (in China Standard Time), in one git call. A committer time
    after the store received the commit (its ref's file time) is not one the commit can have had: a member's
    clock, or a member dating its commits far ahead so that `member_stale` and `member_invalid` never fall due
    (or past the dates Python can hold, which read as "never fetched"). The time it was received is taken."""
    if not (store / "HEAD").is_file():
        return None, None
    proc = run_git(store, "log", "-1", "--format=%H %ct", MEMBER_REF, "--", check=False)
    parts = proc.stdout.decode("ascii", "replace").split()
    if proc.returncode != 0 or len(parts) != 2 or not re.fullmatch(r"[0-9a-f]{40,64}", parts[0]):
        return None, None
    try:
        when: Optional[dt.datetime] = dt.datetime.fromtimestamp(int(parts[1]), CST)
    except (ValueError, OverflowError, OSError):
        when = None
    received = _received(store)
    if received is not None and (when is None or when > received):
        when = received
    return parts[0], when


def _received(store: Path) -> Optional[dt.datetime]:
    """When the store's ref last changed: the time of its file (a loose ref, else the packed refs)."""
    for ref in (store / MEMBER_REF, store / "packed-refs"):
        try:
            return dt.datetime.fromtimestamp(int(ref.stat().st_mtime), CST)  # whole seconds, as git's times
        except (OSError, ValueError, OverflowError):
            continue
    return None


# ---------------------------------------------------------------- the member's side: bundles
def write_bundle(ledger_root: Path, out: Path, branch: Optional[str] = None) -> tuple[str, str]:
    """Write a git bundle of the branch holding the ledger at ``ledger_root`` (its current branch, or
    ``branch``) to ``out``. Returns (branch, commit id)."""
    from .git import Git, GitError

    g = Git(ledger_root)
    try:
        if branch is None:
            branch = g.out("symbolic-ref", "--quiet", "--short", "HEAD")
        if source_problems(".", branch, None):
            raise MemberError(Msg("mb_not_branch", branch=branch))
        commit = g.out("rev-parse", "--verify", "--end-of-options", f"refs/heads/{branch}^{{commit}}")
        try:
            target = output_target(out).absolute()  # a link followed as every output's is
        except OSError as exc:  # another user's link in a shared folder, a loop of links
            raise MemberError(Msg("mb_bundle_unwritable", out=out, why=os_reason(exc))) from None
        if os.path.lexists(target) and not target.is_file():
            # git writes OUT.lock and renames it over OUT: a device (/dev/null, /dev/stdout run as root), a pipe or
            # a socket would be replaced by a file, a folder refused with git's words
            raise MemberError(Msg("mb_bundle_not_file", out=out))
        g.run("bundle", "create", "--quiet", str(target), f"refs/heads/{branch}")
    except GitError as exc:
        said = " / ".join(line.strip() for line in (exc.message or "").splitlines() if line.strip())
        raise MemberError(with_local_fault(said, "mb_bundle_fault") if said else Msg("mb_git_failed")) from None
    return branch, commit
