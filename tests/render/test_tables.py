"""Tables and panels drawn with Rich (bilat.render.tables): store text is never markup and
never a terminal control, a table fits its width by leaving out optional columns and never
splits a word, and sources go below a panel, each on one line."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

import pytest
from rich.console import Console

from bilat.domain import timeline
from bilat.model import Event
from bilat.render.columns import Column, Listing
from bilat.render.listings import timeline_listing
from bilat.render.tables import LONGEST_WORD, _fit, _min_width, event_panel, letter_panel
from bilat.render.tables import listing_table as table
from tests.helpers import make_event as make

if TYPE_CHECKING:
    from rich.console import RenderableType

AS_OF = dt.date(2022, 1, 1)
LONG = "Diplomatic relations established between two rather long named states"
HOSTILE = "[bold]x[/bold] [link=https://evil.example]y[/link] \x1b[31mred\x07"


def render(renderable: RenderableType, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(renderable, crop=False)
    return out.getvalue()


def events_listing(*events: Event, heading: str = "AZ – JP") -> Listing:
    return timeline_listing(("AZ", "JP"), AS_OF, timeline(events, AS_OF), heading)


TWO = events_listing(make(title=LONG), make(id="e-2", kind="visit", by="AZ", date="2006"))


def test_store_text_is_shown_as_it_is_never_as_markup() -> None:
    listing = events_listing(make(title=HOSTILE), heading=f"[red]{HOSTILE}")
    text = render(table(listing, 200), 200)
    assert text.count("[bold]x[/bold] [link=https://evil.example]y[/link] \\x1b[31mred\\x07") == 2
    assert "[red][bold]" in text
    assert "\x1b" not in text
    assert "\x07" not in text


@pytest.mark.parametrize(
    ("width", "left_out"),
    [(140, ""), (70, ""), (68, "Direction"), (58, "Direction"), (56, "Direction, Kind"),
     (36, "Direction, Kind"), (34, "Direction, Kind, Years ago")],
)  # fmt: skip
def test_a_table_leaves_out_optional_columns_in_order_to_fit(width: int, left_out: str) -> None:
    # Each column needs its widest cell, or its longest word when it wraps, and two cells:
    # Date 10, Kind 20, Event 11 ("established"), Direction 10, Years ago 9: 70 in all.
    text = render(table(TWO, width), width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    for word in LONG.split():  # words are never split
        assert any(word in line.split() for line in lines), word
    if left_out:
        note = f"Left out to fit {width} columns: {left_out} (wider: COLUMNS=...)"
        assert note in " ".join(text.split())  # the note may wrap
        assert all(column not in lines[1] for column in left_out.split(", "))
    else:
        assert "Left out" not in text
        assert lines[1].split() == ["Date", "Kind", "Event", "Direction", "Years", "ago"]


def test_without_a_width_nothing_is_left_out_or_wrapped() -> None:
    lines = render(table(TWO), 300).splitlines()
    assert lines[0] == "AZ – JP"
    assert LONG in lines[3]
    assert "Azerbaijan → Japan" in lines[4]
    assert len(lines) == 5


def test_an_empty_listing_is_its_heading_message_and_notes() -> None:
    empty = events_listing(heading="H")
    empty.notes = ["A note"]
    assert render(table(empty, 80), 80) == "H\nNo events match.\nA note\n"


@pytest.mark.parametrize(
    ("column", "cells", "wraps", "expected"),
    [
        ("Date", ["1992-09-07", "2006"], False, 10),
        ("Years ago", ["1"], False, 9),
        ("Event", ["a b", "longest word"], True, 7),
        ("Event", ["x" * 40], True, LONGEST_WORD),
        ("Event", ["日本語"], True, 5),  # Japanese folds between any two characters
        ("出来事", ["外交関係樹立"], True, 2),
        ("Partner", [], True, 7),
    ],
)
def test_min_width(column: str, cells: list[str], wraps: bool, expected: int) -> None:
    assert _min_width(column, cells, wraps) == expected


def test_fit_gives_wrapping_columns_what_is_left_in_fair_shares() -> None:
    rows = [["1992-09-07", "word " * 20, "Japan → Azerbaijan"]]
    listing = [Column(label="Date", cell=str), Column(label="Event", cell=str, wraps=True),
               Column(label="Direction", cell=str, wraps=True)]  # fmt: skip
    mins = [10, 4, 10]
    assert _fit(listing, rows, [0, 1, 2], mins, None) == {0: 10}
    assert _fit(listing, rows, [0, 1, 2], mins, 200) == {0: 10, 1: 100, 2: 18}
    squeezed = _fit(listing, rows, [0, 1, 2], mins, 60)
    assert squeezed == {0: 10, 1: 28, 2: 18}  # the short column gets all it could use
    assert sum(squeezed.values()) + 2 * 2 == 60
    assert _fit(listing, rows, [0, 1, 2], mins, 20) == {0: 10, 1: 4, 2: 10}  # never below a word


LETTER = make(id="l-1", kind="letter", by="AZ", title="A [red]letter[/red]", place="Baku",
              letter={"author": "Aliyev", "recipient": "Obuchi", "language": "ru",
                      "text": "Dear\nfriend,\n\nSecond\x1b paragraph."},
              sources=[{"title": "Library", "url": "https://lib.example/" + "x" * 80}])  # fmt: skip


def test_a_letter_panel_with_its_text_and_sources_below() -> None:
    text = render(letter_panel(LETTER, footer="More: \x07"), 60)
    lines = text.splitlines()
    assert lines[0].startswith("╭─ Letter · Azerbaijan – Japan ─")
    for expected in ("From: Aliyev", "Date: 7 September 1992, Baku", "Dear friend,",
                     "Occasion: A [red]letter[/red]", "Second\\x1b paragraph."):  # fmt: skip
        assert any(line.startswith(f"│ {expected}") for line in lines), expected
    below = lines[lines.index("Sources:") :]
    assert below[1] == "Library <https://lib.example/" + "x" * 80 + ">"  # one line, uncut
    assert lines[-1] == "More: \\x07"


def test_a_letter_without_its_text_shows_the_summary_and_says_so() -> None:
    bare = make(
        id="l-2", kind="letter", summary="The gist", letter={"author": "A", "recipient": "B"}
    )
    text = render(letter_panel(bare), 80)
    assert "│ The gist" in text
    assert "│ (The store has no text for this letter.)" in text


def test_an_event_panel_with_its_fields_sources_and_disputed_dates() -> None:
    claim = {"date": "1992-09-08", "note": "Another day.", "sources": [{"title": "S"}]}
    disputed = make(end_date="1992-09-09", note="A note", disputed=[claim], title=HOSTILE)
    text = render(event_panel(disputed), 80)
    lines = text.splitlines()
    assert lines[0].startswith("╭─ [bold]x[/bold]")
    for field in ("Id: e-1", "Date: 1992-09-07/09", "Kind: diplomatic-relations",
                  "Parties: Azerbaijan – Japan (AZ, JP)", "Note: A note"):  # fmt: skip
        assert f"│ {field}" in text
    panel_end = next(i for i, line in enumerate(lines) if line.startswith("╰"))
    assert lines[panel_end + 1 : panel_end + 3] == ["Sources:", "A source <https://example.org/>"]
    assert "Disputed dates:" in lines[panel_end:]
    assert "also given as date 1992-09-08. Another day. Sources: S" in text
    assert "\x1b" not in text


def test_an_event_panel_of_a_letter_holds_the_letter() -> None:
    text = render(event_panel(LETTER), 80)
    assert "│ By: Azerbaijan (Azerbaijan → Japan)" in text
    assert "│ │ From: Aliyev" in text  # the letter's panel, inside the event's
    assert text.count("Sources:") == 1  # once, below the panels, never cut by a border
    assert text.index("Sources:") > text.rindex("╰")


def test_below_the_panel_only_the_heading_is_bold() -> None:
    out = io.StringIO()
    Console(file=out, width=80, force_terminal=True, color_system="standard").print(
        event_panel(LETTER)
    )
    text = out.getvalue()
    assert "\x1b[1mSources:" in text
    line = next(line for line in text.splitlines() if "Sources:" in line)
    after = text.splitlines()[text.splitlines().index(line) + 1]
    assert not after.startswith("\x1b[1m"), repr(after)


@pytest.mark.usefixtures("speak")
def test_japanese_cells_fold_so_the_columns_are_those_of_english() -> None:
    """Unspaced Japanese breaks between any two characters: at 80 columns the upcoming
    anniversaries keep every column English keeps."""
    import datetime as dt

    from bilat import domain
    from bilat.render import lang
    from bilat.render.listings import anniversary_listing

    events = [make(id=f"e-{n}", parties=[a, "JP"], date=f"19{n}6-12-08")
              for n, a in enumerate(("US", "IS", "VC", "SA"), start=5)]  # fmt: skip
    start = dt.date(2026, 12, 7)
    found = domain.anniversaries_between(events, start, dt.date(2027, 3, 7), 5, "feb28")
    headers = {}
    for code in (None, "ja"):
        lang.use(code)
        listing = anniversary_listing(found, head={}, heading="h", empty="", as_of=start)
        lines = render(table(listing, 80), 80).splitlines()
        headers[code] = len(lines[1].split())
        assert all(len(line) <= 80 for line in lines if code is None)
    assert headers["ja"] == headers[None] == 7  # Date Day When Years Event Parties Since


@pytest.mark.usefixtures("speak")
def test_right_to_left_headings_and_panel_titles_isolate_names_and_numbers() -> None:
    from bilat.render import lang
    from bilat.render.listings import timeline_heading

    lang.use("ar")
    heading = timeline_heading(("AZ", "JP"), AS_OF, 2, None, None)
    lines = render(table(events_listing(make(), heading=heading), 100), 100).splitlines()
    assert lines[0] == "\u2068أذربيجان – اليابان\u2069: \u20682\u2069 events"
    plain = render(table(events_listing(make(), heading="AZ \u2068"), 100), 100)
    assert plain.splitlines()[0] == "AZ \\u2068"  # a heading with no values: cleaned only
    letter = render(letter_panel(LETTER), 60).splitlines()[0]
    assert letter.startswith("╭─ Letter · \u2068أذربيجان – اليابان\u2069 ─")
