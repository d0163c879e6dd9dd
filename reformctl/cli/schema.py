"""`reformctl schema`: write (or verify) the JSON Schemas generated from the models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..i18n.faults import os_reason
from .common import EXIT_FINDINGS, err, fail, said


def schema(
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Folder to write the schemas to.")] = Path(
        "schemas"
    ),
    check_only: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 when the files in DIR differ from what the models generate (for CI)."
        ),
    ] = False,
) -> None:
    """Generate the JSON Schemas (draft-07) of every ledger file kind from the models.

    Editors with the YAML language server (VS Code's YAML extension) give completion and checking when a
    ledger file starts with a modeline such as:

        # yaml-language-server: $schema=../../schemas/task.schema.json
    """
    from ..model.schemas import dumps, generate
    from ..views.safe import write_text

    wanted = {name: dumps(s) for name, s in generate().items()}
    if check_only:
        stale = [
            n for n, text in wanted.items() if not (out / n).is_file() or (out / n).read_text(encoding="utf-8") != text
        ]
        if stale:
            err("reformctl: " + said("schema_stale", out=out, names=", ".join(sorted(stale))))
            raise typer.Exit(EXIT_FINDINGS)
        err(said("schema_fresh", out=out, n=len(wanted)))
        return
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in wanted.items():
            write_text(out / name, text)
    except OSError as exc:
        fail(said("schema_cannot_write", out=out, why=os_reason(exc)))
    err(said("schema_wrote", out=out, n=len(wanted)))


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
