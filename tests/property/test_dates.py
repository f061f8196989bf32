"""Properties of PartialDate: a consistent total order, and text that reads back."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings

from bilat.dates import PartialDate
from tests.property.strategies import partial_dates

P = PartialDate.parse

D = dt.date


@settings(deadline=None, max_examples=200)
@given(a=partial_dates(), b=partial_dates(), c=partial_dates())
@example(a=P("1997-03-07"), b=P("1997-03"), c=P("1997"))
@example(a=P("2000-02-29"), b=P("2000-02"), c=P("2000"))
@example(a=P("1999-12-31"), b=P("1999-12"), c=P("1999"))
def test_sort_key_is_a_consistent_total_order(
    a: PartialDate, b: PartialDate, c: PartialDate
) -> None:
    # total: exactly one of <, ==, > holds; and equality agrees with the key
    assert [a < b, a == b, b < a].count(True) == 1
    assert (a == b) == (a.sort_key == b.sort_key)
    if a <= b <= c:
        assert a <= c
    if a.precision == b.precision:
        assert (a < b) == (a.first_day() < b.first_day())
    if a.contains(b) and a != b:
        assert b < a
    if a.last_day() < b.first_day():
        assert a < b


@settings(deadline=None, max_examples=200)
@given(date=partial_dates())
@example(date=P("0001"))
@example(date=P("9999-12-31"))
@example(date=P("2000-02-29"))
@example(date=P("1904-02"))
def test_parse_isoformat_round_trip(date: PartialDate) -> None:
    text = date.isoformat()
    assert P(text) == date
    assert hash(P(text)) == hash(date)
    assert P(text).precision == date.precision
