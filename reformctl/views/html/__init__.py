"""The HTML report: one self-contained page (inline CSS, inline SVG charts, no script, no network).

Sections: key figures, traffic lights per unit, the red list, the quarterly summary (the same figures as
``summary``), completion trend by quarter, pilot timeline, rectification progress. Numbers carry ``data-*``
attributes so that tests (and scripts) can read them back. The words and style are in ``words.py``, the charts
in ``charts.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from ... import i18n
from .charts import _e, _pct, lights_chart, pilot_chart, rect_chart, trend_chart
from .words import CSS, LIGHT_ROWS, T


def render_html(data: dict, lang: str = "zh") -> str:
    t = T[lang]
    out: list[str] = []
    w = out.append
    _head(w, data, t, lang)
    _kpis(w, data, t)
    _lights(w, data, t)
    _red_list(w, data, t)
    _late_list(w, data, t, lang)
    _summary_table(w, data, t)
    _summary_sections(w, data, t, lang)
    as_of: dt.date = data["as_of"]
    w('<div class="two">')
    w(f'<section id="trend"><h2>{_e(t["trend"])}</h2><p class="note">{_e(t["trend_note"])}</p>')
    w(trend_chart(data["trend"], t))
    w("</section>")
    w(f'<section id="rectification"><h2>{_e(t["rect"])}</h2>')
    w(rect_chart(data["notices"], t))
    w("</section></div>")

    w(f'<section id="pilots"><h2>{_e(t["pilots"])}</h2><p class="note">{_e(t["pilots_note"])}</p>')
    w(pilot_chart(data["pilots"], as_of, t))
    w("</section>")
    if data.get("members") is not None:
        w(members_section(data["members"], t))
    w(f"<footer>{_e(data['name'])} · {_e(t['as_of'])} {as_of} · {_e(t['generated'])}</footer>")
    w("</main></body></html>")
    return "\n".join(out) + "\n"


def _head(w, data: dict, t: dict, lang: str) -> None:
    as_of: dt.date = data["as_of"]
    w("<!DOCTYPE html>")
    w(f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">')
    w(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:">'
    )
    w(f"<title>{_e(data['name'])} · {_e(t['title'])} · {as_of}</title><style>{CSS}</style></head><body>")
    w(
        f"<header><h1>{_e(data['name'])}</h1><p>{_e(t['title'])} · {_e(t['as_of'])} {as_of} · "
        f"{_e(data['summary'].period)}</p></header><main>"
    )


def _kpis(w, data: dict, t: dict) -> None:
    k = data["kpis"]
    rate = data["summary"].totals.completion_rate
    w('<div class="kpis">')
    for cls, key, value, field in (
        ("", "kpi_tasks", k["open_tasks"], "open_tasks"),
        ("red", "kpi_red", k["red"], "red"),
        ("yellow", "kpi_yellow", k["yellow"], "yellow"),
        ("", "kpi_rate", _pct(rate, t["none"]), "completion_rate"),
        ("", "kpi_pilots", k["pilots"], "pilots"),
        ("", "kpi_problems", k["open_problems"], "open_problems"),
    ):
        w(f'<div class="kpi {cls}"><b data-kpi="{field}">{_e(value)}</b><span>{_e(t[key])}</span></div>')
    w("</div>")


def _lights(w, data: dict, t: dict) -> None:
    w(f'<section id="lights"><h2>{_e(t["lights"])}</h2><p class="note">{_e(t["lights_note"])}</p>')
    shown = data["lights"][:LIGHT_ROWS]
    w(lights_chart(shown, t))
    if len(data["lights"]) > len(shown):
        rest = data["lights"][len(shown) :]
        w(f'<p class="note">{_e(t["more_units"].format(n=len(rest), units="、".join(r["unit"] for r in rest)))}</p>')
    w("</section>")


def _red_list(w, data: dict, t: dict) -> None:
    reds = data["red"]
    w(f'<section id="red-list"><h2>{_e(t["red_list"])} <small>({len(reds)})</small></h2>')
    if not reds:
        w(f"<p>{_e(t['red_none'])}</p>")
    else:
        w(
            f"<table><thead><tr><th>{_e(t['light'])}</th><th>{_e(t['id'])}</th><th>{_e(t['item'])}</th>"
            f'<th>{_e(t["unit"])}</th><th>{_e(t["due"])}</th><th class="n">{_e(t["days"])}</th>'
            f"<th>{_e(t['message'])}</th></tr></thead><tbody>"
        )
        for f in reds:
            w(
                f'<tr data-rule="{_e(f["rule"])}"><td class="nw"><span class="dot red"></span>{_e(t["red"])}</td>'
                f'<td class="nw">{_e(f["id"])}</td><td>{_e(f["title"])}</td><td>{_e(f["unit"])}</td>'
                f'<td class="nw">{_e(f["due"])}</td>'
                f'<td class="n">{f["days"]}</td><td>{_e(f["message"])}</td></tr>'
            )
        w("</tbody></table>")
    w("</section>")


def _late_list(w, data: dict, t: dict, lang: str) -> None:
    late = data.get("late") or []
    if not late:
        return
    H = lambda k: i18n.history(k, lang)  # noqa: E731
    w(
        f'<section id="late-list"><h2>{_e(H("history_title").split("（")[0].split(" (")[0])} '
        f"<small>({len(late)})</small></h2>"
    )
    w(
        f"<table><thead><tr><th>{_e(t['id'])}</th><th>{_e(t['unit'])}</th><th>{_e(H('due'))}</th>"
        f'<th>{_e(H("filed"))}</th><th class="n">{_e(H("days_late"))}</th><th>{_e(t["message"])}</th></tr>'
        "</thead><tbody>"
    )
    for f in late:
        w(
            f'<tr data-rule="{_e(f["rule"])}"><td class="nw">{_e(f["id"])}</td><td>{_e(f["unit"])}</td>'
            f'<td class="nw">{_e(f["due"])}</td><td class="nw">{_e(f["filed"])}</td>'
            f'<td class="n">{f["days_late"]}</td><td>{_e(f["message"])}</td></tr>'
        )
    w("</tbody></table></section>")


def _summary_table(w, data: dict, t: dict) -> None:
    s = data["summary"]
    w(f'<section id="summary"><h2>{_e(t["summary"])} · {_e(s.period)}</h2>')
    w(f'<table data-quarter="{_e(s.quarter or "")}"><thead><tr>')
    for i, h in enumerate(data["summary_header"]):
        w(f'<th class="{"n" if i else ""}">{_e(h)}</th>')
    w("</tr></thead><tbody>")
    fields = ("tasks", "due_in_quarter", "completed_in_quarter", "overdue")

    def row(label: str, c, key: str, cls: str = "") -> None:
        cells = "".join(f'<td class="n" data-field="{f}">{getattr(c, f)}</td>' for f in fields)
        r = c.completion_rate
        w(
            f'<tr class="{cls}" data-unit="{_e(key)}"><td>{_e(label)}</td>{cells}'
            f'<td class="n" data-field="completion_rate" data-value="{"" if r is None else repr(r)}">'
            f"{_pct(r, t['none'])}</td></tr>"
        )

    for r in s.rows:
        row(r.key or data["no_group"], r.counts, r.key)
    row(data["total_label"], s.totals, "total", "total")
    w("</tbody></table></section>")


def _summary_sections(w, data: dict, t: dict, lang: str) -> None:
    from ..summary import sections as summary_sections

    extra = summary_sections(data.get("sections") or {}, lang)
    if not extra:
        return
    period = data["summary"].period
    w(f'<section id="sections"><h2>{_e(t["sections"])} · {_e(period)}</h2><div class="grid">')
    for heading, head, rows in extra:
        w(f"<div><h3>{_e(heading)}</h3><table><thead><tr>")
        w("".join(f'<th class="{"n" if i or len(rows) == 1 else ""}">{_e(h)}</th>' for i, h in enumerate(head)))
        w("</tr></thead><tbody>")
        for i, r in enumerate(rows):
            cls = "total" if len(rows) > 1 and i == len(rows) - 1 else ""
            w(
                f'<tr class="{cls}">'
                + "".join(f'<td class="{"n" if j or len(rows) == 1 else ""}">{_e(v)}</td>' for j, v in enumerate(r))
                + "</tr>"
            )
        w("</tbody></table></div>")
    w("</div></section>")


def members_section(members: list[dict], t: dict) -> str:
    """The members (report --members): a table of red and yellow counts per member, then each member's
    findings (red and yellow) in a closed ``<details>`` (no script needed to open it)."""
    out = [
        f'<section id="members"><h2>{_e(t["members"])} <small>({len(members)})</small></h2>'
        f'<p class="note">{_e(t["members_note"])}</p>',
        f'<table><thead><tr><th>{_e(t["member"])}</th><th>{_e(t["commit"])}</th><th class="n">{_e(t["red"])}</th>'
        f'<th class="n">{_e(t["yellow"])}</th></tr></thead><tbody>',
    ]
    for m in members:
        commit = m["commit"][:12] if m["commit"] else t["never_fetched"]
        out.append(
            f'<tr data-member="{_e(m["member"])}"><td>{_e(m["member"])}</td><td class="nw">{_e(commit)}</td>'
            f'<td class="n">{m["red"]}</td><td class="n">{m["yellow"]}</td></tr>'
        )
    out.append("</tbody></table>")
    for m in members:
        if not m["findings"]:
            continue
        out.append(
            f"<details><summary>{_e(m['member'])} ({len(m['findings'])})</summary>"
            f"<table><thead><tr><th>{_e(t['light'])}</th><th>{_e(t['id'])}</th><th>{_e(t['item'])}</th>"
            f'<th>{_e(t["unit"])}</th><th>{_e(t["due"])}</th><th class="n">{_e(t["days"])}</th>'
            f"<th>{_e(t['message'])}</th></tr></thead><tbody>"
        )
        for f in m["findings"]:
            out.append(
                f'<tr data-rule="{_e(f["rule"])}"><td class="nw"><span class="dot {_e(f["light"])}"></span>'
                f'{_e(t[f["light"]])}</td><td class="nw">{_e(f["id"])}</td><td>{_e(f["title"])}</td>'
                f'<td>{_e(f["unit"])}</td><td class="nw">{_e(f["due"])}</td><td class="n">{f["days"]}</td>'
                f"<td>{_e(f['message'])}</td></tr>"
            )
        out.append("</tbody></table></details>")
    out.append("</section>")
    return "".join(out)


def member_rows(findings: Iterable, views: Iterable, lang: str) -> list[dict]:
    """One dict per member (in the order of ``views``): its commit, red and yellow counts and findings."""
    rows = {v.unit: {"member": v.unit, "commit": v.commit, "red": 0, "yellow": 0, "findings": []} for v in views}
    for f in findings:
        r = rows.get(f.member or "")
        if r is None or f.light not in ("red", "yellow"):
            continue
        r[f.light] += 1
        r["findings"].append(
            {
                "rule": f.rule,
                "light": f.light,
                "id": f.id,
                "unit": f.unit,
                "due": f.due.isoformat(),
                "days": f.days,
                "title": f.title or i18n.label("rule", f.rule, lang),
                "message": f.text(lang),
            }
        )
    return list(rows.values())


def unit_light_rows(findings: Iterable, open_items: dict[str, int]) -> list[dict]:
    """Rows for the lights chart: per unit, red and yellow findings and its open items without one."""
    rows: dict[str, dict] = {}
    for f in findings:
        if f.light not in ("red", "yellow") or not f.unit:
            continue
        r = rows.setdefault(f.unit, {"unit": f.unit, "red": 0, "yellow": 0, "green": 0})
        r[f.light] += 1
    for unit, n in open_items.items():
        rows.setdefault(unit, {"unit": unit, "red": 0, "yellow": 0, "green": 0})["green"] += n
    return sorted(rows.values(), key=lambda r: (-r["red"], -r["yellow"], -r["green"], r["unit"]))
