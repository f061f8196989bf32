"""The bundled store is built from data/sources alone, exactly as committed."""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from bilat import codec
from bilat.importers import rdcr
from bilat.model import Event, Source
from tests.helpers import ROOT

TOOLS = ROOT / "tools"
STORE = ROOT / "data" / "events.json"
PARTNERS = ROOT / "data" / "sources" / "partners"


@pytest.fixture(scope="module")
def build_store() -> Iterator[ModuleType]:
    sys.path.insert(0, str(TOOLS))
    try:
        import build_store

        yield build_store
    finally:
        sys.path.remove(str(TOOLS))


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return list(codec.loads(STORE.read_bytes(), str(STORE)))


def test_the_committed_store_is_what_the_build_makes(build_store: ModuleType) -> None:
    data, report = build_store.build()
    assert data == STORE.read_bytes(), "run: python tools/build_store.py"
    assert report["events"] > 1500


def test_the_committed_index_is_what_the_build_makes(build_store: ModuleType) -> None:
    shipped = STORE.with_name("events.index")
    made = build_store.shipped_index(STORE.read_bytes())
    assert made == shipped.read_bytes(), "run: python tools/build_store.py"
    assert (ROOT / "src" / "bilat" / "data" / "events.index").read_bytes() == made


def test_the_build_check_mode(build_store: ModuleType, tmp_path: Path) -> None:
    output = tmp_path / "events.json"
    assert build_store.main(["--output", str(output)]) == 0
    assert output.read_bytes() == STORE.read_bytes()
    assert build_store.main(["--output", str(output), "--check"]) == 0
    output.with_name("events.index").write_bytes(b"stale")
    assert build_store.main(["--output", str(output), "--check"]) == 1


def all_sources(event: Event) -> list[Source]:
    return [*event.sources, *(s for c in event.disputed or () for s in c.sources)]


def test_no_source_is_a_mirror(build_store: ModuleType, events: list[Event]) -> None:
    listed = build_store.mirrors()
    assert "jablog.org" in listed
    assert "wikimili.com" in listed
    for event in events:
        for source in all_sources(event):
            assert not build_store.is_mirror(source.url, listed), (event.id, source.url)


def test_the_mirror_check_knows_subdomains_and_bare_addresses(build_store: ModuleType) -> None:
    listed = ["wiki7.org"]
    assert build_store.is_mirror("https://nl.wiki7.org/wiki/X", listed)
    assert build_store.is_mirror("http://95.217.235.12/article", listed)
    assert not build_store.is_mirror("https://www.mofa.go.jp/region/", listed)


def test_azerbaijan_and_the_united_states(events: list[Event]) -> None:
    (relations,) = [e for e in events if e.id == "az-us-diplomatic-relations"]
    assert relations.date.isoformat() == "1992-02-19"
    assert any("history.state.gov" in (s.url or "") for s in relations.sources)
    assert {c.date.isoformat() for c in relations.disputed or () if c.date} == {"1992-02-28"}


def test_the_guide_is_in_the_bundled_store(events: list[Event]) -> None:
    guide = rdcr.read([str(ROOT / "data" / "sources" / "rdcr")]).events
    stored = {e.id for e in events}
    by_key = {(frozenset(e.parties), e.kind, e.by) for e in events}
    for event in guide:
        assert event.id in stored or (frozenset(event.parties), event.kind, event.by) in by_key


def rows(pattern: str) -> Iterator[dict[str, str]]:
    for path in sorted(PARTNERS.glob(pattern)):
        with path.open(encoding="utf-8", newline="") as f:
            yield from csv.DictReader(f)


def test_undated_pairs_are_not_dated_and_say_why(events: list[Event]) -> None:
    dated = {
        frozenset(e.parties)
        for e in events
        if e.kind == "diplomatic-relations" and len(e.parties) == 2
    }
    listed = list(rows("*-undated.csv"))
    assert listed
    for row in listed:
        assert row["status"] in ("undated", "no-relations")
        assert row["reason"].strip()
        assert frozenset((row["focal"], row["partner"])) not in dated, row


def test_claim_tables_are_well_formed() -> None:
    header = "focal,partner,kind,date,by,place,source_url,source_title,source_type,note"
    for path in PARTNERS.glob("*.csv"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if not path.name.endswith("-undated.csv"):
            assert first.strip().lstrip("\ufeff") == header, path.name
    for row in rows("*.csv"):
        if "status" in row:
            continue
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["date"]), row
        assert row["source_type"] in ("official", "news", "encyclopedia"), row
        assert row["source_title"], row


def test_the_readme_table_is_the_coverage_of_today(build_store: ModuleType) -> None:
    import data_coverage  # tools/data_coverage.py, on the path while build_store is

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert data_coverage.table() in readme, (
        "run: python tools/data_coverage.py and update the README"
    )


def test_sources_name_their_readme() -> None:
    text = (ROOT / "data" / "sources" / "README.md").read_text(encoding="utf-8")
    for name in ("curated/az-jp.json", "partners/", "rdcr/", "mirrors.txt", "dispute rule"):
        assert name in text


@pytest.mark.parametrize("path", sorted(Path(ROOT / "tools").glob("*.py")), ids=lambda p: p.name)
def test_tools_are_short(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) < 400
