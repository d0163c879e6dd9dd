"""`reformctl notify`: post a digest of `status` to a group chat robot (DingTalk, WeCom) or a JSON webhook."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    AsOfOpt,
    LedgerOpt,
    NoCacheOpt,
    err,
    fail,
    no_cache_flag,
    parse_as_of,
    parse_lang,
    refuse_broken,
    resolve_root,
)

URL_ENV, SECRET_ENV = "REFORMCTL_WEBHOOK_URL", "REFORMCTL_WEBHOOK_SECRET"


class Target(str, Enum):
    auto = "auto"
    dingtalk = "dingtalk"
    wecom = "wecom"
    json = "json"


def notify(
    ledger: LedgerOpt = None,
    as_of: AsOfOpt = None,
    url: Annotated[
        Optional[str],
        typer.Option(
            "--url",
            metavar="URL",
            show_default=False,
            help=f"The webhook to post to. Default: ${URL_ENV} (keep it in a CI secret: the URL holds the robot's "
            "token). Never printed beyond its scheme and host.",
        ),
    ] = None,
    to: Annotated[
        Target,
        typer.Option(
            "--to",
            help="What the webhook is: a DingTalk or WeCom group robot (markdown message), or any other "
            "service taking the digest as JSON. auto: DingTalk for *.dingtalk.com, WeCom for qyapi.weixin.qq.com, "
            "else json.",
        ),
    ] = Target.auto,
    secret: Annotated[
        Optional[str],
        typer.Option(
            "--secret",
            metavar="SECRET",
            show_default=False,
            help=f"The DingTalk robot's signing secret (加签, starts with SEC). Default: ${SECRET_ENV}; prefer the "
            "variable, since a command line is visible to other users of the machine.",
        ),
    ] = None,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang",
            metavar="zh|en",
            show_default=False,
            help="Language of the digest and the messages. Default: zh (the group chat's language), whatever the "
            "locale.",
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", metavar="N", min=0, max=50, help="The worst items listed under each unit.")
    ] = 3,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", metavar="SECONDS", min=0.1, max=300, help="Give up when the webhook has not answered."
        ),
    ] = 10.0,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Print the message to stdout instead of posting it; needs no URL.")
    ] = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Post a digest of `status` to a group chat: for each unit its red and yellow counts and its worst items.

    Example: REFORMCTL_WEBHOOK_URL=https://oapi.dingtalk.com/robot/send?access_token=... reformctl notify

    DingTalk messages are signed when a secret is given (timestamp and sign added to the URL); WeCom robots have no
    signing, only the key in their URL. A message longer than the robot takes (DingTalk about 20,000 bytes, WeCom
    4,096) ends with "... and N more unit(s)". A generic webhook receives the whole digest as JSON.

    Exit 0 when the webhook confirmed the message (HTTP 2xx and, for a robot, errcode 0); 1 when it was not
    delivered (no answer in time, HTTP error, the robot's refusal, a bad URL) or the ledger has errors; 2 on bad
    options.
    """
    from .. import api
    from ..i18n.digest import text
    from ..views import digest

    language = parse_lang(lang or "zh")  # first: a bad --as-of is said in the digest's language
    day = parse_as_of(as_of)
    url = url if url is not None else os.environ.get(URL_ENV) or None
    secret = secret if secret is not None else os.environ.get(SECRET_ENV) or None
    if url is None and not dry_run:
        fail(text("no_url", language))
    if url is not None:
        try:
            digest.check_url(url)
        except digest.DeliveryError as exc:
            fail(exc.text(language), EXIT_FINDINGS)
    target = to.value if to is not Target.auto else digest.guess_target(url) if url else "dingtalk"
    if secret and target != "dingtalk":
        fail(text("secret_not_dingtalk", language))
    root = resolve_root(ledger)
    try:
        data = api.status_data(root, day, cache=no_cache_flag(no_cache))
    except api.LedgerHasErrors as exc:
        refuse_broken(root, exc.result)
    msg = digest.message(digest.build(data.findings(), day, language, top), target)
    where = digest.where(url) if url else text("nowhere", language)
    cut = text("sent_cut", language) if msg.cut else ""
    if dry_run:
        sys.stdout.write(msg.shown.rstrip("\n") + "\n")
        err(text("dry_run", language, where=where, target=target, size=len(msg.body), cut=cut))
        raise typer.Exit(EXIT_OK)
    assert url is not None
    try:
        digest.post(digest.Webhook(url, target, secret or ""), msg, timeout)
    except digest.DeliveryError as exc:
        fail(exc.text(language), EXIT_FINDINGS)
    err(text("sent", language, where=where, target=target, size=len(msg.body), cut=cut))
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("notify")(notify)
