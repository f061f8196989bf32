"""The dispute rule of the bundled store's build (``tools/build_store.py`` states it):
which of several claims dates an event, which agree, which are disputed and why."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bilat import codec
from bilat.dates import PartialDate
from bilat.vocab import SOURCE_TYPES

#: Source types, strongest first (bilat.vocab.SOURCE_TYPES): official, scholarly, news,
#: encyclopedia, other.
RANKS = {name: rank for rank, name in enumerate(SOURCE_TYPES)}
TYPES = ("an official source", "a scholarly work", "a news source", "an encyclopedia", "a source")


@dataclass
class Claim:
    """One source's date for an event."""

    date: PartialDate
    sources: list[dict[str, str]]
    rank: int
    order: int
    note: str = ""
    place: str = ""


def contains(period: PartialDate, date: PartialDate) -> bool:
    return period.first_day() <= date.first_day() and date.last_day() <= period.last_day()


def agreement(date: PartialDate, claims: Sequence[Claim]) -> int:
    """How many distinct sources, by address, give a date compatible with ``date``."""
    compatible = (c for c in claims if contains(c.date, date) or contains(date, c.date))
    return len({s["url"] for c in compatible for s in c.sources if s.get("url")})


def ranking(date: PartialDate, claims: Sequence[Claim]) -> tuple[int, int, Any, str]:
    """The dispute rule's key for a date claimed (lower is better): see the docstring."""
    rank = min(c.rank for c in claims if c.date == date)
    return (rank, -agreement(date, claims), date.first_day(), date.isoformat())


def steps(claims: Sequence[Claim]) -> list[tuple[list[PartialDate], PartialDate]]:
    """The dispute rule's steps: the dates that competed at each, and the one taken (the
    last is the event's date)."""
    dates = list({c.date: None for c in claims})
    result: list[tuple[list[PartialDate], PartialDate]] = []
    while dates:
        best = min(dates, key=lambda d: ranking(d, claims))
        result.append((dates, best))
        dates = [d for d in dates if d != best and contains(best, d)]
    return result


def decide(claims: Sequence[Claim]) -> tuple[PartialDate, list[Claim], list[Claim]]:
    """The event's date by the dispute rule, the claims that agree, those that dispute."""
    date = steps(claims)[-1][1]
    agree = [c for c in claims if contains(c.date, date)]
    return date, agree, [c for c in claims if not contains(c.date, date)]


def why_not(other: PartialDate, claims: Sequence[Claim]) -> str:
    """Why the dispute rule did not take ``other``: the first key on which it lost to the
    date it competed with."""
    taken = [best for dates, best in steps(claims) if other in dates][-1]
    mine, theirs = ranking(other, claims), ranking(taken, claims)
    if mine[0] != theirs[0]:
        return f"{taken} rests on {TYPES[theirs[0]]}, this date on {TYPES[mine[0]]}."
    if mine[1] != theirs[1]:
        return f"more sources agree with {taken} ({-theirs[1]} against {-mine[1]})."
    return f"its sources are as strong and as many as those of {taken}, the earlier date."


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


def disputed(
    claims: Sequence[Claim], existing: Sequence[Any], every: Sequence[Claim]
) -> list[dict[str, Any]]:
    by_date: dict[str, list[Claim]] = {}
    for claim in claims:
        by_date.setdefault(claim.date.isoformat(), []).append(claim)
    result = [codec.to_builtins(c) for c in existing]
    for text, group in sorted(by_date.items()):
        notes = " ".join(dict.fromkeys(c.note.rstrip(".") + "." for c in group if c.note))
        titles = "; ".join(dict.fromkeys(s["title"] for c in group for s in c.sources))
        reason = why_not(group[0].date, every)
        note = f"{notes or f'Given by {titles}.'} Not taken: {reason}"
        known = [c for c in result if c.get("date") == text and not c.get("end_date")]
        if known:
            known[0]["sources"] += [
                s for s in merged_sources(group) if s not in known[0]["sources"]
            ]
            continue
        result.append({"date": text, "note": note, "sources": merged_sources(group)})
    return result
