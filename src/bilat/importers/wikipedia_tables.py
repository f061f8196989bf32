"""The list tables of a "Foreign relations of X" article: rows of partner and date.

MediaWiki's table syntax is line-based (``{|`` opens a table at the start of a line,
``|}`` closes it), so an article is first cut into its top-level tables by their lines;
only a table whose header names a partner column and a date column is then parsed, with
mwparserfromhell, into rows and cells. What a cell says (a partner, a date, references)
is read from the parsed nodes (:mod:`bilat.importers.wikipedia_cells`), never by
patterns over the markup. Pure: no I/O.

A *list table* is a table with a header row that has

* a partner column headed "Country", "State" or "Entity", and
* a date column headed "Date", or saying when relations were established ("Relations
  established", "Diplomatic relations established"); a column of recognition, of an
  application or of a stamp's issue is not one.

The regional tables of the articles' prose sections ("Country | Formal relations began |
Notes") are not list tables: their date cells are free prose.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import msgspec
import mwparserfromhell
from mwparserfromhell.nodes import Tag, Text
from mwparserfromhell.wikicode import Wikicode

from bilat.importers.wikipedia_cells import ref_tags, visible_text

__all__ = ["ListTable", "Row", "list_table", "split_tables"]

_PARTNER_HEADERS = frozenset({"country", "state", "entity"})
_NOTE_HEADERS = frozenset({"notes", "note", "remarks", "comments"})
_DATE_HEADERS = frozenset({"date", "relations established", "diplomatic relations established"})


class Row(msgspec.Struct, kw_only=True):
    """One data row of a list table: its partner and date cells, and every cell."""

    line: int  # the row's first line in the article, from 1
    partner: Wikicode
    date: Wikicode
    cells: list[Wikicode]
    #: The note column's cell, where the table has one.
    notes: Wikicode | None = None
    #: The row's ``<ref>`` tags, in order.
    refs: list[Tag] = msgspec.field(default_factory=list)


class ListTable(msgspec.Struct, kw_only=True):
    """A list table: its first line, its rows, and the references its partner and date
    headers cite."""

    line: int
    rows: list[Row]
    header_refs: list[Tag]
    #: The state the caption names ("List of diplomatic relations of the United Kingdom").
    caption: str | None = None
    #: Whether these are the regional sections' tables, read for want of a list.
    regional: bool = False
    rows_with_bad_shape: list[int] = msgspec.field(default_factory=list)


def split_tables(text: str) -> Iterator[tuple[int, str]]:
    """The article's top-level tables: (first line from 1, the table's text)."""
    lines = text.split("\n")
    depth = 0
    start = 0
    for i, line in enumerate(lines):
        head = line.lstrip()
        if head.startswith("{|"):
            if depth == 0:
                start = i
            depth += 1
        elif head.startswith("|}") and depth:
            depth -= 1
            if depth == 0:
                yield start + 1, "\n".join(lines[start : i + 1])


def _header_part(table: str) -> str:
    """The table's text up to its first data cell, closed: enough to read the header."""
    lines = table.split("\n")
    for i, line in enumerate(lines[1:], 1):
        head = line.lstrip()
        if head.startswith("|") and not head.startswith(("|-", "|+", "|}")):
            return "\n".join(lines[:i]) + "\n|}"
    return table


def _rows(table: Tag) -> Iterator[list[Tag]]:
    """The cells of each row, the header cells written right after ``{|`` (with no
    ``|-`` before them) being a row of their own."""
    loose: list[Tag] = []
    for node in table.contents.nodes:
        if not isinstance(node, Tag):
            continue
        if _is_caption(node):
            continue
        if node.tag in ("th", "td"):
            loose.append(node)
        elif node.tag == "tr":
            if loose:
                yield loose
                loose = []
            yield [c for c in node.contents.nodes if isinstance(c, Tag) and c.tag in ("td", "th")]
    if loose:
        yield loose


def _is_caption(node: Tag) -> bool:
    """mwparserfromhell reads a caption (``|+``) as a cell whose text starts with ``+``."""
    if node.tag == "caption":
        return True
    if node.tag != "td" or not node.contents or not node.contents.nodes:
        return False
    first = node.contents.nodes[0]
    return isinstance(first, Text) and str(first).startswith("+")


def _fold(cell: Tag) -> str:
    return " ".join(visible_text(cell.contents).lower().split())


class _Columns(msgspec.Struct):
    partner: int
    date: int
    notes: int | None
    refs: list[Tag]


def _is_regional(header: str) -> bool:
    """A regional section's date column: "Formal relations began", "... (re)established"."""
    return header.startswith("formal relations") or header == "relations began"


def _columns(
    table: Tag, dates: Callable[[str], bool] = _DATE_HEADERS.__contains__
) -> _Columns | None:
    """The positions of the partner, date and note columns and the refs the first two's
    headers cite, from the first header row that has a partner and a date column (one
    whose header ``dates`` takes)."""
    for cells in _rows(table):
        if not cells or any(c.tag != "th" for c in cells):
            continue
        names = [_fold(c) for c in cells]
        partner = next((i for i, n in enumerate(names) if n in _PARTNER_HEADERS), None)
        date = next((i for i, n in enumerate(names) if dates(n)), None)
        notes = next((i for i, n in enumerate(names) if n in _NOTE_HEADERS), None)
        if partner is not None and date is not None:
            refs = ref_tags(cells[partner].contents) + ref_tags(cells[date].contents)
            return _Columns(partner, date, notes, refs)
    return None


def _table_tag(text: str) -> Tag | None:
    found = mwparserfromhell.parse(text).filter_tags(recursive=False, matches=_is_table)
    return found[0] if found else None


def _is_table(node: Tag) -> bool:
    return bool(node.tag == "table")


def _caption(table: Tag) -> str | None:
    """The state a table's caption names, if it says whose relations it lists."""
    for node in table.contents.nodes:
        if isinstance(node, Tag) and _is_caption(node):
            text = visible_text(node.contents).lstrip("+ ")
            for lead, tail in ((" relations of ", ""), (" which ", " maintains")):
                if lead in text:
                    name = text.split(lead, 1)[1]
                    name = name.split(tail, 1)[0] if tail else name
                    return name.strip(" :.") or None
    return None


def list_table(text: str) -> tuple[ListTable | None, list[int]]:
    """The article's list: its first list table, parsed; and the first lines of the later
    tables with a partner and a date column, which are not read (consular relations,
    "other relations", the regional sections' tables that repeat the list in prose). An
    article with no list table has its regional sections' tables ("Country | Formal
    relations began | Notes") read as one list instead."""
    found: ListTable | None = None
    others: list[int] = []
    tables = list(split_tables(text))
    for line, table_text in tables:
        head = _table_tag(_header_part(table_text))
        if head is None or _columns(head) is None:
            continue
        if found is not None:
            others.append(line)
            continue
        found = _parsed(table_text, line, _DATE_HEADERS.__contains__)
    return found or _regional(tables), others


def _parsed(text: str, line: int, dates: Callable[[str], bool]) -> ListTable | None:
    table = _table_tag(text)
    columns = _columns(table, dates) if table is not None else None
    if table is None or columns is None:
        return None
    return _read(table, text, line, columns)


def _regional(tables: list[tuple[int, str]]) -> ListTable | None:
    """The regional sections' tables, as one list (None when there are none)."""
    found: ListTable | None = None
    for line, table_text in tables:
        head = _table_tag(_header_part(table_text))
        if head is None or _columns(head, _is_regional) is None:
            continue
        part = _parsed(table_text, line, _is_regional)
        if part is None:  # pragma: no cover - the header parsed, so the table does
            continue
        if found is None:
            found = part
        else:
            found.rows += part.rows
            found.rows_with_bad_shape += part.rows_with_bad_shape
    if found is not None:
        found.regional = True
    return found


def _read(table: Tag, text: str, line: int, columns: _Columns) -> ListTable:
    partner, date, notes = columns.partner, columns.date, columns.notes
    found = ListTable(line=line, rows=[], header_refs=columns.refs, caption=_caption(table))
    offset = 0
    row_line = line
    for cells in _rows(table):
        if not any(c.tag == "td" for c in cells):
            continue
        at = text.find(str(cells[0]), offset)
        if at >= 0:
            row_line += text.count("\n", offset, at)
            offset = at
        if len(cells) <= max(partner, date):
            found.rows_with_bad_shape.append(row_line)
            continue
        found.rows.append(
            Row(
                line=row_line,
                partner=cells[partner].contents,
                date=cells[date].contents,
                cells=[c.contents for c in cells],
                notes=cells[notes].contents if notes is not None and notes < len(cells) else None,
                refs=[t for c in cells for t in ref_tags(c.contents)],
            )
        )
    return found
