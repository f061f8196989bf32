"""The U.S. Department of State's guide to its relations, by country (TEI XML).

"A Guide to the United States' History of Recognition, Diplomatic, and Consular Relations,
by Country, since 1776", by the Office of the Historian: one file per country, each
``<div type="timeline">`` one entry, a heading with a year and prose that usually gives
the day. The rules, stated once:

* **What an entry is**: read from its heading (:mod:`bilat.importers.rdcr_headings`); a
  heading that names no act between the two states is skipped and counted by reason.
* **Which state**: the file's country by its ISO 3166-1 code, or the ISO 3166-3 code of
  a former state that bilat knows (the USSR, Czechoslovakia, East Germany). Historical
  states with no code (Baden, Hawaii, Texas, ...) are skipped and named in the report:
  none is mapped onto a present-day state.
* **The date**: the heading's year, made precise by the first date in the prose that falls
  in that year (a day before a month). A date in the prose from another year is another
  happening (Perry's arrival in 1853 in the 1854 entry) and is not taken, with one
  exception: when no prose date falls in the heading's year and the prose's first date
  is in the sentence that states the entry's act ("were established on June 11, 1979"),
  the two disagree. The event then takes the prose's date, which says the day and is
  the text's own account of the act; the heading's year becomes a disputed claim citing
  the same page, and the report lists the entry. A range in the heading
  (``<date from="1862" to="1950">``) gives ``date`` and ``end_date``.
* **Ids** are stable: ``jp-us-diplomatic-relations`` for the kinds that happen once (from
  the pair and kind, and the acting state for recognition), otherwise from the pair, the
  kind and the date, numbered in file order when one file has two alike.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec

from bilat import codec, countries
from bilat.dates import PartialDate
from bilat.importers import Imported, stable_id
from bilat.importers.rdcr_dates import Entry, date_of, parse_date, prose_dates
from bilat.importers.rdcr_headings import classify, mission_owner, recognition_by, severed_by
from bilat.model import Event
from bilat.vocab import ONCE_KINDS, StoreError

__all__ = ["GUIDE", "SITE", "files", "read", "state_code"]

SITE = "https://history.state.gov/countries/"
GUIDE = (
    "Office of the Historian, U.S. Department of State: A Guide to the United States' "
    "History of Recognition, Diplomatic, and Consular Relations, by Country, since 1776"
)
_TEI = "{http://www.tei-c.org/ns/1.0}"
_MAX_FILE = 8 << 20

#: Files whose short title does not name their state as bilat's country table does.
SLUGS = {
    "benin": "BJ",
    "burkina-faso": "BF",
    "cote-divoire": "CI",
    "korea-south": "KR",
    "german-democratic-republic": "DDDE",
}


def _text(element: ET.Element, found: list[tuple[int, PartialDate]], out: list[str]) -> None:
    """The element's text into ``out``, and the ``when`` of its date elements, with their
    place in the text, into ``found``."""
    when = element.get("when") if element.tag == f"{_TEI}date" else None
    if when:
        date = parse_date(when)
        if date is not None:
            found.append((sum(map(len, out)), date))
    if element.text:
        out.append(element.text)
    for child in element:
        _text(child, found, out)
        if child.tail:
            out.append(child.tail)


def _entries(root: ET.Element) -> Iterator[Entry | None]:
    for div in root.iter(f"{_TEI}div"):
        if div.get("type") != "timeline":
            continue
        head = div.find(f"{_TEI}head")
        heading = " ".join("".join(head.itertext()).split()) if head is not None else ""
        if not heading:
            yield None
            continue
        start = end = None
        assert head is not None
        for date in head.iter(f"{_TEI}date"):
            start = parse_date(date.get("when") or date.get("from") or "")
            end = parse_date(date.get("to") or "") if date.get("to") else None
            break
        if start is None:
            written = prose_dates(heading)
            years = re.findall(r"\b(1[6-9]\d\d|20\d\d)\b", heading)
            start = written[0][1] if written else parse_date(years[0]) if years else None
        found: list[tuple[int, PartialDate]] = []
        out: list[str] = []
        for child in div:
            if child.tag != f"{_TEI}head":
                _text(child, found, out)
                if child.tail:
                    out.append(child.tail)
        prose = "".join(out)
        dates = sorted({*found, *prose_dates(prose)}, key=lambda f: f[0])
        yield Entry(heading, start, end, prose, dates)


def state_code(path: Path, root: ET.Element) -> tuple[str | None, str]:
    """The file's state as a code bilat knows (None for a historical state without
    one), and its name in the guide."""
    title = root.find(f".//{_TEI}title[@type='short']")
    name = " ".join("".join(title.itertext()).split()) if title is not None else path.stem
    if path.stem in SLUGS:
        return SLUGS[path.stem], name
    try:
        return countries.resolve(name.rstrip("*")), name
    except countries.UnknownCountry:
        return None, name


def _parse_file(path: Path) -> ET.Element:
    from bilat.store import read_input

    data = read_input(path, what="guide article", limit=_MAX_FILE)
    try:
        parser = ET.XMLParser()
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        line, column = exc.position
        raise StoreError(f"{path}: line {line}, column {column + 1}: invalid XML") from None
    if root.tag != f"{_TEI}TEI":
        raise StoreError(f"{path}: {root.tag}: not a TEI article of the guide")
    return root


def files(paths: Sequence[str]) -> list[Path]:
    """The XML files named: each PATH is a file or a folder of them."""
    result: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            result += sorted(p for p in path.glob("*.xml") if p.is_file())
        elif path.is_file():
            result.append(path)
        else:
            raise StoreError(f"{name}: no such file or folder")
    if not result:
        raise StoreError(f"{', '.join(paths)}: no .xml files")
    return result


def _title(kind: str, by: str | None, partner: str, heading: str) -> str:
    who = countries.name(by) if by else ""
    reopen = re.search(r"re-?open|re-?establish|resum", heading, re.IGNORECASE)
    titles = {
        "recognition": f"{who} recognises {countries.name(partner if by == 'US' else 'US')}"
        if by
        else "Mutual recognition",
        "diplomatic-relations": "Diplomatic relations established",
        "relations-restored": "Diplomatic relations restored",
        "relations-severed": f"{who} severs diplomatic relations"
        if by
        else "Diplomatic relations severed",
        "relations-suspended": "Diplomatic relations suspended",
        "embassy-raised": f"{who} raises its legation to an embassy"
        if by
        else "Legations raised to embassies",
        "embassy-closed": f"{who} closes or suspends its mission" if by else "Mission closed",
        "embassy-opened": f"{who} {'reopens its' if reopen else 'opens an'} embassy",
        "legation-opened": f"{who} {'reopens its' if reopen else 'opens a'} legation",
        "mission-opened": f"{who} opens a mission short of an embassy",
        "consulate-opened": "Consular relations established"
        if "consular relations" in heading.lower()
        else f"{who} opens consular posts",
    }
    return titles.get(kind) or heading.rstrip(". ").rsplit(",", 1)[0]


def _by(kind: str, heading: str, partner: str) -> str | None:
    if kind == "recognition":
        owner = recognition_by(heading)
    elif kind in ("relations-severed", "relations-suspended"):
        state = severed_by(heading)
        if state is None:
            return None
        if re.fullmatch(r"(the )?united states|u\.s\.", state, re.IGNORECASE):
            return "US"
        return partner
    elif kind.endswith(("-opened", "-raised", "-closed")):
        owner = mission_owner(heading, kind)
    else:
        return None
    return {"US": "US", "partner": partner, None: None}[owner]


def _events(path: Path, code: str, entry: Entry, kinds: list[str]) -> list[Event]:
    date, disputed_year = date_of(entry, kinds[0])
    if date is None:
        return []
    source = {"title": f"{GUIDE}: {countries.name(code)}", "url": SITE + path.stem}
    events = []
    for kind in kinds:
        by = _by(kind, entry.heading, code)
        raw: dict[str, Any] = {
            "id": stable_id(kind, ["US", code], by, date),
            "date": date.isoformat(),
            "parties": ["US", code],
            "kind": kind,
            "title": _title(kind, by, code, entry.heading),
            "sources": [source],
        }
        if by:
            raw["by"] = by
        if entry.end is not None and date == entry.start and entry.end.year > date.year:
            raw["end_date"] = entry.end.isoformat()
        if disputed_year is not None:
            raw["disputed"] = [
                {
                    "date": disputed_year.isoformat(),
                    "note": (
                        f"The guide's heading gives {disputed_year}; its text gives "
                        f"{date.isoformat()}, which is taken."
                    ),
                    "sources": [source],
                }
            ]
        events.append(codec.event_from_dict(raw, f"{path}: {entry.heading}"))
    return events


def read(paths: Sequence[str], progress: Callable[[int, int], None] | None = None) -> Imported:
    """The events of the guide's articles at ``paths`` (files or folders), and a report.
    ``progress(done, total)`` is called after each file."""
    result = Imported(events=[])
    skipped: dict[str, Counter[str]] = {}
    states: list[str] = []
    year_only: list[str] = []
    disagreements: list[dict[str, str]] = []
    entries = 0
    seen: Counter[str] = Counter()
    found = files(paths)
    for done, path in enumerate(found, 1):
        if progress is not None:
            progress(done, len(found))
        root = _parse_file(path)
        code, name = state_code(path, root)
        for entry in _entries(root):
            entries += 1
            if code is None:
                skipped.setdefault("historical state without a code", Counter())[name] += 1
                continue
            if entry is None:
                skipped.setdefault("no heading", Counter())[path.name] += 1
                continue
            kinds, reason = classify(entry.heading)
            if reason is not None:
                skipped.setdefault(reason, Counter())[entry.heading] += 1
                continue
            events = _events(path, code, entry, kinds)
            if not events:
                skipped.setdefault("no date", Counter())[entry.heading] += 1
                continue
            events = [_renumbered(e, seen) for e in events]
            result.events += events
            if events[0].date.precision == "year":
                year_only.append(events[0].id)
            if events[0].disputed:
                disagreements.append(
                    {
                        "file": path.name,
                        "heading": entry.heading,
                        "heading_year": str(events[0].disputed[0].date),
                        "prose_date": events[0].date.isoformat(),
                    }
                )
        if code is None:
            states.append(name.rstrip("*"))
    result.events = _distinct_titles(result.events)
    result.report = {
        "files": len(found),
        "entries": entries,
        "events": len(result.events),
        "skipped": {reason: dict(c) for reason, c in sorted(skipped.items())},
        "skipped_entries": sum(sum(c.values()) for c in skipped.values()),
        "historical_states_skipped": states,
        "year_precision": year_only,
        "disagreements": disagreements,
    }
    return result


def _renumbered(event: Event, seen: Counter[str]) -> Event:
    """The event, with its id numbered when an earlier event of the import took it."""
    seen[event.id] += 1
    if seen[event.id] == 1:
        return event
    if event.kind in ONCE_KINDS:
        ident = f"{event.id}-{event.date.isoformat()}"
    else:
        ident = f"{event.id}-{seen[event.id]}"
    seen[ident] += 1
    return msgspec.structs.replace(event, id=ident)


def _distinct_titles(events: list[Event]) -> list[Event]:
    """Events of one pair and kind that share a title (relations restored twice) get
    their date in it, so that each says which one it is."""
    alike = Counter((frozenset(e.parties), e.kind, e.title) for e in events)
    return [
        msgspec.structs.replace(e, title=f"{e.title} ({e.date})")
        if alike[(frozenset(e.parties), e.kind, e.title)] > 1
        else e
        for e in events
    ]
