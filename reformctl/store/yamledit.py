"""Round-trip YAML edits with ruamel.yaml: comments, key order, quoting and flow style survive.

Only files being changed go through here (reading for computation is :mod:`reformctl.load`'s job).
:func:`load_doc` detects the file's indentation by trying the usual layouts and keeping the one that
reproduces the file byte for byte, so that :func:`dump_doc` changes only the lines that were edited.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import os
from typing import Any, Iterable, Optional

from ..i18n.write import Msg
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

# (mapping, sequence, offset): block sequences flush with their key, or indented by two.
_LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 4, 0), (3, 5, 3))


class YamlEditError(Exception):
    """A file that cannot be edited (not YAML, or not the expected shape); ``said`` says why in either language."""

    def __init__(self, said: Msg):
        super().__init__(str(said))
        self.said = said


def _yaml(layout: tuple[int, int, int]) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long line
    y.allow_unicode = True
    y.allow_duplicate_keys = False
    m, s, o = layout
    y.indent(mapping=m, sequence=s, offset=o)
    y.representer.add_representer(type(None), _represent_none)
    y.representer.ignore_aliases = lambda _data: True  # never write anchors (ledger files refuse them)
    return y


def _represent_none(representer, _data):
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


class Doc:
    """A round-trip document and the layout to write it back with."""

    def __init__(self, data: Any, layout: tuple[int, int, int], original: Optional[str], base: Optional[str] = None):
        self.data = data
        self.layout = layout
        self.original = original
        self.base = base  # the unmodified document as ruamel writes it

    def dump(self) -> str:
        """The document as text. Lines ruamel would write differently although unchanged (``~`` for null,
        odd spacing) are taken from the original, so the diff holds only the edited lines."""
        if self.original is None and os.environ.get("REFORMCTL_NO_QUICK_EDIT") != "1":
            from .fastnew import render_new

            quick = render_new(self.data, self.layout)  # the same bytes, when it can tell
            if quick is not None:
                return quick
        new = dump_data(self.data, self.layout)
        if self.original is None or self.base is None:
            return new
        orig_lines = self.original.splitlines(True)
        base_lines = self.base.splitlines(True)
        if len(orig_lines) != len(base_lines):
            return new
        new_lines = new.splitlines(True)
        out: list[str] = []
        gaps = False
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, base_lines, new_lines, autojunk=False).get_opcodes():
            if op == "replace" and i2 - i1 == j2 - j1:
                kept = [_keep_gap(a, b) for a, b in zip(orig_lines[i1:i2], new_lines[j1:j2])]
                gaps = gaps or kept != new_lines[j1:j2]
                out.extend(kept)
                continue
            out.extend(orig_lines[i1:i2] if op == "equal" else new_lines[j1:j2])
        # the original's last line may lack its newline: a line written after it must not be glued to it
        for i in range(len(out) - 1):
            if not out[i].endswith("\n"):
                out[i] += "\n"
        text = "".join(out)
        if gaps and not _same_data(text, new):
            return self._without_gaps(orig_lines, base_lines, new_lines)
        return text

    @staticmethod
    def _without_gaps(orig_lines: list[str], base_lines: list[str], new_lines: list[str]) -> str:
        out: list[str] = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, base_lines, new_lines, autojunk=False).get_opcodes():
            out.extend(orig_lines[i1:i2] if op == "equal" else new_lines[j1:j2])
        for i in range(len(out) - 1):
            if not out[i].endswith("\n"):
                out[i] += "\n"
        return "".join(out)


def _keep_gap(old: str, new: str) -> str:
    """``new`` with the spaces before its end-of-line comment as ``old`` had them, when both end with the same
    comment (ruamel puts one space when an edited line has grown past the comment's column)."""
    start = 0
    while True:
        k = old.find("#", start)
        if k <= 0:
            return new
        comment = old[k:]
        head = old[:k]
        if head[-1] in " \t" and new.endswith(comment) and len(new) > len(comment):
            body = new[: len(new) - len(comment)]
            # only where the edited line grew past the comment's column (else ruamel kept the column)
            if body[-1] in " \t" and body.strip() and len(body.rstrip(" \t")) >= k - 1:
                gap = head[len(head.rstrip(" \t")) :]
                return body.rstrip(" \t") + gap + comment
        start = k + 1


def _same_data(a: str, b: str) -> bool:
    """Whether two texts hold the same data (moving spaces before a comment must never touch a value)."""
    from ..load import yamlread

    try:
        return yamlread.parse(a) == yamlread.parse(b)
    except Exception:  # noqa: BLE001 - unreadable either way: not the same
        return False


def dump_data(data: Any, layout: tuple[int, int, int] = (2, 4, 2)) -> str:
    buf = io.StringIO()
    _yaml(layout).dump(data, buf)
    return buf.getvalue()


def load_doc(text: str) -> Doc:
    """Parse ``text`` for a round-trip edit, choosing the indentation that reproduces it exactly."""
    best: Optional[tuple[int, tuple, Any, str]] = None
    for layout in _LAYOUTS:
        try:
            data = _yaml(layout).load(text)
        except RecursionError:
            raise YamlEditError(Msg("st_too_deep")) from None
        except Exception as exc:  # noqa: BLE001 - ruamel raises many kinds
            raise YamlEditError(Msg("st_unparsable", error=exc)) from None
        try:
            out = dump_data(data, layout)
        except Exception:  # noqa: BLE001
            continue
        if out == text:
            return Doc(data, layout, text, out)
        score = sum(1 for a, b in zip(out.splitlines(), text.splitlines()) if a != b) + abs(
            out.count("\n") - text.count("\n")
        )
        if best is None or score < best[0]:
            best = (score, layout, data, out)
    if best is None:
        raise YamlEditError(Msg("st_cannot_write_back"))
    return Doc(best[2], best[1], text, best[3])


def new_doc(data: dict, layout: tuple[int, int, int] = (2, 4, 2), header: Optional[str] = None) -> Doc:
    """A fresh document from plain data (dicts, lists, dates, strings); ``header`` a comment line on top."""
    cm = to_commented(data)
    if header:
        cm.yaml_set_start_comment(header)
    return Doc(cm, layout, None)


def to_commented(value: Any, flow: bool = False) -> Any:
    """Plain dicts/lists -> ruamel containers (maps inside lists of a list written in flow style if ``flow``)."""
    if isinstance(value, dict):
        cm = CommentedMap()
        for k, v in value.items():
            cm[k] = to_commented(v)
        if flow:
            cm.fa.set_flow_style()
        return cm
    if isinstance(value, (list, tuple)):
        cs = CommentedSeq()
        for v in value:
            cs.append(to_commented(v))
        return cs
    return value


def flow_map(value: dict) -> CommentedMap:
    """A mapping written on one line: ``{date: 2016-08-31, note: ...}``."""
    return to_commented(value, flow=True)


# ---------------------------------------------------------------- edits
def set_key(mapping: CommentedMap, key: str, value: Any, order: Iterable[str] = ()) -> None:
    """Set ``mapping[key] = value``; a new key goes after the nearest key before it in ``order`` (the
    model's field order), else at the end. Existing keys keep their place, comment and style."""
    if key in mapping:
        mapping[key] = value
        return
    order = list(order)
    pos = len(mapping)
    if key in order:
        before = order[: order.index(key)]
        present = [i for i, k in enumerate(mapping.keys()) if k in before]
        after = order[order.index(key) + 1 :]
        later = [i for i, k in enumerate(mapping.keys()) if k in after]
        if present:
            pos = max(present) + 1
        elif later:
            pos = min(later)
    if pos >= len(mapping):
        mapping[key] = value
    else:
        mapping.insert(pos, key, value)


def append_entry(mapping: CommentedMap, key: str, entry: dict, order: Iterable[str] = ()) -> None:
    """Append ``entry`` to the list ``mapping[key]`` (created when missing or null), in the style of the
    entries already there: flow ``{...}`` when the previous entry is flow (or the list is new)."""
    seq = mapping.get(key)
    if not isinstance(seq, CommentedSeq):
        seq = CommentedSeq()
        set_key(mapping, key, seq, order)
        flow = True
    elif len(seq) == 0:
        if seq.fa.flow_style():
            seq.fa.set_block_style()
        flow = True
    else:
        last = seq[-1]
        flow = isinstance(last, CommentedMap) and bool(last.fa.flow_style())
    seq.append(to_commented(entry, flow=flow) if flow else to_commented(entry))


def date_value(day: dt.date | str | None) -> Any:
    """A date as written by ruamel (plain ``2016-12-31``)."""
    if isinstance(day, str):
        return dt.date.fromisoformat(day)
    return day
