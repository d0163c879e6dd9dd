"""What a command may do to its own process and a library must not do to its host.

A command of the command line is a short process that loads a ledger, answers and exits. Three things make it
faster, and each would change the process of a program that uses reformctl as a library:

- **keeping**: what was loaded lives until the process ends (freeing 100,000 loaded records one object at a
  time takes a quarter of a second that a command about to exit need not spend); the entry point then leaves
  through ``os._exit`` after the exit handlers and a flush (:func:`reformctl.cli.main`);
- **the collector**: off while a ledger is loaded (many small containers, none cyclic: it would run hundreds of
  times for nothing), and what was loaded frozen afterwards so that later collections do not walk it again;
- **forking**: with many files (:data:`reformctl.load.PARALLEL_MIN_FILES`), forked workers parse shares of them,
  a roll-up reads members not yet remembered side by side, and helpers remember what a later run reads (what
  each item owes on any date, :mod:`reformctl.asof`), waited for once the output is out (:func:`wait_for`)
  (fork is unsafe in a threaded host).

A fourth, :func:`interrupts_deferred`, holds a Ctrl-C back while a commit's bookkeeping finishes. All happen
only inside :func:`command_runtime`, which the entry point enters for the whole command. A
library caller gets none of them unless it asks: ``with command_runtime():`` around its calls, or an explicit
``jobs=`` (or ``$REFORMCTL_JOBS``) for the parallel load alone.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Callable, Iterator, Optional


class _Runtime:
    __slots__ = ("kept", "helpers")

    def __init__(self) -> None:
        self.kept: list[Any] = []
        self.helpers: list[int] = []  # forked processes remembering what a later run reads: waited for at the end


_CURRENT: ContextVar[Optional[_Runtime]] = ContextVar("reformctl_runtime", default=None)


@contextmanager
def command_runtime() -> Iterator[None]:
    """Run the enclosed calls as a command: keep what they load, pause the collector around loads and freeze
    what they loaded, fork parse workers for big ledgers. Re-entering an active runtime reuses it."""
    if _CURRENT.get() is not None:
        yield
        return
    token = _CURRENT.set(_Runtime())
    try:
        yield
    finally:
        wait_for_helpers()
        _CURRENT.reset(token)


HELPER_WAIT_S = 120.0  # a helper still running after this long at the end of a command is stopped


def forked(work: Callable[[], None]) -> Optional[int]:
    """``work()`` in a forked process that leaves through ``os._exit`` (0 when it returned, 1 when it raised),
    never running this process's exit handlers: its id, or None when no process could be had (a limit)."""
    import os

    try:
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    return pid


def wait_for(pid: Optional[int]) -> None:
    """A forked helper that remembers something for later runs (None: there is none): inside a command waited
    for at its end (after the output: :func:`wait_for_helpers`), else now."""
    if pid is None:
        return
    rt = _CURRENT.get()
    if rt is not None:
        rt.helpers.append(pid)
    else:
        reap_now(pid)


def reap_now(pid: int) -> None:
    """Wait for the forked process ``pid`` to end (nothing when it is reaped already)."""
    _reap(pid, None)


def wait_for_helpers() -> None:
    """Wait for the command's helpers (at most :data:`HELPER_WAIT_S` in all, then stopped)."""
    import time

    rt = _CURRENT.get()
    if rt is None:
        return
    deadline = time.monotonic() + HELPER_WAIT_S
    try:
        while rt.helpers:
            _reap(rt.helpers[-1], deadline)
            rt.helpers.pop()
    except KeyboardInterrupt:  # the answer is out; what the helpers remember for later is not worth the wait
        while rt.helpers:
            _reap(rt.helpers.pop(), 0.0)


def _reap(pid: int, deadline: Optional[float]) -> None:
    import os
    import signal
    import time

    try:
        if deadline is not None:
            while os.waitpid(pid, os.WNOHANG) == (0, 0):
                if time.monotonic() > deadline:
                    os.kill(pid, signal.SIGKILL)
                    break
                time.sleep(0.01)
            else:
                return  # it ended, and is reaped
        os.waitpid(pid, 0)
    except OSError:  # reaped already (ChildProcessError), interrupted: nothing to wait for
        pass


def in_command() -> bool:
    """True inside :func:`command_runtime` (the command line); False in plain library use."""
    return _CURRENT.get() is not None


def keep_until_exit(obj: Any) -> None:
    """Keep ``obj`` alive until the process ends, inside a command; else do nothing."""
    rt = _CURRENT.get()
    if rt is not None:
        rt.kept.append(obj)


def anything_kept() -> bool:
    rt = _CURRENT.get()
    return rt is not None and bool(rt.kept)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Inside a command: the cyclic garbage collector off for the enclosed load, and what is alive afterwards
    (the loaded ledger, kept to the end of the command) frozen out of its way, or every later collection walks
    millions of objects. Refcounting still frees everything; only cyclic garbage made meanwhile is kept. Outside
    a command, or when the collector was already off: nothing."""
    if _CURRENT.get() is None or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Inside a command: a Ctrl-C while the enclosed steps run is taken once they are done (a write whose branch
    has moved is made; stopping half-way through its bookkeeping would leave a journal for `recover` and a user
    told nothing was done). Elsewhere (a library's host, a thread other than the main one): nothing changes."""
    import signal
    import threading

    if _CURRENT.get() is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
