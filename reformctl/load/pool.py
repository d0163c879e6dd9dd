"""Parsing a ledger's files in forked worker processes, and the framing of what they send back.

With several CPUs and many files, forked workers read and parse shares dealt by :func:`deal` while this process
loads its own; each worker sends the parsed data of its files back in chunks of plain data (maps, lists, text,
numbers, diagnostics), each framed as an 8-byte length and a pickle, which this process validates into records:
pickling records cost more than validating them. A worker that fails is not trusted: its whole share is loaded
here again, and so is whatever did not arrive whole.

This module knows processes, pipes and frames, not YAML: the loader (:mod:`reformctl.load`) hands it the
functions that parse, load and validate one file. Forking changes the host process, so it happens only when
asked: inside the command runtime (:func:`reformctl.base.lifetime.command_runtime`) with enough files, or with an
explicit ``jobs`` or ``$REFORMCTL_JOBS``.
"""

from __future__ import annotations

import functools
import io
import math
import os
import pickle
import sys
from typing import Any, Callable, Iterator, Optional, Sequence

from ..base.lifetime import forked, in_command

ENV_JOBS = "REFORMCTL_JOBS"
PARALLEL_MIN_FILES = 1500  # below this, starting a process costs more than it saves
MAIN_SHARE = 1.0  # the main process's share of the files : a worker's (measured on 2 CPUs, benchmarks/)


def worker_count(jobs: Optional[int], n_files: int) -> int:
    """How many processes (this one included) parse ``n_files`` files: 1 means no fork."""
    if jobs is None:
        try:
            jobs = int(os.environ.get(ENV_JOBS, "0")) or None
        except ValueError:
            jobs = None
        if jobs is None:
            if n_files < PARALLEL_MIN_FILES or not in_command():  # forking a library's host: only when asked
                return 1
            try:
                jobs = len(os.sched_getaffinity(0))
            except (AttributeError, OSError):
                jobs = os.cpu_count() or 1
    if not sys.platform.startswith("linux"):  # fork is the cheap way to share the loaded code; Linux only
        return 1
    return max(1, min(jobs, 8, n_files))


CHUNK_FILES = 1024  # a worker hands its parsed files over in chunks of this many, as it goes


def run(
    todo: Sequence[Any],
    jobs: Optional[int],
    load_one: Callable[[Any], Any],
    parse_one: Callable[[Any], Any],
    validate: Callable[[Any, Any, list], Any],
    loads: Callable[[bytes], Any],
) -> list:
    """What ``load_one(t)`` gives for each ``t`` of ``todo``, in order: computed here, or by forked workers that
    run ``parse_one(t)`` (plain data: parsed, diagnostics, digest) and send it back for ``validate(t, parsed,
    diagnostics)`` here. ``loads`` reads a frame (the cache's safe unpickler)."""
    n = worker_count(jobs, len(todo))
    if n <= 1:
        return [load_one(t) for t in todo]

    # Each worker reads and parses its share and hands the plain data over in chunks as it goes (plain data is
    # cheap to pickle, records are not); this process validates it. While it loads its own share, it only
    # drains the pipes (a worker never waits on a full pipe); then it validates what the workers sent. Its
    # own share is the smaller, so that all finish together.
    try:
        main_share = min(4.0, max(0.25, float(os.environ.get("REFORMCTL_MAIN_SHARE", "") or MAIN_SHARE)))
    except ValueError:
        main_share = MAIN_SHARE
    dealt = deal(len(todo), [main_share] + [1.0] * (n - 1))
    workers, mine = _start_workers(todo, dealt, parse_one)
    out: list = [None] * len(todo)
    for k, i in enumerate(mine):
        out[i] = load_one(todo[i])
        if not k & 63:
            for inbox in workers:
                inbox.drain()
    for inbox in workers:
        done = 0
        try:
            for frame in inbox.frames():
                part = loads(frame)
                chunk = inbox.positions[done : done + CHUNK_FILES]
                if type(part) is not list or len(part) != len(chunk):
                    break
                for i, (parsed, diags, dig) in zip(chunk, part):
                    out[i] = (validate(todo[i], parsed, diags), dig)
                done += len(chunk)
        except Exception:  # noqa: BLE001 - whatever did not arrive whole is loaded here below
            pass
        finally:
            status = inbox.close()
        if status != 0:
            done = 0  # a worker that failed is not trusted at all
        for i in inbox.positions[done:]:
            out[i] = load_one(todo[i])
    return out


def _start_workers(todo: Sequence[Any], dealt: list[list[int]], parse_one: Callable[[Any], Any]) -> tuple[list, list]:
    """Fork a worker for each share of ``dealt`` but the first: (the workers' inboxes, the positions this
    process loads: its own share, and any share no pipe or process could be had for)."""
    workers: list[Inbox] = []
    mine = list(dealt[0])
    for positions in dealt[1:]:
        try:
            r, w = os.pipe()
            widen_pipe(w)
        except OSError:  # no pipe to be had (a descriptor limit): this process loads that share
            mine += positions
            continue
        pid = forked(functools.partial(_work, todo, positions, parse_one, r, w, [inbox.fd for inbox in workers]))
        if pid is None:  # no process to be had (a process limit): this process loads that share
            os.close(r)
            os.close(w)
            mine += positions
            continue
        os.close(w)
        workers.append(Inbox(pid, r, positions))
    return workers, mine


def _work(todo: Sequence[Any], positions: list[int], parse_one: Callable, r: int, w: int, others: list[int]) -> None:
    """A worker: its share parsed and sent in framed chunks through ``w``."""
    os.close(r)
    for fd in others:  # the pipes of earlier workers are not this one's
        os.close(fd)
    with os.fdopen(w, "wb") as fh:
        for start in range(0, len(positions), CHUNK_FILES):
            chunk = [parse_one(todo[i]) for i in positions[start : start + CHUNK_FILES]]
            data = dumps_tree(chunk)
            fh.write(len(data).to_bytes(8, "little"))
            fh.write(data)
            fh.flush()


PIPE_BYTES = 1 << 20  # a worker's pipe: room for a chunk or two between two drains (Linux's default is 64 KiB)


def widen_pipe(fd: int) -> None:
    """Give the pipe room for whole chunks, so that a worker seldom waits for the main process to drain it."""
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except (ImportError, OSError):  # not Linux, or over /proc/sys/fs/pipe-max-size: the default will do
        pass


class Inbox:
    """The receiving end of a worker's pipe: frames of an 8-byte length and a pickle."""

    def __init__(self, pid: int, fd: int, positions: list[int]):
        self.pid = pid
        self.fd = fd
        self.positions = positions
        self.buf = bytearray()
        self.eof = False
        os.set_blocking(fd, False)

    def drain(self) -> None:
        """Take whatever the worker has written so far, without waiting."""
        while not self.eof:
            try:
                data = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                return
            if not data:
                self.eof = True
                return
            self.buf += data

    def frames(self) -> Iterator[bytes]:
        os.set_blocking(self.fd, True)
        pos = 0
        while True:
            buf = self.buf
            while len(buf) - pos >= 8:
                size = int.from_bytes(buf[pos : pos + 8], "little")
                if len(buf) - pos - 8 < size:
                    break
                yield bytes(buf[pos + 8 : pos + 8 + size])
                pos += 8 + size
            del buf[:pos]
            pos = 0
            if self.eof:
                return
            data = os.read(self.fd, 1 << 20)
            if not data:
                self.eof = True
            buf += data

    def close(self) -> int:
        """Close the pipe and wait for the worker: its exit status."""
        os.close(self.fd)
        _pid, status = os.waitpid(self.pid, 0)
        return status


def deal(n: int, weights: list[float]) -> list[list[int]]:
    """Positions ``0..n-1`` dealt to processes in proportion to ``weights``, like cards: in every round of a
    few positions each process takes its number of consecutive ones. A ledger's files are listed by kind
    (the large task files first), so contiguous shares of equal count are far from equal work; dealt
    shares hold the same mix of kinds and sizes, and need no size of a file (a load without the cache
    lists none)."""
    tenths = [max(1, round(w * 10)) for w in weights]
    g = 0
    for t in tenths:
        g = math.gcd(g, t)
    counts = [t // g for t in tenths]
    cycle = sum(counts)
    shares: list[list[int]] = []
    start = 0
    for c in counts:
        positions: list[int] = []
        for offset in range(start, start + c):
            positions.extend(range(offset, n, cycle))
        positions.sort()
        shares.append(positions)
        start += c
    return shares


def dumps_tree(obj: Any) -> bytes:
    """Pickle plain data that is a tree (parsed YAML holds no shared or recursive parts: aliases are refused)
    without the pickler's memo, five times faster than with it."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=5)
    pickler.fast = True  # no memo: shared objects would be written twice, recursive ones never end
    pickler.dump(obj)
    return buf.getvalue()
