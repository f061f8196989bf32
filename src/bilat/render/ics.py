"""iCalendar (RFC 5545) export of anniversaries, written with the ``icalendar`` library.

Pure: no I/O, no clock (``DTSTAMP`` is a parameter), no click. The same inputs give the
same bytes: properties are written in a fixed order, events are sorted by date then UID,
and nothing random (no generated UID) goes into the file.

Each anniversary known to the day becomes one all-day ``VEVENT`` whose ``UID`` is
``<event id>-<year>@bilat``, so re-importing an updated file updates the events instead of
duplicating them. Anniversaries known only to the month or the year have no day to put in
a calendar: they are left out and counted.

Text from a store is data: control characters are made visible with
:func:`bilat.text.clean` (RFC 5545 TEXT allows none but tab), accents and other
printable characters are kept, and ``icalendar`` escapes and folds the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import icalendar
from dateutil.relativedelta import relativedelta

from bilat import __version__, countries
from bilat.domain import Anniversary, LeapRule
from bilat.text import clean

from . import lang
from .common import leap_rule_text, long_date, names, source_line, summary, title

__all__ = ["CALENDAR_NAME", "PRODID", "build_calendar", "uid"]

PRODID = f"-//bilat//bilat {__version__}//EN"
CALENDAR_NAME = "bilat anniversaries"


def uid(anniversary: Anniversary) -> str:
    """The stable UID of an anniversary: ``<event id>-<year>@bilat``."""
    return clean(f"{anniversary.event.id}-{anniversary.date.year}@bilat")


def _parties(anniversary: Anniversary) -> str:
    return "\u2013".join(countries.name(code) for code in anniversary.event.parties)


def _summary(anniversary: Anniversary) -> str:
    event = anniversary.event
    current = lang.current()
    if current is not None:  # the reader's language: label or title, and the anniversary
        parties = names(event.parties)
        return clean(f"{title(event)} — {current.anniversary(anniversary.years)} ({parties})")
    if event.kind == "diplomatic-relations":
        text = f"{anniversary.ordinal} anniversary of {_parties(anniversary)} diplomatic relations"
    else:
        text = f"{anniversary.ordinal} anniversary: {event.title} ({_parties(anniversary)})"
    return clean(text)


def _description(anniversary: Anniversary, leap: LeapRule) -> str:
    event = anniversary.event
    t = lang.t
    lines = [
        t("Original date: {date}").format(date=long_date(event.date)),
        t("Event: {title}").format(title=clean(title(event))),
    ]
    text = summary(event)
    if text:
        lines.append(clean(text, multiline=True))
    lines.append(t("Sources:"))
    for source in event.sources:
        lines.append(clean(source_line(source)))
    if anniversary.leap_day_moved:
        moved = t("{year} has no 29 February: {rule}")
        lines.append(moved.format(year=anniversary.date.year, rule=leap_rule_text(leap)))
    return "\n".join(lines)


def _vevent(
    anniversary: Anniversary, day: dt.date, stamp: dt.datetime, leap: LeapRule
) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", uid(anniversary))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", day)
    vevent.add("dtend", day + relativedelta(days=1))
    vevent.add("summary", _summary(anniversary))
    vevent.add("description", _description(anniversary, leap))
    vevent.add("categories", [clean(anniversary.event.kind)])
    vevent.add("transp", "TRANSPARENT")
    return vevent


def build_calendar(
    anniversaries: Sequence[Anniversary],
    *,
    stamp: dt.datetime,
    leap: LeapRule = "feb28",
) -> tuple[bytes, int]:
    """An RFC 5545 calendar with one all-day VEVENT per day-precision anniversary; returns
    (the .ics bytes, the number of anniversaries left out because their day is unknown).

    ``stamp`` (an aware datetime, written in UTC) is every event's ``DTSTAMP``. ``leap``
    is the rule the anniversaries were placed with; it is named in the description of
    an anniversary whose 29 February was moved. An anniversary given twice (same UID)
    is written once.
    """
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError("stamp must be an aware datetime")
    current = lang.current()
    if current is not None and current.base not in lang.COMPLETE:
        # No sentence of bilat's in this language: the calendar is wholly English.
        with lang.speaking(None):
            return build_calendar(anniversaries, stamp=stamp, leap=leap)
    stamp = stamp.astimezone(dt.timezone.utc).replace(microsecond=0)

    dated: dict[str, tuple[dt.date, Anniversary]] = {}
    left_out = 0
    for anniversary in anniversaries:
        day = anniversary.date.as_date()
        if day is None:
            left_out += 1
            continue
        dated.setdefault(uid(anniversary), (day, anniversary))

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", lang.t("bilat anniversaries"))
    for key in sorted(dated, key=lambda k: (dated[k][0], k)):
        day, anniversary = dated[key]
        calendar.add_component(_vevent(anniversary, day, stamp, leap))
    data: bytes = calendar.to_ical()
    return data, left_out
