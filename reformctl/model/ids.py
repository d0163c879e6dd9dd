"""The shape of an item id (no pydantic here: the file listing uses it before any record is read)."""

from __future__ import annotations

import re

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
ID_RE = re.compile(ID_PATTERN)
