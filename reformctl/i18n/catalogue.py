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
    "yaml_syntax": Entry(
        E, "the file is not valid YAML", "YAML 语法错误", "Fix the indentation or quoting at the line shown."
    ),
    "yaml_duplicate_key": Entry(
        E,
        "a key appears twice in one mapping",
        "同一映射中键重复",
        "Keep one of the two keys; YAML would silently drop the first.",
    ),
    "yaml_alias": Entry(
        E,
        "anchors and aliases are not allowed",
        "不允许使用锚点和别名",
        "Write the value out in full; ledger files must read the same to people and tools.",
    ),
    "yaml_tag": Entry(
        E,
        "an unsupported YAML tag (!!python/..., !custom)",
        "不支持的 YAML 标签",
        "Remove the tag; ledger files use plain values.",
    ),
    "yaml_construct": Entry(
        E,
        "a YAML value that cannot be built (complex key, merge key)",
        "无法构造的 YAML 值",
        "Use plain keys and write merged values out.",
    ),
    "yaml_multiple_documents": Entry(
        E,
        "more than one YAML document in the file",
        "文件包含多个 YAML 文档",
        "Keep one item per file; remove the `---` separators.",
    ),
    "file_too_large": Entry(
        E,
        "the file is over the size limit",
        "文件超过大小限制",
        "Split it, or raise $REFORMCTL_MAX_FILE_BYTES if it really is one item.",
    ),
    "binary_file": Entry(
        E,
        "the file is binary, not text",
        "二进制文件",
        "Move it out of the ledger folders (attachments go elsewhere; link them as evidence).",
    ),
    "not_utf8": Entry(
        E, "the file is not UTF-8", "文件不是 UTF-8 编码", "Save the file as UTF-8 (in Excel/WPS: 另存为 UTF-8)."
    ),
    "unreadable_file": Entry(E, "the file or folder cannot be read", "文件无法读取", "Check permissions."),
    "symlink_outside": Entry(
        E,
        "a symbolic link points outside the ledger",
        "符号链接指向台账之外",
        "Copy the file into the ledger instead of linking it.",
    ),
    "empty_file": Entry(
        E,
        "the item file is empty",
        "文件为空",
        "Fill in the item or delete the file (through a cancel or a write-off).",
    ),
    "not_a_mapping": Entry(
        E,
        "the file (or entry) is not a mapping of key: value lines",
        "内容不是键值映射",
        "An item file holds one mapping; remove the leading `- `.",
    ),
    "not_a_list": Entry(
        E, "units.yaml / commissioners.yaml is not a YAML list", "内容不是列表", "Start each entry with `- `."
    ),
    "bad_file_name": Entry(
        E,
        "the file name is not a valid id",
        "文件名不是有效编号",
        "Use 1-64 of A-Za-z0-9._-, starting with a letter or digit (e.g. T-2016-001.yaml).",
    ),
    "control_character": Entry(
        E,
        "a text holds a control character, a bidi override or (in a title or name) a line break",
        "文本含有控制字符、双向文本控制符或(标题、名称中的)换行",
        "Remove it (a double-quoted \\e or \\x1b is one); every output shows it escaped meanwhile.",
    ),
    "unexpected_file": Entry(
        W,
        "a file in a ledger folder that is not read",
        "台账目录中有未读取的文件",
        "Rename .yml to .yaml, or move the file out of the folder.",
    ),
    # ---- schema
    "missing_field": Entry(
        E, "a required field is missing", "缺少必填字段", "Add the field; docs/format.md lists what each kind requires."
    ),
    "unknown_field": Entry(
        E,
        "a field the format does not know (a typo?)",
        "未知字段(可能拼写错误)",
        "Fix the spelling, or move it under `extra:`.",
    ),
    "invalid_choice": Entry(
        E, "a value not among the allowed choices", "取值不在允许范围内", "Use one of the values listed in the message."
    ),
    "invalid_date": Entry(
        E,
        "not a calendar date in YYYY-MM-DD form",
        "日期无效",
        "Write the date as YYYY-MM-DD and check the day exists (no 2025-02-30).",
    ),
    "invalid_value": Entry(
        E,
        "a value of the wrong type or form",
        "字段值类型或格式错误",
        "Booleans are true/false; numbers unquoted; ids use A-Za-z0-9._-.",
    ),
    "too_deep": Entry(
        E,
        "maps and lists under `extra:` nest too deeply",
        "extra 下的嵌套层级过深",
        "Keep `extra:` at most 32 levels deep: flatten it, or keep the data in a file of its own and link it.",
    ),
    # ---- identity and references
    "id_mismatch": Entry(
        E,
        "the id differs from the file name",
        "编号与文件名不一致",
        "Rename the file or fix the id: the file's stem is the item's id.",
    ),
    "duplicate_id": Entry(E, "an id is used twice in the ledger", "编号重复", "Give one of them the next free id."),
    "unknown_unit": Entry(
        E,
        "a unit reference that is not in units.yaml",
        "引用的单位不存在",
        "Add the unit to units.yaml or fix the spelling.",
    ),
    "not_special_group": Entry(
        E,
        "`special_group` names a unit that is not a special group",
        "引用的单位不是专项小组",
        "Name a unit of type special_group.",
    ),
    "unknown_plan": Entry(
        E,
        "a plan reference that is not in plans/",
        "引用的方案不存在",
        "Add the plan or fix the id; free text naming a document is fine where allowed.",
    ),
    "unknown_commissioner": Entry(
        E, "a commissioner not in the pool (art. 14)", "督察专员不在专员库中", "Add them to commissioners.yaml first."
    ),
    "inspection_unauthorized": Entry(
        E,
        "an inspection or evaluation names commissioners without their authorisation date (art. 14)",
        "督察专员未经授权即开展督察(第十四条)",
        "Add `authorized: YYYY-MM-DD` (and `authorization:` with the reference of the authorising document).",
    ),
    "inspection_no_commissioners": Entry(
        W,
        "a ledger inspection names no commissioners from the pool (art. 14)",
        "台账专项督察未从专员库抽取督察专员(第十四条)",
        "List the `commissioners` authorised for it (ids from commissioners.yaml) and the date `authorized`.",
    ),
    "authorization_reused": Entry(
        E,
        "one authorisation used for two inspections (一次一授权, art. 14)",
        "同一授权用于两次督察(违反“一次一授权”,第十四条)",
        "Each inspection gets its own authorisation: a new `authorization` reference and date.",
    ),
    "unknown_item": Entry(E, "a reference to an item that does not exist", "引用的事项不存在", "Fix the id."),
    # ---- dates and status
    "date_order": Entry(
        E,
        "dates in the wrong order",
        "日期先后顺序错误",
        "Check start/due, issued/rectified/verified and similar pairs.",
    ),
    "milestone_out_of_range": Entry(
        E,
        "a milestone due before the task starts (warning: after its deadline)",
        "进度节点超出任务期限",
        "Move the milestone inside the task's start and deadline.",
    ),
    "review_out_of_range": Entry(
        E, "a review due before its notice was issued", "复查节点早于通知印发日期", "Fix the review date."
    ),
    "progress_out_of_range": Entry(
        W, "a progress entry dated before the task starts", "进展更新早于任务开始", "Check the date."
    ),
    "progress_out_of_order": Entry(
        W, "progress entries not in date order", "进展更新未按时间顺序", "Append new entries at the end."
    ),
    "completed_missing": Entry(
        E,
        "a completed or closed item without a `completed` date",
        "已完成事项缺少完成日期",
        "Add `completed: YYYY-MM-DD`.",
    ),
    "status_mismatch": Entry(
        E,
        "a date field that contradicts the status",
        "日期与状态不一致",
        "Set the status that matches, or remove the date.",
    ),
    "closed_missing": Entry(
        E,
        "a closed item without its `closed` date",
        "已销账事项缺少销账日期",
        "Let `reformctl close-out` write it, or add `closed:`.",
    ),
    "closed_not_closed": Entry(
        E,
        "a `closed` date on an item that is not closed",
        "未销账事项带有销账日期",
        "Remove `closed:` or set status closed.",
    ),
    "cancel_reason_missing": Entry(
        W, "a cancelled task without a reason", "取消的任务未说明原因", "Add `cancel_reason:`."
    ),
    "carry_over_date": Entry(
        E,
        "a carry-over whose new deadline is not after the old one",
        "结转新时限不晚于原时限",
        "Set carry_over.new_due after the deadline (R13).",
    ),
    "carry_over_done": Entry(W, "a carry-over on a task that is done", "已完成任务带有结转信息", "Remove carry_over."),
    "extension_date": Entry(
        E, "an extension whose new deadline is not after the old one", "延期后时限不晚于原时限", "Fix the dates."
    ),
    "extension_late": Entry(
        W,
        "an extension asked for after the deadline had passed",
        "逾期后才申请延期",
        "Noted for supervision; nothing to fix.",
    ),
    # ---- the seed's articles
    "major_task_incomplete": Entry(
        E,
        "a major task without leader, responsible units or goal (art. 6)",
        "重大改革任务要素不全(第六条)",
        "Add leader, responsible_units and goal.",
    ),
    "pilot_incomplete": Entry(
        E,
        "a pilot without lead leader, promotion plan or working team (art. 8)",
        "试点缺少牵头领导、推进方案或工作班子(第八条)",
        "Add lead_leader, promotion_plan and working_team.",
    ),
    "pilot_term_long": Entry(
        W,
        "a pilot term over the normal term (R4)",
        "试点期限超过一般期限(R4)",
        "Normal term is pilot_term_months (1 year).",
    ),
    "pilot_term_exceeded": Entry(
        E,
        "a pilot term over the maximum without an exemption (R4)",
        "试点期限超过最长期限且未说明理由(R4)",
        "Shorten the term or state the reason in `exemption`.",
    ),
    "pilot_exit_reason": Entry(E, "an exited pilot without `exit_reason`", "退出的试点未说明原因", "Add exit_reason."),
    "plan_issued_missing": Entry(
        E, "an issued or closed plan without its `issued` date", "已印发方案缺少印发日期", "Add issued:."
    ),
    "plan_stability_missing": Entry(
        E,
        "a plan needing a stability assessment issued without one (art. 5)",
        "应做稳评的方案未经社会稳定风险评估即印发(第五条)",
        "Record stability_assessment on or before the issue date.",
    ),
    "plan_legality_missing": Entry(
        E,
        "an issued plan of the ledger's own level without a legality review (art. 5)",
        "本级已印发方案未经合法性审查(第五条)",
        "Record legality_review on or before the issue date (plans of other levels kept for reference owe none here).",
    ),
    "plan_approval_missing": Entry(
        E,
        "a plan docking an upper-level plan, or an overall plan of a key field, issued without leading-group approval (art. 5)",
        "对接上级的方案或重要领域总体性方案未经深改小组会议审议即印发(第五条)",
        "Record `approved` (the date of the leading-group meeting that passed it), on or before `issued`.",
    ),
    "supervision_direction": Entry(
        E,
        "a notice or reminder that goes up or across the tiers of supervision (art. 11)",
        "督办通知或提示不符合分级督察体系(第十一条)",
        "The leading group and its office supervise special groups, departments and lower party committees; special groups the units of their field. Fix `issued_by`/`to_unit` or the reminder's `to`.",
    ),
    "quarterly_report_recipient": Entry(
        W,
        "a quarterly report without the recipients R15 names",
        "季报报送对象不符合规定(R15)",
        "A lead unit: `to` its special group and `copy_to` the reform office; a special group: `to` the leading group.",
    ),
    "evaluation_not_reported": Entry(
        W,
        "an evaluation not reported to the leading group and the upper-level office (art. 12)",
        "督察评估报告未报同级深改小组和上级深改办(第十二条)",
        "List both in the event's `report_to` (add the upper office to units.yaml).",
    ),
    "inspection_not_reported": Entry(
        W,
        "a ledger inspection whose results were not reported to the leading group (art. 13)",
        "台账专项督察结果未向深改小组报告(第十三条)",
        "List the leading group in the event's `report_to`.",
    ),
    "rectification_not_reported": Entry(
        W,
        "a rectification notice under follow-up whose analysis was not reported to the leading group (R14)",
        "整改落实情况未报告同级深改小组(R14)",
        "List the leading group in the notice's `report_to`.",
    ),
    "evaluation_form_missing": Entry(
        W,
        "an evaluation that does not say its form (art. 13)",
        "评估未注明形式(第十三条)",
        "Set `form`: self_evaluation, spot_check or third_party.",
    ),
    "meeting_agenda": Entry(
        W,
        'a leading-group meeting without the fixed items of the "3+N" agenda (art. 1, 7)',
        "深改小组会议议程不符合“3+N”要求(第一、七条)",
        "Record `agenda`: study, plans and reports, plus any other items.",
    ),
    "plan_without_pilot": Entry(
        W,
        "an issued city plan with no pilot and no reason why (art. 8)",
        "市级专项改革方案未安排试点且未说明理由(第八条)",
        "Add a pilot naming the plan in `plan`, or write `no_pilot_reason` in the plan.",
    ),
    "demonstration_contact_missing": Entry(
        W,
        "a demonstration point without a leading-group member as contact (art. 9)",
        "示范点位未明确联系的深改小组成员(第九条)",
        "Set `contact` to the member's name.",
    ),
    "duplicate_problem_no": Entry(
        E, "two problems of a notice with the same number", "问题序号重复", "Number the problems 1, 2, 3 ..."
    ),
    "working_days_unknown_year": Entry(
        W,
        "a deadline in working days the official calendar cannot count yet",
        "按工作日计算的时限超出工作日历已知年份",
        "Give the deadline as a date, or upgrade chinesecalendar (pip install -U chinesecalendar) once the State Council has published that year's holidays.",
    ),
    "deadline_conflict": Entry(
        W,
        "a deadline given both as a date and in working days, and they disagree",
        "时限同时以日期和工作日给出且不一致",
        "Keep one of them; while both are there, the date is used.",
    ),
    "report_not_requested": Entry(
        W,
        "a reminder report from a unit that was not notified",
        "未送达单位报告了对接情况",
        "Add the unit to `to` or fix the unit.",
    ),
    "accountability_implementer": Entry(
        E,
        "an accountability measure carried out by the wrong body (R17)",
        "追责实施主体不符合规定(R17)",
        "See R17: who carries out each measure (a point deduction: the reform office with both the party and the government inspection offices).",
    ),
    "accountability_decider": Entry(
        E,
        "an accountability measure decided by a body other than the leading group (art. 16)",
        "追责问责非由深改小组决定(第十六条)",
        "Set `decided_by` to the leading group (a unit of type leading_group).",
    ),
    "accountability_decider_missing": Entry(
        W,
        "an accountability record that does not say who decided it (art. 16)",
        "追责登记未记录决定单位(第十六条)",
        "Add `decided_by:` naming the leading group that decided it.",
    ),
    "accountability_ground": Entry(
        W,
        "an accountability ground that is not one of the four of art. 16",
        "追责事由不属于第十六条所列情形",
        "Use task_not_done, assessment_low, refused_rectification or criticism; otherwise `other` with `ground_note`.",
    ),
    "accountability_ground_note": Entry(
        E,
        "accountability ground `other` without `ground_note`",
        "追责事由为其他但未说明",
        "Say what the ground is in `ground_note`.",
    ),
    "exemption_reason": Entry(
        E,
        "a fault-tolerance exemption without its reason (R18)",
        "容错免责未说明理由(R18)",
        "Write the reason in `exemption`.",
    ),
    "staff_special_group": Entry(
        W,
        "a special group office with fewer than 2 staff (R19)",
        "专项小组办公室工作人员少于2名(R19)",
        "Staff it, or record the real numbers.",
    ),
    "staff_district_office": Entry(
        W,
        "a district reform office without a full-time deputy or a section (R20)",
        "区(市)县深改办未配备专职副主任或科室(R20)",
        "Staff it, or record the real numbers.",
    ),
    "staff_supervision": Entry(
        W, "too few full-time supervision staff (R21)", "专职督察人员不足(R21)", "City office ≥3, each district ≥2."
    ),
    "settings_invalid": Entry(
        E,
        "contradictory settings in reformctl.yaml",
        "设置相互矛盾",
        "pilot_max_months must be at least pilot_term_months.",
    ),
    "duplicate_member": Entry(
        E, "a unit listed twice in `members:`", "下级台账重复列出", "Keep one entry per member unit in reformctl.yaml."
    ),
    "member_unsafe": Entry(
        E,
        "a member's repo, branch or path cannot be handed to git safely",
        "下级台账的仓库、分支或目录不安全",
        "Give a plain URL or path (no leading `-`, no `ext::` or other `<name>::` transport), a plain branch name and a relative folder.",
    ),
    "dock_not_member": Entry(
        E,
        "a plan's `dock` names a unit that is not a member",
        "方案 dock 列出的单位不是下级台账",
        "Add the unit to `members:` in reformctl.yaml, or remove it from `dock`.",
    ),
    # ---- `check --members`: the members as fetched (on this ledger's `members:` entry, or on the member's file)
    "member_not_fetched": Entry(
        W,
        "a member was never fetched",
        "下级台账从未获取",
        "Run `reformctl fetch` (or `reformctl fetch --bundle FILE --member UNIT`); until then nothing of it is read.",
    ),
    "member_unreadable": Entry(
        E,
        "a member's fetched commit cannot be read",
        "下级台账的已获取提交无法读取",
        "Fetch it again (`reformctl fetch UNIT`). If it still cannot be read, its copy is damaged: delete the "
        "members' stores (`.git/reformctl/members`, or `.reformctl-cache/members` outside git) and fetch again.",
    ),
    "unknown_upper": Entry(
        W,
        "a member's `upper` or `docks` names an id the ledger above does not have",
        "下级台账的 upper 或 docks 引用了上级台账没有的编号",
        "On the member's side, correct the id to the upper task (`upper`) or plan (`docks`) it carries out.",
    ),
    # ---- the change since --base REF (pull requests)
    "item_deleted": Entry(
        E,
        "an item file (or a year's close-out or assessment record) was deleted",
        "删除了事项文件",
        "Restore it; cancel the item (`reformctl cancel`) or write it off (`reformctl close-out ID`) instead.",
    ),
    "closed_item_edited": Entry(
        E,
        "a written-off (closed) item was edited",
        "修改了已销账事项",
        "Undo the edit: a closed item is final; record new work in a new item.",
    ),
    "id_changed": Entry(
        E,
        "an item's id was changed",
        "修改了事项编号",
        "Keep the id; create a new item (`reformctl new`) and cancel this one.",
    ),
    "append_only": Entry(
        E,
        "a progress, review, report, extension or close-out entry, or a reminder's recipient, was changed or removed",
        "修改或删除了只增不改的记录",
        "Restore the entry (or recipient) and append a new one instead (an extension record may only be approved: `reformctl approve`).",
    ),
    "problem_removed": Entry(
        E,
        "a problem was removed from a rectification notice (or renumbered)",
        "从整改督办通知中删除(或改号)了问题",
        "Restore it with its number: a problem stays on its notice (R14); record `rectified`/`verified`, or a review saying why it no longer applies.",
    ),
    "milestone_removed": Entry(
        E,
        "a milestone was removed from a task (or renamed)",
        "删除(或改名)了任务的进度节点",
        "Restore it: milestones are the follow-up points of a task; mark it `done`, or explain in a progress entry what changed.",
    ),
    "due_without_extension": Entry(
        E,
        "a deadline changed without an extension record",
        "完成时限变更但无延期记录",
        "Use `reformctl extend ID --new-due ... --reason ...` (records old_due, new_due, reason, approver).",
    ),
    "status_backwards": Entry(
        E,
        "a status moved backwards, or a problem's `rectified`/`verified` date was cleared, without a reason",
        "状态回退(或撤销整改完成、核实日期)且未说明原因",
        "Write why in `reopen_reason` (a problem's own, for its dates), or restore the status or date.",
    ),
    "ratchet_new_red": Entry(
        E,
        "a red (overdue) item that the base did not have (--ratchet)",
        "新增红灯事项(--ratchet)",
        "Bring the item back on track, extend it properly, or drop --ratchet.",
    ),
}

# What to do, in Chinese (the English is each entry's ``fix``); tests/test_catalogue.py keeps the two complete.
FIX_ZH: dict[str, str] = {
    "yaml_syntax": "按所示行号修正缩进或引号。",
    "yaml_duplicate_key": "两个同名键只保留一个;YAML 会悄悄丢掉前一个。",
    "yaml_alias": "把值完整写出;台账文件对人和工具都要读起来一样。",
    "yaml_tag": "删除标签;台账文件只用普通值。",
    "yaml_construct": "使用普通键名,把合并的值完整写出。",
    "yaml_multiple_documents": "一个文件只放一个事项;删除 `---` 分隔符。",
    "file_too_large": "拆分文件;如果确实是一个事项,调高 $REFORMCTL_MAX_FILE_BYTES。",
    "binary_file": "把它移出台账目录(附件另行存放,作为佐证材料引用)。",
    "not_utf8": "把文件另存为 UTF-8 编码(Excel/WPS:另存为 UTF-8)。",
    "unreadable_file": "检查文件权限。",
    "symlink_outside": "把文件复制进台账,不要用链接。",
    "empty_file": "填写事项内容,或通过撤销、销账处理后删除该文件。",
    "not_a_mapping": "一个事项文件只含一个映射;删除行首的 `- `。",
    "not_a_list": "每一条以 `- ` 开头。",
    "bad_file_name": "文件名用 1-64 个 A-Za-z0-9._- 字符,以字母或数字开头(如 T-2016-001.yaml)。",
    "unexpected_file": "把 .yml 改名为 .yaml,或把文件移出该目录。",
    "missing_field": "补上该字段;格式说明(docs/format.md)列出了每类事项的必填字段。",
    "unknown_field": "改正拼写,或把它移到 `extra:` 下。",
    "invalid_choice": "使用提示信息中列出的取值之一。",
    "invalid_date": "日期写成 YYYY-MM-DD,并确认该日存在(没有 2025-02-30)。",
    "invalid_value": "布尔值写 true/false;数字不加引号;编号只用 A-Za-z0-9._-。",
    "id_mismatch": "重命名文件或改正编号:文件名(不含扩展名)就是事项编号。",
    "duplicate_id": "给其中一个事项换用下一个空闲编号。",
    "unknown_unit": "把该单位加入 units.yaml,或改正拼写。",
    "not_special_group": "填写类型为 special_group(专项小组)的单位。",
    "unknown_plan": "补充该方案或改正编号;允许处也可以用文字写明文件名称。",
    "unknown_commissioner": "先把督察专员加入 commissioners.yaml。",
    "inspection_unauthorized": "补上 `authorized: YYYY-MM-DD`(以及写明授权文件文号的 `authorization:`)。",
    "inspection_no_commissioners": "列出本次授权的督察专员 `commissioners`(commissioners.yaml 中的编号)和授权日期 `authorized`。",
    "authorization_reused": "每次督察单独授权:填写新的 `authorization` 文号和日期。",
    "unknown_item": "改正编号。",
    "date_order": "检查开始/完成时限、下发/整改/核验等成对日期的先后。",
    "milestone_out_of_range": "把进度节点调整到任务的开始日期和完成时限之间。",
    "review_out_of_range": "改正复查日期。",
    "progress_out_of_range": "检查日期。",
    "progress_out_of_order": "新的进展记录追加在末尾。",
    "completed_missing": "补上 `completed: YYYY-MM-DD`。",
    "status_mismatch": "设置与日期相符的状态,或删除该日期。",
    "closed_missing": "由 `reformctl close-out` 写入,或补上 `closed:`。",
    "closed_not_closed": "删除 `closed:`,或把状态设为 closed(已销账)。",
    "cancel_reason_missing": "补上 `cancel_reason:`(撤销原因)。",
    "carry_over_date": "把 carry_over.new_due(新的完成时限)设在原完成时限之后。",
    "carry_over_done": "删除 carry_over。",
    "extension_date": "改正日期。",
    "extension_late": "已记录备查,无需修改。",
    "major_task_incomplete": "补上 leader(责任领导)、responsible_units(责任单位)和 goal(实现目标)。",
    "pilot_incomplete": "补上 lead_leader(牵头领导)、promotion_plan(推进方案)和 working_team(工作班子)。",
    "pilot_term_long": "试点期限一般为 pilot_term_months(1 年)。",
    "pilot_term_exceeded": "缩短期限,或在 `exemption` 中写明理由。",
    "pilot_exit_reason": "补上 exit_reason(退出原因)。",
    "plan_issued_missing": "补上 issued:(印发日期)。",
    "plan_stability_missing": "在印发日期当天或之前记录 stability_assessment(社会稳定风险评估)。",
    "plan_legality_missing": "在印发日期当天或之前记录 legality_review(合法性审查)。",
    "duplicate_problem_no": "问题按 1、2、3……编号。",
    "working_days_unknown_year": "直接写明截止日期,或在国务院公布当年节假日安排后升级 chinesecalendar(pip install -U chinesecalendar)。",
    "deadline_conflict": "只保留其中一个;两者并存时以日期为准。",
    "report_not_requested": "把该单位加入 `to`,或改正单位。",
    "accountability_implementer": "见责任追究各项措施的实施主体规定。",
    "exemption_reason": "在 `exemption` 中写明理由。",
    "staff_special_group": "配齐人员,或如实记录人数。",
    "staff_district_office": "配齐人员,或如实记录人数。",
    "staff_supervision": "市委改革办不少于 3 名,每个区(市)县不少于 2 名。",
    "settings_invalid": "pilot_max_months 不得小于 pilot_term_months。",
    "item_deleted": "恢复该文件;改为撤销事项(`reformctl cancel`)或销账(`reformctl close-out ID`)。",
    "closed_item_edited": "撤回修改:已销账事项不可再改;新的工作另建事项。",
    "id_changed": "保留原编号;新建事项(`reformctl new`)并撤销本事项。",
    "append_only": "恢复原记录(或收件单位),另行追加新记录(延期记录只能审批:`reformctl approve`)。",
    "problem_removed": "按原编号恢复该问题:问题一直保留在通知上;记录 `rectified`/`verified`,或用一条复查说明为何不再适用。",
    "milestone_removed": "恢复该节点:节点是任务的跟踪点;标记 `done`,或在进展记录中说明变化。",
    "due_without_extension": "使用 `reformctl extend ID --new-due ... --reason ...`(记录原时限、新时限、理由和审批人)。",
    "status_backwards": "在 `reopen_reason` 中写明原因(问题的日期用问题自己的字段),或恢复原状态或日期。",
    "ratchet_new_red": "让事项回到正轨、按规定办理延期,或去掉 --ratchet。",
    "control_character": "删除该字符(双引号字符串中的 \\e 或 \\x1b 即是);在此之前所有输出都以转义形式显示它。",
    "too_deep": "`extra:` 最多嵌套 32 层:把它展平,或把数据另存为文件并引用。",
    "plan_approval_missing": "在 `issued`(印发日期)当天或之前记录 `approved`(领导小组审议通过的会议日期)。",
    "supervision_direction": "领导小组及其办公室督促专项小组、部门和下级党委;专项小组督促本领域单位。改正 `issued_by`/`to_unit` 或督办提示的 `to`。",
    "quarterly_report_recipient": "牵头单位:`to` 填所属专项小组,`copy_to` 填改革办;专项小组:`to` 填领导小组。",
    "evaluation_not_reported": "在该事件的 `report_to` 中列出两者(先把上级改革办加入 units.yaml)。",
    "inspection_not_reported": "在该事件的 `report_to` 中列出领导小组。",
    "rectification_not_reported": "在该通知的 `report_to` 中列出领导小组。",
    "evaluation_form_missing": "设置 `form`:self_evaluation(自评)、spot_check(抽查)或 third_party(第三方评估)。",
    "meeting_agenda": "记录 `agenda`(议程):学习、方案和汇报,以及其他议题。",
    "plan_without_pilot": "新增一个在 `plan` 中写明该方案的试点,或在方案中写明 `no_pilot_reason`(不设试点的理由)。",
    "demonstration_contact_missing": "把 `contact` 设为联系该示范点的领导小组成员姓名。",
    "accountability_decider": "把 `decided_by` 设为领导小组(类型为 leading_group 的单位)。",
    "accountability_decider_missing": "补上 `decided_by:`,写明作出决定的领导小组。",
    "accountability_ground": "使用 task_not_done、assessment_low、refused_rectification 或 criticism;其他情形用 `other` 并填写 `ground_note`。",
    "accountability_ground_note": "在 `ground_note` 中写明追责情形。",
    "duplicate_member": "reformctl.yaml 的 members 中每个下级单位只保留一条。",
    "member_unsafe": "填写普通的地址或路径(不以 `-` 开头,不用 `ext::` 等 `<名称>::` 传输方式)、普通分支名和相对目录。",
    "dock_not_member": "把该单位加入 reformctl.yaml 的 `members:`,或从 `dock` 中删除。",
    "member_not_fetched": "运行 `reformctl fetch`(或 `reformctl fetch --bundle 文件 --member 单位`);获取之前不会读取该下级台账。",
    "member_unreadable": "重新获取(`reformctl fetch 单位`)。仍无法读取说明本地副本已损坏:删除下级台账存储(`.git/reformctl/members`,不在 git 中时为 `.reformctl-cache/members`)后再获取。",
    "unknown_upper": "由下级单位改正编号,使 `upper` 指向其承办的上级任务、`docks` 指向其对接的上级方案。",
}


def fix_text(code: str, lang: str) -> str:
    """What to do about ``code`` in ``lang`` (zh or en)."""
    return FIX_ZH[code] if lang == "zh" and code in FIX_ZH else CATALOGUE[code].fix
