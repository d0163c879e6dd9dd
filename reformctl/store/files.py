"""Writing files so that a crash leaves the old content or the new, never half of either: atomic writes
(temporary file, fsync, rename), several at a time; the lock that serialises the writers of a repository; the
journal name and the temporary files an interrupted write leaves (found by :func:`unfinished_write`)."""

import base64
import contextlib
import errno
import os
import tempfile
import time
from ..i18n.write import Msg
from pathlib import Path
from typing import Iterator, Optional

from ..errors import StoreError

LOCK_NAME = "reformctl.lock"
JOURNAL_NAME = "reformctl-journal.json"
LOCK_TIMEOUT = 120.0  # seconds; $REFORMCTL_LOCK_TIMEOUT (0 to 86400, reformctl/base/envvars.py) overrides it


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _b64(data: Optional[bytes]) -> Optional[str]:
    return None if data is None else base64.b64encode(data).decode("ascii")


def current_umask() -> int:
    # Linux tells the umask without changing it; setting and restoring it would race with a host's threads
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0)
    os.umask(umask)
    return umask


def atomic_write(path: Path, data: bytes, *, sync_dir: bool = True, umask: Optional[int] = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, fsync, rename (and fsync the
    folder, unless ``sync_dir`` is false: then the caller does, see :func:`write_files`)."""
    from .faults import naming

    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        mode = None
        with contextlib.suppress(FileNotFoundError):
            mode = path.stat().st_mode & 0o7777
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise naming(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            os.chmod(tmp, 0o666 & ~(current_umask() if umask is None else umask))
        if path.name != JOURNAL_NAME:
            pause_point("write")
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise naming(exc, path) from exc
        raise
    if sync_dir:
        _fsync_dir(folder)


def pause_point(name: str) -> None:
    """A test seam: with ``REFORMCTL_TEST_PAUSE=NAME:SECONDS``, sleep here (so that a test can kill the process at
    a known point of a write: ``write``, a file's temporary copy written, not renamed; ``ref``, every file
    written, the branch not moved; ``moved``, the branch just moved; ``committed``, its bookkeeping begun)."""
    want = os.environ.get("REFORMCTL_TEST_PAUSE", "")
    if want.partition(":")[0] == name:
        with contextlib.suppress(ValueError):
            time.sleep(min(float(want.partition(":")[2] or 0), 600.0))


TMP_SUFFIX = ".reformctl-tmp"


def unfinished_write(root: Path) -> Optional[Path]:
    """The journal of a write to the repository holding ``root`` that was interrupted (its process killed)
    and not yet finished or rolled back, or None. Cheap (no git process): every command asks it. A journal
    whose writer still holds the lock is a write in progress, not an interrupted one."""
    import fcntl

    from ..load.cache import git_dir_of

    gitdir = git_dir_of(Path(root).resolve())
    if gitdir is None:
        return None
    journal = gitdir / JOURNAL_NAME
    if not journal.exists():
        return None
    common = gitdir
    with contextlib.suppress(OSError, ValueError):
        text = (gitdir / "commondir").read_text(encoding="utf-8").strip()
        common = Path(text) if Path(text).is_absolute() else (gitdir / text).resolve()
    try:
        fd = os.open(common / LOCK_NAME, os.O_RDONLY)
    except OSError:
        return journal  # no lock file: nobody is writing
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return None  # a writer holds the lock: its journal is in use
    finally:
        os.close(fd)
    return journal


WRITE_THREADS = 8


def write_files(files: dict[Path, Optional[bytes]]) -> None:
    """Write (``None``: delete) several files, each as :func:`atomic_write` does, several at a time (an fsync
    waits on the disk, not on the CPU), then fsync each folder once. Every write is finished (or has failed)
    before this returns or raises the first error."""
    umask = current_umask()  # once, before the threads: os.umask is process-wide

    def one(item: tuple[Path, Optional[bytes]]) -> None:
        path, data = item
        if data is None:
            path.unlink()
        else:
            atomic_write(path, data, sync_dir=False, umask=umask)

    items = list(files.items())
    errors: list[BaseException] = []
    try:
        if len(items) <= 2:
            for item in items:
                one(item)
        else:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(min(WRITE_THREADS, len(items)), thread_name_prefix="reformctl-write") as pool:
                futures = [pool.submit(one, item) for item in items]
            errors = [exc for exc in (f.exception() for f in futures) if exc is not None]
    finally:
        for folder in sorted({p.parent for p in files}):
            _fsync_dir(folder)
    if errors:
        raise errors[0]


def remove_index(index: str) -> None:
    """Remove a temporary index and the lock git may have left beside it (a git killed by a signal cannot)."""
    for name in (index, index + ".lock"):
        with contextlib.suppress(OSError):
            os.unlink(name)


def remove_stray_indexes(common_dir: Path) -> None:
    """Remove the temporary indexes of a writer killed before it could (call it holding the lock)."""
    for pattern in ("reformctl-index-*", "reformctl-hook-index-*"):
        for stray in common_dir.glob(pattern):
            with contextlib.suppress(OSError):
                stray.unlink()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def hold_lock(path: Path, timeout: Optional[float] = None, busy: str = "st_locked") -> Iterator[None]:
    """An exclusive lock on ``path`` (released by the OS if the process dies), waited for up to ``timeout``
    (``REFORMCTL_LOCK_TIMEOUT``) seconds; then :class:`StoreError` with the message ``busy``."""
    import fcntl

    if timeout is None:
        from ..base.envvars import number

        timeout = number("REFORMCTL_LOCK_TIMEOUT") if "REFORMCTL_LOCK_TIMEOUT" in os.environ else LOCK_TIMEOUT

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline:
                    raise StoreError(Msg(busy, seconds=f"{timeout:.0f}", lock=path)) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)
