"""The load layer: find the ledger, read every file, validate it, and return records *and* diagnostics.

Like beancount's loader, :func:`load_ledger` never stops at the first problem: it returns a
:class:`LoadResult` holding the :class:`~reformctl.model.Ledger` built from every file that could be read
and the diagnostics of every file that could not. Only an unusable root (no folder, no readable
``reformctl.yaml``) raises :class:`~reformctl.errors.LedgerRootError`.
"""

from __future__ import annotations

import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple, Optional

from ..errors import LedgerRootError
from ..base.lifetime import collector_paused
from ..model import FOLDER_KINDS, LIST_KINDS, SETTINGS_FILE, Diagnostic, Kind, Ledger, Severity
from ..model.ids import ID_RE
from . import pool as _pool
from .pool import ENV_JOBS, PARALLEL_MIN_FILES  # noqa: F401 - part of this package's interface

if TYPE_CHECKING:
    from pydantic import ValidationError

    from ..model import Settings

# pydantic, the record classes and the YAML reader are imported when a file is first read (not to list files or
# to read remembered answers: see reformctl.load.memo)

ENV_LEDGER = "REFORMCTL_LEDGER"
ENV_MAX_BYTES = "REFORMCTL_MAX_FILE_BYTES"
DEFAULT_MAX_BYTES = 2 * 1024 * 1024  # one item file of 2 MiB is already absurd; refuse before parsing
DEFAULT_FOLDER = "ledger-data"


@dataclass
class LoadResult:
    ledger: Ledger
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_read: int = 0  # the ledger files read, readable or not, reformctl.yaml included (0: not counted)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.error]


# ---------------------------------------------------------------- finding the ledger
def find_ledger(explicit: Optional[os.PathLike | str] = None, cwd: Optional[Path] = None) -> Path:
    """``--ledger``, else ``$REFORMCTL_LEDGER``, else the nearest folder upward with ``reformctl.yaml``,
    else ``./ledger-data``. Raises :class:`LedgerRootError` when the result is not a usable ledger root."""
    cwd = Path(cwd or Path.cwd())
    if explicit is not None and str(explicit) != "":
        root, how = Path(explicit), "--ledger"
    elif os.environ.get(ENV_LEDGER):
        root, how = Path(os.environ[ENV_LEDGER]), f"${ENV_LEDGER}"
    else:
        root, how = None, ""
        for folder in (cwd, *cwd.parents):
            # any reformctl.yaml marks the root, even one that cannot be read: that is then the message, not
            # "./ledger-data does not exist"
            if os.path.lexists(folder / SETTINGS_FILE):
                root, how = folder, "nearest reformctl.yaml"
                break
        if root is None:
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
            what=what[0],
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


# ---------------------------------------------------------------- reading one file
def _max_bytes() -> int:
    if ENV_MAX_BYTES not in os.environ:
        return DEFAULT_MAX_BYTES
    from ..base.envvars import number  # a value out of its bounds (-5, 1e99, abc) is the default; the CLI refuses it

    return int(number(ENV_MAX_BYTES))


def read_text(root: Path, rel: str) -> tuple[Optional[str], Optional[Diagnostic]]:
    """The text of ``root/rel``, or a diagnostic saying why it cannot be read."""
    data, problem = read_bytes(root, rel)
    if problem:
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
                    return None, Diagnostic(rel, "unreadable_file", "cannot read the file: a loop of symbolic links")
                try:
                    target.relative_to(root.resolve())
                except ValueError:
                    return None, Diagnostic(
                        rel, "symlink_outside", f"symbolic link points outside the ledger ({target})"
                    )
            st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a pipe would block the read for ever, a device never end
            what = "Is a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file (a pipe, a socket or a device)"
            return None, Diagnostic(rel, "unreadable_file", f"cannot read the file: {what}")
        if st.st_size > _max_bytes():
            return None, too_large(rel, st.st_size)
        data = path.read_bytes()
    except OSError as exc:
        return None, Diagnostic(rel, "unreadable_file", f"cannot read the file: {exc.strerror or exc}")
    if len(data) > _max_bytes():  # grew between stat and read
        return None, too_large(rel, len(data))
    return data, None


def too_large(rel: str, size: int) -> Diagnostic:
    """The diagnostic of a file over the size limit (read from disk, or about to be written)."""
    return Diagnostic(
        rel,
        "file_too_large",
        f"file is {size:,} bytes, over the limit of {_max_bytes():,} (set {ENV_MAX_BYTES} to raise it)",
    )


class _Reader:
    """Reads the listed files of a ledger through open descriptors of their folders (``openat`` and ``read``:
    a third of what ``Path.read_bytes`` costs a small file). Anything unusual (a symbolic link, a file that
    changed kind or grew over the limit since it was listed, any error) goes to :func:`read_bytes`, which
    words the diagnostic."""

    # O_NONBLOCK: opening a named pipe must not wait for a writer (the fstat below then refuses it)
    _FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)

    def __init__(self, root: Path):
        self.root = root
        self.limit = _max_bytes()
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
            return None, Diagnostic(
                rel,
                "file_too_large",
                f"file is {total:,} bytes, over the limit of {self.limit:,} (set {ENV_MAX_BYTES} to raise it)",
            )
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
            return None, Diagnostic(rel, "not_utf8", f"file is {utf16}, not UTF-8; save it as UTF-8")
        return None, Diagnostic(rel, "binary_file", "file holds NUL bytes: a binary file, not YAML")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Diagnostic(
            rel,
            "not_utf8",
            f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8",
            line=line,
            column=col,
        )
    return text, None


def parse_file(root: Path, rel: str) -> tuple[Any, Optional[str], list[Diagnostic]]:
    """Read and parse one file: (data, text, diagnostics)."""
    text, problem = read_text(root, rel)
    if problem:
        return None, None, [problem]
    return parse_text(rel, text)


_yamlread: Any = None  # reformctl.load.yamlread once a file is read (imported lazily, kept for the hot path)


def _yaml() -> Any:
    global _yamlread
    if _yamlread is None:
        from . import yamlread

        _yamlread = yamlread
    return _yamlread


def _validation_error() -> type:
    """pydantic's ValidationError (an ``except`` clause evaluates this only when something was raised)."""
    from pydantic import ValidationError

    return ValidationError


def parse_text(rel: str, text: str) -> tuple[Any, Optional[str], list[Diagnostic]]:
    yamlread = _yamlread or _yaml()
    try:
        return yamlread.parse(text), text, []
    except yamlread.YamlProblem as p:
        return None, text, [Diagnostic(rel, p.code, p.message, line=p.line, column=p.column)]


def _fmt_loc(loc: Iterable) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_CODE_BY_TYPE = {
    "missing": "missing_field",
    "extra_forbidden": "unknown_field",
    "enum": "invalid_choice",
    "literal_error": "invalid_choice",
    "invalid_date": "invalid_date",
}


def validation_diagnostics(rel: str, exc: "ValidationError", prefix: tuple = ()) -> list[Diagnostic]:
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (p.startswith("function-") or p == "[key]")))
        path = prefix + loc
        etype = err["type"]
        msg = err["msg"]
        if etype == "value_error" and msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        code = _CODE_BY_TYPE.get(etype)
        if code is None:
            code = (
                "invalid_date"
                if ("date YYYY-MM-DD" in msg or "calendar date" in msg or "supported dates" in msg)
                else "too_deep"
                if "levels deep: keep it flatter" in msg
                else "invalid_value"
            )
        where = _fmt_loc(loc)
        if etype == "missing":
            text = f"missing required field `{where}`"
        elif etype == "extra_forbidden":
            text = f"unknown field `{where}` (a typo? put free-form data under `extra:`)"
        else:
            shown = err.get("input")
            shown = "" if isinstance(shown, (dict, list)) or code == "invalid_date" else f" (got {shown!r})"
            if etype in ("bool_type", "bool_parsing"):
                shown += "; write true or false (yes/no/on/off are text in YAML 1.2)"
            text = f"{where}: {msg}{shown}" if where else f"{msg}{shown}"
        out.append(Diagnostic(rel, code, text, path=path))
    return out


# ---------------------------------------------------------------- the whole ledger
@dataclass
class FileResult:
    """What one file gave: ``records`` as (id, record, index-in-list) and diagnostics."""

    rel: str
    kind: str
    records: list[tuple[str, Any, Optional[int]]]
    diagnostics: list[Diagnostic]


def load_bytes(rel: str, kind: Kind, data: Optional[bytes], problem: Optional[Diagnostic]) -> FileResult:
    """What one file gives, from its bytes (as read by :func:`read_bytes`)."""
    parsed, diags = parse_bytes(rel, data, problem)
    return validate(rel, kind, parsed, diags)


def parse_bytes(rel: str, data: Optional[bytes], problem: Optional[Diagnostic]) -> tuple[Any, list[Diagnostic]]:
    """The document in a file's bytes (plain data: maps, lists, text, numbers), or why there is none."""
    if problem is None:
        yamlread = _yamlread or _yaml()
        parsed = yamlread.parse_quick(data)
        if parsed is not yamlread.NOT_QUICK:
            return parsed, (_control_diags(rel, parsed) if _text_suspect(data) else [])
        text, problem = decode(rel, data)
    if problem is not None:
        return None, [problem]
    parsed, _text, diags = parse_text(rel, text)
    if not diags and _text_suspect(data):
        diags = _control_diags(rel, parsed)
    return parsed, diags


def validate(rel: str, kind: Kind, parsed: Any, diags: list[Diagnostic]) -> FileResult:
    """The records of a parsed file (``diags``: why it could not be parsed, if so)."""
    return (list_result if kind.list_file else item_result)(rel, kind, parsed, diags)


CONTROL_CODE = "control_character"
ONE_LINE_FIELDS = ("title", "name", "subject")  # shown as one line (a row of a table, a log line)


def _text_suspect(data: bytes) -> bool:
    from ..base.textsafe import suspect

    return suspect(data)


def _control_diags(rel: str, parsed: Any) -> list[Diagnostic]:
    """A ``control_character`` error for every string of ``parsed`` holding a control character, a separator
    or a bidi override (written as an escape in a double-quoted string: the parser refuses them raw). The
    records still load: every output shows the character escaped."""
    from ..base.textsafe import controls_in, visible

    return [
        Diagnostic(
            rel,
            CONTROL_CODE,
            f"`{_fmt_loc(path) or '.'}` holds a control character ({visible(ch)}): remove it",
            path=path,
        )
        for path, ch in controls_in(parsed)
    ]


def _warning():
    from ..model import Severity

    return Severity.warning


def _line_breaks(rel: str, data: dict, prefix: tuple, out: list) -> None:
    # a warning: every output shows the break escaped, so the ledger stays usable (an escape sequence is an error)
    for key in ONE_LINE_FIELDS:
        v = data.get(key)
        if v.__class__ is str and ("\n" in v or "\r" in v):
            out.append(
                Diagnostic(
                    rel,
                    CONTROL_CODE,
                    f"`{_fmt_loc(prefix + (key,))}` holds a line break: it is shown as one line, write it on one line",
                    path=prefix + (key,),
                    severity=_warning(),
                )
            )


def _soft(diags: list[Diagnostic]) -> Optional[list[Diagnostic]]:
    """``diags`` when all of them leave the file's records usable (control characters), else None."""
    for d in diags:
        if d.code != CONTROL_CODE:
            return None
    return diags


def item_result(rel: str, kind: Kind, data: Any, diags: list[Diagnostic]) -> FileResult:
    soft = _soft(diags) if diags else []
    if soft is None:
        return FileResult(rel, kind.name, [], diags)
    if data is None:
        return FileResult(
            rel, kind.name, [], [Diagnostic(rel, "empty_file", f"file is empty: a {kind.name} file holds one mapping")]
        )
    if not isinstance(data, dict):
        return FileResult(
            rel,
            kind.name,
            [],
            [
                Diagnostic(
                    rel,
                    "not_a_mapping",
                    f"a {kind.name} file holds one mapping (key: value lines), found a {type(data).__name__}",
                )
            ],
        )
    try:
        rec = kind.model.model_validate(data)
    except _validation_error() as exc:
        return FileResult(rel, kind.name, [], validation_diagnostics(rel, exc))
    stem = rel.rsplit("/", 1)[-1][:-5] if rel.endswith(".yaml") else Path(rel).stem
    key = str(getattr(rec, kind.key))
    diags = list(soft)
    _line_breaks(rel, data, (), diags)
    if key != stem:
        diags.append(
            Diagnostic(
                rel,
                "id_mismatch",
                f"{kind.key} `{key}` differs from the file name `{stem}`: rename the file or fix the field",
                path=(kind.key,),
            )
        )
    return FileResult(rel, kind.name, [(key, rec, None)], diags)


def list_result(rel: str, kind: Kind, data: Any, diags: list[Diagnostic]) -> FileResult:
    soft = _soft(diags) if diags else []
    if soft is None:
        return FileResult(rel, kind.name, [], diags)
    if data is None:
        return FileResult(rel, kind.name, [], [])
    if not isinstance(data, list):
        return FileResult(
            rel,
            kind.name,
            [],
            [
                Diagnostic(
                    rel,
                    "not_a_list",
                    f"{rel} holds a YAML list of {kind.name}s (lines starting with `- `), found a {type(data).__name__}",
                )
            ],
        )
    records, diags = [], list(soft)
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            diags.append(Diagnostic(rel, "not_a_mapping", f"entry {i + 1} is not a mapping", path=(i,)))
            continue
        _line_breaks(rel, entry, (i,), diags)
        try:
            rec = kind.model.model_validate(entry)
        except _validation_error() as exc:
            diags.extend(validation_diagnostics(rel, exc, prefix=(i,)))
            continue
        records.append((rec.id, rec, i))
    return FileResult(rel, kind.name, records, diags)


def load_settings(root: Path) -> tuple[Optional["Settings"], list[Diagnostic]]:
    data, _text, diags = parse_file(root, SETTINGS_FILE)
    return settings_result(data, diags)


def settings_result(data: Any, diags: list[Diagnostic]) -> tuple[Optional["Settings"], list[Diagnostic]]:
    from pydantic import ValidationError

    from ..model.records import Settings

    rel = SETTINGS_FILE
    if diags:
        return None, diags
    if not isinstance(data, dict):
        return None, [Diagnostic(rel, "not_a_mapping", "reformctl.yaml holds one mapping (name, level, start, rules)")]
    try:
        return Settings.model_validate(data), []
    except ValidationError as exc:
        return None, validation_diagnostics(rel, exc)


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
        try:
            st = os.lstat(root / kind.list_file)
        except OSError:
            if os.path.lexists(root / kind.list_file):
                out.append((kind.list_file, kind, None))
            continue
        if (root / kind.list_file).exists():
            out.append((kind.list_file, kind, st))
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
                diags.append(
                    Diagnostic(kind.folder, "symlink_outside", f"symbolic link points outside the ledger ({target})")
                )
                continue
        if not folder.is_dir():
            if os.path.lexists(folder):  # a file (or a broken link) where the kind's folder should be: its items
                # would silently not be read
                try:
                    os.stat(folder)
                    why = "it is a file, not a folder (the items of this kind are not read)"
                except OSError as exc:
                    why = (exc.strerror or str(exc)) + " (the items of this kind are not read)"
                diags.append(Diagnostic(kind.folder, "unreadable_file", f"cannot list the folder: {why}"))
            continue
        try:
            names = sorted(os.listdir(folder))
        except OSError as exc:
            diags.append(Diagnostic(kind.folder, "unreadable_file", f"cannot list the folder: {exc.strerror or exc}"))
            continue
        check_id = kind.key == "id"
        ordinary = _ORDINARY_NAME.match if check_id else _NO_MATCH  # an item file name: no other test needed
        keep = []
        for name in names:
            if ordinary(name) is None and not _item_name(kind, name, diags):
                continue
            keep.append(name)
        folders.append((kind.folder, kind, keep))
    for (folder, kind, names), stats in zip(
        folders, _stat_folders(root, folders) if with_stat else ([None] * len(names) for _f, _k, names in folders)
    ):
        prefix = folder + "/"
        out.extend([(prefix + name, kind, st) for name, st in zip(names, stats)])
    return out, diags


def _item_name(kind: Kind, name: str, diags: list[Diagnostic]) -> bool:
    """Whether ``name`` in the folder of ``kind`` is read as an item file (else why not, in ``diags``)."""
    if not name.endswith(".yaml") or name[0] == "." or name[:6].lower() == "readme":
        _other_file(kind, name, diags)
        return False
    if kind.key == "id" and not ID_RE.match(name[:-5]):
        diags.append(
            Diagnostic(
                f"{kind.folder}/{name}",
                "bad_file_name",
                f"file name `{name}` is not a valid id (1-64 of A-Za-z0-9._-, starting with a letter or digit)",
            )
        )
        return False
    return True


def _override(rel: str, data: Optional[bytes]) -> tuple[Optional[bytes], Optional[Diagnostic]]:
    """(bytes, read problem) of a file's new content, held to the limits a read from disk is held to."""
    if data is not None and len(data) > _max_bytes():
        return None, too_large(rel, len(data))
    return data, None


def _listing_key(kinds_order: dict[str, int]):
    def key(entry: tuple) -> tuple:
        rel = entry[0]
        if rel in kinds_order:
            return (kinds_order[rel], "")
        folder, _, name = rel.partition("/")
        return (kinds_order.get(folder + "/", len(kinds_order)), name)

    return key


def _overridden_listing(
    files: list, diags: list[Diagnostic], overrides: dict[str, Optional[bytes]]
) -> tuple[list, list]:
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
            if kind is None or "/" in name or not _item_name(kind, name, diags):
                continue
        by_rel[rel] = (rel, kind, None)
    order = {k.list_file: i for i, k in enumerate(LIST_KINDS)}
    order.update({k.folder + "/": len(LIST_KINDS) + i for i, k in enumerate(FOLDER_KINDS)})
    return sorted(by_rel.values(), key=_listing_key(order)), diags


def _other_file(kind: Kind, name: str, diags: list[Diagnostic]) -> None:
    """A name in an item folder that is not an item file: hidden and README files are skipped silently."""
    rel = f"{kind.folder}/{name}"
    if name.startswith(".") or name.lower().startswith("readme"):
        return
    if name.endswith(".yml"):
        diags.append(
            Diagnostic(
                rel,
                "unexpected_file",
                f"ignored: ledger files end in .yaml, rename it to {name[:-4]}.yaml",
                severity=Severity.warning,
            )
        )
    else:
        diags.append(
            Diagnostic(
                rel, "unexpected_file", f"ignored: not a .yaml file in {kind.folder}/", severity=Severity.warning
            )
        )


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


def assemble(root: Path, settings: Optional["Settings"], results: Iterable[FileResult]) -> LoadResult:
    """Build the Ledger from per-file results, refusing duplicate ids (ids of item files are unique across
    every folder kind; ids in a list file, an assessment or a close-out, within their kind)."""
    items: dict[str, dict] = {}
    files: dict[tuple[str, str], str] = {}
    index: dict[tuple[str, str], int] = {}
    diags: list[Diagnostic] = []
    first_seen: dict[str, dict[str, str]] = {}  # scope -> id -> the file that has it first
    for fr in results:
        if fr.diagnostics:
            diags.extend(fr.diagnostics)
        kind = fr.kind
        bucket = items.get(kind)
        if bucket is None:
            bucket = items[kind] = {}
        records = fr.records
        if not records:
            continue
        rel = fr.rel
        if len(records) == 1 and records[0][2] is None:  # one item file: the common case, inline
            item_id, rec, _i = records[0]
            seen = first_seen.get("item" if kind not in ("assessment", "closeout") else kind)
            if seen is None:
                seen = first_seen["item" if kind not in ("assessment", "closeout") else kind] = {}
            other = seen.get(item_id)
            if other is not None:
                diags.append(
                    Diagnostic(rel, "duplicate_id", f"id `{item_id}` is already used by {other}", path=("id",))
                )
                continue
            seen[item_id] = rel
            bucket[item_id] = rec
            files[(kind, item_id)] = rel
            continue
        for item_id, rec, i in records:
            list_kind = i is not None
            scope = kind if list_kind or kind in ("assessment", "closeout") else "item"
            seen = first_seen.setdefault(scope, {})
            other = seen.get(item_id)
            if other is not None:
                diags.append(
                    Diagnostic(
                        rel,
                        "duplicate_id",
                        f"id `{item_id}` is already used by {other}",
                        path=((i,) if list_kind else ()) + ("id",),
                    )
                )
                continue
            seen[item_id] = rel
            bucket[item_id] = rec
            files[(kind, item_id)] = rel
            if list_kind:
                index[(kind, item_id)] = i
    diags += _case_collisions(first_seen.get("item", {}))
    ledger = Ledger(root=root, settings=settings, items=items, files=files, index=index)
    return LoadResult(ledger, diags)


def _case_collisions(seen: dict[str, str]) -> list[Diagnostic]:
    """Item ids that differ only by case: their files are one file on macOS and Windows (a clone there loses
    one of them), so the second is refused as a duplicate."""
    by_fold: dict[str, str] = {}
    out = []
    for item_id in sorted(seen, key=lambda i: (seen[i], i)):
        folded = item_id.casefold()
        first = by_fold.setdefault(folded, item_id)
        if first != item_id:
            out.append(
                Diagnostic(
                    seen[item_id],
                    "duplicate_id",
                    f"id `{item_id}` differs only by case from "
                    f"`{first}` ({seen[first]}): the two files are one on macOS and Windows; rename one",
                    path=("id",),
                )
            )
    return out


def load_ledger(
    root: Path,
    *,
    cache: Optional[bool] = None,
    jobs: Optional[int] = None,
    listing: Optional[tuple] = None,
    overrides: Optional[dict[str, Optional[bytes]]] = None,
) -> LoadResult:
    """Read the whole ledger at ``root`` (see :func:`find_ledger`).

    ``cache``: reuse what unchanged files gave last time (see :mod:`reformctl.load.cache`); default on unless
    ``$REFORMCTL_NO_CACHE`` is set. ``jobs``: processes that parse files in parallel (default: the usable
    CPUs when there are enough files to pay for it; 1 turns it off). ``listing``: what :func:`list_files`
    just gave for ``root``, when the caller has it (it is not listed again). Inside a command
    (:func:`reformctl.base.lifetime.command_runtime`) the collector is paused for the load and what was loaded is
    frozen; in library use the collector is left alone. ``overrides``: ledger-relative path -> content (None:
    the file is gone), read instead of the disk: the ledger as a write would leave it, loaded exactly as
    `check` will load it once the files are written (the store validates a change this way)."""
    with collector_paused():
        return _load_ledger(Path(root), cache, jobs, listing, overrides or {})


def _load_ledger(
    root: Path,
    use_cache: Optional[bool],
    jobs: Optional[int],
    listing: Optional[tuple],
    overrides: dict[str, Optional[bytes]],
) -> LoadResult:
    from . import cache as _cache

    started_ns = time.time_ns()
    if SETTINGS_FILE in overrides:
        settings, diags = settings_result(
            *parse_bytes(SETTINGS_FILE, *_override(SETTINGS_FILE, overrides[SETTINGS_FILE]))
        )
        use_cache = False  # the cache is keyed by the settings on disk
    else:
        settings, diags = load_settings(root)
    store = None
    use_cache = _cache.cache_enabled(use_cache)
    files, listing_diags = listing if listing is not None else list_files(root, with_stat=use_cache)
    if overrides:
        files, listing_diags = _overridden_listing(files, listing_diags, overrides)
    if use_cache:
        try:
            settings_digest = _cache.digest((root / SETTINGS_FILE).read_bytes())
        except OSError:
            settings_digest = None
        if settings_digest is not None:
            key = (_cache.code_fingerprint(), _max_bytes(), settings_digest, str(root.resolve()))
            store = _cache.Cache.open(root, key)
    results: list[Optional[FileResult]] = [None] * len(files)
    todo: list[Pending] = []
    entries = store.entries if store is not None else {}
    for n, (rel, kind, st) in enumerate(files):
        if rel in overrides:
            todo.append(Pending(n, rel, kind, None, *_override(rel, overrides[rel]), False))
            continue
        cacheable = store is not None and st is not None and stat.S_ISREG(st.st_mode)
        entry = entries.get(rel) if cacheable else None
        if entry is None:
            todo.append(Pending(n, rel, kind, st, None, None, cacheable))
            continue
        skey = _cache.stat_key(st)
        if entry[0] == skey and not entry[2]:
            results[n] = entry[3]
            continue
        data, problem = read_bytes(root, rel, st)
        if data is not None and _cache.digest(data) == entry[1]:
            results[n] = entry[3]
            racy = _cache.is_racy(st, started_ns)
            if (skey, racy) != (entry[0], entry[2]):
                entries[rel] = (skey, entry[1], racy, entry[3])
                store.touch(rel)
            continue
        todo.append(Pending(n, rel, kind, st, data, problem, True))
    if todo:
        for t, (fr, dig) in zip(todo, _parse_all(root, todo, jobs)):
            results[t.position] = fr
            if t.rel in overrides:  # not what the disk holds: neither cached nor dropped from the cache
                continue
            if dig is not None:  # a digest only for cacheable files read whole
                entries[t.rel] = (_cache.stat_key(t.st), dig, _cache.is_racy(t.st, started_ns), fr)
                store.touch(t.rel)
            elif t.rel in entries:
                del entries[t.rel]
                store.touch(t.rel)
    if store is not None:
        listed = {rel for rel, _k, _s in files} | set(overrides)
        gone = [rel for rel in entries if rel not in listed]
        for rel in gone:
            del entries[rel]
            store.touch(rel)
        store.save()
    res = assemble(root, settings, results)
    res.diagnostics[:0] = diags + listing_diags
    res.files_read = len(files) + 1
    return res


class Pending(NamedTuple):
    """A file the load must read (or parse, when its bytes were read to check the cache): where it is listed,
    what it is, what was already read of it, and whether its result may be cached."""

    position: int
    rel: str
    kind: Kind
    st: Optional[os.stat_result]
    data: Optional[bytes]
    problem: Optional[Diagnostic]
    cacheable: bool


def _parse_all(root: Path, todo: list[Pending], jobs: Optional[int]) -> list[tuple[FileResult, Optional[bytes]]]:
    """(FileResult, content digest or None) of each file in ``todo``, in order; in forked workers when there are
    many (:mod:`reformctl.load.pool`)."""
    from . import cache as _cache

    reader = _Reader(root)
    try:
        return _pool.run(
            todo,
            jobs,
            lambda t: _load_one(reader, *t[1:]),
            lambda t: _parse_one(reader, *t[1:]),
            lambda t, parsed, diags: validate(t.rel, t.kind, parsed, diags),
            _cache.loads,
        )
    finally:
        reader.close()


def _parse_one(
    reader: _Reader,
    rel: str,
    kind: Kind,
    st: Optional[os.stat_result],
    data: Optional[bytes],
    problem: Optional[Diagnostic],
    cacheable: bool,
) -> tuple[Any, list[Diagnostic], Optional[bytes]]:
    """What a parsing worker hands over for one file: (parsed data, diagnostics, content digest or None)."""
    if data is None and problem is None:
        data, problem = reader.read(rel, st)
    parsed, diags = parse_bytes(rel, data, problem)
    if data is not None and cacheable:
        from .cache import digest

        return parsed, diags, digest(data)
    return parsed, diags, None


def _load_one(
    reader: _Reader,
    rel: str,
    kind: Kind,
    st: Optional[os.stat_result],
    data: Optional[bytes],
    problem: Optional[Diagnostic],
    cacheable: bool,
) -> tuple[FileResult, Optional[bytes]]:
    if data is None and problem is None:
        data, problem = reader.read(rel, st)
    fr = load_bytes(rel, kind, data, problem)
    if data is not None and cacheable:
        from .cache import digest

        return fr, digest(data)
    return fr, None


# ---------------------------------------------------------------- source positions
def locate(
    root: Path, diagnostics: Iterable[Diagnostic], overrides: Optional[dict[str, Optional[bytes]]] = None
) -> list[Diagnostic]:
    """Give every diagnostic that has a YAML path but no line its line and column, reading each file once
    (``overrides``: as for :func:`load_ledger`)."""
    out = []
    trees: dict[str, Any] = {}
    for d in diagnostics:
        if d.line or not d.file:
            out.append(d)
            continue
        if d.file not in trees:
            from . import yamlread

            if overrides and d.file in overrides:
                data, problem = _override(d.file, overrides[d.file])
                text, problem = decode(d.file, data) if data is not None else (None, problem or True)
            else:
                text, problem = read_text(root, d.file)
            tree = None
            if text is not None and not problem:
                try:
                    tree = yamlread.compose(text)
                except Exception:  # noqa: BLE001 - an unparsable file already has its own diagnostic
                    tree = None
            trees[d.file] = tree
        from . import yamlread

        line, col = yamlread.locate_in_node(trees[d.file], d.path)
        out.append(d.at(line, col))
    return out
