"""Where a member's fetched commit is recorded in its store, and reading it without running git.

The store (:mod:`reformctl.store.member_store`) is a bare repository reformctl made itself; ``fetch`` moves the
ref :data:`MEMBER_REF` in it. A warm roll-up only needs to know whether that ref still names the commit an answer
was computed for: reading the ref's file is enough, and costs no process. Anything this reader is unsure of
(a symbolic ref, a ref it cannot find, unreadable files) comes back as ``""``, which equals no commit id, so
the caller takes the slow path that asks git.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

MEMBER_REF = "refs/reformctl/member"
_OID = re.compile(rb"[0-9a-f]{40}(?:[0-9a-f]{24})?")


def fetched_commit(store: Path) -> Optional[str]:
    """The object id :data:`MEMBER_REF` names in ``store``: None when the store has no ``HEAD`` (never fetched,
    as :func:`~reformctl.store.member_store.commit_info` says), ``""`` when it cannot be told this way."""
    if not (store / "HEAD").is_file():
        return None
    try:
        loose = (store / MEMBER_REF).read_bytes()  # a loose ref overrides packed-refs, as in git
    except FileNotFoundError:
        return _packed(store)
    except OSError:
        return ""
    oid = loose.strip()
    return oid.decode("ascii") if _OID.fullmatch(oid) else ""


def _packed(store: Path) -> str:
    try:
        lines = (store / "packed-refs").read_bytes().splitlines()
    except OSError:
        return ""
    want = MEMBER_REF.encode()
    for line in lines:
        oid, _sp, name = line.partition(b" ")
        if name == want and _OID.fullmatch(oid):
            return oid.decode("ascii")
    return ""
