"""User-facing labels in Simplified Chinese and English: traffic lights, record kinds, rule codes, table headers,
the messages of `status` findings and the labels of the programme views (schedule, cases, assess, accountability).
Data (ids, titles, unit ids) is never translated.

Use :func:`label` for a label (``label("light", "red", "zh") == "红灯"``) and :func:`message` for a finding's
message. Every rule code of the deadline engine has an entry in ``RULES`` and ``MESSAGES``; a test checks it.
No imports from the rest of the package: any layer may use this module.
"""

from __future__ import annotations

from typing import Mapping

LANGS = ("zh", "en")

LIGHTS: dict[str, tuple[str, str]] = {  # code: (zh, en)
    "red": ("红灯", "red"),
    "yellow": ("黄灯", "yellow"),
    "green": ("绿灯", "green"),
}

KINDS: dict[str, tuple[str, str]] = {
    "task": ("任务", "task"),
    "pilot": ("试点", "pilot"),
    "notice": ("整改通知", "notice"),
    "plan": ("方案", "plan"),
    "reminder": ("督办提示", "reminder"),
    "report": ("季报", "report"),
    "event": ("活动", "event"),
    "unit": ("单位", "unit"),
    "case": ("案例", "case"),
    "accountability": ("追责", "accountability"),
    "assessment": ("考核", "assessment"),
    "closeout": ("销账", "close-out"),
    "commissioner": ("督察专员", "commissioner"),
    "year": ("年度", "year"),
}

RULES: dict[str, tuple[str, str]] = {  # rule code: short label (zh, en)
    "task_overdue": ("任务逾期", "task overdue"),
    "milestone_overdue": ("节点逾期", "milestone overdue"),
    "update_overdue": ("台账未更新", "update overdue"),
    "carry_over_overdue": ("挂账逾期", "carry-over overdue"),
    "pilot_overdue": ("试点期满未结", "pilot term ended"),
    "pilot_not_filed": ("试点未备案", "pilot not filed"),
    "problem_overdue": ("整改逾期", "problem overdue"),
    "review_overdue": ("复查逾期", "review overdue"),
    "reminder_overdue": ("督办未报告", "reminder overdue"),
    "report_missing": ("季报未报", "report missing"),
    "evaluation_due": ("方案待评估", "evaluation due"),
    "meeting_missing": ("未开会议", "meeting missing"),
    "self_assessment_missing": ("未自评", "self-assessment missing"),
    "training_missing": ("培训不足", "training missing"),
    "onsite_meeting_missing": ("现场会不足", "on-site meeting missing"),
    "press_conference_missing": ("发布会不足", "press conference missing"),
    "inspection_missing": ("督察不足", "inspection missing"),
    "plan_review_overdue": ("方案未按期上会", "plan review overdue"),
    "plan_review_unprepared": ("上会前准备不全", "plan not ready for review"),
    "demonstration_missing": ("未挂牌示范点位", "demonstration points missing"),
    "docking_missing": ("下级未对接方案", "docking missing"),
    "member_stale": ("下级台账未更新", "member stale"),
    "member_invalid": ("下级台账有错误", "member invalid"),
    "work_points_missing": ("缺年度工作要点和台账", "no work points for the year"),
    "major_list_missing": ("缺年度重大改革任务清单", "no major-task list for the year"),
    "promotion_list_missing": ("缺年度经验推广清单", "no promotion list for the year"),
    "case_book_missing": ("缺年度典型案例汇编", "no case book for the year"),
    "closeout_missing": ("未进行年末盘点销账", "year not closed out"),
}

HEADERS: dict[str, tuple[str, str]] = {
    "light": ("灯", "light"),
    "member": ("下级", "member"),
    "id": ("编号", "id"),
    "kind": ("类型", "kind"),
    "rule": ("规则", "rule"),
    "title": ("事项", "title"),
    "unit": ("责任单位", "unit"),
    "due": ("时限", "due"),
    "days": ("天数", "days"),
    "message": ("说明", "message"),
    "period": ("期间", "period"),
    "week": ("周", "week"),
    "status_title": ("改革台账督办状态", "Ledger status"),
    "agenda_title": ("近期到期事项", "Coming due"),
    "nothing": ("没有逾期或即将到期的事项", "nothing overdue or due soon"),
    "nothing_agenda": ("此期间没有到期事项", "nothing falls due in this period"),
    "as_of": ("截至", "as of"),
    "total": ("合计", "total"),
    "warning": ("警告", "warning"),
}

# Messages of findings. Parameters come from the rule (see reformctl/rules/deadlines.py and obligations.py);
# `{when}` is added for every finding ("3 days overdue", "due today", "due in 5 days").
MESSAGES: dict[str, tuple[str, str]] = {
    "task_overdue": ("任务未按时限完成，{when}", "not completed by its deadline, {when}"),
    "milestone_overdue": ("进度节点“{name}”未完成，{when}", "milestone “{name}” not done, {when}"),
    "update_overdue": (
        "自{last}起未更新进展（每{months}个月更新一次，R11），{when}",
        "no progress update since {last} (every {months} months, R11), {when}",
    ),
    "carry_over_overdue": (
        "挂账事项未按新时限完成（原时限{old_due}），{when}",
        "carried over, not done by the new deadline (was {old_due}), {when}",
    ),
    "pilot_overdue": (
        "试点期限届满仍未结束（{start}至{end}），{when}",
        "term {start} to {end} ended, pilot still {status}, {when}",
    ),
    "pilot_not_filed": (
        "试点{start}启动，未在{n}日内向领导小组备案（R5），{when}",
        "started {start}, not filed with the leading group within {n} days (R5), {when}",
    ),
    "problem_overdue": (
        "问题{no}未整改：{description}，{when}{computed}",
        "problem {no} not rectified: {description}, {when}{computed}",
    ),
    "review_overdue": (
        "问题{no}跟踪复查未开展（R14），{when}",
        "follow-up review of problem {no} not done (R14), {when}",
    ),
    "reminder_overdue": (
        "未报告对接落实情况（R10）：{plan}，{when}{computed}",
        "has not reported how it carries out {plan} (R10), {when}{computed}",
    ),
    "report_missing": ("{period}季报未报送（R15），{when}", "quarterly report for {period} not filed (R15), {when}"),
    "evaluation_due": (
        "方案{issued}印发已满半年，{year}年尚未评估（R8），{when}",
        "issued {issued}, not yet evaluated in {year} (R8), {when}",
    ),
    "meeting_missing": ("{period}未召开专项小组会议（R1），{when}", "no group meeting in {period} (R1), {when}"),
    "self_assessment_missing": (
        "{period}未对方案开展自评（R2），{when}",
        "plan not self-assessed in {period} (R2), {when}",
    ),
    "training_missing": (
        "{year}年集中培训{count}次，应不少于{need}次（R3），{when}",
        "{count} of {need} concentrated trainings in {year} (R3), {when}",
    ),
    "onsite_meeting_missing": (
        "{year}年现场推进会或经验交流会{count}次，应不少于{need}次（R6），{when}",
        "{count} of {need} on-site or exchange meetings in {year} (R6), {when}",
    ),
    "press_conference_missing": (
        "{year}年改革新闻发布会{count}次，应不少于{need}次（R7），{when}",
        "{count} of {need} press conferences in {year} (R7), {when}",
    ),
    "inspection_missing": (
        "{year}年台账专项督察{count}次，应不少于{need}次（R12），{when}",
        "{count} of {need} ledger inspections in {year} (R12), {when}",
    ),
    "plan_review_overdue": (
        "计划{due}上会审议，尚未审议通过（第五条），{when}",
        "scheduled for leading-group review on {due}, not approved (art. 5), {when}",
    ),
    "plan_review_unprepared": (
        "计划{due}上会审议，尚缺{missing_zh}（第五条），{when}",
        "scheduled for leading-group review on {due} but still lacks its {missing_en} (art. 5), {when}",
    ),
    "work_points_missing": (
        "{year}年没有任何列入当年的改革任务：缺年度工作要点和工作台账（第一条；年末后宽限期为本工具的设定），{when}",
        "no task belongs to {year}: the year's work points and ledger are missing (art. 1; the "
        "grace after year end is the tool's choice), {when}",
    ),
    "major_list_missing": (
        "{year}年没有标为重大改革任务的事项：缺年度重大改革任务清单（第六条），{when}",
        "no major task in {year}: the year's list of major reform tasks is missing (art. 6), {when}",
    ),
    "promotion_list_missing": (
        "{year}年改革经验推广清单为空（第九条），{when}",
        "the promotion list of {year} is empty (art. 9), {when}",
    ),
    "case_book_missing": (
        "{year}年典型案例汇编为空（第九条），{when}",
        "the case book of {year} is empty (art. 9), {when}",
    ),
    "closeout_missing": (
        "{year}年末未对改革台账集中盘点、销账（第十三条，reformctl close-out），{when}",
        "{year} has no year-end inventory and write-off (art. 13, reformctl close-out), {when}",
    ),
    "demonstration_missing": (
        "{year}年尚未挂牌一批示范点位（第九条），{when}",
        "no batch of demonstration points listed in {year} (art. 9), {when}",
    ),
    "docking_missing": (
        "{member}尚无对接本方案的方案或任务（{issued}印发，应在{n}日内对接），{when}",
        "{member} has no plan or task docking it (issued {issued}, to be docked within {n} days), {when}",
    ),
    "member_stale": (
        "下级台账{last_zh}，{months}个月内没有新的提交（R11），{when}",
        "member ledger {last_en}, no commit within {months} months (R11), {when}",
    ),
    "member_invalid": (
        "下级台账在提交{commit}处有{errors}个错误（运行 reformctl check --members 查看），{when}",
        "member ledger has {errors} error(s) at commit {commit} (see reformctl check --members), {when}",
    ),
}

# Filings judged against their deadlines (`status --history`, the summary's timeliness, the HTML report);
# reformctl/rules/lateness.py. Keys are the rule a filing answered.
HISTORY: dict[str, tuple[str, str]] = {
    "report_missing": (
        "{ref}季报于{filed}报送，时限为{due}（R15）",
        "quarterly report for {ref} filed {filed}, due {due} (R15)",
    ),
    "pilot_not_filed": ("试点于{filed}备案，时限为{due}（R5）", "pilot filed {filed}, due {due} (R5)"),
    "reminder_overdue": (
        "于{filed}报告对接落实情况，时限为{due}（R10）",
        "reported how it carries out the plan on {filed}, due {due} (R10)",
    ),
    "late": ("逾期{n}天", "{n} days late"),
    "on_time": ("按时", "on time"),
    "history_title": ("逾期办理记录（截至{as_of}）", "Filed late (as of {as_of})"),
    "history_none": ("截至{as_of}没有逾期办理的记录", "nothing was filed late as of {as_of}"),
    "filed": ("办理日期", "Filed"),
    "due": ("时限", "Due"),
    "days_late": ("逾期天数", "Days late"),
    "what": ("事项", "What"),
    "timeliness": ("按时办理情况", "Filed on time and late"),
    "report": ("季报报送(R15)", "quarterly reports (R15)"),
    "pilot": ("试点备案(R5)", "pilot filings (R5)"),
    "reminder": ("督办提示报告(R10)", "reminder answers (R10)"),
    "on_time_col": ("按时", "On time"),
    "late_col": ("逾期", "Late"),
    "days_late_col": ("逾期天数合计", "Days late (sum)"),
    "total": ("合计", "Total"),
}


def history(key: str, lang: str, **params) -> str:
    """A text of :data:`HISTORY` in ``lang``."""
    return _pick(HISTORY[key], lang).format_map(_Default(params))


def filing_message(rule: str, lang: str, *, ref: str, filed: str, due: str, days_late: int) -> str:
    """What a judged filing says: when it was filed, its deadline, and on time or how many days late."""
    head = history(rule, lang, ref=ref, filed=filed, due=due)
    tail = history("late", lang, n=days_late) if days_late > 0 else history("on_time", lang)
    return head + ("，" if lang == "zh" else ", ") + tail


# Refusals shared by every command that reads a ledger (reformctl/cli/common.py).
ROOT_ERRORS: dict[str, tuple[str, str]] = {
    "root_missing": (
        "台账目录 {root} 不存在（来自{how}）；请用 --ledger PATH 指定或设置 REFORMCTL_LEDGER",
        "ledger folder {root} does not exist (from {how}); pass --ledger PATH or set REFORMCTL_LEDGER",
    ),
    "root_not_folder": ("台账路径 {root} 不是目录（来自{how}）", "ledger path {root} is not a folder (from {how})"),
    "root_no_settings": (
        "{root} 中没有 reformctl.yaml：不是台账（可用 `reformctl init` 新建）",
        "{root} holds no reformctl.yaml: not a ledger (create one with `reformctl init`)",
    ),
    "settings_unreadable": ("无法读取 {path}：{error}", "cannot read {path}: {error}"),
    "settings_not_file": (
        "{path} 是{what_zh}，不是文件：reformctl.yaml 须为 YAML 文件",
        "{path} is a {what}, not a file: reformctl.yaml must be a YAML file",
    ),
    "ledger_has_errors": (
        "台账有{n}处错误{more}；请先运行 `reformctl check` 并改正",
        "the ledger has {n} error(s){more}; run `reformctl check` and fix them first",
    ),
    "and_more": ("（另有{n}处）", " (and {n} more)"),
}
HOW = {  # where the ledger path came from (the `how` of root errors), in Chinese
    "--ledger": "--ledger",
    "$REFORMCTL_LEDGER": "环境变量 REFORMCTL_LEDGER",
    "nearest reformctl.yaml": "最近的 reformctl.yaml",
}


def root_error(code: str, lang: str, **params: object) -> str:
    """A refusal of :data:`ROOT_ERRORS` in ``lang``."""
    pair = ROOT_ERRORS[code]
    if lang == "zh" and "how" in params:
        how = str(params["how"])
        params = {
            **params,
            "how": HOW.get(
                how,
                "默认的 ./ledger-data（当前目录及其上级目录中都没有 reformctl.yaml）" if how.startswith("no ") else how,
            ),
        }
    return _pick(pair, lang).format_map(_Default(params))


NOTES: dict[str, tuple[str, str]] = {
    "calendar_unknown": (
        "{what}的时限按工作日计算，但工作日历只有{lo}至{hi}年的数据，不含{year}年：未计算时限。"
        "请改填日期或升级 chinesecalendar",
        "{what}: the deadline counts working days, but the official calendar knows {lo}-{hi} only, "
        "not {year}: no deadline computed. Give a date or upgrade chinesecalendar",
    ),
}

# Labels of the programme views (`schedule`, `cases`, `assess`, `accountability`; reformctl/views/programme.py):
# table titles and headers, states, kinds, measures and the messages of `assess --write`.
PROGRAMME: dict[str, tuple[str, str]] = {  # key: (zh, en)
    "schedule_title": ("{y}年度上会审议计划", "Plan review schedule {y}"),
    "plan": ("方案编号", "Plan"),
    "title": ("名称", "Title"),
    "special_group": ("专项小组", "Special group"),
    "lead_unit": ("牵头单位", "Lead unit"),
    "review_scheduled": ("计划审议日期", "Scheduled"),
    "approved": ("审议通过", "Approved"),
    "state": ("状态", "State"),
    "days": ("天数", "Days"),
    "preparation": ("审议准备", "Preparation"),
    "stability_assessment": ("稳评", "stability assessment"),
    "legality_review": ("合法性审查", "legality review"),
    "reviewed": ("已审议", "reviewed"),
    "late": ("逾期未审议", "late"),
    "upcoming": ("待审议", "to come"),
    "unscheduled": ("计划外审议", "reviewed (unscheduled)"),
    "ready": ("已完成", "ready"),
    "not_needed": ("不需要", "not needed"),
    "missing": ("缺", "missing"),
    "on_time": ("按期", "on time"),
    "late_by": ("推迟{n}天", "{n} days late"),
    "overdue_by": ("逾期{n}天", "{n} days overdue"),
    "in_days": ("还有{n}天", "in {n} days"),
    "today": ("今天", "today"),
    "schedule_totals": (
        "共{n}项: 已审议{r}项, 逾期{l}项, 待审议{u}项",
        "{n} plan(s): {r} reviewed, {l} late, {u} to come",
    ),
    "promotion_title": ("{y}年改革经验推广清单", "Reform experience promotion list {y}"),
    "book_title": ("{y}年典型案例汇编", "Typical cases {y}"),
    "listing_title": ("{y}年示范点位挂牌动态", "Demonstration points: listing and delisting in {y}"),
    "id": ("编号", "Id"),
    "unit": ("单位", "Unit"),
    "kind": ("类型", "Kind"),
    "date": ("日期", "Date"),
    "listed": ("挂牌日期", "Listed"),
    "delisted": ("摘牌日期", "Delisted"),
    "listing": ("挂牌状态", "Listing"),
    "summary": ("经验摘要", "Summary"),
    "typical_case": ("典型经验", "typical case"),
    "demonstration_point": ("示范点位", "demonstration point"),
    "listed_in_year": ("本年挂牌", "listed this year"),
    "delisted_in_year": ("本年摘牌", "delisted this year"),
    "listed_state": ("持续挂牌", "listed"),
    "delisted_state": ("已摘牌", "delisted"),
    "never": ("未挂牌", "never listed"),
    "future": ("待挂牌", "to be listed"),
    "none_listed": ("(无)", "(none)"),
    "demo_count": ("本年挂牌示范点位: {n}个", "Demonstration points listed this year: {n}"),
    "demo_missing": (
        "本年尚未挂牌示范点位(每年至少一批)",
        "No demonstration point listed this year (at least one batch a year)",
    ),
    "book_intro": (
        "本汇编收录{y}年度改革典型案例{n}个，供各地各部门学习借鉴。",
        "This book collects {n} typical reform case(s) of {y}.",
    ),
    "assess_title": ("{y}年度改革工作目标绩效考核: 建议扣分", "Annual assessment {y}: proposed deductions"),
    "rank_title": ("{y}年度考核排名", "Assessment ranking {y}"),
    "rank": ("名次", "Rank"),
    "score": ("得分", "Score"),
    "deducted": ("扣分合计", "Deducted"),
    "deductions": ("扣分项", "Deductions"),
    "new": ("新增建议扣分", "Proposed"),
    "points": ("扣分", "Points"),
    "reason": ("扣分原因", "Reason"),
    "source": ("依据", "Source"),
    "rule": ("类别", "Kind"),
    "recorded": ("考核表", "In file"),
    "task_unfinished": ("任务未完成", "task unfinished"),
    "problem_refused": ("拒不整改", "refused to rectify"),
    "problem_overdue": ("整改逾期", "rectification overdue"),
    "point_deduction": ("追责扣分", "point deduction"),
    "yes_recorded": ("已录入", "recorded"),
    "not_recorded": ("待审核", "to review"),
    "no_proposals": ("台账中没有应扣分事项", "The ledger suggests no deduction"),
    "assess_hint": (
        "以上为根据台账提出的建议扣分，请审核；`--write` 将未录入项写入 {file} (一次提交)。",
        "These deductions are proposed from the ledger for the office to review; `--write` adds the "
        "ones not yet recorded to {file} (one commit).",
    ),
    "assess_written": (
        "已写入 {file}: 新增{n}项扣分 (提交 {sha})",
        "Wrote {file}: {n} deduction(s) added (commit {sha})",
    ),
    "assess_nothing": (
        "{file} 已包含全部建议扣分，无需写入",
        "{file} already holds every proposed deduction; nothing written",
    ),
    "register_title": ("{y}年度责任追究登记台账", "Accountability register {y}"),
    "register_title_all": ("责任追究登记台账", "Accountability register"),
    "exempt_title": ("容错免责(第十八条)", "Fault-tolerance exemptions (art. 18)"),
    "target": ("追责对象", "Unit"),
    "person": ("责任人", "Person"),
    "ground": ("追责事由", "Ground"),
    "measure": ("追责方式", "Measure"),
    "decided": ("决定日期", "Decided"),
    "implemented_by": ("实施单位", "Carried out by"),
    "exemption": ("免责理由", "Exemption"),
    "oral_warning": ("口头告诫", "oral warning"),
    "interview": ("约见约谈", "interview"),
    "circulated_criticism": ("通报批评", "circulated criticism"),
    "organizational_handling": ("组织处理", "organisational handling"),
    "register_empty": ("本年度无追责记录", "No accountability measure this year"),
    "count": ("{n}项", "{n}"),
}

GROUNDS: dict[str, tuple[str, str]] = {  # R16's accountability grounds, as ledgers spell them; other text shown as is
    "task_not_done": ("改革任务未按要求完成", "reform task not done as required"),
    "assessment_low": ("年度考核失分较多", "heavy point loss in the annual assessment"),
    "refused_rectification": ("督察发现问题拒不整改", "refused to rectify problems found in supervision"),
    "criticism": ("受上级批评或造成严重负面影响", "criticism from above or serious negative impact"),
}


def table(pairs: Mapping[str, tuple[str, str]], lang: str) -> dict[str, str]:
    """One language of a (zh, en) table, as a plain dict: ``table(PROGRAMME, "zh")["plan"] == "方案编号"``."""
    i = 0 if lang == "zh" else 1
    return {k: v[i] for k, v in pairs.items()}


_COMPUTED = ("（{n}个工作日，自{start}起算）", " ({n} working days after {start})")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


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
    pair = groups[group].get(code)
    return _pick(pair, lang) if pair else code


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
    return _pick(_COMPUTED, lang).format(n=n, start=start)


def message(rule: str, args: Mapping[str, object], days: int, lang: str) -> str:
    """The message of a finding of ``rule`` in ``lang``."""
    pair = MESSAGES.get(rule)
    a = dict(args)
    a["when"] = when(days, lang)
    a["computed"] = computed(a.pop("working_days", None), a.pop("counted_from", None), lang)  # type: ignore[arg-type]
    if pair is None:
        return ", ".join(f"{k}={v}" for k, v in a.items())
    return _pick(pair, lang).format_map(_Default(a))


def note(code: str, args: Mapping[str, object], lang: str) -> str:
    pair = NOTES.get(code)
    if pair is None:
        return ", ".join(f"{k}={v}" for k, v in args.items())
    return _pick(pair, lang).format_map(_Default(args))


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Messages of the levels commands (fetch, bundle, --members): key -> (zh, en).
LEVELS: dict[str, tuple[str, str]] = {
    "no_members": (
        "reformctl.yaml 中没有 members（下级台账），无可获取",
        "no members in reformctl.yaml: nothing to fetch",
    ),
    "not_member": (
        "{names}：不是 reformctl.yaml 中 members 的单位（下级：{known}）",
        "{names}: not a unit of `members:` in reformctl.yaml (members: {known})",
    ),
    "fetch_failed": ("获取下级台账 {unit} 失败：{why}", "cannot fetch member {unit}: {why}"),
    "fetch_failed_n": ("{n}个下级台账获取失败", "{n} member(s) could not be fetched"),
    "bundle_needs_member": (
        "--bundle 须与 --member UNIT（一个下级单位）同用",
        "--bundle needs --member UNIT (one member unit)",
    ),
    "member_needs_bundle": (
        "--member 只与 --bundle 同用；获取指定下级请直接列出单位：reformctl fetch UNIT",
        "--member goes with --bundle; to fetch some members name them: reformctl fetch UNIT",
    ),
    "settings_broken": (
        "reformctl.yaml 有错误，无法读取 members：{why}",
        "reformctl.yaml has errors, its members cannot be read: {why}",
    ),
    "bundle_written": ("已写出 {out}：分支 {branch}，提交 {commit}", "wrote {out}: branch {branch} at commit {commit}"),
    "bundle_failed": ("无法写出 git bundle：{why}", "cannot write the git bundle: {why}"),
    "members_needed": ("--member 须与 --members 同用", "--member goes with --members"),
    "never_fetched": ("从未获取（运行 reformctl fetch）", "never fetched (run reformctl fetch)"),
    # summary --members: a member's row label, and what its row says when its figures are missing or doubtful
    "summary_member": ("（下级台账）", " (member)"),
    "summary_member_note": ("（下级台账，{note}）", " (member, {note})"),
    "summary_not_fetched": ("从未获取，运行 reformctl fetch", "never fetched: run reformctl fetch"),
    "summary_unreadable": ("无法读取：{why}", "cannot be read: {why}"),
    "summary_errors": (
        "提交 {commit} 处有{n}个错误，见 check --members",
        "{n} check error(s) at commit {commit}: see check --members",
    ),
}


def levels_text(key: str, lang: str, **params: object) -> str:
    """A message of the levels commands in ``lang``."""
    return _pick(LEVELS[key], lang).format(**params)
