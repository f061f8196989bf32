"""The pure core of bilat: anniversaries, timelines, relations and the selection of events.

Dates with precision live in :mod:`bilat.dates`, events in :mod:`bilat.model`; both are
re-exported here.

Nothing here reads the clock, the environment or a file, and nothing here imports click or
rich: "today" is always a parameter. Calendar arithmetic goes through dateutil's
``relativedelta``.

Leap-day rule (one rule, applied everywhere): an event dated 29 February has its
anniversary on 28 February in common years, and whole years elapsed roll over on that
day; this is what ``date + relativedelta(years=n)`` gives. Functions that place
anniversaries take ``leap="mar1"`` to use 1 March instead, consistently for both.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

import msgspec
from dateutil.relativedelta import relativedelta

from .dates import PartialDate
from .model import (
    CODE_PATTERN,
    ID_PATTERN,
    MAX_ID_LENGTH,
    Claim,
    Event,
    Letter,
    Source,
    at_least,
)
from .text import fold
from .vocab import KINDS, LEAP_RULES, NOT_COMMEMORATED, BilatError, Kind, LeapRule

__all__ = [
    "CODE_PATTERN",
    "ID_PATTERN",
    "KINDS",
    "LEAP_RULES",
    "MAX_ID_LENGTH",
    "NOT_COMMEMORATED",
    "Anniversary",
    "BilatError",
    "Claim",
    "Event",
    "Kind",
    "LeapRule",
    "Letter",
    "PartialDate",
    "Source",
    "TimelineEntry",
    "YearsRange",
    "anniversaries_between",
    "anniversaries_in",
    "anniversary_of",
    "days_until",
    "elapsed_years",
    "filter_events",
    "letters",
    "next_milestone",
    "ordinal",
    "relations_event",
    "relations_since",
    "search",
    "timeline",
    "whole_years",
]


# --------------------------------------------------------------------------- elapsed


class YearsRange(msgspec.Struct, frozen=True, gc=False):
    """Whole years elapsed; ``min < max`` when the date's precision leaves it open."""

    min: int
    max: int

    @property
    def exact(self) -> bool:
        return self.min == self.max

    def __str__(self) -> str:
        return str(self.min) if self.exact else f"{self.min}\u2013{self.max}"


def whole_years(start: dt.date, end: dt.date, leap: LeapRule = "feb28") -> int:
    """Completed years from ``start`` to ``end`` (``end >= start``).

    For a 29 February start, the year completes on the day its anniversary is placed in
    a common year: 28 February (``feb28``, dateutil's rule) or 1 March (``mar1``).
    """
    years = relativedelta(end, start).years
    if (
        leap == "mar1"
        and (start.month, start.day) == (2, 29)
        and (end.month, end.day) == (2, 28)
        and not calendar.isleap(end.year)
    ):
        years -= 1
    return years


def elapsed_years(date: PartialDate, as_of: dt.date, leap: LeapRule = "feb28") -> YearsRange | None:
    """Whole years from ``date`` to ``as_of``; None when the event is later than ``as_of``.

    An event is later only when its earliest possible day is after ``as_of``; otherwise the
    minimum is counted from its latest possible day (0 when that is still to come).
    """
    first, last = date.first_day(), date.last_day()
    if first > as_of:
        return None
    most = whole_years(first, as_of, leap)
    least = whole_years(last, as_of, leap) if last <= as_of else 0
    return YearsRange(least, most)


def days_until(date: PartialDate, as_of: dt.date) -> int | None:
    """Days from ``as_of`` to ``date`` (negative when past); None when the day is unknown."""
    exact = date.as_date()
    return None if exact is None else (exact - as_of).days


@functools.lru_cache(maxsize=1024)
def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``11th``, ``111th``, ``122nd``."""
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --------------------------------------------------------------------------- anniversaries


class Anniversary(NamedTuple):
    """The ``years``-th anniversary of ``event``, placed on ``date``."""

    event: Event
    years: int
    date: PartialDate
    leap_day_moved: bool

    @property
    def ordinal(self) -> str:
        return ordinal(self.years)

    @property
    def sort_key(self) -> tuple[tuple[int, int, int], tuple[tuple[int, int, int], str]]:
        return (self.date.sort_key, self.event.sort_key)


def anniversary_of(
    date: PartialDate, years: int, leap: LeapRule = "feb28"
) -> tuple[PartialDate, bool]:
    """Where the ``years``-th anniversary of ``date`` falls, at the date's precision.

    Returns the date and whether a 29 February was moved (to 28 February, or to 1 March
    with ``leap="mar1"``) because the year is a common year.
    """
    if years < 0:
        raise ValueError("years must not be negative")
    if date.day is None:
        return PartialDate(date.year + years, date.month), False
    assert date.month is not None
    return _place(date.month, date.day, date.year + years, leap)


@functools.lru_cache(maxsize=8192)
def _place(month: int, day: int, year: int, leap: LeapRule) -> tuple[PartialDate, bool]:
    """The day in ``year`` of an anniversary of a date on ``month``/``day``.

    ``date + relativedelta(years=n)`` keeps the month and day and clips the day to the
    month's end: the result depends on nothing but (month, day, year), so dateutil
    computes it once per key, from 2000 (a leap year, where every month and day exists).
    """
    origin = dt.date(2000, month, day)
    placed = origin + relativedelta(years=year - 2000)
    moved = (month, day) == (2, 29) and placed.day == 28
    if moved and leap == "mar1":
        placed += relativedelta(days=1)
    return PartialDate.from_date(placed), moved


def anniversaries_in(
    events: Iterable[Event], year: int, every: int = 5, leap: LeapRule = "feb28"
) -> list[Anniversary]:
    """Every event's anniversary that falls in ``year`` and is a multiple of ``every``."""
    if every < 1:
        raise ValueError("every must be at least 1")
    # Where an anniversary falls in ``year`` depends only on the event's month and day:
    # place each (month, day) once per call.
    placements: dict[tuple[int | None, int | None], tuple[PartialDate, bool]] = {}
    keyed: list[tuple[str, Anniversary]] = []
    append = keyed.append
    make = tuple.__new__  # Anniversary(...) without NamedTuple's Python-level __new__
    for event in events:
        date = event.date
        n = year - date.year
        if n > 0 and n % every == 0:
            where = (date.month, date.day)
            placement = placements.get(where)
            if placement is None:
                placement = placements[where] = anniversary_of(date, n, leap)
            placed, moved = placement
            # The order of Anniversary.sort_key, as one string (the date keys are of fixed
            # width): strings compare faster than nested tuples.
            append(
                (
                    placed.text_key + date.text_key + event.id,
                    make(Anniversary, (event, n, placed, moved)),
                )
            )
    keyed.sort(key=_first)
    return [a for _, a in keyed]


_first = operator.itemgetter(0)


# --------------------------------------------------------------------------- selection


class Query(msgspec.Struct, frozen=True, gc=False):
    """The events a command may need; any superset of them is a right answer.

    ``all_countries``: events naming every one of these; ``any_countries``: events naming
    at least one; ``year``: events ``k * every`` years before it, for some k >= 1.
    """

    all_countries: tuple[str, ...] = ()
    any_countries: tuple[str, ...] = ()
    year: int | None = None
    every: int = 1


def filter_events(
    events: Iterable[Event],
    *,
    countries: Sequence[str] = (),
    all_countries: Sequence[str] = (),
    kinds: Sequence[str] = (),
    exclude_kinds: Iterable[str] = (),
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    evidence: str | None = None,
) -> list[Event]:
    """Keep events that involve ANY of ``countries`` and ALL of ``all_countries``, of any of
    ``kinds`` (and none of ``exclude_kinds``), whose period overlaps since..until, and
    whose date's evidence is at least as strong as ``evidence`` (see ``Event.evidence``;
    a date whose sources state no type is left out by any ``evidence``)."""
    any_of = frozenset(countries)
    all_of = frozenset(all_countries)
    kind_set = frozenset(kinds)
    excluded = frozenset(exclude_kinds)
    first = since.first_day() if since is not None else dt.date.min
    last = until.last_day() if until is not None else dt.date.max
    bounded = since is not None or until is not None
    if not (kind_set or any_of or all_of or bounded or evidence):
        return [e for e in events if e.kind not in excluded]  # the common case, at speed
    kept = []
    for e in events:
        if kind_set and e.kind not in kind_set:
            continue
        if e.kind in excluded:
            continue
        if any_of and any_of.isdisjoint(e.parties):
            continue
        if all_of and not all_of.issubset(e.parties):
            continue
        if bounded:
            end = e.end_date or e.date
            if not (e.date.first_day() <= last and first <= end.last_day()):
                continue
        if evidence and not at_least(e.evidence, evidence):
            continue
        kept.append(e)
    return kept


class TimelineEntry(msgspec.Struct, frozen=True, gc=False):
    event: Event
    years_ago: YearsRange | None


def timeline(
    events: Iterable[Event], as_of: dt.date, leap: LeapRule = "feb28"
) -> list[TimelineEntry]:
    """The events oldest first (unknown month/day after known ones), with years elapsed."""
    ordered = sorted(events, key=lambda e: e.sort_key)
    return [TimelineEntry(e, elapsed_years(e.date, as_of, leap)) for e in ordered]


def relations_event(events: Iterable[Event], a: str, b: str) -> Event | None:
    """The earliest diplomatic-relations event of the pair, if the store has one."""
    found = [
        e for e in events if e.kind == "diplomatic-relations" and a in e.parties and b in e.parties
    ]
    return min(found, key=lambda e: e.sort_key) if found else None


def relations_since(
    events: Iterable[Event], a: str, b: str, as_of: dt.date
) -> tuple[Event | None, YearsRange | None]:
    """The pair's diplomatic-relations event and the years since it as of ``as_of``."""
    relations = relations_event(events, a, b)
    return relations, elapsed_years(relations.date, as_of) if relations is not None else None


def letters(
    events: Iterable[Event], *, pair: Sequence[str] = (), year: int | None = None
) -> list[Event]:
    """Letter events, oldest first, optionally of one pair and one year."""
    found = [
        e
        for e in events
        if e.kind == "letter"
        and e.letter is not None
        and all(p in e.parties for p in pair)
        and (year is None or e.date.year == year)
    ]
    found.sort(key=lambda e: e.sort_key)
    return found


def search(
    events: Iterable[Event],
    text: str,
    also: Callable[[Event], Iterable[str | None]] | None = None,
) -> list[Event]:
    """Events whose title, summary, place, note, letter (author, recipient, text) or
    stored translations contain ``text``, ignoring case and accents, or whose ``also``
    texts do (what the reader is shown, in the reader's language); oldest first."""
    needle = fold(text)
    found = []
    for e in events:
        fields = [e.title, e.summary, e.place, e.note]
        if e.letter is not None:
            fields += [e.letter.author, e.letter.recipient, e.letter.text]
        for translated in (e.translations or {}).values():
            fields += [translated.title, translated.summary]
        if also is not None:
            fields += also(e)
        if any(needle in fold(f) for f in fields if f):
            found.append(e)
    found.sort(key=lambda e: e.sort_key)
    return found


# --------------------------------------------------------------------------- planning


def anniversaries_between(
    events: Sequence[Event],
    first: dt.date,
    last: dt.date,
    every: int = 5,
    leap: LeapRule = "feb28",
) -> list[Anniversary]:
    """Milestone anniversaries whose day (or month, or year, at the event's precision)
    overlaps ``first..last``, soonest first."""
    found = [
        a
        for year in range(first.year, last.year + 1)
        for a in anniversaries_in(events, year, every, leap)
        if a.date.overlaps(first, last)
    ]
    found.sort(key=lambda a: a.sort_key)
    return found


def next_milestone(
    date: PartialDate, as_of: dt.date, every: int = 5, leap: LeapRule = "feb28"
) -> tuple[int, PartialDate] | None:
    """The first multiple-of-``every`` anniversary not over by ``as_of`` (it may be
    today, or, at month or year precision, a period that contains ``as_of``)."""
    if every < 1:
        raise ValueError("every must be at least 1")
    n = max(1, as_of.year - date.year)
    n += -n % every
    while date.year + n <= 9999:
        placed, _ = anniversary_of(date, n, leap)
        if placed.last_day() >= as_of:
            return n, placed
        n += every
    return None


def choose_letter(found: Sequence[Event]) -> Event:
    """The letter to show when none is named (``found`` oldest first, not empty): the most
    recent one that has a text, else the most recent one."""
    with_text = [e for e in found if e.letter is not None and e.letter.text]
    return (with_text or list(found))[-1]
