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


#: Names that take "the" in running text ("between the United States and Japan").
_WITH_THE = frozenset(
    {"United States", "United Kingdom", "Bahamas", "Central African Republic", "Comoros"}
    | {"Czech Republic", "Dominican Republic", "Gambia", "Holy See", "Isle of Man"}
    | {"Maldives", "Netherlands", "Caribbean Netherlands", "Philippines", "Soviet Union"}
)
_THE_ENDINGS = ("Islands", "Territory", "Territories", "Antilles", "Emirates")


def in_sentence(code: str) -> str:
    """A country's name as running text writes it: with "the" where English puts one."""
    text = name(code)
    if text in _WITH_THE or text.endswith(_THE_ENDINGS):
        return f"the {text}"
    return text


def press_line(a: Anniversary, pair: tuple[str, str]) -> str:
    e = a.event
    head = f"{long_date(a.date)} marks the {ordinal(a.years)} anniversary of"
    if e.kind == "diplomatic-relations":
        first, second = (in_sentence(code) for code in pair)
        return f"{head} the establishment of diplomatic relations between {first} and {second}."
    if e.kind == "recognition" and e.by:
        other = next(p for p in e.parties if p != e.by)
        return f"{head} the recognition of {in_sentence(other)} by {in_sentence(e.by)}."
    first, second = (name(code) for code in pair)
    return f"{head} “{stored_title(e)}” ({first} – {second})."


def title(event: Event, pair: tuple[str, str]) -> str | None:
    return None  # the store's titles are written in English
