"""The geometry of pictures (bilat.render.layout): the text measure and cutting, short
dates, spans and the axis, the lanes of labels and the wrapped footnote. How the SVG uses
them, and that the measure is never short of the font, is checked in test_svg.py."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.domain import PartialDate, YearsRange
from bilat.render import layout
from bilat.render.layout import Axis, Row, Span

AXIS = Axis(2000, 2010, 62.0, 1538.0)


def row(day: dt.date, title: str, when: str = "", extra: str = "") -> Row:
    return Row("visit", Span(day, day), None, (), when, title, extra, "")


def test_text_width_from_the_advance_table() -> None:
    assert layout.text_width("A", 1000) == pytest.approx(684 * 1.02)
    assert layout.text_width("A", 1000, bold=True) == pytest.approx(684 * 1.02 * 1.14)
    assert layout.text_width("AA", 20) == pytest.approx(2 * layout.text_width("A", 20))
    assert layout.text_width("", 13) == 0


@pytest.mark.parametrize(
    ("text", "same_as"),
    [("e\u0301", "e"), ("ü", "u"), ("Côte", "Cote"), ("\u0300", "")],
)
def test_accents_are_as_wide_as_their_letter(text: str, same_as: str) -> None:
    assert layout.text_width(text, 13) == layout.text_width(same_as, 13)


def test_wide_and_other_characters() -> None:
    assert layout.text_width("日本", 10) == pytest.approx(2 * 10 * 1.02)  # a full em each
    assert layout.text_width("Ж", 10) == pytest.approx(0.9 * 10 * 1.02)


def test_fit_cuts_at_a_word_without_a_space_before_the_ellipsis() -> None:
    room = layout.text_width("ab …", 10)
    assert layout.fit("ab cdef", 10, room) == "ab…"
    assert layout.fit("abc", 10, 1) == "…"  # no room at all: the ellipsis alone
    assert layout.fit("abc", 10, layout.text_width("abc", 10)) == "abc"


@pytest.mark.parametrize(
    ("date", "shown"),
    [("1992-09-07", "7 Sep 1992"), ("1992-09", "Sep 1992"), ("1992", "1992"), ("0815", "815")],
)
def test_short_date(date: str, shown: str) -> None:
    assert layout.short_date(PartialDate.parse(date)) == shown


@pytest.mark.parametrize(
    ("years", "shown"),
    [((1, 1), "1 year"), ((0, 0), "0 years"), ((33, 33), "33 years"), ((0, 1), "0–1 years")],
)
def test_years_text(years: tuple[int, int], shown: str) -> None:
    assert layout.years_text(YearsRange(*years)) == shown


def test_a_span_covers_the_dates_period() -> None:
    assert Span.of(PartialDate.parse("1992-02")) == (dt.date(1992, 2, 1), dt.date(1992, 2, 29))
    span = Span.of(PartialDate.parse("1992"), PartialDate.parse("1994-03"))
    assert span == (dt.date(1992, 1, 1), dt.date(1994, 3, 31))


def test_the_axis_holds_every_date_and_the_day_of_reference() -> None:
    marks = Row(
        "visit",
        Span.of(PartialDate.parse("1992-09-07")),
        Span.of(PartialDate.parse("1995")),
        (Span.of(PartialDate.parse("1991-12-28")),),
        "",
        "t",
        "",
        "",
    )
    assert Axis.over([marks], dt.date(2026, 1, 1)) == (1991, 2027, 62.0, 1538.0)
    assert Axis.over([marks], dt.date(1980, 1, 1))[:2] == (1991, 1996)  # before: left out


def test_x_is_linear_in_days() -> None:
    axis = Axis(2024, 2026, 100.0, 300.0)
    assert axis.x(dt.date(2024, 1, 1)) == 100.0
    assert axis.x(dt.date(2026, 1, 1)) == 300.0
    assert axis.x(dt.date(2025, 1, 1)) == pytest.approx(100 + 200 * 366 / 731)


def test_month_ticks_end_on_the_last_january() -> None:
    years, minor = Axis(2024, 2026, 62.0, 1538.0).ticks()
    assert years == [2024, 2025, 2026]
    assert len(minor) == 25
    assert (minor[0], minor[1], minor[-1]) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 2, 1),
        dt.date(2026, 1, 1),
    )


def test_an_axis_to_the_end_of_9999_ends_on_a_day_no_date_names() -> None:
    """1 January 10000 is out of range for a date: the axis still ends there."""
    last = Row("visit", Span.of(PartialDate.parse("9999-12-31")), None, (), "", "t", "", "")
    axis = Axis.over([last], dt.date(9999, 12, 31))
    assert axis[:2] == (9999, 10000)
    assert axis.x(dt.date(9999, 1, 1)) == axis.left
    assert axis.after(dt.date(9999, 12, 31)) == axis.right
    assert axis.after(dt.date(9999, 6, 30)) == pytest.approx((axis.left + axis.right) / 2, 0.01)
    years, minor = axis.ticks()
    assert years == [9999]
    assert minor[0] == dt.date(9999, 1, 1)
    assert minor[-1] == dt.date(9999, 12, 1)
    wide = Axis(1, 10000, 0.0, 9999.0)
    assert wide.x(dt.date(1, 1, 1)) == 0.0
    labelled, ticks = wide.ticks()
    assert labelled[-1] == 9900
    assert ticks[-1].year <= 9999
    (placed,) = layout.pack([last], axis, 13.0)
    assert placed.x < axis.right - 10  # no room right of the axis' end: the label goes left


def test_pack_shares_a_lane_when_nothing_overlaps() -> None:
    early, late = dt.date(2000, 1, 1), dt.date(2009, 6, 1)
    placed = layout.pack([row(early, "A"), row(late, "B"), row(early, "C")], AXIS, 13.0)
    assert [p.lane for p in placed] == [0, 0, 1]
    assert [p.title for p in placed] == ["A", "B", "C"]
    assert placed[0].x == pytest.approx(AXIS.x(early + layout.DAY) + 10)  # right of the marks


def test_pack_puts_a_label_left_of_marks_near_the_right_edge() -> None:
    day = dt.date(2009, 12, 1)
    (placed,) = layout.pack([row(day, "A much longer title")], AXIS, 13.0)
    assert placed.title == "A much longer title"
    end = placed.x + layout.text_width(placed.title, 13.0)
    assert end == pytest.approx(AXIS.x(day) - 10)


def test_pack_cuts_a_label_to_the_longest_allowed() -> None:
    long = row(dt.date(2000, 1, 1), "x" * 200, when="1 Jan 2000", extra="26 years")
    (placed,) = layout.pack([long], AXIS, 13.0)
    assert placed.title.endswith("…")
    fixed = layout.text_width("1 Jan 2000 ", 13.0)
    fixed += layout.text_width(" · 26 years", 13.0, bold=True)
    assert fixed + layout.text_width(placed.title, 13.0) <= layout.MAX_LABEL


def test_wrap_joins_items_after_the_lead() -> None:
    assert layout.wrap_items("Sources: ", ["A", "B"], 13) == ["Sources: A; B"]
    assert layout.wrap_items("Sources: ", [], 13) == ["Sources: "]
    assert layout._join(["", "A", "B"]) == "A; B"


def test_wrap_breaks_lines_and_counts_what_is_left_out() -> None:
    items = [f"Publisher {i} with a long name" for i in range(60)]
    room = layout.WIDTH - 2 * layout.MARGIN
    two = layout.wrap_items("Sources: ", items[:12], 13)
    assert len(two) == 2
    assert two[0].endswith(";")
    assert not two[1].endswith(";")
    assert two[1].endswith("Publisher 11 with a long name")
    lines = layout.wrap_items("Sources: ", items, 13)
    assert len(lines) == 3
    assert all(layout.text_width(line, 13) <= room for line in lines)
    shown = sum(line.count("Publisher") for line in lines)
    assert lines[-1].endswith(f"; and {60 - shown} more")
    assert layout.wrap_items("S: ", items, 13, most=1)[0].startswith("S: Publisher 0 with")
