"""``bilat search``: events whose text contains a phrase."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import Run, assert_usage_error, event


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
