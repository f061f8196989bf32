"""Events from a CSV file, one row per event.

Columns: ``date``, ``parties`` (codes separated by ``;``), ``kind``, ``title``,
``source_urls`` (``;``) and ``source_titles`` (`` | ``); optionally ``summary``, ``id``,
``by``, ``end_date``, ``note``, ``place``, ``letter_author``, ``letter_recipient``, and
``conflict`` (taken as the note when there is none).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from bilat import codec
from bilat.importers import Imported
from bilat.inputs import read_input
from bilat.vocab import StoreError

COLUMNS = ("date", "parties", "kind", "title", "source_urls", "source_titles")
OPTIONAL = (
    "source_types",
    "summary",
    "id",
    "by",
    "end_date",
    "note",
    "place",
    "letter_author",
    "letter_recipient",
    "conflict",
)
#: The columns of bilat's own CSV listings (``timeline --format csv``) that say what bilat
#: computed, not what a source says: read past, so that a listing imports as it is. Its
#: ``sources`` column (the sources' addresses) stands for ``source_urls``.
COMPUTED = ("years_ago_min", "years_ago_max", "disputed_dates", "evidence")


MAX_FILE = 256 << 20
#: The longest cell: a letter's text may be 200,000 characters (csv's default is 131,072).
MAX_FIELD = 1 << 20


def read_text(file: str) -> str:
    """The text of an input file, or a StoreError that says why not."""

    return codec.decode_text(read_input(file, what="CSV file", limit=MAX_FILE), file)


def _sources(
    urls: list[str], titles: list[str], types: list[str | None]
) -> list[tuple[str, str | None, str | None]]:
    found: list[tuple[str, str | None]]
    if urls:
        found = [(titles[i] if titles else url, url) for i, url in enumerate(urls)]
    else:
        found = [(t, None) for t in titles]
    if types and len(types) != len(found):
        raise StoreError(f"{len(found)} sources but {len(types)} source_types")
    return [(title, url, types[i] if types else None) for i, (title, url) in enumerate(found)]


def _row_event(row: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The fields of one row as an event's, and whether its id is to be made."""

    def cell(name: str) -> str | None:
        value = row.get(name)
        return value.strip() if isinstance(value, str) and value.strip() else None

    listed = cell("source_urls") or cell("sources") or ""
    urls = [u.strip() for u in listed.split(";") if u.strip()]
    titles = [t.strip() for t in (cell("source_titles") or "").split(" | ") if t.strip()]
    if urls and titles and len(urls) != len(titles):
        raise StoreError(f"{len(urls)} source_urls but {len(titles)} source_titles")
    # Types in the sources' order, an empty one for a source that states none.
    types: list[str | None] = [t.strip() or None for t in (cell("source_types") or "").split(";")]
    types = [] if not any(types) else types
    letter = None
    if cell("letter_author") or cell("letter_recipient"):
        letter = {"author": cell("letter_author"), "recipient": cell("letter_recipient")}
    fields = {
        "id": cell("id"),
        "date": cell("date"),
        "end_date": cell("end_date"),
        "parties": [p.strip().upper() for p in (cell("parties") or "").split(";") if p.strip()],
        "by": (cell("by") or "").upper() or None,
        "kind": cell("kind"),
        "title": cell("title"),
        "summary": cell("summary"),
        "place": cell("place"),
        "note": cell("note") or cell("conflict"),
        "sources": _sources(urls, titles, types),
        "letter": letter,
    }
    return fields, cell("id") is None


def _named(names: list[str]) -> str:
    """Column names for a message: the first ten, and how many there are in all."""
    shown = ", ".join(names[:10])
    return shown if len(names) <= 10 else f"{shown}, ... ({len(names)} in all)"


def _check_header(header: list[str], file: str) -> None:
    """Each column named once, every required one there and none unknown; in time linear
    in the number of columns (a header may name a hundred thousand)."""

    twice = sorted(name for name, count in Counter(header).items() if count > 1)
    if twice:
        raise StoreError(f"{file}: line 1: a column named twice: {_named(twice)}")
    present = set(header)
    listing = "sources" in present and "source_urls" not in present
    required = [c for c in COLUMNS if not (listing and c.startswith("source_"))]
    missing = [c for c in required if c not in present]
    if missing:
        raise StoreError(f"{file}: missing columns: {', '.join(missing)}")
    known = {*COLUMNS, *OPTIONAL, *(("sources", *COMPUTED) if listing else ())}
    unknown = [c for c in header if c not in known]
    if unknown:
        raise StoreError(f"{file}: unknown columns: {_named(unknown)}")


def read(file: str) -> Imported:
    """The events of a CSV file; rows in error are reported, in file order, not raised.
    Header names may have spaces around them (a header copied with ", " between names)."""
    csv.field_size_limit(MAX_FIELD)
    # The csv module splits the lines itself (a quoted cell may hold a line break), and
    # strict: an unclosed quote is an error, not the rest of the file in one cell.
    reader = csv.DictReader(io.StringIO(read_text(file), newline=""), strict=True)
    try:
        reader.fieldnames = [name.strip() for name in reader.fieldnames or []]
    except csv.Error as exc:
        raise StoreError(f"{file}: line 1: {exc}") from None
    _check_header(reader.fieldnames, file)
    result = Imported(events=[])
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise StoreError(f"{file}: line {reader.line_num + 1}: {exc}") from None
        line = reader.line_num
        try:
            fields, make_id = _row_event(row)
            event = codec.new_event(**fields)
        except StoreError as exc:
            result.errors.append(f"{file}: line {line}: {exc}")
            continue
        if make_id:
            result.new_ids.add(len(result.events))
        result.events.append(event)
    result.report = {"rows": len(result.events) + len(result.errors), "invalid": len(result.errors)}
    return result
