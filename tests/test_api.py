"""The Python API (bilat.api): its examples and the README's run as doctests, and it
answers what the commands answer, from the same stores."""

from __future__ import annotations

import datetime as dt
import doctest
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bilat import api
from bilat.countries import UnknownCountry
from bilat.vocab import StoreError
from tests.helpers import MINI, ROOT, Run, event

AS_OF = dt.date(2022, 1, 1)


def test_the_module_examples_run() -> None:
    failed, attempted = doctest.testmod(api, optionflags=doctest.ELLIPSIS)
    assert attempted >= 10
    assert failed == 0


def test_the_readme_examples_run() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    (block,) = section.split("```python\n")[1:]
    test = doctest.DocTestParser().get_doctest(
        block.split("```", 1)[0], {}, "README.md: Python API", str(ROOT / "README.md"), 0
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    failed, attempted = runner.summarize(verbose=False)
    assert attempted >= 8
    assert failed == 0


def test_the_timeline_is_the_commands(mini: Run) -> None:
    events = api.load(MINI)
    entries = api.timeline(events, "Azerbaijan", "jpn", as_of=AS_OF)
    listed = json.loads(
        mini("timeline", "AZ", "JP", "--as-of", "2022-01-01", "--format", "json").output
    )
    assert [e.event.id for e in entries] == [row["id"] for row in listed["events"]]
    assert [e.years_ago for e in entries][:2] == [
        e.years_ago for e in api.timeline(events, "JP", "AZ", as_of=AS_OF)
    ][:2]
    one = api.timeline(events, "TR", as_of=AS_OF)
    assert [e.event.id for e in one] == ["leap-event"]


def test_the_timeline_between_dates_and_of_kinds() -> None:
    events = api.load(MINI)
    picked = api.timeline(events, "AZ", "JP", as_of=AS_OF, since="1996", until="1997-12")
    assert [e.event.id for e in picked] == ["visit-1996", "wg-1997", "loan-1997"]
    visits = api.timeline(events, "AZ", "JP", as_of=AS_OF, kinds=["visit"])
    assert [e.event.id for e in visits] == ["visit-1996", "tokyo-visit-1998", "future-visit"]


@pytest.mark.parametrize(
    ("options", "kwargs"),
    [
        ((), {}),
        (("--every", "1"), {"every": 1}),
        (("--every", "1", "--kind", "letter"), {"every": 1, "kinds": ["letter"]}),
        (("--country", "TR", "--leap-day", "mar1"), {"countries": ["TR"], "leap": "mar1"}),
        (("--pair", "JP", "AZ", "--every", "25"), {"pair": ["Japan", "AZ"], "every": 25}),
    ],
)
def test_the_anniversaries_are_the_commands(
    mini: Run, options: tuple[str, ...], kwargs: dict[str, object]
) -> None:
    listed = json.loads(mini("anniversary", "--year", "2025", *options, "--format", "json").output)
    found = api.anniversaries(api.load(MINI), 2025, **kwargs)
    assert [(a.event.id, a.date.isoformat(), a.years) for a in found] == [
        (row["event_id"], row["date"], row["years"]) for row in listed["anniversaries"]
    ]
    assert found or not listed["anniversaries"]


def test_upcoming_is_the_commands(mini: Run) -> None:
    listed = json.loads(
        mini("upcoming", "--as-of", "2022-08-01", "--days", "60", "--every", "1",
             "--format", "json").output
    )  # fmt: skip
    found = api.upcoming(api.load(MINI), as_of=dt.date(2022, 8, 1), days=60, every=1)
    assert [(a.event.id, a.years) for a in found] == [
        (row["event_id"], row["years"]) for row in listed["anniversaries"]
    ]
    assert [a.event.id for a in found] == ["az-jp-relations", "loan-1997"]  # 2022: a year


@pytest.mark.parametrize("sort", ["established", "next"])
def test_relations_are_the_commands(mini: Run, sort: str) -> None:
    listed = json.loads(
        mini("relations", "AZ", "--as-of", "2022-01-01", "--sort", sort, "--format", "json").output
    )
    found = api.relations(api.load(MINI), "Azerbaijan", as_of=AS_OF, sort=sort)
    assert [p.code for p in found] == [row["partner"] for row in listed["partners"]]
    assert found[0].next_milestone is not None


def test_a_bad_sort_or_country_is_refused() -> None:
    events = api.load(MINI)
    with pytest.raises(ValueError, match="sort must be"):
        api.relations(events, "AZ", as_of=AS_OF, sort="nearest")
    with pytest.raises(UnknownCountry, match="unknown country 'Atlantis'"):
        api.timeline(events, "Atlantis", as_of=AS_OF)
    with pytest.raises(UnknownCountry):
        api.anniversaries(events, 2022, pair=["AZ", "Atlantis"])


def test_load_merges_stores_in_order(make_store: Callable[..., Path]) -> None:
    first = make_store([event(id="e-1", title="First")], "first.json")
    second = make_store([event(id="e-1", title="Second"), event(id="e-2")], "second.json")
    assert [e.title for e in api.load(first, second) if e.id == "e-1"] == ["Second"]
    assert len(api.load(first, second)) == 2
    bundled = api.load()
    with_mine = api.load(first, bundled=True)
    assert len(with_mine) == len(bundled) + 1
    assert api.load(bundled=False) == ()


def test_load_says_what_is_wrong_with_a_store(make_store: Callable[..., Path]) -> None:
    bad = make_store([event(date="1992-13-01")])
    with pytest.raises(StoreError, match=r"store\.json: \$\.events\[0\]\.date"):
        api.load(bad)
