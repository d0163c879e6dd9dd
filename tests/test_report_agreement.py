"""The same quarter's figures in every output agree: summary table, json, csv, markdown, the xlsx 季度汇总 sheet
and the HTML report's task table; the red lights agree between status, xlsx and html."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

openpyxl = pytest.importorskip("openpyxl")

FIELDS = ("tasks", "due_in_quarter", "completed_in_quarter", "overdue")


class SummaryTable(HTMLParser):
    """Reads ``<tr data-unit=...><td data-field=...>`` cells of the HTML report's summary table."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, dict] = {}
        self._unit = None
        self._field = None
        self.kpis: dict[str, str] = {}
        self._kpi = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "data-unit" in a:
            self._unit = a["data-unit"]
            self.rows[self._unit] = {}
        elif tag == "td" and self._unit is not None and "data-field" in a:
            self._field = a["data-field"]
            if self._field == "completion_rate":
                v = a.get("data-value")
                self.rows[self._unit]["completion_rate"] = float(v) if v else None
                self._field = None
        elif tag == "b" and "data-kpi" in a:
            self._kpi = a["data-kpi"]

    def handle_endtag(self, tag):
        if tag == "tr":
            self._unit = None
        if tag == "td":
            self._field = None
        if tag == "b":
            self._kpi = None

    def handle_data(self, data):
        if self._unit is not None and self._field:
            self.rows[self._unit][self._field] = int(data)
        if self._kpi:
            self.kpis[self._kpi] = data


def from_json(data: dict) -> dict[str, tuple]:
    out = {r["unit"]: tuple(r[f] for f in FIELDS) + (r["completion_rate"],) for r in data["rows"]}
    out["total"] = tuple(data["totals"][f] for f in FIELDS) + (data["totals"]["completion_rate"],)
    return out


def same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for k in a:
        assert a[k][:4] == b[k][:4], k
        if a[k][4] is None:
            assert b[k][4] is None, k
        else:
            assert b[k][4] == pytest.approx(a[k][4]), k


@pytest.mark.parametrize("which", ["sample", "empty"])
def test_every_format_agrees(cli, sample_copy, make_ledger, tmp_path, which):
    root = sample_copy if which == "sample" else make_ledger()
    common = ["--ledger", root, "--as-of", "2016-12-31", "--lang", "zh"]
    q = ["--quarter", "2016Q4"]
    expected = from_json(json.loads(cli("summary", *common, *q, "--format", "json").stdout))
    if which == "sample":
        assert expected["total"][0] > 0

    rows = list(csv.reader(io.StringIO(cli("summary", *common, *q, "--format", "csv").stdout)))
    same(expected, {r[0]: tuple(int(x) for x in r[1:5]) + (float(r[5]) if r[5] else None,) for r in rows[1:]})

    def percent(rate):
        return "—" if rate is None else f"{rate * 100:.1f}%"

    md = cli("summary", *common, *q, "--format", "markdown").stdout
    md_rows = {}
    for line in md.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = [c.strip().strip("*") for c in line.strip().strip("|").split(" | ")]
            md_rows.setdefault("total" if cells[0] == "合计" else cells[0], cells[1:])
    for unit, v in expected.items():
        assert md_rows[unit] == [str(x) for x in v[:4]] + [percent(v[4])], unit

    table = cli("summary", *common, *q, "--format", "table").stdout
    tab_rows = {}
    for line in table.splitlines():  # columns two spaces apart or more
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) > 1:
            tab_rows.setdefault("total" if cells[0] == "合计" else cells[0], cells[1:])
    for unit, v in expected.items():
        assert tab_rows[unit] == [str(x) for x in v[:4]] + [percent(v[4])], unit

    xlsx = tmp_path / "t.xlsx"
    assert cli("export", *common, *q, "--xlsx", xlsx, "--lang", "zh").exit_code == 0
    ws = openpyxl.load_workbook(xlsx)["季度汇总(只读)"]
    sheet = {}
    for r in ws.iter_rows(min_row=3, values_only=True):
        if r[0] is None:  # the task table ends at the first blank row; the other sections follow
            break
        sheet["total" if r[0] == "合计" else r[0]] = tuple(r[1:5]) + (r[5],)
    same(expected, sheet)

    html = tmp_path / "r.html"
    assert cli("report", *common, *q, "--html", html).exit_code == 0
    parser = SummaryTable()
    parser.feed(html.read_text(encoding="utf-8"))
    same(expected, {u: tuple(r[f] for f in FIELDS) + (r["completion_rate"],) for u, r in parser.rows.items()})
    assert parser.kpis["completion_rate"] == percent(expected["total"][4])

    # red lights: status, the HTML key figure and the coloured xlsx cells tell the same story
    findings = json.loads(cli("status", *common, "--format", "json").stdout)
    assert parser.kpis["red"] == str(sum(f["light"] == "red" for f in findings))
    wb = openpyxl.load_workbook(xlsx)
    for kind, title in (("task", "改革任务"), ("pilot", "改革试点")):
        ws = wb[title]
        heads = [c.value for c in ws[1]]
        li = heads.index("信号灯(只读)")
        red_cells = {r[0].value for r in ws.iter_rows(min_row=2) if r[li].value == "红灯"}
        assert all(
            ws.cell(r, li + 1).fill.fgColor.rgb.endswith("FFC7CE")
            for r in range(2, ws.max_row + 1)
            if ws.cell(r, li + 1).value == "红灯"
        )
        assert red_cells == {f["id"] for f in findings if f["kind"] == kind and f["light"] == "red"}, kind
