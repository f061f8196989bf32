"""The committed claims of the Wikipedia articles (data/sources/wikipedia/) are exactly what
the importer extracts from ../shared/data/wikipedia/ now: checked where that folder is
present, skipped (saying why) where it is not."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from bilat import codec, reconcile
from bilat.importers import wikipedia
from tests.helpers import ROOT

TOOLS = ROOT / "tools"
OUTPUT = ROOT / "data" / "sources" / "wikipedia"


@pytest.fixture(scope="module")
def tool() -> Iterator[ModuleType]:
    sys.path.insert(0, str(TOOLS))
    try:
        import extract_wikipedia

        yield extract_wikipedia
    finally:
        sys.path.remove(str(TOOLS))


def test_the_committed_claims_are_what_the_importer_extracts(tool: ModuleType) -> None:
    if not tool.articles():
        pytest.skip(f"the articles are not here: {tool.SOURCE} has no foreign-relations/")
    files = tool.extract()
    assert len(files) == len(tool.articles()) + 1
    assert tool.differences(files) == []


def test_each_file_is_a_store_that_an_import_into_an_empty_store_gives() -> None:
    names = sorted(p for p in OUTPUT.glob("*.json") if p.name != "report.json")
    assert len(names) >= 200
    report = json.loads((OUTPUT / "report.json").read_bytes())
    per_article = {a["file"].removesuffix(".wikitext"): a for a in report["per_article"]}
    assert set(per_article) == {p.stem for p in names}
    total = 0
    for path in names:
        events = list(codec.loads(path.read_bytes(), str(path)))
        assert len(events) == per_article[path.stem]["events"]
        assert list(reconcile.plan((), events).added) == events
        total += len(events)
    assert total == report["events"] > 30_000


def test_the_tool_writes_and_checks(tool: ModuleType, tmp_path: Path) -> None:
    source = tmp_path / "wikipedia"
    (source / "foreign-relations").mkdir(parents=True)
    fixture = ROOT / "tests" / "importers" / "data" / "wikipedia" / "azerbaijan.wikitext"
    (source / "foreign-relations" / "azerbaijan.wikitext").write_bytes(fixture.read_bytes())
    files = tool.extract(source)
    assert sorted(files) == ["azerbaijan.json", "report.json"]
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.json").write_text("{}")
    assert tool.differences(files, out) == [
        "stale.json: extra",
        "azerbaijan.json: missing",
        "report.json: missing",
    ]
    for name, data in files.items():
        (out / name).write_bytes(data)
    (out / "report.json").write_text("{}")
    assert tool.differences(files, out) == ["stale.json: extra", "report.json: differs"]
    events = sorted(wikipedia.read([str(fixture)]).events, key=lambda e: e.sort_key)
    assert events == list(codec.loads(files["azerbaijan.json"], "azerbaijan.json"))
    assert tool.main(["--source", str(tmp_path / "none")]) == 1
