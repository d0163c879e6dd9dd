"""The messages of the commands that read (their options, the files they write, `log`) in Simplified Chinese and
English. No imports from the rest of the package."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {  # key: (zh, en)
    # ---- the commands that read: options and output files
    "no_such_code": (
        "没有代码 {code!r}；`reformctl catalogue` 列出全部代码",
        "no such code {code!r}; `reformctl catalogue` lists them all",
    ),
    "bad_lang": ("--lang 应为 zh 或 en，收到 {value!r}", "--lang is zh or en, got {value!r}"),
    "year_option": ("--year 应为年份（如 2016），收到 {year}", "--year wants a year such as 2016, got {year}"),
    "quarter_option": (
        "--quarter 应形如 2016Q3，收到 {value!r}",
        "--quarter wants a quarter such as 2016Q3, got {value!r}",
    ),
    "quarter_or_year": ("--quarter 与 --year 只能给出其一", "give --quarter or --year, not both"),
    "out_is_folder": ("{option} {path} 是文件夹；请给出文件名", "{option} {path} is a folder; give a file name"),
    "out_no_folder": ("{option} {path}：文件夹 {folder} 不存在", "{option} {path}: folder {folder} does not exist"),
    "out_cannot_write": ("{option} {path}：无法写入（{why}）", "{option} {path}: cannot write ({why})"),
    "out_suffix": (
        "{option} 应为以 {suffix} 结尾的文件名{dash}，收到 {value!r}",
        "{option} wants a file name ending in {suffix}{dash}, got {value!r}",
    ),
    "out_stdout_too": ("（或用 - 表示标准输出）", " (or - for stdout)"),
    "wrote": ("已写入 {path}", "wrote {path}"),
    "wrote_ics": (
        "已写入 {path}：{n}个时限，截至{as_of}",
        "wrote {path}: {n} deadline(s), as of {as_of}",
    ),
    "wrote_xlsx": (
        "已写入 {path}：{sheets}个工作表共{rows}行，截至{as_of}",
        "wrote {path}: {rows} row(s) on {sheets} sheet(s), as of {as_of}",
    ),
    "wrote_html": (
        "已写入 {path}：红灯{red}项，{units}个单位，截至{as_of}",
        "wrote {path}: {red} red finding(s), {units} unit(s), as of {as_of}",
    ),
    "ratchet_base": ("--ratchet 须与 --base REF 同用", "--ratchet needs --base REF"),
    "summary_cannot_write": ("无法将摘要写入 {path}：{why}", "cannot write the summary to {path}: {why}"),
    "unknown_kinds": (
        "--kind {bad}：未知的类型；可用：{known}",
        "--kind {bad}: unknown kind; use one of {known}",
    ),
    "unknown_rules": (
        "--rule {bad}：未知的规则代码；可用：{known}",
        "--rule {bad}: unknown rule code; use one of {known}",
    ),
    "unknown_units": ("--unit {bad}：不是 units.yaml 中的单位编号", "--unit {bad}: not a unit id of units.yaml"),
    "history_kinds": (
        "--kind {bad}：与 --history 同用时可用：{known}",
        "--kind {bad}: with --history use one of {known}",
    ),
    "all_filings_history": ("--all-filings 须与 --history 同用", "--all-filings goes with --history"),
    # ---- log
    "log_shallow_entry": (
        "（浅克隆在此截断：此前的历史不在本克隆中，此提交的改动无法列出）",
        "(the shallow clone is cut here: what came before is not in this clone, so this commit's "
        "changes cannot be listed)",
    ),
    "log_shallow": (
        "注意：这是浅克隆，历史在提交 {commit} 处截断；该事项更早的历史（包括创建）不在本克隆中。"
        "运行 `git fetch --unshallow` 可取回完整历史",
        "note: this is a shallow clone and the history is cut at commit {commit}; the item's earlier "
        "history (its creation included) is not in this clone. Run `git fetch --unshallow` to get it",
    ),
    "log_not_an_id": ("{item_id!r} 不是有效的编号", "{item_id!r} is not an item id"),
    "log_no_item": ("台账及其历史中都没有事项 {item_id}", "no item {item_id} in this ledger or its history"),
    "log_no_git": (
        "{root} 不在 git 仓库中：没有历史可显示",
        "{root} is not inside a git repository: there is no history to show",
    ),
    "log_none": ("{item}：尚无提交", "{item}: no commits yet"),
    "log_as_of": ("（截至 {as_of}）", "(as of {as_of})"),
    "log_created": ("新建（{n}个字段{shown}）", "created ({n} fields{shown})"),
}
