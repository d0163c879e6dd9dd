"""The read-only member sheets of `export --members`."""

from __future__ import annotations

from ...i18n.text import by_lang
from ...i18n.workbook import MEMBERS

# ---------------------------------------------------------------- members (export --members)
_M = by_lang(MEMBERS)  # the words by language; the texts are in reformctl/i18n/workbook.py
_SUMMARY_HEADS = ("member", "commit", "red", "yellow")
_FINDING_HEADS = ("member", "light", "id", "title", "unit", "due", "days", "message")
MEMBER_SHEETS = {lang: (_M[lang]["members_sheet"], _M[lang]["findings_sheet"]) for lang in ("zh", "en")}
MEMBER_HEADERS = {
    lang: ([_M[lang]["members." + h] for h in _SUMMARY_HEADS], [_M[lang]["findings." + h] for h in _FINDING_HEADS])
    for lang in ("zh", "en")
}


def add_member_sheets(path, members: list[dict], lang: str = "zh") -> None:
    """Add two read-only sheets to the workbook at ``path`` (import ignores them): one row per member with its
    red and yellow counts, and every member's red and yellow findings. ``members`` as
    :func:`reformctl.views.html.member_rows` gives them. Text from members' ledgers is written as text, never as
    a formula. The workbook is replaced whole (written beside it, then renamed)."""
    import openpyxl

    from ...i18n import label
    from ..safe import write_output

    wb = openpyxl.load_workbook(path)
    names, heads = MEMBER_SHEETS[lang], MEMBER_HEADERS[lang]

    def put(ws, row: list) -> None:
        ws.append([None] * len(row))
        for i, value in enumerate(row, 1):
            cell = ws.cell(ws.max_row, i)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever a member's ledger holds

    summary = wb.create_sheet(names[0])
    summary.append(heads[0])
    found = wb.create_sheet(names[1])
    found.append(heads[1])
    for m in members:
        put(summary, [m["member"], m["commit"] or "", m["red"], m["yellow"]])
        for f in m["findings"]:
            put(
                found,
                [
                    m["member"],
                    label("light", f["light"], lang),
                    f["id"],
                    f["title"],
                    f["unit"],
                    f["due"],
                    f["days"],
                    f["message"],
                ],
            )
    for ws in (summary, found):
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    write_output(path, wb.save)  # whole or not at all, with the mode of the file it replaces
