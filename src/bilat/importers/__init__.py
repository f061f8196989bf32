"""Importers: one module per source, each reading its input into events and a report.

Every importer raises only :class:`bilat.vocab.StoreError` for an input it cannot read
(one line naming the file and the place), and returns an :class:`Imported`: the events,
which of them need an id made by the store, the rows it could not turn into events, and
a report of what it did. Writing is the store's (:func:`bilat.writes.import_events`).
"""

from __future__ import annotations

from typing import Any

import msgspec

from bilat.model import Event


class Imported(msgspec.Struct, kw_only=True):
    """What an importer read."""

    events: list[Event]
    #: Positions in ``events`` whose id the store makes (the input gave none).
    new_ids: set[int] = msgspec.field(default_factory=set)
    #: Rows or entries that could not become events, one message each, in input order.
    errors: list[str] = msgspec.field(default_factory=list)
    #: Counts and lists that say what the importer did (JSON values).
    report: dict[str, Any] = msgspec.field(default_factory=dict)
