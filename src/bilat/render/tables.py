"""Tables and panels drawn with Rich. Text from a store is data: never parsed as markup,
and terminal control characters in it are shown as visible escapes (``\\x1b``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bilat.domain import Event
from bilat.text import clean

from .common import (
    disputed_lines,
    event_fields,
    letter_lines,
    names,
    paragraphs,
    source_line,
    title,
)
from .lang import isolate, printed, t

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType

    from .columns import Column, Listing


#: A wrapping column is never narrower than its longest word, up to this many cells.
LONGEST_WORD = 24


#: Wide (CJK) characters: unspaced text that may break between any two of them.
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def _min_width(column: str, cells: list[str], wraps: bool) -> int:

    if not wraps:
        return max(cell_len(column), *(cell_len(c) for c in cells))
    # Japanese has no spaces: each wide character is a place to fold the line.
    words = [w for text in (column, *cells) for w in _WIDE.sub(" ", text).split()]
    wide = 2 if any(_WIDE.search(text) for text in (column, *cells)) else 1
    return min(LONGEST_WORD, max([wide, *(cell_len(w) for w in words)]))


def listing_table(listing: Listing, width: int | None = None) -> RenderableType:
    """The listing as a Rich table. Words are never split (a column that wraps is as
    wide as its longest word); when the columns cannot fit ``width`` that way, the
    listing's optional columns are left out, in its order, and a note says so."""

    parts: list[RenderableType] = []
    if listing.heading:
        parts.append(Text(printed(listing.heading), style="bold"))
    rows = [[clean(cell) for cell in row] for row in listing.rows]
    if not rows:
        parts.append(Text(clean(listing.empty)))
        parts += [Text(clean(note)) for note in listing.notes]
        return Group(*parts)
    shown = listing.shown
    columns = list(range(len(shown)))
    mins = [
        _min_width(t(c.label or ""), [r[j] for r in rows], c.wraps) for j, c in enumerate(shown)
    ]
    left_out = []
    for column in listing.droppable:
        # Each column takes its width and two cells of padding between it and the next.
        if width is None or sum(mins[j] + 2 for j in columns) <= width:
            break
        columns.remove(shown.index(column))
        left_out.append(t(column.label or ""))
    widths = _fit(shown, rows, columns, mins, width)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for j in columns:
        wraps = shown[j].wraps
        table.add_column(
            t(shown[j].label or ""),
            no_wrap=not wraps,
            overflow="fold" if wraps else "ellipsis",
            min_width=mins[j],
            # Every width is given: Rich then measures no cell (a third of drawing a
            # table) and lays the columns out exactly as computed here.
            width=widths.get(j),
        )
    for row in rows:
        table.add_row(*(Text(isolate(row[j])) for j in columns))
    parts.append(table)
    parts += [Text(clean(note)) for note in listing.notes]
    if left_out:
        parts.append(
            Text(
                t("Left out to fit {width} columns: {columns} (wider: COLUMNS=...)").format(
                    width=width, columns=", ".join(left_out)
                )
            )
        )
    return Group(*parts)


def _fit(
    shown: Sequence[Column],
    rows: list[list[str]],
    columns: list[int],
    mins: list[int],
    width: int | None,
) -> dict[int, int]:
    """The width of each column: a column that never wraps as wide as its widest cell; the
    columns that wrap share what is left of ``width``, each at least its longest word and
    at most its longest cell, in proportion to what more they could use."""

    fixed = {j: mins[j] for j in columns if not shown[j].wraps}
    wrapping = [j for j in columns if j not in fixed]
    if width is None:
        return fixed
    most = {
        j: max(cell_len(t(shown[j].label or "")), *(cell_len(r[j]) for r in rows)) for j in wrapping
    }
    free = width - 2 * (len(columns) - 1) - sum(fixed.values())
    need = sum(mins[j] for j in wrapping)
    if sum(most.values()) <= free:
        return {**fixed, **most}
    # Max-min fair shares: columns that need little get all they need, the others split
    # the rest evenly, none below its longest word.
    shares: dict[int, int] = {}
    pending = sorted(wrapping, key=lambda j: most[j])
    left = max(free, need)
    while pending and most[pending[0]] <= left // len(pending):
        j = pending.pop(0)
        shares[j] = most[j]
        left -= most[j]
    for n, j in enumerate(pending):
        shares[j] = max(mins[j], left // (len(pending) - n))
        left -= shares[j]
    return {**fixed, **shares}


def _below(heading: str, lines: Sequence[str]) -> RenderableType:
    """Lines outside the panel, each on one line however long, so that an address is
    never split by a border and can be copied whole (the terminal wraps it)."""

    text = Text()
    text.append(f"{heading}:\n", style="bold")  # the heading alone, not the lines
    for line in lines:
        text.append(clean(line) + "\n")
    text.no_wrap = True
    text.overflow = "ignore"
    return text


def letter_panel(event: Event, footer: str | None = None) -> RenderableType:
    """The letter in a box, then its sources (and the footer) outside it."""

    below = [_letter_box(event), _below(t("Sources"), [source_line(s) for s in event.sources])]
    return Group(*below, Text(clean(footer))) if footer else Group(*below)


def _letter_box(event: Event) -> RenderableType:

    letter = event.letter
    assert letter is not None
    head = Text()
    for key, value in letter_lines(event):
        head.append(f"{key}: ", style="bold")
        head.append(clean(value) + "\n")
    body: list[RenderableType] = [head]
    if letter.text:
        body += [Text(clean(p) + "\n") for p in paragraphs(letter.text)]
    else:
        if event.summary:
            body.append(Text(clean(event.summary) + "\n", style="italic"))
        body.append(Text(t("(The store has no text for this letter.)") + "\n"))
    heading = Text(f"{clean(t('Letter'))} \u00b7 {isolate(clean(names(event.parties)))}")
    return Panel(Group(*body), title=heading, title_align="left")


def event_panel(event: Event) -> RenderableType:

    body = Text()
    for key, value in event_fields(event):
        body.append(f"{key}: ", style="bold")
        body.append(clean(value) + "\n")
    parts: list[RenderableType] = [body]
    if event.letter is not None:
        parts.append(_letter_box(event))  # its sources are the event's, below
    panel = Panel(Group(*parts), title=Text(clean(title(event))), title_align="left")
    below = [_below(t("Sources"), [source_line(s) for s in event.sources])]
    if event.disputed:
        below.append(_below(t("Disputed dates"), disputed_lines(event)))
    return Group(panel, *below)
