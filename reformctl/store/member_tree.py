"""Reading a member's ledger out of git objects, with no work tree: the entries of its ledger's places listed by
``git ls-tree`` (only the settings, the list files and the item folders, one level deep, as the folder reader
sees them), read as they come and cut off past the limit of files (a tree of millions of entries is never held
in memory), and their bytes by one ``git cat-file --batch``. A member is hostile input: see
:mod:`reformctl.store.members`."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional, Union

from ..base.envvars import number
from ..load import ENV_MAX_BYTES, max_bytes
from ..load.blobs import LIST_FILES, LEDGER_FOLDERS, Blob, is_ledger_file
from ..model import SETTINGS_FILE, Diagnostic
from .git import StreamFailed, stream_isolated
from .member_git import SAFE_CONFIG, failure_of, member_env, run_git

ENV_MAX_FILES = "REFORMCTL_MAX_MEMBER_FILES"  # the most ledger files a member's commit may hold to be read ...
ENV_MAX_SIZE = "REFORMCTL_MAX_MEMBER_BYTES"  # ... and the most bytes they may add up to

Entry = tuple[str, str, str, Optional[int], str]  # mode, type, object id, size, path relative to the ledger folder


def member_limits() -> tuple[int, int]:
    """The most ledger files a member's commit may hold, and the most bytes they may add up to, to be read."""
    return int(number(ENV_MAX_FILES)), int(number(ENV_MAX_SIZE))


def ledger_entries(store: Path, commit: str, path: str) -> Iterator[Entry]:
    """The entries of the ledger under ``path`` at ``commit`` that the loader looks at: the settings, the list
    files, each item folder itself and what lies directly in it (a sub-folder as one entry of type ``tree``, as
    the folder reader sees it), as git lists them. Read in chunks: the caller may stop early (git is then stopped)."""
    prefix = path + "/" if path else ""
    places = [SETTINGS_FILE, *LIST_FILES, *LEDGER_FOLDERS, *(f"{folder}/" for folder in LEDGER_FOLDERS)]
    argv = [*SAFE_CONFIG, "--git-dir", str(store), "ls-tree", "-l", "-z", "--full-tree", commit, "--"]
    argv += [prefix + place for place in places]
    rest = b""
    try:
        for chunk in stream_isolated(argv, member_env(), store):
            *whole, rest = (rest + chunk).split(b"\0")
            for raw in whole:
                entry = _entry(raw, prefix)
                if entry is not None:
                    yield entry
    except StreamFailed as exc:
        raise failure_of(exc.proc) from None


def _entry(raw: bytes, prefix: str) -> Optional[Entry]:
    meta, _tab, name_b = raw.partition(b"\t")
    parts = meta.decode("ascii", "replace").split()
    name = name_b.decode("utf-8", "surrogateescape")
    if len(parts) < 4 or not name.startswith(prefix):
        return None
    size = int(parts[3]) if parts[3].isdigit() else None
    return parts[0], parts[1], parts[2], size, name[len(prefix) :]


def count_items(store: Path, commit: str, path: str) -> int:
    """How many item files the ledger under ``path`` holds at ``commit`` (counted as git lists them)."""
    n = 0
    for _mode, otype, _oid, _size, rel in ledger_entries(store, commit, path):
        folder, sep, name = rel.partition("/")
        if sep and folder in LEDGER_FOLDERS and otype == "blob" and name.endswith(".yaml"):
            n += 1
    return n


def list_blobs(store: Path, commit: str, path: str) -> dict[str, Union[str, Diagnostic]]:
    """The ledger files under ``path`` at ``commit``: the object id of each blob to read, or a diagnostic for
    what cannot be read (a link, a submodule, a file over the size limit, an item folder that is a link or a
    file: named by the folder alone). A sub-folder of an item folder is named ``folder/sub/`` (the loader warns of it as the folder reader does). Past the limits (files or bytes)
    the member is refused whole: only the settings file, with ``file_too_large``."""
    limit = max_bytes()
    max_files, max_size = member_limits()
    entries: dict[str, Union[str, Diagnostic]] = {}
    total = 0
    for mode, otype, oid, size, rel in ledger_entries(store, commit, path):
        if rel in LEDGER_FOLDERS:  # an item folder that is not one: its items would silently not be read
            if otype != "tree":
                entries[rel] = _not_a_folder(rel, mode, otype)
            continue
        if not is_ledger_file(rel):
            continue
        if len(entries) >= max_files:  # one more than the limit: no need to list the rest
            return _too_large("file_too_large.member_files", max_size, max_files=max_files)
        if otype == "tree" and "/" in rel:
            entries[rel + "/"] = Diagnostic.of(rel, "unreadable_file.member_object", object=otype)
        elif mode == "120000":
            entries[rel] = Diagnostic.of(rel, "symlink_outside.member")
        elif otype != "blob":
            entries[rel] = Diagnostic.of(rel, "unreadable_file.member_object", object=otype)
        elif size is not None and size > limit:
            entries[rel] = Diagnostic.of(rel, "file_too_large", size=size, limit=limit, env=ENV_MAX_BYTES)
        else:
            entries[rel] = oid
            total += size or 0
    if total > max_size:  # read, it would take minutes and gigabytes: refused whole
        return _too_large("file_too_large.member", max_size, files=len(entries), size=total, max_files=max_files)
    return entries


def _not_a_folder(rel: str, mode: str, otype: str) -> Diagnostic:
    if mode == "120000":
        return Diagnostic.of(rel, "symlink_outside.member")
    if otype == "blob":
        return Diagnostic.of(rel, "unreadable_file.folder_is_file")
    return Diagnostic.of(rel, "unreadable_file.member_object", object=otype)


def _too_large(code: str, max_size: int, **args) -> dict[str, Union[str, Diagnostic]]:
    too_large = Diagnostic.of(
        SETTINGS_FILE, code, env_files=ENV_MAX_FILES, max_size=max_size, env_size=ENV_MAX_SIZE, **args
    )
    return {SETTINGS_FILE: too_large}


def read_blobs(store: Path, commit: str, path: str) -> dict[str, Blob]:
    """The ledger files under ``path`` at ``commit``: bytes, or a diagnostic for what cannot be read."""
    entries = list_blobs(store, commit, path)
    blobs: dict[str, Blob] = {rel: e for rel, e in entries.items() if isinstance(e, Diagnostic)}
    blobs.update(cat_blobs(store, [(rel, e) for rel, e in entries.items() if isinstance(e, str)]))
    return {rel: blobs[rel] for rel in entries}


def cat_blobs(store: Path, wanted: list[tuple[str, str]]) -> dict[str, Blob]:
    """The bytes of each (path, object id) in ``wanted``, in one ``git cat-file --batch``."""
    blobs: dict[str, Blob] = {}
    if not wanted:
        return blobs
    proc = run_git(store, "cat-file", "--batch", input="".join(f"{oid}\n" for _rel, oid in wanted).encode())
    data = proc.stdout
    pos = 0
    for rel, _oid in wanted:
        nl = data.find(b"\n", pos)
        header = data[pos:nl].decode("ascii", "replace").split() if nl >= 0 else []
        pos = nl + 1
        if len(header) != 3 or header[1] != "blob" or not header[2].isdigit():
            blobs[rel] = Diagnostic.of(rel, "unreadable_file.from_git")
            if nl < 0:
                pos = len(data)
            continue
        size = int(header[2])
        blobs[rel] = data[pos : pos + size]
        pos += size + 1
    return blobs
