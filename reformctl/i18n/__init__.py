"""User-facing labels in Simplified Chinese and English: traffic lights, record kinds, rule codes, table headers,
the messages of `status` findings and the labels of the programme views (schedule, cases, assess, accountability).
Data (ids, titles, unit ids) is never translated.

Use :func:`label` for a label (``label("light", "red", "zh") == "红灯"``) and :func:`message` for a finding's
message. Every rule code of the deadline engine has an entry in ``RULES`` and ``MESSAGES``; a test checks it.
No imports from the rest of the package: any layer may use this module.
"""

from __future__ import annotations

from typing import Mapping

from .text import LANGS as LANGS, T, words


LIGHTS: dict[str, T] = {
    "red": T("red", "红灯"),
    "yellow": T("yellow", "黄灯"),
    "green": T("green", "绿灯"),
}

KINDS: dict[str, T] = {
    "task": T("task", "任务"),
    "pilot": T("pilot", "试点"),
    "notice": T("notice", "整改通知"),
    "plan": T("plan", "方案"),
    "reminder": T("reminder", "督办提示"),
    "report": T("report", "季报"),
    "event": T("event", "活动"),
    "unit": T("unit", "单位"),
    "case": T("case", "案例"),
    "accountability": T("accountability", "追责"),
    "assessment": T("assessment", "考核"),
    "closeout": T("close-out", "销账"),
    "commissioner": T("commissioner", "督察专员"),
    "year": T("year", "年度"),
}

RULES: dict[str, T] = {  # rule code: short label
    "task_overdue": T("task overdue", "任务逾期"),
    "milestone_overdue": T("milestone overdue", "节点逾期"),
    "update_overdue": T("update overdue", "台账未更新"),
    "carry_over_overdue": T("carry-over overdue", "挂账逾期"),
    "pilot_overdue": T("pilot term ended", "试点期满未结"),
    "pilot_not_filed": T("pilot not filed", "试点未备案"),
    "problem_overdue": T("problem overdue", "整改逾期"),
    "review_overdue": T("review overdue", "复查逾期"),
    "reminder_overdue": T("reminder overdue", "督办未报告"),
    "report_missing": T("report missing", "季报未报"),
    "evaluation_due": T("evaluation due", "方案待评估"),
    "meeting_missing": T("meeting missing", "未开会议"),
    "self_assessment_missing": T("self-assessment missing", "未自评"),
    "training_missing": T("training missing", "培训不足"),
    "onsite_meeting_missing": T("on-site meeting missing", "现场会不足"),
    "press_conference_missing": T("press conference missing", "发布会不足"),
    "inspection_missing": T("inspection missing", "督察不足"),
    "plan_review_overdue": T("plan review overdue", "方案未按期上会"),
    "plan_review_unprepared": T("plan not ready for review", "上会前准备不全"),
    "demonstration_missing": T("demonstration points missing", "未挂牌示范点位"),
    "docking_missing": T("docking missing", "下级未对接方案"),
    "member_stale": T("member stale", "下级台账未更新"),
    "member_invalid": T("member invalid", "下级台账有错误"),
    "work_points_missing": T("no work points for the year", "缺年度工作要点和台账"),
    "major_list_missing": T("no major-task list for the year", "缺年度重大改革任务清单"),
    "promotion_list_missing": T("no promotion list for the year", "缺年度经验推广清单"),
    "case_book_missing": T("no case book for the year", "缺年度典型案例汇编"),
    "closeout_missing": T("year not closed out", "未进行年末盘点销账"),
}

HEADERS: dict[str, T] = {
    "light": T("light", "灯"),
    "member": T("member", "下级"),
    "id": T("id", "编号"),
    "kind": T("kind", "类型"),
    "rule": T("rule", "规则"),
    "title": T("title", "事项"),
    "unit": T("unit", "责任单位"),
    "due": T("due", "时限"),
    "days": T("days", "天数"),
    "message": T("message", "说明"),
    "period": T("period", "期间"),
    "week": T("week", "周"),
    "status_title": T("Ledger status", "改革台账督办状态"),
    "agenda_title": T("Coming due", "近期到期事项"),
    "nothing": T("nothing overdue or due soon", "没有逾期或即将到期的事项"),
    "nothing_agenda": T("nothing falls due in this period", "此期间没有到期事项"),
    "as_of": T("as of", "截至"),
    "total": T("total", "合计"),
    "warning": T("warning", "警告"),
}

# Messages of findings. Parameters come from the rule (see reformctl/rules/deadlines.py and obligations.py);
# `{when}` is added for every finding ("3 days overdue", "due today", "due in 5 days").
MESSAGES: dict[str, T] = {
    "task_overdue": T("not completed by its deadline, {when}", "任务未按时限完成，{when}"),
    "milestone_overdue": T("milestone “{name}” not done, {when}", "进度节点“{name}”未完成，{when}"),
    "update_overdue": T(
        "no progress update since {last} (every {months} months, R11), {when}",
        "自{last}起未更新进展（每{months}个月更新一次，R11），{when}",
    ),
    "carry_over_overdue": T(
        "carried over, not done by the new deadline (was {old_due}), {when}",
        "挂账事项未按新时限完成（原时限{old_due}），{when}",
    ),
    "pilot_overdue": T(
        "term {start} to {end} ended, pilot still {status}, {when}", "试点期限届满仍未结束（{start}至{end}），{when}"
    ),
    "pilot_not_filed": T(
        "started {start}, not filed with the leading group within {n} days (R5), {when}",
        "试点{start}启动，未在{n}日内向领导小组备案（R5），{when}",
    ),
    "problem_overdue": T(
        "problem {no} not rectified: {description}, {when}{computed}", "问题{no}未整改：{description}，{when}{computed}"
    ),
    "review_overdue": T(
        "follow-up review of problem {no} not done (R14), {when}", "问题{no}跟踪复查未开展（R14），{when}"
    ),
    "reminder_overdue": T(
        "has not reported how it carries out {plan} (R10), {when}{computed}",
        "未报告对接落实情况（R10）：{plan}，{when}{computed}",
    ),
    "report_missing": T("quarterly report for {period} not filed (R15), {when}", "{period}季报未报送（R15），{when}"),
    "evaluation_due": T(
        "issued {issued}, not yet evaluated in {year} (R8), {when}",
        "方案{issued}印发已满半年，{year}年尚未评估（R8），{when}",
    ),
    "meeting_missing": T("no group meeting in {period} (R1), {when}", "{period}未召开专项小组会议（R1），{when}"),
    "self_assessment_missing": T(
        "plan not self-assessed in {period} (R2), {when}", "{period}未对方案开展自评（R2），{when}"
    ),
    "training_missing": T(
        "{count} of {need} concentrated trainings in {year} (R3), {when}",
        "{year}年集中培训{count}次，应不少于{need}次（R3），{when}",
    ),
    "onsite_meeting_missing": T(
        "{count} of {need} on-site or exchange meetings in {year} (R6), {when}",
        "{year}年现场推进会或经验交流会{count}次，应不少于{need}次（R6），{when}",
    ),
    "press_conference_missing": T(
        "{count} of {need} press conferences in {year} (R7), {when}",
        "{year}年改革新闻发布会{count}次，应不少于{need}次（R7），{when}",
    ),
    "inspection_missing": T(
        "{count} of {need} ledger inspections in {year} (R12), {when}",
        "{year}年台账专项督察{count}次，应不少于{need}次（R12），{when}",
    ),
    "plan_review_overdue": T(
        "scheduled for leading-group review on {due}, not approved (art. 5), {when}",
        "计划{due}上会审议，尚未审议通过（第五条），{when}",
    ),
    "plan_review_unprepared": T(
        "scheduled for leading-group review on {due} but still lacks its {missing} (art. 5), {when}",
        "计划{due}上会审议，尚缺{missing}（第五条），{when}",
    ),
    "work_points_missing": T(
        "no task belongs to {year}: the year's work points and ledger are missing (art. 1; the "
        "grace after year end is the tool's choice), {when}",
        "{year}年没有任何列入当年的改革任务：缺年度工作要点和工作台账（第一条；年末后宽限期为本工具的设定），{when}",
    ),
    "major_list_missing": T(
        "no major task in {year}: the year's list of major reform tasks is missing (art. 6), {when}",
        "{year}年没有标为重大改革任务的事项：缺年度重大改革任务清单（第六条），{when}",
    ),
    "promotion_list_missing": T(
        "the promotion list of {year} is empty (art. 9), {when}", "{year}年改革经验推广清单为空（第九条），{when}"
    ),
    "case_book_missing": T(
        "the case book of {year} is empty (art. 9), {when}", "{year}年典型案例汇编为空（第九条），{when}"
    ),
    "closeout_missing": T(
        "{year} has no year-end inventory and write-off (art. 13, reformctl close-out), {when}",
        "{year}年末未对改革台账集中盘点、销账（第十三条，reformctl close-out），{when}",
    ),
    "demonstration_missing": T(
        "no batch of demonstration points listed in {year} (art. 9), {when}",
        "{year}年尚未挂牌一批示范点位（第九条），{when}",
    ),
    "docking_missing": T(
        "{member} has no plan or task docking it (issued {issued}, to be docked within {n} days), {when}",
        "{member}尚无对接本方案的方案或任务（{issued}印发，应在{n}日内对接），{when}",
    ),
    "member_stale": T(
        "member ledger {last}, no commit within {months} months (R11), {when}",
        "下级台账{last}，{months}个月内没有新的提交（R11），{when}",
    ),
    "member_invalid": T(
        "member ledger has {errors} error(s) at commit {commit} (see reformctl check --members), {when}",
        "下级台账在提交{commit}处有{errors}个错误（运行 reformctl check --members 查看），{when}",
    ),
}

# Filings judged against their deadlines (`status --history`, the summary's timeliness, the HTML report);
# reformctl/rules/lateness.py. Keys are the rule a filing answered.
HISTORY: dict[str, T] = {
    "report_missing": T(
        "quarterly report for {ref} filed {filed}, due {due} (R15)", "{ref}季报于{filed}报送，时限为{due}（R15）"
    ),
    "pilot_not_filed": T("pilot filed {filed}, due {due} (R5)", "试点于{filed}备案，时限为{due}（R5）"),
    "reminder_overdue": T(
        "reported how it carries out the plan on {filed}, due {due} (R10)",
        "于{filed}报告对接落实情况，时限为{due}（R10）",
    ),
    "late": T("{n} days late", "逾期{n}天"),
    "on_time": T("on time", "按时"),
    "history_title": T("Filed late (as of {as_of})", "逾期办理记录（截至{as_of}）"),
    "history_none": T("nothing was filed late as of {as_of}", "截至{as_of}没有逾期办理的记录"),
    "filed": T("Filed", "办理日期"),
    "due": T("Due", "时限"),
    "days_late": T("Days late", "逾期天数"),
    "what": T("What", "事项"),
    "timeliness": T("Filed on time and late", "按时办理情况"),
    "report": T("quarterly reports (R15)", "季报报送(R15)"),
    "pilot": T("pilot filings (R5)", "试点备案(R5)"),
    "reminder": T("reminder answers (R10)", "督办提示报告(R10)"),
    "on_time_col": T("On time", "按时"),
    "late_col": T("Late", "逾期"),
    "days_late_col": T("Days late (sum)", "逾期天数合计"),
    "total": T("Total", "合计"),
}


def history(key: str, lang: str, **params) -> str:
    """A text of :data:`HISTORY` in ``lang``."""
    return HISTORY[key](lang).format_map(_Default(params))


def filing_message(rule: str, lang: str, *, ref: str, filed: str, due: str, days_late: int) -> str:
    """What a judged filing says: when it was filed, its deadline, and on time or how many days late."""
    head = history(rule, lang, ref=ref, filed=filed, due=due)
    tail = history("late", lang, n=days_late) if days_late > 0 else history("on_time", lang)
    return head + ("，" if lang == "zh" else ", ") + tail


# Refusals shared by every command that reads a ledger (reformctl/cli/common.py).
ROOT_ERRORS: dict[str, T] = {
    "root_missing": T(
        "ledger folder {root} does not exist (from {how}); pass --ledger PATH or set REFORMCTL_LEDGER",
        "台账目录 {root} 不存在（来自{how}）；请用 --ledger PATH 指定或设置 REFORMCTL_LEDGER",
    ),
    "root_not_folder": T("ledger path {root} is not a folder (from {how})", "台账路径 {root} 不是目录（来自{how}）"),
    "root_no_settings": T(
        "{root} holds no reformctl.yaml: not a ledger (create one with `reformctl init`)",
        "{root} 中没有 reformctl.yaml：不是台账（可用 `reformctl init` 新建）",
    ),
    "settings_unreadable": T("cannot read {path}: {error}", "无法读取 {path}：{error}"),
    "settings_not_file": T(
        "{path} is a {what}, not a file: reformctl.yaml must be a YAML file",
        "{path} 是{what}，不是文件：reformctl.yaml 须为 YAML 文件",
    ),
    "ledger_has_errors": T(
        "the ledger has {n} error(s){more}; run `reformctl check` and fix them first",
        "台账有{n}处错误{more}；请先运行 `reformctl check` 并改正",
    ),
    "and_more": T(" (and {n} more)", "（另有{n}处）"),
}
# where the ledger path came from (the `how` of root errors; --ledger is named as it is)
HOW: dict[str, T] = {
    "env": T("$REFORMCTL_LEDGER", "环境变量 REFORMCTL_LEDGER"),
    "nearest": T("nearest reformctl.yaml", "最近的 reformctl.yaml"),
    "default": T(
        "no reformctl.yaml in {cwd} or its parents, so the default ./ledger-data",
        "默认的 ./ledger-data（{cwd} 及其上级目录中都没有 reformctl.yaml）",
    ),
}

# what reformctl.yaml is when it is not a file (the `what` of settings_not_file)
NOT_A_FILE: dict[str, T] = {
    "folder": T("folder", "文件夹"),
    "pipe": T("named pipe", "命名管道"),
    "special": T("special file", "特殊文件"),
}


def root_error(code: str, lang: str, **params: object) -> str:
    """A refusal of :data:`ROOT_ERRORS` in ``lang``."""
    words = {k: v(lang) if isinstance(v, T) else v for k, v in params.items()}  # how, what: worded in both
    return ROOT_ERRORS[code](lang).format_map(_Default(words))


# words the rules put in a finding's arguments as name_en and name_zh (the arguments stay plain data)
ARG_WORDS: dict[str, T] = {
    "never_fetched": T("never fetched (reformctl fetch)", "从未获取（reformctl fetch）"),
    "last_committed": T("last committed {date}", "最近一次提交于{date}"),
    "stability_assessment": T("social-stability risk assessment", "社会稳定风险评估"),
    "legality_review": T("legality review", "合法性审查"),
}


NOTES: dict[str, T] = {
    "calendar_unknown": T(
        "{what}: the deadline counts working days, but the official calendar knows {lo}-{hi} only, "
        "not {year}: no deadline computed. Give a date or upgrade chinesecalendar",
        "{what}的时限按工作日计算，但工作日历只有{lo}至{hi}年的数据，不含{year}年：未计算时限。"
        "请改填日期或升级 chinesecalendar",
    ),
    # appended to a finding's message when its deadline was computed from working days
    "computed": T(" ({n} working days after {start})", "（{n}个工作日，自{start}起算）"),
}

# Labels of the programme views (`schedule`, `cases`, `assess`, `accountability`; reformctl/views/programme.py):
# table titles and headers, states, kinds, measures and the messages of `assess --write`.
PROGRAMME: dict[str, T] = {
    "schedule_title": T("Plan review schedule {y}", "{y}年度上会审议计划"),
    "plan": T("Plan", "方案编号"),
    "title": T("Title", "名称"),
    "special_group": T("Special group", "专项小组"),
    "lead_unit": T("Lead unit", "牵头单位"),
    "review_scheduled": T("Scheduled", "计划审议日期"),
    "approved": T("Approved", "审议通过"),
    "state": T("State", "状态"),
    "days": T("Days", "天数"),
    "preparation": T("Preparation", "审议准备"),
    "stability_assessment": T("stability assessment", "稳评"),
    "legality_review": T("legality review", "合法性审查"),
    "reviewed": T("reviewed", "已审议"),
    "late": T("late", "逾期未审议"),
    "upcoming": T("to come", "待审议"),
    "unscheduled": T("reviewed (unscheduled)", "计划外审议"),
    "ready": T("ready", "已完成"),
    "not_needed": T("not needed", "不需要"),
    "missing": T("missing", "缺"),
    "on_time": T("on time", "按期"),
    "late_by": T("{n} days late", "推迟{n}天"),
    "overdue_by": T("{n} days overdue", "逾期{n}天"),
    "in_days": T("in {n} days", "还有{n}天"),
    "today": T("today", "今天"),
    "schedule_totals": T(
        "{n} plan(s): {r} reviewed, {l} late, {u} to come", "共{n}项: 已审议{r}项, 逾期{l}项, 待审议{u}项"
    ),
    "promotion_title": T("Reform experience promotion list {y}", "{y}年改革经验推广清单"),
    "book_title": T("Typical cases {y}", "{y}年典型案例汇编"),
    "listing_title": T("Demonstration points: listing and delisting in {y}", "{y}年示范点位挂牌动态"),
    "id": T("Id", "编号"),
    "unit": T("Unit", "单位"),
    "kind": T("Kind", "类型"),
    "date": T("Date", "日期"),
    "listed": T("Listed", "挂牌日期"),
    "delisted": T("Delisted", "摘牌日期"),
    "listing": T("Listing", "挂牌状态"),
    "summary": T("Summary", "经验摘要"),
    "typical_case": T("typical case", "典型经验"),
    "demonstration_point": T("demonstration point", "示范点位"),
    "listed_in_year": T("listed this year", "本年挂牌"),
    "delisted_in_year": T("delisted this year", "本年摘牌"),
    "listed_state": T("listed", "持续挂牌"),
    "delisted_state": T("delisted", "已摘牌"),
    "never": T("never listed", "未挂牌"),
    "future": T("to be listed", "待挂牌"),
    "none_listed": T("(none)", "(无)"),
    "demo_count": T("Demonstration points listed this year: {n}", "本年挂牌示范点位: {n}个"),
    "demo_missing": T(
        "No demonstration point listed this year (at least one batch a year)", "本年尚未挂牌示范点位(每年至少一批)"
    ),
    "book_intro": T(
        "This book collects {n} typical reform case(s) of {y}.",
        "本汇编收录{y}年度改革典型案例{n}个，供各地各部门学习借鉴。",
    ),
    "assess_title": T("Annual assessment {y}: proposed deductions", "{y}年度改革工作目标绩效考核: 建议扣分"),
    "rank_title": T("Assessment ranking {y}", "{y}年度考核排名"),
    "rank": T("Rank", "名次"),
    "score": T("Score", "得分"),
    "deducted": T("Deducted", "扣分合计"),
    "deductions": T("Deductions", "扣分项"),
    "new": T("Proposed", "新增建议扣分"),
    "points": T("Points", "扣分"),
    "reason": T("Reason", "扣分原因"),
    "source": T("Source", "依据"),
    "rule": T("Kind", "类别"),
    "recorded": T("In file", "考核表"),
    "task_unfinished": T("task unfinished", "任务未完成"),
    "problem_refused": T("refused to rectify", "拒不整改"),
    "problem_overdue": T("rectification overdue", "整改逾期"),
    "point_deduction": T("point deduction", "追责扣分"),
    "yes_recorded": T("recorded", "已录入"),
    "not_recorded": T("to review", "待审核"),
    "no_proposals": T("The ledger suggests no deduction", "台账中没有应扣分事项"),
    "assess_hint": T(
        "These deductions are proposed from the ledger for the office to review; `--write` adds the "
        "ones not yet recorded to {file} (one commit).",
        "以上为根据台账提出的建议扣分，请审核；`--write` 将未录入项写入 {file} (一次提交)。",
    ),
    "assess_written": T(
        "Wrote {file}: {n} deduction(s) added (commit {sha})", "已写入 {file}: 新增{n}项扣分 (提交 {sha})"
    ),
    "assess_nothing": T(
        "{file} already holds every proposed deduction; nothing written", "{file} 已包含全部建议扣分，无需写入"
    ),
    "register_title": T("Accountability register {y}", "{y}年度责任追究登记台账"),
    "register_title_all": T("Accountability register", "责任追究登记台账"),
    "exempt_title": T("Fault-tolerance exemptions (art. 18)", "容错免责(第十八条)"),
    "target": T("Unit", "追责对象"),
    "person": T("Person", "责任人"),
    "ground": T("Ground", "追责事由"),
    "measure": T("Measure", "追责方式"),
    "decided": T("Decided", "决定日期"),
    "implemented_by": T("Carried out by", "实施单位"),
    "exemption": T("Exemption", "免责理由"),
    "oral_warning": T("oral warning", "口头告诫"),
    "interview": T("interview", "约见约谈"),
    "circulated_criticism": T("circulated criticism", "通报批评"),
    "organizational_handling": T("organisational handling", "组织处理"),
    "register_empty": T("No accountability measure this year", "本年度无追责记录"),
    "count": T("{n}", "{n}项"),
}

GROUNDS: dict[str, T] = {  # R16's accountability grounds, as ledgers spell them; other text shown as is
    "task_not_done": T("reform task not done as required", "改革任务未按要求完成"),
    "assessment_low": T("heavy point loss in the annual assessment", "年度考核失分较多"),
    "refused_rectification": T("refused to rectify problems found in supervision", "督察发现问题拒不整改"),
    "criticism": T("criticism from above or serious negative impact", "受上级批评或造成严重负面影响"),
}


def table(texts: Mapping[str, T], lang: str) -> dict[str, str]:
    """One language of a table, as a plain dict: ``table(PROGRAMME, "zh")["plan"] == "方案编号"``."""
    return words(texts, lang)


_COMPUTED = NOTES["computed"]


def label(group: str, code: str, lang: str) -> str:
    """A label: group is "light", "kind", "rule", "header", "programme" or "ground"; unknown codes are returned
    unchanged."""
    groups = {
        "light": LIGHTS,
        "kind": KINDS,
        "rule": RULES,
        "header": HEADERS,
        "programme": PROGRAMME,
        "ground": GROUNDS,
    }
    text = groups[group].get(code)
    return text(lang) if text else code


def when(days: int, lang: str) -> str:
    """``days`` as words: positive = late."""
    if lang == "zh":
        return f"逾期{days}天" if days > 0 else "今日到期" if days == 0 else f"{-days}天后到期"
    if days > 0:
        return f"{days} day{'s' if days != 1 else ''} overdue"
    return "due today" if days == 0 else f"due in {-days} day{'s' if days != -1 else ''}"


def computed(n: int | None, start: str | None, lang: str) -> str:
    """The note appended to a message whose deadline was computed from working days."""
    if not n or not start:
        return ""
    return _COMPUTED(lang).format(n=n, start=start)


def message(rule: str, args: Mapping[str, object], days: int, lang: str) -> str:
    """The message of a finding of ``rule`` in ``lang``."""
    text = MESSAGES.get(rule)
    a = dict(args)
    a["when"] = when(days, lang)
    _worded(a, lang)
    a["computed"] = computed(a.pop("working_days", None), a.pop("counted_from", None), lang)  # type: ignore[arg-type]
    if text is None:
        return ", ".join(f"{k}={v}" for k, v in a.items())
    return text(lang).format_map(_Default(a))


def _worded(params: dict, lang: str) -> None:
    """A value worded in both languages is passed as ``name_en`` and ``name_zh`` (a finding's arguments are plain
    data); the templates say ``{name}``, filled here with the one of ``lang``."""
    suffix = "_zh" if lang == "zh" else "_en"
    for k in [k for k in params if k.endswith(suffix)]:
        params[k[:-3]] = params[k]


def note(code: str, args: Mapping[str, object], lang: str) -> str:
    text = NOTES.get(code)
    if text is None:
        return ", ".join(f"{k}={v}" for k, v in args.items())
    return text(lang).format_map(_Default(args))


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Messages of the levels commands (fetch, bundle, --members).
LEVELS: dict[str, T] = {
    "no_members": T(
        "no members in reformctl.yaml: nothing to fetch", "reformctl.yaml 中没有 members（下级台账），无可获取"
    ),
    "not_member": T(
        "{names}: not a unit of `members:` in reformctl.yaml (members: {known})",
        "{names}：不是 reformctl.yaml 中 members 的单位（下级：{known}）",
    ),
    "fetch_failed": T("cannot fetch member {unit}: {why}", "获取下级台账 {unit} 失败：{why}"),
    "fetch_failed_n": T("{n} member(s) could not be fetched", "{n}个下级台账获取失败"),
    "fetch_repaired": T(
        "the fetched copy of member {unit} had lost objects: it was fetched afresh",
        "下级台账 {unit} 的本地副本缺失对象，已重新获取",
    ),
    "fetch_repair_failed": T(
        "the fetched copy of member {unit} had lost objects: it was deleted, and fetching it afresh failed too",
        "下级台账 {unit} 的本地副本缺失对象，已删除；重新获取也失败了",
    ),
    "bundle_needs_member": T(
        "--bundle needs --member UNIT (one member unit)", "--bundle 须与 --member UNIT（一个下级单位）同用"
    ),
    "member_needs_bundle": T(
        "--member goes with --bundle; to fetch some members name them: reformctl fetch UNIT",
        "--member 只与 --bundle 同用；获取指定下级请直接列出单位：reformctl fetch UNIT",
    ),
    "settings_broken": T(
        "reformctl.yaml has errors, its members cannot be read: {why}", "reformctl.yaml 有错误，无法读取 members：{why}"
    ),
    "bundle_written": T(
        "wrote {out}: branch {branch} at commit {commit}", "已写出 {out}：分支 {branch}，提交 {commit}"
    ),
    "bundle_failed": T("cannot write the git bundle: {why}", "无法写出 git bundle：{why}"),
    "members_needed": T("--member goes with --members", "--member 须与 --members 同用"),
    "never_fetched": T("never fetched (run reformctl fetch)", "从未获取（运行 reformctl fetch）"),
    # summary --members: a member's row label, and what its row says when its figures are missing or doubtful
    "summary_member": T(" (member)", "（下级台账）"),
    "summary_member_note": T(" (member, {note})", "（下级台账，{note}）"),
    "summary_not_fetched": T("never fetched: run reformctl fetch", "从未获取，运行 reformctl fetch"),
    "summary_unreadable": T("cannot be read: {why}", "无法读取：{why}"),
    "summary_errors": T(
        "{n} check error(s) at commit {commit}: see check --members", "提交 {commit} 处有{n}个错误，见 check --members"
    ),
}


def levels_text(key: str, lang: str, **params: object) -> str:
    """A message of the levels commands in ``lang``."""
    return LEVELS[key](lang).format(**params)
