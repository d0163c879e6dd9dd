"""`reformctl log ID`: the audit trail of one item, from git."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .common import LangOpt, LedgerOpt, err, exit_code, fail, parse_lang, resolve_root


class Fmt(str, Enum):
    text = "text"
    json = "json"


def log(
    item: Annotated[str, typer.Argument(metavar="ID", help="The item id, e.g. T-2016-003.")],
    fmt: Annotated[
        Fmt,
        typer.Option(
            "--format",
            "-f",
            help="text, or json: an array of {commit, date, author, "
            "email, action, as_of, subject, path, changes: [{field, op, old, new}]}.",
        ),
    ] = Fmt.text,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Show at most this many commits.")] = None,
    ledger: LedgerOpt = None,
    lang: LangOpt = None,
) -> None:
    """The history of one item (审计留痕), newest first: date, author, action and what changed, field by field
    (`status: in_progress → completed`, `+ progress[3]: {...}`). Reads git; follows the file if it was renamed.
    Times are shown in China Standard Time (CST, UTC+8), like --as-of; the JSON `date` keeps the commit's own
    offset.

    Examples:
      reformctl log T-2016-003
      reformctl log RN-2016-002 --format json
    """
    from ..i18n.write import localize, say
    from ..store import StoreError
    from ..store.history import item_log

    language = parse_lang(lang)
    root = resolve_root(ledger)
    try:
        entries = item_log(root, item, limit)
    except StoreError as exc:
        fail(localize(exc.msg, language), exit_code(exc))
    if fmt is Fmt.json:
        from ..base.textsafe import json_safe

        sys.stdout.write(json_safe(json.dumps([e.as_dict() for e in entries], ensure_ascii=False, indent=2)))
        sys.stdout.write("\n")
        return
    if not entries:
        err(say("log_none", language, item=item))
        return
    from ..base.textsafe import escape

    out = sys.stdout
    for e in entries:
        as_of = "  " + say("log_as_of", language, as_of=escape(e.as_of)) if e.as_of else ""
        out.write(f"{_china_time(e.date)}  {escape(e.author)} <{escape(e.email)}>  {e.action}{as_of}  {e.commit[:7]}\n")
        out.write(f"    {escape(e.subject)}\n")
        if e.shallow_boundary:
            out.write(f"    {say('log_shallow_entry', language)}\n")
        elif e.action == "create" or (
            e.changes
            and all(c.op == "added" and "." not in c.field and "[" not in c.field for c in e.changes)
            and len(e.changes) > 3
        ):
            keys = {c.field: c.new for c in e.changes}
            shown = ", ".join(f"{k} {keys[k]}" for k in ("status", "due", "end", "issued") if keys.get(k) is not None)
            shown = (("：" if language == "zh" else ": ") + escape(shown)) if shown else ""
            out.write(f"    {say('log_created', language, n=len(keys), shown=shown)}\n")
        else:
            for c in e.changes:
                out.write(f"    {escape(c.text())}\n")
        out.write("\n")
    cut = [e for e in entries if e.shallow_boundary]
    if cut:
        err(say("log_shallow", language, commit=cut[-1].commit[:7]))


def _china_time(iso: str) -> str:
    """A commit date (ISO 8601 with the committer's offset) in China Standard Time, the clock of --as-of and of
    the office: ``2016-10-20 22:03 CST``."""
    import datetime as dt

    from .common import CST

    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return f"{iso[:10]} {iso[11:16]}"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(CST).strftime("%Y-%m-%d %H:%M CST")


def register(app: typer.Typer) -> None:
    app.command("log")(log)
