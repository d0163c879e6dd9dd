"""The report's words in both languages, its colours and its style sheet."""

from __future__ import annotations

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
