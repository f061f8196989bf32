"""How imported events meet the events a store already has: nothing lost, nothing twice.

One rule for every importer (CSV, the State Department's guide, Wikidata):

* **Kinds that happen once** between two states (:data:`bilat.vocab.ONCE_KINDS`: the
  establishment of relations, and recognition by each state): the same pair and kind (and
  the same recognising state) is the same event, whatever its id.
* **Kinds that recur** (visits, agreements, missions opened or closed, severances,
  restorations): the same pair, kind and date is the same event; another date is another
  event.
* An event with the same id, or identical in date, parties, kind and title, is the same
  event too.

When an imported event is already there, the event in the store keeps its date and its
text; what the import adds is kept on it: sources it does not cite yet, and, where the
dates differ, the imported date as a disputed claim with the imported sources (unless a
claim already gives that date, which then gains the sources). Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec

from bilat.model import Claim, Event, Source
from bilat.vocab import ONCE_KINDS

__all__ = ["Merged", "once_key", "plan", "title_key"]

OnceKey = tuple[frozenset[str], str, str | None]
RecurKey = tuple[frozenset[str], str, str]
TitleKey = tuple[str, str, frozenset[str], str, str]


class Merged(msgspec.Struct, frozen=True, gc=False):
    """What an import does to a store: events new to it, events it already had that gain
    sources or disputed dates (new versions, same ids), and events it had already, whole."""

    added: tuple[Event, ...]
    updated: tuple[Event, ...]
    present: tuple[Event, ...]


def once_key(event: Event) -> OnceKey:
    by = event.by if event.kind == "recognition" else None
    return (frozenset(event.parties), event.kind, by)


def _recur_key(event: Event) -> RecurKey:
    return (frozenset(event.parties), event.kind, event.date.isoformat())


def title_key(event: Event) -> TitleKey:
    """Date, end date, parties, kind and title: what makes two events the same event,
    whatever their ids (for imports, and for ``bilat add``)."""
    end = event.end_date.isoformat() if event.end_date else ""
    parties = frozenset(event.parties)
    return (event.date.isoformat(), end, parties, event.kind, event.title.casefold())


def _new_sources(have: Iterable[Source], more: Iterable[Source]) -> list[Source]:
    seen = {(s.url or s.title) for s in have}
    result = []
    for source in more:
        key = source.url or source.title
        if key not in seen:
            seen.add(key)
            result.append(source)
    return result


def _with_claim(event: Event, claim: Claim) -> Event:
    """``event`` with ``claim`` among its disputed dates (or its sources added to the
    claim that gives the same dates); unchanged when nothing is new."""
    if claim.date == event.date and claim.end_date == event.end_date:
        more = _new_sources(event.sources, claim.sources)
        return msgspec.structs.replace(event, sources=[*event.sources, *more]) if more else event
    claims = list(event.disputed or ())
    for i, old in enumerate(claims):
        if old.date == claim.date and old.end_date == claim.end_date:
            more = _new_sources(old.sources, claim.sources)
            if not more:
                return event
            claims[i] = msgspec.structs.replace(old, sources=[*old.sources, *more])
            return msgspec.structs.replace(event, disputed=claims)
    return msgspec.structs.replace(event, disputed=[*claims, claim])


def combine(kept: Event, other: Event) -> Event:
    """``kept`` with what ``other`` (the same event from another source) adds."""
    where = "; ".join(s.title for s in other.sources)
    claim = Claim(
        date=other.date,
        end_date=other.end_date,
        note=f"Another source gives {other.date} ({where}).",
        sources=list(other.sources),
    )
    result = _with_claim(kept, claim)  # the same dates: its new sources, on the event
    for claim in other.disputed or ():
        result = _with_claim(result, claim)
    return result


def plan(existing: Sequence[Event], imported: Sequence[Event]) -> Merged:
    """Which imported events are new, which existing ones they update, which are there.

    ``existing`` are the events as the stores read together show them (later ones
    overriding earlier ones by id); an event imported twice in one batch counts once.
    """
    by_id: dict[str, Event] = {e.id: e for e in existing}
    once: dict[OnceKey, str] = {}
    recur: dict[RecurKey, str] = {}
    titled: dict[TitleKey, str] = {}

    def remember(event: Event) -> None:
        if event.kind in ONCE_KINDS:
            once.setdefault(once_key(event), event.id)
        recur.setdefault(_recur_key(event), event.id)
        titled.setdefault(title_key(event), event.id)

    for event in existing:
        remember(event)
    added: dict[str, Event] = {}
    updated: dict[str, Event] = {}
    present: list[Event] = []
    seen_once: set[OnceKey] = set()
    for event in imported:
        target = _match(event, by_id, once, recur, titled, seen_once)
        if event.kind in ONCE_KINDS:
            seen_once.add(once_key(event))
        if target is None:
            by_id[event.id] = event
            added[event.id] = event
            remember(event)
            continue
        current = by_id[target]
        merged = combine(current, event)
        if merged == current:
            present.append(event)
            continue
        by_id[target] = merged
        if target in added:
            added[target] = merged
        else:
            updated[target] = merged
    return Merged(tuple(added.values()), tuple(updated.values()), tuple(present))


def _match(
    event: Event,
    by_id: dict[str, Event],
    once: dict[OnceKey, str],
    recur: dict[RecurKey, str],
    titled: dict[TitleKey, str],
    seen_once: set[OnceKey],
) -> str | None:
    same_id = by_id.get(event.id)
    if (
        same_id is not None
        and same_id.kind == event.kind
        and set(same_id.parties) == set(event.parties)
    ):
        return event.id
    if event.kind in ONCE_KINDS and once_key(event) not in seen_once:
        found = once.get(once_key(event))
        if found is not None:
            return found
    return recur.get(_recur_key(event)) or titled.get(title_key(event))
