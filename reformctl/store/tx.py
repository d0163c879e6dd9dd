"""The transaction a write command's build function works in (:class:`Tx`): it reads and edits files in
memory; each file it would write is validated by the loader (:func:`validate_text`) and shown as a diff
(:func:`unified_diff`) before the store commits anything."""

import difflib
import os
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Optional

from ..i18n.faults import os_reason
from ..errors import BadRequest
from ..i18n.text import T
from ..i18n.write import Msg
from ..model import KINDS_BY_FOLDER, LIST_KINDS, SETTINGS_FILE
from .fastedit import set_top_scalars
from .yamledit import Doc, YamlEditError, load_doc, new_doc


def kind_of_path(rel: str):
    """The model Kind (or "settings") of a ledger-relative path, or None for files the ledger does not read."""
    p = PurePosixPath(rel)
    if rel == SETTINGS_FILE:
        return "settings"
    for k in LIST_KINDS:
        if rel == k.list_file:
            return k
    if len(p.parts) == 2 and p.suffix == ".yaml":
        return KINDS_BY_FOLDER.get(p.parts[0])
    return None


class Tx:
    """What a build function sees: read the ledger's files and record the new content of some of them."""

    def __init__(self, root: Path):
        self.root = root
        self._new: dict[str, Optional[str]] = {}  # rel -> new text, or None to delete
        self._docs: dict[str, Doc] = {}

    def _check_rel(self, rel: str) -> str:
        p = PurePosixPath(rel)
        if p.is_absolute() or ".." in p.parts or not rel or rel.startswith("."):
            raise BadRequest(Msg("st_outside", rel=rel))
        return p.as_posix()

    def exists(self, rel: str) -> bool:
        rel = self._check_rel(rel)
        if rel in self._new:
            return self._new[rel] is not None
        return (self.root / rel).exists()

    def read(self, rel: str) -> Optional[str]:
        """The file's current text (as edited so far in this transaction), or None when it does not exist."""
        rel = self._check_rel(rel)
        if rel in self._docs:
            return self._docs[rel].dump()
        if rel in self._new:
            return self._new[rel]
        path = self.root / rel
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise BadRequest(Msg("st_cannot_read", rel=rel, why=os_reason(exc))) from None
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest(Msg("st_not_utf8", rel=rel)) from None

    def edit(self, rel: str) -> Doc:
        """The round-trip document of an existing file, to change in place (written back at the end)."""
        rel = self._check_rel(rel)
        if rel in self._docs:
            return self._docs[rel]
        text = self.read(rel)
        if text is None:
            raise BadRequest(Msg("st_missing", rel=rel))
        if (self.root / rel).is_symlink():
            raise BadRequest(Msg("st_symlink", rel=rel))
        try:
            doc = load_doc(text)
        except YamlEditError as exc:
            raise BadRequest(Msg("st_edit_file", rel=rel, error=exc.said)) from None
        self._docs[rel] = doc
        self._new.pop(rel, None)
        return doc

    def quick_set(self, rel: str, values: dict[str, Any], order: Iterable[str] = ()) -> bool:
        """Set top-level scalars of an existing file (``data[key] = value``, or :func:`set_key` with ``order``
        for a new key) without a ruamel round trip, when :mod:`.fastedit` can tell the result is byte for byte
        what the round trip writes. False, and nothing done, otherwise: then use :meth:`edit`.
        ``REFORMCTL_NO_QUICK_EDIT=1`` turns it off."""
        rel = self._check_rel(rel)
        if rel in self._docs or rel in self._new or os.environ.get("REFORMCTL_NO_QUICK_EDIT") == "1":
            return False
        text = self.read(rel)
        if text is None:
            raise BadRequest(Msg("st_missing", rel=rel))
        if (self.root / rel).is_symlink():
            raise BadRequest(Msg("st_symlink", rel=rel))
        new = set_top_scalars(text, values, order)
        if new is None:
            return False
        self._new[rel] = new
        return True

    def schema_header(self, rel: str, kind: str) -> Optional[str]:
        """The modeline for editors (``yaml-language-server: $schema=...``) of a new file ``rel`` of ``kind``:
        the path from the file to ``<kind>.schema.json`` in the nearest ``schemas/`` folder from the ledger up
        to the repository's root (a ledger made by `init` has its own; the sample ledger uses the repository's).
        None when there is none, rather than a path to nothing."""
        name = f"{kind}.schema.json"
        folder = self.root.resolve()
        for _ in range(32):
            candidate = folder / "schemas" / name
            if candidate.is_file() and not candidate.is_symlink():
                start = (self.root.resolve() / rel).parent
                return f"yaml-language-server: $schema={Path(os.path.relpath(candidate, start)).as_posix()}"
            if (folder / ".git").exists() or folder.parent == folder:
                return None  # the repository's root: a path beyond it would not exist in a clone
            folder = folder.parent
        return None

    def create(self, rel: str, data: dict, header: Optional[str] = None, schema: Optional[str] = None) -> Doc:
        """A new file from plain data; refused when the file exists. ``schema``: the kind whose JSON Schema the
        file's first line points editors at (:meth:`schema_header`), when there is one."""
        rel = self._check_rel(rel)
        if self.exists(rel):
            raise BadRequest(Msg("st_exists", rel=rel))
        if header is None and schema is not None:
            header = self.schema_header(rel, schema)
        doc = new_doc(data, header=header)
        self._docs[rel] = doc
        self._new.pop(rel, None)
        return doc

    def write_text(self, rel: str, text: str) -> None:
        rel = self._check_rel(rel)
        self._docs.pop(rel, None)
        self._new[rel] = text

    def delete(self, rel: str) -> None:
        rel = self._check_rel(rel)
        self._docs.pop(rel, None)
        self._new[rel] = None

    def changes(self) -> dict[str, Optional[str]]:
        """rel -> new text (None: delete), only for files whose content really changes."""
        out: dict[str, Optional[str]] = {}
        for rel, doc in self._docs.items():
            out[rel] = doc.dump()
        out.update(self._new)
        final: dict[str, Optional[str]] = {}
        for rel, text in out.items():
            path = self.root / rel
            if text is None:
                if path.exists() or path.is_symlink():
                    final[rel] = None
                continue
            try:
                old = path.read_bytes()
            except OSError:
                old = None
            if old:
                text = _same_conventions(old, text)
            if old != text.encode("utf-8"):
                final[rel] = text
        return dict(sorted(final.items()))


def _same_conventions(old: bytes, text: str) -> str:
    """``text`` with the line endings (CRLF) and the byte-order mark of the file it replaces: an edit of a file
    saved on Windows must not add LF-only lines to it (the edits and the fast path both write LF)."""
    crlf = old.count(b"\r\n")
    if crlf and crlf >= old.count(b"\n") - crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    if old.startswith(b"\xef\xbb\xbf") and not text.startswith("\ufeff"):
        text = "\ufeff" + text
    return text


def validate_text(rel: str, text: str) -> list[str]:
    """Problems of one file about to be written, alone (no cross-file rule): what the loader says of it
    (:func:`reformctl.load.load_bytes`: YAML 1.2, size limit, schema, id = file name). The store itself
    validates the whole ledger a change leaves (:mod:`reformctl.store.verify`)."""
    from ..load import load_bytes
    from ..load import held_to_limits

    kind = kind_of_path(rel)
    if kind is None:
        return []
    data, problem = held_to_limits(rel, text.encode("utf-8"))
    if kind == "settings":
        from ..load import parse_bytes, settings_result

        diags = settings_result(*parse_bytes(rel, data, problem))[1]
    else:
        diags = load_bytes(rel, kind, data, problem).diagnostics
    return [f"{rel}: {d.message}" for d in diags if d.severity.value == "error"]


def diagnostic_line(d) -> Msg:
    """A diagnostic as one line of a refusal, said in either language as `check` says it."""
    where = f"{d.file}:{d.line or 1}:{d.column or 1}"
    return Msg("diag_line", where=where, code=d.code, message=T(d.message, d.text("zh")))


def unified_diff(root: Path, changes: dict[str, Optional[str]], prefix: str = "") -> str:
    out: list[str] = []
    for rel, text in changes.items():
        path = root / rel
        try:
            old = path.read_text(encoding="utf-8")
        except OSError:
            old = None
        shown = f"{prefix}{rel}"
        out.extend(
            difflib.unified_diff(
                (old or "").splitlines(True),
                (text or "").splitlines(True),
                fromfile=f"a/{shown}" if old is not None else "/dev/null",
                tofile=f"b/{shown}" if text is not None else "/dev/null",
            )
        )
    text = "".join(out)
    return text if not text or text.endswith("\n") else text + "\n"
