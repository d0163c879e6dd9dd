"""`status` without --as-of on a ledger whose records end years ago: besides its long red list, a hint on stderr
says what dominates it, where the records end, and to add --as-of (both languages; never on stdout)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from conftest import SAMPLE


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_hint_on_stderr_only(cli, sample_copy, fmt):
    rows = json.loads(cli("status", "--ledger", sample_copy, "--format", "json", "--no-cache").stdout)
    red = [r for r in rows if r["light"] == "red"]
    assert len(red) > 1000
    for _ in range(2):  # computed, then remembered: the same hint
        r = cli("status", "--ledger", sample_copy, "--format", fmt, "--lang", "en")
        assert r.exit_code == 0, r
        m = re.search(
            r"^([\d,]+) of the ([\d,]+) red findings are quarterly reports and group meetings never filed "
            r"since (\d{4}); the ledger's records end on (\d{4}-\d\d-\d\d)\. To see the status as of then, "
            r"add --as-of \4$",
            r.stderr,
            re.M,
        )
        assert m, r.stderr
        n, total, since, last = int(m[1].replace(",", "")), int(m[2].replace(",", "")), int(m[3]), m[4]
        assert total == len(red) and n * 2 > total and f"{total:,}" == m[2]
        assert since == dt.date.fromisoformat(last).year or since == dt.date.fromisoformat(last).year + 1
        assert n == sum(
            r["rule"]
            in (
                "report_missing",
                "meeting_missing",
                "self_assessment_missing",
                "training_missing",
                "onsite_meeting_missing",
                "press_conference_missing",
                "inspection_missing",
                "update_overdue",
                "demonstration_missing",
            )
            and r["due"] > last
            for r in red
        )
        assert "--as-of" not in r.stdout and "records end" not in r.stdout
        if fmt == "json":
            json.loads(r.stdout)
    # the date the hint names is a real one: the ledger's latest record
    assert cli("status", "--ledger", sample_copy, "--as-of", last).exit_code == 0


def test_hint_in_chinese(cli, sample_copy):
    r = cli("status", "--ledger", sample_copy, "--lang", "zh", "--format", "json")
    assert re.search(
        r"^\d+项红灯中有\d+项是20\d\d年以来没有任何记录的季报和专项小组会议；台账记录止于(\S+)。"
        r"如需查看当时的状态，请加 --as-of \1$",
        r.stderr,
        re.M,
    ), r.stderr


def test_no_hint_with_as_of_or_a_short_list(cli, sample_copy, make_ledger):
    r = cli("status", "--ledger", sample_copy, "--as-of", "2016-12-31")
    assert r.exit_code == 0 and "--as-of" not in r.stderr
    today = dt.date.today()
    root = make_ledger(
        {
            "tasks/T-1.yaml": f"""\
        id: T-1
        title: 近期任务
        lead_unit: 市发改委
        start: {today - dt.timedelta(days=60)}
        due: {today - dt.timedelta(days=5)}
        status: in_progress
        """
        }
    )
    r = cli("status", "--ledger", root)
    assert r.exit_code == 0 and "--as-of" not in r.stderr and "记录" not in r.stderr


def test_what_dominates_and_where_records_end():
    from reformctl.load import load_ledger
    from reformctl.rules.recorded import dominant, latest_date, stale

    led = load_ledger(SAMPLE).ledger
    last = latest_date(led)
    assert last == latest_date(led, dt.date(2030, 1, 1))
    assert latest_date(led, dt.date(2016, 9, 30)) <= dt.date(2016, 9, 30)
    assert stale([400] * 20) and not stale([400] * 19) and not stale([10] * 100) and stale([10] * 50 + [400] * 50)
    d = dt.date(2018, 4, 10)
    assert dominant([("report_missing", d)] * 9 + [("task_overdue", d)], dt.date(2017, 1, 1)) == (
        9,
        ["report_missing"],
        2018,
    )
    assert dominant([("report_missing", d)] * 5 + [("meeting_missing", d)] * 4, dt.date(2017, 1, 1))[1] == [
        "report_missing",
        "meeting_missing",
    ]
    assert dominant([("report_missing", d)], dt.date(2019, 1, 1)) == (0, [], None)
