"""The whole answer of `status --members --format json` remembered (reformctl/store/answers.py): a warm run
with nothing new fetched and the ledger unchanged writes it without reading or evaluating anything; a new fetch,
an edit of the ledger or other options compute it again. Real git repositories, the real CLI."""

from __future__ import annotations

import json

import pytest

from conftest import git, write_files
from test_levels import commit_all, make_city, make_district


@pytest.fixture
def city(tmp_path, monkeypatch):
    import reformctl.load.cache as C

    monkeypatch.setattr(C, "RACY_NS", 0)  # as if the files had been written long ago: answers are kept
    wuhou = make_district(tmp_path, "wuhou", "武侯区台账")
    jinjiang = make_district(tmp_path, "jinjiang", "锦江区台账")
    far = "2099"  # past the working-day calendar: the reminder's deadline is a note (a warning on stderr)
    city = make_city(
        tmp_path,
        f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: {jinjiang}}}\n",
        {
            "tasks/T-C1.yaml": "id: T-C1\ntitle: 市任务\nlead_unit: 市委深改办\nstart: 2016-07-01\ndue: 2016-10-31\n"
            "status: in_progress\n",
            "reminders/SR-1.yaml": f"id: SR-1\nplan: 某方案\nissued: {far}-03-01\nsubject: 督办\nto: [武侯区委]\n"
            "report_within_working_days: 5\n",
        },
    )
    return city, wuhou, jinjiang


def _refuse_computing(monkeypatch):
    import reformctl.store.rollup as rollup

    def refuse(*_a, **_k):
        raise AssertionError("the roll-up was computed again")

    monkeypatch.setattr(rollup, "roll_up", refuse)


BASE = ("status", "--members", "--as-of", "2016-12-31", "-f", "json")


def test_warm_answer_is_the_computed_one_and_computes_nothing(cli, city, monkeypatch):
    city, _wuhou, _jinjiang = city
    assert cli("fetch", "--ledger", city).exit_code == 0
    variants = [(), ("--light", "yellow"), ("--member", "锦江区委"), ("--lang", "zh"), ("--fail-on", "red")]
    fresh = {v: cli(*BASE, "--ledger", city, *v, "--no-cache") for v in variants}
    assert fresh[()].stderr and "SR-1" in fresh[()].stderr  # the note is part of the answer
    assert fresh[("--fail-on", "red")].exit_code == 1
    for v in variants:
        first = cli(*BASE, "--ledger", city, *v)
        assert (first.exit_code, first.stdout, first.stderr) == (fresh[v].exit_code, fresh[v].stdout, fresh[v].stderr)
    with monkeypatch.context() as m:
        _refuse_computing(m)
        for v in variants:
            warm = cli(*BASE, "--ledger", city, *v)
            assert (warm.exit_code, warm.stdout, warm.stderr) == (fresh[v].exit_code, fresh[v].stdout, fresh[v].stderr)
        with pytest.raises(AssertionError, match="computed again"):  # another as-of date: another question
            cli(*BASE[:3], "2017-01-31", "-f", "json", "--ledger", city)


def test_a_new_fetch_or_an_edit_of_the_ledger_is_computed_again(cli, city):
    city, _wuhou, jinjiang = city
    assert cli("fetch", "--ledger", city).exit_code == 0
    before = cli(*BASE, "--ledger", city)
    assert cli(*BASE, "--ledger", city).stdout == before.stdout  # remembered
    write_files(
        jinjiang,
        {
            "tasks/T-2.yaml": "id: T-2\ntitle: 逾期\nlead_unit: 区委深改办\nstart: 2016-07-01\ndue: 2016-08-01\nstatus: in_progress\n"
        },
    )
    commit_all(jinjiang)
    assert cli(*BASE, "--ledger", city).stdout == before.stdout  # not fetched yet: the fetched commit counts
    assert cli("fetch", "锦江区委", "--ledger", city).exit_code == 0
    after = cli(*BASE, "--ledger", city)
    assert after.stdout == cli(*BASE, "--ledger", city, "--no-cache").stdout != before.stdout
    assert ("锦江区委", "T-2") in {(f["member"], f["id"]) for f in json.loads(after.stdout)}
    write_files(city, {"tasks/T-C1.yaml": (city / "tasks/T-C1.yaml").read_text("utf-8").replace("10-31", "12-01")})
    edited = cli(*BASE, "--ledger", city)
    assert edited.stdout == cli(*BASE, "--ledger", city, "--no-cache").stdout != after.stdout


@pytest.mark.parametrize("how", ["loose", "packed"])
def test_the_fetched_commit_read_from_the_store_is_what_git_says(cli, city, how):
    from reformctl.load import load_ledger
    from reformctl.store.member_ref import fetched_commit
    from reformctl.store.member_store import commit_info, store_of

    city, _wuhou, _jinjiang = city
    members = load_ledger(city).ledger.settings.members
    stores = [store_of(city, m) for m in members]
    assert [fetched_commit(s) for s in stores] == [None, None]  # never fetched: no store
    assert cli("fetch", "--ledger", city).exit_code == 0
    if how == "packed":
        for s in stores:
            git(s, "pack-refs", "--all")
            assert not (s / "refs/reformctl/member").exists()
    assert [fetched_commit(s) for s in stores] == [commit_info(s)[0] for s in stores]
    assert all(c and len(c) == 40 for c in map(fetched_commit, stores))
    (stores[0] / "refs/reformctl").mkdir(parents=True, exist_ok=True)
    (stores[0] / "refs/reformctl/member").write_text("ref: refs/heads/x\n")  # not a plain id: unsure, ""
    assert fetched_commit(stores[0]) == ""


def test_a_new_commit_reads_only_the_blobs_that_changed(cli, city, monkeypatch):
    """A member's new commit: the files whose object id is unchanged give what they gave (no bytes read from
    git), the changed ones and reformctl.yaml are read; the findings and `check --members` are what a read of
    every file says (with lines, even for a finding about a file not read again)."""
    import reformctl.store.members as members

    city, wuhou, _jinjiang = city
    extra = {
        f"tasks/T-{i}.yaml": f"id: T-{i}\ntitle: 任务{i}\nlead_unit: 区委深改办\nstart: 2016-07-01\n"
        f"due: 2017-0{i}-28\nstatus: in_progress\n"
        for i in range(2, 6)
    }
    extra["tasks/T-6.yaml"] = "id: T-6\ntitle: 单位不明\nlead_unit: 无此单位\nstart: 2016-07-01\ndue: 2016-09-30\n"
    extra["tasks/T-6.yaml"] += "status: in_progress\n"  # an error between records (unknown unit), kept
    write_files(wuhou, extra)
    commit_all(wuhou)
    assert cli("fetch", "--ledger", city).exit_code == 0
    assert cli(*BASE, "--ledger", city).exit_code == 0  # read and remembered
    write_files(wuhou, {"tasks/T-3.yaml": extra["tasks/T-3.yaml"].replace("2017-03-28", "2016-12-20")})
    commit_all(wuhou)
    assert cli("fetch", "武侯区委", "--ledger", city).exit_code == 0
    asked: list = []
    real = members.cat_blobs
    monkeypatch.setattr(members, "cat_blobs", lambda store, wanted: asked.extend(wanted) or real(store, wanted))
    warm = cli(*BASE, "--ledger", city)
    checked = cli("check", "--members", "--ledger", city, "--format", "json")
    read = sorted({rel for rel, _oid in asked})
    assert read == ["reformctl.yaml", "tasks/T-3.yaml", "tasks/T-6.yaml"], read  # T-6: its error needs a line
    monkeypatch.undo()
    assert warm.stdout == cli(*BASE, "--ledger", city, "--no-cache").stdout
    assert checked.stdout == cli("check", "--members", "--ledger", city, "--format", "json", "--no-cache").stdout
    assert '"line": 3' in checked.stdout  # T-6's lead_unit, located in a file not read again for the findings


def _run(city, *args, jobs: str):
    import os
    import subprocess
    import sys

    env = {**os.environ, "REFORMCTL_JOBS": jobs}
    return subprocess.run(
        [sys.executable, "-m", "reformctl", *args, "--ledger", str(city)], capture_output=True, env=env, check=False
    )


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_members_read_side_by_side_give_what_one_process_gives(tmp_path, city, fmt):
    """A cold roll-up in a real command (`python -m reformctl`, with its runtime): members whose part is not
    remembered are read and evaluated by forked processes side by side, each leaving its part in the member's
    folder; the output is the one a single process computes, and the one with nothing remembered."""
    import shutil

    from reformctl.load import load_ledger
    from reformctl.store.member_store import store_of

    city, _wuhou, _jinjiang = city
    units = "".join(f"- {{id: 区委{i}, name: 区委{i}, type: party_committee}}\n" for i in range(3))
    with (city / "units.yaml").open("a", encoding="utf-8") as f:
        f.write(units)
    extra = [make_district(tmp_path, f"d{i}", f"区{i}台账") for i in range(3)]
    with (city / "reformctl.yaml").open("a", encoding="utf-8") as f:
        f.write("".join(f"  - {{unit: 区委{i}, repo: {d}}}\n" for i, d in enumerate(extra)))
    commit_all(city)
    assert _run(city, "fetch", jobs="1").returncode == 0
    members = load_ledger(city).ledger.settings.members
    assert len(members) == 5
    args = ("status", "--members", "--as-of", "2016-12-31", "--format", fmt)

    def forget():
        for m in members:
            shutil.rmtree(store_of(city, m) / "reformctl-read", ignore_errors=True)
        for memo in (city / ".git" / "reformctl-cache").glob("*.memo"):
            shutil.rmtree(memo)

    forget()
    one = _run(city, *args, jobs="1")
    forget()
    two = _run(city, *args, jobs="2")
    remembered = [m for m in members if list((store_of(city, m) / "reformctl-read").glob("*.pickle"))]
    assert len(remembered) == 5  # every member's part left where the roll-up finds it
    forget()
    three = _run(city, *args, jobs="3")
    fresh = _run(city, *args, "--no-cache", jobs="2")
    assert one.returncode == two.returncode == three.returncode == fresh.returncode == 0, two.stderr
    assert one.stdout == two.stdout == three.stdout == fresh.stdout and b"\xe5\x8c\xba" in one.stdout
    assert one.stderr == two.stderr == fresh.stderr


def test_side_by_side_forks_only_for_cold_members_inside_a_command(tmp_path, city, monkeypatch):
    """The side-by-side reading forks (inside the command runtime only, never in library use), and only while
    two or more members have no part remembered for the date."""
    import os

    from reformctl.base.lifetime import command_runtime
    from reformctl.load import load_ledger
    from reformctl.store.rollup import Ask, prepare_side_by_side, roll_up

    city, _wuhou, _jinjiang = city
    assert _run(city, "fetch", jobs="1").returncode == 0
    upper = load_ledger(city).ledger
    day = __import__("datetime").date(2016, 12, 31)
    forks: list = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    monkeypatch.setenv("REFORMCTL_JOBS", "2")
    ask = Ask(city, upper, day)
    assert prepare_side_by_side(ask) == 1 and forks == []  # library use: never
    with command_runtime():
        assert prepare_side_by_side(ask) == 2 and forks == [1]
        assert prepare_side_by_side(ask) == 1 and forks == [1]  # every part remembered now
        warm = roll_up(city, upper, day)
    fresh = roll_up(city, upper, day, cache=False)
    assert [(f.member, f.id, f.rule) for f in warm.findings] == [(f.member, f.id, f.rule) for f in fresh.findings]
    assert {f.member for f in warm.findings} >= {"武侯区委", "锦江区委"}


def test_a_remembered_member_costs_no_git_process(cli, city, monkeypatch):
    """A member whose read is remembered for the commit its store's ref names is seen without running git (the
    commit's date is remembered with it: it never changes); a new fetch asks git once, for that member."""
    import reformctl.store.members as members

    city, _wuhou, jinjiang = city
    assert cli("fetch", "--ledger", city).exit_code == 0
    table = ("status", "--members", "--ledger", city, "--as-of", "2016-12-31")
    first = cli(*table)
    asked: list = []
    real = members.commit_info
    monkeypatch.setattr(members, "commit_info", lambda store: asked.append(store) or real(store))
    again = cli(*table)
    assert asked == [] and again.stdout == first.stdout
    write_files(
        jinjiang,
        {
            "tasks/T-9.yaml": "id: T-9\ntitle: 新\nlead_unit: 区委深改办\nstart: 2016-07-01\n"
            "due: 2016-08-01\nstatus: in_progress\n"
        },
    )
    commit_all(jinjiang)
    assert cli("fetch", "锦江区委", "--ledger", city).exit_code == 0
    after = cli(*table)
    assert len(asked) == 1 and "T-9" in after.stdout
    assert after.stdout == cli(*table, "--no-cache").stdout


def test_check_members_machine_formats_name_member_files_git_can_not_mistake(cli, city):
    """`check --members` for CI: a member's files are not in this repository, so GitHub annotations about them
    are not attached to a file (the place is in the title), and SARIF/GitLab paths are relative paths, never
    `UNIT@COMMIT:path` (a URI scheme to a SARIF reader). This ledger's own files stay attached."""
    import json as _json
    from urllib.parse import urlsplit

    city, wuhou, _jinjiang = city
    write_files(
        wuhou,
        {
            "tasks/T-7.yaml": "id: T-7\ntitle: 单位不明\nlead_unit: 无此单位\nstart: 2016-07-01\n"
            "due: 2016-09-30\nstatus: in_progress\n"
        },
    )
    commit_all(wuhou)
    (city / "tasks" / "T-C1.yaml").write_text("id: T-C1\ntitle: [\n", encoding="utf-8")
    assert cli("fetch", "--ledger", city).exit_code == 0
    gh = cli("check", "--members", "--ledger", city, "--format", "github")
    notes = [line for line in gh.stdout.splitlines() if line.startswith(("::error", "::warning"))]
    member = [line for line in notes if "T-7" in line]
    own = [line for line in notes if "T-C1" in line]
    assert member and all(
        "file=" not in line and "武侯区委@" in line and "tasks/T-7.yaml%3A3" in line for line in member
    )  # (":" escaped in a property)
    assert own and all("file=" in line for line in own)
    sarif = _json.loads(cli("check", "--members", "--ledger", city, "--format", "sarif").stdout)
    uris = [
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
        for loc in r["locations"]
    ]
    assert any("T-7" in u for u in uris) and all(urlsplit(u).scheme == "" for u in uris), uris
    gitlab = _json.loads(cli("check", "--members", "--ledger", city, "--format", "gitlab").stdout)
    assert all(":" not in e["location"]["path"] for e in gitlab)


def test_no_process_to_be_had_is_no_error(tmp_path, city, monkeypatch):
    """A fork refused (a process limit) leaves that share of the members to the roll-up: same findings."""
    import datetime as dt
    import os

    from reformctl.base.lifetime import command_runtime
    from reformctl.load import load_ledger
    from reformctl.store.rollup import roll_up

    city, _wuhou, _jinjiang = city
    assert _run(city, "fetch", jobs="1").returncode == 0
    upper = load_ledger(city).ledger
    day = dt.date(2016, 12, 31)

    def refuse():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    monkeypatch.setenv("REFORMCTL_JOBS", "2")
    with command_runtime():
        got = roll_up(city, upper, day)
    fresh = roll_up(city, upper, day, cache=False)
    assert [(f.member, f.id, f.rule) for f in got.findings] == [(f.member, f.id, f.rule) for f in fresh.findings]
