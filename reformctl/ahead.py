"""`status` with another ``--as-of``: its answer made ahead, side by side with the ledger's stamp (issue 15).

A run that is not answered from the memo first lists and ``lstat``-s every file (the stamp,
:mod:`reformctl.load.memo`: 0.6 s at 100,000 files), and only then knows whether the ledger changed. When there
is a CPU to spare, a forked process meanwhile makes the answer for the date asked on the state the last table of
what is owed was made for (:func:`reformctl.asof.status_another_date`). When the stamp then names that very
state, the process is told to remember its answer and this one reads it back as any remembered answer; when it
does not (an edit, another setting, other code), the process is stopped before it has written anything. The
process writes only under the state it computed for, and only when told to: what is printed is always what this
state gives.
"""

from __future__ import annotations

import datetime as dt
import os
import select
import signal
from pathlib import Path
from typing import Any, Callable, Optional

from .base.lifetime import forked, reap_now
from .load.memo import Memo, Stamp

GO = b"go"
WAIT_S = 30.0  # at most this long for the process to name its state (it reads one file first)


class _Held(Memo):
    """A memo whose answers are held back until :meth:`release`."""

    def __init__(self, folder: Path, stamp: Stamp, table: Any):
        super().__init__(folder, stamp)
        self.held: list[tuple[tuple, Any]] = []
        self.table = table

    def get(self, key: tuple, digest: Optional[str] = None) -> Any:
        from .asof import OWED_KEY

        return self.table if key == OWED_KEY and digest is None else super().get(key, digest)

    def put(self, key: tuple, value: Any) -> None:
        self.held.append((key, value))

    def release(self) -> None:
        for key, value in self.held:
            Memo.put(self, key, value)


class Ahead:
    """The forked process making an answer ahead (:func:`start`)."""

    def __init__(self, pid: int, reader: int, writer: int):
        self.pid, self.reader, self.writer = pid, reader, writer
        self.done = False

    def settle(self, memo: Memo) -> bool:
        """When ``memo``'s state is the one the process computes for: tell it to remember its answer and wait
        for it (True). Else stop it (False)."""
        named = self._named()
        if named is None or not memo.stamp.trusted or named != memo.stamp.digest.encode():
            self.stop()
            return False
        try:
            os.write(self.writer, GO)
        except OSError:  # it is gone: nothing was remembered
            self.stop()
            return False
        self._reap()
        return True

    def _named(self) -> Optional[bytes]:
        got = b""
        while len(got) < 40:
            ready, _w, _x = select.select([self.reader], [], [], WAIT_S)
            if not ready:
                return None
            part = os.read(self.reader, 40 - len(got))
            if not part:
                return None
            got += part
        return got

    def stop(self) -> None:
        """Stop the process (if still there) and forget it; nothing it held is written."""
        if not self.done:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
            self._reap()

    def _reap(self) -> None:
        self.done = True
        for fd in (self.reader, self.writer):
            try:
                os.close(fd)
            except OSError:
                pass
        reap_now(self.pid)


def start(root: Path, as_of: dt.date, json_lang: Optional[str], cache: Optional[bool]) -> Optional[Ahead]:
    """Fork the process making ``status``' answer ahead; None when it would not pay (no cache, one CPU, a
    library host, nothing remembered yet)."""
    from .load import cache as _cache
    from .load.pool import PARALLEL_MIN_FILES, worker_count

    if not _cache.cache_enabled(cache) or worker_count(None, PARALLEL_MIN_FILES) < 2:
        return None
    try:
        folder = _cache.cache_path(root).with_suffix(".memo")
        if not folder.is_dir():
            return None
    except OSError:  # a cache folder that cannot be looked at: nothing remembered to build on
        return None
    to_parent, to_child = os.pipe(), os.pipe()

    def make() -> None:  # the answer made and held; written only when told to
        os.close(to_parent[0])
        os.close(to_child[1])
        _make(root, as_of, json_lang, folder, to_parent[1], to_child[0])

    pid = forked(make)
    os.close(to_parent[1])
    os.close(to_child[0])
    if pid is None:  # no process to be had (a limit): the answer is made the usual way
        os.close(to_parent[0])
        os.close(to_child[1])
        return None
    return Ahead(pid, to_parent[0], to_child[1])


def _make(root: Path, as_of: dt.date, json_lang: Optional[str], folder: Path, out: int, told: int) -> None:
    from .asof import OWED_KEY, status_another_date
    from .incremental import status_key

    probe = Memo(folder, Stamp("", False))
    found = probe.latest(OWED_KEY)
    if found is None or len(found[0]) != 40:
        return  # the parent reads the end of the pipe: nothing made ahead
    answered = probe.latest(status_key("keys", as_of))
    if answered is not None and answered[0] == found[0]:
        return  # that state's answer for the date is remembered already (or an edit builds on it)
    os.write(out, found[0].encode())
    memo = _Held(folder, Stamp(found[0], True), found[1])
    if status_another_date(root, as_of, memo, json_lang) is not None and os.read(told, len(GO)) == GO:
        memo.release()


def recalled(
    root: Path, as_of: dt.date, json_lang: Optional[str], cache: Optional[bool], recall: Callable[..., Any]
) -> tuple[Optional[Memo], Any]:
    """The ledger's memo in its current state (None when caching is off) and ``recall(memo, as_of, json_lang)``:
    the answer remembered for that state, the one made ahead meanwhile when it was for that state, or None."""
    early = start(root, as_of, json_lang, cache)
    try:
        memo = Memo.open(root, cache=cache)
        hit = recall(memo, as_of, json_lang) if memo is not None else None
        if hit is None and early is not None and memo is not None and early.settle(memo):
            hit = recall(memo, as_of, json_lang)
    finally:
        if early is not None:
            early.stop()
    return memo, hit


__all__ = ["Ahead", "recalled", "start"]
