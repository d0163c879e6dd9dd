"""The iCalendar feed: every open deadline as an all-day event with a stable UID (RFC 5545, `icalendar`)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Iterable

from ..i18n.text import words
from ..i18n.views import ICS

LIGHT_ZH = {light: ICS[light].zh for light in ("red", "yellow", "green")}
LIGHT_EN = {light: ICS[light].en for light in ("red", "yellow", "green")}


def uid(finding) -> str:
    """Stable across runs and as-of dates (the deadline itself may move: the event is then updated)."""
    digest = hashlib.sha1(finding.key.encode("utf-8")).hexdigest()[:20]
    return f"{finding.rule}-{digest}@reformctl"


def render_ics(findings: Iterable, *, name: str, as_of: dt.date, lang: str = "zh") -> bytes:
    from icalendar import Calendar, Event

    from ..i18n import message

    cal = Calendar()
    cal.add("prodid", "-//reformctl//改革落实台账//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    w = words(ICS, lang)
    cal.add("x-wr-calname", w["calendar"].format(name=name))
    cal.add("x-wr-timezone", "Asia/Shanghai")
    stamp = dt.datetime.combine(as_of, dt.time(0, 0), tzinfo=dt.timezone.utc)
    seen: set[str] = set()
    for f in findings:
        u = uid(f)
        if u in seen:
            continue
        seen.add(u)
        ev = Event()
        ev.add("uid", u)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", f.due)
        ev.add("dtend", f.due + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        light = (LIGHT_ZH if lang == "zh" else LIGHT_EN).get(f.light, f.light)
        if f.period and f.id == f.period:  # a periodic obligation: name who owes it
            what = f"{f.unit} {f.period}"
        else:
            what = f.id if not f.title else f"{f.id} {f.title}"
        text = message(f.rule, f.args, 0, lang)  # "due today": true on the event's own date
        ev.add("summary", f"[{light}] {what}: {text}" if f.light != "green" else f"{what}: {text}")
        status = w["as_of"].format(date=as_of.isoformat()) + f.text(lang)
        lines = [status, w["unit"] + (f.unit or "-"), w["rule"] + f.rule]
        if f.file:
            lines.append(w["file"] + f.file)
        ev.add("description", "\n".join(lines))
        ev.add("categories", [f.rule, f.kind])
        if f.unit:
            ev.add("location", f.unit)
        cal.add_component(ev)
    return cal.to_ical()
