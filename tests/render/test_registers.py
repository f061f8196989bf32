"""Listings of a country's partners, of letters and of store files
(bilat.render.registers): the rows for people, the CSV rows for programs, the JSON items,
and the headings. Working out the partners: tests/test_partners.py."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.partners import Partner, relations
from bilat.render import lang
from bilat.render.formats import listing_csv
from bilat.render.registers import letters_listing, relations_listing, stores_listing
from tests.helpers import make_event as make

AS_OF = dt.date(2022, 1, 1)


EVENTS = [
    make(id="rel-jp", sources=[{"title": "Wikipedia", "type": "encyclopedia"}]),
    make(id="rec-jp", kind="recognition", by="JP", date="1991-12-28", title="Japan recognises"),
    make(id="emb-az", kind="embassy-opened", by="AZ", date="2005-10-12", title="Embassy"),
    make(id="rec-ge", kind="recognition", by="AZ", date="1992", parties=["AZ", "GE"], title="R"),
]


def partners() -> list[Partner]:
    return relations(EVENTS, "AZ", AS_OF)


def test_relations_rows_name_the_countries_and_what_each_did() -> None:
    listing = relations_listing("AZ", AS_OF, 5, partners())
    assert listing.rows == [
        ["Japan", "1992-09-07 °", "29", "30th", "2022-09-07",
         "Japan recognised Azerbaijan 1991-12-28; embassy of Azerbaijan 2005-10-12"],
        ["Georgia", "", "", "", "", "Azerbaijan recognised Georgia 1992"],
    ]  # fmt: skip
    assert len(listing.headers) == len(listing.rows[0])
    (note,) = listing.notes
    assert note == "° the date rests on an encyclopedia alone."
    official = relations(
        [make(id="rel-jp", sources=[{"title": "MFA", "type": "official"}])], "AZ", AS_OF
    )
    assert relations_listing("AZ", AS_OF, 5, official).notes == []


def test_relations_csv_rows_keep_codes_and_both_ends_of_the_years() -> None:
    listing = relations_listing("AZ", AS_OF, 5, partners())
    assert listing.csv_rows == [
        ["JP", "1992-09-07", "29", "29", "30", "2022-09-07", "", "1991-12-28", "2005-10-12", "",
         "encyclopedia"],
        ["GE", "", "", "", "", "", "1992", "", "", "", ""],
    ]  # fmt: skip
    assert len(listing.csv_columns) == len(listing.csv_rows[0])
    assert listing_csv(listing).splitlines()[0].startswith("partner,established,years_ago_min,")


def test_relations_json_says_null_for_what_is_unknown() -> None:
    data = relations_listing("AZ", AS_OF, 5, partners()).data
    assert {k: data[k] for k in ("country", "as_of", "every")} == {
        "country": "AZ",
        "as_of": "2022-01-01",
        "every": 5,
    }
    japan, georgia = data["partners"]
    assert japan["established_event"] == "rel-jp"
    assert japan["evidence"] == "encyclopedia"
    assert japan["years_ago"] == {"min": 29, "max": 29}
    assert japan["next_milestone"] == {"years": 30, "ordinal": "30th", "date": "2022-09-07"}
    assert japan["recognised_by_partner"] == "1991-12-28"
    assert japan["recognised_by_country"] is None
    assert georgia == {
        "partner": "GE",
        "established": None,
        "established_event": None,
        "evidence": None,
        "years_ago": None,
        "next_milestone": None,
        "recognised_by_country": "1992",
        "recognised_by_partner": None,
        "embassy_of_country": None,
        "embassy_of_partner": None,
    }


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "Azerbaijan: 0 partners, 0 with the date"),
        (1, "Azerbaijan: 1 partner, 1 with the date"),
        (2, "Azerbaijan: 2 partners, 1 with the date"),
    ],
)
def test_relations_heading_counts_partners_and_dated_ones(count: int, expected: str) -> None:
    heading = relations_listing("AZ", AS_OF, 10, partners()[:count]).heading
    assert heading == (
        f"{expected} relations were established, as of 2022-01-01 (milestones every 10 years)"
    )


def test_relations_listing_drops_and_wraps_its_own_columns() -> None:
    listing = relations_listing("AZ", AS_OF, 5, [])
    assert listing.rows == []
    assert listing.empty == "No partners in this store."
    assert [c.label for c in listing.droppable] == ["Recognition, embassies", "On", "Years"]
    assert {c.label for c in listing.shown if c.wraps} == {"Partner", "Recognition, embassies"}


@pytest.mark.usefixtures("speak")
def test_relations_speak_the_readers_language() -> None:
    lang.use("ru")
    (row, _) = relations_listing("AZ", AS_OF, 5, partners()).rows
    assert row[0] == "Япония"
    assert row[3] == "30-я"
    assert row[1] == "1992-09-07 °"  # dates stay ISO in every language


LETTER = make(id="l-1", kind="letter", by="AZ", title="T", place="Baku",
              letter={"author": "Aliyev", "recipient": "Obuchi", "language": "ru",
                      "text": "X"})  # fmt: skip
BARE = make(id="l-2", kind="letter", date="1999", summary="S",
            letter={"author": "Obuchi", "recipient": "Aliyev"})  # fmt: skip


def test_letters_rows_say_whether_the_store_has_the_text() -> None:
    listing = letters_listing([LETTER, BARE])
    assert listing.rows == [
        ["1992-09-07", "l-1", "Aliyev", "Obuchi", "T", "yes"],
        ["1999", "l-2", "Obuchi", "Aliyev", "Diplomatic relations established", "no"],
    ]
    assert listing.csv_rows[0] == ["1992-09-07", "l-1", "AZ;JP", "Aliyev", "Obuchi", "T", "yes"]
    assert listing.heading == "Letters"
    assert listing.empty == "No letters match."
    assert [c.label for c in listing.droppable] == ["Text", "Title"]


def test_letters_json_holds_the_whole_letter() -> None:
    first, second = letters_listing([LETTER, BARE]).data["letters"]
    assert first == {
        "id": "l-1",
        "date": "1992-09-07",
        "parties": ["AZ", "JP"],
        "by": "AZ",
        "title": "T",
        "author": "Aliyev",
        "recipient": "Obuchi",
        "language": "ru",
        "summary": None,
        "note": None,
        "text": "X",
        "sources": [{"title": "A source", "url": "https://example.org/"}],
        "evidence": None,
    }
    assert second["text"] is None
    assert second["summary"] == "S"


def test_stores_listing_in_reading_order() -> None:
    entries = [(1, "/data/events.json", 120, "read"), (2, "-x.json", 0, "not read: no such file")]
    listing = stores_listing(entries)
    assert listing.rows == [
        ["1", "/data/events.json", "120", "read"],
        ["2", "-x.json", "0", "not read: no such file"],
    ]
    assert listing.csv_rows == listing.rows
    assert listing.data == {
        "stores": [
            {"path": "/data/events.json", "events": 120, "status": "read"},
            {"path": "-x.json", "events": 0, "status": "not read: no such file"},
        ]
    }
    assert "'-x.json" in listing_csv(listing)  # a path is never a formula either
    assert listing.heading is not None
    assert listing.heading.startswith("Stores, in the order they are read")
