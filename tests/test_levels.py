"""Levels: an office's ledger reads its members' ledgers (fetch, bundle, status/check/summary --members, the
upper-level rules). Every test runs on real git repositories in temporary folders and through the real CLI."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import git, write_files

CITY_UNITS = """\
- {id: 市委深改办, name: 市委深改办, type: reform_office}
- {id: 武侯区委, name: 武侯区委, type: party_committee}
- {id: 锦江区委, name: 锦江区委, type: party_committee}
- {id: 青羊区委, name: 青羊区委, type: party_committee}
"""

DISTRICT_UNITS = """\
- {id: 区委深改办, name: 区委深改办, type: reform_office}
"""


def district_files(name: str, extra: dict | None = None) -> dict:
    files = {
        "reformctl.yaml": f"name: {name}\nlevel: district\nstart: 2016-07-01\n",
        "units.yaml": DISTRICT_UNITS,
        "tasks/T-1.yaml": """\
            id: T-1
            title: 区任务
            lead_unit: 区委深改办
            start: 2016-07-01
            due: 2017-06-30
            status: in_progress
            progress:
              - {date: 2016-12-01, note: 推进中}
            """,
    }
    files.update(extra or {})
    return files


def commit_all(repo: Path, message: str = "update") -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def make_district(tmp_path: Path, folder: str, name: str, extra: dict | None = None) -> Path:
    repo = tmp_path / folder
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write_files(repo, district_files(name, extra))
    commit_all(repo, "initial")
    return repo


def make_city(tmp_path: Path, members: str, extra: dict | None = None) -> Path:
    repo = tmp_path / "city"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    files = {
        "reformctl.yaml": "name: 市台账\nlevel: city\nstart: 2016-07-01\nmembers:\n" + members,
        "units.yaml": CITY_UNITS,
    }
    files.update(extra or {})
    write_files(repo, files)
    commit_all(repo, "initial")
    return repo


def fetch_lines(out: str) -> dict[str, list[str]]:
    return {line.split("\t")[0]: line.split("\t") for line in out.splitlines() if line}


def status_rows(cli, city: Path, *args: str) -> list[dict]:
    r = cli("status", "--members", "--ledger", city, "--as-of", "2016-12-31", "--format", "json", *args)
    assert r.exit_code == 0, r
    return json.loads(r.stdout)


@pytest.fixture
def two_districts(tmp_path):
    wuhou = make_district(tmp_path, "wuhou", "武侯区台账")
    jinjiang = make_district(tmp_path, "jinjiang", "锦江区台账")
    return wuhou, jinjiang


def test_fetch_several_members_one_unreachable(cli, tmp_path, two_districts):
    wuhou, jinjiang = two_districts
    city = make_city(
        tmp_path,
        f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: ../jinjiang, branch: main}}\n"
        f"  - {{unit: 青羊区委, repo: {tmp_path / 'nowhere'}}}\n",
    )
    r = cli("fetch", "--ledger", city)
    assert r.exit_code == 1, r
    lines = fetch_lines(r.stdout)
    assert set(lines) == {"武侯区委", "锦江区委"}  # the unreachable one did not stop the others
    unit, commit, date, items = lines["武侯区委"]
    assert commit == git(wuhou, "rev-parse", "HEAD").strip()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", date) and items == "1"
    assert lines["锦江区委"][1] == git(jinjiang, "rev-parse", "HEAD").strip()
    assert "青羊区委" in r.stderr
    assert git(city, "status", "--porcelain", "--ignored") == ""  # nothing in the work tree, not even ignored
    assert (city / ".git" / "reformctl" / "members").is_dir()
    # the named members only; all fetched: exit 0
    r = cli("fetch", "武侯区委", "--ledger", city)
    assert r.exit_code == 0 and set(fetch_lines(r.stdout)) == {"武侯区委"}, r
    r = cli("fetch", "某区委", "--ledger", city)
    assert r.exit_code == 2 and "某区委" in r.stderr, r


def test_status_members_tags_every_finding(cli, tmp_path, two_districts):
    wuhou, _j = two_districts
    city = make_city(
        tmp_path,
        f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 青羊区委, repo: ../nowhere}}\n",
        {
            "tasks/T-C1.yaml": "id: T-C1\ntitle: 市任务\nlead_unit: 市委深改办\nstart: 2016-07-01\ndue: 2016-10-31\n"
            "status: in_progress\n"
        },
    )
    assert cli("fetch", "--ledger", city).exit_code == 1  # 青羊区委 cannot be fetched
    rows = status_rows(cli, city)
    assert rows and all("member" in f and "commit" in f for f in rows)
    commit = git(wuhou, "rev-parse", "HEAD").strip()
    own = [f for f in rows if f["member"] is None]
    assert own and all(f["commit"] is None for f in own)
    assert ("T-C1", "task_overdue") in {(f["id"], f["rule"]) for f in own}
    theirs = [f for f in rows if f["member"] == "武侯区委"]
    assert theirs and all(f["commit"] == commit for f in theirs)
    assert {f["rule"] for f in theirs} >= {"report_missing"}
    [stale] = [f for f in rows if f["rule"] == "member_stale"]  # never fetched: due 2 months after start
    assert (stale["id"], stale["unit"], stale["member"], stale["commit"], stale["due"]) == (
        "青羊区委",
        "青羊区委",
        "青羊区委",
        None,
        "2016-09-01",
    )
    # --member keeps only that member's findings; the table has a member column
    only = status_rows(cli, city, "--member", "武侯区委")
    assert only and {f["member"] for f in only} == {"武侯区委"}
    r = cli("status", "--members", "--ledger", city, "--as-of", "2016-12-31")
    assert r.exit_code == 0 and "member" in r.stdout and "武侯区委" in r.stdout, r
    r = cli("status", "--members", "--member", "某区委", "--ledger", city, "--as-of", "2016-12-31")
    assert r.exit_code == 2, r
    # without --members nothing changes: no member keys
    plain = json.loads(cli("status", "--ledger", city, "--as-of", "2016-12-31", "-f", "json").stdout)
    assert plain and all("member" not in f for f in plain)


def test_only_fetched_commits_count_and_refetch_after_a_new_commit(cli, tmp_path, two_districts, monkeypatch):
    wuhou, _j = two_districts
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    first = git(wuhou, "rev-parse", "HEAD").strip()
    assert cli("fetch", "--ledger", city).exit_code == 0
    before = status_rows(cli, city, "--member", "武侯区委")
    overdue = {
        "id": "T-2",
        "title": "逾期任务",
        "lead_unit": "区委深改办",
        "start": "2016-07-01",
        "due": "2016-08-31",
        "status": "in_progress",
    }
    text = "".join(f"{k}: {v}\n" for k, v in overdue.items())
    (wuhou / "tasks" / "T-2.yaml").write_text(text, encoding="utf-8")  # in the member's work tree only
    assert status_rows(cli, city, "--member", "武侯区委") == before
    second = commit_all(wuhou, "add T-2")  # committed, not yet fetched
    assert status_rows(cli, city, "--member", "武侯区委") == before
    import reformctl.store.members as members
    import reformctl.store.rollup as rollup

    calls = []
    real = members.list_blobs
    monkeypatch.setattr(members, "list_blobs", lambda *a: calls.append(a[1]) or real(*a))
    r = cli("fetch", "--ledger", city)
    assert r.exit_code == 0 and fetch_lines(r.stdout)["武侯区委"][1:2] == [second] and second != first, r
    after = status_rows(cli, city, "--member", "武侯区委")
    assert ("T-2", "task_overdue") in {(f["id"], f["rule"]) for f in after}
    assert all(f["commit"] == second for f in after)
    assert calls == [second]  # read once at the new commit
    again = status_rows(cli, city, "--member", "武侯区委")
    assert calls == [second]  # unchanged member: remembered, not read again
    loads = []
    real_read = members.read_member
    monkeypatch.setattr(members, "read_member", lambda *a, **k: loads.append(a[2]) or real_read(*a, **k))
    monkeypatch.setattr(rollup, "read_member", lambda *a, **k: loads.append(a[2]) or real_read(*a, **k))
    assert status_rows(cli, city, "--member", "武侯区委") == again == after
    assert loads == []  # its findings for that date are remembered too: the member is not even loaded
    fresh = status_rows(cli, city, "--member", "武侯区委", "--no-cache")
    assert fresh == after and loads == [second]


def test_member_with_errors_is_a_finding_not_a_crash(cli, tmp_path, two_districts, monkeypatch):
    wuhou, jinjiang = two_districts
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2016-11-01T10:00:00+08:00")  # member_invalid is due this day
    (jinjiang / "tasks" / "T-9.yaml").write_text("id: T-9\ntitle: [broken\n", encoding="utf-8")
    (jinjiang / "tasks" / "T-8.yaml").write_text(
        "id: T-8\ntitle: 坏单位\nlead_unit: 无此单位\nstart: 2016-07-01\ndue: 2016-12-31\nstatus: planned\n",
        encoding="utf-8",
    )
    bad = commit_all(jinjiang, "broken")
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: {jinjiang}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0  # fetched, whatever the ledger holds
    rows = status_rows(cli, city)
    [inv] = [f for f in rows if f["rule"] == "member_invalid"]
    assert (inv["id"], inv["unit"], inv["member"], inv["commit"], inv["light"], inv["due"]) == (
        "锦江区委",
        "锦江区委",
        "锦江区委",
        bad,
        "red",
        "2016-11-01",
    )
    [stale] = [f for f in rows if f["rule"] == "member_stale" and f["member"] == "锦江区委"]
    assert (stale["due"], stale["light"]) == ("2017-01-01", "yellow")  # two months after its last commit
    assert any(f["member"] == "锦江区委" and f["rule"] == "report_missing" for f in rows)  # its findings still shown
    r = cli("check", "--members", "--ledger", city, "--format", "json")
    assert r.exit_code == 1, r
    diags = json.loads(r.stdout)
    assert all("member" in d and "commit" in d for d in diags)
    mine = {(d["file"], d["code"], d["line"]) for d in diags if d["member"] == "锦江区委"}
    assert ("tasks/T-8.yaml", "unknown_unit", 3) in mine and any(f == "tasks/T-9.yaml" for f, _c, _l in mine)
    assert all(d["commit"] == bad for d in diags if d["member"] == "锦江区委")
    r = cli("check", "--members", "--member", "武侯区委", "--ledger", city)
    assert r.exit_code == 0, r
    r = cli("check", "--members", "--ledger", city)
    assert r.exit_code == 1 and f"锦江区委@{bad[:12]}:tasks/T-8.yaml:3" in r.stdout, r


def test_a_ledger_that_is_not_there_at_the_commit(cli, tmp_path, two_districts, monkeypatch):
    wuhou, _j = two_districts
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2016-11-01T10:00:00+08:00")
    git(wuhou, "commit", "-q", "--allow-empty", "-m", "dated")
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}, path: no/such/folder}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    [inv] = [f for f in status_rows(cli, city) if f["rule"] == "member_invalid"]
    assert inv["member"] == "武侯区委"
    r = cli("check", "--members", "--ledger", city)
    assert r.exit_code == 1 and "reformctl.yaml" in r.stdout, r


DOCKED_PLAN = (
    "id: PL-1\ntitle: 市方案\nlevel: city\nstatus: issued\napproved: 2016-07-20\nissued: 2016-08-01\n"
    "legality_review: 2016-07-10\ndock: all\n"
)


def test_docking_both_ways(cli, tmp_path):
    wuhou = make_district(
        tmp_path, "wuhou", "武侯", {"plans/PL-W1.yaml": "id: PL-W1\ntitle: 区对接方案\nlevel: district\ndocks: PL-1\n"}
    )
    jinjiang = make_district(tmp_path, "jinjiang", "锦江")
    city = make_city(
        tmp_path,
        f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: {jinjiang}}}\n",
        {"plans/PL-1.yaml": DOCKED_PLAN},
    )
    assert cli("fetch", "--ledger", city).exit_code == 0
    rows = [f for f in status_rows(cli, city) if f["rule"] == "docking_missing"]
    assert [(f["id"], f["unit"], f["member"], f["due"], f["light"]) for f in rows] == [
        ("PL-1", "锦江区委", "锦江区委", "2016-09-30", "red")
    ]
    # a task docking it is as good as a plan, whatever its status; a dock list names only some members
    write_files(
        jinjiang,
        {
            "tasks/T-2.yaml": "id: T-2\ntitle: 对接\nlead_unit: 区委深改办\nstart: 2016-07-01\n"
            "due: 2017-06-30\nstatus: cancelled\ndocks: PL-1\n"
        },
    )
    commit_all(jinjiang)
    assert cli("fetch", "--ledger", city).exit_code == 0
    assert [f for f in status_rows(cli, city) if f["rule"] == "docking_missing"] == []
    # not yet due: yellow within due_soon_days of issued + docking_days
    r = cli("status", "--members", "--ledger", city, "--as-of", "2016-09-20", "-f", "json", "--rule", "docking_missing")
    assert r.exit_code == 0 and json.loads(r.stdout) == [], r


def test_delegated_tasks_both_ways(cli, tmp_path):
    upper_task = (
        "id: T-U1\ntitle: 市交办任务\nlead_unit: 武侯区委\nstart: 2016-07-01\ndue: 2016-11-30\n"
        "status: in_progress\nmilestones:\n  - {name: 方案, due: 2016-09-30}\n"
    )
    done = make_district(
        tmp_path,
        "wuhou",
        "武侯",
        {
            "tasks/T-5.yaml": "id: T-5\ntitle: 落实市任务\nlead_unit: 区委深改办\nstart: 2016-07-01\ndue: 2016-11-30\n"
            "status: completed\ncompleted: 2016-11-20\nupper: T-U1\n"
        },
    )
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {done}}}\n", {"tasks/T-U1.yaml": upper_task})
    rules = {"task_overdue", "milestone_overdue", "update_overdue"}

    def upper_findings():
        return {f["rule"] for f in status_rows(cli, city) if f["id"] == "T-U1" and f["member"] is None} & rules

    assert upper_findings() == rules  # never fetched: nothing known, the task owes
    assert cli("fetch", "--ledger", city).exit_code == 0
    assert upper_findings() == set()  # the member completed it
    plain = json.loads(cli("status", "--ledger", city, "--as-of", "2016-12-31", "-f", "json").stdout)
    assert {f["rule"] for f in plain if f["id"] == "T-U1"} >= {"task_overdue"}  # without --members: as before
    # the other way: the member's task still open, its progress counts as the upper task's
    write_files(
        done,
        {
            "tasks/T-5.yaml": "id: T-5\ntitle: 落实市任务\nlead_unit: 区委深改办\nstart: 2016-07-01\n"
            "due: 2016-11-30\nstatus: in_progress\nupper: T-U1\nprogress:\n"
            "  - {date: 2016-12-10, note: 推进}\n"
        },
    )
    commit_all(done)
    assert cli("fetch", "--ledger", city).exit_code == 0
    assert upper_findings() == {"task_overdue", "milestone_overdue"}


def test_bundle_exchange(cli, tmp_path, two_districts):
    wuhou, _j = two_districts
    out = tmp_path / "wuhou.bundle"
    r = cli("bundle", out, "--ledger", wuhou)
    assert r.exit_code == 0 and out.is_file(), r
    city = make_city(tmp_path, "  - {unit: 武侯区委, repo: https://git.invalid/wuhou.git}\n")
    r = cli("fetch", "--bundle", out, "--member", "武侯区委", "--ledger", city)
    assert r.exit_code == 0, r
    assert fetch_lines(r.stdout)["武侯区委"][1] == git(wuhou, "rev-parse", "HEAD").strip()
    assert any(f["member"] == "武侯区委" for f in status_rows(cli, city))
    assert cli("fetch", "--bundle", out, "--ledger", city).exit_code == 2  # --member is needed
    # a bundle of two branches and no `branch:` in reformctl.yaml: which one is unclear, refused
    git(wuhou, "branch", "other")
    two = tmp_path / "two.bundle"
    subprocess.run(["git", "bundle", "create", "-q", str(two), "main", "other"], cwd=wuhou, check=True)
    r = cli("fetch", "--bundle", two, "--member", "武侯区委", "--ledger", city)
    assert r.exit_code == 1 and "2 branches" in r.stderr, r
    r = cli("fetch", "--bundle", tmp_path / "missing.bundle", "--member", "武侯区委", "--ledger", city)
    assert r.exit_code == 1 and "no bundle file" in r.stderr, r
    # in Chinese throughout: the reason is said in the command's language, not left in English
    r = cli("fetch", "--bundle", two, "--member", "武侯区委", "--ledger", city, "--lang", "zh")
    assert r.exit_code == 1 and "该 bundle 中有 2 个分支" in r.stderr and "branches" not in r.stderr, r
    r = cli("fetch", "--bundle", tmp_path / "missing.bundle", "--member", "武侯区委", "--ledger", city, "--lang", "zh")
    assert r.exit_code == 1 and "没有 bundle 文件" in r.stderr, r


@pytest.mark.parametrize("what", ["pipe", "link to a pipe", "folder"])
def test_bundle_refuses_to_replace_what_is_not_a_file(cli, tmp_path, two_districts, what):
    """git writes the bundle beside OUT and renames it over OUT: a named pipe or a device (`reformctl bundle
    /dev/null`, run as root, replaced /dev/null with a file) must be refused, and stay what it was."""
    import os
    import stat

    wuhou, _j = two_districts
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    out = {"pipe": pipe, "link to a pipe": tmp_path / "link.bundle", "folder": tmp_path / "folder"}[what]
    if what == "link to a pipe":
        out.symlink_to(pipe)
    elif what == "folder":
        out.mkdir()
    r = cli("bundle", out, "--ledger", wuhou)
    zh = cli("bundle", out, "--ledger", wuhou, "--lang", "zh")
    assert r.exit_code == zh.exit_code == 2, (r, zh)
    assert "is not a regular file" in r.stderr and "不是普通文件" in zh.stderr, (r, zh)
    assert stat.S_ISFIFO(pipe.lstat().st_mode) and not list(tmp_path.glob("*.lock"))
    assert out.is_dir() if what == "folder" else True


@pytest.mark.parametrize(
    "entry",
    [
        "{unit: 武侯区委, repo: '--upload-pack=touch PWNED'}",
        "{unit: 武侯区委, repo: 'ext::sh -c touch% PWNED'}",
        "{unit: 武侯区委, repo: ../wuhou, branch: '--upload-pack=touch PWNED'}",
        "{unit: 武侯区委, repo: ../wuhou, path: ../../etc}",
    ],
)
def test_hostile_member_sources_are_refused(cli, tmp_path, two_districts, entry):
    city = make_city(tmp_path, f"  - {entry}\n")
    r = cli("fetch", "--ledger", city, cwd=tmp_path)
    assert r.exit_code == 1, r
    assert not list(tmp_path.rglob("PWNED"))
    r = cli("check", "--ledger", city)
    assert r.exit_code == 1 and "member_unsafe" in r.stdout, r
    r = cli("status", "--members", "--ledger", city, "--as-of", "2016-12-31", "-f", "json")
    assert r.exit_code == 1 and "member_unsafe" in r.stderr, r  # a ledger with errors is refused, never a crash
    assert not list(tmp_path.rglob("PWNED"))


def test_git_refuses_the_ext_transport_even_past_the_checks(tmp_path):
    from reformctl.store.member_git import MemberError, run_git
    from reformctl.store.member_store import _ensure_store

    store = tmp_path / "store"
    _ensure_store(store)
    with pytest.raises(MemberError):
        run_git(store, "fetch", "--end-of-options", f"ext::sh -c touch% {tmp_path / 'PWNED'}", "+HEAD:refs/x")
    assert not (tmp_path / "PWNED").exists()


def test_members_in_the_same_repository(cli, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write_files(repo, {f"districts/wuhou/{k}": v for k, v in district_files("武侯").items()})
    write_files(
        repo,
        {
            "city/reformctl.yaml": "name: 市\nlevel: city\nstart: 2016-07-01\nmembers:\n"
            "  - {unit: 武侯区委, repo: ., path: districts/wuhou}\n",
            "city/units.yaml": CITY_UNITS,
        },
    )
    head = commit_all(repo, "city and district")
    city = repo / "city"
    r = cli("fetch", cwd=city)
    assert r.exit_code == 0 and fetch_lines(r.stdout)["武侯区委"][1:2] == [head], r
    assert git(repo, "status", "--porcelain") == ""
    rows = status_rows(cli, city)
    assert any(f["member"] == "武侯区委" for f in rows)
    # an uncommitted edit of the district is not what the city sees
    (repo / "districts/wuhou/tasks/T-1.yaml").write_text("broken: [\n", encoding="utf-8")
    assert not [f for f in status_rows(cli, city) if f["rule"] == "member_invalid"]
    assert cli("check", "--members", cwd=city).exit_code == 0
    # the city's own check does not read the district's folder
    assert cli("check", cwd=city).exit_code == 0


def test_check_members_warns_on_references_the_upper_lacks(cli, tmp_path):
    wuhou = make_district(
        tmp_path,
        "wuhou",
        "武侯",
        {
            "tasks/T-5.yaml": "id: T-5\ntitle: 落实\nlead_unit: 区委深改办\nstart: 2016-07-01\ndue: 2017-06-30\n"
            "status: planned\nupper: T-NOPE\ndocks: PL-NOPE\n",
            "plans/PL-W.yaml": "id: PL-W\ntitle: 区方案\nlevel: district\ndocks: PL-1\n",
        },
    )
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n", {"plans/PL-1.yaml": DOCKED_PLAN})
    assert cli("fetch", "--ledger", city).exit_code == 0
    r = cli("check", "--members", "--ledger", city, "-f", "json")
    assert r.exit_code == 0, r  # warnings only
    warn = [(d["file"], d["line"], d["code"], d["severity"]) for d in json.loads(r.stdout) if d["member"] == "武侯区委"]
    assert warn == [
        ("tasks/T-5.yaml", 7, "unknown_upper", "warning"),
        ("tasks/T-5.yaml", 8, "unknown_upper", "warning"),
    ]


def test_summary_members_adds_one_row_per_member(cli, tmp_path, two_districts):
    wuhou, jinjiang = two_districts
    city = make_city(
        tmp_path,
        f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: {jinjiang}}}\n",
        {
            "tasks/T-C1.yaml": "id: T-C1\ntitle: 市任务\nlead_unit: 市委深改办\nstart: 2016-07-01\ndue: 2016-10-31\n"
            "status: in_progress\n"
        },
    )
    assert cli("fetch", "武侯区委", "--ledger", city).exit_code == 0
    r = cli("summary", "--members", "--quarter", "2016Q4", "--ledger", city, "-f", "json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert [(x["unit"], x["member"], x["tasks"]) for x in data["rows"]] == [
        ("市委深改办", None, 1),
        ("武侯区委", "武侯区委", 1),
        ("锦江区委", "锦江区委", None),  # never fetched: its row says so (below)
    ]
    assert data["totals"]["tasks"] == 2
    r = cli("summary", "--members", "--quarter", "2016Q4", "--ledger", city)
    assert r.exit_code == 0 and "武侯区委 (member)" in r.stdout, r
    # the ledger's own sections (pilots, problems, reports, obligations) are kept, in every format
    alone = json.loads(cli("summary", "--quarter", "2016Q4", "--ledger", city, "-f", "json").stdout)
    extra = set(alone) - {"rows", "totals"}
    assert extra >= {"quarter", "pilots", "problems"}, sorted(alone)
    assert {k: data[k] for k in extra} == {k: alone[k] for k in extra}
    for fmt in ("table", "markdown"):
        own = cli("summary", "--quarter", "2016Q4", "--ledger", city, "-f", fmt, "--lang", "en").stdout
        both = cli("summary", "--members", "--quarter", "2016Q4", "--ledger", city, "-f", fmt, "--lang", "en").stdout
        assert "Pilots" in own and "Pilots" in both, fmt


def test_summary_members_a_row_for_a_member_never_fetched_or_unreadable(cli, tmp_path, two_districts):
    """Every member has its row: one never fetched or unreadable says so, with no figures (not zeros)."""
    wuhou, jinjiang = two_districts
    broken = make_district(tmp_path, "qingyang", "青羊区台账", {"reformctl.yaml": "name: [unclosed\n"})
    city = make_city(
        tmp_path,
        f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: {jinjiang}}}\n"
        f"  - {{unit: 青羊区委, repo: {broken}}}\n",
        {
            "tasks/T-C1.yaml": "id: T-C1\ntitle: 市任务\nlead_unit: 市委深改办\nstart: 2016-07-01\ndue: 2016-10-31\n"
            "status: in_progress\n"
        },
    )
    assert cli("fetch", "武侯区委", "青羊区委", "--ledger", city).exit_code == 0
    commit = git(broken, "rev-parse", "HEAD").strip()
    r = cli("summary", "--members", "--quarter", "2016Q4", "--ledger", city, "-f", "json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    rows = {(x["unit"], x["member"]): x for x in data["rows"]}
    assert list(rows) == [
        ("市委深改办", None),
        ("武侯区委", "武侯区委"),
        ("锦江区委", "锦江区委"),
        ("青羊区委", "青羊区委"),
    ]
    assert rows[("市委深改办", None)]["member_state"] is None and rows[("市委深改办", None)]["member_note"] is None
    assert rows[("武侯区委", "武侯区委")]["member_state"] == "ok" and rows[("武侯区委", "武侯区委")]["tasks"] == 1
    never = rows[("锦江区委", "锦江区委")]
    assert never["member_state"] == "not_fetched" and never["commit"] is None
    assert "reformctl fetch" in never["member_note"]
    assert [never[k] for k in ("tasks", "due_in_quarter", "completed_in_quarter", "overdue", "completion_rate")] == [
        None
    ] * 5
    bad = rows[("青羊区委", "青羊区委")]
    assert bad["member_state"] == "unreadable" and bad["commit"] == commit and bad["tasks"] is None
    assert bad["member_note"].startswith("cannot be read: ")
    assert data["totals"]["tasks"] == 2  # the rows with figures
    r = cli("summary", "--members", "--quarter", "2016Q4", "--ledger", city, "-f", "csv")
    assert r.exit_code == 0, r
    lines = r.stdout.splitlines()
    assert lines[0].endswith(",member,commit,member_state,member_note")
    assert lines[3].startswith("锦江区委,,,,,,锦江区委,,not_fetched,never fetched")
    assert lines[4].startswith(f"青羊区委,,,,,,青羊区委,{commit},unreadable,")
    assert lines[5].startswith("total,2,")
    r = cli("summary", "--members", "--quarter", "2016Q4", "--ledger", city, env={"COLUMNS": "200"})
    assert r.exit_code == 0, r
    line = next(x for x in r.stdout.splitlines() if "锦江区委" in x)
    assert "never fetched" in line and "-" in line and "0" not in line.split("fetch")[-1]
    r = cli("summary", "--members", "--quarter", "2016Q4", "--ledger", city, "--lang", "zh", "-f", "markdown")
    assert r.exit_code == 0, r
    assert "| 锦江区委（下级台账，从未获取，运行 reformctl fetch） | — | — | — | — | — |" in r.stdout
    assert "青羊区委（下级台账，无法读取：" in r.stdout


def test_summary_members_marks_a_member_with_check_errors(cli, tmp_path):
    bad_task = {"tasks/T-2.yaml": "id: T-2\ntitle: 坏任务\nlead_unit: 不存在\nstart: 2016-07-01\ndue: 2016-12-01\n"}
    wuhou = make_district(tmp_path, "wuhou", "武侯区台账", bad_task)
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    r = cli("summary", "--members", "--quarter", "2016Q4", "--ledger", city, "-f", "json")
    assert r.exit_code == 0, r
    row = json.loads(r.stdout)["rows"][-1]
    assert (
        row["member"] == "武侯区委" and row["member_state"] == "errors" and row["tasks"] == 1
    )  # the broken file not counted
    assert "check --members" in row["member_note"]


def test_the_sample_roll_up_on_a_fresh_clone(cli, tmp_path):
    """The README's two commands on a copy of this repository's sample (the city and its three districts)."""
    import shutil

    from conftest import REPO

    repo = tmp_path / "clone"
    shutil.copytree(REPO / "ledger-data", repo / "ledger-data")
    shutil.copytree(REPO / "district-ledgers", repo / "district-ledgers")
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "sample")
    city = repo / "ledger-data"
    r = cli("fetch", cwd=city)
    assert r.exit_code == 0 and set(fetch_lines(r.stdout)) == {"武侯区委", "锦江区委", "双流区委"}, r
    assert git(repo, "status", "--porcelain") == ""
    rows = status_rows(cli, city)
    docking = [(f["id"], f["member"], f["light"]) for f in rows if f["rule"] == "docking_missing"]
    assert docking == [("PL-2016-004", "双流区委", "red")]  # 武侯 docks it with a plan, 锦江 with a task
    assert {f["member"] for f in rows} == {None, "武侯区委", "锦江区委", "双流区委"}
    # T-2016-034 is carried by 双流's T-SL-2016-001, whose progress of 2016-12-20 is the city task's latest
    plain = json.loads(cli("status", "--as-of", "2016-12-31", "-f", "json", cwd=city).stdout)
    assert ("T-2016-034", "update_overdue") in {(f["id"], f["rule"]) for f in plain}
    assert ("T-2016-034", "update_overdue") not in {(f["id"], f["rule"]) for f in rows}
    assert cli("check", "--members", cwd=city).exit_code == 0
    assert cli("check", cwd=city).exit_code == 0


def test_init_upper_writes_the_scheduled_roll_up(cli, tmp_path):
    import sys

    import yaml

    led = tmp_path / "city"
    assert cli("init", led, "--start", "2025-01-01", "--upper").exit_code == 0
    wf_path = led / ".github/workflows/reformctl-members.yml"
    wf = yaml.safe_load(wf_path.read_text(encoding="utf-8"))
    assert "schedule" in wf[True] and "pull_request" not in wf[True]  # `on:` reads as True in YAML 1.1
    steps = wf["jobs"]["roll-up"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    for command in ("reformctl fetch", "reformctl status --members", "GITHUB_STEP_SUMMARY", "reformctl report --html"):
        assert command in runs, command
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps)
    assert git(led, "status", "--porcelain") == "" and "reformctl-members.yml" in git(led, "ls-files")
    assert "# members:" in (led / "reformctl.yaml").read_text(encoding="utf-8")
    assert cli("check", "--ledger", led).exit_code == 0
    if __import__("importlib").util.find_spec("check_jsonschema"):
        r = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(wf_path)],
            capture_output=True,
            text=True,
        )
        assert r.returncode == 0, r.stdout + r.stderr
    plain = tmp_path / "district"
    assert cli("init", plain, "--start", "2025-01-01", "--level", "district").exit_code == 0
    assert not (plain / ".github/workflows/reformctl-members.yml").exists()


def test_report_html_members_section(cli, tmp_path, two_districts):
    wuhou, jinjiang = two_districts
    city = make_city(
        tmp_path,
        f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: {jinjiang}}}\n"
        "  - {unit: 青羊区委, repo: ../nowhere}\n",
        {"plans/PL-1.yaml": DOCKED_PLAN},
    )
    cli("fetch", "--ledger", city)
    out = tmp_path / "r.html"
    r = cli("report", "--html", out, "--members", "--ledger", city, "--as-of", "2016-12-31", "--lang", "en")
    assert r.exit_code == 0, r
    page = out.read_text(encoding="utf-8")
    assert '<section id="members">' in page
    rows = json.loads(cli("status", "--members", "--ledger", city, "--as-of", "2016-12-31", "-f", "json").stdout)
    for unit in ("武侯区委", "锦江区委", "青羊区委"):
        red = sum(f["member"] == unit and f["light"] == "red" for f in rows)
        assert re.search(
            rf'<tr data-member="{unit}"><td>{unit}</td><td class="nw">[^<]+</td><td class="n">{red}</td>', page
        ), unit
    assert "never fetched" in page and 'data-rule="docking_missing"' in page
    # what it wrote counts the members' findings apart from the ledger's own (it said "0 red" of a page of red)
    theirs = [f for f in rows if f["member"] and f["light"] in ("red", "yellow")]
    red = sum(f["light"] == "red" for f in theirs)
    assert red and f"with 3 member(s): {red} red and {len(theirs) - red} yellow finding(s)" in r.stderr, r.stderr
    zh = cli("report", "--html", out, "--members", "--ledger", city, "--as-of", "2016-12-31", "--lang", "zh")
    assert f"含3个下级：其红灯{red}项、黄灯{len(theirs) - red}项" in zh.stderr, zh.stderr
    r = cli("report", "--html", out, "--ledger", city, "--as-of", "2016-12-31")
    assert r.exit_code == 0 and '<section id="members">' not in out.read_text(encoding="utf-8")
    assert "member(s)" not in r.stderr


def test_export_members_sheets_and_import_ignores_them(cli, tmp_path):
    import openpyxl

    wuhou = make_district(
        tmp_path,
        "wuhou",
        "武侯",
        {
            "tasks/T-7.yaml": 'id: T-7\ntitle: \'=HYPERLINK("http://x","y")\'\nlead_unit: 区委深改办\nstart: 2016-07-01\n'
            "due: 2016-08-31\nstatus: in_progress\n"
        },
    )
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    out = tmp_path / "l.xlsx"
    r = cli("export", "--xlsx", out, "--members", "--ledger", city, "--as-of", "2016-12-31", "--lang", "zh")
    assert r.exit_code == 0, r
    wb = openpyxl.load_workbook(out)
    summary, found = wb["下级台账(只读)"], wb["下级台账事项(只读)"]
    rows = json.loads(cli("status", "--members", "--ledger", city, "--as-of", "2016-12-31", "-f", "json").stdout)
    red = sum(f["member"] == "武侯区委" and f["light"] == "red" for f in rows)
    assert [c.value for c in summary[2]] == [
        "武侯区委",
        git(wuhou, "rev-parse", "HEAD").strip(),
        red,
        sum(f["member"] == "武侯区委" and f["light"] == "yellow" for f in rows),
    ]
    [cell] = [r[3] for r in found.iter_rows(min_row=2) if r[2].value == "T-7"][:1]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")  # text, not a formula
    before = git(city, "rev-parse", "HEAD")
    r = cli("import", "--ledger", city, out, "--as-of", "2016-12-31")
    assert r.exit_code == 0 and git(city, "rev-parse", "HEAD") == before, r


def test_check_members_speaks_chinese(cli, tmp_path):
    wuhou = make_district(
        tmp_path,
        "wuhou",
        "武侯",
        {
            "tasks/T-5.yaml": "id: T-5\ntitle: 落实\nlead_unit: 区委深改办\nstart: 2016-07-01\ndue: 2017-06-30\n"
            "status: planned\nupper: T-NOPE\ndocks: PL-NOPE\n"
        },
    )
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: ../nowhere}}\n")
    cli("fetch", "--ledger", city)
    r = cli("check", "--members", "--ledger", city, "--lang", "zh")
    assert r.exit_code == 0, r
    assert "`upper` 引用的 `T-NOPE` 不是上级台账中的任务" in r.stdout
    assert "`docks` 引用的 `PL-NOPE` 不是上级台账中的方案" in r.stdout
    assert "下级台账 `锦江区委` 从未获取" in r.stdout
    assert "个下级台账" in r.stderr
    r = cli("fetch", "某区委", "--ledger", city, "--lang", "zh")
    assert r.exit_code == 2 and "不是 reformctl.yaml 中 members 的单位" in r.stderr
    r = cli("status", "--members", "--ledger", city, "--lang", "zh", "--as-of", "2016-12-31", "--rule", "member_stale")
    assert "从未获取" in r.stdout and "下级" in r.stdout


def test_check_members_a_damaged_store_is_member_unreadable_on_its_entry(cli, tmp_path, two_districts):
    """A member whose fetched commit can no longer be read (its copy lost objects): an error on its entry in this
    ledger's reformctl.yaml, shown as this ledger's file, carrying the member and its commit; never a crash."""
    wuhou, _j = two_districts
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    commit = git(wuhou, "rev-parse", "HEAD").strip()
    (store,) = [p.parent for p in (city / ".git" / "reformctl" / "members").glob("*/HEAD")]
    tree = git(store, "rev-parse", "refs/reformctl/member^{tree}").strip()
    (store / "objects" / tree[:2] / tree[2:]).unlink()
    r = cli("check", "--members", "--ledger", city, "-f", "json")
    assert r.exit_code == 1, r
    (d,) = [x for x in json.loads(r.stdout) if x["code"] == "member_unreadable"]
    assert (d["file"], d["line"], d["member"], d["commit"]) == ("reformctl.yaml", 5, "武侯区委", commit)
    r = cli("check", "--members", "--ledger", city, cwd=city)
    assert r.exit_code == 1
    line = next(x for x in r.stdout.splitlines() if "member_unreadable" in x)
    assert line.startswith("reformctl.yaml:5:") and commit[:12] in line, line
    r = cli("status", "--members", "--ledger", city, "-f", "json")  # as of today: the commit's own day
    assert r.exit_code == 0, r
    assert [f["rule"] for f in json.loads(r.stdout) if f["member"] == "武侯区委"] == ["member_invalid"]


def _upper_office(cli, tmp_path) -> tuple[Path, Path]:
    """A city ledger made by `init --upper`, with two district members (one unreachable), committed."""
    wuhou = make_district(tmp_path, "wuhou", "武侯区台账")
    led = tmp_path / "city"
    spec = "reformctl @ git+https://example.org/r.git@v1"
    assert cli("init", led, "--start", "2016-07-01", "--upper", "--install-spec", spec).exit_code == 0
    with (led / "units.yaml").open("a", encoding="utf-8") as f:
        f.write("- {id: 武侯区委, name: 武侯区委, type: party_committee}\n")
        f.write("- {id: 锦江区委, name: 锦江区委, type: party_committee}\n")
    with (led / "reformctl.yaml").open("a", encoding="utf-8") as f:
        f.write(f"members:\n  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: ../nowhere}}\n")
    commit_all(led, "members")
    return led, wuhou


def test_init_upper_gitlab_job_runs_the_roll_up(cli, tmp_path):
    """The GitLab variant of the upper office's scheduled job: valid for GitLab, and its commands, run as the
    runner would, fetch the members, write the roll-up table and the HTML report it keeps."""
    import sys

    import yaml

    from test_kit_workflows import gitlab_commands, run

    led, wuhou = _upper_office(cli, tmp_path)
    ci_path = led / ".gitlab-ci.yml"
    ci = yaml.safe_load(ci_path.read_text(encoding="utf-8"))
    job = ci["reformctl-members"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule" || $CI_PIPELINE_SOURCE == "web"'}]
    assert job["allow_failure"] == {"exit_codes": [1]} and job["artifacts"]["when"] == "always"
    assert set(job["artifacts"]["paths"]) == {"reformctl-report.html", "reformctl-members.txt"}
    assert {"reformctl-check", "reformctl-status"} <= set(ci)  # the ledger's own jobs are still there
    cmds = gitlab_commands(ci_path)["reformctl-members"]
    lines = [line.strip() for line, _env in cmds]
    assert lines == [
        "reformctl fetch || true",
        "reformctl status --members > reformctl-members.txt",
        "reformctl report --html reformctl-report.html --members",
        "reformctl check --members",
    ]
    codes = [run(line, env, {}, led).returncode for line, env in cmds]
    assert codes == [1, 0, 0, 0], codes  # 锦江区委 cannot be fetched (`|| true` goes on); no errors in 武侯区委
    table = (led / "reformctl-members.txt").read_text(encoding="utf-8")
    assert "light  member" in table and "武侯区委" in table
    assert re.search(r"red +锦江区委 +锦江区委 +member stale", table), table
    assert '<section id="members">' in (led / "reformctl-report.html").read_text(encoding="utf-8")
    assert git(led, "status", "--porcelain") == "?? reformctl-members.txt\n?? reformctl-report.html\n"
    if __import__("importlib").util.find_spec("check_jsonschema"):
        r = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", str(ci_path)],
            capture_output=True,
            text=True,
        )
        assert r.returncode == 0, r.stdout + r.stderr
    # a member with errors: the job ends with check's exit 1, which GitLab shows as a warning (allow_failure)
    (wuhou / "tasks/T-1.yaml").write_text("id: [\n", encoding="utf-8")
    commit_all(wuhou, "broken")
    codes = [run(line, env, {}, led).returncode for line, env in cmds]
    assert codes == [1, 0, 0, 1], codes
    plain = tmp_path / "district"
    assert cli("init", plain, "--start", "2025-01-01", "--level", "district").exit_code == 0
    assert "reformctl-members" not in yaml.safe_load((plain / ".gitlab-ci.yml").read_text(encoding="utf-8"))


def test_init_upper_github_job_commands_run(cli, tmp_path):
    """The GitHub job's commands, run as the runner would: the roll-up table lands in the step summary."""
    import yaml

    from test_kit_workflows import reformctl_lines, run

    led, _wuhou = _upper_office(cli, tmp_path)
    wf = yaml.safe_load((led / ".github/workflows/reformctl-members.yml").read_text(encoding="utf-8"))
    summary = tmp_path / "summary.md"
    codes = []
    for step in wf["jobs"]["roll-up"]["steps"]:
        for line in reformctl_lines(step.get("run", "")):
            r = run(line, {**wf.get("env", {}), **step.get("env", {})}, {"GITHUB_STEP_SUMMARY": str(summary)}, led)
            codes.append(r.returncode)
            if "status --members" in line:
                assert re.search(r"red +锦江区委 +锦江区委 +member stale", r.stdout), r.stdout
    assert codes == [1, 0, 0, 0], codes
    assert (led / "reformctl-report.html").is_file()


def test_status_members_json_remembered_per_member_is_the_same_output(cli, tmp_path, two_districts, monkeypatch):
    """`status --members --format json` remembers each member's rendered findings with its commit: a warm run
    writes them as they were, reading and building nothing of an unchanged member, and says exactly what a run
    computing everything says (order, filters, --fail-on); a member's new commit is read again."""
    import reformctl.store.members as members
    import reformctl.store.rollup as rollup

    wuhou, jinjiang = two_districts
    write_files(
        jinjiang,
        {
            "tasks/T-2.yaml": "id: T-2\ntitle: 逾期\nlead_unit: 区委深改办\nstart: 2016-07-01\ndue: 2016-08-01\nstatus: in_progress\n"
        },
    )
    commit_all(jinjiang)
    city = make_city(
        tmp_path,
        f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: {jinjiang}}}\n",
        {
            "plans/PL-1.yaml": DOCKED_PLAN,
            "tasks/T-C1.yaml": "id: T-C1\ntitle: 市任务\nlead_unit: 市委深改办\nstart: 2016-07-01\ndue: 2016-10-31\n"
            "status: in_progress\n",
        },
    )
    assert cli("fetch", "--ledger", city).exit_code == 0
    base = ("status", "--members", "--ledger", city, "--as-of", "2016-12-31", "-f", "json")
    variants = [(), ("--light", "yellow"), ("--unit", "区委深改办", "--rule", "task_overdue"), ("--member", "锦江区委")]
    fresh = {v: cli(*base, *v, "--no-cache") for v in variants}
    for v in variants:
        first = cli(*base, *v)
        assert first.exit_code == 0 and first.stdout == fresh[v].stdout, v
    rows = json.loads(fresh[()].stdout)
    assert {f["member"] for f in rows} == {None, "武侯区委", "锦江区委"}
    csv_order = [line.split(",")[0] for line in cli(*base[:-1], "csv", "--no-cache").stdout.splitlines()[1:]]
    assert [f["id"] for f in rows] == csv_order  # the order of the findings, not of their sources

    def refuse(*_a, **_k):
        raise AssertionError("an unchanged member was read or its findings built again")

    monkeypatch.setattr(members, "read_member", refuse)
    monkeypatch.setattr(rollup, "read_member", refuse)
    monkeypatch.setattr(rollup, "_remembered_findings", refuse)
    for v in variants:
        warm = cli(*base, *v)
        assert warm.exit_code == 0 and warm.stdout == fresh[v].stdout, v
    assert cli(*base, "--fail-on", "red").exit_code == 1
    monkeypatch.undo()
    # a new commit of one member: that member is read again, the output follows it
    (jinjiang / "tasks/T-2.yaml").write_text(
        "id: T-2\ntitle: 已完成\nlead_unit: 区委深改办\nstart: 2016-07-01\ndue: 2016-08-01\nstatus: completed\n"
        "completed: 2016-07-30\n",
        encoding="utf-8",
    )
    commit_all(jinjiang)
    assert cli("fetch", "锦江区委", "--ledger", city).exit_code == 0
    after = cli(*base)
    assert after.stdout == cli(*base, "--no-cache").stdout != fresh[()].stdout
    assert "T-2" not in {f["id"] for f in json.loads(after.stdout) if f["member"] == "锦江区委"}


def test_member_reads_depend_on_every_rules_module():
    """What is remembered of a member is dropped when any rule changes, the checks' sub-package included."""
    from reformctl.store.members import rules_sources

    names = {p.relative_to(p.parents[1]).as_posix() for p in rules_sources()}
    assert any(n.endswith("checks/tasks.py") or n == "checks/tasks.py" for n in names), sorted(names)


def test_fetch_repairs_a_store_that_lost_objects(cli, tmp_path, two_districts):
    """A member's fetched copy that lost objects (a disk fault, a clean-up by hand) is fetched afresh, and said so;
    before, every later fetch failed with git's "not a tree object" until the folder was deleted by hand."""
    wuhou, _j = two_districts
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    before = status_rows(cli, city)
    (store,) = [p.parent for p in (city / ".git" / "reformctl" / "members").glob("*/HEAD")]
    tree = git(store, "rev-parse", "refs/reformctl/member^{tree}").strip()
    (store / "objects" / tree[:2] / tree[2:]).unlink()
    r = cli("fetch", "--ledger", city, "--lang", "zh")
    assert r.exit_code == 0, r
    assert "武侯区委" in r.stderr and "已重新获取" in r.stderr
    assert fetch_lines(r.stdout)["武侯区委"][1] == git(wuhou, "rev-parse", "HEAD").strip()
    assert status_rows(cli, city) == before


def test_an_unreachable_member_keeps_its_last_fetched_commit(cli, tmp_path, two_districts):
    """A remote that cannot be reached is no reason to drop an intact copy: the roll-up goes on with the commit
    fetched last."""
    wuhou, _j = two_districts
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    before = status_rows(cli, city)
    wuhou.rename(tmp_path / "gone")
    r = cli("fetch", "--ledger", city)
    assert r.exit_code == 1 and "武侯区委" in r.stderr and "afresh" not in r.stderr
    assert status_rows(cli, city) == before


def test_a_fetch_that_cannot_start_git_to_check_the_copy_keeps_it(cli, tmp_path, two_districts, monkeypatch):
    """Whether a copy is damaged is asked of git only after a fetch failed; when git cannot even be started
    (a process limit), nothing is known and nothing is deleted: the failure is reported, no traceback."""
    import reformctl.store.member_git as ms

    wuhou, _j = two_districts
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    before = status_rows(cli, city)
    wuhou.rename(tmp_path / "gone")
    real = ms.run_isolated

    def no_fsck(argv, env, cwd=None, input=None):
        if "fsck" in argv:
            raise OSError(11, "Resource temporarily unavailable")
        return real(argv, env, cwd=cwd, input=input)

    monkeypatch.setattr(ms, "run_isolated", no_fsck)
    r = cli("fetch", "--ledger", city)
    assert r.exit_code == 1 and "武侯区委" in r.stderr
    monkeypatch.setattr(ms, "run_isolated", real)
    assert status_rows(cli, city) == before


def test_a_damaged_copy_that_cannot_be_fetched_again_says_so(cli, tmp_path, two_districts):
    """A copy that lost objects is deleted; when fetching it again fails too (the member cannot be reached), the
    message says so instead of "fetched afresh", and the member is reported as not fetched."""
    wuhou, _j = two_districts
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    (store,) = [p.parent for p in (city / ".git" / "reformctl" / "members").glob("*/HEAD")]
    tree = git(store, "rev-parse", "refs/reformctl/member^{tree}").strip()
    (store / "objects" / tree[:2] / tree[2:]).unlink()
    wuhou.rename(tmp_path / "gone")
    r = cli("fetch", "--ledger", city)
    zh = cli("fetch", "--ledger", city, "--lang", "zh")
    assert r.exit_code == 1 and "fetching it afresh failed too" in r.stderr and "it was fetched afresh" not in r.stderr
    assert "cannot fetch member 武侯区委" in r.stderr, r
    assert zh.exit_code == 1 and "获取下级台账 武侯区委 失败" in zh.stderr, zh  # nothing left to repair the 2nd time
    (tmp_path / "gone").rename(wuhou)
    assert cli("fetch", "--ledger", city).exit_code == 0
    assert any(row["member"] == "武侯区委" for row in status_rows(cli, city))


@pytest.mark.parametrize("env", [{"REFORMCTL_MAX_MEMBER_FILES": "3"}, {"REFORMCTL_MAX_MEMBER_BYTES": "4000"}])
def test_a_member_past_the_limits_is_refused_whole_not_read(cli, tmp_path, two_districts, monkeypatch, env):
    """A member's commit holding more ledger files (or bytes) than the limits is not read at all (read, a hostile
    one would take minutes and gigabytes of the office above): one error, in both languages, naming the limit
    and its variable; the roll-up goes on with the other members."""
    wuhou, jinjiang = two_districts
    note = "推进中" * 300  # 2.7 KB of text: the second file takes the member past 4,000 bytes
    for i in (2, 3):
        (jinjiang / "tasks" / f"T-{i}.yaml").write_text(
            f"id: T-{i}\ntitle: 区任务{i}\nlead_unit: 区委深改办\nstart: 2016-07-01\ndue: 2017-06-30\n"
            f"status: in_progress\nprogress:\n  - {{date: 2016-12-01, note: {note}}}\n",
            encoding="utf-8",
        )
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2016-11-01T10:00:00+08:00")  # member_invalid is due this day
    commit_all(jinjiang, "more")
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n  - {{unit: 锦江区委, repo: {jinjiang}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    before = [f for f in status_rows(cli, city) if f["member"] == "武侯区委"]
    assert "report_missing" in {f["rule"] for f in status_rows(cli, city) if f["member"] == "锦江区委"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    rows = status_rows(cli, city)
    assert [f for f in rows if f["member"] == "武侯区委"] == before
    rules = {f["rule"] for f in rows if f["member"] == "锦江区委"}
    assert "member_invalid" in rules and rules <= {"member_invalid", "member_stale"}, rules  # nothing of it read
    r = cli("check", "--members", "--ledger", city, "--format", "json")
    assert r.exit_code == 1, r
    [d] = [d for d in json.loads(r.stdout) if d["member"] == "锦江区委"]
    assert (d["file"], d["code"]) == ("reformctl.yaml", "file_too_large"), d
    assert "not read" in d["message"] and next(iter(env)) in d["message"], d
    zh = cli("check", "--members", "--ledger", city, "--lang", "zh")
    assert zh.exit_code == 1 and "未读取" in zh.stdout and next(iter(env)) in zh.stdout, zh


@pytest.mark.parametrize("stamp", ["@7258000000 +0800", "@253402300000 +0800"])  # in 2199; in the year 10000
def test_a_commit_dated_after_it_was_fetched_counts_from_the_fetch(cli, tmp_path, two_districts, monkeypatch, stamp):
    """A member cannot date its commits far ahead so that `member_invalid` and `member_stale` never fall due (nor
    past what Python's dates hold, which read as "never fetched"): a commit is not later than its fetch."""
    import datetime as dt

    wuhou, _j = two_districts
    (wuhou / "tasks" / "T-8.yaml").write_text(
        "id: T-8\ntitle: 坏单位\nlead_unit: 无此单位\nstart: 2016-07-01\ndue: 2016-12-31\nstatus: planned\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("GIT_COMMITTER_DATE", stamp)
    commit_all(wuhou, "dated far ahead, and broken")
    monkeypatch.delenv("GIT_COMMITTER_DATE")
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    r = cli("fetch", "--ledger", city)
    today = dt.date.today()
    assert r.exit_code == 0 and fetch_lines(r.stdout)["武侯区委"][2][:10] in (
        today.isoformat(),
        (today - dt.timedelta(days=1)).isoformat(),
    ), r
    from reformctl.rules.dates import add_months

    later = (add_months(today, 2) - dt.timedelta(days=5)).isoformat()  # the fetch's staleness is due soon
    rows = cli("status", "--members", "--ledger", city, "--as-of", later, "--format", "json")
    found = {f["rule"]: f for f in json.loads(rows.stdout) if f["member"] == "武侯区委"}
    assert found["member_invalid"]["light"] == "red", found  # red from the day after the fetch
    assert found["member_stale"]["light"] == "yellow" and "never fetched" not in found["member_stale"]["message"]


def test_two_fetches_making_the_same_store_at_once_both_succeed(cli, tmp_path, two_districts, monkeypatch):
    """Two fetches of a member never fetched (a scheduled job and a person): each makes the store beside its place
    and renames it in; the one that comes second finds it made and uses it (it failed: "cannot write the store")."""
    import os

    wuhou, _j = two_districts
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {wuhou}}}\n")
    real = os.rename

    def the_other_fetch_first(src, dst, *a, **k):
        if str(src).endswith(f".new-{os.getpid()}") and not os.path.exists(dst):
            subprocess.run(["git", "init", "--bare", "-q", str(dst)], check=True)  # the other fetch's store
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "rename", the_other_fetch_first)
    r = cli("fetch", "--ledger", city)
    assert r.exit_code == 0, r
    assert fetch_lines(r.stdout)["武侯区委"][1] == git(wuhou, "rev-parse", "HEAD").strip()
    assert not list((city / ".git" / "reformctl" / "members").glob("*.new-*"))
