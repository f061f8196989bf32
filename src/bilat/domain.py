"""The pure core of bilat: dates with precision, events, anniversaries and timelines.

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
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Annotated, Literal, NamedTuple

import msgspec
from dateutil.relativedelta import relativedelta

from .vocab import KINDS, LEAP_RULES, NOT_COMMEMORATED, BilatError, Kind, LeapRule

__all__ = [
    "KINDS",
    "LEAP_RULES",
    "NOT_COMMEMORATED",
    "Anniversary",
    "BilatError",
    "Claim",
    "Event",
    "Kind",
    "LeapRule",
    "Letter",
    "PartialDate",
    "Partner",
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
    "relations",
    "relations_event",
    "search",
    "timeline",
    "whole_years",
]


# --------------------------------------------------------------------------- dates

_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_MONTHS = (
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _check(year: int, month: int | None, day: int | None) -> None:
    """Raise ValueError unless year, month and day name a real period or day."""
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is outside 0001-9999")
    if month is None:
        if day is not None:
            raise ValueError("a day needs a month")
    elif not 1 <= month <= 12:
        raise ValueError(f"month {month} does not exist")
    elif day is not None:
        last = 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]
        if not 1 <= day <= last:
            raise ValueError(f"{_MONTHS[month]} {year} has no day {day}")


Precision = Literal["year", "month", "day"]


class PartialDate:
    """A calendar date known to the year, the month or the day.

    A year-only date is never turned into 1 January: it orders after every date known
    more precisely within its year (``1997-03-07`` < ``1997-03`` < ``1997``), and all
    arithmetic on it is done on the range of days it may be.
    """

    __slots__ = ("_iso", "_key", "_text_key", "_weekday", "day", "month", "year")

    year: int
    month: int | None
    day: int | None
    _key: tuple[int, int, int]
    _iso: str  # the ISO text (dates are shared, and printed often)
    _text_key: str  # _key as fixed-width text, which sorts faster than a tuple
    _weekday: int | None  # Monday is 0; made on first use (-1 until then)

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        _check(year, month, day)
        if month is None:
            iso = f"{year:04d}"
        elif day is None:
            iso = f"{year:04d}-{month:02d}"
        else:
            iso = f"{year:04d}-{month:02d}-{day:02d}"
        self._fill(year, month, day, iso)

    def _fill(self, year: int, month: int | None, day: int | None, iso: str) -> None:
        init = object.__setattr__
        init(self, "year", year)
        init(self, "month", month)
        init(self, "day", day)
        # Unknown month/day sort after every known one in their period.
        init(self, "_key", (year, month or 13, day or 32))
        init(self, "_iso", iso)
        init(self, "_text_key", iso if day else iso + ("-32" if month else "-13-32"))
        init(self, "_weekday", -1)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("PartialDate is immutable")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        m = _DATE_RE.fullmatch(text)
        if m is None:
            shown = repr(text if len(text) <= 40 else text[:40] + "...")
            raise ValueError(
                f"{shown} is not an ISO 8601 date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
            )
        y, m_, d_ = m.groups()
        year, month, day = int(y), int(m_) if m_ else None, int(d_) if d_ else None
        try:
            _check(year, month, day)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a real date: {exc}") from None
        date = object.__new__(cls)
        date._fill(year, month, day, text)  # the text is the ISO form: the pattern says so
        return date

    @classmethod
    def from_date(cls, date: dt.date) -> PartialDate:
        return cls(date.year, date.month, date.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self._key

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            assert self.month is not None
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def as_date(self) -> dt.date | None:
        """The exact day, or None when the day is not known."""
        return self.first_day() if self.day is not None else None

    def contains(self, other: PartialDate) -> bool:
        """True when every day ``other`` may be is a day this date may be."""
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        return self.first_day() <= last and first <= self.last_day()

    def isoformat(self) -> str:
        return self._iso

    def weekday(self) -> int | None:
        """The day of the week (Monday is 0), or None when the day is not known."""
        weekday = self._weekday
        if weekday == -1:
            exact = self.as_date()
            weekday = None if exact is None else exact.weekday()
            object.__setattr__(self, "_weekday", weekday)
        return weekday

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key == other._key

    def __lt__(self, other: PartialDate) -> bool:
        return self._key < other._key

    def __le__(self, other: PartialDate) -> bool:
        return self._key <= other._key

    def __hash__(self) -> int:
        return hash(self._key)


# --------------------------------------------------------------------------- events


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID_LENGTH = 200
CODE_PATTERN = r"^[A-Z]{2}([A-Z]{2})?$"

# The id and code rules are checked by the store's own pass (one regex over all ids, a set
# lookup for codes), not by msgspec while decoding, which would call ``re`` once per string:
# these Meta objects only carry them into the JSON Schema.
Id = msgspec.Meta(
    max_length=MAX_ID_LENGTH,
    description="Lower-case words joined by hyphens.",
    extra_json_schema={"pattern": ID_PATTERN},
)
Code = msgspec.Meta(
    description="ISO 3166-1 alpha-2 code (XK for Kosovo), or ISO 3166-3 code of a former state.",
    extra_json_schema={"pattern": CODE_PATTERN},
)


class _Struct(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    forbid_unknown_fields=True,
    omit_defaults=True,
    gc=False,  # records hold no cycles: the cyclic GC need not track a million of them
):
    pass


# Length limits (characters): generous for real data, a clear error instead of exhaustion.
MAX_TITLE = 1_000
MAX_TEXT = 20_000
MAX_URL = 4_096
MAX_LETTER_TEXT = 200_000
MAX_LIST = 1_000

Title = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TITLE)]
Text = Annotated[str, msgspec.Meta(max_length=MAX_TEXT)]
Url = Annotated[str, msgspec.Meta(max_length=MAX_URL)]


class Source(_Struct, frozen=True, kw_only=True):
    """Where a fact was read."""

    title: Title
    url: Url | None = None
    accessed: PartialDate | None = None
    archive_url: Url | None = None


class Claim(_Struct, frozen=True, kw_only=True):
    """A date (or end date) that another source gives for the same event."""

    date: PartialDate | None = None
    end_date: PartialDate | None = None
    note: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TEXT)]
    sources: Annotated[list[Source], msgspec.Meta(min_length=1, max_length=MAX_LIST)]


class Letter(_Struct, frozen=True, kw_only=True):
    author: Title
    recipient: Title
    language: Annotated[str, msgspec.Meta(max_length=35)] | None = None
    text: Annotated[str, msgspec.Meta(max_length=MAX_LETTER_TEXT)] | None = None


class Event(_Struct, frozen=True, kw_only=True):
    """One dated, sourced fact about the relations of two or more countries."""

    id: Annotated[str, Id]
    date: PartialDate
    end_date: PartialDate | None = None
    parties: Annotated[list[Annotated[str, Code]], msgspec.Meta(min_length=2, max_length=MAX_LIST)]
    by: Annotated[str, Code] | None = None
    kind: Kind
    title: Title
    summary: Text | None = None
    place: Title | None = None
    note: Text | None = None
    sources: Annotated[list[Source], msgspec.Meta(min_length=1, max_length=MAX_LIST)]
    disputed: Annotated[list[Claim], msgspec.Meta(max_length=MAX_LIST)] | None = None
    letter: Letter | None = None

    @property
    def sort_key(self) -> tuple[tuple[int, int, int], str]:
        return (self.date.sort_key, self.id)

    def partners(self, code: str) -> list[str]:
        return [p for p in self.parties if p != code]


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
                    placed._text_key + date._text_key + event.id,
                    Anniversary(event, n, placed, moved),
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
) -> list[Event]:
    """Keep events that involve ANY of ``countries`` and ALL of ``all_countries``, of any of
    ``kinds`` (and none of ``exclude_kinds``), and whose period overlaps since..until."""
    any_of = frozenset(countries)
    all_of = frozenset(all_countries)
    kind_set = frozenset(kinds)
    excluded = frozenset(exclude_kinds)
    first = since.first_day() if since is not None else dt.date.min
    last = until.last_day() if until is not None else dt.date.max
    bounded = since is not None or until is not None
    if not (kind_set or any_of or all_of or bounded):
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


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search(events: Iterable[Event], text: str) -> list[Event]:
    """Events whose title, summary, place, note or letter (author, recipient, text)
    contain ``text``, ignoring case and accents; oldest first."""
    needle = _fold(text)
    found = []
    for e in events:
        fields = [e.title, e.summary, e.place, e.note]
        if e.letter is not None:
            fields += [e.letter.author, e.letter.recipient, e.letter.text]
        if any(needle in _fold(f) for f in fields if f):
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


class Partner(msgspec.Struct, frozen=True, gc=False):
    """What the store says of one partner's relations with a focus country."""

    code: str
    established: Event | None = None
    years_ago: YearsRange | None = None
    next_milestone: tuple[int, PartialDate] | None = None
    recognised_by_focus: Event | None = None
    recognised_by_partner: Event | None = None
    embassy_of_focus: Event | None = None
    embassy_of_partner: Event | None = None


_RELATION_KINDS = frozenset({"diplomatic-relations", "recognition", "embassy-opened"})


def relations(
    events: Iterable[Event],
    focus: str,
    as_of: dt.date,
    every: int = 5,
    leap: LeapRule = "feb28",
) -> list[Partner]:
    """One entry per partner of ``focus`` with relations, recognition or embassy events,
    ordered by the date relations were established (unknown last), then by code."""
    earliest: dict[tuple[str, str, str | None], Event] = {}
    partners: set[str] = set()
    for e in sorted(events, key=lambda e: e.sort_key):
        if e.kind not in _RELATION_KINDS or focus not in e.parties:
            continue
        for partner in e.partners(focus):
            partners.add(partner)
            actor = None if e.kind == "diplomatic-relations" else e.by
            earliest.setdefault((partner, e.kind, actor), e)
    result = []
    for code in partners:
        est = earliest.get((code, "diplomatic-relations", None))
        result.append(
            Partner(
                code=code,
                established=est,
                years_ago=elapsed_years(est.date, as_of, leap) if est else None,
                next_milestone=next_milestone(est.date, as_of, every, leap) if est else None,
                recognised_by_focus=earliest.get((code, "recognition", focus)),
                recognised_by_partner=earliest.get((code, "recognition", code)),
                embassy_of_focus=earliest.get((code, "embassy-opened", focus)),
                embassy_of_partner=earliest.get((code, "embassy-opened", code)),
            )
        )
    far = (10000, 13, 32)
    result.sort(key=lambda p: (p.established.date.sort_key if p.established else far, p.code))
    return result


def by_next_milestone(partners: Iterable[Partner]) -> list[Partner]:
    """Partners ordered by their coming milestone (none last), then by code."""
    far = (10000, 13, 32)
    return sorted(
        partners,
        key=lambda p: (p.next_milestone[1].sort_key if p.next_milestone else far, p.code),
    )


def choose_letter(found: Sequence[Event]) -> Event:
    """The letter to show when none is named (``found`` oldest first, not empty): the most
    recent one that has a text, else the most recent one."""
    with_text = [e for e in found if e.letter is not None and e.letter.text]
    return (with_text or list(found))[-1]
