"""The deadline engine: traffic-light findings of a ledger as of a date. Pure functions, no I/O.

``findings(ledger, as_of)`` runs every registered rule and returns the red and yellow findings, sorted (red
first, then most days late). ``evaluate()`` also returns notes (deadlines that could not be computed) and can
look further ahead than ``due_soon_days`` (``horizon``, for `reformctl agenda`; those findings are ``green``).

Semantics, shared by every rule:
- ``days = as_of - due`` in calendar days: positive when late, 0 on the day it is due, negative before.
- ``red`` when ``days > 0``; ``yellow`` when ``-due_soon_days <= days <= 0`` (due today is yellow: not late yet);
  nothing otherwise (``green`` within a longer horizon).
- Records dated after ``as_of`` have not happened yet (a report submitted later, a milestone done later).

Adding a rule: write a function ``fn(ctx: Ctx) -> None`` that calls ``ctx.emit(...)`` for every item that owes
something, decorate it with ``@rule("code", "kind")`` in a module of this package, and list the module in
``RULE_MODULES``. Give the code labels and a message in :mod:`reformctl.i18n`. Add ``per_item=True`` only when
what the rule says about an item reads that item's own record, the settings and the date, nothing else: `status`
after an edit then re-judges only the edited items with it (:mod:`reformctl.incremental`).
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Callable, Iterable, Optional

from .. import i18n
from ..model import Ledger
from ..model.types import DATE_MAX, DATE_MIN
from .dates import add_days

HORIZON_MAX = (DATE_MAX - DATE_MIN).days  # days: a longer look-ahead cannot meet a supported date
PERIODIC_AHEAD = 3660  # days (ten years): how far ahead periodic obligations (reports, meetings...) are listed

LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2}

# Modules whose import registers rules (order is irrelevant: findings are sorted).
RULE_MODULES = ["deadlines", "obligations", "levels"]


@dataclass(frozen=True)
class Finding:
    """One thing that is overdue (red) or due soon (yellow) as of a date.

    ``id``/``kind`` name the item (for obligations over a period that have no item, ``id`` is the period, such
    as ``2016Q3``, and ``kind`` the kind of record that is missing: report or event). ``unit`` is the unit that
    must act. ``ref`` names the part of the item (a milestone, a problem number, a plan) and ``period`` the
    period of an obligation. ``message`` is in English; :meth:`text` gives it in another language.
    """

    id: str
    kind: str
    rule: str
    due: dt.date
    days: int
    light: str
    unit: str
    message: str
    title: str = ""
    file: str = ""
    ref: str = ""
    period: str = ""
    args: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    # with --members: the member the finding comes from or is about, and its fetched commit (not in rows)
    member: Optional[str] = field(default=None, compare=False, hash=False, repr=False)
    commit: Optional[str] = field(default=None, compare=False, hash=False, repr=False)

    @property
    def key(self) -> str:
        """A stable identity across runs and dates (for comparisons between two states of a ledger)."""
        return "|".join((self.rule, self.kind, self.id, self.unit, self.ref, self.period))

    def text(self, lang: str = "en") -> str:
        return i18n.message(self.rule, self.args, self.days, lang)

    def sort_key(self) -> tuple:
        return (LIGHT_ORDER.get(self.light, 9), -self.days, self.due, self.id, self.ref, self.unit, self.rule)

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON object of `status --format json`: the contract's fields first, then the extras."""
        return {
            "id": self.id,
            "kind": self.kind,
            "rule": self.rule,
            "due": self.due.isoformat(),
            "days": self.days,
            "light": self.light,
            "unit": self.unit,
            "message": self.message if lang == "en" else self.text(lang),
            "title": self.title,
            "ref": self.ref,
            "period": self.period,
            "file": self.file,
        }

    def to_row(self) -> tuple:
        """The finding as a tuple of plain values (:data:`ROW_FIELDS`), for remembering it between runs."""
        d = self.__dict__
        return tuple(d[k] for k in ROW_FIELDS)

    @classmethod
    def from_row(cls, row: tuple) -> "Finding":
        """The finding :meth:`to_row` gave (no validation: rows come from this module)."""
        obj = object.__new__(cls)
        obj.__dict__.update(zip(ROW_FIELDS, row))
        return obj


ROW_FIELDS = ("id", "kind", "rule", "due", "days", "light", "unit", "message", "title", "file", "ref", "period", "args")


def row_sort_key(r: tuple) -> tuple:
    """:meth:`Finding.sort_key` of a row (:meth:`Finding.to_row`)."""
    return (LIGHT_ORDER.get(r[5], 9), -r[4], r[3], r[0], r[10], r[6], r[2])


@dataclass(frozen=True)
class Note:
    """Something the engine could not judge (a deadline it could not compute): shown as a warning."""

    id: str
    kind: str
    code: str
    ref: str = ""
    file: str = ""
    args: dict = field(default_factory=dict, compare=False, hash=False)
    rules: tuple = field(default=(), compare=False, hash=False)  # the rules that could not judge it

    @property
    def message(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        return i18n.note(self.code, self.args, lang)

    def to_row(self) -> tuple:
        return (self.id, self.kind, self.code, self.ref, self.file, self.args, self.rules)

    @classmethod
    def from_row(cls, row: tuple) -> "Note":
        return cls(*row)


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str
    fn: Callable[["Ctx"], None]
    article: str = ""
    doc: str = ""
    per_item: bool = False  # its findings about an item read only that item, the settings and the as-of date


RULES: dict[str, Rule] = {}


def rule(
    code: str, kind: str, article: str = "", *, per_item: bool = False
) -> Callable[[Callable[["Ctx"], None]], Callable[["Ctx"], None]]:
    """Register a rule function under its stable ``code``. ``per_item``: the rule judges each item of ``kind`` on
    its own record, the settings and the as-of date alone (no other record), emitting findings about that item
    only; `status` then re-judges only the items whose files changed (:mod:`reformctl.incremental`). (The
    members' delegated tasks are read by the task rules too, but only in a roll-up, which never builds on an
    earlier answer that way.)"""

    def deco(fn: Callable[["Ctx"], None]) -> Callable[["Ctx"], None]:
        if code in RULES and RULES[code].fn is not fn:
            raise ValueError(f"rule code {code!r} registered twice")
        RULES[code] = Rule(code, kind, fn, article, (fn.__doc__ or "").strip(), per_item)
        return fn

    return deco


def all_rules() -> dict[str, Rule]:
    """Every registered rule, by code."""
    for name in RULE_MODULES:
        importlib.import_module(f"{__package__}.{name}")
    return RULES


class Ctx:
    """What a rule function sees: the ledger, the date, the settings, and ``emit`` for its findings."""

    def __init__(self, ledger: Ledger, as_of: dt.date, horizon: Optional[int] = None):
        self.ledger = ledger
        self.as_of = as_of
        from ..model.records import RuleSettings

        self.settings: RuleSettings = ledger.settings.rules if ledger.settings else RuleSettings()
        self.start: dt.date = ledger.settings.start if ledger.settings else DATE_MIN
        self.soon = self.settings.due_soon_days
        # a horizon past the supported dates finds nothing more, and periodic obligations stop PERIODIC_AHEAD
        # days after the as-of date: a feed of quarterly reports for the next century helps nobody and took
        # minutes and gigabytes to build
        self.window = max(self.soon, min(horizon or 0, HORIZON_MAX))
        self.periodic_last_day = min(add_days(as_of, PERIODIC_AHEAD), add_days(as_of, self.window))
        self.findings: list[Finding] = []
        self.notes: list[Note] = []
        self.rule = ""  # the code of the rule running (set by evaluate), for its notes
        self.shared: dict[str, Any] = {}  # what several rules compute alike, computed once (e.g. open tasks)

    # -- time
    def happened(self, day: Optional[dt.date]) -> bool:
        """``day`` is set and not after the as-of date."""
        return day is not None and day <= self.as_of

    def light(self, due: dt.date) -> Optional[tuple[int, str]]:
        """(days, light) of a deadline, or None when it is further away than the window."""
        days = (self.as_of - due).days
        if days > 0:
            return days, "red"
        if -days <= self.soon:
            return days, "yellow"
        if -days <= self.window:
            return days, "green"
        return None

    @property
    def last_day(self) -> dt.date:
        """The last deadline that can give a finding."""
        return add_days(self.as_of, self.window)

    # -- output
    def emit(
        self,
        rule: str,
        kind: str,
        id: str,
        due: dt.date,
        unit: Optional[str],
        *,
        title: str = "",
        ref: str = "",
        period: str = "",
        file: Optional[str] = None,
        **args: Any,
    ) -> Optional[Finding]:
        judged = self.light(due)
        if judged is None:
            return None
        days, light = judged
        args.setdefault("due", due.isoformat())
        if period:
            args.setdefault("period", period)
        if file is None:
            file = self.ledger.file_of(kind, id)
        f = Finding(
            id=id,
            kind=kind,
            rule=rule,
            due=due,
            days=days,
            light=light,
            unit=unit or "",
            message=i18n.message(rule, args, days, "en"),
            title=title,
            file=file,
            ref=ref,
            period=period,
            args=args,
        )
        self.findings.append(f)
        return f

    def note(self, code: str, kind: str, id: str, ref: str = "", **args: Any) -> None:
        self.notes.append(
            Note(id, kind, code, ref, self.ledger.file_of(kind, id), args, (self.rule,) if self.rule else ())
        )


@dataclass
class Evaluation:
    as_of: dt.date
    findings: list[Finding]
    notes: list[Note]


def evaluate(
    ledger: Ledger,
    as_of: dt.date,
    *,
    horizon: Optional[int] = None,
    rules: Optional[Iterable[str]] = None,
    members: Optional[list] = None,
) -> Evaluation:
    """Run the rules (all, or the codes in ``rules``) and return sorted findings and notes.

    ``horizon`` (days) also returns deadlines up to ``as_of + horizon`` that are not yet due soon, with light
    ``green``. Without it only red and yellow findings are returned. ``members``: the members as the roll-up
    sees them (:class:`~reformctl.rules.levels.MemberView`), for the upper-level rules and delegated tasks.
    """
    registry = all_rules()
    codes = list(registry) if rules is None else list(rules)
    unknown = [c for c in codes if c not in registry]
    if unknown:
        raise ValueError(f"unknown rule code(s): {', '.join(unknown)}")
    ctx = Ctx(ledger, as_of, horizon)
    if members:
        from .levels import delegations

        ctx.shared["members"] = members
        ctx.shared["delegated"] = delegations(ledger, members, as_of)
    for code in codes:
        ctx.rule = code
        registry[code].fn(ctx)
    return Evaluation(as_of, sorted(ctx.findings, key=Finding.sort_key), merge_notes(ctx.notes))


def merge_notes(notes: Iterable[Note]) -> list[Note]:
    """One note however many rules could not judge the same thing (with those rules), in the order shown."""
    merged: dict[Note, set] = {}
    for n in notes:
        merged.setdefault(n, set()).update(n.rules)
    return sorted(
        (replace(n, rules=tuple(sorted(r))) for n, r in merged.items()), key=lambda n: (n.file, n.id, n.ref, n.code)
    )


def per_item_rules(kinds: Iterable[str]) -> list[str]:
    """The codes of the rules that judge each item of ``kinds`` on its own record (``per_item``), in the order
    :func:`evaluate` runs them."""
    wanted = set(kinds)
    return [code for code, r in all_rules().items() if r.per_item and r.kind in wanted]


def select_notes(
    notes: Iterable[Note], *, kinds: Optional[Iterable[str]] = None, rules: Optional[Iterable[str]] = None
) -> list[Note]:
    """The notes that concern the kinds and rules asked for (all when none is asked): `status --rule X` warns
    only about what rule X could not judge. (Notes have no unit: ``--unit`` does not narrow them.)"""
    k, r = set(kinds or ()), set(rules or ())
    return [n for n in notes if (not k or n.kind in k) and (not r or r.intersection(n.rules))]


def findings(ledger: Ledger, as_of: dt.date, **kw: Any) -> list[Finding]:
    """Red and yellow findings of ``ledger`` as of ``as_of``, red first, then by days late (most first)."""
    return evaluate(ledger, as_of, **kw).findings


def rule_codes() -> list[str]:
    return sorted(all_rules())


__all__ = [
    "Ctx",
    "Evaluation",
    "Finding",
    "KINDS",
    "Note",
    "Rule",
    "RULES",
    "RULE_MODULES",
    "all_rules",
    "asdict",
    "evaluate",
    "findings",
    "merge_notes",
    "per_item_rules",
    "rule",
    "row_sort_key",
    "rule_codes",
    "select",
    "worst_at_least",
]


KINDS = ("task", "pilot", "notice", "plan", "reminder", "report", "event", "unit")


def select(
    items: Iterable[Finding],
    *,
    units: Optional[Iterable[str]] = None,
    kinds: Optional[Iterable[str]] = None,
    rules: Optional[Iterable[str]] = None,
    lights: Optional[Iterable[str]] = None,
) -> list[Finding]:
    """The findings matching every given filter (each a set of accepted values; None or empty: any)."""
    u, k, r, li = (set(x) if x else None for x in (units, kinds, rules, lights))
    return [
        f
        for f in items
        if (u is None or f.unit in u)
        and (k is None or f.kind in k)
        and (r is None or f.rule in r)
        and (li is None or f.light in li)
    ]


def worst_at_least(items: Iterable[Finding], light: str) -> bool:
    """Whether a finding of ``light`` or worse (red < yellow < green) is among ``items``."""
    limit = LIGHT_ORDER[light]
    return any(LIGHT_ORDER.get(f.light, 9) <= limit for f in items)
