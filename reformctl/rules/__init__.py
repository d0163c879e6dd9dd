"""The rules layer: pure functions of a ledger (and an as-of date) returning findings. No I/O.

- :mod:`.checks` — `reformctl check`: diagnostics beyond the schema.
- :mod:`.findings` — the deadline engine: ``findings(ledger, as_of)`` -> list of :class:`~.findings.Finding`
  (red/yellow traffic lights), ``evaluate()`` with notes and a look-ahead horizon, the rule registry.
- :mod:`.deadlines` — item rules (tasks, pilots, notices, reminders, plans).
- :mod:`.obligations` — period obligations; ``obligations(ledger, "2016Q3")`` -> met or missed per unit.
- :mod:`.dates` — ``add_months`` (month-end clamping), quarters, half-years, years.
- :mod:`.workdays` — the official working-day calendar (``add_working_days``).
"""
