"""Listings of the partners of a country, of letters and of store files: each result a
:class:`bilat.render.columns.Listing`, ready for every output format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from bilat.domain import Event
from bilat.domain import ordinal as english_ordinal
from bilat.model import Letter
from bilat.partners import Partner

from .columns import Column, Listing, csv_only
from .common import (
    EVIDENCE_MARK,
    N_,
    encyclopedia_only,
    evidence_note,
    letter_json,
    name,
    ordinal,
    title,
    years_json,
)
from .lang import fill, t
from .lang import n as lang_n


def _day(event: Event | None) -> str:
    return event.date.isoformat() if event is not None else ""


def _established(p: Partner) -> str:
    est = p.established
    marked = f" {EVIDENCE_MARK}" if est is not None and encyclopedia_only(est) else ""
    return _day(est) + marked


def _years(p: Partner, end: str) -> str:
    return "" if p.years_ago is None else str(getattr(p.years_ago, end))


def _next(p: Partner, part: int) -> str:
    nxt = p.next_milestone
    if nxt is None:
        return ""
    return str(nxt[0]) if part == 0 else nxt[1].isoformat()


def _next_ordinal(p: Partner) -> str:
    nxt = p.next_milestone
    return ordinal(nxt[0]) if nxt else ""


def _recognition(focus: str) -> Column:
    """Recognition and embassies in both directions, in one cell for people."""
    recognised, embassy = t("{a} recognised {b}"), t("embassy of {a}")

    def cell(p: Partner) -> str:
        found = (
            (recognised.format(a=name(focus), b=name(p.code)), p.recognised_by_focus),
            (recognised.format(a=name(p.code), b=name(focus)), p.recognised_by_partner),
            (embassy.format(a=name(focus)), p.embassy_of_focus),
            (embassy.format(a=name(p.code)), p.embassy_of_partner),
        )
        return "; ".join(f"{label} {_day(e)}" for label, e in found if e is not None)

    return Column(label=N_("Recognition, embassies"), cell=cell, wraps=True, drop=1)


def _relations_columns(focus: str) -> list[Column]:
    return [
        Column(label=N_("Partner"), cell=lambda p: name(p.code), csv="partner",
               csv_cell=lambda p: p.code, wraps=True),
        Column(label=N_("Established"), cell=_established, csv="established",
               csv_cell=lambda p: _day(p.established)),
        Column(label=N_("Years"), cell=lambda p: "" if p.years_ago is None else str(p.years_ago),
               csv="years_ago_min", csv_cell=lambda p: _years(p, "min"), drop=3),
        csv_only("years_ago_max", lambda p: _years(p, "max")),
        Column(label=N_("Next"), cell=_next_ordinal, csv="next_milestone_years",
               csv_cell=lambda p: _next(p, 0)),
        Column(label=N_("On"), cell=lambda p: _next(p, 1), csv="next_milestone_date", drop=2),
        _recognition(focus),
        csv_only("recognised_by_country", lambda p: _day(p.recognised_by_focus)),
        csv_only("recognised_by_partner", lambda p: _day(p.recognised_by_partner)),
        csv_only("embassy_of_country", lambda p: _day(p.embassy_of_focus)),
        csv_only("embassy_of_partner", lambda p: _day(p.embassy_of_partner)),
        csv_only("evidence", lambda p: (p.established.evidence if p.established else None) or ""),
    ]  # fmt: skip


def _partner_json(p: Partner) -> dict[str, Any]:
    nxt = p.next_milestone
    return {
        "partner": p.code,
        "established": _day(p.established) or None,
        "established_event": p.established.id if p.established else None,
        "evidence": p.established.evidence if p.established else None,
        "years_ago": years_json(p.years_ago),
        "next_milestone": None
        if nxt is None
        else {"years": nxt[0], "ordinal": english_ordinal(nxt[0]), "date": nxt[1].isoformat()},
        "recognised_by_country": _day(p.recognised_by_focus) or None,
        "recognised_by_partner": _day(p.recognised_by_partner) or None,
        "embassy_of_country": _day(p.embassy_of_focus) or None,
        "embassy_of_partner": _day(p.embassy_of_partner) or None,
    }


def relations_listing(
    focus: str,
    as_of: dt.date,
    every: int,
    partners: Sequence[Partner],
    absent: Sequence[tuple[str, str]] = (),
) -> Listing:
    """A country's partners; ``absent``: the states its sources show to have no
    relations with it, each with the reason (named under the table)."""
    heading = fill(
        lang_n(
            "{n} partner, {dated} with the date relations were established, as of {as_of} "
            "(milestones every {every} years)",
            "{n} partners, {dated} with the date relations were established, as of {as_of} "
            "(milestones every {every} years)",
            len(partners),
        ),
        n=len(partners),
        dated=sum(1 for p in partners if p.established),
        as_of=as_of,
        every=every,
    )
    weak = any(p.established is not None and encyclopedia_only(p.established) for p in partners)
    return Listing(
        items=partners,
        columns=_relations_columns(focus),
        json_item=_partner_json,
        head={
            "country": focus,
            "as_of": as_of.isoformat(),
            "every": every,
            **(
                {"no_relations": [{"partner": p, "reason": r} for p, r in absent]} if absent else {}
            ),
        },
        key="partners",
        heading=fill("{country}: {heading}", country=name(focus), heading=heading),
        notes=([evidence_note()] if weak else []) + [_no_relations(p, r) for p, r in absent],
        empty=t("No partners in this store."),
    )


def _no_relations(partner: str, reason: str) -> str:
    return t("No relations with {partner}: {reason}").format(partner=name(partner), reason=reason)


def _has_text(e: Event) -> str:
    assert e.letter is not None
    return t("yes") if e.letter.text else t("no")


def _letter(e: Event) -> Letter:
    assert e.letter is not None
    return e.letter


#: The columns of a list of letters.
LETTER_COLUMNS = (
    Column(label=N_("Date"), cell=lambda e: e.date.isoformat(), csv="date"),
    Column(label=N_("Id"), cell=lambda e: e.id, csv="id"),
    csv_only("parties", lambda e: ";".join(e.parties)),
    Column(label=N_("From"), cell=lambda e: _letter(e).author, csv="author", wraps=True),
    Column(label=N_("To"), cell=lambda e: _letter(e).recipient, csv="recipient", wraps=True),
    Column(label=N_("Title"), cell=title, csv="title", csv_cell=lambda e: e.title, wraps=True,
           drop=2),
    Column(label=N_("Text"), cell=_has_text, csv="has_text",
           csv_cell=lambda e: "yes" if _letter(e).text else "no", drop=1),
)  # fmt: skip


def letters_listing(found: Sequence[Event]) -> Listing:
    return Listing(
        items=found,
        columns=LETTER_COLUMNS,
        json_item=letter_json,
        head={},
        key="letters",
        heading=t("Letters"),
        empty=t("No letters match."),
    )


#: The columns of the list of store files: (order, path, event count, status).
STORE_COLUMNS = (
    Column(label=N_("#"), cell=lambda s: str(s[0]), csv="order"),
    Column(label=N_("Store"), cell=lambda s: s[1], csv="path", wraps=True),
    Column(label=N_("Events"), cell=lambda s: str(s[2]), csv="events"),
    Column(label=N_("Status"), cell=lambda s: s[3], csv="status", wraps=True),
)


def stores_listing(entries: Sequence[tuple[int, str, int, str]]) -> Listing:
    """The store files read, in order: (order, path, event count, status)."""
    return Listing(
        items=entries,
        columns=STORE_COLUMNS,
        json_item=lambda e: {"path": e[1], "events": e[2], "status": e[3]},
        head={},
        key="stores",
        heading=t("Stores, in the order they are read (later ones override earlier ones by id)"),
    )
