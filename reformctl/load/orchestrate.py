"""Loading the whole ledger (:func:`load_ledger`): list its files, take what the per-file cache
(:mod:`reformctl.load.cache`) still holds, read, parse and validate the rest (in forked workers when there are
many: :mod:`reformctl.load.pool`), write the cache back and assemble the ledger."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Any, NamedTuple, Optional

from ..base.lifetime import collector_paused
from ..model import SETTINGS_FILE, Diagnostic, Kind
from . import pool as _pool
from .assembly import LoadResult, assemble
from .listing import _overridden_listing, list_files
from .parse import parse_bytes
from .reader import _max_bytes, _override, _Reader, read_bytes
from . import validation as _validation
from .validation import FileResult, load_settings, settings_result, validate


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
            *parse_bytes(SETTINGS_FILE, *_override(SETTINGS_FILE, overrides[SETTINGS_FILE]))
        )
        use_cache = False  # the cache is keyed by the settings on disk
    else:
        settings, diags = load_settings(root)
    store = None
    use_cache = _cache.cache_enabled(use_cache)
    files, listing_diags = listing if listing is not None else list_files(root, with_stat=use_cache)
    if overrides:
        files, listing_diags = _overridden_listing(files, listing_diags, overrides)
    if use_cache:
        try:
            settings_digest = _cache.digest((root / SETTINGS_FILE).read_bytes())
        except OSError:
            settings_digest = None
        if settings_digest is not None:
            key = (_cache.code_fingerprint(), _max_bytes(), settings_digest, str(root.resolve()))
            store = _cache.Cache.open(root, key)
    results: list[Optional[FileResult]] = [None] * len(files)
    todo: list[Pending] = []
    entries = store.entries if store is not None else {}
    for n, (rel, kind, st) in enumerate(files):
        if rel in overrides:
            todo.append(Pending(n, rel, kind, None, *_override(rel, overrides[rel]), False))
            continue
        cacheable = store is not None and st is not None and stat.S_ISREG(st.st_mode)
        entry = entries.get(rel) if cacheable else None
        if entry is None:
            todo.append(Pending(n, rel, kind, st, None, None, cacheable))
            continue
        skey = _cache.stat_key(st)
        if entry[0] == skey and not entry[2]:
            results[n] = entry[3]
            continue
        data, problem = read_bytes(root, rel, st)
        if data is not None and _cache.digest(data) == entry[1]:
            results[n] = entry[3]
            racy = _cache.is_racy(st, started_ns)
            if (skey, racy) != (entry[0], entry[2]):
                entries[rel] = (skey, entry[1], racy, entry[3])
                store.touch(rel)
            continue
        todo.append(Pending(n, rel, kind, st, data, problem, True))
    if todo:
        for t, (fr, dig) in zip(todo, _parse_all(root, todo, jobs)):
            results[t.position] = fr
            if t.rel in overrides:  # not what the disk holds: neither cached nor dropped from the cache
                continue
            if dig is not None:  # a digest only for cacheable files read whole
                entries[t.rel] = (_cache.stat_key(t.st), dig, _cache.is_racy(t.st, started_ns), fr)
                store.touch(t.rel)
            elif t.rel in entries:
                del entries[t.rel]
                store.touch(t.rel)
    if store is not None:
        listed = {rel for rel, _k, _s in files} | set(overrides)
        gone = [rel for rel in entries if rel not in listed]
        for rel in gone:
            del entries[rel]
            store.touch(rel)
        store.save()
    res = assemble(root, settings, results)
    res.diagnostics[:0] = diags + listing_diags
    res.files_read = len(files) + 1
    return res


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

    reader = _Reader(root)
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
    reader: _Reader,
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
    reader: _Reader,
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
