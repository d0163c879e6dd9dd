"""The words of the Excel workbook (reformctl/views/xlsx/) by code, in English and Simplified Chinese
(:class:`.text.T`): sheet names, the computed columns' headers, yes/no, lights, the choices of the records'
enums, the member sheets and the About sheet.

The choices are keyed ``Enum.value`` (``TaskStatus.planned``); their English is the value as the YAML files
spell it. Other spellings accepted on import (未开始, traditional characters) are input, not messages: they stay
with the reader. No imports from the rest of the package: any layer may use this module.
"""

from __future__ import annotations

from .text import T

WORKBOOK: dict[str, T] = {
    "read_only": T(" (read-only)", "(只读)"),  # appended to a computed column's header or a computed sheet's name
    "read_only_comment": T("computed, ignored on import", "由 reformctl 生成，导入时忽略"),
    "json_header": T("data (JSON)", "数据(JSON)"),
    "light": T("light", "信号灯"),
    "message": T("message", "提醒"),
    "list_sep": T(", ", "、"),
    "yes": T("yes", "是"),
    "no": T("no", "否"),
    "red": T("red", "红灯"),
    "yellow": T("yellow", "黄灯"),
    "green": T("green", "绿灯"),
    "about_sheet": T("About", "说明"),
    "summary_sheet": T("Quarterly summary", "季度汇总"),
    "problem_sheet": T("Problems", "整改问题"),
}

# the choices of the records' enums (the workbook writes the Chinese label, reads either)
ENUMS: dict[str, T] = {
    "TaskStatus.planned": T("planned", "未启动"),
    "TaskStatus.in_progress": T("in_progress", "推进中"),
    "TaskStatus.completed": T("completed", "已完成"),
    "TaskStatus.closed": T("closed", "已销账"),
    "TaskStatus.cancelled": T("cancelled", "已取消"),
    "PilotStatus.active": T("active", "推进中"),
    "PilotStatus.adjusted": T("adjusted", "已调整"),
    "PilotStatus.exited": T("exited", "已退出"),
    "PilotStatus.completed": T("completed", "已完成"),
    "PlanStatus.drafting": T("drafting", "起草中"),
    "PlanStatus.reviewing": T("reviewing", "审议中"),
    "PlanStatus.issued": T("issued", "已印发"),
    "PlanStatus.closed": T("closed", "已销账"),
    "PlanLevel.central": T("central", "中央"),
    "PlanLevel.provincial": T("provincial", "省级"),
    "PlanLevel.city": T("city", "市级"),
    "PlanLevel.district": T("district", "区(市)县级"),
    "EventKind.group_meeting": T("group_meeting", "专项小组会议"),
    "EventKind.self_assessment": T("self_assessment", "专项小组自评"),
    "EventKind.training": T("training", "集中培训"),
    "EventKind.onsite_meeting": T("onsite_meeting", "现场推进会"),
    "EventKind.press_conference": T("press_conference", "新闻发布会"),
    "EventKind.ledger_inspection": T("ledger_inspection", "台账督察"),
    "EventKind.evaluation": T("evaluation", "改革评估"),
    "Measure.oral_warning": T("oral_warning", "口头提醒"),
    "Measure.interview": T("interview", "约见约谈"),
    "Measure.circulated_criticism": T("circulated_criticism", "通报批评"),
    "Measure.point_deduction": T("point_deduction", "目标扣分"),
    "Measure.organizational_handling": T("organizational_handling", "组织处理"),
    "CaseKind.typical_case": T("typical_case", "典型经验"),
    "CaseKind.demonstration_point": T("demonstration_point", "示范点位"),
    "UnitType.leading_group": T("leading_group", "领导小组"),
    "UnitType.reform_office": T("reform_office", "改革办"),
    "UnitType.special_group": T("special_group", "专项小组"),
    "UnitType.party_committee": T("party_committee", "区(市)县委"),
    "UnitType.department": T("department", "市级部门"),
    "UnitType.inspection_office": T("inspection_office", "督查室"),
    "UnitType.functional_department": T("functional_department", "职能部门"),
}

# the read-only member sheets of `export --members`: the sheet names, then each sheet's headers
MEMBERS: dict[str, T] = {
    "members_sheet": T("Members (read-only)", "下级台账(只读)"),
    "findings_sheet": T("Member findings (read-only)", "下级台账事项(只读)"),
    "members.member": T("member", "下级"),
    "members.commit": T("commit", "提交"),
    "members.red": T("red", "红灯"),
    "members.yellow": T("yellow", "黄灯"),
    "findings.member": T("member", "下级"),
    "findings.light": T("light", "信号灯"),
    "findings.id": T("id", "编号"),
    "findings.title": T("title", "事项"),
    "findings.unit": T("unit", "责任单位"),
    "findings.due": T("due", "时限"),
    "findings.days": T("days", "天数"),
    "findings.message": T("message", "情况"),
}

# ---- the About sheet: what the workbook is; its last row says it in the other language
ABOUT: dict[str, T] = {
    "ledger": T("Ledger", "台账名称"),
    "as_of": T("As of", "导出日期(as of)"),
    "tool": T("Tool", "工具"),
    "tool_command": T("reformctl export --xlsx --lang en", "reformctl export --xlsx"),
    "note_label": T("Note", "说明"),
    "note": T(
        "One sheet per kind, one row per item. Edit and bring back with `reformctl import` (it reads workbooks "
        "exported in English or Chinese); columns and sheets marked (read-only) are computed and ignored on "
        "import; the hidden last column data (JSON) carries nested data (milestones, progress, problems...): "
        "leave it. Choices are the values of the YAML files (in_progress, completed...), yes/no fields are yes "
        "or no, lists are separated by commas.",
        "每类事项一张表，一行一项。可编辑各列后用 reformctl import 导回；标注(只读)的列和表由工具生成，"
        "导入时忽略；最后一列“数据(JSON)”已隐藏，保存嵌套信息(进度节点、进展、问题清单等)，请勿修改。",
    ),
    "note_other": T(
        "One sheet per kind, one row per item. Edit and bring back with `reformctl import`; columns and sheets "
        "marked (只读) are computed and ignored on import; the hidden last column 数据(JSON) carries nested data "
        "(milestones, progress, problems...): leave it.",
        "每类事项一张表，一行一项；用 reformctl export --lang zh 可导出中文表头。",
    ),
}
