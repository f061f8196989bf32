"""The State Department's guide: small articles of our own writing, in the guide's TEI
shape (tests/importers/data/rdcr/). The real guide's extraction is checked against the
committed claims in tests/test_build.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bilat.importers import Imported, rdcr
from bilat.importers.rdcr_headings import classify, mission_owner, recognition_by
from bilat.model import Event
from bilat.vocab import StoreError
from tests.helpers import RDCR_ARTICLE

GUIDE = Path(__file__).parent / "data" / "rdcr"


@pytest.fixture(scope="module")
def everything() -> Imported:
    return rdcr.read([str(GUIDE)])


def by_id(imported: Imported, ident: str) -> Event:
    found = [e for e in imported.events if e.id == ident]
    assert len(found) == 1, ident
    return found[0]


def test_japan_as_the_issue_expects() -> None:
    imported = rdcr.read([str(GUIDE / "japan.xml")])
    dates = {e.kind: e.date.isoformat() for e in imported.events}
    assert dates["recognition"] == "1854-03-31"  # not the squadron's arrival of 8 July 1853
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
    assert report["files"] == 9
    assert report["entries"] == 24
    assert report["skipped_entries"] == 4
    assert report["skipped"] == {
        "historical state without a code": {"Baden": 1, "Federation of Mali": 1},
        "no heading": {"japan.xml": 1},
        "not an act between the two states": {"Trade and Commerce.": 1},
    }
    assert report["events"] == len(everything.events) == 19
    assert report["merged"] == 4


def test_historical_states_are_skipped_and_named(everything: Imported) -> None:
    assert everything.report["historical_states_skipped"] == ["Baden", "Federation of Mali"]
    codes = {p for e in everything.events for p in e.parties}
    assert codes == {"US", "AZ", "DDDE", "DE", "JP", "LC", "ML", "TV", "YDYE", "YE"}


def test_a_state_beside_the_files_is_its_own(everything: Imported) -> None:
    # East Germany in Germany's article, South Yemen in Yemen's (by the heading, or by the
    # sentence that dates a heading naming no state), the Federation of Mali in Mali's
    # (no code: skipped), never filed under the present state.
    assert by_id(everything, "de-us-diplomatic-relations").date.isoformat() == "1955-05-06"
    assert by_id(everything, "us-ye-diplomatic-relations").date.isoformat() == "1946-03-04"
    assert by_id(everything, "us-ydye-diplomatic-relations").date.isoformat() == "1967-12-07"
    severed = by_id(everything, "us-ydye-relations-severed-1969-10-24")
    assert severed.parties == ["US", "YDYE"]
    mali = by_id(everything, "us-recognises-ml")
    assert mali.date.isoformat() == "1960-09-24"  # the Republic, not the Federation
    assert not any(e.id.startswith("de-us-") and "1974" in e.id for e in everything.events)


def test_one_happening_is_one_event_citing_every_page(everything: Imported) -> None:
    relations = by_id(everything, "ddde-us-diplomatic-relations")
    assert relations.date.isoformat() == "1974-09-04"
    pages = [s.url for s in relations.sources]
    assert pages == [
        "https://history.state.gov/countries/german-democratic-republic",
        "https://history.state.gov/countries/germany",
    ]
    # the embassy's opening, dated by its own sentence, is not a second establishment,
    # and the establishment's day is not the embassy's
    embassy = by_id(everything, "ddde-us-embassy-opened-1974-12-09")
    assert len(embassy.sources) == 2
    kinds = [(e.kind, e.date.isoformat()) for e in everything.events if "DDDE" in e.parties]
    assert sorted(kinds) == [
        ("diplomatic-relations", "1974-09-04"),
        ("embassy-opened", "1974-12-09"),
    ]


def test_the_printed_year_over_a_slip_of_the_markup(everything: Imported) -> None:
    treaty = by_id(everything, "de-us-agreement-1923")
    assert treaty.date.isoformat() == "1923"  # printed 1923, marked up 1928
    assert treaty.title == "Commercial Treaty"  # the guide's misspelling corrected
    assert everything.report["markup_slips"] == [
        {
            "file": "germany.xml",
            "heading": "Commericial Treaty, 1923.",
            "markup": "1928",
            "printed": "1923",
        }
    ]


def test_heading_and_prose_disagreements_are_kept_as_disputed(everything: Imported) -> None:
    report = everything.report
    listed = {(d["file"], d["heading_year"], d["prose_date"]) for d in report["disagreements"]}
    assert listed == {("saint-lucia.xml", "1983", "1979-06-11")}
    lucia = by_id(everything, "lc-us-diplomatic-relations")
    assert lucia.date.isoformat() == "1979-06-11"
    (claim,) = lucia.disputed
    assert claim.date.isoformat() == "1983"
    assert claim.sources[0].url == "https://history.state.gov/countries/saint-lucia"


def test_no_day_is_invented(everything: Imported) -> None:
    report = everything.report
    assert report["year_precision"] == [
        "de-us-agreement-1923",
        "jp-us-consulate-opened-1862",
        "us-recognises-tv",
    ]
    for ident in report["year_precision"]:
        assert by_id(everything, ident).date.precision == "year"


def test_ranges_give_date_and_end_date(everything: Imported) -> None:
    posts = by_id(everything, "jp-us-consulate-opened-1862")
    assert posts.end_date.isoformat() == "1950"


def test_one_heading_may_give_two_events(everything: Imported) -> None:
    relations = by_id(everything, "az-us-diplomatic-relations")
    assert relations.date.isoformat() == "1992-02-19"
    recognition = by_id(everything, "us-recognises-az")
    assert recognition.by == "US"
    embassy = by_id(everything, "az-us-embassy-opened-1992-03-16")
    assert (embassy.by, embassy.title) == ("US", "United States opens an embassy")


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


def test_a_fifo_or_a_device_is_not_a_regular_file(tmp_path: Path) -> None:
    """As every input is refused (bilat.inputs), not "no such file or folder"."""
    fifo = tmp_path / "fifo.xml"
    os.mkfifo(fifo)
    for name in (str(fifo), "/dev/zero", "/dev/null"):
        with pytest.raises(StoreError, match=rf"^{name}: not a regular file \(a device, a FIFO"):
            rdcr.read([name])


def test_a_folders_entries_that_are_not_regular_files_are_counted(tmp_path: Path) -> None:
    (tmp_path / "japan.xml").write_text(RDCR_ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.xml")
    (tmp_path / "folder.xml").mkdir()
    (tmp_path / "dangling.xml").symlink_to(tmp_path / "nowhere")
    imported = rdcr.read([str(tmp_path)])
    assert [e.date.isoformat() for e in imported.events] == ["1859-07-07"]
    assert imported.report["files"] == 1
    skipped = ["dangling.xml", "fifo.xml", "folder.xml"]
    assert imported.report["files_skipped"] == [str(tmp_path / name) for name in skipped]
