"""The error catalogue: every diagnostic code `reformctl check` can report.

One entry per code: severity, a one-line title in English and Simplified Chinese, and what to do about it.
``docs/errors.md`` is generated from this table (``reformctl catalogue --format markdown``) and every code
has a reproducer ledger in ``tests/catalogue/<code>.yaml`` with a test (tests/test_catalogue.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    severity: str
    en: str
    zh: str
    fix: str


E, W = "error", "warning"

CATALOGUE: dict[str, Entry] = {
    # ---- reading files
    "yaml_syntax": Entry(E, "the file is not valid YAML", "YAML 语法错误", "Fix the indentation or quoting at the line shown."),
    "yaml_duplicate_key": Entry(E, "a key appears twice in one mapping", "同一映射中键重复", "Keep one of the two keys; YAML would silently drop the first."),
    "yaml_alias": Entry(E, "anchors and aliases are not allowed", "不允许使用锚点和别名", "Write the value out in full; ledger files must read the same to people and tools."),
    "yaml_tag": Entry(E, "an unsupported YAML tag (!!python/..., !custom)", "不支持的 YAML 标签", "Remove the tag; ledger files use plain values."),
    "yaml_construct": Entry(E, "a YAML value that cannot be built (complex key, merge key)", "无法构造的 YAML 值", "Use plain keys and write merged values out."),
    "yaml_multiple_documents": Entry(E, "more than one YAML document in the file", "文件包含多个 YAML 文档", "Keep one item per file; remove the `---` separators."),
    "file_too_large": Entry(E, "the file is over the size limit", "文件超过大小限制", "Split it, or raise $REFORMCTL_MAX_FILE_BYTES if it really is one item."),
    "binary_file": Entry(E, "the file is binary, not text", "二进制文件", "Move it out of the ledger folders (attachments go elsewhere; link them as evidence)."),
    "not_utf8": Entry(E, "the file is not UTF-8", "文件不是 UTF-8 编码", "Save the file as UTF-8 (in Excel/WPS: 另存为 UTF-8)."),
    "unreadable_file": Entry(E, "the file or folder cannot be read", "文件无法读取", "Check permissions."),
    "symlink_outside": Entry(E, "a symbolic link points outside the ledger", "符号链接指向台账之外", "Copy the file into the ledger instead of linking it."),
    "empty_file": Entry(E, "the item file is empty", "文件为空", "Fill in the item or delete the file (through a cancel or a write-off)."),
    "not_a_mapping": Entry(E, "the file (or entry) is not a mapping of key: value lines", "内容不是键值映射", "An item file holds one mapping; remove the leading `- `."),
    "not_a_list": Entry(E, "units.yaml / commissioners.yaml is not a YAML list", "内容不是列表", "Start each entry with `- `."),
    "bad_file_name": Entry(E, "the file name is not a valid id", "文件名不是有效编号", "Use 1-64 of A-Za-z0-9._-, starting with a letter or digit (e.g. T-2016-001.yaml)."),
    "control_character": Entry(E, "a text holds a control character, a bidi override or (in a title or name) a line break", "文本含有控制字符、双向文本控制符或(标题、名称中的)换行", "Remove it (a double-quoted \\e or \\x1b is one); every output shows it escaped meanwhile."),
    "unexpected_file": Entry(W, "a file in a ledger folder that is not read", "台账目录中有未读取的文件", "Rename .yml to .yaml, or move the file out of the folder."),
    # ---- schema
    "missing_field": Entry(E, "a required field is missing", "缺少必填字段", "Add the field; docs/format.md lists what each kind requires."),
    "unknown_field": Entry(E, "a field the format does not know (a typo?)", "未知字段(可能拼写错误)", "Fix the spelling, or move it under `extra:`."),
    "invalid_choice": Entry(E, "a value not among the allowed choices", "取值不在允许范围内", "Use one of the values listed in the message."),
    "invalid_date": Entry(E, "not a calendar date in YYYY-MM-DD form", "日期无效", "Write the date as YYYY-MM-DD and check the day exists (no 2025-02-30)."),
    "invalid_value": Entry(E, "a value of the wrong type or form", "字段值类型或格式错误", "Booleans are true/false; numbers unquoted; ids use A-Za-z0-9._-."),
    "too_deep": Entry(E, "maps and lists under `extra:` nest too deeply", "extra 下的嵌套层级过深", "Keep `extra:` at most 32 levels deep: flatten it, or keep the data in a file of its own and link it."),
    # ---- identity and references
    "id_mismatch": Entry(E, "the id differs from the file name", "编号与文件名不一致", "Rename the file or fix the id: the file's stem is the item's id."),
    "duplicate_id": Entry(E, "an id is used twice in the ledger", "编号重复", "Give one of them the next free id."),
    "unknown_unit": Entry(E, "a unit reference that is not in units.yaml", "引用的单位不存在", "Add the unit to units.yaml or fix the spelling."),
    "not_special_group": Entry(E, "`special_group` names a unit that is not a special group", "引用的单位不是专项小组", "Name a unit of type special_group."),
    "unknown_plan": Entry(E, "a plan reference that is not in plans/", "引用的方案不存在", "Add the plan or fix the id; free text naming a document is fine where allowed."),
    "unknown_commissioner": Entry(E, "a commissioner not in the pool (art. 14)", "督察专员不在专员库中", "Add them to commissioners.yaml first."),
    "inspection_unauthorized": Entry(E, "an inspection or evaluation names commissioners without their authorisation date (art. 14)", "督察专员未经授权即开展督察(第十四条)", "Add `authorized: YYYY-MM-DD` (and `authorization:` with the reference of the authorising document)."),
    "inspection_no_commissioners": Entry(W, "a ledger inspection names no commissioners from the pool (art. 14)", "台账专项督察未从专员库抽取督察专员(第十四条)", "List the `commissioners` authorised for it (ids from commissioners.yaml) and the date `authorized`."),
    "authorization_reused": Entry(E, "one authorisation used for two inspections (一次一授权, art. 14)", "同一授权用于两次督察(违反“一次一授权”,第十四条)", "Each inspection gets its own authorisation: a new `authorization` reference and date."),
    "unknown_item": Entry(E, "a reference to an item that does not exist", "引用的事项不存在", "Fix the id."),
    # ---- dates and status
    "date_order": Entry(E, "dates in the wrong order", "日期先后顺序错误", "Check start/due, issued/rectified/verified and similar pairs."),
    "milestone_out_of_range": Entry(E, "a milestone due before the task starts (warning: after its deadline)", "进度节点超出任务期限", "Move the milestone inside the task's start and deadline."),
    "review_out_of_range": Entry(E, "a review due before its notice was issued", "复查节点早于通知印发日期", "Fix the review date."),
    "progress_out_of_range": Entry(W, "a progress entry dated before the task starts", "进展更新早于任务开始", "Check the date."),
    "progress_out_of_order": Entry(W, "progress entries not in date order", "进展更新未按时间顺序", "Append new entries at the end."),
    "completed_missing": Entry(E, "a completed or closed item without a `completed` date", "已完成事项缺少完成日期", "Add `completed: YYYY-MM-DD`."),
    "status_mismatch": Entry(E, "a date field that contradicts the status", "日期与状态不一致", "Set the status that matches, or remove the date."),
    "closed_missing": Entry(E, "a closed item without its `closed` date", "已销账事项缺少销账日期", "Let `reformctl close-out` write it, or add `closed:`."),
    "closed_not_closed": Entry(E, "a `closed` date on an item that is not closed", "未销账事项带有销账日期", "Remove `closed:` or set status closed."),
    "cancel_reason_missing": Entry(W, "a cancelled task without a reason", "取消的任务未说明原因", "Add `cancel_reason:`."),
    "carry_over_date": Entry(E, "a carry-over whose new deadline is not after the old one", "结转新时限不晚于原时限", "Set carry_over.new_due after the deadline (R13)."),
    "carry_over_done": Entry(W, "a carry-over on a task that is done", "已完成任务带有结转信息", "Remove carry_over."),
    "extension_date": Entry(E, "an extension whose new deadline is not after the old one", "延期后时限不晚于原时限", "Fix the dates."),
    "extension_late": Entry(W, "an extension asked for after the deadline had passed", "逾期后才申请延期", "Noted for supervision; nothing to fix."),
    # ---- the seed's articles
    "major_task_incomplete": Entry(E, "a major task without leader, responsible units or goal (art. 6)", "重大改革任务要素不全(第六条)", "Add leader, responsible_units and goal."),
    "pilot_incomplete": Entry(E, "a pilot without lead leader, promotion plan or working team (art. 8)", "试点缺少牵头领导、推进方案或工作班子(第八条)", "Add lead_leader, promotion_plan and working_team."),
    "pilot_term_long": Entry(W, "a pilot term over the normal term (R4)", "试点期限超过一般期限(R4)", "Normal term is pilot_term_months (1 year)."),
    "pilot_term_exceeded": Entry(E, "a pilot term over the maximum without an exemption (R4)", "试点期限超过最长期限且未说明理由(R4)", "Shorten the term or state the reason in `exemption`."),
    "pilot_exit_reason": Entry(E, "an exited pilot without `exit_reason`", "退出的试点未说明原因", "Add exit_reason."),
    "plan_issued_missing": Entry(E, "an issued or closed plan without its `issued` date", "已印发方案缺少印发日期", "Add issued:."),
    "plan_stability_missing": Entry(E, "a plan needing a stability assessment issued without one (art. 5)", "应做稳评的方案未经社会稳定风险评估即印发(第五条)", "Record stability_assessment on or before the issue date."),
    "plan_legality_missing": Entry(E, "an issued plan of the ledger's own level without a legality review (art. 5)", "本级已印发方案未经合法性审查(第五条)", "Record legality_review on or before the issue date (plans of other levels kept for reference owe none here)."),
    "plan_approval_missing": Entry(E, "a plan docking an upper-level plan, or an overall plan of a key field, issued without leading-group approval (art. 5)", "对接上级的方案或重要领域总体性方案未经深改小组会议审议即印发(第五条)", "Record `approved` (the date of the leading-group meeting that passed it), on or before `issued`."),
    "supervision_direction": Entry(E, "a notice or reminder that goes up or across the tiers of supervision (art. 11)", "督办通知或提示不符合分级督察体系(第十一条)", "The leading group and its office supervise special groups, departments and lower party committees; special groups the units of their field. Fix `issued_by`/`to_unit` or the reminder's `to`."),
    "quarterly_report_recipient": Entry(W, "a quarterly report without the recipients R15 names", "季报报送对象不符合规定(R15)", "A lead unit: `to` its special group and `copy_to` the reform office; a special group: `to` the leading group."),
    "evaluation_not_reported": Entry(W, "an evaluation not reported to the leading group and the upper-level office (art. 12)", "督察评估报告未报同级深改小组和上级深改办(第十二条)", "List both in the event's `report_to` (add the upper office to units.yaml)."),
    "inspection_not_reported": Entry(W, "a ledger inspection whose results were not reported to the leading group (art. 13)", "台账专项督察结果未向深改小组报告(第十三条)", "List the leading group in the event's `report_to`."),
    "rectification_not_reported": Entry(W, "a rectification notice under follow-up whose analysis was not reported to the leading group (R14)", "整改落实情况未报告同级深改小组(R14)", "List the leading group in the notice's `report_to`."),
    "evaluation_form_missing": Entry(W, "an evaluation that does not say its form (art. 13)", "评估未注明形式(第十三条)", "Set `form`: self_evaluation, spot_check or third_party."),
    "meeting_agenda": Entry(W, "a leading-group meeting without the fixed items of the \"3+N\" agenda (art. 1, 7)", "深改小组会议议程不符合“3+N”要求(第一、七条)", "Record `agenda`: study, plans and reports, plus any other items."),
    "plan_without_pilot": Entry(W, "an issued city plan with no pilot and no reason why (art. 8)", "市级专项改革方案未安排试点且未说明理由(第八条)", "Add a pilot naming the plan in `plan`, or write `no_pilot_reason` in the plan."),
    "demonstration_contact_missing": Entry(W, "a demonstration point without a leading-group member as contact (art. 9)", "示范点位未明确联系的深改小组成员(第九条)", "Set `contact` to the member's name."),
    "duplicate_problem_no": Entry(E, "two problems of a notice with the same number", "问题序号重复", "Number the problems 1, 2, 3 ..."),
    "working_days_unknown_year": Entry(W, "a deadline in working days the official calendar cannot count yet", "按工作日计算的时限超出工作日历已知年份", "Give the deadline as a date, or upgrade chinesecalendar (pip install -U chinesecalendar) once the State Council has published that year's holidays."),
    "deadline_conflict": Entry(W, "a deadline given both as a date and in working days, and they disagree", "时限同时以日期和工作日给出且不一致", "Keep one of them; while both are there, the date is used."),
    "report_not_requested": Entry(W, "a reminder report from a unit that was not notified", "未送达单位报告了对接情况", "Add the unit to `to` or fix the unit."),
    "accountability_implementer": Entry(E, "an accountability measure carried out by the wrong body (R17)", "追责实施主体不符合规定(R17)", "See R17: who carries out each measure (a point deduction: the reform office with both the party and the government inspection offices)."),
    "accountability_decider": Entry(E, "an accountability measure decided by a body other than the leading group (art. 16)", "追责问责非由深改小组决定(第十六条)", "Set `decided_by` to the leading group (a unit of type leading_group)."),
    "accountability_decider_missing": Entry(W, "an accountability record that does not say who decided it (art. 16)", "追责登记未记录决定单位(第十六条)", "Add `decided_by:` naming the leading group that decided it."),
    "accountability_ground": Entry(W, "an accountability ground that is not one of the four of art. 16", "追责事由不属于第十六条所列情形", "Use task_not_done, assessment_low, refused_rectification or criticism; otherwise `other` with `ground_note`."),
    "accountability_ground_note": Entry(E, "accountability ground `other` without `ground_note`", "追责事由为其他但未说明", "Say what the ground is in `ground_note`."),
    "exemption_reason": Entry(E, "a fault-tolerance exemption without its reason (R18)", "容错免责未说明理由(R18)", "Write the reason in `exemption`."),
    "staff_special_group": Entry(W, "a special group office with fewer than 2 staff (R19)", "专项小组办公室工作人员少于2名(R19)", "Staff it, or record the real numbers."),
    "staff_district_office": Entry(W, "a district reform office without a full-time deputy or a section (R20)", "区(市)县深改办未配备专职副主任或科室(R20)", "Staff it, or record the real numbers."),
    "staff_supervision": Entry(W, "too few full-time supervision staff (R21)", "专职督察人员不足(R21)", "City office ≥3, each district ≥2."),
    "settings_invalid": Entry(E, "contradictory settings in reformctl.yaml", "设置相互矛盾", "pilot_max_months must be at least pilot_term_months."),
    "duplicate_member": Entry(E, "a unit listed twice in `members:`", "下级台账重复列出", "Keep one entry per member unit in reformctl.yaml."),
    "member_unsafe": Entry(E, "a member's repo, branch or path cannot be handed to git safely", "下级台账的仓库、分支或目录不安全", "Give a plain URL or path (no leading `-`, no `ext::` or other `<name>::` transport), a plain branch name and a relative folder."),
    "dock_not_member": Entry(E, "a plan's `dock` names a unit that is not a member", "方案 dock 列出的单位不是下级台账", "Add the unit to `members:` in reformctl.yaml, or remove it from `dock`."),
    # ---- the change since --base REF (pull requests)
    "item_deleted": Entry(E, "an item file (or a year's close-out or assessment record) was deleted", "删除了事项文件", "Restore it; cancel the item (`reformctl cancel`) or write it off (`reformctl close-out ID`) instead."),
    "closed_item_edited": Entry(E, "a written-off (closed) item was edited", "修改了已销账事项", "Undo the edit: a closed item is final; record new work in a new item."),
    "id_changed": Entry(E, "an item's id was changed", "修改了事项编号", "Keep the id; create a new item (`reformctl new`) and cancel this one."),
    "append_only": Entry(E, "a progress, review, report, extension or close-out entry, or a reminder's recipient, was changed or removed", "修改或删除了只增不改的记录", "Restore the entry (or recipient) and append a new one instead (an extension record may only be approved: `reformctl approve`)."),
    "problem_removed": Entry(E, "a problem was removed from a rectification notice (or renumbered)", "从整改督办通知中删除(或改号)了问题", "Restore it with its number: a problem stays on its notice (R14); record `rectified`/`verified`, or a review saying why it no longer applies."),
    "milestone_removed": Entry(E, "a milestone was removed from a task (or renamed)", "删除(或改名)了任务的进度节点", "Restore it: milestones are the follow-up points of a task; mark it `done`, or explain in a progress entry what changed."),
    "due_without_extension": Entry(E, "a deadline changed without an extension record", "完成时限变更但无延期记录", "Use `reformctl extend ID --new-due ... --reason ...` (records old_due, new_due, reason, approver)."),
    "status_backwards": Entry(E, "a status moved backwards, or a problem's `rectified`/`verified` date was cleared, without a reason", "状态回退(或撤销整改完成、核实日期)且未说明原因", "Write why in `reopen_reason` (a problem's own, for its dates), or restore the status or date."),
    "ratchet_new_red": Entry(E, "a red (overdue) item that the base did not have (--ratchet)", "新增红灯事项(--ratchet)", "Bring the item back on track, extend it properly, or drop --ratchet."),
}
