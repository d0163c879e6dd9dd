"""A stateful property test of the write invariant: random sequences of write commands, with valid and invalid
arguments, on a scratch git ledger (a copy of the sample); after every step either the command refused and HEAD
and every file are as they were, or it made exactly one commit and `check` and `check --base <old HEAD>` pass.

Derandomized (a fixed sequence of examples) with a budget of some 30-60 s. For a longer hunt:
REFORMCTL_STATEFUL_EXAMPLES=200 REFORMCTL_STATEFUL_STEPS=30 (and REFORMCTL_STATEFUL_RANDOM=1 for fresh
random examples instead of the fixed ones)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from write_invariant import Before, assert_invariant

from conftest import SAMPLE

EXAMPLES = int(os.environ.get("REFORMCTL_STATEFUL_EXAMPLES", "3"))
STEPS = int(os.environ.get("REFORMCTL_STATEFUL_STEPS", "10"))
RANDOM = os.environ.get("REFORMCTL_STATEFUL_RANDOM") == "1"

TASKS = [f"T-2016-{i:03d}" for i in (1, 2, 3, 5, 13, 20, 36)] + ["T-2016-037", "T-2016-099", "-x", "../x"]
NOTICES = ["RN-2016-001", "RN-2016-002", "RN-2016-003", "RN-2016-004", "RN-2016-009", "--help"]
PILOTS = ["P-2016-001", "P-2016-004", "P-2016-008", "P-2016-099"]
UNITS = ["市发改委", "市科技局", "市财政局", "锦江区委", "经济体制和生态文明体制改革专项小组", "没有这个单位", "", "-x"]
TEXT = st.one_of(
    st.sampled_from(
        [
            "已完成",
            "",
            " ",
            "x" * 300,
            "含 #注释",
            "a: b",
            "- x",
            "'q'",
            '"',
            "{x}",
            "@某区委",
            "line\nbreak",
            "\t",
            "2016-12-31",
            "--as-of",
            "null",
            "~",
            "yes",
            "&a",
            "*a",
            "!!str x",
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12),
)
DATES = st.dates(dt.date(2015, 6, 1), dt.date(2018, 6, 30)).map(dt.date.isoformat) | st.sampled_from(
    ["2016-02-30", "tomorrow", "", "9999-12-31"]
)
PROBLEM_NO = st.sampled_from(["1", "2", "3", "0", "-1", "x"])


class Ledger(RuleBasedStateMachine):
    cli = None  # the test's cli fixture

    def __init__(self):
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="reformctl-stateful-"))
        self.repo = self.tmp / "repo"
        shutil.copytree(SAMPLE, self.repo)
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "initial"]):
            subprocess.run(["git", *args], cwd=self.repo, check=True, capture_output=True)
        self.commits = 0

    def teardown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, *args: str) -> None:
        before = Before(self.repo)
        r = self.cli(*args, "--ledger", self.repo)
        if assert_invariant(before, r, self.cli):
            self.commits += 1

    @initialize()
    def start(self):
        pass

    @rule(item=st.sampled_from(TASKS), note=TEXT, as_of=DATES)
    def progress(self, item, note, as_of):
        self.write("progress", item, note, "--as-of", as_of)

    @rule(item=st.sampled_from(TASKS + PILOTS), as_of=DATES, evidence=st.none() | TEXT)
    def complete(self, item, as_of, evidence):
        self.write("complete", item, "--as-of", as_of, *(["--evidence", evidence] if evidence is not None else []))

    @rule(item=st.sampled_from(TASKS), ref=TEXT)
    def evidence(self, item, ref):
        self.write("evidence", item, ref, "--as-of", "2016-12-01")

    @rule(item=st.sampled_from(TASKS), reason=TEXT, as_of=DATES)
    def cancel(self, item, reason, as_of):
        self.write("cancel", item, "--reason", reason, "--as-of", as_of)

    @rule(verb=st.sampled_from(["rectify", "verify"]), notice=st.sampled_from(NOTICES), no=PROBLEM_NO, as_of=DATES)
    def rectify_verify(self, verb, notice, no, as_of):
        self.write(verb, notice, no, "--as-of", as_of)

    @rule(notice=st.sampled_from(NOTICES), no=PROBLEM_NO, result=st.none() | TEXT, due=st.none() | DATES, as_of=DATES)
    def review(self, notice, no, result, due, as_of):
        extra = (["--result", result] if result is not None else []) + (["--due", due] if due is not None else [])
        self.write("review", notice, no, *extra, "--as-of", as_of)

    @rule(verb=st.sampled_from(["file", "exit", "adjust"]), item=st.sampled_from(PILOTS), reason=TEXT, as_of=DATES)
    def pilot(self, verb, item, reason, as_of):
        self.write("pilot", verb, item, *([] if verb == "file" else ["--reason", reason]), "--as-of", as_of)

    @rule(
        item=st.sampled_from(TASKS),
        new_due=DATES,
        reason=TEXT,
        approver=st.none() | st.sampled_from(UNITS),
        as_of=DATES,
    )
    def extend(self, item, new_due, reason, approver, as_of):
        self.write(
            "extend",
            item,
            "--new-due",
            new_due,
            "--reason",
            reason,
            *(["--approver", approver] if approver is not None else []),
            "--as-of",
            as_of,
        )

    @rule(item=st.sampled_from(TASKS), approver=st.sampled_from(UNITS), as_of=DATES)
    def approve(self, item, approver, as_of):
        self.write("approve", item, "--approver", approver, "--as-of", as_of)

    @rule(
        title=TEXT,
        unit=st.sampled_from(UNITS),
        due=DATES,
        as_of=DATES,
        major=st.booleans(),
        leader=st.none() | TEXT,
        goal=st.none() | TEXT,
        responsible=st.none() | st.sampled_from(UNITS),
    )
    def new_task(self, title, unit, due, as_of, major, leader, goal, responsible):
        args = ["new", "task", "--title", title, "--lead-unit", unit, "--due", due, "--as-of", as_of]
        args += ["--major"] if major else []
        args += ["--leader", leader] if leader is not None else []
        args += ["--goal", goal] if goal is not None else []
        args += ["--responsible", responsible] if responsible is not None else []
        self.write(*args)

    @rule(
        unit=st.sampled_from(UNITS), problem_due=DATES, desc=TEXT, who=st.none() | st.sampled_from(UNITS), as_of=DATES
    )
    def new_notice(self, unit, problem_due, desc, who, as_of):
        problem = f"{problem_due} {desc}" + (f" @{who}" if who is not None else "")
        self.write(
            "new", "notice", "--to-unit", unit, "--issued-by", "市委深改办", "--problem", problem, "--as-of", as_of
        )

    @rule(
        unit=st.sampled_from(UNITS),
        quarter=st.sampled_from(["2016Q3", "2016Q4", "2017Q1", "2016Q5", "x"]),
        to=st.none() | st.sampled_from(UNITS),
        as_of=DATES,
    )
    def new_report(self, unit, quarter, to, as_of):
        self.write(
            "new",
            "report",
            "--unit",
            unit,
            "--quarter",
            quarter,
            *(["--to", to] if to is not None else []),
            "--as-of",
            as_of,
        )

    @rule(title=TEXT, unit=st.sampled_from(UNITS), end=DATES, as_of=DATES, complete=st.booleans())
    def new_pilot(self, title, unit, end, as_of, complete):
        extra = ["--lead-leader", "张三", "--promotion-plan", "方案", "--team", "市发改委"] if complete else []
        self.write("new", "pilot", "--title", title, "--unit", unit, "--end", end, "--as-of", as_of, *extra)

    @rule(year=st.sampled_from(["2015", "2016", "2017"]), as_of=DATES, item=st.none() | st.sampled_from(TASKS))
    def close_out(self, year, as_of, item):
        if item is None:
            self.write("close-out", "--year", year, "--as-of", as_of)
        else:
            self.write("close-out", item, "--as-of", as_of)

    @rule(
        kind=st.sampled_from(["training", "group_meeting", "ledger_inspection", "party", ""]),
        unit=st.sampled_from(UNITS),
        title=st.none() | TEXT,
        plan=st.none() | st.sampled_from(["PL-2016-001", "PL-2016-002", "PL-2016-099"]),
        as_of=DATES,
    )
    def new_event(self, kind, unit, title, plan, as_of):
        extra = (["--title", title] if title is not None else []) + (["--plan", plan] if plan is not None else [])
        self.write("new", "event", "--kind", kind, "--unit", unit, *extra, "--as-of", as_of)

    @rule(
        plan=st.sampled_from(["PL-2016-001", "PL-2016-002", "PL-2016-099", "-x"]),
        to=st.lists(st.sampled_from(UNITS), min_size=1, max_size=3),
        due=DATES,
        as_of=DATES,
    )
    def new_reminder(self, plan, to, due, as_of):
        tos = [w for u in to for w in ("--to", u)]
        self.write("new", "reminder", "--plan", plan, *tos, "--report-due", due, "--as-of", as_of)

    @rule(
        sheet=st.integers(0, 20),
        row=st.integers(2, 40),
        column=st.integers(1, 30),
        value=st.one_of(st.none(), TEXT, DATES, st.dates(dt.date(2015, 1, 1), dt.date(2018, 12, 31))),
        as_of=DATES,
    )
    def import_edited_workbook(self, sheet, row, column, value, as_of):
        """The workbook an office edits: exported, one cell changed to anything, imported."""
        import openpyxl

        book = self.tmp / "book.xlsx"
        r = self.cli("export", "--xlsx", book, "--as-of", "2016-12-31", "--ledger", self.repo, "--lang", "zh")
        if r.exit_code != 0:
            assert r.exit_code in (1, 2) and "Traceback" not in r.stderr, r
            return
        wb = openpyxl.load_workbook(book)
        ws = wb.worksheets[sheet % len(wb.worksheets)]
        ws.cell(row=min(row, max(ws.max_row, 2)), column=min(column, max(ws.max_column, 1))).value = value
        wb.save(book)
        self.write("import", book, "--as-of", as_of)

    @rule(year=st.sampled_from(["2016", "2017"]), as_of=DATES)
    def assess(self, year, as_of):
        self.write("assess", "--year", year, "--as-of", as_of, "--write", "--format", "json")


def test_random_write_sequences_keep_the_invariant(cli):
    Ledger.cli = staticmethod(cli)
    run_state_machine_as_test(
        Ledger,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            derandomize=not RANDOM,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
