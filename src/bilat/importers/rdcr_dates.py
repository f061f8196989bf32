"""Dates in the State Department's guide: those written out in an entry's text, and the
rule that picks an event's date from the heading's year and the text (see
:mod:`bilat.importers.rdcr`). Pure."""

from __future__ import annotations

import re

from bilat.dates import ENGLISH_MONTHS, PartialDate

_MONTHS = ENGLISH_MONTHS

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"

_DAY_FIRST = re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})\b")

_MONTH_FIRST = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(st|nd|rd|th)?(\s*[-–]\s*\d{{1,2}})?,?\s+(?P<year>\d{{4}})\b"
)

_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(of\s+)?(?P<year>\d{{4}})\b")

#: Words that say, in the sentence before a date, that the date is the entry's act.
_ACTS = {
    "recognition": r"recogni",
    "diplomatic-relations": r"establish|relations",
    "relations-restored": r"resum|re-?establish|restor|normal|reopen",
    "relations-severed": r"sever|broke|terminat|\bend|cessat|clos",
    "relations-suspended": r"suspen|interrupt|broke|sever|clos",
    "embassy-raised": r"raised|elevat|ambassador",
    "embassy-closed": r"clos|suspen|withdr|evacuat|terminat",
    "embassy-opened": r"establish|open",
    "legation-opened": r"establish|open",
    "mission-opened": r"establish|open",
    "consulate-opened": r"establish|open|appoint",
    "agreement": r"sign|conclu|treaty|agreement|convention|entered",
    "other": r"present|accredit|appoint|credential|receiv",
    "anniversary-event": r"anniversar|celebrat|commemorat",
}


#: Words that name an act in a sentence, for a heading that names several ("Establishment
#: of Diplomatic Relations and the American Embassy in Berlin"): see :func:`names_act`.
_NAMES = {
    "recognition": r"recogni",
    "diplomatic-relations": r"relations",
    "relations-restored": r"relations",
    "relations-severed": r"relations",
    "relations-suspended": r"relations",
    "embassy-raised": r"embass|ambassador",
    "embassy-closed": r"embass|legation|mission",
    "embassy-opened": r"embass",
    "legation-opened": r"legation",
    "mission-opened": r"mission|office|section|representative",
    "consulate-opened": r"consul",
}


class Entry:
    """One timeline entry: its heading, the heading's dates and the prose's dates."""

    def __init__(
        self,
        heading: str,
        start: PartialDate | None,
        end: PartialDate | None,
        prose: str,
        found: list[tuple[int, PartialDate]],
    ) -> None:
        self.heading, self.start, self.end = heading, start, end
        self.prose, self.found = prose, found
        self.slip: PartialDate | None = None  # the heading's markup, where it misprints


def parse_date(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


def prose_dates(prose: str) -> list[tuple[int, PartialDate]]:
    """Dates written out in the prose, with their positions; days before months."""
    found: list[tuple[int, PartialDate]] = []
    spans: list[tuple[int, int]] = []
    for pattern in (_MONTH_FIRST, _DAY_FIRST, _MONTH_YEAR):
        for m in pattern.finditer(prose):
            if any(a <= m.start() < b for a, b in spans):
                continue
            month = _MONTHS[m.group("month").lower().rstrip(".")]
            day = m.groupdict().get("day")
            text = f"{m.group('year')}-{month:02d}" + (f"-{int(day):02d}" if day else "")
            date = parse_date(text)
            if date is not None:
                found.append((m.start(), date))
                spans.append(m.span())
    return found


def date_of(entry: Entry, kind: str) -> tuple[PartialDate | None, PartialDate | None]:
    """The event's date and, when the prose and the heading disagree, the heading's."""
    act = re.compile(_ACTS[kind], re.IGNORECASE)
    stated = [d for p, d in entry.found if _states_act(entry.prose, p, act)]
    if entry.start is None:  # no date in the heading: the date of the act, if stated
        return (stated[0] if stated else None), None
    start = entry.start
    period = (start.first_day(), (entry.end or start).last_day())
    for dates in (stated, [d for _, d in entry.found]):
        within = [d for d in dates if period[0] <= d.first_day() <= d.last_day() <= period[1]]
        for precision in ("day", "month"):
            for date in within:
                if date.precision == precision and _more_precise(date, start):
                    return date, None
    years = {int(y) for y in re.findall(r"\b\d{4}\b", entry.prose)}
    if not any(period[0].year <= y <= period[1].year for y in years):
        for date in stated:
            if date.precision != "year":
                return date, start
    return start, None


_RANK = {"year": 0, "month": 1, "day": 2}


def _more_precise(date: PartialDate, than: PartialDate) -> bool:
    return _RANK[date.precision] > _RANK[than.precision]


def _states_act(prose: str, position: int, act: re.Pattern[str]) -> bool:
    """Whether the sentence that holds the date at ``position`` states the act."""
    sentence = " ".join(prose[:position].split()).rsplit(". ", 1)[-1]
    return bool(act.search(sentence))


def names_act(entry: Entry, kind: str, date: PartialDate) -> bool:
    """Whether a sentence of the prose that gives ``date`` names the act (its relations,
    its embassy, ...), or the prose gives no such date (the heading's date is the act's)."""
    name = re.compile(_NAMES.get(kind, _ACTS[kind]), re.IGNORECASE)
    sentences = re.split(r"(?<![A-Z])\.\s+", " ".join(entry.prose.split()))
    giving = [s for s in sentences if any(date == d for _, d in prose_dates(s))]
    return not giving or any(name.search(s) for s in giving)
