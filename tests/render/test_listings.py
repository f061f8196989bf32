"""Results as listings (bilat.render.listings): what each representation of a timeline or
of anniversaries holds (rows for people, CSV rows for programs, JSON items), the marks and
notes, the headings, and that a representation is built only when it is asked for."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import pytest

from bilat.domain import YearsRange, anniversaries_between, anniversaries_in, timeline
from bilat.model import Event
from bilat.render import lang
from bilat.render.columns import Column, Listing
from bilat.render.common import leap_rule_text
from bilat.render.listings import (
    anniversary_listing,
    disputed_dates_cell,
    event_labels,
    for_home,
    no_pair_events,
    plural,
    timeline_heading,
    timeline_listing,
    years_cell,
)
from tests.helpers import make_event as make

AS_OF = dt.date(2022, 1, 1)
SOURCES = [{"title": "Log"}, {"title": "MFA", "url": "https://mfa.example/"}]
CLAIM = {"date": "1996-03-01", "note": "N.", "sources": [{"title": "S"}]}


RELATIONS = make(id="az-jp-diplomatic-relations")
VISIT = make(id="v-1", kind="visit", by="AZ", date="2006-03-07", end_date="2006-03-09",
             title="Visit", disputed=[CLAIM], sources=SOURCES)  # fmt: skip
LEAP = make(id="leap", kind="agreement", date="1996-02-29", title="Leap", disputed=[CLAIM])
LATER = make(id="later", kind="visit", date="2030", title="Later")


def test_each_representation_is_built_only_when_asked_for() -> None:
    def boom(item: Any) -> str:
        raise AssertionError("built a representation nobody asked for")

    listing = Listing(items=[1, 2], columns=[Column(label="N", cell=boom, csv="n")],
                      json_item=lambda n: n * 10, head={"h": 0}, key="ns")  # fmt: skip
    assert listing.data == {"h": 0, "ns": [10, 20]}


def test_disputed_dates_and_years_cells() -> None:
    assert disputed_dates_cell(LEAP) == "1996-03-01"
    assert disputed_dates_cell(RELATIONS) == ""
    two = make(disputed=[CLAIM, {**CLAIM, "date": None, "end_date": "1992-10"}])
    assert disputed_dates_cell(two) == "1996-03-01;1992-10"
    assert years_cell(None) == "later"
    assert years_cell(YearsRange(28, 29)) == "28–29"


@pytest.mark.parametrize(
    ("focus", "column", "cell"),
    [(("AZ", "JP"), None, None), (("AZ",), "Partner", "Japan"),
     ((), "Parties", "Azerbaijan – Japan")],
)  # fmt: skip
def test_timeline_columns_follow_the_focus(
    focus: tuple[str, ...], column: str | None, cell: str | None
) -> None:
    listing = timeline_listing(focus, AS_OF, timeline([RELATIONS], AS_OF), "H")
    base = ["Date", "Kind", "Event", "Direction", "Years ago"]
    assert listing.headers == (base if column is None else [base[0], column, *base[1:]])
    (row,) = listing.rows
    assert len(row) == len(listing.headers)
    if cell is not None:
        assert row[1] == cell


def test_timeline_rows_csv_json_and_notes() -> None:
    listing = timeline_listing(("AZ", "JP"), AS_OF, timeline([VISIT, LATER], AS_OF), "H")
    assert listing.rows == [
        ["2006-03-07/09 *", "visit", "Visit", "Azerbaijan → Japan", "15"],
        ["2030", "visit", "Later", "", "later"],
    ]
    assert listing.csv_rows[0] == [
        *("2006-03-07", "2006-03-09", "v-1", "visit", "AZ;JP", "AZ", "Visit", "15", "15"),
        *("1996-03-01", "Log;https://mfa.example/", "", ""),
    ]
    assert listing.csv_rows[1][7:9] == ["", ""]
    assert len(listing.csv_columns) == len(listing.csv_rows[0])
    (note,) = listing.notes
    assert note.startswith("* Visit (2006-03-07/09, v-1): also given as date 1996-03-01.")
    data = listing.data
    assert data["parties"] == ["AZ", "JP"]
    assert data["as_of"] == "2022-01-01"
    assert [e["years_ago"] for e in data["events"]] == [{"min": 15, "max": 15}, None]
    assert data["events"][1]["end_date"] is None  # the keys every listing promises
    assert listing.empty == "No events match."


def test_anniversaries_mark_leap_days_and_disputed_dates_once() -> None:
    found = anniversaries_between([RELATIONS, LEAP], dt.date(2020, 1, 1), dt.date(2022, 12, 31), 1)
    listing = anniversary_listing(found, head={"every": 1}, heading="H", empty="None.")
    rows = {tuple(r[:3]) for r in listing.rows}
    assert ("2020-02-29", "Sat", "24th") in rows  # a leap year: not moved
    assert ("2022-02-28 †", "Mon", "26th") in rows
    assert listing.notes == [
        f"† {leap_rule_text('feb28')}",
        "* other sources give another date for leap: see `bilat show ID`.",
    ]
    assert listing.notes[0].startswith("† 29 February is placed on 28 February")
    csv_moved = [r[9] for r in listing.csv_rows if r[4] == "leap"]
    assert csv_moved == ["false", "true", "true"]
    assert listing.data["leap_day"] == "feb28"
    assert listing.data["every"] == 1


WIKI = [{"title": "Wikipedia", "type": "encyclopedia"}, {"title": "Blog"}]
EVIDENCE_NOTE = "° the date rests on an encyclopedia alone."


def test_timeline_marks_a_date_that_rests_on_an_encyclopedia_alone() -> None:
    wiki = make(id="w", date="1992", sources=WIKI, disputed=[CLAIM])
    news = make(id="n", sources=[*WIKI, {"title": "Agency", "type": "news"}])
    listing = timeline_listing(("AZ", "JP"), AS_OF, timeline([wiki, news, LATER], AS_OF), "H")
    assert [row[0] for row in listing.rows] == ["1992-09-07", "1992 * °", "2030"]
    assert [row[-2:] for row in listing.csv_rows] == [
        ["encyclopedia;;news", "news"],
        ["encyclopedia;", "encyclopedia"],
        ["", ""],
    ]
    assert listing.csv_columns[-2:] == ["source_types", "evidence"]
    assert [e["evidence"] for e in listing.data["events"]] == ["news", "encyclopedia", None]
    assert listing.notes[-1] == EVIDENCE_NOTE
    assert len(listing.notes) == 2  # the dispute, and the legend once
    plain = timeline_listing(("AZ", "JP"), AS_OF, timeline([news], AS_OF), "H")
    assert plain.notes == []


def test_anniversaries_mark_a_date_that_rests_on_an_encyclopedia_alone() -> None:
    wiki = make(id="w", date="1996-02-29", sources=WIKI)
    found = anniversaries_in([wiki, RELATIONS], 2022, 1)
    listing = anniversary_listing(found, head={}, heading="H", empty="")
    assert [row[0] for row in listing.rows] == ["2022-02-28 † °", "2022-09-07"]
    assert [row[-1] for row in listing.csv_rows] == ["encyclopedia", ""]
    items = msgspec.to_builtins(listing.data)["anniversaries"]
    assert [item["evidence"] for item in items] == ["encyclopedia", None]
    assert listing.notes[-1] == EVIDENCE_NOTE


def test_a_heading_narrowed_to_the_home_country_says_how_to_lift_it() -> None:
    assert for_home("Anniversaries in 2022", None) == "Anniversaries in 2022"
    assert for_home("Anniversaries in 2022", "KZ") == (
        "Anniversaries in 2022 for Kazakhstan; all countries: --all"
    )


@pytest.mark.parametrize(
    ("date", "as_of", "when", "in_days"),
    [("1992-09-07", dt.date(2022, 9, 7), "today", 0),
     ("1992-09-07", dt.date(2022, 9, 6), "tomorrow", 1),
     ("1992-09-07", dt.date(2022, 8, 28), "in 10 days", 10),
     ("1992-09", dt.date(2022, 9, 1), "September 2022, day unknown", None)],
)  # fmt: skip
def test_upcoming_anniversaries_say_how_far_off(
    date: str, as_of: dt.date, when: str, in_days: int | None
) -> None:
    found = anniversaries_between([make(date=date)], as_of, dt.date(2022, 9, 30), 30)
    listing = anniversary_listing(found, head={}, heading="H", empty="", as_of=as_of)
    assert listing.headers[2] == "When"
    assert listing.csv_columns[2] == "in_days"
    (row,), (csv_row,) = listing.rows, listing.csv_rows
    assert row[2] == when
    assert csv_row[2] == ("" if in_days is None else str(in_days))
    assert listing.data["anniversaries"][0].in_days == in_days


def test_in_days_is_left_out_of_json_when_nothing_is_upcoming() -> None:
    found = anniversaries_in([RELATIONS], 2022, 30)
    listing = anniversary_listing(found, head={}, heading="H", empty="")
    (item,) = msgspec.to_builtins(listing.data)["anniversaries"]
    assert "in_days" not in item
    assert item["weekday"] == "Wed"
    assert item["disputed"] == []
    assert "When" not in listing.headers


@pytest.mark.usefixtures("speak")
def test_json_carries_labels_only_with_a_language() -> None:
    listing = timeline_listing(("AZ", "JP"), AS_OF, timeline([RELATIONS], AS_OF), "H")
    assert "lang" not in listing.data
    assert "labels" not in listing.data["events"][0]
    lang.use("ja")
    assert listing.data["lang"] == "ja"
    assert listing.data["events"][0]["labels"] == event_labels(RELATIONS)
    assert event_labels(RELATIONS)["parties"] == ["アゼルバイジャン", "日本"]
    assert listing.data["events"][0]["kind"] == "diplomatic-relations"  # codes stay


@pytest.mark.parametrize(
    ("count", "word", "words", "expected"),
    [(1, "event", None, "1 event"), (0, "event", None, "0 events"),
     (2, "country", "countries", "2 countries"), (1, "country", "countries", "1 country")],
)  # fmt: skip
def test_plural(count: int, word: str, words: str | None, expected: str) -> None:
    assert plural(count, word, words) == expected


SINCE = "Azerbaijan – Japan: diplomatic relations since 1992-09-07"


@pytest.mark.parametrize(
    ("focus", "as_of", "count", "relations", "years", "expected"),
    [
        (("AZ", "JP"), dt.date(2022, 9, 7), 2, RELATIONS, YearsRange(30, 30),
         f"{SINCE} (30 years as of 2022-09-07); 2 events"),
        (("AZ", "JP"), dt.date(1993, 9, 7), 1, RELATIONS, YearsRange(1, 1),
         f"{SINCE} (1 year as of 1993-09-07); 1 event"),
        (("AZ", "JP"), dt.date(2022, 9, 7), 1, RELATIONS, YearsRange(29, 30),
         f"{SINCE} (29–30 years as of 2022-09-07); 1 event"),
        (("AZ", "JP"), dt.date(1990, 1, 1), 1, RELATIONS, None,
         f"{SINCE} (after 1990-01-01); 1 event"),
        (("AZ", "JP"), AS_OF, 0, None, None, "Azerbaijan – Japan: 0 events"),
        (("AZ",), AS_OF, 3, RELATIONS, YearsRange(29, 29), "Azerbaijan: 3 events"),
    ],
)  # fmt: skip
def test_timeline_heading(
    focus: tuple[str, ...], as_of: dt.date, count: int, relations: Event | None,
    years: YearsRange | None, expected: str,
) -> None:  # fmt: skip
    assert timeline_heading(focus, as_of, count, relations, years) == expected


def test_no_pair_events_names_the_pair_and_the_ways_to_add_events() -> None:
    text = no_pair_events(("AZ", "MT"))
    assert text.startswith("The stores read have no events for Azerbaijan – Malta.")
    for command in ("bilat add", "bilat import rdcr", "bilat import wikidata", "bilat import csv"):
        assert f"`{command}`" in text
