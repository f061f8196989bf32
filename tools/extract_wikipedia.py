"""Extract the claims of English Wikipedia's "Foreign relations of X" articles into the
repository, one bilat store file per article.

Usage, from anywhere (the package must be importable: ``pip install -e .``)::

    python tools/extract_wikipedia.py [--source FOLDER] [--check]

The articles stay outside the repository, in ``../shared/data/wikipedia/`` beside it (its
``foreign-relations/*.wikitext`` and ``articles.tsv``; see that folder's README). For each
article this writes ``data/sources/wikipedia/<file stem>.json``: the events that ``bilat
import wikipedia`` extracts from that article alone, exactly as importing it into an empty
store writes them (bilat's own writer, so the layout is stable), and
``data/sources/wikipedia/report.json``: the importer's report over all the articles.
``--check`` writes nothing and fails when a committed file differs from what the importer
extracts now (``tests/test_extract_wikipedia.py`` runs it where the articles are present).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bilat import codec
from bilat.importers import wikipedia

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "wikipedia"
OUTPUT = ROOT / "data" / "sources" / "wikipedia"
REPORT = "report.json"


def articles(source: Path = SOURCE) -> list[Path]:
    """The saved articles, in file-name order."""
    return sorted((source / "foreign-relations").glob("*.wikitext"))


def extract_one(path: Path) -> tuple[bytes, dict[str, Any]]:
    """One article's store file, and its part of the report."""
    article = wikipedia.article_of(path)
    article.name = path.name
    events, report = wikipedia.read_article(article)
    # Importing into an empty store adds these events as they are: one per partner, each
    # id once (tests/test_extract_wikipedia.py checks it on every article).
    return codec.dumps(events), report


def report_bytes(reports: list[dict[str, Any]]) -> bytes:
    """The report over all the articles, as committed."""
    summary = wikipedia.combine([([], r) for r in reports]).report
    text = json.dumps(summary, indent=1, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def extract(
    source: Path = SOURCE, progress: Callable[[str], None] | None = None
) -> dict[str, bytes]:
    """File name -> bytes, for every file of ``data/sources/wikipedia/``."""
    files: dict[str, bytes] = {}
    reports = []
    for path in articles(source):
        if progress is not None:
            progress(path.name)
        data, report = extract_one(path)
        files[f"{path.stem}.json"] = data
        reports.append(report)
    files[REPORT] = report_bytes(reports)
    return files


def differences(files: dict[str, bytes], output: Path = OUTPUT) -> list[str]:
    """The files that are not as ``files`` has them: missing, different or extra."""
    found = {p.name for p in output.glob("*.json")} if output.is_dir() else set()
    problems = [f"{name}: extra" for name in sorted(found - files.keys())]
    for name, data in files.items():
        path = output / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif path.read_bytes() != data:
            problems.append(f"{name}: differs")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the wikipedia folder")
    parser.add_argument("--check", action="store_true", help="write nothing; compare")
    args = parser.parse_args(argv)
    if not articles(args.source):
        print(f"{args.source}: no articles in foreign-relations/", file=sys.stderr)
        return 1
    files = extract(args.source)
    if args.check:
        problems = differences(files)
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for stale in {p.name for p in OUTPUT.glob("*.json")} - files.keys():
        (OUTPUT / stale).unlink()
    for name, data in files.items():
        (OUTPUT / name).write_bytes(data)
    events = sum(len(codec.loads(d, n)) for n, d in files.items() if n != REPORT)
    print(f"wrote {len(files) - 1} article files and {REPORT} ({events} events) to {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
