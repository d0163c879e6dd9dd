"""Render the quarterly summary: table (Rich), json (the contract), csv, markdown (ready for a 季报)."""

from __future__ import annotations

import csv
import json
from typing import Optional, TextIO

from .. import i18n

from ..model import Ledger
from ..base.textsafe import json_safe
from ..rules.summary import FIGURES, Counts, Row, Summary
from .safe import csv_row, md_text

LABELS = {
    "zh": {
        "unit": "牵头单位",
        "special_group": "专项小组",
        "tasks": "任务数",
        "due_in_quarter": "本期到期",
        "completed_in_quarter": "本期完成",
        "overdue": "逾期未完成",
        "completion_rate": "到期完成率",
        "total": "合计",
        "no_group": "未归口专项小组",
        "none": "—",
        "title_q": "{y}年第{n}季度改革任务推进情况",
        "title_y": "{y}年度改革任务推进情况",
        "title_p": "{p}改革任务推进情况",
        "period": "统计期间",
        "as_of": "统计截至",
    },
    "en": {
        "unit": "Lead unit",
        "special_group": "Special group",
        "tasks": "Tasks",
        "due_in_quarter": "Due",
        "completed_in_quarter": "Completed",
        "overdue": "Overdue",
        "completion_rate": "Completion rate",
        "total": "Total",
        "no_group": "(no special group)",
        "none": "-",
        "title_q": "Reform tasks, {y} Q{n}",
        "title_y": "Reform tasks, {y}",
        "title_p": "Reform tasks, {p}",
        "period": "Period",
        "as_of": "As of",
    },
}
CN_DIGITS = "零一二三四"


def title(summary: Summary, lang: str) -> str:
    L = LABELS[lang]
    if summary.quarter:
        y, n = summary.quarter[:4], int(summary.quarter[5])
        return L["title_q"].format(y=y, n=CN_DIGITS[n] if lang == "zh" else n)
    if summary.year is not None:
        return L["title_y"].format(y=summary.year)
    return L["title_p"].format(p=summary.period)


def rate_text(rate: Optional[float], lang: str = "en") -> str:
    """A completion rate for people: ``75.0%``; a dash when nothing was due."""
    return LABELS[lang]["none"] if rate is None else f"{rate * 100:.1f}%"


def row_label(ledger: Optional[Ledger], key: str, by: str, lang: str) -> str:
    if not key:
        return LABELS[lang]["no_group"]
    return key


def header(summary: Summary, lang: str) -> list[str]:
    L = LABELS[lang]
    return [L[summary.by]] + [L[f] for f in FIGURES] + [L["completion_rate"]]


def _cells(c: Counts, lang: str) -> list[str]:
    return [str(getattr(c, f)) for f in FIGURES] + [rate_text(c.completion_rate, lang)]


def _row_cells(r: Row, lang: str) -> list[str]:
    """A row's figures for people; a dash for each when they are not known."""
    if not r.known:
        return [LABELS[lang]["none"]] * (len(FIGURES) + 1)
    return _cells(r.counts, lang)


def render_json(summary: Summary, out: TextIO, extra: Optional[dict] = None) -> None:
    data = summary.as_dict()
    if extra:
        data.update(extra)
    out.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    out.write("\n")


def render_csv(summary: Summary, out: TextIO) -> None:
    """Machine-readable: English column names, the completion rate as a fraction (empty when none due), a
    last row ``total``."""
    w = csv.writer(out, lineterminator="\n")
    key = "unit" if summary.by == "unit" else "special_group"
    w.writerow([key, *summary.figure_names(), "completion_rate"])

    def rate(c: Counts) -> str:
        return "" if c.completion_rate is None else repr(round(c.completion_rate, 6))

    for r in summary.rows:
        if not r.known:
            w.writerow(csv_row([r.key, *([""] * len(FIGURES)), ""]))
            continue
        w.writerow(csv_row([r.key, *(getattr(r.counts, f) for f in FIGURES), rate(r.counts)]))
    w.writerow(["total", *(getattr(summary.totals, f) for f in FIGURES), rate(summary.totals)])


def _md_escape(s: str) -> str:
    return md_text(s)


def render_markdown(
    summary: Summary,
    out: TextIO,
    ledger: Optional[Ledger] = None,
    lang: str = "zh",
    as_of=None,
    sections: Optional[list[tuple[str, list[str], list[list[str]]]]] = None,
) -> None:
    """A heading, one paragraph in words and a pipe table: ready to paste into the quarterly report (季报)."""
    L = LABELS[lang]
    t = summary.totals
    out.write(f"## {title(summary, lang)}\n\n")
    period = f"{summary.first.isoformat()} — {summary.last.isoformat()}"
    meta = f"{L['period']}: {period}" + (f"; {L['as_of']}: {as_of.isoformat()}" if as_of else "")
    out.write(f"*{meta}*\n\n")
    if lang == "zh":
        out.write(
            f"本期在办改革任务{t.tasks}项，本期到期{t.due_in_quarter}项，本期完成{t.completed_in_quarter}项，"
            f"逾期未完成{t.overdue}项，到期任务完成率{rate_text(t.completion_rate, lang)}。\n\n"
        )
    else:
        out.write(
            f"{t.tasks} reform tasks were open in the period, {t.due_in_quarter} fell due, "
            f"{t.completed_in_quarter} were completed and {t.overdue} are overdue; completion rate of the tasks "
            f"due: {rate_text(t.completion_rate, lang)}.\n\n"
        )
    _md_table(
        out,
        header(summary, lang),
        [[_md_escape(row_label(ledger, r.key, summary.by, lang)), *_row_cells(r, lang)] for r in summary.rows]
        + [[f"**{L['total']}**", *(f"**{c}**" for c in _cells(t, lang))]],
    )
    for heading, head, rows in sections or []:
        out.write(f"\n### {heading}\n\n")
        _md_table(out, head, rows)


def _md_table(out: TextIO, head: list[str], rows: list[list[str]]) -> None:
    out.write("| " + " | ".join(head) + " |\n")
    out.write("|" + "|".join([" --- "] + [" ---: "] * (len(head) - 1)) + "|\n")
    for r in rows:
        out.write("| " + " | ".join(_md_escape(str(c)) if not str(c).startswith("**") else str(c) for c in r) + " |\n")


def render_table(
    summary: Summary,
    console,
    ledger: Optional[Ledger] = None,
    lang: str = "en",
    sections: Optional[list[tuple[str, list[str], list[list[str]]]]] = None,
) -> None:
    """The summary as tables fitted to the console's width (reformctl/views/fit.py): the unit (or kind) on one
    line, every figure whole; without room the rightmost figures go first."""
    from . import fit

    L = LABELS[lang]
    width = fit.console_width(console)
    heads = header(summary, lang)
    t = summary.totals
    foot = [L["total"], *_cells(t, lang)]
    cols = [
        fit.Column(
            h,
            "name" if i == 0 else "token",
            drop=i if i > 1 else 0,
            footer=foot[i],
            justify="left" if i == 0 else "right",
            style="red" if h == L["overdue"] else None,
        )
        for i, h in enumerate(heads)
    ]
    rows = [[row_label(ledger, r.key, summary.by, lang), *_row_cells(r, lang)] for r in summary.rows]
    console.print(
        fit.table(
            cols,
            rows,
            width,
            title=title(summary, lang),
            show_footer=True,
            header_style="bold",
            caption=f"{summary.first.isoformat()} — {summary.last.isoformat()}",
        )
    )
    for heading, head, rows_ in sections or []:
        cells = [[str(c) for c in row] for row in rows_]
        cols = fit.guess(head, cells)
        for i, c in enumerate(cols):
            c.justify = "left" if i == 0 else "right"
        console.print(fit.table(cols, cells, width, title=heading))


SECTION_LABELS = {
    "zh": {
        "pilots": (
            "改革试点",
            {
                "active": "在推进",
                "ending": "本期期满",
                "started": "本期启动",
                "completed": "本期完成",
                "exited": "本期退出",
                "overdue": "期满未结束",
                "not_filed": "逾期未备案",
            },
        ),
        "problems": (
            "整改问题",
            {
                "issued": "本期交办",
                "rectified": "本期整改完成",
                "verified": "本期核实销号",
                "open": "期末未整改",
                "overdue": "逾期未整改",
            },
        ),
        "reports": (
            "季报报送(R15)",
            {"due": "应报", "filed": "已报", "missing": "逾期未报", "pending": "未到报送期限"},
        ),
        "obligations": ("制度性工作", {"rule": "事项", "met": "已完成", "missed": "未完成", "pending": "未到期"}),
        "timeliness": (
            "按时办理情况",
            {"what": "事项", "on_time": "按时", "late": "逾期", "days_late": "逾期天数合计"},
        ),
    },
    "en": {
        "pilots": (
            "Pilots",
            {
                "active": "Running",
                "ending": "Term ends",
                "started": "Started",
                "completed": "Completed",
                "exited": "Exited",
                "overdue": "Term over, still active",
                "not_filed": "Not filed",
            },
        ),
        "problems": (
            "Rectification problems",
            {
                "issued": "Issued",
                "rectified": "Rectified",
                "verified": "Verified",
                "open": "Open at period end",
                "overdue": "Overdue",
            },
        ),
        "reports": (
            "Quarterly reports (R15)",
            {"due": "Due", "filed": "Filed", "missing": "Missing", "pending": "Not yet due"},
        ),
        "obligations": (
            "Obligations",
            {"rule": "Obligation", "met": "Met", "missed": "Missed", "pending": "Not yet due"},
        ),
        "timeliness": (
            "Filed on time and late",
            {"what": "Filed", "on_time": "On time", "late": "Late", "days_late": "Days late (sum)"},
        ),
    },
}


OBLIGATION_LABELS = {  # what is owed, said positively (the rule codes name what is missing)
    "report_missing": ("季报报送(R15)", "quarterly reports (R15)"),
    "meeting_missing": ("专项小组季度会议(R1)", "special group meetings (R1)"),
    "self_assessment_missing": ("专项小组半年自评(R2)", "half-year self-assessments (R2)"),
    "training_missing": ("集中培训(R3)", "trainings (R3)"),
    "onsite_meeting_missing": ("现场推进会(R6)", "on-site meetings (R6)"),
    "press_conference_missing": ("新闻发布会(R7)", "press conferences (R7)"),
    "inspection_missing": ("台账专项督察(R12)", "ledger inspections (R12)"),
    "evaluation_due": ("专项方案评估(R8)", "plan evaluations (R8)"),
    "demonstration_missing": ("示范点位(第九条)", "demonstration points (art. 9)"),
    "work_points_missing": ("年度工作要点和台账(第一条)", "the year's work points and ledger (art. 1)"),
    "major_list_missing": ("年度重大改革任务清单(第六条)", "the year's major-task list (art. 6)"),
    "promotion_list_missing": ("年度经验推广清单(第九条)", "the year's promotion list (art. 9)"),
    "case_book_missing": ("年度典型案例汇编(第九条)", "the year's case book (art. 9)"),
    "closeout_missing": ("年末盘点销账(第十三条)", "year-end close-out (art. 13)"),
}


def _rule_label(code: str, lang: str) -> str:
    if code in OBLIGATION_LABELS:
        return OBLIGATION_LABELS[code][0 if lang == "zh" else 1]
    try:
        from ..i18n import label

        return label("rule", code, lang)
    except Exception:  # noqa: BLE001 - a code without a label shows as itself
        return code


def sections(data: dict, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """The extra sections of a summary as (heading, header, rows) for the table and markdown renderers: one
    row of figures per section, and one row per rule for the obligations."""
    out = []
    for key, (heading, labels) in SECTION_LABELS[lang].items():
        figures = data.get(key)
        if not isinstance(figures, dict):
            continue
        if key == "timeliness":
            cols = ["on_time", "late", "days_late"]
            rows = [
                [i18n.history(k, lang)] + [str(figures[k][c]) for c in cols]
                for k in ("report", "pilot", "reminder")
                if isinstance(figures.get(k), dict)
            ]
            rows.append([i18n.history("total", lang)] + [str(figures.get(c, 0)) for c in cols])
            out.append((heading, [labels[c] for c in ["what", *cols]], rows))
            continue
        if key == "obligations":
            cols = ["rule", "met", "missed", "pending"]
            rows = [[_rule_label(r["rule"], lang)] + [str(r[c]) for c in cols[1:]] for r in figures.get("rules", [])]
            if rows:
                total = LABELS[lang]["total"]
                rows.append([total] + [str(figures.get(c, 0)) for c in cols[1:]])
                out.append((heading, [labels[c] for c in cols], rows))
            continue
        keys = [k for k in labels if k in figures and not isinstance(figures[k], (list, dict))]
        if keys:
            out.append((heading, [labels[k] for k in keys], [[str(figures[k]) for k in keys]]))
    return out
