"""Presentation: turn computed results into tables, panels, JSON, CSV and Markdown.

Nothing here computes a date. Text from a store is data: it is never parsed as Rich
markup, and terminal control characters in it are shown as visible escapes (``\\x1b``).
JSON keeps the original strings exactly, writing controls and bidirectional marks as
``\\u`` escapes. Rich is imported only when a table or panel is drawn.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from . import countries
from .domain import (
    Anniversary,
    Claim,
    Event,
    LeapRule,
    PartialDate,
    Partner,
    Source,
    TimelineEntry,
    YearsRange,
    days_until,
    ordinal,
)
from .store import to_builtins
from .text import clean

if TYPE_CHECKING:
    from rich.console import RenderableType

# What JSON must escape beyond the C0 controls that msgspec escapes itself.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")

DISPUTED_MARK = "*"
LEAP_MARK = "\u2020"  # dagger


# The UTF-8 lead bytes of every character _JSON_UNSAFE matches: DEL, C1 controls (c2),
# the Arabic letter mark (d8), bidi marks and separators (e2 80, e2 81), surrogates (ed).
_JSON_UNSAFE_BYTES = (b"\x7f", b"\xc2", b"\xd8", b"\xe2\x80", b"\xe2\x81", b"\xed")


def dump_json(obj: Any) -> bytes:
    """UTF-8 JSON (two-space indent, trailing newline) that keeps strings exact but never
    carries a raw control character: msgspec escapes C0 controls, the rest are escaped
    here (the output is scanned only when it holds a byte that may start one)."""
    data = msgspec.json.format(msgspec.json.encode(obj), indent=2) + b"\n"
    if not data.isascii() and any(lead in data for lead in _JSON_UNSAFE_BYTES):
        text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", data.decode("utf-8"))
        data = text.encode("utf-8")
    return data


def name(code: str) -> str:
    return countries.name(code)


def names(codes: Sequence[str]) -> str:
    return " \u2013 ".join(name(c) for c in codes)


def direction(event: Event) -> str:
    """'Japan → Azerbaijan' for an act of one party towards the other."""
    if event.by is None:
        return ""
    others = event.partners(event.by)
    if len(others) == 1:
        return f"{name(event.by)} \u2192 {name(others[0])}"
    return f"by {name(event.by)}"


def date_span(event: Event) -> str:
    """The date, or an ISO 8601 interval with the end's shared leading parts left out:
    ``1998-02-24/28``, ``2006-03-30/04-02``, ``1999-12-30/2000-01-02``."""
    start, end = event.date, event.end_date
    if end is None or end == start:
        return start.isoformat()
    if start.precision == end.precision == "day" and start.year == end.year:
        assert end.month is not None
        assert end.day is not None
        tail = f"{end.day:02d}" if start.month == end.month else f"{end.month:02d}-{end.day:02d}"
        return f"{start.isoformat()}/{tail}"
    return f"{start.isoformat()}/{end.isoformat()}"


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def weekday(date: PartialDate) -> str | None:
    """'Wed', or None when the day is unknown."""
    number = date.weekday()
    return None if number is None else _WEEKDAYS[number]


def years_json(years: YearsRange | None) -> dict[str, int] | None:
    return None if years is None else {"min": years.min, "max": years.max}


def event_json(event: Event) -> dict[str, Any]:
    """An event as stored, with the keys every listing promises always present."""
    stored = to_builtins(event)
    base: dict[str, Any] = {
        "id": event.id,
        "date": event.date.isoformat(),
        "end_date": None,
        "kind": event.kind,
        "parties": list(event.parties),
        "by": None,
        "title": event.title,
        "summary": None,
        "sources": [],
        "disputed": [],
    }
    base.update(stored)
    return base


def source_line(source: Source) -> str:
    """'Title <url>', or the title alone when the store has no address."""
    return f"{source.title} <{source.url}>" if source.url else source.title


def disputed_lines(event: Event) -> list[str]:
    """One line per disputed claim: what it says, its note and its sources."""
    lines = []
    for claim in event.disputed or ():
        parts = []
        if claim.date is not None:
            parts.append(f"date {claim.date}")
        if claim.end_date is not None:
            parts.append(f"end {claim.end_date}")
        sources = "; ".join(source_line(s) for s in claim.sources)
        lines.append(
            f"{event.title} ({date_span(event)}): also given as {', '.join(parts)}. "
            f"{claim.note} Sources: {sources}"
        )
    return lines


# --------------------------------------------------------------------------- listings


class Listing(msgspec.Struct, kw_only=True):
    """One result, ready for every output format; each representation is built only when
    the chosen format asks for it (a JSON run at scale never builds table rows).

    ``row`` is for people (country names), ``csv_row`` for programs (codes, ISO dates),
    ``json_item`` for the JSON document ``{**head, key: [...]}``.
    """

    items: Sequence[Any]
    columns: list[str]
    row: Callable[[Any], list[str]]
    csv_columns: list[str]
    csv_row: Callable[[Any], list[str]]
    json_item: Callable[[Any], Any]  # a dict, or a msgspec struct
    head: dict[str, Any]
    key: str
    heading: str | None = None
    notes: list[str] = msgspec.field(default_factory=list)
    empty: str = "No events."
    #: Columns of free text, which may wrap; the others (dates, kinds, counts) never do.
    wrap: frozenset[str] = frozenset(
        {"Event", "Title", "From", "To", "Partner", "Parties", "Direction", "When"}
    )

    @property
    def rows(self) -> list[list[str]]:
        return [self.row(item) for item in self.items]

    @property
    def csv_rows(self) -> list[list[str]]:
        return [self.csv_row(item) for item in self.items]

    @property
    def data(self) -> dict[str, Any]:
        return {**self.head, self.key: [self.json_item(item) for item in self.items]}


def _years_cell(years: YearsRange | None) -> str:
    return "later" if years is None else str(years)


def timeline_listing(
    focus: Sequence[str],
    as_of: dt.date,
    entries: Sequence[TimelineEntry],
    heading: str,
    head: dict[str, Any] | None = None,
) -> Listing:
    """Events with years elapsed: for a pair (``focus`` of two), one country (a Partner
    column) or none (a Parties column, as for search results)."""
    single = len(focus) == 1
    columns = ["Date", "Kind", "Event", "Direction", "Years ago"]
    if single:
        columns.insert(1, "Partner")
    elif not focus:
        columns.insert(1, "Parties")

    def row(entry: TimelineEntry) -> list[str]:
        e = entry.event
        marked = date_span(e) + (f" {DISPUTED_MARK}" if e.disputed else "")
        cells = [marked, e.kind, e.title, direction(e), _years_cell(entry.years_ago)]
        if single:
            cells.insert(1, names(e.partners(focus[0])))
        elif not focus:
            cells.insert(1, names(e.parties))
        return cells

    def csv_row(entry: TimelineEntry) -> list[str]:
        e, years = entry.event, entry.years_ago
        return [
            e.date.isoformat(),
            e.end_date.isoformat() if e.end_date else "",
            e.id,
            e.kind,
            ";".join(e.parties),
            e.by or "",
            e.title,
            "" if years is None else str(years.min),
            "" if years is None else str(years.max),
            ";".join(str(c.date or c.end_date) for c in e.disputed or ()),
            ";".join(s.url or s.title for s in e.sources),
        ]

    def json_item(entry: TimelineEntry) -> dict[str, Any]:
        return {**event_json(entry.event), "years_ago": years_json(entry.years_ago)}

    notes = [
        f"{DISPUTED_MARK} {line}"
        for entry in entries
        if entry.event.disputed
        for line in disputed_lines(entry.event)
    ]
    return Listing(
        items=entries,
        columns=columns,
        row=row,
        csv_columns=[
            "date",
            "end_date",
            "id",
            "kind",
            "parties",
            "by",
            "title",
            "years_ago_min",
            "years_ago_max",
            "disputed_dates",
            "sources",
        ],
        csv_row=csv_row,
        json_item=json_item,
        head=head or {"parties": list(focus), "as_of": as_of.isoformat()},
        key="events",
        heading=heading,
        notes=notes,
        empty="No events match.",
    )


def leap_rule_text(leap: LeapRule) -> str:
    day = "28 February" if leap == "feb28" else "1 March"
    return f"29 February is placed on {day} in common years; whole years roll over on that day."


def _when(date: PartialDate, as_of: dt.date) -> tuple[str, int | None]:
    """'today', 'tomorrow', 'in 12 days', or the period when the day is unknown."""
    days = days_until(date, as_of)
    if days is None:
        return f"{long_date(date)}, day unknown", None
    return {0: "today", 1: "tomorrow"}.get(days, f"in {days} days"), days


class AnniversaryRow(msgspec.Struct, gc=False):
    """One anniversary in JSON (a struct: a run may print a million of them)."""

    event_id: str
    title: str
    kind: str
    parties: list[str]
    event_date: str
    date: str
    weekday: str | None
    years: int
    ordinal: str
    leap_day_moved: bool
    disputed: list[dict[str, str | None]]
    in_days: int | msgspec.UnsetType | None = msgspec.UNSET  # only for upcoming


def anniversary_listing(
    found: Sequence[Anniversary],
    *,
    head: dict[str, Any],
    heading: str,
    empty: str,
    leap: LeapRule = "feb28",
    as_of: dt.date | None = None,
) -> Listing:
    """Anniversary rows; with ``as_of``, each row also says how far off it is."""
    upcoming = as_of is not None

    def row(a: Anniversary) -> list[str]:
        e = a.event
        cells = [
            a.date.isoformat() + (f" {LEAP_MARK}" if a.leap_day_moved else ""),
            weekday(a.date) or "",
            a.ordinal,
            e.title + (f" {DISPUTED_MARK}" if e.disputed else ""),
            names(e.parties),
            e.date.isoformat(),
        ]
        if as_of is not None:
            cells.insert(2, _when(a.date, as_of)[0])
        return cells

    def csv_row(a: Anniversary) -> list[str]:
        e = a.event
        cells = [
            a.date.isoformat(),
            weekday(a.date) or "",
            str(a.years),
            a.ordinal,
            e.id,
            e.kind,
            ";".join(e.parties),
            e.title,
            e.date.isoformat(),
            "true" if a.leap_day_moved else "false",
        ]
        if as_of is not None:
            in_days = _when(a.date, as_of)[1]
            cells.insert(2, "" if in_days is None else str(in_days))
        return cells

    def json_item(a: Anniversary) -> AnniversaryRow:
        e, date = a.event, a.date
        return AnniversaryRow(
            e.id,
            e.title,
            e.kind,
            e.parties,
            e.date.isoformat(),
            date.isoformat(),
            weekday(date),
            a.years,
            ordinal(a.years),
            a.leap_day_moved,
            [claim_dates(c) for c in e.disputed] if e.disputed else [],
            msgspec.UNSET if as_of is None else _when(date, as_of)[1],
        )

    notes = []
    if any(a.leap_day_moved for a in found):
        notes.append(f"{LEAP_MARK} {leap_rule_text(leap)}")
    if any(a.event.disputed for a in found):
        notes.append(f"{DISPUTED_MARK} other sources give another date: see `bilat show ID`.")
    columns = ["Date", "Day", "Years", "Event", "Parties", "Since"]
    csv_columns = [
        "date",
        "weekday",
        "years",
        "ordinal",
        "event_id",
        "kind",
        "parties",
        "title",
        "event_date",
        "leap_day_moved",
    ]
    if upcoming:
        columns.insert(2, "When")
        csv_columns.insert(2, "in_days")
    return Listing(
        items=found,
        columns=columns,
        row=row,
        csv_columns=csv_columns,
        csv_row=csv_row,
        json_item=json_item,
        head={**head, "leap_day": leap},
        key="anniversaries",
        heading=heading,
        notes=notes,
        empty=empty,
    )


def relations_listing(
    focus: str, as_of: dt.date, every: int, partners: Sequence[Partner]
) -> Listing:
    def day(event: Event | None) -> str:
        return event.date.isoformat() if event is not None else ""

    def row(p: Partner) -> list[str]:
        nxt = p.next_milestone
        found = (
            (f"{focus} recognised {p.code}", p.recognised_by_focus),
            (f"{p.code} recognised {focus}", p.recognised_by_partner),
            (f"{focus} embassy", p.embassy_of_focus),
            (f"{p.code} embassy", p.embassy_of_partner),
        )
        return [
            name(p.code),
            day(p.established),
            "" if p.years_ago is None else str(p.years_ago),
            ordinal(nxt[0]) if nxt else "",
            nxt[1].isoformat() if nxt else "",
            "; ".join(f"{label} {day(e)}" for label, e in found if e is not None),
        ]

    def csv_row(p: Partner) -> list[str]:
        nxt = p.next_milestone
        return [
            p.code,
            day(p.established),
            "" if p.years_ago is None else str(p.years_ago.min),
            "" if p.years_ago is None else str(p.years_ago.max),
            "" if nxt is None else str(nxt[0]),
            "" if nxt is None else nxt[1].isoformat(),
            day(p.recognised_by_focus),
            day(p.recognised_by_partner),
            day(p.embassy_of_focus),
            day(p.embassy_of_partner),
        ]

    def json_item(p: Partner) -> dict[str, Any]:
        nxt = p.next_milestone
        return {
            "partner": p.code,
            "established": day(p.established) or None,
            "established_event": p.established.id if p.established else None,
            "years_ago": years_json(p.years_ago),
            "next_milestone": None
            if nxt is None
            else {"years": nxt[0], "ordinal": ordinal(nxt[0]), "date": nxt[1].isoformat()},
            "recognised_by_country": day(p.recognised_by_focus) or None,
            "recognised_by_partner": day(p.recognised_by_partner) or None,
            "embassy_of_country": day(p.embassy_of_focus) or None,
            "embassy_of_partner": day(p.embassy_of_partner) or None,
        }

    me = name(focus)
    return Listing(
        items=partners,
        columns=["Partner", "Established", "Years", "Next", "On", "Recognition, embassies"],
        row=row,
        csv_columns=[
            "partner",
            "established",
            "years_ago_min",
            "years_ago_max",
            "next_milestone_years",
            "next_milestone_date",
            "recognised_by_country",
            "recognised_by_partner",
            "embassy_of_country",
            "embassy_of_partner",
        ],
        csv_row=csv_row,
        json_item=json_item,
        head={"country": focus, "as_of": as_of.isoformat(), "every": every},
        key="partners",
        heading=f"{me}: {len(partners)} partners as of {as_of} (milestones every {every} years)",
        empty="No partners in this store.",
        wrap=frozenset({"Partner", "Recognition, embassies"}),
    )


def claim_dates(claim: Claim) -> dict[str, str | None]:
    return {
        "date": claim.date.isoformat() if claim.date else None,
        "end_date": claim.end_date.isoformat() if claim.end_date else None,
    }


def letter_json(event: Event) -> dict[str, Any]:
    letter = event.letter
    assert letter is not None
    return {
        "id": event.id,
        "date": event.date.isoformat(),
        "parties": list(event.parties),
        "by": event.by,
        "title": event.title,
        "author": letter.author,
        "recipient": letter.recipient,
        "language": letter.language,
        "summary": event.summary,
        "note": event.note,
        "text": letter.text,
        "sources": to_builtins(event)["sources"],
    }


def letters_listing(found: Sequence[Event]) -> Listing:
    def row(e: Event) -> list[str]:
        assert e.letter is not None
        has_text = "yes" if e.letter.text else "no"
        return [e.date.isoformat(), e.id, e.letter.author, e.letter.recipient, e.title, has_text]

    def csv_row(e: Event) -> list[str]:
        assert e.letter is not None
        has_text = "yes" if e.letter.text else "no"
        return [
            e.date.isoformat(),
            e.id,
            ";".join(e.parties),
            e.letter.author,
            e.letter.recipient,
            e.title,
            has_text,
        ]

    return Listing(
        items=found,
        columns=["Date", "Id", "From", "To", "Title", "Text"],
        row=row,
        csv_columns=["date", "id", "parties", "author", "recipient", "title", "has_text"],
        csv_row=csv_row,
        json_item=letter_json,
        head={},
        key="letters",
        heading="Letters",
        empty="No letters match.",
    )


def stores_listing(entries: Sequence[tuple[int, str, int, str]]) -> Listing:
    """The store files read, in order: (order, path, event count, status)."""

    def row(entry: tuple[int, str, int, str]) -> list[str]:
        order, path, count, status = entry
        return [str(order), path, str(count), status]

    return Listing(
        items=entries,
        columns=["#", "Store", "Events", "Status"],
        row=row,
        csv_columns=["order", "path", "events", "status"],
        csv_row=row,
        json_item=lambda e: {"path": e[1], "events": e[2], "status": e[3]},
        head={},
        key="stores",
        heading="Stores, in the order they are read (later ones override earlier ones by id)",
        wrap=frozenset({"Store", "Status"}),
    )


# --------------------------------------------------------------------------- formats


def listing_csv(listing: Listing) -> str:
    out = io.StringIO()
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(listing.csv_columns)
    writer.writerows([[clean(cell) for cell in row] for row in listing.csv_rows])
    return out.getvalue()


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: str) -> str:
    """Markdown-escaped, single-line, control-free text."""
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def listing_markdown(listing: Listing) -> str:
    lines = []
    if listing.heading:
        lines += [f"## {md(listing.heading)}", ""]
    rows = listing.rows
    if not rows:
        lines.append(md(listing.empty))
    else:
        lines.append("| " + " | ".join(md(c) for c in listing.columns) + " |")
        lines.append("|" + "|".join("---" for _ in listing.columns) + "|")
        lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
    if listing.notes:
        lines.append("")
        lines += [f"- {md(note)}" for note in listing.notes]
    return "\n".join(lines) + "\n"


def listing_table(listing: Listing) -> RenderableType:
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    if listing.heading:
        parts.append(Text(clean(listing.heading), style="bold"))
    rows = [[clean(cell) for cell in row] for row in listing.rows]
    if not rows:
        parts.append(Text(clean(listing.empty)))
    else:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
        for j, column in enumerate(listing.columns):
            wraps = column in listing.wrap
            table.add_column(
                column,
                no_wrap=not wraps,
                overflow="fold" if wraps else "ellipsis",
                min_width=10 if wraps else None,
                # A column that never wraps is as wide as its widest cell: saying so
                # spares Rich measuring each of its cells (a third of drawing a table).
                width=None if wraps else max(cell_len(column), *(cell_len(r[j]) for r in rows)),
            )
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        parts.append(table)
    parts += [Text(clean(note)) for note in listing.notes]
    return Group(*parts)


def listing_text(listing: Listing, fmt: str) -> bytes | str | RenderableType:
    """The listing in ``fmt``: bytes for json, a string for csv and markdown, a renderable
    for tables."""
    formats: dict[str, Callable[[Listing], bytes | str | RenderableType]] = {
        "json": lambda x: dump_json(x.data),
        "csv": listing_csv,
        "markdown": listing_markdown,
        "table": listing_table,
        "text": listing_table,
    }
    return formats[fmt](listing)


# --------------------------------------------------------------------------- one event


_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def long_date(date: PartialDate) -> str:
    """'7 September 2022', 'September 2022' or '2022': the date at its precision."""
    if date.month is None:
        return str(date.year)
    month = _MONTH_NAMES[date.month - 1]
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"


def _letter_lines(event: Event) -> list[tuple[str, str]]:
    letter = event.letter
    assert letter is not None
    fields = [
        ("From", letter.author),
        ("To", letter.recipient),
        ("Date", long_date(event.date) + (f", {event.place}" if event.place else "")),
        ("Occasion", event.title),
    ]
    if letter.language:
        fields.append(("Language", letter.language))
    return fields


def letter_markdown(event: Event, footer: str | None = None) -> str:
    letter = event.letter
    assert letter is not None
    lines = [f"# {md(event.title)}", ""]
    lines += [f"**{k}:** {md(v)}  " for k, v in _letter_lines(event)]
    lines.append("")
    if letter.text:
        lines += [md(p) + "\n" for p in _paragraphs(letter.text)]
    elif event.summary:
        lines += [f"*{md(event.summary)}*", "", "(The store has no text for this letter.)", ""]
    lines += ["## Sources", ""]
    lines += [f"- {md(source_line(s))}" for s in event.sources]
    if footer:
        lines += ["", md(footer)]
    return "\n".join(lines) + "\n"


def _paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n")
    return [" ".join(p.split("\n")).strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def letter_panel(event: Event, footer: str | None = None) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    letter = event.letter
    assert letter is not None
    head = Text()
    for key, value in _letter_lines(event):
        head.append(f"{key}: ", style="bold")
        head.append(clean(value) + "\n")
    body: list[RenderableType] = [head]
    if letter.text:
        body += [Text(clean(p) + "\n") for p in _paragraphs(letter.text)]
    else:
        if event.summary:
            body.append(Text(clean(event.summary) + "\n", style="italic"))
        body.append(Text("(The store has no text for this letter.)\n"))
    sources = Text("Sources:\n", style="bold")
    for s in event.sources:
        sources.append("  " + clean(source_line(s)) + "\n")
    body.append(sources)
    title = Text(clean(f"Letter \u00b7 {names(event.parties)}"))
    panel = Panel(Group(*body), title=title, title_align="left")
    return Group(panel, Text(clean(footer))) if footer else panel


def _event_fields(event: Event) -> list[tuple[str, str]]:
    fields = [
        ("Id", event.id),
        ("Date", date_span(event)),
        ("Kind", event.kind),
        ("Parties", f"{names(event.parties)} ({', '.join(event.parties)})"),
    ]
    if event.by:
        fields.append(("By", f"{name(event.by)} ({direction(event)})"))
    for key, value in (("Place", event.place), ("Summary", event.summary), ("Note", event.note)):
        if value:
            fields.append((key, value))
    return fields


def event_markdown(event: Event) -> str:
    lines = [f"# {md(event.title)}", ""]
    lines += [f"**{k}:** {md(v)}  " for k, v in _event_fields(event)]
    lines += ["", "## Sources", ""]
    lines += [f"- {md(source_line(s))}" for s in event.sources]
    if event.disputed:
        lines += ["", "## Disputed dates", ""]
        lines += [f"- {md(line)}" for line in disputed_lines(event)]
    if event.letter is not None:
        lines += ["", "## Letter", ""]
        lines += [f"**{k}:** {md(v)}  " for k, v in _letter_lines(event)[:2]]
        if event.letter.text:
            lines.append("")
            lines += [md(p) + "\n" for p in _paragraphs(event.letter.text)]
    return "\n".join(lines).rstrip("\n") + "\n"


def event_panel(event: Event) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    body = Text()
    for key, value in _event_fields(event):
        body.append(f"{key}: ", style="bold")
        body.append(clean(value) + "\n")
    body.append("Sources:\n", style="bold")
    for s in event.sources:
        body.append("  " + clean(source_line(s)) + "\n")
    if event.disputed:
        body.append("Disputed dates:\n", style="bold")
        for line in disputed_lines(event):
            body.append("  " + clean(line) + "\n")
    parts: list[RenderableType] = [body]
    if event.letter is not None:
        parts.append(letter_panel(event))
    return Panel(Group(*parts), title=Text(clean(event.title)), title_align="left")
