"""Loading the whole ledger (:func:`load_ledger`): list its files, take what the per-file cache
(:mod:`reformctl.load.cache`) still holds, read, parse and validate the rest (in forked workers when there are
many: :mod:`reformctl.load.pool`), write the cache back and assemble the ledger."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Optional, cast

from ..base.lifetime import collector_paused
from ..model import SETTINGS_FILE, Diagnostic, Kind
from . import pool as _pool
from .assembly import LoadResult, assemble
from .listing import listing_with, list_files
from .parse import parse_bytes
from .reader import max_bytes, held_to_limits, Reader, read_bytes
from . import validation as _validation
from .validation import FileResult, load_settings, settings_result, validate

if TYPE_CHECKING:
    from .cache import Cache


def load_ledger(
    root: Path,
    *,
    cache: Optional[bool] = None,
    jobs: Optional[int] = None,
    listing: Optional[tuple] = None,
    overrides: Optional[dict[str, Optional[bytes]]] = None,
) -> LoadResult:
    """Read the whole ledger at ``root`` (see :func:`find_ledger`).

    ``cache``: reuse what unchanged files gave last time (see :mod:`reformctl.load.cache`); default on unless
    ``$REFORMCTL_NO_CACHE`` is set. ``jobs``: processes that parse files in parallel (default: the usable
    CPUs when there are enough files to pay for it; 1 turns it off). ``listing``: what :func:`list_files`
    just gave for ``root``, when the caller has it (it is not listed again). Inside a command
    (:func:`reformctl.base.lifetime.command_runtime`) the collector is paused for the load and what was loaded is
    frozen; in library use the collector is left alone. ``overrides``: ledger-relative path -> content (None:
    the file is gone), read instead of the disk: the ledger as a write would leave it, loaded exactly as
    `check` will load it once the files are written (the store validates a change this way)."""
    with collector_paused():
        return _load_ledger(Path(root), cache, jobs, listing, overrides or {})


def _load_ledger(
    root: Path,
    use_cache: Optional[bool],
    jobs: Optional[int],
    listing: Optional[tuple],
    overrides: dict[str, Optional[bytes]],
) -> LoadResult:
    from . import cache as _cache

    started_ns = time.time_ns()
    if SETTINGS_FILE in overrides:
        settings, diags = settings_result(
            *parse_bytes(SETTINGS_FILE, *held_to_limits(SETTINGS_FILE, overrides[SETTINGS_FILE]))
        )
        use_cache = False  # the cache is keyed by the settings on disk
    else:
        settings, diags = load_settings(root)
    use_cache = _cache.cache_enabled(use_cache)
    files, listing_diags = listing if listing is not None else list_files(root, with_stat=use_cache)
    if overrides:
        files, listing_diags = listing_with(files, listing_diags, overrides)
    store = _open_cache(root) if use_cache else None
    results, todo = _from_cache(root, files, store, overrides, started_ns)
    if todo:
        for t, (fr, dig) in zip(todo, _parse_all(root, todo, jobs)):
            results[t.position] = fr
            if store is None or t.rel in overrides:  # not what the disk holds: neither cached nor dropped
                continue
            if dig is not None and t.st is not None:  # a digest only for cacheable files read whole
                store.put(t.rel, _cache.Entry(_cache.stat_key(t.st), dig, _cache.is_racy(t.st, started_ns), fr))
            else:
                store.drop(t.rel)
    if store is not None and not overrides:  # a write's preview: the files it reads are saved by the next load
        listed = {rel for rel, _k, _s in files} | set(overrides)
        for rel in [rel for rel in store.entries if rel not in listed]:
            store.drop(rel)
        store.save()
    res = assemble(root, settings, cast("list[FileResult]", results))  # every position is filled by now
    res.diagnostics[:0] = diags + listing_diags
    res.files_read = len(files) + 1
    return res


def _open_cache(root: Path) -> Optional[Cache]:
    """The per-file cache of the ledger at ``root``, keyed by everything that decides how a file loads (None
    when ``reformctl.yaml`` cannot be read: nothing is cached then)."""
    from . import cache as _cache

    try:
        settings_digest = _cache.digest((root / SETTINGS_FILE).read_bytes())
    except OSError:
        return None
    key = (_cache.code_fingerprint(), max_bytes(), settings_digest, str(root.resolve()))
    return _cache.Cache.open(root, key)


def _from_cache(
    root: Path, files: list, store: Optional[Cache], overrides: dict[str, Optional[bytes]], started_ns: int
) -> tuple[list[Optional[FileResult]], list[Pending]]:
    """What the cache still holds for each listed file (None where it holds nothing usable) and the files to
    read, parse and validate. An entry is used when the file's stat is unchanged (and the entry not racy), or
    else its bytes hash to the entry's digest; the bytes read to check that are not read again."""
    from . import cache as _cache

    results: list[Optional[FileResult]] = [None] * len(files)
    todo: list[Pending] = []
    for n, (rel, kind, st) in enumerate(files):
        if rel in overrides:
            todo.append(Pending(n, rel, kind, None, *held_to_limits(rel, overrides[rel]), False))
            continue
        if store is None or st is None or not stat.S_ISREG(st.st_mode):  # links and oddities: never cached
            todo.append(Pending(n, rel, kind, st, None, None, False))
            continue
        entry = store.entries.get(rel)
        if entry is None:
            todo.append(Pending(n, rel, kind, st, None, None, True))
            continue
        skey = _cache.stat_key(st)
        if entry.stat_key == skey and not entry.racy:
            results[n] = entry.result
            continue
        data, problem = read_bytes(root, rel, st)
        if data is not None and _cache.digest(data) == entry.digest:
            results[n] = entry.result
            racy = _cache.is_racy(st, started_ns)
            if (skey, racy) != (entry.stat_key, entry.racy):
                store.put(rel, entry._replace(stat_key=skey, racy=racy))
            continue
        todo.append(Pending(n, rel, kind, st, data, problem, True))
    return results, todo


class Pending(NamedTuple):
    """A file the load must read (or parse, when its bytes were read to check the cache): where it is listed,
    what it is, what was already read of it, and whether its result may be cached."""

    position: int
    rel: str
    kind: Kind
    st: Optional[os.stat_result]
    data: Optional[bytes]
    problem: Optional[Diagnostic]
    cacheable: bool


def _parse_all(root: Path, todo: list[Pending], jobs: Optional[int]) -> list[tuple[FileResult, Optional[bytes]]]:
    """(FileResult, content digest or None) of each file in ``todo``, in order; in forked workers when there are
    many (:mod:`reformctl.load.pool`)."""
    from . import cache as _cache

    reader = Reader(root)
    try:
        return _pool.run(
            todo,
            jobs,
            lambda t: _load_one(reader, *t[1:]),
            lambda t: _parse_one(reader, *t[1:]),
            lambda t, parsed, diags: validate(t.rel, t.kind, parsed, diags),
            _cache.loads,
        )
    finally:
        reader.close()


def _parse_one(
    reader: Reader,
    rel: str,
    kind: Kind,
    st: Optional[os.stat_result],
    data: Optional[bytes],
    problem: Optional[Diagnostic],
    cacheable: bool,
) -> tuple[Any, list[Diagnostic], Optional[bytes]]:
    """What a parsing worker hands over for one file: (parsed data, diagnostics, content digest or None)."""
    if data is None and problem is None:
        data, problem = reader.read(rel, st)
    parsed, diags = parse_bytes(rel, data, problem)
    if data is not None and cacheable:
        from .cache import digest

        return parsed, diags, digest(data)
    return parsed, diags, None


def _load_one(
    reader: Reader,
    rel: str,
    kind: Kind,
    st: Optional[os.stat_result],
    data: Optional[bytes],
    problem: Optional[Diagnostic],
    cacheable: bool,
) -> tuple[FileResult, Optional[bytes]]:
    if data is None and problem is None:
        data, problem = reader.read(rel, st)
    fr = _validation.load_bytes(rel, kind, data, problem)
    if data is not None and cacheable:
        from .cache import digest

        return fr, digest(data)
    return fr, None
