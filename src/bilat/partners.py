"""The partners of a country: when relations were established, how long ago, the next
milestone, and recognition and embassies both ways. Pure: "today" is a parameter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import msgspec

from .dates import AFTER_ALL_DATES, PartialDate
from .domain import YearsRange, elapsed_years, next_milestone
from .model import Event
from .vocab import LeapRule


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
    result.sort(
        key=lambda p: (p.established.date.sort_key if p.established else AFTER_ALL_DATES, p.code)
    )
    return result


def by_next_milestone(partners: Iterable[Partner]) -> list[Partner]:
    """Partners ordered by their coming milestone (none last), then by code."""
    return sorted(
        partners,
        key=lambda p: (
            p.next_milestone[1].sort_key if p.next_milestone else AFTER_ALL_DATES,
            p.code,
        ),
    )
