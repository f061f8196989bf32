"""What the commands and the Python API ask of the events, assembled once in the core:
the commemoration rule (which events have their anniversaries placed) and the view of a
pair (or of one country) that ``bilat timeline``, ``bilat export html`` and
:func:`bilat.api.timeline` show.

Pure like :mod:`bilat.domain`, on which it builds: "today" is a parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import msgspec

from .dates import PartialDate
from .domain import (
    NOT_COMMEMORATED,
    Event,
    TimelineEntry,
    YearsRange,
    filter_events,
    relations_since,
    timeline,
)


def commemorated(
    events: Iterable[Event],
    *,
    countries: Sequence[str] = (),
    pair: Sequence[str] = (),
    kinds: Sequence[str] = (),
    evidence: str | None = None,
) -> list[Event]:
    """The events whose anniversaries are placed: those of any of ``countries`` and of
    both of ``pair``; letters and anniversary events (:data:`NOT_COMMEMORATED`) only when
    asked for by ``kinds``; with ``evidence``, only dates at least that strong."""
    return filter_events(
        events,
        countries=countries,
        all_countries=pair,
        kinds=kinds,
        exclude_kinds=() if kinds else NOT_COMMEMORATED,
        evidence=evidence,
    )


class PairView(msgspec.Struct, frozen=True, kw_only=True):
    """A pair's (or one country's) events as of a day: the ``entries`` selected, oldest
    first; the pair's ``relations`` event and the ``years`` since it (None for one
    country, or when the events do not date the pair's relations); ``known``: whether
    the events read name the pair at all (before any selection)."""

    focus: tuple[str, ...]
    as_of: dt.date
    entries: list[TimelineEntry]
    relations: Event | None
    years: YearsRange | None
    known: bool

    @property
    def since(self) -> PartialDate | None:
        """The date the pair's diplomatic relations began, when known."""
        return self.relations.date if self.relations is not None else None


def pair_view(
    events: Sequence[Event],
    focus: Sequence[str],
    as_of: dt.date,
    *,
    kinds: Sequence[str] = (),
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    evidence: str | None = None,
) -> PairView:
    """The view of ``focus`` (two countries, or one): its events that match ``kinds``,
    ``since``..``until`` and ``evidence``, with the years since each as of ``as_of``, and,
    for a pair, how long its relations have lasted (from all its events, not only those
    selected)."""
    selected = filter_events(
        events, all_countries=focus, kinds=kinds, since=since, until=until, evidence=evidence
    )
    relations, years = (None, None)
    if len(focus) == 2:
        relations, years = relations_since(events, focus[0], focus[1], as_of)
    return PairView(
        focus=tuple(focus),
        as_of=as_of,
        entries=timeline(selected, as_of),
        relations=relations,
        years=years,
        known=any(all(c in e.parties for c in focus) for e in events),
    )
