"""The per-file cache of validated records (issue 6).

One cache file per ledger holds, for every item file, what loading it gave (its records *and* its
diagnostics, so a broken file keeps failing from the cache), keyed by the file's ledger-relative path and
checked against its ``lstat`` (size, mtime_ns, ctime_ns, inode) with a content hash as fallback.

Never stale, by construction:
- the whole cache is dropped when the reformctl version, the source of the model and load layers, the
  Python or pydantic version, the size limit (``REFORMCTL_MAX_FILE_BYTES``) or ``reformctl.yaml`` changes;
- a file is reused only when it is still listed under the same path (added, removed and renamed files are
  read afresh: ids, duplicate ids and id/file-name checks are recomputed from scratch on every load);
- its stat is unchanged, or else its bytes hash to the cached digest;
- "racy" entries (racy-git problem): a file changed within :data:`RACY_NS` of the moment the load started
  could be changed again within the same timestamp tick without a visible stat change, so such an entry is
  only ever reused after its content hash is checked again;
- symbolic links and unreadable files are never cached.

Where: ``<git-dir>/reformctl-cache/<hash of the ledger path>/`` when the ledger is inside a git working tree
(git never transfers or tracks that folder), else ``<ledger>/.reformctl-cache/ledger/`` beside its own
``.gitignore``; the entries are spread over :data:`SHARDS` files by path, so that an edit rewrites one of
them, not the whole cache. Each is written atomically (temporary file and rename) and checked on its own; a
cache that cannot be read or written is ignored, never an error. The unpickler (:mod:`.pickling`) accepts only the classes of the model and load layers, dates and a
few builtins, so a doctored cache file cannot run code.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any, NamedTuple, Optional

from .pickling import dumps, loads

ENV_NO_CACHE = "REFORMCTL_NO_CACHE"
CACHE_FORMAT = 4  # 2: in shards; 3: sealed with the user's key; 4: entries are named records
RACY_NS = 3_000_000_000  # 3 s covers 1 s (ext3, HFS+) and 2 s (FAT) timestamp granularity with room to spare


def cache_enabled(explicit: Optional[bool] = None) -> bool:
    """``explicit`` when given, else on unless ``$REFORMCTL_NO_CACHE`` is set to something other than 0/false;
    never without a sealing key (:func:`secret`)."""
    if explicit is not None:
        return explicit and secret() is not None
    value = os.environ.get(ENV_NO_CACHE, "").strip().lower()
    return value in ("", "0", "false", "no", "off") and secret() is not None


# ---------------------------------------------------------------- where
def git_dir_of(root: Path) -> Optional[Path]:
    """The git directory of the working tree holding ``root`` (``.git`` folder or a worktree's ``gitdir:``)."""
    for folder in (root, *root.parents):
        dotgit = folder / ".git"
        try:
            if dotgit.is_dir():
                return dotgit
            if dotgit.is_file():
                text = dotgit.read_text(encoding="utf-8", errors="replace").strip()
                if text.startswith("gitdir:"):
                    target = Path(text[len("gitdir:") :].strip())
                    return target if target.is_absolute() else (folder / target).resolve()
                return None
        except OSError:
            return None
    return None


def cache_path(root: Path) -> Path:
    """The cache folder of the ledger at ``root`` (its :data:`SHARDS` files): ``<git-dir>/reformctl-cache/<hash
    of the ledger path>`` inside a git working tree, else ``<ledger>/.reformctl-cache/ledger`` (in a folder that
    git-ignores itself). Remembered answers (:mod:`.memo`) sit beside it in ``<that>.memo``."""
    root = root.resolve()
    gd = git_dir_of(root)
    if gd is not None:
        tag = hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:20]
        return gd / "reformctl-cache" / tag
    return root / LOCAL_DIR / "ledger"


LOCAL_DIR = ".reformctl-cache"


# ---------------------------------------------------------------- what invalidates everything
_FINGERPRINT: Optional[str] = None


def code_fingerprint() -> str:
    """A hash of what decides how a file loads: reformctl's version, the source of the model and load layers
    and of the diagnostics' message templates (the cached messages are rendered from them), and the Python and
    pydantic versions (the pickled classes must be the ones that made them)."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        import pydantic

        from .. import __version__

        h = hashlib.sha256()
        for part in (str(CACHE_FORMAT), __version__, pydantic.VERSION, sys.version):
            h.update(part.encode() + b"\0")
        pkg = Path(__file__).resolve().parent.parent
        for sub, pattern in (("model", "*.py"), ("load", "*.py"), ("i18n", "diagnostics/*.py")):
            for f in sorted((pkg / sub).glob(pattern)):
                h.update(f.name.encode() + b"\0")
                try:
                    h.update(f.read_bytes())
                except OSError:
                    h.update(b"?")
        _FINGERPRINT = h.hexdigest()
    return _FINGERPRINT


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


# ---------------------------------------------------------------- sealing
# The cache sits in the ledger folder when there is no git repository (and in .git otherwise): whoever can
# write there could plant an entry whose stat matches a file and whose records say something else. Each cache
# file is therefore sealed with a keyed hash under a secret of the user's own (in their cache folder, mode
# 0600, never in the ledger); a file without a valid seal is not read at all (not even unpickled).
SEAL = b"RFC1"
SEAL_BYTES = 32
KEY_ENV = "XDG_CACHE_HOME"
_KEY: Optional[bytes] = None
_NO_KEY = b""


def key_path() -> Path:
    base = os.environ.get(KEY_ENV) or ""
    folder = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return folder / "reformctl" / "cache.key"


def secret() -> Optional[bytes]:
    """The user's sealing key, made on first use; None when it can be neither read nor made (no cache then)."""
    global _KEY
    if _KEY is None:
        _KEY = _read_or_make_key() or _NO_KEY
    return _KEY or None


def _read_or_make_key() -> Optional[bytes]:
    try:
        path = key_path()
    except (RuntimeError, OSError):  # no home folder
        return None
    for _ in range(2):
        try:
            data = path.read_bytes()
            st = path.stat()
            if len(data) == 32 and not (st.st_mode & 0o077) and st.st_uid == os.getuid():
                return data
            return None  # a key others can read or write, or of another user: not a secret
        except FileNotFoundError:
            pass
        except OSError:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        except FileExistsError:
            continue  # made by another process meanwhile: read it
        except OSError:
            return None
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(32))
        except OSError:
            return None
    return None


def seal(data: bytes) -> bytes:
    """``data`` with the magic and its keyed hash in front (:func:`secret` must have given a key)."""
    key = secret()
    if key is None:
        raise OSError("no cache key")
    return SEAL + hashlib.blake2b(data, key=key, digest_size=SEAL_BYTES).digest() + data


def unseal(blob: bytes) -> Optional[bytes]:
    """The data of a sealed ``blob``, or None when the seal is missing or not made with this user's key."""
    import hmac

    key = secret()
    head = len(SEAL) + SEAL_BYTES
    if key is None or len(blob) < head or blob[: len(SEAL)] != SEAL:
        return None
    data = memoryview(blob)[head:]
    mac = hashlib.blake2b(data, key=key, digest_size=SEAL_BYTES).digest()
    return data.tobytes() if hmac.compare_digest(mac, blob[len(SEAL) : head]) else None


def stat_key(st: os.stat_result) -> tuple:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def is_racy(st: os.stat_result, started_ns: int) -> bool:
    """Changed too close to (or after) the start of this load for its stat to prove it unchanged later."""
    return max(st.st_mtime_ns, st.st_ctime_ns) >= started_ns - RACY_NS


# ---------------------------------------------------------------- the cache files
SHARDS = 64  # entries are spread over this many files by path, so an edit rewrites one 64th of the cache


def shard_of(rel: str) -> int:
    return zlib.crc32(rel.encode("utf-8", "surrogateescape")) % SHARDS


def shard_path(folder: Path, n: int) -> Path:
    return folder / f"{n:02x}.pickle"


class Entry(NamedTuple):
    """What the cache holds of one file: how the file was when it was read, and what loading it gave."""

    stat_key: tuple  # :func:`stat_key` of the file when it was read
    digest: bytes  # :func:`digest` of its content
    racy: bool  # changed too close to its load for an unchanged stat to prove it unchanged: check the digest
    result: Any  # the :class:`~reformctl.load.FileResult` it gave (records and diagnostics)


class Cache:
    """The cache of one ledger: ``entries[rel]`` is an :class:`Entry`, kept in :data:`SHARDS` files by
    :func:`shard_of` the path. Change entries through :meth:`put` and :meth:`drop`: :meth:`save` rewrites only
    the files of the paths changed."""

    def __init__(self, folder: Path, key: tuple, entries: Optional[dict] = None):
        self.folder = folder
        self.key = key
        self.entries: dict[str, Entry] = entries or {}
        self.dirty: set[int] = set()

    def put(self, rel: str, entry: Entry) -> None:
        self.entries[rel] = entry
        self.dirty.add(shard_of(rel))

    def drop(self, rel: str) -> None:
        if self.entries.pop(rel, None) is not None:
            self.dirty.add(shard_of(rel))

    @property
    def path(self) -> Path:  # the folder of the shards (older name)
        return self.folder

    @classmethod
    def open(cls, root: Path, key: tuple) -> "Cache":
        folder = cache_path(root)
        c = cls(folder, key)
        legacy = folder.with_suffix(".pickle")  # the one-file cache of reformctl before shards
        if legacy.is_file():
            try:
                legacy.unlink()
            except OSError:
                pass
        if not folder.is_dir():
            c.dirty = set(range(SHARDS)) if folder.exists() else set()
            return c
        for n in range(SHARDS):
            path = shard_path(folder, n)
            try:
                data = unseal(path.read_bytes())
            except OSError:
                continue
            try:
                if data is None:
                    raise pickle.UnpicklingError("not sealed with this user's key")
                blob = loads(data)
                if (
                    isinstance(blob, dict)
                    and blob.get("format") == CACHE_FORMAT
                    and blob.get("key") == key
                    and blob.get("shard") == n
                    and isinstance(blob.get("entries"), dict)
                ):
                    c.entries.update(blob["entries"])
                    continue
            except Exception:  # noqa: BLE001 - a damaged or foreign shard is simply rebuilt
                pass
            c.dirty.add(n)
        return c

    def save(self) -> None:
        """Write the shards that changed, each atomically; any failure (read-only folder, full disk) leaves the
        cache unused, never an error."""
        if not self.dirty:
            return
        try:
            parts: dict[int, dict] = {n: {} for n in self.dirty}
            for rel, e in self.entries.items():
                part = parts.get(shard_of(rel))
                if part is not None:
                    part[rel] = e
            folder = self.folder
            make_folder(folder)
            for n, part in sorted(parts.items()):
                data = seal(
                    dumps(
                        {
                            "format": CACHE_FORMAT,
                            "key": self.key,
                            "shard": n,
                            "entries": part,
                            "written_ns": time.time_ns(),
                        }
                    )
                )
                write_atomically(shard_path(folder, n), data)
            self.dirty = set()
        except Exception:  # noqa: BLE001 - the cache is an optimisation only
            return


def make_folder(folder: Path) -> None:
    """Create a cache folder (``folder`` under the git directory or under ``<ledger>/.reformctl-cache``); the
    latter is inside the ledger and gets a ``.gitignore`` that keeps it out of any repository it may join."""
    if folder.is_dir():
        return
    folder.mkdir(parents=True, exist_ok=True)
    local = folder.parent
    if local.name == LOCAL_DIR and not (local / ".gitignore").exists():
        (local / ".gitignore").write_text("# written by reformctl: a cache, safe to delete\n*\n", encoding="utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` into ``path`` through a temporary file and a rename: a reader sees the old file or the new one."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def clear(root: Path) -> bool:
    """Remove the cache of the ledger at ``root`` and its remembered answers (:mod:`.memo`); True when there was
    something to remove."""
    import shutil

    path = cache_path(root)
    found = False
    for folder in (path, path.with_suffix(".memo")):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            found = True
    return found


__all__ = [
    "Cache",
    "Entry",
    "dumps",
    "loads",
    "ENV_NO_CACHE",
    "cache_enabled",
    "cache_path",
    "clear",
    "code_fingerprint",
    "digest",
    "is_racy",
    "stat_key",
]
