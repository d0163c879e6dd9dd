"""The whole answer of a roll-up remembered: `status --members --format json` when neither the ledger nor any
member's fetched commit changed since a run that computed it.

What such an answer depends on: the upper ledger's files and reformctl's code (its :class:`~reformctl.load.memo.Memo`
stamp), the options (as-of date, language, filters), the limits of a member's read, and the commit each member's
store names. The first two
make the memo's key; the commits are kept in the answer and compared on the next run by reading each store's
ref file (:func:`~reformctl.store.member_ref.fetched_commit`): no git process, no record class, no member read.
Anything else (a new fetch, an edit of the ledger, other options) is a miss and the roll-up is computed as
before, member by member (:mod:`reformctl.store.rollup`, which remembers each member's part on its own).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

from .member_ref import fetched_commit
from .member_tree import member_limits

_KIND = "members-answer"


@dataclass(frozen=True)
class Answer:
    """What the command wrote: the JSON array's elements (``body``, the end offset of each in ``ends``), the
    warning lines it wrote on stderr, and the worst light shown (its rank: 0 red, 1 yellow...; 9 none)."""

    body: bytes
    ends: list
    notes: tuple
    worst: int


def open_answers(root: Path, cache: Optional[bool]) -> Any:
    """The memo of the ledger at ``root`` in its current state (None when caching is off)."""
    from ..load.memo import Memo

    return Memo.open(root, cache=cache)


def recall(memo: Any, key: tuple) -> Optional[Answer]:
    """The answer remembered for ``key`` and the commits the members' stores name now. Two entries: the stores
    asked about (small), then the answer for their commits: a member's new fetch misses without reading the
    previous answer."""
    if memo is None:
        return None
    key = (*key, *member_limits())  # a member past a new limit is refused, not read: another answer
    stores = memo.get((_KIND, "stores", *key))
    if type(stores) is not list:
        return None
    commits = [fetched_commit(Path(s)) for s in stores]
    if "" in commits:  # a ref this reader cannot tell: only git can, in the roll-up
        return None
    hit = memo.get((_KIND, "answer", *key, tuple(commits)))
    try:
        body, ends, notes, worst = hit
    except (TypeError, ValueError):
        return None
    if type(body) is not bytes or type(ends) is not list or type(notes) is not tuple or type(worst) is not int:
        return None
    return Answer(body, ends, notes, worst)


def remember(memo: Any, key: tuple, stores: Sequence[Path], commits: Sequence[Optional[str]], answer: Answer) -> None:
    """Keep ``answer`` for ``key`` and these members' commits (nothing when the memo cannot keep it)."""
    if memo is None or len(stores) != len(commits):
        return
    key = (*key, *member_limits())
    memo.put((_KIND, "stores", *key), [str(s) for s in stores])
    memo.put(
        (_KIND, "answer", *key, tuple(commits)), (answer.body, list(answer.ends), tuple(answer.notes), answer.worst)
    )
