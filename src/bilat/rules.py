"""The rules of the store format beyond its types: written once, used everywhere.

The loader (:mod:`bilat.codec`), ``bilat validate`` (:func:`bilat.store.check`), the
build tools and the JSON Schema generator all take their rules from here. Each rule yields
a :data:`Problem`: the JSON path of the record and what is wrong there. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from . import _country_table, countries
from .model import CODE_PATTERN, ID_PATTERN, LANGUAGE_PATTERN, Event, Source
from .vocab import KINDS, StoreError

__all__ = [
    "DATE_PATTERN",
    "PAST_ONLY",
    "PATTERN_NAMES",
    "STRICT_DATE_PATTERN",
    "Problem",
    "event_problems",
    "likely_duplicates",
    "lint",
    "problems",
    "strengthen_schema",
    "validate",
]

# A date string as the format allows it; the loader checks the calendar on top of this.
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

PATTERN_NAMES = {
    ID_PATTERN: "an id of lower-case words joined by hyphens (like az-jp-visit-2006)",
    CODE_PATTERN: "an upper-case country code (like AZ, or SUHH for the USSR)",
    DATE_PATTERN: "a date YYYY, YYYY-MM or YYYY-MM-DD",
    LANGUAGE_PATTERN: "a language tag (like ja, az or zh-Hant)",
}


Problem = tuple[str, str]
"""A JSON path and what is wrong there."""


def event_problems(event: Event, at: str) -> Iterator[Problem]:
    """The rules of one event beyond its types, with their paths under ``at``."""
    if not _ID_RE.match(event.id):
        yield f"{at}.id", f"Expected {PATTERN_NAMES[ID_PATTERN]}"
    for j, code in enumerate(event.parties):
        if not _CODE_RE.match(code):
            yield f"{at}.parties[{j}]", f"Expected {PATTERN_NAMES[CODE_PATTERN]}"
        elif not countries.is_known(code):
            yield f"{at}.parties[{j}]", f"unknown country code {code!r}"
        if code in event.parties[:j]:
            yield f"{at}.parties[{j}]", f"{code} is listed twice"
    if event.by is not None and not _CODE_RE.match(event.by):
        yield f"{at}.by", f"Expected {PATTERN_NAMES[CODE_PATTERN]}"
    elif event.by is not None and event.by not in event.parties:
        yield f"{at}.by", f"{event.by!r} is not one of the parties"
    if event.end_date is not None and event.end_date.last_day() < event.date.first_day():
        yield f"{at}.end_date", f"{event.end_date} is before the date {event.date}"
    if event.kind == "letter" and event.letter is None:
        yield f"{at}.letter", "a letter event needs a letter object"
    if event.kind != "letter" and event.letter is not None:
        yield f"{at}.letter", f"only letter events carry a letter (kind is {event.kind})"
    for k, claim in enumerate(event.disputed or ()):
        if claim.date is None and claim.end_date is None:
            yield f"{at}.disputed[{k}]", "a disputed claim needs a date or an end_date"


def problems(indexed: Iterable[tuple[int, Event]]) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, event in indexed:
        at = f"$.events[{i}]"
        first = seen.setdefault(event.id, i)
        if first != i:
            yield f"{at}.id", f"duplicate id {event.id!r} (also at $.events[{first}])"
        yield from event_problems(event, at)


def validate(events: list[Event], name: str) -> None:
    """Raise the first problem found, with its path.

    The cheap rules are checked for all events at once, mostly in C (set sizes, set
    inclusion, a few scans over the joined ids); disputed claims, and every event again
    when a cheap rule fails, go through :func:`_first_problem` for the exact message.
    """
    ids = list(map(_ID, events))
    parties = list(map(_PARTIES, events))
    codes = set(itertools.chain.from_iterable(parties))
    clean = (
        _all_ids_valid(ids)
        and len(set(ids)) == len(ids)
        and codes <= _country_table.NAMES.keys()
        and sum(map(len, parties)) == sum(map(len, map(set, parties)))
        and all(e.by in e.parties for e in events if e.by is not None)
        and not any(_ends_early(e) for e in events if e.end_date is not None)
        and all((e.kind == "letter") == (e.letter is not None) for e in events if _letterish(e))
    )
    if clean:
        disputed = [(i, e) for i, e in enumerate(events) if e.disputed]
        if not any(True for i, e in disputed for _ in event_problems(e, "")):
            return
    _first_problem(events, name)


_ID = operator.attrgetter("id")
_PARTIES = operator.attrgetter("parties")


def _letterish(event: Event) -> bool:
    return event.kind == "letter" or event.letter is not None


def _ends_early(event: Event) -> bool:
    """Whether the end date may be before the date (a cheap test: True needs a closer look)."""
    assert event.end_date is not None
    return event.end_date.sort_key < event.date.sort_key


def _first_problem(events: list[Event], name: str) -> None:
    """Raise the first problem of the first event that has one, in file order."""
    known = _country_table.NAMES.keys()
    seen: dict[str, int] = {}
    for i, event in enumerate(events):
        parties = event.parties
        distinct = set(parties)
        first = seen.setdefault(event.id, i)
        if (
            first != i
            or not _ID_RE.match(event.id)
            or len(distinct) != len(parties)
            or not distinct <= known
            or (event.by is not None and event.by not in distinct)
            or (event.end_date is not None and _ends_early(event))
            or (event.kind == "letter") != (event.letter is not None)
            or event.disputed
        ):
            at = f"$.events[{i}]"
            if first != i:
                raise StoreError(
                    f"{name}: {at}.id: duplicate id {event.id!r} (also at $.events[{first}])"
                )
            for path, problem in event_problems(event, at):
                raise StoreError(f"{name}: {path}: {problem}")


_ID_RE = re.compile(ID_PATTERN.replace("$", r"\Z"))
_CODE_RE = re.compile(CODE_PATTERN.replace("$", r"\Z"))
# Every id at once, with a few scans in C instead of a regex call per id (a tenth of the
# time): the joined ids hold only allowed characters, and no hyphen or separator sits at
# an edge of an id. A newline cannot be part of a valid id, so the count of separators
# tells that no id smuggled one in.
_ID_CHARS = b"abcdefghijklmnopqrstuvwxyz0123456789-\n"
_NOT_IN_IDS = (b"--", b"-\n", b"\n-", b"\n\n")


def _all_ids_valid(ids: list[str]) -> bool:
    """Whether every id matches the id pattern (False: look at each one)."""
    if not ids:
        return True
    joined = "\n".join(ids)
    if not joined.isascii():
        return False
    raw = joined.encode("ascii")
    return (
        raw.count(b"\n") == len(ids) - 1
        and not raw.translate(None, _ID_CHARS)
        and raw[:1] not in (b"", b"-", b"\n")
        and raw[-1:] not in (b"-", b"\n")
        and not any(bad in raw for bad in _NOT_IN_IDS)
    )


# --------------------------------------------------------------------------- lint


#: Kinds that cannot be in the future (visits and meetings may be planned).
PAST_ONLY = frozenset(KINDS) - {"visit", "meeting", "other"}


def likely_duplicates(indexed: Sequence[tuple[int, Event]]) -> Iterator[Problem]:
    """Events that may be one event entered twice: the same parties, kind and title on
    another date. A warning, not an error: two visits may well share a title."""
    titles: dict[tuple[frozenset[str], str, str], tuple[int, Event]] = {}
    for i, event in indexed:
        at = f"$.events[{i}]"
        key = (frozenset(event.parties), event.kind, event.title.casefold())
        earlier = titles.setdefault(key, (i, event))
        if earlier[0] != i and earlier[1].date != event.date:
            other_i, other = earlier
            yield (
                at,
                (
                    f"likely a duplicate of $.events[{other_i}] ({other.id}): same parties, "
                    f"kind and title on another date ({other.date} and {event.date})"
                ),
            )


def lint(indexed: Sequence[tuple[int, Event]], today: dt.date) -> Iterator[Problem]:
    """Checks beyond the format, event by event: a disputed claim equal to the event's
    own date, addresses that are not http(s), and dates in the future for kinds that can
    only be in the past (visits and meetings may be planned). What ``bilat validate``
    refuses, and what no write (``add``, ``import``) may bring into a store."""
    for i, event in indexed:
        at = f"$.events[{i}]"
        for k, claim in enumerate(event.disputed or ()):
            if claim.date is not None and claim.date == event.date:
                yield (
                    f"{at}.disputed[{k}].date",
                    f"the disputed date equals the event's ({event.date})",
                )
            if claim.end_date is not None and claim.end_date == event.end_date:
                yield f"{at}.disputed[{k}].end_date", "the disputed end date equals the event's"
        for path, source in _sources(event, at):
            for field in ("url", "archive_url"):
                url = getattr(source, field)
                if url is not None and not url.lower().startswith(("http://", "https://")):
                    yield f"{path}.{field}", f"not an http(s) address: {url!r}"
            for n, cited in enumerate(source.cites or ()):
                if cited.url is not None and not cited.url.lower().startswith(
                    ("http://", "https://")
                ):
                    yield f"{path}.cites[{n}].url", f"not an http(s) address: {cited.url!r}"
        if event.kind in PAST_ONLY and event.date.first_day() > today:
            yield f"{at}.date", f"{event.date} is in the future, which a {event.kind} cannot be"


def _sources(event: Event, at: str) -> Iterator[tuple[str, Source]]:
    for j, source in enumerate(event.sources):
        yield f"{at}.sources[{j}]", source
    for k, claim in enumerate(event.disputed or ()):
        for j, source in enumerate(claim.sources):
            yield f"{at}.disputed[{k}].sources[{j}]", source


# --------------------------------------------------------------------------- the schema

_YEAR = "(?!0000)[0-9]{4}"
#: A date as the calendar allows it, as far as a pattern can say: no 30 February, no
#: 31 April, 29 February only in leap years, no year 0000.
STRICT_DATE_PATTERN = (
    f"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?"
    f"|{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    f"|{_YEAR}-(?:0[13-9]|1[0-2])-(?:29|30)"
    f"|{_YEAR}-(?:0[13578]|1[02])-31"
    "|(?!0000)(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
    "-02-29)(?!\n)$"
)
URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://"


def strengthen_schema(defs: dict[str, Any]) -> None:
    """Put into the generated JSON Schema every rule above that the schema language can
    state: known codes, distinct parties, real calendar dates, http(s) addresses, a
    letter exactly on letter events, a date or an end date on every disputed claim. What
    compares two fields or two events (unique ids, ``by`` among the parties, ``end_date``
    not before ``date``) stays with ``bilat validate``."""
    codes = {"enum": sorted(_country_table.NAMES)}
    event = defs["Event"]
    props = event["properties"]
    props["parties"]["items"] = {**props["parties"]["items"], **codes}
    props["parties"]["uniqueItems"] = True
    props["by"]["anyOf"][0] = {**props["by"]["anyOf"][0], **codes}
    event["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": "letter"}}, "required": ["kind"]},
            "then": {"required": ["letter"], "properties": {"letter": {"type": "object"}}},
            "else": {"properties": {"letter": {"type": "null"}}},
        }
    ]
    defs["Claim"]["anyOf"] = [
        {"required": [name], "properties": {name: {"type": "string"}}}
        for name in ("date", "end_date")
    ]
    for name in ("url", "archive_url"):
        defs["Source"]["properties"][name]["anyOf"][0]["pattern"] = URL_PATTERN
    defs["Reference"]["properties"]["url"]["anyOf"][0]["pattern"] = URL_PATTERN
