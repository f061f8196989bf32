"""Build bilat's bundled event store, ``data/events.json``, from ``data/sources/`` alone.

Usage, from anywhere (the package must be importable: ``pip install -e .``)::

    python tools/build_store.py [--output PATH] [--check]

Inputs, all in the repository (``data/sources/README.md`` describes each):

* ``curated/az-jp.json``: the Azerbaijan-Japan timeline and its letters, as events (a
  store file): curated by hand, with disputed claims and notes;
* ``partners/*.csv``: one row per claim about a partner of Azerbaijan or Japan (the date
  relations were established, a recognition, an embassy opened), with its source and the
  source's type (official, news or encyclopedia); ``partners/*-undated.csv`` lists the
  pairs with no date found, and why;
* ``rdcr/``: the U.S. State Department's guide, read by bilat's own importer;
* ``mirrors.txt``: hosts that copy other sites; a claim citing one is dropped.

The dispute rule (``../shared/data/README.md``: prefer the ministries' and embassies' own
pages), applied to every event that several claims date:

1. the claims are ranked: official sources first, then news, then encyclopedias; within a
   rank, the curated or guide event before the partner tables, then file order;
2. the best-ranked claim's date is the event's, refined by a more precise claim of any
   rank that falls within it (official "1961" and "1961-06-19" give 1961-06-19): the most
   precise date a source gives without contradicting the best one;
3. claims that agree with it (the same date, or a coarser one containing it) lend their
   sources; every other date becomes a disputed claim with its sources and notes.

The result is checked with the store's own rules (:func:`bilat.codec.loads`) before it is
written; ``--check`` writes nothing and fails when the committed store differs.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bilat import codec, countries, index, store
from bilat.dates import PartialDate
from bilat.importers import rdcr
from bilat.model import Event
from bilat.vocab import ONCE_KINDS

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"
OUTPUT = ROOT / "data" / "events.json"
RANKS = {"official": 0, "news": 1, "encyclopedia": 2}
PRECISION = {"year": 0, "month": 1, "day": 2}
MERGED_KINDS = (*sorted(ONCE_KINDS), "embassy-opened")

#: Hosts of governments, ministries, embassies and state bodies; a source on one of them
#: is official (used where a table does not say, and for the curated events' statistics).
OFFICIAL = re.compile(
    r"(^|\.)(mfa|mofa|mid|mae|minrel|mre|dfa|foreign|fm|gov|go|gob|gouv|govt|admin|gv"
    r"|president|preslib|kantei|archives|diplomatie|auswaertiges-amt|esteri)\.|"
    r"(^|[.-])(emb|embassy|embajada|embaixada|amba|ambafrance|embapar|morocco-emba|"
    r"kenyarep|pakistanembassytokyo|emb-japan|usembassy|nepalembassy|jpemb)[.-]|"
    r"\.(gov|go\.jp|gov\.[a-z]{2}|gob\.[a-z]{2}|gouv\.[a-z]{2}|mil)$|^history\.state\.gov$"
)


def mirrors() -> list[str]:
    lines = (SOURCES / "mirrors.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def host(url: str | None) -> str:
    return (urlsplit(url).hostname or "").rstrip(".") if url else ""


def is_mirror(url: str | None, listed: Sequence[str]) -> bool:
    name = host(url)
    if re.fullmatch(r"[\d.]+", name):
        return True  # a bare address: a proxy or a copy, not the publisher's site
    return any(name == m or name.endswith("." + m) for m in listed)


def source_type(url: str | None) -> str:
    """The type of a source whose table does not say: official by its host, else news."""
    name = host(url)
    if name.endswith("wikipedia.org"):
        return "encyclopedia"
    return "official" if OFFICIAL.search(name) else "news"


def clean_url(url: str) -> str:
    """The address as the publisher serves it: no trailing dot on the host, and the
    desktop address of a Wikipedia article rather than the mobile one."""
    parts = urlsplit(url)
    name = host(url)
    if name.endswith(".m.wikipedia.org"):
        name = name.replace(".m.wikipedia.org", ".wikipedia.org")
    return parts._replace(netloc=name).geturl() if name != parts.netloc else url


@dataclass
class Claim:
    """One source's date for an event."""

    date: PartialDate
    sources: list[dict[str, str]]
    rank: int
    order: int
    note: str = ""
    place: str = ""


@dataclass
class Group:
    """Everything the inputs say about one event: its key, the event it starts from (a
    curated or guide event, if any) and the claims."""

    key: tuple[frozenset[str], str, str | None]
    focal: str
    base: Event | None = None
    claims: list[Claim] = field(default_factory=list)


def table_rows(pattern: str) -> Iterable[tuple[str, int, dict[str, str]]]:
    for path in sorted((SOURCES / "partners").glob(pattern)):
        with path.open(encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), 2):
                yield path.name, line, {k: (v or "").strip() for k, v in row.items()}


def event_claim(event: Event, order: int) -> Claim:
    sources = [codec.to_builtins(event)["sources"][i] for i in range(len(event.sources))]
    rank = min(RANKS[source_type(s.get("url"))] for s in sources)
    return Claim(event.date, sources, rank, order, place=event.place or "")


def key_of(event: Event) -> tuple[frozenset[str], str, str | None]:
    by = event.by if event.kind != "diplomatic-relations" else None
    return (frozenset(event.parties), event.kind, by)


def groups(listed: Sequence[str], report: dict[str, Any]) -> tuple[list[Group], list[Event]]:
    """The claims of the partner tables, grouped by event, with the curated and guide
    events they concern; and the events no table concerns (kept as they are)."""
    curated = codec.loads((SOURCES / "curated" / "az-jp.json").read_bytes(), "az-jp.json")
    guide = rdcr.read([str(SOURCES / "rdcr")]).events
    found: dict[tuple[frozenset[str], str, str | None], Group] = {}
    for order, (name, line, row) in enumerate(table_rows("*.csv")):
        if name.endswith("-undated.csv"):
            continue
        where = f"data/sources/partners/{name}: line {line}"
        url = clean_url(row["source_url"]) if row["source_url"] else ""
        if url and is_mirror(url, listed):
            report["dropped_mirror_claims"].append(f"{where}: {host(url)}")
            continue
        kind, by = row["kind"], row["by"] or None
        if kind not in MERGED_KINDS:
            raise SystemExit(f"{where}: kind {kind!r} is not one of {MERGED_KINDS}")
        pair = frozenset((row["focal"], row["partner"]))
        group = found.setdefault((pair, kind, by), Group((pair, kind, by), row["focal"]))
        rank = RANKS[row["source_type"] or source_type(url)]
        source = {"title": row["source_title"], **({"url": url} if url else {})}
        try:
            date = PartialDate.parse(row["date"])
        except ValueError as exc:
            raise SystemExit(f"{where}: {exc}") from None
        group.claims.append(Claim(date, [source], rank, order + 2, row["note"], row["place"]))
    rest: list[Event] = []
    for event in [*curated, *guide]:
        group = found.get(key_of(event))
        if group is not None and event.kind in MERGED_KINDS and group.base is None:
            group.base = event
            group.claims.append(event_claim(event, 0 if event in curated else 1))
        else:
            rest.append(event)
    return list(found.values()), rest


def contains(period: PartialDate, date: PartialDate) -> bool:
    return period.first_day() <= date.first_day() and date.last_day() <= period.last_day()


def decide(claims: Sequence[Claim]) -> tuple[PartialDate, list[Claim], list[Claim]]:
    """The event's date by the dispute rule, the claims that agree, those that dispute."""
    best = min(claims, key=lambda c: (c.rank, c.order))
    within = [c for c in claims if contains(best.date, c.date)]
    date = max(within, key=lambda c: (PRECISION[c.date.precision], -c.rank, -c.order)).date
    agree = [c for c in claims if contains(c.date, date)]
    return date, agree, [c for c in claims if not contains(c.date, date)]


def merged_sources(claims: Iterable[Claim]) -> list[dict[str, str]]:
    result: list[dict[str, str]] = []
    for claim in sorted(claims, key=lambda c: (c.rank, c.order)):
        for source in claim.sources:
            if all(
                (s.get("url") or s["title"]) != (source.get("url") or source["title"])
                for s in result
            ):
                result.append(source)
    return result


def disputed(claims: Sequence[Claim], existing: Sequence[Any]) -> list[dict[str, Any]]:
    by_date: dict[str, list[Claim]] = {}
    for claim in claims:
        by_date.setdefault(claim.date.isoformat(), []).append(claim)
    result = [codec.to_builtins(c) for c in existing]
    for text, group in sorted(by_date.items()):
        notes = " ".join(dict.fromkeys(c.note.rstrip(".") + "." for c in group if c.note))
        titles = "; ".join(dict.fromkeys(s["title"] for c in group for s in c.sources))
        note = notes or f"Given by {titles}."
        known = [c for c in result if c.get("date") == text and not c.get("end_date")]
        if known:
            known[0]["sources"] += [
                s for s in merged_sources(group) if s not in known[0]["sources"]
            ]
            continue
        result.append({"date": text, "note": note, "sources": merged_sources(group)})
    return result


def event_id(group: Group) -> str:
    pair, kind, by = group.key
    other = next(iter(pair - {group.focal}))
    if kind == "diplomatic-relations":
        return f"{group.focal.lower()}-{other.lower()}-diplomatic-relations"
    assert by is not None
    other = next(iter(pair - {by}))
    if kind == "recognition":
        return f"{by.lower()}-recognises-{other.lower()}"
    return f"{by.lower()}-embassy-{other.lower()}"


def title(group: Group, place: str) -> str:
    pair, kind, by = group.key
    if kind == "diplomatic-relations":
        return "Diplomatic relations established"
    assert by is not None
    other = countries.name(next(iter(pair - {by})))
    if kind == "recognition":
        return f"{countries.name(by)} recognises {other}"
    return f"Embassy of {countries.name(by)} opens in {place or other}"


def build_group(group: Group) -> Event:
    date, agree, others = decide(group.claims)
    base = codec.to_builtins(group.base) if group.base else None
    if base is None:
        pair, kind, by = group.key
        focal = group.focal if kind == "diplomatic-relations" else by
        assert focal is not None
        place = next((c.place for c in agree if c.place), "")
        notes = " ".join(dict.fromkeys(c.note.rstrip(".") + "." for c in agree if c.note))
        base = {
            "id": event_id(group),
            "parties": [focal, *sorted(pair - {focal})],
            "kind": kind,
            "title": title(group, place),
            **({"by": by} if by else {}),
            **({"place": place} if place else {}),
            **({"note": notes} if notes else {}),
        }
    base["date"] = date.isoformat()
    base["sources"] = merged_sources(agree)
    claims = disputed(others, group.base.disputed or () if group.base else ())
    claims = [c for c in claims if c.get("date") != base["date"] or c.get("end_date")]
    if claims:
        base["disputed"] = claims
    else:
        base.pop("disputed", None)
    return codec.event_from_dict(base, f"$[{base['id']}]")


def build() -> tuple[bytes, dict[str, Any]]:
    listed = mirrors()
    report: dict[str, Any] = {"dropped_mirror_claims": []}
    found, rest = groups(listed, report)
    events = [build_group(g) for g in found] + rest
    data = codec.dumps(events, schema=f"./{codec.SCHEMA_FILE}")
    codec.loads(data, "the built store")  # the store's own rules, every one of them
    for event in events:
        for source in [*event.sources, *(s for c in event.disputed or () for s in c.sources)]:
            if is_mirror(source.url, listed):
                raise SystemExit(f"{event.id}: cites a mirror ({host(source.url)})")
    report["events"] = len(events)
    return data, report


def shipped_index(data: bytes) -> bytes:
    """The index shipped beside the built store (see bilat.index): made from the store's
    bytes after they pass every check, as the cache's indexes are."""
    return index.build_shipped(data, codec.loads(data, "the built store"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the output differs")
    args = parser.parse_args(argv)
    data, report = build()
    for line in report["dropped_mirror_claims"]:
        print(f"dropped (mirror): {line}", file=sys.stderr)
    shipped = args.output.with_name(store.SHIPPED_INDEX)
    if args.check:
        for path, made in ((args.output, data), (shipped, shipped_index(data))):
            if not path.is_file() or path.read_bytes() != made:
                print(f"{path} is not what the build makes: run tools/build_store.py")
                return 1
        return 0
    args.output.write_bytes(data)
    shipped.write_bytes(shipped_index(data))
    print(f"wrote {report['events']} events to {args.output}, and its index to {shipped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
