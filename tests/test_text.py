"""Text from a store is data (bilat.text): what :func:`clean` lets through to a terminal,
what :func:`escape` quotes in an error message, and what JSON writers must escape on top of
the C0 controls (:func:`json_unsafe`)."""

from __future__ import annotations

import re

import pytest

from bilat.text import clean, escape, fold, json_unsafe

# What must never reach a terminal: C0/C1 controls but tab and newline, the Arabic letter
# mark, bidi marks and controls, line and paragraph separators, lone surrogates.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
#: Every unsafe code point lies below U+E000; a few printable ones above it.
CODE_POINTS = [*map(chr, range(0xE000)), "\ufeff", "\uff11", "\U0001f1e6", "\U0010ffff"]


def visible(char: str) -> str:
    """The escape a control becomes: its name for tab, newline and CR, else its number."""
    named = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# --------------------------------------------------------------------------- clean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text", "plain text"),
        ("Türkiye — 日本, Azərbaycan", "Türkiye — 日本, Azərbaycan"),
        ("[bold]markup[/bold] `code` | *star*", "[bold]markup[/bold] `code` | *star*"),
        ("tab\there", "tab here"),
        ("two\nlines", "two lines"),
        ("crlf\r\nline", "crlf line"),
        ("lone\rcr", "lone\\rcr"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("bell\x07 nul\x00 del\x7f", "bell\\x07 nul\\x00 del\\x7f"),
        ("c1\x85\x9b", "c1\\x85\\x9b"),
        ("\u202eevil\u202c", "\\u202eevil\\u202c"),
        ("\u2066iso\u2069 \u200e\u200f\u061c", "\\u2066iso\\u2069 \\u200e\\u200f\\u061c"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("lone \ud800", "lone \\ud800"),
        ("zwj \u200d nbsp \u202f", "zwj \u200d nbsp \u202f"),
        ("", ""),
    ],
)
def test_clean_gives_one_safe_line(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two\nlines", "two\nlines"),
        ("para\n\npara", "para\n\npara"),
        ("crlf\r\nline", "crlf\nline"),
        ("lone\rcr", "lone\\rcr"),
        ("tab\there", "tab here"),
        ("\x1b[2J\nnext", "\\x1b[2J\nnext"),
        ("\u2028sep", "\\u2028sep"),
    ],
)
def test_clean_multiline_keeps_line_breaks(text: str, expected: str) -> None:
    assert clean(text, multiline=True) == expected


def test_clean_escapes_every_unsafe_code_point_and_keeps_the_rest() -> None:
    for char in CODE_POINTS:
        if char in "\t\n":
            assert clean(char) == " "
            assert clean(char, multiline=True) == (" " if char == "\t" else "\n")
        elif UNSAFE.match(char):
            assert clean(char) == visible(char), repr(char)
            assert clean(char, multiline=True) == visible(char), repr(char)
        else:
            assert clean(char) == char, repr(char)
            assert clean(char, multiline=True) == char, repr(char)


# --------------------------------------------------------------------------- escape


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("Türkiye — 日本", "Türkiye — 日本"),
        ("x\x1btitelx", "x\\x1btitelx"),
        ("tab\there", "tab\\there"),
        ("two\nlines", "two\\nlines"),
        ("crlf\r\n", "crlf\\r\\n"),
        ("\x00\x7f\x85", "\\x00\\x7f\\x85"),
        ("\u202eevil", "\\u202eevil"),
        ("\udfff", "\\udfff"),
    ],
)
def test_escape_makes_every_control_visible(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_escape_gives_one_line_with_no_unsafe_code_point() -> None:
    for char in CODE_POINTS:
        out = escape(char)
        assert "\n" not in out
        assert "\t" not in out
        assert not UNSAFE.search(out), repr(char)
        assert out == (visible(char) if UNSAFE.match(char) or char in "\t\n" else char)


# --------------------------------------------------------------------------- json_unsafe()


@pytest.mark.parametrize(
    "char",
    [
        *("\x7f", "\x85", "\x9f", "\u061c", "\u200e", "\u200f", "\u2028", "\u202e"),
        *("\u2066", "\u2069", "\ud800", "\udfff"),
    ],
)
def test_json_unsafe_matches_what_json_writers_leave_raw(char: str) -> None:
    assert json_unsafe().fullmatch(char)


@pytest.mark.parametrize(
    "char",
    [
        *("\x00", "\x1b", "\n", "\t", "a", "é", "日", "~", "\xa0", "\u200d", "\u202f"),
        *("\u2070", "\ufeff", "\U0001f1e6"),
    ],
)
def test_json_unsafe_leaves_c0_controls_and_text_alone(char: str) -> None:
    """JSON writers escape the C0 controls themselves; printable text stays as it is."""
    assert not json_unsafe().search(char)


def test_json_unsafe_is_the_unsafe_set_beyond_c0() -> None:
    for char in CODE_POINTS:
        expected = bool(UNSAFE.match(char)) and ord(char) >= 0x20
        assert bool(json_unsafe().match(char)) == expected, repr(char)


def test_cell_width_counts_wide_and_combining_characters() -> None:
    from bilat.text import cell_width

    assert cell_width("Japan") == 5
    assert cell_width("日本") == 4
    assert cell_width("Azərbaycan") == 10
    assert cell_width("e\u0301") == 1  # e and a combining acute accent


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Côte d'Ivoire", "cote d'ivoire"), ("TÜRKIYE", "turkiye"), ("Straße", "strasse"), ("", "")],
)
def test_fold_drops_case_and_accents_only(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(folded) == folded
