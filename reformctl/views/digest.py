"""`reformctl notify`: a digest of `status` (per unit, the red and yellow counts and the worst items) as a group
robot's message (DingTalk, WeCom) or a generic JSON document, and its delivery over HTTP with the standard library.

Delivery either ends in the receiver's confirmation (HTTP 2xx and, for a robot, ``errcode`` 0) or raises
:class:`DeliveryError`: a digest is never reported as sent when it was not. Messages never show the webhook's
secret, its access token or key (in the URL's query or path), only the scheme, host and port.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import re
import time
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from typing import Optional, Sequence

from .. import i18n
from ..i18n.digest import text
from ..rules.findings import Finding
from .status import short_message, title_of

TARGETS = ("dingtalk", "wecom", "json")
# The robots' limits on a markdown message, in bytes of UTF-8 (DingTalk documents 20,000; WeCom 4,096).
LIMITS = {"dingtalk": 20000, "wecom": 4096}
TITLE_CHARS, MESSAGE_CHARS, UNIT_CHARS = 40, 80, 40


@dataclass
class UnitDigest:
    unit: str
    red: int
    yellow: int
    worst: list[Finding]  # the first few, worst first

    @property
    def more(self) -> int:
        return self.red + self.yellow - len(self.worst)


@dataclass
class Digest:
    as_of: dt.date
    lang: str
    units: list[UnitDigest] = field(default_factory=list)

    @property
    def red(self) -> int:
        return sum(u.red for u in self.units)

    @property
    def yellow(self) -> int:
        return sum(u.yellow for u in self.units)


def build(findings: Sequence[Finding], as_of: dt.date, lang: str, top: int = 3) -> Digest:
    """The digest of red and yellow ``findings``: units with the most red first, then the most yellow."""
    by_unit: dict[str, list[Finding]] = {}
    for f in findings:
        if f.light in ("red", "yellow"):
            by_unit.setdefault(f.unit, []).append(f)
    units = []
    for unit, items in by_unit.items():
        items.sort(key=lambda f: f.sort_key())
        units.append(
            UnitDigest(
                unit,
                sum(f.light == "red" for f in items),
                sum(f.light == "yellow" for f in items),
                items[: max(top, 0)],
            )
        )
    units.sort(key=lambda u: (-u.red, -u.yellow, u.unit))
    return Digest(as_of, lang, units)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")
_MARKUP = re.compile(r"([\\`*_\[\]<>#|])")


def _clean(value: str, limit: int) -> str:
    """Ledger text on one line, without control characters or markdown markup, at most ``limit`` characters."""
    s = _CONTROL.sub(" ", unicodedata.normalize("NFC", str(value))).strip()
    s = re.sub(r"\s+", " ", s)
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return _MARKUP.sub(r"\\\1", s)


def _when(days: int, lang: str) -> str:
    if days > 0:
        return text("late_days", lang, n=days)
    return text("due_today", lang) if days == 0 else text("due_in", lang, n=-days)


def _item_line(f: Finding, lang: str) -> str:
    light = i18n.label("light", f.light, lang)
    what = _clean(title_of(f, lang), TITLE_CHARS)
    msg = _clean(short_message(f, lang), MESSAGE_CHARS)
    sep = "：" if lang == "zh" else ": "
    return (
        f"- {light} {_clean(f.id, 64)} {what}{sep}{msg}（{_when(f.days, lang)}）"
        if lang == "zh"
        else f"- {light} {_clean(f.id, 64)} {what}{sep}{msg} ({_when(f.days, lang)})"
    )


def _unit_block(u: UnitDigest, lang: str) -> str:
    lines = ["**" + text("digest_unit", lang, unit=_clean(u.unit, UNIT_CHARS), red=u.red, yellow=u.yellow) + "**"]
    lines += [_item_line(f, lang) for f in u.worst]
    if u.more > 0:
        # an item of the list itself: a plain line after a list is read as the last item's continuation, and
        # the robots showed "... and N more" at the end of the last finding's text
        lines.append("- " + text("digest_more_items", lang, n=u.more))
    return "\n".join(lines)


def title(d: Digest) -> str:
    return text("digest_title", d.lang)


def _head(d: Digest) -> str:
    if not d.units:
        return f"#### {title(d)}\n\n" + text("digest_clear", d.lang, as_of=d.as_of.isoformat())
    return f"#### {title(d)}\n\n" + text(
        "digest_head", d.lang, as_of=d.as_of.isoformat(), red=d.red, yellow=d.yellow, units=len(d.units)
    )


def markdown(d: Digest, limit: Optional[int] = None) -> tuple[str, bool]:
    """The digest as markdown, at most ``limit`` bytes of UTF-8 (None: no limit), and whether units were left
    out to fit (then a last line says how many, and how many red and yellow findings they hold)."""
    head, foot = _head(d), text("digest_footer", d.lang, as_of=d.as_of.isoformat())
    blocks = [_unit_block(u, d.lang) for u in d.units]

    def join(shown: int) -> str:
        parts = [head, *blocks[:shown]]
        rest = d.units[shown:]
        if rest:
            parts.append(
                text(
                    "digest_more_units",
                    d.lang,
                    n=len(rest),
                    red=sum(u.red for u in rest),
                    yellow=sum(u.yellow for u in rest),
                )
            )
        parts.append(foot)
        return "\n\n".join(parts)

    if limit is None:
        return join(len(blocks)), False
    size = len(join(0).encode("utf-8"))
    shown = 0
    for b in blocks:  # each block adds itself and a blank line; the "and N more" line only shrinks as more fit
        grow = len(b.encode("utf-8")) + 2
        if size + grow > limit and shown < len(blocks) - 1:
            break
        if shown == len(blocks) - 1 and len(join(len(blocks)).encode("utf-8")) > limit:
            break
        size += grow
        shown += 1
    out = join(shown)
    while shown > 0 and len(out.encode("utf-8")) > limit:
        shown -= 1
        out = join(shown)
    raw = out.encode("utf-8")
    if len(raw) > limit:  # only a limit smaller than the head itself: cut on a character boundary
        out = raw[:limit].decode("utf-8", "ignore")
    return out, shown < len(blocks)


def as_json(d: Digest) -> dict:
    """The generic webhook's document: the counts, each unit with its worst findings, and the markdown text."""
    return {
        "title": title(d),
        "as_of": d.as_of.isoformat(),
        "lang": d.lang,
        "red": d.red,
        "yellow": d.yellow,
        "units": [
            {
                "unit": u.unit,
                "red": u.red,
                "yellow": u.yellow,
                "worst": [{**f.as_dict(d.lang), "title": title_of(f, d.lang)} for f in u.worst],
                "more": u.more,
            }
            for u in d.units
        ],
        "text": markdown(d)[0],
    }


@dataclass
class Message:
    """What is posted: the JSON ``body`` and the text a person reads (``shown``, printed by --dry-run)."""

    target: str
    body: bytes
    shown: str
    cut: bool


def message(d: Digest, target: str) -> Message:
    if target == "json":
        doc = json.dumps(as_json(d), ensure_ascii=False, indent=2)
        return Message(target, doc.encode("utf-8"), doc, False)
    md, cut = markdown(d, LIMITS[target])
    if target == "dingtalk":
        payload = {"msgtype": "markdown", "markdown": {"title": title(d), "text": md}}
    else:
        payload = {"msgtype": "markdown", "markdown": {"content": md}}
    return Message(target, json.dumps(payload, ensure_ascii=False).encode("utf-8"), md, cut)


# ---- the webhook


class DeliveryError(Exception):
    """The digest was not delivered (or not confirmed): ``key`` and ``params`` of a text of i18n/digest.py."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key, self.params = key, params

    def text(self, lang: str) -> str:
        params = dict(self.params)
        if "why_key" in params:
            params["why"] = text(str(params.pop("why_key")), lang)
        return text(self.key, lang, **params)


@dataclass
class Webhook:
    url: str
    target: str
    secret: str = ""

    @property
    def where(self) -> str:
        """The URL without what may be secret (path, query, user): scheme, host and port."""
        return where(self.url)

    def scrub(self, s: str) -> str:
        """``s`` (from the receiver) without the secret, the token or key of the URL, or control characters."""
        parts = urllib.parse.urlsplit(self.url)
        secrets = [self.secret, parts.query, parts.path.strip("/"), parts.username or "", parts.password or ""]
        secrets += [v for _, v in urllib.parse.parse_qsl(parts.query)]
        for x in sorted({x for x in secrets if x and len(x) >= 4}, key=len, reverse=True):
            s = s.replace(x, "***")
        s = _CONTROL.sub(" ", s).strip()
        return s[:200] + ("…" if len(s) > 200 else "")


def where(url: str) -> str:
    try:
        p = urllib.parse.urlsplit(url)
        host = p.hostname or ""
        port = f":{p.port}" if p.port else ""
    except ValueError:
        return "?"
    if ":" in host:
        host = f"[{host}]"
    return f"{p.scheme}://{host}{port}"


def check_url(url: str) -> None:
    """Raise :class:`DeliveryError` unless ``url`` is an http(s) URL with a host."""
    if any(c.isspace() or unicodedata.category(c) == "Cc" for c in url):
        raise DeliveryError("bad_url", why_key="bad_chars")
    try:
        p = urllib.parse.urlsplit(url)
        p.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise DeliveryError("bad_url", why_key="bad_port") from None
    if p.scheme.lower() not in ("http", "https"):
        raise DeliveryError("bad_scheme", scheme=repr(p.scheme + ":") if p.scheme else "''")
    if not p.hostname:
        raise DeliveryError("bad_url", why_key="no_host")


def guess_target(url: str) -> str:
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    if host == "dingtalk.com" or host.endswith(".dingtalk.com"):
        return "dingtalk"
    if host == "qyapi.weixin.qq.com":
        return "wecom"
    return "json"


def signed_url(url: str, secret: str, timestamp_ms: Optional[int] = None) -> str:
    """DingTalk's signing: ``timestamp`` (ms) and ``sign`` = base64(HMAC-SHA256(secret, "timestamp\\nsecret")),
    URL-encoded, added to the query."""
    ts = str(int(time.time() * 1000) if timestamp_ms is None else timestamp_ms)
    digest = hmac.new(secret.encode("utf-8"), f"{ts}\n{secret}".encode(), hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest))
    return f"{url}{'&' if urllib.parse.urlsplit(url).query else '?'}timestamp={ts}&sign={sign}"


def post(hook: Webhook, msg: Message, timeout: float) -> None:
    """POST ``msg`` to ``hook``; return only when the receiver confirmed it, else raise :class:`DeliveryError`."""
    import http.client
    import socket
    import urllib.error
    import urllib.request

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        # urllib turns a redirected POST into a GET without the body: the digest would be lost yet "sent"
        def redirect_request(self, req, fp, code, msg_, headers, newurl):  # noqa: ANN001
            return None

    check_url(hook.url)
    url = signed_url(hook.url, hook.secret) if hook.secret and hook.target == "dingtalk" else hook.url
    req = urllib.request.Request(
        url,
        data=msg.body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "reformctl-notify"},
    )
    opener = urllib.request.build_opener(_NoRedirect)
    w = hook.where
    try:
        with opener.open(req, timeout=timeout) as resp:
            code = resp.status
            body = resp.read(65536)
    except urllib.error.HTTPError as exc:
        snippet = ""
        try:
            snippet = exc.read(300).decode("utf-8", "replace")
        except (OSError, ValueError):
            pass
        finally:
            exc.close()
        if 300 <= exc.code < 400:
            raise DeliveryError("redirect", where=w, code=exc.code) from None
        snippet = hook.scrub(snippet)
        raise DeliveryError(
            "http_error",
            where=w,
            code=exc.code,
            reason=hook.scrub(str(exc.reason or "")),
            body=f": {snippet}" if snippet else "",
        ) from None
    except TimeoutError:
        raise DeliveryError("timeout", where=w, seconds=_seconds(timeout)) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise DeliveryError("timeout", where=w, seconds=_seconds(timeout)) from None
        raise DeliveryError("unreachable", where=w, why=hook.scrub(str(exc.reason))) from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise DeliveryError("unreachable", where=w, why=hook.scrub(f"{type(exc).__name__}: {exc}")) from None
    if not 200 <= code < 300:
        raise DeliveryError("http_error", where=w, code=code, reason="", body="")
    if hook.target in LIMITS:
        try:
            answer = json.loads(body.decode("utf-8"))
            errcode = answer["errcode"]
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise DeliveryError(
                "robot_garbled", where=w, body=hook.scrub(body[:120].decode("utf-8", "replace")) or "-"
            ) from None
        if errcode != 0:
            raise DeliveryError(
                "robot_error",
                where=w,
                errcode=hook.scrub(str(errcode)),
                errmsg=hook.scrub(str(answer.get("errmsg", ""))),
            )


def _seconds(timeout: float) -> str:
    return f"{timeout:g}"
