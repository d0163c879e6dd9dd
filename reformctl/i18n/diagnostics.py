"""The messages of `check` diagnostics in English and Simplified Chinese: one template per message, by key.

A key is a diagnostic's code (:mod:`reformctl.i18n.catalogue`), or ``code.variant`` when a code says different
things (``invalid_date.not_calendar``). A diagnostic carries its key and the values of the placeholders
(:meth:`reformctl.model.Diagnostic.of`); its English message, the wording of the JSON contract, and its
Chinese one are rendered from the same template and values, so nothing is ever translated back from English.

Placeholders are ``str.format`` fields. A list value takes one of the specs ``or``, ``and`` or ``list``
(``{opts:or}`` is ``a, b or c`` in English, ``a、b 或 c`` in Chinese); numbers take the usual specs
(``{size:,}``). A value that is itself worded in both languages is a dict ``{"en": ..., "zh": ...}``, one
that is a message of this table ``{"key": ..., "params": {...}}`` (rendered in the same language). Values are
plain data (strings, numbers, lists of strings, such dicts): they are pickled in the caches.
Every key has both languages with the same placeholders (tests/test_diagnostic_texts.py).
No imports from the rest of the package: the model renders with it.
"""

from __future__ import annotations

import string
from typing import Any, Mapping, NamedTuple


class T(NamedTuple):
    en: str
    zh: str


TEXTS: dict[str, T] = {
    # ---- values the records refuse (reformctl/model: raised as Invalid, shown inside the loader's messages)
    "invalid_date.outside": T(
        "{value} is outside the supported dates {min} to {max}", "{value} 超出支持的日期范围 {min} 至 {max}"
    ),
    "invalid_date.datetime": T(
        "expected a date YYYY-MM-DD, got a date and time", "应为 YYYY-MM-DD 格式的日期，实际为日期和时间"
    ),
    "invalid_date.type": T(
        "expected a date YYYY-MM-DD, got {type} {value}", "应为 YYYY-MM-DD 格式的日期，实际为 {type} {value}"
    ),
    "invalid_date.format": T("expected a date YYYY-MM-DD, got {value}", "应为 YYYY-MM-DD 格式的日期，实际为 {value}"),
    "invalid_date.not_calendar": T("{value} is not a calendar date ({why})", "{value} 不是有效的日期（{why}）"),
    "invalid_value.quarter": T("expected a quarter like 2016Q3, got {value}", "应为 2016Q3 这样的季度，实际为 {value}"),
    "invalid_value.quarter_years": T(
        "{value} is outside the supported years {min} to {max}", "{value} 超出支持的年份范围 {min} 至 {max}"
    ),
    "invalid_value.invisible": T(
        "`{value}` holds an invisible character ({char}): delete and retype it",
        "`{value}` 含有不可见字符（{char}）：请删除后重新输入",
    ),
    "invalid_value.nfd": T(
        "`{value}` is written with combining marks (Unicode NFD), not in composed form (NFC) like `{nfc}`: retype it",
        "`{value}` 使用了组合字符（Unicode NFD），而非组合后的形式（NFC，如 `{nfc}`）：请重新输入",
    ),
    "invalid_value.problem_due": T(
        "a problem needs `due` (a date) or `due_working_days`",
        "问题须填写 `due`（日期）或 `due_working_days`（工作日数）",
    ),
    "invalid_value.reminder_due": T(
        "a reminder needs `report_due` (a date) or `report_within_working_days`",
        "督办提示须填写 `report_due`（日期）或 `report_within_working_days`（工作日数）",
    ),
    "too_deep.nested": T("nested more than {n} levels deep: keep it flatter", "嵌套超过 {n} 层：请减少嵌套层级"),
    # ---- references
    "unknown_unit.member": T("member unit `{unit}` is not in units.yaml", "下级单位 `{unit}` 不在 units.yaml 中"),
    # ---- members (reformctl.yaml `members:`, `check --members`)
    "duplicate_member": T(
        "member `{unit}` is listed twice (entries {first} and {second})",
        "下级台账 `{unit}` 被重复列出（第 {first} 条和第 {second} 条）",
    ),
    "member_unsafe.repo_option": T(
        "repo `{repo}` looks like an option, not a git URL or path",
        "repo `{repo}` 看起来像命令行选项，而不是 git 地址或路径",
    ),
    "member_unsafe.repo_control": T("repo holds control characters", "repo 含有控制字符"),
    "member_unsafe.repo_transport": T(
        "repo `{repo}` uses a remote-helper transport (`<name>::`), which can run commands; give a plain URL or path",
        "repo `{repo}` 使用了远程辅助传输方式（`<名称>::`），可能执行命令；请填写普通的地址或路径",
    ),
    "member_unsafe.branch": T(
        "branch `{branch}` is not a plain branch name (no leading `-`, no spaces, `..`, `~^:?*[\\`)",
        "branch `{branch}` 不是普通的分支名（不得以 `-` 开头，不得含空格、`..`、`~^:?*[\\`）",
    ),
    "member_unsafe.path": T(
        "path `{folder}` is not a plain relative folder inside the repository",
        "path `{folder}` 不是仓库内普通的相对目录",
    ),
    "dock_not_member": T(
        "`dock` names `{unit}`, which is not a member (reformctl.yaml `members:`)",
        "`dock` 列出的 `{unit}` 不是下级台账（reformctl.yaml 的 `members:`）",
    ),
    "unknown_upper.task": T(
        "`{field}` names `{id}`, which is not a task of the ledger above",
        "`{field}` 引用的 `{id}` 不是上级台账中的任务",
    ),
    "unknown_upper.plan": T(
        "`{field}` names `{id}`, which is not a plan of the ledger above",
        "`{field}` 引用的 `{id}` 不是上级台账中的方案",
    ),
    "member_not_fetched": T(
        "member `{unit}` was never fetched: run `reformctl fetch`",
        "下级台账 `{unit}` 从未获取：请运行 `reformctl fetch`",
    ),
    "member_unreadable": T("member `{unit}`: {error}", "下级台账 `{unit}` 无法读取：{error}"),
    "member_unreadable.at": T(
        "member `{unit}` cannot be read at {commit}: {error}", "下级台账 `{unit}` 在提交 {commit} 处无法读取：{error}"
    ),
    "symlink_outside.member": T(
        "a symbolic link in a member's ledger is not followed", "下级台账中的符号链接不会被跟随读取"
    ),
    "unreadable_file.member_object": T(
        "cannot read the file: a {object}, not a file", "无法读取文件：这是 git 的 {object} 对象，不是文件"
    ),
    "unreadable_file.from_git": T("cannot read the file from git", "无法从 git 读取该文件"),
    "unreadable_file.no_settings": T(
        "no {settings} at this commit: not a ledger (check the member's `path`)",
        "该提交中没有 {settings}：不是台账（请检查该下级的 `path`）",
    ),
    "not_a_mapping.settings": T(
        "reformctl.yaml holds one mapping (name, level, start, rules)",
        "reformctl.yaml 应包含一个映射（name、level、start、rules 等键）",
    ),
    "file_too_large": T(
        "file is {size:,} bytes, over the limit of {limit:,} (set {env} to raise it)",
        "文件有 {size:,} 字节，超过上限 {limit:,}（可设置 {env} 调高）",
    ),
    "bad_file_name": T(
        "file name `{name}` is not a valid id (1-64 of A-Za-z0-9._-, starting with a letter or digit)",
        "文件名 `{name}` 不是有效的编号（1 至 64 个 A-Za-z0-9._- 字符，以字母或数字开头）",
    ),
    # ---- the change since --base REF
    "id_changed": T(
        "id changed from {old} to {new} since {ref}: an id never changes (create a new item and cancel this one)",
        "自 {ref} 以来编号由 {old} 改为 {new}：编号不可更改（请新建事项并撤销本事项）",
    ),
    "closed_item_edited": T(
        "{id} was written off (closed) at {ref} and must not be edited (`{field}` changed)",
        "{id} 在 {ref} 时已销账，不得再修改（`{field}` 被修改）",
    ),
    "problem_removed": T(
        "problem {no} ({description}) was removed from {id} since {ref}: a problem stays on its notice (restore "
        "it, with its number; record `rectified`/`verified` or a review instead)",
        "自 {ref} 以来问题 {no}（{description}）从 {id} 中被删除：问题应一直保留在通知上（请按原编号恢复；"
        "改为记录 `rectified`/`verified` 或一条复查）",
    ),
    "due_without_extension": T(
        "due changed from {old} to {new} without an extension record (extensions: old_due {old}, new_due {new}, "
        "reason, approver); use `reformctl extend`",
        "完成时限由 {old} 改为 {new}，但没有延期记录（extensions：old_due {old}、new_due {new}、理由、审批人）；"
        "请使用 `reformctl extend`",
    ),
    "status_backwards": T(
        "status moved back from {old} to {new} without a reason: write why in `reopen_reason`",
        "状态由 {old} 回退为 {new} 但未说明原因：请在 `reopen_reason` 中写明",
    ),
    "status_backwards.problem_date": T(
        "problem {no}: `{field}` ({date}) was cleared since {ref} without a reason: restore it, or write why in the "
        "problem's `reopen_reason`",
        "问题 {no}：自 {ref} 以来 `{field}`（{date}）被清除且未说明原因：请恢复，或在该问题的 `reopen_reason` 中写明原因",
    ),
    "append_only.removed": T(
        "{field} entry {n} was removed: entries are only appended",
        "`{field}` 的第 {n} 条记录被删除：记录只能追加",
    ),
    "append_only.changed": T(
        "{field} entry {n} was changed: entries are only appended (add a new one instead)",
        "`{field}` 的第 {n} 条记录被修改：记录只能追加（请另行追加一条）",
    ),
    "append_only.review_removed": T(
        "problem {no} reviews entry {n} was removed: entries are only appended",
        "问题 {no} 的第 {n} 条复查记录被删除：记录只能追加",
    ),
    "append_only.review_changed": T(
        "problem {no} reviews entry {n} was changed: entries are only appended (add a new one instead)",
        "问题 {no} 的第 {n} 条复查记录被修改：记录只能追加（请另行追加一条）",
    ),
    "append_only.recipients": T(
        "{units:list} removed from `to` of {id} since {ref}: a reminder's recipients are only added (a unit that "
        "has not reported stays overdue; record its report in `reports` instead)",
        "自 {ref} 以来 {units:list} 从 {id} 的 `to` 中被删除：督办提示的收件单位只能增加（未报告的单位仍然逾期；"
        "请改为在 `reports` 中记录其报告）",
    ),
    "append_only.closeout": T(
        "{ids:list} removed from `{field}` of the close-out record: its entries are only appended",
        "{ids:list} 从销账记录的 `{field}` 中被删除：其条目只能追加",
    ),
    "append_only.extension_removed": T(
        "extension record {n} was removed: extension records are only appended",
        "第 {n} 条延期记录被删除：延期记录只能追加",
    ),
    "append_only.extension_changed": T(
        "extension record {n} was changed (`{field}`): extension records are only appended (approving a pending "
        "one is the only edit)",
        "第 {n} 条延期记录被修改（`{field}`）：延期记录只能追加（唯一允许的修改是审批待批的延期）",
    ),
    "milestone_removed": T(
        "milestone {name!r} (due {due}) was removed or renamed since {ref}: milestones stay on the record (restore "
        "it; mark it `done`, or explain in a progress entry)",
        "自 {ref} 以来进度节点 {name!r}（时限 {due}）被删除或改名：进度节点应保留在记录中（请恢复；标记 `done`，"
        "或在进展记录中说明）",
    ),
    "item_deleted": T(
        "{file} was deleted since {ref} ({commit}): item files are never deleted; cancel the item or write it off "
        "instead",
        "自 {ref}（{commit}）以来 {file} 被删除：事项文件不得删除；请改为撤销或销账",
    ),
    "item_deleted.closeout": T(
        "{file} was deleted since {ref} ({commit}): a year's close-out record is never deleted (correct it with a "
        "new commit instead)",
        "自 {ref}（{commit}）以来 {file} 被删除：年度销账记录不得删除（请另行提交修改）",
    ),
    "item_deleted.assessment": T(
        "{file} was deleted since {ref} ({commit}): a year's assessment is never deleted (correct it with a new "
        "commit instead)",
        "自 {ref}（{commit}）以来 {file} 被删除：年度考核记录不得删除（请另行提交修改）",
    ),
    "item_deleted.record": T(
        "{file} was deleted since {ref} ({commit}): a record is never deleted (correct it with a new commit instead)",
        "自 {ref}（{commit}）以来 {file} 被删除：记录不得删除（请另行提交修改）",
    ),
    "ratchet_new_red": T(
        "new red item compared with {ref}: [{rule}] {item}: {finding}",
        "与 {ref} 相比新增红灯事项：[{rule}] {item}：{finding}",
    ),
}


# pydantic's own messages (its English, as pydantic words it) in Chinese, by error type; the values come from
# the error's context. A type not listed is shown as 取值无效 with pydantic's English.
PYDANTIC_ZH: dict[str, str] = {
    "enum": "应为 {expected}",
    "literal_error": "应为 {expected}",
    "bool_type": "应为布尔值",
    "bool_parsing": "应为布尔值",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "string_type": "应为文本",
    "list_type": "应为列表（以 `- ` 开头的行）",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "less_than_equal": "不得大于 {le}",
    "greater_than_equal": "不得小于 {ge}",
    "less_than": "应小于 {lt}",
    "greater_than": "应大于 {gt}",
    "string_too_short": "至少应有 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "too_short": "至少应有 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "string_pattern_mismatch": "应符合格式 {pattern}",
}


def pydantic_detail(etype: str, msg: str, ctx: Mapping[str, Any]) -> dict:
    """A pydantic error message as a value worded in both languages: pydantic's English, our Chinese."""
    zh = PYDANTIC_ZH.get(etype)
    values = {k: str(v) for k, v in ctx.items()}
    if "expected" in values:  # pydantic lists choices as 'a', 'b' or 'c'
        values["expected"] = values["expected"].replace("', '", "'、'").replace("' or '", "' 或 '")
    try:
        text = zh.format_map(values) if zh else f"取值无效（{msg}）"
    except (KeyError, IndexError, ValueError):
        text = f"取值无效（{msg}）"
    return {"en": msg, "zh": text}


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        super().__init__()
        self.zh = lang == "zh"

    def get_value(self, key: Any, args: Any, kwargs: Any) -> Any:
        value = super().get_value(key, args, kwargs)
        if isinstance(value, dict):
            if "key" in value:  # a message of its own
                return render(value["key"], value["params"], "zh" if self.zh else "en")
            return value["zh" if self.zh else "en"]  # a value worded in both languages
        return value

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec in ("or", "and", "list"):
            items = [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
            if self.zh:
                last = {"or": " 或 ", "and": " 和 ", "list": "、"}[format_spec]
                return "、".join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)
            if format_spec == "list" or len(items) < 2:
                return ", ".join(items)
            return ", ".join(items[:-1]) + f" {format_spec} " + items[-1]
        return super().format_field(value, format_spec)


_FORMATTERS = {"en": _Formatter("en"), "zh": _Formatter("zh")}


def render(key: str, params: Mapping[str, Any], lang: str) -> str:
    """The message of ``key`` in ``lang`` (zh or en) with ``params``."""
    texts = TEXTS[key]
    return _FORMATTERS["zh" if lang == "zh" else "en"].vformat(texts.zh if lang == "zh" else texts.en, (), params)


def placeholders(template: str) -> set[str]:
    """The names of the fields of ``template``."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name is not None}
