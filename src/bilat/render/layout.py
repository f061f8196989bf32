"""The geometry of pictures, apart from drawing: how wide a text is, where a year falls
on an axis, which lane each label takes so that none overlaps another, and how a date is
written in a picture. Pure; no drawing library is needed here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from bilat.domain import PartialDate, YearsRange

from . import lang

WIDTH = 1600  # the picture's own width (viewBox units); --width scales the rendering
DAY = dt.timedelta(days=1)
MARGIN, GAP, MAX_LABEL = 48, 14, 600

#: Advance widths of DejaVu Sans (per 1000 em) for ' ' to '~'.
# fmt: off
_ADVANCE = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770,
    632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989,
    685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278,
    579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636,
    838,
)
# fmt: on
BOLD = 1.14  # DejaVu Sans Bold is at most this much wider, on average over a text


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` at ``size`` px, never less than DejaVu Sans draws it."""
    units = 0
    for char in text:
        if " " <= char <= "~":
            units += _ADVANCE[ord(char) - 32]
        elif unicodedata.combining(char):
            continue
        elif unicodedata.east_asian_width(char) in "WF":
            units += 1000
        else:
            base = unicodedata.normalize("NFD", char)[0]  # "ü" is as wide as "u"
            units += _ADVANCE[ord(base) - 32] if " " <= base <= "~" else 900
    return units / 1000 * size * (BOLD if bold else 1.0) * 1.02


def fit(text: str, size: float, room: float) -> str:
    """``text``, cut with an ellipsis to fit ``room`` px."""
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "\u2026", size) > room:
        text = text[:-1]
    return text.rstrip() + "\u2026"


class Span(NamedTuple):
    """The days a date may be, first and last included."""

    first: dt.date
    last: dt.date

    @classmethod
    def of(cls, start: PartialDate, end: PartialDate | None = None) -> Span:
        return cls(start.first_day(), (end or start).last_day())


class Row(NamedTuple):
    """One line of the picture: an event (or a partner) with its marks and its label."""

    kind: str
    at: Span  # the date at its precision
    until: Span | None  # the end date's period, for a range
    alternatives: tuple[Span, ...]  # dates other sources give
    when: str  # the date as shown (muted)
    title: str
    extra: str  # "33 years" (bold)
    tooltip: str


def years_text(years: YearsRange) -> str:
    if lang.current() is None:
        return "1 year" if str(years) == "1" else f"{years} years"
    return lang.n("{years} year", "{years} years", years.max).format(years=years)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(date: PartialDate) -> str:
    """'7 Sep 1992', 'Sep 1992' or '1992': the date at its precision."""
    current = lang.current()
    if current is not None:
        return current.short_date(date)
    month = _MONTHS[date.month - 1] if date.month else ""
    return " ".join(str(part) for part in (date.day, month, date.year) if part)


def date_range(start: PartialDate, end: PartialDate | None) -> str:
    """'7 Sep 1992', '19–25 Apr 2015', 'Mar 2006–Apr 2007' or '1862–1950'."""
    first = short_date(start)
    if end is None or end == start:
        return first
    last = short_date(end)
    if lang.current() is None and start.year == end.year and start.precision == end.precision:
        same = 2 if start.month == end.month else 1
        first = " ".join(first.split(" ")[:-same])
    return f"{first}–{last}"


def _new_year(year: int) -> int:
    """The proleptic Gregorian ordinal of 1 January of ``year`` (as ``date.toordinal``),
    for the year 10000 too, where an axis that runs to the end of 9999 ends."""
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400 + 1


class Axis(NamedTuple):
    """Whole years ``first`` to ``last`` (exclusive) over ``left``..``right`` px."""

    first: int
    last: int
    left: float
    right: float

    @classmethod
    def over(cls, rows: Sequence[Row], as_of: dt.date) -> Axis:
        """Every date of the rows, and ``as_of`` when it is after the first of them."""
        spans = [s for r in rows for s in (r.at, r.until, *r.alternatives) if s is not None]
        first, last = min(s.first for s in spans), max(s.last for s in spans)
        if as_of > first:
            last = max(last, as_of)
        return cls(first.year, last.year + 1, MARGIN + 14.0, WIDTH - MARGIN - 14.0)

    def x(self, day: dt.date) -> float:
        """Where ``day`` starts."""
        return self._at(day.toordinal())

    def after(self, day: dt.date) -> float:
        """Where ``day`` ends (the next day starts, even after 31 December 9999)."""
        return self._at(day.toordinal() + 1)

    def _at(self, ordinal: int) -> float:
        start = _new_year(self.first)
        days = _new_year(self.last) - start
        return self.left + (ordinal - start) * (self.right - self.left) / days

    def ticks(self) -> tuple[list[int], list[dt.date]]:
        """The years labelled (64 px apart or more) and the minor ticks: months when
        there is room for them, else years or decades 6 px apart or more."""
        per_year = (self.right - self.left) / (self.last - self.first)
        steps = [n * 10**k for k in range(4) for n in (1, 2, 5)]
        step = next((s for s in steps if s * per_year >= 64), steps[-1])
        minor = next(s for s in steps if s * per_year >= 6 and step % s == 0)
        years = range(self.first, self.last + 1)
        months = range(1, 13) if per_year >= 96 else (1,)
        ticks = [(y, m) for y in years if y % minor == 0 for m in months]
        ticks = ticks[: len(ticks) - len(months) + 1]
        # The axis may end on 1 January 10000, a day no date can name: no tick there.
        days = [dt.date(y, m, 1) for y, m in ticks if y <= dt.MAXYEAR]
        return [y for y in years if y % step == 0 and y <= dt.MAXYEAR], days


class Placed(NamedTuple):
    row: Row
    lane: int
    x: float  # where the label starts
    title: str  # the row's title, cut to fit


def pack(rows: Sequence[Row], axis: Axis, size: float) -> list[Placed]:
    """Each row in the first lane where its marks and label overlap nothing; the label
    right of the marks, else left of them, cut to fit the picture."""
    lanes: list[list[tuple[float, float]]] = []
    placed = []
    for row in rows:
        spans = [s for s in (row.at, row.until, *row.alternatives) if s is not None]
        x0 = min(axis.x(s.first) for s in spans) - 10
        x1 = max(axis.after(s.last) for s in spans) + 10
        fixed = text_width(f"{row.when} " if row.when else "", size)
        fixed += text_width(f" \u00b7 {row.extra}" if row.extra else "", size, bold=True)
        room_right, room_left = WIDTH - MARGIN - x1, x0 - MARGIN
        left = fixed + text_width(row.title, size) > room_right and room_left > room_right
        title = fit(row.title, size, min(room_left if left else room_right, MAX_LABEL) - fixed)
        width = fixed + text_width(title, size)
        box = (x0 - width, x1) if left else (x0, x1 + width)
        free = (
            i
            for i, lane in enumerate(lanes)
            if all(box[1] + GAP <= a or b + GAP <= box[0] for a, b in lane)
        )
        lane = next(free, len(lanes))
        if lane == len(lanes):
            lanes.append([])
        lanes[lane].append(box)
        placed.append(Placed(row, lane, box[0] if left else x1, title))
    return placed


def wrap_items(lead: str, items: Sequence[str], size: float, most: int = 3) -> list[str]:
    """``lead`` and the items joined by '; ', in at most ``most`` lines that fit the
    picture; the last line says how many items are left out."""
    room = WIDTH - 2 * MARGIN
    lines: list[list[str]] = [[lead]]
    for item in items:
        if len(lines[-1]) > 1 and text_width(_join(lines[-1] + [item]) + ";", size) > room:
            lines.append([""])
        lines[-1].append(item)
    if len(lines) > most:
        lines = lines[:most]
        shown = sum(len(line) - 1 for line in lines)

        def more(count: int) -> str:
            return lang.t("and {n} more").format(n=count)

        while text_width(_join(lines[-1]) + "; " + more(len(items) - shown), size) > room:
            lines[-1].pop()
            shown -= 1
        lines[-1].append(more(len(items) - shown))
    return [_join(line) + (";" if i < len(lines) - 1 else "") for i, line in enumerate(lines)]


def _join(words: Sequence[str]) -> str:
    return words[0] + "; ".join(words[1:])
