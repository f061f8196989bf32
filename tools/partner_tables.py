"""The partner tables of ``data/sources/partners/``: their rows, and the pairs they show to
have no relations (for ``bilat relations`` to name, beside the bundled store)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"


def table_rows(pattern: str) -> Iterable[tuple[str, int, dict[str, str]]]:
    for path in sorted((SOURCES / "partners").glob(pattern)):
        with path.open(encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), 2):
                yield path.name, line, {k: (v or "").strip() for k, v in row.items()}


def no_relations() -> bytes:
    """The pairs the partner tables show to have no relations (``status`` no-relations in
    ``partners/*-undated.csv``), with the reason, for ``bilat relations`` to name."""
    pairs = [
        {"country": row["focal"], "partner": row["partner"], "reason": row["reason"]}
        for _, _, row in table_rows("*-undated.csv")
        if row["status"] == "no-relations"
    ]
    pairs.sort(key=lambda p: (p["country"], p["partner"]))
    return (json.dumps(pairs, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
