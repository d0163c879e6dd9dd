"""Members: the ledgers of the level below, fetched read-only and read at their fetched commit.

Each member's branch is fetched into a bare repository of its own under the upper ledger's git directory
(``<git-dir>/reformctl/members/<hash>``; outside a git repository ``<ledger>/.reformctl-cache/members/<hash>``,
a folder that git-ignores itself), at the ref ``refs/reformctl/member``. Nothing lands in the work tree, so
``git status`` stays clean, and nothing is ever committed on a member's behalf.

Members are other offices' repositories: hostile input. git is run with no hooks (``core.hooksPath`` is
``/dev/null`` and the stores are created without templates), the ``ext::`` transport is refused
(``protocol.ext.allow=never`` and ``GIT_ALLOW_PROTOCOL``), every user string goes after ``--end-of-options``
or ``--``, pathspecs are literal, option-like URLs and branch names are refused before git sees them
(:func:`reformctl.rules.levels.source_problems`), and nothing from the member's repository is run or
checked out: its ledger is read from git objects (``ls-tree`` and ``cat-file --batch``).

A member's ledger is read through the same loader and checks as a working tree's (:mod:`reformctl.load.blobs`)
and remembered per commit: an unchanged member costs one ``rev-parse`` on the next run.

The git side (where the stores live, running git on them, fetching, reading blobs, bundles) is in
:mod:`reformctl.store.member_store`; here are reading a member and remembering what it gave; the roll-up is :mod:`reformctl.store.rollup`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence, Union

from ..load import LoadResult, max_bytes
from ..load import cache as _cache
from ..load.blobs import Blob, load_blobs, locate_blobs, rebuild
from ..load.validation import FileResult
from ..model import SETTINGS_FILE, Diagnostic, Ledger, Severity
from ..rules.levels import MemberIndex, MemberView, member_path, source_problems
from .member_store import READ_FORMAT, MemberError, commit_info, fetch_member, store_of, write_bundle
from .member_tree import cat_blobs, list_blobs, member_limits, read_blobs


# ---------------------------------------------------------------- reading a member
@dataclass
class MemberRead:
    """A member's ledger at its fetched commit: the load result, and its diagnostics (files and checks, lines
    resolved) for `check --members`."""

    result: Optional[LoadResult]
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _memo_folder(root: Path, member) -> Path:
    return store_of(root, member) / "reformctl-read"


def _read_key(member, commit: str) -> str:
    """What a remembered read of ``member`` at ``commit`` depends on: the commit, the ledger folder, the size
    limits (of a file, of the whole member) and the code that reads and checks it."""
    parts = (
        str(READ_FORMAT),
        _cache.code_fingerprint(),
        _rules_fingerprint(),
        commit,
        member_path(member.path),
        str(max_bytes()),
        *map(str, member_limits()),
    )
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _remember(folder: Path, name: str, key: str, data: bytes) -> None:
    """Write ``data`` as ``folder/name`` and drop what was remembered of other commits (or other code)."""
    try:
        folder.mkdir(exist_ok=True)
        for old in folder.glob("*.pickle"):
            if not old.name.startswith(key):
                old.unlink(missing_ok=True)
        _cache.write_atomically(folder / name, data)
    except OSError:
        pass


def _recall(path: Path):
    try:
        return _cache.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing or unreadable: computed again
        return None


def read_member(root: Path, member, commit: str, cache: Optional[bool] = None) -> MemberRead:
    """``member``'s ledger at ``commit`` (from its store), remembered per commit unless ``cache`` is False. A
    new commit reads only the blobs the remembered read did not have: a file whose object id is unchanged gives
    what it gave (the same bytes through the same code)."""
    from ..rules.checks import check_ledger

    store = store_of(root, member)
    path = member_path(member.path)
    label = Path(f"{member.unit}@{commit[:12]}") / path if path else Path(f"{member.unit}@{commit[:12]}")
    use_cache = _cache.cache_enabled(cache)
    key = _read_key(member, commit)
    folder = _memo_folder(root, member)
    if use_cache:
        parts = _recall(folder / f"{key}.pickle")
        try:
            settings, items, files, index, load_diags, diags, n, _key_of_files, _by_file = parts
            res = LoadResult(rebuild(label, settings, items, files, index), load_diags, n)
            return MemberRead(res, diags)
        except (TypeError, ValueError):
            pass
    entries = list_blobs(store, commit, path)
    files_key = _files_key(member)
    before = _files_read_before(folder, files_key) if use_cache else {}
    blobs: dict[str, Union[Blob, FileResult]] = {rel: e for rel, e in entries.items() if isinstance(e, Diagnostic)}
    for rel, e in entries.items():
        if isinstance(e, str) and rel != SETTINGS_FILE and before.get(rel, ("",))[0] == e:
            blobs[rel] = before[rel][1]
    blobs.update(cat_blobs(store, [(rel, e) for rel, e in entries.items() if isinstance(e, str) and rel not in blobs]))
    by_file: dict[str, FileResult] = {}
    res = load_blobs(label, blobs, by_file)
    own = res.diagnostics + (check_ledger(res.ledger) if res.ledger.settings is not None else [])
    unread = {d.file: entries[d.file] for d in own if not d.line and isinstance(blobs.get(d.file), FileResult)}
    blobs.update(cat_blobs(store, [(rel, oid) for rel, oid in unread.items() if isinstance(oid, str)]))
    diags = sorted(locate_blobs(blobs, own), key=Diagnostic.sort_key)
    if use_cache:
        L = res.ledger
        remembered = {rel: (entries[rel], fr) for rel, fr in by_file.items() if isinstance(entries.get(rel), str)}
        _remember(
            folder,
            f"{key}.pickle",
            key,
            _cache.dumps(
                (L.settings, L.items, L.files, L.index, res.diagnostics, diags, res.files_read, files_key, remembered)
            ),
        )
        index, errors, why = _summary_of(MemberRead(res, diags))
        plain = None if index is None else (index.docks, index.uppers, index.units)  # plain data: the cache's
        _remember(folder, f"{key}.index.pickle", key, _cache.dumps((plain, errors, why)))  # unpickler takes no more
    return MemberRead(res, diags)


def _files_key(member) -> str:
    """What a file's result depends on besides its bytes and its path: the code that reads it and the ledger
    folder (the size limit decides which files are read at all, before any result is reused)."""
    parts = (str(READ_FORMAT), _cache.code_fingerprint(), member_path(member.path))
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _files_read_before(folder: Path, files_key: str) -> dict:
    """What each file gave in the last remembered read of this member (path -> (object id, result)), when that
    read was made by this code; else nothing."""
    try:
        reads = [p for p in folder.glob("*.pickle") if len(p.name) == 32 + len(".pickle")]
        last = max(reads, key=lambda p: p.stat().st_mtime_ns, default=None)
    except OSError:
        return {}
    parts = _recall(last) if last is not None else None
    if type(parts) is not tuple or len(parts) != 9 or parts[7] != files_key or type(parts[8]) is not dict:
        return {}
    return {
        rel: v
        for rel, v in parts[8].items()
        if type(v) is tuple and len(v) == 2 and type(v[0]) is str and isinstance(v[1], FileResult) and v[1].rel == rel
    }


def _summary_of(read: MemberRead) -> tuple:
    """(index or None, number of errors, why it is no ledger or None): what a view needs of a read."""
    from ..rules.levels import member_index

    res = read.result
    errors = [d for d in read.diagnostics if d.severity is Severity.error]
    ledger = res.ledger if res is not None and res.ledger.settings is not None else None
    return (
        member_index(ledger) if ledger is not None else None,
        len(errors),
        None if ledger is not None or not errors else errors[0].message,
    )


_RULES_FP: Optional[str] = None


def rules_sources() -> list[Path]:
    """The source files of the rules layer, its sub-packages included (the checks live in ``rules/checks/``)."""
    pkg = Path(__file__).resolve().parent.parent / "rules"
    return sorted(pkg.rglob("*.py"))


def _source_digest(pkg: Path, files: Sequence[Path]) -> str:
    """A hash of ``files`` (paths relative to ``pkg`` and bytes; an unreadable one counts as changed)."""
    h = hashlib.sha256()
    for f in files:
        try:
            h.update(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


def _rules_fingerprint() -> str:
    """A hash of the rules' source: remembered diagnostics and findings are dropped when the rules change."""
    global _RULES_FP
    if _RULES_FP is None:
        _RULES_FP = _source_digest(Path(__file__).resolve().parent.parent / "rules", rules_sources())
    return _RULES_FP


_PACKAGE_FP: Optional[str] = None


def _package_fingerprint() -> str:
    """A hash of the whole package's source: what a remembered rendering (JSON) of findings depends on."""
    global _PACKAGE_FP
    if _PACKAGE_FP is None:
        pkg = Path(__file__).resolve().parent.parent
        _PACKAGE_FP = _source_digest(pkg, sorted(pkg.rglob("*.py")))
    return _PACKAGE_FP


def member_views(
    root: Path, upper: Ledger, only: Sequence[str] = (), cache: Optional[bool] = None, full: bool = True
) -> tuple[list[MemberView], dict[str, MemberRead]]:
    """A :class:`~reformctl.rules.levels.MemberView` of every member of ``upper`` (or those in ``only``) and
    what was read of each, never raising for a member: one that was never fetched has no commit, one whose
    store cannot be read says why. Without ``full``, a member whose index is remembered for its commit is not
    loaded (its view has no ledger; :func:`roll_up` loads it only when its findings are not remembered)."""
    views: list[MemberView] = []
    reads: dict[str, MemberRead] = {}
    members = upper.settings.members if upper.settings else []
    use_cache = _cache.cache_enabled(cache)
    for m in members:
        if only and m.unit not in only:
            continue
        if source_problems(m.repo, m.branch, m.path):
            views.append(
                MemberView(
                    m.unit, error="the member's repo, branch or path is unsafe (see `reformctl check`)", unsafe=True
                )
            )
            continue
        store = store_of(root, m)
        known = _remembered_view(root, m, store) if not full and use_cache else None
        if known is not None:
            views.append(known)
            continue
        try:
            commit, when = commit_info(store)
        except MemberError as exc:
            views.append(MemberView(m.unit, error=str(exc.message)))  # data: the English
            continue
        if commit is None:
            views.append(MemberView(m.unit))
            continue
        day = when.date() if when else None
        summary = None
        if not full and use_cache:
            summary = _recall(_memo_folder(root, m) / f"{_read_key(m, commit)}.index.pickle")
            try:
                plain, errors, why = summary
                summary = (None if plain is None else MemberIndex(*plain), errors, why)
            except (TypeError, ValueError):
                summary = None
        ledger = None
        if summary is None:
            try:
                read = read_member(root, m, commit, cache)
            except (MemberError, OSError, ValueError) as exc:
                views.append(MemberView(m.unit, commit, day, error=str(getattr(exc, "message", None) or exc)))
                continue
            reads[m.unit] = read
            summary = _summary_of(read)
            if read.result is not None and read.result.ledger.settings is not None:
                ledger = read.result.ledger
        index, errors, why = summary
        views.append(MemberView(m.unit, commit, day, ledger=ledger, errors=errors, error=why, index=index))
        if use_cache:
            key = _read_key(m, commit)
            if not (_memo_folder(root, m) / f"{key}.day.pickle").is_file():
                _remember(_memo_folder(root, m), f"{key}.day.pickle", key, _cache.dumps(("day", day)))
    return views, reads


def _remembered_view(root: Path, m, store: Path) -> Optional[MemberView]:
    """The view of ``m`` from what is remembered for the commit its store's ref names (the commit's date too: a
    commit's date never changes), without running git; None when anything is missing."""
    import datetime as dt

    from .member_ref import fetched_commit

    commit = fetched_commit(store)
    if not commit:
        return None
    folder, key = _memo_folder(root, m), _read_key(m, commit)
    remembered = _recall(folder / f"{key}.day.pickle")
    summary = _recall(folder / f"{key}.index.pickle")
    try:
        tag, day = remembered
        if tag != "day" or not (day is None or type(day) is dt.date):
            return None
        plain, errors, why = summary
        index = None if plain is None else MemberIndex(*plain)
    except (TypeError, ValueError):
        return None
    return MemberView(m.unit, commit, day, errors=errors, error=why, index=index)


def member_diagnostics(
    root: Path, upper: Ledger, only: Sequence[str] = (), cache: Optional[bool] = None
) -> list[tuple[str, Optional[str], list[Diagnostic], bool]]:
    """`check --members`: (unit, fetched commit, diagnostics, about this ledger's file) of each member. A
    member's own diagnostics are about its files at that commit (with lines); one never fetched is a warning,
    one whose fetched commit cannot be read an error, both on its entry in this ledger's reformctl.yaml (the
    last item True: their lines are to be resolved there, and they are shown as this ledger's)."""
    from ..rules.levels import reference_warnings

    views, reads = member_views(root, upper, only, cache)
    members = upper.settings.members if upper.settings else []
    index = {m.unit: i for i, m in enumerate(members)}
    out: list[tuple[str, Optional[str], list[Diagnostic], bool]] = []
    for v in views:
        where = ("members", index.get(v.unit, 0), "unit")
        if v.commit is None:
            if v.unsafe:
                continue  # reported by this ledger's own check (member_unsafe)
            if v.error is not None:
                d = Diagnostic.of("reformctl.yaml", "member_unreadable", path=where, unit=v.unit, error=v.error)
            else:
                d = Diagnostic.of("reformctl.yaml", "member_not_fetched", Severity.warning, path=where, unit=v.unit)
            out.append((v.unit, None, [d], True))
            continue
        read = reads.get(v.unit)
        if read is None:
            d = Diagnostic.of(
                "reformctl.yaml", "member_unreadable.at", path=where, unit=v.unit, commit=v.commit[:12], error=v.error
            )
            out.append((v.unit, v.commit, [d], True))
            continue
        diags = list(read.diagnostics)
        if v.ledger is not None:
            extra = reference_warnings(upper, v.ledger)
            if extra:
                m = members[index[v.unit]]
                blobs = read_blobs(store_of(root, m), v.commit, member_path(m.path))
                diags = sorted(diags + locate_blobs(blobs, extra), key=Diagnostic.sort_key)
        out.append((v.unit, v.commit, diags, False))
    return out


__all__ = [
    "MemberError",
    "MemberRead",
    "fetch_member",
    "member_diagnostics",
    "member_views",
    "read_member",
    "write_bundle",
]
