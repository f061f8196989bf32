"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from bilat.dates import PartialDate

D = dt.date

precisions = st.sampled_from(["year", "month", "day"])


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> PartialDate:
    precision = draw(precisions)
    if precision == "day":
        day = draw(st.dates(D(min_year, 1, 1), D(max_year, 12, 31)))
        return PartialDate.from_date(day)
    year = draw(st.integers(min_year, max_year))
    if precision == "month":
        return PartialDate(year, draw(st.integers(1, 12)))
    return PartialDate(year)
