"""Event ids (bilat.ids): one scheme for the ids bilat makes, the same for the same fact."""

from __future__ import annotations

import re

import pytest

from bilat.dates import PartialDate
from bilat.ids import event_id, unique_id
from bilat.model import ID_PATTERN
from tests.helpers import make_event as make

DAY = PartialDate(1906, 5, 26)


@pytest.mark.parametrize(
    ("kind", "parties", "by", "expected"),
    [
        ("diplomatic-relations", ["US", "JP"], None, "jp-us-diplomatic-relations"),
        ("diplomatic-relations", ["JP", "US"], "US", "jp-us-diplomatic-relations"),
        ("recognition", ["JP", "US"], "US", "us-recognises-jp"),
        ("recognition", ["JP", "US"], None, "jp-us-recognition"),
        ("embassy-opened", ["US", "JP"], "US", "jp-us-embassy-opened-1906-05-26"),
        ("visit", ["TR", "AZ", "JP"], None, "az-jp-tr-visit-1906-05-26"),
    ],
)
def test_the_same_fact_has_the_same_id(
    kind: str, parties: list[str], by: str | None, expected: str
) -> None:
    made = event_id(kind, parties, by, DAY)
    assert made == expected
    assert re.fullmatch(ID_PATTERN, made)
    assert event_id(kind, parties[::-1], by, DAY) == made  # the order of the parties


VISIT = {"kind": "visit", "date": "2020", "title": "A visit"}


@pytest.mark.parametrize(
    ("parties", "taken", "expected"),
    [
        (["AZ", "JP"], set(), "az-jp-visit-2020"),
        (["JP", "AZ"], {"az-jp-visit-2020"}, "az-jp-visit-2020-2"),
        (["AZ", "JP"], {"az-jp-visit-2020", "az-jp-visit-2020-2"}, "az-jp-visit-2020-3"),
        (["JP", "AZ", "TR"], {"az-jp-visit-2020"}, "az-jp-tr-visit-2020"),
    ],
)
def test_a_new_id_is_numbered_when_taken(
    parties: list[str], taken: set[str], expected: str
) -> None:
    made = unique_id(make(parties=parties, **VISIT), taken)
    assert made == expected
    assert re.fullmatch(ID_PATTERN, made)
    assert made not in taken


def test_a_new_id_of_a_fact_that_happens_once_is_the_importers() -> None:
    relations = make(kind="diplomatic-relations", date="1992-09-07")
    assert unique_id(relations, set()) == "az-jp-diplomatic-relations"
    recognition = make(kind="recognition", by="JP", date="1991-12-28")
    assert unique_id(recognition, {"jp-recognises-az"}) == "jp-recognises-az-2"
