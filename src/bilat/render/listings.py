"""Results as listings: one :class:`Listing` per result, ready for every output format
(tables, JSON, CSV, Markdown), each representation built only when it is asked for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from bilat.domain import (
    Anniversary,
    Event,
    LeapRule,
    PartialDate,
    Partner,
    TimelineEntry,
    YearsRange,
    days_until,
    ordinal,
)

from .common import (
    DISPUTED_MARK,
    LEAP_MARK,
    claim_dates,
    date_span,
    direction,
    disputed_lines,
    event_json,
    leap_rule_text,
    letter_json,
    long_date,
    name,
    names,
    weekday,
    years_json,
)


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
    #: Columns a narrow terminal may go without, the first left out first.
    drop: tuple[str, ...] = ()

    @property
    def rows(self) -> list[list[str]]:
        return [self.row(item) for item in self.items]

    @property
    def csv_rows(self) -> list[list[str]]:
        return [self.csv_row(item) for item in self.items]

    @property
    def data(self) -> dict[str, Any]:
        return {**self.head, self.key: [self.json_item(item) for item in self.items]}


def years_cell(years: YearsRange | None) -> str:
    return "later" if years is None else str(years)


def timeline_listing(
    focus: Sequence[str],
    as_of: dt.date,
    entries: Sequence[TimelineEntry],
    heading: str,
    head: dict[str, Any] | None = None,
    empty: str = "No events match.",
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
        cells = [marked, e.kind, e.title, direction(e), years_cell(entry.years_ago)]
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
        empty=empty,
        drop=("Direction", "Kind", "Years ago"),
    )


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
            ";".join(str(c.date or c.end_date) for c in e.disputed or ()),
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
    disputed = list(dict.fromkeys(a.event.id for a in found if a.event.disputed))
    if disputed:
        notes.append(
            f"{DISPUTED_MARK} other sources give another date for {', '.join(disputed)}: "
            "see `bilat show ID`."
        )
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
        "disputed_dates",
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
        drop=("Since", "Day", "Parties"),
    )


def relations_listing(
    focus: str, as_of: dt.date, every: int, partners: Sequence[Partner]
) -> Listing:
    def day(event: Event | None) -> str:
        return event.date.isoformat() if event is not None else ""

    def row(p: Partner) -> list[str]:
        nxt = p.next_milestone
        found = (
            (f"{name(focus)} recognised {name(p.code)}", p.recognised_by_focus),
            (f"{name(p.code)} recognised {name(focus)}", p.recognised_by_partner),
            (f"embassy of {name(focus)}", p.embassy_of_focus),
            (f"embassy of {name(p.code)}", p.embassy_of_partner),
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
        heading=(
            f"{me}: {plural(len(partners), 'partner')}, "
            f"{sum(1 for p in partners if p.established)} with the date relations were "
            f"established, as of {as_of} (milestones every {every} years)"
        ),
        empty="No partners in this store.",
        drop=("Recognition, embassies", "On", "Years"),
        wrap=frozenset({"Partner", "Recognition, embassies"}),
    )


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
        drop=("Text", "Title"),
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


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 event', '2 events'; ``words`` for an irregular plural."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def timeline_heading(
    focus: Sequence[str],
    as_of: dt.date,
    count: int,
    relations: Event | None,
    years: YearsRange | None,
) -> str:
    """'Azerbaijan – Japan: diplomatic relations since 1992-09-07 (30 years as of
    2022-09-07); 46 events', from what the domain computed."""
    events = plural(count, "event")
    if len(focus) == 1:
        return f"{name(focus[0])}: {events}"
    title = names(focus)
    if relations is None:
        return f"{title}: {events}"
    since = f"diplomatic relations since {relations.date}"
    if years is None:
        return f"{title}: {since} (after {as_of}); {events}"
    unit = "year" if str(years) == "1" else "years"
    return f"{title}: {since} ({years} {unit} as of {as_of}); {events}"


def no_pair_events(focus: Sequence[str]) -> str:
    """What to say when the stores read know nothing of a pair (or a country)."""
    who = names(focus)
    return (
        f"The stores read have no events for {who}. Add one with `bilat add`, or import "
        "them: `bilat import rdcr`, `bilat import wikidata` or `bilat import csv` "
        "(see `bilat import --help`)."
    )
