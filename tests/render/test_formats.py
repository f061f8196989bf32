"""Listings and single items as CSV, Markdown, plain lines and JSON (bilat.render.formats):
cells that never start a spreadsheet formula, Markdown that shows store text as text, the
JSON listing text, and the one switch between formats. Through the commands and real
clients: tests/cli/test_clients.py and tests/cli/test_safety.py."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import Any

import pytest
from markdown_it import MarkdownIt

from bilat.model import Source
from bilat.render.columns import Column, Listing
from bilat.render.formats import (
    LISTING_WRITERS,
    event_markdown,
    item_text,
    letter_markdown,
    listing_csv,
    listing_markdown,
    listing_plain,
    listing_press,
    listing_text,
    md,
    md_link,
    safe_cell,
)
from tests.helpers import make_event as make


def listing(*rows: list[str], **fields: Any) -> Listing:
    """Rows of (date, title) as a listing; the CSV and JSON show the same cells."""
    return Listing(
        items=rows,
        columns=[
            Column(label="Date", cell=lambda row: row[0], csv="date"),
            Column(label="Event", cell=lambda row: row[1], csv="title", wraps=True),
        ],
        json_item=lambda row: {"date": row[0], "title": row[1]},
        head={"count": len(rows)},
        key="rows",
        **fields,
    )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("=1+1", "'=1+1"), ("+31 20", "'+31 20"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), ("1992-09-07", "1992-09-07"),
     ("'quoted", "'quoted"), ("", "")],
)  # fmt: skip
def test_safe_cell(cell: str, expected: str) -> None:
    assert safe_cell(cell) == expected


def test_csv_cells_are_text_one_line_and_quoted_where_needed() -> None:
    rows = listing(["1992", '=HYPERLINK("x")'], ["-1", 'a, "b"\nc\x1b[31m'], heading="H")
    text = listing_csv(rows)
    assert text.startswith("date,title\n")  # the heading is no CSV row
    assert list(csv.reader(io.StringIO(text))) == [
        ["date", "title"],
        ["1992", '\'=HYPERLINK("x")'],
        ["'-1", 'a, "b" c\\x1b[31m'],
    ]
    raw = list(csv.reader(io.StringIO(listing_csv(rows, raw=True))))
    assert raw[1:] == [["1992", '=HYPERLINK("x")'], ["-1", 'a, "b" c\\x1b[31m']]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a|b", "a\\|b"), ("*x* _y_", "\\*x\\* \\_y\\_"), ("[t](u)", "\\[t\\](u)"),
     ("<b>", "\\<b\\>"), ("# h", "\\# h"), ("`c`", "\\`c\\`"), ("a\\b", "a\\\\b"),
     ("two\nlines", "two lines"), ("\x1b]0;x\x07", "\\\\x1b\\]0;x\\\\x07"),
     ("Türkiye 日本", "Türkiye 日本")],
)  # fmt: skip
def test_md_escapes(text: str, expected: str) -> None:
    assert md(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "*a* _b_ `c` [d](e) <i>f</i> # g | h \\ i ![j](k)",
        "AT&amp;T, &copy; and ~~struck~~",
        "1992. The year relations began",
        "3) a numbered line",
        "- not a list",
        "+ nor this",
        "--- nor a rule",
        "=== nor a heading",
    ],
)
def test_md_text_renders_as_the_same_text(text: str) -> None:
    rendered = MarkdownIt().render(md(text))
    assert rendered == f"<p>{html.escape(text, quote=False)}</p>\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (Source(title="Guide", url="https://x.example/a b(c)"),
         "[Guide](https://x.example/a%20b%28c%29)"),
        (Source(title="[1] *MFA*", url="https://x.example/?q=1&r=%20"),
         "[\\[1\\] \\*MFA\\*](https://x.example/?q=1&r=%20)"),
        (Source(title="No_address"), "No\\_address"),
    ],
)  # fmt: skip
def test_md_link(source: Source, expected: str) -> None:
    assert md_link(source) == expected


def test_markdown_listing_is_a_table_whose_cells_stay_cells() -> None:
    text = listing_markdown(listing(["1992", "a|b *c*"], heading="AZ | JP", notes=["* n"]))
    assert text.splitlines() == [
        "## AZ \\| JP",
        "",
        "| Date | Event |",
        "|---|---|",
        "| 1992 | a\\|b \\*c\\* |",
        "",
        "- \\* n",
    ]
    rendered = MarkdownIt().enable("table").render(text)
    assert re.findall(r"<td>(.*?)</td>", rendered) == ["1992", "a|b *c*"]


def test_an_empty_listing_says_so_in_markdown_and_plain() -> None:
    empty = listing(heading="Letters", empty="No letters_match.")
    assert listing_markdown(empty) == "## Letters\n\nNo letters\\_match.\n"
    assert listing_plain(empty) == "Letters\nNo letters_match.\n"


def test_plain_lines_align_columns_by_terminal_cells() -> None:
    rows = listing(["1992-09-07", "日本 visit"], ["2022", "A much longer\ttitle"], notes=["n"])
    assert listing_plain(rows).splitlines() == [
        "Date        Event",
        "──────────  ───────────────────",
        "1992-09-07  日本 visit",
        "2022        A much longer title",
        "n",
    ]


def test_json_listing_text_keeps_strings_exact_as_escapes() -> None:
    title = "bidi\u202e esc\x1b nel\x85 ok é"
    data = listing_text(listing(["1992", title]), "json")
    assert isinstance(data, bytes)
    assert data.endswith(b"}\n")
    for raw in ("\u202e", "\x1b", "\x85"):
        assert raw.encode() not in data
    assert b"\\u202e" in data
    assert "é".encode() in data  # UTF-8, not escaped
    assert json.loads(data) == {"count": 1, "rows": [{"date": "1992", "title": title}]}


def test_listing_text_switches_on_the_format() -> None:
    rows = listing(["1992", "=x"])
    assert listing_text(rows, "csv") == listing_csv(rows)
    assert listing_text(rows, "csv", raw=True) == "date,title\n1992,=x\n"
    assert listing_text(rows, "markdown") == listing_markdown(rows)
    from rich.console import Group

    assert isinstance(listing_text(rows, "table", 80), Group)
    assert isinstance(listing_text(rows, "text", lambda: 80), Group)  # a listing's text
    assert listing_text(rows, "table", plain=True) == listing_plain(rows)
    assert set(LISTING_WRITERS) == {"table", "json", "csv", "markdown", "press"}


def test_press_writes_one_sentence_per_item_and_only_for_a_listing_that_has_them() -> None:
    rows = listing(["1992", "A"], ["1993", "B"], line=lambda row: f"{row[1]} in {row[0]}.")
    assert listing_text(rows, "press") == "A in 1992.\nB in 1993.\n"
    assert listing_text(listing(line=str), "press") == ""
    with pytest.raises(ValueError, match="rows have no sentences"):
        listing_press(listing(["1992", "A"]))


@pytest.mark.parametrize("fmt", ["json", "markdown", "table"])
def test_item_text_builds_only_what_the_format_needs(fmt: str) -> None:
    def never() -> Any:
        raise AssertionError("built for another format")

    builders: dict[str, Any] = {"json": never, "markdown": never, "panel": never}
    builders["panel" if fmt == "table" else fmt] = lambda: {"json": {"a": 1}}.get(fmt, fmt)
    out = item_text(fmt, **builders)
    assert out == {"json": b'{\n  "a": 1\n}\n', "markdown": "markdown", "table": "table"}[fmt]


def test_letter_markdown_with_and_without_a_text() -> None:
    body = "Dear\nfriend,\n\nP_2"
    letter = make(id="l-1", kind="letter", title="A *letter*", place="Baku",
                  letter={"author": "Aliyev", "recipient": "Obuchi", "text": body})  # fmt: skip
    text = letter_markdown(letter, footer="See *also*")
    assert text.startswith("# A \\*letter\\*\n\n**From:** Aliyev  \n**To:** Obuchi  \n")
    assert "**Date:** 7 September 1992, Baku  \n" in text
    assert "\nDear friend,\n\nP\\_2\n" in text
    assert text.endswith("## Sources\n\n- [A source](https://example.org/)\n\nSee \\*also\\*\n")
    bare = make(id="l-2", kind="letter", summary="Gist", letter={"author": "A", "recipient": "B"})
    assert "*Gist*\n\n(The store has no text for this letter.)\n" in letter_markdown(bare)


def test_event_markdown_has_its_sections_in_order() -> None:
    claim = {"date": "1992-09-08", "note": "N.", "sources": [{"title": "S", "url": "https://s/"}]}
    text = event_markdown(make(end_date="1992-09-09", by="AZ", note="A_note", disputed=[claim]))
    assert "**Date:** 1992-09-07/09  \n" in text
    assert "**By:** Azerbaijan (Azerbaijan → Japan)  \n" in text
    assert "**Note:** A\\_note  \n" in text
    assert text.index("## Sources") < text.index("## Disputed dates")
    assert "also given as date 1992-09-08. N. Sources: [S](https://s/)\n" in text
    assert "## Letter" not in text
    assert text.endswith(")\n")
