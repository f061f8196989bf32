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
* ``rdcr.json``: the events bilat's own importer extracts from the U.S. State Department's
  guide (``tools/extract_rdcr.py`` writes it from the guide beside the repository);
* ``mirrors.txt``: hosts that copy other sites; a claim citing one is dropped;
* ``states.csv``: the year some states came into being (the guide's own account); no
  claim may date an act between two states before both existed: such a claim (a slip of
  a source, or an act of a predecessor) is dropped and reported.

The dispute rule (``../shared/data/README.md``: prefer the ministries' and embassies' own
pages), applied to every event that several claims date; it is total, so no tie is left
to the order of the files:

1. each date claimed is ranked by, in turn: the best type of the sources that give it
   (official, then scholarly, then news, then encyclopedia); its agreement, the number of distinct
   sources, by address, whose date is compatible with it (the same, coarser or finer:
   both states' lists giving it count two, one list alone one; a claim known only by a
   name, relayed from ``../shared/data/``'s notes and read by nobody here, lends none);
   and last the earlier date (an establishment is a first act, and where equal sources
   differ, the later date more often records a later step: notes exchanged, the first
   envoy, a legation raised; so Japan-South Africa keeps the 1937 legation, as both
   sides count, over the 1992 upgrade from consular relations);
2. the best-ranked date is the event's; then, as long as claims fall strictly within it
   (official "1961" and another source's "1961-06-19"), the best-ranked of those refines
   it. Precision counts here, between dates that agree, and nowhere else: a day is not
   truer than a year it contradicts;
3. claims that agree with it (the same date, or a coarser one containing it) lend their
   sources; every other date becomes a disputed claim with its sources, its notes (or
   "Given by ..." naming them) and why it was not taken ("Not taken: ...": the first key
   of step 1 on which it lost to the date it competed with).

Every source with an address states its ``type``: the table's, else by its address
(``source_type``), so that ``bilat --evidence`` and the ``°`` mark work on the bundled store.
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

import msgspec

from bilat import codec, countries, ids, index, store
from bilat.dates import PartialDate
from bilat.model import Event
from bilat.vocab import ONCE_KINDS
from dispute import RANKS, Claim, decide, disputed, merged_sources, ranking, why_not
from partner_tables import no_relations, table_rows

__all__ = ["RANKS", "Claim", "decide", "disputed", "merged_sources", "ranking", "why_not"]

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"
OUTPUT = ROOT / "data" / "events.json"
MERGED_KINDS = (*sorted(ONCE_KINDS), "embassy-opened")
RECURRING = ("relations-restored", "relations-severed", "relations-suspended")
TITLES = {
    "diplomatic-relations": "Diplomatic relations established",
    "relations-restored": "Diplomatic relations restored",
    "relations-severed": "Diplomatic relations severed",
    "relations-suspended": "Diplomatic relations suspended",
}

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


def states_since() -> dict[str, int]:
    with (SOURCES / "states.csv").open(encoding="utf-8", newline="") as f:
        return {row["code"]: int(row["since"]) for row in csv.DictReader(f)}


def too_early(parties: Iterable[str], date: PartialDate, since: dict[str, int]) -> bool:
    """Whether ``date`` is before one of the ``parties`` existed (``states.csv``)."""
    return any(date.last_day().year < since.get(code, 0) for code in parties)


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
class Group:
    """Everything the inputs say about one event: its key, the event it starts from (a
    curated or guide event, if any) and the claims."""

    key: tuple[frozenset[str], str, str | None]
    focal: str | None  # the partner table's focal state; None: the codes in order
    base: Event | None = None
    claims: list[Claim] = field(default_factory=list)


def typed(sources: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sources, each with its type (by its host where the input did not say)."""
    return [{**s, "type": s.get("type") or source_type(s.get("url"))} for s in sources]


def event_claim(event: Event, order: int) -> Claim:
    sources = typed(codec.to_builtins(event)["sources"])
    rank = min(RANKS[s["type"]] for s in sources)
    return Claim(event.date, sources, rank, order, event.note or "", event.place or "")


def event_claims(event: Event, order: int) -> list[Claim]:
    """The event's date and its disputed dates, as claims."""
    claims = [event_claim(event, order)]
    for claim in event.disputed or ():
        if claim.date is not None and claim.end_date is None:
            sources = typed(codec.to_builtins(claim)["sources"])
            rank = min(RANKS[s["type"]] for s in sources)
            claims.append(Claim(claim.date, sources, rank, order, claim.note or ""))
    return claims


def key_of(event: Event) -> tuple[frozenset[str], str, str | None]:
    """The event a claim is about: the pair and kind, and the acting state for recognition
    and embassies; for severances, suspensions and restorations, which recur, the year."""
    if event.kind in RECURRING:
        return (frozenset(event.parties), event.kind, str(event.date.year))
    by = event.by if event.kind != "diplomatic-relations" else None
    return (frozenset(event.parties), event.kind, by)


def wikipedia() -> list[Event]:
    """The claims of the states' own lists (``wikipedia/*.json``), if extracted."""
    return [
        event
        for path in sorted((SOURCES / "wikipedia").glob("*.json"))
        if path.name != "report.json"  # the importer's report, not claims
        for event in codec.loads(path.read_bytes(), f"wikipedia/{path.name}")
    ]


def groups(listed: Sequence[str], report: dict[str, Any]) -> tuple[list[Group], list[Event]]:
    """The claims of the partner tables, grouped by event, with the curated and guide
    events they concern; and the events no table concerns (kept as they are)."""
    curated = codec.loads((SOURCES / "curated" / "az-jp.json").read_bytes(), "az-jp.json")
    guide = codec.loads((SOURCES / "rdcr.json").read_bytes(), "rdcr.json")
    found: dict[tuple[frozenset[str], str, str | None], Group] = {}
    since = states_since()
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
        source = {
            "title": row["source_title"],
            **({"url": url} if url else {}),
            "type": row["source_type"] or source_type(url),
        }
        try:
            date = PartialDate.parse(row["date"])
        except ValueError as exc:
            raise SystemExit(f"{where}: {exc}") from None
        if too_early(pair, date, since):
            report["dropped_early_claims"].append(f"{where}: {row['date']}")
            continue
        group.claims.append(Claim(date, [source], rank, order + 2, row["note"], row["place"]))
    lists = wikipedia()
    report["wikipedia_claims"] = len(lists)
    for order, event in enumerate(lists, len(found) + 2):
        if event.kind not in (*MERGED_KINDS, *RECURRING):
            continue
        group = found.setdefault(key_of(event), Group(key_of(event), None))
        for claim in event_claims(event, order):
            if too_early(event.parties, claim.date, since):
                report["dropped_early_claims"].append(f"{event.id}: {claim.date}")
            else:
                group.claims.append(claim)
    rest: list[Event] = []
    for event in [*curated, *guide]:
        if too_early(event.parties, event.date, since):
            report["dropped_early_claims"].append(f"{event.id}: {event.date}")
            continue
        group = found.get(key_of(event))
        if group is not None and group.base is None:
            group.base = event
            group.claims.append(event_claim(event, 0 if event in curated else 1))
        else:
            rest.append(event)
    return [g for g in found.values() if g.claims], rest


def event_id(group: Group, date: PartialDate) -> str:
    """The id of an event the build makes: ``bilat.ids`` for recognitions, the pairs no
    partner table concerns and the kinds that recur; relations and embassies of the
    partner tables keep the ids the bundled store was published with (ids never
    change): ``jp-br-diplomatic-relations`` (the focal country first), ``jp-embassy-br``."""
    pair, kind, by = group.key
    if group.focal is None or kind in RECURRING:
        return ids.event_id(kind, sorted(pair), None if kind in RECURRING else by, date)
    other = next(iter(pair - {group.focal}))
    if kind == "diplomatic-relations":
        return f"{group.focal.lower()}-{other.lower()}-diplomatic-relations"
    assert by is not None
    if kind == "recognition":
        return ids.event_id(kind, sorted(pair), by, date)
    return f"{by.lower()}-embassy-{next(iter(pair - {by})).lower()}"


def title(group: Group, place: str) -> str:
    pair, kind, by = group.key
    if kind in TITLES:
        return TITLES[kind]
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
        by = None if kind in RECURRING else by
        focal = group.focal if kind == "diplomatic-relations" else by
        place = next((c.place for c in agree if c.place), "")
        notes = " ".join(dict.fromkeys(c.note.rstrip(".") + "." for c in agree if c.note))
        first = [focal] if focal else []
        base = {
            "id": event_id(group, date),
            "parties": [*first, *sorted(pair - set(first))],
            "kind": kind,
            "title": title(group, place),
            **({"by": by} if by else {}),
            **({"place": place} if place else {}),
            **({"note": notes} if notes else {}),
        }
    base["date"] = date.isoformat()
    base["sources"] = merged_sources(agree)
    claims = disputed(others, group.base.disputed or () if group.base else (), group.claims)
    claims = [c for c in claims if c.get("date") != base["date"] or c.get("end_date")]
    if claims:
        base["disputed"] = claims
    else:
        base.pop("disputed", None)
    return codec.event_from_dict(base, f"$[{base['id']}]")


def without_early(event: Event, since: dict[str, int], report: dict[str, Any]) -> Event:
    """The event without the disputed claims dated before one of its parties existed."""
    kept = [
        c for c in event.disputed or () if not c.date or not too_early(event.parties, c.date, since)
    ]
    if len(kept) == len(event.disputed or ()):
        return event
    for claim in event.disputed or ():
        if claim not in kept:
            report["dropped_early_claims"].append(f"{event.id}: disputed {claim.date}")
    return msgspec.structs.replace(event, disputed=kept or None)


def with_types(event: Event) -> Event:
    """The event with every source's type (its host's, where no input said)."""
    raw = codec.to_builtins(event)
    raw["sources"] = typed(raw["sources"])
    for claim in raw.get("disputed") or ():
        claim["sources"] = typed(claim["sources"])
    return codec.event_from_dict(raw, f"$[{event.id}]")


def build() -> tuple[bytes, dict[str, Any]]:
    listed = mirrors()
    report: dict[str, Any] = {"dropped_mirror_claims": [], "dropped_early_claims": []}
    found, rest = groups(listed, report)
    since = states_since()
    events = [
        with_types(without_early(e, since, report)) for e in [*map(build_group, found), *rest]
    ]
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
    for line in report["dropped_early_claims"]:
        print(f"dropped (before a state existed): {line}", file=sys.stderr)
    shipped = args.output.with_name(store.SHIPPED_INDEX)
    absent = args.output.with_name(store.NO_RELATIONS)
    made_absent = no_relations()
    if args.check:
        for path, made in (
            (args.output, data),
            (shipped, shipped_index(data)),
            (absent, made_absent),
        ):
            if not path.is_file() or path.read_bytes() != made:
                print(f"{path} is not what the build makes: run tools/build_store.py")
                return 1
        return 0
    args.output.write_bytes(data)
    shipped.write_bytes(shipped_index(data))
    absent.write_bytes(made_absent)
    print(f"wrote {report['events']} events to {args.output}, and its index to {shipped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
