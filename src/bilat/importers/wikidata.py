"""Diplomatic relations as Wikidata states them: P530 statements between country items.

The input is a saved query result in the SPARQL 1.1 Query Results JSON Format
(``{"head": {"vars": [...]}, "results": {"bindings": [...]}}``) of :data:`QUERY`, whose
variables are fixed so that saved files stay readable: ``statement``, ``country``,
``partner``, ``countryCode``, ``partnerCode``, ``start``, ``startPrecision``, and the
optional ``end``, ``endPrecision`` and ``ref`` (one row per reference URL; the rows of one
statement share ``statement``). Other variables are ignored.

The rules, stated once:

* A start time of precision 11 gives a day, 10 a month, 9 a year; coarser ones are
  skipped and counted. An end time gives a ``relations-severed`` event.
* A statement and its mirror (A→B and B→A) are one relation. Where they give different
  dates, the event takes the more precise one (on a tie, the one stated by the country
  whose code comes first), and the other becomes a disputed claim with its sources.
* Each event cites the subject item's Wikidata page and every reference URL of its
  statement. Codes that bilat does not know are skipped and counted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import msgspec

from bilat import codec, countries
from bilat.dates import PartialDate
from bilat.ids import event_id
from bilat.importers import Imported
from bilat.inputs import read_input
from bilat.model import Event
from bilat.vocab import StoreError

__all__ = ["MEDIA_TYPE", "QUERY", "VARIABLES", "parse", "read"]

MEDIA_TYPE = "application/sparql-results+json"
VARIABLES = ("statement", "country", "partner", "countryCode", "partnerCode", "start")
_PRECISION = {11: "day", 10: "month", 9: "year"}
_MAX_FILE = 256 << 20

QUERY = """\
SELECT ?statement ?country ?partner ?countryCode ?partnerCode
       ?start ?startPrecision ?end ?endPrecision ?ref
WHERE {
  ?country p:P530 ?statement .
  ?statement ps:P530 ?partner ;
             pqv:P580 ?startValue .
  ?startValue wikibase:timeValue ?start ;
              wikibase:timePrecision ?startPrecision .
  OPTIONAL {
    ?statement pqv:P582 ?endValue .
    ?endValue wikibase:timeValue ?end ;
              wikibase:timePrecision ?endPrecision .
  }
  OPTIONAL { ?statement prov:wasDerivedFrom/pr:P854 ?ref . }
  ?country wdt:P297 ?countryCode .
  ?partner wdt:P297 ?partnerCode .
  #VALUES
}
"""


class _Statement(msgspec.Struct):
    """One P530 statement, its rows' reference URLs gathered."""

    uri: str
    subject: str  # the country item's URI
    codes: tuple[str, str]
    start: PartialDate
    end: PartialDate | None
    refs: list[str]


def _time(value: str, precision: str | None, where: str) -> PartialDate | None:
    """A Wikidata time (``1992-09-07T00:00:00Z``) at its precision; None when coarser
    than a year. Raises StoreError for a value that is not a time."""
    try:
        level = int(precision or "")
    except ValueError:
        raise StoreError(f"{where}: precision {precision!r} is not a number") from None
    if level not in _PRECISION:
        return None if level < 9 else _bad(where, value)
    text = value.lstrip("+")
    if len(text) < 10 or text[4] != "-" or not text[:4].isdigit():
        return _bad(where, value)
    parts = {"year": text[:4], "month": text[:7], "day": text[:10]}
    try:
        return PartialDate.parse(parts[_PRECISION[level]])
    except ValueError:
        return _bad(where, value)


def _bad(where: str, value: str) -> PartialDate:
    raise StoreError(f"{where}: {value!r} is not a Wikidata time of 0001-9999")


class _Term(msgspec.Struct, gc=False):
    """An RDF term of a result row; only its value is read (its type, datatype and
    language, like every other member, are skipped unread)."""

    value: str


class _Row(msgspec.Struct, gc=False):
    """One row of the bindings: the variables of :data:`QUERY`, others skipped."""

    statement: _Term
    country: _Term
    partner: _Term
    start: _Term
    start_precision: _Term = msgspec.field(name="startPrecision")
    # An item with no ISO 3166-1 code lacks its code: skipped and counted, not an error.
    country_code: _Term | None = msgspec.field(default=None, name="countryCode")
    partner_code: _Term | None = msgspec.field(default=None, name="partnerCode")
    end: _Term | None = None
    end_precision: _Term | None = msgspec.field(default=None, name="endPrecision")
    ref: _Term | None = None


class _Head(msgspec.Struct, gc=False):
    vars: list[str]


class _Results(msgspec.Struct, gc=False):
    bindings: list[_Row]


class _Document(msgspec.Struct, gc=False):
    """A SPARQL JSON result, decoded into these types only, as the store loader decodes
    a store: a member that is not one of them is skipped without being built, so neither
    deep nesting nor a file of empty arrays can take more than the file's own size in
    memory (and nesting too deep for the decoder is one error)."""

    head: _Head | None = None
    results: _Results | None = None


_ROW_PATH = re.compile(r"\$\.results\.bindings\[\d+\]")
_TERM_PATH = re.compile(r"(\$\.results\.bindings\[\d+\]\.\w+)(?:\.value)?")
_NOT_A_RESULT = "$: not a SPARQL JSON result (no 'results' object)"
_NO_VARS = "$.head.vars: expected an array of variable names"


def _shape_problem(message: str) -> str:
    """msgspec's 'Expected `array`, got `object` - at `$.results.bindings`' (or a missing
    member) as the place and the problem in this module's words."""
    text, sep, where = message.rpartition(" - at `")
    where = where.rstrip("`") if sep else "$"
    missing = re.fullmatch(r"Object missing required field `(\w+)`", text)
    if missing and _ROW_PATH.fullmatch(where):
        return f"{where}: no value for {missing.group(1)}"
    if missing:
        where = f"{where}.{missing.group(1)}"
    term = _TERM_PATH.fullmatch(where)
    if term:
        return f"{term.group(1)}: expected an RDF term with a string value"
    if _ROW_PATH.fullmatch(where):
        return f"{where}: expected an object"
    if where == "$.results.bindings":
        return f"{where}: expected an array"
    if where.startswith("$.head"):
        return _NO_VARS
    return _NOT_A_RESULT  # the document itself, or its results, is not an object


def parse(data: bytes, name: str) -> _Document:
    """The bindings of a SPARQL JSON result, checked for shape; StoreError otherwise."""
    try:
        document = msgspec.json.decode(data.removeprefix(codec.BOM), type=_Document)
    except RecursionError:
        raise StoreError(
            f"{name}: JSON nested too deeply (a query result nests at most 5 levels)"
        ) from None
    except msgspec.ValidationError as exc:
        raise StoreError(f"{name}: {_shape_problem(str(exc))}") from None
    except msgspec.DecodeError as exc:
        raise StoreError(f"{name}: not JSON ({exc})") from None
    if document.results is None:
        raise StoreError(f"{name}: {_NOT_A_RESULT}")
    if document.head is None:
        raise StoreError(f"{name}: {_NO_VARS}")
    missing = [v for v in (*VARIABLES, "startPrecision") if v not in document.head.vars]
    if missing:
        raise StoreError(f"{name}: $.head.vars: missing {', '.join(missing)} (see: QUERY)")
    return document


def _statements(
    bindings: list[_Row], name: str, skipped: Counter[str], today: dt.date | None
) -> list[_Statement]:
    found: dict[str, _Statement] = {}
    for i, row in enumerate(bindings):
        where = f"{name}: $.results.bindings[{i}]"
        uri = row.statement.value
        ref = row.ref.value if row.ref is not None else None
        if ref is not None and not ref.lower().startswith(("http://", "https://")):
            skipped["reference not an http(s) address"] += 1
            ref = None
        if row.country_code is None or row.partner_code is None:
            # An item with no ISO 3166-1 code (a historical state, the Order of Malta).
            skipped["country or partner without an ISO code"] += 1
            continue
        if uri in found:
            if ref and ref not in found[uri].refs:
                found[uri].refs.append(ref)
            continue
        codes = (row.country_code.value.upper(), row.partner_code.value.upper())
        if not all(countries.is_known(c) for c in codes) or codes[0] == codes[1]:
            skipped["country code unknown to bilat"] += 1
            continue
        start = _time(row.start.value, row.start_precision.value, f"{where}.start")
        if start is None:
            skipped["start time coarser than a year"] += 1
            continue
        if today is not None and start.first_day() > today:
            skipped["start time in the future"] += 1
            continue
        end = None
        if row.end is not None:
            precision = row.end_precision.value if row.end_precision is not None else None
            end = _time(row.end.value, precision, f"{where}.end")
        found[uri] = _Statement(uri, row.country.value, codes, start, end, [ref] if ref else [])
    return list(found.values())


def _sources(statement: _Statement) -> list[dict[str, str]]:
    item = statement.subject.rsplit("/", 1)[-1]
    subject, partner = (countries.name(c) for c in statement.codes)
    sources = [
        {
            "title": f"Wikidata: {subject} ({item}), diplomatic relation with {partner}",
            "url": f"https://www.wikidata.org/wiki/{item}",
        }
    ]
    for ref in statement.refs:
        sources.append({"title": f"Reference of the Wikidata statement: {_host(ref)}", "url": ref})
    return sources


def _host(url: str) -> str:

    return urlsplit(url).hostname or url


def _rank(statement: _Statement) -> tuple[int, str]:
    order = {"day": 0, "month": 1, "year": 2}
    return (order[statement.start.precision], statement.codes[0])


def _event(kind: str, statements: list[_Statement], date_of: str) -> Event:
    """One event from a statement and its mirror: the first is kept, the rest dispute it
    where their date differs (and lend their sources where it agrees)."""
    first = statements[0]
    date = first.start if date_of == "start" else first.end
    assert date is not None
    parties = sorted(first.codes)
    sources = _sources(first)
    disputed = []
    for other in statements[1:]:
        other_date = other.start if date_of == "start" else other.end
        if other_date == date:
            sources += [s for s in _sources(other) if s not in sources]
        elif other_date is not None:
            disputed.append(
                {
                    "date": other_date.isoformat(),
                    "note": f"The mirror statement on Wikidata gives {other_date}.",
                    "sources": _sources(other),
                }
            )
    title = (
        "Diplomatic relations established"
        if kind != "relations-severed"
        else ("Diplomatic relations ended")
    )
    raw: dict[str, Any] = {
        "id": event_id(kind, parties, None, date),
        "date": date.isoformat(),
        "parties": parties,
        "kind": kind,
        "title": title,
        "sources": sources,
    }
    if disputed:
        raw["disputed"] = disputed
    return codec.event_from_dict(raw)


def events_of(statements: Iterable[_Statement]) -> list[Event]:
    """Events from statements: one per pair, and one per pair whose relations ended."""
    pairs: dict[frozenset[str], list[_Statement]] = {}
    for statement in statements:
        pairs.setdefault(frozenset(statement.codes), []).append(statement)
    result = []
    for group in pairs.values():
        group.sort(key=_rank)
        result.append(_event("diplomatic-relations", group, "start"))
        ended = [s for s in group if s.end is not None]
        if ended:
            result.append(_event("relations-severed", ended, "end"))
    result.sort(key=lambda e: e.id)
    return result


def read_data(data: bytes, name: str, today: dt.date | None = None) -> Imported:
    """The events of a SPARQL JSON result given as bytes (``name`` for messages); start
    times after ``today`` are skipped and counted."""
    document = parse(data, name)
    assert document.results is not None
    bindings = document.results.bindings
    skipped: Counter[str] = Counter()
    statements = _statements(bindings, name, skipped, today)
    events = events_of(statements)
    return Imported(
        events=events,
        report={
            "rows": len(bindings),
            "statements": len(statements),
            "events": len(events),
            "skipped": dict(skipped),
            "year_precision": [e.id for e in events if e.date.precision == "year"],
        },
    )


def read(file: str, today: dt.date | None = None) -> Imported:
    """The events of a saved SPARQL JSON result file."""

    data = read_input(file, what="query result file", limit=_MAX_FILE)
    return read_data(data, file, today)
