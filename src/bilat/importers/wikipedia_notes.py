"""What a list row's note says happened to the relations, and when: "re-established on
5 May 1992", "severed in 1979", "suspended from 20 January 2020 to 16 September 2021".

Read from the note's plain text (its markup already gone), phrase by phrase: a verb of
restoration, severance or suspension, then a date right after it ("severed 24 February
2022") or, in the same sentence, after "on", "in", "from" or "since"; a date ("5 May 1992", "May 5, 1992", "May 1992", "1992"); "to" or "until"
and a second date after a suspension is its end, a restoration. A phrase without a date
gives nothing: a mark such as "(suspended)" says how things stand, not when they changed.
Pure.
"""

from __future__ import annotations

import re

from bilat.dates import PartialDate
from bilat.importers.wikipedia_cells import date_of_text

__all__ = ["TITLES", "acts"]

TITLES = {
    "relations-restored": "Diplomatic relations restored",
    "relations-severed": "Diplomatic relations severed",
    "relations-suspended": "Diplomatic relations suspended",
}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|{_MONTH},?\s+\d{{4}}|\d{{4}})"
)
_VERBS = {
    "relations-restored": r"re-?established|restored|resumed|renewed|normali[sz]ed",
    "relations-severed": r"severed|broken\s+off|broke\s+off|cut\s+off|terminated",
    "relations-suspended": r"suspended|frozen|interrupted",
}
_PHRASES = [
    (
        kind,
        re.compile(
            rf"\b(?:{verbs})(?:\s+|\b[^.;]*?\b(?:on|in|from|since)\s+)(?P<date>{_DATE})"
            rf"(?:\s+(?:to|until)\s+(?P<end>{_DATE}))?",
            re.IGNORECASE,
        ),
    )
    for kind, verbs in _VERBS.items()
]


def acts(text: str) -> list[tuple[str, PartialDate]]:
    """The (kind, date) of each dated act the text states, in order of kind then place."""
    found: list[tuple[str, PartialDate]] = []
    for kind, phrase in _PHRASES:
        for match in phrase.finditer(text):
            date = date_of_text(match["date"])
            if date is not None and (kind, date) not in found:
                found.append((kind, date))
            end = date_of_text(match["end"] or "")
            if kind == "relations-suspended" and end is not None:
                found.append(("relations-restored", end))
    return found
