"""What the bundled store knows of Azerbaijan's and Japan's partners, as a Markdown table.

Usage::

    python tools/data_coverage.py

The README's "Data" section holds this table; tests/test_build.py fails when it differs.
Partners are counted from the store (``bilat relations``' own computation) and from
``data/sources/partners/*-undated.csv`` (pairs with relations but no date found, and
pairs with no relations). A source is official when its table says so or its host is a
government's, a ministry's or an embassy's (``build_store.OFFICIAL``).
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bilat import codec, countries
from bilat import partners as partners_mod
from bilat.model import Event
from build_store import OUTPUT, SOURCES, clean_url, source_type

FOCAL = ("AZ", "JP")
AS_OF = dt.date(2026, 11, 30)  # partners do not depend on it; only years elapsed would


def official_urls() -> set[str]:
    found = set()
    for path in (SOURCES / "partners").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row.get("source_type") == "official":
                    found.add(clean_url(row["source_url"]))
    return found


def is_official(event: Event, urls: set[str]) -> bool:
    return any(s.url in urls or source_type(s.url) == "official" for s in event.sources)


def undated() -> dict[str, Counter[str]]:
    result: dict[str, Counter[str]] = {c: Counter() for c in FOCAL}
    for path in (SOURCES / "partners").glob("*-undated.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                result[row["focal"]][row["status"]] += 1
    return result


def table() -> str:
    events = codec.loads(OUTPUT.read_bytes(), str(OUTPUT))
    urls = official_urls()
    listed = undated()
    lines = [
        (
            "| country | partners dated | undated | no relations | events | official sources "
            "| diplomatic-relations with an official source |"
        ),
        "|---|---|---|---|---|---|---|",
    ]
    for code in FOCAL:
        partners = partners_mod.relations(events, code, AS_OF)
        dated = sum(1 for p in partners if p.established)
        mine = [e for e in events if code in e.parties]
        relations = [e for e in mine if e.kind == "diplomatic-relations"]
        share = sum(is_official(e, urls) for e in mine) / len(mine)
        dr_share = sum(is_official(e, urls) for e in relations) / len(relations)
        lines.append(
            f"| {countries.name(code)} | {dated} | {listed[code]['undated']} "
            f"| {listed[code]['no-relations']} | {len(mine)} | {share:.0%} | {dr_share:.0%} |"
        )
    kinds = Counter(e.kind for e in events)
    everything = sum(is_official(e, urls) for e in events) / len(events)
    lines += [
        "",
        f"All {len(events)} events: {everything:.0%} cite an official source. By kind: "
        + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items(), key=lambda x: -x[1]))
        + ".",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(table(), end="")
