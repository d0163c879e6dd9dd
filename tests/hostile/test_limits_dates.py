"""Far-future dates and absurd settings are refused by `check`, and no date-driven computation can run away.

Before the bounds, ``due: 9999-12-31`` made `calendar` enumerate eight thousand years of quarters (minutes,
gigabytes, then a crash) and ``due_soon_days: 3000000`` made `status` do the same."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

TASK = """\
id: T-1
title: 任务
lead_unit: 市发改委
start: 2016-07-01
due: {due}
status: in_progress
"""


def _check_json(cli, root):
    r = cli("check", "--ledger", root, "--format", "json")
    return r, json.loads(r.stdout)


@pytest.mark.parametrize("due", ["9999-12-31", "1000-01-01", "2201-01-01"])
def test_far_dates_are_refused_by_check(cli, make_ledger, due):
    root = make_ledger({"tasks/T-1.yaml": TASK.format(due=due)})
    r, out = _check_json(cli, root)
    assert r.exit_code == 1, r
    codes = {(d["code"], d["file"]) for d in out}
    assert ("invalid_date", "tasks/T-1.yaml") in codes, out
    assert "supported dates 1949-01-01 to 2200-12-31" in r.stdout
    zh = cli("check", "--ledger", root, "--lang", "zh")
    assert "超出支持的日期范围" in zh.stdout + zh.stderr


def test_the_last_supported_date_is_accepted(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": TASK.format(due="2200-12-31")})
    r, out = _check_json(cli, root)
    assert not [d for d in out if d["code"] == "invalid_date"], out


def test_calendar_and_status_stay_fast_on_a_far_deadline(cli, make_ledger):
    """A deadline at the end of the supported range: the feed lists it, periodic obligations stop ten years
    ahead, and the whole takes seconds (it took minutes and gigabytes with 9999-12-31)."""
    root = make_ledger({"tasks/T-1.yaml": TASK.format(due="2200-12-31")})
    t0 = time.monotonic()
    r = cli("calendar", "--ics", "-", "--ledger", root, "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    assert "DTSTART;VALUE=DATE:22001231" in r.stdout
    assert "2027Q" in r.stdout or "2026Q" in r.stdout  # periodic obligations still listed near as-of
    assert "2030Q" not in r.stdout  # ... but not for the next two centuries
    r = cli("status", "--ledger", root, "--as-of", "2016-12-31", "--format", "json")
    assert r.exit_code in (0, 1), r
    assert time.monotonic() - t0 < 60


@pytest.mark.parametrize(
    "setting,value",
    [
        ("due_soon_days", 3000000),
        ("report_due_days", 10**9),
        ("update_interval_months", 10**6),
        ("pilot_term_months", 100000),
        ("pilot_max_months", 100000),
        ("pilot_filing_days", 10**7),
        ("due_soon_days", -1),
        ("update_interval_months", 0),
    ],
)
def test_absurd_settings_are_refused(cli, make_ledger, setting, value):
    from conftest import MINIMAL_SETTINGS

    root = make_ledger({"reformctl.yaml": MINIMAL_SETTINGS + f"rules:\n  {setting}: {value}\n"})
    r, out = _check_json(cli, root)
    assert r.exit_code == 1, r
    hits = [d for d in out if d["file"] == "reformctl.yaml" and d["code"] == "invalid_value"]
    assert hits and setting in hits[0]["message"], out
    zh = cli("check", "--ledger", root, "--lang", "zh")
    assert ("不得大于" in zh.stdout) or ("不得小于" in zh.stdout), zh
    t0 = time.monotonic()
    r = cli("status", "--ledger", root, "--as-of", "2016-12-31")
    assert r.exit_code == 1 and time.monotonic() - t0 < 30, r  # refused, quickly


def test_seed_defaults_are_unchanged():
    from reformctl.model.records import RuleSettings

    assert RuleSettings().model_dump(exclude={"extra"}) == {
        "update_interval_months": 2,
        "report_due_days": 10,
        "pilot_term_months": 12,
        "pilot_max_months": 24,
        "pilot_filing_days": 30,
        "due_soon_days": 14,
        "year_grace_days": 31,
        "docking_days": 60,
    }


@pytest.mark.parametrize("field,value", [("year", "100000000000000000000000"), ("year", "0"), ("year", "99999")])
def test_years_are_bounded(cli, make_ledger, field, value):
    root = make_ledger({"tasks/T-1.yaml": TASK.format(due="2016-12-31") + f"{field}: {value}\n"})
    r, out = _check_json(cli, root)
    assert r.exit_code == 1 and any(d["code"] == "invalid_value" for d in out), out


def test_working_days_and_points_are_bounded(cli, make_ledger):
    notice = """\
    id: N-1
    title: 通知
    unit: 市发改委
    issued: 2016-09-30
    problems:
      - no: 1
        description: 问题
        due_working_days: 100000000
    """
    root = make_ledger({"notices/N-1.yaml": notice})
    r, out = _check_json(cli, root)
    assert r.exit_code == 1 and any("due_working_days" in d["message"] for d in out), out


@pytest.mark.parametrize("option", ["--as-of"])
@pytest.mark.parametrize("cmd", [["status"], ["calendar", "--ics", "-"], ["agenda"], ["summary"]])
def test_as_of_outside_the_range_is_bad_usage(cli, make_ledger, cmd, option):
    root = make_ledger()
    r = cli(*cmd, "--ledger", root, option, "9999-12-31")
    assert r.exit_code == 2, r
    assert "outside the supported dates" in r.stderr
    r = cli(*cmd, "--ledger", root, option, "9999-12-31", "--lang", "zh")
    assert r.exit_code == 2 and "超出支持的日期范围" in r.stderr, r


def test_write_dates_outside_the_range_are_bad_usage(cli, sample_repo):
    r = cli("progress", "T-2016-002", "x", "--as-of", "9999-01-01", "--ledger", sample_repo)
    assert r.exit_code == 2 and "outside the supported dates" in r.stderr, r


def test_horizon_is_capped(cli, make_ledger):
    root = make_ledger()
    t0 = time.monotonic()
    r = cli("calendar", "--ics", "-", "--ledger", root, "--as-of", "2016-12-31", "--horizon", str(10**12))
    assert r.exit_code == 0, r
    assert time.monotonic() - t0 < 60


def test_quarter_years_are_bounded():
    from pydantic import TypeAdapter, ValidationError

    from reformctl.model.types import Quarter

    with pytest.raises(ValidationError):
        TypeAdapter(Quarter).validate_python("9999Q4")
    assert TypeAdapter(Quarter).validate_python("2016Q4") == "2016Q4"
    assert dt.date(2200, 12, 31)
