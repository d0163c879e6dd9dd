"""The report's colours and style sheet, and its words (from the catalogue, reformctl/i18n/views.py) by language."""

from __future__ import annotations

from ...i18n.text import by_lang
from ...i18n.views import HTML

FONT = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", "Droid Sans Fallback", system-ui, sans-serif'
)
RED, YELLOW, GREEN, GREY, BLUE = "#d93025", "#f2a600", "#1e8e3e", "#c4c7c5", "#1a73e8"
LIGHT_ROWS = 16  # units shown in the lights chart (red first); the rest are named below it

T = by_lang(HTML)  # the report's words by language; the texts are in reformctl/i18n/views.py

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
