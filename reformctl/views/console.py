"""Consoles and progress bars: Rich on a terminal only (honours NO_COLOR), nothing when piped."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator, Optional


PIPED_WIDTH = 240  # a table written to a pipe or a file: wide enough for one line per row


def stdout_console():
    """A Rich console for tables on stdout (plain text when piped; colours off under NO_COLOR). Piped without
    ``COLUMNS``, tables are laid out 240 columns wide rather than Rich's 80, which broke every unit name and
    message over several lines (`reformctl status > status.txt`, `| grep`, `| less -S`)."""
    from ..base.envvars import columns

    given = columns()  # $COLUMNS within its bounds (40-1000), else None
    width = None
    if given is None:
        try:
            piped = not sys.stdout.isatty()
        except (AttributeError, ValueError):
            piped = True
        if piped:
            width = PIPED_WIDTH
    # markup and emoji off: a title "[link=...]" or ":warning:" is data, shown as written
    return _safe_console()(
        file=_RightTrimmed(sys.stdout) if width else sys.stdout,
        soft_wrap=False,
        width=width or given,
        markup=False,
        emoji=False,
    )


_SAFE = None


def _safe_console():
    """A Rich Console whose every string (table cells, titles, printed text) has its control characters shown
    as visible escapes (\\x1b): a title holding ESC ] 0 ; ... must not drive the terminal."""
    global _SAFE
    if _SAFE is None:
        from rich.console import Console

        from ..base.textsafe import escape

        class SafeConsole(Console):
            def render_str(self, text, **kw):
                return super().render_str(escape(text, newlines=False), **kw)

        _SAFE = SafeConsole
    return _SAFE


class _RightTrimmed:
    """Writes to ``out`` without the spaces Rich pads each line with up to the console width."""

    def __init__(self, out):
        self.out = out

    def write(self, text: str) -> int:
        self.out.write("\n".join(line.rstrip(" ") for line in text.split("\n")))
        return len(text)

    def flush(self) -> None:
        self.out.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return getattr(self.out, "encoding", "utf-8")


class _NoProgress:
    def add(self, total: int, description: str = "") -> int:
        return 0

    def advance(self, task: int = 0, steps: int = 1) -> None:
        pass

    def update(self, task: int = 0, **kw) -> None:
        pass


class _RichProgress(_NoProgress):
    def __init__(self, progress):
        self._p = progress

    def add(self, total: int, description: str = "") -> int:
        return self._p.add_task(description, total=total)

    def advance(self, task: int = 0, steps: int = 1) -> None:
        self._p.advance(task, steps)

    def update(self, task: int = 0, **kw) -> None:
        self._p.update(task, **kw)


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress(enabled: Optional[bool] = None) -> Iterator[_NoProgress]:
    """``with progress() as p: t = p.add(n, "导出"); p.advance(t)``: a Rich progress bar on stderr when stderr is a
    terminal, a silent stand-in otherwise (pipes, CI, tests)."""
    if enabled is None:
        enabled = stderr_is_terminal()
    if not enabled:
        yield _NoProgress()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    ) as p:
        yield _RichProgress(p)
