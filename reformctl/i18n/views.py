"""The words of the read views: the HTML report, the quarterly summary, the Markdown of `check` for a CI job
summary and the calendar feed, by code, in English and Simplified Chinese (:class:`.text.T`).

A view looks its words up by code (``words(HTML, lang)["title"]``); its colours, fonts and layout stay with it.
No imports from the rest of the package: any layer may use this module.
"""

from __future__ import annotations

from .text import T

# ---- the HTML report (reformctl/views/html/)
HTML: dict[str, T] = {
    "title": T("Reform ledger report", "改革落实台账报告"),
    "as_of": T("As of", "统计截至"),
    "generated": T("made by reformctl", "由 reformctl 生成"),
    "kpi_tasks": T("Open tasks", "在办任务"),
    "kpi_red": T("Red (overdue)", "红灯(逾期)"),
    "kpi_yellow": T("Yellow (due soon)", "黄灯(即将到期)"),
    "kpi_rate": T("Completion rate this quarter", "本季度到期任务完成率"),
    "kpi_pilots": T("Running pilots", "在推进试点"),
    "kpi_problems": T("Open problems", "未整改问题"),
    "lights": T("Traffic lights per unit", "各单位红黄灯概览"),
    "lights_note": T(
        "Red (overdue) and yellow (due soon) findings per responsible unit; green: open tasks and pilots without one.",
        "按责任单位统计截至当日的红灯(逾期)和黄灯(即将到期)事项；绿色为无红黄灯的在办任务和试点。",
    ),
    "red_list": T("Red list", "红灯清单"),
    "red_none": T("Nothing is overdue.", "没有逾期事项。"),
    "summary": T("Tasks this quarter", "本季度任务推进情况"),
    "sections": T("Pilots, rectification, reports and obligations", "试点、整改、季报和制度性工作"),
    "trend": T("Completion trend by quarter", "任务完成趋势(按季度)"),
    "trend_note": T(
        "Bars: tasks due in the quarter (dark: completed by its end); line: completion rate.",
        "柱：当季到期任务数(深色为到期前已完成)；折线：到期任务完成率。",
    ),
    "pilots": T("Pilot timeline", "改革试点时间轴"),
    "pilots_none": T("No pilots.", "暂无试点。"),
    "pilots_note": T(
        "Bars: each pilot's term. Green on track, yellow due soon, red overdue or not filed in time, grey completed or exited; ▲ filed; dashed line: the as-of date.",
        "条形为试点期限(开始至期限届满)：绿色正常推进，黄灯即将到期，红灯逾期或未按时备案，灰色已完成或已退出；▲ 备案日期；虚线为统计截至日。",
    ),
    "rect": T("Rectification progress", "整改督办进展"),
    "rect_none": T("No rectification notices.", "暂无整改督办通知。"),
    "light": T("Light", "信号灯"),
    "id": T("Id", "编号"),
    "item": T("Item", "事项"),
    "unit": T("Unit", "责任单位"),
    "due": T("Due", "时限"),
    "days": T("Days late", "逾期天数"),
    "message": T("Finding", "情况"),
    "red": T("red", "红灯"),
    "yellow": T("yellow", "黄灯"),
    "green": T("green", "绿灯"),
    "rectified": T("rectified", "已整改"),
    "verified": T("verified", "已核实"),
    "open": T("open", "未整改"),
    "problems": T("problems", "问题"),
    "today": T("as of", "截至日"),
    "filed": T("filed", "已备案"),
    "not_filed": T("not filed", "未备案"),
    "rate": T("rate", "完成率"),
    "due_n": T("due", "到期"),
    "done_n": T("done in time", "按期完成"),
    "none": T("-", "—"),
    "more_units": T("{n} more units: {units}", "另有 {n} 个单位: {units}"),
    "members": T("Members' ledgers", "下级台账"),
    "member": T("member", "下级"),
    "commit": T("commit", "提交"),
    "never_fetched": T("never fetched", "从未获取"),
    "members_note": T(
        "Red and yellow findings of each member's ledger at the commit `reformctl fetch` brought (with the upper level's docking, update and error checks about it).",
        "各下级台账在 reformctl fetch 获取的提交处的红灯和黄灯事项(含上级对其的对接、更新和错误检查)。",
    ),
}

# ---- the quarterly summary (reformctl/views/summary.py): headers, titles, the paragraph of the Markdown
SUMMARY: dict[str, T] = {
    "unit": T("Lead unit", "牵头单位"),
    "special_group": T("Special group", "专项小组"),
    "tasks": T("Tasks", "任务数"),
    "due_in_quarter": T("Due", "本期到期"),
    "completed_in_quarter": T("Completed", "本期完成"),
    "overdue": T("Overdue", "逾期未完成"),
    "completion_rate": T("Completion rate", "到期完成率"),
    "total": T("Total", "合计"),
    "no_group": T("(no special group)", "未归口专项小组"),
    "none": T("-", "—"),
    "title_q": T("Reform tasks, {y} Q{n}", "{y}年第{n}季度改革任务推进情况"),
    "title_y": T("Reform tasks, {y}", "{y}年度改革任务推进情况"),
    "title_p": T("Reform tasks, {p}", "{p}改革任务推进情况"),
    "period": T("Period", "统计期间"),
    "as_of": T("As of", "统计截至"),
    "paragraph": T(
        "{tasks} reform tasks were open in the period, {due} fell due, {completed} were completed and {overdue} are "
        "overdue; completion rate of the tasks due: {rate}.",
        "本期在办改革任务{tasks}项，本期到期{due}项，本期完成{completed}项，逾期未完成{overdue}项，到期任务完成率{rate}。",
    ),
}

# the extra sections of the summary: a section's heading by its key, its figures by ``key.figure``
SUMMARY_SECTIONS: dict[str, T] = {
    "pilots": T("Pilots", "改革试点"),
    "pilots.active": T("Running", "在推进"),
    "pilots.ending": T("Term ends", "本期期满"),
    "pilots.started": T("Started", "本期启动"),
    "pilots.completed": T("Completed", "本期完成"),
    "pilots.exited": T("Exited", "本期退出"),
    "pilots.overdue": T("Term over, still active", "期满未结束"),
    "pilots.not_filed": T("Not filed", "逾期未备案"),
    "problems": T("Rectification problems", "整改问题"),
    "problems.issued": T("Issued", "本期交办"),
    "problems.rectified": T("Rectified", "本期整改完成"),
    "problems.verified": T("Verified", "本期核实销号"),
    "problems.open": T("Open at period end", "期末未整改"),
    "problems.overdue": T("Overdue", "逾期未整改"),
    "reports": T("Quarterly reports (R15)", "季报报送(R15)"),
    "reports.due": T("Due", "应报"),
    "reports.filed": T("Filed", "已报"),
    "reports.missing": T("Missing", "逾期未报"),
    "reports.pending": T("Not yet due", "未到报送期限"),
    "obligations": T("Obligations", "制度性工作"),
    "obligations.rule": T("Obligation", "事项"),
    "obligations.met": T("Met", "已完成"),
    "obligations.missed": T("Missed", "未完成"),
    "obligations.pending": T("Not yet due", "未到期"),
    "timeliness": T("Filed on time and late", "按时办理情况"),
    "timeliness.what": T("Filed", "事项"),
    "timeliness.on_time": T("On time", "按时"),
    "timeliness.late": T("Late", "逾期"),
    "timeliness.days_late": T("Days late (sum)", "逾期天数合计"),
}

# the obligations as the summary lists them: what is owed, said positively (the rule codes name what is missing)
OBLIGATIONS: dict[str, T] = {
    "report_missing": T("quarterly reports (R15)", "季报报送(R15)"),
    "meeting_missing": T("special group meetings (R1)", "专项小组季度会议(R1)"),
    "self_assessment_missing": T("half-year self-assessments (R2)", "专项小组半年自评(R2)"),
    "training_missing": T("trainings (R3)", "集中培训(R3)"),
    "onsite_meeting_missing": T("on-site meetings (R6)", "现场推进会(R6)"),
    "press_conference_missing": T("press conferences (R7)", "新闻发布会(R7)"),
    "inspection_missing": T("ledger inspections (R12)", "台账专项督察(R12)"),
    "evaluation_due": T("plan evaluations (R8)", "专项方案评估(R8)"),
    "demonstration_missing": T("demonstration points (art. 9)", "示范点位(第九条)"),
    "work_points_missing": T("the year's work points and ledger (art. 1)", "年度工作要点和台账(第一条)"),
    "major_list_missing": T("the year's major-task list (art. 6)", "年度重大改革任务清单(第六条)"),
    "promotion_list_missing": T("the year's promotion list (art. 9)", "年度经验推广清单(第九条)"),
    "case_book_missing": T("the year's case book (art. 9)", "年度典型案例汇编(第九条)"),
    "closeout_missing": T("year-end close-out (art. 13)", "年末盘点销账(第十三条)"),
}

# ---- `check --format markdown` and the red items of the CI job summary (reformctl/views/diagnostics.py)
CHECK_MD: dict[str, T] = {
    "error": T("error", "错误"),
    "warning": T("warning", "警告"),
    "no_problems": T("No problems found.", "没有发现问题。"),
    "counts": T("{errors} error(s), {warnings} warning(s).", "{errors} 个错误，{warnings} 个警告。"),
    "file": T("file", "文件"),
    "line": T("line", "行"),
    "severity": T("severity", "级别"),
    "code": T("code", "代码"),
    "message": T("message", "说明"),
    "red_title": T("Red items", "红灯事项"),
    "red_none": T("Nothing is overdue.", "没有逾期事项。"),
    "red_count": T("{n} overdue.", "{n} 项逾期。"),
    "id": T("id", "编号"),
    "item": T("item", "事项"),
    "unit": T("unit", "责任单位"),
    "due": T("due", "时限"),
    "days_late": T("days late", "逾期天数"),
    "rule": T("rule", "规则"),
    "red_not_computed": T(
        "Not computed: the ledger has errors; fix them first.", "台账有错误，改正后才能计算红灯事项。"
    ),
}

# ---- `status --by week` (reformctl/views/status.py)
STATUS: dict[str, T] = {
    "week": T("week {w} of {y} ({monday} to {sunday})", "{y}年第{w}周（{monday} 至 {sunday}）"),
}

# ---- the calendar feed (reformctl/views/ics.py)
ICS: dict[str, T] = {
    "red": T("overdue", "红灯"),
    "yellow": T("due soon", "黄灯"),
    "green": T("upcoming", "绿灯"),
    "calendar": T("{name} · deadlines", "{name} · 时限"),
    "as_of": T("As of {date}: ", "截至{date}："),
    "unit": T("Unit: ", "责任单位: "),
    "rule": T("Rule: ", "规则: "),
    "file": T("File: ", "文件: "),
}
