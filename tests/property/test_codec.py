"""Property of the store format (bilat.codec): any events written read back the same."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilat.codec import dumps, loads
from bilat.domain import KINDS, Claim, Event, Letter, PartialDate, Source
from tests.helpers import STORE_NAME as NAME

CODES = ["AZ", "JP", "TR", "GE", "US", "XK", "SUHH", "DDDE"]

ids = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)

texts = st.text(min_size=1, max_size=20)

optional_texts = st.none() | st.text(max_size=20)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates())
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "day":
        return PartialDate.from_date(day)
    return PartialDate(day.year, day.month if precision == "month" else None)


sources = st.builds(
    Source,
    title=texts,
    url=st.none() | st.just("https://example.org/x"),
    accessed=st.none() | partial_dates(),
)


@st.composite
def events(draw: st.DrawFn) -> Event:
    parties = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=4, unique=True))
    date = draw(partial_dates())
    end_date = draw(st.none() | partial_dates())
    if end_date is not None and end_date.last_day() < date.first_day():
        date, end_date = end_date, date
    kind = draw(st.sampled_from(KINDS))
    letter = None
    if kind == "letter":
        letter = Letter(author=draw(texts), recipient=draw(texts), text=draw(optional_texts))
    claims = st.builds(
        Claim, date=partial_dates(), note=texts, sources=st.lists(sources, min_size=1, max_size=2)
    )
    return Event(
        id=draw(ids),
        date=date,
        end_date=end_date,
        parties=parties,
        by=draw(st.none() | st.sampled_from(parties)),
        kind=kind,  # type: ignore[arg-type]
        title=draw(texts),
        summary=draw(optional_texts),
        sources=draw(st.lists(sources, min_size=1, max_size=2)),
        disputed=draw(st.none() | st.lists(claims, max_size=2)),
        letter=letter,
    )


@settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events(), max_size=6, unique_by=lambda e: e.id))
def test_dumps_loads_round_trip_property(generated: list[Event]) -> None:
    out = dumps(generated)
    loaded = loads(out, NAME)
    assert loaded == tuple(sorted(generated, key=lambda e: e.sort_key))
    assert [e.sort_key for e in loaded] == sorted(e.sort_key for e in loaded)
    assert dumps(loaded) == out
