"""`reformctl new`: a new task, pilot, notice, reminder, report or event as one commit (see
:mod:`reformctl.actions.writes` for how an action and its build work).

The fields are checked as the records would check them, plus what only the whole ledger knows (units that
exist, the one reform office, the leading group); a refusal is a :class:`~reformctl.errors.BadRequest` with a
:class:`reformctl.i18n.write.Msg` message, raised before anything is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable, Optional

from ..i18n.commits import NEW_KIND_WORDS
from ..i18n.text import T
from ..i18n.write import Msg
from ..model import KINDS_BY_NAME
from ..model.lifecycle import INITIAL
from ..store import Action, BadRequest, Tx, next_id
from ..store.ids import PREFIX

from .writes import Build, _as_date


REQUIRED = {
    "task": ("title", "lead_unit", "due"),
    "pilot": ("title", "unit", "end"),
    "notice": ("to_unit", "problems"),
    "reminder": ("plan", "to", "report_due"),
    "report": ("unit", "quarter"),
    "event": ("kind", "unit"),
}


# the command-line option that gives each field of `reformctl new`
_OPTION_OF = {
    "lead_unit": "--lead-unit",
    "unit": "--unit",
    "to_unit": "--to-unit",
    "issued_by": "--issued-by",
    "special_group": "--special-group",
    "responsible_units": "--responsible",
    "to": "--to",
}


def _closest(unit: str, units) -> Msg | str:
    """ "did you mean" the unit ids that look like ``unit`` (a typo, a short name); empty when none does."""
    import difflib

    near = difflib.get_close_matches(unit, list(units), n=3, cutoff=0.5)
    near += [u for u in units if unit and unit in u and u not in near][: 3 - len(near)]
    if not near:
        return ""
    return Msg("hint_did_you_mean", units=T(", ".join(near), "、".join(near)))


def new_item(
    root: Path,
    kind: str,
    fields: dict[str, Any],
    as_of: dt.date,
    item_id: Optional[str] = None,
    year: Optional[int] = None,
) -> tuple[Action, Build, Callable[[], str]]:
    """Create an item of ``kind`` from ``fields`` (None values are left out) with the next free id.
    Returns the action, the build and a function giving the id chosen (after the build ran)."""
    k = KINDS_BY_NAME[kind]
    data = {key: v for key, v in fields.items() if v is not None and v != [] and v != ()}
    units = _units(root)
    for key in ("lead_unit", "unit", "to_unit", "issued_by", "special_group"):
        if key in data and units and data[key] not in units:
            raise BadRequest(
                Msg(
                    "unknown_unit_for", unit=data[key], option=_OPTION_OF.get(key, key), hint=_closest(data[key], units)
                )
            )
    for key in ("responsible_units", "to"):
        values = data.get(key) or []
        for u in [values] if isinstance(values, str) else values:  # a report's `to` is one unit, a reminder's a list
            if units and u not in units:
                raise BadRequest(
                    Msg("unknown_unit_in", unit=u, option=_OPTION_OF.get(key, key), hint=_closest(u, units))
                )
    for p in data.get("problems") or []:
        u = p.get("responsible") if isinstance(p, dict) else None
        if u is not None and units and u not in units:
            raise BadRequest(Msg("unknown_unit_in", unit=u, option="--problem '... @UNIT'", hint=_closest(u, units)))
    chosen: dict[str, str] = {}

    def build(tx: Tx) -> None:
        if item_id:
            the_id = item_id
        elif kind == "report":
            the_id = next_id(root, k.folder, f"{PREFIX[kind]}-{data['quarter']}", None)
        else:
            the_id = next_id(root, k.folder, PREFIX[kind], year or as_of.year)
        chosen["id"] = the_id
        rec = {"id": the_id}
        rec.update(_defaults(kind, data, as_of, year))
        for first, last in (("start", "due"), ("start", "end"), ("issued", "report_due")):
            if isinstance(rec.get(first), dt.date) and isinstance(rec.get(last), dt.date) and rec[first] > rec[last]:
                hint = Msg("hint_start_default") if first not in data else ""
                raise BadRequest(
                    Msg("date_order", first=first, a=rec[first], last=last.replace("_", "-"), b=rec[last], hint=hint)
                )
        tx.create(f"{k.folder}/{the_id}.yaml", _ordered(rec, k.model), schema=kind)

    label = NEW_KIND_WORDS[kind]
    title = data.get("title") or data.get("subject") or data.get("quarter") or ""

    action = Action("new", [], Msg("cm_new", kind=label), as_of)

    def finish() -> str:
        return chosen.get("id", "")

    def build_and_name(tx: Tx) -> None:
        build(tx)
        action.items[:] = [chosen["id"]]
        action.summary = (
            Msg("cm_new_titled", kind=label, id=chosen["id"], title=title)
            if title
            else Msg("cm_new_id", kind=label, id=chosen["id"])
        )

    return action, build_and_name, finish


def _units(root: Path) -> set[str]:
    from ..load import yamlread

    try:
        data = yamlread.parse((root / "units.yaml").read_text(encoding="utf-8"))
        return {str(u.get("id")) for u in data or [] if isinstance(u, dict)}
    except Exception:  # noqa: BLE001 - units.yaml problems are check's business
        return set()


def units_of_type(root: Path, unit_type: str) -> list[str]:
    """The ids of the units of ``unit_type`` in units.yaml ([] when it cannot be read: check's business)."""
    from ..load import yamlread

    try:
        data = yamlread.parse((root / "units.yaml").read_text(encoding="utf-8"))
        return [str(u.get("id")) for u in data or [] if isinstance(u, dict) and u.get("type") == unit_type]
    except Exception:  # noqa: BLE001 - units.yaml problems are check's business
        return []


def reform_offices(root: Path) -> list[str]:
    """The ids of the units of type reform_office in units.yaml (the default issuer of a notice when there is
    exactly one); of several, the one whose parent is a leading group of the ledger, if only one is."""
    from ..load import yamlread

    try:
        data = yamlread.parse((root / "units.yaml").read_text(encoding="utf-8"))
        units = [u for u in data or [] if isinstance(u, dict)]
        offices = [u for u in units if u.get("type") == "reform_office"]
        if len(offices) > 1:
            # the ledger's own office sits under its own leading group; an upper office (kept as a recipient of
            # reports) does not
            groups = {u.get("id") for u in units if u.get("type") == "leading_group"}
            own = [u for u in offices if u.get("parent") in groups]
            offices = own if len(own) == 1 else offices
        return [str(u.get("id")) for u in offices]
    except Exception:  # noqa: BLE001 - units.yaml problems are check's business
        return []


def parse_milestone(text: str) -> dict:
    """``制定实施方案@2025-04-30`` -> ``{"name": "制定实施方案", "due": 2025-04-30}`` (the last ``@`` splits)."""
    name, at, day = text.rpartition("@")
    due = _as_date(day.strip()) if at else None
    if not at or not name.strip():
        raise BadRequest(Msg("milestone_format", text=text))
    if due is None:
        raise BadRequest(Msg("milestone_date", value=day.strip(), text=text))
    return {"name": name.strip(), "due": due}


def _defaults(kind: str, data: dict, as_of: dt.date, year: Optional[int]) -> dict:
    out = dict(data)
    if kind == "task":
        out.setdefault("year", year or as_of.year)
        out.setdefault("start", as_of)
        out.setdefault("status", INITIAL["task"])
    elif kind == "pilot":
        out.setdefault("start", as_of)
        out.setdefault("status", INITIAL["pilot"])
    elif kind == "notice":
        out.setdefault("issued", as_of)
        out["problems"] = [dict(p, no=i + 1) if "no" not in p else p for i, p in enumerate(out["problems"])]
        out["problems"] = [{"no": p["no"], **{k: v for k, v in p.items() if k != "no"}} for p in out["problems"]]
    elif kind == "reminder":
        out.setdefault("issued", as_of)
    elif kind == "report":
        out.setdefault("submitted", as_of)
    elif kind == "event":
        out.setdefault("date", as_of)
    return out


def _ordered(rec: dict, model) -> dict:
    keys = list(model.model_fields)
    return {k: rec[k] for k in sorted(rec, key=lambda x: keys.index(x) if x in keys else len(keys))}


def parse_problem(text: str) -> dict:
    """``2016-12-31 台账更新不及时`` or ``2016-12-31 台账更新不及时 @某区委`` -> a problem dict."""
    parts = text.strip().split(None, 1)
    if len(parts) != 2:
        raise BadRequest(Msg("problem_format", text=text))
    due = _as_date(parts[0])
    if due is None:
        raise BadRequest(Msg("problem_date", value=parts[0]))
    desc, responsible = parts[1], None
    if " @" in desc:
        desc, responsible = desc.rsplit(" @", 1)
    out = {"description": desc.strip(), "responsible": responsible.strip() if responsible else None, "due": due}
    return {k: v for k, v in out.items() if v is not None}
