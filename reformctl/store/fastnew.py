"""A new document written from plain data without a ruamel dump, same bytes guaranteed: the fast path of
:mod:`.fastedit` (its renderer and its rules of what it can tell) applied to a file that does not exist yet.
tests/test_fastedit.py compares it with ruamel.yaml's dump."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from .fastedit import _ASCII_WORD, _BAD_CHAR, _RESERVED, MAX_LINE, _map_lines, _No


class _PyScalar:
    def __init__(self, value: Any):
        self.style = ""
        if type(value) is str:
            if value.isascii() and not (_ASCII_WORD.match(value) and value.lower() not in _RESERVED):
                raise _No  # ruamel would quote what reads as another type ("2016", "yes"); not worth copying
            self.value = value
        elif type(value) is bool:
            self.value = "true" if value else "false"
        elif type(value) is int:
            self.value = str(value)
        elif type(value) is dt.date:
            self.value = value.isoformat()
        elif value is None:
            self.value = "null"
        else:
            raise _No


class _PyMap:
    def __init__(self, data: Any):
        _plain_container(data)
        self.value = [(_PyScalar(k) if type(k) is str else _fail(), _py(v)) for k, v in data.items()]
        self.flow_style = not self.value  # ruamel writes an empty block mapping as {}


class _PySeq:
    def __init__(self, data: Any):
        _plain_container(data)
        self.value = [_py(v) for v in data]
        self.flow_style = not self.value  # ... and an empty block sequence as []


def _fail() -> Any:
    raise _No


def _plain_container(data: Any) -> None:
    """A ruamel container with no comment, no anchor, no tag and block style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if type(data) not in (CommentedMap, CommentedSeq):
        raise _No
    ca = data.ca
    if (
        ca.comment
        or ca.items
        or ca.end
        or data.fa.flow_style()
        or getattr(data, "merge", None)
        or data.yaml_anchor() is not None
        or data.tag.value is not None
    ):
        raise _No


def _py(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, CommentedMap):
        return _PyMap(value)
    if isinstance(value, CommentedSeq):
        return _PySeq(value)
    return _PyScalar(value)


_HEADER_LINE = re.compile(r"#[^\n]*\n\Z")


def render_new(data: Any, layout: tuple[int, int, int]) -> Optional[str]:
    """What ruamel.yaml writes for a new document made by :func:`.yamledit.new_doc` (a mapping of plain
    values, maybe a header comment), or None when unsure."""
    from ruamel.yaml.comments import CommentedMap

    try:
        if type(data) is not CommentedMap or not data:
            return None
        header = ""
        ca = data.ca
        if ca.comment:  # the header set by yaml_set_start_comment: [None, [CommentToken, ...]]
            if len(ca.comment) < 2 or ca.comment[0] is not None or any(ca.comment[2:]) or not ca.comment[1]:
                return None
            for tok in ca.comment[1]:
                text = getattr(tok, "value", None)
                if (
                    type(tok).__name__ != "CommentToken"
                    or not isinstance(text, str)
                    or not _HEADER_LINE.match(text)
                    or text != text.rstrip() + "\n"
                    or _BAD_CHAR.search(text[:-1])
                ):
                    return None
                header += text
            ca.comment, saved = None, ca.comment
            try:
                root = _PyMap(data)
            finally:
                ca.comment = saved
        else:
            root = _PyMap(data)
        lines: list[str] = []
        _map_lines(root, 0, layout, lines)
        if max(len(ln) for ln in lines) > MAX_LINE:
            return None
        return header + "".join(ln + "\n" for ln in lines)
    except _No:
        return None
    except Exception:  # noqa: BLE001 - anything unexpected: the round trip knows
        return None
