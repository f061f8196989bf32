"""One column table per listing: a :class:`Column` says once what a column is called
(for people, translated; for programs, its CSV name), what each of its cells holds, whether
it wraps and when a narrow terminal may go without it; a :class:`Listing` holds the
columns, and every format of a listing (a Rich table, plain lines, Markdown, CSV) is
derived from them. JSON keeps its own shape (``json_item``): its values are typed, not
cells."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from . import lang


class Column(msgspec.Struct, frozen=True, kw_only=True):
    """One column of a listing, for people (``label``, ``cell``), for programs (``csv``,
    ``csv_cell``), or both. ``label`` is an English message id, translated when shown;
    ``csv_cell`` defaults to ``cell``. ``drop``: 0, never left out; otherwise a narrow
    terminal leaves out the column with the lowest ``drop`` first."""

    label: str | None = None
    cell: Callable[[Any], str] | None = None
    csv: str | None = None
    csv_cell: Callable[[Any], str] | None = None
    wraps: bool = False
    drop: int = 0

    def __post_init__(self) -> None:
        if self.label is None and self.csv is None:
            raise ValueError("a column needs a label, a CSV name or both")
        if self.label is not None and self.cell is None:
            raise ValueError(f"column {self.label!r} has a label and no cell")
        if self.csv is not None and self.csv_cell is None and self.cell is None:
            raise ValueError(f"column {self.csv!r} has a CSV name and no cell")

    @property
    def text(self) -> Callable[[Any], str]:
        """The cell for people, as a function of the item."""
        assert self.cell is not None
        return self.cell

    @property
    def data(self) -> Callable[[Any], str]:
        """The cell for programs, as a function of the item."""
        cell = self.csv_cell or self.cell
        assert cell is not None
        return cell


def csv_only(name: str, cell: Callable[[Any], str]) -> Column:
    """A column that only CSV has (an id, a second date, a code)."""
    return Column(csv=name, csv_cell=cell)


class Listing(msgspec.Struct, kw_only=True):
    """One result, ready for every output format; each representation is built only when
    the chosen format asks for it (a JSON run at scale never builds table rows).

    The table's columns are those of ``columns`` with a label, in order; the CSV's those
    with a CSV name, in order. ``json_item`` is for the JSON document
    ``{**head, key: [...]}``; ``line``, when given, is an item as a sentence (the press
    line of an anniversary).
    """

    items: Sequence[Any]
    columns: Sequence[Column]
    json_item: Callable[[Any], Any]  # a dict, or a msgspec struct
    head: dict[str, Any]
    key: str
    heading: str | None = None
    notes: list[str] = msgspec.field(default_factory=list)
    empty: str = "No events."
    #: Labels in the reader's language for an item's codes (JSON with --lang only).
    labels: Callable[[Any], dict[str, Any]] | None = None
    #: The item as one sentence, for the formats that write sentences.
    line: Callable[[Any], str] | None = None

    @property
    def shown(self) -> list[Column]:
        """The table's columns, in order."""
        return [c for c in self.columns if c.label is not None]

    @property
    def headers(self) -> list[str]:
        """The table's column labels, as English message ids (translate with ``t``)."""
        return [c.label for c in self.shown if c.label is not None]

    @property
    def rows(self) -> list[list[str]]:
        cells = [c.text for c in self.shown]
        return [[cell(item) for cell in cells] for item in self.items]

    @property
    def csv_columns(self) -> list[str]:
        return [c.csv for c in self.columns if c.csv is not None]

    @property
    def csv_rows(self) -> list[list[str]]:
        cells = [c.data for c in self.columns if c.csv is not None]
        return [[cell(item) for cell in cells] for item in self.items]

    @property
    def droppable(self) -> list[Column]:
        """The table's columns a narrow terminal may go without, the first left out first."""
        return sorted((c for c in self.shown if c.drop), key=lambda c: c.drop)

    @property
    def data(self) -> dict[str, Any]:
        if self.labels is None or lang.current() is None:
            return {**self.head, self.key: [self.json_item(item) for item in self.items]}
        # An explicit --lang adds labels in that language next to the codes.
        items = [
            {**msgspec.to_builtins(self.json_item(item)), "labels": self.labels(item)}
            for item in self.items
        ]
        return {**self.head, "lang": lang.current_code(), self.key: items}
