"""The faults of the place a write goes to, not of reformctl: a read-only repository or file system, a full
disk, a quota, a file size limit (``ulimit -f``), a failing disk. Each refuses the write with its reason and what
to do, in both languages, instead of an internal error; anything else is a bug and propagates."""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path
from typing import Optional

from ..errors import StoreError
from ..i18n.faults import FAULT_HINTS, FAULT_REASONS, os_reason
from ..i18n.text import T
from ..i18n.write import Msg
from .git import GitError
from .message import clean_line

# errno -> (reason, what to do), worded in reformctl/i18n/faults.py by the errno's name
FAULTS: dict[int, tuple[T, T]] = {
    getattr(errno, name): (reason, FAULT_HINTS[name]) for name, reason in FAULT_REASONS.items() if hasattr(errno, name)
}

# what git says when it meets one of them (it tells no errno)
_GIT_FAULTS = (
    ("No space left", errno.ENOSPC),
    ("Out of diskspace", errno.ENOSPC),
    ("Disk quota exceeded", errno.EDQUOT),
    ("Read-only file system", errno.EROFS),
    ("Permission denied", errno.EACCES),
    ("insufficient permission", errno.EACCES),
    ("File too large", errno.EFBIG),
    ("Input/output error", errno.EIO),
)


def naming(exc: OSError, path: Path) -> OSError:
    """``exc`` naming the file the user knows (not the temporary copy or the folder it failed on)."""
    if exc.errno is None:
        return exc
    return type(exc)(exc.errno, exc.strerror, str(path))


def reason_of(exc: BaseException) -> T | str:
    """The reason of a failed write, worded in both languages (the system's own words for an unknown one)."""
    code = getattr(exc, "errno", None)
    if code in FAULTS:
        return FAULTS[code][0]
    return os_reason(exc)


def _git_fault(exc: GitError) -> Optional[int]:
    xfsz = getattr(signal, "SIGXFSZ", None)  # POSIX only
    if xfsz is not None and exc.code == -xfsz:  # git killed for writing past the file size limit (ulimit -f)
        return errno.EFBIG
    return _fault_named(exc.message)


def _fault_named(text: str, among: Optional[set[int]] = None) -> Optional[int]:
    """The errno of the first fault git names in ``text`` (of those ``among``, when given)."""
    lowered = text.lower()
    for needle, code in _GIT_FAULTS:
        if (among is None or code in among) and needle.lower() in lowered:
            return code
    return None


# the faults that can only be the local disk's when git fetches into a store of this machine (a permission or an
# input/output error may be the source's: those keep git's own words)
_LOCAL_ONLY = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG}


FULL_BELOW = 1 << 20  # bytes: a disk with less free than this is full, as far as a failed write goes


def disk_full(path: Path) -> bool:
    """Whether the file system that holds ``path`` (or would: its nearest folder that exists) has less than
    :data:`FULL_BELOW` free for an ordinary user; False when it cannot be told."""
    where = path
    while not where.exists() and where != where.parent:
        where = where.parent
    try:
        st = os.statvfs(where)
    except (OSError, AttributeError):  # no statvfs (Windows) or nothing to ask
        return False
    return st.f_bavail * st.f_frsize < FULL_BELOW


def place_fault(exc: BaseException, where: Path) -> Optional[tuple[T, T]]:
    """(reason, what to do) when ``exc`` is the place's fault (:func:`write_fault`'s, or any failure while the
    disk holding ``where`` is full: git does not always say why it could not write); else None."""
    code = exc.errno if isinstance(exc, OSError) else _git_fault(exc) if isinstance(exc, GitError) else None
    if code in FAULTS:
        return FAULTS[code]
    return FAULTS[errno.ENOSPC] if disk_full(where) else None


def local_fault(text: str) -> Optional[tuple[T, T]]:
    """(reason, what to do) when git's ``text`` says the disk it wrote to is full, over a quota, read-only or past
    the file size limit; else None."""
    code = _fault_named(text, _LOCAL_ONLY)
    return None if code is None else FAULTS[code]


def write_fault(exc: BaseException) -> Optional[StoreError]:
    """The refusal of a write that failed because the repository cannot take it (read-only, full, over a quota
    or a file size limit), or None when ``exc`` is something else (a bug: it propagates)."""
    if isinstance(exc, OSError) and exc.errno in FAULTS:
        reason, hint = FAULTS[exc.errno]
        path = str(exc.filename) if exc.filename else "a file"
        return StoreError(Msg("write_refused", path=clean_line(path, 300), reason=reason, hint=hint))
    if isinstance(exc, GitError):
        code = _git_fault(exc)
        if code is None:
            return None
        reason, hint = FAULTS[code]
        lines = [ln.strip() for ln in exc.message.splitlines() if ln.strip()]
        detail = clean_line(lines[-1] if lines else f"git {' '.join(exc.args_[:1])}", 300)
        return StoreError(Msg("git_write_refused", detail=detail, reason=reason, hint=hint))
    return None
