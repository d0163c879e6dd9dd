"""Checks beyond the schema: references, date order and the seed's articles. Pure functions, no I/O.

Each check yields :class:`~reformctl.model.Diagnostic` objects carrying a YAML ``path``; the load layer
turns paths into lines (:func:`reformctl.load.locate`). Every code is listed in :mod:`reformctl.i18n.catalogue`.
"""

from __future__ import annotations

from typing import Callable

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
