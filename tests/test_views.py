"""What the commands and the API share, in the core (bilat.views): the commemoration rule
and the view of a pair or of one country."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bilat.dates import PartialDate
from bilat.domain import Event, TimelineEntry
from bilat.views import commemorated, pair_view
from tests.helpers import make_event as make
from tests.helpers import typed_sources

AS_OF = dt.date(2022, 9, 7)
RELATIONS = make(id="rel")  # AZ-JP, 1992-09-07
LETTER = make(id="letter", kind="letter", date="2002-09-07",
              letter={"author": "A", "recipient": "B"})  # fmt: skip
VISIT = make(id="visit", kind="visit", date="2006-03-07", sources=typed_sources("official"))
OTHER = make(id="az-tr", date="1992-01-14", parties=["AZ", "TR"])
EVENTS = [RELATIONS, LETTER, VISIT, OTHER]


def ids(found: Sequence[Event | TimelineEntry]) -> list[str]:
    return [e.id if isinstance(e, Event) else e.event.id for e in found]


def test_letters_and_anniversary_events_are_commemorated_only_when_asked_for() -> None:
    assert ids(commemorated(EVENTS)) == ["rel", "visit", "az-tr"]
    assert ids(commemorated(EVENTS, kinds=["letter"])) == ["letter"]
    assert ids(commemorated(EVENTS, countries=["TR"])) == ["az-tr"]
    assert ids(commemorated(EVENTS, pair=["AZ", "JP"])) == ["rel", "visit"]
    assert ids(commemorated(EVENTS, evidence="official")) == ["visit"]


def test_a_pairs_view_holds_its_events_and_how_long_its_relations_have_lasted() -> None:
    view = pair_view(EVENTS, ["AZ", "JP"], AS_OF)
    assert ids(view.entries) == ["rel", "letter", "visit"]
    assert view.focus == ("AZ", "JP")
    assert view.as_of == AS_OF
    assert view.relations is RELATIONS
    assert str(view.years) == "30"
    assert view.since == PartialDate.parse("1992-09-07")
    assert view.known


def test_the_years_come_from_every_event_not_only_those_selected() -> None:
    view = pair_view(EVENTS, ["AZ", "JP"], AS_OF, kinds=["visit"], since=PartialDate.parse("2000"))
    assert ids(view.entries) == ["visit"]
    assert view.relations is RELATIONS  # not selected, still dates the pair's relations
    narrow = pair_view(EVENTS, ["JP", "AZ"], AS_OF, until=PartialDate.parse("1999"))
    assert ids(narrow.entries) == ["rel"]
    assert ids(pair_view(EVENTS, ["AZ", "JP"], AS_OF, evidence="official").entries) == ["visit"]


def test_one_country_has_no_years_of_relations_and_an_unknown_pair_is_not_known() -> None:
    one = pair_view(EVENTS, ["AZ"], AS_OF)
    assert len(one.entries) == 4
    assert one.relations is None
    assert one.years is None
    assert one.since is None
    unknown = pair_view(EVENTS, ["JP", "TR"], AS_OF)
    assert unknown.entries == []
    assert not unknown.known
    assert unknown.since is None
