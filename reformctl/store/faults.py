"""The faults of the place a write goes to, not of reformctl: a read-only repository or file system, a full
disk, a quota, a file size limit (``ulimit -f``), a failing disk. Each refuses the write with its reason and what
to do, in both languages, instead of an internal error; anything else is a bug and propagates."""

from __future__ import annotations

import errno
import signal
from pathlib import Path
from typing import Optional

from ..errors import StoreError
from ..i18n.write import Said
from .git import GitError
from .message import clean_line

# errno -> ((zh, en) reason, (zh, en) what to do)
FAULTS: dict[int, tuple[tuple[str, str], tuple[str, str]]] = {
    errno.EACCES: (
        ("权限不足", "Permission denied"),
        (
            "你没有写入此仓库的权限，请以有写权限的用户运行 reformctl。",
            "you may not write to this repository: run reformctl as a user who may",
        ),
    ),
    errno.EROFS: (
        ("文件系统为只读", "Read-only file system"),
        (
            "仓库位于只读的文件系统上，请在可写的位置（或可写的克隆）中操作。",
            "the repository is on a read-only file system: work in a writable place (or a writable clone)",
        ),
    ),
    errno.ENOSPC: (
        ("磁盘空间已满", "No space left on device"),
        ("磁盘已满，请腾出空间后重试。", "the disk is full: free some space and try again"),
    ),
    errno.EDQUOT: (
        ("超出磁盘配额", "Disk quota exceeded"),
        ("磁盘配额已用完，请腾出空间后重试。", "your disk quota is used up: free some space and try again"),
    ),
    errno.EFBIG: (
        ("文件超过允许的大小", "File too large"),
        (
            "系统限制了可写文件的大小（ulimit -f），请放宽该限制后重试。",
            "the system limits the size of the files you may write (ulimit -f): raise it and try again",
        ),
    ),
    errno.EIO: (
        ("输入/输出错误", "Input/output error"),
        ("磁盘读写出错，请检查磁盘。", "the disk reported an error: check it"),
    ),
}
FAULTS[errno.EPERM] = (("操作不被允许", "Operation not permitted"), FAULTS[errno.EACCES][1])

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


def reason_of(exc: BaseException) -> tuple[str, str]:
    """The reason of a failed write as a (zh, en) pair."""
    code = getattr(exc, "errno", None)
    if code in FAULTS:
        return FAULTS[code][0]
    return (str(exc), str(exc))


def _git_fault(exc: GitError) -> Optional[int]:
    xfsz = getattr(signal, "SIGXFSZ", None)  # POSIX only
    if xfsz is not None and exc.code == -xfsz:  # git killed for writing past the file size limit (ulimit -f)
        return errno.EFBIG
    for needle, code in _GIT_FAULTS:
        if needle.lower() in exc.message.lower():
            return code
    return None


def write_fault(exc: BaseException) -> Optional[StoreError]:
    """The refusal of a write that failed because the repository cannot take it (read-only, full, over a quota
    or a file size limit), or None when ``exc`` is something else (a bug: it propagates)."""
    if isinstance(exc, OSError) and exc.errno in FAULTS:
        reason, hint = FAULTS[exc.errno]
        path = str(exc.filename) if exc.filename else "a file"
        return StoreError(Said("write_refused", path=clean_line(path, 300), reason=reason, hint=hint))
    if isinstance(exc, GitError):
        code = _git_fault(exc)
        if code is None:
            return None
        reason, hint = FAULTS[code]
        lines = [ln.strip() for ln in exc.message.splitlines() if ln.strip()]
        detail = clean_line(lines[-1] if lines else f"git {' '.join(exc.args_[:1])}", 300)
        return StoreError(Said("git_write_refused", detail=detail, reason=reason, hint=hint))
    return None
