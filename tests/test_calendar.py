"""`reformctl calendar --ics`: every open deadline as an all-day event with a stable UID."""

from __future__ import annotations

import datetime as dt
import json

import pytest

icalendar = pytest.importorskip("icalendar")


def events(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_every_status_finding_is_an_event(cli, sample_copy, tmp_path):
    out = tmp_path / "a.ics"
    r = cli("calendar", "--ledger", sample_copy, "--ics", out, "--as-of", "2016-12-31", "--lang", "zh")
    assert r.exit_code == 0, r
    evs = events(out)
    uids = [str(e["uid"]) for e in evs]
    assert len(uids) == len(set(uids))
    for e in evs:  # all-day events
        assert type(e["dtstart"].dt) is dt.date
        assert e["dtend"].dt == e["dtstart"].dt + dt.timedelta(days=1)
    have = {(str(e["categories"].cats[0]), e["dtstart"].dt, str(e.get("location", ""))) for e in evs}
    findings = json.loads(cli("status", "--ledger", sample_copy, "--as-of", "2016-12-31", "--format", "json").stdout)
    assert findings
    for f in findings:
        assert (f["rule"], dt.date.fromisoformat(f["due"]), f["unit"]) in have, f
    # future deadlines too: kinds the brief names all appear
    rules = {r for r, _, _ in have}
    for code in (
        "task_overdue",
        "milestone_overdue",
        "pilot_overdue",
        "problem_overdue",
        "reminder_overdue",
        "report_missing",
    ):
        assert code in rules, code
    assert max(d for _, d, _ in have) > dt.date(2017, 6, 1)  # carried-over and long tasks, next quarters
    red = [e for e in evs if str(e["summary"]).startswith("[红灯]")]
    assert len(red) == sum(f["light"] == "red" for f in findings)


def test_uids_are_stable_across_runs_and_dates(cli, sample_copy, tmp_path):
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    assert cli("calendar", "--ledger", sample_copy, "--ics", a, "--as-of", "2016-11-01").exit_code == 0
    assert cli("calendar", "--ledger", sample_copy, "--ics", b, "--as-of", "2016-12-31").exit_code == 0
    ua = {str(e["uid"]): e["dtstart"].dt for e in events(a)}
    ub = {str(e["uid"]): e["dtstart"].dt for e in events(b)}
    common = set(ua) & set(ub)
    assert len(common) > 20
    # the same deadline keeps its UID and date (update_overdue moves with each progress update: same UID, the
    # calendar app updates the event)
    moved = {u for u in common if ua[u] != ub[u]}
    assert all(u.startswith("update_overdue-") for u in moved), moved
    # the same as-of date gives the same bytes
    c = tmp_path / "c.ics"
    cli("calendar", "--ledger", sample_copy, "--ics", c, "--as-of", "2016-12-31")
    assert c.read_bytes() == b.read_bytes()


def test_done_items_leave_the_calendar(cli, make_ledger, tmp_path):
    root = make_ledger(
        {
            "tasks/T-1.yaml": "id: T-1\ntitle: 未完成\nlead_unit: 市发改委\nstart: 2016-07-01\ndue: 2016-12-31\n"
            "status: in_progress\n",
            "tasks/T-2.yaml": "id: T-2\ntitle: 已完成\nlead_unit: 市发改委\nstart: 2016-07-01\ndue: 2016-12-31\n"
            "status: completed\ncompleted: 2016-09-01\n",
        }
    )
    out = tmp_path / "x.ics"
    assert cli("calendar", "--ledger", root, "--ics", out, "--as-of", "2016-10-01").exit_code == 0
    tasks = [e for e in events(out) if str(e["categories"].cats[0]) == "task_overdue"]
    assert [str(e["summary"]).split()[0:2] for e in tasks] == [["T-1", "未完成:"]]
    assert tasks[0]["dtstart"].dt == dt.date(2016, 12, 31)


def test_empty_ledger_and_stdout(cli, make_ledger, tmp_path):
    root = make_ledger()
    r = cli("calendar", "--ledger", root, "--ics", "-", "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    cal = icalendar.Calendar.from_ical(r.stdout.encode("utf-8"))
    assert cal.name == "VCALENDAR"
    r = cli("calendar", "--ledger", root, "--ics", tmp_path / "x.txt")
    assert r.exit_code == 2 and "--ics wants a file name ending in .ics" in r.stderr
