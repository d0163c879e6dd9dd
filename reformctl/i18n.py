"""User-facing labels in Simplified Chinese and English: traffic lights, record kinds, rule codes, table headers
and the messages of `status` findings. Data (ids, titles, unit ids) is never translated.

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
}

HEADERS: dict[str, tuple[str, str]] = {
    "light": ("灯", "light"),
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
    "update_overdue": ("自{last}起未更新进展（每{months}个月更新一次，R11），{when}",
                       "no progress update since {last} (every {months} months, R11), {when}"),
    "carry_over_overdue": ("挂账事项未按新时限完成（原时限{old_due}），{when}",
                           "carried over, not done by the new deadline (was {old_due}), {when}"),
    "pilot_overdue": ("试点期限届满仍未结束（{start}至{end}），{when}",
                      "term {start} to {end} ended, pilot still {status}, {when}"),
    "pilot_not_filed": ("试点{start}启动，未在{n}日内向领导小组备案（R5），{when}",
                        "started {start}, not filed with the leading group within {n} days (R5), {when}"),
    "problem_overdue": ("问题{no}未整改：{description}，{when}{computed}",
                        "problem {no} not rectified: {description}, {when}{computed}"),
    "review_overdue": ("问题{no}跟踪复查未开展（R14），{when}", "follow-up review of problem {no} not done (R14), {when}"),
    "reminder_overdue": ("未报告对接落实情况（R10）：{plan}，{when}{computed}",
                         "has not reported how it docks {plan} (R10), {when}{computed}"),
    "report_missing": ("{period}季报未报送（R15），{when}", "quarterly report for {period} not filed (R15), {when}"),
    "evaluation_due": ("方案{issued}印发已满半年，{year}年尚未评估（R8），{when}",
                       "issued {issued}, not yet evaluated in {year} (R8), {when}"),
    "meeting_missing": ("{period}未召开专项小组会议（R1），{when}", "no group meeting in {period} (R1), {when}"),
    "self_assessment_missing": ("{period}未对方案开展自评（R2），{when}",
                                "plan not self-assessed in {period} (R2), {when}"),
    "training_missing": ("{year}年集中培训{count}次，应不少于{need}次（R3），{when}",
                         "{count} of {need} concentrated trainings in {year} (R3), {when}"),
    "onsite_meeting_missing": ("{year}年现场推进会或经验交流会{count}次，应不少于{need}次（R6），{when}",
                               "{count} of {need} on-site or exchange meetings in {year} (R6), {when}"),
    "press_conference_missing": ("{year}年改革新闻发布会{count}次，应不少于{need}次（R7），{when}",
                                 "{count} of {need} press conferences in {year} (R7), {when}"),
    "inspection_missing": ("{year}年台账专项督察{count}次，应不少于{need}次（R12），{when}",
                           "{count} of {need} ledger inspections in {year} (R12), {when}"),
    "plan_review_overdue": ("计划{due}上会审议，尚未审议通过（第五条），{when}",
                            "scheduled for leading-group review on {due}, not approved (art. 5), {when}"),
    "plan_review_unprepared": ("计划{due}上会审议，尚缺{missing_zh}（第五条），{when}",
                               "scheduled for leading-group review on {due} but still lacks its {missing_en} "
                               "(art. 5), {when}"),
    "demonstration_missing": ("{year}年尚未挂牌一批示范点位（第九条），{when}",
                              "no batch of demonstration points listed in {year} (art. 9), {when}"),
}

NOTES: dict[str, tuple[str, str]] = {
    "calendar_unknown": ("{what}的时限按工作日计算，但工作日历只有{lo}至{hi}年的数据，不含{year}年：未计算时限。"
                         "请改填日期或升级 chinesecalendar",
                         "{what}: the deadline counts working days, but the official calendar knows {lo}-{hi} only, "
                         "not {year}: no deadline computed. Give a date or upgrade chinesecalendar"),
}

_COMPUTED = ("（{n}个工作日，自{start}起算）", " ({n} working days after {start})")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def label(group: str, code: str, lang: str) -> str:
    """A label: group is "light", "kind", "rule" or "header"; unknown codes are returned unchanged."""
    table = {"light": LIGHTS, "kind": KINDS, "rule": RULES, "header": HEADERS}[group]
    pair = table.get(code)
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
