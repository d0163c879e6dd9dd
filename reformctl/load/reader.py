"""Reading one file's bytes and text: through open descriptors of the folders (:class:`Reader`), or by path
(:func:`read_bytes`), held to the size limit, refusing links out of the ledger, pipes and devices; decoding
UTF-8 (:func:`decode`). Every problem is a :class:`~reformctl.model.Diagnostic`, never an exception."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Optional

from ..model import Diagnostic

ENV_MAX_BYTES = "REFORMCTL_MAX_FILE_BYTES"
DEFAULT_MAX_BYTES = 2 * 1024 * 1024  # one item file of 2 MiB is already absurd; refuse before parsing


def max_bytes() -> int:
    if ENV_MAX_BYTES not in os.environ:
        return DEFAULT_MAX_BYTES
    from ..base.envvars import number  # a value out of its bounds (-5, 1e99, abc) is the default; the CLI refuses it

    return int(number(ENV_MAX_BYTES))


def read_text(root: Path, rel: str) -> tuple[Optional[str], Optional[Diagnostic]]:
    """The text of ``root/rel``, or a diagnostic saying why it cannot be read."""
    data, problem = read_bytes(root, rel)
    if problem or data is None:
        return None, problem
    return decode(rel, data)


def read_bytes(
    root: Path, rel: str, st: Optional[os.stat_result] = None
) -> tuple[Optional[bytes], Optional[Diagnostic]]:
    """The bytes of ``root/rel`` (``st``: its lstat when the caller has it), or why they cannot be read."""
    path = root / rel
    try:
        if st is None or stat.S_ISLNK(st.st_mode):
            if path.is_symlink():
                try:
                    target = path.resolve()
                except RuntimeError:  # pathlib's word for a loop of symbolic links
                    return None, Diagnostic.of(rel, "unreadable_file.symlink_loop")
                try:
                    target.relative_to(root.resolve())
                except ValueError:
                    return None, Diagnostic.of(rel, "symlink_outside", target=str(target))
            st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a pipe would block the read for ever, a device never end
            key = "unreadable_file.directory" if stat.S_ISDIR(st.st_mode) else "unreadable_file.special"
            return None, Diagnostic.of(rel, key)
        if st.st_size > max_bytes():
            return None, too_large(rel, st.st_size)
        data = path.read_bytes()
    except OSError as exc:
        return None, Diagnostic.of(rel, "unreadable_file", error=str(exc.strerror or exc))
    if len(data) > max_bytes():  # grew between stat and read
        return None, too_large(rel, len(data))
    return data, None


def too_large(rel: str, size: int) -> Diagnostic:
    """The diagnostic of a file over the size limit (read from disk, or about to be written)."""
    return Diagnostic.of(rel, "file_too_large", size=size, limit=max_bytes(), env=ENV_MAX_BYTES)


class Reader:
    """Reads the listed files of a ledger through open descriptors of their folders (``openat`` and ``read``:
    a third of what ``Path.read_bytes`` costs a small file). Anything unusual (a symbolic link, a file that
    changed kind or grew over the limit since it was listed, any error) goes to :func:`read_bytes`, which
    words the diagnostic."""

    # O_NONBLOCK: opening a named pipe must not wait for a writer (the fstat below then refuses it)
    _FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)

    def __init__(self, root: Path):
        self.root = root
        self.limit = max_bytes()
        self.folders: dict[str, Optional[int]] = {}
        self.usable = os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")

    def read(self, rel: str, st: Optional[os.stat_result]) -> tuple[Optional[bytes], Optional[Diagnostic]]:
        """The bytes of ``rel`` (``st``: its lstat from the listing, or None when it was listed without one)."""
        if not self.usable or (st is not None and (not stat.S_ISREG(st.st_mode) or st.st_size > self.limit)):
            return read_bytes(self.root, rel, st)
        folder, _, name = rel.rpartition("/")
        fd = self.folders.get(folder, -1)
        if fd == -1:
            try:
                fd = os.open(
                    self.root / folder if folder else self.root,
                    os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0),
                )
            except OSError:
                fd = None
            self.folders[folder] = fd
        if fd is None:
            return read_bytes(self.root, rel, st)
        try:
            f = os.open(name, self._FLAGS, dir_fd=fd)
        except OSError:  # gone, made a link, unreadable: the slow path finds out and says which
            return read_bytes(self.root, rel, st)
        try:
            if st is None:  # listed without a stat (no cache): ask the open file
                st = os.fstat(f)
                if not stat.S_ISREG(st.st_mode) or st.st_size > self.limit:
                    os.close(f)
                    f = -1
                    return read_bytes(self.root, rel, None)
            size = st.st_size
            chunk = os.read(f, size + 1)
            total = len(chunk)
            chunks = [chunk]
            # all of the size it was listed with, in one read: the whole file (a short read is the end of a
            # regular file). Otherwise it changed since: read on to the end.
            if total != size:
                while chunk and total <= self.limit:
                    chunk = os.read(f, 65536)
                    chunks.append(chunk)
                    total += len(chunk)
        except OSError:
            return read_bytes(self.root, rel, st)
        finally:
            if f >= 0:
                os.close(f)
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        if total > self.limit:
            return None, Diagnostic.of(rel, "file_too_large", size=total, limit=self.limit, env=ENV_MAX_BYTES)
        return data, None

    def close(self) -> None:
        for fd in self.folders.values():
            if fd is not None:
                os.close(fd)
        self.folders.clear()


def _utf16(data: bytes) -> str:
    """ "UTF-16" (or "UTF-32") when ``data`` reads as text in that encoding (what Windows Notepad and Excel call
    "Unicode"), else "": such a file is text to be saved again, not a binary file."""
    boms = (
        (b"\xff\xfe\0\0", "utf-32-le", "UTF-32"),
        (b"\0\0\xfe\xff", "utf-32-be", "UTF-32"),
        (b"\xff\xfe", "utf-16-le", "UTF-16"),
        (b"\xfe\xff", "utf-16-be", "UTF-16"),
    )
    candidates = [(enc, name, len(bom)) for bom, enc, name in boms if data.startswith(bom)][:1] or [
        ("utf-16-le", "UTF-16", 0),
        ("utf-16-be", "UTF-16", 0),
    ]
    for enc, name, skip in candidates:
        try:
            text = data[skip:].decode(enc)
        except UnicodeDecodeError:
            continue
        if "\0" in text or not all(c.isprintable() or c in "\t\r\n" for c in text):
            continue
        if skip or ("\n" in text and ":" in text):  # without a byte-order mark: only what looks like YAML
            return name
    return ""


def decode(rel: str, data: bytes) -> tuple[Optional[str], Optional[Diagnostic]]:
    """UTF-8 text (a BOM dropped), or a diagnostic for binary or non-UTF-8 data."""
    if b"\0" in data:
        utf16 = _utf16(data)
        if utf16:
            return None, Diagnostic.of(rel, "not_utf8.utf16", encoding=utf16)
        return None, Diagnostic.of(rel, "binary_file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Diagnostic.of(rel, "not_utf8", line=line, column=col, byte=f"0x{data[exc.start]:02x}")
    return text, None


def held_to_limits(rel: str, data: Optional[bytes]) -> tuple[Optional[bytes], Optional[Diagnostic]]:
    """(bytes, read problem) of a file's new content, held to the limits a read from disk is held to."""
    if data is not None and len(data) > max_bytes():
        return None, too_large(rel, len(data))
    return data, None
