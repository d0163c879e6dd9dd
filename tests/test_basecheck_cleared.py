"""`check --base`: a change must not quietly clear a finding by editing the record it comes from: removing a
unit from a reminder's `to` (append_only), or clearing a problem's `rectified` or `verified` date
(status_backwards, unless the problem gives a `reopen_reason`). On real repositories of ledger-data/."""

from __future__ import annotations

import json

from conftest import git


def findings(cli, repo, ref="HEAD"):
    r = cli("check", "--ledger", repo, "--base", ref, "--format", "json")
    return r, json.loads(r.stdout)


def edit(repo, rel, old, new):
    p = repo / rel
    text = p.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(repo, rel, needle, nth=1):
    seen = 0
    for i, ln in enumerate((repo / rel).read_text(encoding="utf-8").splitlines(), 1):
        if ln.strip().startswith(needle):
            seen += 1
            if seen == nth:
                return i
    raise AssertionError(needle)


def reminder_overdue_units(cli, repo):
    r = cli("status", "--ledger", repo, "--as-of", "2016-12-31", "--format", "json")
    assert r.exit_code == 0
    return sorted((f["id"], f["unit"]) for f in json.loads(r.stdout) if f["rule"] == "reminder_overdue")


def test_removing_an_overdue_recipient_of_a_reminder_is_reported(sample_repo, cli):
    rel = "reminders/SR-2016-002.yaml"
    assert ("SR-2016-002", "郫县县委") in reminder_overdue_units(cli, sample_repo)
    edit(sample_repo, rel, ", 郫县县委]", "]")
    # the edit does silence the finding: that is why check --base must catch it
    assert ("SR-2016-002", "郫县县委") not in reminder_overdue_units(cli, sample_repo)
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1, found
    hits = [f for f in found if f["code"] == "append_only"]
    assert [(f["file"], f["line"]) for f in hits] == [(rel, line_of(sample_repo, rel, "to:"))]
    assert "郫县县委" in hits[0]["message"] and "`to`" in hits[0]["message"]
    text = cli("check", "--ledger", sample_repo, "--base", "HEAD").stdout
    assert f"{rel}:{line_of(sample_repo, rel, 'to:')}:" in text and "[append_only]" in text


def test_adding_or_reordering_recipients_passes(sample_repo, cli):
    edit(
        sample_repo,
        "reminders/SR-2016-002.yaml",
        "to: [经济体制和生态文明体制改革专项小组, 市农委, 市国土局, 郫县县委]",
        "to: [市农委, 经济体制和生态文明体制改革专项小组, 郫县县委, 市国土局, 市发改委]",
    )
    r, found = findings(cli, sample_repo)
    assert [f for f in found if f["code"] == "append_only"] == []
    assert r.exit_code == 0, found


def test_clearing_rectified_or_verified_is_status_backwards(sample_repo, cli):
    rel = "notices/RN-2016-001.yaml"
    edit(
        sample_repo,
        rel,
        "    rectified: 2016-10-28\n    verified: 2016-11-10\n",
        "    rectified: null\n    verified: 2016-11-10\n",
    )
    edit(sample_repo, rel, "    rectified: 2016-12-05\n", "")  # problem 3: the key removed altogether
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1, found
    hits = sorted((f["line"], f["message"].split(":")[0]) for f in found if f["code"] == "status_backwards")
    assert hits == [
        (line_of(sample_repo, rel, "rectified:", 1), "problem 1"),
        (line_of(sample_repo, rel, "- no: 3"), "problem 3"),
    ]
    assert all(f["file"] == rel for f in found if f["code"] == "status_backwards")


def test_clearing_verified_alone_is_reported(sample_repo, cli):
    rel = "notices/RN-2016-001.yaml"
    edit(sample_repo, rel, "    verified: 2016-11-10\n", "    verified:\n")
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1, found
    hits = [f for f in found if f["code"] == "status_backwards"]
    assert [(f["file"], f["line"]) for f in hits] == [(rel, line_of(sample_repo, rel, "verified:", 1))]
    assert "`verified` (2016-11-10)" in hits[0]["message"]


def test_a_reopen_reason_on_the_problem_allows_clearing(sample_repo, cli):
    rel = "notices/RN-2016-001.yaml"
    edit(
        sample_repo,
        rel,
        "    rectified: 2016-10-28\n    verified: 2016-11-10\n",
        "    rectified: null\n    verified: null\n    reopen_reason: 复查发现台账仍未按期更新，重新整改\n",
    )
    r, found = findings(cli, sample_repo)
    assert [f for f in found if f["code"] == "status_backwards"] == []
    assert r.exit_code == 0, found
    # the same reason cannot be reused for a later clearing
    git(sample_repo, "commit", "-qam", "reopen problem 1")
    edit(sample_repo, rel, "    rectified: 2016-11-25\n", "    rectified: null\n")
    edit(
        sample_repo,
        rel,
        "    rectified: null\n    verified: null\n    reopen_reason: 复查发现台账仍未按期更新，重新整改\n",
        "    rectified: 2016-12-20\n    verified: null\n    reopen_reason: 复查发现台账仍未按期更新，重新整改\n",
    )
    r, found = findings(cli, sample_repo)
    assert r.exit_code == 1
    assert [f["message"].split(":")[0] for f in found if f["code"] == "status_backwards"] == ["problem 2"]


def test_changing_a_rectified_date_is_not_status_backwards(sample_repo, cli):
    edit(sample_repo, "notices/RN-2016-001.yaml", "    rectified: 2016-12-05\n", "    rectified: 2016-12-06\n")
    r, found = findings(cli, sample_repo)
    assert [f for f in found if f["code"] == "status_backwards"] == []
    assert r.exit_code == 0, found
