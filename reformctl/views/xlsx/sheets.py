"""The layout of the workbook: each sheet, its columns (field, type, width, the computed read-only ones)."""

from __future__ import annotations

import builtins  # Col has a field named `type`
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Optional

from ...i18n.sheets import cell
from ...model import Record
from ...model import records as R
from .labels import FIELD_EN, LIST_SEPS, PROBLEM_SHEETS, RO, RO_EN, _norm_header


class CellError(ValueError):
    """A cell that cannot be read (bad date, number, yes/no or choice): a key of the reader's messages
    (reformctl/i18n/sheets.py ``CELL``) and its values; ``str()`` is the English."""

    def __init__(self, key: str, **params: Any):
        super().__init__(cell(key, "en", **params))
        self.key, self.params = key, params


@dataclass(frozen=True)
class Col:
    header: str  # the Chinese header (a read-only column's ends in (只读))
    field: str = ""  # model field; "" for a computed (read-only) column
    type: str = "text"  # text | date | list | intlist | bool | int | float | enum
    enum: Optional[builtins.type[Enum]] = None
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
