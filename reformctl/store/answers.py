"""The whole answer of a roll-up remembered: `status --members --format json` when neither the ledger nor any
member's fetched commit changed since a run that computed it.

What such an answer depends on: the upper ledger's files and reformctl's code (its :class:`~reformctl.load.memo.Memo`
stamp), the options (as-of date, language, filters), and the commit each member's store names. The first two
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
    """The answer remembered for ``key`` when every member's store still names the commit it was computed for."""
    if memo is None:
        return None
    hit = memo.get((_KIND, *key))
    try:
        stores, commits, body, ends, notes, worst = hit
    except (TypeError, ValueError):
        return None
    if type(stores) is not list or type(commits) is not list or len(stores) != len(commits):
        return None
    if [fetched_commit(Path(s)) for s in stores] != commits:
        return None
    if type(body) is not bytes or type(ends) is not list or type(notes) is not tuple or type(worst) is not int:
        return None
    return Answer(body, ends, notes, worst)


def remember(memo: Any, key: tuple, stores: Sequence[Path], commits: Sequence[Optional[str]], answer: Answer) -> None:
    """Keep ``answer`` for ``key`` and these members' commits (nothing when the memo cannot keep it)."""
    if memo is None or len(stores) != len(commits):
        return
    memo.put(
        (_KIND, *key),
        ([str(s) for s in stores], list(commits), answer.body, list(answer.ends), tuple(answer.notes), answer.worst),
    )
