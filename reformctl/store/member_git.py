"""Running git on a member's fetched repository (see :mod:`reformctl.store.members` for why it is handled as
hostile): no hooks, no ``ext::`` or ``fd::`` transport, no system config, no replace objects, the user's git
environment dropped; and saying why git failed, with the reason and what to do when the disk of this machine is
full or read-only."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from subprocess import CompletedProcess
from typing import Optional

from ..i18n.write import Msg
from .faults import FAULTS, disk_full, local_fault
from .git import run_isolated

ALLOWED_PROTOCOLS = "file:git:http:https:ssh"


class MemberError(Exception):
    """A member could not be fetched or read; ``message`` says why: git's own words where git failed, else a
    :class:`reformctl.i18n.write.Msg` the command line says in the user's language."""

    def __init__(self, message: str | Msg):
        super().__init__(message)
        self.msg = message  # as given, said in the user's language by the command line
        self.message = str(message)  # its English


# ---------------------------------------------------------------- running git on a member's store
def member_env() -> dict:
    env = dict(os.environ)
    env["LC_ALL"] = "C"
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["GIT_ALLOW_PROTOCOL"] = ALLOWED_PROTOCOLS
    env["GIT_LITERAL_PATHSPECS"] = "1"
    env["GIT_NO_REPLACE_OBJECTS"] = "1"
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    for var in (
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_NAMESPACE",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_CEILING_DIRECTORIES",
        "GIT_EXEC_PATH",
    ):
        env.pop(var, None)
    return env


SAFE_CONFIG = (
    "-c",
    "protocol.ext.allow=never",
    "-c",
    "protocol.fd.allow=never",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "core.fsmonitor=false",
    "-c",
    "submodule.recurse=false",
    "-c",
    "fetch.recurseSubmodules=false",
    "-c",
    "core.quotepath=off",
)


def run_git(store: Path, *args: str, input: Optional[bytes] = None, check: bool = True) -> CompletedProcess:
    proc = run_isolated([*SAFE_CONFIG, "--git-dir", str(store), *args], member_env(), cwd=store, input=input)
    if check and proc.returncode != 0:
        raise failure_of(proc)
    return proc


def failure_of(proc: CompletedProcess) -> MemberError:
    """Why git failed: its own last lines, with the reason and what to do when the disk of this machine is full,
    read-only, over a quota or past the file size limit."""
    text = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()
    lines = [x for x in text.splitlines() if x.strip()]
    said = " / ".join(lines[-3:]) if lines else f"git exited with {proc.returncode}"
    return MemberError(with_local_fault(said, "mb_store_fault"))


def with_local_fault(said: str, key: str) -> str | Msg:
    """Git's words ``said``, or the message ``key`` (its ``detail``, ``reason`` and ``hint``) when they say the disk
    of this machine is full, read-only, over a quota or past the file size limit."""
    fault = local_fault(said)
    return said if fault is None else Msg(key, detail=said, reason=fault[0], hint=fault[1])


def with_disk_reason(said: str | Msg, store: Path) -> str | Msg:
    """Git's words of a failure, with the reason and what to do when the disk holding ``store`` is full (git does
    not always say so: "could not set 'core.repositoryformatversion'" is all it says of a config it could not
    write)."""
    if isinstance(said, str) and disk_full(store):
        reason, hint = FAULTS[errno.ENOSPC]
        return Msg("mb_store_fault", detail=said, reason=reason, hint=hint)
    return said


__all__ = [
    "ALLOWED_PROTOCOLS",
    "SAFE_CONFIG",
    "MemberError",
    "failure_of",
    "member_env",
    "run_git",
    "with_local_fault",
    "with_disk_reason",
]
