"""One item in full: ``bilat show`` (an event) and ``bilat show-letter`` (a letter)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import MINI, Run, assert_data_error, assert_usage_error, event

# --------------------------------------------------------------------------- show-letter


def test_show_letter_default_is_latest_with_text(mini: Run) -> None:
    result = mini("show-letter")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "From: Ilham Aliyev" in out
    assert "To: Fumio Kishida" in out
    assert "7 September 2022" in out
    assert out.index("First paragraph.") < out.index("Second paragraph.")
    assert "https://example.org/e" in out
    assert "1 other letter matches; list them with: bilat show-letter --list" in out


def test_show_letter_list_formats(mini: Run) -> None:
    out = mini("show-letter", "--list").output
    assert "letter-2017" in out
    assert "letter-2022" in out
    doc = json.loads(mini("show-letter", "--list", "--format", "json").output)
    assert [x["id"] for x in doc["letters"]] == ["letter-2017", "letter-2022"]
    rows = list(
        csv.DictReader(io.StringIO(mini("show-letter", "--list", "--format", "csv").output))
    )
    assert rows[1]["has_text"] == "yes"
    assert "| Date | Id |" in mini("show-letter", "--list", "--format", "markdown").output


def test_show_letter_by_id_without_text(mini: Run) -> None:
    out = mini("show-letter", "letter-2017").output
    assert "Abe wrote." in out
    assert "no text for this letter" in out
    doc = json.loads(mini("show-letter", "letter-2017", "--format", "json").output)
    for key in ("id", "date", "parties", "title", "author", "recipient", "summary", "text"):
        assert key in doc
    assert doc["text"] is None
    assert doc["sources"] == [{"title": "APA"}]


def test_show_letter_json_and_markdown(mini: Run) -> None:
    doc = json.loads(mini("show-letter", "--format", "json").output)
    assert doc["id"] == "letter-2022"
    assert doc["text"] == "First paragraph.\n\nSecond paragraph."
    md = mini("show-letter", "--format", "markdown").output
    assert md.startswith("# Letter for the 30th anniversary")
    assert "First paragraph.\n\nSecond paragraph." in md


def test_show_letter_filters(mini: Run) -> None:
    doc = json.loads(mini("show-letter", "--year", "2017", "--format", "json").output)
    assert doc["id"] == "letter-2017"  # no letter with text: the newest is shown
    empty = mini("show-letter", "--list", "--pair", "AZ", "TR", "--format", "json")
    assert empty.exit_code == 0
    assert json.loads(empty.output) == {"letters": []}
    assert_data_error(mini("show-letter", "--pair", "AZ", "TR"), "no letter matches --pair AZ TR")
    assert_data_error(mini("show-letter", "--year", "1990"), "--year 1990")


def test_show_letter_usage_errors(mini: Run) -> None:
    assert_usage_error(mini("show-letter", "no-such-letter"), "no event with id")
    assert_usage_error(mini("show-letter", "letter-202"), "letter-2022")
    assert_usage_error(mini("show-letter", "az-jp-relations"), "not a letter")
    assert_usage_error(mini("show-letter", "--format", "csv"), "--list")
    assert_usage_error(mini("show-letter", "--pair", "AZ", "AZ"), "same country")
    assert_usage_error(mini("show-letter", "--year", "x"), "--year")


# --------------------------------------------------------------------------- show


def test_show_text(mini: Run) -> None:
    out = mini("show", "az-embassy-tokyo").output
    assert "Embassy of Azerbaijan opens in Tokyo" in out
    assert "Place: Tokyo" in out
    assert "Disputed dates" in out
    assert "https://example.org/d" in out


def test_show_json_is_the_event_as_stored_with_its_evidence(mini: Run) -> None:
    doc = json.loads(mini("show", "az-embassy-tokyo", "--format", "json").output)
    stored = json.loads(MINI.read_text(encoding="utf-8"))["events"]
    assert doc.pop("evidence") is None  # no source of it states its type
    assert doc == next(e for e in stored if e["id"] == "az-embassy-tokyo")


def test_show_says_how_strong_the_date_is(run: Run, make_store: Callable[..., Path]) -> None:
    sources = [{"title": "Wiki", "type": "encyclopedia"}, {"title": "Daily", "type": "news"}]
    store = str(make_store([event(id="x", sources=sources)]))
    assert (
        json.loads(run("show", "x", "--store", store, "--format", "json").stdout)["evidence"]
        == "news"
    )
    assert "Evidence: news" in run("show", "x", "--store", store).stdout
    assert "**Evidence:** news" in run("show", "x", "--store", store, "--format", "markdown").stdout


def test_show_markdown_with_letter(mini: Run) -> None:
    md = mini("show", "letter-2022", "--format", "markdown").output
    assert md.startswith("# Letter for the 30th anniversary")
    assert "## Letter" in md
    assert "Second paragraph." in md


def test_show_unknown_id(mini: Run) -> None:
    assert_usage_error(mini("show", "az-embassy-tokio"), "az-embassy-tokyo")
    assert_usage_error(mini("show", "x", "--format", "csv"), "csv")
