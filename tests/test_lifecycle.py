"""The vocabulary of the lifecycle is said once, on the model (reformctl/model/lifecycle.py and the status
enums); the rest of the package asks it instead of comparing status strings."""

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

import reformctl
from reformctl.model import lifecycle
from reformctl.model.records import PilotStatus, PlanStatus, TaskStatus

PKG = Path(reformctl.__file__).parent
D = dt.date


def test_every_status_has_a_rank_and_a_meaning():
    for kind, enum in (("task", TaskStatus), ("plan", PlanStatus), ("pilot", PilotStatus)):
        assert set(lifecycle.RANKS[kind]) == {s.value for s in enum}, kind
        assert any(s.is_open for s in enum) and not all(s.is_open for s in enum), kind
    assert [s.value for s in TaskStatus if s.is_done] == ["completed", "closed"]
    assert lifecycle.TASK_ENDED == ("completed", "closed", "cancelled")
    assert [s.value for s in PlanStatus if s.is_issued] == ["issued", "closed"]
    assert lifecycle.INITIAL == {"task": "planned", "pilot": "active"}


@pytest.mark.parametrize(
    ("kind", "old", "new", "back"),
    [
        ("task", "completed", "in_progress", True),
        ("task", "in_progress", "completed", False),
        ("task", "cancelled", "completed", False),
        ("task", "closed", "completed", True),
        ("plan", "issued", "drafting", True),
        ("pilot", "exited", "adjusted", True),
        ("pilot", "active", "adjusted", False),
        ("task", "finished", "planned", False),
        ("notice", "a", "b", False),
        ("task", None, "planned", False),
    ],
)
def test_backwards_moves(kind, old, new, back):
    assert lifecycle.is_backwards(kind, old, new) is back


def test_open_on_a_date():
    task = SimpleNamespace(status=TaskStatus.completed, completed=D(2016, 6, 1), start=D(2016, 1, 1))
    assert lifecycle.task_open(task, D(2016, 5, 31)) and not lifecycle.task_open(task, D(2016, 6, 1))
    assert lifecycle.task_open_between(task, D(2016, 6, 1), D(2016, 6, 30))
    assert not lifecycle.task_open_between(task, D(2016, 6, 2), D(2016, 6, 30))
    task.status = TaskStatus.cancelled
    assert not lifecycle.task_open(task, D(2016, 1, 1))
    pilot = SimpleNamespace(status=PilotStatus.adjusted, start=D(2016, 1, 1), exited=None, completed=D(2016, 9, 1))
    assert lifecycle.pilot_running(pilot, D(2016, 8, 31)) and not lifecycle.pilot_running(pilot, D(2016, 9, 1))
    assert not lifecycle.pilot_running(pilot, D(2015, 12, 31))


def test_no_status_is_compared_as_a_string_outside_the_model():
    statuses = "|".join(sorted({s.value for e in (TaskStatus, PlanStatus, PilotStatus) for s in e}))
    compared = re.compile(
        r"status(?:\.value|\(data\)|\b)\s*(?:==|!=|\bin\b|\bnot in\b)\s*\(?\s*\"(?:" + statuses + ')"'
    )
    assigned = re.compile(r"\[\"status\"\]\s*=\s*\"(?:" + statuses + ')"')
    files = [p for p in PKG.rglob("*.py") if p.relative_to(PKG).parts[0] not in ("model", "i18n")]
    assert len(files) > 40
    bad = [
        f"{p.relative_to(PKG)}:{n}"
        for p in files
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if compared.search(line) or assigned.search(line)
    ]
    assert bad == []
    assert compared.search('if t.status.value != "issued":') and assigned.search('data["status"] = "closed"')
