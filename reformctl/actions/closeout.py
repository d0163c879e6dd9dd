"""Year-end close-out (年末集中盘点、销账, R13) and the write-off of plans whose tasks are all done (R9).

:func:`plan_closeout` computes, from the ledger, what `reformctl close-out --year Y` will do; :func:`closeout_build`
turns it into one commit: completed tasks due on or before 31 December of Y get ``status: closed`` and
``closed: <as-of>``; plans whose tasks are all done are written off the same way; carry-overs given on the
command line or in a file are written into their tasks; ``closeouts/Y.yaml`` records ``year``, ``date``,
``closed`` and ``carried_over``. While an unfinished task due on or before 31 December has no carry-over, the
close-out is refused and nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ..i18n.faults import os_reason
from ..i18n.write import Msg
from ..model import Ledger, Plan, PlanStatus, Task, TaskStatus
from ..store import Action, BadRequest, StoreError, Tx, set_key, to_commented


@dataclass
class CarryIn:
    id: str
    reason: str
    measures: str
    new_due: dt.date

    def as_dict(self) -> dict:
        return {"id": self.id, "reason": self.reason, "measures": self.measures, "new_due": self.new_due.isoformat()}


@dataclass
class Blocker:
    id: str
    title: str
    due: dt.date
    status: str
    unit: str

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "due": self.due.isoformat(),
            "status": self.status,
            "unit": self.unit,
        }


@dataclass
class CloseOutPlan:
    year: int
    as_of: dt.date
    close_tasks: list[str] = field(default_factory=list)
    close_plans: list[str] = field(default_factory=list)
    carried: list[CarryIn] = field(default_factory=list)  # every carried-over item (given now or already there)
    write_carry: list[CarryIn] = field(default_factory=list)  # those to write into their task now
    blocking: list[Blocker] = field(default_factory=list)

    @property
    def closed(self) -> list[str]:
        return self.close_tasks + self.close_plans

    def as_dict(self) -> dict:
        return {
            "year": self.year,
            "date": self.as_of.isoformat(),
            "closed": self.closed,
            "carried_over": [c.as_dict() for c in self.carried],
            "blocking": [b.as_dict() for b in self.blocking],
        }


# ---------------------------------------------------------------- carry-overs from the command line or a file
def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise BadRequest(Msg("co_new_due", where=where, value=value)) from None


def _carry(entry: dict, where: str) -> CarryIn:
    aliases = {
        "编号": "id",
        "事项": "id",
        "原因": "reason",
        "未完成原因": "reason",
        "措施": "measures",
        "整改措施": "measures",
        "新时限": "new_due",
        "新的完成时限": "new_due",
    }
    e = {aliases.get(str(k).strip(), str(k).strip()): v for k, v in entry.items() if k is not None}
    missing = [k for k in ("id", "reason", "measures", "new_due") if not str(e.get(k) or "").strip()]
    if missing:
        raise BadRequest(Msg("co_missing", where=where, fields=", ".join(missing)))
    return CarryIn(
        str(e["id"]).strip(), str(e["reason"]).strip(), str(e["measures"]).strip(), _date(e["new_due"], where)
    )


def read_carry_file(path: Path) -> list[CarryIn]:
    """Carry-overs from a CSV (header id,reason,measures,new_due; Chinese headers 编号,原因,措施,新时限 too) or
    a YAML file (a list of {id, reason, measures, new_due}, or a mapping id -> {reason, measures, new_due})."""
    from ..load import yamlread

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadRequest(Msg("co_cannot_read", path=path, why=os_reason(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadRequest(Msg("co_not_utf8", path=path)) from None
    out: list[CarryIn] = []
    if path.suffix.lower() == ".csv":
        for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            out.append(_carry(row, f"{path.name}:{n}"))
        return out
    try:
        data = yamlread.parse(text)
    except yamlread.YamlProblem as p:
        raise BadRequest(Msg("co_file_yaml", file=path.name, line=p.line, error=p.message)) from None
    if isinstance(data, dict):
        data = [dict(v or {}, id=k) if isinstance(v, dict) else {"id": k} for k, v in data.items()]
    if not isinstance(data, list):
        raise BadRequest(Msg("co_not_list", file=path.name))
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            raise BadRequest(Msg("co_entry_not_mapping", file=path.name, n=i + 1))
        out.append(_carry(entry, f"{path.name} entry {i + 1}"))
    return out


# ---------------------------------------------------------------- the plan
def plan_closeout(ledger: Ledger, year: int, as_of: dt.date, given: Sequence[CarryIn] = ()) -> CloseOutPlan:
    """What the close-out of ``year`` does. Raises BadRequest for carry-overs that do not apply."""
    end = dt.date(year, 12, 31)
    plan = CloseOutPlan(year, as_of)
    by_id: dict[str, CarryIn] = {}
    for c in given:
        if c.id in by_id:
            raise BadRequest(Msg("co_carry_twice", id=c.id))
        by_id[c.id] = c
    tasks: dict[str, Task] = ledger.tasks
    for cid, c in by_id.items():
        t = tasks.get(cid)
        if t is None:
            raise BadRequest(Msg("co_carry_no_task", id=cid))
        if t.due > end or not t.status.is_open:
            raise BadRequest(Msg("co_carry_not_open", id=cid, end=end, status=t.status.value, due=t.due))
        if c.new_due <= t.due:
            raise BadRequest(Msg("co_carry_not_after", id=cid, new_due=c.new_due, due=t.due))
    for tid in sorted(tasks):
        t = tasks[tid]
        if t.due > end:
            continue
        st = t.status.value
        if t.status is TaskStatus.completed:
            _not_before_completion(tid, t.completed, as_of)
            plan.close_tasks.append(tid)
        elif t.status.is_open:
            if tid in by_id:
                plan.carried.append(by_id[tid])
                plan.write_carry.append(by_id[tid])
            elif t.carry_over is not None:
                co = t.carry_over
                plan.carried.append(CarryIn(tid, co.reason, co.measures, co.new_due))
            else:
                plan.blocking.append(Blocker(tid, t.title, t.due, st, t.lead_unit))
    closing = set(plan.close_tasks)
    plans: dict[str, Plan] = ledger.plans
    by_source: dict[str, list[Task]] = {}
    for t in tasks.values():
        if t.source in plans:
            by_source.setdefault(t.source, []).append(t)
    for pid in sorted(plans):
        p = plans[pid]
        if p.status is not PlanStatus.issued:
            continue
        mine = by_source.get(pid, [])
        if not mine:
            continue
        finished = all(t.status in (TaskStatus.closed, TaskStatus.cancelled) or t.id in closing for t in mine)
        if finished and any(t.status is not TaskStatus.cancelled for t in mine):
            plan.close_plans.append(pid)
    return plan


def _not_before_completion(item_id: str, completed, as_of: dt.date) -> None:
    """A write-off is dated --as-of; it cannot come before the completion it writes off (`check`: date_order)."""
    if completed is not None and completed > as_of:
        raise BadRequest(Msg("co_before_completion", id=item_id, completed=completed, as_of=as_of))


def closeout_build(ledger: Ledger, plan: CloseOutPlan):
    """The build function (for Store.apply) writing the plan; refuses if the plan has blocking items."""
    if plan.blocking:
        raise StoreError(Msg("co_blocking", n=len(plan.blocking), year=plan.year))
    as_of = plan.as_of
    rel = f"closeouts/{plan.year}.yaml"

    def build(tx: Tx) -> None:
        for tid in plan.close_tasks:
            _write_off(tx, ledger.file_of("task", tid), list(Task.model_fields), as_of)
        for pid in plan.close_plans:
            _write_off(tx, ledger.file_of("plan", pid), list(Plan.model_fields), as_of)
        for c in plan.write_carry:
            data = tx.edit(ledger.file_of("task", c.id)).data
            set_key(
                data,
                "carry_over",
                to_commented({"reason": c.reason, "measures": c.measures, "new_due": c.new_due}),
                list(Task.model_fields),
            )
        record_closeout(tx, rel, plan.year, as_of, plan.closed, plan.carried)

    return build


def _write_off(tx: Tx, rel: str, order: list[str], as_of: dt.date) -> None:
    # tasks and plans are written off to the same status (lifecycle.CLOSED)
    if tx.quick_set(rel, {"status": TaskStatus.closed.value, "closed": as_of}, order):  # same bytes, no round trip
        return
    data = tx.edit(rel).data
    data["status"] = TaskStatus.closed.value
    set_key(data, "closed", as_of, order)


def record_closeout(tx: Tx, rel: str, year: int, as_of: dt.date, closed: list[str], carried: list[CarryIn]) -> None:
    """Write (or extend) ``closeouts/<year>.yaml``."""
    co = [{"id": c.id, "reason": c.reason, "measures": c.measures, "new_due": c.new_due} for c in carried]
    if not tx.exists(rel):
        tx.create(rel, {"year": year, "date": as_of, "closed": list(closed), "carried_over": co}, schema="closeout")
        return
    data = tx.edit(rel).data
    order = ["year", "date", "closed", "carried_over"]
    set_key(data, "date", as_of, order)
    seq = data.get("closed")
    if seq is None:
        set_key(data, "closed", to_commented([]), order)
        seq = data["closed"]
    for cid in closed:
        if cid not in list(seq):
            seq.append(cid)
    cseq = data.get("carried_over")
    if cseq is None:
        set_key(data, "carried_over", to_commented([]), order)
        cseq = data["carried_over"]
    for entry in co:
        for i, old in enumerate(list(cseq)):
            if str(old.get("id")) == entry["id"]:
                cseq[i] = to_commented(entry)
                break
        else:
            cseq.append(to_commented(entry))


def closeout_action(plan: CloseOutPlan) -> Action:

    body = []
    if plan.close_tasks or plan.close_plans:
        body.append(Msg("cm_closed_ids", ids=", ".join(plan.closed)))
    if plan.carried:
        body.append(Msg("cm_carried_ids", ids=", ".join(f"{c.id}→{c.new_due}" for c in plan.carried)))
    return Action(
        "close-out",
        plan.closed + [c.id for c in plan.write_carry],
        Msg("cm_close_year", year=plan.year, closed=len(plan.closed), carried=len(plan.carried)),
        plan.as_of,
        body=body,
    )


# ---------------------------------------------------------------- one item
def close_one(ledger: Ledger, item_id: str, as_of: dt.date):
    """Write off one completed task, or one plan whose tasks are all done: (Action, build)."""
    if item_id in ledger.tasks:
        t = ledger.tasks[item_id]
        if t.status is TaskStatus.closed:
            raise StoreError(Msg("co_already_closed", id=item_id, date=t.closed))
        if t.status is not TaskStatus.completed:
            raise StoreError(Msg("co_not_completed", id=item_id, status=t.status.value))
        _not_before_completion(item_id, t.completed, as_of)
        kind, order, year = "task", list(Task.model_fields), t.due.year
    elif item_id in ledger.plans:
        p = ledger.plans[item_id]
        if p.status is PlanStatus.closed:
            raise StoreError(Msg("co_already_closed", id=item_id, date=p.closed))
        open_ = [t.id for t in ledger.tasks.values() if t.source == item_id and t.status.is_open]
        if open_:
            raise StoreError(Msg("co_plan_open", id=item_id, ids=", ".join(sorted(open_))))
        if p.status is not PlanStatus.issued:
            raise StoreError(Msg("co_plan_not_issued", id=item_id, status=p.status.value))
        kind, order, year = "plan", list(Plan.model_fields), as_of.year
    else:
        raise BadRequest(Msg("co_no_item", id=item_id))
    rel = ledger.file_of(kind, item_id)
    record = f"closeouts/{year}.yaml"

    def build(tx: Tx) -> None:
        _write_off(tx, rel, order, as_of)
        if tx.exists(record):  # after the year's close-out: add it to that year's record
            seq = tx.edit(record).data.get("closed")
            if seq is not None and item_id not in list(seq):
                seq.append(item_id)

    return Action("close-out", [item_id], Msg("cm_close_one", id=item_id), as_of), build
