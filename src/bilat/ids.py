"""Event ids: the one scheme by which bilat names the events it makes.

An importer names an event by :func:`event_id`, the same for the same fact from any source,
so that importing it again, or from another source, finds it; ``bilat add`` and an import
without ids take the same id, numbered when it is taken (:func:`unique_id`). Ids never
change once written: the bundled store keeps those it was published with. Pure.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bilat.dates import PartialDate
from bilat.model import Event
from bilat.vocab import ONCE_KINDS

__all__ = ["event_id", "unique_id"]


def event_id(kind: str, parties: Sequence[str], by: str | None, date: PartialDate) -> str:
    """The id of a fact: for the kinds that happen once, the pair and kind
    (``jp-us-diplomatic-relations``), or the recognising state (``us-recognises-jp``);
    otherwise the parties, kind and date (``jp-us-embassy-opened-1906-05-26``). Codes in
    alphabetical order."""
    low = [p.lower() for p in sorted(parties)]
    if kind == "recognition" and by:
        others = [p.lower() for p in sorted(parties) if p != by]
        return f"{by.lower()}-recognises-{'-'.join(others)}"
    if kind in ONCE_KINDS:
        return f"{'-'.join(low)}-{kind}"
    return f"{'-'.join(low)}-{kind}-{date.isoformat()}"


def unique_id(event: Event, taken: Collection[str]) -> str:
    """The :func:`event_id` of ``event``, with a number added when that is taken
    (``az-jp-visit-2020-2``). ``taken`` is looked up, never copied: pass a set."""
    base = event_id(event.kind, event.parties, event.by, event.date)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
