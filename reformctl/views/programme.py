"""Render the review schedule, the promotion list and case book, the assessment and the accountability register:
Rich tables for a terminal, JSON for scripts, Markdown and xlsx files. Labels in Simplified Chinese and English."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, TextIO

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        # schedule
        "schedule_title": "{y}年度上会审议计划", "plan": "方案编号", "title": "名称", "special_group": "专项小组",
        "lead_unit": "牵头单位", "review_scheduled": "计划审议日期", "approved": "审议通过", "state": "状态",
        "days": "天数", "preparation": "审议准备", "stability_assessment": "稳评", "legality_review": "合法性审查",
        "reviewed": "已审议", "late": "逾期未审议", "upcoming": "待审议", "unscheduled": "计划外审议",
        "ready": "已完成", "not_needed": "不需要", "missing": "缺", "on_time": "按期", "late_by": "推迟{n}天",
        "overdue_by": "逾期{n}天", "in_days": "还有{n}天", "today": "今天",
        "schedule_totals": "共{n}项: 已审议{r}项, 逾期{l}项, 待审议{u}项",
        # cases
        "promotion_title": "{y}年改革经验推广清单", "book_title": "{y}年典型案例汇编", "listing_title": "{y}年示范点位挂牌动态",
        "id": "编号", "unit": "单位", "kind": "类型", "date": "日期", "listed": "挂牌日期", "delisted": "摘牌日期",
        "listing": "挂牌状态", "summary": "经验摘要", "typical_case": "典型经验", "demonstration_point": "示范点位",
        "listed_in_year": "本年挂牌", "delisted_in_year": "本年摘牌", "listed_state": "持续挂牌", "delisted_state": "已摘牌",
        "never": "未挂牌", "future": "待挂牌", "none_listed": "(无)",
        "demo_count": "本年挂牌示范点位: {n}个", "demo_missing": "本年尚未挂牌示范点位(每年至少一批)",
        "book_intro": "本汇编收录{y}年度改革典型案例{n}个，供各地各部门学习借鉴。",
        # assessment
        "assess_title": "{y}年度改革工作目标绩效考核: 建议扣分", "rank_title": "{y}年度考核排名", "rank": "名次",
        "score": "得分", "deducted": "扣分合计", "deductions": "扣分项", "new": "新增建议扣分", "points": "扣分",
        "reason": "扣分原因", "source": "依据", "rule": "类别", "recorded": "考核表",
        "task_unfinished": "任务未完成", "problem_refused": "拒不整改", "problem_overdue": "整改逾期",
        "point_deduction": "追责扣分", "yes_recorded": "已录入", "not_recorded": "待审核",
        "no_proposals": "台账中没有应扣分事项",
        "assess_hint": "以上为根据台账提出的建议扣分，请审核；`--write` 将未录入项写入 {file} (一次提交)。",
        "assess_written": "已写入 {file}: 新增{n}项扣分 (提交 {sha})",
        "assess_nothing": "{file} 已包含全部建议扣分，无需写入",
        # accountability
        "register_title": "{y}年度责任追究登记台账", "register_title_all": "责任追究登记台账",
        "exempt_title": "容错免责(第十八条)", "target": "追责对象", "person": "责任人", "ground": "追责事由",
        "measure": "追责方式", "decided": "决定日期", "implemented_by": "实施单位", "exemption": "免责理由",
        "oral_warning": "口头告诫", "interview": "约见约谈", "circulated_criticism": "通报批评",
        "organizational_handling": "组织处理", "register_empty": "本年度无追责记录", "count": "{n}项",
    },
    "en": {
        "schedule_title": "Plan review schedule {y}", "plan": "Plan", "title": "Title", "special_group": "Special group",
        "lead_unit": "Lead unit", "review_scheduled": "Scheduled", "approved": "Approved", "state": "State",
        "days": "Days", "preparation": "Preparation", "stability_assessment": "stability assessment",
        "legality_review": "legality review", "reviewed": "reviewed", "late": "late", "upcoming": "to come",
        "unscheduled": "reviewed (unscheduled)", "ready": "ready", "not_needed": "not needed", "missing": "missing",
        "on_time": "on time", "late_by": "{n} days late", "overdue_by": "{n} days overdue", "in_days": "in {n} days",
        "today": "today", "schedule_totals": "{n} plan(s): {r} reviewed, {l} late, {u} to come",
        "promotion_title": "Reform experience promotion list {y}", "book_title": "Typical cases {y}",
        "listing_title": "Demonstration points: listing and delisting in {y}",
        "id": "Id", "unit": "Unit", "kind": "Kind", "date": "Date", "listed": "Listed", "delisted": "Delisted",
        "listing": "Listing", "summary": "Summary", "typical_case": "typical case",
        "demonstration_point": "demonstration point", "listed_in_year": "listed this year",
        "delisted_in_year": "delisted this year", "listed_state": "listed", "delisted_state": "delisted",
        "never": "never listed", "future": "to be listed", "none_listed": "(none)",
        "demo_count": "Demonstration points listed this year: {n}",
        "demo_missing": "No demonstration point listed this year (at least one batch a year)",
        "book_intro": "This book collects {n} typical reform case(s) of {y}.",
        "assess_title": "Annual assessment {y}: proposed deductions", "rank_title": "Assessment ranking {y}",
        "rank": "Rank", "score": "Score", "deducted": "Deducted", "deductions": "Deductions", "new": "Proposed",
        "points": "Points", "reason": "Reason", "source": "Source", "rule": "Kind", "recorded": "In file",
        "task_unfinished": "task unfinished", "problem_refused": "refused to rectify",
        "problem_overdue": "rectification overdue", "point_deduction": "point deduction",
        "yes_recorded": "recorded", "not_recorded": "to review", "no_proposals": "The ledger suggests no deduction",
        "assess_hint": "These deductions are proposed from the ledger for the office to review; `--write` adds the "
                       "ones not yet recorded to {file} (one commit).",
        "assess_written": "Wrote {file}: {n} deduction(s) added (commit {sha})",
        "assess_nothing": "{file} already holds every proposed deduction; nothing written",
        "register_title": "Accountability register {y}", "register_title_all": "Accountability register",
        "exempt_title": "Fault-tolerance exemptions (art. 18)", "target": "Unit", "person": "Person",
        "ground": "Ground", "measure": "Measure", "decided": "Decided", "implemented_by": "Carried out by",
        "exemption": "Exemption", "oral_warning": "oral warning", "interview": "interview",
        "circulated_criticism": "circulated criticism", "organizational_handling": "organisational handling",
        "register_empty": "No accountability measure this year", "count": "{n}",
    },
}


def L(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


def ground_label(ground: str, lang: str) -> str:
    from ..rules.programme import GROUNDS_EN, GROUNDS_ZH

    return (GROUNDS_ZH if lang == "zh" else GROUNDS_EN).get(ground, ground)


def listing_label(state: str, lang: str) -> str:
    key = {"listed": "listed_state", "delisted": "delisted_state"}.get(state, state)
    return L(lang)[key]


def dash(v: Any) -> str:
    return "—" if v in (None, "", []) else str(v)


def fmt_points(p: float) -> str:
    return f"{p:g}"


# ---------------------------------------------------------------- generic output
def write_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def print_table(console, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                styles: Optional[Sequence[Optional[str]]] = None, caption: Optional[str] = None) -> None:
    """One Rich table; ``styles`` gives a per-row style (e.g. "red", "yellow")."""
    from rich.table import Table

    t = Table(title=title, caption=caption, show_lines=False, header_style="bold")
    for h in headers:
        t.add_column(h, overflow="fold")
    for i, r in enumerate(rows):
        t.add_row(*[dash(c) for c in r], style=(styles[i] if styles else None))
    console.print(t)


def write_xlsx(path: Path, sheets: Sequence[tuple[str, str, Sequence[str], Sequence[Sequence[Any]]]]) -> None:
    """An xlsx workbook, one sheet per (sheet name, title, headers, rows): a title row, a bold header, frozen
    panes, auto filter and sensible column widths. Written to a temporary file and moved into place."""
    import os
    import tempfile

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for name, title, headers, rows in sheets:
        ws = wb.create_sheet(_sheet_name(name))
        ws.append([title])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append(list(headers))
        for c in ws[2]:
            c.font = Font(bold=True)
        for r in rows:
            ws.append([_cell(v) for v in r])
        ws.freeze_panes = "A3"
        if rows:
            ws.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{len(rows) + 2}"
        for i, h in enumerate(headers, start=1):
            width = max([_width(h)] + [_width(_cell(r[i - 1])) for r in rows if i - 1 < len(r)])
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
            for row in ws.iter_rows(min_row=3, min_col=i, max_col=i):
                row[0].alignment = Alignment(wrap_text=True, vertical="top")
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".reformctl-", suffix=".xlsx", dir=str(path.parent))
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _sheet_name(name: str) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name[:31] or "Sheet"


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "、".join(str(x) for x in v)
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@"):
        return "'" + v  # never let a cell be read as a formula
    return v


def _width(v: Any) -> int:
    s = str(v)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in s)


def write_text_file(path: Path, text: str) -> None:
    import os
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".reformctl-", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def md_escape(s: Any) -> str:
    return dash(s).replace("|", "\\|").replace("\n", " ")


def md_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(md_escape(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(md_escape(c) for c in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- schedule
def schedule_cells(rows, lang: str) -> tuple[list[str], list[list[Any]], list[Optional[str]]]:
    T = L(lang)
    headers = [T["review_scheduled"], T["plan"], T["title"], T["lead_unit"], T["state"], T["approved"],
               T["days"], T["preparation"]]
    out, styles = [], []
    for r in rows:
        if r.state in ("reviewed", "unscheduled"):
            days = T["on_time"] if not r.delay else T["late_by"].format(n=r.delay) if r.delay and r.delay > 0 else ""
        elif r.days is None:
            days = ""
        elif r.days > 0:
            days = T["overdue_by"].format(n=r.days)
        elif r.days == 0:
            days = T["today"]
        else:
            days = T["in_days"].format(n=-r.days)
        if r.state in ("reviewed", "unscheduled"):
            prep = ""
        elif r.missing:
            prep = T["missing"] + ("" if lang == "zh" else " ") + ("、" if lang == "zh" else ", ").join(T[m] for m in r.missing)
        else:
            prep = T["ready"]
        out.append([r.review_scheduled, r.id, r.title, r.lead_unit or r.special_group, T[r.state], r.approved,
                    days, prep])
        styles.append("red" if r.state == "late" else "yellow" if r.missing else None)
    return headers, out, styles


def schedule_totals(rows, lang: str) -> str:
    return L(lang)["schedule_totals"].format(
        n=len(rows), r=sum(r.state in ("reviewed", "unscheduled") for r in rows),
        l=sum(r.state == "late" for r in rows), u=sum(r.state == "upcoming" for r in rows))


# ---------------------------------------------------------------- cases
def case_cells(rows, lang: str, with_summary: bool = False) -> tuple[list[str], list[list[Any]]]:
    T = L(lang)
    headers = [T["id"], T["title"], T["unit"], T["kind"], T["date"], T["listed"], T["delisted"]]
    if with_summary:
        headers.append(T["summary"])
    out = []
    for r in rows:
        cells = [r.id, r.title, r.unit, T[r.kind], r.date, r.listed, r.delisted]
        if with_summary:
            cells.append(r.summary)
        out.append(cells)
    return headers, out


def listing_cells(rows, lang: str) -> tuple[list[str], list[list[Any]]]:
    T = L(lang)
    headers = [T["id"], T["title"], T["unit"], T["kind"], T["listed"], T["delisted"], T["listing"]]
    return headers, [[r.id, r.title, r.unit, T[r.kind], r.listed, r.delisted, listing_label(r.listing, lang)]
                     for r in rows]


def cases_markdown(report, lang: str) -> str:
    """The promotion list, the listing changes and the case book as one Markdown document."""
    T = L(lang)
    y = report.year
    parts = [f"# {T['promotion_title'].format(y=y)}\n\n"]
    h, rows = case_cells(report.promotion_list, lang)
    parts.append(md_table(h, rows) if rows else T["none_listed"] + "\n")
    parts.append(f"\n## {T['listing_title'].format(y=y)}\n\n")
    h, rows = listing_cells(report.listing, lang)
    parts.append(md_table(h, rows) if rows else T["none_listed"] + "\n")
    n = report.demonstration_points_listed
    parts.append("\n" + (T["demo_count"].format(n=n) if n else T["demo_missing"]) + "\n")
    parts.append(f"\n# {T['book_title'].format(y=y)}\n\n{T['book_intro'].format(y=y, n=len(report.case_book))}\n")
    for i, r in enumerate(report.case_book, start=1):
        parts.append(f"\n## {i}. {r.title}\n\n")
        facts = [(T["id"], r.id), (T["unit"], r.unit), (T["kind"], T[r.kind]), (T["date"], r.date),
                 (T["listed"], r.listed), (T["delisted"], r.delisted)]
        parts.append("".join(f"- {k}: {dash(v)}\n" for k, v in facts if v))
        if r.summary:
            parts.append(f"\n{r.summary.strip()}\n")
    return "".join(parts)


# ---------------------------------------------------------------- assessment
def proposal_cells(props, lang: str):
    T = L(lang)
    headers = [T["unit"], T["points"], T["rule"], T["source"], T["reason"], T["recorded"]]
    rows = [[p.unit, fmt_points(p.points), T[p.rule], p.source, p.reason,
             T["yes_recorded"] if p.recorded else T["not_recorded"]] for p in props]
    styles = [None if p.recorded else "yellow" for p in props]
    return headers, rows, styles


def ranking_cells(rows, lang: str):
    T = L(lang)
    headers = [T["rank"], T["unit"], T["score"], T["deducted"], T["deductions"], T["new"]]
    return headers, [[r.rank, r.unit, fmt_points(r.score), fmt_points(r.deducted), r.deductions,
                      fmt_points(r.new) if r.new else ""] for r in rows]


# ---------------------------------------------------------------- accountability
def register_cells(rows, lang: str, exempt: bool = False):
    T = L(lang)
    headers = [T["id"], T["decided"], T["target"], T["person"], T["ground"], T["measure"], T["implemented_by"],
               T["points"]]
    if exempt:
        headers.append(T["exemption"])
    out = []
    for r in rows:
        cells = [r.id, r.decided, r.target, r.person, ground_label(r.ground, lang), T[r.measure],
                 ("、" if lang == "zh" else ", ").join(r.implemented_by),
                 fmt_points(r.points) if r.points is not None else None]
        if exempt:
            cells.append(r.exemption)
        out.append(cells)
    return headers, out
