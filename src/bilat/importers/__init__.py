"""Importers: one module per source, each reading its input into events and a report.

Every importer raises only :class:`bilat.vocab.StoreError` for an input it cannot read
(one line naming the file and the place), and returns an :class:`Imported`: the events,
which of them need an id made by the store, the rows it could not turn into events, and
a report of what it did. Writing is the store's (:func:`bilat.writes.import_events`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from bilat.dates import PartialDate
from bilat.model import Event
from bilat.vocab import ONCE_KINDS


class Imported(msgspec.Struct, kw_only=True):
    """What an importer read."""

    events: list[Event]
    #: Positions in ``events`` whose id the store makes (the input gave none).
    new_ids: set[int] = msgspec.field(default_factory=set)
    #: Rows or entries that could not become events, one message each, in input order.
    errors: list[str] = msgspec.field(default_factory=list)
    #: Counts and lists that say what the importer did (JSON values).
    report: dict[str, Any] = msgspec.field(default_factory=dict)


def stable_id(kind: str, parties: Sequence[str], by: str | None, date: PartialDate) -> str:
    """The id an importer gives an event, the same for the same fact from any source: for
    the kinds that happen once, the pair and kind (``jp-us-diplomatic-relations``), or
    the recognising state (``us-recognises-jp``); otherwise the pair, kind and date
    (``jp-us-embassy-opened-1906-05-26``). Codes in alphabetical order."""
    low = [p.lower() for p in sorted(parties)]
    if kind == "recognition" and by:
        others = [p.lower() for p in sorted(parties) if p != by]
        return f"{by.lower()}-recognises-{'-'.join(others)}"
    if kind in ONCE_KINDS:
        return f"{'-'.join(low)}-{kind}"
    return f"{'-'.join(low)}-{kind}-{date.isoformat()}"
