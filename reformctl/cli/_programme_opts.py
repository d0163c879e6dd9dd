"""Options shared by schedule, cases, assess and accountability."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..i18n.faults import os_reason
from .common import fail, in_year_range, said

YearOpt = Annotated[
    Optional[int],
    typer.Option("--year", "-y", metavar="YYYY", show_default=False, help="The year. Default: the year of --as-of."),
]


class ListFormat(str, Enum):
    table = "table"
    json = "json"


FormatOpt = Annotated[
    ListFormat,
    typer.Option("--format", "-f", help="table for people (Rich, on a terminal); json, plainly on stdout for scripts."),
]
XlsxOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--xlsx",
        metavar="FILE",
        show_default=False,
        dir_okay=False,
        help="Also write the listing as an Excel workbook to FILE.",
    ),
]


def pick_year(year: Optional[int], as_of) -> int:
    if year is None:
        return as_of.year
    return in_year_range(year, "--year")


def check_out_file(path: Optional[Path], option: str) -> None:
    """Refuse (exit 2) an output file whose folder does not exist, that is a folder, or that is a device, a pipe
    or a socket (the file written would replace it), before any work."""
    from ..views.safe import not_a_file

    if path is None:
        return
    if path.is_dir():
        fail(said("out_is_folder", option=option, path=path))
    if not_a_file(path):
        fail(said("out_not_file", option=option, path=path))
    if not path.parent.exists() and str(path.parent) not in ("", "."):
        fail(said("out_no_folder", option=option, path=path, folder=path.parent))


def save(path: Path, option: str, writer) -> None:
    """Run ``writer(path)``; an OS error (permissions, full disk) is a clear message and exit 2, never a traceback."""
    from .common import err

    try:
        writer(path)
    except OSError as exc:
        fail(said("out_cannot_write", option=option, path=path, why=os_reason(exc)))
    err(said("wrote", path=path))
