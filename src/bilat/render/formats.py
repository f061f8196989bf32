"""Listings and single items as CSV, Markdown and JSON, and the one switch that picks
the output format at the end (tables and panels come from :mod:`bilat.render.tables`,
imported only when drawn)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bilat.domain import Event, Source
from bilat.text import cell_width, clean

from .common import disputed_lines, dump_json, event_fields, letter_lines, paragraphs, title
from .lang import t
from .listings import Listing

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
    from urllib.parse import quote

    target = quote(clean(source.url), safe=":/?#[]@!$&'*+,;=%~-._")
    target = target.replace("(", "%28").replace(")", "%29")
    return f"[{md(source.title)}]({target})"


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
        lines.append("| " + " | ".join(md(t(c)) for c in listing.columns) + " |")
        lines.append("|" + "|".join("---" for _ in listing.columns) + "|")
        lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
    if listing.notes:
        lines.append("")
        lines += [f"- {md(note)}" for note in listing.notes]
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
        lines += [f"- {md(line)}" for line in disputed_lines(event)]
    if event.letter is not None:
        lines += ["", f"## {t('Letter')}", ""]
        lines += [f"**{k}:** {md(v)}  " for k, v in letter_lines(event)[:2]]
        if event.letter.text:
            lines.append("")
            lines += [md(p) + "\n" for p in paragraphs(event.letter.text)]
    return "\n".join(lines).rstrip("\n") + "\n"


def listing_text(
    listing: Listing, fmt: str, width: int | None = None, *, raw: bool = False
) -> bytes | str | RenderableType:
    """The listing in ``fmt``: bytes for json, a string for csv (``raw``: formulas left
    as they are) and markdown, a renderable for tables."""
    if fmt == "json":
        return dump_json(listing.data)
    if fmt == "csv":
        return listing_csv(listing, raw=raw)
    if fmt == "markdown":
        return listing_markdown(listing)
    from .tables import listing_table

    return listing_table(listing, width)


def item_text(
    fmt: str,
    *,
    json: Callable[[], Any],
    markdown: Callable[[], str],
    panel: Callable[[], RenderableType],
) -> bytes | str | RenderableType:
    """One item (an event, a letter) in ``fmt``: JSON, Markdown, or a panel for people."""
    if fmt == "json":
        return dump_json(json())
    if fmt == "markdown":
        return markdown()
    return panel()


def listing_plain(listing: Listing) -> str:
    """The table as plain lines, one row per line however long, for pipes (``grep`` and
    ``cut`` see each row whole): columns padded to their widest cell, two spaces apart."""
    lines = [clean(listing.heading)] if listing.heading else []
    rows = [[clean(cell) for cell in row] for row in listing.rows]
    if not rows:
        lines.append(clean(listing.empty))
    else:
        headers = [t(column) for column in listing.columns]
        measured = [[cell_width(cell) for cell in row] for row in [headers, *rows]]
        widths = [max(column) for column in zip(*measured, strict=True)]

        def line(cells: list[str], sizes: list[int]) -> str:
            padded = [c + " " * (w - n) for c, n, w in zip(cells, sizes, widths, strict=True)]
            return "  ".join(padded).rstrip()

        lines.append(line(headers, measured[0]))
        lines.append("  ".join("\u2500" * w for w in widths))
        lines += [line(r, n) for r, n in zip(rows, measured[1:], strict=True)]
    lines += [clean(note) for note in listing.notes]
    return "\n".join(lines) + "\n"
