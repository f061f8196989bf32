"""The least a program can do for two bilat jobs: the baseline bilat is measured against.

    python benchmarks/minimal.py anniversary STORE --year 2022 [--every N]
    python benchmarks/minimal.py timeline STORE A B [--as-of YYYY-MM-DD]

Parses the store with the fastest decoder available (msgspec, into a small Struct that
names only the fields the job reads; the rest stays raw bytes; gc off for the whole run),
filters, sorts and prints the rows of ``bilat anniversary --year Y --every N --format json``
and ``bilat timeline A B --format json``: the same rows in the same order with the same
values, as compact JSON (``benchmarks/run.py`` checks this). No validation and no error
handling: the store is trusted to be valid (and, for ``timeline``, to write no explicit
``null`` inside sources or disputed claims, which bilat would leave out).
"""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import sys
from operator import itemgetter
from typing import Any

import msgspec

NOT_COMMEMORATED = frozenset({"letter", "anniversary-event"})
NULL = msgspec.Raw(b"null")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class Claim(msgspec.Struct):
    date: str | None = None
    end_date: str | None = None


class AnnivEvent(msgspec.Struct):
    id: str
    date: str
    parties: list[str]
    kind: str
    title: str
    disputed: list[Claim] | None = None


class Event(msgspec.Struct, omit_defaults=True):
    id: str
    date: str
    end_date: str | None = None
    parties: list[str] = []
    by: str | None = None
    kind: str = ""
    title: str = ""
    summary: str | None = None
    place: str | None = None
    note: str | None = None
    # Raw: the bytes of the value, decoded only for the events that are printed.
    sources: msgspec.Raw = NULL
    disputed: msgspec.Raw = NULL
    letter: msgspec.Raw = NULL


class AnnivFile(msgspec.Struct):
    events: list[AnnivEvent]


class TimelineFile(msgspec.Struct):
    events: list[Event]


def load(path: str, file_type: type[AnnivFile | TimelineFile]) -> list[Any]:
    with open(path, "rb") as f:
        data = f.read()
    return msgspec.json.decode(data, type=file_type).events  # type: ignore[no-any-return]


def key(date: str) -> str:
    """Sorts like bilat: an unknown month or day after every known one ('1997' > '1997-03')."""
    n = len(date)
    return date if n == 10 else date + ("-32" if n == 7 else "-13-32")


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def anniversary(path: str, year: int, every: int) -> dict[str, object]:
    assert 1000 <= year <= 9999  # four digits, as in the store
    leap = calendar.isleap(year)
    found = []
    for e in load(path, AnnivFile):
        d = e.date
        n = year - int(d[:4])
        if n <= 0 or n % every or e.kind in NOT_COMMEMORATED:
            continue
        moved = False
        weekday = None
        if len(d) == 10:
            month, day = int(d[5:7]), int(d[8:])
            if month == 2 and day == 29 and not leap:
                day, moved = 28, True
            placed = f"{year}-02-28" if moved else f"{year}{d[4:]}"
            weekday = WEEKDAYS[dt.date(year, month, day).weekday()]
        else:
            placed = f"{year}{d[4:]}"
        # One string sorts like (day, event date, id): the date keys are fixed-width.
        found.append((key(placed) + key(d) + e.id, e, placed, weekday, n, moved))
    found.sort(key=itemgetter(0))
    rows = [
        {
            "event_id": e.id,
            "title": e.title,
            "kind": e.kind,
            "parties": e.parties,
            "event_date": e.date,
            "date": placed,
            "weekday": weekday,
            "years": n,
            "ordinal": ordinal(n),
            "leap_day_moved": moved,
            "disputed": [{"date": c.date, "end_date": c.end_date} for c in e.disputed or ()],
        }
        for _, e, placed, weekday, n, moved in found
    ]
    return {"year": year, "every": every, "anniversaries": rows}


def _day(date: str, last: bool) -> dt.date:
    y = int(date[:4])
    if len(date) == 10:
        return dt.date(y, int(date[5:7]), int(date[8:]))
    m = int(date[5:7]) if len(date) == 7 else (12 if last else 1)
    return dt.date(y, m, calendar.monthrange(y, m)[1] if last else 1)


def _whole_years(start: dt.date, end: dt.date) -> int:
    sm, sd = start.month, start.day
    if sm == 2 and sd == 29 and not calendar.isleap(end.year):
        sd = 28  # the anniversary of 29 February is 28 February in common years
    return end.year - start.year - ((end.month, end.day) < (sm, sd))


def timeline(path: str, a: str, b: str, as_of: dt.date) -> dict[str, object]:
    selected = [e for e in load(path, TimelineFile) if a in e.parties and b in e.parties]
    selected.sort(key=lambda e: key(e.date) + e.id)
    decode = msgspec.json.decode
    rows = []
    for e in selected:
        first, last = _day(e.date, False), _day(e.date, True)
        years = None
        if first <= as_of:
            most = _whole_years(first, as_of)
            years = {"min": _whole_years(last, as_of) if last <= as_of else 0, "max": most}
        row: dict[str, object] = {
            "id": e.id,
            "date": e.date,
            "end_date": e.end_date,
            "kind": e.kind,
            "parties": e.parties,
            "by": e.by,
            "title": e.title,
            "summary": e.summary,
            "sources": decode(e.sources),
            "disputed": decode(e.disputed) or [],
        }
        for name in ("place", "note"):
            if getattr(e, name) is not None:
                row[name] = getattr(e, name)
        letter = decode(e.letter)
        if letter is not None:
            row["letter"] = letter
        row["years_ago"] = years
        rows.append(row)
    return {"parties": [a, b], "as_of": as_of.isoformat(), "events": rows}


def today() -> dt.date:
    """The local calendar date, as bilat reads it."""
    return dt.datetime.now().astimezone().date()


def main(argv: list[str]) -> None:
    # A short-lived process that frees nothing before it exits: the cyclic garbage
    # collector is off for the whole run, not only while loading. (With it back on after
    # the load, even after gc.freeze(), the 1M-event anniversary job takes ~1.6x as long:
    # full collections keep rescanning the growing result.)
    gc.disable()
    # sys.argv by hand: not even argparse is imported.
    job, store, *rest = argv
    opts = dict(zip(rest[::2], rest[1::2], strict=False)) if job == "anniversary" else {}
    if job == "anniversary":
        doc = anniversary(store, int(opts["--year"]), int(opts.get("--every", 5)))
    elif job == "timeline":
        a, b, *more = rest
        as_of = dt.date.fromisoformat(more[1]) if more[:1] == ["--as-of"] else today()
        doc = timeline(store, a, b, as_of)
    else:
        raise SystemExit(__doc__)
    sys.stdout.buffer.write(msgspec.json.encode(doc) + b"\n")


if __name__ == "__main__":
    main(sys.argv[1:])
