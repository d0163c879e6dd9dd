"""Art. 14: supervision commissioners, one authorisation per inspection (一次一授权), in `reformctl check`."""

from __future__ import annotations

import json

from conftest import SAMPLE

POOL = """\
- id: DC-1
  name: 王五
  unit: 市委深改办
- id: DC-2
  name: 赵六
  unit: 市委督查室
"""


def event(eid: str, kind: str = "ledger_inspection", date: str = "2016-10-10", **fields) -> str:
    lines = [f"id: {eid}", f"kind: {kind}", "unit: 市委深改办", f"date: {date}"]
    for k, v in fields.items():
        lines.append(f"{k}: {v}")
    return "\n".join(lines) + "\n"


# other duties of inspections and evaluations (reporting lines, art. 12-13; forms) are tested on their own
OTHER_DUTIES = {"inspection_not_reported", "evaluation_not_reported", "evaluation_form_missing"}


def findings(cli, root, code=None):
    r = cli("check", "--ledger", root, "--format", "json")
    out = [f for f in json.loads(r.stdout) if f["code"] not in OTHER_DUTIES]
    return r, [f for f in out if code is None or f["code"] == code]


def test_authorised_inspections_are_clean(cli, make_ledger):
    root = make_ledger(
        {
            "commissioners.yaml": POOL,
            "events/E-1.yaml": event("E-1", commissioners="[DC-1, DC-2]", authorized="2016-10-01"),
            "events/E-2.yaml": event("E-2", date="2016-12-10", commissioners="[DC-1, DC-2]", authorized="2016-12-01"),
            "events/E-3.yaml": event("E-3", kind="evaluation", date="2016-12-20"),  # no commissioners: fine
        }
    )
    r, found = findings(cli, root)
    assert r.exit_code == 0, r
    assert found == []


def test_commissioners_without_authorisation(cli, make_ledger):
    root = make_ledger(
        {
            "commissioners.yaml": POOL,
            "events/E-1.yaml": event("E-1", kind="evaluation", commissioners="[DC-1]"),
        }
    )
    r, found = findings(cli, root, "inspection_unauthorized")
    assert r.exit_code == 1
    assert [(f["file"], f["line"], f["severity"]) for f in found] == [("events/E-1.yaml", 5, "error")]


def test_inspection_without_commissioners_is_a_warning(cli, make_ledger):
    root = make_ledger(
        {
            "events/E-1.yaml": event("E-1", authorized="2016-10-01"),
            "events/E-2.yaml": event("E-2", kind="group_meeting"),
        }
    )
    r, found = findings(cli, root)
    assert r.exit_code == 0, r
    assert [(f["file"], f["code"], f["severity"]) for f in found] == [
        ("events/E-1.yaml", "inspection_no_commissioners", "warning")
    ]
    assert "although it records an authorisation" in found[0]["message"]
    assert cli("check", "--ledger", root, "--strict").exit_code == 1


def test_same_reference_twice_flags_the_later_event(cli, make_ledger):
    ref = "成改办督授〔2016〕3号"
    root = make_ledger(
        {
            "commissioners.yaml": POOL,
            # file order and date order differ: the later *date* is the reused one
            "events/E-1.yaml": event(
                "E-1", date="2016-12-10", commissioners="[DC-2]", authorized="2016-12-01", authorization=ref
            ),
            "events/E-2.yaml": event(
                "E-2", date="2016-10-10", commissioners="[DC-1]", authorized="2016-10-01", authorization=ref
            ),
        }
    )
    r, found = findings(cli, root, "authorization_reused")
    assert r.exit_code == 1
    assert [(f["file"], f["line"]) for f in found] == [("events/E-1.yaml", 7)]
    assert "E-2" in found[0]["message"]


def test_same_team_same_date_without_reference(cli, make_ledger):
    root = make_ledger(
        {
            "commissioners.yaml": POOL,
            "events/E-1.yaml": event("E-1", commissioners="[DC-1, DC-2]", authorized="2016-10-01"),
            "events/E-2.yaml": event(
                "E-2", kind="evaluation", date="2016-10-20", commissioners="[DC-2, DC-1]", authorized="2016-10-01"
            ),
            # same date, other team: a separate authorisation
            "events/E-3.yaml": event("E-3", date="2016-10-21", commissioners="[DC-1]", authorized="2016-10-01"),
        }
    )
    r, found = findings(cli, root, "authorization_reused")
    assert [(f["file"], f["line"]) for f in found] == [("events/E-2.yaml", 6)]


def test_distinct_references_same_day_are_fine(cli, make_ledger):
    root = make_ledger(
        {
            "commissioners.yaml": POOL,
            "events/E-1.yaml": event(
                "E-1", commissioners="[DC-1]", authorized="2016-10-01", authorization="授〔2016〕1号"
            ),
            "events/E-2.yaml": event(
                "E-2", date="2016-10-20", commissioners="[DC-1]", authorized="2016-10-01", authorization="授〔2016〕2号"
            ),
        }
    )
    r, found = findings(cli, root)
    assert r.exit_code == 0 and found == [], r


def test_sample_ledger_inspections_are_authorised(cli):
    r, found = findings(cli, SAMPLE)
    assert r.exit_code == 0
    assert [
        f
        for f in found
        if f["code"] in ("inspection_unauthorized", "authorization_reused", "inspection_no_commissioners")
    ] == []
