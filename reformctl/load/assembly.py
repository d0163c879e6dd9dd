"""The ledger built from the results of its files: duplicate ids refused (across files, and ids that differ only
by case), the :class:`LoadResult` of a load."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from ..model import Diagnostic, Ledger, Severity
from .validation import FileResult

if TYPE_CHECKING:
    from ..model import Settings


@dataclass
class LoadResult:
    ledger: Ledger
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_read: int = 0  # the ledger files read, readable or not, reformctl.yaml included (0: not counted)
    # this result with the errors between records added (reformctl.api.with_record_errors), once computed
    records_checked: Optional["LoadResult"] = field(default=None, repr=False, compare=False)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.error]


def assemble(root: Path, settings: Optional["Settings"], results: Iterable[FileResult]) -> LoadResult:
    """Build the Ledger from per-file results, refusing duplicate ids (ids of item files are unique across
    every folder kind; ids in a list file, an assessment or a close-out, within their kind)."""
    items: dict[str, dict] = {}
    files: dict[tuple[str, str], str] = {}
    index: dict[tuple[str, str], int] = {}
    diags: list[Diagnostic] = []
    first_seen: dict[str, dict[str, str]] = {}  # scope -> id -> the file that has it first
    for fr in results:
        if fr.diagnostics:
            diags.extend(fr.diagnostics)
        kind = fr.kind
        bucket = items.get(kind)
        if bucket is None:
            bucket = items[kind] = {}
        records = fr.records
        if not records:
            continue
        rel = fr.rel
        if len(records) == 1 and records[0][2] is None:  # one item file: the common case, inline
            item_id, rec, _i = records[0]
            seen = first_seen.get("item" if kind not in ("assessment", "closeout") else kind)
            if seen is None:
                seen = first_seen["item" if kind not in ("assessment", "closeout") else kind] = {}
            other = seen.get(item_id)
            if other is not None:
                diags.append(Diagnostic.of(rel, "duplicate_id", path=("id",), id=item_id, other=other))
                continue
            seen[item_id] = rel
            bucket[item_id] = rec
            files[(kind, item_id)] = rel
            continue
        for item_id, rec, i in records:
            list_kind = i is not None
            scope = kind if list_kind or kind in ("assessment", "closeout") else "item"
            seen = first_seen.setdefault(scope, {})
            other = seen.get(item_id)
            if other is not None:
                diags.append(
                    Diagnostic.of(
                        rel, "duplicate_id", path=((i,) if i is not None else ()) + ("id",), id=item_id, other=other
                    )
                )
                continue
            seen[item_id] = rel
            bucket[item_id] = rec
            files[(kind, item_id)] = rel
            if i is not None:
                index[(kind, item_id)] = i
    diags += _case_collisions(first_seen.get("item", {}))
    ledger = Ledger(root=root, settings=settings, items=items, files=files, index=index)
    return LoadResult(ledger, diags)


def _case_collisions(seen: dict[str, str]) -> list[Diagnostic]:
    """Item ids that differ only by case: their files are one file on macOS and Windows (a clone there loses
    one of them), so the second is refused as a duplicate."""
    by_fold: dict[str, str] = {}
    out = []
    for item_id in sorted(seen, key=lambda i: (seen[i], i)):
        folded = item_id.casefold()
        first = by_fold.setdefault(folded, item_id)
        if first != item_id:
            out.append(
                Diagnostic.of(
                    seen[item_id], "duplicate_id.case", path=("id",), id=item_id, first=first, other=seen[first]
                )
            )
    return out
