"""The messages of reading a ledger: files, YAML, validation, and the values the records refuse."""

from ..text import T

LOAD: dict[str, T] = {
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
    # ---- reading files (reformctl/load)
    "unreadable_file": T("cannot read the file: {error}", "无法读取文件：{error}"),
    "unreadable_file.symlink_loop": T(
        "cannot read the file: a loop of symbolic links", "无法读取文件：符号链接构成循环"
    ),
    "unreadable_file.directory": T("cannot read the file: Is a directory", "无法读取文件：这是一个目录"),
    "unreadable_file.special": T(
        "cannot read the file: not a regular file (a pipe, a socket or a device)",
        "无法读取文件：不是普通文件（而是管道、套接字或设备）",
    ),
    "unreadable_file.folder_is_file": T(
        "cannot list the folder: it is a file, not a folder (the items of this kind are not read)",
        "无法列出文件夹：这是文件而不是文件夹（该类事项均未读取）",
    ),
    "unreadable_file.folder_missing": T(
        "cannot list the folder: {error} (the items of this kind are not read)",
        "无法列出文件夹：{error}（该类事项均未读取）",
    ),
    "unreadable_file.folder": T("cannot list the folder: {error}", "无法列出文件夹：{error}"),
    "symlink_outside": T("symbolic link points outside the ledger ({target})", "符号链接指向台账之外（{target}）"),
    "not_utf8.utf16": T(
        "file is {encoding}, not UTF-8; save it as UTF-8", "文件是 {encoding} 编码，不是 UTF-8：请另存为 UTF-8"
    ),
    "not_utf8": T(
        "file is not UTF-8 (byte {byte}); save it as UTF-8", "文件不是 UTF-8 编码（字节 {byte}）：请另存为 UTF-8"
    ),
    "binary_file": T("file holds NUL bytes: a binary file, not YAML", "文件含有 NUL 字节：这是二进制文件，不是 YAML"),
    "control_character": T(
        "`{loc}` holds a control character ({char}): remove it", "`{loc}` 含有控制字符（{char}）：请删除"
    ),
    "control_character.line_break": T(
        "`{loc}` holds a line break: it is shown as one line, write it on one line",
        "`{loc}` 含有换行：它按一行显示，请写在一行内",
    ),
    "empty_file": T("file is empty: a {kind} file holds one mapping", "文件为空：{kind} 文件应包含一个映射（键: 值）"),
    "not_a_mapping": T(
        "a {kind} file holds one mapping (key: value lines), found a {type}",
        "{kind} 文件应包含一个映射（键: 值 的行），实际为 {type}",
    ),
    "not_a_mapping.entry": T("entry {n} is not a mapping", "第 {n} 条不是映射（键: 值）"),
    "not_a_list": T(
        "{file} holds a YAML list of {kind}s (lines starting with `- `), found a {type}",
        "{file} 应是 {kind} 的 YAML 列表（以 `- ` 开头的行），实际为 {type}",
    ),
    "id_mismatch": T(
        "{field} `{value}` differs from the file name `{stem}`: rename the file or fix the field",
        "`{field}` 的值 `{value}` 与文件名 `{stem}` 不一致：请重命名文件或改正该字段",
    ),
    "unexpected_file.yml": T(
        "ignored: ledger files end in .yaml, rename it to {name}", "已忽略：台账文件以 .yaml 结尾，请重命名为 {name}"
    ),
    "unexpected_file": T("ignored: not a .yaml file in {folder}/", "已忽略：不是 {folder}/ 中的 .yaml 文件"),
    "duplicate_id": T("id `{id}` is already used by {other}", "编号 `{id}` 已被 {other} 使用"),
    "duplicate_id.case": T(
        "id `{id}` differs only by case from `{first}` ({other}): the two files are one on macOS and Windows; "
        "rename one",
        "编号 `{id}` 与 `{first}`（{other}）只有大小写不同：在 macOS 和 Windows 上两个文件会合为一个；请重命名其中之一",
    ),
    # ---- validation (pydantic errors; `detail` is a message of its own)
    "missing_field": T("missing required field `{field}`", "缺少必填字段 `{field}`"),
    "unknown_field": T(
        "unknown field `{field}` (a typo? put free-form data under `extra:`)",
        "未知字段 `{field}`（是否拼写错误？自由填写的内容请放在 `extra:` 下）",
    ),
    "invalid_choice": T("{loc}: {detail}{got}", "`{loc}`：{detail}{got}"),
    "invalid_choice.no_loc": T("{detail}{got}", "{detail}{got}"),
    "invalid_date": T("{loc}: {detail}", "`{loc}`：{detail}"),
    "invalid_date.no_loc": T("{detail}", "{detail}"),
    "too_deep": T("{loc}: {detail}{got}", "`{loc}`：{detail}{got}"),
    "too_deep.no_loc": T("{detail}{got}", "{detail}{got}"),
    "invalid_value": T("{loc}: {detail}{got}", "`{loc}`：{detail}{got}"),
    "invalid_value.no_loc": T("{detail}{got}", "{detail}{got}"),
    "invalid_value.bool": T(
        "{loc}: {detail}{got}; write true or false (yes/no/on/off are text in YAML 1.2)",
        "`{loc}`：{detail}{got}；请写 true 或 false（YAML 1.2 中 yes/no/on/off 是文本）",
    ),
    "invalid_value.bool_no_loc": T(
        "{detail}{got}; write true or false (yes/no/on/off are text in YAML 1.2)",
        "{detail}{got}；请写 true 或 false（YAML 1.2 中 yes/no/on/off 是文本）",
    ),
    "invalid_value.got": T(" (got {value})", "（实际为 {value}）"),
    # ---- YAML (reformctl/load/yamlread.py)
    "yaml_syntax": T("{problem}", "YAML 语法错误：{problem}"),
    "yaml_syntax.too_deep": T("the YAML is nested too deeply", "YAML 嵌套层级过深"),
    "yaml_alias": T("aliases (*name) are not allowed in a ledger file", "台账文件不允许使用别名（*name）"),
    "yaml_alias.anchor": T(
        "anchors (&{anchor}) are not allowed in a ledger file", "台账文件不允许使用锚点（&{anchor}）"
    ),
    "yaml_alias.constructed": T("anchors and aliases are not allowed in a ledger file", "台账文件不允许使用锚点和别名"),
    "yaml_multiple_documents": T(
        "a ledger file holds one YAML document, found more", "台账文件只能有一个 YAML 文档，发现了多个"
    ),
    "yaml_construct": T("cannot read the value: {error}", "无法读取该值：{error}"),
    "yaml_construct.other": T("{problem}", "无法读取该值：{problem}"),
    "yaml_construct.not_mapping": T("expected a mapping, found {found}", "应为映射（键: 值），实际为 {found}"),
    "yaml_construct.merge": T("merge keys (<<) are not allowed in a ledger file", "台账文件不允许使用合并键（<<）"),
    "yaml_construct.key": T("a key must be a plain scalar", "键必须是普通的标量值"),
    "yaml_duplicate_key": T(
        "duplicate key {key} (a later value would silently replace the first)",
        "重复的键 {key}（后一个值会悄悄覆盖前一个）",
    ),
    "yaml_tag": T("unsupported tag {tag}", "不支持的标签 {tag}"),
}
