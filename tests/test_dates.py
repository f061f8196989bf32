"""Dates with precision (bilat.dates.PartialDate): parsing, the days a date covers, its
text, and its order."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest

from bilat.dates import AFTER_ALL_DATES, PartialDate

P = PartialDate.parse

D = dt.date


# --------------------------------------------------------------------------- PartialDate.parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1992", (1992, None, None)),
        ("1992-09", (1992, 9, None)),
        ("1992-09-07", (1992, 9, 7)),
        ("0001", (1, None, None)),
        ("9999-12-31", (9999, 12, 31)),
        ("2000-02-29", (2000, 2, 29)),
        ("2024-02-29", (2024, 2, 29)),
    ],
)
def test_parse_valid(text: str, expected: tuple[int, int | None, int | None]) -> None:
    d = P(text)
    assert (d.year, d.month, d.day) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2022-02-30",
        "1992-13",
        "1992-00",
        "1992-09-00",
        "1992-09-31",
        "07/09/1992",
        "0000",
        "1992-9",
        "1992-09-7",
        "92",
        "19920",
        "1992-09-07T00:00",
        " 1992",
        "1992 ",
        "1992\n",
        "",
        "2023-02-29",
        "1900-02-29",
        "-1992",
        "+1992",
        "1992-W36",
        "19920907",
    ],
)
def test_parse_invalid(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        P(text)


@pytest.mark.parametrize("text", ["\u0661\u0669\u0669\u0662", "\uff11\uff19\uff19\uff12-09"])
def test_parse_rejects_non_ascii_digits(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        P(text)


def test_parse_century_leap_rule() -> None:
    with pytest.raises(ValueError, match="no day 29"):
        P("1900-02-29")
    assert P("2000-02-29").as_date() == D(2000, 2, 29)


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [(0, None, None), (10000, None, None), (1992, 0, None), (1992, None, 1), (1992, 2, 30)],
)
def test_constructor_rejects_impossible(year: int, month: int | None, day: int | None) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        PartialDate(year, month, day)


@pytest.mark.parametrize("made", [P, lambda t: PartialDate(*map(int, t.split("-")))])
def test_partial_date_is_immutable(made: Callable[[str], PartialDate]) -> None:
    d = made("1992-09-07")
    for field in ("year", "month", "day", "_iso", "_key", "text_key", "_weekday"):
        with pytest.raises(AttributeError):
            setattr(d, field, None)
    with pytest.raises(AttributeError):
        d.__class__ = object  # not even made mutable again
    assert type(d) is PartialDate
    assert (d.year, d.month, d.day, d.isoformat(), d.weekday()) == (1992, 9, 7, "1992-09-07", 0)


def test_a_date_from_a_day_is_that_day() -> None:
    d = PartialDate.from_date(dt.date(999, 2, 3))
    assert type(d) is PartialDate
    assert d == P("0999-02-03")
    assert d.isoformat() == "0999-02-03"
    assert d.sort_key == (999, 2, 3)


@pytest.mark.parametrize(
    ("text", "precision"),
    [("1992", "year"), ("1992-09", "month"), ("1992-09-07", "day")],
)
def test_precision(text: str, precision: str) -> None:
    assert P(text).precision == precision


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2023-02", D(2023, 2, 1), D(2023, 2, 28)),
        ("2000-02", D(2000, 2, 1), D(2000, 2, 29)),
        ("1900-02", D(1900, 2, 1), D(1900, 2, 28)),
        ("1997-12", D(1997, 12, 1), D(1997, 12, 31)),
        ("1997", D(1997, 1, 1), D(1997, 12, 31)),
        ("9999", D(9999, 1, 1), D(9999, 12, 31)),
        ("0001", D(1, 1, 1), D(1, 12, 31)),
        ("1992-09-07", D(1992, 9, 7), D(1992, 9, 7)),
    ],
)
def test_first_and_last_day(text: str, first: dt.date, last: dt.date) -> None:
    d = P(text)
    assert d.first_day() == first
    assert d.last_day() == last


def test_as_date_only_for_day_precision() -> None:
    assert P("1992-09-07").as_date() == D(1992, 9, 7)
    assert P("1992-09").as_date() is None
    assert P("1992").as_date() is None


@pytest.mark.parametrize("text", ["0001", "0999", "1992", "1992-09", "1992-09-07", "9999-12-31"])
def test_isoformat_round_trip(text: str) -> None:
    assert P(text).isoformat() == text
    assert str(P(text)) == text
    assert P(P(text).isoformat()) == P(text)


def test_repr() -> None:
    assert repr(P("1992-09")) == "PartialDate('1992-09')"


def test_ordering_less_precise_after_more_precise() -> None:
    chain = [P("1996-12-31"), P("1997-03-07"), P("1997-03"), P("1997"), P("1998-01-01")]
    shuffled = [chain[3], chain[0], chain[4], chain[2], chain[1]]
    assert sorted(shuffled) == chain
    assert sorted(chain, key=lambda d: d.sort_key) == chain
    for a, b in itertools.pairwise(chain):
        assert a < b
        assert a <= b
        assert not b < a
    assert P("1997-03-31") < P("1997-03") < P("1997-04-01") < P("1997-12-31") < P("1997")


def test_equality_and_hash() -> None:
    assert P("1992-09-07") == PartialDate(1992, 9, 7)
    assert P("1992-09") == PartialDate(1992, 9)
    assert hash(P("1992")) == hash(PartialDate(1992))
    assert P("1992") != P("1992-01")
    assert P("1992-01") != P("1992-01-01")
    assert P("1992") != "1992"
    assert len({P("1992"), PartialDate(1992), P("1992-01"), P("1992-01-01")}) == 3
    assert P("1992") <= P("1992")


def test_contains_and_overlaps() -> None:
    assert P("1997").contains(P("1997-03-07"))
    assert P("1997").contains(P("1997-03"))
    assert P("1997-03").contains(P("1997-03-31"))
    assert not P("1997-03").contains(P("1997"))
    assert not P("1997-03").contains(P("1997-04-01"))
    assert P("1997").overlaps(D(1997, 6, 1), D(1997, 6, 30))
    assert P("1997").overlaps(D(1990, 1, 1), D(1997, 1, 1))
    assert not P("1997").overlaps(D(1998, 1, 1), D(1999, 1, 1))


def test_the_text_key_orders_as_the_sort_key_and_all_dates_sort_before_the_last() -> None:
    texts = ["1997", "1997-03", "1997-03-07", "1997-12-31", "0001-01", "9999", "2000-02-29"]
    dates = [PartialDate.parse(t) for t in texts]
    assert sorted(dates, key=lambda d: d.text_key) == sorted(dates, key=lambda d: d.sort_key)
    assert all(len(d.text_key) == 10 for d in dates)
    assert max(d.sort_key for d in dates) < AFTER_ALL_DATES


def test_english_month_names_and_abbreviations() -> None:
    from bilat.dates import ENGLISH_MONTHS

    assert ENGLISH_MONTHS["january"] == ENGLISH_MONTHS["jan"] == 1
    assert ENGLISH_MONTHS["sept"] == ENGLISH_MONTHS["sep"] == ENGLISH_MONTHS["september"] == 9
    assert sorted(set(ENGLISH_MONTHS.values())) == list(range(1, 13))
