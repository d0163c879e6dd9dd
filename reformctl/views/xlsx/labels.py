"""The words of the workbook in both languages: sheet and column names, yes/no, lights, choice labels (and the
other spellings offices use for them, read on import), and how headers compare."""

from __future__ import annotations

import re
from typing import Any

from ...model import records as R

LANGS = ("zh", "en")
JSON_HEADERS = {"zh": "数据(JSON)", "en": "data (JSON)"}
JSON_HEADER = JSON_HEADERS["zh"]
RO = "(只读)"
RO_EN = " (read-only)"
LIGHT_HEADERS = {"zh": "信号灯" + RO, "en": "light" + RO_EN}
MESSAGE_HEADERS = {"zh": "提醒" + RO, "en": "message" + RO_EN}
LIGHT_HEADER, MESSAGE_HEADER = LIGHT_HEADERS["zh"], MESSAGE_HEADERS["zh"]
LIST_SEPS = {"zh": "、", "en": ", "}
LIST_SEP = LIST_SEPS["zh"]
BOOL_TEXT = {"zh": ("是", "否"), "en": ("yes", "no")}
_SPLIT = re.compile(r"[、,，;；\n]+")

FILLS = {"red": "FFC7CE", "yellow": "FFEB9C", "green": "C6EFCE"}
LIGHT_TEXTS = {
    "zh": {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "": ""},
    "en": {"red": "red", "yellow": "yellow", "green": "green", "": ""},
}
LIGHT_TEXT = LIGHT_TEXTS["zh"]
ABOUT_SHEETS = {"zh": "说明", "en": "About"}
SUMMARY_SHEETS = {"zh": "季度汇总" + RO, "en": "Quarterly summary" + RO_EN}
PROBLEM_SHEETS = {"zh": "整改问题", "en": "Problems"}
RO_COMMENT = "由 reformctl 生成，导入时忽略 / computed, ignored on import"

# English header of each field (a column may override it with ``en=``)
FIELD_EN = {
    "id": "ID",
    "title": "Title",
    "year": "Year",
    "source": "Source",
    "major": "Major task",
    "leader": "Leader",
    "goal": "Goal",
    "lead_unit": "Lead unit",
    "responsible_units": "Responsible units",
    "special_group": "Special group",
    "start": "Start",
    "due": "Due",
    "status": "Status",
    "completed": "Completed",
    "closed": "Closed (written off)",
    "cancel_reason": "Cancel reason",
    "reopen_reason": "Why the status moved back",
    "evidence": "Evidence",
    "plan": "Plan",
    "unit": "Unit",
    "lead_leader": "Lead leader",
    "promotion_plan": "Promotion plan",
    "working_team": "Working team",
    "end": "End of term",
    "filed": "Filed",
    "exited": "Exited",
    "exit_reason": "Exit reason",
    "exemption": "Exemption",
    "issued": "Issued",
    "issued_by": "Issued by",
    "to_unit": "To unit",
    "subject": "Subject",
    "level": "Level",
    "upper_plan": "Upper-level plan",
    "needs_stability_assessment": "Needs stability assessment",
    "stability_assessment": "Stability assessment",
    "legality_review": "Legality review",
    "review_scheduled": "Review scheduled",
    "approved": "Approved",
    "to": "To",
    "report_due": "Report due",
    "report_within_working_days": "Report due (working days)",
    "quarter": "Quarter",
    "submitted": "Submitted",
    "summary": "Summary",
    "kind": "Kind",
    "date": "Date",
    "plans": "Plans",
    "commissioners": "Commissioners",
    "authorized": "Authorized",
    "authorization": "Authorization",
    "report_to": "Report to",
    "target": "Target",
    "person": "Person",
    "ground": "Ground",
    "measure": "Measure",
    "decided": "Decided",
    "implemented_by": "Implemented by",
    "points": "Points",
    "listed": "Listed",
    "delisted": "Delisted",
    "promoted": "Promoted (years)",
    "compiled": "Compiled (years)",
    "name": "Name",
    "type": "Type",
    "parent": "Parent",
    "notice": "Notice",
    "no": "No.",
    "description": "Description",
    "responsible": "Responsible unit",
    "due_working_days": "Due (working days)",
    "rectified": "Rectified",
    "verified": "Verified",
    "refused": "Refused",
}

ENUM_ZH: dict[type, dict[str, str]] = {
    R.TaskStatus: {
        "planned": "未启动",
        "in_progress": "推进中",
        "completed": "已完成",
        "closed": "已销账",
        "cancelled": "已取消",
    },
    R.PilotStatus: {"active": "推进中", "adjusted": "已调整", "exited": "已退出", "completed": "已完成"},
    R.PlanStatus: {"drafting": "起草中", "reviewing": "审议中", "issued": "已印发", "closed": "已销账"},
    R.PlanLevel: {"central": "中央", "provincial": "省级", "city": "市级", "district": "区(市)县级"},
    R.EventKind: {
        "group_meeting": "专项小组会议",
        "self_assessment": "专项小组自评",
        "training": "集中培训",
        "onsite_meeting": "现场推进会",
        "press_conference": "新闻发布会",
        "ledger_inspection": "台账督察",
        "evaluation": "改革评估",
    },
    R.Measure: {
        "oral_warning": "口头提醒",
        "interview": "约见约谈",
        "circulated_criticism": "通报批评",
        "point_deduction": "目标扣分",
        "organizational_handling": "组织处理",
    },
    R.CaseKind: {"typical_case": "典型经验", "demonstration_point": "示范点位"},
    R.UnitType: {
        "leading_group": "领导小组",
        "reform_office": "改革办",
        "special_group": "专项小组",
        "party_committee": "区(市)县委",
        "department": "市级部门",
        "inspection_office": "督查室",
        "functional_department": "职能部门",
    },
}

# Other words offices use for a choice, accepted on import (the workbook writes the labels above):
# 未开始 is as common as 未启动 for a task not yet begun.
ENUM_ZH_ALSO: dict[type, dict[str, str]] = {
    R.TaskStatus: {"未开始": "planned", "进行中": "in_progress"},
}


# The labels above as a workbook typed in traditional characters spells them: reformctl writes
# simplified Chinese and reads either.
_TRADITIONAL = str.maketrans(
    "級組織處專項會議區縣現場進門約見談審評啓啟動範點標辦聞發佈調臺賬訓報經驗職頭開領導銷",  # input-only: traditional
    "级组织处专项会议区县现场进门约见谈审评启启动范点标办闻发布调台账训报经验职头开领导销",
)


_FULLWIDTH = str.maketrans("（）", "()")


def _norm_header(h: Any) -> str:
    """Headers and sheet titles compare without spaces, case or full-width parentheses."""
    return re.sub(r"\s+", "", str(h)).translate(_FULLWIDTH).casefold() if h is not None else ""
