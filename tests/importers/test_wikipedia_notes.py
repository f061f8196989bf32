"""Dated acts in a list row's note (bilat.importers.wikipedia_notes)."""

from __future__ import annotations

import pytest

from bilat.dates import PartialDate
from bilat.importers.wikipedia_notes import acts


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Relations were suspended from 20 January 2020 to 16 September 2021.",
            [("relations-suspended", "2020-01-20"), ("relations-restored", "2021-09-16")],
        ),
        ("Re-established on May 5, 1992", [("relations-restored", "1992-05-05")]),
        ("relations restored in March 1970", [("relations-restored", "1970-03")]),
        (
            "Severed in 1979; resumed in 1990.",
            [("relations-restored", "1990"), ("relations-severed", "1979")],
        ),
        ("broken off since 14 Feb. 2022", [("relations-severed", "2022-02-14")]),
        (
            "frozen on 2 February 2002 until 2004",
            [("relations-suspended", "2002-02-02"), ("relations-restored", "2004")],
        ),
        ("suspended", []),
        ("(severed)", []),
        ("Severed. In 1979 an embassy opened.", []),
        ("suspended on 30 February 2020", []),
        ("Suspended in 1990 and suspended in 1990", [("relations-suspended", "1990")]),
    ],
)
def test_acts(text: str, found: list[tuple[str, str]]) -> None:
    assert acts(text) == [(kind, PartialDate.parse(date)) for kind, date in found]
