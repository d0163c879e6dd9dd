"""Next free ids: ``T-2016-037`` after ``T-2016-036``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

PREFIX = {
    "task": "T",
    "pilot": "P",
    "notice": "RN",
    "reminder": "SR",
    "report": "R",
    "event": "E",
    "plan": "PL",
    "accountability": "A",
    "case": "C",
}


def next_id(root: Path, folder: str, prefix: str, year: Optional[int], width: int = 3) -> str:
    """The next free ``PREFIX-YEAR-NNN`` in ``root/folder`` (one past the highest number used; gaps are not
    reused, so an id once seen in history never comes back)."""
    stem = f"{prefix}-{year}" if year is not None else prefix
    pat = re.compile(rf"^{re.escape(stem)}-(\d+)\.yaml$")
    top = 0
    base = Path(root) / folder
    if base.is_dir():
        for p in base.iterdir():
            m = pat.match(p.name)
            if m:
                top = max(top, int(m.group(1)))
                width = max(width, len(m.group(1)))
    return f"{stem}-{top + 1:0{width}d}"
