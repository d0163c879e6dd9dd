"""`check` messages in Chinese (`--lang zh`, the text and markdown formats).

The diagnostics carry their message in English (the JSON of the contract keeps it so). For people reading
`check --lang zh`, each pattern below turns an English message of a code into its Chinese wording, with the
same values (field names, dates, ids stay as written). A message no pattern matches is shown as before: the
Chinese title of its code (``reformctl catalogue``), then the English detail. tests/test_check_zh.py runs the
reproducer of every code listed here and fails when its English wording no longer matches.
"""

from __future__ import annotations

import re
from typing import Optional

_B = r"`(?P<{}>[^`]+)`"  # a value in backquotes


def _p(pattern: str, zh: str) -> tuple[re.Pattern, str]:
    return re.compile(pattern + r"\Z"), zh


PATTERNS: dict[str, list[tuple[re.Pattern, str]]] = {
    # reading and validating files
    "missing_field": [_p(r"missing required field " + _B.format("f"), "缺少必填字段 `{f}`")],
    "unknown_field": [
        _p(
            r"unknown field " + _B.format("f") + r" \(a typo\? put free-form data under `extra:`\)",
            "未知字段 `{f}`（是否拼写错误？自由填写的内容请放在 `extra:` 下）",
        )
    ],
    "invalid_choice": [
        _p(
            r"(?P<f>[^:]+): Input should be (?P<opts>.+) \(got (?P<got>.+)\)",
            "`{f}` 的取值 {got} 不在允许范围内，应为 {opts}",
        )
    ],
    "invalid_date": [
        _p(r"(?P<f>[^:]+): (?P<v>.+) is not a calendar date \((?P<why>.+)\)", "`{f}`：{v} 不是有效的日期（{why}）"),
        _p(r"(?P<f>[^:]+): expected a date YYYY-MM-DD, got (?P<v>.+)", "`{f}`：应为 YYYY-MM-DD 格式的日期，实际为 {v}"),
        _p(
            r"(?P<f>[^:]+): (?P<v>\S+) is outside the supported dates (?P<a>\S+) to (?P<b>\S+)",
            "`{f}`：{v} 超出支持的日期范围 {a} 至 {b}",
        ),
        _p(
            r"(?P<f>[^:]+): (?P<v>\S+) is outside the supported years (?P<a>\d+) to (?P<b>\d+)",
            "`{f}`：{v} 超出支持的年份范围 {a} 至 {b}",
        ),
    ],
    "invalid_value": [
        _p(
            r"(?P<f>[^:]+): Input should be a valid boolean \(got (?P<got>.+)\); write true or false "
            r"\(yes/no/on/off are text in YAML 1\.2\)",
            "`{f}`：应为 true 或 false（实际为 {got}；YAML 1.2 中 yes/no/on/off 是文本）",
        ),
        _p(
            r"(?P<f>[^:]+): " + _B.format("v") + r" holds an invisible character \((?P<u>U\+[0-9A-F]+)\): "
            r"delete and retype it \(got (?P<got>.+)\)",
            "`{f}`：`{v}` 含有不可见字符（{u}）：请删除后重新输入",
        ),
        _p(
            r"(?P<f>[^:]+): " + _B.format("v") + r" is written with combining marks \(Unicode NFD\), not in "
            r"composed form \(NFC\) like " + _B.format("n") + r": retype it \(got (?P<got>.+)\)",
            "`{f}`：`{v}` 使用了组合字符（Unicode NFD），而非组合后的形式（NFC，如 `{n}`）：请重新输入",
        ),
        _p(
            r"(?P<f>[^:]+): Input should be less than or equal to (?P<n>-?\d+) \(got (?P<got>.+)\)",
            "`{f}`：不得大于 {n}（实际为 {got}）",
        ),
        _p(
            r"(?P<f>[^:]+): Input should be greater than or equal to (?P<n>-?\d+) \(got (?P<got>.+)\)",
            "`{f}`：不得小于 {n}（实际为 {got}）",
        ),
    ],
    "too_deep": [
        _p(
            r"(?P<f>[^:]+): nested more than (?P<n>\d+) levels deep: keep it flatter",
            "`{f}`：嵌套超过 {n} 层：请减少嵌套层级",
        )
    ],
    "duplicate_id": [
        _p(r"id " + _B.format("id") + r" is already used by (?P<f>.+)", "编号 `{id}` 已被 {f} 使用"),
        _p(
            r"id " + _B.format("id") + r" differs only by case from " + _B.format("o") + r" \((?P<f>.+)\): "
            r"the two files are one on macOS and Windows; rename one",
            "编号 `{id}` 与 `{o}`（{f}）只有大小写不同：在 macOS 和 Windows 上两个文件会合为一个；请重命名其中之一",
        ),
    ],
    "id_mismatch": [
        _p(
            r"(?P<k>\w+) "
            + _B.format("v")
            + r" differs from the file name "
            + _B.format("s")
            + r": rename the file or fix the field",
            "`{k}` 的值 `{v}` 与文件名 `{s}` 不一致：请重命名文件或改正该字段",
        )
    ],
    "bad_file_name": [
        _p(
            r"file name " + _B.format("n") + r" is not a valid id \(1-64 of A-Za-z0-9\._-, starting "
            r"with a letter or digit\)",
            "文件名 `{n}` 不是有效的编号（1 至 64 个 A-Za-z0-9._- 字符，以字母或数字开头）",
        )
    ],
    "binary_file": [
        _p(r"file holds NUL bytes: a binary file, not YAML", "文件含有 NUL 字节：这是二进制文件，不是 YAML")
    ],
    "not_utf8": [
        _p(r"file is (?P<e>UTF-16|UTF-32), not UTF-8; save it as UTF-8", "文件是 {e} 编码，不是 UTF-8：请另存为 UTF-8"),
        _p(
            r"file is not UTF-8 \(byte (?P<b>0x[0-9a-f]+)\); save it as UTF-8",
            "文件不是 UTF-8 编码（字节 {b}）：请另存为 UTF-8",
        ),
    ],
    "empty_file": [
        _p(r"file is empty: a (?P<k>\w+) file holds one mapping", "文件为空：{k} 文件应包含一个映射（键: 值）")
    ],
    "not_a_mapping": [
        _p(
            r"a (?P<k>\w+) file holds one mapping \(key: value lines\), found a (?P<t>\w+)",
            "{k} 文件应包含一个映射（键: 值 的行），实际为 {t}",
        )
    ],
    "file_too_large": [
        _p(
            r"file is (?P<n>[\d,]+) bytes, over the limit of (?P<l>[\d,]+) \(set REFORMCTL_MAX_FILE_BYTES "
            r"to raise it\)",
            "文件有 {n} 字节，超过上限 {l}（可设置 REFORMCTL_MAX_FILE_BYTES 调高）",
        )
    ],
    "unexpected_file": [
        _p(
            r"ignored: ledger files end in \.yaml, rename it to (?P<n>.+)",
            "已忽略：台账文件以 .yaml 结尾，请重命名为 {n}",
        ),
        _p(r"ignored: not a \.yaml file in (?P<f>.+)", "已忽略：不是 {f} 中的 .yaml 文件"),
    ],
    "control_character": [
        _p(r"`(?P<f>.+)` holds a control character \((?P<c>\S+)\): remove it", "`{f}` 含有控制字符（{c}）：请删除"),
        _p(
            r"`(?P<f>.+)` holds a line break: it is shown as one line, write it on one line",
            "`{f}` 含有换行：它按一行显示，请写在一行内",
        ),
    ],
    "symlink_outside": [_p(r"symbolic link points outside the ledger \((?P<t>.+)\)", "符号链接指向台账之外（{t}）")],
    "unreadable_file": [
        _p(r"cannot read the file: a loop of symbolic links", "无法读取文件：符号链接构成循环"),
        _p(
            r"cannot list the folder: it is a file, not a folder \(the items of this kind are not read\)",
            "无法列出文件夹：这是文件而不是文件夹（该类事项均未读取）",
        ),
        _p(
            r"cannot list the folder: (?P<e>.+) \(the items of this kind are not read\)",
            "无法列出文件夹：{e}（该类事项均未读取）",
        ),
        _p(r"cannot read the file: (?P<e>.+)", "无法读取文件：{e}"),
        _p(r"cannot list the folder: (?P<e>.+)", "无法列出文件夹：{e}"),
    ],
    "yaml_duplicate_key": [
        _p(
            r"duplicate key (?P<k>.+) \(a later value would silently replace the first\)",
            "重复的键 {k}（后一个值会悄悄覆盖前一个）",
        )
    ],
    "yaml_multiple_documents": [
        _p(r"a ledger file holds one YAML document, found more", "台账文件只能有一个 YAML 文档，发现了多个")
    ],
    "yaml_alias": [
        _p(r"anchors \((?P<a>&\S+)\) are not allowed in a ledger file", "台账文件不允许使用锚点（{a}）"),
        _p(r"aliases \(\*name\) are not allowed in a ledger file", "台账文件不允许使用别名（*name）"),
    ],
    # references
    "unknown_unit": [
        _p(r"unit " + _B.format("u") + r" is not in units\.yaml", "单位 `{u}` 不在 units.yaml 中"),
        _p(r"special group " + _B.format("u") + r" is not in units\.yaml", "专项小组 `{u}` 不在 units.yaml 中"),
    ],
    "unknown_plan": [_p(r"plan " + _B.format("p") + r" is not in plans/", "方案 `{p}` 不在 plans/ 中")],
    "unknown_commissioner": [
        _p(
            r"commissioner " + _B.format("c") + r" is not in commissioners\.yaml",
            "督察专员 `{c}` 不在 commissioners.yaml 中",
        )
    ],
    "unknown_item": [_p(_B.format("i") + r" is not an item of this ledger", "`{i}` 不是本台账的事项")],
    "not_special_group": [_p(_B.format("u") + r" is a (?P<t>\w+), not a special_group", "`{u}` 是 {t}，不是专项小组")],
    # tasks
    "date_order": [
        _p(r"start (?P<a>\S+) is after the deadline (?P<b>\S+)", "开始日期 {a} 晚于完成时限 {b}"),
        _p(r"completed (?P<a>\S+) is before the start (?P<b>\S+)", "完成日期 {a} 早于开始日期 {b}"),
        _p(r"closed (?P<a>\S+) is before completed (?P<b>\S+)", "销账日期 {a} 早于完成日期 {b}"),
        _p(r"start (?P<a>\S+) is after the end (?P<b>\S+)", "开始日期 {a} 晚于期限届满日期 {b}"),
        _p(
            r"milestone " + _B.format("m") + r" done (?P<a>\S+), before the task starts",
            "进度节点「{m}」完成于 {a}，早于任务开始日期",
        ),
    ],
    "completed_missing": [_p(r"status (?P<s>\w+) needs a `completed` date", "状态为 {s} 时须填写完成日期 `completed`")],
    "closed_missing": [
        _p(r"status closed needs a `closed` date \(the write-off date\)", "状态为 closed 时须填写销账日期 `closed`")
    ],
    "closed_not_closed": [_p(r"`closed` is set but status is (?P<s>\w+)", "填写了销账日期 `closed`，但状态为 {s}")],
    "status_mismatch": [
        _p(
            r"`completed` is set but status is (?P<s>\w+) \(use completed or closed\)",
            "填写了完成日期 `completed`，但状态为 {s}（应为 completed 或 closed）",
        )
    ],
    "cancel_reason_missing": [
        _p(r"a cancelled task states why \(`cancel_reason`\)", "已取消的任务须说明原因（`cancel_reason`）")
    ],
    "carry_over_date": [
        _p(
            r"carry_over\.new_due (?P<a>\S+) must be after the deadline (?P<b>\S+)",
            "挂账结转的新时限 {a} 须晚于原时限 {b}",
        )
    ],
    "carry_over_done": [_p(r"a (?P<s>\w+) task needs no carry_over", "状态为 {s} 的任务无需挂账结转")],
    "extension_date": [
        _p(r"extension new_due (?P<a>\S+) is not after old_due (?P<b>\S+)", "延期的新时限 {a} 未晚于原时限 {b}")
    ],
    "extension_late": [
        _p(
            r"extension asked on (?P<a>\S+), after the deadline (?P<b>\S+) had passed \(逾期申请延期\)",
            "延期申请于 {a} 提出，原时限 {b} 已过（逾期申请延期）",
        )
    ],
    "milestone_out_of_range": [
        _p(
            r"milestone " + _B.format("m") + r" is due (?P<a>\S+), before the task starts \((?P<b>\S+)\)",
            "进度节点「{m}」的时限 {a} 早于任务开始日期（{b}）",
        ),
        _p(
            r"milestone " + _B.format("m") + r" is due (?P<a>\S+), after the task's deadline (?P<b>\S+)",
            "进度节点「{m}」的时限 {a} 晚于任务完成时限 {b}",
        ),
    ],
    "progress_out_of_range": [
        _p(
            r"progress entry dated (?P<a>\S+), before the task starts \((?P<b>\S+)\)",
            "进展记录日期 {a} 早于任务开始日期（{b}）",
        )
    ],
    "progress_out_of_order": [
        _p(
            r"progress entries are appended in date order; (?P<a>\S+) follows (?P<b>\S+)",
            "进展记录应按日期先后追加；{a} 排在 {b} 之后",
        )
    ],
    "major_task_incomplete": [
        _p(
            r"a major reform task \(art\. 6\) must name its leader, lead unit, responsible units and "
            r"goal; missing: (?P<m>.+)",
            "年度重大改革任务（第六条）须明确牵头领导、牵头单位、责任单位和目标；缺少：{m}",
        )
    ],
    # plans (art. 5)
    "plan_approval_missing": [
        _p(
            r"a plan docking an upper-level plan passes a leading-group meeting \(`approved`\) before it is issued "
            r"\(art\. 5\)",
            "对接上级的专项改革方案须经深改小组会议审议通过（`approved`）后才能印发（第五条）",
        ),
        _p(
            r"an overall plan of a key reform field passes a leading-group meeting \(`approved`\) before it is issued "
            r"\(art\. 5\)",
            "重要改革领域的总体性方案须经深改小组会议审议通过（`approved`）后才能印发（第五条）",
        ),
    ],
    # accountability (art. 16)
    "accountability_decider_missing": [
        _p(
            r"record who decided it \(`decided_by`\): accountability is decided by the "
            r"leading group \(art\. 16\)",
            "请记录作出决定的单位（`decided_by`）：追责问责由深改小组决定（第十六条）",
        )
    ],
    "accountability_decider": [
        _p(
            _B.format("u") + r" is a (?P<t>\w+): accountability is decided by the leading group "
            r"\(art\. 16\)",
            "`{u}` 的类型是 {t}：追责问责由深改小组决定（第十六条）",
        )
    ],
    "accountability_ground_note": [
        _p(
            r"ground `other` needs `ground_note` saying what the ground is \(art\. 16\)",
            "追责事由为 `other` 时须在 `ground_note` 中说明具体事由（第十六条）",
        )
    ],
    "accountability_ground": [
        _p(
            r"ground " + _B.format("g") + r" is not one of the grounds of art\. 16 \((?P<l>[^)]+)\); "
            r"write `other` and put the text in `ground_note`",
            "追责事由 `{g}` 不属于第十六条所列情形（{l}）；请填 `other` 并将原文写入 `ground_note`",
        )
    ],
    # duties of the seed (art. 1, 7, 8, 9, 11, 12, 13)
    "supervision_direction": [
        _p(
            _B.format("a")
            + r" \((?P<ta>\w+)\) may not supervise "
            + _B.format("b")
            + r" \((?P<tb>\w+)\): a notice goes "
            r"down the tiers of supervision \(art\. 11\)",
            "`{a}`（{ta}）无权督办 `{b}`（{tb}）：整改督办通知应按分级督察体系自上而下发出（第十一条）",
        ),
        _p(
            r"a supervision reminder goes from the office to the special groups and departments, not to "
            + _B.format("u")
            + r" \((?P<t>\w+)\) \(art\. 11, 13\)",
            "督办提示通知由深改办发给同级专项小组和部门，不应发给 `{u}`（{t}）（第十一、十三条）",
        ),
    ],
    "quarterly_report_recipient": [
        _p(
            r"a special group reports its field each quarter to the leading group: set `to` \(R15\)",
            "专项小组每季度向深改小组报送本领域改革推进情况：请填写 `to`（R15）",
        ),
        _p(
            r"a lead unit reports each quarter to its special group with a copy filed with the reform office: set "
            r"(?P<m>.+) \(R15\)",
            "牵头单位每季度向专项小组报送推进情况，并同时报深改办备案：请填写 {m}（R15）",
        ),
    ],
    "evaluation_not_reported": [
        _p(
            r"the evaluation report goes to the same-level leading group and the upper-level "
            r"reform office: list both in `report_to` \(art\. 12\)",
            "督察评估报告应报同级深改小组和上级深改办：请在 `report_to` 中列出两者（第十二条）",
        )
    ],
    "inspection_not_reported": [
        _p(
            r"the results of a ledger inspection are reported to the leading group: list it in "
            r"`report_to` \(art\. 13\)",
            "台账专项督察结果应向深改小组报告：请在 `report_to` 中列出（第十三条）",
        )
    ],
    "rectification_not_reported": [
        _p(
            r"the analysis of how the rectification goes is reported to the same-level "
            r"leading group: list it in `report_to` once follow-up has begun \(R14\)",
            "整改落实情况的动态分析应及时报告同级深改小组：开展跟踪复查后请在 `report_to` 中列出（R14）",
        )
    ],
    "evaluation_form_missing": [
        _p(
            r"say the form of the evaluation in `form`: self_evaluation, spot_check or "
            r"third_party \(art\. 13\)",
            "请在 `form` 中注明评估形式：self_evaluation 自查评估、spot_check 抽查评估或 third_party 第三方评估（第十三条）",
        )
    ],
    "meeting_agenda": [
        _p(
            r"a leading-group meeting follows the \"3\+N\" agenda \(art\. 1, 7\); `agenda` lacks: (?P<m>.+)",
            "深改小组会议应完善“3+N”议程（第一、七条）；`agenda` 缺少：{m}",
        )
    ],
    "plan_without_pilot": [
        _p(
            r"a plan the city leading group issues should in principle get pilots \(art\. 8\): add a "
            r"pilot naming it in `plan`, or say why not in `no_pilot_reason`",
            "市委深改小组审议出台的专项改革方案原则上要安排试点（第八条）：请新增试点并在 `plan` 中引用本方案，"
            "或在 `no_pilot_reason` 中说明理由",
        )
    ],
    "demonstration_contact_missing": [
        _p(
            r"each demonstration point has a leading-group member as its contact: set "
            r"`contact` \(art\. 9\)",
            "每个示范点位应有联系的深改小组成员：请填写 `contact`（第九条）",
        )
    ],
    # pilots
    "pilot_incomplete": [
        _p(
            r"a pilot has one lead leader, one promotion plan and one working team \(art\. 8\); "
            r"missing: (?P<m>.+)",
            "试点须有一名牵头领导、一个推进方案、一套工作班子（第八条）；缺少：{m}",
        )
    ],
    "pilot_exit_reason": [
        _p(r"an exited pilot states why \(`exit_reason`\)", "已退出的试点须说明原因（`exit_reason`）")
    ],
}


def _choices(text: str) -> str:
    """``'a', 'b' or 'c'`` as ``'a'、'b' 或 'c'``."""
    return text.replace("', '", "'、'").replace("' or '", "' 或 '")


def translate(code: str, message: str) -> Optional[str]:
    """The Chinese wording of ``message`` (a diagnostic of ``code``), or None when no pattern matches it."""
    for pattern, zh in PATTERNS.get(code, ()):
        m = pattern.match(message)
        if m:
            values = m.groupdict()
            if "opts" in values:
                values["opts"] = _choices(values["opts"])
            return zh.format(**values)
    return None


# codes only `check --members` reports (about the members as fetched): their messages name the member
MEMBER_PATTERNS: dict[str, list[tuple[re.Pattern, str]]] = {
    "member_not_fetched": [
        _p(
            r"member " + _B.format("u") + r" was never fetched: run `reformctl fetch`",
            "下级台账 `{u}` 从未获取：请运行 `reformctl fetch`",
        )
    ],
    "member_unreadable": [
        _p(
            r"member " + _B.format("u") + r" cannot be read at (?P<c>\w+): (?P<why>.*)",
            "下级台账 `{u}` 在提交 {c} 处无法读取：{why}",
        ),
        _p(r"member " + _B.format("u") + r": (?P<why>.*)", "下级台账 `{u}` 无法读取：{why}"),
    ],
    "unknown_upper": [
        _p(
            r"`(?P<f>upper|docks)` names " + _B.format("id") + r", which is not a task of the ledger above",
            "`{f}` 引用的 `{id}` 不是上级台账中的任务",
        ),
        _p(
            r"`(?P<f>upper|docks)` names " + _B.format("id") + r", which is not a plan of the ledger above",
            "`{f}` 引用的 `{id}` 不是上级台账中的方案",
        ),
    ],
}


def _member_translate(code: str, message: str) -> Optional[str]:
    for pattern, zh in MEMBER_PATTERNS.get(code, ()):
        m = pattern.match(message)
        if m:
            return zh.format(**m.groupdict())
    return None


def message(code: str, message: str, lang: str) -> str:
    """What `check` shows for a diagnostic in ``lang``: English as it is; in Chinese the translation, else the
    Chinese title of the code followed by the English detail."""
    if lang != "zh":
        return message
    zh = translate(code, message) or _member_translate(code, message)
    if zh is not None:
        return zh
    from .catalogue import CATALOGUE

    entry = CATALOGUE.get(code)
    return f"{entry.zh}: {message}" if entry else message


# ---------------------------------------------------------------- `import` problems (sheet, row, column)
_SHEET_WHERE = re.compile(r"sheet (?P<s>.+?), row (?P<r>\d+)(?:, column (?P<c>.+?))?: (?P<m>.*)\Z", re.S)
_CELL = [
    _p(r"expected a date such as 2016-07-01, got (?P<v>.+)", "应为日期（如 2016-07-01），收到 {v}"),
    _p(r"expected a date, got a date and time (?P<v>.+)", "应为日期，收到的是日期和时间 {v}"),
    _p(r"expected 是 or 否, got (?P<v>.+)", "应为“是”或“否”，收到 {v}"),
    _p(r"expected a whole number, got TRUE \(a yes/no cell\)", "应为整数，收到的是逻辑值 TRUE（是/否单元格）"),
    _p(r"expected a whole number, got FALSE \(a yes/no cell\)", "应为整数，收到的是逻辑值 FALSE（是/否单元格）"),
    _p(r"expected a whole number, got (?P<v>.+) \(too large\)", "应为整数，收到 {v}（数值过大）"),
    _p(r"expected a whole number, got (?P<v>.+)", "应为整数，收到 {v}"),
    _p(
        r"the cell holds (?P<n>[\d,]+) characters, over the limit of (?P<l>[\d,]+)", "单元格有 {n} 个字符，超过上限 {l}"
    ),
    _p(
        r"a formula cell with no saved value: type the value \(or open and save the workbook in Excel\)",
        "公式单元格没有保存的值：请直接填写数值（或在 Excel 中打开并保存该工作簿）",
    ),
    _p(
        r"a merged cell: type the value in every row \(unmerge the cells\)",
        "合并单元格：请取消合并，并在每一行填写数值",
    ),
    _p(r"more than (?P<n>[\d,]+) rows: split the workbook", "超过 {n} 行：请拆分工作簿"),
    _p(r"more than (?P<n>[\d,]+) merged cells: unmerge them", "合并单元格超过 {n} 个：请取消合并"),
    _p(r"expected a number, got (?P<v>.+)", "应为数字，收到 {v}"),
    _p(r"(?P<v>.+) is not one of (?P<opts>.+)", "{v} 不是可选值之一：{opts}"),
    _p(r"the id is empty", "编号为空"),
    _p(r"not a JSON object", "不是 JSON 对象"),
]
_CODED = re.compile(r"\[(?P<code>[a-z_]+)\] (?P<m>.*)\Z", re.S)


def sheet_problem(text: str, lang: str) -> str:
    """A problem of `import` ("sheet Tasks, row 3, column M (Status): ...") in ``lang``: in Chinese the place, the
    cell errors above and the check messages of :data:`PATTERNS`; anything else keeps its English detail."""
    if lang != "zh":
        return text
    m = _SHEET_WHERE.match(text)
    if not m:
        return text
    where = f"工作表 {m['s']} 第 {m['r']} 行" + (f" {m['c']} 列" if m["c"] else "")
    detail = m["m"]
    coded = _CODED.match(detail)
    if coded:
        detail = f"[{coded['code']}] " + message(coded["code"], coded["m"], "zh")
    else:
        for pattern, zh in _CELL:
            hit = pattern.match(detail)
            if hit:
                detail = zh.format(**hit.groupdict())
                break
    return f"{where}：{detail}"
