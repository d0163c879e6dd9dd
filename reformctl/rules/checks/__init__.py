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


# The checks that read the items of a kind for an error: each item's own fields, its references to units and plans,
# and the direction of supervision of notices and reminders (art. 11, from the units' types). No other check reads
# them for an error (the close-outs name their ids, which are their files' names; the plans' pilot warning and the
# notices' reporting warning are warnings), so an edit to such a file is checked by running these over the edited
# items alone (reformctl.incremental; tests/test_status_delta.py edits at random and compares with `check`).
ITEM_CHECKS: dict[str, tuple[Callable[[_Ctx], None], ...]] = {
    "task": (_tasks,),
    "pilot": (_pilots,),
    "notice": (_notices, _supervision),
    "reminder": (_reminders, _supervision),
}


def check_items(ledger: Ledger, kinds: Iterable[str], known_plans: Collection[str]) -> list[Diagnostic]:
    """The checks of :data:`ITEM_CHECKS` for ``kinds`` over ``ledger``, which may hold only some items of those
    kinds besides its settings and units; ``known_plans``: the plan ids of the whole ledger."""
    ctx = _Ctx(ledger)
    ctx.known_plans = known_plans
    for fn in dict.fromkeys(fn for kind in kinds for fn in ITEM_CHECKS[kind]):  # each once, in the table's order
        fn(ctx)
    return ctx.out
