"""How long what a command loaded lives: until the process ends, without freeing it.

Freeing 100,000 loaded records one object at a time takes a quarter of a second that a command about to exit
need not spend. The command line calls :func:`start_keeping`; the reading paths hand what they loaded to
:func:`keep_until_exit`; the entry point then leaves through ``os._exit`` after the exit handlers and a flush
(:func:`reformctl.cli.main`). In library use nothing is kept.
"""

from __future__ import annotations

from typing import Any, Optional

_KEPT: Optional[list] = None  # a list while the command line runs; None in library use


def start_keeping() -> None:
    global _KEPT
    if _KEPT is None:
        _KEPT = []


def keep_until_exit(obj: Any) -> None:
    """Keep ``obj`` alive until the process ends, when the command line asked for it; else do nothing."""
    if _KEPT is not None:
        _KEPT.append(obj)


def anything_kept() -> bool:
    return bool(_KEPT)
