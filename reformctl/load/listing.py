"""Listing a ledger's files: the list files and the item files of every kind's folder (sorted), with their
``lstat`` when the cache needs it, and warnings for the files that are not read (not ``.yaml``, a name that is
not an id, a folder linked out of the ledger). :func:`listing_with` gives the listing as a write will leave it."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional

from ..model import FOLDER_KINDS, LIST_KINDS, SETTINGS_FILE, Diagnostic, Kind, Severity
from ..model.ids import ID_RE


def ledger_files(root: Path) -> tuple[list[tuple[str, Kind]], list[Diagnostic]]:
    """Every item file of the ledger (relative POSIX paths, sorted) and warnings for files that are ignored."""
    files, diags = list_files(root)
    return [(rel, kind) for rel, kind, _st in files], diags


def list_files(
    root: Path, with_stat: bool = True
) -> tuple[list[tuple[str, Kind, Optional[os.stat_result]]], list[Diagnostic]]:
    """Like :func:`ledger_files`, with each file's ``lstat`` (None when it cannot be had, and for the files of
    item folders when not ``with_stat``: a load without the cache needs no stat before it reads)."""
    out: list[tuple[str, Kind, Optional[os.stat_result]]] = []
    diags: list[Diagnostic] = []
    for kind in LIST_KINDS:
        rel = kind.list_file
        if rel is None:  # not a list kind
            continue
        try:
            st = os.lstat(root / rel)
        except OSError:
            if os.path.lexists(root / rel):
                out.append((rel, kind, None))
            continue
        if (root / rel).exists():
            out.append((rel, kind, st))
    folders: list[tuple[str, Kind, list[str]]] = []  # (folder, kind, the names of its item files)
    real_root: Optional[Path] = None
    for kind in FOLDER_KINDS:
        folder = root / kind.folder
        if folder.is_symlink():
            # a kind folder linked out of the ledger would have every read path (fast reader, cache, workers)
            # read and print what lies outside: refused as a linked file is, before anything in it is read
            real_root = real_root or root.resolve()
            try:
                target = folder.resolve()
            except (OSError, RuntimeError):  # a loop of links: reported below as a folder that is not there
                target = None
            try:
                if target is not None:
                    target.relative_to(real_root)
            except ValueError:
                diags.append(Diagnostic.of(kind.folder, "symlink_outside", target=str(target)))
                continue
        if not folder.is_dir():
            if os.path.lexists(folder):  # a file (or a broken link) where the kind's folder should be: its items
                # would silently not be read
                try:
                    os.stat(folder)
                    diags.append(Diagnostic.of(kind.folder, "unreadable_file.folder_is_file"))
                except OSError as exc:
                    diags.append(
                        Diagnostic.of(kind.folder, "unreadable_file.folder_missing", error=exc.strerror or str(exc))
                    )
            continue
        try:
            names = sorted(os.listdir(folder))
        except OSError as exc:
            diags.append(Diagnostic.of(kind.folder, "unreadable_file.folder", error=str(exc.strerror or exc)))
            continue
        check_id = kind.key == "id"
        ordinary = _ORDINARY_NAME.match if check_id else _NO_MATCH  # an item file name: no other test needed
        keep = []
        for name in names:
            if ordinary(name) is None and not item_file(kind, name, diags):
                continue
            keep.append(name)
        folders.append((kind.folder, kind, keep))
    for (folder_rel, kind, names), stats in zip(
        folders, _stat_folders(root, folders) if with_stat else ([None] * len(names) for _f, _k, names in folders)
    ):
        prefix = folder_rel + "/"
        out.extend([(prefix + name, kind, st) for name, st in zip(names, stats)])
    return out, diags


def item_file(kind: Kind, name: str, diags: list[Diagnostic]) -> bool:
    """Whether ``name`` in the folder of ``kind`` is read as an item file (else why not, in ``diags``)."""
    if not name.endswith(".yaml") or name[0] == "." or name[:6].lower() == "readme":
        other_file(kind, name, diags)
        return False
    if kind.key == "id" and not ID_RE.match(name[:-5]):
        diags.append(Diagnostic.of(f"{kind.folder}/{name}", "bad_file_name", name=name))
        return False
    return True


def _listing_key(kinds_order: dict[str, int]):
    def key(entry: tuple) -> tuple:
        rel = entry[0]
        if rel in kinds_order:
            return (kinds_order[rel], "")
        folder, _, name = rel.partition("/")
        return (kinds_order.get(folder + "/", len(kinds_order)), name)

    return key


def listing_with(files: list, diags: list[Diagnostic], overrides: dict[str, Optional[bytes]]) -> tuple[list, list]:
    """:func:`list_files` as it will be once ``overrides`` are written: files gone dropped, new ones added
    where the listing would put them (duplicate ids are decided by that order)."""
    from ..model import KINDS_BY_FOLDER

    by_rel = {entry[0]: entry for entry in files}
    diags = list(diags)
    for rel, data in overrides.items():
        if rel == SETTINGS_FILE:
            continue
        if data is None:
            by_rel.pop(rel, None)
            continue
        if rel in by_rel:
            continue
        kind = next((k for k in LIST_KINDS if k.list_file == rel), None)
        if kind is None:
            folder, _, name = rel.partition("/")
            kind = KINDS_BY_FOLDER.get(folder)
            if kind is None or "/" in name or not item_file(kind, name, diags):
                continue
        by_rel[rel] = (rel, kind, None)
    order = {k.list_file: i for i, k in enumerate(LIST_KINDS) if k.list_file}
    order.update({k.folder + "/": len(LIST_KINDS) + i for i, k in enumerate(FOLDER_KINDS)})
    return sorted(by_rel.values(), key=_listing_key(order)), diags


def other_file(kind: Kind, name: str, diags: list[Diagnostic]) -> None:
    """A name in an item folder that is not an item file: hidden and README files are skipped silently."""
    rel = f"{kind.folder}/{name}"
    if name.startswith(".") or name.lower().startswith("readme"):
        return
    if name.endswith(".yml"):
        diags.append(Diagnostic.of(rel, "unexpected_file.yml", severity=Severity.warning, name=name[:-4] + ".yaml"))
    else:
        diags.append(Diagnostic.of(rel, "unexpected_file", severity=Severity.warning, folder=kind.folder))


# a file name that is an item id and ".yaml", not a README: what nearly every name in an item folder is
_ORDINARY_NAME = re.compile(r"(?![Rr][Ee][Aa][Dd][Mm][Ee])[A-Za-z0-9][A-Za-z0-9._-]{0,63}\.yaml\Z")
assert ID_RE.pattern == r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"  # the same id shape as the model's


def _NO_MATCH(name: str) -> None:
    return None


def _stat_folders(root: Path, folders: list[tuple[str, Kind, list[str]]]) -> list[list]:
    """The ``lstat`` of every name of ``folders`` (None where it fails), relative to a descriptor of each folder
    (one path lookup fewer per file: a third faster on 100,000 files). (Half of them in a forked process saved
    a tenth of the time here: the calls contend in the kernel.)"""
    fds: list[Optional[int]] = []
    try:
        for folder, _kind, _names in folders:
            try:
                fds.append(
                    os.open(root / folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
                    if os.stat in os.supports_dir_fd
                    else None
                )
            except OSError:
                fds.append(None)
        return [_lstat_names(root, fd, folder, names) for (folder, _k, names), fd in zip(folders, fds)]
    finally:
        for fd in fds:
            if fd is not None:
                os.close(fd)


def _lstat_names(root: Path, fd: Optional[int], folder: str, names: list[str]) -> list:
    out: list = []
    append = out.append
    os_stat = os.stat
    for name in names:
        try:
            append(
                os_stat(name, dir_fd=fd, follow_symlinks=False) if fd is not None else os.lstat(root / folder / name)
            )
        except OSError:
            append(None)
    return out
