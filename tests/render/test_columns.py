"""One column table per listing (bilat.render.columns): a column is checked when it is
made, the table and the CSV are the columns that have a label and a CSV name, in order,
and every listing of the house declares columns that every format can use."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bilat.domain import anniversaries_between, timeline
from bilat.partners import relations
from bilat.render.columns import Column, Listing, csv_only
from bilat.render.listings import anniversary_listing, timeline_listing
from bilat.render.registers import (
    LETTER_COLUMNS,
    STORE_COLUMNS,
    letters_listing,
    relations_listing,
    stores_listing,
)
from tests.helpers import make_event as make

AS_OF = dt.date(2022, 1, 1)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [({}, "a label, a CSV name or both"), ({"label": "Date"}, "has a label and no cell"),
     ({"csv": "date"}, "has a CSV name and no cell")],
)  # fmt: skip
def test_a_column_that_cannot_be_drawn_is_refused_when_made(
    fields: dict[str, Any], problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        Column(**fields)


def test_table_and_csv_are_the_columns_with_a_label_and_a_csv_name_in_order() -> None:
    listing = Listing(
        items=[(1, "one")],
        columns=[
            Column(label="N", cell=lambda x: f"#{x[0]}", csv="n", csv_cell=lambda x: str(x[0])),
            csv_only("id", lambda x: f"id-{x[0]}"),
            Column(label="Word", cell=lambda x: x[1].upper(), drop=2, wraps=True),
            Column(label="Same", cell=lambda x: x[1], csv="same", drop=1),
        ],
        json_item=lambda x: x,
        head={},
        key="xs",
    )
    assert listing.headers == ["N", "Word", "Same"]
    assert listing.rows == [["#1", "ONE", "one"]]
    assert listing.csv_columns == ["n", "id", "same"]
    assert listing.csv_rows == [["1", "id-1", "one"]]  # csv_cell defaults to cell
    assert [c.label for c in listing.droppable] == ["Same", "Word"]


def every_listing() -> list[Listing]:
    event = make(id="l-1", kind="letter", letter={"author": "A", "recipient": "B"})
    found = anniversaries_between([make()], AS_OF, dt.date(2022, 12, 31), 10)
    return [
        timeline_listing(focus, AS_OF, timeline([make()], AS_OF), "H")
        for focus in [(), ("AZ",), ("AZ", "JP")]
    ] + [
        anniversary_listing(found, head={}, heading="H", empty=""),
        anniversary_listing(found, head={}, heading="H", empty="", as_of=AS_OF),
        relations_listing("AZ", AS_OF, 5, relations([make()], "AZ", AS_OF)),
        letters_listing([event]),
        stores_listing([(1, "a.json", 3, "ok")]),
    ]


@pytest.mark.parametrize("listing", every_listing(), ids=lambda listing: listing.key)
def test_every_listing_has_one_cell_per_column_and_distinct_names(listing: Listing) -> None:
    assert len(set(listing.headers)) == len(listing.headers)
    assert len(set(listing.csv_columns)) == len(listing.csv_columns)
    drops = [c.drop for c in listing.droppable]
    assert len(set(drops)) == len(drops)  # an order, not a tie
    assert all(len(row) == len(listing.headers) for row in listing.rows)
    assert all(len(row) == len(listing.csv_columns) for row in listing.csv_rows)
    assert listing.rows
    assert listing.csv_rows


def test_the_declared_column_tables_are_columns() -> None:
    assert all(isinstance(c, Column) for c in (*LETTER_COLUMNS, *STORE_COLUMNS))
    assert [c.csv for c in STORE_COLUMNS] == ["order", "path", "events", "status"]
