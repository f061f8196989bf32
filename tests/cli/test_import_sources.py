"""``bilat import rdcr`` and ``bilat import wikidata`` from the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from bilat.store import load_path
from tests.helpers import RDCR_ARTICLE, ROOT, Run, assert_data_error, assert_usage_error, event

GUIDE = ROOT / "tests" / "importers" / "data" / "rdcr"
WIKIDATA = ROOT / "tests" / "importers" / "data" / "wikidata-relations.json"


def test_import_the_guide_then_ask_about_us_and_japan(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "world.json"
    first = run("import", "rdcr", str(GUIDE), "--store", str(target), "--format", "json")
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report["added"] == 19
    assert report["entries"] == 24
    assert report["disagreements"]
    timeline = run("timeline", "US", "JP", "--store", str(target), "--format", "json")
    dates = {e["kind"]: e["date"] for e in json.loads(timeline.stdout)["events"]}
    assert dates["recognition"] == "1854-03-31"
    assert dates["diplomatic-relations"] == "1858-07-29"
    assert dates["relations-suspended"] == "1941-12-08"
    assert dates["relations-restored"] == "1952-04-28"
    relations = run("relations", "US", "--store", str(target), "--format", "json")
    partners = {p["partner"] for p in json.loads(relations.stdout)["partners"]}
    assert partners == {"AZ", "DDDE", "DE", "JP", "LC", "ML", "TV", "YDYE", "YE"}
    again = run("import", "rdcr", str(GUIDE), "--store", str(target))
    assert again.exit_code == 0
    assert again.stderr.startswith("0 events added")
    assert f"{report['events']} already there" in again.stderr


def test_dry_run_writes_nothing_and_reports_on_stderr(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "world.json"
    result = run("import", "rdcr", str(GUIDE / "japan.xml"), "--store", str(target), "--dry-run")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.startswith("6 events would be added")
    assert not target.exists()


def test_a_folders_entries_that_are_not_regular_files_are_reported(
    run: Run, tmp_path: Path
) -> None:
    import os

    folder = tmp_path / "guide"
    folder.mkdir()
    (folder / "japan.xml").write_text(RDCR_ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "fifo.xml")
    target = str(tmp_path / "s.json")
    result = run("import", "rdcr", str(folder), "--store", target, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Not regular files, skipped: 1 file (fifo.xml)" in result.stderr.splitlines()
    doc = json.loads(
        run("import", "rdcr", str(folder), "--store", target, "--format", "json").stdout
    )
    assert doc["files_skipped"] == [str(folder / "fifo.xml")]


def test_the_bundled_store_has_the_guide_already(run: Run, user_store: Path) -> None:
    result = run("import", "rdcr", str(GUIDE / "azerbaijan.xml"))
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("0 events added")
    assert not user_store.exists()  # nothing to write


def test_the_guide_merges_into_a_store_that_dates_otherwise(
    run: Run, make_store: Callable[..., Path]
) -> None:
    mirror = {"title": "An encyclopedia list", "url": "https://en.wikipedia.org/wiki/X"}
    target = make_store(
        [
            event(
                id="az-us-diplomatic-relations",
                parties=["AZ", "US"],
                date="1992-02-28",
                sources=[mirror],
            )
        ]
    )
    result = run("import", "rdcr", str(GUIDE / "azerbaijan.xml"), "--store", str(target))
    assert result.exit_code == 0, result.output
    assert "1 event there gained sources or dates" in result.stderr
    mine = {e.id: e for e in load_path(target).events}
    relations = mine["az-us-diplomatic-relations"]
    assert relations.date.isoformat() == "1992-02-28"  # the store's event keeps its date
    (claim,) = relations.disputed or ()
    assert claim.date is not None
    assert claim.date.isoformat() == "1992-02-19"
    assert claim.sources[0].url == "https://history.state.gov/countries/azerbaijan"


def test_a_bad_article_is_one_error_line(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>")
    assert_data_error(run("import", "rdcr", str(broken)), str(broken), "invalid XML")
    assert_usage_error(run("import", "rdcr"), "PATH")


def test_import_a_saved_wikidata_result(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "wd.json"
    result = run("import", "wikidata", str(WIKIDATA), "--store", str(target), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["added"] == 5
    assert report["skipped"]["start time coarser than a year"] == 1
    events = {e.id: e for e in load_path(target).events}
    assert events["az-jp-diplomatic-relations"].sources[0].url == (
        "https://www.wikidata.org/wiki/Q227"
    )
    again = run("import", "wikidata", str(WIKIDATA), "--store", str(target))
    assert again.stderr.startswith("0 events added")


def test_wikidata_usage(run: Run, tmp_path: Path) -> None:
    assert_usage_error(run("import", "wikidata"), "give a FILE, or --fetch")
    assert_usage_error(run("import", "wikidata", str(WIKIDATA), "--fetch"), "not both")
    assert_usage_error(
        run("import", "wikidata", str(WIKIDATA), "--country", "AZ"), "--country goes with --fetch"
    )
    page = tmp_path / "page.json"
    page.write_text("<html>")
    assert_data_error(run("import", "wikidata", str(page)), str(page), "not JSON")


def test_import_help_lists_the_sources(run: Run) -> None:
    result = run("import", "--help")
    for source in ("csv", "rdcr", "wikidata"):
        assert f"  {source} " in result.stdout


def test_the_query_in_the_help_is_the_query_run() -> None:
    # The help is made from the query --fetch sends (``bilat --help`` loads no command
    # module, so the query is read only when the import commands' help is asked for).
    from bilat.cli.imports import import_wikidata
    from bilat.importers.wikidata import QUERY

    help_text = import_wikidata.help or ""
    start = help_text.index("SELECT")
    end = help_text.index("\n}\n", start) + len("\n}")
    shown = help_text[start:end].split()
    assert shown == QUERY.replace("#VALUES", "").split()
