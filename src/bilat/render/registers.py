"""Listings of the partners of a country, of letters and of store files: each result a
:class:`bilat.render.listings.Listing`, ready for every output format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from bilat.domain import Event
from bilat.domain import ordinal as english_ordinal
from bilat.partners import Partner

from .common import N_, letter_json, name, ordinal, years_json
from .lang import n as lang_n
from .lang import t
from .listings import Listing


def relations_listing(
    focus: str, as_of: dt.date, every: int, partners: Sequence[Partner]
) -> Listing:
    def day(event: Event | None) -> str:
        return event.date.isoformat() if event is not None else ""

    recognised, embassy = t("{a} recognised {b}"), t("embassy of {a}")

    def row(p: Partner) -> list[str]:
        nxt = p.next_milestone
        found = (
            (recognised.format(a=name(focus), b=name(p.code)), p.recognised_by_focus),
            (recognised.format(a=name(p.code), b=name(focus)), p.recognised_by_partner),
            (embassy.format(a=name(focus)), p.embassy_of_focus),
            (embassy.format(a=name(p.code)), p.embassy_of_partner),
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
            else {
                "years": nxt[0],
                "ordinal": english_ordinal(nxt[0]),
                "date": nxt[1].isoformat(),
            },
            "recognised_by_country": day(p.recognised_by_focus) or None,
            "recognised_by_partner": day(p.recognised_by_partner) or None,
            "embassy_of_country": day(p.embassy_of_focus) or None,
            "embassy_of_partner": day(p.embassy_of_partner) or None,
        }

    me = name(focus)
    return Listing(
        items=partners,
        columns=[
            N_("Partner"),
            N_("Established"),
            N_("Years"),
            N_("Next"),
            N_("On"),
            N_("Recognition, embassies"),
        ],
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
        heading=me
        + ": "
        + lang_n(
            "{n} partner, {dated} with the date relations were established, as of {as_of} "
            "(milestones every {every} years)",
            "{n} partners, {dated} with the date relations were established, as of {as_of} "
            "(milestones every {every} years)",
            len(partners),
        ).format(
            n=len(partners),
            dated=sum(1 for p in partners if p.established),
            as_of=as_of,
            every=every,
        ),
        empty=t("No partners in this store."),
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
        columns=[N_("Date"), N_("Id"), N_("From"), N_("To"), N_("Title"), N_("Text")],
        row=row,
        csv_columns=["date", "id", "parties", "author", "recipient", "title", "has_text"],
        csv_row=csv_row,
        json_item=letter_json,
        head={},
        key="letters",
        heading=t("Letters"),
        drop=("Text", "Title"),
        empty=t("No letters match."),
    )


def stores_listing(entries: Sequence[tuple[int, str, int, str]]) -> Listing:
    """The store files read, in order: (order, path, event count, status)."""

    def row(entry: tuple[int, str, int, str]) -> list[str]:
        order, path, count, status = entry
        return [str(order), path, str(count), status]

    return Listing(
        items=entries,
        columns=[N_("#"), N_("Store"), N_("Events"), N_("Status")],
        row=row,
        csv_columns=["order", "path", "events", "status"],
        csv_row=row,
        json_item=lambda e: {"path": e[1], "events": e[2], "status": e[3]},
        head={},
        key="stores",
        heading=t("Stores, in the order they are read (later ones override earlier ones by id)"),
        wrap=frozenset({"Store", "Status"}),
    )
