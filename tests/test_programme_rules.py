"""Status rules of issue 8: `plan_review_unprepared` (art. 5, yellow before the meeting) and the yearly
obligation `demonstration_missing` (art. 9)."""

from __future__ import annotations

import datetime as dt

from conftest import SAMPLE
from reformctl.load import load_ledger
from reformctl.rules.findings import findings
from reformctl.rules.obligations import obligations

D = dt.date


def plan(pid: str, **fields) -> str:
    lines = [f"id: {pid}", f"title: 方案{pid}", "level: city", "lead_unit: 市发改委", "status: reviewing"]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def demo(cid: str, listed: str, kind: str = "demonstration_point") -> str:
    return f"id: {cid}\ntitle: 点位{cid}\nunit: 某区委\nkind: {kind}\nlisted: {listed}\n"


def of(root, day, code):
    res = load_ledger(root)
    assert not res.errors, res.errors
    return [(f.id, f.light, f.days, f.unit) for f in findings(res.ledger, day) if f.rule == code]


def test_unprepared_plan_is_yellow_only_before_the_meeting(make_ledger):
    root = make_ledger(
        {
            "plans/PL-1.yaml": plan(
                "PL-1", review_scheduled="2016-12-20", needs_stability_assessment="true", legality_review="2016-12-10"
            ),
            "plans/PL-2.yaml": plan("PL-2", review_scheduled="2016-12-20", legality_review="2016-12-01"),  # ready
        }
    )
    assert of(root, D(2016, 12, 5), "plan_review_unprepared") == []  # 15 days ahead: beyond due_soon_days (14)
    assert of(root, D(2016, 12, 6), "plan_review_unprepared") == [("PL-1", "yellow", -14, "市发改委")]
    assert of(root, D(2016, 12, 20), "plan_review_unprepared") == [("PL-1", "yellow", 0, "市发改委")]
    assert of(root, D(2016, 12, 21), "plan_review_unprepared") == []  # after the meeting: plan_review_overdue
    assert [x[:2] for x in of(root, D(2016, 12, 21), "plan_review_overdue")] == [("PL-1", "red"), ("PL-2", "red")]


def test_unprepared_message_names_what_is_missing(make_ledger):
    root = make_ledger(
        {
            "plans/PL-1.yaml": plan(
                "PL-1", review_scheduled="2016-12-20", needs_stability_assessment="true", legality_review="2016-12-15"
            )
        }
    )
    [f] = [f for f in findings(load_ledger(root).ledger, D(2016, 12, 10)) if f.rule == "plan_review_unprepared"]
    # the legality review dated after the as-of date has not happened yet
    assert "社会稳定风险评估、合法性审查" in f.text("zh")
    assert "social-stability risk assessment, legality review" in f.text("en")
    assert f.as_dict("en")["rule"] == "plan_review_unprepared"
    [f] = [f for f in findings(load_ledger(root).ledger, D(2016, 12, 16)) if f.rule == "plan_review_unprepared"]
    assert "合法性审查" not in f.text("zh")


def test_approved_or_issued_plans_owe_no_preparation(make_ledger):
    root = make_ledger(
        {
            "plans/PL-1.yaml": plan("PL-1", review_scheduled="2016-12-20", approved="2016-12-01"),
            "plans/PL-2.yaml": plan("PL-2", review_scheduled="2016-12-20").replace(
                "status: reviewing", "status: drafting"
            ),
        }
    )
    assert of(root, D(2016, 12, 10), "plan_review_unprepared") == [("PL-2", "yellow", -10, "市发改委")]


def test_demonstration_missing_yearly(make_ledger):
    root = make_ledger(
        {
            "cases/C-1.yaml": demo("C-1", "2016-08-01", kind="typical_case"),  # not a demonstration point
            "cases/C-2.yaml": demo("C-2", "2017-03-01"),
        }
    )
    assert of(root, D(2016, 12, 16), "demonstration_missing") == []  # not yet within 14 days
    assert of(root, D(2016, 12, 17), "demonstration_missing") == [("2016", "yellow", -14, "市委深改办")]
    assert of(root, D(2017, 1, 2), "demonstration_missing") == [("2016", "red", 2, "市委深改办")]
    assert of(root, D(2017, 12, 31), "demonstration_missing") == [("2016", "red", 365, "市委深改办")]
    led = load_ledger(root).ledger
    [o2016] = [o for o in obligations(led, "2016") if o.rule == "demonstration_missing"]
    [o2017] = [o for o in obligations(led, "2017") if o.rule == "demonstration_missing"]
    assert (o2016.met, o2016.count) == (False, 0)
    assert (o2017.met, o2017.by) == (True, ("C-2",))
    # judged on what had happened by the as-of date
    [early] = [o for o in obligations(led, "2017", D(2017, 2, 1)) if o.rule == "demonstration_missing"]
    assert not early.met


def test_year_before_the_ledger_start_owes_no_demonstration(make_ledger):
    root = make_ledger()
    assert [o for o in obligations(load_ledger(root).ledger, "2015") if o.rule == "demonstration_missing"] == []


def test_sample_ledger_as_of_2016_12_31():
    led = load_ledger(SAMPLE).ledger
    fs = findings(led, D(2016, 12, 31))
    overdue = [(f.id, f.light, f.days) for f in fs if f.rule == "plan_review_overdue"]
    assert overdue == [("PL-2016-005", "red", 11)]
    assert not [f for f in fs if f.rule == "demonstration_missing"]
    # before the February 2017 meeting, PL-2016-006 still lacks its legality review
    assert [(f.id, f.light) for f in findings(led, D(2017, 2, 5)) if f.rule == "plan_review_unprepared"] == [
        ("PL-2016-006", "yellow")
    ]


def test_status_cli_on_the_sample_shows_the_overdue_review(cli):
    import json

    r = cli("status", "--ledger", SAMPLE, "--as-of", "2016-12-31", "--format", "json")
    assert r.exit_code == 0, r
    got = [(f["id"], f["light"], f["unit"]) for f in json.loads(r.stdout) if f["rule"] == "plan_review_overdue"]
    assert got == [("PL-2016-005", "red", "市农委")]
    r = cli("status", "--ledger", SAMPLE, "--as-of", "2017-02-05", "--format", "json", "--lang", "zh")
    [f] = [f for f in json.loads(r.stdout) if f["rule"] == "plan_review_unprepared"]
    assert f["id"] == "PL-2016-006" and f["light"] == "yellow" and "合法性审查" in f["message"]
