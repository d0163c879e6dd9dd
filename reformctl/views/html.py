"""The HTML report: one self-contained page (inline CSS, inline SVG charts, no script, no network).

Sections: key figures, traffic lights per unit, the red list, the quarterly summary (the same figures as
``summary``), completion trend by quarter, pilot timeline, rectification progress. Numbers carry ``data-*``
attributes so that tests (and scripts) can read them back.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, Iterable, Optional

from .. import i18n

FONT = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", "Droid Sans Fallback", system-ui, sans-serif'
)
RED, YELLOW, GREEN, GREY, BLUE = "#d93025", "#f2a600", "#1e8e3e", "#c4c7c5", "#1a73e8"
LIGHT_ROWS = 16  # units shown in the lights chart (red first); the rest are named below it

T = {
    "zh": {
        "title": "改革落实台账报告",
        "as_of": "统计截至",
        "generated": "由 reformctl 生成",
        "kpi_tasks": "在办任务",
        "kpi_red": "红灯(逾期)",
        "kpi_yellow": "黄灯(即将到期)",
        "kpi_rate": "本季度到期任务完成率",
        "kpi_pilots": "在推进试点",
        "kpi_problems": "未整改问题",
        "lights": "各单位红黄灯概览",
        "lights_note": "按责任单位统计截至当日的红灯(逾期)和黄灯(即将到期)事项；绿色为无红黄灯的在办任务和试点。",
        "red_list": "红灯清单",
        "red_none": "没有逾期事项。",
        "summary": "本季度任务推进情况",
        "sections": "试点、整改、季报和制度性工作",
        "trend": "任务完成趋势(按季度)",
        "trend_note": "柱：当季到期任务数(深色为到期前已完成)；折线：到期任务完成率。",
        "pilots": "改革试点时间轴",
        "pilots_none": "暂无试点。",
        "pilots_note": "条形为试点期限(开始至期限届满)：绿色正常推进，黄灯即将到期，红灯逾期或未按时备案，灰色已完成或已退出；▲ 备案日期；虚线为统计截至日。",
        "rect": "整改督办进展",
        "rect_none": "暂无整改督办通知。",
        "light": "信号灯",
        "id": "编号",
        "item": "事项",
        "unit": "责任单位",
        "due": "时限",
        "days": "逾期天数",
        "message": "情况",
        "red": "红灯",
        "yellow": "黄灯",
        "green": "绿灯",
        "rectified": "已整改",
        "verified": "已核实",
        "open": "未整改",
        "problems": "问题",
        "today": "截至日",
        "filed": "已备案",
        "not_filed": "未备案",
        "rate": "完成率",
        "due_n": "到期",
        "done_n": "按期完成",
        "none": "—",
        "more_units": "另有 {n} 个单位: {units}",
        "members": "下级台账",
        "member": "下级",
        "commit": "提交",
        "never_fetched": "从未获取",
        "members_note": "各下级台账在 reformctl fetch 获取的提交处的红灯和黄灯事项(含上级对其的对接、更新和错误检查)。",
    },
    "en": {
        "title": "Reform ledger report",
        "as_of": "As of",
        "generated": "made by reformctl",
        "kpi_tasks": "Open tasks",
        "kpi_red": "Red (overdue)",
        "kpi_yellow": "Yellow (due soon)",
        "kpi_rate": "Completion rate this quarter",
        "kpi_pilots": "Running pilots",
        "kpi_problems": "Open problems",
        "lights": "Traffic lights per unit",
        "lights_note": "Red (overdue) and yellow (due soon) findings per responsible unit; green: open tasks and "
        "pilots without one.",
        "red_list": "Red list",
        "red_none": "Nothing is overdue.",
        "summary": "Tasks this quarter",
        "sections": "Pilots, rectification, reports and obligations",
        "trend": "Completion trend by quarter",
        "trend_note": "Bars: tasks due in the quarter (dark: completed by its end); line: completion rate.",
        "pilots": "Pilot timeline",
        "pilots_none": "No pilots.",
        "pilots_note": "Bars: each pilot's term. Green on track, yellow due soon, red overdue or not filed in time, "
        "grey completed or exited; ▲ filed; dashed line: the as-of date.",
        "rect": "Rectification progress",
        "rect_none": "No rectification notices.",
        "light": "Light",
        "id": "Id",
        "item": "Item",
        "unit": "Unit",
        "due": "Due",
        "days": "Days late",
        "message": "Finding",
        "red": "red",
        "yellow": "yellow",
        "green": "green",
        "rectified": "rectified",
        "verified": "verified",
        "open": "open",
        "problems": "problems",
        "today": "as of",
        "filed": "filed",
        "not_filed": "not filed",
        "rate": "rate",
        "due_n": "due",
        "done_n": "done in time",
        "none": "-",
        "more_units": "{n} more units: {units}",
        "members": "Members' ledgers",
        "member": "member",
        "commit": "commit",
        "never_fetched": "never fetched",
        "members_note": "Red and yellow findings of each member's ledger at the commit `reformctl fetch` brought "
        "(with the upper level's docking, update and error checks about it).",
    },
}

CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f4f6f8;color:#202124;font-family:%(font)s;font-size:14px;line-height:1.5}
header{background:#b3261e;color:#fff;padding:20px 32px}
header h1{margin:0;font-size:24px;font-weight:700;letter-spacing:1px}
header p{margin:4px 0 0;opacity:.9}
main{max-width:1180px;margin:0 auto;padding:20px 24px 40px}
section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:16px 20px;margin:16px 0}
h2{font-size:18px;margin:0 0 10px;padding-left:10px;border-left:4px solid #b3261e}
.note{color:#5f6368;font-size:12px;margin:-4px 0 8px}
.kpis{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin:16px 0}
.kpi{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:12px 14px}
.kpi b{display:block;font-size:28px;line-height:1.2}
.kpi span{color:#5f6368;font-size:12px}
.kpi.red b{color:%(red)s}.kpi.yellow b{color:#b06000}
table{border-collapse:collapse;width:100%%;font-size:13px}
th,td{border-bottom:1px solid #e0e0e0;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f4;font-weight:600;white-space:nowrap}
td.nw{white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:700;border-top:2px solid #9aa0a6}
.dot{display:inline-block;width:12px;height:12px;border-radius:50%%;vertical-align:-1px;margin-right:4px}
.dot.red{background:%(red)s}.dot.yellow{background:%(yellow)s}.dot.green{background:%(green)s}
.two{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:12px 24px}
h3{font-size:14px;margin:4px 0 6px}
.two section{margin:0}
svg text{font-family:%(font)s}
footer{color:#5f6368;font-size:12px;text-align:center;margin-top:24px}
@media print{body{background:#fff}section,.kpi{box-shadow:none;border:1px solid #ddd}}
""" % {"font": FONT, "red": RED, "yellow": YELLOW, "green": GREEN}  # noqa: UP031 - braces everywhere in CSS


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _pct(rate: Optional[float], none: str) -> str:
    return none if rate is None else f"{rate * 100:.1f}%"


# ---------------------------------------------------------------- charts
def lights_chart(rows: list[dict], t: dict) -> str:
    """Horizontal stacked bars: red, yellow, green per unit."""
    if not rows:
        return f"<p>{_e(t['red_none'])}</p>"
    label_w, bar_w, row_h = 190, 430, 24
    top = 26
    height = top + row_h * len(rows) + 10
    biggest = max(max(r["red"] + r["yellow"] + r["green"] for r in rows), 1)
    scale = bar_w / biggest
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {label_w + bar_w + 60} {height}" '
        f'role="img" aria-label="{_e(t["lights"])}">'
    ]
    x = label_w
    for i, (key, colour) in enumerate((("red", RED), ("yellow", YELLOW), ("green", GREEN))):
        lx = label_w + i * 90
        parts.append(
            f'<rect x="{lx}" y="4" width="12" height="12" rx="2" fill="{colour}"/>'
            f'<text x="{lx + 16}" y="14" font-size="12">{_e(t[key])}</text>'
        )
    for i, r in enumerate(rows):
        y = top + i * row_h
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" font-size="12" text-anchor="end">{_e(r["unit"])}</text>')
        x = label_w
        for key, colour in (("red", RED), ("yellow", YELLOW), ("green", GREEN)):
            w = r[key] * scale
            if w:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{colour}" '
                    f'data-unit="{_e(r["unit"])}" data-light="{key}" data-count="{r[key]}"/>'
                )
                if w >= 16:
                    parts.append(
                        f'<text x="{x + w / 2:.1f}" y="{y + 15}" font-size="11" fill="#fff" '
                        f'text-anchor="middle">{r[key]}</text>'
                    )
            x += w
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + 15}" font-size="11" fill="#5f6368">'
            f"{r['red'] + r['yellow'] + r['green']}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def trend_chart(points: list[dict], t: dict) -> str:
    """Bars of tasks due per quarter (dark part: completed by the quarter's end) and the completion rate line."""
    if not points:
        return f"<p>{_e(t['none'])}</p>"
    w, h, left, right, top, bottom = 540, 240, 40, 44, 16, 40
    n = len(points)
    step = (w - left - right) / n
    biggest = max(max(p["due"] for p in points), 1)
    ys = (h - top - bottom) / biggest
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {w} {h}" role="img" '
        f'aria-label="{_e(t["trend"])}">'
    ]
    for k in range(0, 5):  # grid
        y = top + (h - top - bottom) * k / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#eee"/>'
            f'<text x="{w - right + 6}" y="{y + 4:.1f}" font-size="10" fill="#5f6368">{100 - 25 * k}%</text>'
        )
    line = []
    for i, p in enumerate(points):
        bw = min(step * 0.6, 56)
        x = left + i * step + (step - bw) / 2
        bh = p["due"] * ys
        dh = p["done"] * ys
        base = h - bottom
        parts.append(
            f'<rect x="{x:.1f}" y="{base - bh:.1f}" width="{bw:.1f}" height="{bh:.1f}" fill="#aecbfa" '
            f'data-quarter="{p["quarter"]}" data-due="{p["due"]}" data-done="{p["done"]}"/>'
        )
        parts.append(f'<rect x="{x:.1f}" y="{base - dh:.1f}" width="{bw:.1f}" height="{dh:.1f}" fill="{BLUE}"/>')
        if p["due"]:
            parts.append(
                f'<text x="{x + bw / 2:.1f}" y="{base - bh - 4:.1f}" font-size="10" text-anchor="middle">'
                f"{p['done']}/{p['due']}</text>"
            )
        parts.append(
            f'<text x="{x + bw / 2:.1f}" y="{base + 16}" font-size="11" text-anchor="middle">{_e(p["quarter"])}</text>'
        )
        if p["rate"] is not None:
            line.append((x + bw / 2, top + (h - top - bottom) * (1 - p["rate"])))
    if line:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in line)
        parts.append(f'<polyline points="{pts}" fill="none" stroke="{RED}" stroke-width="2"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{RED}"/>' for x, y in line]
    parts.append(f'<line x1="{left}" y1="{h - bottom}" x2="{w - right}" y2="{h - bottom}" stroke="#9aa0a6"/>')
    parts.append("</svg>")
    return "".join(parts)


def pilot_chart(pilots: list[dict], as_of: dt.date, t: dict) -> str:
    """A Gantt chart: one bar per pilot from start to end of term, coloured by its light; the as-of line."""
    if not pilots:
        return f"<p>{_e(t['pilots_none'])}</p>"
    first = min(p["start"] for p in pilots)
    last = max(max(p["end"] for p in pilots), as_of)
    first = dt.date(first.year, first.month, 1)
    last_month = dt.date(last.year + (last.month == 12), 1 if last.month == 12 else last.month + 1, 1)
    span = max((last_month - first).days, 1)
    label_w, chart_w, row_h, top = 300, 560, 26, 30
    height = top + row_h * len(pilots) + 14

    def x_of(day: dt.date) -> float:
        return label_w + chart_w * (day - first).days / span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {label_w + chart_w + 20} {height}" '
        f'role="img" aria-label="{_e(t["pilots"])}">'
    ]
    m = first
    while m <= last_month:  # month ticks, labels every quarter
        x = x_of(m)
        parts.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 10}" stroke="#eee"/>')
        if m.month in (1, 4, 7, 10):
            parts.append(
                f'<text x="{x + 2:.1f}" y="{top - 10}" font-size="10" fill="#5f6368">{m.year}-{m.month:02d}</text>'
            )
        m = dt.date(m.year + (m.month == 12), 1 if m.month == 12 else m.month + 1, 1)
    colours = {"red": RED, "yellow": YELLOW, "green": GREEN, "": GREY}
    for i, p in enumerate(pilots):
        y = top + i * row_h
        label = p["title"] if len(p["title"]) <= 20 else p["title"][:19] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 16}" font-size="12" text-anchor="end">'
            f"<title>{_e(p['id'])} {_e(p['title'])}</title>{_e(label)}</text>"
        )
        x1, x2 = x_of(p["start"]), x_of(min(p["stop"] or p["end"], p["end"]) if p["stop"] else p["end"])
        parts.append(
            f'<rect x="{x1:.1f}" y="{y + 5}" width="{max(x2 - x1, 2):.1f}" height="{row_h - 10}" rx="3" '
            f'fill="{colours.get(p["light"], GREY)}" opacity="{1 if p["open"] else 0.45}" '
            f'data-pilot="{_e(p["id"])}"><title>{_e(p["id"])}: {p["start"]} — {p["end"]} '
            f"({_e(p['status'])})</title></rect>"
        )
        if p["filed"]:
            fx = x_of(p["filed"])
            parts.append(
                f'<path d="M{fx:.1f},{y + 3} l4,-4 l4,4 z" transform="translate(-4,0)" fill="#202124">'
                f"<title>{_e(t['filed'])} {p['filed']}</title></path>"
            )
    ax = x_of(as_of)
    parts.append(
        f'<line x1="{ax:.1f}" y1="{top - 6}" x2="{ax:.1f}" y2="{height - 10}" stroke="{BLUE}" '
        f'stroke-dasharray="4 3" stroke-width="1.5"/>'
        f'<text x="{ax + 3:.1f}" y="{height - 2}" font-size="10" fill="{BLUE}">{_e(t["today"])} {as_of}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def rect_chart(notices: list[dict], t: dict) -> str:
    """Per notice: verified, rectified (not yet verified), open problems, as a stacked bar."""
    if not notices:
        return f"<p>{_e(t['rect_none'])}</p>"
    label_w, bar_w, row_h, top = 130, 300, 26, 26
    height = top + row_h * len(notices) + 8
    biggest = max(max(n["total"] for n in notices), 1)
    scale = bar_w / biggest
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {label_w + bar_w + 70} {height}" '
        f'role="img" aria-label="{_e(t["rect"])}">'
    ]
    legend = (("verified", GREEN), ("rectified", "#81c995"), ("open", RED))
    for i, (key, colour) in enumerate(legend):
        lx = label_w + i * 80
        parts.append(
            f'<rect x="{lx}" y="4" width="12" height="12" rx="2" fill="{colour}"/>'
            f'<text x="{lx + 16}" y="14" font-size="12">{_e(t[key])}</text>'
        )
    for i, n in enumerate(notices):
        y = top + i * row_h
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 15}" font-size="12" text-anchor="end"><title>'
            f"{_e(n['subject'])}</title>{_e(n['id'])}</text>"
        )
        x = label_w
        for key, colour in legend:
            count = n[key + "_only"] if key == "rectified" else n[key]
            w = count * scale
            if w:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{colour}" '
                    f'data-notice="{_e(n["id"])}" data-state="{key}" data-count="{count}"/>'
                )
            x += w
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + 15}" font-size="11" fill="#5f6368">{n["rectified"]}/{n["total"]}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------- the page
def render_html(data: dict, lang: str = "zh") -> str:
    t = T[lang]
    as_of: dt.date = data["as_of"]
    s = data["summary"]
    k = data["kpis"]
    out: list[str] = []
    w = out.append
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
        f"{_e(s.period)}</p></header><main>"
    )
    rate = s.totals.completion_rate
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

    w(f'<section id="lights"><h2>{_e(t["lights"])}</h2><p class="note">{_e(t["lights_note"])}</p>')
    shown = data["lights"][:LIGHT_ROWS]
    w(lights_chart(shown, t))
    if len(data["lights"]) > len(shown):
        rest = data["lights"][len(shown) :]
        w(f'<p class="note">{_e(t["more_units"].format(n=len(rest), units="、".join(r["unit"] for r in rest)))}</p>')
    w("</section>")

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

    late = data.get("late") or []
    if late:
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

    from .summary import sections as summary_sections

    extra = summary_sections(data.get("sections") or {}, lang)
    if extra:
        w(f'<section id="sections"><h2>{_e(t["sections"])} · {_e(s.period)}</h2><div class="grid">')
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
    from .. import i18n

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
