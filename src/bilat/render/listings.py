"""Results as listings: one :class:`~bilat.render.columns.Listing` per result (a timeline,
anniversaries, upcoming ones), its columns declared once (:class:`~bilat.render.columns.Column`),
ready for every output format, each representation built only when it is asked for."""

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
from .columns import Column, Listing, csv_only
from .common import (
    DISPUTED_MARK,
    EVIDENCE_MARK,
    KIND_LABELS,
    LEAP_MARK,
    N_,
    claim_dates,
    date_span,
    direction,
    disputed_lines,
    encyclopedia_only,
    english_weekday,
    event_json,
    evidence_note,
    kind_cell,
    leap_rule_text,
    linked,
    long_date,
    name,
    names,
    ordinal,
    title,
    weekday,
    years_json,
)
from .lang import Heading, fill, t
from .lang import n as lang_n


def disputed_dates_cell(event: Event) -> str:
    """The dates other sources give, for a CSV cell: ``1992-02-28;1992-03``."""
    return ";".join(str(c.date or c.end_date) for c in event.disputed or ())


def years_cell(years: YearsRange | None) -> str:
    return t("later") if years is None else str(years)


def _years_min(years: YearsRange | None) -> str:
    return "" if years is None else str(years.min)


def _years_max(years: YearsRange | None) -> str:
    return "" if years is None else str(years.max)


def _marked_span(e: Event) -> str:
    marked = date_span(e) + (f" {DISPUTED_MARK}" if e.disputed else "")
    return marked + (f" {EVIDENCE_MARK}" if encyclopedia_only(e) else "")


def _whom(focus: Sequence[str]) -> list[Column]:
    """A pair's timeline names nobody; one country's names the partners; none, the parties."""
    if len(focus) == 1:
        me = focus[0]
        return [Column(label=N_("Partner"), cell=lambda n: names(n.event.partners(me)), wraps=True)]
    if not focus:
        return [Column(label=N_("Parties"), cell=lambda n: names(n.event.parties), wraps=True)]
    return []


#: The columns of a timeline, around those that name the parties (:func:`_whom`).
TIMELINE_HEAD = (
    Column(label=N_("Date"), cell=lambda n: _marked_span(n.event), csv="date",
           csv_cell=lambda n: n.event.date.isoformat()),
    csv_only("end_date", lambda n: n.event.end_date.isoformat() if n.event.end_date else ""),
    csv_only("id", lambda n: n.event.id),
)  # fmt: skip
TIMELINE_TAIL = (
    Column(label=N_("Kind"), cell=lambda n: kind_cell(n.event.kind), csv="kind",
           csv_cell=lambda n: n.event.kind, drop=2),
    csv_only("parties", lambda n: ";".join(n.event.parties)),
    csv_only("by", lambda n: n.event.by or ""),
    Column(label=N_("Event"), cell=lambda n: title(n.event), csv="title",
           csv_cell=lambda n: n.event.title, wraps=True),
    Column(label=N_("Direction"), cell=lambda n: direction(n.event), wraps=True, drop=1),
    Column(label=N_("Years ago"), cell=lambda n: years_cell(n.years_ago), csv="years_ago_min",
           csv_cell=lambda n: _years_min(n.years_ago), drop=3),
    csv_only("years_ago_max", lambda n: _years_max(n.years_ago)),
    csv_only("disputed_dates", lambda n: disputed_dates_cell(n.event)),
    csv_only("sources", lambda n: ";".join(s.url or s.title for s in n.event.sources)),
    csv_only("source_types", lambda n: ";".join(s.type or "" for s in n.event.sources)
             if n.event.evidence else ""),
    csv_only("evidence", lambda n: n.event.evidence or ""),
)  # fmt: skip


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

    def json_item(entry: TimelineEntry) -> dict[str, Any]:
        e = entry.event
        return {**event_json(e), "years_ago": years_json(entry.years_ago), "evidence": e.evidence}

    notes: list[str] = [
        linked(f"{DISPUTED_MARK} {line.lead}", line.sources)
        for entry in entries
        if entry.event.disputed
        for line in disputed_lines(entry.event)
    ]
    if any(encyclopedia_only(entry.event) for entry in entries):
        notes.append(evidence_note())
    return Listing(
        items=entries,
        columns=[*TIMELINE_HEAD, *_whom(focus), *TIMELINE_TAIL],
        json_item=json_item,
        labels=lambda entry: event_labels(entry.event),
        head=head or {"parties": list(focus), "as_of": as_of.isoformat()},
        key="events",
        heading=heading,
        notes=notes,
        empty=empty or t("No events match."),
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
    evidence: str | None
    in_days: int | msgspec.UnsetType | None = msgspec.UNSET  # only for upcoming


def _marked_day(a: Anniversary) -> str:
    leap = f" {LEAP_MARK}" if a.leap_day_moved else ""
    return a.date.isoformat() + leap + (f" {EVIDENCE_MARK}" if encyclopedia_only(a.event) else "")


def _in_days(date: PartialDate, as_of: dt.date) -> str:
    days = _when(date, as_of)[1]
    return "" if days is None else str(days)


def _when_column(as_of: dt.date) -> Column:
    return Column(label=N_("When"), cell=lambda a: _when(a.date, as_of)[0], csv="in_days",
                  csv_cell=lambda a: _in_days(a.date, as_of), wraps=True)  # fmt: skip


def _anniversary_columns(as_of: dt.date | None) -> list[Column]:
    """Date, day and (upcoming, with ``as_of``) how far off, then the years and the event."""
    when = [] if as_of is None else [_when_column(as_of)]
    return [
        Column(label=N_("Date"), cell=_marked_day, csv="date",
               csv_cell=lambda a: a.date.isoformat()),
        Column(label=N_("Day"), cell=lambda a: weekday(a.date) or "", csv="weekday",
               csv_cell=lambda a: english_weekday(a.date) or "", drop=2),
        *when,
        Column(label=N_("Years"), cell=lambda a: ordinal(a.years), csv="years",
               csv_cell=lambda a: str(a.years)),
        csv_only("ordinal", lambda a: a.ordinal),
        csv_only("event_id", lambda a: a.event.id),
        csv_only("kind", lambda a: a.event.kind),
        Column(label=N_("Event"), wraps=True,
               cell=lambda a: title(a.event) + (f" {DISPUTED_MARK}" if a.event.disputed else "")),
        Column(label=N_("Parties"), cell=lambda a: names(a.event.parties), csv="parties",
               csv_cell=lambda a: ";".join(a.event.parties), wraps=True, drop=3),
        csv_only("title", lambda a: a.event.title),
        Column(label=N_("Since"), cell=lambda a: a.event.date.isoformat(), csv="event_date",
               drop=1),
        csv_only("leap_day_moved", lambda a: "true" if a.leap_day_moved else "false"),
        csv_only("disputed_dates", lambda a: disputed_dates_cell(a.event)),
        csv_only("evidence", lambda a: a.event.evidence or ""),
    ]  # fmt: skip


def _anniversary_row(a: Anniversary, as_of: dt.date | None) -> AnniversaryRow:
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
        e.evidence,
        msgspec.UNSET if as_of is None else _when(date, as_of)[1],
    )


def anniversary_notes(found: Sequence[Anniversary], leap: LeapRule) -> list[str]:
    """The legend of the marks the rows carry: a moved leap day, disputed dates, evidence."""
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
    if any(encyclopedia_only(a.event) for a in found):
        notes.append(evidence_note())
    return notes


def anniversary_listing(
    found: Sequence[Anniversary],
    *,
    head: dict[str, Any],
    heading: str,
    empty: str,
    leap: LeapRule = "feb28",
    as_of: dt.date | None = None,
    line: Callable[[Anniversary], str] | None = None,
) -> Listing:
    """Anniversary rows; with ``as_of``, each row also says how far off it is; ``line``:
    an anniversary as a sentence (the press line)."""
    return Listing(
        items=found,
        columns=_anniversary_columns(as_of),
        json_item=lambda a: _anniversary_row(a, as_of),
        labels=lambda a: event_labels(a.event),
        head={**head, "leap_day": leap},
        key="anniversaries",
        heading=heading,
        notes=anniversary_notes(found, leap),
        empty=empty,
        line=line,
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
    2022-09-07); 46 events', from what the domain computed; the names, dates and numbers
    are its values (isolated for a right-to-left reader)."""
    events = fill(lang_n("{n} event", "{n} events", count), n=count)
    if len(focus) == 1:
        return fill("{country}: {events}", country=name(focus[0]), events=events)
    pair = names(focus)
    if relations is None:
        return fill("{pair}: {events}", pair=pair, events=events)
    if years is None:
        template = t("diplomatic relations since {date} (after {as_of})")
        since = fill(template, date=relations.date, as_of=as_of)
    else:
        template = lang_n(
            "diplomatic relations since {date} ({years} year as of {as_of})",
            "diplomatic relations since {date} ({years} years as of {as_of})",
            years.max,
        )
        since = fill(template, date=relations.date, years=years, as_of=as_of)
    return fill("{pair}: {since}; {events}", pair=pair, since=since, events=events)


def for_home(heading: Heading, home: str | None) -> Heading:
    """A listing narrowed to the home country says so in its heading, and how to lift it."""
    if home is None:
        return heading
    narrowed = "{heading} " + t("for {country}; all countries: --all")
    return fill(narrowed, heading=heading, country=name(home))


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
