"""Characters that must not reach a terminal, a CI log or a line of output as they are: control characters
(C0 but tab and newline, DEL, C1), the Unicode line and paragraph separators and the bidirectional overrides
and isolates (which reorder what a reader sees). Used by the loader (check flags them) and by every view
(which shows them as visible escapes). A module of its own, importing nothing of reformctl: the command line
uses it for every message without loading the models."""

from __future__ import annotations

import re
from typing import Any, Iterator

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# In a file's bytes, what may turn into such a character once parsed: a backslash (an escape in a double-quoted
# string, "\e" or "\x1b"), or one of the separators and overrides written as such (the YAML parser already
# refuses raw C0 and C1 control bytes). Those are U+2028-U+202E (E2 80 A8-AE in UTF-8) and U+2066-U+2069
# (E2 81 A6-A9). A clean file costs three memchr scans (`in`); the pattern runs only when a file holds E2 80 or
# E2 81, which Chinese punctuation (“” —) does often.
SUSPECT_BYTES = (b"\\",) + tuple(
    chr(c).encode() for c in (0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
)
_SUSPECT = re.compile(b"\\\\|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]").search


def suspect(data: bytes) -> bool:
    """True when ``data`` holds one of :data:`SUSPECT_BYTES`."""
    return b"\\" in data or ((b"\xe2\x80" in data or b"\xe2\x81" in data) and _SUSPECT(data) is not None)


def visible(ch: str) -> str:
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    o = ord(ch)
    return f"\\x{o:02x}" if o <= 0xFF else f"\\u{o:04x}"


def escape(value: Any, newlines: bool = True) -> str:
    """``value`` as text with every such character shown as a visible escape (ESC as ``\\x1b``, a newline as
    ``\\n``, U+202E as ``\\u202e``). ``newlines=False`` keeps newlines and tabs as they are."""
    text = value if isinstance(value, str) else str(value)
    pattern = CONTROL_OR_BREAK if newlines else CONTROL
    return pattern.sub(lambda m: visible(m.group(0)), text) if pattern.search(text) else text


def controls_in(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(YAML path, the first offending character) of every string in parsed ``data`` holding one."""
    if isinstance(data, str):
        m = CONTROL.search(data)
        if m:
            yield path, m.group(0)
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from controls_in(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from controls_in(v, path + (i,))


_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_safe(text: str) -> str:
    """A JSON document with DEL, C1 controls, separators and bidi overrides written as ``\\uXXXX`` escapes (the
    encoder escapes only C0 ones): the same data, nothing a terminal would act on. They can only stand inside
    strings, where the escape is equivalent."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) if _JSON_RAW.search(text) else text
