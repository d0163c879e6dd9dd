"""The errors the library raises, named by what went wrong, never by an exit code.

Only the command line turns them into exit codes (:func:`reformctl.cli.common.exit_code`): a
:class:`UsageError` is the caller's request or input (exit 2), any other :class:`ReformctlError` is a refusal
or failure caused by the state of the ledger or the repository (exit 1), and :class:`NothingToDo` is not a
failure at all (exit 0). Every one of them means that nothing was changed.

This module imports nothing of reformctl, so every layer may raise these.
"""

from __future__ import annotations

from typing import Any, Optional, Protocol


class Message(Protocol):
    """A message of the catalogue as the errors carry it (reformctl.i18n.write.Msg): said in a language when
    shown, English as ``str()``."""

    key: str

    def say(self, lang: str) -> str: ...


class ReformctlError(Exception):
    """Refused or failed; nothing was changed. It is raised with a ``str`` or a message of the catalogue
    (:class:`reformctl.i18n.write.Msg`) and lines explaining it (``details``, the same). ``msg`` and ``detail_msgs``
    are those as given, for the command line to say in the user's language; ``message`` and ``details`` their
    English text, for a library caller."""

    def __init__(self, message: str | Message, details: Optional[list] = None):
        if isinstance(details, int):  # the old calling convention put an exit code here
            raise TypeError("reformctl errors carry no exit code: raise BadRequest (or UsageError) for a bad request")
        super().__init__(message)
        self.msg = message
        self.detail_msgs = list(details or [])

    @property
    def message(self) -> str:
        return str(self.msg)

    @property
    def details(self) -> list[str]:
        return [str(d) for d in self.detail_msgs]


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

    def __init__(self, message: str | Message = "nothing to change"):
        super().__init__(message)


class BaseRefError(BadRequest):
    """The revision given to ``check --base`` cannot be used."""


class InitError(UsageError):
    """``init`` refused what was asked (the folder, the options, no git identity); nothing was written."""


class InitFailed(StoreError):
    """``init`` failed while writing (a full or read-only disk, a hook of the repository refusing the commit), as
    any write can; nothing was left behind."""


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
    "InitFailed",
    "LedgerHasErrors",
    "LedgerRootError",
    "NothingToDo",
    "ReformctlError",
    "StoreError",
    "UsageError",
]
