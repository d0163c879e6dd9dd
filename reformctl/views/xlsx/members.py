"""The read-only member sheets of `export --members`."""

from __future__ import annotations

# ---------------------------------------------------------------- members (export --members)
MEMBER_SHEETS = {
    "zh": ("下级台账(只读)", "下级台账事项(只读)"),
    "en": ("Members (read-only)", "Member findings (read-only)"),
}
MEMBER_HEADERS = {
    "zh": (["下级", "提交", "红灯", "黄灯"], ["下级", "信号灯", "编号", "事项", "责任单位", "时限", "天数", "情况"]),
    "en": (["member", "commit", "red", "yellow"], ["member", "light", "id", "title", "unit", "due", "days", "message"]),
}


def add_member_sheets(path, members: list[dict], lang: str = "zh") -> None:
    """Add two read-only sheets to the workbook at ``path`` (import ignores them): one row per member with its
    red and yellow counts, and every member's red and yellow findings. ``members`` as
    :func:`reformctl.views.html.member_rows` gives them. Text from members' ledgers is written as text, never as
    a formula. The workbook is replaced whole (written beside it, then renamed)."""
    import os
    import tempfile
    from pathlib import Path

    import openpyxl

    from ...i18n import label

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
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".xlsx", dir=str(Path(path).resolve().parent))
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
