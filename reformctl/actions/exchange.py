"""Excel export and import (library level; the CLI calls these). An action: over the store, the rules and the
views, below :mod:`reformctl.api`.

Import = plan it (:func:`reformctl.actions.import_plan.plan_import`: read, merge, validate, nothing written), then
write only the items that really change, as ONE commit through :class:`reformctl.store.Store`
(:func:`write_import`). Nothing is written when any row has a problem.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Optional, cast

from ..model import KINDS_BY_NAME, Ledger
from .import_plan import ImportPlan, ImportProblem, UnreadableWorkbook, _data, plan_import  # noqa: F401 - the interface


# ---------------------------------------------------------------- traffic lights (from the deadline engine)
def item_lights(ledger: Ledger, as_of: dt.date, lang: str = "zh") -> dict[tuple[str, str], tuple[str, str]]:
    """(kind, id) -> (worst light, messages) of every item with a red or yellow finding as of ``as_of``.
    Problems of notices are keyed ("problem", "NOTICE#NO") as well as under their notice."""
    from ..rules.findings import findings

    out: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for f in findings(ledger, as_of):
        keys = [(f.kind, f.id)]
        if f.kind == "notice" and f.ref:
            keys.append(("problem", f"{f.id}#{str(f.ref).split('/')[0]}"))
        for key in keys:
            light, msgs = out.get(key, ("", []))
            if light != "red":
                light = f.light
            msgs.append(f.text(lang))
            out[key] = (light, msgs)
    return {k: (light, "\n".join(msgs)) for k, (light, msgs) in out.items()}


# ---------------------------------------------------------------- export
def export_xlsx(
    ledger: Ledger, path: Path, as_of: dt.date, *, quarter: Optional[str] = None, lang: str = "zh", progress=None
) -> dict[str, int]:
    from ..model.types import quarter_of
    from ..rules import summary as rs
    from ..views import xlsx
    from ..views.summary import LABELS, header, sections, title

    q = quarter or quarter_of(as_of)
    s = rs.quarter_summary(ledger, q, "unit")
    sections_data = rs.sections(ledger, s.first, s.last, as_of, s.period)
    rows = [
        [
            r.key or LABELS[lang]["no_group"],
            r.counts.tasks,
            r.counts.due_in_quarter,
            r.counts.completed_in_quarter,
            r.counts.overdue,
            r.counts.completion_rate,
        ]
        for r in s.rows
    ]
    t = s.totals
    rows.append(
        [LABELS[lang]["total"], t.tasks, t.due_in_quarter, t.completed_in_quarter, t.overdue, t.completion_rate]
    )
    L = LABELS[lang]
    summ = xlsx.ExportSummary(
        title(s, lang),
        header(s, lang),
        rows,
        notes=[(L["period"], f"{s.first} — {s.last}"), (L["as_of"], as_of.isoformat())],
        sections=sections(sections_data, lang),
    )
    return xlsx.write_workbook(
        path, ledger, as_of=as_of, lights=item_lights(ledger, as_of, lang), summary=summ, progress=progress, lang=lang
    )


# ---------------------------------------------------------------- import (planned in import_plan.py)
_DATE_TEXT = __import__("re").compile(r"^\d{4}-\d{2}-\d{2}$")


def _plain(value: Any) -> Any:
    """JSON data -> values for ruamel: ISO date strings become dates (written plain, ``2016-12-31``; the loader
    reads them back as the same text), containers are converted recursively."""
    if isinstance(value, str) and _DATE_TEXT.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _commented(value: Any) -> Any:
    """Plain data -> ruamel containers; lists of scalars in flow style (``[市科技局, 市财政局]``)."""
    from ..store import to_commented

    node = to_commented(value)
    _flow_scalar_lists(node)
    return node


def _flow_scalar_lists(node: Any) -> None:
    if isinstance(node, dict):
        for v in node.values():
            _flow_scalar_lists(v)
    elif isinstance(node, list):
        if node and all(not isinstance(v, (dict, list)) for v in node) and hasattr(node, "fa"):
            node.fa.set_flow_style()
        for v in node:
            _flow_scalar_lists(v)


def _update(node: Any, old: Any, new: Any, order: list[str]) -> bool:
    """Edit the round-trip ``node`` (whose data is ``old``, JSON) in place to hold ``new`` (JSON), touching only
    what differs: keys set or deleted one by one, lists of the same length edited entry by entry, entries
    appended in the style of the list. False when ``node`` cannot be edited in place (the caller replaces it)."""
    from ..store import set_key

    if isinstance(new, dict) and isinstance(old, dict) and hasattr(node, "items") and isinstance(node, dict):
        for k in list(node.keys()):
            if k not in new and k in old:
                del node[k]
        for k in order if set(order) >= set(new) else list(new):
            if k not in new or (k in old and old[k] == new[k] and k in node):
                continue
            if k in node and k in old and _update(node[k], old[k], new[k], []):
                continue
            set_key(cast(Any, node), k, _commented(_plain(new[k])), order)  # a round-trip map
        return True
    if isinstance(new, list) and isinstance(old, list) and isinstance(node, list) and len(node) == len(old):
        if len(new) == len(old):
            for i, (o, n) in enumerate(zip(old, new)):
                if o != n and not _update(node[i], o, n, []):
                    node[i] = _commented(_plain(n))
            return True
        if len(new) > len(old) and new[: len(old)] == old:
            last = node[-1] if node else None
            flow_maps = isinstance(last, dict) and hasattr(last, "fa") and cast(Any, last).fa.flow_style()
            for entry in new[len(old) :]:
                item = _commented(_plain(entry))
                if flow_maps and hasattr(item, "fa"):
                    item.fa.set_flow_style()
                node.append(item)
            return True
    return False


def write_import(
    root: Path,
    plan: ImportPlan,
    source: str,
    as_of: dt.date,
    *,
    dry_run: bool = False,
    author: Optional[str] = None,
    verify: bool = True,
    lang: str = "zh",
):
    """Write the planned changes as one commit (or only compute the diff with ``dry_run``); its message in
    ``lang``."""
    from ..i18n.write import Msg
    from ..store import Action, Store

    store = Store(root, author=author, verify=verify, lang=lang)
    ids = [c.id for c in plan.changes]

    def build(tx) -> None:
        for c in plan.changes:
            order = list(KINDS_BY_NAME[c.kind].model.model_fields)
            new = _data(c.new)
            if c.old is None or not tx.exists(c.rel):
                doc = tx.create(c.rel, {}, schema=c.kind)
                for k in order:
                    if k in new:
                        doc.data[k] = _commented(_plain(new[k]))
                continue
            doc = tx.edit(c.rel)
            if not _update(doc.data, _data(c.old), new, order):
                raise ValueError(f"{c.rel}: cannot edit this file in place")

    n_new, n_upd = len(plan.created), len(plan.updated)
    summary = Msg("cm_import", file=Path(source).name, new=n_new, changed=n_upd)
    body = [
        Msg("cm_import_new", id=c.id)
        if c.old is None
        else Msg("cm_import_changed", id=c.id, fields=", ".join(c.changed))
        for c in plan.changes
    ]
    return store.apply(Action("import", ids, summary, as_of, body=body), build, dry_run=dry_run)
