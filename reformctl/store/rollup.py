"""`status --members`: the roll-up of a ledger and its members' ledgers, each member read at its fetched commit
(:mod:`reformctl.store.members`), its findings remembered per commit and date, and, for an output asked for
(JSON), its rendered findings too: an unchanged member then costs one file read."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

from ..load import cache as _cache
from ..model import Ledger
from ..rules.levels import MemberView
from .members import (
    MemberRead,
    _memo_folder,
    _package_fingerprint,
    _read_key,
    _recall,
    _remember,
    member_views,
    read_member,
)


@dataclass
class Rendered:
    """The findings of one source of the roll-up (this ledger, or one member at its commit), sorted, rendered
    by the caller's ``render`` (e.g. JSON objects) and kept as bytes: each finding's sort key, its (unit, kind,
    rule, light) for the filters, and the rendering of each (``blob``, the end offset of each in it, ``",\\n"``
    between them)."""

    sort_keys: list
    keys: list
    blob: bytes
    ends: list  # finding i is blob[(ends[i - 1] + 2 if i else 0) : ends[i]]


@dataclass
class RollUp:
    """`status --members`: the findings of the ledger and of every member read (each tagged with ``member`` and
    ``commit``), the members as seen, and every unit id known (the ledger's and its members'). Asked for a
    rendering, ``rendered`` holds it per source instead and ``findings`` is empty."""

    findings: list
    notes: list
    views: list[MemberView]
    unit_ids: frozenset
    reads: dict[str, MemberRead]
    rendered: Optional[list[Rendered]] = None

    def merged(self) -> list[tuple[int, int]]:
        """(source, position) of every rendered finding, in the order of the findings sorted together (ties:
        this ledger's first, then the members' in their order; the order `findings` has)."""
        # each source's keys are sorted already: Timsort finds those runs and merges them in C (heapq.merge
        # is the same result, stable by source then position, through Python calls)
        keyed = [(k, n, i) for n, r in enumerate(self.rendered or []) for i, k in enumerate(r.sort_keys)]
        keyed.sort()
        return [(n, i) for _k, n, i in keyed]


def tag(finding, member: Optional[str], commit: Optional[str]):
    """Set a fresh finding's ``member`` and ``commit`` (the finding is this run's own: no copy needed)."""
    object.__setattr__(finding, "member", member)
    object.__setattr__(finding, "commit", commit)
    return finding


def _rendered(findings: list, render) -> Rendered:
    from ..rules.findings import Finding

    findings = sorted(findings, key=Finding.sort_key)
    blob, ends = render(findings)
    return Rendered([f.sort_key() for f in findings], [(f.unit, f.kind, f.rule, f.light) for f in findings], blob, ends)


def roll_up(
    root: Path,
    upper: Ledger,
    as_of: dt.date,
    only: Sequence[str] = (),
    cache: Optional[bool] = None,
    horizon: Optional[int] = None,
    render=None,
    render_tag: str = "",
) -> RollUp:
    """The findings of ``upper`` (loaded from ``root``) and of its members (those in ``only``, else all) as of
    ``as_of``: the upper-level rules about members, delegated tasks, and each member's own findings. A member's
    findings are remembered per commit and date: an unchanged member is not even loaded on the next run.

    With ``render`` (sorted findings -> (bytes, end offsets); ``render_tag`` names what it renders, e.g. the
    language), the findings come back rendered per source (:attr:`RollUp.rendered`), and a member's rendering
    is remembered too: a warm roll-up then builds no finding of an unchanged member at all."""
    from ..rules.findings import Finding, evaluate
    from ..rules.levels import LEVEL_RULES

    ask = Ask(root, upper, as_of, tuple(only), cache, horizon, render, render_tag)
    prepare_side_by_side(ask)
    views, reads = member_views(root, upper, only, cache, full=False)
    commits = {v.unit: v.commit for v in views}
    ev = evaluate(upper, as_of, members=views, horizon=horizon)
    found: list = []
    for f in ev.findings:
        if f.rule in LEVEL_RULES:
            tag(f, f.unit, commits.get(f.unit))
        else:
            tag(f, None, None)
        found.append(f)
    if only:
        wanted = set(only)
        found = [f for f in found if f.member in wanted]
    rendered = None if render is None else [_rendered(found, render)]
    units = set(upper.units)
    by_unit = {m.unit: m for m in upper.settings.members} if upper.settings else {}
    for v in views:
        if v.index is None or v.commit is None:
            continue
        units.update(v.index.units)
        got = _member_part(ask, by_unit[v.unit], v, reads)
        if got is None:
            continue
        if rendered is None:
            found.extend(got)
        else:
            rendered.append(got)
    if rendered is not None:
        return RollUp([], ev.notes, views, frozenset(units), reads, rendered)
    found.sort(key=Finding.sort_key)
    return RollUp(found, ev.notes, views, frozenset(units), reads)


def _part_names(key: str, as_of: dt.date, horizon: Optional[int], render_tag: str) -> tuple[str, str]:
    """The files a member's part is remembered in: its findings (rows), and their rendering."""
    shown = hashlib.sha256("\0".join((_package_fingerprint(), render_tag)).encode()).hexdigest()[:16]
    return (
        f"{key}.findings-{as_of.isoformat()}-{horizon}.pickle",
        f"{key}.rendered-{as_of.isoformat()}-{horizon}-{shown}.pickle",
    )


@dataclass(frozen=True)
class Ask:
    """What a roll-up is asked (the parameters of :func:`roll_up`), handed on to what computes its parts."""

    root: Path
    upper: Ledger
    as_of: dt.date
    only: tuple[str, ...] = ()
    cache: Optional[bool] = None
    horizon: Optional[int] = None
    render: Any = None
    render_tag: str = ""


def _member_part(ask: Ask, m, v: MemberView, reads: dict):
    """One member's part of the roll-up at its fetched commit: its findings (tagged), or with ``render`` their
    :class:`Rendered` form; remembered for the commit and the date, else computed and remembered. None when its
    ledger cannot be evaluated (its errors are findings of the upper level)."""
    from ..rules.findings import evaluate

    root, as_of, cache, horizon, render = ask.root, ask.as_of, ask.cache, ask.horizon, ask.render
    commit = v.commit
    if commit is None:
        return None
    use_cache = _cache.cache_enabled(cache)
    key = _read_key(m, commit)
    folder = _memo_folder(root, m)
    name, shown_name = _part_names(key, as_of, horizon, ask.render_tag)
    if render is not None and use_cache:
        part = _recall(folder / shown_name)
        if type(part) is tuple and len(part) == 4:
            return Rendered(*part)
    mine = _remembered_findings(folder / name) if use_cache and v.ledger is None else None
    if mine is None:
        ledger = v.ledger
        if ledger is None:
            read = reads.get(v.unit) or read_member(root, m, commit, cache)
            if read.result is None or read.result.ledger.settings is None:
                return None
            ledger = read.result.ledger
        mine = evaluate(ledger, as_of, horizon=horizon).findings
        if use_cache:
            _remember(folder, name, key, _cache.dumps([f.to_row() for f in mine]))
    mine = [tag(f, v.unit, v.commit) for f in mine]
    if render is None:
        return mine
    part = _rendered(mine, render)
    if use_cache:
        _remember(folder, shown_name, key, _cache.dumps((part.sort_keys, part.keys, part.blob, part.ends)))
    return part


# ---------------------------------------------------------------- members side by side
def prepare_side_by_side(ask: Ask) -> int:
    """Inside a command with several CPUs: the members whose part is not remembered for their fetched commit
    and the date are read and evaluated by forked processes side by side (this one takes a share), each
    remembering what it computed in that member's own folder; :func:`roll_up` then finds every part
    remembered. Nothing is handed back through pipes, and a process that fails only leaves work for
    :func:`roll_up`, which does whatever is missing. Returns the number of processes used (1: nothing forked)."""
    import sys

    from ..load.pool import PARALLEL_MIN_FILES, worker_count
    from ..rules.levels import source_problems
    from .member_ref import fetched_commit
    from .member_store import store_of

    from ..base.lifetime import forked, in_command, reap_now

    root, upper, only = ask.root, ask.upper, ask.only
    if (
        not in_command()
        or not _cache.cache_enabled(ask.cache)
        or not upper.settings
        or not sys.platform.startswith("linux")
    ):
        return 1  # forking a library's host: never (``$REFORMCTL_JOBS`` asks for the parallel load alone)
    cold = []
    for m in upper.settings.members:
        if (only and m.unit not in only) or source_problems(m.repo, m.branch, m.path):
            continue
        commit = fetched_commit(store_of(root, m))
        if not commit:
            continue  # never fetched, or a ref only git can read: the roll-up sees to it
        name, shown_name = _part_names(_read_key(m, commit), ask.as_of, ask.horizon, ask.render_tag)
        if not (_memo_folder(root, m) / (shown_name if ask.render is not None else name)).is_file():
            cold.append(m)
    n = min(worker_count(None, PARALLEL_MIN_FILES), len(cold))
    if n < 2:
        return 1
    shares = [cold[i::n] for i in range(n)]
    from ..model import build_validators

    build_validators()  # once here, not once in each worker
    pids = []
    try:
        for share in shares[1:]:
            # a worker: its share, remembered on disk (no process to be had: the roll-up reads that share itself)
            pid = forked(functools.partial(_prepare, ask, share))
            if pid is not None:
                pids.append(pid)
        _prepare(ask, shares[0])
    finally:
        for pid in pids:
            reap_now(pid)
    return n


def _prepare(ask: Ask, share: list) -> None:
    for m in share:
        try:
            views, reads = member_views(ask.root, ask.upper, [m.unit], ask.cache, full=False)
            v = views[0] if views else None
            if v is not None and v.index is not None and v.commit is not None:
                _member_part(ask, m, v, reads)
        except Exception:  # noqa: BLE001 - an optimisation: the roll-up reads this member itself and says why
            continue


def _remembered_findings(path: Path) -> Optional[list]:
    """The findings remembered in ``path`` (as rows), or None."""
    from ..rules.findings import Finding

    rows = _recall(path)
    if type(rows) is not list:
        return None
    try:
        return [Finding.from_row(tuple(row)) for row in rows]
    except (TypeError, ValueError):
        return None
