"""The user-facing texts of `reformctl notify` (the digest posted to a group chat and the command's messages) and of
the hint `status` gives when the ledger's records end long before the date computed for, in Simplified Chinese and
English. No imports from the rest of the package: any layer may use this module.
"""

from __future__ import annotations

from .text import T


TEXTS: dict[str, T] = {
    # ---- the digest
    "digest_title": T("Reform ledger: what is late", "改革台账督办提醒"),
    "digest_head": T(
        "As of {as_of}: {red} red, {yellow} yellow, {units} unit(s)",
        "截至{as_of}：红灯{red}项，黄灯{yellow}项，涉及{units}个单位",
    ),
    "digest_clear": T("As of {as_of}: nothing overdue or due soon", "截至{as_of}：没有逾期或即将到期的事项"),
    "digest_unit": T("{unit}: {red} red, {yellow} yellow", "{unit}：红灯{red}项，黄灯{yellow}项"),
    "digest_more_items": T("... and {n} more", "……另有{n}项"),
    "digest_more_units": T(
        "... and {n} more unit(s) ({red} red, {yellow} yellow not shown)",
        "……另有{n}个单位（共{red}项红灯、{yellow}项黄灯未列出）",
    ),
    "digest_footer": T("Details: reformctl status --as-of {as_of}", "详情：reformctl status --as-of {as_of}"),
    "late_days": T("{n} day(s) late", "逾期{n}天"),
    "due_in": T("due in {n} day(s)", "{n}天后到期"),
    "due_today": T("due today", "今日到期"),
    # ---- the command
    "no_url": T(
        "no webhook URL: pass --url or set REFORMCTL_WEBHOOK_URL",
        "没有 webhook 地址：请用 --url 指定或设置环境变量 REFORMCTL_WEBHOOK_URL",
    ),
    "bad_url": T("the webhook URL is not usable ({why})", "webhook 地址无效（{why}）"),
    "bad_scheme": T(
        "the webhook URL must start with http:// or https://, not {scheme}",
        "webhook 地址须以 http:// 或 https:// 开头，而不是 {scheme}",
    ),
    "no_host": T("no host name", "缺少主机名"),
    "bad_port": T("bad port", "端口无效"),
    "bad_chars": T("it holds spaces or control characters", "含空白或控制字符"),
    "secret_not_dingtalk": T(
        "--secret (signing) is for DingTalk robots only; WeCom robots and generic webhooks have no signing",
        "--secret（加签）只用于钉钉机器人；企业微信机器人和通用 webhook 没有加签",
    ),
    "timeout": T(
        "not sent: {where} did not answer within {seconds} s; the digest was not delivered",
        "发送失败：{where} 在{seconds}秒内没有响应；消息未送达",
    ),
    "unreachable": T(
        "not sent: cannot reach {where} ({why}); the digest was not delivered",
        "发送失败：无法连接 {where}（{why}）；消息未送达",
    ),
    "http_error": T(
        "not sent: {where} answered HTTP {code} {reason}{body}; the digest was not delivered",
        "发送失败：{where} 返回 HTTP {code} {reason}{body}；消息未送达",
    ),
    "redirect": T(
        "not sent: {where} answered a redirect, HTTP {code} (not followed: it would drop the digest); "
        "use the final URL",
        "发送失败：{where} 返回重定向 HTTP {code}（不跟随：会丢失消息内容）；请使用最终地址",
    ),
    "robot_error": T(
        "not sent: {where} refused the digest (errcode {errcode}: {errmsg}); the digest was not delivered",
        "发送失败：{where} 拒绝了消息（errcode {errcode}：{errmsg}）；消息未送达",
    ),
    "robot_garbled": T(
        "not confirmed: {where} did not answer with the robot's JSON ({body}); treated as not delivered",
        "发送结果不明：{where} 的答复不是机器人的 JSON（{body}）；按未送达处理",
    ),
    "sent": T("sent to {where} ({target}, {size} bytes{cut})", "已发送到 {where}（{target}，{size}字节{cut}）"),
    "sent_cut": T(", shortened to fit", "，超长已截断"),
    "dry_run": T(
        "dry run: nothing sent (would post to {where}, {target}, {size} bytes{cut})",
        "试运行：未发送（将发送到 {where}，{target}，{size}字节{cut}）",
    ),
    "nowhere": T("(no URL given)", "（未给出地址）"),
    # ---- status: what dominates when the ledger's records end long before the as-of date
    "stale_hint": T(
        "{n} of the {total} red findings are {what} never filed since {since}; the ledger's records "
        "end on {last}. To see the status as of then, add --as-of {last}",
        "{total}项红灯中有{n}项是{since}年以来没有任何记录的{what}；台账记录止于{last}。"
        "如需查看当时的状态，请加 --as-of {last}",
    ),
    "stale_hint_plain": T(
        "{total} red findings: the ledger's records end on {last}, over {years} year(s) ago. "
        "To see the status as of then, add --as-of {last}",
        "{total}项红灯：台账记录止于{last}，距今已{years}年多。如需查看当时的状态，请加 --as-of {last}",
    ),
    "and": T(" and ", "和"),
    "obligation_report_missing": T("quarterly reports", "季报"),
    "obligation_meeting_missing": T("group meetings", "专项小组会议"),
    "obligation_self_assessment_missing": T("self-assessments", "方案自评"),
    "obligation_training_missing": T("trainings", "集中培训"),
    "obligation_onsite_meeting_missing": T("on-site meetings", "现场推进会"),
    "obligation_press_conference_missing": T("press conferences", "新闻发布会"),
    "obligation_inspection_missing": T("inspections", "专项督察"),
    "obligation_update_overdue": T("progress updates", "进展更新"),
    "obligation_demonstration_missing": T("demonstration point listings", "示范点位挂牌"),
}


def text(key: str, lang: str, **params: object) -> str:
    """The text ``key`` in ``lang`` ("zh" or anything else: English), with ``params`` filled in."""
    return TEXTS[key](lang).format_map(_Default(params))


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
