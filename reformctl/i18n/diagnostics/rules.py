"""The messages of the ledger checks (reformctl/rules/checks): references, dates and the seed's articles."""

from ..text import T

RULES: dict[str, T] = {
    # ---- references (rules/checks.py)
    "unknown_unit": T("unit `{unit}` is not in units.yaml", "单位 `{unit}` 不在 units.yaml 中"),
    "unknown_unit.special_group": T(
        "special group `{unit}` is not in units.yaml", "专项小组 `{unit}` 不在 units.yaml 中"
    ),
    "not_special_group": T(
        "`{unit}` is a {type}, not a special_group", "`{unit}` 是 {type}，不是专项小组（special_group）"
    ),
    "unknown_plan": T("plan `{plan}` is not in plans/", "方案 `{plan}` 不在 plans/ 中"),
    "unknown_commissioner": T(
        "commissioner `{commissioner}` is not in commissioners.yaml",
        "督察专员 `{commissioner}` 不在 commissioners.yaml 中",
    ),
    "unknown_item": T("`{item}` is not an item of this ledger", "`{item}` 不是本台账的事项"),
    "unknown_item.accountability": T(
        "accountability record `{item}` is not in accountability/", "追责记录 `{item}` 不在 accountability/ 中"
    ),
    # ---- tasks
    "date_order.start_due": T("start {start} is after the deadline {due}", "开始日期 {start} 晚于完成时限 {due}"),
    "date_order.completed_start": T(
        "completed {completed} is before the start {start}", "完成日期 {completed} 早于开始日期 {start}"
    ),
    "date_order.closed_completed": T(
        "closed {closed} is before completed {completed}", "销账日期 {closed} 早于完成日期 {completed}"
    ),
    "date_order.milestone_done": T(
        "milestone `{name}` done {done}, before the task starts", "进度节点「{name}」完成于 {done}，早于任务开始日期"
    ),
    "major_task_incomplete": T(
        "a major reform task (art. 6) must name its leader, lead unit, responsible units and goal; missing: "
        "{missing:list}",
        "年度重大改革任务（第六条）须明确牵头领导、牵头单位、责任单位和目标；缺少：{missing:list}",
    ),
    "completed_missing": T("status {status} needs a `completed` date", "状态为 {status} 时须填写完成日期 `completed`"),
    "status_mismatch": T(
        "`completed` is set but status is {status} (use completed or closed)",
        "填写了完成日期 `completed`，但状态为 {status}（应为 completed 或 closed）",
    ),
    "closed_missing": T(
        "status closed needs a `closed` date (the write-off date)", "状态为 closed 时须填写销账日期 `closed`"
    ),
    "closed_not_closed": T("`closed` is set but status is {status}", "填写了销账日期 `closed`，但状态为 {status}"),
    "milestone_out_of_range": T(
        "milestone `{name}` is due {due}, before the task starts ({start})",
        "进度节点「{name}」的时限 {due} 早于任务开始日期（{start}）",
    ),
    "milestone_out_of_range.after_due": T(
        "milestone `{name}` is due {due}, after the task's deadline {deadline}",
        "进度节点「{name}」的时限 {due} 晚于任务完成时限 {deadline}",
    ),
    "progress_out_of_range": T(
        "progress entry dated {date}, before the task starts ({start})",
        "进展记录日期 {date} 早于任务开始日期（{start}）",
    ),
    "progress_out_of_order": T(
        "progress entries are appended in date order; {date} follows {previous}",
        "进展记录应按日期先后追加；{date} 排在 {previous} 之后",
    ),
    "carry_over_date": T(
        "carry_over.new_due {new_due} must be after the deadline {due}", "挂账结转的新时限 {new_due} 须晚于原时限 {due}"
    ),
    "carry_over_done": T("a {status} task needs no carry_over", "状态为 {status} 的任务无需挂账结转（carry_over）"),
    "extension_date": T(
        "extension new_due {new_due} is not after old_due {old_due}", "延期的新时限 {new_due} 未晚于原时限 {old_due}"
    ),
    "extension_late": T(
        "extension asked on {requested}, after the deadline {old_due} had passed (逾期申请延期)",
        "延期申请于 {requested} 提出，原时限 {old_due} 已过（逾期申请延期）",
    ),
    "cancel_reason_missing": T(
        "a cancelled task states why (`cancel_reason`)", "已取消的任务须说明原因（`cancel_reason`）"
    ),
    # ---- pilots
    "date_order.start_end": T("start {start} is after the end {end}", "开始日期 {start} 晚于期限届满日期 {end}"),
    "pilot_incomplete": T(
        "a pilot has one lead leader, one promotion plan and one working team (art. 8); missing: {missing:list}",
        "试点须有一名牵头领导、一个推进方案、一套工作班子（第八条）；缺少：{missing:list}",
    ),
    "pilot_term_exceeded": T(
        "term {start} to {end} is over {months} months (R4); state why in `exemption`",
        "试点期限 {start} 至 {end} 超过 {months} 个月（R4）；请在 `exemption` 中说明理由",
    ),
    "pilot_term_long": T(
        "term {start} to {end} is over the normal {months} months (R4)",
        "试点期限 {start} 至 {end} 超过一般的 {months} 个月（R4）",
    ),
    "pilot_exit_reason": T("an exited pilot states why (`exit_reason`)", "已退出的试点须说明原因（`exit_reason`）"),
    "date_order.filed_early": T(
        "filed {filed} long before the start {start}", "备案日期 {filed} 远早于开始日期 {start}"
    ),
    # ---- plans (art. 5)
    "plan_issued_missing": T("status {status} needs an `issued` date", "状态为 {status} 时须填写印发日期 `issued`"),
    "status_mismatch.issued": T("`issued` is set but status is {status}", "填写了印发日期 `issued`，但状态为 {status}"),
    "closed_missing.plan": T("status closed needs a `closed` date", "状态为 closed 时须填写销账日期 `closed`"),
    "date_order.issued_approved": T(
        "issued {issued} before it was approved {approved}", "印发日期 {issued} 早于审议通过日期 {approved}"
    ),
    "plan_stability_missing": T(
        "a plan touching people's vital interests needs a social-stability risk assessment before it is issued "
        "(art. 5)",
        "涉及群众切身利益的方案须在印发前开展社会稳定风险评估（第五条）",
    ),
    "plan_stability_missing.late": T(
        "stability assessment {assessed} came after the plan was issued {issued} (art. 5)",
        "社会稳定风险评估日期 {assessed} 晚于方案印发日期 {issued}（第五条）",
    ),
    "plan_approval_missing.docking": T(
        "a plan docking an upper-level plan passes a leading-group meeting (`approved`) before it is issued (art. 5)",
        "对接上级的专项改革方案须经深改小组会议审议通过（`approved`）后才能印发（第五条）",
    ),
    "plan_approval_missing.overall": T(
        "an overall plan of a key reform field passes a leading-group meeting (`approved`) before it is issued "
        "(art. 5)",
        "重要改革领域的总体性方案须经深改小组会议审议通过（`approved`）后才能印发（第五条）",
    ),
    "plan_legality_missing": T(
        "an issued plan needs a legality review (art. 5)", "已印发的方案须经过合法性审查（第五条）"
    ),
    "plan_legality_missing.late": T(
        "legality review {reviewed} came after the plan was issued {issued} (art. 5)",
        "合法性审查日期 {reviewed} 晚于方案印发日期 {issued}（第五条）",
    ),
    # ---- deadlines in working days
    "working_days_unknown_year.problem": T(
        "problem {no}: {n} working days after {start} cannot be counted: the official working-day calendar "
        "(chinesecalendar package) knows years {first}-{last} only, not {year}; give the deadline as a date or "
        "upgrade the package (pip install -U chinesecalendar)",
        "问题 {no}：无法计算 {start} 之后 {n} 个工作日：工作日历（chinesecalendar）只有 {first}-{last} 年的数据，"
        "不含 {year} 年；请直接写明日期或升级（pip install -U chinesecalendar）",
    ),
    "working_days_unknown_year.report": T(
        "the report: {n} working days after {start} cannot be counted: the official working-day calendar "
        "(chinesecalendar package) knows years {first}-{last} only, not {year}; give the deadline as a date or "
        "upgrade the package (pip install -U chinesecalendar)",
        "报告时限：无法计算 {start} 之后 {n} 个工作日：工作日历（chinesecalendar）只有 {first}-{last} 年的数据，"
        "不含 {year} 年；请直接写明日期或升级（pip install -U chinesecalendar）",
    ),
    "deadline_conflict.problem": T(
        "problem {no}: `{date_field}` {date} and `{field}` {n} ({computed}) disagree; the date `{date_field}` is used",
        "问题 {no}：`{date_field}` {date} 与 `{field}` {n}（即 {computed}）不一致；以日期 `{date_field}` 为准",
    ),
    "deadline_conflict.report": T(
        "the report: `{date_field}` {date} and `{field}` {n} ({computed}) disagree; the date `{date_field}` is used",
        "报告时限：`{date_field}` {date} 与 `{field}` {n}（即 {computed}）不一致；以日期 `{date_field}` 为准",
    ),
    # ---- notices, reminders, reports, events
    "duplicate_problem_no": T("problem number {no} is used twice", "问题序号 {no} 重复使用"),
    "date_order.problem_due": T(
        "problem {no} is due {due}, before the notice was issued", "问题 {no} 的整改时限 {due} 早于通知下发日期"
    ),
    "review_out_of_range": T(
        "review of problem {no} due {due}, before the notice was issued {issued}",
        "问题 {no} 的复查时限 {due} 早于通知下发日期 {issued}",
    ),
    "status_mismatch.verified": T(
        "problem {no} is verified but not rectified", "问题 {no} 已核验但未整改完成（缺 `rectified`）"
    ),
    "date_order.problem_rectified": T(
        "problem {no} rectified {rectified}, before the notice was issued",
        "问题 {no} 的整改完成日期 {rectified} 早于通知下发日期",
    ),
    "date_order.problem_verified": T(
        "problem {no} verified {verified} before it was rectified", "问题 {no} 的核验日期 {verified} 早于整改完成日期"
    ),
    "date_order.report_due": T(
        "report_due {report_due} is before issued {issued}", "报告时限 report_due {report_due} 早于下发日期 {issued}"
    ),
    "report_not_requested": T(
        "`{unit}` reported but is not in `to`", "`{unit}` 报告了对接情况，但不在 `to`（送达单位）中"
    ),
    "date_order.report_submitted": T(
        "submitted {submitted}, before quarter {quarter} began", "报送日期 {submitted} 早于 {quarter} 季度开始"
    ),
    "date_order.authorised": T(
        "authorised {authorized}, after the event on {date}", "授权日期 {authorized} 晚于活动日期 {date}"
    ),
    "inspection_unauthorized.ledger_inspection": T(
        "ledger_inspection names commissioners ({commissioners:list}) but not the date they were authorised "
        "(`authorized`): one authorisation per inspection (art. 14)",
        "台账专项督察列出了督察专员（{commissioners:list}），但未记录授权日期（`authorized`）：一次一授权（第十四条）",
    ),
    "inspection_unauthorized.evaluation": T(
        "evaluation names commissioners ({commissioners:list}) but not the date they were authorised "
        "(`authorized`): one authorisation per inspection (art. 14)",
        "督察评估列出了督察专员（{commissioners:list}），但未记录授权日期（`authorized`）：一次一授权（第十四条）",
    ),
    "inspection_no_commissioners": T(
        "ledger inspection names no commissioners from the pool (art. 14): list the `commissioners` authorised for "
        "it and the date (`authorized`)",
        "台账专项督察未列出督察专员库中的专员（第十四条）：请列出本次授权的 `commissioners` 和授权日期（`authorized`）",
    ),
    "inspection_no_commissioners.authorised": T(
        "ledger inspection names no commissioners from the pool although it records an authorisation (art. 14): "
        "list the `commissioners` authorised for it and the date (`authorized`)",
        "台账专项督察记录了授权，但未列出督察专员库中的专员（第十四条）：请列出本次授权的 `commissioners` 和授权日期"
        "（`authorized`）",
    ),
    "authorization_reused": T(
        "authorisation `{authorization}` was already used for {first}: one authorisation per inspection "
        "(一次一授权, art. 14)",
        "授权 `{authorization}` 已用于 {first}：一次督察一次授权（第十四条）",
    ),
    "authorization_reused.same_grant": T(
        "the same commissioners, authorised on {authorized}, already inspected in {first}: one authorisation per "
        "inspection (一次一授权, art. 14); record a new authorisation",
        "同一批督察专员于 {authorized} 获得的授权已用于 {first}：一次督察一次授权（第十四条）；请记录新的授权",
    ),
    # ---- accountability (R17, R18, art. 16)
    "accountability_implementer.empty": T(
        "`implemented_by` is empty: {rule} (R17)", "`implemented_by`（实施单位）为空：{rule}（R17）"
    ),
    "accountability_implementer": T(
        "{rule} (R17); `implemented_by` has {units:list}", "{rule}（R17）；`implemented_by` 为 {units:list}"
    ),
    "exemption_reason": T("a fault-tolerance exemption (容错免责, R18) names its reason", "容错免责（R18）须写明理由"),
    "accountability_decider_missing": T(
        "record who decided it (`decided_by`): accountability is decided by the leading group (art. 16)",
        "请记录作出决定的单位（`decided_by`）：追责问责由深改小组决定（第十六条）",
    ),
    "accountability_decider": T(
        "`{unit}` is a {type}: accountability is decided by the leading group (art. 16)",
        "`{unit}` 的类型是 {type}：追责问责由深改小组决定（第十六条）",
    ),
    "accountability_ground_note": T(
        "ground `other` needs `ground_note` saying what the ground is (art. 16)",
        "追责事由为 `other` 时须在 `ground_note` 中说明具体事由（第十六条）",
    ),
    "accountability_ground": T(
        "ground `{ground}` is not one of the grounds of art. 16 ({grounds:list}); write `other` and put the text in "
        "`ground_note`",
        "追责事由 `{ground}` 不属于第十六条所列情形（{grounds:list}）；请填 `other` 并将原文写入 `ground_note`",
    ),
    # ---- staff (R19-R21), settings, cases, close-outs
    "staff_special_group": T(
        "a special group office has at least 2 staff (R19); {total} recorded",
        "专项小组办公室工作人员应不少于 2 名（R19）；记录为 {total} 名",
    ),
    "staff_district_office": T(
        "a district reform office has a full-time deputy director and at least one section (R20)",
        "区（市）县深改办应配备专职副主任并设立至少一个科室（R20）",
    ),
    "staff_supervision": T(
        "at least {need} full-time supervision staff (R21); {recorded} recorded",
        "专职督察人员应不少于 {need} 名（R21）；记录为 {recorded} 名",
    ),
    "settings_invalid": T(
        "rules.pilot_max_months is shorter than rules.pilot_term_months",
        "rules.pilot_max_months 小于 rules.pilot_term_months",
    ),
    "date_order.delisted": T(
        "delisted {delisted} before it was listed {listed}", "摘牌日期 {delisted} 早于挂牌日期 {listed}"
    ),
    # ---- duties of the seed (art. 1, 7, 8, 9, 11, 12, 13; R14, R15)
    "supervision_direction": T(
        "`{by}` ({by_type}) may not supervise `{to}` ({to_type}): a notice goes down the tiers of supervision "
        "(art. 11)",
        "`{by}`（{by_type}）无权督办 `{to}`（{to_type}）：整改督办通知应按分级督察体系自上而下发出（第十一条）",
    ),
    "supervision_direction.reminder": T(
        "a supervision reminder goes from the office to the special groups and departments, not to `{unit}` "
        "({type}) (art. 11, 13)",
        "督办提示通知由深改办发给同级专项小组和部门，不应发给 `{unit}`（{type}）（第十一、十三条）",
    ),
    "quarterly_report_recipient": T(
        "a special group reports its field each quarter to the leading group: set `to` (R15)",
        "专项小组每季度向深改小组报送本领域改革推进情况：请填写 `to`（R15）",
    ),
    "quarterly_report_recipient.lead_unit": T(
        "a lead unit reports each quarter to its special group with a copy filed with the reform office: set "
        "{missing} (R15)",
        "牵头单位每季度向专项小组报送推进情况，并同时报深改办备案：请填写 {missing}（R15）",
    ),
    "evaluation_not_reported": T(
        "the evaluation report goes to the same-level leading group and the upper-level reform office: list both "
        "in `report_to` (art. 12)",
        "督察评估报告应报同级深改小组和上级深改办：请在 `report_to` 中列出两者（第十二条）",
    ),
    "evaluation_form_missing": T(
        "say the form of the evaluation in `form`: self_evaluation, spot_check or third_party (art. 13)",
        "请在 `form` 中注明评估形式：self_evaluation 自查评估、spot_check 抽查评估或 third_party 第三方评估（第十三条）",
    ),
    "inspection_not_reported": T(
        "the results of a ledger inspection are reported to the leading group: list it in `report_to` (art. 13)",
        "台账专项督察结果应向深改小组报告：请在 `report_to` 中列出（第十三条）",
    ),
    "rectification_not_reported": T(
        "the analysis of how the rectification goes is reported to the same-level leading group: list it in "
        "`report_to` once follow-up has begun (R14)",
        "整改落实情况的动态分析应及时报告同级深改小组：开展跟踪复查后请在 `report_to` 中列出（R14）",
    ),
    "meeting_agenda": T(
        'a leading-group meeting follows the "3+N" agenda (art. 1, 7); `agenda` lacks: {missing:list}',
        "深改小组会议应完善“3+N”议程（第一、七条）；`agenda` 缺少：{missing:list}",
    ),
    "plan_without_pilot": T(
        "a plan the city leading group issues should in principle get pilots (art. 8): add a pilot naming it in "
        "`plan`, or say why not in `no_pilot_reason`",
        "市委深改小组审议出台的专项改革方案原则上要安排试点（第八条）：请新增试点并在 `plan` 中引用本方案，"
        "或在 `no_pilot_reason` 中说明理由",
    ),
    "demonstration_contact_missing": T(
        "each demonstration point has a leading-group member as its contact: set `contact` (art. 9)",
        "每个示范点位应有联系的深改小组成员：请填写 `contact`（第九条）",
    ),
}


# Words the checks put into a message's values, worded in both languages ({"en": ..., "zh": ...}: plain data,
# as the caches keep a diagnostic's values): :func:`words`.
WORDS: dict[str, T] = {
    # what a lead unit's quarterly report lacks (R15)
    "recipient.to": T("`to` its special group", "`to`（所属专项小组）"),
    "recipient.copy_to": T("`copy_to` the reform office", "`copy_to`（深改办）"),
    "recipient.both": T(
        "`to` its special group and `copy_to` the reform office", "`to`（所属专项小组）、`copy_to`（深改办）"
    ),
    # who carries out a measure (R17)
    "implementer.special_group": T(
        "against a special group, the leading group's head acts", "对专项小组的追责由深改小组组长实施"
    ),
    "implementer.organizational_handling": T(
        "organisational handling is done by the functional departments", "组织处理由职能部门实施"
    ),
    "implementer.point_deduction": T(
        "point deduction is done by the reform office with the party and government inspection offices",
        "扣分由深改办会同党委和政府督查部门实施",
    ),
    "implementer.oral_warning": T("oral_warning is done by the reform office", "提醒谈话（oral_warning）由深改办实施"),
    "implementer.interview": T("interview is done by the reform office", "约谈（interview）由深改办实施"),
    "implementer.circulated_criticism": T(
        "circulated_criticism is done by the reform office", "通报批评（circulated_criticism）由深改办实施"
    ),
    "implementer.other": T("{measure} is done by the reform office", "{measure} 由深改办实施"),
}


def words(key: str, **params: object) -> dict[str, str]:
    """The words ``key`` as a diagnostic's value in both languages."""
    w = WORDS[key]
    return {"en": w.en.format(**params), "zh": w.zh.format(**params)}
