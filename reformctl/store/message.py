"""What a write says: the :class:`Action` a command asks for, the :class:`Result` it gets, and the commit
message built from the action (one subject line, a body, ``Reformctl-*`` trailers), every user string made one
safe line."""

import datetime as dt
import re
from ..i18n.write import Msg
from dataclasses import dataclass, field
from typing import Any, Optional

from ..errors import BadRequest


@dataclass
class Action:
    """What the user did: a machine name (``progress``), the items, a human line, the as-of date.
    ``summary`` and ``body`` are text, or messages (:class:`reformctl.i18n.write.Msg`, a body may be a list of
    them) that the commit says in the store's language."""

    action: str
    items: list[str]
    summary: Any
    as_of: dt.date
    body: Any = ""


@dataclass
class Result:
    commit: Optional[str]  # None on a dry run
    ref: Optional[str]
    paths: list[str]  # ledger-relative POSIX paths written or deleted
    message: str
    diff: str
    warning_msgs: list[str | Msg] = field(default_factory=list)  # said in the user's language by the CLI

    @property
    def warnings(self) -> list[str]:
        """The warnings in English."""
        return [str(w) for w in self.warning_msgs]


# ---------------------------------------------------------------- messages
_CTRL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]+")


def clean_line(value: Any, limit: int = 200) -> str:
    """One line of text: control characters (newlines included) become spaces; so nothing a user types
    can start a line of its own in a commit message and forge a trailer."""
    text = _CTRL.sub(" ", str(value))
    text = re.sub(r"\s{2,}", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


_TRAILER_VALUE = re.compile(r"[^A-Za-z0-9._:/@+-]")


def trailer_value(value: Any) -> str:
    """A trailer value: ids, dates and action names only (anything else replaced by ``_``)."""
    return _TRAILER_VALUE.sub("_", clean_line(value, 100)) or "_"


def build_message(action: Action, lang: str = "zh") -> str:
    """The commit message: the subject and body in ``lang``, then the trailers (machine-readable, never
    translated)."""
    from ..i18n.write import text_in

    parts = action.body if isinstance(action.body, (list, tuple)) else [action.body]
    text = "\n".join(text_in(p, lang) for p in parts)
    lines = [clean_line(text_in(action.summary, lang)) or action.action]
    body = [clean_line(b, 300) for b in text.splitlines() if clean_line(b, 300)]
    # a body line must never look like a trailer: the trailer block is the last paragraph, so keep it apart
    if body:
        lines += [""] + body
    lines += ["", f"Reformctl-Action: {trailer_value(action.action)}"]
    seen = set()
    for item in action.items:
        v = trailer_value(item)
        if v not in seen:
            seen.add(v)
            lines.append(f"Reformctl-Item: {v}")
    lines.append(f"Reformctl-As-Of: {action.as_of.isoformat()}")
    return "\n".join(lines) + "\n"


_AUTHOR_RE = re.compile(r"^\s*([^<>]*?)\s*<([^<>]*)>\s*$")


def parse_author(value: str) -> tuple[str, str]:
    """``Name <email>`` -> (name, email); BadRequest otherwise."""
    m = _AUTHOR_RE.match(value or "")
    if not m or not m.group(1).strip() or _CTRL.search(value):
        raise BadRequest(Msg("st_author", value=value))
    return m.group(1).strip(), m.group(2).strip()
