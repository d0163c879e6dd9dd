"""Pydantic v2 models of every record kind of the ledger (docs/format.md).

Unknown keys are refused everywhere (``extra="forbid"``) except under ``extra:``. Field descriptions are
given in Simplified Chinese and English: editors show them through the generated JSON Schema.
Cross-record rules (references, date order, the seed's articles) live in :mod:`reformctl.rules.checks`;
the models check only what one value or one record can tell by itself.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from .diagnostic import Invalid

from .types import (
    MAX_DEPTH,
    Bool,
    Count,
    Date,
    ItemId,
    NonNegInt,
    Points,
    PositiveInt,
    Quarter,
    Text,
    UnitId,
    WorkingDays,
    Year,
    deeper_than,
)


def d(zh: str, en: str) -> str:
    """A bilingual field description."""
    return f"{zh} / {en}"


def F(zh: str, en: str, default: Any = ..., **kw: Any) -> Any:  # noqa: N802 - short field helper
    if isinstance(default, list) and not default:
        # a fresh empty list per record from a factory: a literal [] default is deep-copied by pydantic for
        # every record that leaves the field out (a tenth of the validation time of a task); the schema
        # still shows the default
        return Field(default_factory=list, description=d(zh, en), json_schema_extra={"default": []}, **kw)
    return Field(default, description=d(zh, en), **kw)


class Record(BaseModel):
    """Base of every record: unknown keys are errors, ``extra`` holds anything else."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, populate_by_name=True, defer_build=True
    )

    extra: Optional[dict[str, Any]] = F(
        "其他自定义信息(不做校验)", "anything else the ledger keeps (not checked)", None
    )

    @field_validator("extra", mode="before")
    @classmethod
    def _not_too_deep(cls, value: Any) -> Any:
        if isinstance(value, dict) and deeper_than(value, MAX_DEPTH):
            raise Invalid("too_deep.nested", n=MAX_DEPTH)
        return value


# ---------------------------------------------------------------- enums
class Level(str, Enum):
    city = "city"
    district = "district"


class PlanLevel(str, Enum):
    central = "central"
    provincial = "provincial"
    city = "city"
    district = "district"


class UnitType(str, Enum):
    leading_group = "leading_group"
    reform_office = "reform_office"
    special_group = "special_group"
    party_committee = "party_committee"
    department = "department"
    inspection_office = "inspection_office"
    functional_department = "functional_department"


# The statuses of the items with a lifecycle. What each status means (open, done, ...) is said here, once; the
# order of statuses and the moves between them are in reformctl.model.lifecycle.
class TaskStatus(str, Enum):
    planned = "planned"
    in_progress = "in_progress"
    completed = "completed"
    closed = "closed"
    cancelled = "cancelled"

    @property
    def is_open(self) -> bool:
        """Work is still owed: planned or in progress."""
        return self in (TaskStatus.planned, TaskStatus.in_progress)

    @property
    def is_done(self) -> bool:
        """Completed, or completed and written off (closed)."""
        return self in (TaskStatus.completed, TaskStatus.closed)


class PilotStatus(str, Enum):
    active = "active"
    adjusted = "adjusted"
    exited = "exited"
    completed = "completed"

    @property
    def is_open(self) -> bool:
        """The pilot is running: active, or adjusted and still running."""
        return self in (PilotStatus.active, PilotStatus.adjusted)


class PlanStatus(str, Enum):
    drafting = "drafting"
    reviewing = "reviewing"
    issued = "issued"
    closed = "closed"

    @property
    def is_open(self) -> bool:
        """Not yet written off."""
        return self is not PlanStatus.closed

    @property
    def is_issued(self) -> bool:
        """Issued, and possibly written off since."""
        return self in (PlanStatus.issued, PlanStatus.closed)


class EventKind(str, Enum):
    group_meeting = "group_meeting"
    self_assessment = "self_assessment"
    training = "training"
    onsite_meeting = "onsite_meeting"
    press_conference = "press_conference"
    ledger_inspection = "ledger_inspection"
    evaluation = "evaluation"


class EvaluationForm(str, Enum):
    self_evaluation = "self_evaluation"
    spot_check = "spot_check"
    third_party = "third_party"


class Measure(str, Enum):
    oral_warning = "oral_warning"
    interview = "interview"
    circulated_criticism = "circulated_criticism"
    point_deduction = "point_deduction"
    organizational_handling = "organizational_handling"


class CaseKind(str, Enum):
    typical_case = "typical_case"
    demonstration_point = "demonstration_point"


# ---------------------------------------------------------------- settings and units
class RuleSettings(Record):
    # Each description says whose figure the default is: the seed's (its number) or the tool's own choice.
    # Upper bounds: a value past them is a typo (3000000 days before a deadline turns yellow), and each one
    # drives a loop over days or periods.
    update_interval_months: PositiveInt = F(
        "台账更新周期(月), R11; 默认2为原文数值",
        "months between ledger updates (R11); the default 2 is the seed's figure",
        2,
        le=24,
    )
    report_due_days: NonNegInt = F(
        "季度结束后报送季报的天数, R15; 默认10为本工具的选择(原文未规定天数)",
        "days after a quarter ends that its report is due (R15); the default 10 is the tool's choice (the seed gives no "
        "number)",
        10,
        le=90,
    )
    pilot_term_months: PositiveInt = F(
        "试点一般期限(月), R4; 默认12(1年)为原文数值",
        "normal pilot term in months (R4); the default 12 (1 year) is the seed's figure",
        12,
        le=120,
    )
    pilot_max_months: PositiveInt = F(
        "试点最长期限(月), R4; 默认24(2年)为原文数值",
        "maximum pilot term in months (R4); the default 24 (2 years) is the seed's figure",
        24,
        le=120,
    )
    pilot_filing_days: NonNegInt = F(
        "试点备案期限(天), R5; 默认30为本工具的选择(原文只说及时备案)",
        "days after a pilot starts that it must be filed (R5); the default 30 is the tool's choice (the seed says only "
        '"in time")',
        30,
        le=366,
    )
    due_soon_days: NonNegInt = F(
        "即将到期(黄灯)提前天数; 默认14为本工具的选择",
        "days before a deadline that the light turns yellow; the default 14 is the tool's choice",
        14,
        le=366,
    )
    year_grace_days: NonNegInt = F(
        "年度事项(工作要点和台账、重大任务清单、推广清单、案例汇编、年末销账)在年末后的宽限天数; 默认31为本工具的选择(原文未规定)",
        "days after a year ends before its yearly records (work points and ledger, major-task list, promotion list, case "
        "book, close-out) are overdue; the default 31 is the tool's choice (the seed gives no number)",
        31,
        le=366,
    )
    docking_days: NonNegInt = F(
        "上级方案印发后下级对接的天数; 默认60为本工具的选择(原文未规定天数)",
        "days after an upper plan is issued that the members must dock it; the default 60 is the tool's choice (the "
        "seed gives no number)",
        60,
        le=366,
    )


class Member(Record):
    unit: UnitId = F("下级单位(units.yaml 中的单位)", "the member's unit (a unit of units.yaml)")
    repo: Text = F(
        "下级台账的 git 仓库(网址或本地路径; . 为本仓库)",
        "git URL or local path of the member's repository (. for this repository)",
    )
    branch: Optional[Text] = F("分支(缺省为远端 HEAD)", "branch (default: the remote's HEAD)", None)
    path: Optional[Text] = F(
        "台账在仓库中的目录(缺省为仓库根目录)", "the ledger folder inside the repository (default: its root)", None
    )


class Settings(Record):
    name: Text = F("台账名称", "ledger name")
    level: Level = F("层级: city 市级 | district 区(市)县级", "level of the office: city | district")
    start: Date = F("台账起算日期: 此前不产生任何义务", "first day the ledger counts: no obligation is due before it")
    rules: RuleSettings = F(
        "规则参数(可选; 各项说明注明默认值是原文数值还是本工具的选择)",
        "rule parameters (optional; each says whether its default is the seed's figure or the tool's choice)",
        RuleSettings(),
    )
    members: list[Member] = F("下级台账(一级抓一级)", "the ledgers of the level below (members)", [])


class Staff(Record):
    total: Optional[Count] = F("工作人员总数", "number of staff", None)
    supervision: Optional[Count] = F("专职督察人数, R21", "full-time supervision staff (R21)", None)
    full_time_deputy: Optional[Bool] = F("是否配备专职副主任, R20", "has a full-time deputy director (R20)", None)
    sections: Optional[Count] = F("下设科室数, R20", "number of sections (R20)", None)


class Unit(Record):
    id: UnitId = F("单位标识(可用中文)", "unit id (may be Chinese)")
    name: Text = F("单位全称", "full name")
    type: UnitType = F("单位类型", "unit type")
    parent: Optional[UnitId] = F("上级单位", "parent unit id", None)
    staff: Optional[Staff] = F("人员配备, R19-R21", "staffing (R19-R21)", None)


class Commissioner(Record):
    id: UnitId = F("督察专员标识", "commissioner id")
    name: Text = F("姓名", "name")
    unit: Optional[UnitId] = F("所在单位", "unit", None)


# ---------------------------------------------------------------- tasks
class Milestone(Record):
    name: Text = F("进度节点名称", "milestone name")
    due: Date = F("节点时限", "milestone deadline")
    done: Optional[Date] = F("完成日期", "date done", None)
    evidence: Optional[list[Text]] = F("佐证材料(路径或链接)", "evidence (paths or links)", None)


class Progress(Record):
    date: Date = F("更新日期", "date of the update")
    note: Text = F("进展情况", "what was done")
    by: Optional[Text] = F("填报人", "who reported it", None)


class CarryOver(Record):
    reason: Text = F("未完成原因", "why it is unfinished")
    measures: Text = F("整改措施", "rectification measures")
    new_due: Date = F("新的完成时限", "new completion deadline")


class Extension(Record):
    requested: Date = F("申请日期", "date the extension was asked for")
    old_due: Date = F("原完成时限", "old deadline")
    new_due: Date = F("新完成时限", "new deadline")
    reason: Text = F("延期理由", "reason")
    approver: Optional[Text] = F("审批人/单位", "who approved it", None)
    approved: Optional[Date] = F("批准日期", "date approved", None)


class Task(Record):
    id: ItemId = F("任务编号(等于文件名)", "task id (equals the file name)")
    title: Text = F("任务名称", "title")
    year: Optional[Year] = F("所属台账年度", "ledger year it belongs to", None)
    source: Optional[Text] = F("任务来源: 方案编号或文件名称", "source: a plan id or a document name", None)
    major: Bool = F("是否年度重大改革任务(第六条)", "annual major reform task (art. 6)", False)
    leader: Optional[Text] = F(
        "直接负责的深改小组成员(重大任务必填)", "leading-group member in charge (required when major)", None
    )
    goal: Optional[Text] = F("实现目标(重大任务必填)", "goal (required when major)", None)
    lead_unit: UnitId = F("牵头单位", "lead unit")
    responsible_units: list[UnitId] = F("责任单位", "responsible units", [])
    special_group: Optional[UnitId] = F("所属专项小组", "special group", None)
    start: Date = F("开始日期", "start date")
    due: Date = F("完成时限", "deadline")
    milestones: list[Milestone] = F("进度节点", "milestones", [])
    progress: list[Progress] = F("进展更新(只增不改)", "progress updates (append only)", [])
    status: TaskStatus = F("状态", "status")
    completed: Optional[Date] = F(
        "完成日期(完成或销账时必填)", "completion date (required when completed or closed)", None
    )
    closed: Optional[Date] = F("销账日期(由 close-out 写入)", "write-off date (set by close-out)", None)
    carry_over: Optional[CarryOver] = F(
        "挂账结转: 原因、措施、新时限(R13)", "carried over: reason, measures, new deadline (R13)", None
    )
    extensions: list[Extension] = F("延期记录", "deadline extensions", [])
    evidence: list[Text] = F("佐证材料", "evidence of completion (paths or links)", [])
    cancel_reason: Optional[Text] = F("取消原因", "why it was cancelled", None)
    reopen_reason: Optional[Text] = F(
        "状态回退原因(check --base)", "why the status moved backwards (check --base)", None
    )
    docks: Optional[ItemId] = F("对接的上级方案编号(下级台账)", "the upper plan it docks (in a member's ledger)", None)
    upper: Optional[ItemId] = F(
        "落实的上级任务编号(下级台账)", "the upper task it carries out (in a member's ledger)", None
    )


# ---------------------------------------------------------------- pilots
class Adjustment(Record):
    date: Date = F("调整日期", "date of the adjustment")
    reason: Text = F("调整内容和原因", "what changed and why")


class Pilot(Record):
    id: ItemId = F("试点编号", "pilot id")
    title: Text = F("试点名称", "title")
    plan: Optional[ItemId] = F("所属专项改革方案", "plan it belongs to", None)
    unit: UnitId = F("试点单位", "unit running the pilot")
    lead_leader: Optional[Text] = F("牵头领导(一名牵头领导)", "lead leader (art. 8)", None)
    promotion_plan: Optional[Text] = F("推进方案(一个推进方案)", "promotion plan (art. 8)", None)
    working_team: list[Text] = F("工作班子(一套工作班子)", "working team (art. 8)", [])
    start: Date = F("开始日期", "start date")
    end: Date = F("期限届满日期", "end of term")
    filed: Optional[Date] = F("向市委深改小组备案日期, R5", "date filed with the leading group (R5)", None)
    status: PilotStatus = F("状态", "status")
    adjustments: list[Adjustment] = F(
        "动态调整记录(只追加)", "adjustments, each with its date and reason (only appended)", []
    )
    exited: Optional[Date] = F("退出日期", "date exited", None)
    exit_reason: Optional[Text] = F("退出原因", "why it was exited", None)
    completed: Optional[Date] = F("完成日期", "date completed", None)
    exemption: Optional[Text] = F("超过最长期限的理由, R4", "why the term exceeds the maximum (R4)", None)
    reopen_reason: Optional[Text] = F(
        "状态回退原因(check --base)", "why the status moved backwards (check --base)", None
    )


# ---------------------------------------------------------------- notices
class Review(Record):
    due: Date = F("复查节点", "review due")
    done: Optional[Date] = F("复查日期", "date reviewed", None)
    result: Optional[Text] = F("复查结果", "result", None)


class Problem(Record):
    no: PositiveInt = F("问题序号", "problem number", le=100_000)
    description: Text = F("问题描述", "description")
    responsible: Optional[UnitId] = F("责任单位(缺省为通知对象)", "responsible unit (default: the notice's unit)", None)
    due: Optional[Date] = F("整改时限(或用 due_working_days)", "rectification deadline (or due_working_days)", None)
    due_working_days: Optional[WorkingDays] = F(
        "整改时限: 自通知印发起若干个工作日(按国家法定节假日和调休计算)",
        "deadline as working days after the notice was issued (official holidays and adjusted workdays)",
        None,
    )
    reviews: list[Review] = F("跟踪复查(只增不改)", "follow-up reviews (append only)", [])
    rectified: Optional[Date] = F("整改完成日期", "date rectified", None)
    verified: Optional[Date] = F("核实销号日期", "date the office verified it", None)
    refused: Optional[Bool] = F("拒不整改", "the unit refused to rectify", None)
    reopen_reason: Optional[Text] = F(
        "撤销整改完成或核实日期的原因(check --base)", "why `rectified` or `verified` was cleared (check --base)", None
    )

    @model_validator(mode="before")
    @classmethod
    def _due_or_working_days(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("due") is None and data.get("due_working_days") is None:
            raise Invalid("invalid_value.problem_due")
        return data


class Notice(Record):
    id: ItemId = F("通知编号", "notice id")
    issued: Date = F("印发日期", "date issued")
    issued_by: UnitId = F("发文单位", "issuing unit")
    to_unit: UnitId = F("责任单位", "unit it is sent to")
    subject: Optional[Text] = F("事由", "subject", None)
    problems: list[Problem] = F("问题清单", "problem list", min_length=1)
    report_to: list[UnitId] = F(
        "整改落实情况动态分析报送(同级深改小组, R14)",
        "units the rectification analysis was reported to (the leading group, R14)",
        [],
    )


# ---------------------------------------------------------------- plans, reminders, reports, events
class Plan(Record):
    id: ItemId = F("方案编号", "plan id")
    title: Text = F("方案名称", "title")
    level: PlanLevel = F("方案层级", "level of the plan")
    special_group: Optional[UnitId] = F("牵头专项小组", "special group", None)
    lead_unit: Optional[UnitId] = F("牵头单位", "lead unit", None)
    upper_plan: Optional[Text] = F("对接的上级方案", "upper-level plan it docks", None)
    needs_stability_assessment: Bool = F("是否需要社会稳定风险评估", "needs a social-stability risk assessment", False)
    stability_assessment: Optional[Date] = F("稳评完成日期", "date of the stability assessment", None)
    legality_review: Optional[Date] = F("合法性审查日期", "date of the legality review", None)
    review_scheduled: Optional[Date] = F(
        "计划上会审议日期(年度上会审议计划)", "scheduled review by the leading group", None
    )
    approved: Optional[Date] = F("审议通过日期", "date approved", None)
    issued: Optional[Date] = F("印发日期", "date issued", None)
    status: PlanStatus = F("状态", "status", PlanStatus.drafting)
    closed: Optional[Date] = F("销账日期, R9", "write-off date (R9)", None)
    reopen_reason: Optional[Text] = F(
        "状态回退原因(check --base)", "why the status moved backwards (check --base)", None
    )
    dock: Optional[Union[Literal["all"], list[UnitId]]] = F(
        "须对接本方案的下级: all 或下级单位列表", "the members that must dock it: all, or a list of member units", None
    )
    docks: Optional[ItemId] = F("对接的上级方案编号(下级台账)", "the upper plan it docks (in a member's ledger)", None)
    overall: Bool = F(
        "是否重要改革领域的总体性方案(须经深改小组会议审议, 第五条)",
        "an overall plan of a key reform field (must pass the leading group, art. 5)",
        False,
    )
    no_pilot_reason: Optional[Text] = F(
        "不安排试点的理由(市级方案原则上要安排试点, 第八条)",
        "why no pilot is arranged (a city plan should in principle get pilots, art. 8)",
        None,
    )


class ReminderReport(Record):
    unit: UnitId = F("报告单位", "unit that reported")
    date: Date = F("报告日期", "date reported")


class Reminder(Record):
    id: ItemId = F("督办提示编号", "reminder id")
    plan: Text = F("上级专项改革方案(编号或名称)", "upper-level plan (id or name)")
    issued: Date = F("印发日期", "date issued")
    subject: Optional[Text] = F("事由", "subject", None)
    to: list[UnitId] = F("送达单位", "units notified", min_length=1)
    report_due: Optional[Date] = F(
        "报告对接落实情况时限(或用 report_within_working_days), R10",
        "deadline for the report, or report_within_working_days (R10)",
        None,
    )
    report_within_working_days: Optional[WorkingDays] = F(
        "报告时限: 自印发起若干个工作日", "deadline as working days after issue", None
    )
    reports: list[ReminderReport] = F("已报告(只增不改)", "reports received (append only)", [])

    @model_validator(mode="before")
    @classmethod
    def _due_or_working_days(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("report_due") is None and data.get("report_within_working_days") is None:
            raise Invalid("invalid_value.reminder_due")
        return data


class Report(Record):
    id: ItemId = F("季报编号", "report id")
    unit: UnitId = F("报送单位", "reporting unit")
    quarter: Quarter = F("季度, 如 2016Q3", "quarter, e.g. 2016Q3")
    submitted: Date = F("报送日期", "date submitted")
    to: Optional[UnitId] = F(
        "报送对象(牵头单位报专项小组, 专项小组报深改小组, R15)",
        "unit reported to (a lead unit: its special group; a special group: the leading group; R15)",
        None,
    )
    copy_to: Optional[UnitId] = F(
        "同时报送备案(牵头单位的季报报深改办备案, R15)",
        "unit a copy is filed with (a lead unit's report: the reform office, R15)",
        None,
    )
    summary: Optional[Text] = F("内容摘要", "summary", None)


class Event(Record):
    id: ItemId = F("活动编号", "event id")
    kind: EventKind = F("类型", "kind")
    unit: UnitId = F("组织单位", "unit that held it")
    date: Date = F("日期", "date")
    title: Optional[Text] = F("名称", "title", None)
    plans: list[ItemId] = F("涉及方案(评估、自查)", "plans (evaluations, self-assessments)", [])
    commissioners: list[UnitId] = F("授权的督察专员", "commissioners authorised", [])
    authorized: Optional[Date] = F("授权日期(一次一授权)", "date of the one-time authorisation", None)
    authorization: Optional[Text] = F("授权文号", "authorisation reference", None)
    report_to: list[UnitId] = F(
        "结果报送(评估: 同级深改小组和上级深改办, 第十二条; 台账督察: 深改小组, 第十三条)",
        "results reported to (evaluation: the leading group and the upper office, art. 12; "
        "ledger inspection: the leading group, art. 13)",
        [],
    )
    form: Optional[EvaluationForm] = F(
        "评估形式: self_evaluation 自查评估 | spot_check 抽查评估 | third_party 第三方评估(第十三条)",
        "form of an evaluation: self_evaluation | spot_check | third_party (art. 13)",
        None,
    )
    agenda: list[Text] = F(
        "深改小组会议议程(“3+N”, 第一、七条): study 学习上级会议精神 | plans 审议专项改革方案 | reports 听取改革落实情况汇报, 另加其他议题",
        'agenda of a leading-group meeting ("3+N", art. 1, 7): study (the upper group\'s meetings) | plans (review '
        "plans) | reports (hear implementation reports), plus any other items",
        [],
    )


class Accountability(Record):
    id: ItemId = F("登记编号", "register id")
    target: UnitId = F("追责对象单位", "unit held accountable")
    person: Optional[Text] = F("责任人", "person", None)
    ground: Text = F(
        "追责事由(第十六条四类之一): task_not_done 未完成工作要点、台账或上会审议计划确定的任务 | assessment_low 年度考核扣分多、"
        "工作不达标 | refused_rectification 督察发现问题拒不整改 | criticism 受上级通报批评或造成严重负面影响 | other 其他(须填 "
        "ground_note)",
        "ground (one of art. 16's four): task_not_done (tasks of the work points, ledger or review schedule not done) | "
        "assessment_low (heavy point loss in the annual assessment) | refused_rectification (refused to rectify problems "
        "found in supervision) | criticism (criticised from above, or serious negative impact) | other (with ground_note)",
    )
    ground_note: Optional[Text] = F(
        "追责事由说明(ground 为 other 时必填)", "what the ground is (required when ground is other)", None
    )
    measure: Measure = F("追责方式, R17", "measure (R17)")
    decided: Date = F("决定日期", "date decided")
    decided_by: Optional[UnitId] = F(
        "作出追责决定的单位(深改小组, 第十六条)", "the body that decided it (the leading group, art. 16)", None
    )
    implemented_by: list[UnitId] = F("实施单位, R17", "units that carried it out (R17)", [])
    exemption: Optional[str] = F("容错免责理由, R18", "fault-tolerance exemption and its reason (R18)", None)
    points: Optional[Points] = F("扣分分值(目标扣分)", "points deducted (point deduction)", None)


class Case(Record):
    id: ItemId = F("案例编号", "case id")
    title: Text = F("名称", "title")
    unit: UnitId = F("单位", "unit")
    kind: CaseKind = F("类型: 典型经验或示范点位", "typical case or demonstration point")
    date: Optional[Date] = F("日期", "date", None)
    listed: Optional[Date] = F("挂牌日期", "date listed", None)
    delisted: Optional[Date] = F("摘牌日期", "date delisted", None)
    promoted: list[Year] = F("列入推广清单的年度", "years on the promotion list", [])
    compiled: list[Year] = F("收入案例汇编的年度", "years in the case book", [])
    summary: Optional[Text] = F("经验摘要", "summary", None)
    contact: Optional[Text] = F(
        "联系示范点位的深改小组成员(第九条)", "the leading-group member who is its contact (art. 9)", None
    )


class Deduction(Record):
    points: Points = F("扣分", "points deducted")
    reason: Text = F("扣分原因", "reason")
    accountability: Optional[ItemId] = F("对应的追责登记", "accountability record", None)


class UnitAssessment(Record):
    unit: UnitId = F("单位", "unit")
    score: Optional[Points] = F("得分", "score", None)
    deductions: list[Deduction] = F("扣分项", "deductions", [])


class Assessment(Record):
    year: Year = F("考核年度", "year")
    units: list[UnitAssessment] = F("各单位得分", "scores per unit", [])


class CarriedOver(Record):
    id: ItemId = F("事项编号", "item id")
    reason: Text = F("未完成原因", "reason")
    measures: Text = F("整改措施", "measures")
    new_due: Date = F("新的完成时限", "new deadline")


class CloseOut(Record):
    year: Year = F("销账年度", "year")
    date: Date = F("盘点日期", "date of the close-out")
    closed: list[ItemId] = F("已销账事项", "items written off", [])
    carried_over: list[CarriedOver] = F("挂账结转事项", "items carried over", [])
