"""The messages of the commands that read (their options, the files they write, `log`) in Simplified Chinese and
English. No imports from the rest of the package."""

from __future__ import annotations

from .text import T


TEXTS: dict[str, T] = {
    # ---- the commands that read: options and output files
    "no_such_code": T(
        "no such code {code!r}; `reformctl catalogue` lists them all",
        "没有代码 {code!r}；`reformctl catalogue` 列出全部代码",
    ),
    # ---- environment variables: what each takes, and the refusal of a value it does not
    "env_invalid": T(
        "environment variable {name}={raw!r} is not valid: it takes {takes}",
        "环境变量 {name}={raw!r} 无效：应为{takes}",
    ),
    "env_takes.REFORMCTL_LEDGER": T("a ledger folder", "台账目录"),
    "env_takes.REFORMCTL_MAX_FILE_BYTES": T(
        "a whole number of bytes from 1 to 1073741824 (1 GiB)", "1 至 1073741824（1 GiB）之间的整数字节数"
    ),
    "env_takes.REFORMCTL_MAX_MEMBER_FILES": T(
        "a whole number of files from 1 to 10000000", "1 至 10000000 之间的整数文件数"
    ),
    "env_takes.REFORMCTL_MAX_MEMBER_BYTES": T(
        "a whole number of bytes from 1 to 68719476736 (64 GiB)", "1 至 68719476736（64 GiB）之间的整数字节数"
    ),
    "env_takes.REFORMCTL_LOCK_TIMEOUT": T(
        "a number of seconds from 0 to 86400 (one day)", "0 至 86400（一天）之间的秒数"
    ),
    "env_takes.REFORMCTL_JOBS": T(
        "a whole number of processes from 0 (automatic) to 64", "0（自动）至 64 之间的整数进程数"
    ),
    "env_takes.REFORMCTL_MAIN_SHARE": T("a number from 0.25 to 4", "0.25 至 4 之间的数"),
    "env_takes.REFORMCTL_NO_CACHE": T("1/0, true/false, yes/no or on/off", "1/0、true/false、yes/no 或 on/off"),
    "env_takes.REFORMCTL_NO_QUICK_EDIT": T("1/0, true/false, yes/no or on/off", "1/0、true/false、yes/no 或 on/off"),
    "env_takes.REFORMCTL_DEBUG": T("1/0, true/false, yes/no or on/off", "1/0、true/false、yes/no 或 on/off"),
    "members_checked": T(
        "this ledger and {n} member(s): {errors} error(s), {warnings} warning(s)",
        "本台账及{n}个下级台账：{errors} 个错误，{warnings} 个警告",
    ),
    "bad_lang": T("--lang is zh or en, got {value!r}", "--lang 应为 zh 或 en，收到 {value!r}"),
    "quarter_option": T(
        "--quarter wants a quarter such as 2016Q3, got {value!r}", "--quarter 应形如 2016Q3，收到 {value!r}"
    ),
    "quarter_or_year": T("give --quarter or --year, not both", "--quarter 与 --year 只能给出其一"),
    "ref_check_needs_out": T("--check needs --out PATH", "--check 需要同时给出 --out PATH"),
    "ref_stale": T(
        "{out} is out of date; run `reformctl cli-reference --out {out}`",
        "{out} 已过时；请运行 `reformctl cli-reference --out {out}`",
    ),
    "ref_fresh": T("{out}: up to date", "{out}：已是最新"),
    "ref_cannot_write": T("cannot write {out}: {why}", "无法写入 {out}：{why}"),
    "schema_stale": T(
        "schemas out of date in {out}: {names}; run `reformctl schema --out {out}`",
        "{out} 中的模式文件已过时：{names}；请运行 `reformctl schema --out {out}`",
    ),
    "schema_fresh": T("{out}: {n} schemas up to date", "{out}：{n} 个模式文件均为最新"),
    "schema_cannot_write": T("cannot write to {out}: {why}", "无法写入 {out}：{why}"),
    "schema_wrote": T("wrote {n} schemas to {out}", "已将 {n} 个模式文件写入 {out}"),
    "out_not_file": T(
        "{option} {path} is a device, a pipe or a socket, not a file; give a file name",
        "{option} {path} 是设备、管道或套接字，不是文件；请给出文件名",
    ),
    "out_is_folder": T("{option} {path} is a folder; give a file name", "{option} {path} 是文件夹；请给出文件名"),
    "out_no_folder": T("{option} {path}: folder {folder} does not exist", "{option} {path}：文件夹 {folder} 不存在"),
    "out_cannot_write": T("{option} {path}: cannot write ({why})", "{option} {path}：无法写入（{why}）"),
    "out_suffix": T(
        "{option} wants a file name ending in {suffix}{dash}, got {value!r}",
        "{option} 应为以 {suffix} 结尾的文件名{dash}，收到 {value!r}",
    ),
    "out_stdout_too": T(" (or - for stdout)", "（或用 - 表示标准输出）"),
    "wrote": T("wrote {path}", "已写入 {path}"),
    "wrote_ics": T("wrote {path}: {n} deadline(s), as of {as_of}", "已写入 {path}：{n}个时限，截至{as_of}"),
    "wrote_xlsx": T(
        "wrote {path}: {rows} row(s) on {sheets} sheet(s), as of {as_of}",
        "已写入 {path}：{sheets}个工作表共{rows}行，截至{as_of}",
    ),
    "wrote_html": T(
        "wrote {path}: {red} red finding(s), {units} unit(s), as of {as_of}",
        "已写入 {path}：红灯{red}项，{units}个单位，截至{as_of}",
    ),
    "wrote_html_members": T(
        "with {n} member(s): {red} red and {yellow} yellow finding(s) of theirs",
        "含{n}个下级：其红灯{red}项、黄灯{yellow}项",
    ),
    "ratchet_base": T("--ratchet needs --base REF", "--ratchet 须与 --base REF 同用"),
    "summary_cannot_write": T("cannot write the summary to {path}: {why}", "无法将摘要写入 {path}：{why}"),
    "unknown_kinds": T("--kind {bad}: unknown kind; use one of {known}", "--kind {bad}：未知的类型；可用：{known}"),
    "unknown_rules": T(
        "--rule {bad}: unknown rule code; use one of {known}", "--rule {bad}：未知的规则代码；可用：{known}"
    ),
    "unknown_units": T("--unit {bad}: not a unit id of units.yaml", "--unit {bad}：不是 units.yaml 中的单位编号"),
    "history_kinds": T(
        "--kind {bad}: with --history use one of {known}", "--kind {bad}：与 --history 同用时可用：{known}"
    ),
    "all_filings_history": T("--all-filings goes with --history", "--all-filings 须与 --history 同用"),
    # ---- log
    "log_shallow_entry": T(
        "(the shallow clone is cut here: what came before is not in this clone, so this commit's "
        "changes cannot be listed)",
        "（浅克隆在此截断：此前的历史不在本克隆中，此提交的改动无法列出）",
    ),
    "log_shallow": T(
        "note: this is a shallow clone and the history is cut at commit {commit}; the item's earlier "
        "history (its creation included) is not in this clone. Run `git fetch --unshallow` to get it",
        "注意：这是浅克隆，历史在提交 {commit} 处截断；该事项更早的历史（包括创建）不在本克隆中。"
        "运行 `git fetch --unshallow` 可取回完整历史",
    ),
    "log_not_an_id": T("{item_id!r} is not an item id", "{item_id!r} 不是有效的编号"),
    "log_no_item": T("no item {item_id} in this ledger or its history", "台账及其历史中都没有事项 {item_id}"),
    "log_no_git": T(
        "{root} is not inside a git repository: there is no history to show", "{root} 不在 git 仓库中：没有历史可显示"
    ),
    "log_none": T("{item}: no commits yet", "{item}：尚无提交"),
    "log_as_of": T("(as of {as_of})", "（截至 {as_of}）"),
    "log_created": T("created ({n} fields{shown})", "新建（{n}个字段{shown}）"),
    # ---- check's closing line on stderr
    "check_found": T(
        "{where}: {errors} error(s), {warnings} warning(s) in {files} file(s)",
        "{where}：{files} 个文件，{errors} 个错误，{warnings} 个警告",
    ),
    "check_clean": T(
        "{where}: {files} file(s) checked, no problems found", "{where}：检查了 {files} 个文件，没有发现问题"
    ),
}

# what `reformctl new` asks on a terminal for a missing required field, by kind.field (both languages are shown)
PROMPTS: dict[str, T] = {
    "task.title": T("title", "任务名称"),
    "task.lead_unit": T("lead unit", "牵头单位"),
    "task.due": T("due (YYYY-MM-DD)", "完成时限"),
    "task.leader": T("leader", "分管领导"),
    "task.goal": T("goal", "实现目标"),
    "task.responsible_units": T("responsible units (comma separated)", "责任单位"),
    "pilot.title": T("title", "试点名称"),
    "pilot.unit": T("unit", "试点单位"),
    "pilot.end": T("end (YYYY-MM-DD)", "期限届满"),
    "pilot.lead_leader": T("lead leader", "牵头领导"),
    "pilot.promotion_plan": T("promotion plan", "推进方案"),
    "pilot.working_team": T("working team (comma separated)", "工作班子"),
    "notice.to_unit": T("to unit", "责任单位"),
    "notice.issued_by": T("issued by", "发文单位"),
    "notice.problems": T("problems ('YYYY-MM-DD description', comma separated)", "问题"),
    "reminder.plan": T("plan", "上级方案"),
    "reminder.to": T("to (comma separated)", "送达单位"),
    "reminder.report_due": T("report due (YYYY-MM-DD)", "报告时限"),
    "report.unit": T("unit", "报送单位"),
    "report.quarter": T("quarter (e.g. 2016Q4)", "季度"),
    "event.kind": T("kind", "类型"),
    "event.unit": T("unit", "组织单位"),
}
