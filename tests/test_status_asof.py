"""`status` with another ``--as-of`` on an unchanged ledger reads no record (reformctl.asof, issue 15): the findings
are read off what every item owes on any date (reformctl.rules.owed_table), remembered by the first full run, and
the output is byte for byte what a run computing everything gives.

Real git repositories, real files, the real CLI. "Computing everything" is the same command with ``--no-cache``;
"no record read" is seen by the files read (the ``parsed`` spy) and by the checks of the whole ledger not running.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reformctl import api, asof
from reformctl.load import cache as C
from reformctl.load.memo import Memo
from reformctl.load.validation import load_settings
from reformctl.model import Ledger
from reformctl.rules.findings import evaluate
from reformctl.rules.owed import GENERATORS, per_item_codes
from reformctl.rules.owed_table import owed_at, owed_table

FIRST = "2016-12-31"


def run(cli, root: Path, day: str, *args: str):
    return cli("status", "--ledger", root, "--as-of", day, *args)


def days(first: str, last: str, step: int) -> list[str]:
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(a + dt.timedelta(days=n)).isoformat() for n in range(0, (b - a).days + 1, step)]


# ---------------------------------------------------------------- the CLI, date after date
@pytest.mark.parametrize(("fmt", "lang"), [("json", "en"), ("json", "zh"), ("table", "zh"), ("csv", "en")])
def test_another_date_reads_no_record_and_says_the_same(sample_repo, cli, old_files, parsed, whole_checks, fmt, lang):
    args = ("--format", fmt, "--lang", lang)
    assert run(cli, sample_repo, FIRST, *args).exit_code == 0  # computed in full: what is owed is remembered
    for day in [*days("2016-01-01", "2017-12-31", 23), "2016-06-30", "2016-07-01", "2016-10-10", "2016-10-11"]:
        parsed.clear()
        whole_checks.clear()
        r = run(cli, sample_repo, day, *args)
        assert parsed == [] and whole_checks == [], day  # no file read, no check run
        full = run(cli, sample_repo, day, *args, "--no-cache")
        assert (r.exit_code, r.stdout, r.stderr) == (full.exit_code, full.stdout, full.stderr), day


def test_the_answer_for_another_date_is_remembered_in_turn(sample_repo, cli, old_files):
    run(cli, sample_repo, FIRST, "-f", "json")
    first = run(cli, sample_repo, "2016-11-15", "-f", "json")
    data = api.status_data(sample_repo, dt.date(2016, 11, 15), json_lang="en")
    assert data.from_memo
    assert first.stdout == run(cli, sample_repo, "2016-11-15", "-f", "json").stdout


def test_what_is_owed_outlives_a_month_of_daily_answers(sample_repo, cli, old_files, parsed):
    """The memo keeps 16 answers, the least recently used going first: the table every new date reads stays."""
    run(cli, sample_repo, FIRST, "-f", "json")
    for day in days("2017-01-01", "2017-01-30", 1):
        parsed.clear()
        assert run(cli, sample_repo, day, "-f", "json").exit_code == 0
        assert parsed == [], day


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_then_another_date_is_computed_in_full_and_right(sample_repo, cli, old_files, whole_checks):
    run(cli, sample_repo, FIRST, "-f", "json")
    _edit(sample_repo, "tasks/T-2016-003.yaml", "progress:\n", "progress:\n  - {date: 2016-12-20, note: 推进}\n")
    whole_checks.clear()
    r = run(cli, sample_repo, "2017-03-01", "-f", "json")
    assert r.stdout == run(cli, sample_repo, "2017-03-01", "-f", "json", "--no-cache").stdout
    assert whole_checks  # nothing built on this state yet, nor a table for it: computed (and remembered) in full


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("tasks/T-2016-003.yaml", "progress:\n", "progress:\n  - {date: 2016-12-20, note: 推进}\n"),
        ("tasks/T-2016-003.yaml", "status: in_progress", "status: completed\ncompleted: 2016-12-30"),
        ("pilots/P-2016-001.yaml", "end: 2017-05-31", "end: 2016-11-30"),
        ("notices/RN-2016-001.yaml", "rectified: 2016-11-25", "rectified: null"),
    ],
)
def test_after_an_edit_the_table_is_patched_and_another_date_reads_no_record(
    sample_repo, cli, old_files, parsed, whole_checks, rel, old, new
):
    """The edit built on the earlier answer (same date) also patches that state's table: the next day reads it."""
    run(cli, sample_repo, FIRST, "-f", "json")
    _edit(sample_repo, rel, old, new)
    assert run(cli, sample_repo, FIRST, "-f", "json").exit_code == 0  # built on the earlier answer
    for day in ("2017-01-01", "2016-12-15", "2017-04-30"):
        parsed.clear()
        whole_checks.clear()
        r = run(cli, sample_repo, day, "-f", "json")
        assert parsed == [] and whole_checks == [], day
        assert r.stdout == run(cli, sample_repo, day, "-f", "json", "--no-cache").stdout, day


def test_a_damaged_table_is_a_miss_not_an_error(sample_repo, cli, old_files, whole_checks):
    run(cli, sample_repo, FIRST, "-f", "json")
    memo = Memo.open(sample_repo)
    assert memo is not None and asof.status_another_date(sample_repo, dt.date(2017, 2, 1), memo, None) is not None
    for damaged in ({"due": b"\0"}, {**memo.get(asof.OWED_KEY), "settings": b"not a pickle"}, [1, 2]):
        memo.put(asof.OWED_KEY, damaged)
        assert asof.status_another_date(sample_repo, dt.date(2017, 2, 1), memo, None) is None
    whole_checks.clear()
    r = run(cli, sample_repo, "2017-02-02", "-f", "json")
    assert r.exit_code == 0 and r.stdout == run(cli, sample_repo, "2017-02-02", "-f", "json", "--no-cache").stdout


# ---------------------------------------------------------------- the table against the rules, any date
def _ledger(root: Path) -> Ledger:
    res = api.load_ledger(root, cache=False)
    assert not res.errors
    return res.ledger


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.dates(dt.date(2015, 1, 1), dt.date(2019, 12, 31)))
def test_the_table_gives_what_the_rules_give_on_any_date(sample_ledger_loaded, day):
    ledger, table = sample_ledger_loaded
    ev = evaluate(ledger, day, rules=per_item_codes())
    rows, notes = owed_at(table, day)
    assert rows == [f.to_row() for f in ev.findings]
    assert sorted(n.to_row() for n in notes) == sorted(n.to_row() for n in ev.notes)


@pytest.fixture(scope="module")
def sample_ledger_loaded():
    from conftest import SAMPLE

    ledger = _ledger(SAMPLE)
    return ledger, owed_table(ledger)


def test_every_per_item_rule_is_written_for_every_date():
    """A rule judging items alone is a generator of what is owed (one source of truth for both ways)."""
    assert per_item_codes() and set(per_item_codes()) == set(GENERATORS)


def test_settings_are_those_the_table_was_made_under(sample_repo, cli, old_files):
    run(cli, sample_repo, FIRST, "-f", "json")
    memo = Memo.open(sample_repo)
    assert memo is not None
    table = memo.get(asof.OWED_KEY)
    settings_now, _ = load_settings(sample_repo)
    from reformctl.load.pickling import loads

    assert loads(table["settings"]) == settings_now


# ---------------------------------------------------------------- generated items, any date
_DAY = st.dates(dt.date(2016, 1, 1), dt.date(2017, 12, 31))


def _several(make) -> st.SearchStrategy:
    """One to four of ``make(n)``, each with its own number (its id)."""
    return st.lists(st.integers(0, 999), min_size=1, max_size=4, unique=True).flatmap(
        lambda ns: st.tuples(*[make(n) for n in ns])
    )


@st.composite
def _task(draw, n: int) -> dict:
    start = draw(_DAY)
    status = draw(st.sampled_from(["planned", "in_progress", "completed", "cancelled", "closed"]))
    task = {
        "id": f"T-2016-{n:03d}",
        "title": f"任务{n}",
        "lead_unit": "市发改委",
        "start": start,
        "due": draw(_DAY),
        "status": status,
        "progress": [{"date": d, "note": "进展"} for d in draw(st.lists(_DAY, max_size=4))],
        "milestones": [
            {"name": f"节点{i}", "due": due, "done": done}
            for i, (due, done) in enumerate(draw(st.lists(st.tuples(_DAY, st.none() | _DAY), max_size=3)))
        ],
    }
    if status in ("completed", "closed"):
        task["completed"] = draw(_DAY)
    if draw(st.booleans()):
        task["carry_over"] = {"new_due": draw(_DAY), "reason": "跨年", "measures": "加快推进"}
    return task


@settings(max_examples=80, deadline=None)
@given(tasks=_several(_task), on=st.lists(_DAY, min_size=1, max_size=6))
def test_generated_tasks_owe_on_any_date_what_the_rules_find(tasks, on):
    from reformctl.model.records import Task

    items = {}
    for t in tasks:
        try:
            items[t["id"]] = Task.model_validate(t)
        except ValueError:  # a combination the model refuses (a completion before the start...): not a ledger
            continue
    _both_ways({"task": items}, on)


def _both_ways(items: dict, on: list) -> None:
    """The table of a ledger of ``items`` read on each date of ``on`` gives what the rules find."""
    from reformctl.model.records import Settings

    settings_ = Settings.model_validate({"name": "测试", "level": "city", "start": dt.date(2016, 7, 1)})
    ledger = Ledger(root=Path("."), settings=settings_, items=items)
    table = owed_table(ledger)
    for day in on:
        rows, notes = owed_at(table, day)
        ev = evaluate(ledger, day, rules=per_item_codes())
        assert rows == [f.to_row() for f in ev.findings], day
        assert sorted(n.to_row() for n in notes) == sorted(n.to_row() for n in ev.notes), day


# ---------------------------------------------------------------- made ahead, side by side with the stamp
@pytest.fixture
def two_cpus(monkeypatch):
    """As on an office's machine with CPUs to spare (in-process runs fork only when told so)."""
    monkeypatch.setenv("REFORMCTL_JOBS", "2")


def _no_child_left() -> bool:
    import os

    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_another_date_is_made_ahead_and_read_back(sample_repo, cli, old_files, two_cpus, whole_checks):
    run(cli, sample_repo, FIRST, "-f", "json")
    whole_checks.clear()
    data = api.status_data(sample_repo, dt.date(2017, 3, 3), json_lang="zh")
    assert data.from_memo and whole_checks == []  # made by the forked process, remembered, read back
    assert _no_child_left()
    r = run(cli, sample_repo, "2017-03-04", "-f", "json", "--lang", "zh")
    assert r.stdout == run(cli, sample_repo, "2017-03-04", "-f", "json", "--lang", "zh", "--no-cache").stdout
    assert _no_child_left()


def test_what_is_made_ahead_for_a_state_that_changed_is_never_written(sample_repo, cli, old_files, two_cpus):
    run(cli, sample_repo, FIRST, "-f", "json")
    old = Memo.open(sample_repo)
    assert old is not None
    path = sample_repo / "pilots/P-2016-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("end: 2017-05-31", "end: 2016-11-30"), encoding="utf-8")
    r = run(cli, sample_repo, "2017-01-20", "-f", "json")
    assert r.stdout == run(cli, sample_repo, "2017-01-20", "-f", "json", "--no-cache").stdout
    assert old.get(("status", "keys", "2017-01-20")) is None  # the old state's answer was made, never written
    assert _no_child_left()


@st.composite
def _others(draw, n: int) -> dict:
    """A plan, a notice and a reminder of random dates (the dates each rule compares with the as-of date)."""
    maybe = st.none() | _DAY
    problems = []
    for no in range(1, draw(st.integers(1, 3)) + 1):
        deadline = {"due": draw(_DAY)} if draw(st.booleans()) else {"due_working_days": draw(st.integers(1, 40))}
        reviews = [{"due": due, "done": done} for due, done in draw(st.lists(st.tuples(_DAY, maybe), max_size=2))]
        problems.append({"no": no, "description": "问题", **deadline, "reviews": reviews, "rectified": draw(maybe)})
    units = ["市发改委", "市委深改办", "经济专项小组"]
    return {
        "plan": {
            "id": f"PL-2016-{n:03d}",
            "title": f"方案{n}",
            "level": "city",
            "lead_unit": "市发改委",
            "needs_stability_assessment": draw(st.booleans()),
            "stability_assessment": draw(maybe),
            "legality_review": draw(maybe),
            "review_scheduled": draw(maybe),
            "approved": draw(maybe),
            "status": draw(st.sampled_from(["drafting", "reviewing"])),
        },
        "notice": {
            "id": f"RN-2016-{n:03d}",
            "issued": draw(st.dates(dt.date(2016, 1, 1), dt.date(2016, 12, 31)) | st.just(dt.date(2031, 5, 1))),
            "issued_by": "市委深改办",
            "to_unit": "市发改委",
            "subject": "整改",
            "problems": problems,
        },
        "reminder": {
            "id": f"SR-2016-{n:03d}",
            "plan": "某方案",
            "issued": draw(st.dates(dt.date(2016, 1, 1), dt.date(2016, 12, 31)) | st.just(dt.date(2031, 5, 1))),
            "to": draw(st.lists(st.sampled_from(units), min_size=1, max_size=3)),
            "report_within_working_days": draw(st.integers(1, 30)),
            "reports": [{"unit": u, "date": d} for u, d in draw(st.lists(st.tuples(st.sampled_from(units), _DAY)))],
        },
    }


@settings(max_examples=80, deadline=None)
@given(made=_several(_others), on=st.lists(_DAY, min_size=1, max_size=6))
def test_generated_plans_notices_and_reminders_owe_what_the_rules_find(made, on):
    """Working days counted in a year the official calendar does not know (2031) give notes, owed as findings are."""
    from reformctl.model.records import Notice, Plan, Reminder

    items: dict[str, dict] = {"plan": {}, "notice": {}, "reminder": {}}
    for one in made:
        for kind, model in (("plan", Plan), ("notice", Notice), ("reminder", Reminder)):
            try:
                items[kind][one[kind]["id"]] = model.model_validate(one[kind])
            except ValueError:  # a combination the model refuses: not a ledger
                continue
    _both_ways(items, on)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), on=st.lists(_DAY, min_size=1, max_size=4))
def test_a_patched_table_is_the_table_of_the_edited_ledger(sample_ledger_loaded, data, on):
    """Items edited in any way (a task made anew under its id, a notice's problems rectified or not): the
    earlier table patched with them reads as the table made afresh of the whole edited ledger."""
    from reformctl.model.records import Task
    from reformctl.rules.owed_table import patch_table

    ledger, table = sample_ledger_loaded
    ids = data.draw(st.lists(st.sampled_from(sorted(ledger.tasks)), min_size=1, max_size=3, unique=True))
    edited_tasks = {}
    for tid in ids:
        made = data.draw(_task(0))
        try:
            edited_tasks[tid] = Task.model_validate({**made, "id": tid})
        except ValueError:
            continue
    notices = dict(ledger.notices)
    nid = data.draw(st.sampled_from(sorted(notices)))
    problems = [p.model_copy(update={"rectified": data.draw(st.none() | _DAY)}) for p in notices[nid].problems]
    edited_notice = notices[nid].model_copy(update={"problems": problems})
    items = {k: dict(v) for k, v in ledger.items.items()}
    items["task"].update(edited_tasks)
    items["notice"][nid] = edited_notice
    whole_ledger = Ledger(root=ledger.root, settings=ledger.settings, items=items, files=ledger.files)
    only = Ledger(
        root=ledger.root,
        settings=ledger.settings,
        items={"task": edited_tasks, "notice": {nid: edited_notice}, "unit": ledger.units},
        files=ledger.files,
    )
    edited = {("task", tid) for tid in edited_tasks} | {("notice", nid)}
    patched = patch_table(table, only, edited)
    fresh = owed_table(whole_ledger)
    for day in on:
        rows, notes = owed_at(patched, day)
        want_rows, want_notes = owed_at(fresh, day)
        assert rows == want_rows, day
        assert sorted(n.to_row() for n in notes) == sorted(n.to_row() for n in want_notes), day


# ---------------------------------------------------------------- helpers waited for at the end of a command
def _child(seconds: float) -> int:
    import os
    import time

    pid = os.fork()
    if pid == 0:
        try:
            time.sleep(seconds)
        finally:
            os._exit(0)
    return pid


def test_a_helper_is_waited_for_when_the_command_ends_not_before():
    import time

    from reformctl.base import lifetime

    with lifetime.command_runtime():
        t = time.monotonic()
        lifetime.wait_for(_child(0.3))
        assert time.monotonic() - t < 0.2  # not now: the output comes first
        assert not _no_child_left()
    assert _no_child_left()  # the end of the command waited for it


def test_a_helper_that_hangs_is_stopped(monkeypatch):
    import time

    from reformctl.base import lifetime

    monkeypatch.setattr(lifetime, "HELPER_WAIT_S", 0.2)
    t = time.monotonic()
    with lifetime.command_runtime():
        lifetime.wait_for(_child(60))
    assert time.monotonic() - t < 5 and _no_child_left()


def test_the_first_run_after_an_edit_waits_for_the_patch_in_a_real_process(sample_repo, monkeypatch):
    """The whole command as an office runs it (a process, two CPUs, files older than the racy window): the edit's
    table is there when the process exits."""
    import os
    import subprocess
    import sys
    import time

    cmd = [sys.executable, "-m", "reformctl", "status", "--ledger", str(sample_repo), "--as-of", FIRST, "-f", "json"]
    env = {**os.environ, "REFORMCTL_JOBS": "2"}
    time.sleep(3.1)
    assert subprocess.run(cmd, env=env, capture_output=True).returncode == 0
    _edit(sample_repo, "tasks/T-2016-003.yaml", "progress:\n", "progress:\n  - {date: 2016-12-20, note: 推进}\n")
    time.sleep(3.1)
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == run_plain(sample_repo, "--no-cache")
    monkeypatch.setattr(C, "_KEY", None)  # this home's sealing key, as the processes read it (not an earlier test's)
    memo = Memo.open(sample_repo)
    assert memo is not None and memo.stamp.trusted and memo.get(asof.OWED_KEY) is not None


def run_plain(root: Path, *args: str) -> str:
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "reformctl", "status", "--ledger", str(root), "--as-of", FIRST, "-f", "json", *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def test_ctrl_c_while_waiting_for_a_helper_stops_it_quietly():
    import signal
    import time

    from reformctl.base import lifetime

    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        t = time.monotonic()
        with lifetime.command_runtime():
            lifetime.wait_for(_child(60))
            signal.setitimer(signal.ITIMER_REAL, 0.2)
        assert time.monotonic() - t < 5 and _no_child_left()  # no traceback, no process left behind
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
