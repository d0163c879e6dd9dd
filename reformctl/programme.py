"""Library entry points for the review schedule, the cases, the annual assessment and the accountability register
(issue 8), beside :mod:`reformctl.api`. The CLI calls these; they are usable from Python too."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from .model import Ledger
from .rules import programme as rules


def schedule(ledger: Ledger, year: int, as_of: dt.date) -> list[rules.ScheduleRow]:
    return rules.review_schedule(ledger, year, as_of)


def cases(ledger: Ledger, year: int) -> rules.CasesReport:
    return rules.cases_report(ledger, year)


def assess(ledger: Ledger, year: int) -> tuple[list[rules.Proposal], list[rules.RankRow]]:
    props = rules.propose_deductions(ledger, year)
    return props, rules.ranking(ledger, year, props)


def accountability(ledger: Ledger, year: Optional[int]):
    return rules.accountability_register(ledger, year)
