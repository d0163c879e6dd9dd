"""One user action = one git commit.

:meth:`Store.apply` runs a *build* function that reads and edits files through a :class:`Tx`, validates every
edited file with the models, refuses (changing nothing) when a path to write has uncommitted changes or the
repository is mid-merge / on a detached HEAD, then:

1. builds the commit on a temporary index (``GIT_INDEX_FILE``) from HEAD's tree plus the touched paths,
   ``git commit-tree``;
2. writes the files atomically (temp file + rename in the same folder, fsync);
3. moves the branch with a compare-and-swap ``git update-ref REF NEW OLD``; if it fails the files get their
   previous content back (and when another process moved the branch, the build is run again on the new
   state);
4. points the user's index entries of those paths (only those) at the new blobs, so ``git status`` is clean.

The user's other staged and unstaged work is never read, staged or committed. Writers of one repository are
serialised by a lock file in the git folder (``reformctl.lock``), and the compare-and-swap protects against
any other git client.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import difflib
import errno
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable, Iterator, Optional

from ..errors import BadRequest, NothingToDo, StoreError
from ..i18n.write import Said
from ..model import KINDS_BY_FOLDER, LIST_KINDS, SETTINGS_FILE
from .git import Git, GitError
from .fastedit import set_top_scalars
from .yamledit import Doc, YamlEditError, load_doc, new_doc

ZERO = "0" * 40
LOCK_NAME = "reformctl.lock"
JOURNAL_NAME = "reformctl-journal.json"
LOCK_TIMEOUT = 120.0  # seconds; $REFORMCTL_LOCK_TIMEOUT (0 to 86400, reformctl/load/env.py) overrides it
MAX_RETRIES = 20


@dataclass
class Action:
    """What the user did: a machine name (``progress``), the items, a human line, the as-of date."""

    action: str
    items: list[str]
    summary: str
    as_of: dt.date
    body: str = ""


@dataclass
class Result:
    commit: Optional[str]  # None on a dry run
    ref: Optional[str]
    paths: list[str]  # ledger-relative POSIX paths written or deleted
    message: str
    diff: str
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- messages
_CTRL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]+")


def clean_line(value: Any, limit: int = 200) -> str:
    """One line of text: control characters (newlines included) become spaces; so nothing a user types
    can start a line of its own in a commit message and forge a trailer."""
    text = _CTRL.sub(" ", str(value))
    text = re.sub(r"\s{2,}", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


_TRAILER_VALUE = re.compile(r"[^A-Za-z0-9._:/@+-]")


def trailer_value(value: Any) -> str:
    """A trailer value: ids, dates and action names only (anything else replaced by ``_``)."""
    return _TRAILER_VALUE.sub("_", clean_line(value, 100)) or "_"


def build_message(action: Action) -> str:
    lines = [clean_line(action.summary) or action.action]
    body = [clean_line(b, 300) for b in action.body.splitlines() if clean_line(b, 300)]
    # a body line must never look like a trailer: the trailer block is the last paragraph, so keep it apart
    if body:
        lines += [""] + body
    lines += ["", f"Reformctl-Action: {trailer_value(action.action)}"]
    seen = set()
    for item in action.items:
        v = trailer_value(item)
        if v not in seen:
            seen.add(v)
            lines.append(f"Reformctl-Item: {v}")
    lines.append(f"Reformctl-As-Of: {action.as_of.isoformat()}")
    return "\n".join(lines) + "\n"


_AUTHOR_RE = re.compile(r"^\s*([^<>]*?)\s*<([^<>]*)>\s*$")


def parse_author(value: str) -> tuple[str, str]:
    """``Name <email>`` -> (name, email); BadRequest otherwise."""
    m = _AUTHOR_RE.match(value or "")
    if not m or not m.group(1).strip() or _CTRL.search(value):
        raise BadRequest(f"--author wants 'Name <email>', got {value!r}")
    return m.group(1).strip(), m.group(2).strip()


# ---------------------------------------------------------------- files
def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _b64(data: Optional[bytes]) -> Optional[str]:
    return None if data is None else base64.b64encode(data).decode("ascii")


def _umask() -> int:
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
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = path.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            os.chmod(tmp, 0o666 & ~(_umask() if umask is None else umask))
        if path.name != JOURNAL_NAME:
            pause_point("write")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_dir:
        _fsync_dir(folder)


def pause_point(name: str) -> None:
    """A test seam: with ``REFORMCTL_TEST_PAUSE=NAME:SECONDS``, sleep here (so that a test can kill the process at
    a known point of a write: ``write``, a file's temporary copy written, not renamed; ``ref``, every file
    written, the branch not moved)."""
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
    umask = _umask()  # once, before the threads: os.umask is process-wide

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


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _lock(path: Path, timeout: Optional[float] = None) -> Iterator[None]:
    """An exclusive lock on ``path`` (released by the OS if the process dies)."""
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
                    raise StoreError(
                        f"another reformctl has been writing to this repository for {timeout:.0f}s "
                        f"(lock {path}); try again later"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)


# ---------------------------------------------------------------- the transaction
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
            raise BadRequest(f"refusing to write outside the ledger: {rel!r}")
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
            raise BadRequest(f"cannot read {rel}: {exc.strerror or exc}") from None
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest(f"{rel} is not UTF-8; fix it before editing it with reformctl") from None

    def edit(self, rel: str) -> Doc:
        """The round-trip document of an existing file, to change in place (written back at the end)."""
        rel = self._check_rel(rel)
        if rel in self._docs:
            return self._docs[rel]
        text = self.read(rel)
        if text is None:
            raise BadRequest(f"{rel} does not exist")
        if (self.root / rel).is_symlink():
            raise BadRequest(f"{rel} is a symbolic link; edit the file it points to by hand")
        try:
            doc = load_doc(text)
        except YamlEditError as exc:
            raise BadRequest(f"{rel}: {exc}") from None
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
            raise BadRequest(f"{rel} does not exist")
        if (self.root / rel).is_symlink():
            raise BadRequest(f"{rel} is a symbolic link; edit the file it points to by hand")
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
            raise BadRequest(f"{rel} already exists")
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


def diagnostic_line(d) -> Said:
    """A diagnostic as one line of a refusal, said in either language as `check` says it."""
    from ..i18n.check import message

    where = f"{d.file}:{d.line or 1}:{d.column or 1}"
    zh = d.text("zh") if d.key else message(d.code, d.message, "zh")
    return Said("diag_line", where=where, code=d.code, message=(zh, d.message))


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


class Store:
    """The ledger at ``root`` as a git-backed store: :meth:`apply` turns one action into one commit."""

    def __init__(self, root: Path, author: Optional[str] = None, verify: bool = True):
        self.root = Path(root).resolve()
        self.verify = verify  # run the repository's pre-commit and commit-msg hooks (git commit --no-verify: False)
        self._reworded: Optional[tuple[str, str]] = None  # (commit, message) when a commit-msg hook reworded it
        self.git = Git(self.root)
        self.author = parse_author(author) if author else None
        top = self.git.toplevel()
        if top is None:
            raise BadRequest(
                f"{self.root} is not inside a git repository: every change reformctl makes is a git "
                "commit (run `git init` first)"
            )
        self.top = top.resolve()
        try:
            rel = self.root.relative_to(self.top).as_posix()
        except ValueError:
            raise BadRequest(f"{self.root} is not inside the work tree {self.top}") from None
        self.prefix = "" if rel in ("", ".") else rel + "/"
        # a test seam: called after the files are written and before the branch moves
        self._before_update_ref: Optional[Callable[[], None]] = None
        self._after_update_ref: Optional[Callable[[], None]] = None

    # ------------------------------------------------------------ helpers
    def repo_path(self, rel: str) -> str:
        return self.prefix + rel

    def _commit_env(self) -> dict:
        env = {}
        if self.author:
            env["GIT_AUTHOR_NAME"], env["GIT_AUTHOR_EMAIL"] = self.author
            if self.git.ident("COMMITTER") is None:
                env["GIT_COMMITTER_NAME"], env["GIT_COMMITTER_EMAIL"] = self.author
        elif self.git.ident("AUTHOR") is None:
            raise BadRequest(
                'git does not know who you are: run `git config user.name "Your Name"` and '
                "`git config user.email you@example.org`, or pass --author 'Name <email>'"
            )
        return env

    def _preflight(self) -> tuple[str, Optional[str]]:
        ref = self.git.head_ref()
        if ref is None:
            raise StoreError("HEAD is detached: check out a branch first (git switch BRANCH)")
        if not ref.startswith("refs/heads/"):
            raise StoreError(f"HEAD points to {ref}, not a branch")
        busy = self.git.in_progress()
        if busy:
            raise StoreError(f"{busy} is in progress: finish or abort it first")
        return ref, self.git.rev(ref)

    # ------------------------------------------------------------ the action
    def apply(self, action: Action, build: Callable[[Tx], object], *, dry_run: bool = False) -> Result:
        """Run ``build`` (maybe more than once, if another writer moved the branch) and commit its changes.

        Raises :class:`StoreError` (nothing changed) when it is refused; :class:`NothingToDo` when the build
        changed nothing."""
        if dry_run:
            ref, old = self._preflight()
            tx = Tx(self.root)
            build(tx)
            self._refuse_dirty(tx.changes())
            changes, warnings = self._validated(tx, old)
            message = build_message(action)
            return Result(None, ref, list(changes), message, unified_diff(self.root, changes, self.prefix), warnings)
        env = self._commit_env()
        with _lock(self.git.common_dir() / LOCK_NAME):
            recovered = self._recover()
            for _attempt in range(MAX_RETRIES):
                ref, old = self._preflight()
                self._reworded = None
                tx = Tx(self.root)
                build(tx)
                # dirty files first: the rules of a change compare with what the disk holds, which must be HEAD's
                self._refuse_dirty(tx.changes())
                changes, warnings = self._validated(tx, old)
                message = build_message(action)  # after the build, which may name the item (new ids)
                diff = unified_diff(self.root, changes, self.prefix)
                commit, blobs = self._make_commit(old, changes, message, env)
                if self._swap(ref, old, commit, changes, message.splitlines()[0], blobs):
                    if self._after_update_ref:
                        self._after_update_ref()
                    warnings = recovered + warnings + self._update_user_index(blobs)
                    if self._reworded is not None:  # by the commit-msg hook: the commit was made again
                        commit, message = self._reworded
                    if self.verify and self._hook_path("post-commit") is not None:
                        self.git.run("hook", "run", "--ignore-missing", "post-commit", check=False)
                    with contextlib.suppress(OSError):
                        self._journal_path().unlink()
                    return Result(commit, ref, list(changes), message, diff, warnings)
            raise StoreError("the branch kept moving under reformctl (another program is committing); try again")

    def _validated(self, tx: Tx, old: Optional[str]) -> tuple[dict[str, Optional[str]], list[str]]:
        """The changes of the build, once the whole ledger they leave passes `check` and `check --base` (the
        one validation of every write: :mod:`.verify`); StoreError otherwise. Also a warning when the ledger
        had errors before (the change added none)."""
        from .verify import change_errors

        changes = tx.changes()
        if not changes:
            raise NothingToDo()
        verdict = change_errors(self.root, changes, "HEAD", (old or "")[:7])
        if verdict.new_errors:
            shown = [diagnostic_line(d) for d in verdict.new_errors[:20]]
            if len(verdict.new_errors) > 20:
                shown.append(Said("and_more_problems", n=len(verdict.new_errors) - 20))
            raise BadRequest(Said("invalid_change", n=len(verdict.new_errors)), shown)
        warnings = [Said("had_errors", n=verdict.old_errors)] if verdict.old_errors else []
        return changes, warnings

    def _refuse_dirty(self, changes: dict[str, Optional[str]]) -> None:
        paths = [self.repo_path(rel) for rel in changes]
        dirty = self.git.status_of(paths)
        if dirty:
            # named in the message itself: a bare `git status` code above it was easy to miss
            names = sorted(dirty)
            shown = ", ".join(names[:5]) + (f" (+{len(names) - 5})" if len(names) > 5 else "")
            raise StoreError(
                f"uncommitted changes in the file(s) this command must change: {shown}; commit or stash "
                "them first (nothing was changed)"
            )

    def _make_commit(
        self, old: Optional[str], changes: dict[str, Optional[str]], message: str, env: dict
    ) -> tuple[str, dict[str, Optional[str]]]:
        blobs: dict[str, Optional[str]] = {}
        lines = []
        written = [rel for rel, text in changes.items() if text is not None]
        shas = dict(zip(written, self.git.hash_blobs([changes[rel].encode("utf-8") for rel in written])))
        for rel, text in changes.items():
            path = self.repo_path(rel)
            if text is None:
                blobs[path] = None
                lines.append(f"0 {ZERO}\t{path}")
            else:
                sha = shas[rel]
                blobs[path] = sha
                lines.append(f"100644 {sha}\t{path}")
        fd, index = tempfile.mkstemp(prefix="reformctl-index-", dir=self.git.common_dir())
        os.close(fd)
        os.unlink(index)  # git wants to create it
        ienv = {"GIT_INDEX_FILE": index}
        try:
            if old:
                self.git.run("read-tree", old, env=ienv)
            else:
                self.git.run("read-tree", "--empty", env=ienv)
            self.git.run("update-index", "-z", "--index-info", input="\0".join(lines) + "\0", env=ienv)
            tree = self.git.out("write-tree", env=ienv)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(index)
        args = ["commit-tree", tree] + (["-p", old] if old else []) + ["-F", "-"]
        try:
            commit = self.git.out(*args, input=message, env=env)
        except GitError as exc:
            raise StoreError(f"git could not make the commit: {exc.message}") from None
        return commit, blobs

    def _swap(
        self,
        ref: str,
        old: Optional[str],
        commit: str,
        changes: dict[str, Optional[str]],
        subject: str,
        blobs: dict[str, Optional[str]],
    ) -> bool:
        """Write the files, then move the branch OLD -> NEW. True when done; False when another writer moved
        the branch (files restored, try again). Any other failure restores the files and raises.

        A journal in the git folder records the files' content before and after, so that a process killed
        half-way is finished or rolled back by the next reformctl command (:meth:`_recover`)."""
        backups: dict[Path, Optional[bytes]] = {}
        for rel in changes:
            path = self.root / rel
            try:
                backups[path] = path.read_bytes()
            except FileNotFoundError:
                backups[path] = None
        journal = self._journal_path()
        try:
            atomic_write(
                journal,
                json.dumps(
                    {
                        "ref": ref,
                        "old": old,
                        "new": commit,
                        "root": str(self.root),
                        "blobs": blobs,
                        "files": {
                            rel: {
                                "before": _b64(backups[self.root / rel]),
                                "after": _b64(None if text is None else text.encode("utf-8")),
                            }
                            for rel, text in changes.items()
                        },
                    }
                ).encode("utf-8"),
            )
            write_files(
                {self.root / rel: None if text is None else text.encode("utf-8") for rel, text in changes.items()}
            )
            pause_point("ref")
            if self.verify:
                commit = self._run_hooks(commit, old, journal)
            if self._before_update_ref:
                self._before_update_ref()
            self.git.run("update-ref", "-m", f"reformctl: {subject}", ref, commit, old or ZERO)
            return True
        except BaseException as exc:
            self._restore(backups)
            with contextlib.suppress(OSError):
                journal.unlink()
            if isinstance(exc, GitError):
                if self.git.rev(ref) != old:
                    return False
                raise StoreError(f"git could not move {ref}: {exc.message} (nothing was changed)") from None
            if isinstance(exc, OSError):
                raise StoreError(
                    f"cannot write {getattr(exc, 'filename', '') or 'a file'}: "
                    f"{exc.strerror or exc} (nothing was changed)"
                ) from None
            raise

    def _hook_path(self, name: str) -> Optional[Path]:
        """The repository's hook ``name`` when there is one that git would run (core.hooksPath honoured)."""
        p = self.git.run("config", "--path", "core.hooksPath", check=False)
        folder = p.stdout.decode("utf-8", "replace").strip() if p.returncode == 0 else ""
        base = (self.top / folder) if folder else self.git.git_path("hooks")
        hook = Path(base) / name
        return hook if hook.is_file() and os.access(hook, os.X_OK) else None

    def _run_hooks(self, commit: str, old: Optional[str], journal: Path) -> str:
        """Run the pre-commit hook (on an index holding the new tree, the files already written) and the
        commit-msg hook, as `git commit` does; a hook that fails refuses the write (the caller puts the files
        back). A commit-msg hook may reword the message: the commit is made again with it. Returns the commit."""
        if self._hook_path("pre-commit") is None and self._hook_path("commit-msg") is None:
            return commit
        env = dict(self._commit_env())
        if self._hook_path("pre-commit") is not None:
            fd, index = tempfile.mkstemp(prefix="reformctl-hook-index-", dir=self.git.common_dir())
            os.close(fd)
            os.unlink(index)
            try:
                self.git.run("read-tree", commit, env={"GIT_INDEX_FILE": index})
                self._hook("pre-commit", [], dict(env, GIT_INDEX_FILE=index))
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(index)
        if self._hook_path("commit-msg") is not None:
            msg_file = self.git.git_path("COMMIT_EDITMSG")
            message = self.git.out("log", "-1", "--format=%B", commit) + "\n"
            msg_file.write_text(message, encoding="utf-8")
            self._hook("commit-msg", [str(msg_file)], env)
            reworded = msg_file.read_text(encoding="utf-8", errors="replace")
            if reworded != message:
                if not reworded.strip():
                    raise StoreError(Said("hook_empty_message"))
                tree = self.git.out("rev-parse", f"{commit}^{{tree}}")
                commit = self.git.out(
                    "commit-tree", tree, *(["-p", old] if old else []), "-F", "-", input=reworded, env=env
                )
                j = json.loads(journal.read_text(encoding="utf-8"))
                j["new"] = commit
                atomic_write(journal, json.dumps(j).encode("utf-8"))
                self._reworded = (commit, reworded)
        return commit

    def _hook(self, name: str, args: list[str], env: dict) -> None:
        p = self.git.run(
            "-C",
            str(self.top),
            "hook",
            "run",
            "--ignore-missing",
            name,
            *(["--", *args] if args else []),
            env=env,
            check=False,
        )
        if p.returncode != 0:
            said = (p.stderr + p.stdout).decode("utf-8", "replace").strip().splitlines()
            raise StoreError(
                Said("hook_failed", hook=name, code=p.returncode), [clean_line(x, 300) for x in said[-20:]]
            )

    def _journal_path(self) -> Path:
        return self.git.git_path(JOURNAL_NAME)

    def recover(self) -> list[str]:
        """Finish or roll back an interrupted write (what :meth:`apply` does first); the lines saying what was
        done (none when there was nothing to do)."""
        with _lock(self.git.common_dir() / LOCK_NAME):
            return self._recover()

    def _recover(self) -> list[str]:
        """Finish (the branch had moved) or roll back (it had not) a command that was killed half-way, and
        remove the temporary copies it may have left beside its files."""
        journal = self._journal_path()
        if not journal.exists():
            return []
        try:
            j = json.loads(journal.read_text(encoding="utf-8"))
            for path in [Path(j["root"]) / rel for rel in j["files"]] + [journal]:
                with contextlib.suppress(OSError):
                    for stray in path.parent.glob(f".{glob_escape(path.name)}.*{TMP_SUFFIX}"):
                        stray.unlink()
            head = self.git.rev(j["ref"])
            forward = head == j["new"]
            if forward or head == j["old"]:
                root = Path(j["root"])
                for rel, f in j["files"].items():
                    path = root / rel
                    want, other = (f["after"], f["before"]) if forward else (f["before"], f["after"])
                    try:
                        cur = _b64(path.read_bytes())
                    except FileNotFoundError:
                        cur = None
                    if cur == want or cur != other:  # done already, or changed by someone since: leave it
                        continue
                    if want is None:
                        path.unlink()
                    else:
                        atomic_write(path, base64.b64decode(want))
                if forward:
                    self._update_user_index(j["blobs"])
            journal.unlink()
        except (OSError, ValueError, KeyError, GitError) as exc:
            return [f"could not recover an interrupted reformctl command ({exc}); check `git status`"]
        what = "finished its commit" if forward else "rolled back its files"
        return [f"an earlier reformctl command was interrupted; {what}"]

    def _restore(self, backups: dict[Path, Optional[bytes]]) -> None:
        for path, data in backups.items():
            with contextlib.suppress(OSError):
                if data is None:
                    if path.exists():
                        path.unlink()
                else:
                    atomic_write(path, data)

    def _update_user_index(self, blobs: dict[str, Optional[str]]) -> list[str]:
        lines = [f"0 {ZERO}\t{p}" if sha is None else f"100644 {sha}\t{p}" for p, sha in blobs.items()]
        for _ in range(50):
            try:
                self.git.run("update-index", "-z", "--index-info", input="\0".join(lines) + "\0")
                return []
            except GitError as exc:
                if "index.lock" not in exc.message:
                    break
                time.sleep(0.1)
        paths = " ".join(blobs)
        return [
            f"committed, but git's index could not be updated (another git command held it); "
            f"run `git reset -q -- {paths}` to see a clean status"
        ]
