"""The errors the library raises, named by what went wrong, never by an exit code.

Only the command line turns them into exit codes (:func:`reformctl.cli.common.exit_code`): a
:class:`UsageError` is the caller's request or input (exit 2), any other :class:`ReformctlError` is a refusal
or failure caused by the state of the ledger or the repository (exit 1), and :class:`NothingToDo` is not a
failure at all (exit 0). Every one of them means that nothing was changed.

This module imports nothing of reformctl, so every layer may raise these.
"""

from __future__ import annotations

from typing import Any, Optional


class ReformctlError(Exception):
    """Refused or failed; nothing was changed. ``message`` is the English text (a ``str``, possibly a
    :class:`reformctl.i18n.write.Said` that can be worded in Chinese); ``details`` are lines explaining it."""

    def __init__(self, message: str, details: Optional[list[str]] = None):
        if isinstance(details, int):  # the old calling convention put an exit code here
            raise TypeError("reformctl errors carry no exit code: raise BadRequest (or UsageError) for a bad request")
        super().__init__(message)
        self.message = message
        self.details = list(details or [])


class UsageError(ReformctlError):
    """The request cannot be met as asked: a bad argument, an unknown item, an unreadable input file."""


class LedgerRootError(UsageError):
    """The ledger root cannot be used. ``code`` and ``params`` let a caller word it in another language
    (:data:`reformctl.i18n.ROOT_ERRORS`); ``str()`` is the English message."""

    def __init__(self, message: str, code: str = "", **params: Any):
        super().__init__(message)
        self.code = code
        self.params = params


class StoreError(ReformctlError):
    """A write (or a look into the repository) was refused or failed because of the state of the ledger or
    the repository: a lock held too long, a detached HEAD, a moving branch, an item in the wrong state."""


class BadRequest(StoreError, UsageError):
    """A write or a look into the repository refused because of what was asked (an unknown item, a missing
    reason, an option-like revision, a change that would make the ledger invalid)."""


class NothingToDo(StoreError):
    """The build changed nothing (the item is already in the requested state)."""

    def __init__(self, message: str = "nothing to change"):
        super().__init__(message)


class BaseRefError(BadRequest):
    """The revision given to ``check --base`` cannot be used."""


class InitError(UsageError):
    """``init`` refused; nothing was left behind."""


class LedgerHasErrors(ReformctlError):
    """The ledger has errors (or no usable reformctl.yaml): deadlines computed on broken records would be wrong.
    ``result`` is the :class:`~reformctl.load.LoadResult` holding them."""

    def __init__(self, result: Any):
        super().__init__(f"the ledger has {len(result.errors)} error(s)")
        self.result = result


__all__ = [
    "BadRequest",
    "BaseRefError",
    "InitError",
    "LedgerHasErrors",
    "LedgerRootError",
    "NothingToDo",
    "ReformctlError",
    "StoreError",
    "UsageError",
]
