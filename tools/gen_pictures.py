"""Regenerate the picture the README shows: the Azerbaijan–Japan timeline of the bundled
store, as of a fixed date, in docs/azjp-timeline.svg and docs/azjp-timeline.png.

Usage (from the repository root, with the ``images`` or ``test`` extra installed)::

    python tools/gen_pictures.py           # write both files
    python tools/gen_pictures.py --check   # exit 1 when the committed SVG is not current

The output depends on nothing but the bundled store and the code: a fixed as-of date, no
timestamps, no random ids. tests/render/test_svg.py checks that the committed SVG is what
this tool makes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
DOCS = ROOT / "docs"
SVG_PATH = DOCS / "azjp-timeline.svg"
PNG_PATH = DOCS / "azjp-timeline.png"
AS_OF = dt.date(2026, 1, 1)
PAIR = ("AZ", "JP")
PNG_WIDTH = 1600

if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))


def timeline_svg(as_of: dt.date = AS_OF) -> str:
    """The pair's timeline picture from the bundled store alone (never your own store)."""
    from bilat import domain
    from bilat.render import svg
    from bilat.store import bundled_store

    events = bundled_store().events
    a, b = PAIR
    entries = domain.timeline(domain.filter_events(events, all_countries=PAIR), as_of)
    relations = domain.relations_event(events, a, b)
    years = domain.elapsed_years(relations.date, as_of) if relations is not None else None
    return svg.timeline_svg(list(PAIR), entries, as_of, relations, years)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the committed SVG")
    args = parser.parse_args(argv)
    picture = timeline_svg()
    if args.check:
        current = SVG_PATH.exists() and SVG_PATH.read_text(encoding="utf-8") == picture
        print(f"{SVG_PATH.relative_to(ROOT)} is {'current' if current else 'out of date'}")
        return 0 if current else 1
    from bilat.render.png import to_png

    DOCS.mkdir(exist_ok=True)
    SVG_PATH.write_text(picture, encoding="utf-8")
    PNG_PATH.write_bytes(to_png(picture, PNG_WIDTH))
    print(f"wrote {SVG_PATH.relative_to(ROOT)} and {PNG_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
