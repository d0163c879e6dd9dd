"""Excel both ways: the familiar 台账 workbook (one sheet per kind, Chinese or English headers) and reading it back.

Layout of an exported workbook (documented in README "Excel"); names below are the Chinese ones (``lang="zh"``),
``lang="en"`` gives the English ones (``About``, ``Tasks``, ``Due``, ``data (JSON)``, ``... (read-only)``), with
English values in the cells (``yes``/``no``, choices as their YAML value, lists joined with ``, ``). Reading
accepts either language, and the YAML field name as a header too, whatever the workbook was exported with:

- a sheet ``说明`` (about) and a sheet ``季度汇总`` (the quarterly summary, read-only);
- one sheet per kind (``改革任务``, ``改革试点``, ``整改督办`` ...): row 1 the Chinese headers (frozen, with an
  autofilter), one row per item. Editable columns hold one field each: dates are real Excel dates, lists are
  joined with ``、``, yes/no fields are ``是``/``否``, choices show their Chinese label (the English value is
  accepted too). Columns whose header ends in ``(只读)`` (light, message, milestone digest...) are computed and
  ignored on import. The last column, ``数据(JSON)``, is hidden and holds, as JSON, every field that has no
  column of its own (milestones, progress, carry_over, problems, extra...): that is what makes the round
  trip lossless. A hand-made sheet may leave it out: fields without a column then keep their values in the
  ledger (new items start without them);
- ``整改问题``: one row per rectification problem (notice id + problem number); its editable columns override
  the problems held in the notices' JSON, so a rectification date typed there is imported.

Units and commissioners are exported for reference and read-only on import (edit units.yaml by hand);
close-outs are written by ``close-out`` only and are read-only too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Iterable, Optional

from ..model import KINDS_BY_NAME, Ledger, Record
from ..model import records as R
from .safe import xlsx_append

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


class CellError(ValueError):
    """A cell that cannot be read (bad date, number, yes/no or choice)."""


@dataclass(frozen=True)
class Col:
    header: str  # the Chinese header (a read-only column's ends in (只读))
    field: str = ""  # model field; "" for a computed (read-only) column
    type: str = "text"  # text | date | list | intlist | bool | int | float | enum
    enum: Optional[type] = None
    width: int = 14
    compute: Optional[Callable[[Record, str], Any]] = None  # read-only columns: (record, lang) -> cell
    en: str = ""  # the English header (default: FIELD_EN of the field)

    @property
    def readonly(self) -> bool:
        return not self.field

    def head(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.en or FIELD_EN.get(self.field, self.field)
        return self.header

    def names(self) -> set[str]:
        """Every header this column is read under (normalised): Chinese, English, the field name."""
        return {_norm_header(h) for h in (self.header, self.head("en"), self.field) if h}


@dataclass(frozen=True)
class Sheet:
    kind: str
    title: str  # Chinese
    cols: tuple[Col, ...]
    importable: bool = True
    light: bool = False  # has the light and message columns
    en: str = ""  # English title

    def editable(self) -> list[Col]:
        return [c for c in self.cols if not c.readonly]

    def name(self, lang: str = "zh") -> str:
        return self.en if lang == "en" and self.en else self.title


def _milestones(t: R.Task, lang: str = "zh") -> str:
    return "\n".join(f"{m.name} {m.due}" + (f" ✓{m.done}" if m.done else "") for m in t.milestones)


def _latest(t: R.Task, lang: str = "zh") -> str:
    if not t.progress:
        return ""
    p = max(t.progress, key=lambda p: p.date)
    return f"{p.date} {p.note}"


def _rectified(n: R.Notice, lang: str = "zh") -> str:
    return f"{sum(p.rectified is not None for p in n.problems)}/{len(n.problems)}"


def _verified(n: R.Notice, lang: str = "zh") -> str:
    return f"{sum(p.verified is not None for p in n.problems)}/{len(n.problems)}"


def _reported(r: R.Reminder, lang: str = "zh") -> str:
    return LIST_SEPS[lang].join(f"{x.unit}({x.date})" for x in r.reports)


def C(header, field="", type="text", enum=None, width=14, compute=None, en="") -> Col:  # noqa: N802, A002
    return Col(header, field, type, enum, width, compute, en)


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "task",
        "改革任务",
        (
            C("编号", "id", width=13),
            C("任务名称", "title", width=40),
            C("年度", "year", "int", width=7),
            C("任务来源", "source", width=16),
            C("重大任务", "major", "bool", width=9),
            C("牵头领导", "leader", width=10),
            C("实现目标", "goal", width=30),
            C("牵头单位", "lead_unit"),
            C("责任单位", "responsible_units", "list", width=24),
            C("专项小组", "special_group", width=22),
            C("开始日期", "start", "date", width=12),
            C("完成时限", "due", "date", width=12),
            C("状态", "status", "enum", R.TaskStatus, width=9),
            C("完成日期", "completed", "date", width=12),
            C("销账日期", "closed", "date", width=12),
            C("取消原因", "cancel_reason", width=16),
            C("状态回退原因", "reopen_reason", width=16),
            C("佐证材料", "evidence", "list", width=20),
            C("进度节点" + RO, compute=_milestones, width=34, en="Milestones" + RO_EN),
            C("最新进展" + RO, compute=_latest, width=34, en="Latest progress" + RO_EN),
        ),
        light=True,
        en="Tasks",
    ),
    Sheet(
        "pilot",
        "改革试点",
        (
            C("编号", "id", width=12),
            C("试点名称", "title", width=36),
            C("所属方案", "plan", width=13),
            C("试点单位", "unit"),
            C("牵头领导", "lead_leader", width=10),
            C("推进方案", "promotion_plan", width=24),
            C("工作班子", "working_team", "list", width=24),
            C("开始日期", "start", "date", width=12),
            C("期限届满", "end", "date", width=12),
            C("备案日期", "filed", "date", width=12),
            C("状态", "status", "enum", R.PilotStatus, width=9),
            C("退出日期", "exited", "date", width=12),
            C("退出原因", "exit_reason", width=20),
            C("完成日期", "completed", "date", width=12),
            C("超期理由", "exemption", width=16),
        ),
        light=True,
        en="Pilots",
    ),
    Sheet(
        "notice",
        "整改督办",
        (
            C("编号", "id", width=13),
            C("印发日期", "issued", "date", width=12),
            C("发文单位", "issued_by"),
            C("责任单位", "to_unit"),
            C("事由", "subject", width=30),
            C("已整改" + RO, compute=_rectified, width=9, en="Rectified" + RO_EN),
            C("已核实" + RO, compute=_verified, width=9, en="Verified" + RO_EN),
        ),
        light=True,
        en="Notices",
    ),
    Sheet(
        "plan",
        "专项改革方案",
        (
            C("编号", "id", width=13),
            C("方案名称", "title", width=36),
            C("层级", "level", "enum", R.PlanLevel, width=9),
            C("专项小组", "special_group", width=22),
            C("牵头单位", "lead_unit"),
            C("对接上级方案", "upper_plan", width=24),
            C("需稳评", "needs_stability_assessment", "bool", width=8),
            C("稳评日期", "stability_assessment", "date", width=12),
            C("合法性审查", "legality_review", "date", width=12),
            C("计划上会", "review_scheduled", "date", width=12),
            C("审议通过", "approved", "date", width=12),
            C("印发日期", "issued", "date", width=12),
            C("状态", "status", "enum", R.PlanStatus, width=9),
            C("销账日期", "closed", "date", width=12),
        ),
        light=True,
        en="Plans",
    ),
    Sheet(
        "reminder",
        "督办提示",
        (
            C("编号", "id", width=13),
            C("上级方案", "plan", width=36, en="Upper-level plan"),
            C("印发日期", "issued", "date", width=12),
            C("事由", "subject", width=30),
            C("送达单位", "to", "list", width=30, en="Sent to"),
            C("报告时限", "report_due", "date", width=12),
            C("报告时限(工作日)", "report_within_working_days", "int", width=10),
            C("已报告" + RO, compute=_reported, width=36, en="Reported" + RO_EN),
        ),
        light=True,
        en="Reminders",
    ),
    Sheet(
        "report",
        "季报",
        (
            C("编号", "id", width=14),
            C("报送单位", "unit"),
            C("季度", "quarter", width=9),
            C("报送日期", "submitted", "date", width=12),
            C("报送对象", "to", width=22, en="Reported to"),
            C("内容摘要", "summary", width=30),
        ),
        en="Reports",
    ),
    Sheet(
        "event",
        "会议活动",
        (
            C("编号", "id", width=12),
            C("类型", "kind", "enum", R.EventKind, width=12),
            C("组织单位", "unit", width=22),
            C("日期", "date", "date", width=12),
            C("名称", "title", width=36),
            C("涉及方案", "plans", "list", width=16),
            C("督察专员", "commissioners", "list", width=16),
            C("授权日期", "authorized", "date", width=12),
            C("授权文号", "authorization", width=14),
            C("结果报送", "report_to", "list", width=16),
        ),
        en="Events",
    ),
    Sheet(
        "accountability",
        "责任追究",
        (
            C("编号", "id", width=12),
            C("追责对象", "target"),
            C("责任人", "person"),
            C("追责事由", "ground", width=20),
            C("追责方式", "measure", "enum", R.Measure, width=10),
            C("决定日期", "decided", "date", width=12),
            C("实施单位", "implemented_by", "list", width=20),
            C("容错免责", "exemption", width=16),
            C("扣分", "points", "float", width=7),
        ),
        en="Accountability",
    ),
    Sheet(
        "case",
        "典型经验",
        (
            C("编号", "id", width=12),
            C("名称", "title", width=36),
            C("单位", "unit"),
            C("类型", "kind", "enum", R.CaseKind, width=10),
            C("日期", "date", "date", width=12),
            C("挂牌日期", "listed", "date", width=12),
            C("摘牌日期", "delisted", "date", width=12),
            C("推广年度", "promoted", "intlist", width=10),
            C("汇编年度", "compiled", "intlist", width=10),
            C("经验摘要", "summary", width=30),
        ),
        en="Cases",
    ),
    Sheet("assessment", "年度考核", (C("年度", "year", "int", width=8),), en="Assessments"),
    Sheet(
        "closeout",
        "年末销账" + RO,
        (
            C("年度", "year", "int", width=8),
            C("盘点日期", "date", "date", width=12),
        ),
        importable=False,
        en="Close-outs" + RO_EN,
    ),
    Sheet(
        "unit",
        "单位名录" + RO,
        (
            C("标识", "id", width=16),
            C("名称", "name", width=36),
            C("类型", "type", "enum", R.UnitType, width=12),
            C("上级单位", "parent", width=16),
        ),
        importable=False,
        en="Units" + RO_EN,
    ),
    Sheet(
        "commissioner",
        "督察专员" + RO,
        (
            C("标识", "id", width=10),
            C("姓名", "name", width=10),
            C("所在单位", "unit", width=16),
        ),
        importable=False,
        en="Commissioners" + RO_EN,
    ),
)
SHEETS_BY_KIND = {s.kind: s for s in SHEETS}
SHEETS_BY_TITLE = {s.title: s for s in SHEETS}
PROBLEM_SHEET = PROBLEM_SHEETS["zh"]
PROBLEM_COLS: tuple[Col, ...] = (
    C("通知编号", "notice", width=13),
    C("序号", "no", "int", width=6),
    C("问题描述", "description", width=40),
    C("责任单位", "responsible"),
    C("整改时限", "due", "date", width=12),
    C("整改时限(工作日)", "due_working_days", "int", width=10),
    C("整改完成", "rectified", "date", width=12),
    C("核实销号", "verified", "date", width=12),
    C("拒不整改", "refused", "bool", width=9),
    C("复查" + RO, width=34, compute=None, en="Reviews" + RO_EN),
)


# ---------------------------------------------------------------- cell values
def to_cell(value: Any, col: Col, lang: str = "zh") -> Any:
    """The cell of a field value: Chinese labels with ``lang="zh"``, the YAML values with ``lang="en"``."""
    if value is None:
        return None
    if isinstance(value, Enum):
        value = value.value
    if col.type == "bool":
        yes, no = BOOL_TEXT[lang]
        return yes if value else no
    if col.type in ("list", "intlist"):
        return LIST_SEPS[lang].join(str(v) for v in value) if value else None
    if col.type == "enum" and col.enum is not None:
        return ENUM_ZH.get(col.enum, {}).get(value, value) if lang == "zh" else value
    return value


_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


MAX_CELL_CHARS = 32_767  # Excel's own limit for the text of one cell
MAX_SHEET_ROWS = 200_000  # rows read from one sheet
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # what the workbook's parts may hold once decompressed, all together
_INT_TEXT = re.compile(r"^[+-]?\d{1,15}$")
_MAX_EXACT = 2**53  # above this a spreadsheet's floating-point number no longer holds every whole number


class WorkbookTooLarge(ValueError):
    """The workbook decompresses to more than :data:`MAX_UNZIPPED_BYTES` (or its zip says so)."""

    def __init__(self, size: int, limit: int):
        self.size, self.limit = size, limit
        super().__init__(f"the workbook decompresses to {size:,} bytes, over the limit of {limit:,}")


def _whole(p: Any) -> int:
    """A whole number of a cell, exactly: no boolean, no digits lost to floating point."""
    if isinstance(p, bool):
        raise CellError(f"expected a whole number, got {'TRUE' if p else 'FALSE'} (a yes/no cell)")
    if isinstance(p, int):
        if abs(p) > _MAX_EXACT:
            raise CellError(f"expected a whole number, got {p!r} (too large)")
        return p
    if isinstance(p, str) and _INT_TEXT.match(p):
        return int(p)
    try:
        f = float(p)
    except (TypeError, ValueError, OverflowError):
        raise CellError(f"expected a whole number, got {p!r}") from None
    if f != f or f in (float("inf"), float("-inf")) or abs(f) > _MAX_EXACT:
        raise CellError(f"expected a whole number, got {p!r} (too large)")
    if f != int(f):
        raise CellError(f"expected a whole number, got {p!r}")
    return int(f)


def from_cell(value: Any, col: Col) -> Any:
    """The field value of a cell (``None`` for an empty cell); raises :class:`CellError`."""
    if _blank(value):
        return [] if col.type in ("list", "intlist") else None
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        raise CellError(f"the cell holds {len(value):,} characters, over the limit of {MAX_CELL_CHARS:,}")
    t = col.type
    if t == "date":
        if isinstance(value, dt.datetime):
            if value.time() != dt.time(0):
                raise CellError(f"expected a date, got a date and time {value}")
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        text = str(value).strip()
        for form in _DATE_FORMS:
            m = form.match(text)
            if m:
                try:
                    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
                except ValueError as exc:
                    raise CellError(f"{text!r} is not a calendar date ({exc})") from None
        raise CellError(f"expected a date such as 2016-07-01, got {text!r}")
    if t == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("是", "true", "y", "yes", "1", "√", "✓"):
            return True
        if text in ("否", "false", "n", "no", "0", "×"):
            return False
        raise CellError(f"expected 是 or 否, got {value!r}")
    if t in ("int", "intlist"):
        parts = [value] if t == "int" else (_SPLIT.split(str(value).strip()) if isinstance(value, str) else [value])
        out = []
        for p in parts:
            if isinstance(p, str):
                p = p.strip()
                if not p:
                    continue
            out.append(_whole(p))
        return out[0] if t == "int" else out
    if t == "float":
        if isinstance(value, bool):
            raise CellError(f"expected a number, got {value!r}")
        try:
            f = float(value)
        except (TypeError, ValueError, OverflowError):
            raise CellError(f"expected a number, got {value!r}") from None
        if f != f or f in (float("inf"), float("-inf")):
            raise CellError(f"expected a number, got {value!r}")
        return int(f) if f == int(f) and not isinstance(value, float) else f
    if t == "list":
        return [p.strip() for p in _SPLIT.split(str(value)) if p.strip()]
    if t == "enum" and col.enum is not None:
        text = str(value).strip()
        values = [e.value for e in col.enum]
        if text in values:
            return text
        back = {zh: v for v, zh in ENUM_ZH.get(col.enum, {}).items()}
        back.update(ENUM_ZH_ALSO.get(col.enum, {}))
        if text.translate(_TRADITIONAL) in back:
            return back[text.translate(_TRADITIONAL)]
        loose = re.sub(r"[\s-]+", "_", text.casefold())  # "In progress", "in-progress"
        if loose in values:
            return loose
        shown = "、".join(f"{ENUM_ZH.get(col.enum, {}).get(v, v)}({v})" for v in values)
        raise CellError(f"{text!r} is not one of {shown}")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return str(value) if not isinstance(value, str) else value


def record_data(rec: Record) -> dict:
    """The record as plain JSON data, without fields left at their defaults."""
    return rec.model_dump(mode="json", exclude_defaults=True)


def hidden_data(rec: Record, sheet: Sheet) -> dict:
    """The fields of ``rec`` that have no column of their own (what the hidden JSON column carries)."""
    shown = {c.field for c in sheet.editable()}
    return {k: v for k, v in record_data(rec).items() if k not in shown}


def items_of(ledger: Ledger, kind: str) -> list[tuple[str, Record]]:
    return (
        sorted(ledger.of(kind).items(), key=lambda kv: str(kv[0]))
        if kind not in ("unit", "commissioner")
        else list(ledger.of(kind).items())
    )


# ---------------------------------------------------------------- writing
@dataclass
class ExportSummary:
    """What goes on the 季度汇总 sheet: header labels and rows (first cell a label, then numbers)."""

    title: str
    header: list[str]
    rows: list[list[Any]]
    notes: list[tuple[str, Any]] = field(default_factory=list)
    sections: list[tuple[str, list[str], list[list[str]]]] = field(default_factory=list)  # heading, header, rows


ABOUT = {
    "zh": (
        ("台账名称", None),
        ("导出日期(as of)", None),
        ("工具", "reformctl export --xlsx"),
        (
            "说明",
            "每类事项一张表，一行一项。可编辑各列后用 reformctl import 导回；标注(只读)的列和表由工具生成，"
            "导入时忽略；最后一列“数据(JSON)”已隐藏，保存嵌套信息(进度节点、进展、问题清单等)，请勿修改。",
        ),
        (
            "Note",
            "One sheet per kind, one row per item. Edit and bring back with `reformctl import`; "
            "columns and sheets marked (只读) are computed and ignored on import; the hidden last "
            "column 数据(JSON) carries nested data (milestones, progress, problems...): leave it.",
        ),
    ),
    "en": (
        ("Ledger", None),
        ("As of", None),
        ("Tool", "reformctl export --xlsx --lang en"),
        (
            "Note",
            "One sheet per kind, one row per item. Edit and bring back with `reformctl import` (it reads "
            "workbooks exported in English or Chinese); columns and sheets marked (read-only) are computed "
            "and ignored on import; the hidden last column data (JSON) carries nested data (milestones, "
            "progress, problems...): leave it. Choices are the values of the YAML files (in_progress, "
            "completed...), yes/no fields are yes or no, lists are separated by commas.",
        ),
        ("说明", "每类事项一张表，一行一项；用 reformctl export --lang zh 可导出中文表头。"),
    ),
}


def write_workbook(
    path,
    ledger: Ledger,
    *,
    as_of: dt.date,
    lights: dict,
    summary: Optional[ExportSummary] = None,
    progress=None,
    lang: str = "zh",
) -> dict[str, int]:
    """Write the workbook in ``lang`` (zh | en: sheet names, headers, yes/no, choices, lights); returns the number
    of rows written per sheet. ``lights`` maps (kind, id) to (light, message) for items with a finding; other
    open items are green."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    if lang not in LANGS:
        raise ValueError(f"lang is zh or en, got {lang!r}")
    json_header = JSON_HEADERS[lang]
    light_header, message_header = LIGHT_HEADERS[lang], MESSAGE_HEADERS[lang]
    light_text = LIGHT_TEXTS[lang]
    wb = Workbook()
    about = wb.active
    about.title = ABOUT_SHEETS[lang]
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    name = ledger.settings.name if ledger.settings else ""
    for i, (label, text) in enumerate(ABOUT[lang]):
        xlsx_append(about, [label, (name, as_of)[i] if i < 2 else text])
    about["A1"].font = bold
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 100
    for r in about.iter_rows(min_row=1, max_row=about.max_row):
        r[0].font = bold
        r[1].alignment = Alignment(wrap_text=True)
        if isinstance(r[1].value, dt.date):
            r[1].number_format = "yyyy-mm-dd"

    if summary is not None:
        ws = wb.create_sheet(SUMMARY_SHEETS[lang])
        xlsx_append(ws, [summary.title])
        ws["A1"].font = Font(bold=True, size=13)
        xlsx_append(ws, summary.header)
        for c in ws[2]:
            c.font, c.fill = bold, head_fill
        for row in summary.rows:
            xlsx_append(ws, row)
        for c in ws[ws.max_row]:
            c.font = bold
        for col_cells in ws.iter_cols(min_row=3, min_col=len(summary.header), max_col=len(summary.header)):
            for c in col_cells:
                if isinstance(c.value, float):
                    c.number_format = "0.0%"
        ws.append([])
        for label, value in summary.notes:
            xlsx_append(ws, [label, value])
        for heading, head, rows in summary.sections:
            ws.append([])
            xlsx_append(ws, [heading])
            ws.cell(ws.max_row, 1).font = bold
            xlsx_append(ws, head)
            for c in ws[ws.max_row]:
                c.font, c.fill = bold, head_fill
            for r in rows:
                xlsx_append(ws, [int(v) if isinstance(v, str) and v.isdigit() else v for v in r])
        ws.column_dimensions["A"].width = 26
        for i in range(2, len(summary.header) + 1):
            ws.column_dimensions[get_column_letter(i)].width = 12
        ws.freeze_panes = "A3"

    counts: dict[str, int] = {}
    total = sum(len(ledger.of(s.kind)) for s in SHEETS)
    task = progress.add(total, "导出 xlsx") if progress else None

    def header_row(ws, cols, with_light: bool):
        heads = [c.head(lang) for c in cols] + ([light_header, message_header] if with_light else []) + [json_header]
        xlsx_append(ws, heads, 1)
        for i, c in enumerate(ws[1], start=1):
            c.font, c.fill = bold, head_fill
            c.alignment = Alignment(wrap_text=True, vertical="center")
            h = heads[i - 1]
            if h.endswith((RO, RO_EN)):
                c.comment = Comment(RO_COMMENT, "reformctl")
            width = cols[i - 1].width if i <= len(cols) else (8 if h == light_header else 40)
            ws.column_dimensions[get_column_letter(i)].width = width
        json_letter = get_column_letter(len(heads))
        ws.column_dimensions[json_letter].hidden = True
        ws.freeze_panes = "B2"
        return heads

    def finish(ws, heads, rows: int):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(heads))}{rows + 1}"

    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name(lang))
        heads = header_row(ws, list(sheet.cols), sheet.light)
        n = 0
        for item_id, rec in items_of(ledger, sheet.kind):
            row = []
            for c in sheet.cols:
                row.append(
                    c.compute(rec, lang) if c.readonly and c.compute else to_cell(getattr(rec, c.field, None), c, lang)
                )
            if sheet.light:
                light, message = lights.get((sheet.kind, str(item_id)), ("", ""))
                if not light and _is_open(sheet.kind, rec):
                    light = "green"
                row += [light_text[light], message or None]
            extra = hidden_data(rec, sheet)
            row.append(json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None)
            n += 1
            r = n + 1
            xlsx_append(ws, row, r)  # (ws.max_row scans every cell: quadratic on a large ledger)
            for i, c in enumerate(sheet.cols, start=1):
                cell = ws.cell(r, i)
                if c.type == "date":
                    cell.number_format = "yyyy-mm-dd"
                if c.readonly or c.width >= 24:
                    cell.alignment = wrap
            if sheet.light:
                lc = ws.cell(r, len(sheet.cols) + 1)
                if light:
                    lc.fill = PatternFill("solid", fgColor=FILLS[light])
                lc.alignment = Alignment(horizontal="center", vertical="top")
                ws.cell(r, len(sheet.cols) + 2).alignment = wrap
            if progress:
                progress.advance(task)
        finish(ws, heads, n)
        counts[sheet.name(lang)] = n
        if sheet.kind == "notice":
            ws = wb.create_sheet(PROBLEM_SHEETS[lang])
            heads = header_row(ws, list(PROBLEM_COLS), True)
            m = 0
            for nid, notice in items_of(ledger, "notice"):
                for p in notice.problems:
                    row = []
                    for c in PROBLEM_COLS:
                        if c.readonly:
                            row.append(
                                "\n".join(
                                    f"{rv.due}"
                                    + (f" ✓{rv.done}" if rv.done else "")
                                    + (f" {rv.result}" if rv.result else "")
                                    for rv in p.reviews
                                )
                                or None
                            )
                        elif c.field == "notice":
                            row.append(nid)
                        else:
                            row.append(to_cell(getattr(p, c.field, None), c, lang))
                    light, message = lights.get(("problem", f"{nid}#{p.no}"), ("", ""))
                    if not light and p.rectified is None:
                        light = "green"
                    row += [light_text[light], message or None, None]
                    m += 1
                    r = m + 1
                    xlsx_append(ws, row, r)
                    for i, c in enumerate(PROBLEM_COLS, start=1):
                        if c.type == "date":
                            ws.cell(r, i).number_format = "yyyy-mm-dd"
                        if c.width >= 24:
                            ws.cell(r, i).alignment = wrap
                    lc = ws.cell(r, len(PROBLEM_COLS) + 1)
                    if light:
                        lc.fill = PatternFill("solid", fgColor=FILLS[light])
                    lc.alignment = Alignment(horizontal="center", vertical="top")
            finish(ws, heads, m)
            counts[PROBLEM_SHEETS[lang]] = m
    from .safe import write_output

    write_output(path, wb.save)  # whole or not at all
    return counts


def _is_open(kind: str, rec: Any) -> bool:
    if kind in ("task", "pilot", "plan"):
        return rec.status.is_open
    if kind == "notice":
        return any(p.rectified is None for p in rec.problems)
    if kind == "reminder":
        return {x.unit for x in rec.reports} < set(rec.to)
    return False


# ---------------------------------------------------------------- reading
@dataclass
class SheetProblem:
    sheet: str
    row: int
    column: str  # letter and header, e.g. "L (完成时限)"
    message: str

    def __str__(self) -> str:
        where = f"sheet {self.sheet}, row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class RowData:
    """One row of an item sheet: the fields of its editable columns, the hidden JSON (``None`` when the column
    is missing or the cell empty), where it was read."""

    values: dict[str, Any]
    json: Optional[dict]
    row: int
    sheet: str
    where: dict[str, str]  # field -> "L (完成时限)"
    json_where: str = ""  # "T (数据(JSON))": the hidden column, when the sheet has it


@dataclass
class ProblemRow:
    notice: str
    no: int
    values: dict[str, Any]
    row: int
    where: dict[str, str]
    index: int = -1  # position of the problem in the notice's list, once merged
    sheet: str = PROBLEM_SHEET  # the title it was read from (整改问题 or Problems)


@dataclass
class ReadResult:
    items: dict[str, dict[str, RowData]] = field(default_factory=dict)  # kind -> id -> row
    problem_rows: list[ProblemRow] = field(default_factory=list)
    problems: list[SheetProblem] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)


_FULLWIDTH = str.maketrans("（）", "()")


def _norm_header(h: Any) -> str:
    """Headers and sheet titles compare without spaces, case or full-width parentheses."""
    return re.sub(r"\s+", "", str(h)).translate(_FULLWIDTH).casefold() if h is not None else ""


def _colmap(head: Iterable[Any], cols: Iterable[Col]) -> list[tuple[int, Col, str]]:
    """(index, column, header as written) of every cell of the header row naming an editable column."""
    by_name: dict[str, Col] = {}
    for c in cols:
        if not c.readonly:
            for n in c.names():
                by_name.setdefault(n, c)
    out, seen = [], set()
    for i, h in enumerate(head):
        c = by_name.get(_norm_header(h))
        if c is not None and c.field not in seen:  # the first of two columns for one field wins
            seen.add(c.field)
            out.append((i, c, str(h).strip()))
    return out


_MARKS = {
    "formula": "a formula cell with no saved value: type the value (or open and save the workbook in Excel)",
    "merged": "a merged cell: type the value in every row (unmerge the cells)",
}


def _read_cells(title: str, rno: int, values: list, colmap, res: ReadResult, marks: Optional[dict] = None):
    from openpyxl.utils import get_column_letter

    data: dict[str, Any] = {}
    where: dict[str, str] = {}
    ok = True
    for i, col, shown in colmap:
        letter = f"{get_column_letter(i + 1)} ({shown})"
        where[col.field] = letter
        value = values[i] if i < len(values) else None
        try:
            if marks and i in marks and _blank(value):
                raise CellError(_MARKS[marks[i]])
            data[col.field] = from_cell(value, col)
        except CellError as exc:
            res.problems.append(SheetProblem(title, rno, letter, str(exc)))
            ok = False
    return (data, where) if ok else (None, where)


def _titles(sheet_names: Iterable[str], names: Iterable[str]) -> list[str]:
    """The workbook's sheets called by any of ``names`` (Chinese or English), in workbook order."""
    wanted = {_norm_header(n) for n in names}
    return [t for t in sheet_names if _norm_header(t) in wanted]


def _check_unzipped_size(path) -> None:
    """Refuse a workbook whose parts decompress to more than :data:`MAX_UNZIPPED_BYTES` before openpyxl reads
    it: an 868 KB file can hold an 800 MB cell. zipfile never yields more than a member's recorded size (it
    fails on the CRC instead), so the sizes recorded in the archive are a safe bound."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        size = 0
        for info in z.infolist():
            size += info.file_size
            if size > MAX_UNZIPPED_BYTES:
                raise WorkbookTooLarge(size, MAX_UNZIPPED_BYTES)


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
MAX_MERGED_CELLS = 1_000_000


class _Marks:
    """What the XML of one sheet says that the values alone do not: the cells covered by a merge (all but the
    first, which holds the value) and whether any cell holds a formula."""

    def __init__(self) -> None:
        self.merged: dict[int, set[int]] = {}  # row -> 0-based columns covered by a merge, not its first cell
        self.formulas = False
        self.too_many_merged = False


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _sheet_marks(wb, ws) -> _Marks:
    marks = _Marks()
    path = getattr(ws, "_worksheet_path", None)
    archive = getattr(wb, "_archive", None)
    if not path or archive is None:
        return marks
    count = 0
    tail = b""
    with archive.open(path) as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            buf = tail + chunk
            if not marks.formulas and _FORMULA.search(buf):
                marks.formulas = True
            cut = buf.rfind(b"<")  # a tag cut in two is searched whole with the next chunk
            cut = cut if cut > 0 and len(buf) - cut < 4096 else len(buf)
            for m in _MERGE_REF.finditer(buf, 0, cut):
                c1, r1 = _col_index(m.group(1)), int(m.group(2))
                c2, r2 = (_col_index(m.group(3)), int(m.group(4))) if m.group(3) else (c1, r1)
                count += max(0, (r2 - r1 + 1) * (c2 - c1 + 1))
                if count > MAX_MERGED_CELLS:
                    marks.too_many_merged = True
                    return marks
                for r in range(r1, r2 + 1):
                    cols = marks.merged.setdefault(r, set())
                    cols.update(c - 1 for c in range(c1, c2 + 1) if (r, c) != (r1, c1))
            tail = buf[cut:]
    return marks


def _sheet_rows(wb, fwb, title: str, res: ReadResult):
    """(row number, values, marks) of every row after the header of sheet ``title``: ``marks`` maps a column
    index to "formula" or "merged" where a cell is blank for that reason. Stops after :data:`MAX_SHEET_ROWS`."""
    ws = wb[title]
    marks = _sheet_marks(wb, ws)
    if marks.too_many_merged:
        res.problems.append(SheetProblem(title, 1, "", f"more than {MAX_MERGED_CELLS:,} merged cells: unmerge them"))
    frows = fwb[title].iter_rows(values_only=True) if marks.formulas else None
    for rno, values in enumerate(ws.iter_rows(values_only=True), start=1):
        fvalues = next(frows, None) if frows is not None else None
        if rno > MAX_SHEET_ROWS + 1:
            res.problems.append(SheetProblem(title, rno, "", f"more than {MAX_SHEET_ROWS:,} rows: split the workbook"))
            return
        values = list(values or ())
        cell_marks = {i: "merged" for i in marks.merged.get(rno, ())}
        if fvalues:
            for i, f in enumerate(fvalues):
                if isinstance(f, str) and f.startswith("=") and (i >= len(values) or _blank(values[i])):
                    cell_marks[i] = "formula"
        yield rno, values, cell_marks


def read_workbook(path, progress=None) -> ReadResult:
    """Read every importable sheet, Chinese or English: each row becomes field data (cells parsed; the models
    validate later)."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    _check_unzipped_size(path)
    wb = load_workbook(path, data_only=True, read_only=True)
    # the formulas themselves, to tell a formula without a saved value from an empty cell (opened only when a
    # sheet has a formula)
    fwb_box: list = []

    def formulas_book():
        if not fwb_box:
            fwb_box.append(load_workbook(path, data_only=False, read_only=True))
        return fwb_box[0]

    res = ReadResult()
    json_names = {_norm_header(h) for h in JSON_HEADERS.values()}
    sheets = [(s, t) for s in SHEETS if s.importable for t in _titles(wb.sheetnames, (s.title, s.en))]
    total = sum(max((wb[t].max_row or 1) - 1, 0) for _, t in sheets)
    task = progress.add(total, "读取 xlsx") if progress else None
    seen_at: dict[tuple[str, str], tuple[str, int]] = {}
    for sheet, title in sheets:
        res.sheets.append(title)
        rows = _sheet_rows(wb, _LazyBook(formulas_book), title, res)
        first = next(rows, None)
        head = first[1] if first is not None else None
        if head is None:
            continue
        heads = [_norm_header(h) for h in head]
        colmap = _colmap(head, sheet.cols)
        json_at = next((i for i, h in enumerate(heads) if h in json_names), None)
        json_where = f"{get_column_letter(json_at + 1)} ({str(head[json_at]).strip()})" if json_at is not None else ""
        key = KINDS_BY_NAME[sheet.kind].key
        if not any(c.field == key for _, c, _h in colmap):
            id_col = next(c for c in sheet.cols if c.field == key)
            res.problems.append(
                SheetProblem(
                    title, 1, "", f"no column {id_col.header} / {id_col.head('en')} (the id): cannot read this sheet"
                )
            )
            continue
        bucket = res.items.setdefault(sheet.kind, {})
        for rno, values, marks in rows:
            if progress:
                progress.advance(task)
            if all(_blank(v) for v in values):
                continue
            extra = None
            if json_at is not None and json_at < len(values) and not _blank(values[json_at]):
                try:
                    extra = json.loads(values[json_at])
                except (TypeError, ValueError) as exc:
                    res.problems.append(
                        SheetProblem(
                            title,
                            rno,
                            json_where,
                            f"not valid JSON ({exc}); leave this hidden column as it was exported",
                        )
                    )
                    continue
                if not isinstance(extra, dict):
                    res.problems.append(SheetProblem(title, rno, json_where, "not a JSON object"))
                    continue
            data, where = _read_cells(title, rno, values, colmap, res, marks)
            if data is None:
                continue
            item_id = data.get(key)
            if item_id in (None, "", []):
                res.problems.append(SheetProblem(title, rno, where.get(key, ""), "the id is empty"))
                continue
            item_id = str(item_id)
            if item_id in bucket:
                first_sheet, first_row = seen_at[(sheet.kind, item_id)]
                res.problems.append(
                    SheetProblem(
                        title,
                        rno,
                        where.get(key, ""),
                        f"id {item_id} is already on row "
                        f"{first_row}" + (f" of sheet {first_sheet}" if first_sheet != title else ""),
                    )
                )
                continue
            bucket[item_id] = RowData(data, extra, rno, title, where, json_where)
            seen_at[(sheet.kind, item_id)] = (title, rno)
    for title in _titles(wb.sheetnames, PROBLEM_SHEETS.values()):
        res.sheets.append(title)
        rows = _sheet_rows(wb, _LazyBook(formulas_book), title, res)
        first = next(rows, None)
        head = first[1] if first is not None else None
        colmap = _colmap(head or (), PROBLEM_COLS)
        if head is not None and not {"notice", "no"} <= {c.field for _, c, _h in colmap}:
            res.problems.append(SheetProblem(title, 1, "", "needs the columns 通知编号 and 序号 (Notice, No.)"))
        elif head is not None:
            for rno, values, marks in rows:
                if all(_blank(v) for v in values):
                    continue
                data, where = _read_cells(title, rno, values, colmap, res, marks)
                if data is None:
                    continue
                nid, no = data.pop("notice"), data.get("no")
                if not nid or no is None:
                    res.problems.append(
                        SheetProblem(
                            title,
                            rno,
                            where["notice" if not nid else "no"],
                            "every row needs 通知编号 and 序号 (Notice, No.)",
                        )
                    )
                    continue
                res.problem_rows.append(ProblemRow(str(nid), no, data, rno, where, sheet=title))
    wb.close()
    for fwb in fwb_box:
        fwb.close()
    return res


class _LazyBook:
    """``book[title]`` of a workbook opened on first use."""

    def __init__(self, open_book: Callable[[], Any]):
        self._open = open_book

    def __getitem__(self, title: str):
        return self._open()[title]


def iter_sheet_kinds() -> Iterable[str]:
    return (s.kind for s in SHEETS if s.importable)


# ---------------------------------------------------------------- members (export --members)
MEMBER_SHEETS = {
    "zh": ("下级台账(只读)", "下级台账事项(只读)"),
    "en": ("Members (read-only)", "Member findings (read-only)"),
}
MEMBER_HEADERS = {
    "zh": (["下级", "提交", "红灯", "黄灯"], ["下级", "信号灯", "编号", "事项", "责任单位", "时限", "天数", "情况"]),
    "en": (["member", "commit", "red", "yellow"], ["member", "light", "id", "title", "unit", "due", "days", "message"]),
}


def add_member_sheets(path, members: list[dict], lang: str = "zh") -> None:
    """Add two read-only sheets to the workbook at ``path`` (import ignores them): one row per member with its
    red and yellow counts, and every member's red and yellow findings. ``members`` as
    :func:`reformctl.views.html.member_rows` gives them. Text from members' ledgers is written as text, never as
    a formula. The workbook is replaced whole (written beside it, then renamed)."""
    import os
    import tempfile
    from pathlib import Path

    import openpyxl

    from ..i18n import label

    wb = openpyxl.load_workbook(path)
    names, heads = MEMBER_SHEETS[lang], MEMBER_HEADERS[lang]

    def put(ws, row: list) -> None:
        ws.append([None] * len(row))
        for i, value in enumerate(row, 1):
            cell = ws.cell(ws.max_row, i)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever a member's ledger holds

    summary = wb.create_sheet(names[0])
    summary.append(heads[0])
    found = wb.create_sheet(names[1])
    found.append(heads[1])
    for m in members:
        put(summary, [m["member"], m["commit"] or "", m["red"], m["yellow"]])
        for f in m["findings"]:
            put(
                found,
                [
                    m["member"],
                    label("light", f["light"], lang),
                    f["id"],
                    f["title"],
                    f["unit"],
                    f["due"],
                    f["days"],
                    f["message"],
                ],
            )
    for ws in (summary, found):
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".xlsx", dir=str(Path(path).resolve().parent))
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
