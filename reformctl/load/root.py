"""Finding the ledger root: ``--ledger``, ``$REFORMCTL_LEDGER``, the nearest ``reformctl.yaml`` upward, or
``./ledger-data``; refused (:class:`~reformctl.errors.LedgerRootError`) unless it is a folder with a readable
``reformctl.yaml``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from ..i18n.faults import os_reason
from ..errors import LedgerRootError
from ..i18n import HOW, NOT_A_FILE, root_error
from ..i18n.text import T
from ..model import SETTINGS_FILE

ENV_LEDGER = "REFORMCTL_LEDGER"
DEFAULT_FOLDER = "ledger-data"


def find_ledger(explicit: Optional[os.PathLike | str] = None, cwd: Optional[Path] = None) -> Path:
    """``--ledger``, else ``$REFORMCTL_LEDGER``, else the nearest folder upward with ``reformctl.yaml``,
    else ``./ledger-data``. Raises :class:`LedgerRootError` when the result is not a usable ledger root."""
    cwd = Path(cwd or Path.cwd())
    if explicit is not None and str(explicit) != "":
        root, how = Path(explicit), T("--ledger", "--ledger")
    elif os.environ.get(ENV_LEDGER):
        root, how = Path(os.environ[ENV_LEDGER]), HOW["env"]
    else:
        # any reformctl.yaml marks the root, even one that cannot be read: that is then the message, not
        # "./ledger-data does not exist"
        nearest = next((f for f in (cwd, *cwd.parents) if os.path.lexists(f / SETTINGS_FILE)), None)
        if nearest is not None:
            root, how = nearest, HOW["nearest"]
        else:
            root, how = cwd / DEFAULT_FOLDER, T(*(text.format(cwd=cwd) for text in HOW["default"]))
    if not root.is_absolute():
        root = cwd / root
    if not root.exists():
        raise _refused("root_missing", root=root, how=how)
    if not root.is_dir():
        raise _refused("root_not_folder", root=root, how=how)
    settings = root / SETTINGS_FILE
    if not os.path.lexists(settings):
        raise _refused("root_no_settings", root=root)
    _usable_settings(settings)
    return root


def _refused(code: str, **params: object) -> LedgerRootError:
    """The refusal ``code`` of the ledger root: its English, and the code and values to say it in Chinese."""
    return LedgerRootError(root_error(code, "en", **params), code, **params)


def _usable_settings(path: Path) -> None:
    """Raise :class:`LedgerRootError` unless ``path`` (reformctl.yaml) is a regular file that can be read."""
    import stat

    try:
        st = os.stat(path)
    except OSError as exc:  # a broken or looping symbolic link
        raise _refused("settings_unreadable", path=path, error=os_reason(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        what = "folder" if stat.S_ISDIR(st.st_mode) else "pipe" if stat.S_ISFIFO(st.st_mode) else "special"
        raise _refused("settings_not_file", path=path, what=NOT_A_FILE[what])
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            os.read(fd, 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise _refused("settings_unreadable", path=path, error=os_reason(exc)) from None
