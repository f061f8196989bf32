"""The one merge rule of every importer: nothing lost, nothing twice."""

from __future__ import annotations

from bilat.merge import plan
from tests.helpers import make_event as make


def source(name: str) -> list[dict[str, str]]:
    return [{"title": name, "url": f"https://{name}.example/"}]


def test_once_kinds_are_one_event_per_pair_whatever_the_id() -> None:
    kept = make(id="az-jp-diplomatic-relations", sources=source("mofa"))
    same_day = make(id="jp-az-relations", sources=source("guide"))
    merged = plan([kept], [same_day])
    assert merged.added == ()
    (updated,) = merged.updated
    assert updated.id == "az-jp-diplomatic-relations"
    assert [s.title for s in updated.sources] == ["mofa", "guide"]


def test_another_date_becomes_a_disputed_claim_with_its_sources() -> None:
    kept = make(id="az-us-diplomatic-relations", date="1992-02-28", parties=["AZ", "US"])
    other = make(id="x", date="1992-02-19", parties=["US", "AZ"], sources=source("guide"))
    (updated,) = plan([kept], [other]).updated
    assert updated.date.isoformat() == "1992-02-28"  # the store's event keeps its date
    (claim,) = updated.disputed or ()
    assert claim.date is not None
    assert claim.date.isoformat() == "1992-02-19"
    assert claim.sources[0].title == "guide"
    again = plan([updated], [other])
    assert again.updated == ()
    assert len(again.present) == 1


def test_recognition_is_once_per_recognising_state() -> None:
    by_jp = make(id="jp-recognises-az", kind="recognition", by="JP", date="1991-12-28")
    by_az = make(id="az-recognises-jp", kind="recognition", by="AZ", date="1992-01-01")
    merged = plan([by_jp], [by_az])
    assert [e.id for e in merged.added] == ["az-recognises-jp"]


def test_recurring_kinds_match_on_the_date() -> None:
    visit = make(id="v-1", kind="visit", date="2006-03-07", title="A visit")
    same = make(id="v-2", kind="visit", date="2006-03-07", title="The same visit")
    later = make(id="v-3", kind="visit", date="2008-01-01", title="Another visit")
    merged = plan([visit], [same, later])
    assert [e.id for e in merged.added] == ["v-3"]
    assert len(merged.present) == 1


def test_an_event_imported_twice_in_one_batch_counts_once() -> None:
    first = make(id="a", kind="agreement", date="2000", sources=source("one"))
    second = make(id="b", kind="agreement", date="2000", sources=source("two"))
    merged = plan([], [first, second])
    (added,) = merged.added
    assert [s.title for s in added.sources] == ["one", "two"]


def test_a_second_establishment_in_one_import_is_its_own_event() -> None:
    qing = make(id="cn-us-diplomatic-relations", parties=["US", "CN"], date="1844")
    prc = make(id="cn-us-diplomatic-relations-1979", parties=["US", "CN"], date="1979-01-01")
    merged = plan([], [qing, prc])
    assert [e.id for e in merged.added] == [qing.id, prc.id]
