"""English: the built-in language (no Babel). Its titles are the store's own."""

from __future__ import annotations

from bilat.domain import Anniversary, Event
from bilat.domain import ordinal as _ordinal
from bilat.render.common import long_date, name
from bilat.render.common import title as stored_title


def year(year: int) -> str:
    return str(year)


def ordinal(n: int) -> str:
    return _ordinal(n)


def anniversary(n: int) -> str:
    return f"{_ordinal(n)} anniversary"


def press_line(a: Anniversary, pair: tuple[str, str]) -> str:
    e = a.event
    first, second = (name(code) for code in pair)
    head = f"{long_date(a.date)} marks the {ordinal(a.years)} anniversary of"
    if e.kind == "diplomatic-relations":
        return f"{head} the establishment of diplomatic relations between {first} and {second}."
    if e.kind == "recognition" and e.by:
        other = next(p for p in e.parties if p != e.by)
        return f"{head} the recognition of {name(other)} by {name(e.by)}."
    return f"{head} “{stored_title(e)}” ({first} – {second})."


def title(event: Event, pair: tuple[str, str]) -> str | None:
    return None  # the store's titles are written in English
