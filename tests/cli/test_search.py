"""``bilat search``: events whose text contains a phrase."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import EVIDENCE_EVENTS, Run, assert_usage_error, event


def test_search_is_case_and_accent_insensitive(run: Run, make_store: Callable[..., Path]) -> None:
    path = make_store(
        [
            event(id="a", title="Visit to Türkiye", kind="visit", date="2001"),
            event(id="b", title="Other", summary="Talks in ANKARA", kind="meeting", date="2000"),
            event(id="c", title="Nothing here", kind="other", place="Baku", date="1999"),
            event(
                id="d",
                title="Letter",
                kind="letter",
                by="AZ",
                date="2002",
                letter={"author": "A", "recipient": "B", "text": "Greetings from Turkiye"},
            ),
        ]
    )
    store = ("--store", str(path), "--format", "json")

    def ids(*args: str) -> list[str]:
        result = run("search", *args, *store)
        assert result.exit_code == 0, result.output
        return [e["id"] for e in json.loads(result.output)["events"]]

    assert ids("turkiye") == ["a", "d"]
    assert ids("TÜRKİYE".lower()) == ["a", "d"] or ids("türkiye") == ["a", "d"]
    assert ids("ankara") == ["b"]
    assert ids("baku") == ["c"]
    assert ids("turkiye", "--kind", "letter") == ["d"]
    assert ids("zzz") == []
    doc = json.loads(run("search", "ankara", *store).output)
    assert doc["query"] == "ankara"
    assert doc["events"][0]["years_ago"] is not None
    table = run("search", "turkiye", "--store", str(path)).output
    assert table.startswith("2 events match")
    assert "Azerbaijan – Japan" in table
    assert_usage_error(run("search", " ", "--store", str(path)), "TEXT")


def test_search_evidence_and_the_home_country(run: Run, make_store: Callable[..., Path]) -> None:
    store = ("--store", str(make_store(EVIDENCE_EVENTS)))

    def found(*args: str, env: dict[str, str] | None = None) -> list[str]:
        doc = json.loads(
            run("search", "relations", *store, *args, "--format", "json", env=env).stdout
        )
        return [e["id"] for e in doc["events"]]

    assert found() == ["az-tr", "jp-kz", "az-kz", "az-jp", "az-ge"]
    assert found("--evidence", "news") == ["jp-kz", "az-jp", "az-ge"]
    kz = {"BILAT_COUNTRY": "KZ"}
    assert found(env=kz) == ["jp-kz", "az-kz"]
    assert found("--all", env=kz) == found()
    assert found("--country", "GE", env=kz) == ["az-ge"]
    heading = run("search", "relations", *store, env=kz).stdout.splitlines()[0]
    assert heading == "2 events match for Kazakhstan; all countries: --all"


def test_search_finds_titles_in_the_reader_s_language(run: Run) -> None:
    found = run("search", "tanıyıb", "--lang", "az", env={"COLUMNS": "400"}).stdout
    assert "Yaponiya Azərbaycanı tanıyıb" in found
    assert run("search", "tanıyıb").stdout.startswith("0 events match")
