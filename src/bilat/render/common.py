"""What every output shares: names, dates at their precision, events as JSON values, the
JSON writer. Nothing here computes a date, and nothing imports Rich.

Text from a store is data: JSON keeps the original strings exactly, writing controls and
bidirectional marks as ``\\u`` escapes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import msgspec

from bilat import countries
from bilat.domain import Claim, Event, LeapRule, PartialDate, Source, YearsRange
from bilat.domain import ordinal as english_ordinal
from bilat.model import to_builtins
from bilat.text import clean, escape_json

from . import lang

DISPUTED_MARK = "*"
LEAP_MARK = "\u2020"  # dagger
EVIDENCE_MARK = "\u00b0"  # degree sign: the date rests on an encyclopedia alone


def encyclopedia_only(event: Event) -> bool:
    """Whether the strongest source of the event's date is an encyclopedia."""
    return event.evidence == "encyclopedia"


def evidence_note() -> str:
    """The legend of :data:`EVIDENCE_MARK` under a table."""
    return f"{EVIDENCE_MARK} " + lang.t("the date rests on an encyclopedia alone.")


def dump_json(obj: Any) -> bytes:
    """UTF-8 JSON (two-space indent, trailing newline) that keeps strings exact but never
    carries a raw control character (see :func:`bilat.text.escape_json`)."""
    return escape_json(msgspec.json.format(msgspec.json.encode(obj), indent=2) + b"\n")


def name(code: str) -> str:
    """The country's name in the reader's language (English by default)."""
    current = lang.current()
    if current is not None:
        return current.country(code) or countries.name(code)
    return countries.name(code)


def names(codes: Sequence[str]) -> str:
    """'Azerbaijan – Japan', the home country (``--from``) first."""
    return " \u2013 ".join(name(c) for c in lang.ordered(codes))


def direction(event: Event) -> str:
    """'Japan → Azerbaijan' for an act of one party towards the other."""
    if event.by is None:
        return ""
    others = event.partners(event.by)
    if len(others) == 1:
        return f"{name(event.by)} {lang.arrow()} {name(others[0])}"
    return lang.t("by {country}").format(country=name(event.by))


def date_span(event: Event) -> str:
    """The date, or an ISO 8601 interval with the end's shared leading parts left out:
    ``1998-02-24/28``, ``2006-03-30/04-02``, ``1999-12-30/2000-01-02``."""
    start, end = event.date, event.end_date
    if end is None or end == start:
        return start.isoformat()
    if start.precision == end.precision == "day" and start.year == end.year:
        assert end.month is not None
        assert end.day is not None
        tail = f"{end.day:02d}" if start.month == end.month else f"{end.month:02d}-{end.day:02d}"
        return f"{start.isoformat()}/{tail}"
    return f"{start.isoformat()}/{end.isoformat()}"


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def english_weekday(date: PartialDate) -> str | None:
    """'Wed', or None when the day is unknown: for JSON and CSV, in every language."""
    number = date.weekday()
    return None if number is None else _WEEKDAYS[number]


def weekday(date: PartialDate) -> str | None:
    """'Wed' (in the reader's language), or None when the day is unknown."""
    number = date.weekday()
    if number is None:
        return None
    current = lang.current()
    return _WEEKDAYS[number] if current is None else current.weekday(date.first_day())


def years_json(years: YearsRange | None) -> dict[str, int] | None:
    return None if years is None else {"min": years.min, "max": years.max}


def event_json(event: Event) -> dict[str, Any]:
    """An event as stored, with the keys every listing promises always present."""
    stored = to_builtins(event)
    base: dict[str, Any] = {
        "id": event.id,
        "date": event.date.isoformat(),
        "end_date": None,
        "kind": event.kind,
        "parties": list(event.parties),
        "by": None,
        "title": event.title,
        "summary": None,
        "sources": [],
        "disputed": [],
    }
    base.update(stored)
    return base


def source_line(source: Source) -> str:
    """'Title <url>', or the title alone when the store has no address."""
    return f"{source.title} <{source.url}>" if source.url else source.title


_AUTHORITY = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
#: Kept as they are in a link's path, query and fragment: what RFC 3986 allows there.
_URL_SAFE = ":/?@!$&'*+,;=%~-._"


def link_target(url: str) -> str:
    """An address as the target of a link (an HTML ``href``, a Markdown link), percent-
    encoded so that every reader takes it as it is: a space, ``"``, ``<``, ``\\``, ``[``,
    parentheses, a second ``#`` and a ``%`` that starts no escape are encoded (an IPv6
    host keeps its brackets), escapes already there are kept, and control characters are
    made visible first (:func:`bilat.text.clean`)."""
    from urllib.parse import quote

    url = _LONE_PERCENT.sub("%25", clean(url))
    match = _AUTHORITY.match(url)
    head = match.group() if match else ""
    base, hash_, fragment = url[len(head) :].partition("#")
    head = quote(head, safe=_URL_SAFE + "[]")
    target = head + quote(base, safe=_URL_SAFE + "#") + hash_ + quote(fragment, safe=_URL_SAFE)
    return target.replace("(", "%28").replace(")", "%29")


class Linked(str):
    """A line of text that ends with sources: as a string, the plain text (``Title
    <url>``, for tables, panels and calendars); ``lead`` and ``sources`` let Markdown
    write the sources as links (:func:`bilat.render.formats.md_text`). Made by
    :func:`linked`."""

    lead: str
    sources: tuple[Source, ...]


def linked(lead: str, sources: Sequence[Source]) -> Linked:
    """The line ``lead`` followed by ``sources``, each as :func:`source_line` writes it."""
    line = Linked(lead + "; ".join(source_line(s) for s in sources))
    line.lead, line.sources = lead, tuple(sources)
    return line


def disputed_lines(event: Event) -> list[Linked]:
    """One line per disputed claim: what it says, its note and its sources."""
    lines = []
    for claim in event.disputed or ():
        parts = []
        if claim.date is not None:
            parts.append(lang.t("date {date}").format(date=claim.date))
        if claim.end_date is not None:
            parts.append(lang.t("end {date}").format(date=claim.end_date))
        head = lang.t("{title} ({span}, {id}): also given as {claims}.").format(
            title=title(event), span=date_span(event), id=event.id, claims=", ".join(parts)
        )
        lines.append(linked(f"{head} {claim.note} " + lang.t("Sources: "), claim.sources))
    return lines


def claim_dates(claim: Claim) -> dict[str, str | None]:
    return {
        "date": claim.date.isoformat() if claim.date else None,
        "end_date": claim.end_date.isoformat() if claim.end_date else None,
    }


def letter_json(event: Event) -> dict[str, Any]:
    letter = event.letter
    assert letter is not None
    return {
        "id": event.id,
        "date": event.date.isoformat(),
        "parties": list(event.parties),
        "by": event.by,
        "title": event.title,
        "author": letter.author,
        "recipient": letter.recipient,
        "language": letter.language,
        "summary": event.summary,
        "note": event.note,
        "text": letter.text,
        "sources": to_builtins(event)["sources"],
        "evidence": event.evidence,
    }


def leap_rule_text(leap: LeapRule) -> str:
    if leap == "feb28":
        return lang.t(
            "29 February is placed on 28 February in common years; whole years roll over "
            "on that day."
        )
    return lang.t(
        "29 February is placed on 1 March in common years; whole years roll over on that day."
    )


_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def long_date(date: PartialDate) -> str:
    """'7 September 2022', 'September 2022' or '2022': the date at its precision (in the
    reader's language, as the locale writes it)."""
    current = lang.current()
    if current is not None:
        return current.date(date)
    if date.month is None:
        return str(date.year)
    month = _MONTH_NAMES[date.month - 1]
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"


def letter_lines(event: Event) -> list[tuple[str, str]]:
    letter = event.letter
    assert letter is not None
    fields = [
        (lang.t("From"), letter.author),
        (lang.t("To"), letter.recipient),
        (lang.t("Date"), long_date(event.date) + (f", {event.place}" if event.place else "")),
        (lang.t("Occasion"), title(event)),
    ]
    if letter.language:
        current = lang.current()
        spoken = letter.language if current is None else current.language_name(letter.language)
        fields.append((lang.t("Language"), spoken))
    return fields


def event_fields(event: Event) -> list[tuple[str, str]]:
    t = lang.t
    fields = [
        (t("Id"), event.id),
        (t("Date"), date_span(event)),
        (t("Kind"), kind_cell(event.kind)),
        (t("Parties"), f"{names(event.parties)} ({', '.join(event.parties)})"),
    ]
    if event.by:
        fields.append((t("By"), f"{name(event.by)} ({direction(event)})"))
    for key, value in ((t("Place"), event.place), (t("Summary"), summary(event))):
        if value:
            fields.append((key, value))
    if event.note:
        fields.append((t("Note"), event.note))
    if event.evidence:
        fields.append((t("Evidence"), t(EVIDENCE_LABELS[event.evidence])))
    return fields


def paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n")
    return [" ".join(p.split("\n")).strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def N_(message: str) -> str:
    """Marks a message for the catalogs; translated where it is shown (``lang.t``)."""
    return message


#: How a kind reads in a table or a sentence (translated; English tables show the code).
KIND_LABELS = {
    "recognition": N_("Recognition"),
    "diplomatic-relations": N_("Diplomatic relations established"),
    "embassy-opened": N_("Embassy opened"),
    "embassy-raised": N_("Legation raised to an embassy"),
    "embassy-closed": N_("Embassy closed or suspended"),
    "legation-opened": N_("Legation opened"),
    "mission-opened": N_("Mission opened"),
    "consulate-opened": N_("Consulate opened"),
    "agreement": N_("Agreement"),
    "visit": N_("Visit"),
    "meeting": N_("Meeting"),
    "letter": N_("Letter"),
    "anniversary-event": N_("Anniversary event"),
    "relations-severed": N_("Relations severed"),
    "relations-suspended": N_("Relations suspended"),
    "relations-restored": N_("Relations restored"),
    "other": N_("Other"),
}


#: How a source type reads (translated; the type itself in English).
EVIDENCE_LABELS = {
    "official": N_("official"),
    "scholarly": N_("scholarly"),
    "news": N_("news"),
    "encyclopedia": N_("encyclopedia"),
    "other": N_("other"),
}


def kind_cell(kind: str) -> str:
    """The kind as a table shows it: its code in English, its label in other languages."""
    return kind if lang.current() is None else lang.t(KIND_LABELS[kind])


def translation(event: Event) -> Any:
    """The event's translation into the reader's language, if the store has one."""
    current = lang.current()
    if current is None or not event.translations:
        return None
    tag = current.code.replace("_", "-")
    return event.translations.get(tag) or event.translations.get(current.base)


def title(event: Event) -> str:
    """The event's title in the reader's language: its stored translation; else, for a
    title that is a formula of the event's fields ("Italy recognises Azerbaijan"), the
    language's own formula; else, for a title that only restates the kind, the kind's
    label; else the title as stored (never a machine translation)."""
    found = translation(event)
    if found is not None and found.title:
        return str(found.title)
    current = lang.current()
    if current is None:
        return event.title
    if current.grammar is not None:
        first, second = lang.ordered(event.parties)[:2]
        built = current.grammar.title(event, (first, second))
        if built is not None:
            return built
    if event.title == KIND_LABELS.get(event.kind):
        return lang.t(event.title)
    return event.title


def summary(event: Event) -> str | None:
    """The event's summary in the reader's language where the store has it."""
    found = translation(event)
    if found is not None and found.summary:
        return str(found.summary)
    return event.summary


def ordinal(years: int) -> str:
    """'30th' in English, '30-cu', '30周年', '30-я', '30.' in other languages."""
    current = lang.current()
    return english_ordinal(years) if current is None else current.ordinal(years)
