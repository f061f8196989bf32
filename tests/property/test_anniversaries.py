"""Properties of anniversaries and elapsed years (bilat.domain), over the whole range of
dates, 29 February and century years included."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from bilat.domain import (
    Event,
    PartialDate,
    Source,
    YearsRange,
    anniversaries_in,
    anniversary_of,
    elapsed_years,
)
from tests.property.strategies import partial_dates

P = PartialDate.parse

D = dt.date


@settings(deadline=None, max_examples=200)
@given(date=partial_dates(max_year=9000), n=st.integers(0, 999))
@example(date=P("2000-02-29"), n=22)
@example(date=P("1904-02-29"), n=196)
@example(date=P("1904-02-29"), n=496)
@example(date=P("1999-12-31"), n=23)
@example(date=P("1997"), n=25)
@example(date=P("1996-05"), n=26)
def test_nth_anniversary_falls_in_year_plus_n(date: PartialDate, n: int) -> None:
    placed, moved = anniversary_of(date, n)
    assert placed.year == date.year + n
    assert placed.precision == date.precision
    assert placed.month == date.month
    if moved:
        assert (date.month, date.day, placed.day) == (2, 29, 28)
    elif date.day is not None:
        assert placed.day == date.day


@settings(deadline=None, max_examples=200)
@given(
    date=partial_dates(max_year=9990),
    as_of=st.dates(D(1, 1, 1), D(9999, 12, 31)),
    step=st.integers(1, 800),
)
@example(date=P("2000-02-29"), as_of=D(2001, 2, 27), step=1)
@example(date=P("2000-02-29"), as_of=D(2004, 2, 28), step=1)
@example(date=P("1904-02-29"), as_of=D(2100, 2, 27), step=2)
@example(date=P("1999-12-31"), as_of=D(2022, 12, 30), step=1)
@example(date=P("1997"), as_of=D(2022, 12, 30), step=1)
@example(date=P("1996-05"), as_of=D(2022, 5, 30), step=1)
def test_elapsed_years_never_decrease(date: PartialDate, as_of: dt.date, step: int) -> None:
    assume(as_of.toordinal() + step <= D.max.toordinal())
    later = as_of + dt.timedelta(days=step)
    before, after = elapsed_years(date, as_of), elapsed_years(date, later)
    if before is None:
        return
    assert after is not None
    assert before.min <= before.max
    assert after.min >= before.min
    assert after.max >= before.max


@settings(deadline=None, max_examples=200)
@given(day=st.dates(D(1, 1, 1), D(9000, 12, 31)), n=st.integers(0, 999))
@example(day=D(2000, 2, 29), n=1)
@example(day=D(2000, 2, 29), n=22)
@example(day=D(1904, 2, 29), n=196)
@example(day=D(1904, 2, 29), n=496)
@example(day=D(1999, 12, 31), n=23)
def test_elapsed_years_on_the_anniversary_is_exact(day: dt.date, n: int) -> None:
    date = PartialDate.from_date(day)
    placed, _ = anniversary_of(date, n)
    on_day = placed.as_date()
    assert on_day is not None
    assert elapsed_years(date, on_day) == YearsRange(n, n)
    if on_day > day:
        assert elapsed_years(date, on_day - dt.timedelta(days=1)) == YearsRange(n - 1, n - 1)


@settings(deadline=None, max_examples=200)
@given(
    dates=st.lists(partial_dates(), min_size=1, max_size=8),
    year=st.integers(1, 9999),
    every=st.integers(1, 50),
)
@example(dates=[P("2000-02-29"), P("1904-02-29")], year=2100, every=1)
@example(dates=[P("0001-01-01"), P("0001"), P("0001-12")], year=9999, every=1)
@example(dates=[P("9999-12-31"), P("9998")], year=9999, every=1)
@example(dates=[P("1999-12-31"), P("1997"), P("1996-05")], year=2022, every=5)
def test_anniversaries_over_the_whole_range(
    dates: list[PartialDate], year: int, every: int
) -> None:
    events = [
        Event(
            id=f"e{i}",
            date=d,
            parties=["AZ", "JP"],
            kind="other",
            title="t",
            sources=[Source(title="s")],
        )
        for i, d in enumerate(dates)
    ]
    found = anniversaries_in(events, year, every=every)
    for a in found:
        assert a.years > 0
        assert a.years % every == 0
        assert a.date.year == year
        assert a.date.precision == a.event.date.precision
    assert [a.sort_key for a in found] == sorted(a.sort_key for a in found)
    expected = {
        e.id for e in events if year - e.date.year > 0 and (year - e.date.year) % every == 0
    }
    assert {a.event.id for a in found} == expected
