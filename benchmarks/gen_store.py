"""Write a valid synthetic bilat store (format version 1) of N events.

    python benchmarks/gen_store.py N SEED [-o FILE] [--check]

Random pairs of real country codes (the two-letter codes of ``bilat._country_table``),
every kind (letters carry a ``letter`` object), the three date precisions, some
29 February dates, some ``disputed`` claims, sources on every event, unique ids. The
output depends only on N and SEED. Azerbaijan-Japan (AZ, JP) always gets events, so
``bilat timeline AZ JP`` has output. ``--check`` loads the result with
``bilat.store.load_path``.
"""

from __future__ import annotations

import argparse
import calendar
import random
import sys
import time
from pathlib import Path

import msgspec

from bilat.vocab import KINDS

FIRST_YEAR, LAST_YEAR = 1800, 2025
LEAP_YEARS = [y for y in range(FIRST_YEAR, LAST_YEAR + 1) if calendar.isleap(y)]
# Day lengths per month in a common year; 29 February comes only from the leap-day branch.
MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
CHUNK = 20_000


def country_codes() -> list[str]:
    from bilat._country_table import NAMES

    # Two-letter codes only; XK (Kosovo) is user-assigned, not an ISO code.
    return sorted(c for c in NAMES if len(c) == 2 and c != "XK")


def _date(rng: random.Random) -> tuple[str, int, int, int]:
    """A date string and its (year, month, day); month/day are 0 when unknown."""
    r = rng.random()
    if r < 0.01:  # 29 February
        y = rng.choice(LEAP_YEARS)
        return f"{y:04d}-02-29", y, 2, 29
    y = rng.randint(FIRST_YEAR, LAST_YEAR)
    if r < 0.13:
        return f"{y:04d}", y, 0, 0
    m = rng.randint(1, 12)
    if r < 0.25:
        return f"{y:04d}-{m:02d}", y, m, 0
    d = rng.randint(1, MONTH_DAYS[m])
    return f"{y:04d}-{m:02d}-{d:02d}", y, m, d


def _event(rng: random.Random, i: int, a: str, b: str) -> dict[str, object]:
    kind = KINDS[i % len(KINDS)] if i < 2 * len(KINDS) else rng.choice(KINDS)
    date, y, m, d = _date(rng)
    event: dict[str, object] = {
        "id": f"{kind}-{a.lower()}-{b.lower()}-{i}",
        "date": date,
        "parties": [a, b],
    }
    if d and kind == "visit" and rng.random() < 0.5 and d <= 24:
        event["end_date"] = f"{y:04d}-{m:02d}-{d + rng.randint(1, 4):02d}"
    if kind in ("recognition", "embassy-opened", "consulate-opened", "visit", "letter"):
        event["by"] = a if rng.random() < 0.5 else b
    event["kind"] = kind
    event["title"] = f"Synthetic {kind} {a}-{b} number {i}"
    if rng.random() < 0.3:
        event["summary"] = f"A generated {kind} between {a} and {b}, for benchmarks."
    sources = [{"title": f"Source {i}", "url": f"https://example.org/events/{i}"}]
    if rng.random() < 0.2:
        sources.append({"title": f"Second source {i}", "accessed": "2024-05-01"})
    event["sources"] = sources
    if rng.random() < 0.03:
        other = f"{y - 1:04d}" if y > FIRST_YEAR else f"{y + 1:04d}"
        event["disputed"] = [
            {
                "date": other,
                "note": "Another source gives another year.",
                "sources": [{"title": f"Other source {i}", "url": f"https://example.net/{i}"}],
            }
        ]
    if kind == "letter":
        event["letter"] = {"author": f"Head of state of {a}", "recipient": f"Head of {b}"}
    return event


def generate(n: int, seed: int, out: Path) -> None:
    rng = random.Random(seed)
    codes = country_codes()
    encode = msgspec.json.Encoder().encode
    with out.open("wb") as f:
        f.write(b'{"$schema":"./events.schema.json","version":1,"events":[\n')
        for start in range(0, n, CHUNK):
            batch = []
            for i in range(start, min(n, start + CHUNK)):
                if i % 500 == 0 or i < 2 * len(KINDS):  # AZ-JP: every kind, then 1 in 500
                    a, b = ("AZ", "JP") if rng.random() < 0.5 else ("JP", "AZ")
                else:
                    a, b = rng.sample(codes, 2)
                batch.append(_event(rng, i, a, b))
            if start:
                f.write(b",\n")
            f.write(encode(batch)[1:-1].replace(b"},{", b"},\n{"))
        f.write(b"\n]}\n")


def generate_world(n: int, seed: int, out: Path, countries: int = 150) -> None:
    """A world-sized store: the establishment of relations for every pair of the first
    ``countries`` codes (AZ and JP among them), then random events up to ``n``."""
    rng = random.Random(seed)
    codes = ["AZ", "JP", *(c for c in country_codes() if c not in ("AZ", "JP"))][:countries]
    events: list[dict[str, object]] = []
    for i, a in enumerate(codes):
        for b in codes[i + 1 :]:
            date, *_ = _date(rng)
            events.append(
                {
                    "id": f"{a.lower()}-{b.lower()}-diplomatic-relations",
                    "date": date,
                    "parties": [a, b],
                    "kind": "diplomatic-relations",
                    "title": "Diplomatic relations established",
                    "sources": [{"title": "A ministry", "url": "https://example.org/relations"}],
                }
            )
    for i in range(len(events), n):
        a, b = rng.sample(codes, 2)
        events.append(_event(rng, i, a, b))
    out.write_bytes(msgspec.json.encode({"version": 1, "events": events}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of events")
    parser.add_argument("seed", type=int, help="random seed")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    parser.add_argument("--check", action="store_true", help="load the result with bilat")
    args = parser.parse_args(argv)
    out = args.output or Path("/dev/stdout")
    started = time.perf_counter()
    generate(args.n, args.seed, out)
    took = time.perf_counter() - started
    if args.output is not None:
        print(f"wrote {args.n} events to {out} in {took:.1f} s", file=sys.stderr)
    if args.check:
        from bilat.store import load_path

        store = load_path(out)
        assert len(store.events) == args.n, (len(store.events), args.n)
        print(f"loaded {len(store.events)} events with bilat.store.load_path", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
