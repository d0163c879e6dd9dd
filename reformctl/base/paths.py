"""Paths the user names for output: where writing one really writes (a symbolic link followed as the kernel's
``protected_symlinks`` would follow it, whatever that setting says on the machine)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_MAX_LINKS = 40  # as the kernel's own limit of links followed in one path


def output_target(path) -> Path:
    """Where writing ``path`` writes: ``path``, or the file its symbolic link leads to (links followed one by one,
    each relative to its own folder). A link is followed only where the kernel's ``protected_symlinks`` would
    follow it: owned by this user or by its folder's owner, or in a folder that is not both sticky and
    world-writable. In /tmp another user's link could lead the write into any file of this user's: OSError
    (EACCES) instead, and ELOOP past 40 links."""
    path = Path(path)
    for _ in range(_MAX_LINKS):
        try:
            st = os.lstat(path)
        except OSError:
            return path  # not there yet: a new file
        if not stat.S_ISLNK(st.st_mode):
            return path
        folder = os.stat(path.parent)
        shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
        if shared and st.st_uid not in (os.geteuid(), folder.st_uid):
            raise OSError(errno.EACCES, "a symbolic link of another user in a shared folder: not followed", str(path))
        path = path.parent / os.readlink(path)  # an absolute target replaces the folder
    raise OSError(errno.ELOOP, "too many levels of symbolic links", str(path))
