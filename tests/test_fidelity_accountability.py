"""Art. 16 of the source document: who decides accountability (the leading group), who joins a point deduction
(the office with both the party and the government inspection offices) and the four grounds."""

from __future__ import annotations

import json

import pytest

RECORD = """\
id: A-1
target: 市发改委
ground: {ground}
measure: {measure}
decided: 2016-12-20
implemented_by: {by}
{more}
"""


def codes(
    cli,
    make_ledger,
    ground="task_not_done",
    measure="oral_warning",
    by="[市委深改办]",
    more="decided_by: 市委深改组",
    lang=None,
):
    root = make_ledger({"accountability/A-1.yaml": RECORD.format(ground=ground, measure=measure, by=by, more=more)})
    r = cli("check", "--ledger", root, "--format", "json")
    assert r.exit_code in (0, 1), r
    return sorted((f["code"], f["severity"]) for f in json.loads(r.stdout))


def test_point_deduction_needs_both_inspection_offices(cli, make_ledger):
    one = codes(
        cli,
        make_ledger,
        measure="point_deduction",
        by="[市委深改办, 市委督查室]",
        more="decided_by: 市委深改组\npoints: 2",
    )
    assert one == [("accountability_implementer", "error")]
    both = codes(
        cli,
        make_ledger,
        measure="point_deduction",
        by="[市委深改办, 市委督查室, 市政府督查室]",
        more="decided_by: 市委深改组\npoints: 2",
    )
    assert both == []
    # the same office named twice is still one office
    twice = codes(
        cli,
        make_ledger,
        measure="point_deduction",
        by="[市委深改办, 市委督查室, 市委督查室]",
        more="decided_by: 市委深改组\npoints: 2",
    )
    assert twice == [("accountability_implementer", "error")]


def test_decided_by_the_leading_group(cli, make_ledger):
    assert codes(cli, make_ledger) == []
    assert codes(cli, make_ledger, more="") == [("accountability_decider_missing", "warning")]
    assert codes(cli, make_ledger, more="decided_by: 市委深改办") == [("accountability_decider", "error")]
    assert codes(cli, make_ledger, more="decided_by: 不存在") == [("unknown_unit", "error")]


@pytest.mark.parametrize("ground", ["task_not_done", "assessment_low", "refused_rectification", "criticism"])
def test_the_four_grounds_pass(cli, make_ledger, ground):
    assert codes(cli, make_ledger, ground=ground) == []


def test_other_needs_a_note_and_free_text_is_kept_with_a_warning(cli, make_ledger):
    assert codes(cli, make_ledger, ground="other") == [("accountability_ground_note", "error")]
    assert codes(cli, make_ledger, ground="other", more="decided_by: 市委深改组\nground_note: 弄虚作假") == []
    assert codes(cli, make_ledger, ground="工作不力") == [("accountability_ground", "warning")]
    # a ground written as its label is that ground
    assert codes(cli, make_ledger, ground="督察发现问题拒不整改") == []


def test_messages_in_chinese(cli, make_ledger):
    root = make_ledger(
        {
            "accountability/A-1.yaml": RECORD.format(
                ground="other", measure="oral_warning", by="[市委深改办]", more="decided_by: 市委深改办"
            )
        }
    )
    r = cli("check", "--ledger", root, "--lang", "zh")
    assert "追责问责由深改小组决定（第十六条）" in r.stdout, r.stdout
    assert "须在 `ground_note` 中说明具体事由" in r.stdout, r.stdout


def test_a_refusal_is_deducted_in_its_year_only(cli, make_ledger):
    """A refused problem of a 2016 notice is a 2016 deduction, not one in every later year as well."""
    notice = """\
id: RN-1
issued: 2016-10-10
issued_by: 市委深改办
to_unit: 市发改委
problems:
  - {no: 1, description: 问题, due: 2016-11-30, refused: true}
"""
    root = make_ledger({"notices/RN-1.yaml": notice})

    def proposals(year):
        r = cli("assess", "--ledger", root, "--year", str(year), "--as-of", f"{year + 1}-01-31", "--format", "json")
        assert r.exit_code == 0, r
        return [(p["unit"], p["rule"]) for p in json.loads(r.stdout)["proposals"]]

    assert proposals(2016) == [("市发改委", "problem_refused")]
    assert proposals(2017) == []
