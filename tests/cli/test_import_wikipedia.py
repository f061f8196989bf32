"""``bilat import wikipedia`` from the command line, on a fixture of the project's own
writing; --fetch against httpx.MockTransport."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import httpx
import pytest

from bilat.importers import wikipedia_fetch
from bilat.store import load_path
from tests.helpers import ROOT, Run, assert_data_error, assert_usage_error

FIXTURE = ROOT / "tests" / "importers" / "data" / "wikipedia" / "azerbaijan.wikitext"
TEXT = "{|\n!#\n!Country\n!Date\n|-\n|1\n|{{flag|Japan}}\n|{{dts|1992}}\n|}"


def test_import_an_article_then_again(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "world.json"
    result = run("import", "wikipedia", str(FIXTURE), "--store", str(target), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["added"] == 10
    assert report["rows"] == 21
    (article,) = report["per_article"]
    assert (article["added"], article["already_present"], article["disputed"]) == (10, 0, 0)
    assert article["date_unknown"][0] == "Chad: Unknown"
    events = {e.id: e for e in load_path(target).events}
    assert str(events["az-jp-diplomatic-relations"].date) == "1992-09-07"
    again = run("import", "wikipedia", str(FIXTURE), "--store", str(target))
    assert again.exit_code == 0
    assert again.stdout == ""
    lines = again.stderr.splitlines()
    assert lines[0].startswith("0 events added")
    assert "Skipped: 6 entries" in lines
    assert "Relations, date unknown: 3 rows" in lines
    assert lines[-1] == (
        f"{FIXTURE}: 21 rows, 10 events (0 added, 10 already there, 0 disputed); "
        "date unknown: Chad: Unknown, Niger: Before 1982, Mali: 30 February 1995; "
        "entity without a code: Sahrawi Arab Democratic Republic; "
        "former state without a code: South Vietnam; name unknown to bilat: Atlantis; "
        "organisation: European Union; row without a partner or date cell: line 92; "
        "the subject itself: Azerbaijan"
    )


def test_the_other_side_disputes_and_a_dry_run_writes_nothing(run: Run, tmp_path: Path) -> None:
    other = tmp_path / "japan.wikitext"
    other.write_text(TEXT.replace("Japan", "Azerbaijan"), encoding="utf-8")
    target = tmp_path / "world.json"
    both = run("import", "wikipedia", str(FIXTURE), str(other), "--store", str(target), "--dry-run")
    assert both.exit_code == 0, both.output
    assert both.stderr.startswith("10 events would be added")
    assert f"{other}: 1 row, 1 event (0 added, 0 already there, 1 disputed)" in both.stderr
    assert not target.exists()


def test_an_article_without_a_list(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "korea.wikitext"
    empty.write_text("No list here.", encoding="utf-8")
    result = run("import", "wikipedia", str(empty), "--store", str(tmp_path / "s.json"))
    assert result.exit_code == 0
    assert f"{empty}: no list of states with dates" in result.stderr


def test_the_country_names_the_subject(run: Run, tmp_path: Path) -> None:
    unnamed = tmp_path / "list.wikitext"
    unnamed.write_text(TEXT, encoding="utf-8")
    target = str(tmp_path / "s.json")
    assert_data_error(
        run("import", "wikipedia", str(unnamed), "--store", target),
        "list.wikitext: cannot tell which state",
        "pass --country",
    )
    result = run("import", "wikipedia", str(unnamed), "--country", "KZ", "--store", target)
    assert result.exit_code == 0, result.output
    assert [e.id for e in load_path(target).events] == ["jp-kz-diplomatic-relations"]


def test_usage(run: Run) -> None:
    assert_usage_error(run("import", "wikipedia"), "give FILE..., or --fetch")
    assert_usage_error(run("import", "wikipedia", str(FIXTURE), "--fetch"), "not both")
    assert_usage_error(
        run("import", "wikipedia", str(FIXTURE), "--country", "AZ", "--country", "JP"),
        "give --country once",
    )
    assert_data_error(run("import", "wikipedia", "missing.wikitext"), "no such file or folder")


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[httpx.Request]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.params["titles"].endswith("Atlantis"):
            raise httpx.ConnectError("offline")
        title = request.url.params["titles"]
        page = {"title": title, "revisions": [{"slots": {"main": {"content": TEXT}}}]}
        return httpx.Response(200, json={"query": {"pages": [page]}})

    fetch = functools.partial(wikipedia_fetch.fetch, transport=httpx.MockTransport(handler))
    monkeypatch.setattr(wikipedia_fetch, "fetch", fetch)
    return seen


def test_fetch(run: Run, tmp_path: Path, served: list[httpx.Request]) -> None:
    target = tmp_path / "s.json"
    result = run("import", "wikipedia", "--fetch", "--country", "KZ", "--store", str(target))
    assert result.exit_code == 0, result.output
    assert "Asking English Wikipedia for Foreign relations of Kazakhstan (1/1) ..." in result.stderr
    (event,) = load_path(target).events
    assert event.sources[0].url == "https://en.wikipedia.org/wiki/Foreign_relations_of_Kazakhstan"
    quiet = run(
        "import",
        "wikipedia",
        "--fetch",
        "--country",
        "KZ",
        "--store",
        str(target),
        "--format",
        "json",
    )
    assert "Asking" not in quiet.stderr
    assert json.loads(quiet.stdout)["already_present"] == 1


def test_fetch_offline_is_one_line(
    run: Run, tmp_path: Path, served: list[httpx.Request], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(wikipedia_fetch.TITLES, "KZ", "Atlantis")
    result = run(
        "import", "wikipedia", "--fetch", "--country", "KZ", "--store", str(tmp_path / "s")
    )
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: ")
    assert "cannot connect (offline); save the articles' wikitext" in result.stderr
