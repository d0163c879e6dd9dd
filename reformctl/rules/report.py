"""What the HTML report shows, as plain data: counts, the pilots and notices tables, the trend and the red list.

Pure: a function of the ledger, the findings and the as-of date. The words (headers, labels) are added by the
caller from the views; nothing here depends on a language except the red list's texts, which the findings
render themselves.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from ..model.lifecycle import pilot_running, task_open
from . import summary as rs


def open_items(ledger, as_of: dt.date, flagged: set[tuple[str, str]]) -> tuple[int, int, dict[str, int]]:
    """Open tasks and running pilots, and per unit the open items that carry no red or yellow light."""
    quiet: Counter[str] = Counter()
    open_tasks = running = 0
    for tid, t in ledger.tasks.items():
        if task_open(t, as_of):
            open_tasks += 1
            if ("task", tid) not in flagged:
                quiet[t.lead_unit] += 1
    for pid, p in ledger.pilots.items():
        if pilot_running(p, as_of):
            running += 1
            if ("pilot", pid) not in flagged:
                quiet[p.unit] += 1
    return open_tasks, running, dict(quiet)


def pilot_rows(ledger, as_of: dt.date, found: Iterable) -> list[dict]:
    """One row per pilot in order of start: its term, where it stands and its light (green while running)."""
    lights: dict[str, str] = {}
    for f in found:
        if f.kind == "pilot":
            lights.setdefault(f.id, f.light)  # the first finding of a pilot gives its light, as the list shows it
    rows = []
    for pid, p in sorted(ledger.pilots.items(), key=lambda kv: (kv[1].start, kv[0])):
        is_open = pilot_running(p, as_of)
        rows.append(
            {
                "id": pid,
                "title": p.title,
                "start": p.start,
                "end": p.end,
                "stop": p.exited or p.completed,
                "filed": p.filed,
                "status": p.status.value,
                "open": is_open,
                "light": lights.get(pid, "green" if is_open else ""),
            }
        )
    return rows


def notice_rows(ledger, as_of: dt.date) -> tuple[list[dict], int]:
    """One row per rectification notice (problems rectified and verified by the as-of date), and the problems
    still open over all notices."""
    rows, still_open = [], 0
    for nid, n in sorted(ledger.notices.items()):
        total = len(n.problems)
        rect = sum(1 for p in n.problems if p.rectified is not None and p.rectified <= as_of)
        ver = sum(1 for p in n.problems if p.verified is not None and p.verified <= as_of)
        still_open += total - rect
        rows.append(
            {
                "id": nid,
                "subject": n.subject or "",
                "total": total,
                "rectified": rect,
                "verified": ver,
                "rectified_only": rect - ver,
                "open": total - rect,
            }
        )
    return rows, still_open


def trend(ledger, as_of: dt.date, quarters: int = 8) -> list[dict]:
    """Due, done and completion rate of the last ``quarters`` quarters of the ledger up to the as-of date."""
    out = []
    for name in rs.ledger_quarters(ledger, as_of)[-quarters:]:
        c = rs.quarter_summary(ledger, name).totals
        out.append({"quarter": name, "due": c.due_in_quarter, "done": c.due_done, "rate": c.completion_rate})
    return out
