"""What `--help` shows, made readable at any width: placeholders a person understands (``DATE``, ``UNIT``,
``ID``, ``red|yellow``) instead of Python types (``<str>``, ``<list[red|yellow]>``, ``<bool>``), and help texts
whose paragraphs are re-flowed to the terminal instead of keeping the line breaks of the source.

Applied once to the whole command tree when the click commands are built (:class:`ReadableGroup`), so every
command, present and future, gets it; a command may still set its own ``metavar``.
"""

from __future__ import annotations

import inspect
import re
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer.core import TyperGroup

# The placeholder of a parameter by its name, when the command gives none.
BY_NAME = {
    "unit": "UNIT",
    "units": "UNIT",
    "lead_unit": "UNIT",
    "responsible": "UNIT",
    "special_group": "UNIT",
    "target": "UNIT",
    "implemented_by": "UNIT",
    "issued_by": "UNIT",
    "by_unit": "UNIT",
    "id": "ID",
    "item": "ID",
    "item_id": "ID",
    "notice_id": "ID",
    "plan": "ID",
    "task": "ID",
    "source": "ID",
    "carry_over": "ID",
    "parent": "ID",
    "as_of": "DATE",
    "date": "DATE",
    "start": "DATE",
    "due": "DATE",
    "end": "DATE",
    "new_due": "DATE",
    "done": "DATE",
    "issued": "DATE",
    "filed": "DATE",
    "completed": "DATE",
    "decided": "DATE",
    "quarter": "QUARTER",
    "year": "YEAR",
    "days": "DAYS",
    "horizon": "DAYS",
    "limit": "N",
    "top": "N",
    "kind": "KIND",
    "rule": "CODE",
    "code": "CODE",
    "lang": "zh|en",
    "base": "REV",
    "rev": "REV",
    "hooks_rev": "REV",
    "hooks_repo": "URL",
    "url": "URL",
    "by": "NAME",
    "leader": "NAME",
    "approver": "NAME",
    "person": "NAME",
    "name": "NAME",
}
BY_TYPE = {str: "TEXT", int: "N", float: "NUMBER", Path: "PATH"}


def _annotation(param) -> Any:
    desc = getattr(param, "type_descriptor", None)
    return getattr(desc, "annotation", None)


def _base(annotation: Any) -> Any:
    while get_origin(annotation) in (list, tuple):
        annotation = get_args(annotation)[0]
    return annotation


def placeholder(param) -> str:
    """A readable placeholder for ``param`` (a Typer option or argument)."""
    name = (param.name or "").lower()
    base = _base(_annotation(param))
    if isinstance(base, type) and issubclass(base, Enum):
        return "|".join(str(m.value) for m in base)
    choices = getattr(getattr(param, "type", None), "choices", None) or getattr(
        getattr(param, "type_descriptor", None), "choices", None
    )
    if choices:
        return "|".join(str(getattr(c, "value", c)) for c in choices)
    if name in BY_NAME:
        return BY_NAME[name]
    if name.endswith("_unit") or name.endswith("_units"):
        return "UNIT"
    if name.endswith("_id") or name.endswith("_ids"):
        return "ID"
    if name.endswith("_date"):
        return "DATE"
    if isinstance(base, type) and issubclass(base, Path):
        return "FILE" if name in ("file", "xlsx", "ics", "html", "markdown", "out", "output") else "PATH"
    return BY_TYPE.get(base, name.upper() or "VALUE") if isinstance(base, type) else name.upper() or "VALUE"


_LISTING = re.compile(r"^\s*(?:[-*•]\s|\d+[.)]\s|\$ |reformctl\s)")


def reflow(text: str) -> str:
    """``text`` with the line breaks inside each paragraph removed, so the help formatter wraps it to the
    terminal: paragraphs stay apart, and so do the lines of a list, a command example or indented text."""
    if not text:
        return text
    out = []
    for para in inspect.cleandoc(text).split("\n\n"):
        lines = para.split("\n")
        if (
            para.startswith((" ", "\t", "\b"))
            or len(lines) > 1
            and any(_LISTING.match(ln) or ln.startswith((" ", "\t", "\b")) for ln in lines[1:])
        ):
            out.append(para)
        else:
            out.append(" ".join(ln.strip() for ln in lines))
    return "\n\n".join(out)


def _no_type(ctx=None) -> None:  # noqa: ANN001 - replaces the `<type>` column of an argument
    return None


def _usage_name(p):
    """The argument in the usage line: ``ID`` when required, ``[ID]`` when not (Typer writes ``{ID}``)."""

    def name() -> str:
        n = p.metavar if p.required else f"[{p.metavar}]"
        return n + ("..." if p.nargs != 1 else "")

    return name


def polish(cmd) -> None:
    """Give every parameter of ``cmd`` (and of its sub-commands) a readable placeholder, flags none, and
    re-flow every help text."""
    cmd.help = reflow(cmd.help or "") or cmd.help
    if getattr(cmd, "short_help", None):
        cmd.short_help = reflow(cmd.short_help)
    for p in cmd.params:
        if getattr(p, "help", None):
            p.help = reflow(p.help)
        kind = getattr(p, "param_type_name", "")
        if kind == "option":
            if getattr(p, "is_flag", False) or getattr(p, "count", False):
                p.metavar = ""
            elif p.metavar is None:
                p.metavar = placeholder(p)
        elif kind == "argument":
            if p.metavar is None:
                p.metavar = placeholder(p) if (p.name or "").lower() not in ("path",) else "PATH"
                if p.metavar == "TEXT":
                    p.metavar = (p.name or "value").upper()
            p.metavar = p.metavar.replace("...", "").strip("[]")  # the usage line adds brackets and dots
            p.display_type_rich = _no_type
            p._usage_display_name = _usage_name(p)
    _flag_help_option(cmd)
    for sub in (getattr(cmd, "commands", None) or {}).values():
        polish(sub)


def _flag_help_option(cmd) -> None:
    """``--help`` is made per context (not in ``cmd.params``): no placeholder for it either."""
    if getattr(cmd, "_readable_help_option", False):
        return
    made = cmd.get_help_option

    def get_help_option(ctx):  # noqa: ANN001
        opt = made(ctx)
        if opt is not None:
            opt.metavar = ""
        return opt

    cmd.get_help_option = get_help_option
    cmd._readable_help_option = True


class ReadableGroup(TyperGroup):
    """The root command: every command under it with readable help (:func:`polish`)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        polish(self)


def short_flags(cmd, path: tuple[str, ...] = ()) -> dict[str, dict[str, list[str]]]:
    """Each short flag of the command tree -> {its long option(s): [the commands using it so]}."""
    seen: dict[str, dict[str, list[str]]] = {}

    def walk(c, where: tuple[str, ...]) -> None:
        for p in c.params:
            if getattr(p, "param_type_name", "") != "option":
                continue
            names = [*p.opts, *p.secondary_opts]
            longs = " / ".join(o for o in names if o.startswith("--"))
            for s in (o for o in names if not o.startswith("--")):
                seen.setdefault(s, {}).setdefault(longs, []).append(" ".join(where) or "reformctl")
        for n, sub in (getattr(c, "commands", None) or {}).items():
            walk(sub, (*where, n))

    walk(cmd, path)
    return seen
