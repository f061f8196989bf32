"""The English titles that are formulas of an event's fields ("Italy recognises
Azerbaijan", "Embassy of Japan opens in Baku", "Diplomatic relations restored
(1848-12-04)"): recognised here, so that each language can build its own from the same
fields. A title is a formula only when it is exactly what the fields give; anything else
is free text and stays as stored (never translated on the fly).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from bilat import countries
from bilat.domain import Event
from bilat.render.common import name

#: Formulas whose subject is the acting party (``by``): key -> the English, ``{by}`` and
#: ``{other}`` the English names.
ACTS = {
    "recognises": "{by} recognises {other}",
    "embassy-in": "Embassy of {by} opens in {place}",
    "opens-embassy": "{by} opens an embassy",
    "opens-legation": "{by} opens a legation",
    "raises-legation": "{by} raises its legation to an embassy",
    "closes-mission": "{by} closes or suspends its mission",
    "reopens-embassy": "{by} reopens its embassy",
    "reopens-legation": "{by} reopens its legation",
    "opens-mission": "{by} opens a mission short of an embassy",
    "opens-consulates": "{by} opens consular posts",
    "severs": "{by} severs diplomatic relations",
}

#: Formulas that name no party: key -> (the kind it belongs to, the English).
STATES = {
    "established": ("diplomatic-relations", "Diplomatic relations established"),
    "restored": ("relations-restored", "Diplomatic relations restored"),
    "suspended": ("relations-suspended", "Diplomatic relations suspended"),
    "severed": ("relations-severed", "Diplomatic relations severed"),
    "consular": ("consulate-opened", "Consular relations established"),
    "mutual": ("recognition", "Mutual recognition"),
    "legations-raised": ("embassy-raised", "Legations raised to embassies"),
}

_DATED = re.compile(r"(?P<head>.*?)(?P<tail> \(\d{4}-\d\d-\d\d\))?", re.DOTALL)


class Formula(NamedTuple):
    """A title recognised as a formula: which one, the codes it names, the place (as
    stored, or in the reader's language where it is a party's name) and the ISO date
    that follows it (" (1848-12-04)", or "")."""

    key: str
    by: str | None
    other: str | None
    place: str | None
    tail: str


def formula(event: Event) -> Formula | None:
    """The formula the event's title is, or None (free text)."""
    found = _DATED.fullmatch(event.title)
    assert found is not None  # the pattern matches every string
    head, tail = found["head"], found["tail"] or ""
    for key, (kind, english) in STATES.items():
        if event.kind == kind and head == english:
            return Formula(key, None, None, None, tail)
    by = event.by
    if by is None or len(event.parties) != 2:
        return None
    (other,) = event.partners(by)
    names = {"by": countries.name(by), "other": countries.name(other)}
    # The place as stored, else the other country ("Embassy of Japan opens in Tajikistan").
    stored = event.place or names["other"]
    place = stored
    for code in event.parties:  # a place that is a party's name is that country
        if stored == countries.name(code):
            place = name(code)
    for key, english in ACTS.items():
        if head == english.format(place=stored, **names):
            return Formula(key, by, other, place, tail)
    return None


def formula_title(
    event: Event, acts: Mapping[str, str], other: Callable[[str], str] = str
) -> str | None:
    """The event's formula title in a language whose templates are ``acts`` (by formula
    key: ``{by}`` the acting state, ``{other}`` and ``{other_acc}`` the other one, as
    ``other`` declines its name, ``{place}``), or None when the title is no formula."""
    found = formula(event)
    if found is None:
        return None
    other_name = other(name(found.other)) if found.other else ""
    return (
        acts[found.key].format(
            by=name(found.by) if found.by else "",
            other=other_name,
            other_acc=other_name,
            place=found.place,
        )
        + found.tail
    )
