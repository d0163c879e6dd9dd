"""Finding the ledger root: ``--ledger``, ``$REFORMCTL_LEDGER``, the nearest ``reformctl.yaml`` upward, or
``./ledger-data``; refused (:class:`~reformctl.errors.LedgerRootError`) unless it is a folder with a readable
``reformctl.yaml``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from ..errors import LedgerRootError
from ..model import SETTINGS_FILE

ENV_LEDGER = "REFORMCTL_LEDGER"
DEFAULT_FOLDER = "ledger-data"


def find_ledger(explicit: Optional[os.PathLike | str] = None, cwd: Optional[Path] = None) -> Path:
    """``--ledger``, else ``$REFORMCTL_LEDGER``, else the nearest folder upward with ``reformctl.yaml``,
    else ``./ledger-data``. Raises :class:`LedgerRootError` when the result is not a usable ledger root."""
    cwd = Path(cwd or Path.cwd())
    if explicit is not None and str(explicit) != "":
        root, how = Path(explicit), "--ledger"
    elif os.environ.get(ENV_LEDGER):
        root, how = Path(os.environ[ENV_LEDGER]), f"${ENV_LEDGER}"
    else:
        # any reformctl.yaml marks the root, even one that cannot be read: that is then the message, not
        # "./ledger-data does not exist"
        nearest = next((f for f in (cwd, *cwd.parents) if os.path.lexists(f / SETTINGS_FILE)), None)
        if nearest is not None:
            root, how = nearest, "nearest reformctl.yaml"
        else:
            root, how = (
                cwd / DEFAULT_FOLDER,
                f"no {SETTINGS_FILE} in {cwd} or its parents, so the default ./ledger-data",
            )
    if not root.is_absolute():
        root = cwd / root
    if not root.exists():
        raise LedgerRootError(
            f"ledger folder {root} does not exist (from {how}); pass --ledger PATH or set {ENV_LEDGER}",
            "root_missing",
            root=root,
            how=how,
        )
    if not root.is_dir():
        raise LedgerRootError(f"ledger path {root} is not a folder (from {how})", "root_not_folder", root=root, how=how)
    settings = root / SETTINGS_FILE
    if not os.path.lexists(settings):
        raise LedgerRootError(
            f"{root} holds no {SETTINGS_FILE}: not a ledger (create one with `reformctl init`)",
            "root_no_settings",
            root=root,
        )
    _usable_settings(settings)
    return root


def _usable_settings(path: Path) -> None:
    """Raise :class:`LedgerRootError` unless ``path`` (reformctl.yaml) is a regular file that can be read."""
    import stat

    try:
        st = os.stat(path)
    except OSError as exc:  # a broken or looping symbolic link
        raise LedgerRootError(
            f"cannot read {path}: {exc.strerror or exc}", "settings_unreadable", path=path, error=exc.strerror or exc
        ) from None
    if not stat.S_ISREG(st.st_mode):
        what = (
            ("folder", "文件夹")
            if stat.S_ISDIR(st.st_mode)
            else ("named pipe", "命名管道")
            if stat.S_ISFIFO(st.st_mode)
            else ("special file", "特殊文件")
        )
        raise LedgerRootError(
            f"{path} is a {what[0]}, not a file: {SETTINGS_FILE} must be a YAML file",
            "settings_not_file",
            path=path,
            what_en=what[0],
            what_zh=what[1],
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            os.read(fd, 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise LedgerRootError(
            f"cannot read {path}: {exc.strerror or exc}", "settings_unreadable", path=path, error=exc.strerror or exc
        ) from None
