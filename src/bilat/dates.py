"""Dates with precision: a year, a month of a year, or a day, never a made-up day.

Pure: no clock, no I/O. A :class:`PartialDate` knows the first and last day it covers, its
weekday when it is a day, and sorts with the less precise date first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

__all__ = ["AFTER_ALL_DATES", "ENGLISH_MONTHS", "PartialDate", "Precision"]


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


#: A sort key after every date's (``PartialDate.sort_key``): for what has no date.
AFTER_ALL_DATES = (10000, 13, 32)


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


class _Fields:
    """The fields of a :class:`PartialDate` (see there)."""

    __slots__ = ("_iso", "_key", "_weekday", "day", "month", "text_key", "year")

    year: int
    month: int | None
    day: int | None
    _key: tuple[int, int, int]
    _iso: str  # the ISO text (dates are shared, and printed often)
    #: The sort key as fixed-width text (``1997-03-32`` for ``1997-03``): it orders as
    #: ``sort_key`` does, and strings compare faster than tuples.
    text_key: str
    _weekday: int | None  # Monday is 0; made on first use (-1 until then)


class _Unsealed(_Fields):
    """A PartialDate being made. Its fields are set as on any object; then its class
    becomes PartialDate (the same layout), whose ``__setattr__`` refuses every change,
    that of the class included. A store's dates are made this way: three times faster
    than ``object.__setattr__`` field by field."""

    __slots__ = ()


def _make(year: int, month: int | None, day: int | None, iso: str) -> PartialDate:
    """A PartialDate of checked fields, whose ISO form is ``iso``."""
    date = object.__new__(_Unsealed)
    date.year = year
    date.month = month
    date.day = day
    # Unknown month/day sort after every known one in their period.
    date._key = (year, month or 13, day or 32)
    date._iso = iso
    date.text_key = iso if day else iso + ("-32" if month else "-13-32")
    date._weekday = -1
    date.__class__ = PartialDate  # type: ignore[assignment]
    return date  # type: ignore[return-value]


class PartialDate(_Fields):
    """A calendar date known to the year, the month or the day.

    A year-only date is never turned into 1 January: it orders after every date known
    more precisely within its year (``1997-03-07`` < ``1997-03`` < ``1997``), and all
    arithmetic on it is done on the range of days it may be.
    """

    __slots__ = ()

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        _check(year, month, day)
        if month is None:
            iso = f"{year:04d}"
        elif day is None:
            iso = f"{year:04d}-{month:02d}"
        else:
            iso = f"{year:04d}-{month:02d}-{day:02d}"
        made = _make(year, month, day, iso)
        for field in _Fields.__slots__:
            object.__setattr__(self, field, getattr(made, field))

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
        return _make(year, month, day, text)  # the text is the ISO form: the pattern says so

    @classmethod
    def from_date(cls, date: dt.date) -> PartialDate:
        return _make(date.year, date.month, date.day, date.isoformat())

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


#: English month names and their usual abbreviations, by number (for importers that
#: read dates written out: "14 January 1992", "Sept. 1992").
ENGLISH_MONTHS: dict[str, int] = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}
