"""The report's inline SVG charts (no script): lights per unit, completion trend, pilot timeline, rectification."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, Optional

from .words import BLUE, GREEN, GREY, RED, YELLOW


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
