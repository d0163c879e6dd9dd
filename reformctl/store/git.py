"""A small, careful wrapper around the git command line: the one module of reformctl that runs git.

GitPython is not used: importing it took 0.3 to 0.6 s on the 2-CPU machine of docs/benchmarks.md (``python -X
importtime -c "import git"``), a large share of a warm ``status`` (0.91 s at 100,000 items) for any command that
asks git one question; and every call here needs ``--end-of-options`` and exact environment control anyway.
(The per-file cache finds its folder by reading ``.git`` itself, :func:`reformctl.load.cache.git_dir_of`: a warm
run starts no process.)

Every call passes user-supplied values after ``--`` or ``--end-of-options`` (or on standard input), never
where git could read them as options. Errors become :class:`GitError` with git's own message.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence


class GitError(Exception):
    """A git command failed; ``message`` is what git said."""

    def __init__(self, args: Sequence[str], code: int, message: str):
        super().__init__(message)
        self.args_ = list(args)
        self.code = code
        self.message = message.strip()


def _base_env(extra: Optional[dict] = None) -> dict:
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C")
    env["GIT_TERMINAL_PROMPT"] = "0"
    env.pop("GIT_INDEX_FILE", None)
    if extra:
        env.update(extra)
    return env


def run_isolated(
    argv: Sequence[str], env: dict, cwd: Optional[Path] = None, input: Optional[bytes] = None
) -> subprocess.CompletedProcess:
    """Run ``git argv`` with exactly ``env`` and nothing of this module's defaults: for the members' stores,
    which build a stricter environment of their own (:mod:`reformctl.store.members`)."""
    return subprocess.run(
        ["git", *argv], input=input, capture_output=True, env=env, cwd=str(cwd) if cwd is not None else None
    )


class StreamFailed(Exception):
    """The git of :func:`stream_isolated` exited with an error; ``proc`` holds its code and what it said."""

    def __init__(self, proc: subprocess.CompletedProcess):
        super().__init__(proc.returncode)
        self.proc = proc


def stream_isolated(
    argv: Sequence[str], env: dict, cwd: Optional[Path] = None, chunk: int = 1 << 16
) -> Iterator[bytes]:
    """The output of ``git argv`` (run as :func:`run_isolated` runs it) in chunks as git writes it, for output that
    may be too large to hold: the caller may stop reading at any point (git is then killed and reaped). After
    the last chunk, a git that failed raises :class:`StreamFailed`."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: git never blocks on what it says
        proc = subprocess.Popen(
            ["git", *argv], stdout=subprocess.PIPE, stderr=errors, env=env, cwd=str(cwd) if cwd is not None else None
        )
        assert proc.stdout is not None
        finished = False
        try:
            while data := proc.stdout.read(chunk):
                yield data
            finished = True
        finally:
            if not finished:
                proc.kill()
            proc.stdout.close()
            code = proc.wait()
        if code != 0:
            errors.seek(0)
            raise StreamFailed(subprocess.CompletedProcess(argv, code, b"", errors.read(1 << 16)))


def _argv_bytes() -> int:
    """Bytes of paths given to one git command line. The kernel refuses a command whose arguments and
    environment pass ARG_MAX (a quarter of the stack limit on Linux, 2 MiB by default) with E2BIG, so 100,000
    paths go in several calls (git status has no --pathspec-from-file): a quarter of ARG_MAX at most, leaving
    room for the environment."""
    try:
        arg_max = os.sysconf("SC_ARG_MAX")
    except (ValueError, OSError, AttributeError):
        arg_max = 128 * 1024
    return max(8 * 1024, min(256 * 1024, arg_max // 4 if arg_max > 0 else 32 * 1024))


ARGV_BYTES = _argv_bytes()


def argv_batches(args: Sequence[str], limit: int = ARGV_BYTES) -> list[list[str]]:
    """``args`` cut into consecutive runs of at most ``limit`` bytes each (at least one argument per run)."""
    out: list[list[str]] = []
    size = limit + 1
    for a in args:
        n = len(a.encode("utf-8", "surrogateescape")) + 1
        if size + n > limit:
            out.append([])
            size = 0
        out[-1].append(a)
        size += n
    return out


@dataclass
class Git:
    """Run git in ``cwd`` (a folder inside the work tree)."""

    cwd: Path
    argv_bytes: int = ARGV_BYTES  # see argv_batches (a test lowers it)

    def run(
        self, *args: str, input: Optional[bytes | str] = None, env: Optional[dict] = None, check: bool = True
    ) -> subprocess.CompletedProcess:
        data = input.encode("utf-8") if isinstance(input, str) else input
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=self.cwd,
            input=data,
            capture_output=True,
            env=_base_env(env),
        )
        if check and proc.returncode != 0:
            msg = proc.stderr.decode("utf-8", "replace") or proc.stdout.decode("utf-8", "replace")
            raise GitError(args, proc.returncode, msg or f"git {' '.join(args[:2])} failed")
        return proc

    def out(self, *args: str, **kw) -> str:
        return self.run(*args, **kw).stdout.decode("utf-8", "replace").strip()

    # ---------------------------------------------------------------- questions
    def toplevel(self) -> Optional[Path]:
        p = self.run("rev-parse", "--show-toplevel", check=False)
        top = p.stdout.decode("utf-8").strip()
        if p.returncode != 0 or not top:  # not in a work tree (or inside the .git folder itself)
            return None
        return Path(top)

    def git_path(self, name: str) -> Path:
        """``git rev-parse --git-path NAME`` as an absolute path (worktree aware)."""
        p = Path(self.out("rev-parse", "--git-path", name))
        return p if p.is_absolute() else (self.cwd / p)

    def common_dir(self) -> Path:
        p = Path(self.out("rev-parse", "--git-common-dir"))
        return p if p.is_absolute() else (self.cwd / p)

    def head_ref(self) -> Optional[str]:
        """The branch HEAD points to (``refs/heads/main``), or None when HEAD is detached."""
        p = self.run("symbolic-ref", "-q", "HEAD", check=False)
        return p.stdout.decode("utf-8").strip() if p.returncode == 0 else None

    def rev(self, ref: str) -> Optional[str]:
        """The commit id of a ref name we built ourselves, or None when it does not exist (unborn)."""
        p = self.run("rev-parse", "-q", "--verify", "--end-of-options", f"{ref}^{{commit}}", check=False)
        return p.stdout.decode().strip() if p.returncode == 0 else None

    def points_at(self, ref: str, commit: str) -> bool:
        """Whether ``ref`` names ``commit``; False when git cannot even tell (it cannot be started)."""
        try:
            return self.rev(ref) == commit
        except (GitError, OSError):
            return False

    def verify_commit(self, user_ref: str) -> Optional[str]:
        """Resolve a user-supplied REF to a commit id safely; None when it is not a commit.
        A value starting with ``-`` is refused before git sees it."""
        if not user_ref or user_ref.startswith("-") or "\n" in user_ref or "\0" in user_ref:
            return None
        return self.rev(user_ref)

    def in_progress(self) -> Optional[str]:
        """The name of an unfinished merge, rebase, cherry-pick, revert or bisect, or None."""
        states = (
            ("MERGE_HEAD", "a merge"),
            ("rebase-merge", "a rebase"),
            ("rebase-apply", "a rebase or am"),
            ("CHERRY_PICK_HEAD", "a cherry-pick"),
            ("REVERT_HEAD", "a revert"),
            ("BISECT_LOG", "a bisect"),
        )
        args = []
        for name, _what in states:
            args += ["--git-path", name]
        paths = self.out("rev-parse", *args).splitlines()
        for (_name, what), p in zip(states, paths):
            path = Path(p)
            if (path if path.is_absolute() else self.cwd / path).exists():
                return what
        return None

    def ident(self, which: str) -> Optional[str]:
        """``git var GIT_AUTHOR_IDENT``-style identity "Name <email>", or None when git has none."""
        p = self.run("var", f"GIT_{which}_IDENT", check=False)
        if p.returncode != 0:
            return None
        text = p.stdout.decode("utf-8", "replace").strip()
        m = re.match(r"^(.*<[^>]*>)", text)
        return m.group(1) if m else None

    def status_of(self, paths: Sequence[str]) -> dict[str, str]:
        """Porcelain status (two letters) of each given path that is not clean: staged, unstaged or untracked.
        Paths are relative to the repository top."""
        out: dict[str, str] = {}
        for batch in argv_batches([f":(top,literal){x}" for x in paths], self.argv_bytes):
            # --no-optional-locks: a question must not rewrite the user's index (a git killed while refreshing
            # it, by a full disk or a file size limit, would leave index.lock behind and block every git command)
            p = self.run(
                "--no-optional-locks",
                "status",
                "--porcelain=v1",
                "-z",
                "--untracked-files=all",
                "--ignored=no",
                "--no-renames",
                "--",
                *batch,
            )
            for entry in p.stdout.decode("utf-8", "replace").split("\0"):
                if len(entry) > 3:
                    out[entry[3:]] = entry[:2]
        return out

    def blob_id(self, commit: str, path: str) -> Optional[str]:
        """The blob id of ``path`` (relative to the repository top) in ``commit``, or None."""
        p = self.run("rev-parse", "-q", "--verify", "--end-of-options", f"{commit}:{path}", check=False)
        if p.returncode != 0:
            return None
        sha = p.stdout.decode().strip()
        t = self.run("cat-file", "-t", sha, check=False)
        return sha if t.returncode == 0 and t.stdout.decode().strip() == "blob" else None

    def cat_blob(self, sha: str) -> bytes:
        return self.run("cat-file", "blob", sha).stdout

    def cat_batch(self, names: Sequence[str]) -> dict[str, Optional[bytes]]:
        """Contents of ``rev:path`` blobs (None when missing), read in one ``git cat-file --batch``."""
        if not names:
            return {}
        proc = self.run("cat-file", "--batch", input=("\n".join(names) + "\n").encode("utf-8"))
        out: dict[str, Optional[bytes]] = {}
        buf, pos = proc.stdout, 0
        for name in names:
            nl = buf.find(b"\n", pos)
            if nl < 0:
                break
            parts = buf[pos:nl].decode("utf-8", "replace").split()
            pos = nl + 1
            if len(parts) == 3 and parts[2].isdigit():
                size = int(parts[2])
                out[name] = buf[pos : pos + size] if parts[1] == "blob" else None
                pos += size + 1
            else:
                out[name] = None
        return out

    def hash_blob(self, data: bytes) -> str:
        return self.out("hash-object", "-w", "--no-filters", "--stdin", input=data)

    def hash_blobs(self, datas: Sequence[bytes]) -> list[str]:
        """Write several blobs; their ids in order. Many at once go through one ``git fast-import`` (one
        pack, ids read back with ``get-mark``) rather than one loose object and one temporary file each."""
        if len(datas) <= 2:
            return [self.hash_blob(d) for d in datas]
        if len(datas) < 50:
            return self._hash_blobs_paths(datas)
        chunks: list[bytes] = []
        for i, data in enumerate(datas, start=1):
            chunks.append(b"blob\nmark :%d\ndata %d\n" % (i, len(data)))
            chunks.append(data)
            chunks.append(b"\n")
        chunks.extend(b"get-mark :%d\n" % i for i in range(1, len(datas) + 1))
        chunks.append(b"done\n")
        out = self.run("fast-import", "--quiet", "--done", input=b"".join(chunks)).stdout
        shas = out.decode("ascii", "replace").split()
        if len(shas) != len(datas) or not all(re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", s) for s in shas):
            raise GitError(["fast-import"], 1, "git fast-import returned the wrong number of ids")
        return shas

    def _hash_blobs_paths(self, datas: Sequence[bytes]) -> list[str]:
        """Write several blobs with one ``git hash-object --stdin-paths`` (through temporary files)."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="reformctl-blobs-") as tmp:
            names = []
            for i, data in enumerate(datas):
                name = os.path.join(tmp, f"{i}.blob")
                with open(name, "wb") as fh:
                    fh.write(data)
                names.append(name)
            out = self.out("hash-object", "-w", "--no-filters", "--stdin-paths", input="\n".join(names) + "\n")
        shas = out.split()
        if len(shas) != len(datas):
            raise GitError(["hash-object"], 1, "git hash-object returned the wrong number of ids")
        return shas
