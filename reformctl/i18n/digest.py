"""The user-facing texts of `reformctl notify` (the digest posted to a group chat and the command's messages) and of
the hint `status` gives when the ledger's records end long before the date computed for, in Simplified Chinese and
English. No imports from the rest of the package: any layer may use this module.
"""

from __future__ import annotations

from typing import Mapping

TEXTS: dict[str, tuple[str, str]] = {  # key: (zh, en)
    # ---- the digest
    "digest_title": ("改革台账督办提醒", "Reform ledger: what is late"),
    "digest_head": (
        "截至{as_of}：红灯{red}项，黄灯{yellow}项，涉及{units}个单位",
        "As of {as_of}: {red} red, {yellow} yellow, {units} unit(s)",
    ),
    "digest_clear": ("截至{as_of}：没有逾期或即将到期的事项", "As of {as_of}: nothing overdue or due soon"),
    "digest_unit": ("{unit}：红灯{red}项，黄灯{yellow}项", "{unit}: {red} red, {yellow} yellow"),
    "digest_more_items": ("……另有{n}项", "... and {n} more"),
    "digest_more_units": (
        "……另有{n}个单位（共{red}项红灯、{yellow}项黄灯未列出）",
        "... and {n} more unit(s) ({red} red, {yellow} yellow not shown)",
    ),
    "digest_footer": ("详情：reformctl status --as-of {as_of}", "Details: reformctl status --as-of {as_of}"),
    "late_days": ("逾期{n}天", "{n} day(s) late"),
    "due_in": ("{n}天后到期", "due in {n} day(s)"),
    "due_today": ("今日到期", "due today"),
    # ---- the command
    "no_url": (
        "没有 webhook 地址：请用 --url 指定或设置环境变量 REFORMCTL_WEBHOOK_URL",
        "no webhook URL: pass --url or set REFORMCTL_WEBHOOK_URL",
    ),
    "bad_url": ("webhook 地址无效（{why}）", "the webhook URL is not usable ({why})"),
    "bad_scheme": (
        "webhook 地址须以 http:// 或 https:// 开头，而不是 {scheme}",
        "the webhook URL must start with http:// or https://, not {scheme}",
    ),
    "no_host": ("缺少主机名", "no host name"),
    "bad_port": ("端口无效", "bad port"),
    "bad_chars": ("含空白或控制字符", "it holds spaces or control characters"),
    "secret_not_dingtalk": (
        "--secret（加签）只用于钉钉机器人；企业微信机器人和通用 webhook 没有加签",
        "--secret (signing) is for DingTalk robots only; WeCom robots and generic webhooks have no signing",
    ),
    "timeout": (
        "发送失败：{where} 在{seconds}秒内没有响应；消息未送达",
        "not sent: {where} did not answer within {seconds} s; the digest was not delivered",
    ),
    "unreachable": (
        "发送失败：无法连接 {where}（{why}）；消息未送达",
        "not sent: cannot reach {where} ({why}); the digest was not delivered",
    ),
    "http_error": (
        "发送失败：{where} 返回 HTTP {code} {reason}{body}；消息未送达",
        "not sent: {where} answered HTTP {code} {reason}{body}; the digest was not delivered",
    ),
    "redirect": (
        "发送失败：{where} 返回重定向 HTTP {code}（不跟随：会丢失消息内容）；请使用最终地址",
        "not sent: {where} answered a redirect, HTTP {code} (not followed: it would drop the digest); "
        "use the final URL",
    ),
    "robot_error": (
        "发送失败：{where} 拒绝了消息（errcode {errcode}：{errmsg}）；消息未送达",
        "not sent: {where} refused the digest (errcode {errcode}: {errmsg}); the digest was not delivered",
    ),
    "robot_garbled": (
        "发送结果不明：{where} 的答复不是机器人的 JSON（{body}）；按未送达处理",
        "not confirmed: {where} did not answer with the robot's JSON ({body}); treated as not delivered",
    ),
    "sent": ("已发送到 {where}（{target}，{size}字节{cut}）", "sent to {where} ({target}, {size} bytes{cut})"),
    "sent_cut": ("，超长已截断", ", shortened to fit"),
    "dry_run": (
        "试运行：未发送（将发送到 {where}，{target}，{size}字节{cut}）",
        "dry run: nothing sent (would post to {where}, {target}, {size} bytes{cut})",
    ),
    "nowhere": ("（未给出地址）", "(no URL given)"),
    # ---- status: what dominates when the ledger's records end long before the as-of date
    "stale_hint": (
        "{total}项红灯中有{n}项是{since}年以来没有任何记录的{what}；台账记录止于{last}。"
        "如需查看当时的状态，请加 --as-of {last}",
        "{n} of the {total} red findings are {what} never filed since {since}; the ledger's records "
        "end on {last}. To see the status as of then, add --as-of {last}",
    ),
    "stale_hint_plain": (
        "{total}项红灯：台账记录止于{last}，距今已{years}年多。如需查看当时的状态，请加 --as-of {last}",
        "{total} red findings: the ledger's records end on {last}, over {years} year(s) ago. "
        "To see the status as of then, add --as-of {last}",
    ),
    "and": ("和", " and "),
    "obligation_report_missing": ("季报", "quarterly reports"),
    "obligation_meeting_missing": ("专项小组会议", "group meetings"),
    "obligation_self_assessment_missing": ("方案自评", "self-assessments"),
    "obligation_training_missing": ("集中培训", "trainings"),
    "obligation_onsite_meeting_missing": ("现场推进会", "on-site meetings"),
    "obligation_press_conference_missing": ("新闻发布会", "press conferences"),
    "obligation_inspection_missing": ("专项督察", "inspections"),
    "obligation_update_overdue": ("进展更新", "progress updates"),
    "obligation_demonstration_missing": ("示范点位挂牌", "demonstration point listings"),
}


def text(key: str, lang: str, **params: object) -> str:
    """The text ``key`` in ``lang`` ("zh" or anything else: English), with ``params`` filled in."""
    pair = TEXTS[key]
    return (pair[0] if lang == "zh" else pair[1]).format_map(_Default(params))


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def pairs() -> Mapping[str, tuple[str, str]]:
    return TEXTS
