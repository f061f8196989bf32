"""How strong the bundled store's dates of relations are, per country, as a Markdown table.

Usage::

    python tools/data_coverage.py [--min-partners N] [--store FILE] [--check | --disputes]

The README's "The bundled data" section holds this table; tests/test_build.py fails when
it differs. One row for each of Azerbaijan, Japan and the United States (``SHOWN``), or
with ``--min-partners N`` for every country with at least N partners dated, then all
countries. Partners are counted from the store by ``bilat relations``' own computation;
"undated" from ``data/sources/partners/*-undated.csv`` (pairs with relations but no date
found), where a country has such a list.

For each dated partner, the date relations were established (the event ``bilat relations``
shows) is counted by its evidence, the strongest type among its sources:

- a source's type is the ``type`` the store gives it; a source without one is counted as
  the build ranks it, by its address (``build_store.source_type``, or the type a partner
  table gives its URL), so the table means the same before and after the store types them;
- "official": the evidence is official; "encyclopedia only": nothing stronger than an
  encyclopedia; "not stated": no type, stored or inferred (a source with no address);
- "both sides": the sources include both states' own lists: each state's "Foreign relations
  of X" article, or an official page on the state's own domain (``mofa.go.jp`` for Japan,
  ``mfa.gov.az`` for Azerbaijan, ``.gov`` for the United States).
``--check`` checks the whole store against the states' own lists (``world()``): how many
pairs the store dates, and, for each UN member, the share of the partners its own list
dates (``data/sources/wikipedia/``) that the store dates too; it fails when the store dates
fewer than 15,000 pairs or a member's share is under 95%. ``--disputes`` counts the pairs
both lists date: where they agree, and where they differ, which key of the dispute rule
decided.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bilat import codec, countries
from bilat import partners as partners_mod
from bilat.dates import PartialDate
from bilat.model import Event, Source
from bilat.vocab import SOURCE_TYPES
from build_store import OUTPUT, SOURCES, clean_url, host, source_type, states_since, too_early

AS_OF = dt.date(2026, 11, 30)  # partners do not depend on it; only years elapsed would
#: The countries the README's table shows (the seed's and the guide's): with every state's
#: own list in the store, nearly every country has 100 partners dated.
SHOWN = ("AZ", "JP", "US")
#: Top-level domains that belong to a state without being its ISO code.
DOMAINS = {"GOV": "US", "MIL": "US", "UK": "GB"}
ARTICLE = "Foreign relations of "


def table_types() -> dict[str, str]:
    """The type each partner table gives a source's address."""
    found = {}
    for path in (SOURCES / "partners").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row.get("source_type") and row.get("source_url"):
                    found[clean_url(row["source_url"])] = row["source_type"]
    return found


def type_of(source: Source, declared: dict[str, str]) -> str | None:
    """The source's stored type, else the one the build gives its address."""
    if source.type is not None:
        return source.type
    if not source.url:
        return None
    return declared.get(source.url) or source_type(source.url)


def evidence(event: Event, declared: dict[str, str]) -> str | None:
    found = {type_of(s, declared) for s in event.sources} - {None}
    return min(found, key=SOURCE_TYPES.index) if found else None


def side(source: Source, declared: dict[str, str]) -> str | None:
    """The state whose own list the source is: its "Foreign relations of X" article, or
    an official page on its own domain; None otherwise."""
    path = unquote(urlsplit(source.url or "").path).replace("_", " ")
    for text in (path.rpartition("/")[2], source.title):
        if ARTICLE in text:
            name = text.partition(ARTICLE)[2].strip()
            try:
                return countries.resolve(name.removeprefix("the "))
            except countries.UnknownCountry:
                return None
    if source.url and type_of(source, declared) == "official":
        tld = host(source.url).rpartition(".")[2].upper()
        return DOMAINS.get(tld, tld if len(tld) == 2 else None)
    return None


def both_sides(event: Event, declared: dict[str, str]) -> bool:
    """Whether every party's own list is among the event's sources."""
    return set(event.parties) <= {side(s, declared) for s in event.sources}


class Row(NamedTuple):
    name: str
    dated: int
    undated: str
    shares: tuple[float, float, float, float]  # official, encyclopedia only, both, not stated


def undated() -> Counter[str]:
    found: Counter[str] = Counter()
    for path in (SOURCES / "partners").glob("*-undated.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            found.update(row["focal"] for row in csv.DictReader(f) if row["status"] == "undated")
    return found


def row(name: str, dates: Sequence[Event], declared: dict[str, str], listed: str) -> Row:
    found = [evidence(e, declared) for e in dates]
    total = len(dates) or 1
    shares = (
        found.count("official") / total,
        found.count("encyclopedia") / total,
        sum(both_sides(e, declared) for e in dates) / total,
        found.count(None) / total,
    )
    return Row(name, len(dates), listed, shares)


def rows(
    events: Sequence[Event],
    min_partners: int,
    declared: dict[str, str],
    listed: Counter[str],
    only: Sequence[str] = (),
) -> list[Row]:
    """A row per country with at least ``min_partners`` dated partners (most first), then
    one for all countries (each pair's date once); ``listed``: undated partners by country."""
    codes = sorted({code for e in events if e.kind == "diplomatic-relations" for code in e.parties})
    result, everything = [], {}
    for code in codes:
        found = partners_mod.relations(events, code, AS_OF)
        dates = [p.established for p in found if p.established is not None]
        everything.update((e.id, e) for e in dates)
        if (code in only) if only else len(dates) >= min_partners:
            result.append(row(countries.name(code), dates, declared, str(listed.get(code, "–"))))
    result.sort(key=lambda r: (-r.dated, r.name))
    result.append(row("All countries", list(everything.values()), declared, "–"))
    return result


def markdown(found: Iterable[Row]) -> list[str]:
    lines = [
        (
            "| country | partners dated | undated | official | encyclopedia only | both sides "
            "| not stated |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in found:
        shares = " | ".join(f"{share:.0%}" for share in r.shares)
        lines.append(f"| {r.name} | {r.dated} | {r.undated} | {shares} |")
    return lines


def table(path: Path = OUTPUT, min_partners: int | None = None) -> str:
    """The table: the countries of ``SHOWN``, or with ``min_partners`` those with at least
    that many partners dated; then all countries."""
    events = codec.loads(path.read_bytes(), str(path))
    declared = table_types()
    only = SHOWN if min_partners is None else ()
    lines = markdown(rows(events, min_partners or 0, declared, undated(), only))
    kinds = Counter(e.kind for e in events)
    strengths = Counter(evidence(e, declared) or "not stated" for e in events)
    lines += [
        "",
        f"All {len(events)} events, by evidence: "
        + ", ".join(
            f"{kind} {strengths[kind] / len(events):.0%}"
            for kind in (*SOURCE_TYPES, "not stated")
            if strengths[kind]
        )
        + ". By kind: "
        + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items(), key=lambda x: -x[1]))
        + ".",
    ]
    return "\n".join(lines) + "\n"


#: Subjects of the lists that are not UN members (the Holy See and Palestine are observers;
#: Kosovo and Taiwan are not members): the check is over the members.
NOT_MEMBERS = frozenset({"VA", "PS", "XK", "TW", "EH"})
MIN_PAIRS, MIN_SHARE = 15000, 0.95


def listed_by_subject() -> dict[str, set[str]]:
    """For each state whose own list is extracted, the partners that list dates."""
    report = SOURCES / "wikipedia" / "report.json"
    if not report.is_file():
        return {}
    subjects = {
        Path(a["file"]).stem + ".json": a.get("subject")
        for a in json.loads(report.read_text(encoding="utf-8"))["per_article"]
    }
    result: dict[str, set[str]] = {}
    for name, subject in subjects.items():
        path = SOURCES / "wikipedia" / name
        if subject is None or not path.is_file():
            continue
        for event in codec.loads(path.read_bytes(), name):
            if event.kind == "diplomatic-relations":
                result.setdefault(subject, set()).update(set(event.parties) - {subject})
    return result


def world() -> tuple[int, list[tuple[str, int, int]]]:
    """The pairs the store dates, and for each UN member whose list is extracted: the
    partners its list dates and how many of them the store dates."""
    events = codec.loads(OUTPUT.read_bytes(), str(OUTPUT))
    dated = {
        frozenset(e.parties)
        for e in events
        if e.kind == "diplomatic-relations" and len(e.parties) == 2
    }
    shares = [
        (code, len(partners), sum(frozenset((code, p)) in dated for p in partners))
        for code, partners in sorted(listed_by_subject().items())
        if code not in NOT_MEMBERS
    ]
    return len(dated), shares


def list_dates() -> dict[frozenset[str], list[tuple[str, PartialDate]]]:
    """For each pair, the dates the two states' own lists give (one per list)."""
    result: dict[frozenset[str], list[tuple[str, PartialDate]]] = {}
    for path in sorted((SOURCES / "wikipedia").glob("*.json")):
        if path.name == "report.json":
            continue
        for event in codec.loads(path.read_bytes(), path.name):
            if event.kind == "diplomatic-relations":
                result.setdefault(frozenset(event.parties), []).append((path.stem, event.date))
    return result


def disputes() -> Counter[str]:
    """The pairs both lists date, by how they stand: the lists agree (the same date, or
    one refining the other), or they differ and the store's event says which key of the
    dispute rule decided (a stronger source type, more sources, or the earlier date)."""
    events = {
        frozenset(e.parties): e
        for e in codec.loads(OUTPUT.read_bytes(), str(OUTPUT))
        if e.kind == "diplomatic-relations" and len(e.parties) == 2
    }
    counts: Counter[str] = Counter()
    since = states_since()
    for pair, dates in list_dates().items():
        if len(dates) < 2:
            continue
        (_, one), (_, two) = dates[:2]
        if one.first_day() <= two.first_day() <= two.last_day() <= one.last_day() or (
            two.first_day() <= one.first_day() <= one.last_day() <= two.last_day()
        ):
            counts["both lists agree"] += 1
            continue
        counts["the lists differ"] += 1
        event = events.get(pair)
        lost = [c for c in (event.disputed or ()) if c.date in (one, two)] if event else []
        note = lost[0].note or "" if lost else ""
        if "rests on" in note:
            counts["decided by a stronger source type"] += 1
        elif "more sources agree" in note:
            counts["decided by more sources agreeing"] += 1
        elif "the earlier date" in note:
            counts["decided by the earlier date (a tie)"] += 1
        elif any(too_early(pair, d, since) for d in (one, two)):
            counts["one list's date before a state existed (dropped)"] += 1
        else:
            counts["neither list's date kept"] += 1
    return counts


def check() -> list[str]:
    """What falls short of the targets, one line each (none: met)."""
    pairs, shares = world()
    problems = [f"the store dates {pairs} pairs, fewer than {MIN_PAIRS}"] * (pairs < MIN_PAIRS)
    for code, listed, dated in shares:
        if dated < MIN_SHARE * listed:
            problems.append(f"{code}: {dated} of the {listed} partners its list dates")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=OUTPUT, help="the store to count")
    parser.add_argument(
        "--min-partners", type=int, metavar="N", help="every country with N partners dated"
    )
    parser.add_argument(
        "--check", action="store_true", help="check the store against the states' own lists"
    )
    parser.add_argument(
        "--disputes", action="store_true", help="the pairs both lists date, and how they stand"
    )
    args = parser.parse_args(argv)
    if args.disputes:
        for name, count in disputes().items():
            print(f"{name}: {count}")
        return 0
    if args.check:
        pairs, shares = world()
        problems = check()
        print(f"{pairs} pairs dated; {len(shares)} UN members' lists checked")
        print("\n".join(problems) or "met: every member at least 95%")
        return 1 if problems else 0
    print(table(args.store, args.min_partners), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
