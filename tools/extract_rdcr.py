"""Extract the facts of the State Department's guide into ``data/sources/rdcr.json``.

Usage, from anywhere (the package must be importable: ``pip install -e .``)::

    python tools/extract_rdcr.py [--guide PATH] [--check]

The guide's TEI articles (HistoryAtState/rdcr, see ``../shared/data/README.md``) stay
beside the repository, in ``../shared/data/rdcr/`` relative to its root; the repository
commits only the events ``bilat import rdcr`` extracts from them, with their sources, as a
bilat store file, which ``tools/build_store.py`` reads. ``--check`` writes nothing and fails
when the committed file is not exactly what the importer extracts (tests/test_build.py runs
it where the guide is present).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bilat import codec
from bilat.importers import rdcr

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT.parent / "shared" / "data" / "rdcr"
OUTPUT = ROOT / "data" / "sources" / "rdcr.json"


def extract(guide: Path = GUIDE) -> tuple[bytes, dict[str, object]]:
    """The committed form of the guide's events (sorted, with the store's layout), and the
    importer's report."""
    imported = rdcr.read([str(guide)])
    return codec.dumps(imported.events, schema=f"../{codec.SCHEMA_FILE}"), imported.report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--guide", type=Path, default=GUIDE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the output differs")
    args = parser.parse_args(argv)
    if not args.guide.is_dir():
        print(f"{args.guide}: no such folder (clone HistoryAtState/rdcr there)", file=sys.stderr)
        return 1
    data, report = extract(args.guide)
    if args.check:
        if not args.output.is_file() or args.output.read_bytes() != data:
            print(f"{args.output} is not what the importer extracts: run tools/extract_rdcr.py")
            return 1
        return 0
    args.output.write_bytes(data)
    print(
        f"wrote {report['events']} events of {report['files']} articles to {args.output}"
        f" ({report['skipped_entries']} of {report['entries']} entries skipped)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
