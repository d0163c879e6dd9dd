"""The one validation of a write: the whole ledger as the change would leave it, checked before the branch moves.

:func:`change_errors` loads the ledger with the new content of the changed files in place of the disk's
(:func:`reformctl.load.load_ledger` with ``overrides``: the same reading, size limit, schema and file-name rules
as `check`, the cache serving every unchanged file), runs the cross-record checks of `check`
(:func:`reformctl.rules.checks.check_ledger`) and the rules of `check --base` (:mod:`reformctl.rules.item_changes`)
on every changed item. So a commit the store makes is one `check` and `check --base <the old HEAD>` accept.

A ledger that has errors already is not held hostage by them: only the errors the change brings refuse it
(compared by file, code and message, lines aside); the ones it had are counted, so the caller can say so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Optional

from ..model import KINDS_BY_FOLDER, Diagnostic, Severity


@dataclass
class Verdict:
    new_errors: list[Diagnostic] = field(default_factory=list)  # lines resolved in the new content
    old_errors: int = 0  # errors the ledger had before the change and still has


def _key(d: Diagnostic) -> tuple:
    return (d.file, d.code, d.message)


def _ledger_errors(root: Path, overrides: Optional[dict[str, Optional[bytes]]] = None) -> list[Diagnostic]:
    from ..load import load_ledger
    from ..rules.checks import check_ledger

    res = load_ledger(root, overrides=overrides)
    return [d for d in res.diagnostics + check_ledger(res.ledger) if d.severity is Severity.error]


def change_rules(root: Path, changes: dict[str, Optional[bytes]], ref: str, short: str) -> list[Diagnostic]:
    """The rules of `check --base` for the changed items: the disk holds their content at ``ref`` (the store
    refuses to change a file with uncommitted edits), ``changes`` their new content."""
    from ..load import yamlread
    from ..rules.item_changes import compare_item, deleted_item

    out: list[Diagnostic] = []
    for rel, data in changes.items():
        p = PurePosixPath(rel)
        kind = KINDS_BY_FOLDER.get(p.parts[0]) if len(p.parts) == 2 else None
        if kind is None:
            continue
        try:
            before = (root / rel).read_bytes()
        except OSError:
            continue  # a new file
        if data is None:
            out.append(deleted_item(kind, rel, ref, short))
            continue
        try:
            old = yamlread.parse(before.decode("utf-8-sig"))
            new = yamlread.parse(data.decode("utf-8-sig"))
        except (yamlread.YamlProblem, UnicodeDecodeError, RecursionError):
            continue  # a broken file is the load's business
        if isinstance(old, dict) and isinstance(new, dict):
            out += [d for d in compare_item(kind.name, rel, old, new, ref) if d.severity is Severity.error]
    return out


def change_errors(root: Path, changes: dict[str, Optional[str]], ref: str = "HEAD", short: str = "") -> Verdict:
    """What `check` and `check --base` would say, once ``changes`` (ledger-relative path -> new text, None: deleted)
    are written, that they do not say now."""
    from ..load import locate

    overrides = {rel: None if text is None else text.encode("utf-8") for rel, text in changes.items()}
    after = _ledger_errors(root, overrides)
    rules = change_rules(root, overrides, ref, short)
    verdict = Verdict()
    if after:
        before = Counter(_key(d) for d in _ledger_errors(root))
        for d in after:
            if before[_key(d)] > 0:
                before[_key(d)] -= 1
                verdict.old_errors += 1
            else:
                verdict.new_errors.append(d)
    verdict.new_errors = sorted(locate(root, verdict.new_errors + rules, overrides), key=Diagnostic.sort_key)
    return verdict


__all__ = ["Verdict", "change_errors", "change_rules"]
