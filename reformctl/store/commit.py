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
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

from ..i18n.faults import os_reason
from ..base.lifetime import interrupts_deferred
from ..errors import BadRequest, NothingToDo, StoreError
from ..i18n.write import Msg
from .git import Git, GitError
from .files import (
    JOURNAL_NAME,
    LOCK_NAME,
    TMP_SUFFIX,
    _b64,
    hold_lock,
    atomic_write,
    glob_escape,
    pause_point,
    write_files,
)
from .faults import reason_of, write_fault
from .files import remove_index, remove_stray_indexes, unfinished_write
from .hooks import commit_hooks, post_commit
from .message import Action, Result, build_message, clean_line, parse_author
from .tx import Tx, diagnostic_line, unified_diff

ZERO = "0" * 40
MAX_RETRIES = 20
# the last commits made here (id, ref, subject): an output failing afterwards is no failed write (cli.main)
COMMITTED: list[tuple[str, str, str]] = []


class Store:
    """The ledger at ``root`` as a git-backed store: :meth:`apply` turns one action into one commit."""

    def __init__(self, root: Path, author: Optional[str] = None, verify: bool = True, lang: str = "zh"):
        self.root = Path(root).resolve()
        self.lang = lang  # of the commit message's subject and body
        self.verify = verify  # run the repository's pre-commit and commit-msg hooks (git commit --no-verify: False)
        self._reworded: Optional[tuple[str, str]] = None  # (commit, message) when a commit-msg hook reworded it
        self.git = Git(self.root)
        self.author = parse_author(author) if author else None
        top = self.git.toplevel()
        if top is None:
            raise BadRequest(Msg("st_no_repo", root=self.root))
        self.top = top.resolve()
        try:
            rel = self.root.relative_to(self.top).as_posix()
        except ValueError:
            raise BadRequest(Msg("st_outside_tree", root=self.root, top=self.top)) from None
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
            raise BadRequest(Msg("st_who"))
        return env

    def _preflight(self) -> tuple[str, Optional[str]]:
        ref = self.git.head_ref()
        if ref is None:
            raise StoreError(Msg("st_detached"))
        if not ref.startswith("refs/heads/"):
            raise StoreError(Msg("st_not_branch", ref=ref))
        busy = self.git.in_progress()
        if busy:
            raise StoreError(Msg("st_busy", what=busy))
        return ref, self.git.rev(ref)

    # ------------------------------------------------------------ the action
    def apply(self, action: Action, build: Callable[[Tx], object], *, dry_run: bool = False) -> Result:
        """Run ``build`` (maybe more than once, if another writer moved the branch) and commit its changes.

        Raises :class:`StoreError` (nothing changed) when it is refused; :class:`NothingToDo` when the build
        changed nothing."""
        if dry_run:
            journal = unfinished_write(self.root)
            if journal is not None:  # a dry run reads the tree: refuse a half-written one, and recover nothing
                raise StoreError(Msg("unfinished_write", journal=journal))
            ref, old = self._preflight()
            tx = Tx(self.root)
            build(tx)
            self._refuse_dirty(tx.changes())
            changes, warnings = self._validated(tx, old)
            message = build_message(action, self.lang)
            return Result(None, ref, list(changes), message, unified_diff(self.root, changes, self.prefix), warnings)
        env = self._commit_env()
        try:
            return self._apply(action, build, env)
        except (OSError, GitError) as exc:
            raise (write_fault(exc) or exc) from None  # a fault of the repository is a refusal; anything else a bug

    def _apply(self, action: Action, build: Callable[[Tx], object], env: dict) -> Result:
        with hold_lock(self.git.common_dir() / LOCK_NAME):
            recovered = self._recover()
            for _attempt in range(MAX_RETRIES):
                ref, old = self._preflight()
                self._reworded = None
                tx = Tx(self.root)
                build(tx)
                # dirty files first: the rules of a change compare with what the disk holds, which must be HEAD's
                self._refuse_dirty(tx.changes())
                changes, warnings = self._validated(tx, old)
                message = build_message(action, self.lang)  # after the build, which may name the item (new ids)
                diff = unified_diff(self.root, changes, self.prefix)
                commit, blobs = self._make_commit(old, changes, message, env)
                # a Ctrl-C from just before the branch moves is taken once the write is done, bookkeeping included,
                # or undone (stopping in between left the branch moved and the files put back)
                with contextlib.ExitStack() as held:
                    deferred = lambda: held.enter_context(interrupts_deferred())  # noqa: E731 - entered by _swap
                    if self._swap(ref, old, commit, changes, message.splitlines()[0], blobs, deferred):
                        made = self._reworded or (commit, message)  # (the commit-msg hook made it again)
                        COMMITTED[:] = [*COMMITTED[-9:], (made[0], ref, made[1].splitlines()[0])]
                        pause_point("committed")
                        if self._after_update_ref:
                            self._after_update_ref()
                        warnings = recovered + warnings + self._update_user_index(blobs)
                        if self._reworded is not None:
                            commit, message = self._reworded
                        post_commit(self.git, self.top, commit, self._commit_env())
                        with contextlib.suppress(OSError):
                            self._journal_path().unlink()
                        return Result(commit, ref, list(changes), message, diff, warnings)
            raise StoreError(Msg("st_moving"))

    def _validated(self, tx: Tx, old: Optional[str]) -> tuple[dict[str, Optional[str]], list[str | Msg]]:
        """The changes of the build, once the whole ledger they leave passes `check` and `check --base` (the
        one validation of every write: :mod:`.verify`); StoreError otherwise. Also a warning when the ledger
        had errors before (the change added none)."""
        from .verify import change_errors

        changes = tx.changes()
        if not changes:
            raise NothingToDo(Msg("st_nothing"))
        verdict = change_errors(self.root, changes, "HEAD", (old or "")[:7])
        if verdict.new_errors:
            shown: list[str | Msg] = [diagnostic_line(d) for d in verdict.new_errors[:20]]
            if len(verdict.new_errors) > 20:
                shown.append(Msg("and_more_problems", n=len(verdict.new_errors) - 20))
            raise BadRequest(Msg("invalid_change", n=len(verdict.new_errors)), shown)
        warnings: list[str | Msg] = [Msg("had_errors", n=verdict.old_errors)] if verdict.old_errors else []
        return changes, warnings

    def _refuse_dirty(self, changes: dict[str, Optional[str]]) -> None:
        paths = [self.repo_path(rel) for rel in changes]
        dirty = self.git.status_of(paths)
        if dirty:
            # named in the message itself: a bare `git status` code above it was easy to miss
            names = sorted(dirty)
            shown = ", ".join(names[:5]) + (f" (+{len(names) - 5})" if len(names) > 5 else "")
            raise StoreError(Msg("st_dirty", files=shown))

    def _make_commit(
        self, old: Optional[str], changes: dict[str, Optional[str]], message: str, env: dict
    ) -> tuple[str, dict[str, Optional[str]]]:
        blobs: dict[str, Optional[str]] = {}
        lines = []
        written = {rel: text for rel, text in changes.items() if text is not None}
        shas = dict(zip(written, self.git.hash_blobs([text.encode("utf-8") for text in written.values()])))
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
            remove_index(index)
        args = ["commit-tree", tree] + (["-p", old] if old else []) + ["-F", "-"]
        try:
            commit = self.git.out(*args, input=message, env=env)
        except GitError as exc:
            refusal = write_fault(exc)  # git's objects cannot be written: say why, and what to do
            raise refusal or StoreError(Msg("st_git_commit", error=exc.message)) from None
        return commit, blobs

    def _swap(
        self,
        ref: str,
        old: Optional[str],
        commit: str,
        changes: dict[str, Optional[str]],
        subject: str,
        blobs: dict[str, Optional[str]],
        deferred: Callable[[], object] = lambda: None,
    ) -> bool:
        """Write the files, then move the branch OLD -> NEW. True when done; False when another writer moved
        the branch (files restored, try again). Any other failure restores the files and raises. ``deferred`` is
        called just before the branch moves (the hooks have run): from there on, a Ctrl-C waits.

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
            commit = self._run_hooks(commit, old, journal)
            if self._before_update_ref:
                self._before_update_ref()
            deferred()
            self.git.run("update-ref", "-m", f"reformctl: {subject}", ref, commit, old or ZERO)
            pause_point("moved")
            return True
        except BaseException as exc:
            if isinstance(exc, GitError) and self.git.points_at(ref, commit):  # git moved it, then failed (a signal)
                return True
            left = self._restore(backups)
            if left:  # the journal stays: `reformctl recover` rolls them back once the fault is gone
                shown = ", ".join(sorted(left)[:5]) + (f" (+{len(left) - 5})" if len(left) > 5 else "")
                where = str(getattr(exc, "filename", "") or "a file")
                raise StoreError(Msg("write_left_half", path=where, reason=reason_of(exc), paths=shown)) from None
            with contextlib.suppress(OSError):
                journal.unlink()
            refusal = write_fault(exc)
            if refusal is not None:
                raise refusal from None
            if isinstance(exc, GitError):
                if self.git.rev(ref) != old:
                    return False
                raise StoreError(Msg("st_git_move", ref=ref, error=exc.message)) from None
            if isinstance(exc, OSError):
                file: object = getattr(exc, "filename", "") or Msg("st_a_file")
                raise StoreError(Msg("st_cannot_write", file=file, why=os_reason(exc))) from None
            raise

    def _run_hooks(self, commit: str, old: Optional[str], journal: Path) -> str:
        """The hooks before the commit (:func:`reformctl.store.hooks.commit_hooks`); the commit."""
        commit, reworded = commit_hooks(self.git, self.top, commit, old, journal, self._commit_env(), self.verify)
        if reworded is not None:
            self._reworded = reworded
        return commit

    def _journal_path(self) -> Path:
        return self.git.git_path(JOURNAL_NAME)

    def recover(self) -> list[str | Msg]:
        """Finish or roll back an interrupted write (what :meth:`apply` does first); the lines saying what was
        done (none when there was nothing to do)."""
        try:
            with hold_lock(self.git.common_dir() / LOCK_NAME):
                return self._recover()
        except OSError as exc:
            raise (write_fault(exc) or exc) from None

    def _recover(self) -> list[str | Msg]:
        """Finish (the branch had moved) or roll back (it had not) a command that was killed half-way, and
        remove the temporary copies it may have left beside its files."""
        remove_stray_indexes(self.git.common_dir())  # the lock is ours: none of them is in use
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
        except (OSError, ValueError, KeyError, TypeError, GitError) as exc:
            # nothing is guessed: the user compares the files with HEAD and decides (the journal stays until then)
            reason = exc.message if isinstance(exc, GitError) else str(exc)
            raise StoreError(Msg("recover_failed", error=clean_line(reason, 300), journal=journal)) from None
        if not forward and head != j["old"]:  # the branch moved since (another commit): nothing to decide here
            return [Msg("recover_moved", ref=clean_line(j["ref"], 200))]
        return [Msg("st_recovered" if forward else "st_rolled_back")]

    def _restore(self, backups: dict[Path, Optional[bytes]]) -> list[str]:
        """Put the files back as they were; the ledger-relative paths that could not be (a disk still full)."""
        left = []
        for path, data in backups.items():
            try:
                if data is None:
                    if path.exists() or path.is_symlink():
                        path.unlink()
                    continue
                try:
                    same = path.read_bytes() == data
                except FileNotFoundError:
                    same = False
                if not same:  # a file not yet written needs no space to stay as it is
                    atomic_write(path, data)
            except OSError:
                left.append(path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path))
        return left

    def _update_user_index(self, blobs: dict[str, Optional[str]]) -> list[str | Msg]:
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
