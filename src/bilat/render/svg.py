"""Pictures: a pair's events on a time axis, and a country's partners by the year their
relations began, as one self-contained SVG drawn with drawsvg.

Pure: no I/O and no clock (``as_of`` is a parameter). Store text reaches the picture only
as text content, after :func:`bilat.text.clean`; drawsvg escapes text content but not
attributes, so no store text ever goes into an attribute. Labels never overlap: each is
measured with the advance widths of DejaVu Sans (the first, and widest, font of the family
list) and put in the first lane where it fits, marks included.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import drawsvg as draw

from bilat.domain import Event, PartialDate, TimelineEntry, YearsRange
from bilat.partners import Partner
from bilat.text import clean

from . import lang
from .common import KIND_LABELS, long_date, name, names
from .common import summary as event_summary
from .common import title as event_title
from .layout import (
    BOLD,
    MARGIN,
    WIDTH,
    Axis,
    Placed,
    Row,
    Span,
    date_range,
    fit,
    pack,
    text_width,
    wrap_items,
    years_text,
)

FONT = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
INK, MUTED, GRID, PAPER, ASOF = "#1f2933", "#5f6b7a", "#e4e7eb", "#ffffff", "#d55e00"

#: Each kind's symbol and colour (Okabe-Ito colours, readable by colour-blind readers).
# fmt: off
STYLE: dict[str, tuple[str, str]] = {
    "diplomatic-relations": ("star", "#d55e00"), "recognition": ("diamond", "#d55e00"),
    "relations-restored": ("diamond", "#009e73"), "relations-severed": ("cross", "#d55e00"),
    "relations-suspended": ("cross", "#b07800"), "embassy-opened": ("square", "#0072b2"),
    "embassy-raised": ("square", "#56b4e9"), "embassy-closed": ("cross", "#0072b2"),
    "legation-opened": ("square", "#009e73"), "mission-opened": ("square", "#cc79a7"),
    "consulate-opened": ("square", "#b07800"), "agreement": ("triangle", "#009e73"),
    "visit": ("circle", "#0072b2"), "meeting": ("circle", "#56b4e9"),
    "letter": ("down", "#cc79a7"), "anniversary-event": ("down", "#b07800"),
    "other": ("circle", "#7b8794"),
}
# fmt: on
MILESTONES = ("diplomatic-relations", "recognition")


# --------------------------------------------------------------------------- the model


def event_row(entry: TimelineEntry, focus: Sequence[str]) -> Row:
    e = entry.event
    title = clean(event_title(e))
    if len(focus) == 1:  # one country's timeline: say with whom
        title = f"{names(e.partners(focus[0]))}: {title}"
    alternatives = tuple(
        Span.of(c.date or e.date, c.end_date or (None if c.date else e.end_date))
        for c in e.disputed or ()
    )
    when = date_range(e.date, e.end_date)
    milestone = e.kind in MILESTONES and entry.years_ago is not None
    extra = years_text(entry.years_ago) if milestone and entry.years_ago else ""
    return Row(
        kind=e.kind,
        at=Span.of(e.date),
        until=Span.of(e.end_date) if e.end_date else None,
        alternatives=alternatives,
        when=when,
        title=title + (" *" if alternatives else ""),
        extra=extra,
        tooltip=f"{e.date}{'/' + str(e.end_date) if e.end_date else ''} {_tip_kind(e.kind)}: "
        + clean(event_summary(e) or event_title(e)),
    )


def _tip_kind(kind: str) -> str:
    return kind if lang.current() is None else lang.t(KIND_LABELS[kind])


def _tip(e: Event) -> str:
    return f"{e.date}: {clean(event_title(e))}"


def source_names(events: Iterable[Event], limit: int = 60) -> list[str]:
    """The distinct sources, shortened to the publisher ('MOFA Japan: Joint ...' is 'MOFA
    Japan', 'Wikipedia (Russian)' is 'Wikipedia'), most cited first."""
    counts: Counter[str] = Counter()
    for e in events:
        for title in dict.fromkeys(clean(s.title).split(": ")[0] for s in e.sources):
            short = title.split(" (")[0].strip() or title
            counts[short if len(short) <= limit else short[: limit - 1] + "\u2026"] += 1
    return [title for title, _ in counts.most_common()]


# --------------------------------------------------------------------------- drawing


class Chart:
    """A picture under construction, top to bottom: a title block, a legend, a year axis
    over lanes of rows, a footnote. ``y`` is where the next block goes."""

    def __init__(self, size: float) -> None:
        self.parts: list[Any] = []
        self.y, self.size, self.lane = 0.0, size, round(size * 1.7)

    def add(self, *elements: Any) -> None:
        self.parts.extend(elements)

    def text(self, text: str, x: float, y: float, size: float, **attrs: Any) -> Any:
        element = draw.Text(text, size, round(x, 1), round(y, 1), **attrs)
        self.parts.append(element)
        return element

    def heading(self, title: str, subtitle: str) -> None:
        room = WIDTH - 2 * MARGIN
        self.text(fit(title, 30 * BOLD, room), MARGIN, 60, 30, font_weight="bold", fill=INK)
        self.text(fit(subtitle, 17, room), MARGIN, 92, 17, fill=MUTED)
        self.y = 118.0

    def legend(self, entries: Sequence[tuple[str, str, str]]) -> None:
        """(symbol, colour, words) in rows; the symbols 'bar', 'range', 'alt' and 'asof'
        are drawn as the marks they explain."""
        x, y = float(MARGIN), self.y + 14
        for symbol, colour, words in entries:
            width = 28 + text_width(words, 13)
            if x + width > WIDTH - MARGIN:
                x, y = float(MARGIN), y + 24
            if symbol in ("bar", "range"):
                self.add(_bar(x, x + 22, y, colour, solid=symbol == "range"))
            elif symbol == "asof":
                self.add(_line(x + 11, y - 9, x + 11, y + 9, colour, "4 3"))
            else:  # a kind's symbol, or a hollow one for "alt"
                shape = "circle" if symbol == "alt" else symbol
                self.add(_symbol(shape, x + 11, y, colour, hollow=symbol == "alt"))
            self.text(words, x + 28, y + 4.5, 13, fill=INK)
            x += width + 22
        self.y = y + 18

    def axis(self, axis: Axis, lanes: int, as_of: dt.date) -> float:
        """The year axis above and below ``lanes`` lanes, with grid lines and the as-of
        line; returns the centre of the first lane."""
        top = self.y + 34
        bottom = top + 12 + self.lane * lanes
        labelled, minor = axis.ticks()
        for day in minor:
            year, x = day.year, axis.x(day)
            major = day.month == 1 and year in labelled
            tick = 6 if major else 3
            self.add(_line(x, top - tick, x, top), _line(x, bottom, x, bottom + tick))
            if major:
                self.add(_line(x, top + 1, x, bottom - 1, GRID))
                for y in (top - 10, bottom + 22):
                    self.text(str(year), x, y, 13, fill=MUTED, text_anchor="middle")
        self.add(
            _line(axis.left, top, axis.right, top), _line(axis.left, bottom, axis.right, bottom)
        )
        if axis.first <= as_of.year < axis.last:
            self.add(_line(axis.x(as_of), top, axis.x(as_of), bottom, ASOF, "4 3"))
        self.y = bottom + 22
        return top + 12 + self.lane / 2

    def rows(self, axis: Axis, placed: Sequence[Placed], first: float) -> None:
        for p in placed:
            row, y = p.row, first + self.lane * p.lane
            shape, colour = STYLE.get(row.kind, STYLE["other"])
            start, end = axis.x(row.at.first), axis.after(row.at.last)
            for alt in row.alternatives:
                x0, x1 = axis.x(alt.first), axis.after(alt.last)
                self.add(_line((x0 + x1) / 2, y, (start + end) / 2, y, colour, "2 2"))
                if x1 - x0 > 3:
                    self.add(_bar(x0, x1, y, colour, solid=False, dashed=True))
                self.add(_symbol(shape, (x0 + x1) / 2, y, colour, hollow=True))
            if row.until is not None:
                self.add(_bar(start, axis.after(row.until.last), y, colour, solid=True))
            if end - start > 3:
                self.add(_bar(start, end, y, colour, solid=False))
            mark = _symbol(shape, (start + end) / 2, y, colour)
            mark.append_title(row.tooltip)
            label = self.text("", p.x, y + self.size * 0.36, self.size, fill=INK)
            if row.when:
                label.append(draw.TSpan(f"{row.when} ", fill=MUTED))
            label.append(draw.TSpan(p.title))
            if row.extra:
                label.append(draw.TSpan(f" \u00b7 {row.extra}", font_weight="bold"))
            self.add(mark)

    def footnote(self, lines: Sequence[str]) -> None:
        self.y += 34
        for i, line in enumerate(lines):
            self.text(line, MARGIN, self.y + 18 * i, 13, fill=MUTED)
        self.y += 18 * len(lines) + 6
        credit = lang.t("Drawn by bilat from its sourced event store")
        self.text(credit, WIDTH - MARGIN, self.y, 12, fill=MUTED, text_anchor="end")
        self.y += 24

    def svg(self, width: int, title: str) -> str:
        height = math.ceil(self.y)
        d = draw.Drawing(WIDTH, height, font_family=FONT, id_prefix="bilat")
        d.set_render_size(width, round(height * width / WIDTH))
        d.append_title(title)
        d.append(draw.Rectangle(0, 0, WIDTH, height, fill=PAPER))
        d.extend(self.parts)
        return str(d.as_svg())


def _symbol(shape: str, x: float, y: float, colour: str, *, hollow: bool = False) -> Any:
    style = {"fill": PAPER if hollow else colour, "stroke": colour, "stroke_width": 1.5}
    r = 5.5
    if shape == "circle":
        return draw.Circle(round(x, 1), round(y, 1), r, **style)
    if shape == "square":
        return draw.Rectangle(round(x - 5, 1), round(y - 5, 1), 10, 10, **style)
    if shape == "cross":
        a, b, c, d = (round(v, 1) for v in (x - 4.7, y - 4.7, x + 4.7, y + 4.7))
        path = draw.Path(stroke=colour, stroke_width=2.6, fill="none")
        return path.M(a, b).L(c, d).M(a, d).L(c, b)
    if shape == "star":
        radii = [(r * 1.45, r * 0.62)[i % 2] for i in range(10)]
        offsets = [v for i, q in enumerate(radii) for v in _polar(q, math.pi * i / 5)]
    else:
        offsets = {
            "diamond": [0, -7.2, 7.2, 0, 0, 7.2, -7.2, 0],
            "triangle": [0, -6.6, 6.3, 4.7, -6.3, 4.7],
        }.get(shape, [0, 6.6, 6.3, -4.7, -6.3, -4.7])
    points = [round((x if i % 2 == 0 else y) + v, 1) for i, v in enumerate(offsets)]
    return draw.Lines(*points, close=True, **style)


def _polar(radius: float, angle: float) -> tuple[float, float]:
    return radius * math.sin(angle), -radius * math.cos(angle)


def _bar(x0: float, x1: float, y: float, colour: str, *, solid: bool, dashed: bool = False) -> Any:
    h = 5.0 if solid else 9.0
    style: dict[str, Any] = {"fill": colour, "fill_opacity": 0.75 if solid else 0.22}
    if not solid:
        style |= {"stroke": colour, "stroke_width": 1, "stroke_opacity": 0.8}
    if dashed:
        style |= {"fill": "none", "stroke_dasharray": "3 2"}
    width = round(max(x1 - x0, 1.0), 1)
    return draw.Rectangle(round(x0, 1), round(y - h / 2, 1), width, h, rx=2, **style)


def _line(
    x0: float, y0: float, x1: float, y1: float, colour: str = MUTED, dash: str | None = None
) -> Any:
    ends = (round(v, 1) for v in (x0, y0, x1, y1))
    return draw.Line(*ends, stroke=colour, stroke_dasharray=dash)


# --------------------------------------------------------------------------- axis and lanes


# --------------------------------------------------------------------------- the pictures


def chart_svg(
    title: str,
    subtitle: str,
    rows: Sequence[Row],
    kinds: Sequence[tuple[str, str, str]],
    sources: Sequence[str],
    as_of: dt.date,
    *,
    width: int = WIDTH,
    size: float = 13.0,
) -> str:
    """Rows on a year axis under a title, with a legend and a footnote of sources."""
    chart = Chart(size)
    chart.heading(title, subtitle)
    legend = list(kinds)
    t = lang.t
    if any(r.at.first != r.at.last for r in rows):
        legend.append(("bar", MUTED, t("date known only to the month or year")))
    if any(r.until for r in rows):
        legend.append(("range", MUTED, t("from the first to the last day")))
    if any(r.alternatives for r in rows):
        legend.append(("alt", MUTED, t("* date another source gives")))
    when = long_date(PartialDate.from_date(as_of))
    legend.append(("asof", ASOF, t("as of {date}").format(date=when)))
    chart.legend(legend)
    axis = Axis.over(rows, as_of)
    placed = pack(rows, axis, size)
    chart.rows(axis, placed, chart.axis(axis, 1 + max(p.lane for p in placed), as_of))
    chart.footnote(wrap_items(t("Sources: "), sources, 13))
    return chart.svg(width, f"{title}. {subtitle}")


def timeline_svg(
    focus: Sequence[str],
    entries: Sequence[TimelineEntry],
    as_of: dt.date,
    relations: Event | None,
    years: YearsRange | None,
    width: int = WIDTH,
) -> str:
    """The events of a pair (or of one country) on a time axis (``entries`` not empty)."""
    rows = [event_row(entry, focus) for entry in entries]
    t = lang.t
    when = long_date(PartialDate.from_date(as_of))
    count = lang.n("{n} event", "{n} events", len(rows)).format(n=len(rows))
    subtitle = t("{count} \u00b7 as of {date}").format(count=count, date=when)
    if relations is not None and years is not None:
        since = long_date(relations.date)
        subtitle = t(
            "Diplomatic relations since {since}: {years} as of {date} \u00b7 {count}"
        ).format(since=since, years=years_text(years), date=when, count=count)
    kinds = [(*STYLE[k], _kind(k)) for k in STYLE if any(r.kind == k for r in rows)]
    sources = source_names(e.event for e in entries)
    title = t("{pair}: a timeline of relations").format(pair=names(focus))
    return chart_svg(title, subtitle, rows, kinds, sources, as_of, width=width)


def _kind(kind: str) -> str:
    """A kind in the legend: 'embassy opened' in English, its label in other languages."""
    return kind.replace("-", " ") if lang.current() is None else lang.t(KIND_LABELS[kind])


def relations_svg(
    country: str, partners: Sequence[Partner], as_of: dt.date, width: int = WIDTH
) -> str:
    """The partners of a country by the date relations were established (at least one
    with a date)."""
    dated = [(p.code, p.established) for p in partners if p.established is not None]
    rows = [
        Row("diplomatic-relations", Span.of(e.date), None, (), "", name(code), "", _tip(e))
        for code, e in dated
    ]
    t = lang.t
    when = long_date(PartialDate.from_date(as_of))
    subtitle = lang.n(
        "{n} partner by the date relations were established, as of {date}",
        "{n} partners by the date relations were established, as of {date}",
        len(rows),
    ).format(n=len(rows), date=when)
    if len(dated) < len(partners):
        subtitle += t("; {n} without a date are not shown").format(n=len(partners) - len(dated))
    established = "diplomatic relations established"
    if lang.current() is not None:
        established = lang.t(KIND_LABELS["diplomatic-relations"])
    kinds = [(*STYLE["diplomatic-relations"], established)]
    sources = source_names(e for _, e in dated)
    title = t("{country}: diplomatic relations over time").format(country=name(country))
    return chart_svg(title, subtitle, rows, kinds, sources, as_of, width=width, size=12.0)
