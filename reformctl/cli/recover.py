"""`reformctl recover`: finish or roll back a write that was interrupted (its process killed half-way)."""

from __future__ import annotations

import typer

from .common import LangOpt, LedgerOpt, err, parse_lang, resolve_root


def recover(ledger: LedgerOpt = None, lang: LangOpt = None) -> None:
    """Finish or roll back a write that was interrupted (killed) half-way.

    A write records what it is about to do in a journal in the git folder;
    when its process dies before it is done, every command says so (the
    ledger may be half-written) and refuses until this runs. It finishes the
    commit when the branch had already moved, else puts every file back as
    it was, and removes the temporary files left beside them. Any write
    command does the same first. Exit 0 (also when there was nothing to do).
    """
    from ..i18n.write import say
    from ..load import LedgerRootError, find_ledger
    from ..store import unfinished_write

    language = parse_lang(lang)
    try:
        pending = unfinished_write(find_ledger(ledger))
    except LedgerRootError:
        pending = None  # resolve_root says why
    resolve_root(ledger, recover=True)  # finishes or rolls back, and says which
    if pending is None:
        err("reformctl: " + say("recover_nothing", language))


def register(app: typer.Typer) -> None:
    app.command("recover")(recover)
