"""`reformctl accountability`: the register (责任追究登记台账) grouped by measure, exemptions (容错免责) apart."""

from __future__ import annotations

import json

from conftest import SAMPLE


def record(aid: str, measure: str, decided: str, by: str = "[市委深改办]", **fields) -> str:
    lines = [
        f"id: {aid}",
        "target: 市发改委",
        "person: 处长",
        "ground: task_not_done",
        f"measure: {measure}",
        f"decided: {decided}",
        f"implemented_by: {by}",
    ]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


FILES = {
    "accountability/A-1.yaml": record(
        "A-1", "point_deduction", "2016-12-28", "[市委深改办, 市委督查室, 市政府督查室]", points=2
    ),
    "accountability/A-2.yaml": record("A-2", "oral_warning", "2016-11-01"),
    "accountability/A-3.yaml": record("A-3", "oral_warning", "2016-10-01", exemption="先行先试中的失误，予以容错免责"),
    "accountability/A-4.yaml": record("A-4", "organizational_handling", "2016-12-01", "[市委组织部]"),
    "accountability/A-5.yaml": record("A-5", "interview", "2015-12-01"),
    "accountability/A-6.yaml": record("A-6", "oral_warning", "2016-09-01"),
}


def test_grouped_by_measure_in_r17_order(cli, make_ledger):
    root = make_ledger(FILES)
    r = cli("accountability", "--ledger", root, "--year", "2016", "--format", "json")
    assert r.exit_code == 0, r
    out = json.loads(r.stdout)
    assert [(g["measure"], [i["id"] for i in g["items"]]) for g in out["measures"]] == [
        ("oral_warning", ["A-6", "A-2"]),
        ("point_deduction", ["A-1"]),
        ("organizational_handling", ["A-4"]),
    ]
    assert [e["id"] for e in out["exemptions"]] == ["A-3"]
    assert out["measures"][1]["items"][0]["implemented_by"] == ["市委深改办", "市委督查室", "市政府督查室"]
    assert out["measures"][1]["items"][0]["points"] == 2
    old = json.loads(cli("accountability", "--ledger", root, "--year", "2015", "--format", "json").stdout)
    assert [g["measure"] for g in old["measures"]] == ["interview"] and old["exemptions"] == []


def test_table_and_xlsx(cli, make_ledger, tmp_path):
    from openpyxl import load_workbook

    root = make_ledger(FILES)
    r = cli(
        "accountability",
        "--ledger",
        root,
        "--year",
        "2016",
        "--lang",
        "zh",
        "--xlsx",
        tmp_path / "a.xlsx",
        env={"COLUMNS": "220"},
    )
    assert r.exit_code == 0, r
    assert (
        r.stdout.index("口头告诫")
        < r.stdout.index("追责扣分")
        < r.stdout.index("组织处理")
        < r.stdout.index("容错免责")
    )
    assert "市委深改办、市委督查室、市政府督查室" in r.stdout
    wb = load_workbook(tmp_path / "a.xlsx")
    reg, exempt = wb.worksheets
    assert [reg.cell(row=i, column=1).value for i in range(3, reg.max_row + 1)] == ["A-6", "A-2", "A-1", "A-4"]
    assert exempt["A3"].value == "A-3" and exempt.cell(row=3, column=9).value == "先行先试中的失误，予以容错免责"


def test_empty_year(cli, make_ledger):
    root = make_ledger(FILES)
    r = cli("accountability", "--ledger", root, "--year", "2014", "--lang", "en")
    assert r.exit_code == 0 and "No accountability measure this year" in r.stdout


def test_sample_ledger_shows_the_exemption_apart(cli):
    out = json.loads(cli("accountability", "--ledger", SAMPLE, "--year", "2016", "--format", "json").stdout)
    assert [e["id"] for e in out["exemptions"]] == ["A-2016-003"]
    assert "A-2016-003" not in [i["id"] for g in out["measures"] for i in g["items"]]
