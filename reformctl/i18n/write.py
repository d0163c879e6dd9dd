"""The user-facing messages of the commands that write (new, progress, complete, evidence, cancel, rectify, verify,
review, pilot, extend, approve, close-out, assess --write, import, init) in Simplified Chinese and English: success
lines, refusals and errors. The commit messages' texts are in commits.py, the read commands' in commands.py.

A message is a :class:`Msg`: a key and its parameters, said in a language only when it is shown, so that library
code (reformctl/actions/writes.py) can raise ``BadRequest(Msg("already_status", ...))`` and still read well in
English (``str()``); the CLI shows it in the user's language with :func:`localize`. A parameter may be a
:class:`T`, a word in both languages, or another :class:`Msg`.
The store, close-out and init raise theirs the same way (reformctl/i18n/refusals.py): nothing is ever translated
back from English.
No imports from the rest of the package: any layer may use this module.
"""

from __future__ import annotations

import re
from typing import Any
from .commands import TEXTS as _COMMANDS
from .commits import TEXTS as _COMMITS
from .faults import TEXTS as _FAULTS
from .refusals import TEXTS as _REFUSALS
from .text import T


TEXTS: dict[str, T] = {
    # ---- reformctl/actions/writes.py (refusals of the request)
    "not_an_id": T(
        "{item_id!r} is not an item id (1-64 of A-Za-z0-9._-, starting with a letter or digit)",
        "{item_id!r} 不是有效的编号（1-64个字符：A-Za-z0-9._-，以字母或数字开头）",
    ),
    "no_item": T("no {what} {item_id} in this ledger", "台账中没有{what}{item_id}"),
    "progress_empty": T("the progress note is empty", "进展情况为空"),
    "no_more_progress": T(
        "{item_id} is {status}: no more progress can be recorded", "{item_id}的状态是“{status}”，不能再记录进展"
    ),
    "milestone_for_tasks": T("--milestone is for tasks", "--milestone 只用于任务"),
    "no_milestone_of": T(
        "{item_id} has no milestone {milestone!r} (milestones: {names})",
        "{item_id}没有进度节点 {milestone!r}（进度节点：{names}）",
    ),
    "no_milestone": T("{item_id} has no milestone {milestone!r}", "{item_id}没有进度节点 {milestone!r}"),
    "milestone_done": T(
        "milestone {milestone!r} of {item_id} is already done ({done})",
        "{item_id}的进度节点 {milestone!r} 已于{done}完成",
    ),
    "already_status": T("{item_id} is already {status}", "{item_id}的状态已是“{status}”"),
    "is_cancelled": T("{item_id} is cancelled", "{item_id}已取消"),
    "pilot_exited": T("pilot {item_id} has exited", "试点{item_id}已退出"),
    "evidence_empty": T("the evidence (a path or a link) is empty", "佐证材料（路径或链接）为空"),
    "cancel_reason": T("--reason is required to cancel a task", "取消任务须给出 --reason（取消原因）"),
    "item_is_status": T("{item_id} is {status}", "{item_id}的状态是“{status}”"),
    "no_problem": T(
        "notice {notice_id} has no problem {no} (problems: {nos})", "整改通知{notice_id}没有问题{no}（问题序号：{nos}）"
    ),
    "already_rectified": T(
        "problem {no} of {notice_id} was already rectified on {date}", "{notice_id}问题{no}已于{date}整改完成"
    ),
    "not_rectified": T(
        "problem {no} of {notice_id} is not rectified yet (reformctl rectify first)",
        "{notice_id}问题{no}尚未整改完成（请先运行 reformctl rectify）",
    ),
    "already_verified": T(
        "problem {no} of {notice_id} was already verified on {date}", "{notice_id}问题{no}已于{date}核实销号"
    ),
    "review_what": T(
        "give --result TEXT (a review done today) or --due DATE (schedule one)",
        "请给出 --result 文字（今天完成的复查）或 --due 日期（安排一次复查）",
    ),
    "review_has_result": T(
        "the review of problem {no} of {notice_id} scheduled for {due} has no date but already holds "
        "the result “{text}”: reviews are append-only and reformctl does not overwrite it. If that "
        "review took place, fill in its `done` date by hand; to record another review, give --due "
        "with --result",
        "{notice_id}问题{no}安排于{due}的复查尚无复查日期，但已写有结果“{text}”：复查记录只增不改，"
        "reformctl 不会覆盖它。若该复查已经完成，请手工填写其 done 日期；若要另记一次复查，"
        "请同时给出 --due 与 --result",
    ),
    "already_filed": T("pilot {pilot_id} was already filed on {date}", "试点{pilot_id}已于{date}备案"),
    "reason_required": T("--reason is required", "须给出 --reason（理由）"),
    "pilot_already": T("pilot {pilot_id} is already {status}", "试点{pilot_id}的状态已是“{status}”"),
    "nothing_to_extend": T("{task_id} is {status}: nothing to extend", "{task_id}的状态是“{status}”，无需延期"),
    "no_due": T("{task_id} has no valid due date", "{task_id}没有有效的完成时限"),
    "new_due_not_after": T(
        "--new-due {new_due} is not after the current deadline {old_due}",
        "--new-due {new_due} 不晚于现有时限 {old_due}",
    ),
    "pending_extension": T(
        "{task_id} already has an extension waiting for approval (to {new_due}); approve it first (reformctl approve)",
        "{task_id}已有一项待批准的延期申请（至{new_due}），请先批准（reformctl approve）",
    ),
    "late_extension": T(
        "late: the extension was asked on {as_of}, after the deadline {old_due} had passed",
        "逾期申请延期：{as_of}申请，时限{old_due}已过",
    ),
    # ---- reformctl/store (every write: the whole ledger it leaves is checked before the commit)
    "invalid_change": T(
        "the change would make the ledger invalid ({n} problem(s) below), nothing was written: "
        "correct the command's options or the files named, then try again",
        "这一修改会使台账无效（{n}个问题，见下），未写入任何内容：请改正命令的选项或所列文件后重试",
    ),
    "diag_line": T("{where}: [{code}] {message}", "位置 {where}：[{code}] {message}"),
    "and_more_problems": T("... and {n} more", "……另有{n}个问题"),
    "had_errors": T(
        "the ledger already had {n} error(s) before this change (it added none); run `reformctl check` "
        "to see and fix them",
        "台账在此之前已有{n}个错误（本次修改没有新增错误）；请运行 `reformctl check` 查看并改正",
    ),
    "unfinished_write": T(
        "an earlier reformctl write was interrupted (its process was killed) and the ledger may be "
        "half-written (journal {journal}). Run `reformctl recover` to finish or roll it back (any "
        "write command does so first), then run this command again",
        "此前一次 reformctl 写入被中断（进程被终止），台账可能处于写了一半的状态（日志 {journal}）。"
        "请运行 `reformctl recover` 完成或撤回该次写入（任何写入命令也会先这样做），再运行本命令",
    ),
    "hook_failed": T(
        "the repository's {hook} hook refused the commit (exit {code}, its output below); nothing was "
        "written: fix what it says, or skip the hooks with --no-verify",
        "仓库的 {hook} 钩子拒绝了这次提交（退出码 {code}，输出见下），未写入任何内容：请按钩子的提示修正，"
        "或用 --no-verify 跳过钩子",
    ),
    "hook_empty_message": T(
        "the commit-msg hook left an empty commit message; nothing was written",
        "commit-msg 钩子清空了提交说明，未写入任何内容",
    ),
    "recover_nothing": T("no interrupted write: nothing to do", "没有被中断的写入，无需处理"),
    "approver_required": T("--approver is required", "须给出 --approver（批准人）"),
    "no_pending": T("{task_id} has no extension waiting for approval", "{task_id}没有待批准的延期申请"),
    "unknown_unit_for": T(
        "unknown unit {unit!r} for {option} (not in units.yaml){hint}",
        "{option} 的单位 {unit!r} 不在 units.yaml 中{hint}",
    ),
    "unknown_unit_in": T(
        "unknown unit {unit!r} in {option} (not in units.yaml){hint}",
        "{option} 中的单位 {unit!r} 不在 units.yaml 中{hint}",
    ),
    "date_order": T("{first} {a} is after {last} {b}{hint}", "{first} {a} 晚于 {last} {b}{hint}"),
    # the {hint} of the three above: what might be meant, or where the date came from
    "hint_did_you_mean": T("; did you mean: {units}", "；是不是：{units}"),
    "hint_start_default": T(" (start defaults to --as-of)", "（start 缺省为 --as-of）"),
    "problem_format": T(
        "--problem wants 'YYYY-MM-DD description [@unit]', got {text!r}",
        "--problem 的格式是 'YYYY-MM-DD 问题描述 [@责任单位]'，收到 {text!r}",
    ),
    "problem_date": T(
        "--problem wants 'YYYY-MM-DD description [@unit]': {value!r} is not a date",
        "--problem 的格式是 'YYYY-MM-DD 问题描述 [@责任单位]'：{value!r} 不是日期",
    ),
    # ---- the CLI of the write commands
    "date_option": T("{option} wants a date YYYY-MM-DD, got {value!r}", "{option} 应为日期 YYYY-MM-DD，收到 {value!r}"),
    "no_such_day": T(
        "{option} {value} is not a day: {month} {year} has {n} days",
        "{option} {value} 不是有效日期：{year}年{month}月只有{n}天",
    ),
    "date_range": T(
        "{option} {value} is outside the supported dates {lo} to {hi}",
        "{option} {value} 超出支持的日期范围 {lo} 至 {hi}",
    ),
    "year_range": T(
        "{option} {value} is outside the supported years {lo} to {hi}",
        "{option} {value} 超出支持的年份范围 {lo} 至 {hi}",
    ),
    "missing_options": T(
        "missing required option(s): {options} (run on a terminal to be asked for them)",
        "缺少必填选项：{options}（在终端上运行时会逐项询问）",
    ),
    "quarter_format": T("--quarter wants e.g. 2016Q4, got {value!r}", "--quarter 应形如 2016Q4，收到 {value!r}"),
    "nothing_to_do": T("{message}: the ledger already says so", "{message}：台账已是如此"),
    "warning": T("warning: {text}", "警告：{text}"),
    "dry_run": T(
        'dry run: would commit "{subject}" ({n} file(s)); nothing written',
        "试运行：将提交“{subject}”（{n}个文件）；未写入任何内容",
    ),
    "committed": T("[{branch} {sha}] {subject}", "[{branch} {sha}] 已提交：{subject}"),
    # ---- assess --write (its success lines are in reformctl/i18n/__init__.py PROGRAMME: assess_written, assess_nothing)
    "goes_with_write": T("{option} goes with --write", "{option} 须与 --write 同用"),
    # ---- import
    "im_not_file": T("{file} is not a file", "{file} 不是文件"),
    "im_too_large": T(
        "{file} decompresses to {size:,} bytes, over the limit of {limit:,}: split the workbook (a cell "
        "too large or too many rows)",
        "{file} 解压后有 {size:,} 字节，超过上限 {limit:,}：请拆分工作簿（单元格过大或行数过多）",
    ),
    "im_unreadable": T(
        "cannot read {file} as an .xlsx workbook: {error}", "无法将 {file} 作为 .xlsx 工作簿读取：{error}"
    ),
    "im_no_sheets": T(
        "{file} has none of the sheets reformctl reads (改革任务, 改革试点, 整改督办 ... "
        "or Tasks, Pilots, Notices ...)",
        "{file} 中没有 reformctl 读取的工作表（改革任务、改革试点、整改督办……或 Tasks, Pilots, Notices ...）",
    ),
    "im_problems": T("{n} problem(s) in {file}; nothing was written", "{file}中有{n}个问题；未写入任何内容"),
    "im_same": T(
        "{file}: {rows} row(s) read, nothing to change: the ledger already says the same",
        "{file}：读取{rows}行，无需修改：台账内容与之相同",
    ),
    "im_nothing": T("{file}: nothing to change", "{file}：无需修改"),
    "im_new": T("new     {rel}", "新建     {rel}"),
    "im_changed": T("changed {rel}  ({fields})", "修改     {rel}  （{fields}）"),
    "im_dry_run": T(
        "dry run: {new} new, {changed} changed item(s) would be committed; nothing written",
        "试运行：将提交新建{new}项、修改{changed}项；未写入任何内容",
    ),
    "im_committed": T(
        "committed {sha}: {new} new, {changed} changed item(s)", "已提交 {sha}：新建{new}项、修改{changed}项"
    ),
    # ---- init
    "in_name_empty": T("--name must not be empty", "--name 不能为空"),
    # ---- new task --milestone, new notice --issued-by
    "milestone_format": T(
        "--milestone {text!r} is not NAME@YYYY-MM-DD, e.g. '制定实施方案@2025-04-30'",
        "--milestone {text!r} 应写成“名称@YYYY-MM-DD”，例如 '制定实施方案@2025-04-30'",
    ),
    "milestone_date": T(
        "--milestone {text!r}: {value!r} is not a date in YYYY-MM-DD form",
        "--milestone {text!r}：{value!r} 不是 YYYY-MM-DD 格式的日期",
    ),
    "issued_by_required": T(
        "--issued-by (the issuing unit) is required: units.yaml has {why}, so there is no default",
        "须给出 --issued-by（发文单位）：units.yaml 中{why}，无法确定缺省值",
    ),
    "issued_by_none": T("no unit of type reform_office", "没有类型为 reform_office 的单位"),
    "issued_by_many": T(
        "several units of type reform_office ({units})", "有多个类型为 reform_office 的单位（{units}）"
    ),
    "in_no_spec": T(
        "cannot tell what CI and pre-commit should install: this is {where}, which another computer cannot "
        "install from. Give --install-spec SPEC (or set {env}), for example\n"
        "  --install-spec 'git+https://<your git server>/reformctl.git@{rev}'\n"
        "(a git URL with a tag or commit, or the URL of a wheel built with `python -m build`); "
        "nothing was written",
        "无法确定 CI 和 pre-commit 应安装哪个 reformctl：当前运行的是 {where}，其他电脑无法从这里安装。"
        "请用 --install-spec SPEC（或环境变量 {env}）指定，例如\n"
        "  --install-spec 'git+https://<你们的 git 服务器>/reformctl.git@{rev}'\n"
        "（带标签或提交号的 git 地址，或用 `python -m build` 构建的 wheel 的下载地址）；未写入任何内容",
    ),
    "in_hooks_pair": T(
        "give --hooks-repo and --hooks-rev together (a repository and a tag or commit in it); nothing was written",
        "--hooks-repo 和 --hooks-rev 须同时给出（仓库地址和其中的标签或提交号）；未写入任何内容",
    ),
    "in_new_repo": T("a new git repository", "新建的 git 仓库"),
    "in_existing_repo": T("the git repository at {repo}", "位于 {repo} 的 git 仓库"),
    "in_created": T(
        "created the ledger {ledger} in {where}: {n} files, commit {sha}",
        "已在{where}中创建台账 {ledger}：{n}个文件，提交 {sha}",
    ),
    "in_skipped": T(
        "  left alone (exists already): {rel}; merge the reformctl part by hand if you want it",
        "  已存在，未改动：{rel}；如需要，请手工合并 reformctl 的部分",
    ),
    "in_next": T(
        "next: edit units.yaml, add items under tasks/, run `reformctl check` (see README.md)",
        "下一步：编辑 units.yaml，在 tasks/ 下添加事项，运行 `reformctl check`（见 README.md）",
    ),
    # ---- close-out
    "co_either": T(
        "give either --year YYYY (the year-end close-out) or one item ID",
        "请给出 --year YYYY（年末销账）或一个事项编号，二者取一",
    ),
    "co_errors": T(
        "{n} error(s) in the files close-out reads; run `reformctl check` and fix them first",
        "销账要读取的文件中有{n}个错误；请先运行 `reformctl check` 并修正",
    ),
    "co_carry_with_year": T("--carry-over goes with --year", "--carry-over 须与 --year 同用"),
    "co_refused_head": T(
        "close-out {year} refused: unfinished, due on or before {year}-12-31, no carry_over:",
        "{year}年销账未执行：以下事项在{year}-12-31前到期、未完成且无挂账结转说明：",
    ),
    "co_blocking_row": T(
        "  {id}  due {due}  {status}  {unit}  {title}", "  {id}  时限 {due}  {status}  {unit}  {title}"
    ),
    "co_refused": T(
        "close-out {year} refused, nothing written: {n} unfinished item(s) due on or before {year}-12-31 "
        "have no carry_over: {ids}.\nGive each a reason, measures and new deadline: --carry-over ID "
        "--reason ... --measures ... --new-due YYYY-MM-DD, or --carry-over-file FILE (CSV/YAML: id, "
        "reason, measures, new_due).",
        "{year}年销账未执行，未写入任何内容：{n}个{year}-12-31前到期的未完成事项没有挂账结转说明：{ids}。\n"
        "请逐项给出原因、整改措施和新的完成时限：--carry-over 编号 --reason ... --measures ... --new-due "
        "YYYY-MM-DD，或 --carry-over-file 文件（CSV/YAML：id, reason, measures, new_due）。",
    ),
    "co_nothing": T(
        "close-out {year}: nothing to write off or carry over", "{year}年销账：没有需要销账或挂账结转的事项"
    ),
    "co_summary": T(
        "close-out {year} as of {as_of}: {closed} written off, {carried} carried over",
        "{year}年销账（截至{as_of}）：销账{closed}项，挂账结转{carried}项",
    ),
    "co_closed_row": T("  closed   {id}", "  销账     {id}"),
    "co_carried_row": T("  carried  {id} → {new_due}  {reason}", "  挂账结转 {id} → {new_due}  {reason}"),
    "co_reason_with": T(
        "--reason, --measures and --new-due go with --carry-over ID",
        "--reason、--measures 和 --new-due 须与 --carry-over 编号同用",
    ),
    "co_counts": T(
        "each --carry-over needs its own --reason, --measures and --new-due (got {ids} --carry-over, "
        "{reasons} --reason, {measures} --measures, {dues} --new-due)",
        "每个 --carry-over 都需要各自的 --reason、--measures 和 --new-due（收到 --carry-over {ids}个、"
        "--reason {reasons}个、--measures {measures}个、--new-due {dues}个）",
    ),
    "co_empty": T(
        "--carry-over {id}: --reason and --measures must not be empty",
        "--carry-over {id}：--reason 和 --measures 不能为空",
    ),
}

# one table for say(): every key named once across these tables (tests/test_i18n_tables.py), or one would
# silently say the other's words
TEXTS.update(_COMMITS)
TEXTS.update(_COMMANDS)
TEXTS.update(_FAULTS)
TEXTS.update(_REFUSALS)

STATUS: dict[str, T] = {  # status values as words (en: the value itself)
    "planned": T("planned", "未启动"),
    "in_progress": T("in_progress", "推进中"),
    "completed": T("completed", "已完成"),
    "closed": T("closed", "已销账"),
    "cancelled": T("cancelled", "已取消"),
    "active": T("active", "推进中"),
    "adjusted": T("adjusted", "已调整"),
    "exited": T("exited", "已退出"),
}

KIND_WORDS: dict[str, T] = {
    "task": T("task", "任务"),
    "pilot": T("pilot", "试点"),
    "notice": T("notice", "整改通知"),
    "item": T("item", "事项"),
}


def status(value: Any) -> T:
    """A status value as a parameter worded in both languages."""
    return STATUS.get(str(value), T(str(value), str(value)))


def kinds(names) -> T:
    """``("task", "pilot")`` as a parameter worded in both languages: task or pilot / 任务或试点."""
    names = list(names) or ["item"]
    words = [KIND_WORDS.get(n, T(n, n)) for n in names]
    return T(" or ".join(w.en for w in words), "或".join(w.zh for w in words))


class Msg:
    """A message: a key of :data:`TEXTS` and its parameters, said in a language only when it is shown
    (:func:`localize`). ``str()`` is its English, so that an error carrying one reads in English to a library caller
    (``raise BadRequest(Msg("already_status", ...))``). A parameter may itself be a :class:`Msg` or a :class:`T`.
    It pickles as its key and parameters (messages cross the fork pool's pipes)."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any):
        if key not in TEXTS:
            raise KeyError(key)
        self.key = key
        self.params = params

    def say(self, lang: str) -> str:
        return say(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.say("en")

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Msg):
            return NotImplemented
        return (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)

    def __reduce__(self):
        return (_msg, (self.key, self.params))


def _msg(key: str, params: dict) -> Msg:
    return Msg(key, **params)


def text_in(value: Any, lang: str) -> str:
    """``value`` in ``lang``: a :class:`Msg` is said in it, anything else is shown as it is."""
    if isinstance(value, Msg):
        return value.say(lang)
    return str(value)


def say(key: str, lang: str, **params: Any) -> str:
    """The message ``key`` in ``lang`` (zh or en); a :class:`T` parameter gives its word per language, a
    :class:`Msg` parameter is said in the same language."""
    return TEXTS[key](lang).format_map(_Default({k: _param(v, lang) for k, v in params.items()}))


def _param(value: Any, lang: str) -> Any:
    if isinstance(value, T):
        return value(lang)
    if isinstance(value, Msg):
        return value.say(lang)
    if type(value) is tuple and len(value) == 2 and all(isinstance(x, str) for x in value):
        # a bare pair: which language comes first is not written down (the old shape was zh, en)
        raise TypeError(f"a pair of words as a parameter: give T(en, zh), not {value!r}")
    return value


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def bad_date(option: str, value: Any, lang: str) -> str:
    """Why ``value`` given to ``option`` is not a date: a day the month does not have (2026-02-30) is said so,
    anything else asks for YYYY-MM-DD."""
    import calendar

    m = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})\s*", str(value))
    if m:
        year, month, day = (int(g) for g in m.groups())
        if year >= 1 and 1 <= month <= 12:
            n = calendar.monthrange(year, month)[1]
            if day > n:
                return say(
                    "no_such_day",
                    lang,
                    option=option,
                    value=str(value).strip(),
                    year=year,
                    month=T(_MONTHS[month - 1], str(month)),
                    n=n,
                )
    return say("date_option", lang, option=option, value=value)


def localize(message: Any, lang: str) -> str:
    """A message (a :class:`Msg`) in ``lang``; any other text (git's own words, a path) as it is:
    nothing is translated back from English."""
    return text_in(message, lang)


def localize_all(messages, lang: str) -> list[str]:
    return [localize(m, lang) for m in messages]


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


__all__ = ["Msg", "TEXTS", "bad_date", "kinds", "localize", "localize_all", "say", "status", "text_in"]
