"""The messages of the change since ``--base`` and of the members (reformctl.yaml `members:`, `check --members`)."""

from ..text import T

CHANGES: dict[str, T] = {
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
    "file_too_large.member": T(
        "the member's ledger at this commit has {files} files of {size} bytes in all, over the limit of {max_files} "
        "files (${env_files}) or {max_size} bytes (${env_size}): not read",
        "该下级台账在此提交共有 {files} 个文件、{size} 字节，超过上限 {max_files} 个文件（${env_files}）或 "
        "{max_size} 字节（${env_size}）：未读取",
    ),
    "file_too_large.member_files": T(
        "the member's ledger at this commit has more than {max_files} files (${env_files}): not read",
        "该下级台账在此提交的文件超过 {max_files} 个（${env_files}）：未读取",
    ),
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
        "{field} entry {n} was removed: entries are only appended", "`{field}` 的第 {n} 条记录被删除：记录只能追加"
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
