"""How imported events meet the events a store already has: nothing lost, nothing twice.

One rule for every importer (CSV, the State Department's guide, Wikidata, Wikipedia):

* **Kinds that happen once** between two states (:data:`bilat.vocab.ONCE_KINDS`: the
  establishment of relations, and recognition by each state): the same pair and kind (and
  the same recognising state) is the same event, whatever its id; another date becomes a
  disputed claim.
* **Kinds that recur** (visits, agreements, missions opened or closed, severances,
  restorations): an imported event is a stored one only when it is the same event by
  identity: the same id, kind and parties and the same title, or the same pair, kind and
  date and the same title, titles compared after folding case, spacing and punctuation
  (:func:`same_title`). Two agreements signed on one day are two events.
* An imported event that is another event but whose id is taken (two agreements of one
  day from an importer that makes ids from the pair, kind and date) gets an id of its own,
  the taken id with the first free number added (``...-2``): the same input always gives
  the same ids, and importing it again finds each event by its identity.

When an imported event is already there, the event in the store keeps its date and its
text; what the import adds is kept on it: sources it does not cite yet, and, where the
dates differ, the imported date as a disputed claim with the imported sources (unless a
claim already gives that date, which then gains the sources). Every match is reported
(:attr:`Merged.matched`), so nothing is merged silently. Pure: no I/O.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

import msgspec

from bilat.model import Claim, Event, Source
from bilat.vocab import ONCE_KINDS

__all__ = ["Merged", "combine", "fold_title", "once_key", "plan", "same_title", "title_key"]

OnceKey = tuple[frozenset[str], str, str | None]
RecurKey = tuple[frozenset[str], str, str, str]
TitleKey = tuple[str, str, frozenset[str], str, str]


class Merged(msgspec.Struct, frozen=True, gc=False):
    """What an import does to a store: events new to it, events it already had that gain
    sources or disputed dates (new versions, same ids), events it had already, whole, and
    which imported event matched which stored one (imported id, stored id), in input
    order."""

    added: tuple[Event, ...]
    updated: tuple[Event, ...]
    present: tuple[Event, ...]
    matched: tuple[tuple[str, str], ...] = ()


def once_key(event: Event) -> OnceKey:
    by = event.by if event.kind == "recognition" else None
    return (frozenset(event.parties), event.kind, by)


def fold_title(title: str) -> str:
    """A title for comparison: compatibility forms, case, punctuation and symbols dropped,
    runs of spacing made one space ("Agreement on  Visas." and "agreement on visas")."""
    text = unicodedata.normalize("NFKC", title).casefold()
    kept = [
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] not in "PSC"
    ]
    return " ".join("".join(kept).split())


def same_title(a: Event, b: Event) -> bool:
    return fold_title(a.title) == fold_title(b.title)


def _recur_key(event: Event) -> RecurKey:
    return (frozenset(event.parties), event.kind, event.date.isoformat(), fold_title(event.title))


def title_key(event: Event) -> TitleKey:
    """Date, end date, parties, kind and title: what makes two events the same event,
    whatever their ids (for imports, and for ``bilat add``)."""
    end = event.end_date.isoformat() if event.end_date else ""
    parties = frozenset(event.parties)
    return (event.date.isoformat(), end, parties, event.kind, fold_title(event.title))


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
    claim that gives the same dates); unchanged when nothing is new. A claim disputes only
    what differs: a claim with the event's own date and another end date disputes the
    end date alone."""
    date = claim.date if claim.date != event.date else None
    end_date = claim.end_date if claim.end_date != event.end_date else None
    if date is None and end_date is None:
        more = _new_sources(event.sources, claim.sources)
        return msgspec.structs.replace(event, sources=[*event.sources, *more]) if more else event
    claim = msgspec.structs.replace(claim, date=date, end_date=end_date)
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
        if claim.date is None and claim.end_date is None:
            continue
        result = _with_claim(result, claim)
    return result


def _free_id(base: str, taken: dict[str, Event]) -> str:
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


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
    matched: list[tuple[str, str]] = []
    seen_once: set[OnceKey] = set()
    for event in imported:
        target = _match(event, by_id, once, recur, titled, seen_once)
        if event.kind in ONCE_KINDS:
            seen_once.add(once_key(event))
        if target is None:
            if event.id in by_id:  # another event has this id: this one gets its own
                event = msgspec.structs.replace(event, id=_free_id(event.id, by_id))
            by_id[event.id] = event
            added[event.id] = event
            remember(event)
            continue
        matched.append((event.id, target))
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
    return Merged(tuple(added.values()), tuple(updated.values()), tuple(present), tuple(matched))


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
        and (event.kind in ONCE_KINDS or same_title(same_id, event))
    ):
        return event.id
    if event.kind in ONCE_KINDS and once_key(event) not in seen_once:
        found = once.get(once_key(event))
        if found is not None:
            return found
    return recur.get(_recur_key(event)) or titled.get(title_key(event))
