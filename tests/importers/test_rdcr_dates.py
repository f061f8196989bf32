"""Dates in the State Department's guide (bilat.importers.rdcr_dates): the dates written out
in an entry's prose, and the rule that picks the event's date from the heading's year and
the prose. The whole import of the guide is checked in test_rdcr.py."""

from __future__ import annotations

import pytest

from bilat.dates import PartialDate
from bilat.importers.rdcr_dates import Entry, date_of, parse_date, prose_dates


def date(text: str) -> PartialDate:
    return PartialDate.parse(text)


def entry(heading: str | None, prose: str, end: str | None = None) -> Entry:
    """An entry as the importer makes it: the prose's dates in the order of the text."""
    found = sorted(prose_dates(prose), key=lambda f: f[0])
    return Entry(
        "Heading", date(heading) if heading else None, date(end) if end else None, prose, found
    )


def test_parse_date() -> None:
    assert parse_date("1992-09-07") == date("1992-09-07")
    assert parse_date("1992") == date("1992")
    for text in ("", "1992-02-30", "September 1992", "92"):
        assert parse_date(text) is None


@pytest.mark.parametrize(
    ("prose", "found"),
    [
        ("on September 7, 1992.", "1992-09-07"),
        ("on Sept. 7th, 1992.", "1992-09-07"),
        ("on Sep 7 1992", "1992-09-07"),
        ("on 7 September 1992", "1992-09-07"),
        ("on 7 Dec., 1992", "1992-12-07"),
        ("in September 1992", "1992-09"),
        ("in May, 1992", "1992-05"),
        ("in October of 1993", "1993-10"),
        ("talks on March 3-5, 1990", "1990-03-03"),
        ("talks on March 3 – 5, 1990", "1990-03-03"),
    ],
)
def test_written_dates(prose: str, found: str) -> None:
    assert [d for _, d in prose_dates(prose)] == [date(found)]


def test_positions_and_no_date_counted_twice() -> None:
    prose = "Relations began on 7 September 1992 and an embassy opened in May 1993."
    assert prose_dates(prose) == [
        (prose.index("7 September"), date("1992-09-07")),
        (prose.index("May 1993"), date("1993-05")),
    ]


def test_days_come_before_months() -> None:
    prose = "In October 1992 talks began; on 7 December 1992 and on Jan 5, 1993 more."
    found = [d.isoformat() for _, d in prose_dates(prose)]
    assert sorted(found[:2]) == ["1992-12-07", "1993-01-05"]  # both ways of writing a day
    assert found[2:] == ["1992-10"]


@pytest.mark.parametrize(
    "prose",
    [
        "on February 30, 1992",  # no such day: neither a day nor a month
        "as they may 1990 have",  # the verb, not the month
        "on 7 September 92",
        "Septembers 1992",
        "in 1992",
    ],
)
def test_what_is_not_a_written_date(prose: str) -> None:
    assert prose_dates(prose) == []


@pytest.mark.parametrize(
    ("heading", "prose", "kind", "expected"),
    [
        # the heading's year made precise by the date of the act
        (
            "1992",
            "Relations were established on September 7, 1992.",
            "diplomatic-relations",
            "1992-09-07",
        ),
        # a month the act states wins over a day it does not
        (
            "1992",
            "Talks began on 5 May 1992. Relations were established in October 1992.",
            "diplomatic-relations",
            "1992-10",
        ),
        # a day wins over a month
        (
            "1992",
            "In October 1992 talks began. Relations were established on 7 December 1992.",
            "diplomatic-relations",
            "1992-12-07",
        ),
        # the act named only after the date is not stated: any date of the heading's year
        (
            "1992",
            "On 7 September 1992, the two countries established relations.",
            "diplomatic-relations",
            "1992-09-07",
        ),
        (
            "1992-09",
            "Talks in September 1992. The treaty was signed on September 7, 1992.",
            "agreement",
            "1992-09-07",
        ),
        # a day in the heading stays; a date outside the heading's period is not taken
        ("1992-09-07", "The treaty was signed on September 8, 1992.", "agreement", "1992-09-07"),
        ("1992", "Perry arrived on July 8, 1853.", "agreement", "1992"),
        (
            "1992",
            "In 1992 talks began. Relations were established on March 3, 1993.",
            "diplomatic-relations",
            "1992",
        ),
    ],
)
def test_date_of_an_entry_with_a_heading_date(
    heading: str, prose: str, kind: str, expected: str
) -> None:
    assert date_of(entry(heading, prose), kind) == (date(expected), None)


def test_a_range_in_the_heading_takes_a_date_within_it() -> None:
    found = date_of(
        entry("1862", "The legation opened on May 1, 1900.", end="1950"), "legation-opened"
    )
    assert found == (date("1900-05-01"), None)


def test_the_prose_wins_a_disagreement_and_the_heading_is_kept() -> None:
    prose = "Diplomatic relations were established on June 11, 1979."
    assert date_of(entry("1978", prose), "diplomatic-relations") == (
        date("1979-06-11"),
        date("1978"),
    )
    month = "Relations were established in June 1979, after talks in Paris."
    assert date_of(entry("1978", month), "diplomatic-relations") == (date("1979-06"), date("1978"))


def test_without_a_heading_date_only_the_acts_own_date() -> None:
    stated = "The United States recognized the new state on 3 March 1990."
    assert date_of(entry(None, stated), "recognition") == (date("1990-03-03"), None)
    other = "On 3 March 1990 the state declared independence."
    assert date_of(entry(None, other), "recognition") == (None, None)
    assert date_of(entry(None, "No date at all."), "recognition") == (None, None)


def test_the_act_is_read_in_the_dates_own_sentence() -> None:
    prose = "Relations were established. Talks were held on 5 May 1993."
    assert date_of(entry(None, prose), "diplomatic-relations") == (None, None)
    assert date_of(entry(None, prose), "agreement") == (None, None)
    closing = "Relations were good. The embassy was closed on 5 May 1993."
    assert date_of(entry(None, closing), "embassy-closed") == (date("1993-05-05"), None)
