"""What an entry of the State Department's guide is about (bilat.importers.rdcr_headings):
the kinds a heading names, why a heading is skipped, and who acted. test_rdcr.py holds
the first cases of each; these are the rules between the features."""

from __future__ import annotations

import pytest

from bilat.importers.rdcr_headings import (
    FEATURES,
    classify,
    mission_owner,
    recognition_by,
    severed_by,
)
from bilat.vocab import KINDS


def test_every_feature_is_a_kind() -> None:
    kinds = [kind for kind, _ in FEATURES]
    assert len(set(kinds)) == len(kinds)
    assert set(kinds) <= set(KINDS)


@pytest.mark.parametrize(
    ("heading", "kinds"),
    [
        # an elevation opens no new mission
        (
            "Establishment of American Legation and Elevation to Embassy, 1950.",
            ["embassy-raised", "legation-opened"],
        ),
        # a closure opens nothing, unless the heading says so
        ("Closure of American Embassy and Legation, 1941.", ["embassy-closed"]),
        ("Closure and Reopening of American Embassy, 1991.", ["embassy-closed", "embassy-opened"]),
        # a re-establishment or a resumption is a restoration, not a first establishment
        ("Re-Opening of Diplomatic Relations, 1814.", ["relations-restored"]),
        ("Diplomatic Relations Resumed, 1960.", ["relations-restored"]),
        # "other" is dropped beside a kind of its own, kept alone
        (
            "Establishment of Diplomatic Relations; Ambassador Presents Credentials, 1992.",
            ["diplomatic-relations"],
        ),
        (
            "The first U.S. consul at Rome, John Baptiste Sartori, was appointed on June 26, 1797.",
            ["consulate-opened"],
        ),
        ("Presents Credentials, 1992.", ["other"]),
        ("First American Minister Appointed, 1850.", ["other"]),
        ("Reopening of American Embassy, 1992.", ["embassy-opened"]),
        ("Ambassadorial relations, 1960.", ["embassy-raised"]),
        ("Establishment of Consular Relations, 1800.", ["consulate-opened"]),
        ("25th Anniversary of Relations, 2017.", ["anniversary-event"]),
    ],
)
def test_the_rules_between_features(heading: str, kinds: list[str]) -> None:
    assert classify(heading) == (kinds, None)


@pytest.mark.parametrize(
    ("heading", "reason"),
    [
        # vetoes: whatever else the heading names
        ("Non-Recognition of the Baltic States, 1940.", "recognition withheld or withdrawn"),
        ("U.S. Recognition of X Withdrawn, 1950.", "recognition withheld or withdrawn"),
        ("International Recognition, 1991.", "recognition by many states"),
        ("Formation of the United Arab Republic, 1958.", "a union of states formed"),
        ("Consulate General Changed to Embassy, 1950.", "a consular post changed"),
        ("Embassy Moved from Tokyo to Kyoto, 1950.", "a mission moved"),
        # skips: a heading with no feature
        ("No Consular Presence.", "says that nothing happened"),
        ("Legation Relocated, 1920.", "a mission moved"),
        ("Assassination of the Ambassador, 1979.", "an incident or a war"),
        ("Dissolution of the Soviet Union, 1991.", "a change of state or government"),
        ("American Consuls in the Country.", "consular posts in the country"),
        ("Trade and Commerce.", "not an act between the two states"),
    ],
)
def test_skipped_headings_give_their_reason(heading: str, reason: str) -> None:
    assert classify(heading) == ([], reason)


@pytest.mark.parametrize(
    "heading", ["No Diplomatic Relations Established.", "No treaty or agreement signed."]
)
def test_a_heading_that_says_nothing_happened_is_skipped(heading: str) -> None:
    assert classify(heading) == ([], "says that nothing happened")


@pytest.mark.parametrize(
    ("heading", "owner"),
    [
        ("American Recognition of Chile, 1823.", "US"),
        ("United States Recognition of Tuvalu, 1978.", "US"),
        ("Recognition of Tuvalu, 1978.", "US"),  # the guide records the U.S.'s acts
        ("Recognition of the Independence of the United States, 1777.", "partner"),
        ("Recognition of the U.S., 1783.", "partner"),
        ("Recognition between the Two States, 1850.", None),
    ],
)
def test_recognition_by(heading: str, owner: str | None) -> None:
    assert recognition_by(heading) == owner


@pytest.mark.parametrize(
    ("heading", "kind", "owner"),
    [
        ("Establishment of the U.S. Legation, 1850.", "legation-opened", "US"),
        ("Establishment of Mexican Embassy in Washington, 1899.", "embassy-opened", "partner"),
        ("Opening of Embassy in Washington, 1990.", "embassy-opened", "partner"),
        ("Closure of Turkish Embassy, 1940.", "embassy-closed", "partner"),
        ("Côte d’Ivoire Embassy Opened, 1960.", "embassy-opened", "partner"),
        ("Re-Opening of Embassy, 1992.", "embassy-opened", "US"),  # an action, no adjective
        ("Elevation of Legation to Embassy Status, 1950.", "embassy-raised", "US"),
        ("Ambassadorial Relations, 1960.", "embassy-raised", None),  # no mission named
        ("Ambassadorial Relations, 1960.", "embassy-opened", "US"),
    ],
)
def test_mission_owner(heading: str, kind: str, owner: str | None) -> None:
    assert mission_owner(heading, kind) == owner


@pytest.mark.parametrize(
    ("heading", "state"),
    [
        ("Diplomatic Relations Severed by Mexico", "Mexico"),
        ("Diplomatic Relations Severed by Mexico.", "Mexico"),
        ("Suspension of Diplomatic Relations by the United States", "United States"),
        ("Diplomatic Relations Severed", None),
        ("Relations severed by mutual consent", None),
    ],
)
def test_severed_by(heading: str, state: str | None) -> None:
    assert severed_by(heading) == state


@pytest.mark.parametrize(
    ("heading", "state"),
    [
        ("Diplomatic Relations Severed by France, 1942.", "France"),
        ("Diplomatic Relations Severed by the United States, 1858.", "United States"),
        ("Suspension of Diplomatic Relations by the United States, 1976.", "United States"),
        ("Diplomatic Relations Severed by the U.S.", "U.S."),
        ("Diplomatic Relations Severed, 1917.", None),
    ],
)
def test_severed_by_in_a_heading_with_its_year(heading: str, state: str | None) -> None:
    assert severed_by(heading) == state
