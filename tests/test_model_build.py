"""The record models build their validators on first use (pydantic's ``defer_build``): a command that answers from
its cache never pays for the 28 of them (half the import of the model), and ``build_validators`` builds them all
before the roll-up forks workers that validate (each would build its own)."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

SCRIPT = """
from reformctl.model import build_validators, records as R
classes, todo = [], [R.Record]
while todo:
    c = todo.pop(); todo.extend(c.__subclasses__()); classes.append(c)
print(sum(not c.__pydantic_complete__ for c in classes), len(classes))
t = R.Task.model_validate({"id": "T-1", "title": "t", "lead_unit": "u", "start": "2016-01-01",
                           "due": "2016-02-01", "status": "planned"})
print(sum(not c.__pydantic_complete__ for c in classes), t.due.isoformat())
build_validators()
print(sum(not c.__pydantic_complete__ for c in classes))
"""


def test_validators_are_built_on_first_use_or_all_at_once():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    unbuilt, total = map(int, out[0].split())
    assert total >= 28 and unbuilt == total - 1  # none built by the import but RuleSettings (a default made there)
    after_one, due = out[1].split()
    assert 0 < int(after_one) < total and due == "2016-02-01"  # a task validated: its models only
    assert out[2] == "0"
