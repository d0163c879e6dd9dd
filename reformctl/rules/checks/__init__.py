"""Checks beyond the schema: references, date order and the seed's articles. Pure functions, no I/O.

Each check yields :class:`~reformctl.model.Diagnostic` objects carrying a YAML ``path``; the load layer
turns paths into lines (:func:`reformctl.load.locate`). Every code is listed in :mod:`reformctl.i18n.catalogue`.
"""

from __future__ import annotations

from typing import Callable, Collection, Iterable

from ...model import Diagnostic, Ledger
from .context import _Ctx
from .events import _accountability, _events
from .notices import _notices, _reminders, _reports
from .others import _others, _programme_duties
from .plans import _pilots, _plans
from .tasks import _tasks
from .units import _members, _reporting_lines, _settings, _supervision, _units

CHECKS: tuple[Callable[[_Ctx], None], ...] = (
    _settings,
    _units,
    _tasks,
    _pilots,
    _plans,
    _notices,
    _reminders,
    _reports,
    _events,
    _accountability,
    _others,
    _members,
    _supervision,
    _reporting_lines,
    _programme_duties,
)


def check_ledger(ledger: Ledger) -> list[Diagnostic]:
    """Every cross-record finding of ``ledger`` (paths set, lines not yet resolved)."""
    ctx = _Ctx(ledger)
    for fn in CHECKS:
        fn(ctx)
    return ctx.out


# The checks that read the items of a kind: each item's own fields and its references to units and plans. No
# other check reads those items (the close-outs name their ids, which are their files' names), so an edit to
# such a file is checked by running these over the edited items alone (reformctl.incremental).
ITEM_CHECKS: dict[str, Callable[[_Ctx], None]] = {
    "task": _tasks,
    "pilot": _pilots,
    "notice": _notices,
    "reminder": _reminders,
}


def check_items(ledger: Ledger, kinds: Iterable[str], known_plans: Collection[str]) -> list[Diagnostic]:
    """The checks of :data:`ITEM_CHECKS` for ``kinds`` over ``ledger``, which may hold only some items of those
    kinds besides its settings and units; ``known_plans``: the plan ids of the whole ledger."""
    ctx = _Ctx(ledger)
    ctx.known_plans = known_plans
    for kind in kinds:
        ITEM_CHECKS[kind](ctx)
    return ctx.out
