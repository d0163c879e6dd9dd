"""The environment variables reformctl reads, their bounds, and one check of them all (the CLI runs it before
any command: a bad value is a clear exit 2, never a traceback, a hang or a silent default).

Read sites call :func:`number` and get the default for a value outside the bounds, so the library never
fails on them either.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Optional

BOOL_WORDS = ("", "0", "1", "false", "true", "no", "yes", "off", "on")


@dataclass(frozen=True)
class Var:
    name: str
    kind: str  # int | float | bool | path
    default: float = 0
    low: float = 0
    high: float = 0  # (what it takes, in words, is the catalogue's `env_takes.NAME`)


VARS: tuple[Var, ...] = (
    Var("REFORMCTL_LEDGER", "path"),
    Var("REFORMCTL_MAX_FILE_BYTES", "int", 2 * 1024 * 1024, 1, 1024**3),
    Var("REFORMCTL_MAX_MEMBER_FILES", "int", 100_000, 1, 10_000_000),
    Var("REFORMCTL_MAX_MEMBER_BYTES", "int", 256 * 1024 * 1024, 1, 64 * 1024**3),
    Var("REFORMCTL_LOCK_TIMEOUT", "float", 120, 0, 86400),
    Var("REFORMCTL_JOBS", "int", 0, 0, 64),
    Var("REFORMCTL_MAIN_SHARE", "float", 1.0, 0.25, 4),
    Var("REFORMCTL_NO_CACHE", "bool"),
    Var("REFORMCTL_NO_QUICK_EDIT", "bool"),
    Var("REFORMCTL_DEBUG", "bool"),
)
BY_NAME = {v.name: v for v in VARS}

# COLUMNS (the width of tables and help): outside these bounds a value is clamped; one that is not a whole
# number is ignored (the terminal's width is used, or 240 columns when the output is not a terminal).
COLUMNS_MIN, COLUMNS_MAX = 40, 1000


def _parse(var: Var, raw: str) -> Optional[float]:
    """The value of ``raw`` for ``var``, or None when it is not one."""
    text = raw.strip()
    try:
        value = int(text) if var.kind == "int" else float(text)
    except ValueError:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if not var.low <= value <= var.high:
        return None
    return value


def problems() -> list[tuple[Var, str]]:
    """(variable, raw value) of every REFORMCTL_* variable set to a value it does not accept."""
    out = []
    for var in VARS:
        raw = os.environ.get(var.name)
        if raw is None:
            continue
        if var.kind == "bool":
            if raw.strip().lower() not in BOOL_WORDS:
                out.append((var, raw))
        elif var.kind == "path":
            if not raw.strip():
                out.append((var, raw))
        elif _parse(var, raw) is None:
            out.append((var, raw))
    return out


def number(name: str) -> float:
    """The value of the numeric variable ``name`` (its default when unset or not accepted)."""
    var = BY_NAME[name]
    raw = os.environ.get(name)
    value = _parse(var, raw) if raw is not None else None
    return var.default if value is None else value


def flag(name: str) -> bool:
    """Whether the yes/no variable ``name`` is set to a yes (1, true, yes, on)."""
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def columns() -> Optional[int]:
    """``$COLUMNS`` clamped to [COLUMNS_MIN, COLUMNS_MAX]; None when unset or not a whole number (0 too)."""
    raw = os.environ.get("COLUMNS")
    if raw is None:
        return None
    try:
        n = int(raw.strip())
    except ValueError:
        return None
    if n <= 0:
        return None
    return min(max(n, COLUMNS_MIN), COLUMNS_MAX)
