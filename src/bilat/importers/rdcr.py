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
  none is mapped onto a present-day state. An entry about a state that existed beside
  the file's (East Germany in Germany's article, South Yemen in Yemen's, the Federation
  of Mali in Mali's; :data:`~bilat.importers.rdcr_headings.BESIDE`), named by its heading
  or by the sentence that dates it, is that state's, or skipped when it has no code.
* **The date**: the heading's year as printed (where the markup's ``when`` says another
  year, "1933" for a printed "1993", the markup is a slip, listed in the report), made
  precise by the first date in the prose that falls
  in that year (a day before a month). A date in the prose from another year is another
  happening (Perry's arrival in 1853 in the 1854 entry) and is not taken, with one
  exception: when no prose date falls in the heading's year and the prose's first date
  is in the sentence that states the entry's act ("were established on June 11, 1979"),
  the two disagree. The event then takes the prose's date, which says the day and is
  the text's own account of the act; the heading's year becomes a disputed claim citing
  the same page, and the report lists the entry. A range in the heading
  (``<date from="1862" to="1950">``) gives ``date`` and ``end_date``. A heading that
  names several acts gives each the date of a sentence that states and names it, else
  the heading's year, never another act's day.
* **One happening, one event**: an entry that gives an event another entry or article
  gave (the same pair, kind, acting state and date, or a year that another's day falls
  in) adds its page as a source of that event, not a second event.
* **Ids** are stable: ``jp-us-diplomatic-relations`` for the kinds that happen once (from
  the pair and kind, and the acting state for recognition), otherwise from the pair, the
  kind and the date, numbered in file order when one file has two alike.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec

from bilat import codec, countries
from bilat.dates import PartialDate
from bilat.ids import event_id
from bilat.importers import Imported
from bilat.importers.rdcr_dates import Entry, date_of, names_act, parse_date, prose_dates
from bilat.importers.rdcr_headings import (
    beside,
    classify,
    entry_title,
    mission_owner,
    recognition_by,
    severed_by,
)
from bilat.inputs import is_regular, not_regular, read_input
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
        slip = None
        for date in head.iter(f"{_TEI}date"):
            start = parse_date(date.get("when") or date.get("from") or "")
            end = parse_date(date.get("to") or "") if date.get("to") else None
            printed = re.findall(r"\b\d{4}\b", "".join(date.itertext()))
            if start is not None and printed and int(printed[0]) != start.year:
                slip, start = start, parse_date(printed[0])
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
        entry = Entry(heading, start, end, prose, dates)
        entry.slip = slip
        yield entry


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


def files(paths: Sequence[str]) -> tuple[list[Path], list[str]]:
    """The XML files named: each PATH is a file or a folder of them; and the entries of
    the folders that were passed over as not regular files (a FIFO, a device, a socket, a
    folder named ``*.xml``). A PATH that is not a regular file is refused, as every input
    is (:mod:`bilat.inputs`)."""

    result: list[Path] = []
    passed_over: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for entry in sorted(path.glob("*.xml")):
                if is_regular(entry):
                    result.append(entry)
                else:
                    passed_over.append(str(entry))
        elif is_regular(path):
            result.append(path)
        elif os.path.exists(path):
            raise StoreError(not_regular(name))
        else:
            raise StoreError(f"{name}: no such file or folder")
    if not result:
        raise StoreError(f"{', '.join(paths)}: no .xml files")
    return result, passed_over


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


def _dating(entry: Entry) -> str:
    """The folded text of the entry's first dated sentence, up to its date."""
    if not entry.found:
        return ""
    position = entry.found[0][0]
    return countries.fold(entry.prose[:position].rsplit(". ", 1)[-1])


def _events(
    path: Path, page: str, code: str, entry: Entry, kinds: list[str]
) -> list[tuple[Event, bool]]:
    """The entry's events, each with whether its own sentence dates it (see _merged)."""
    date, disputed_year = date_of(entry, kinds[0])
    if date is None:
        return []
    source = {"title": f"{GUIDE}: {page}", "url": SITE + path.stem}
    events = []
    for kind in kinds:
        by = _by(kind, entry.heading, code)
        raw: dict[str, Any] = {
            "id": event_id(kind, ["US", code], by, date),
            "date": date.isoformat(),
            "parties": ["US", code],
            "kind": kind,
            "title": entry_title(kind, by, code, entry.heading),
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
        event = codec.event_from_dict(raw, f"{path}: {entry.heading}")
        events.append((event, names_act(entry, kind, date)))
    return events


Found = tuple[Event, str, str, bool]


def _same(one: Found, other: Found) -> bool:
    """Whether two events of the guide are one happening: see the module's rule."""
    a, b = one[0], other[0]
    if (frozenset(a.parties), a.kind, a.by) != (frozenset(b.parties), b.kind, b.by):
        return False
    if a.kind not in ONCE_KINDS and a.title != b.title:
        return False  # two treaties signed on one day are two events
    if a.date == b.date:
        return True
    if a.date.year != b.date.year:
        return False
    return "year" in (a.date.precision, b.date.precision) or not (one[3] and other[3])


def _merged(found: list[Found]) -> list[Found]:
    """One event per happening: an event that is one with an earlier (:func:`_same`) lends
    it its page, and its date where it is the better one (a day to a year; the date its
    own sentence gives to another act's)."""
    kept: list[Found] = []
    for item in found:
        same = next((i for i, other in enumerate(kept) if _same(item, other)), None)
        if same is None:
            kept.append(item)
            continue
        first, second = kept[same], item
        worse = (first[0].date.precision == "year") - (second[0].date.precision == "year")
        if worse > 0 or (worse == 0 and second[3] and not first[3]):
            first, second = second, first
        event = first[0]
        sources = [*event.sources, *(s for s in second[0].sources if s not in event.sources)]
        kept[same] = (msgspec.structs.replace(event, sources=sources), *first[1:])
    return kept


def read(paths: Sequence[str], progress: Callable[[int, int], None] | None = None) -> Imported:
    """The events of the guide's articles at ``paths`` (files or folders), and a report.
    ``progress(done, total)`` is called after each file."""
    result = Imported(events=[])
    skipped: dict[str, Counter[str]] = {}
    states: list[str] = []
    slips: list[dict[str, str]] = []
    entries = 0
    raw: list[Found] = []
    found, passed_over = files(paths)
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
            if entry.slip is not None:
                slips.append(
                    {
                        "file": path.name,
                        "heading": entry.heading,
                        "markup": entry.slip.isoformat(),
                        "printed": str(entry.start),
                    }
                )
            kinds, reason = classify(entry.heading)
            if reason is not None:
                skipped.setdefault(reason, Counter())[entry.heading] += 1
                continue
            other = beside(code, countries.fold(entry.heading), _dating(entry))
            if other is not None and other[1] is None:
                skipped.setdefault("historical state without a code", Counter())[other[0]] += 1
                if other[0] not in states:
                    states.append(other[0])
                continue
            state = other[1] if other is not None and other[1] else code
            events = _events(path, countries.name(code), state, entry, kinds)
            if not events:
                skipped.setdefault("no date", Counter())[entry.heading] += 1
                continue
            raw += [(e, path.name, entry.heading, named) for e, named in events]
        if code is None:
            states.append(name.rstrip("*"))
    seen: Counter[str] = Counter()
    kept = [(_renumbered(e, seen), name, heading) for e, name, heading, _ in _merged(raw)]
    result.events = _distinct_titles([e for e, _, _ in kept])
    result.report = {
        "files": len(found),
        "files_skipped": passed_over,
        "entries": entries,
        "events": len(result.events),
        "merged": len(raw) - len(kept),
        "skipped": {reason: dict(c) for reason, c in sorted(skipped.items())},
        "skipped_entries": sum(sum(c.values()) for c in skipped.values()),
        "historical_states_skipped": states,
        "year_precision": [e.id for e in result.events if e.date.precision == "year"],
        "disagreements": [
            {
                "file": name,
                "heading": heading,
                "heading_year": str(e.disputed[0].date),
                "prose_date": e.date.isoformat(),
            }
            for e, name, heading in kept
            if e.disputed
        ],
        "markup_slips": slips,
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
