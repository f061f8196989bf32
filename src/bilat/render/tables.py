"""Tables and panels drawn with Rich. Text from a store is data: never parsed as markup,
and terminal control characters in it are shown as visible escapes (``\\x1b``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.domain import Event
from bilat.text import clean

from .common import disputed_lines, event_fields, letter_lines, names, paragraphs, source_line
from .listings import Listing

if TYPE_CHECKING:
    from rich.console import RenderableType


def listing_table(listing: Listing) -> RenderableType:
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    if listing.heading:
        parts.append(Text(clean(listing.heading), style="bold"))
    rows = [[clean(cell) for cell in row] for row in listing.rows]
    if not rows:
        parts.append(Text(clean(listing.empty)))
    else:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
        for j, column in enumerate(listing.columns):
            wraps = column in listing.wrap
            table.add_column(
                column,
                no_wrap=not wraps,
                overflow="fold" if wraps else "ellipsis",
                min_width=10 if wraps else None,
                # A column that never wraps is as wide as its widest cell: saying so
                # spares Rich measuring each of its cells (a third of drawing a table).
                width=None if wraps else max(cell_len(column), *(cell_len(r[j]) for r in rows)),
            )
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        parts.append(table)
    parts += [Text(clean(note)) for note in listing.notes]
    return Group(*parts)


def letter_panel(event: Event, footer: str | None = None) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

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
        body.append(Text("(The store has no text for this letter.)\n"))
    sources = Text("Sources:\n", style="bold")
    for s in event.sources:
        sources.append("  " + clean(source_line(s)) + "\n")
    body.append(sources)
    title = Text(clean(f"Letter \u00b7 {names(event.parties)}"))
    panel = Panel(Group(*body), title=title, title_align="left")
    return Group(panel, Text(clean(footer))) if footer else panel


def event_panel(event: Event) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    body = Text()
    for key, value in event_fields(event):
        body.append(f"{key}: ", style="bold")
        body.append(clean(value) + "\n")
    body.append("Sources:\n", style="bold")
    for s in event.sources:
        body.append("  " + clean(source_line(s)) + "\n")
    if event.disputed:
        body.append("Disputed dates:\n", style="bold")
        for line in disputed_lines(event):
            body.append("  " + clean(line) + "\n")
    parts: list[RenderableType] = [body]
    if event.letter is not None:
        parts.append(letter_panel(event))
    return Panel(Group(*parts), title=Text(clean(event.title)), title_align="left")
