"""Property of the index of large stores (bilat.index): what it selects for a query holds
every event the query needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.store import Query, load_path
from tests.helpers import exact

pytestmark = pytest.mark.usefixtures("index_every_store")

CODES = ("AZ", "JP", "TR", "DE", "FR", "US", "GB", "CN", "RU", "GE")


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    all_countries=st.lists(st.sampled_from(CODES), max_size=2, unique=True),
    any_countries=st.lists(st.sampled_from(CODES), max_size=3, unique=True),
    year=st.none() | st.integers(1, 2200),
    every=st.integers(1, 50),
)
def test_selection_holds_every_event_a_query_needs(
    big_store: Path,
    tmp_path_factory: pytest.TempPathFactory,
    all_countries: list[str],
    any_countries: list[str],
    year: int | None,
    every: int,
) -> None:
    folder = tmp_path_factory.mktemp("cache")
    full = load_path(big_store).events
    load_path(big_store, cache=lambda: folder)
    query = Query(tuple(all_countries), tuple(any_countries), year, every)
    selected = load_path(big_store, cache=lambda: folder, query=query).events
    wanted = exact(full, query)
    assert [e for e in selected if e in wanted] == wanted
    assert all(e in full for e in selected)
