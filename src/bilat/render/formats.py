"""Listings and single items as CSV, Markdown, JSON and sentences, and the registries of
writers that pick the output format by its name, one per kind of output (a listing, one
item); tables and panels come from :mod:`bilat.render.tables`, imported only when drawn."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from bilat.domain import Event, Source
from bilat.text import cell_width, clean

from . import lang
from .columns import Listing
from .common import (
    Linked,
    disputed_lines,
    dump_json,
    event_fields,
    letter_lines,
    link_target,
    paragraphs,
    title,
)
from .lang import t

if TYPE_CHECKING:
    from rich.console import RenderableType


#: What a spreadsheet takes for the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading apostrophe before a formula start."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def listing_csv(listing: Listing, *, raw: bool = False) -> str:
    """RFC 4180 CSV, one header row; control characters made visible, and every cell
    that a spreadsheet would run as a formula written as text (unless ``raw``)."""
    out = io.StringIO()
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(listing.csv_columns)
    for row in listing.csv_rows:
        cells = [clean(cell) for cell in row]
        writer.writerow(cells if raw else [safe_cell(c) for c in cells])
    return out.getvalue()


def md_link(source: Source) -> str:
    """A source as a Markdown link, ``[title](url)``, or its escaped title alone."""
    if not source.url:
        return md(source.title)
    return f"[{md(source.title)}]({link_target(source.url)})"


def md_text(text: str) -> str:
    """Text as :func:`md` writes it; a line that ends with sources (:class:`Linked`) with
    them as links, which CommonMark and GitHub's Markdown both make links of (an address
    escaped as text, ``\\<https://...\\>``, is plain text to the one and a broken link
    to the other)."""
    if isinstance(text, Linked):
        return md(text.lead) + "; ".join(md_link(s) for s in text.sources)
    return md(text)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")
# What makes a line a list item, a rule or a heading underline when it starts it:
# "- ", "+ ", "=", "1992. ", "1) ".
_MD_LEADING = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))")


def md(text: str) -> str:
    """Markdown-escaped, single-line, control-free text: read as Markdown, it is the text
    itself, wherever a line may start with it (a list item, a letter's paragraph)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", clean(text))
    return _MD_LEADING.sub(_leading, escaped, count=1)


def _leading(match: re.Match[str]) -> str:
    space, sign, number, end = match.groups()
    return f"{space}\\{sign}" if sign else f"{space}{number}\\{end}"


def listing_markdown(listing: Listing) -> str:
    lines = []
    if listing.heading:
        lines += [f"## {md(listing.heading)}", ""]
    rows = listing.rows
    if not rows:
        lines.append(md(listing.empty))
    else:
        headers = listing.headers
        lines.append("| " + " | ".join(md(t(c)) for c in headers) + " |")
        lines.append("|" + "|".join("---" for _ in headers) + "|")
        lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
    if listing.notes:
        lines.append("")
        lines += [f"- {md_text(note)}" for note in listing.notes]
    return "\n".join(lines) + "\n"


def letter_markdown(event: Event, footer: str | None = None) -> str:
    letter = event.letter
    assert letter is not None
    lines = [f"# {md(title(event))}", ""]
    lines += [f"**{k}:** {md(v)}  " for k, v in letter_lines(event)]
    lines.append("")
    if letter.text:
        lines += [md(p) + "\n" for p in paragraphs(letter.text)]
    elif event.summary:
        lines += [f"*{md(event.summary)}*", "", t("(The store has no text for this letter.)"), ""]
    lines += [f"## {t('Sources')}", ""]
    lines += [f"- {md_link(s)}" for s in event.sources]
    if footer:
        lines += ["", md(footer)]
    return "\n".join(lines) + "\n"


def event_markdown(event: Event) -> str:
    lines = [f"# {md(title(event))}", ""]
    lines += [f"**{k}:** {md(v)}  " for k, v in event_fields(event)]
    lines += ["", f"## {t('Sources')}", ""]
    lines += [f"- {md_link(s)}" for s in event.sources]
    if event.disputed:
        lines += ["", f"## {t('Disputed dates')}", ""]
        lines += [f"- {md_text(line)}" for line in disputed_lines(event)]
    if event.letter is not None:
        lines += ["", f"## {t('Letter')}", ""]
        lines += [f"**{k}:** {md(v)}  " for k, v in letter_lines(event)[:2]]
        if event.letter.text:
            lines.append("")
            lines += [md(p) + "\n" for p in paragraphs(event.letter.text)]
    return "\n".join(lines).rstrip("\n") + "\n"


class Out(NamedTuple):
    """How a listing is written: the terminal's width (a callable is asked only when a
    table is drawn), CSV cells as stored (``raw``), tables as plain lines (``plain``)."""

    width: int | Callable[[], int] | None = None
    raw: bool = False
    plain: bool = False


def _table(listing: Listing, out: Out) -> str | RenderableType:
    if out.plain:
        return listing_plain(listing)
    from .tables import listing_table

    return listing_table(listing, out.width() if callable(out.width) else out.width)


def _json(listing: Listing, out: Out) -> bytes:
    with lang.for_data():  # neutral unless --lang asked for labels
        return dump_json(listing.data)


def _csv(listing: Listing, out: Out) -> str:
    with lang.for_data():
        return listing_csv(listing, raw=out.raw)


def listing_press(listing: Listing, out: Out | None = None) -> str:
    """One sentence per item (the press line of an anniversary), in the reader's language."""
    line = listing.line
    if line is None:
        raise ValueError(f"{listing.key} have no sentences")
    return "".join(line(item) + "\n" for item in listing.items)


#: The writers of a listing, by format name: each gives what ``emit`` prints.
LISTING_WRITERS: dict[str, Callable[[Listing, Out], bytes | str | RenderableType]] = {
    "table": _table,
    "json": _json,
    "csv": _csv,
    "markdown": lambda listing, out: listing_markdown(listing),
    "press": listing_press,
}
#: Other names of a listing's formats: a listing's ``text`` is its table (a command whose
#: ``text`` is something else says so in its --format option, see bilat.cli.options).
LISTING_ALIASES = {"text": "table"}


def listing_text(
    listing: Listing,
    fmt: str,
    width: int | Callable[[], int] | None = None,
    *,
    raw: bool = False,
    plain: bool = False,
) -> bytes | str | RenderableType:
    """The listing in ``fmt`` (a name of :data:`LISTING_WRITERS` or an alias): bytes for
    json, a string for csv (``raw``: formulas left as they are), markdown, press and plain
    tables, a renderable for tables."""
    writer = LISTING_WRITERS[LISTING_ALIASES.get(fmt, fmt)]
    return writer(listing, Out(width, raw, plain))


#: The writers of one item (an event, a letter), by format name: each calls the builder
#: of its representation (``json``, ``markdown`` or ``panel``) and gives what it prints.
ITEM_WRITERS: dict[str, Callable[[dict[str, Callable[[], Any]]], bytes | str | RenderableType]] = {
    "text": lambda build: build["panel"](),
    "json": lambda build: _neutral_json(build["json"]),
    "markdown": lambda build: build["markdown"](),
}
#: Other names of an item's formats: for one item, a table is its panel (``show-letter``
#: lists letters in a table with --list, and shows one as a panel without).
ITEM_ALIASES = {"table": "text"}


def _neutral_json(build: Callable[[], Any]) -> bytes:
    with lang.for_data():
        return dump_json(build())


def item_text(
    fmt: str,
    *,
    json: Callable[[], Any],
    markdown: Callable[[], str],
    panel: Callable[[], RenderableType],
) -> bytes | str | RenderableType:
    """One item (an event, a letter) in ``fmt``: JSON, Markdown, or a panel for people."""
    writer = ITEM_WRITERS[ITEM_ALIASES.get(fmt, fmt)]
    return writer({"json": json, "markdown": markdown, "panel": panel})


def listing_plain(listing: Listing) -> str:
    """The table as plain lines, one row per line however long, for pipes (``grep`` and
    ``cut`` see each row whole): columns padded to their widest cell, two spaces apart."""
    lines = [lang.printed(listing.heading)] if listing.heading else []
    rows = [[clean(cell) for cell in row] for row in listing.rows]
    if not rows:
        lines.append(clean(listing.empty))
    else:
        headers = [t(column) for column in listing.headers]
        measured = [[cell_width(cell) for cell in row] for row in [headers, *rows]]
        widths = [max(column) for column in zip(*measured, strict=True)]

        def line(cells: list[str], sizes: list[int]) -> str:
            padded = [
                lang.isolate(c) + " " * (w - n)
                for c, n, w in zip(cells, sizes, widths, strict=True)
            ]
            return "  ".join(padded).rstrip()

        lines.append(line(headers, measured[0]))
        lines.append("  ".join("\u2500" * w for w in widths))
        lines += [line(r, n) for r, n in zip(rows, measured[1:], strict=True)]
    lines += [clean(note) for note in listing.notes]
    return "\n".join(lines) + "\n"
