"""The one merge rule of every importer: nothing lost, nothing twice."""

from __future__ import annotations

import pytest

from bilat.reconcile import fold_title, plan
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


def test_recurring_kinds_match_on_the_date_and_the_folded_title() -> None:
    visit = make(id="v-1", kind="visit", date="2006-03-07", title="A state visit")
    same = make(id="v-2", kind="visit", date="2006-03-07", title="a  STATE visit.")
    later = make(id="v-3", kind="visit", date="2008-01-01", title="A state visit")
    merged = plan([visit], [same, later])
    assert [e.id for e in merged.added] == ["v-3"]
    assert len(merged.present) == 1
    assert merged.matched == (("v-2", "v-1"),)


def test_two_agreements_of_one_day_are_two_events() -> None:
    """The merge rule of before took the pair, kind and date for the event: the second
    agreement of 1998-02-26 lost its title and lent its sources to the first."""
    first = make(id="a", kind="agreement", date="1998-02-26", title="Joint statement")
    second = make(id="b", kind="agreement", date="1998-02-26", title="Loan notes")
    merged = plan([first], [second])
    assert [e.title for e in merged.added] == ["Loan notes"]
    assert merged.updated == ()
    assert merged.matched == ()


def test_an_importers_id_taken_by_another_event_becomes_its_own() -> None:
    day = {"kind": "agreement", "date": "1998-02-26", "parties": ["AZ", "JP"]}
    stored = make(id="az-jp-agreement-1998-02-26", title="Joint statement", **day)
    other = make(id="az-jp-agreement-1998-02-26", title="Loan notes", **day)
    third = make(id="az-jp-agreement-1998-02-26", title="Cultural exchange", **day)
    merged = plan([stored], [other, third])
    assert [e.id for e in merged.added] == [
        "az-jp-agreement-1998-02-26-2",
        "az-jp-agreement-1998-02-26-3",
    ]
    again = plan([stored, *merged.added], [other, third])
    assert again.added == again.updated == ()
    assert [b for _, b in again.matched] == [e.id for e in merged.added]


def test_the_same_id_and_title_is_the_same_event_on_another_date() -> None:
    stored = make(id="visit-1", kind="visit", date="2006-03-07", title="State visit")
    moved = make(id="visit-1", kind="visit", date="2006-03-08", title="State visit")
    (updated,) = plan([stored], [moved]).updated
    (claim,) = updated.disputed or ()
    assert claim.date is not None
    assert claim.date.isoformat() == "2006-03-08"


def test_a_claim_disputes_only_what_differs() -> None:
    """Before, an end date alone in dispute gave a claim repeating the event's date,
    which validate refuses ('the disputed date equals the event's')."""
    kept = make(id="v", kind="visit", date="1998-02-24", end_date="1998-02-28", title="V")
    other = make(id="v", kind="visit", date="1998-02-24", end_date="1998-02-27", title="V")
    (updated,) = plan([kept], [other]).updated
    (claim,) = updated.disputed or ()
    assert claim.date is None
    assert claim.end_date is not None
    assert claim.end_date.isoformat() == "1998-02-27"


def test_an_event_imported_twice_in_one_batch_counts_once() -> None:
    first = make(id="a", kind="agreement", date="2000", sources=source("one"))
    second = make(id="b", kind="agreement", date="2000", sources=source("two"))
    merged = plan([], [first, second])
    (added,) = merged.added
    assert [s.title for s in added.sources] == ["one", "two"]
    assert merged.matched == (("b", "a"),)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Agreement on visas", "agreement on  visas.", True),
        ("Agreement on visas", "Agreement on visas (2)", False),
        ("Ｆｕｌｌ width", "full width", True),
        ("Cultural exchange", "Culture exchange", False),
    ],
)
def test_fold_title(a: str, b: str, same: bool) -> None:
    assert (fold_title(a) == fold_title(b)) is same


def test_a_second_establishment_in_one_import_is_its_own_event() -> None:
    qing = make(id="cn-us-diplomatic-relations", parties=["US", "CN"], date="1844")
    prc = make(id="cn-us-diplomatic-relations-1979", parties=["US", "CN"], date="1979-01-01")
    merged = plan([], [qing, prc])
    assert [e.id for e in merged.added] == [qing.id, prc.id]
