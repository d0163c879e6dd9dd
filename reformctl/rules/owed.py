"""What each item owes, whatever the as-of date: the per-item rules written once, for every date.

A rule that judges each item on its own record (``per_item``, :mod:`.findings`) is written here as a generator:
given the item it yields every deadline the item can owe (:class:`Owed`), each with the first and last as-of
dates on which it is owed (``since``/``until``, None: unbounded), and every deadline it cannot compute
(:class:`Unjudged`, a note) likewise. A milestone is owed until the day before it is done, a task's progress
update from its last update until the next one, nothing once the task is completed. What the rule finds as of a
date is exactly what is owed on that date, lit by how far its ``due`` is (:meth:`.findings.Ctx.emit`).

The rule registered under the code (:func:`item_rule`) is that: it asks the generator about each item with the
as-of date (a generator may then leave out what is not owed on it: a shortcut, never another answer) and emits
what is owed. :mod:`.owed_table` asks the same generators about every item with no date, once per state of a
ledger, and reads any as-of date's findings off that table without a record or a rule: `status` with another
``--as-of`` on an unchanged ledger (issue 15). One source of truth for both.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Optional

from ..model.lifecycle import task_open
from .findings import Ctx, all_rules, rule

ONE_DAY = dt.timedelta(days=1)
NO_ARGS: Mapping[str, Any] = MappingProxyType({})  # a message with no arguments of its own (never mutated)


class Owed(NamedTuple):
    """A deadline an item owes on every as-of date from ``since`` to ``until`` (None: unbounded)."""

    rule: str
    kind: str
    id: str
    due: dt.date
    unit: Optional[str]
    since: Optional[dt.date]
    until: Optional[dt.date]
    title: str = ""
    ref: str = ""
    args: Mapping[str, Any] = NO_ARGS


class Unjudged(NamedTuple):
    """A deadline that cannot be computed (a note, ``code``), on every as-of date from ``since`` to ``until``."""

    code: str
    kind: str
    id: str
    ref: str
    args: dict
    since: Optional[dt.date]
    until: Optional[dt.date]


class ItemEnv(NamedTuple):
    """What a generator reads besides the item: the rules' settings, the ledger's start, and in a roll-up the
    members' word on delegated tasks (:func:`.levels.delegations`, for the as-of date asked; None otherwise)."""

    settings: Any
    start: dt.date
    delegated: Optional[dict] = None


Generator = Callable[[str, Any, ItemEnv, Optional[dt.date]], Iterable["Owed | Unjudged"]]
GENERATORS: dict[str, tuple[str, Generator]] = {}  # code -> (kind, generator), filled by item_rule


def before(day: Optional[dt.date]) -> Optional[dt.date]:
    """The last as-of date on which ``day`` has not happened yet (None when it never happens)."""
    return None if day is None else day - ONE_DAY


def meet(a: Optional[dt.date], b: Optional[dt.date]) -> Optional[dt.date]:
    """The earlier of two last days (None: unbounded)."""
    return b if a is None else a if b is None else min(a, b)


def owed_on(c: Owed | Unjudged, at: dt.date) -> bool:
    return (c.since is None or c.since <= at) and (c.until is None or at <= c.until)


def per_item_codes() -> list[str]:
    """The per-item rules, in the order :func:`.findings.evaluate` runs them."""
    return [code for code, r in all_rules().items() if r.per_item]


def item_rule(code: str, kind: str, article: str = "") -> Callable[[Generator], Generator]:
    """Register ``gen(item_id, item, env, at)`` as the per-item rule ``code`` about items of ``kind``."""

    def deco(gen: Generator) -> Generator:
        def judge(ctx: Ctx) -> None:
            at, last = ctx.as_of, ctx.last_day
            env = ItemEnv(ctx.settings, ctx.start, ctx.shared.get("delegated"))
            for item_id, item in _judged(ctx, kind):
                for c in gen(item_id, item, env, at):
                    if not owed_on(c, at):
                        continue
                    if isinstance(c, Unjudged):
                        ctx.note(c.code, c.kind, c.id, c.ref, **c.args)
                    elif c.due <= last:  # a deadline further away gives nothing: no message built
                        ctx.emit(c.rule, c.kind, c.id, c.due, c.unit, title=c.title, ref=c.ref, **c.args)

        judge.__doc__, judge.__name__ = gen.__doc__, gen.__name__
        rule(code, kind, article, per_item=True)(judge)
        GENERATORS[code] = (kind, gen)
        return gen

    return deco


def _judged(ctx: Ctx, kind: str) -> Iterable[tuple[str, Any]]:
    """The items a rule about ``kind`` judges: for tasks the open ones (computed once per evaluation, four rules
    ask), without the delegated tasks every member has completed; every item of the other kinds."""
    if kind != "task":
        return ctx.ledger.of(kind).items()
    found = ctx.shared.get("open_tasks")
    if found is None:
        as_of = ctx.as_of
        found = [(tid, t) for tid, t in ctx.ledger.tasks.items() if task_open(t, as_of)]
        delegated = ctx.shared.get("delegated")
        if delegated:  # a task carried out by a member whose tasks for it are all completed owes nothing here
            found = [(tid, t) for tid, t in found if not delegated.get(tid, (False, None))[0]]
        ctx.shared["open_tasks"] = found
    return found


__all__ = [
    "GENERATORS",
    "ItemEnv",
    "Owed",
    "Unjudged",
    "before",
    "item_rule",
    "meet",
    "owed_on",
    "per_item_codes",
]
