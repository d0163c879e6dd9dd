"""The repository's own hooks, run around a write as `git commit` runs them: pre-commit on the new tree,
commit-msg (which may reword the message), post-commit once the branch has moved."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Optional

from ..errors import StoreError
from ..i18n.write import Said
from .files import atomic_write
from .git import Git
from .message import clean_line


def hook_path(git: Git, top: Path, name: str) -> Optional[Path]:
    """The repository's hook ``name`` when there is one that git would run (core.hooksPath honoured)."""
    p = git.run("config", "--path", "core.hooksPath", check=False)
    folder = p.stdout.decode("utf-8", "replace").strip() if p.returncode == 0 else ""
    base = (top / folder) if folder else git.git_path("hooks")
    hook = Path(base) / name
    return hook if hook.is_file() and os.access(hook, os.X_OK) else None


def commit_hooks(
    git: Git, top: Path, commit: str, old: Optional[str], journal: Path, commit_env: Callable[[], dict]
) -> tuple[str, Optional[tuple[str, str]]]:
    """Run the pre-commit hook (on an index holding the new tree, the files already written) and the
    commit-msg hook, as `git commit` does; a hook that fails refuses the write (the caller puts the files
    back). A commit-msg hook may reword the message: the commit is made again with it. Returns the commit, and
    (commit, message) when it was made again."""
    reworded_commit: Optional[tuple[str, str]] = None
    if hook_path(git, top, "pre-commit") is None and hook_path(git, top, "commit-msg") is None:
        return commit, None
    env = dict(commit_env())
    if hook_path(git, top, "pre-commit") is not None:
        fd, index = tempfile.mkstemp(prefix="reformctl-hook-index-", dir=git.common_dir())
        os.close(fd)
        os.unlink(index)
        try:
            git.run("read-tree", commit, env={"GIT_INDEX_FILE": index})
            run_hook(git, top, "pre-commit", [], dict(env, GIT_INDEX_FILE=index))
        finally:
            with contextlib.suppress(OSError):
                os.unlink(index)
    if hook_path(git, top, "commit-msg") is not None:
        msg_file = git.git_path("COMMIT_EDITMSG")
        message = git.out("log", "-1", "--format=%B", commit) + "\n"
        msg_file.write_text(message, encoding="utf-8")
        run_hook(git, top, "commit-msg", [str(msg_file)], env)
        reworded = msg_file.read_text(encoding="utf-8", errors="replace")
        if reworded != message:
            if not reworded.strip():
                raise StoreError(Said("hook_empty_message"))
            tree = git.out("rev-parse", f"{commit}^{{tree}}")
            commit = git.out("commit-tree", tree, *(["-p", old] if old else []), "-F", "-", input=reworded, env=env)
            j = json.loads(journal.read_text(encoding="utf-8"))
            j["new"] = commit
            atomic_write(journal, json.dumps(j).encode("utf-8"))
            reworded_commit = (commit, reworded)
    return commit, reworded_commit


def run_hook(git: Git, top: Path, name: str, args: list[str], env: dict) -> None:
    """Run the hook ``name`` as git would; its failure refuses the write, with what it said."""
    p = git.run(
        "-C",
        str(top),
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
        raise StoreError(Said("hook_failed", hook=name, code=p.returncode), [clean_line(x, 300) for x in said[-20:]])
