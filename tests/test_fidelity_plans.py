"""Art. 5 of the source document: which plans must pass the leading group before they are issued, and which
plans owe a legality review (those this ledger's level drafts, not the upper documents it docks)."""

from __future__ import annotations

import json

import pytest

PLAN = """\
id: PL-1
title: 方案
level: {level}
status: issued
issued: 2016-08-10
no_pilot_reason: 不涉及试点
{more}
"""


def codes(cli, make_ledger, level, more, settings_level="city"):
    files = {"plans/PL-1.yaml": PLAN.format(level=level, more=more)}
    if settings_level != "city":
        files["reformctl.yaml"] = f"name: t\nlevel: {settings_level}\nstart: 2016-07-01\n"
    r = cli("check", "--ledger", make_ledger(files), "--format", "json")
    assert r.exit_code in (0, 1), r
    return sorted(f["code"] for f in json.loads(r.stdout))


@pytest.mark.parametrize(
    "more",
    [
        "upper_plan: 《四川省某方案》\nlegality_review: 2016-08-01",
        "docks: PL-UP-1\nlegality_review: 2016-08-01",
        "overall: true\nlegality_review: 2016-08-01",
    ],
)
def test_docking_and_overall_plans_need_approval_before_issue(cli, make_ledger, more):
    assert codes(cli, make_ledger, "city", more) == ["plan_approval_missing"]
    assert codes(cli, make_ledger, "city", more + "\napproved: 2016-08-05") == []
    assert codes(cli, make_ledger, "city", more + "\napproved: 2016-08-12") == ["date_order"]


def test_a_plain_own_plan_needs_no_approval_but_a_legality_review(cli, make_ledger):
    assert codes(cli, make_ledger, "city", "legality_review: 2016-08-01") == []
    assert codes(cli, make_ledger, "city", "") == ["plan_legality_missing"]


@pytest.mark.parametrize("level", ["central", "provincial"])
def test_upper_documents_kept_for_reference_owe_no_review_here(cli, make_ledger, level):
    assert codes(cli, make_ledger, level, "") == []
    assert codes(cli, make_ledger, level, "overall: true") == []


def test_a_district_ledger_keeps_city_plans_for_reference(cli, make_ledger):
    assert codes(cli, make_ledger, "city", "", settings_level="district") == []
    assert codes(cli, make_ledger, "district", "", settings_level="district") == ["plan_legality_missing"]
