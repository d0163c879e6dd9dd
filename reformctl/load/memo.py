"""Results remembered per state of the ledger (issue 6: a warm `status` on 100k items in under a second).

The per-file cache (:mod:`reformctl.load.cache`) spares re-reading YAML, but a command still rebuilds every
record and runs every rule. What `status` and `check` compute is a pure function of the ledger's files,
``reformctl.yaml``, the as-of date and reformctl's own code, so when none of those changed the previous
answer is the answer. This module decides "none of those changed" and keeps such answers.

The **stamp** of a ledger is a digest of:
- every file the loader would read, with its ``lstat`` (size, mtime, ctime, inode, device), and every file
  name it would warn about (a stray ``tasks/notes.txt``), in the loader's own listing (:func:`list_files`);
- the bytes of ``reformctl.yaml``;
- the source files of the ``reformctl`` package (path, size, mtime) and the versions of Python, pydantic, PyYAML and
  chinesecalendar (working-day deadlines come from its tables), and ``$REFORMCTL_MAX_FILE_BYTES``.

A stamp is **trusted** only when every listed file is a regular file last changed more than
:data:`~reformctl.load.cache.RACY_NS` before the listing (the racy-git rule: a second edit within the same
timestamp tick could leave a stat unchanged); answers are only stored under a trusted stamp, so an edit made
while or just before a command ran is always seen by the next one. A symbolic link makes a stamp untrusted
(its target can change without the link's stat changing).

Answers are plain data (tuples, lists, dicts, strings, numbers, dates), one file per question under
``<cache folder>/<ledger tag>.memo/``, written atomically; the reader refuses anything else, so a doctored
file cannot run code. A damaged, foreign or unreadable file is a miss, never an error; at most
:data:`MAX_FILES` answers are kept per ledger (the least recently used go). ``--no-cache`` / ``$REFORMCTL_NO_CACHE`` turn
this off together with the per-file cache.
"""

from __future__ import annotations

import hashlib
from array import array
import io
import os
import pickle
import stat
import sys
import time
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any, Optional

from . import cache as _cache

FORMAT = 2  # 2: sealed (cache.seal)
MAX_FILES = 16

_CODE: Optional[bytes] = None


def code_digest() -> bytes:
    """What reformctl's answers depend on besides the ledger: its source and the libraries' versions."""
    global _CODE
    if _CODE is None:
        from importlib import metadata

        h = hashlib.blake2b(digest_size=16)
        h.update(f"{FORMAT}\0{sys.version}\0".encode())
        for dist in ("pydantic", "pydantic-core", "PyYAML", "chinesecalendar"):
            try:
                version = metadata.version(dist)
            except metadata.PackageNotFoundError:
                version = "-"
            h.update(f"{dist}={version}\0".encode())
        pkg = Path(__file__).resolve().parent.parent
        for f in sorted(pkg.rglob("*.py")):  # size and mtime of each source file, as Python checks its .pyc
            try:
                st = f.stat()
                h.update(f"{f.relative_to(pkg).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
            except OSError:
                h.update(b"?")
        _CODE = h.digest()
    return _CODE


@dataclass(frozen=True)
class Stamp:
    """The state of a ledger as far as answers go: ``digest`` and whether it can be ``trusted`` (see above).
    ``listing`` is what :func:`~reformctl.load.list_files` gave, for a load that follows (``load_ledger``'s
    ``listing``). ``head`` digests everything but the files' stats, ``columns`` holds those stats (mode, size,
    mtime, ctime, inode, device of each listed file, in listing order): two states with the same ``head`` differ
    only in the files whose stats differ (:func:`changed_files`)."""

    digest: str
    trusted: bool
    listing: Any = field(default=None, compare=False, repr=False)
    head: str = field(default="", compare=False, repr=False)
    columns: tuple = field(default=(), compare=False, repr=False)


def ledger_stamp(root: Path) -> Stamp:
    """List and ``lstat`` the ledger's files (as the loader does) and digest them with everything else an
    answer depends on. Costs one ``lstat`` per file: 0.3 to 0.5 s for 100,000 files."""
    from ..model import SETTINGS_FILE
    from .listing import list_files
    from .reader import max_bytes

    started = time.time_ns()
    listing = list_files(root)
    files, listing_diags = listing
    names = [rel for rel, _kind, _st in files]
    stats = [st for _rel, _kind, st in files]
    if None in stats:  # a file that cannot be stat'ed: never remember anything about this state
        return Stamp("", False, listing)
    trusted = True
    get = attrgetter
    modes, sizes, mtimes, ctimes, inos, devs = (
        list(map(get(f), stats)) for f in ("st_mode", "st_size", "st_mtime_ns", "st_ctime_ns", "st_ino", "st_dev")
    )
    limit = started - _cache.RACY_NS
    if not all(map(stat.S_ISREG, modes)) or max(mtimes, default=0) >= limit or max(ctimes, default=0) >= limit:
        trusted = False
    h = hashlib.blake2b(digest_size=20)
    h.update(code_digest())
    h.update(f"{max_bytes()}\0{root.resolve()}\0{len(names)}\0".encode("utf-8", "surrogateescape"))
    try:
        settings = (root / SETTINGS_FILE).read_bytes()
        h.update(len(settings).to_bytes(8, "little") + settings)
    except OSError:
        trusted = False
    h.update("\0".join(names).encode("utf-8", "surrogateescape"))
    h.update(b"\0\0")
    h.update(repr([(d.file, d.code) for d in listing_diags]).encode("utf-8", "surrogateescape"))
    head = h.hexdigest()
    columns = []
    for column in (modes, sizes, mtimes, ctimes, inos, devs):  # each as fixed-width integers
        try:
            encoded = array("q", column).tobytes()
        except OverflowError:  # an inode or device number over 2**63: any faithful encoding will do
            encoded = repr(column).encode()
        h.update(encoded)
        columns.append(encoded)
    return Stamp(h.hexdigest(), trusted, listing, head, tuple(columns))


def changed_files(before: tuple, after: tuple) -> Optional[list[int]]:
    """The positions (in listing order) of the files whose stats differ between two :attr:`Stamp.columns` of
    the same listing; None when they cannot be compared (a column not of fixed-width integers)."""
    width = array("q").itemsize
    if len(before) != len(after) or any(len(a) != len(b) or len(a) % width for a, b in zip(before, after)):
        return None
    changed: set[int] = set()
    for a, b in zip(before, after):
        if a != b:
            changed.update(i for i, (x, y) in enumerate(zip(array("q", a), array("q", b))) if x != y)
    return sorted(changed)


# ---------------------------------------------------------------- plain-data pickles
_PLAIN = {("datetime", "date")}


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _PLAIN:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refusing {module}.{name} in a reformctl memo")


class Memo:
    """Answers for one state (:class:`Stamp`) of one ledger. ``get``/``put`` by a key of plain strings."""

    def __init__(self, folder: Optional[Path], stamp: Stamp):
        self.folder = folder
        self.stamp = stamp

    @classmethod
    def open(cls, root: Path, *, cache: Optional[bool] = None) -> Optional["Memo"]:
        """The memo of the ledger at ``root`` in its current state; None when caching is off."""
        if not _cache.cache_enabled(cache):
            return None
        try:
            path = _cache.cache_path(root)
        except OSError:
            return None
        return cls(path.with_suffix(".memo"), ledger_stamp(root))

    def _file(self, folder: Path, key: tuple) -> Path:
        tag = hashlib.blake2b(repr(key).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
        return folder / f"{tag}.pickle"

    def get(self, key: tuple, digest: Optional[str] = None) -> Any:
        """The answer stored for ``key`` in this very state (or in the state of ``digest``: an earlier one whose
        answer a command builds on), or None."""
        if digest is None and not self.stamp.trusted:
            return None
        blob = self._read(key)
        if blob is None or blob[1] != (self.stamp.digest if digest is None else digest):
            return None
        return blob[3]

    def latest(self, key: tuple) -> Optional[tuple[str, Any]]:
        """(digest of the state, answer) last stored for ``key``, in whatever state that was; None when none."""
        blob = self._read(key)
        return None if blob is None else (blob[1], blob[3])

    def _read(self, key: tuple) -> Optional[tuple]:
        if self.folder is None:
            return None
        path = self._file(self.folder, key)
        try:
            data = _cache.unseal(path.read_bytes())
            if data is None:  # not sealed with this user's key: maybe doctored, never read
                return None
            blob = _PlainUnpickler(io.BytesIO(data)).load()
        except Exception:  # noqa: BLE001 - missing, damaged or foreign: a miss
            return None
        if (
            type(blob) is tuple
            and len(blob) == 4
            and blob[0] == FORMAT
            and type(blob[1]) is str
            and blob[2] == repr(key)
        ):
            try:  # read: the last to go when the folder is pruned (what every new date reads stays)
                os.utime(path)
            except OSError:
                pass
            return blob
        return None

    def put(self, key: tuple, value: Any) -> None:
        """Remember ``value`` (plain data only) for ``key``; silently nothing when the state is not trusted or
        the folder cannot be written."""
        if not self.stamp.trusted or self.folder is None:
            return
        try:
            data = _cache.seal(pickle.dumps((FORMAT, self.stamp.digest, repr(key), value), protocol=5))
            _cache.make_folder(self.folder)
            _cache.write_atomically(self._file(self.folder, key), data)
            self._prune()
        except Exception:  # noqa: BLE001 - an optimisation only
            return

    def _prune(self) -> None:
        if self.folder is None:
            return
        try:
            files = sorted(self.folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns)
        except OSError:
            return
        for p in files[:-MAX_FILES]:
            try:
                p.unlink()
            except OSError:
                pass


__all__ = ["Memo", "Stamp", "changed_files", "code_digest", "ledger_stamp"]
