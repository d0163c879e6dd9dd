"""`reformctl notify`: the digest of `status` posted to a DingTalk or WeCom group robot or a JSON webhook, against a
real HTTP server on 127.0.0.1 that checks what it receives (the payload, DingTalk's signature)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.parse

import pytest

from hookserver import Hook

AS_OF = "2016-12-31"
SECRET = "SECtest0123456789abcdef"
TOKEN = "tok3n-do-not-print"


@pytest.fixture
def hook():
    h = Hook()
    yield h
    h.close()


def _no_leak(r, *secrets):
    for s in secrets:
        assert s not in r.stdout and s not in r.stderr, s


def _status(cli, ledger) -> list[dict]:
    return json.loads(cli("status", "--ledger", ledger, "--as-of", AS_OF, "--format", "json").stdout)


def test_dingtalk_signed_markdown(cli, sample_copy, hook):
    before = int(time.time() * 1000)
    r = cli(
        "notify",
        "--ledger",
        sample_copy,
        "--as-of",
        AS_OF,
        "--to",
        "dingtalk",
        env={"REFORMCTL_WEBHOOK_URL": hook.url(access_token=TOKEN), "REFORMCTL_WEBHOOK_SECRET": SECRET},
    )
    assert r.exit_code == 0, r
    assert len(hook.requests) == 1
    req = hook.requests[0]
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(req["path"]).query)
    assert q["access_token"] == [TOKEN]
    ts = q["timestamp"][0]
    assert before <= int(ts) <= int(time.time() * 1000)
    want = base64.b64encode(hmac.new(SECRET.encode(), f"{ts}\n{SECRET}".encode(), hashlib.sha256).digest()).decode()
    assert q["sign"] == [want]  # parse_qs undid the URL-encoding of the base64 (+, /, =)
    assert "sign=" + urllib.parse.quote_plus(want) in req["path"]
    assert req["type"].startswith("application/json")
    payload = json.loads(req["body"].decode("utf-8"))
    assert payload["msgtype"] == "markdown" and payload["markdown"]["title"] == "改革台账督办提醒"
    md = payload["markdown"]["text"]
    rows = _status(cli, sample_copy)
    red, yellow = sum(x["light"] == "red" for x in rows), sum(x["light"] == "yellow" for x in rows)
    assert f"红灯{red}项，黄灯{yellow}项" in md
    assert "**市财政局：红灯5项，黄灯2项**" in md  # the unit with the most red first
    assert md.index("市财政局") < md.index("市金融办")
    assert "T-2016-013" in md and "逾期61天" in md
    assert "已发送" in r.stderr and "http://127.0.0.1" in r.stderr
    _no_leak(r, SECRET, TOKEN, "robot/send")


def test_no_signature_without_secret_and_english(cli, sample_copy, hook):
    r = cli(
        "notify",
        "--ledger",
        sample_copy,
        "--as-of",
        AS_OF,
        "--to",
        "dingtalk",
        "--lang",
        "en",
        "--url",
        hook.url(access_token=TOKEN),
    )
    assert r.exit_code == 0, r
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(hook.requests[0]["path"]).query)
    assert set(q) == {"access_token"}
    md = json.loads(hook.requests[0]["body"])["markdown"]["text"]
    assert "**市财政局: 5 red, 2 yellow**" in md and "61 day(s) late" in md
    assert r.stderr.startswith("sent to http://127.0.0.1:")


def test_wecom_fits_4096_bytes_and_says_what_was_left_out(cli, sample_copy, hook):
    r = cli(
        "notify",
        "--ledger",
        sample_copy,
        "--as-of",
        AS_OF,
        "--to",
        "wecom",
        env={"REFORMCTL_WEBHOOK_URL": hook.url("/cgi-bin/webhook/send", key=TOKEN)},
    )
    assert r.exit_code == 0, r
    payload = json.loads(hook.requests[0]["body"])
    assert payload["msgtype"] == "markdown" and set(payload["markdown"]) == {"content"}
    md = payload["markdown"]["content"]
    assert len(md.encode("utf-8")) <= 4096
    shown = md.count("**") // 2
    units = {x["unit"] for x in _status(cli, sample_copy)}
    assert shown < len(units)
    assert f"……另有{len(units) - shown}个单位" in md
    assert md.rstrip().endswith(f"reformctl status --as-of {AS_OF}")
    assert "超长已截断" in r.stderr
    assert "sign=" not in hook.requests[0]["path"]
    _no_leak(r, TOKEN)


def test_generic_json_webhook_gets_the_digest(cli, sample_copy, hook):
    hook.reply = b"accepted"
    r = cli("notify", "--ledger", sample_copy, "--as-of", AS_OF, "--url", hook.url("/hooks/abc123"), "--top", "1")
    assert r.exit_code == 0, r  # auto: not a robot's host, so JSON; any 2xx confirms
    doc = json.loads(hook.requests[0]["body"])
    rows = _status(cli, sample_copy)
    assert doc["as_of"] == AS_OF and doc["lang"] == "zh"
    assert doc["red"] == sum(x["light"] == "red" for x in rows)
    assert doc["yellow"] == sum(x["light"] == "yellow" for x in rows)
    assert sum(u["red"] + u["yellow"] for u in doc["units"]) == len(rows)
    first = doc["units"][0]
    assert first["unit"] == "市财政局" and len(first["worst"]) == 1 and first["more"] == 6
    assert {"id", "kind", "rule", "due", "days", "light", "unit", "message"} <= set(first["worst"][0])
    assert "市财政局" in doc["text"]


def test_robot_errcode_is_a_failure(cli, sample_copy, hook):
    hook.reply = {"errcode": 310000, "errmsg": f"sign not match, more: {TOKEN}"}
    r = cli(
        "notify",
        "--ledger",
        sample_copy,
        "--as-of",
        AS_OF,
        "--to",
        "dingtalk",
        "--lang",
        "en",
        "--url",
        hook.url(access_token=TOKEN),
        "--secret",
        SECRET,
    )
    assert r.exit_code == 1, r
    assert "errcode 310000" in r.stderr and "sign not match" in r.stderr and "not delivered" in r.stderr
    assert "sent to" not in r.stderr
    _no_leak(r, SECRET, TOKEN)


def test_robot_answer_without_errcode_is_not_taken_for_delivery(cli, sample_copy, hook):
    hook.reply = b"<html>login</html>"
    r = cli("notify", "--ledger", sample_copy, "--as-of", AS_OF, "--to", "wecom", "--url", hook.url(key=TOKEN))
    assert r.exit_code == 1 and "按未送达处理" in r.stderr and "已发送" not in r.stderr


@pytest.mark.parametrize("status", [500, 404, 403])
def test_http_error_is_a_failure(cli, sample_copy, hook, status):
    hook.status, hook.reply = status, {"error": "nope"}
    r = cli("notify", "--ledger", sample_copy, "--as-of", AS_OF, "--lang", "en", "--url", hook.url("/x"))
    assert r.exit_code == 1, r
    assert f"HTTP {status}" in r.stderr and "not delivered" in r.stderr


def test_a_redirect_is_not_followed(cli, sample_copy, hook):
    hook.status, hook.headers = 302, {"Location": "/elsewhere"}
    r = cli("notify", "--ledger", sample_copy, "--as-of", AS_OF, "--lang", "en", "--url", hook.url("/x"))
    assert r.exit_code == 1 and "redirect" in r.stderr
    assert len(hook.requests) == 1  # urllib would have retried as a GET without the digest


def test_timeout(cli, sample_copy, hook):
    hook.delay = 3
    t0 = time.monotonic()
    r = cli(
        "notify",
        "--ledger",
        sample_copy,
        "--as-of",
        AS_OF,
        "--lang",
        "en",
        "--timeout",
        "0.5",
        "--to",
        "dingtalk",
        "--url",
        hook.url(access_token=TOKEN),
    )
    assert r.exit_code == 1, r
    assert "did not answer within 0.5 s" in r.stderr and "not delivered" in r.stderr
    assert time.monotonic() - t0 < 2.5
    _no_leak(r, TOKEN)


def test_nobody_listening(cli, sample_copy, hook):
    url = hook.url()
    hook.close()
    r = cli("notify", "--ledger", sample_copy, "--as-of", AS_OF, "--lang", "en", "--url", url)
    assert r.exit_code == 1 and "cannot reach http://127.0.0.1" in r.stderr


@pytest.mark.parametrize(
    "url, words",
    [
        ("ftp://example.org/hook", "must start with http:// or https://"),
        ("file:///etc/passwd", "must start with http:// or https://"),
        ("oapi.dingtalk.com/robot/send?access_token=x", "must start with http:// or https://"),
        ("http:///robot/send", "no host name"),
        ("http://example.org:99999/x", "bad port"),
        ("http://exa mple.org/x", "spaces or control characters"),
        ("http://example.org/x\nHost: evil", "spaces or control characters"),
    ],
)
def test_bad_url(cli, sample_copy, url, words):
    r = cli("notify", "--ledger", sample_copy, "--as-of", AS_OF, "--lang", "en", "--url", url)
    assert r.exit_code == 1, r
    assert words in r.stderr and "Traceback" not in r.stderr


def test_missing_url_is_bad_usage_and_an_empty_variable_counts_as_missing(cli, sample_copy):
    r = cli("notify", "--ledger", sample_copy, env={"REFORMCTL_WEBHOOK_URL": ""})
    assert r.exit_code == 2 and "REFORMCTL_WEBHOOK_URL" in r.stderr


def test_secret_is_for_dingtalk_only(cli, sample_copy, hook):
    r = cli("notify", "--ledger", sample_copy, "--to", "wecom", "--url", hook.url(key=TOKEN), "--secret", SECRET)
    assert r.exit_code == 2 and "钉钉" in r.stderr and not hook.requests
    _no_leak(r, SECRET, TOKEN)


def test_dry_run_prints_and_posts_nothing(cli, sample_copy, hook):
    r = cli(
        "notify",
        "--ledger",
        sample_copy,
        "--as-of",
        AS_OF,
        "--dry-run",
        "--to",
        "dingtalk",
        "--url",
        hook.url(access_token=TOKEN),
        "--secret",
        SECRET,
    )
    assert r.exit_code == 0, r
    assert not hook.requests
    assert r.stdout.startswith("#### 改革台账督办提醒") and "市财政局" in r.stdout
    assert "试运行" in r.stderr
    _no_leak(r, SECRET, TOKEN)
    r = cli("notify", "--ledger", sample_copy, "--as-of", AS_OF, "--dry-run", "--to", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["as_of"] == AS_OF


def test_nothing_late_still_says_so(cli, make_ledger, hook):
    root = make_ledger()
    r = cli("notify", "--ledger", root, "--as-of", "2016-07-02", "--to", "wecom", "--url", hook.url(key=TOKEN))
    assert r.exit_code == 0, r
    assert "没有逾期或即将到期的事项" in json.loads(hook.requests[0]["body"])["markdown"]["content"]


def test_ledger_with_errors_is_not_digested(cli, make_ledger, hook):
    root = make_ledger({"tasks/T-1.yaml": "id: T-1\ntitle: [broken\n"})
    r = cli("notify", "--ledger", root, "--url", hook.url())
    assert r.exit_code == 1 and not hook.requests


def test_markdown_limit_and_hostile_text():
    import datetime as dt

    from reformctl.rules.findings import Finding
    from reformctl.views import digest

    day = dt.date(2020, 1, 1)
    fs = [
        Finding(
            f"T-{i}",
            "task",
            "task_overdue",
            day,
            i + 1,
            "red",
            f"单位{i:03d}",
            "late",
            title="标题*[x](http://e)\n# 注入" + "很长" * 100,
        )
        for i in range(300)
    ]
    d = digest.build(fs, day, "zh")
    for limit in (4096, 20000, 600):
        md, cut = digest.markdown(d, limit)
        assert len(md.encode("utf-8")) <= limit and cut
        shown = md.count("**") // 2
        assert f"……另有{300 - shown}个单位" in md
    md, cut = digest.markdown(d)
    assert not cut and md.count("**") // 2 == 300
    assert "\n# 注入" not in md and "\\[x\\]" in md and "…" in md


@pytest.mark.parametrize("lang, more", [("zh", "……另有{n}项"), ("en", "... and {n} more")])
def test_the_overflow_line_of_a_unit_is_an_item_of_its_list_as_robots_render_it(cli, sample_copy, hook, lang, more):
    """The robots render CommonMark-like markdown: a plain line right after a list continues its last item, so
    "……另有N项" used to show at the end of the last finding. It is a list item of its own, in the language."""
    from markdown_it import MarkdownIt

    r = cli("notify", "--ledger", sample_copy, "--as-of", AS_OF, "--dry-run", "--top", "2", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    doc = json.loads(
        cli("notify", "--ledger", sample_copy, "--as-of", AS_OF, "--dry-run", "--to", "json", "--top", "2").stdout
    )
    more_of = {u["unit"]: u["more"] for u in doc["units"]}
    tokens = MarkdownIt().parse(r.stdout)
    items = [t.content for t in tokens if t.type == "inline" and t.level == 3]  # the text of each list item
    overflow = [i for i in items if i.startswith(more.split("{")[0])]
    assert overflow and len(overflow) == sum(1 for n in more_of.values() if n > 0)
    assert sorted(overflow) == sorted(more.format(n=n) for n in more_of.values() if n > 0)
    assert not any(more.split("{")[0] in i for i in items if i not in overflow)
