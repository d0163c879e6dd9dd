"""The audit trail of one item from git (`reformctl log ID`): newest first, who, when, what action, and a
field-level diff (``status: in_progress → completed``).

One ``git log --follow`` over the item's file lists the commits that touched it; the file's content before and
after each of them is read in one ``git cat-file --batch`` run, so the cost grows with the commits touching the
item, not with the size of the history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..errors import BadRequest
from ..i18n.write import Msg
from ..model import FOLDER_KINDS, LIST_KINDS
from ..model.types import MAX_DEPTH, deeper_than
from . import Git

_MISSING = object()


@dataclass
class Change:
    field: str
    old: Any  # None when the field was added
    new: Any  # None when it was removed
    op: str = "changed"  # changed | added | removed

    def as_dict(self) -> dict:
        return {"field": self.field, "op": self.op, "old": _plain(self.old), "new": _plain(self.new)}

    def text(self) -> str:
        if self.op == "added":
            return f"+ {self.field}: {show(self.new)}"
        if self.op == "removed":
            return f"- {self.field}: {show(self.old)}"
        return f"{self.field}: {show(self.old)} → {show(self.new)}"


@dataclass
class Entry:
    commit: str
    date: str  # author date, ISO 8601
    author: str
    email: str
    action: str
    as_of: Optional[str]
    subject: str
    path: str
    changes: list[Change] = field(default_factory=list)
    # the commit is a boundary of a shallow clone: what came before it (the item's creation, maybe) is not in
    # this clone, and its changes are unknown
    shallow_boundary: bool = False

    def as_dict(self) -> dict:
        out: dict[str, Any] = {
            "commit": self.commit,
            "date": self.date,
            "author": self.author,
            "email": self.email,
            "action": self.action,
            "as_of": self.as_of,
            "subject": self.subject,
            "path": self.path,
            "changes": [c.as_dict() for c in self.changes],
        }
        if self.shallow_boundary:
            out["shallow_boundary"] = True
        return out


def _plain(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


TOO_DEEP = "(nested too deeply)"


def _shallow(data: Any) -> Any:
    """``data`` with every field (of the item, or of each entry of a list file) that nests too deeply replaced
    by :data:`TOO_DEEP`."""
    limit = 2 * MAX_DEPTH
    if isinstance(data, dict):
        return {k: TOO_DEEP if deeper_than(v, limit) else v for k, v in data.items()}
    if isinstance(data, list):
        return [_shallow(x) if isinstance(x, dict) else TOO_DEEP if deeper_than(x, limit) else x for x in data]
    return data


def show(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {show(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(show(x) for x in v) + "]"
    return str(v)


def field_changes(old: Any, new: Any, path: str = "") -> list[Change]:
    """Field-level differences between two parsed versions of a file."""
    out: list[Change] = []
    if isinstance(old, dict) and isinstance(new, dict):
        for k in list(new) + [k for k in old if k not in new]:
            p = f"{path}.{k}" if path else str(k)
            o, n = old.get(k, _MISSING), new.get(k, _MISSING)
            if o is _MISSING:
                out.append(Change(p, None, n, "added"))
            elif n is _MISSING:
                out.append(Change(p, o, None, "removed"))
            else:
                out += field_changes(o, n, p)
        return out
    if isinstance(old, list) and isinstance(new, list) and any(isinstance(x, dict) for x in old + new):
        for i in range(max(len(old), len(new))):
            p = f"{path}[{i + 1}]"
            if i >= len(old):
                out.append(Change(p, None, new[i], "added"))
            elif i >= len(new):
                out.append(Change(p, old[i], None, "removed"))
            else:
                out += field_changes(old[i], new[i], p)
        return out
    if old != new:
        out.append(Change(path or "(file)", old, new))
    return out


def find_item_path(git: Git, root: Path, prefix: str, item_id: str) -> str:
    """The repository path of the item's file: in the work tree, else the last one git knows."""
    from ..model.types import ID_RE

    if not ID_RE.match(item_id or ""):
        raise BadRequest(Msg("log_not_an_id", item_id=item_id))
    candidates = [f"{k.folder}/{item_id}.yaml" for k in FOLDER_KINDS]
    for rel in candidates:
        if (root / rel).is_file():
            return prefix + rel
    for rel in candidates:
        p = git.run("log", "-1", "--format=%H", "--", prefix + rel, check=False)
        if p.returncode == 0 and p.stdout.strip():
            return prefix + rel
    raise BadRequest(Msg("log_no_item", item_id=item_id))


_FMT = (
    "%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s%x1f%(trailers:key=Reformctl-Action,valueonly,separator=%x2C)"
    "%x1f%(trailers:key=Reformctl-As-Of,valueonly,separator=%x2C)%x1f"
)


def item_log(root: Path, item_id: str, limit: Optional[int] = None) -> list[Entry]:
    """The history of ``item_id``, newest first."""
    from ..load import yamlread

    root = Path(root).resolve()
    git = Git(root)
    top = git.toplevel()
    if top is None:
        raise BadRequest(Msg("log_no_git", root=root))
    top = top.resolve()
    rel = root.relative_to(top).as_posix()
    prefix = "" if rel in ("", ".") else rel + "/"
    if git.rev("HEAD") is None:
        return []
    path = find_item_path(git, root, prefix, item_id)
    args = ["-C", str(top), "log", "--follow", "--no-color", f"--format={_FMT}", "--name-status", "-z"]
    if limit:
        args.append(f"-n{int(limit)}")
    out = git.run(*args, "HEAD", "--", path).stdout.decode("utf-8", "replace")
    entries: list[Entry] = []
    wanted: list[str] = []
    for chunk in out.split("\x1e")[1:]:
        head, _, status = chunk.partition("\x1f\n") if "\x1f\n" in chunk else chunk.rpartition("\x1f")
        parts = head.split("\x1f")
        if len(parts) < 7:
            continue
        sha, an, ae, date, subject, action, as_of = parts[:7]
        fields = [f for f in status.strip("\n\x00").split("\x00") if f != ""]
        new_path, old_path, letter = path, path, "M"
        if fields:
            letter = fields[0].strip()[:1]
            if letter in ("R", "C") and len(fields) >= 3:
                old_path, new_path = fields[1], fields[2]
            elif len(fields) >= 2:
                old_path = new_path = fields[1]
        action = action.split(",")[0].strip() or {"A": "create", "D": "delete", "R": "rename"}.get(letter, "edit")
        e = Entry(sha, date, an, ae, action, as_of.split(",")[0].strip() or None, subject, new_path)
        e._old = f"{sha}^:{old_path}" if letter != "A" else None  # type: ignore[attr-defined]
        e._new = f"{sha}:{new_path}" if letter != "D" else None  # type: ignore[attr-defined]
        entries.append(e)
        wanted += [x for x in (e._old, e._new) if x]  # type: ignore[attr-defined]
    blobs = Git(top).cat_batch(wanted)

    def parse(name: Optional[str]) -> Any:
        blob = blobs.get(name) if name is not None else None
        if blob is None:
            return {}
        try:
            data = yamlread.parse(blob.decode("utf-8", "replace"))
        except yamlread.YamlProblem:
            return {"(unreadable YAML)": True}
        # a value nested deeper than a ledger allows is shown as such, not walked (the walk recursed)
        return _shallow(data)

    cut = _shallow_boundaries(git, top) if entries else set()
    for e in entries:
        if e.commit in cut:
            e.shallow_boundary = True
            continue
        old, new = parse(e._old), parse(e._new)  # type: ignore[attr-defined]
        e.changes = field_changes(old if old is not None else {}, new if new is not None else {})
    return entries


def _shallow_boundaries(git: Git, top: Path) -> set[str]:
    """The commits where the history of a shallow clone is cut (their parents were not fetched)."""
    p = git.run("-C", str(top), "rev-parse", "--is-shallow-repository", "--git-path", "shallow", check=False)
    lines = p.stdout.decode("utf-8", "replace").splitlines()
    if p.returncode != 0 or not lines or lines[0].strip() != "true" or len(lines) < 2:
        return set()
    path = Path(lines[1].strip())
    try:
        return set((path if path.is_absolute() else top / path).read_text(encoding="ascii").split())
    except (OSError, UnicodeDecodeError):
        return set()


__all__ = ["Change", "Entry", "field_changes", "item_log", "LIST_KINDS"]
