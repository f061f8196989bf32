"""CliRunner tests of the planning commands: upcoming, relations, search, export ics, and
the --leap-day choice."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest
from click.testing import Result

from .conftest import event
from .test_cli import assert_data_error, assert_usage_error

Run = Callable[..., Result]


# --------------------------------------------------------------------------- upcoming


def test_upcoming_window_and_order(mini: Run) -> None:
    result = mini("upcoming", "--as-of", "2022-08-01", "--days", "60", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert (doc["as_of"], doc["days"], doc["every"]) == ("2022-08-01", 60, 5)
    rows = doc["anniversaries"]
    # soonest first; the year-only loan (25 years in 2022) overlaps by its year
    assert [(r["event_id"], r["date"], r["in_days"]) for r in rows] == [
        ("az-jp-relations", "2022-09-07", 37),
        ("loan-1997", "2022", None),
    ]
    for key in ("event_id", "title", "kind", "parties", "event_date", "weekday", "ordinal"):
        assert key in rows[0]


def test_upcoming_today_and_unknown_days(mini: Run) -> None:
    out = mini("upcoming", "--as-of", "2022-09-07", "--days", "0", "--every", "1").output
    assert "today" in out
    doc = json.loads(
        mini(
            "upcoming", "--as-of", "2022-05-20", "--days", "3", "--every", "1", "--format", "json"
        ).output
    )
    rows = {r["event_id"]: r for r in doc["anniversaries"]}
    # a May 1996 event overlaps the window by its month, and its day is unknown
    assert rows["visit-1996"]["date"] == "2022-05"
    assert rows["visit-1996"]["in_days"] is None
    # a year-only event overlaps by its year
    assert rows["loan-1997"]["date"] == "2022"
    assert "az-jp-relations" not in rows
    table = mini("upcoming", "--as-of", "2022-05-20", "--days", "3", "--every", "1").output
    assert "May 2022, day unknown" in table


def test_upcoming_crosses_a_year_boundary(mini: Run) -> None:
    args = ("upcoming", "--as-of", "2022-12-20", "--days", "20", "--every", "1")
    doc = json.loads(mini(*args, "--format", "json").output)
    dates = [r["date"] for r in doc["anniversaries"]]
    assert "2022-12-28" in dates  # recognition, 31st
    assert "2022" in dates
    assert "2023" in dates
    csv_rows = list(csv.DictReader(io.StringIO(mini(*args, "--format", "csv").output)))
    assert {r["in_days"] for r in csv_rows if r["date"] == "2022-12-28"} == {"8"}


def test_upcoming_leap_day_choice(mini: Run) -> None:
    args = ("upcoming", "--as-of", "2023-02-20", "--days", "20", "--every", "1", "--country", "TR")
    feb = json.loads(mini(*args, "--format", "json").output)
    assert [(r["date"], r["leap_day_moved"]) for r in feb["anniversaries"]] == [
        ("2023-02-28", True)
    ]
    mar = json.loads(mini(*args, "--leap-day", "mar1", "--format", "json").output)
    assert [r["date"] for r in mar["anniversaries"]] == ["2023-03-01"]
    assert mar["leap_day"] == "mar1"
    table = mini(*args, "--leap-day", "mar1").output
    assert "29 February is placed on 1 March in common years" in table


def test_upcoming_usage_errors(mini: Run) -> None:
    assert_usage_error(mini("upcoming", "--days", "-1"), "--days")
    assert_usage_error(mini("upcoming", "--as-of", "2022"), "full date")
    assert_usage_error(mini("upcoming", "--as-of", "9999-12-01", "--days", "60"), "9999")
    assert_usage_error(mini("upcoming", "--leap-day", "mar2"), "--leap-day")


# --------------------------------------------------------------------------- anniversary


def test_anniversary_pair_and_leap_day(mini: Run) -> None:
    def rows(year: str, *extra: str) -> list[tuple[str, str, bool]]:
        args = ("--year", year, "--every", "1", "--pair", "TR", "AZ", "--format", "json")
        doc = json.loads(mini("anniversary", *args, *extra).output)
        return [(r["event_id"], r["date"], r["leap_day_moved"]) for r in doc["anniversaries"]]

    assert rows("2023") == [("leap-event", "2023-02-28", True)]
    # 2100 is not a leap year; 2400 is
    assert rows("2100", "--leap-day", "mar1") == [("leap-event", "2100-03-01", True)]
    assert rows("2400") == [("leap-event", "2400-02-29", False)]
    assert_usage_error(mini("anniversary", "--pair", "AZ", "AZ"), "same country")


# --------------------------------------------------------------------------- relations


def test_relations_json(mini: Run) -> None:
    result = mini("relations", "AZ", "--as-of", "2022-01-01", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert (doc["country"], doc["as_of"]) == ("AZ", "2022-01-01")
    partners = {p["partner"]: p for p in doc["partners"]}
    jp = partners["JP"]
    assert jp["established"] == "1992-09-07"
    assert jp["years_ago"] == {"min": 29, "max": 29}
    assert jp["next_milestone"] == {"years": 30, "ordinal": "30th", "date": "2022-09-07"}
    assert jp["recognised_by_partner"] == "1991-12-28"
    assert jp["embassy_of_country"] == "2005-10-12"
    # a partner with no relations event (only an agreement) is not listed
    assert "TR" not in partners


def test_relations_sort_and_formats(run: Run, make_store: Callable[..., Path]) -> None:
    path = make_store(
        [
            event(id="a", parties=["AZ", "FR"], date="1992-02-21"),
            event(id="b", parties=["AZ", "DE"], date="1992-01-12"),
            event(id="c", parties=["AZ", "IT"], date="1992"),
        ]
    )
    store = ("--store", str(path), "--as-of", "2026-11-27")

    def order(*args: str) -> list[str]:
        doc = json.loads(run("relations", "AZ", *store, "--format", "json", *args).output)
        return [p["partner"] for p in doc["partners"]]

    assert order() == ["DE", "FR", "IT"]
    assert order("--sort", "next") == ["DE", "FR", "IT"]
    assert order("--sort", "next", "--every", "10") == ["DE", "FR", "IT"]
    doc = json.loads(run("relations", "AZ", *store, "--format", "json").output)
    assert doc["partners"][2]["next_milestone"] == {"years": 35, "ordinal": "35th", "date": "2027"}
    table = run("relations", "AZ", *store).output
    assert table.startswith("Azerbaijan: 3 partners as of 2026-11-27")
    assert "Germany" in table
    rows = list(
        csv.DictReader(io.StringIO(run("relations", "AZ", *store, "--format", "csv").output))
    )
    assert rows[0]["partner"] == "DE"
    assert rows[2]["years_ago_min"] == "33"
    assert rows[2]["years_ago_max"] == "34"
    assert "| Partner |" in run("relations", "AZ", *store, "--format", "markdown").output


def test_relations_errors(mini: Run) -> None:
    assert_usage_error(mini("relations", "Narnia"), "unknown country")
    assert_usage_error(mini("relations", "AZ", "--sort", "name"), "--sort")
    assert "No partners" in mini("relations", "US").output


# --------------------------------------------------------------------------- search


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


# --------------------------------------------------------------------------- export ics


def test_export_ics_to_stdout(mini: Run) -> None:
    result = mini(
        "export", "ics", "--from-year", "2027", "--to-year", "2032", "--country", "AZ", "-o", "-"
    )
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    cal = icalendar.Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    assert "az-jp-relations-2032@bilat" in uids
    rel = next(e for e in events if str(e["UID"]) == "az-jp-relations-2032@bilat")
    assert str(rel["SUMMARY"]) == "40th anniversary of Azerbaijan–Japan diplomatic relations"
    assert str(rel.decoded("DTSTART")) == "2032-09-07"
    assert "left out because their day is unknown" in result.stderr


def test_export_ics_to_a_file_updates_rather_than_duplicates(mini: Run, tmp_path: Path) -> None:
    target = tmp_path / "az.ics"
    args = ("export", "ics", "--from-year", "2027", "--to-year", "2028", "-o", str(target))
    first = mini(*args)
    assert first.exit_code == 0, first.output
    uids_first = {
        str(e["UID"]) for e in icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    }
    assert mini(*args).exit_code == 0
    uids_second = {
        str(e["UID"]) for e in icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    }
    assert uids_first == uids_second
    assert "written to" in first.stderr


def test_export_ics_errors(mini: Run, tmp_path: Path) -> None:
    base = ("export", "ics", "--from-year", "2030", "--to-year", "2027", "-o", "-")
    assert_usage_error(mini(*base), "--to-year")
    assert_usage_error(mini("export", "ics", "--to-year", "2027", "-o", "-"), "--from-year")
    assert_usage_error(mini("export", "ics", "--from-year", "2027", "--to-year", "2028"), "-o")
    missing_dir = tmp_path / "no" / "such" / "dir.ics"
    result = mini(
        "export", "ics", "--from-year", "2027", "--to-year", "2027", "-o", str(missing_dir)
    )
    assert_data_error(result, str(missing_dir), "cannot write")


@pytest.mark.parametrize(
    "command",
    [
        ("upcoming",),
        ("relations", "AZ"),
        ("search", "x"),
        ("export", "ics", "--from-year", "2027", "--to-year", "2027", "-o", "-"),
    ],
)
def test_planning_commands_report_store_errors(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "missing.json"
    assert_data_error(run(*command, "--store", str(missing)), str(missing), "no such store file")
