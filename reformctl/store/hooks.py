"""The repository's own hooks, run around a write as `git commit -m` runs them: pre-commit on the new tree,
prepare-commit-msg and commit-msg (which may reword the message), post-commit once the branch has moved; with
the environment `git commit` gives them."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Optional

from ..errors import StoreError
from ..i18n.write import Msg
from .files import atomic_write, remove_index
from .git import Git, run_isolated
from .message import clean_line


def hook_path(git: Git, top: Path, name: str) -> Optional[Path]:
    """The repository's hook ``name`` when there is one that git would run (core.hooksPath honoured)."""
    p = git.run("config", "--path", "core.hooksPath", check=False)
    folder = p.stdout.decode("utf-8", "replace").strip() if p.returncode == 0 else ""
    base = (top / folder) if folder else git.git_path("hooks")
    hook = Path(base) / name
    return hook if hook.is_file() and os.access(hook, os.X_OK) else None


def hook_env(git: Git, commit: str, index: str, commit_env: dict) -> dict:
    """The environment `git commit -m` gives its hooks: the user's own (not reformctl's settings for the git it
    runs: no ``-c`` options, no C locale), the index being committed, ``GIT_EDITOR=:`` (no editor will open), and
    the author of the commit (``GIT_AUTHOR_NAME``, ``_EMAIL``, ``_DATE``)."""
    env = dict(os.environ)
    env.update(commit_env)
    name, email, date = git.out("log", "-1", "--format=%an%x00%ae%x00%ad", "--date=raw", commit).split("\0")
    env.update(GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_AUTHOR_DATE=f"@{date}")
    env.update(GIT_INDEX_FILE=index, GIT_EDITOR=":")
    return env


def commit_hooks(
    git: Git, top: Path, commit: str, old: Optional[str], journal: Path, commit_env: dict, verify: bool = True
) -> tuple[str, Optional[tuple[str, str]]]:
    """Run the hooks `git commit -m` runs before it commits: pre-commit (on an index holding the new tree, the
    files already written), prepare-commit-msg and commit-msg (which may reword the message: the commit is then
    made again with it). A hook that fails refuses the write (the caller puts the files back). ``verify`` false
    (``--no-verify``) skips pre-commit and commit-msg, not prepare-commit-msg, as for git. Returns the commit,
    and (commit, message) when it was made again."""
    names = ["prepare-commit-msg"] + (["pre-commit", "commit-msg"] if verify else [])
    hooks = {name for name in names if hook_path(git, top, name) is not None}
    if not hooks:
        return commit, None
    fd, index = tempfile.mkstemp(prefix="reformctl-hook-index-", dir=git.common_dir())
    os.close(fd)
    os.unlink(index)
    try:
        git.run("read-tree", commit, env={"GIT_INDEX_FILE": index})
        env = hook_env(git, commit, index, commit_env)
        tree = git.out("rev-parse", f"{commit}^{{tree}}")
        if "pre-commit" in hooks:
            run_hook(top, "pre-commit", [], env)
            # git commit would commit what the hook staged; reformctl commits only what it validated
            if git.out("write-tree", env={"GIT_INDEX_FILE": index}) != tree:
                raise StoreError(Msg("hook_changed_files", hook="pre-commit"))
        if not hooks & {"prepare-commit-msg", "commit-msg"}:
            return commit, None
        reworded = _message_hooks(git, top, commit, hooks, env)
        if reworded is None:
            return commit, None
        # the same author (and date) the hooks were told of
        author = {k: v for k, v in env.items() if k.startswith(("GIT_AUTHOR_", "GIT_COMMITTER_"))}
        commit = git.out("commit-tree", tree, *(["-p", old] if old else []), "-F", "-", input=reworded, env=author)
        j = json.loads(journal.read_text(encoding="utf-8"))
        j["new"] = commit
        atomic_write(journal, json.dumps(j).encode("utf-8"))
        return commit, (commit, reworded)
    finally:
        remove_index(index)


def _message_hooks(git: Git, top: Path, commit: str, hooks: set[str], env: dict) -> Optional[str]:
    """prepare-commit-msg and commit-msg on the message file (named as git names it); the new message when they
    changed it, else None."""
    msg_file = git.git_path("COMMIT_EDITMSG")
    message = git.out("log", "-1", "--format=%B", commit) + "\n"
    msg_file.write_text(message, encoding="utf-8")
    shown = os.path.relpath(msg_file, top) if msg_file.is_relative_to(top) else str(msg_file)
    if "prepare-commit-msg" in hooks:
        run_hook(top, "prepare-commit-msg", [shown, "message"], env)
    if "commit-msg" in hooks:
        run_hook(top, "commit-msg", [shown], env)
    reworded = msg_file.read_text(encoding="utf-8", errors="replace")
    if reworded == message:
        return None
    if not reworded.strip():
        raise StoreError(Msg("hook_empty_message"))
    return reworded


def post_commit(git: Git, top: Path, commit: str, commit_env: dict) -> None:
    """The post-commit hook, once the branch has moved (its failure changes nothing, as for git; ``--no-verify``
    does not skip it)."""
    if hook_path(git, top, "post-commit") is not None:
        run_hook(top, "post-commit", [], hook_env(git, commit, str(git.git_path("index")), commit_env), refuse=False)


def run_hook(top: Path, name: str, args: list[str], env: dict, *, refuse: bool = True) -> None:
    """Run the hook ``name`` as git would; its failure refuses the write, with what it said."""
    # from where the user is (git runs the hook at the top, with GIT_PREFIX naming that folder, as for git commit)
    try:
        here = Path.cwd()
        cwd = here if here.resolve().is_relative_to(top) else top
    except OSError:
        cwd = top
    p = run_isolated(["hook", "run", "--ignore-missing", name, *(["--", *args] if args else [])], env, cwd)
    if p.returncode != 0 and refuse:
        said = (p.stderr + p.stdout).decode("utf-8", "replace").strip().splitlines()
        raise StoreError(Msg("hook_failed", hook=name, code=p.returncode), [clean_line(x, 300) for x in said[-20:]])
