"""The State Department's guide: real articles from the vendored snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.importers import Imported, rdcr
from bilat.importers.rdcr_headings import classify, mission_owner, recognition_by
from bilat.model import Event
from bilat.vocab import StoreError
from tests.helpers import ROOT

GUIDE = ROOT / "data" / "sources" / "rdcr"


@pytest.fixture(scope="module")
def everything() -> Imported:
    return rdcr.read([str(GUIDE)])


def by_id(imported: Imported, ident: str) -> Event:
    found = [e for e in imported.events if e.id == ident]
    assert len(found) == 1, ident
    return found[0]


def test_snapshot_is_whole() -> None:
    xml = sorted(GUIDE.glob("*.xml"))
    assert len(xml) == 228
    assert (GUIDE / "LICENSE.md").is_file()
    assert (GUIDE / "README.md").is_file()


def test_japan_as_the_issue_expects() -> None:
    imported = rdcr.read([str(GUIDE / "japan.xml")])
    dates = {e.kind: e.date.isoformat() for e in imported.events}
    assert dates["recognition"] == "1854-03-31"  # not Perry's arrival of 8 July 1853
    assert dates["diplomatic-relations"] == "1858-07-29"
    assert dates["relations-suspended"] == "1941-12-08"
    assert dates["relations-restored"] == "1952-04-28"
    mutual = by_id(imported, "jp-us-recognition")
    assert mutual.by is None
    for event in imported.events:
        assert event.sources[0].url == "https://history.state.gov/countries/japan"
        assert "Office of the Historian" in event.sources[0].title
        assert event.parties == ["US", "JP"]


def test_every_entry_is_an_event_or_counted(everything: Imported) -> None:
    report = everything.report
    assert report["files"] == 228
    assert report["entries"] == 1222
    entries_with_events = 1222 - report["skipped_entries"]
    assert entries_with_events > 800
    assert report["events"] == len(everything.events)
    assert report["events"] >= entries_with_events
    counted = sum(sum(c.values()) for c in report["skipped"].values())
    assert counted == report["skipped_entries"]


def test_historical_states_are_skipped_and_named(everything: Imported) -> None:
    report = everything.report
    named = " ".join(report["historical_states_skipped"])
    for state in ("Baden", "Bavaria", "Hawaii", "Texas", "Two Sicilies", "Austrian Empire"):
        assert state in named
    codes = {p for e in everything.events for p in e.parties}
    assert {"CSHH", "DDDE"} <= codes  # former states with an ISO 3166-3 code (the USSR's
    # article has no timeline entries)
    assert len(codes - {"US"}) >= 180


def test_heading_and_prose_disagreements_are_kept_as_disputed(everything: Imported) -> None:
    report = everything.report
    listed = {(d["file"], d["heading_year"], d["prose_date"]) for d in report["disagreements"]}
    assert ("saint-lucia.xml", "1983", "1979-06-11") in listed
    assert ("nicaragua.xml", "1942", "1943-03-27") in listed
    lucia = by_id(everything, "lc-us-diplomatic-relations")
    assert lucia.date.isoformat() == "1979-06-11"
    (claim,) = lucia.disputed
    assert claim.date.isoformat() == "1983"
    assert claim.sources[0].url == "https://history.state.gov/countries/saint-lucia"


def test_no_day_is_invented(everything: Imported) -> None:
    report = everything.report
    assert report["year_precision"]
    for ident in report["year_precision"]:
        assert by_id(everything, ident).date.precision == "year"


def test_ranges_give_date_and_end_date(everything: Imported) -> None:
    posts = by_id(everything, "jp-us-consulate-opened-1862")
    assert posts.end_date.isoformat() == "1950"


def test_azerbaijan_is_the_state_departments_date(everything: Imported) -> None:
    relations = by_id(everything, "az-us-diplomatic-relations")
    assert relations.date.isoformat() == "1992-02-19"
    recognition = by_id(everything, "us-recognises-az")
    assert recognition.by == "US"


def test_ids_are_stable_and_unique(everything: Imported) -> None:
    again = rdcr.read([str(GUIDE)])
    ids = [e.id for e in everything.events]
    assert ids == [e.id for e in again.events]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    ("heading", "kinds"),
    [
        ("Establishment of Diplomatic Relations, 1992.", ["diplomatic-relations"]),
        (
            "Establishment of Diplomatic Relations and the American Embassy in Baku, 1992.",
            ["diplomatic-relations", "embassy-opened"],
        ),
        ("Elevation of American Legation to Embassy Status, 1956.", ["embassy-raised"]),
        ("Diplomatic Relations Severed by Mexico, 1914.", ["relations-severed"]),
        ("Suspension of Diplomatic Relations, 1941.", ["relations-suspended"]),
        ("Re-establishment of Diplomatic Relations, 1952.", ["relations-restored"]),
        ("Closure of American Embassy, 1991.", ["embassy-closed"]),
        ("Establishment of U.S. Liaison Office in Beijing, 1973.", ["mission-opened"]),
        ("Treaty of Amity and Commerce, 1858.", ["agreement"]),
        ("U.S. Recogntion of Tuvalu, 1978.", ["recognition"]),  # the guide's own typo
    ],
)
def test_headings_map_to_kinds(heading: str, kinds: list[str]) -> None:
    assert classify(heading) == (kinds, None)


@pytest.mark.parametrize(
    "heading",
    [
        "Baden Joins the German Empire, 1871.",
        "Embassy Moved to Chongqing, 1941.",
        "Trade and Commerce.",
        "Declaration of Accession to the Convention for the Extradition of Criminals, 1853.",
        "Marriage of Grace Kelly to Prince Rainier III, 1956.",
    ],
)
def test_headings_that_are_no_act_are_skipped_with_a_reason(heading: str) -> None:
    kinds, reason = classify(heading)
    assert kinds == []
    assert reason


def test_who_acted() -> None:
    assert recognition_by("U.S. Recognition of Azerbaijan, 1991.") == "US"
    assert recognition_by("Russian Recognition of the United States, 1803.") == "partner"
    assert recognition_by("Mutual Recognition, 1854.") is None
    assert mission_owner("Bulgarian Legation Raised to Embassy Status", "embassy-raised") == (
        "partner"
    )
    assert mission_owner("Establishment of the Australian Legation in the United States", "x") == (
        "partner"
    )
    assert mission_owner("Establishment of the American Embassy in Baku", "x") == "US"


def test_bad_files_are_one_error_naming_the_place(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>\n<body></text>')
    with pytest.raises(StoreError, match=r"broken\.xml: line 2, column \d+: invalid XML"):
        rdcr.read([str(broken)])
    foreign = tmp_path / "foreign.xml"
    foreign.write_text("<html/>")
    with pytest.raises(StoreError, match="not a TEI article"):
        rdcr.read([str(foreign)])
    with pytest.raises(StoreError, match="no such file or folder"):
        rdcr.read([str(tmp_path / "missing")])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(StoreError, match=r"no \.xml files"):
        rdcr.read([str(empty)])
