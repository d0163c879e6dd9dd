"""A ledger read from file contents rather than from a folder: a member's ledger at a fetched commit, whose
files come out of git (``git ls-tree`` and ``git cat-file --batch``) with no work tree.

The same loader as for a folder: the same listing rules (item folders, list files, names that are not ids,
files that are ignored), the same parsing and validation, the same duplicate-id rules; only where the bytes come
from differs. A file git could not hand over whole (a symbolic link, a submodule, a file over the size limit)
arrives as a :class:`~reformctl.model.Diagnostic` instead of bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Union

from ..model import FOLDER_KINDS, LIST_KINDS, SETTINGS_FILE, Diagnostic, Ledger
from . import validation as _validation
from .assembly import LoadResult, assemble
from .listing import item_file, other_file
from .parse import parse_bytes
from .reader import decode
from .validation import FileResult, locate_in, settings_result

Blob = Union[bytes, Diagnostic]

_LIST_FILES = {k.list_file: k for k in LIST_KINDS if k.list_file}
_FOLDERS = {k.folder: k for k in FOLDER_KINDS}
LIST_FILES, LEDGER_FOLDERS = tuple(_LIST_FILES), tuple(_FOLDERS)  # where a ledger's files lie


def is_ledger_file(rel: str) -> bool:
    """Whether ``rel`` (relative to a ledger root) is a file the loader looks at (to fetch only those)."""
    if rel == SETTINGS_FILE or rel in _LIST_FILES:
        return True
    folder, sep, _rest = rel.partition("/")
    return bool(sep) and folder in _FOLDERS


def load_blobs(
    root: Path,
    blobs: dict[str, Union[Blob, FileResult]],
    parsed: Optional[dict[str, FileResult]] = None,
    jobs: Optional[int] = 1,
) -> LoadResult:
    """The ledger made of ``blobs`` (ledger-relative POSIX path -> bytes, or why they could not be had, or what
    the same bytes gave before: a :class:`FileResult` is taken as it is). ``root`` is only a label (no file is
    read). Without a readable ``reformctl.yaml`` the result has no settings and says why. ``parsed`` collects
    what each item and list file gave. ``jobs``: processes that parse (as for
    :func:`reformctl.load.load_ledger`; None: decided there). One by default: handing parsed data back from a
    worker costs about what it saves on a member of 5,000 files; the roll-up runs members side by side instead."""
    settings, diags = _settings(blobs.get(SETTINGS_FILE))
    listing: list[Diagnostic] = []
    wanted: list[tuple[str, Any, Union[Blob, FileResult]]] = []
    for list_name, list_kind in _LIST_FILES.items():
        blob = blobs.get(list_name)
        if blob is not None:
            wanted.append((list_name, list_kind, blob))
    for folder in LEDGER_FOLDERS:  # an item folder that is not one (a link, a file): said, as the folder reader does
        why = blobs.get(folder)
        if isinstance(why, Diagnostic):
            listing.append(why)
    nested: set[tuple[str, str]] = set()
    for rel in sorted(blobs):
        folder, sep, name = rel.partition("/")
        found = _FOLDERS.get(folder) if sep else None
        if found is None:
            continue
        kind = found
        if "/" in name:  # a sub-folder of an item folder: what the folder reader sees is its name
            sub = name.split("/", 1)[0]
            if (folder, sub) not in nested:
                nested.add((folder, sub))
                other_file(kind, sub, listing)
            continue
        if not item_file(kind, name, listing):
            continue
        wanted.append((rel, kind, blobs[rel]))
    results = _results(wanted, jobs)
    if parsed is not None:
        parsed.update((fr.rel, fr) for fr in results)
    res = assemble(root, settings, results)
    res.diagnostics[:0] = diags + listing
    res.files_read = len(results) + 1
    return res


def _results(wanted: list[tuple[str, Any, Union[Blob, FileResult]]], jobs: Optional[int]) -> list[FileResult]:
    """What each (path, kind, blob) gives, in order: a :class:`FileResult` as it is, the others parsed (by
    :mod:`reformctl.load.pool`'s workers when there are many) and validated here."""
    from . import cache as _cache
    from . import pool as _pool

    out: list[Optional[FileResult]] = [t[2] if isinstance(t[2], FileResult) else None for t in wanted]
    todo = [t for t in wanted if not isinstance(t[2], FileResult)]
    done = _pool.run(
        todo,
        jobs,
        lambda t: (_result(t[0], t[1], t[2]), None),
        lambda t: (*_parse(t[0], t[2]), None),
        lambda t, data, diags: _validation.validate(t[0], t[1], data, diags),
        _cache.loads,
    )
    it = iter(done)
    return [fr if fr is not None else next(it)[0] for fr in out]


def _parse(rel: str, blob: Union[Blob, FileResult]) -> tuple[Any, list[Diagnostic]]:
    if isinstance(blob, Diagnostic):
        return parse_bytes(rel, None, blob)
    assert isinstance(blob, bytes)
    return parse_bytes(rel, blob, None)


def _result(rel: str, kind, blob: Union[Blob, FileResult]) -> FileResult:
    if isinstance(blob, FileResult):
        return blob
    if isinstance(blob, Diagnostic):
        return _validation.load_bytes(rel, kind, None, blob)
    return _validation.load_bytes(rel, kind, blob, None)


def _settings(blob: Optional[Union[Blob, FileResult]]) -> tuple[Any, list[Diagnostic]]:
    rel = SETTINGS_FILE
    if blob is None or isinstance(blob, FileResult):  # (never: the settings are always read from their bytes)
        return None, [Diagnostic.of(rel, "unreadable_file.no_settings", settings=SETTINGS_FILE)]
    if isinstance(blob, Diagnostic):
        return None, [blob]
    return settings_result(*parse_bytes(rel, blob, None))


def locate_blobs(blobs: Mapping[str, Union[Blob, FileResult]], diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Like :func:`reformctl.load.locate`, from the blobs instead of files."""

    def text_of(rel: str) -> Optional[str]:
        blob = blobs.get(rel)
        return decode(rel, blob)[0] if isinstance(blob, bytes) else None

    return locate_in(diagnostics, text_of)


def rebuild(root: Path, settings, items: dict, files: dict, index: dict) -> Ledger:
    """A :class:`Ledger` from its parts (as remembered between runs)."""
    return Ledger(root=root, settings=settings, items=items, files=files, index=index)
