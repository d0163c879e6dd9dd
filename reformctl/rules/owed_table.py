"""What a ledger's items owe on any date, as a table, and a date's findings read off it (issue 15).

:func:`owed_table` asks every per-item rule's generator (:mod:`.owed`) about every item, with no date, and keeps
the answers as plain data, cheap to remember between runs and to read back: columns of integers (the due date,
the first and last as-of dates on which each deadline is owed, the item, the rule, the unit, the names of the
message's arguments) and the few distinct strings and argument values once each. Rows are sorted by due date,
then as a full evaluation sorts its findings within a light (id, ref, unit, rule, then the order the rules gave
them): the red findings as of a date are the owed rows due before it, the yellow ones those due within
``due_soon_days`` after, in this order. :func:`owed_at` reads them without a record or a rule.
"""

from __future__ import annotations

import array
import bisect
import datetime as dt
import operator
from typing import Any, Optional

from .. import i18n
from ..model.types import DATE_MIN
from .findings import Ctx, Note
from .owed import GENERATORS, ItemEnv, Unjudged, per_item_codes

_NEVER = 0  # the ordinals standing for an unbounded since / until
_EVER = dt.date.max.toordinal() + 1
COLUMNS = ("due", "since", "until", "item", "rule", "unit", "keys")
PARTS: dict[str, type] = {**dict.fromkeys(COLUMNS, bytes), "items": list, "codes": list, "units": list, "keysets": list}
PARTS.update({"refs": list, "vals": list, "notes": list, "soon": int})


def owed_table(ledger: Any) -> dict:
    """Everything the ledger's items owe on any date (see the module's text), as plain data."""
    ctx = Ctx(ledger, DATE_MIN)  # for the settings: no date is read
    env = ItemEnv(ctx.settings, ctx.start, None)
    codes = per_item_codes()
    tuples: dict[tuple, tuple] = {}  # each distinct argument values once: remembered (and read back) once
    items: dict[tuple[str, str], int] = {}
    titles: list[str] = []
    units: dict[str, int] = {}
    keysets: dict[tuple, int] = {}
    order: list[tuple] = []  # how each row sorts
    cols: tuple[list, ...] = tuple([] for _ in COLUMNS)
    due_col, since_col, until_col, item_col, rule_col, unit_col, keys_col = cols
    refs: list[str] = []
    vals: list[tuple] = []
    notes: list[tuple] = []
    for r, code in enumerate(codes):
        kind, gen = GENERATORS[code]
        for item_id, item in ledger.of(kind).items():
            at = -1
            for c in gen(item_id, item, env, None):
                if isinstance(c, Unjudged):
                    note = (c.id, c.kind, c.code, c.ref, ledger.file_of(c.kind, c.id), c.args, (code,))
                    notes.append((_day(c.since, _NEVER), _day(c.until, _EVER), note))
                    continue
                if at < 0:
                    at = items.setdefault((kind, item_id), len(items))
                    if at == len(titles):  # the rules give every finding of an item its title
                        titles.append(c.title)
                unit = c.unit or ""
                due = c.due.toordinal()
                values = tuple(c.args.values())
                order.append((due, item_id, c.ref, unit, code))
                due_col.append(due)
                since_col.append(_NEVER if c.since is None else c.since.toordinal())
                until_col.append(_EVER if c.until is None else c.until.toordinal())
                item_col.append(at)
                rule_col.append(r)
                unit_col.append(units.setdefault(unit, len(units)))
                keys_col.append(keysets.setdefault(tuple(c.args), len(keysets)))
                refs.append(c.ref)
                vals.append(tuples.setdefault((values, tuple(map(type, values))), values))  # 1 and True apart
    ranked = sorted(range(len(order)), key=order.__getitem__)  # stable: the rules' own order breaks ties
    pick = operator.itemgetter(*ranked) if len(ranked) > 1 else (lambda col: tuple(col))
    out: dict[str, Any] = {name: array.array("i", pick(col)).tobytes() for name, col in zip(COLUMNS, cols)}
    out["items"] = [(i, k, titles[n], ledger.file_of(k, i)) for n, (k, i) in enumerate(items)]
    out.update(codes=codes, units=list(units), keysets=list(keysets), refs=list(pick(refs)), vals=list(pick(vals)))
    out.update(notes=notes, soon=ctx.soon)
    return out


def patch_table(table: dict, ledger: Any, edited: set[tuple[str, str]]) -> Optional[dict]:
    """``table`` with what the ``edited`` items (kind, id) owe made again from ``ledger`` (which holds them, and
    the settings): their rows and notes replaced, every other row kept where it was. None when the table was
    made by other rules."""
    new = owed_table(ledger)
    if new["codes"] != table["codes"]:
        return None
    items = list(table["items"])
    where = {(kind, item_id): n for n, (item_id, kind, _title, _file) in enumerate(items)}
    renumber = []
    for entry in new["items"]:
        n = where.setdefault((entry[1], entry[0]), len(items))
        items[n : n + 1] = [entry]  # replaced, or added at the end
        renumber.append(n)
    units, keysets = list(table["units"]), list(table["keysets"])
    unit_of = [_index(units, u) for u in new["units"]]
    keys_of = [_index(keysets, k) for k in new["keysets"]]
    old = [array.array("i", table[c]) for c in COLUMNS]
    add = [array.array("i", new[c]) for c in COLUMNS]
    add[3] = array.array("i", [renumber[n] for n in add[3]])
    add[5] = array.array("i", [unit_of[n] for n in add[5]])
    add[6] = array.array("i", [keys_of[n] for n in add[6]])
    gone = {where[key] for key in edited if key in where}
    codes, refs = table["codes"], table["refs"]

    def key(j: int) -> tuple:
        return _key_of(old, refs, j, items, units, codes)

    # each new row goes after every old row sorting before or with it (never one of another item: ids differ);
    # the rows of the edited items go: the rest is copied in slices, in order
    n_old = len(refs)
    events = [
        (bisect.bisect_right(range(n_old), _key_of(add, new["refs"], m, items, units, codes), key=key), 0, m)
        for m in range(len(new["refs"]))
    ]
    events += [(j, 1, 0) for j, item in enumerate(old[3]) if item in gone]
    events.sort()

    def splice(before: Any, now: Any, out: Any) -> Any:
        start = 0
        for pos, dropped, m in events:
            out += before[start:pos]
            if dropped:
                start = pos + 1
            else:
                out.append(now[m])
                start = pos
        out += before[start:]
        return out

    out: dict[str, Any] = {name: splice(old[c], add[c], array.array("i")).tobytes() for c, name in enumerate(COLUMNS)}
    out.update(items=items, codes=codes, units=units, keysets=keysets)
    out.update(refs=splice(refs, new["refs"], []), vals=splice(table["vals"], new["vals"], []))
    kept_notes = [n for n in table["notes"] if (n[2][1], n[2][0]) not in edited]
    out.update(notes=kept_notes + new["notes"], soon=new["soon"])
    return out


def _key_of(cols: list, refs: list, m: int, items: list, units: list, codes: list) -> tuple:
    """How row ``m`` of ``cols`` sorts (as :func:`owed_table` sorts)."""
    return (cols[0][m], items[cols[3][m]][0], refs[m], units[cols[5][m]], codes[cols[4][m]])


def _index(values: list, value: Any) -> int:
    """The position of ``value`` in ``values`` (appended when missing)."""
    try:
        return values.index(value)
    except ValueError:
        values.append(value)
        return len(values) - 1


def _day(day: Optional[dt.date], unbounded: int) -> int:
    return unbounded if day is None else day.toordinal()


def whole(table: object) -> bool:
    """``table`` is what :func:`owed_table` makes (as read back from the cache): its parts, and as many of each
    row's values in every column."""
    if not (type(table) is dict and all(type(table.get(k)) is t for k, t in PARTS.items())):
        return False
    size = array.array("i").itemsize
    n = len(table["refs"])
    return len(table["vals"]) == n and all(len(table[c]) == n * size for c in COLUMNS)


def owed_at(table: dict, as_of: dt.date, lang: str = "en", *, bare: bool = False) -> tuple[list[tuple], list[Note]]:
    """The red and yellow findings of the per-item rules as of ``as_of`` as rows (:meth:`Finding.to_row`, their
    message in ``lang``; ``bare``: without their arguments, None instead, for the JSON alone), in the order of a
    full evaluation, and their notes, read off :func:`owed_table`."""
    due, since, until, item, rule, unit, keys = (array.array("i", table[n]) for n in COLUMNS)
    items, codes, units, keysets, refs, vals = (
        table[n] for n in ("items", "codes", "units", "keysets", "refs", "vals")
    )
    d, message, day = as_of.toordinal(), i18n.message, dt.date.fromordinal
    said: dict[tuple, str] = {}  # the same rule, arguments and days: the same message (a task's updates...)
    rows: list[tuple] = []
    for i in range(bisect.bisect_right(due, d + table["soon"])):
        if not since[i] <= d <= until[i]:
            continue
        item_id, kind, title, file = items[item[i]]
        r, k, v, on = rule[i], keys[i], vals[i], due[i]
        days, due_day = d - on, day(on)
        text = said.get((r, k, v, on))
        args = None
        if text is None or not bare:
            args = dict(zip(keysets[k], v))
            args["due"] = due_day.isoformat()
            if text is None:
                text = said[(r, k, v, on)] = message(codes[r], args, days, lang)
        light = "red" if days > 0 else "yellow"
        rows.append(
            (item_id, kind, codes[r], due_day, days, light, units[unit[i]], text, title, file, refs[i], "", args)
        )
    return rows, [Note(*n) for lo, hi, n in table["notes"] if lo <= d <= hi]


__all__ = ["owed_at", "owed_table", "patch_table", "whole"]
