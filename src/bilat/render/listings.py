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
    TimelineEntry,
    YearsRange,
    days_until,
)

from . import lang
from .common import (
    DISPUTED_MARK,
    KIND_LABELS,
    LEAP_MARK,
    N_,
    claim_dates,
    date_span,
    direction,
    disputed_lines,
    english_weekday,
    event_json,
    kind_cell,
    leap_rule_text,
    long_date,
    name,
    names,
    ordinal,
    title,
    weekday,
    years_json,
)
from .lang import n as lang_n
from .lang import t


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
    #: Labels in the reader's language for an item's codes (JSON with --lang only).
    labels: Callable[[Any], dict[str, Any]] | None = None

    @property
    def rows(self) -> list[list[str]]:
        return [self.row(item) for item in self.items]

    @property
    def csv_rows(self) -> list[list[str]]:
        return [self.csv_row(item) for item in self.items]

    @property
    def data(self) -> dict[str, Any]:
        if self.labels is None or lang.current() is None:
            return {**self.head, self.key: [self.json_item(item) for item in self.items]}
        # An explicit --lang adds labels in that language next to the codes.
        items = [
            {**msgspec.to_builtins(self.json_item(item)), "labels": self.labels(item)}
            for item in self.items
        ]
        return {**self.head, "lang": lang.current_code(), self.key: items}


def disputed_dates_cell(event: Event) -> str:
    """The dates other sources give, for a CSV cell: ``1992-02-28;1992-03``."""
    return ";".join(str(c.date or c.end_date) for c in event.disputed or ())


def years_cell(years: YearsRange | None) -> str:
    return t("later") if years is None else str(years)


def timeline_listing(
    focus: Sequence[str],
    as_of: dt.date,
    entries: Sequence[TimelineEntry],
    heading: str,
    head: dict[str, Any] | None = None,
    empty: str = "",
) -> Listing:
    """Events with years elapsed: for a pair (``focus`` of two), one country (a Partner
    column) or none (a Parties column, as for search results)."""
    single = len(focus) == 1
    columns = [N_("Date"), N_("Kind"), N_("Event"), N_("Direction"), N_("Years ago")]
    if single:
        columns.insert(1, N_("Partner"))
    elif not focus:
        columns.insert(1, N_("Parties"))

    def row(entry: TimelineEntry) -> list[str]:
        e = entry.event
        marked = date_span(e) + (f" {DISPUTED_MARK}" if e.disputed else "")
        cells = [marked, kind_cell(e.kind), title(e), direction(e), years_cell(entry.years_ago)]
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
            disputed_dates_cell(e),
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
        labels=lambda entry: event_labels(entry.event),
        head=head or {"parties": list(focus), "as_of": as_of.isoformat()},
        key="events",
        heading=heading,
        notes=notes,
        empty=empty or t("No events match."),
        drop=("Direction", "Kind", "Years ago"),
    )


def _when(date: PartialDate, as_of: dt.date) -> tuple[str, int | None]:
    """'today', 'tomorrow', 'in 12 days', or the period when the day is unknown."""
    days = days_until(date, as_of)
    if days is None:
        return t("{date}, day unknown").format(date=long_date(date)), None
    if days in (0, 1):
        return (t("today") if days == 0 else t("tomorrow")), days
    return t("in {days} days").format(days=days), days


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
            ordinal(a.years),
            title(e) + (f" {DISPUTED_MARK}" if e.disputed else ""),
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
            english_weekday(a.date) or "",
            str(a.years),
            a.ordinal,
            e.id,
            e.kind,
            ";".join(e.parties),
            e.title,
            e.date.isoformat(),
            "true" if a.leap_day_moved else "false",
            disputed_dates_cell(e),
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
            english_weekday(date),
            a.years,
            a.ordinal,
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
            f"{DISPUTED_MARK} "
            + t("other sources give another date for {ids}: see `bilat show ID`.").format(
                ids=", ".join(disputed)
            )
        )
    columns = [N_("Date"), N_("Day"), N_("Years"), N_("Event"), N_("Parties"), N_("Since")]
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
        columns.insert(2, N_("When"))
        csv_columns.insert(2, "in_days")
    return Listing(
        items=found,
        columns=columns,
        row=row,
        csv_columns=csv_columns,
        csv_row=csv_row,
        json_item=json_item,
        labels=lambda a: event_labels(a.event),
        head={**head, "leap_day": leap},
        key="anniversaries",
        heading=heading,
        notes=notes,
        empty=empty,
        drop=("Since", "Day", "Parties"),
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
    events = lang_n("{n} event", "{n} events", count).format(n=count)
    if len(focus) == 1:
        return f"{name(focus[0])}: {events}"
    pair = names(focus)
    if relations is None:
        return f"{pair}: {events}"
    if years is None:
        since = t("diplomatic relations since {date} (after {as_of})")
        return f"{pair}: " + since.format(date=relations.date, as_of=as_of) + f"; {events}"
    since = lang_n(
        "diplomatic relations since {date} ({years} year as of {as_of})",
        "diplomatic relations since {date} ({years} years as of {as_of})",
        years.max,
    )
    return f"{pair}: " + since.format(date=relations.date, years=years, as_of=as_of) + f"; {events}"


def no_pair_events(focus: Sequence[str]) -> str:
    """What to say when the stores read know nothing of a pair (or a country)."""
    return t(
        "The stores read have no events for {who}. Add one with `bilat add`, or import "
        "them: `bilat import rdcr`, `bilat import wikidata` or `bilat import csv` "
        "(see `bilat import --help`)."
    ).format(who=names(focus))


def event_labels(event: Event) -> dict[str, Any]:
    """An event's codes as the reader's language names them."""
    return {
        "kind": lang.t(KIND_LABELS[event.kind]),
        "parties": [name(code) for code in event.parties],
        "title": title(event),
    }
