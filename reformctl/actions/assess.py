"""Library entry points for the review schedule, the cases, the annual assessment and the accountability register
(issue 8), beside :mod:`reformctl.api`. The CLI calls these; they are usable from Python too."""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from ..model import Ledger
from ..rules import programme as rules


def schedule(ledger: Ledger, year: int, as_of: dt.date) -> list[rules.ScheduleRow]:
    return rules.review_schedule(ledger, year, as_of)


def cases(ledger: Ledger, year: int) -> rules.CasesReport:
    return rules.cases_report(ledger, year)


def assess(
    ledger: Ledger, year: int, as_of: Optional[dt.date] = None
) -> tuple[list[rules.Proposal], list[rules.RankRow]]:
    props = rules.propose_deductions(ledger, year, as_of)
    return props, rules.ranking(ledger, year, props)


def accountability(ledger: Ledger, year: Optional[int]):
    return rules.accountability_register(ledger, year)


def write_assessment(tx, rel: str, year: int, props: list[rules.Proposal]) -> int:
    """The store build of `assess --write`: add to ``rel`` (created when missing) every proposal that the
    file does not already record, keeping every manual entry, comment and score. A unit's recorded ``score``
    is lowered by the points added; a new unit entry gets ``score: 100 - points``. Returns how many were added.
    Runs inside :meth:`reformctl.store.Store.apply` (maybe twice): it reads the file's current text each time."""
    from ..model.records import Assessment
    from ..store import append_entry, set_key, to_commented

    order = list(Assessment.model_fields)
    unit_order = ["unit", "score", "deductions"]
    if tx.exists(rel):
        doc = tx.edit(rel)
        data = doc.data
        if not isinstance(data, dict):
            from ..store import BadRequest

            raise BadRequest(f"{rel} is not a mapping; fix it by hand first")
    else:
        doc = tx.create(rel, {"year": year, "units": []}, schema="assessment")
        data = doc.data
    if data.get("units") is None:
        set_key(data, "units", to_commented([]), order)
    units = data["units"]
    current = _plain_assessment(data, year)
    added = 0
    for p in props:
        if current is not None and rules._is_recorded(current, p):
            continue
        entry: Any = next((u for u in units if isinstance(u, dict) and u.get("unit") == p.unit), None)
        points = int(p.points) if float(p.points).is_integer() else p.points
        if entry is None:
            entry = to_commented({"unit": p.unit, "score": _num(100 - p.points), "deductions": []})
            units.append(entry)
        elif isinstance(entry.get("score"), (int, float)) and not isinstance(entry.get("score"), bool):
            entry["score"] = _num(entry["score"] - p.points)
        ded: dict[str, Any] = {"points": points, "reason": p.reason}
        if p.accountability:
            ded["accountability"] = p.accountability
        ded["extra"] = {"source": p.source, "rule": p.rule}
        if entry.get("deductions") is None:
            set_key(entry, "deductions", to_commented([]), unit_order)
        append_entry(entry, "deductions", ded, unit_order)
        added += 1
        current = _plain_assessment(data, year)
    return added


def _num(x: float):
    x = round(float(x), 2)
    return int(x) if x.is_integer() else x


def _plain_assessment(data, year: int):
    """The document as a validated :class:`Assessment` (None when it does not validate: then nothing counts as
    recorded and the store's validation reports the file)."""
    import json

    from pydantic import ValidationError

    from ..model.records import Assessment

    try:
        plain = json.loads(json.dumps(data, default=str))
        return Assessment.model_validate(plain)
    except (ValidationError, TypeError, ValueError):
        return None
