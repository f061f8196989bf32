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

from collections import Counter
from collections.abc import Iterable
from typing import Any

import msgspec

from bilat import codec, countries
from bilat.dates import PartialDate
from bilat.importers import Imported, stable_id
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


def _value(row: dict[str, Any], name: str, where: str) -> str | None:
    cell = row.get(name)
    if cell is None:
        return None
    if not isinstance(cell, dict) or not isinstance(cell.get("value"), str):
        raise StoreError(f"{where}.{name}: expected an RDF term with a string value")
    value: str = cell["value"]
    return value


def parse(data: bytes, name: str) -> dict[str, Any]:
    """The bindings of a SPARQL JSON result, checked for shape; StoreError otherwise."""
    try:
        document = msgspec.json.decode(data.removeprefix(codec.BOM))
    except msgspec.DecodeError as exc:
        raise StoreError(f"{name}: not JSON ({exc})") from None
    if not isinstance(document, dict) or not isinstance(document.get("results"), dict):
        raise StoreError(f"{name}: $: not a SPARQL JSON result (no 'results' object)")
    bindings = document["results"].get("bindings")
    if not isinstance(bindings, list):
        raise StoreError(f"{name}: $.results.bindings: expected an array")
    head = document.get("head")
    variables = head.get("vars") if isinstance(head, dict) else None
    if not isinstance(variables, list):
        raise StoreError(f"{name}: $.head.vars: expected an array of variable names")
    missing = [v for v in (*VARIABLES, "startPrecision") if v not in variables]
    if missing:
        raise StoreError(f"{name}: $.head.vars: missing {', '.join(missing)} (see: QUERY)")
    return document


def _statements(bindings: list[Any], name: str, skipped: Counter[str]) -> list[_Statement]:
    found: dict[str, _Statement] = {}
    for i, row in enumerate(bindings):
        where = f"{name}: $.results.bindings[{i}]"
        if not isinstance(row, dict):
            raise StoreError(f"{where}: expected an object")
        values = {v: _value(row, v, where) for v in (*VARIABLES, "startPrecision")}
        absent = [v for v, text in values.items() if text is None]
        if absent:
            raise StoreError(f"{where}: no value for {', '.join(absent)}")
        uri = values["statement"]
        assert uri is not None
        ref = _value(row, "ref", where)
        if uri in found:
            if ref and ref not in found[uri].refs:
                found[uri].refs.append(ref)
            continue
        codes = (str(values["countryCode"]).upper(), str(values["partnerCode"]).upper())
        if not all(countries.is_known(c) for c in codes) or codes[0] == codes[1]:
            skipped["country code unknown to bilat"] += 1
            continue
        start = _time(str(values["start"]), values["startPrecision"], f"{where}.start")
        if start is None:
            skipped["start time coarser than a year"] += 1
            continue
        end_text = _value(row, "end", where)
        end = None
        if end_text is not None:
            end = _time(end_text, _value(row, "endPrecision", where), f"{where}.end")
        found[uri] = _Statement(
            uri, str(values["country"]), codes, start, end, [ref] if ref else []
        )
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
    from urllib.parse import urlsplit

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
        "id": stable_id(kind, parties, None, date),
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


def read_data(data: bytes, name: str) -> Imported:
    """The events of a SPARQL JSON result given as bytes (``name`` for messages)."""
    document = parse(data, name)
    skipped: Counter[str] = Counter()
    statements = _statements(document["results"]["bindings"], name, skipped)
    events = events_of(statements)
    return Imported(
        events=events,
        report={
            "rows": len(document["results"]["bindings"]),
            "statements": len(statements),
            "events": len(events),
            "skipped": dict(skipped),
            "year_precision": [e.id for e in events if e.date.precision == "year"],
        },
    )


def read(file: str) -> Imported:
    """The events of a saved SPARQL JSON result file."""
    from bilat.store import read_input

    return read_data(read_input(file, what="query result file", limit=_MAX_FILE), file)
