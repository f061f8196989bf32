"""The least a command line can do for ``bilat anniversary --year 2022`` at a cold start:
import click and msgspec, load the bundled store, pick the round anniversaries, print
them as JSON (``json``) or as a Rich table (``table``).

    python benchmarks/minimal_cold.py json|table STORE

The baseline of the cold-start rows of ``benchmarks/run.py``: like bilat, it starts an
interpreter, imports a command-line library and the decoder, and reads the whole store;
unlike bilat, it checks nothing.
"""

from __future__ import annotations

import sys

import click  # noqa: F401 - what any click tool imports at start
import msgspec
from minimal import anniversary  # next to this script


def main(argv: list[str]) -> None:
    mode, store = argv
    result = anniversary(store, 2022, 5)
    if mode == "json":
        sys.stdout.buffer.write(msgspec.json.format(msgspec.json.encode(result), indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for column in ("Date", "Day", "Years", "Event", "Parties", "Since"):
        table.add_column(column)
    for row in result["anniversaries"]:  # type: ignore[index]
        table.add_row(row["date"], row["weekday"] or "", row["ordinal"], row["title"],
                      " – ".join(row["parties"]), row["event_date"])  # fmt: skip
    Console().print(table)


if __name__ == "__main__":
    main(sys.argv[1:])
