"""Tests of the iCalendar export: every VEVENT field, folding, line ends, stability."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import icalendar
import pytest

from bilat import __version__
from bilat.domain import (
    Anniversary,
    Event,
    LeapRule,
    PartialDate,
    Source,
    anniversaries_in,
)
from bilat.render.ics import build_calendar

UTC = dt.timezone.utc
STAMP = dt.datetime(2026, 5, 1, 12, 30, 15, tzinfo=UTC)
EVENT_PROPERTIES = {
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "SUMMARY",
    "DESCRIPTION",
    "CATEGORIES",
    "TRANSP",
}

MOFA = Source(title="MOFA Japan", url="https://www.mofa.go.jp/region/europe/azerbaijan/")
EMBASSY = Source(title="Embassy of Azerbaijan in Japan")


def make_event(
    id: str = "az-jp-diplomatic-relations",
    date: str = "1992-09-07",
    *,
    parties: Sequence[str] = ("AZ", "JP"),
    kind: str = "diplomatic-relations",
    title: str = "Diplomatic relations established",
    summary: str | None = None,
    sources: Sequence[Source] = (MOFA,),
) -> Event:
    return Event(
        id=id,
        date=PartialDate.parse(date),
        parties=list(parties),
        kind=kind,  # type: ignore[arg-type]
        title=title,
        summary=summary,
        sources=list(sources),
    )


def build(
    events: Sequence[Event],
    year: int,
    *,
    every: int = 1,
    leap: LeapRule = "feb28",
    stamp: dt.datetime = STAMP,
) -> tuple[bytes, int]:
    return build_calendar(anniversaries_in(events, year, every, leap), stamp=stamp, leap=leap)


def parse(data: bytes) -> tuple[icalendar.Calendar, list[icalendar.Event]]:
    calendar = icalendar.Calendar.from_ical(data)
    assert isinstance(calendar, icalendar.Calendar)
    assert calendar.name == "VCALENDAR"
    vevents = calendar.walk("VEVENT")
    assert all(isinstance(v, icalendar.Event) for v in vevents)
    return calendar, vevents  # type: ignore[return-value]


def prop(component: icalendar.Component, key: str) -> Any:
    """A property's value object (vDDDTypes, vCategory, ...), untyped for the tests."""
    return component[key]


def text(vevent: icalendar.Event, key: str) -> str:
    return str(vevent[key])


def start(vevent: icalendar.Event) -> dt.date:
    value = prop(vevent, "DTSTART").dt
    assert type(value) is dt.date  # a date, never a datetime
    return value


def end(vevent: icalendar.Event) -> dt.date:
    value = prop(vevent, "DTEND").dt
    assert type(value) is dt.date
    return value


def categories(vevent: icalendar.Event) -> list[str]:
    return [str(c) for c in prop(vevent, "CATEGORIES").cats]


def assert_event_is_complete(vevent: icalendar.Event) -> None:
    """The properties RFC 5545 requires (UID, DTSTAMP, DTSTART) once each, plus ours."""
    for key in ("UID", "DTSTAMP", "DTSTART"):
        assert key in vevent
        assert not isinstance(vevent[key], list), f"{key} given more than once"
    assert set(vevent.keys()) == EVENT_PROPERTIES
    assert prop(vevent, "DTSTAMP").dt == STAMP
    assert end(vevent) == start(vevent) + dt.timedelta(days=1)
    assert text(vevent, "TRANSP") == "TRANSPARENT"


# --------------------------------------------------------------------------- fields


def test_relations_event_every_field() -> None:
    event = make_event(
        summary="Azerbaijan and Japan formally established diplomatic relations.",
        sources=[MOFA, EMBASSY],
    )
    data, left_out = build([event], 2022, every=5)
    assert left_out == 0
    calendar, vevents = parse(data)

    assert str(calendar["PRODID"]) == f"-//bilat//bilat {__version__}//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == "bilat anniversaries"
    assert set(calendar.keys()) == {"PRODID", "VERSION", "CALSCALE", "X-WR-CALNAME"}

    (vevent,) = vevents
    assert_event_is_complete(vevent)
    assert text(vevent, "SUMMARY") == "30th anniversary of Azerbaijan–Japan diplomatic relations"
    assert text(vevent, "UID") == "az-jp-diplomatic-relations-2022@bilat"
    assert start(vevent) == dt.date(2022, 9, 7)
    assert end(vevent) == dt.date(2022, 9, 8)
    assert prop(vevent, "DTSTAMP").dt == STAMP
    assert categories(vevent) == ["diplomatic-relations"]
    assert text(vevent, "DESCRIPTION") == (
        "Original date: 7 September 1992\n"
        "Event: Diplomatic relations established\n"
        "Azerbaijan and Japan formally established diplomatic relations.\n"
        "Sources:\n"
        "MOFA Japan <https://www.mofa.go.jp/region/europe/azerbaijan/>\n"
        "Embassy of Azerbaijan in Japan"
    )

    raw = data.decode()
    assert "\r\nDTSTART;VALUE=DATE:20220907\r\n" in raw
    assert "\r\nDTEND;VALUE=DATE:20220908\r\n" in raw
    assert "\r\nDTSTAMP:20260501T123015Z\r\n" in raw
    assert raw.startswith("BEGIN:VCALENDAR\r\n")
    assert raw.endswith("END:VCALENDAR\r\n")


def test_other_kinds_carry_title_and_parties() -> None:
    event = make_event(
        "friendship-treaty",
        "2001-06-15",
        parties=["AZ", "JP", "TR"],
        kind="agreement",
        title="Treaty of friendship",
        sources=[EMBASSY],
    )
    data, left_out = build([event], 2026, every=25)
    assert left_out == 0
    _, (vevent,) = parse(data)
    assert_event_is_complete(vevent)
    assert text(vevent, "SUMMARY") == (
        "25th anniversary: Treaty of friendship (Azerbaijan–Japan–Türkiye)"
    )
    assert text(vevent, "UID") == "friendship-treaty-2026@bilat"
    assert start(vevent) == dt.date(2026, 6, 15)
    assert end(vevent) == dt.date(2026, 6, 16)
    assert categories(vevent) == ["agreement"]
    assert text(vevent, "DESCRIPTION") == (
        "Original date: 15 June 2001\n"
        "Event: Treaty of friendship\n"
        "Sources:\n"
        "Embassy of Azerbaijan in Japan"
    )


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (100, "100th"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
        (122, "122nd"),
    ],
)
def test_summary_ordinal(year: int, expected: str) -> None:
    events = [
        make_event("relations", f"{2030 - year:04d}-01-10"),
        make_event("treaty", f"{2030 - year:04d}-01-11", kind="agreement", title="A treaty"),
    ]
    data, _ = build(events, 2030)
    _, vevents = parse(data)
    assert [text(v, "SUMMARY") for v in vevents] == [
        f"{expected} anniversary of Azerbaijan–Japan diplomatic relations",
        f"{expected} anniversary: A treaty (Azerbaijan–Japan)",
    ]
    assert [text(v, "UID") for v in vevents] == ["relations-2030@bilat", "treaty-2030@bilat"]


def test_events_sorted_by_date_then_uid_over_several_years() -> None:
    events = [
        make_event("b-second", "2000-03-01"),
        make_event("a-first", "2000-03-01"),
        make_event("early", "2000-01-05"),
        make_event("late", "2000-12-31"),
    ]
    # Anniversaries from several years, given latest year first.
    anniversaries: list[Anniversary] = []
    for year in (2030, 2025):
        anniversaries += anniversaries_in(events, year, 5)
    data, left_out = build_calendar(anniversaries, stamp=STAMP)
    assert left_out == 0
    _, vevents = parse(data)
    for vevent in vevents:
        assert_event_is_complete(vevent)
    assert [text(v, "UID") for v in vevents] == [
        "early-2025@bilat",
        "a-first-2025@bilat",
        "b-second-2025@bilat",
        "late-2025@bilat",
        "early-2030@bilat",
        "a-first-2030@bilat",
        "b-second-2030@bilat",
        "late-2030@bilat",
    ]
    assert [start(v) for v in vevents][:4] == [
        dt.date(2025, 1, 5),
        dt.date(2025, 3, 1),
        dt.date(2025, 3, 1),
        dt.date(2025, 12, 31),
    ]
    assert [text(v, "SUMMARY") for v in vevents][::4] == [
        "25th anniversary of Azerbaijan–Japan diplomatic relations",
        "30th anniversary of Azerbaijan–Japan diplomatic relations",
    ]


def test_same_anniversary_twice_is_written_once() -> None:
    anniversaries = anniversaries_in([make_event()], 2022, 5)
    data, left_out = build_calendar(anniversaries * 2, stamp=STAMP)
    assert left_out == 0
    _, vevents = parse(data)
    assert len(vevents) == 1
    assert data == build_calendar(anniversaries, stamp=STAMP)[0]


# --------------------------------------------------------------------------- left out


def test_month_and_year_precision_left_out_and_counted() -> None:
    events = [
        make_event("month-only", "1997-03", kind="visit", title="A visit"),
        make_event("year-only", "1997", kind="other", title="A loan"),
        make_event("exact", "1997-03-07", kind="other", title="A working group"),
        make_event("too-recent", "2025-01-01"),
    ]
    data, left_out = build(events, 2027, every=5)
    assert left_out == 2
    _, vevents = parse(data)
    assert [text(v, "UID") for v in vevents] == ["exact-2027@bilat"]
    assert b"month-only" not in data
    assert b"year-only" not in data


def test_only_undated_days_gives_an_empty_calendar() -> None:
    data, left_out = build([make_event("m", "1997-03"), make_event("y", "1997")], 2027)
    assert left_out == 2
    _, vevents = parse(data)
    assert vevents == []


def test_empty_list_gives_a_valid_calendar() -> None:
    data, left_out = build_calendar([], stamp=STAMP)
    assert left_out == 0
    calendar, vevents = parse(data)
    assert vevents == []
    assert calendar.subcomponents == []
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//bilat//bilat ")
    assert data == (
        b"BEGIN:VCALENDAR\r\n"
        b"VERSION:2.0\r\n"
        b"PRODID:-//bilat//bilat " + __version__.encode() + b"//EN\r\n"
        b"CALSCALE:GREGORIAN\r\n"
        b"X-WR-CALNAME:bilat anniversaries\r\n"
        b"END:VCALENDAR\r\n"
    )


# --------------------------------------------------------------------------- leap day


@pytest.mark.parametrize(
    ("leap", "day", "rule"),
    [
        (
            "feb28",
            dt.date(2023, 2, 28),
            "29 February is placed on 28 February in common years; whole years roll over on that day.",
        ),
        (
            "mar1",
            dt.date(2023, 3, 1),
            "29 February is placed on 1 March in common years; whole years roll over on that day.",
        ),
    ],
)
def test_leap_day_moved_with_note(leap: LeapRule, day: dt.date, rule: str) -> None:
    event = make_event("leap-treaty", "2000-02-29", kind="agreement", title="Leap treaty")
    data, left_out = build([event], 2023, leap=leap)
    assert left_out == 0
    _, (vevent,) = parse(data)
    assert_event_is_complete(vevent)
    assert start(vevent) == day
    assert end(vevent) == day + dt.timedelta(days=1)
    assert text(vevent, "UID") == "leap-treaty-2023@bilat"
    assert text(vevent, "SUMMARY") == "23rd anniversary: Leap treaty (Azerbaijan–Japan)"
    description = text(vevent, "DESCRIPTION")
    assert description.startswith("Original date: 29 February 2000\n")
    assert description.endswith(f"\n2023 has no 29 February: {rule}")


def test_leap_day_kept_in_leap_years_without_note() -> None:
    event = make_event("leap-treaty", "2000-02-29", kind="agreement", title="Leap treaty")
    leaps: tuple[LeapRule, ...] = ("feb28", "mar1")
    for leap in leaps:
        data, _ = build([event], 2024, leap=leap)
        _, (vevent,) = parse(data)
        assert start(vevent) == dt.date(2024, 2, 29)
        assert "29 February is placed" not in text(vevent, "DESCRIPTION")


# --------------------------------------------------------------------------- bytes on the wire


LONG_TITLE = (
    "Agreement between the Republic of Azərbaycan and Japan (日本国) on the promotion, "
    "protection and liberalisation of investment, signed at Bakı — Tōkyō, "
    "with exchange of notes; «accord» über Zusammenarbeit, çalışma, Ünlü, ñandú " * 3
).strip()


def _lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def test_crlf_line_ends_and_folding_at_75_octets() -> None:
    event = make_event(
        "long-treaty",
        "2006-03-30",
        kind="agreement",
        title=LONG_TITLE,
        summary="Résumé: « ça » — 協定 " * 20,
        sources=[
            Source(title="Ministère, « très » long " * 10, url="https://example.org/" + "ä" * 90)
        ],
    )
    data, _ = build([event], 2026, every=10)
    # CRLF everywhere: no bare LF, no bare CR.
    assert re.search(rb"(?<!\r)\n", data) is None
    assert re.search(rb"\r(?!\n)", data) is None
    lines = _lines(data)
    assert all(len(line) <= 75 for line in lines), max(len(line) for line in lines)
    # Folding happened, and never inside a UTF-8 sequence.
    assert sum(line.startswith(b" ") for line in lines) > 10
    for line in lines:
        line.decode("utf-8")
    _, (vevent,) = parse(data)
    assert_event_is_complete(vevent)
    assert text(vevent, "SUMMARY") == f"20th anniversary: {LONG_TITLE} (Azerbaijan–Japan)"
    description = text(vevent, "DESCRIPTION")
    assert f"Event: {LONG_TITLE}\n" in description
    assert ("Résumé: « ça » — 協定 " * 20).strip() in description
    assert "https://example.org/" + "ä" * 90 in description


def test_text_special_characters_round_trip() -> None:
    title = r"Notes; exchanged, in Baku\Tokyo"
    event = make_event("notes", "2010-05-05", kind="agreement", title=title)
    data, _ = build([event], 2020, every=10)
    assert rb"Notes\; exchanged\, in Baku\\Tokyo" in data
    _, (vevent,) = parse(data)
    assert text(vevent, "SUMMARY") == f"10th anniversary: {title} (Azerbaijan–Japan)"


def test_control_characters_never_raw() -> None:
    event = make_event(
        "evil",
        "2010-05-05",
        kind="other",
        title="Evil\x1b[31m title\x07 with\u202e bidi\x7f and\x85 C1",
        summary="Line one\r\nline two\x00\x1b]0;pwned\x07\ttabbed\rcr",
        sources=[Source(title="Src\x1b[2J", url="https://example.org/\x1b")],
    )
    data, _ = build([event], 2020, every=10)
    forbidden = set(range(0x20)) - {0x0D, 0x0A} | {0x7F}
    assert not forbidden & set(data), sorted(forbidden & set(data))
    decoded = data.decode("utf-8")
    assert not re.search("[\x80-\x9f\u202e]", decoded)
    _, (vevent,) = parse(data)
    assert text(vevent, "SUMMARY") == (
        "10th anniversary: Evil\\x1b[31m title\\x07 with\\u202e bidi\\x7f and\\x85 C1 "
        "(Azerbaijan–Japan)"
    )
    assert text(vevent, "DESCRIPTION") == (
        "Original date: 5 May 2010\n"
        "Event: Evil\\x1b[31m title\\x07 with\\u202e bidi\\x7f and\\x85 C1\n"
        "Line one\nline two\\x00\\x1b]0;pwned\\x07 tabbed\\rcr\n"
        "Sources:\n"
        "Src\\x1b[2J <https://example.org/\\x1b>"
    )


# --------------------------------------------------------------------------- stability


def test_uids_stable_across_builds() -> None:
    events = [make_event(), make_event("treaty", "2002-02-02", kind="agreement", title="T")]
    first, _ = build(events, 2027, every=5)
    # A later build with updated data and another stamp keeps the UIDs.
    updated = [
        make_event(summary="Now with a summary."),
        make_event("treaty", "2002-02-02", kind="agreement", title="T (corrected)"),
    ]
    later_stamp = dt.datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC)
    second, _ = build(updated, 2027, every=5, stamp=later_stamp)
    uids = [[text(v, "UID") for v in parse(data)[1]] for data in (first, second)]
    assert uids[0] == uids[1] == ["treaty-2027@bilat", "az-jp-diplomatic-relations-2027@bilat"]
    assert first != second


def test_deterministic_bytes() -> None:
    events = [
        make_event(),
        make_event("treaty", "2002-02-02", kind="agreement", title="Çay treaty"),
        make_event("month", "2002-02", kind="visit", title="Visit"),
    ]
    anniversaries = anniversaries_in(events, 2027, 5)
    once = build_calendar(anniversaries, stamp=STAMP)
    again = build_calendar(list(reversed(anniversaries)), stamp=STAMP)
    assert once == again
    assert once[1] == 1


def test_stamp_written_in_utc_and_must_be_aware() -> None:
    baku = dt.timezone(dt.timedelta(hours=4))
    data, _ = build([make_event()], 2022, stamp=dt.datetime(2026, 5, 1, 16, 30, 15, 999, baku))
    assert b"\r\nDTSTAMP:20260501T123015Z\r\n" in data
    _, (vevent,) = parse(data)
    assert prop(vevent, "DTSTAMP").dt == STAMP
    with pytest.raises(ValueError, match="aware"):
        build([make_event()], 2022, stamp=dt.datetime(2026, 5, 1))  # noqa: DTZ001
