"""The user-facing messages of the commands that write (new, progress, complete, evidence, cancel, rectify, verify,
review, pilot, extend, approve, close-out, assess --write, import, init) in Simplified Chinese and English: success
lines, refusals and errors. The commit messages' texts are in commits.py, the read commands' in commands.py.

A message is made once, in English, as a :class:`Said` (a ``str`` that remembers its key and parameters), so that
library code (reformctl/actions/writes.py) can raise ``BadRequest(Said("already_status", ...))`` and still read well in
English; the CLI shows it in the user's language with :func:`localize`. A parameter may be a ``(zh, en)`` pair.
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

TEXTS: dict[str, tuple[str, str]] = {  # key: (zh, en)
    # ---- reformctl/actions/writes.py (refusals of the request)
    "not_an_id": (
        "{item_id!r} 不是有效的编号（1-64个字符：A-Za-z0-9._-，以字母或数字开头）",
        "{item_id!r} is not an item id (1-64 of A-Za-z0-9._-, starting with a letter or digit)",
    ),
    "no_item": ("台账中没有{what}{item_id}", "no {what} {item_id} in this ledger"),
    "progress_empty": ("进展情况为空", "the progress note is empty"),
    "no_more_progress": (
        "{item_id}的状态是“{status}”，不能再记录进展",
        "{item_id} is {status}: no more progress can be recorded",
    ),
    "milestone_for_tasks": ("--milestone 只用于任务", "--milestone is for tasks"),
    "no_milestone_of": (
        "{item_id}没有进度节点 {milestone!r}（进度节点：{names}）",
        "{item_id} has no milestone {milestone!r} (milestones: {names})",
    ),
    "no_milestone": ("{item_id}没有进度节点 {milestone!r}", "{item_id} has no milestone {milestone!r}"),
    "milestone_done": (
        "{item_id}的进度节点 {milestone!r} 已于{done}完成",
        "milestone {milestone!r} of {item_id} is already done ({done})",
    ),
    "already_status": ("{item_id}的状态已是“{status}”", "{item_id} is already {status}"),
    "is_cancelled": ("{item_id}已取消", "{item_id} is cancelled"),
    "pilot_exited": ("试点{item_id}已退出", "pilot {item_id} has exited"),
    "evidence_empty": ("佐证材料（路径或链接）为空", "the evidence (a path or a link) is empty"),
    "cancel_reason": ("取消任务须给出 --reason（取消原因）", "--reason is required to cancel a task"),
    "item_is_status": ("{item_id}的状态是“{status}”", "{item_id} is {status}"),
    "no_problem": (
        "整改通知{notice_id}没有问题{no}（问题序号：{nos}）",
        "notice {notice_id} has no problem {no} (problems: {nos})",
    ),
    "already_rectified": (
        "{notice_id}问题{no}已于{date}整改完成",
        "problem {no} of {notice_id} was already rectified on {date}",
    ),
    "not_rectified": (
        "{notice_id}问题{no}尚未整改完成（请先运行 reformctl rectify）",
        "problem {no} of {notice_id} is not rectified yet (reformctl rectify first)",
    ),
    "already_verified": (
        "{notice_id}问题{no}已于{date}核实销号",
        "problem {no} of {notice_id} was already verified on {date}",
    ),
    "review_what": (
        "请给出 --result 文字（今天完成的复查）或 --due 日期（安排一次复查）",
        "give --result TEXT (a review done today) or --due DATE (schedule one)",
    ),
    "review_has_result": (
        "{notice_id}问题{no}安排于{due}的复查尚无复查日期，但已写有结果“{text}”：复查记录只增不改，"
        "reformctl 不会覆盖它。若该复查已经完成，请手工填写其 done 日期；若要另记一次复查，"
        "请同时给出 --due 与 --result",
        "the review of problem {no} of {notice_id} scheduled for {due} has no date but already holds "
        "the result “{text}”: reviews are append-only and reformctl does not overwrite it. If that "
        "review took place, fill in its `done` date by hand; to record another review, give --due "
        "with --result",
    ),
    "already_filed": ("试点{pilot_id}已于{date}备案", "pilot {pilot_id} was already filed on {date}"),
    "reason_required": ("须给出 --reason（理由）", "--reason is required"),
    "pilot_already": ("试点{pilot_id}的状态已是“{status}”", "pilot {pilot_id} is already {status}"),
    "nothing_to_extend": ("{task_id}的状态是“{status}”，无需延期", "{task_id} is {status}: nothing to extend"),
    "no_due": ("{task_id}没有有效的完成时限", "{task_id} has no valid due date"),
    "new_due_not_after": (
        "--new-due {new_due} 不晚于现有时限 {old_due}",
        "--new-due {new_due} is not after the current deadline {old_due}",
    ),
    "pending_extension": (
        "{task_id}已有一项待批准的延期申请（至{new_due}），请先批准（reformctl approve）",
        "{task_id} already has an extension waiting for approval (to {new_due}); approve it first (reformctl approve)",
    ),
    "late_extension": (
        "逾期申请延期：{as_of}申请，时限{old_due}已过",
        "late: the extension was asked on {as_of}, after the deadline {old_due} had passed",
    ),
    # ---- reformctl/store (every write: the whole ledger it leaves is checked before the commit)
    "invalid_change": (
        "这一修改会使台账无效（{n}个问题，见下），未写入任何内容：请改正命令的选项或所列文件后重试",
        "the change would make the ledger invalid ({n} problem(s) below), nothing was written: "
        "correct the command's options or the files named, then try again",
    ),
    "diag_line": ("位置 {where}：[{code}] {message}", "{where}: [{code}] {message}"),
    "and_more_problems": ("……另有{n}个问题", "... and {n} more"),
    "had_errors": (
        "台账在此之前已有{n}个错误（本次修改没有新增错误）；请运行 `reformctl check` 查看并改正",
        "the ledger already had {n} error(s) before this change (it added none); run `reformctl check` "
        "to see and fix them",
    ),
    "unfinished_write": (
        "此前一次 reformctl 写入被中断（进程被终止），台账可能处于写了一半的状态（日志 {journal}）。"
        "请运行 `reformctl recover` 完成或撤回该次写入（任何写入命令也会先这样做），再运行本命令",
        "an earlier reformctl write was interrupted (its process was killed) and the ledger may be "
        "half-written (journal {journal}). Run `reformctl recover` to finish or roll it back (any "
        "write command does so first), then run this command again",
    ),
    "hook_failed": (
        "仓库的 {hook} 钩子拒绝了这次提交（退出码 {code}，输出见下），未写入任何内容：请按钩子的提示修正，"
        "或用 --no-verify 跳过钩子",
        "the repository's {hook} hook refused the commit (exit {code}, its output below); nothing was "
        "written: fix what it says, or skip the hooks with --no-verify",
    ),
    "hook_empty_message": (
        "commit-msg 钩子清空了提交说明，未写入任何内容",
        "the commit-msg hook left an empty commit message; nothing was written",
    ),
    "recover_nothing": ("没有被中断的写入，无需处理", "no interrupted write: nothing to do"),
    "approver_required": ("须给出 --approver（批准人）", "--approver is required"),
    "no_pending": ("{task_id}没有待批准的延期申请", "{task_id} has no extension waiting for approval"),
    "unknown_unit_for": (
        "{option} 的单位 {unit!r} 不在 units.yaml 中{hint}",
        "unknown unit {unit!r} for {option} (not in units.yaml){hint}",
    ),
    "unknown_unit_in": (
        "{option} 中的单位 {unit!r} 不在 units.yaml 中{hint}",
        "unknown unit {unit!r} in {option} (not in units.yaml){hint}",
    ),
    "date_order": ("{first} {a} 晚于 {last} {b}{hint}", "{first} {a} is after {last} {b}{hint}"),
    "problem_format": (
        "--problem 的格式是 'YYYY-MM-DD 问题描述 [@责任单位]'，收到 {text!r}",
        "--problem wants 'YYYY-MM-DD description [@unit]', got {text!r}",
    ),
    "problem_date": (
        "--problem 的格式是 'YYYY-MM-DD 问题描述 [@责任单位]'：{value!r} 不是日期",
        "--problem wants 'YYYY-MM-DD description [@unit]': {value!r} is not a date",
    ),
    # ---- the CLI of the write commands
    "date_option": ("{option} 应为日期 YYYY-MM-DD，收到 {value!r}", "{option} wants a date YYYY-MM-DD, got {value!r}"),
    "no_such_day": (
        "{option} {value} 不是有效日期：{year}年{month}月只有{n}天",
        "{option} {value} is not a day: {month} {year} has {n} days",
    ),
    "date_range": (
        "{option} {value} 超出支持的日期范围 {lo} 至 {hi}",
        "{option} {value} is outside the supported dates {lo} to {hi}",
    ),
    "missing_options": (
        "缺少必填选项：{options}（在终端上运行时会逐项询问）",
        "missing required option(s): {options} (run on a terminal to be asked for them)",
    ),
    "quarter_format": ("--quarter 应形如 2016Q4，收到 {value!r}", "--quarter wants e.g. 2016Q4, got {value!r}"),
    "nothing_to_do": ("{message}：台账已是如此", "{message}: the ledger already says so"),
    "warning": ("警告：{text}", "warning: {text}"),
    "dry_run": (
        "试运行：将提交“{subject}”（{n}个文件）；未写入任何内容",
        'dry run: would commit "{subject}" ({n} file(s)); nothing written',
    ),
    "committed": ("[{branch} {sha}] 已提交：{subject}", "[{branch} {sha}] {subject}"),
    # ---- assess --write (its success lines are in reformctl/i18n/__init__.py PROGRAMME: assess_written, assess_nothing)
    "goes_with_write": ("{option} 须与 --write 同用", "{option} goes with --write"),
    # ---- import
    "im_not_file": ("{file} 不是文件", "{file} is not a file"),
    "im_too_large": (
        "{file} 解压后有 {size:,} 字节，超过上限 {limit:,}：请拆分工作簿（单元格过大或行数过多）",
        "{file} decompresses to {size:,} bytes, over the limit of {limit:,}: split the workbook (a cell "
        "too large or too many rows)",
    ),
    "im_unreadable": (
        "无法将 {file} 作为 .xlsx 工作簿读取：{error}",
        "cannot read {file} as an .xlsx workbook: {error}",
    ),
    "im_no_sheets": (
        "{file} 中没有 reformctl 读取的工作表（改革任务、改革试点、整改督办……或 Tasks, Pilots, Notices ...）",
        "{file} has none of the sheets reformctl reads (改革任务, 改革试点, 整改督办 ... "
        "or Tasks, Pilots, Notices ...)",
    ),
    "im_problems": ("{file}中有{n}个问题；未写入任何内容", "{n} problem(s) in {file}; nothing was written"),
    "im_same": (
        "{file}：读取{rows}行，无需修改：台账内容与之相同",
        "{file}: {rows} row(s) read, nothing to change: the ledger already says the same",
    ),
    "im_nothing": ("{file}：无需修改", "{file}: nothing to change"),
    "im_new": ("新建     {rel}", "new     {rel}"),
    "im_changed": ("修改     {rel}  （{fields}）", "changed {rel}  ({fields})"),
    "im_dry_run": (
        "试运行：将提交新建{new}项、修改{changed}项；未写入任何内容",
        "dry run: {new} new, {changed} changed item(s) would be committed; nothing written",
    ),
    "im_committed": (
        "已提交 {sha}：新建{new}项、修改{changed}项",
        "committed {sha}: {new} new, {changed} changed item(s)",
    ),
    # ---- init
    "in_name_empty": ("--name 不能为空", "--name must not be empty"),
    # ---- new task --milestone, new notice --issued-by
    "milestone_format": (
        "--milestone {text!r} 应写成“名称@YYYY-MM-DD”，例如 '制定实施方案@2025-04-30'",
        "--milestone {text!r} is not NAME@YYYY-MM-DD, e.g. '制定实施方案@2025-04-30'",
    ),
    "milestone_date": (
        "--milestone {text!r}：{value!r} 不是 YYYY-MM-DD 格式的日期",
        "--milestone {text!r}: {value!r} is not a date in YYYY-MM-DD form",
    ),
    "issued_by_required": (
        "须给出 --issued-by（发文单位）：units.yaml 中{why}，无法确定缺省值",
        "--issued-by (the issuing unit) is required: units.yaml has {why}, so there is no default",
    ),
    "issued_by_none": ("没有类型为 reform_office 的单位", "no unit of type reform_office"),
    "issued_by_many": ("有多个类型为 reform_office 的单位（{units}）", "several units of type reform_office ({units})"),
    "in_no_spec": (
        "无法确定 CI 和 pre-commit 应安装哪个 reformctl：当前运行的是 {where}，其他电脑无法从这里安装。"
        "请用 --install-spec SPEC（或环境变量 {env}）指定，例如\n"
        "  --install-spec 'git+https://<你们的 git 服务器>/reformctl.git@{rev}'\n"
        "（带标签或提交号的 git 地址，或用 `python -m build` 构建的 wheel 的下载地址）；未写入任何内容",
        "cannot tell what CI and pre-commit should install: this is {where}, which another computer cannot "
        "install from. Give --install-spec SPEC (or set {env}), for example\n"
        "  --install-spec 'git+https://<your git server>/reformctl.git@{rev}'\n"
        "(a git URL with a tag or commit, or the URL of a wheel built with `python -m build`); "
        "nothing was written",
    ),
    "in_hooks_pair": (
        "--hooks-repo 和 --hooks-rev 须同时给出（仓库地址和其中的标签或提交号）；未写入任何内容",
        "give --hooks-repo and --hooks-rev together (a repository and a tag or commit in it); nothing was written",
    ),
    "in_new_repo": ("新建的 git 仓库", "a new git repository"),
    "in_existing_repo": ("位于 {repo} 的 git 仓库", "the git repository at {repo}"),
    "in_created": (
        "已在{where}中创建台账 {ledger}：{n}个文件，提交 {sha}",
        "created the ledger {ledger} in {where}: {n} files, commit {sha}",
    ),
    "in_skipped": (
        "  已存在，未改动：{rel}；如需要，请手工合并 reformctl 的部分",
        "  left alone (exists already): {rel}; merge the reformctl part by hand if you want it",
    ),
    "in_next": (
        "下一步：编辑 units.yaml，在 tasks/ 下添加事项，运行 `reformctl check`（见 README.md）",
        "next: edit units.yaml, add items under tasks/, run `reformctl check` (see README.md)",
    ),
    # ---- close-out
    "co_either": (
        "请给出 --year YYYY（年末销账）或一个事项编号，二者取一",
        "give either --year YYYY (the year-end close-out) or one item ID",
    ),
    "co_year": ("--year 应为年份（如 2016），收到 {year}", "--year wants a year such as 2016, got {year}"),
    "co_errors": (
        "销账要读取的文件中有{n}个错误；请先运行 `reformctl check` 并修正",
        "{n} error(s) in the files close-out reads; run `reformctl check` and fix them first",
    ),
    "co_carry_with_year": ("--carry-over 须与 --year 同用", "--carry-over goes with --year"),
    "co_refused_head": (
        "{year}年销账未执行：以下事项在{year}-12-31前到期、未完成且无挂账结转说明：",
        "close-out {year} refused: unfinished, due on or before {year}-12-31, no carry_over:",
    ),
    "co_blocking_row": (
        "  {id}  时限 {due}  {status}  {unit}  {title}",
        "  {id}  due {due}  {status}  {unit}  {title}",
    ),
    "co_refused": (
        "{year}年销账未执行，未写入任何内容：{n}个{year}-12-31前到期的未完成事项没有挂账结转说明：{ids}。\n"
        "请逐项给出原因、整改措施和新的完成时限：--carry-over 编号 --reason ... --measures ... --new-due "
        "YYYY-MM-DD，或 --carry-over-file 文件（CSV/YAML：id, reason, measures, new_due）。",
        "close-out {year} refused, nothing written: {n} unfinished item(s) due on or before {year}-12-31 "
        "have no carry_over: {ids}.\nGive each a reason, measures and new deadline: --carry-over ID "
        "--reason ... --measures ... --new-due YYYY-MM-DD, or --carry-over-file FILE (CSV/YAML: id, "
        "reason, measures, new_due).",
    ),
    "co_nothing": (
        "{year}年销账：没有需要销账或挂账结转的事项",
        "close-out {year}: nothing to write off or carry over",
    ),
    "co_summary": (
        "{year}年销账（截至{as_of}）：销账{closed}项，挂账结转{carried}项",
        "close-out {year} as of {as_of}: {closed} written off, {carried} carried over",
    ),
    "co_closed_row": ("  销账     {id}", "  closed   {id}"),
    "co_carried_row": ("  挂账结转 {id} → {new_due}  {reason}", "  carried  {id} → {new_due}  {reason}"),
    "co_reason_with": (
        "--reason、--measures 和 --new-due 须与 --carry-over 编号同用",
        "--reason, --measures and --new-due go with --carry-over ID",
    ),
    "co_counts": (
        "每个 --carry-over 都需要各自的 --reason、--measures 和 --new-due（收到 --carry-over {ids}个、"
        "--reason {reasons}个、--measures {measures}个、--new-due {dues}个）",
        "each --carry-over needs its own --reason, --measures and --new-due (got {ids} --carry-over, "
        "{reasons} --reason, {measures} --measures, {dues} --new-due)",
    ),
    "co_empty": (
        "--carry-over {id}：--reason 和 --measures 不能为空",
        "--carry-over {id}: --reason and --measures must not be empty",
    ),
}

TEXTS.update(_COMMITS)  # one table for say(): commit and read-command keys (cm_..., distinct names)
TEXTS.update(_COMMANDS)
TEXTS.update(_FAULTS)
TEXTS.update(_REFUSALS)

STATUS: dict[str, tuple[str, str]] = {  # status values as words (en: the value itself)
    "planned": ("未启动", "planned"),
    "in_progress": ("推进中", "in_progress"),
    "completed": ("已完成", "completed"),
    "closed": ("已销账", "closed"),
    "cancelled": ("已取消", "cancelled"),
    "active": ("推进中", "active"),
    "adjusted": ("已调整", "adjusted"),
    "exited": ("已退出", "exited"),
}

KIND_WORDS: dict[str, tuple[str, str]] = {
    "task": ("任务", "task"),
    "pilot": ("试点", "pilot"),
    "notice": ("整改通知", "notice"),
    "item": ("事项", "item"),
}


class Said(str):
    """A message in English (the ``str`` itself) that can be said again in another language."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, **params: Any) -> "Said":
        obj = super().__new__(cls, say(key, "en", **params))
        obj.key = key
        obj.params = params
        return obj

    def __reduce__(self):
        return (_said, (self.key, self.params))


def _said(key: str, params: dict) -> Said:
    return Said(key, **params)


def status(value: Any) -> tuple[str, str]:
    """A status value as a (zh, en) parameter."""
    return STATUS.get(str(value), (str(value), str(value)))


def kinds(names) -> tuple[str, str]:
    """``("task", "pilot")`` as a (zh, en) parameter: 任务或试点 / task or pilot."""
    names = list(names) or ["item"]
    return (
        "或".join(KIND_WORDS.get(n, (n, n))[0] for n in names),
        " or ".join(KIND_WORDS.get(n, (n, n))[1] for n in names),
    )


class Msg:
    """A message as a code of :data:`TEXTS` and its parameters, said in a language only when it is shown.
    A parameter may itself be a :class:`Msg` or a ``(zh, en)`` pair; ``str()`` is the English text."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, **params: Any):
        if code not in TEXTS:
            raise KeyError(code)
        self.code = code
        self.params = params

    def say(self, lang: str) -> str:
        return say(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.say("en")

    def __repr__(self) -> str:
        return f"Msg({self.code!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash(self.code)


def text_in(value: Any, lang: str) -> str:
    """``value`` in ``lang``: a :class:`Msg` (or :class:`Said`) is said in it, anything else is shown as it is."""
    if isinstance(value, Msg):
        return value.say(lang)
    if isinstance(value, Said):
        return say(value.key, lang, **value.params)
    return str(value)


def say(key: str, lang: str, **params: Any) -> str:
    """The message ``key`` in ``lang`` (zh or en); a ``(zh, en)`` tuple parameter gives its word per language,
    a :class:`Msg` parameter is said in the same language."""
    i = 0 if lang == "zh" else 1
    args = {
        k: (
            v[i]
            if isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, str) for x in v)
            else v.say(lang)
            if isinstance(v, Msg)
            else say(v.key, lang, **v.params)
            if isinstance(v, Said)
            else v
        )
        for k, v in params.items()
    }
    return TEXTS[key][i].format_map(_Default(args))


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
                    month=(str(month), _MONTHS[month - 1]),
                    n=n,
                )
    return say("date_option", lang, option=option, value=value)


def localize(message: Any, lang: str) -> str:
    """A message (a :class:`Said` or :class:`Msg`) in ``lang``; any other text (git's own words, a path) as it is:
    nothing is translated back from English."""
    return text_in(message, lang)


def localize_all(messages, lang: str) -> list[str]:
    return [localize(m, lang) for m in messages]


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


__all__ = ["Msg", "Said", "TEXTS", "bad_date", "kinds", "localize", "localize_all", "say", "status", "text_in"]
