"""``json.dump(rows, out, ensure_ascii=False, indent=2)`` for a list of flat objects, byte for byte, about
1.6 times faster: with ``indent`` the standard library falls back to its pure-Python encoder (issue 6:
`status --format json` writes tens of thousands of findings on a large ledger). Values that are not plain strings, integers, booleans or
null (floats, lists, nested objects, subclasses) are written by :func:`json.dumps` itself."""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _enc  # the C function when the accelerator is there
from typing import Any, TextIO


def _dumps(value: Any, level: int) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * level) if "\n" in text else text


def dumps_array(rows: list) -> str:
    if not rows:
        return "[]"
    parts = []
    keys: dict[str, str] = {}  # field name -> its '    "name": ' prefix (the same few names on every row)
    enc = _enc
    for row in rows:
        if type(row) is not dict or not row or any(type(k) is not str for k in row):
            parts.append("  " + _dumps(row, 1))
            continue
        fields = []
        for k, v in row.items():
            prefix = keys.get(k)
            if prefix is None:
                prefix = keys[k] = f"    {enc(k)}: "
            t = type(v)
            if t is str:
                fields.append(prefix + enc(v))
            elif v is None:
                fields.append(prefix + "null")
            elif t is int:
                fields.append(prefix + int.__repr__(v))
            elif v is True:
                fields.append(prefix + "true")
            elif v is False:
                fields.append(prefix + "false")
            else:
                fields.append(prefix + _dumps(v, 2))
        parts.append("  {\n" + ",\n".join(fields) + "\n  }")
    return "[\n" + ",\n".join(parts) + "\n]"


def dump_array(rows: list, out: TextIO) -> None:
    """Exactly what ``json.dump(rows, out, ensure_ascii=False, indent=2)`` writes."""
    out.write(dumps_array(rows))
