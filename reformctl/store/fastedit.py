"""Setting a few top-level scalars of a plain YAML file without a ruamel round trip, same bytes guaranteed.

A year-end close-out rewrites thousands of task files, each only ``status: closed`` and ``closed: DATE``.
ruamel.yaml's round trip (:mod:`.yamledit`) costs several milliseconds a file; this module does the same edit
in a fraction of that, for the files where the result is known to be exactly what the round trip writes.

How it knows: :func:`render` writes a document back the way ruamel.yaml writes it (one line per scalar,
``key: value``, flow collections as ``[a, b]`` / ``{k: v}``, block collections indented by one of the
layouts :mod:`.yamledit` tries), but only for a deliberately small subset of YAML, and refuses (None) anything
outside it: comments other than a header of ``#`` lines, blank lines, tags, anchors, aliases, document markers,
multi-line or block scalars, quoted strings with escapes, keys that are not plain identifiers, plain values
whose type or spelling ruamel might write differently (``~``, ``True``, ``0x1F``, ``1.0``, ``2016-1-5``...),
odd spacing, tabs, CR, trailing spaces, no final newline, very long lines. When the rendering of the parsed file
equals the file byte for byte, ruamel.yaml reproduces it unchanged (its base dump equals the original, so
``Doc.dump`` returns ruamel's dump of the edited data), and the edited document rendered the same way is
exactly what ruamel writes. Whenever anything is unsure, :func:`set_top_scalars` returns None and the caller
uses the round trip. tests/test_fastedit.py checks the equivalence against ruamel.yaml on many shapes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable, Optional

from .yamledit import _LAYOUTS

MAX_LINE = 2000
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z")
_ASCII_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,127}\Z")
_INT = re.compile(r"(?:0|-?[1-9][0-9]{0,17})\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}
# characters ruamel writes as they are (printable, allow_unicode), minus those that could change a style
_BAD_CHAR = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_PLAIN_BAD_INSIDE = re.compile(r"[,\[\]{}:#\t]")
_PLAIN_BAD_FIRST = set("#,[]{}&*!|>'\"%@`?:- .~=<")


class _No(Exception):
    """Outside the subset: leave it to the round trip."""


_KINDS = {
    "ScalarNode": "s",
    "MappingNode": "m",
    "SequenceNode": "q",
    "_PyScalar": "s",
    "_PyMap": "m",
    "_PySeq": "q",
}  # _Py*: the nodes of .fastnew


def _kind(node: Any) -> str:
    try:
        return _KINDS[type(node).__name__]
    except KeyError:
        raise _No from None


def _plain(value: str) -> str:
    if not value or _BAD_CHAR.search(value):
        raise _No
    if value.isascii():
        if value in ("true", "false", "null") or _INT.match(value):
            return value
        if _DATE.match(value):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise _No from None
            return value
        if _ASCII_WORD.match(value) and value.lower() not in _RESERVED:
            return value
        raise _No
    # non-ASCII: no implicit resolver of YAML 1.1 or 1.2 matches, so it is a string, written plain when
    # nothing in it is an indicator
    if value[0] in _PLAIN_BAD_FIRST or value[-1] == " " or _PLAIN_BAD_INSIDE.search(value):
        raise _No
    return value


def _scalar(node: Any) -> str:
    style, value = node.style, node.value
    if not style:  # plain: None from PyYAML's Python composer, "" from libyaml's
        return _plain(value)
    if _BAD_CHAR.search(value) or value[:1] == " " or value[-1:] == " ":
        raise _No
    if style == "'" and "'" not in value:
        return f"'{value}'"
    if style == '"' and '"' not in value and "\\" not in value:
        return f'"{value}"'
    raise _No


def _key(node: Any) -> str:
    if _kind(node) != "s" or node.style or not _KEY.match(node.value) or node.value.lower() in _RESERVED:
        raise _No
    return node.value


def _flow(node: Any) -> str:
    kind = _kind(node)
    if kind == "s":
        return _scalar(node)
    if kind == "q":
        return "[" + ", ".join(_flow(v) for v in node.value) + "]"
    if kind == "m":
        _unique(node)
        return "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in node.value) + "}"
    raise _No


def _inline(node: Any) -> Optional[str]:
    """The value written on its key's (or dash's) line, or None for a block collection."""
    if _kind(node) == "s":
        return _scalar(node)
    if node.flow_style or not node.value:
        if not node.flow_style:  # an empty block collection cannot be written; be safe
            raise _No
        return _flow(node)
    return None


def _unique(node: Any) -> None:
    """Duplicate keys: the round trip refuses the file, so must this."""
    if len({k.value for k, _v in node.value}) != len(node.value):
        raise _No


def _map_lines(node: Any, indent: int, layout: tuple[int, int, int], out: list[str]) -> None:
    m, _s, _o = layout
    _unique(node)
    pad = " " * indent
    for k, v in node.value:
        key = _key(k)
        text = _inline(v)
        if text is not None:
            out.append(f"{pad}{key}: {text}")
        elif _kind(v) == "m":
            out.append(f"{pad}{key}:")
            _map_lines(v, indent + m, layout, out)
        else:
            out.append(f"{pad}{key}:")
            _seq_lines(v, indent, layout, out)


def _seq_lines(node: Any, indent: int, layout: tuple[int, int, int], out: list[str]) -> None:
    _m, s, o = layout
    dash = " " * (indent + o) + "-" + " " * (s - o - 1)
    for item in node.value:
        text = _inline(item)
        if text is not None:
            out.append(dash + text)
        elif _kind(item) == "m":
            sub: list[str] = []
            _map_lines(item, indent + s, layout, sub)
            out.append(dash + sub[0][indent + s :])
            out.extend(sub[1:])
        else:  # a block sequence right inside a sequence
            raise _No


def _entries(root: Any, layout: tuple[int, int, int]) -> list[tuple[str, list[str], Any]]:
    """The root mapping as (key, lines, value node) triples."""
    _unique(root)
    out = []
    for k, v in root.value:
        lines: list[str] = []
        _map_lines(_One(k, v), 0, layout, lines)
        out.append((k.value, lines, v))
    return out


class _One:
    """A one-entry mapping (to render one top-level entry)."""

    def __init__(self, k: Any, v: Any):
        self.value = [(k, v)]


def _header(text: str) -> tuple[list[str], str]:
    """The leading ``#`` comment lines and the rest of the text."""
    lines = []
    pos = 0
    while text.startswith("#", pos):
        end = text.find("\n", pos)
        if end < 0:
            raise _No
        line = text[pos:end]
        if line != line.rstrip() or _BAD_CHAR.search(line):
            raise _No
        lines.append(line)
        pos = end + 1
    return lines, text[pos:]


_EOL_COMMENT = re.compile(r" +#[^\n]*\Z")


def parse_plain(text: str) -> Optional[tuple[list[str], list[list[Any]]]]:
    """(header lines, [[key, lines, value node, has EOL comment]]) of a file that :func:`render` reproduces
    byte for byte (a top-level ``key: scalar`` line may end with a comment), else None."""
    from ..load import yamlread

    if not text.endswith("\n") or "\r" in text or "\t" in text or "\ufeff" in text:
        return None
    try:
        header, body = _header(text)
        if "\n\n" in body or " \n" in body or not body:
            return None
        root = yamlread.compose(text)
        if root is None or _kind(root) != "m" or root.flow_style or not root.value:
            return None
        original = body[:-1].split("\n")
        for layout in _LAYOUTS:
            entries = [[k, ls, v, False] for k, ls, v in _entries(root, layout)]
            if sum(len(e[1]) for e in entries) != len(original):
                continue
            i = 0
            for e in entries:
                for r in e[1]:
                    o = original[i]
                    i += 1
                    if o == r:
                        continue
                    if len(e[1]) == 1 and o.startswith(r) and _EOL_COMMENT.match(o, len(r)) and not _BAD_CHAR.search(o):
                        e[1] = [o]
                        e[3] = True
                        continue
                    break
                else:
                    continue
                break
            else:
                if max(len(ln) for ln in original) > MAX_LINE:
                    return None
                return header, entries
    except _No:
        return None
    except Exception:  # noqa: BLE001 - any problem reading it: leave it to the round trip
        return None
    return None


def _value_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        raise _No
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.isascii() and _ASCII_WORD.match(value) and value.lower() not in _RESERVED:
        return value
    raise _No


def set_top_scalars(text: str, values: dict[str, Any], order: Iterable[str] = ()) -> Optional[str]:
    """``text`` with the top-level ``values`` set as the round trip would (``data[key] = value`` for a key
    there, :func:`set_key` with ``order`` for a new one), or None when the file is outside the subset.

    Values must be dates or plain ASCII words; an existing key must hold a scalar."""
    parsed = parse_plain(text)
    if parsed is None:
        return None
    header, entries = parsed
    order = list(order)
    try:
        for key, value in values.items():
            text_ = _value_text(value)
            keys = [e[0] for e in entries]
            if key in keys:
                i = keys.index(key)
                old = entries[i][2]
                if _kind(old) != "s" or entries[i][3]:
                    return None
                if isinstance(value, str) and old.style and old.style in ("'", '"'):
                    text_ = old.style + text_ + old.style  # ruamel keeps a quoted string quoted
                entries[i] = [key, [f"{key}: {text_}"], None, False]
                continue
            pos = len(keys)
            if key in order:
                before = order[: order.index(key)]
                after = order[order.index(key) + 1 :]
                present = [i for i, k in enumerate(keys) if k in before]
                later = [i for i, k in enumerate(keys) if k in after]
                if present:
                    pos = max(present) + 1
                elif later:
                    pos = min(later)
            if pos == 0:  # before the first key: where would the header comment go? not needed here
                return None
            if entries[pos - 1][3] or (pos < len(entries) and entries[pos][3]):
                return None  # a neighbour's end-of-line comment: leave it to the round trip
            entries.insert(pos, [key, [f"{key}: {text_}"], None, False])
    except _No:
        return None
    return "".join(h + "\n" for h in header) + "".join(ln + "\n" for e in entries for ln in e[1])
