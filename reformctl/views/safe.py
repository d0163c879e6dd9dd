"""What every writer does to text it did not write itself (titles, unit names, file names, messages): keep it
from being read as a spreadsheet formula, and keep it from driving a terminal or splitting a line.

The ledger's files, their names and the workbooks users send are not trusted (docs/security.md).
"""

from __future__ import annotations

import errno
import re
from typing import Any, Iterable

from ..base.textsafe import escape

# A cell a spreadsheet may evaluate: OWASP's list (= + - @, tab, carriage return) and the full-width forms of
# = + - @, which Excel running with an East Asian input method also takes as the start of a formula.
FORMULA_LEADS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def formula_like(value: Any) -> bool:
    """True for a string a spreadsheet could take as a formula (a plain number such as -5 is not one)."""
    return isinstance(value, str) and value[:1] in FORMULA_LEADS and _NUMBER.fullmatch(value) is None


def csv_cell(value: Any) -> Any:
    """A CSV field that no spreadsheet evaluates and no terminal acts on: a formula-like string gets a leading
    single quote (what OWASP recommends; a spreadsheet shows the text, a script can strip the quote); control
    characters and line breaks are shown as escapes (``\\x1b``, ``\\n``), so that a row is one line."""
    if not isinstance(value, str):
        return value
    if formula_like(value):
        value = "'" + value
    return escape(value)


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def xlsx_append(ws, values: list[Any], row: int | None = None) -> None:
    """``ws.append(values)``, with every formula-like string stored as a text cell (openpyxl makes any string
    starting with = a formula) and marked with Excel's quote prefix, so that editing the cell in Excel keeps it
    text. The value itself is unchanged: an exported workbook reads back exactly. ``row``: the number of the row
    appended, when the caller knows it (``ws.max_row`` scans every cell)."""
    ws.append(values)
    hits = [i for i, v in enumerate(values, start=1) if formula_like(v)]
    if hits:
        r = row if row is not None else ws.max_row
        for i in hits:
            cell = ws.cell(r, i)
            cell.data_type = "s"
            cell.quotePrefix = True


# ---------------------------------------------------------------- control characters
def clean(value: Any, newlines: bool = True) -> str:
    """``value`` as text with every control character, line or paragraph separator and bidi override shown as a
    visible escape (ESC as ``\\x1b``, a newline as ``\\n``, U+202E as ``\\u202e``): what a line of text output,
    a table cell or a CI log line may hold. ``newlines=False`` keeps newlines and tabs (free text in a block)."""
    return escape(value, newlines)


# ---------------------------------------------------------------- Markdown
_MD_SPECIAL = str.maketrans({"\\": "\\\\", "|": "\\|", "<": "&lt;", "[": "\\[", "]": "\\]"})


def md_text(value: Any) -> str:
    """Text for a Markdown table cell: one line (a line break becomes a space), control characters escaped,
    and nothing that Markdown would make a link, an image or an HTML tag (``[`` ``]`` ``<`` escaped)."""
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return escape(text).translate(_MD_SPECIAL)


def md_code(value: Any) -> str:
    """``value`` as a Markdown code span for a table cell (a file name): fenced with more backquotes than it
    holds, control characters and line breaks shown as escapes, ``|`` escaped for the table."""
    text = escape(value if isinstance(value, str) else str(value)).replace("|", "\\|")
    run = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (run + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# ---------------------------------------------------------------- output files
def write_output(path, write) -> None:
    """Make the file ``path`` whole or not at all: ``write(tmp)`` fills a temporary file beside it, which then
    replaces ``path`` in one rename. On any failure (a full disk, an interrupt) the temporary file is removed and
    ``path`` is as it was: never a 0-byte or half-written workbook. The file gets the mode a new file gets
    (0666 less the umask) or keeps the mode of the file it replaces, never the 0600 of a temporary file. A
    symbolic link is followed as the shell's ``>`` and git's own writes follow it
    (:func:`reformctl.base.paths.output_target`): the file it points to is written (beside it, then renamed), the
    link stays (it was replaced by a plain file)."""
    import os
    import tempfile

    from ..base.paths import output_target

    path = output_target(path)
    if not_a_file(path):
        raise OSError(errno.EINVAL, "not a regular file (a device, a pipe or a socket): name a file", str(path))
    fd, tmp = tempfile.mkstemp(prefix=".reformctl-", suffix=path.suffix or ".tmp", dir=str(path.parent))
    try:
        os.close(fd)
        write(tmp)
        try:  # the mode of the file it replaces, else what the umask gives a new file
            mode = path.stat().st_mode & 0o7777
        except OSError:
            from ..store.files import current_umask  # read without setting it: no race with a host's threads

            mode = 0o666 & ~current_umask()
        os.chmod(tmp, mode)
        with open(tmp, "rb+") as fh:  # on the disk before the rename makes it the file
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def not_a_file(path) -> bool:
    """Whether ``path`` is there and is a device, a pipe or a socket: a file written beside it and renamed over it
    would replace it (run as root, `--out /dev/null` replaced /dev/null with a file). A folder is refused by the
    rename itself. A symbolic link is judged by what it points to (it is followed when written); one that points
    nowhere yet is a file to be made."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_bytes(path, data: bytes) -> None:
    def fill(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)

    write_output(path, fill)


def write_text(path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
