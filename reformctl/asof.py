"""`status` with another ``--as-of`` on an unchanged ledger, without reading a record (issue 15: 100,000 items).

When `status` computes its findings in full on a state it can trust (:mod:`reformctl.load.memo`), it also
remembers what every item owes on any date (:func:`~reformctl.rules.owed_table.owed_table`: the per-item rules
asked once about every item, each deadline with the first and last dates on which it is owed), made side by side
when there is a CPU to spare (:func:`start_owed`); an edit that `status` builds on the earlier answer
(:mod:`reformctl.incremental`) patches the earlier state's table for the new one (:func:`start_patch`). Another
as-of date on a state with a table reads the per-item findings off it and runs the rules that are not per item
(the period obligations) over the records remembered with the state's base: the same findings and notes, in the
same order, as a full evaluation, which the tests compare date by date. When any of it is missing (a state
reached otherwise, a cache written by another version), the answer is computed in full, and that run remembers
the table. :mod:`reformctl.ahead` makes this answer while the stamp is taken.
"""

from __future__ import annotations

import datetime as dt
import heapq
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from .base.lifetime import forked

if TYPE_CHECKING:
    from .api import StatusData
    from .load.memo import Memo
    from .model import Ledger

OWED_KEY = ("status", "owed")


def remember_owed(memo: Memo, ledger: Ledger) -> None:
    """What the items of ``ledger`` (computed in full, on the memo's state) owe on any date, remembered."""
    from .load.pickling import dumps
    from .rules.owed_table import owed_table

    # with the settings it was made under: what an answer read off it depends on is remembered, never re-read
    memo.put(OWED_KEY, {**owed_table(ledger), "settings": dumps(ledger.settings)})


def start_owed(memo: Optional[Memo], ledger: Ledger) -> Optional[int]:
    """:func:`remember_owed`, in a forked process while this one computes the answer when there is a CPU to
    spare and a ledger large enough (the process id, for :func:`~reformctl.base.lifetime.wait_for`), else here and
    now (None); once per trusted state. Making it costs about as much as the per-item rules: side by side, the
    first run on a state takes no longer."""
    if memo is None or not memo.stamp.trusted or memo.get(OWED_KEY) is not None:
        return None
    return _side_by_side(lambda: remember_owed(memo, ledger), sum(map(len, ledger.items.values())))


def start_patch(memo: Memo, base: str, judged: Callable[[], Optional[tuple]]) -> Optional[int]:
    """After an edit built on the state ``base`` (its digest): that state's table with the edited items made again
    (``judged()``: :func:`reformctl.incremental._judge`'s answer, its ledger holding them), remembered for this
    state, side by side as :func:`start_owed`. Nothing when the last table is not ``base``'s."""
    if not memo.stamp.trusted:
        return None
    listed = len(memo.stamp.listing[0]) if memo.stamp.listing is not None else 0
    return _side_by_side(lambda: _patch(memo, base, judged), listed)


def _patch(memo: Memo, base: str, judged: Callable[[], Optional[tuple]]) -> None:
    from .rules.checks import ITEM_CHECKS
    from .rules.owed_table import patch_table, whole

    found = memo.latest(OWED_KEY)
    if found is None or found[0] != base or not whole(found[1]) or type(found[1].get("settings")) is not bytes:
        return
    made = judged()
    if made is None:  # an edit with an error: no answer is built on it, nor a table
        return
    ledger = made[0]
    edited = {(kind, item_id) for kind, bucket in ledger.items.items() if kind in ITEM_CHECKS for item_id in bucket}
    patched = patch_table(found[1], ledger, edited)
    if patched is not None:
        memo.put(OWED_KEY, {**patched, "settings": found[1]["settings"]})  # an edit of items: the same settings


def _side_by_side(work: Callable[[], None], size: int) -> Optional[int]:
    """``work()`` in a forked process (its id) when there is a CPU to spare and ``size`` files are worth it, else
    here and now (None)."""
    from .load.pool import PARALLEL_MIN_FILES, worker_count

    pid = forked(work) if size >= PARALLEL_MIN_FILES and worker_count(None, PARALLEL_MIN_FILES) >= 2 else None
    if pid is None:  # one CPU, a small ledger, or no process to be had: made here
        work()
    return pid


def status_another_date(root: Path, as_of: dt.date, memo: Memo, json_lang: Optional[str]) -> Optional[StatusData]:
    """The findings as of ``as_of`` from what this very state owes on any date and the records remembered with
    its base; None when either is missing (the caller then computes them in full)."""
    from .incremental import BASE_KEY, _obligations_again, _recall_rest
    from .rules.owed_table import whole

    table = memo.get(OWED_KEY)
    base = memo.get(BASE_KEY)
    if not whole(table) or not (type(base) is tuple and len(base) == 4 and type(base[3]) is str):
        return None
    rest = _recall_rest(memo, base[3])
    if rest is None:
        return None
    from .load.pickling import loads
    from .model import Ledger as _Ledger, Settings

    try:
        settings = loads(table["settings"]) if type(table.get("settings")) is bytes else None
    except Exception:  # noqa: BLE001 - damaged or foreign: the answer is computed in full
        settings = None
    if type(settings) is not Settings:
        return None
    units = rest[0].get("unit", {})
    again = _obligations_again(memo, base[3], _Ledger(root=root, settings=settings, items={"unit": units}), as_of, rest)
    if again is None:
        return None
    return _answer(memo, as_of, table, again, frozenset(units), json_lang)


def _answer(
    memo: Memo, as_of: dt.date, table: dict, again: tuple, unit_ids: frozenset, json_lang: Optional[str]
) -> StatusData:
    """The per-item rows read off the table and the obligations' findings, merged in the order of a full
    evaluation; with ``json_lang`` the JSON objects only (written and remembered), else the rows."""
    from .api import StatusData
    from .incremental import status_key
    from .rules.findings import merge_notes, row_sort_key
    from .rules.owed_table import owed_at

    rows, notes = owed_at(table, as_of, json_lang or "en", bare=bool(json_lang))  # the JSON's language
    other = [f.to_row() for f in again[0]]
    if json_lang and json_lang != "en":
        other = [(*r[:7], f.text(json_lang), *r[8:]) for f, r in zip(again[0], other)]

    merged = list(heapq.merge(rows, other, key=row_sort_key))  # each in order already; rules tell ties apart
    keys = [(r[6], r[1], r[2], r[5]) for r in merged]
    note_rows = [n.to_row() for n in merge_notes(notes + list(again[1]))]
    if memo.stamp.trusted:
        memo.put(status_key("keys", as_of), (keys, note_rows, sorted(unit_ids)))
    if not json_lang:
        memo.put(status_key("rows", as_of), merged)
        return StatusData(as_of, keys, note_rows, unit_ids, rows=merged)
    from .views.jsonfast import Fragments
    from .views.status import row_fragments

    fragments = Fragments.of(row_fragments(merged))  # its rows lack their arguments: only the JSON is remembered
    memo.put(status_key("json", as_of, json_lang), (fragments.blob, fragments.ends))
    return StatusData(as_of, keys, note_rows, unit_ids, fragments=fragments)


__all__ = ["OWED_KEY", "remember_owed", "start_owed", "start_patch", "status_another_date"]
