"""Tests of the pure core (bilat.domain): elapsed years, anniversaries, selection, timelines,
relations, letters and search. Partial dates: tests/test_dates.py; properties:
tests/property/."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest
from dateutil.relativedelta import relativedelta

from bilat.domain import (
    KINDS,
    Event,
    LeapRule,
    Letter,
    PartialDate,
    Source,
    YearsRange,
    anniversaries_between,
    anniversaries_in,
    anniversary_of,
    elapsed_years,
    filter_events,
    letters,
    next_milestone,
    ordinal,
    relations_event,
    relations_since,
    search,
    timeline,
    whole_years,
)

P = PartialDate.parse

D = dt.date


def make_event(
    id: str,
    date: str,
    parties: tuple[str, ...] = ("AZ", "JP"),
    kind: str = "other",
    *,
    end_date: str | None = None,
    letter: Letter | None = None,
    title: str | None = None,
) -> Event:
    return Event(
        id=id,
        date=P(date),
        end_date=P(end_date) if end_date is not None else None,
        parties=list(parties),
        kind=kind,  # type: ignore[arg-type]
        title=title or f"Event {id}",
        sources=[Source(title="s")],
        letter=letter,
    )


# --------------------------------------------------------------------------- ordinal


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0th"),
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (10, "10th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (14, "14th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (30, "30th"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
        (121, "121st"),
        (122, "122nd"),
        (1011, "1011th"),
        (1001, "1001st"),
    ],
)
def test_ordinal(n: int, expected: str) -> None:
    assert ordinal(n) == expected


# --------------------------------------------------------------------------- elapsed_years


@pytest.mark.parametrize(
    ("date", "as_of", "expected"),
    [
        # day precision: exact, rolling over on the anniversary itself
        ("1992-09-07", D(2022, 9, 6), YearsRange(29, 29)),
        ("1992-09-07", D(2022, 9, 7), YearsRange(30, 30)),
        ("1992-09-07", D(2022, 9, 8), YearsRange(30, 30)),
        ("1992-09-07", D(1992, 9, 7), YearsRange(0, 0)),
        # 29 February: 28 February of a common year is the anniversary
        ("2000-02-29", D(2001, 2, 27), YearsRange(0, 0)),
        ("2000-02-29", D(2001, 2, 28), YearsRange(1, 1)),
        ("2000-02-29", D(2022, 2, 27), YearsRange(21, 21)),
        ("2000-02-29", D(2022, 2, 28), YearsRange(22, 22)),
        ("2000-02-29", D(2024, 2, 28), YearsRange(23, 23)),
        ("2000-02-29", D(2024, 2, 29), YearsRange(24, 24)),
        ("1904-02-29", D(2100, 2, 28), YearsRange(196, 196)),
        ("1904-02-29", D(2100, 2, 27), YearsRange(195, 195)),
        # 31 December
        ("1999-12-31", D(2022, 12, 30), YearsRange(22, 22)),
        ("1999-12-31", D(2022, 12, 31), YearsRange(23, 23)),
        # year only: a range until the year has fully elapsed
        ("1997", D(2022, 6, 1), YearsRange(24, 25)),
        ("1997", D(2022, 1, 1), YearsRange(24, 25)),
        ("1997", D(2022, 12, 30), YearsRange(24, 25)),
        ("1997", D(2022, 12, 31), YearsRange(25, 25)),
        ("1997", D(2021, 12, 31), YearsRange(24, 24)),
        # month only
        ("1996-05", D(2022, 5, 15), YearsRange(25, 26)),
        ("1996-05", D(2022, 5, 31), YearsRange(26, 26)),
        ("1996-05", D(2022, 4, 30), YearsRange(25, 25)),
        ("2000-02", D(2001, 2, 28), YearsRange(1, 1)),
        # earliest day is past, latest is still to come
        ("2022", D(2022, 6, 1), YearsRange(0, 0)),
        ("2022-06", D(2022, 6, 10), YearsRange(0, 0)),
        ("2021-06", D(2022, 6, 10), YearsRange(0, 1)),
    ],
)
def test_elapsed_years(date: str, as_of: dt.date, expected: YearsRange) -> None:
    assert elapsed_years(P(date), as_of) == expected


@pytest.mark.parametrize(
    ("date", "as_of"),
    [
        ("1992-09-07", D(1992, 9, 6)),
        ("2023", D(2022, 12, 31)),
        ("2022-07", D(2022, 6, 30)),
    ],
)
def test_elapsed_years_of_a_later_event_is_none(date: str, as_of: dt.date) -> None:
    assert elapsed_years(P(date), as_of) is None


def test_years_range_str_and_exact() -> None:
    assert str(YearsRange(30, 30)) == "30"
    assert YearsRange(30, 30).exact
    assert str(YearsRange(24, 25)) == "24\u201325"
    assert not YearsRange(24, 25).exact


# --------------------------------------------------------------------------- anniversary_of


@pytest.mark.parametrize(
    ("date", "years", "expected", "moved"),
    [
        ("2000-02-29", 22, "2022-02-28", True),
        ("2000-02-29", 24, "2024-02-29", False),
        ("1904-02-29", 196, "2100-02-28", True),
        ("1904-02-29", 496, "2400-02-29", False),
        ("2000-02-28", 1, "2001-02-28", False),
        ("1999-12-31", 23, "2022-12-31", False),
        ("1992-09-07", 30, "2022-09-07", False),
        ("1992-09-07", 0, "1992-09-07", False),
        ("1997", 25, "2022", False),
        ("1996-05", 26, "2022-05", False),
        ("2000-02", 1, "2001-02", False),
    ],
)
def test_anniversary_of(date: str, years: int, expected: str, moved: bool) -> None:
    placed, was_moved = anniversary_of(P(date), years)
    assert placed == P(expected)
    assert placed.precision == P(date).precision
    assert was_moved is moved


def test_anniversary_of_year_only_is_never_first_january() -> None:
    placed, _ = anniversary_of(P("1997"), 25)
    assert placed.precision == "year"
    assert placed != P("2022-01-01")
    assert placed.as_date() is None


def test_anniversary_of_negative_years() -> None:
    with pytest.raises(ValueError, match="negative"):
        anniversary_of(P("1992"), -1)


@pytest.mark.parametrize(
    ("event_date", "year", "leap", "expected", "moved"),
    [
        ("1904-02-29", 2100, "feb28", "2100-02-28", True),
        ("1904-02-29", 2100, "mar1", "2100-03-01", True),
        ("1904-02-29", 2400, "mar1", "2400-02-29", False),
        ("2000-02-29", 2100, "mar1", "2100-03-01", True),
        ("2000-02-29", 2200, "feb28", "2200-02-28", True),
        ("2000-02-29", 2400, "feb28", "2400-02-29", False),
        ("2000-03-01", 2100, "mar1", "2100-03-01", False),
    ],
)
def test_leap_rules_in_century_years(
    event_date: str, year: int, leap: LeapRule, expected: str, moved: bool
) -> None:
    start = P(event_date)
    placed, was_moved = anniversary_of(start, year - start.year, leap)
    assert (placed.isoformat(), was_moved) == (expected, moved)
    # whole years roll over on the day the anniversary is placed, not a day earlier
    day = placed.first_day()
    assert elapsed_years(start, day, leap) == YearsRange(year - start.year, year - start.year)
    before = day - relativedelta(days=1)
    n = year - start.year - 1
    assert elapsed_years(start, before, leap) == YearsRange(n, n)


# --------------------------------------------------------------------------- anniversaries_in


def test_anniversaries_in_leap_day() -> None:
    leap = make_event("leap", "2000-02-29")
    (a,) = anniversaries_in([leap], 2022, every=1)
    assert (a.years, a.date, a.leap_day_moved, a.ordinal) == (22, P("2022-02-28"), True, "22nd")
    (b,) = anniversaries_in([leap], 2024, every=1)
    assert (b.date, b.leap_day_moved) == (P("2024-02-29"), False)
    old = make_event("old", "1904-02-29")
    (c,) = anniversaries_in([old], 2100, every=1)
    assert (c.date, c.leap_day_moved) == (P("2100-02-28"), True)
    (d,) = anniversaries_in([old], 2400, every=1)
    assert (d.date, d.leap_day_moved) == (P("2400-02-29"), False)


def test_anniversaries_in_keeps_precision() -> None:
    events = [
        make_event("dec", "1999-12-31"),
        make_event("year", "1997"),
        make_event("month", "1996-05"),
    ]
    found = {a.event.id: a for a in anniversaries_in(events, 2022, every=1)}
    assert found["dec"].date == P("2022-12-31")
    assert found["year"].date == P("2022")
    assert found["year"].date.precision == "year"
    assert found["month"].date == P("2022-05")
    assert found["month"].date.precision == "month"
    assert not any(a.leap_day_moved for a in found.values())


def test_anniversaries_in_every() -> None:
    events = [
        make_event("y30", "1992-09-07"),
        make_event("y25", "1997"),
        make_event("y26", "1996-05"),
        make_event("y31", "1991-12-28"),
        make_event("y1", "2021-01-01"),
    ]
    assert [a.years for a in anniversaries_in(events, 2022)] == [30, 25]  # default every=5
    assert [a.event.id for a in anniversaries_in(events, 2022, every=5)] == ["y30", "y25"]
    assert sorted(a.years for a in anniversaries_in(events, 2022, every=1)) == [1, 25, 26, 30, 31]
    assert [a.years for a in anniversaries_in(events, 2022, every=10)] == [30]


def test_anniversaries_in_needs_a_positive_number_of_years() -> None:
    events = [make_event("now", "2022-03-01"), make_event("later", "2030")]
    assert anniversaries_in(events, 2022, every=1) == []
    assert anniversaries_in(events, 2022, every=5) == []
    assert [a.years for a in anniversaries_in(events, 2023, every=1)] == [1]


@pytest.mark.parametrize("every", [0, -1, -5])
def test_anniversaries_in_every_must_be_positive(every: int) -> None:
    with pytest.raises(ValueError, match="every"):
        anniversaries_in([make_event("a", "1992")], 2022, every=every)


def test_anniversaries_in_sorting() -> None:
    events = [
        make_event("year", "1997"),
        make_event("may-month", "1996-05"),
        make_event("dec-31", "1999-12-31"),
        make_event("may-31", "2001-05-31"),
        make_event("may-01", "1990-05-01"),
        make_event("b-jan", "2000-01-15"),
        make_event("a-jan", "1995-01-15"),
        make_event("jun-01", "2002-06-01"),
    ]
    ids = [a.event.id for a in anniversaries_in(events, 2022, every=1)]
    assert ids == [
        "a-jan",
        "b-jan",
        "may-01",
        "may-31",
        "may-month",
        "jun-01",
        "dec-31",
        "year",
    ]


def test_anniversaries_in_ties_broken_by_event_id() -> None:
    events = [make_event(i, "1992-09-07") for i in ("c", "a", "b")]
    assert [a.event.id for a in anniversaries_in(events, 2022)] == ["a", "b", "c"]
    events = [make_event(i, "1997") for i in ("z", "m")]
    assert [a.event.id for a in anniversaries_in(events, 2022)] == ["m", "z"]


def test_anniversaries_in_accepts_any_iterable() -> None:
    events = (make_event(i, "1992") for i in ("b", "a"))
    assert [a.event.id for a in anniversaries_in(events, 2022)] == ["a", "b"]


# --------------------------------------------------------------------------- filter_events


CORPUS = [
    make_event("az-jp", "1992-09-07", ("AZ", "JP"), "diplomatic-relations"),
    make_event("az-tr", "1992-01-14", ("AZ", "TR"), "diplomatic-relations"),
    make_event("az-jp-tr", "1997", ("AZ", "JP", "TR"), "meeting"),
    make_event("jp-tr-visit", "1997-06-12", ("JP", "TR"), "visit"),
    make_event("az-jp-letter", "2022-09-07", ("AZ", "JP"), "letter"),
    make_event("span", "1990", ("AZ", "GE"), "other", end_date="1995-03"),
    make_event("az-jp-month", "1997-05", ("AZ", "JP"), "agreement"),
]


def ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def test_filter_events_without_criteria_keeps_all_in_order() -> None:
    assert ids(filter_events(CORPUS)) == ids(CORPUS)


def test_filter_any_of_countries() -> None:
    assert ids(filter_events(CORPUS, countries=["TR"])) == ["az-tr", "az-jp-tr", "jp-tr-visit"]
    assert ids(filter_events(CORPUS, countries=["GE", "TR"])) == [
        "az-tr",
        "az-jp-tr",
        "jp-tr-visit",
        "span",
    ]
    assert filter_events(CORPUS, countries=["US"]) == []


def test_filter_all_of_countries() -> None:
    assert ids(filter_events(CORPUS, all_countries=["JP", "TR"])) == ["az-jp-tr", "jp-tr-visit"]
    assert ids(filter_events(CORPUS, all_countries=["AZ", "JP", "TR"])) == ["az-jp-tr"]
    assert ids(filter_events(CORPUS, countries=["AZ"], all_countries=["TR"])) == [
        "az-tr",
        "az-jp-tr",
    ]


def test_filter_by_evidence_keeps_dates_at_least_that_strong() -> None:
    def sourced(id: str, *types: str | None) -> Event:
        sources = [Source(title=f"s{i}", type=t) for i, t in enumerate(types)]  # type: ignore[arg-type]
        return msgspec.structs.replace(make_event(id, "1992"), sources=sources)

    events = [
        sourced("official", "encyclopedia", "official"),
        sourced("news", "news", None),
        sourced("wiki", "encyclopedia"),
        sourced("untyped", None),
        sourced("other", "other"),
    ]
    assert ids(filter_events(events, evidence="official")) == ["official"]
    assert ids(filter_events(events, evidence="scholarly")) == ["official"]
    assert ids(filter_events(events, evidence="news")) == ["official", "news"]
    assert ids(filter_events(events, evidence="encyclopedia")) == ["official", "news", "wiki"]
    assert ids(filter_events(events, evidence="other")) == ["official", "news", "wiki", "other"]
    assert ids(filter_events(events)) == ids(events)  # untyped ones too, without the option


def test_filter_kinds() -> None:
    assert ids(filter_events(CORPUS, kinds=["diplomatic-relations"])) == ["az-jp", "az-tr"]
    assert ids(filter_events(CORPUS, kinds=["visit", "letter"])) == [
        "jp-tr-visit",
        "az-jp-letter",
    ]
    excluded = filter_events(CORPUS, exclude_kinds={"letter", "diplomatic-relations"})
    assert ids(excluded) == ["az-jp-tr", "jp-tr-visit", "span", "az-jp-month"]
    assert filter_events(CORPUS, kinds=["letter"], exclude_kinds=["letter"]) == []


def test_filter_since_overlaps_partial_dates() -> None:
    kept = ids(filter_events(CORPUS, since=P("1997-06")))
    # "1997" overlaps June 1997 onwards; "1997-05" does not.
    assert kept == ["az-jp-tr", "jp-tr-visit", "az-jp-letter"]
    assert "az-jp-tr" in ids(filter_events(CORPUS, until=P("1997-01-01")))
    assert "az-jp-tr" in ids(filter_events(CORPUS, since=P("1997-12-31")))
    assert "az-jp-tr" not in ids(filter_events(CORPUS, since=P("1998")))


def test_filter_until_is_inclusive_of_its_period() -> None:
    assert ids(filter_events(CORPUS, until=P("1992-01"))) == ["az-tr", "span"]
    assert ids(filter_events(CORPUS, until=P("1992-01-13"))) == ["span"]
    one_day = filter_events(CORPUS, since=P("1992-09-07"), until=P("1992-09-07"))
    assert ids(one_day) == ["az-jp", "span"]  # span runs 1990 to 1995-03
    assert ids(filter_events(CORPUS, since=P("1997-05"), until=P("1997-05"))) == [
        "az-jp-tr",
        "az-jp-month",
    ]


def test_filter_end_date_spans() -> None:
    assert ids(filter_events(CORPUS, countries=["GE"], since=P("1993"))) == ["span"]
    assert ids(filter_events(CORPUS, countries=["GE"], since=P("1995-03-31"))) == ["span"]
    assert filter_events(CORPUS, countries=["GE"], since=P("1995-04")) == []
    assert ids(filter_events(CORPUS, countries=["GE"], until=P("1990-01-01"))) == ["span"]
    assert filter_events(CORPUS, countries=["GE"], until=P("1989")) == []


# --------------------------------------------------------------------------- timeline


def test_timeline_orders_by_date_then_id() -> None:
    events = [
        make_event("b", "1997"),
        make_event("z", "1997-03-07"),
        make_event("a", "1997"),
        make_event("m", "1997-03"),
        make_event("c", "1998-01-01"),
        make_event("y", "1997-03-07"),
    ]
    entries = timeline(events, D(2022, 6, 1))
    assert [e.event.id for e in entries] == ["y", "z", "m", "a", "b", "c"]
    assert [e.years_ago for e in entries] == [
        YearsRange(25, 25),
        YearsRange(25, 25),
        YearsRange(25, 25),
        YearsRange(24, 25),
        YearsRange(24, 25),
        YearsRange(24, 24),
    ]


def test_timeline_future_event_has_no_years() -> None:
    (entry,) = timeline([make_event("f", "2030")], D(2022, 6, 1))
    assert entry.years_ago is None


# --------------------------------------------------------------------------- relations_event


def test_relations_event() -> None:
    events = [
        make_event("restored", "2001-01-01", ("JP", "AZ"), "diplomatic-relations"),
        make_event("first", "1992-09-07", ("AZ", "JP"), "diplomatic-relations"),
        make_event("recog", "1991-12-28", ("AZ", "JP"), "recognition"),
        make_event("other-pair", "1990-01-01", ("AZ", "TR"), "diplomatic-relations"),
    ]
    found = relations_event(events, "AZ", "JP")
    assert found is not None
    assert found.id == "first"
    found = relations_event(events, "JP", "AZ")
    assert found is not None
    assert found.id == "first"
    assert relations_event(events, "JP", "TR") is None
    assert relations_event([], "AZ", "JP") is None


def test_relations_since() -> None:
    events = [make_event("first", "1992-09-07", ("AZ", "JP"), "diplomatic-relations")]
    found, years = relations_since(events, "JP", "AZ", D(2022, 9, 6))
    assert found is not None
    assert found.id == "first"
    assert years is not None
    assert (years.min, years.max) == (29, 29)
    assert relations_since(events, "AZ", "TR", D(2022, 9, 6)) == (None, None)


def test_relations_event_tie_broken_by_id() -> None:
    events = [
        make_event("b", "1992", kind="diplomatic-relations"),
        make_event("a", "1992", kind="diplomatic-relations"),
    ]
    found = relations_event(events, "AZ", "JP")
    assert found is not None
    assert found.id == "a"


# --------------------------------------------------------------------------- letters


LETTER = Letter(author="A", recipient="B")


def test_letters() -> None:
    events = [
        make_event("l-2022", "2022-09-07", ("AZ", "JP"), "letter", letter=LETTER),
        make_event("l-2017", "2017-07-20", ("AZ", "JP"), "letter", letter=LETTER),
        make_event("l-tr", "2022-01-14", ("AZ", "TR"), "letter", letter=LETTER),
        make_event("not-letter", "2022-02-01", ("AZ", "JP"), "visit"),
        make_event("bare-letter", "2022-03-01", ("AZ", "JP"), "letter"),
    ]
    assert ids(letters(events)) == ["l-2017", "l-tr", "l-2022"]
    assert ids(letters(events, pair=("JP", "AZ"))) == ["l-2017", "l-2022"]
    assert ids(letters(events, year=2022)) == ["l-tr", "l-2022"]
    assert ids(letters(events, pair=("AZ", "JP"), year=2022)) == ["l-2022"]
    assert letters(events, pair=("AZ", "US")) == []
    assert letters(events, year=2000) == []


def test_event_helpers() -> None:
    e = make_event("x", "1997-03", ("AZ", "JP", "TR"))
    assert e.sort_key == ((1997, 3, 32), "x")
    assert e.partners("JP") == ["AZ", "TR"]
    assert "letter" in KINDS
    assert "diplomatic-relations" in KINDS


# --------------------------------------------------------------------------- planning


def test_whole_years_mar1_rolls_over_on_1_march() -> None:
    leap_day = D(2000, 2, 29)
    assert whole_years(leap_day, D(2001, 2, 28)) == 1
    assert whole_years(leap_day, D(2001, 2, 28), "mar1") == 0
    assert whole_years(leap_day, D(2001, 3, 1), "mar1") == 1
    assert whole_years(leap_day, D(2004, 2, 28), "mar1") == 3
    assert whole_years(leap_day, D(2004, 2, 29), "mar1") == 4


def test_anniversaries_between_crosses_years_and_keeps_precision() -> None:
    events = [
        make_event("day", "1992-12-30"),
        make_event("month", "1997-01"),
        make_event("year", "2002"),
        make_event("outside", "1992-06-01"),
    ]
    found = anniversaries_between(events, D(2022, 12, 15), D(2023, 1, 5), every=1)
    assert [(a.event.id, a.date.isoformat(), a.years) for a in found] == [
        ("day", "2022-12-30", 30),
        ("year", "2022", 20),
        ("month", "2023-01", 26),
        ("year", "2023", 21),
    ]


def test_next_milestone() -> None:
    assert next_milestone(P("1992-09-07"), D(2022, 9, 7)) == (30, P("2022-09-07"))
    assert next_milestone(P("1992-09-07"), D(2022, 9, 8)) == (35, P("2027-09-07"))
    assert next_milestone(P("1992-09-07"), D(2022, 9, 8), every=1) == (31, P("2023-09-07"))
    # a month-precision milestone is not over while its month lasts
    assert next_milestone(P("1992-09"), D(2022, 9, 30)) == (30, P("2022-09"))
    # an event after the reference date: its first milestone
    assert next_milestone(P("2030-01-01"), D(2026, 1, 1)) == (5, P("2035-01-01"))
    # 29 February under both rules
    assert next_milestone(P("2000-02-29"), D(2025, 3, 1)) == (30, P("2030-02-28"))
    assert next_milestone(P("2000-02-29"), D(2025, 3, 1), leap="mar1") == (25, P("2025-03-01"))
    assert next_milestone(P("2000-02-29"), D(2025, 3, 2), leap="mar1") == (30, P("2030-03-01"))
    assert next_milestone(P("9990-01-01"), D(9999, 6, 1)) is None
    with pytest.raises(ValueError, match="every"):
        next_milestone(P("1992"), D(2022, 1, 1), every=0)


def test_search_folds_case_and_accents() -> None:
    events = [
        make_event("a", "2001", title="Visit to Türkiye"),
        make_event("b", "2000", title="CÔTE D'IVOIRE talks"),
        make_event("c", "1999", title="Nothing"),
    ]
    assert [e.id for e in search(events, "turkiye")] == ["a"]
    assert [e.id for e in search(events, "TÜRK")] == ["a"]
    assert [e.id for e in search(events, "cote d'ivoire")] == ["b"]
    assert [e.id for e in search(events, "i")] == ["c", "b", "a"]


def test_search_finds_stored_translations_and_what_the_reader_is_shown() -> None:
    import msgspec

    from bilat.model import Translation

    plain = make_event("a", "2001", title="Visit")
    translated = msgspec.structs.replace(
        plain, id="b", translations={"ja": Translation(title="訪問", summary="東京")}
    )
    assert [e.id for e in search([plain, translated], "東京")] == ["b"]
    shown = search([plain, translated], "səfər", also=lambda e: ("Səfər", None))
    assert [e.id for e in shown] == ["a", "b"]


def test_days_until() -> None:
    from bilat.domain import days_until

    assert days_until(P("2022-09-07"), D(2022, 8, 1)) == 37
    assert days_until(P("2022-09-07"), D(2022, 9, 7)) == 0
    assert days_until(P("2022-09-07"), D(2022, 9, 8)) == -1
    assert days_until(P("2022-09"), D(2022, 8, 1)) is None
    assert days_until(P("2022"), D(2022, 8, 1)) is None
