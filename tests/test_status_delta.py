"""`status` after an edit builds on the previous state's answer (reformctl.incremental, issue 15): only the edited
items are judged again, and the output is byte for byte what a run computing everything gives.

Real git repositories, real files, the real CLI. "Computing everything" is the same command with ``--no-cache``;
"judged alone" is seen by the files read (the ``parsed`` spy) and by the checks of the whole ledger not running.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reformctl import api, incremental
from reformctl.load import cache as C

AS_OF = "2016-12-31"
TASK = "tasks/T-2016-003.yaml"


def run(cli, root: Path, *args: str, as_of: str = AS_OF):
    return cli("status", "--ledger", root, "--as-of", as_of, *args)


def same_as_computed(cli, root: Path, *args: str, as_of: str = AS_OF) -> str:
    """The output of `status`, asserted equal (exit code, stdout, stderr) to a run that computes everything."""
    r, full = run(cli, root, *args, as_of=as_of), run(cli, root, *args, "--no-cache", as_of=as_of)
    assert (r.exit_code, r.stdout, r.stderr) == (full.exit_code, full.stdout, full.stderr)
    return r.stdout


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---------------------------------------------------------------- built on the previous answer
@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_edited_task_is_judged_alone(sample_repo, cli, old_files, parsed, whole_checks, fmt, lang):
    args = ("--format", fmt, "--lang", lang)
    before = run(cli, sample_repo, *args).stdout
    parsed.clear()
    whole_checks.clear()
    edit(sample_repo, TASK, "progress:\n", "progress:\n  - {date: 2016-12-20, note: 已召开推进会}\n")
    after = run(cli, sample_repo, *args)
    assert after.exit_code == 0 and after.stdout != before
    assert sorted(set(parsed)) == sorted(["units.yaml", TASK]) and whole_checks == []  # judged alone
    assert after.stdout == run(cli, sample_repo, *args, "--no-cache").stdout
    json_lang = lang if fmt == "json" else None
    assert api.status_data(sample_repo, dt.date(2016, 12, 31), json_lang=json_lang).from_memo  # and remembered


def test_each_item_kind_is_judged_alone(sample_repo, cli, old_files, parsed, whole_checks):
    run(cli, sample_repo, "-f", "json")
    edits = [
        ("pilots/P-2016-001.yaml", "end: 2017-05-31", "end: 2016-11-30"),
        ("notices/RN-2016-001.yaml", "rectified: 2016-11-25", "rectified: null"),
        ("reminders/SR-2016-001.yaml", "  - {unit: 市人社局, date: 2016-08-24}\n", ""),
    ]
    for rel, old, new in edits:
        text = (sample_repo / rel).read_text(encoding="utf-8")
        if old not in text:
            continue
        before = run(cli, sample_repo, "-f", "json").stdout
        parsed.clear()
        whole_checks.clear()
        edit(sample_repo, rel, old, new)
        after = same_as_computed(cli, sample_repo, "-f", "json")
        assert after != before, rel
        assert whole_checks == [1], rel  # the computed run checked the whole ledger; the first one did not
        assert parsed[:2] in (["units.yaml", rel], [rel, "units.yaml"]), rel


def test_json_is_written_from_the_rows_when_only_a_table_was_remembered(sample_repo, cli, old_files, whole_checks):
    run(cli, sample_repo, "-f", "table")
    whole_checks.clear()
    edit(sample_repo, TASK, "progress:\n", "progress:\n  - {date: 2016-12-20, note: 已召开推进会}\n")
    same_as_computed(cli, sample_repo, "-f", "json", "--lang", "zh")
    assert whole_checks == [1]  # only the run computing everything checked the whole ledger


def test_several_edited_files_are_judged_together(sample_repo, cli, old_files, whole_checks):
    run(cli, sample_repo, "-f", "json")
    whole_checks.clear()
    edit(sample_repo, TASK, "progress:\n", "progress:\n  - {date: 2016-12-20, note: 已召开推进会}\n")
    edit(sample_repo, "notices/RN-2016-001.yaml", "rectified: 2016-11-25", "rectified: null")
    same_as_computed(cli, sample_repo, "-f", "json")
    assert whole_checks == [1]


# ---------------------------------------------------------------- and computed in full whenever it cannot be
def _warm_then(cli, root: Path, whole_checks: list[int], *args: str) -> None:
    run(cli, root, "-f", "json", *args)
    whole_checks.clear()


@pytest.mark.parametrize(
    "rel, old, new",
    [
        ("plans/PL-2016-001.yaml", "title: ", "title: 新"),  # plans feed period obligations
        ("units.yaml", "name: ", "name: 新"),
        (TASK, "lead_unit: ", "lead_unit: 无此单位"),  # an error: refused exactly as before
        (TASK, "id: T-2016-003", "id: T-2016-903"),  # an id that is not its file's name
        (TASK, "title:", "title: [unclosed"),  # a file that does not parse
    ],
)
def test_edits_others_read_are_computed_in_full(sample_repo, cli, old_files, whole_checks, rel, old, new):
    if not (sample_repo / rel).exists():
        pytest.skip(f"{rel} is not in the sample")
    _warm_then(cli, sample_repo, whole_checks)
    edit(sample_repo, rel, old, new)
    same_as_computed(cli, sample_repo, "-f", "json")
    assert len(whole_checks) == 2 or run(cli, sample_repo, "-f", "json").exit_code == 1


@pytest.mark.parametrize(
    "rel, old, new",
    [
        ("notices/RN-2016-002.yaml", "to_unit: 市财政局", "to_unit: 市委深改组"),  # a notice sent upward
        ("reminders/SR-2016-002.yaml", "to: [", "to: [市委深改办, "),  # a reminder to the office itself
    ],
)
def test_an_edit_breaking_a_check_of_another_record_family_is_refused(sample_repo, cli, old_files, rel, old, new):
    """The direction of supervision (art. 11) is checked apart from the notice's own fields: an edited notice or
    reminder that goes up the line is refused exactly as a run computing everything refuses it."""
    run(cli, sample_repo, "-f", "json")
    edit(sample_repo, rel, old, new)
    same_as_computed(cli, sample_repo, "-f", "json")
    r = run(cli, sample_repo, "-f", "json")
    assert r.exit_code == 1 and "supervision_direction" in r.stderr


@pytest.mark.parametrize("change", ["lead unit", "cancelled", "completed"])
def test_a_projection_change_runs_the_obligations_again(sample_repo, cli, old_files, whole_checks, monkeypatch, change):
    """An edit of what the period obligations read of a task (who leads it, whether it was cancelled or completed):
    the edited task is judged alone, every obligation is computed again over the records remembered with the
    earlier answer and stand-ins of the other tasks; the answer is what computing everything gives."""
    _warm_then(cli, sample_repo, whole_checks)
    text = (sample_repo / TASK).read_text(encoding="utf-8")
    unit = next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("lead_unit: "))
    other = next(u["id"] for u in yaml.safe_load((sample_repo / "units.yaml").read_text("utf-8")) if u["id"] != unit)
    if change == "lead unit":  # who owes a quarterly report changes
        edit(sample_repo, TASK, f"lead_unit: {unit}", f"lead_unit: {other}")
    elif change == "cancelled":
        edit(sample_repo, TASK, "status: in_progress", "status: cancelled")
    else:
        edit(sample_repo, TASK, "status: in_progress", "status: completed\ncompleted: 2016-08-01")
    again: list[int] = []
    real = incremental._obligations_again
    monkeypatch.setattr(incremental, "_obligations_again", lambda *a: again.append(1) or real(*a))
    same_as_computed(cli, sample_repo, "-f", "json")
    assert whole_checks == [1] and again == [1]  # only the run with --no-cache computed everything
    # the next edit builds on this answer, with the records remembered again
    edit(
        sample_repo,
        TASK,
        f"lead_unit: {other}" if change == "lead unit" else f"lead_unit: {unit}",
        f"lead_unit: {unit}" if change == "lead unit" else f"lead_unit: {other}",
    )
    whole_checks.clear()
    same_as_computed(cli, sample_repo, "-f", "json")
    assert whole_checks == [1] and again == [1, 1]


def test_an_obligation_reading_more_than_a_task_s_projection_is_computed_in_full(
    sample_repo, cli, old_files, whole_checks, monkeypatch
):
    """The stand-ins of unchanged tasks hold only their projection, and the pilots, notices and reminders are not
    remembered: an obligation that read anything else would raise, and the answer is computed in full."""
    import reformctl.rules.obligations as ob

    _warm_then(cli, sample_repo, whole_checks)
    edit(sample_repo, TASK, "status: in_progress", "status: cancelled")
    real = ob.task_open_in
    monkeypatch.setattr(ob, "task_open_in", lambda t, q: (t.title, real(t, q))[1])  # reads a task's title
    same_as_computed(cli, sample_repo, "-f", "json")
    assert whole_checks == [1, 1]


def test_added_file_settings_and_another_date_are_computed_in_full(sample_repo, cli, old_files, whole_checks):
    _warm_then(cli, sample_repo, whole_checks)
    (sample_repo / "tasks/T-2016-999.yaml").write_text(
        (sample_repo / TASK).read_text(encoding="utf-8").replace("T-2016-003", "T-2016-999"), encoding="utf-8"
    )
    same_as_computed(cli, sample_repo, "-f", "json")
    assert whole_checks == [1, 1]
    _warm_then(cli, sample_repo, whole_checks)
    edit(sample_repo, "reformctl.yaml", "start:", "# a comment\nstart:")
    same_as_computed(cli, sample_repo, "-f", "json")
    assert whole_checks == [1, 1]
    _warm_then(cli, sample_repo, whole_checks)
    edit(sample_repo, TASK, "progress:\n", "progress:\n  - {date: 2016-12-20, note: 已召开推进会}\n")
    same_as_computed(cli, sample_repo, "-f", "json", as_of="2016-11-30")
    assert whole_checks == [1, 1]


def test_another_date_does_not_read_the_earlier_state(sample_repo, cli, old_files, whole_checks, monkeypatch):
    """Nothing is remembered for a date not asked before: the earlier state (a digest per task, 100,000 of them at
    the largest) is not even read, on the same files or after an edit (it cost a sixth of a second at 100k)."""
    reads: list[int] = []
    real = incremental._base
    monkeypatch.setattr(incremental, "_base", lambda memo: reads.append(1) or real(memo))
    run(cli, sample_repo, "-f", "json")
    same_as_computed(cli, sample_repo, "-f", "json", as_of="2016-10-31")
    edit(sample_repo, TASK, "progress:\n", "progress:\n  - {date: 2016-12-20, note: 已召开推进会}\n")
    same_as_computed(cli, sample_repo, "-f", "json", as_of="2016-11-30")
    assert reads == []
    edit(sample_repo, TASK, "已召开推进会", "已召开第二次推进会")  # the date asked last: built on that answer
    whole_checks.clear()
    r = run(cli, sample_repo, "-f", "json", as_of="2016-11-30")
    assert reads == [1] and whole_checks == [] and r.exit_code == 0


def test_too_many_edited_files_are_computed_in_full(sample_repo, cli, old_files, whole_checks, monkeypatch):
    monkeypatch.setattr(incremental, "MAX_CHANGED", 1)
    _warm_then(cli, sample_repo, whole_checks)
    edit(sample_repo, TASK, "progress:\n", "progress:\n  - {date: 2016-12-20, note: 已召开推进会}\n")
    edit(sample_repo, "notices/RN-2016-001.yaml", "rectified: 2016-11-25", "rectified: null")
    same_as_computed(cli, sample_repo, "-f", "json")
    assert whole_checks == [1, 1]


def test_a_damaged_base_is_computed_in_full(sample_repo, cli, old_files, whole_checks):
    _warm_then(cli, sample_repo, whole_checks)
    for f in C.cache_path(sample_repo).parent.glob("*.memo/*.pickle"):
        f.write_bytes(f.read_bytes()[:-7] + b"garbage")
    edit(sample_repo, TASK, "progress:\n", "progress:\n  - {date: 2016-12-20, note: 已召开推进会}\n")
    same_as_computed(cli, sample_repo, "-f", "json")
    assert whole_checks == [1, 1]


def test_an_edit_just_made_is_judged_alone_but_not_remembered(sample_repo, cli, old_files, whole_checks, monkeypatch):
    """The state after the edit is "racy" (files changed within the last seconds): nothing is remembered of it,
    but the earlier state's answer is still built on, and rightly (the edited file is read whatever its stat)."""
    _warm_then(cli, sample_repo, whole_checks)
    edit(sample_repo, TASK, "progress:\n", "progress:\n  - {date: 2016-12-20, note: 已召开推进会}\n")
    monkeypatch.setattr(C, "RACY_NS", 10**15)  # every file "just written"
    r = run(cli, sample_repo, "-f", "json")
    assert whole_checks == []
    assert r.stdout == run(cli, sample_repo, "-f", "json", "--no-cache").stdout
    assert not api.status_data(sample_repo, dt.date(2016, 12, 31), json_lang="en").from_memo


# ---------------------------------------------------------------- the property: any edit, the computed answer
FILES = [TASK, "tasks/T-2016-001.yaml", "tasks/T-2016-010.yaml", "pilots/P-2016-002.yaml"]
FILES += ["notices/RN-2016-002.yaml", "reminders/SR-2016-002.yaml"]
DAYS = st.dates(min_value=dt.date(2015, 6, 1), max_value=dt.date(2018, 6, 30))


def _mutate(data: dict, kind: str, what: int, day: dt.date, pick: int, units: list[str]) -> None:
    """One change to an item, of the kinds a user makes (dates, statuses, entries appended or removed, another
    unit named: any unit of the ledger, so that some edits break a check between records)."""
    unit = units[pick % len(units)]
    if kind == "tasks":
        choices = [
            lambda: data.__setitem__("due", day),
            lambda: data.__setitem__("start", day),
            lambda: data.setdefault("progress", []).append({"date": day, "note": "推进"}),
            lambda: data.setdefault("milestones", []).append({"name": f"节点{pick}", "due": day}),
            lambda: data.update(status="completed", completed=day),
            lambda: data.update(status=["planned", "in_progress", "cancelled"][pick % 3], completed=None),
            lambda: data.__setitem__("carry_over", {"reason": "延期", "measures": "加快", "new_due": day}),
            lambda: data.__setitem__("major", bool(pick % 2)),
            lambda: data.__setitem__("year", day.year),
            lambda: data.pop("progress", None),
            lambda: data.__setitem__("lead_unit", unit),
            lambda: data.__setitem__("responsible_units", [unit]),
            lambda: data.__setitem__("special_group", unit),
        ]
    elif kind == "pilots":
        choices = [
            lambda: data.__setitem__("filed", day),
            lambda: data.__setitem__("end", day),
            lambda: data.__setitem__("status", ["active", "adjusted", "completed"][pick % 3]),
            lambda: data.__setitem__("filed", None),
            lambda: data.__setitem__("unit", unit),
        ]
    elif kind == "notices":
        problems = data.get("problems") or [{}]
        p = problems[pick % len(problems)]
        choices = [
            lambda: p.__setitem__("due", day),
            lambda: p.__setitem__("rectified", day),
            lambda: p.__setitem__("rectified", None),
            lambda: p.setdefault("reviews", []).append({"due": day}),
            lambda: p.update(due=None, due_working_days=5 + pick % 20),
            lambda: data.__setitem__("to_unit", unit),
            lambda: data.__setitem__("issued_by", unit),
            lambda: p.__setitem__("responsible", unit),
        ]
    else:
        choices = [
            lambda: data.__setitem__("report_due", day),
            lambda: data.setdefault("reports", []).append({"unit": data["to"][pick % len(data["to"])], "date": day}),
            lambda: data.__setitem__("reports", []),
            lambda: data.__setitem__("to", [unit]),
            lambda: data.setdefault("to", []).append(unit),
        ]
    choices[what % len(choices)]()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    n=st.integers(0, len(FILES) - 1),
    what=st.integers(0, 20),
    day=DAYS,
    pick=st.integers(0, 60),
    as_of=st.sampled_from(["2016-12-31", "2016-10-15", "2017-06-30"]),
)
def test_any_edit_gives_what_computing_everything_gives(sample_repo, cli, old_files, n, what, day, pick, as_of):
    rel = FILES[n]
    path = sample_repo / rel
    original = path.read_bytes()
    try:
        run(cli, sample_repo, "-f", "json", as_of=as_of)  # the answer to build on
        data = yaml.safe_load(original)
        units = [u["id"] for u in yaml.safe_load((sample_repo / "units.yaml").read_text(encoding="utf-8"))]
        _mutate(data, rel.split("/")[0], what, day, pick, units)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        same_as_computed(cli, sample_repo, "-f", "json", as_of=as_of)
        same_as_computed(cli, sample_repo, "-f", "csv", "--lang", "zh", as_of=as_of)
    finally:
        path.write_bytes(original)


def test_a_finding_of_a_rule_not_per_item_is_never_kept_stale(sample_repo, cli, old_files, whole_checks, monkeypatch):
    """Only rules declared per item are re-run over the edited items: should another rule say something about an
    edited item, the whole ledger is evaluated (here task_overdue, as if it read other records)."""
    from dataclasses import replace

    from reformctl.rules import findings

    rules = findings.all_rules()
    monkeypatch.setitem(rules, "task_overdue", replace(rules["task_overdue"], per_item=False))
    _warm_then(cli, sample_repo, whole_checks)
    edit(sample_repo, TASK, "\ndue: 2016-10-31", "\ndue: 2016-11-30")
    assert '"rule": "task_overdue"' in same_as_computed(cli, sample_repo, "-f", "json")
    assert whole_checks == [1, 1]


# ---------------------------------------------------------------- the checks of an edited item, for every code
def _catalogue_codes() -> list[str]:
    """The codes of the catalogue whose reproducer is one ledger in one state (not a change, not members)."""
    from test_catalogue import _load

    from reformctl.i18n.catalogue import CATALOGUE

    return [c for c in sorted(CATALOGUE) if not (_load(c).get("base_files") or _load(c).get("members"))]


@pytest.mark.parametrize("code", _catalogue_codes())
def test_an_item_judged_alone_is_refused_exactly_when_the_whole_check_has_an_error_in_its_file(
    code, make_ledger, monkeypatch
):
    """Over every reproducer of the error catalogue: an item file judged alone (its file, the settings, the units
    and the plans' ids, as after an edit) is refused exactly when checking the whole ledger finds an error in
    that file. A check that reads an item kind elsewhere than in ITEM_CHECKS fails here. (When a file does not
    load, the whole check stops at the files' errors: an item file among them is refused.)"""
    from test_catalogue import build_case

    from reformctl.load import load_ledger
    from reformctl.load.memo import Memo, ledger_stamp
    from reformctl.model import Severity
    from reformctl.rules.checks import ITEM_CHECKS, check_ledger

    root, _args, _case = build_case(code, make_ledger, monkeypatch)
    res = load_ledger(root, cache=False)
    broken = {d.file for d in res.errors} | ({"reformctl.yaml"} if res.ledger.settings is None else set())
    if broken:
        wrong = broken
    else:
        wrong = {d.file for d in check_ledger(res.ledger) if d.severity is Severity.error}
    memo = Memo(None, ledger_stamp(root))
    projections = {tid: incremental._projected(t) for tid, t in res.ledger.tasks.items()}
    items = [f for f in memo.stamp.listing[0] if f[1].name in ITEM_CHECKS]
    judged = 0
    for entry in items:
        if broken and entry[0] not in broken:
            continue  # the whole ledger is refused for another file's error: nothing to compare
        refused = incremental._judge(root, dt.date(2016, 12, 31), memo, projections, [entry]) is None
        assert refused == (entry[0] in wrong), (code, entry[0], wrong)
        judged += 1
    assert judged or not items or broken, code
