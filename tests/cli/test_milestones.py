"""Milestone anniversaries: ``bilat anniversary``, ``upcoming`` and ``relations``, and the
--leap-day choice."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import EVIDENCE_EVENTS, Run, assert_usage_error, event

# --------------------------------------------------------------------------- anniversary


def test_anniversary_json(mini: Run) -> None:
    result = mini("anniversary", "--year", "2022", "--every", "1", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["year"] == 2022
    assert doc["every"] == 1
    rows = doc["anniversaries"]
    keys = {
        "event_id",
        "title",
        "kind",
        "parties",
        "event_date",
        "date",
        "weekday",
        "years",
        "ordinal",
        "leap_day_moved",
    }
    assert all(keys <= set(r) for r in rows)
    by_id = {r["event_id"]: r for r in rows}
    rel = by_id["az-jp-relations"]
    assert (rel["date"], rel["weekday"], rel["years"], rel["ordinal"]) == (
        "2022-09-07",
        "Wed",
        30,
        "30th",
    )
    leap = by_id["leap-event"]
    assert (leap["date"], leap["leap_day_moved"], leap["ordinal"]) == ("2022-02-28", True, "22nd")
    assert by_id["loan-1997"]["date"] == "2022"
    assert by_id["loan-1997"]["weekday"] is None
    assert by_id["visit-1996"]["date"] == "2022-05"
    # letters and anniversary events are not commemorated by default
    assert "letter-2017" not in by_id
    assert "anniv-2022" not in by_id
    # sorted by the day it falls on; a year-only row comes last
    assert [r["date"] for r in rows][-1] == "2022"
    assert [r["event_id"] for r in rows[:2]] == ["tokyo-visit-1998", "leap-event"]


def test_anniversary_default_every_five(mini: Run) -> None:
    doc = json.loads(mini("anniversary", "--year", "2022", "--format", "json").output)
    assert doc["every"] == 5
    assert {r["years"] % 5 for r in doc["anniversaries"]} == {0}
    assert "az-jp-relations" in {r["event_id"] for r in doc["anniversaries"]}


def test_anniversary_leap_rule_printed_under_table(mini: Run) -> None:
    out = mini("anniversary", "--year", "2023", "--every", "1").output
    assert "2023-02-28 †" in out
    assert "29 February is placed on 28 February in common years" in out
    out_leap = mini("anniversary", "--year", "2024", "--every", "1").output
    assert "2024-02-29" in out_leap
    assert "29 February is placed" not in out_leap


def test_anniversary_kind_brings_letters_back(mini: Run) -> None:
    doc = json.loads(
        mini("anniversary", "--year", "2027", "--kind", "letter", "--format", "json").output
    )
    assert [r["event_id"] for r in doc["anniversaries"]] == ["letter-2017", "letter-2022"]
    assert doc["anniversaries"][0]["ordinal"] == "10th"


def test_anniversary_country_filter(mini: Run) -> None:
    args = ("anniversary", "--year", "2022", "--every", "1", "--format", "json")
    doc = json.loads(mini(*args, "--country", "Turkey").output)
    assert [r["event_id"] for r in doc["anniversaries"]] == ["leap-event"]
    doc = json.loads(mini(*args, "--country", "TR", "--country", "japan").output)
    assert len(doc["anniversaries"]) > 1


def test_anniversary_table_and_other_formats(mini: Run) -> None:
    out = mini("anniversary", "--year", "2022").output
    assert out.startswith("Anniversaries in 2022 (every 5 years)")
    assert "30th" in out
    assert "Wed" in out
    csv_out = mini("anniversary", "--year", "2022", "--format", "csv").output
    assert csv_out.splitlines()[0].startswith("date,weekday,years,ordinal,event_id")
    md = mini("anniversary", "--year", "2022", "--format", "markdown").output
    assert "| 2022-09-07 | Wed | 30th |" in md


def test_anniversary_nothing_found(mini: Run) -> None:
    result = mini("anniversary", "--year", "1000")
    assert result.exit_code == 0
    assert "No anniversaries in 1000." in result.output
    doc = json.loads(mini("anniversary", "--year", "1000", "--format", "json").output)
    assert doc["anniversaries"] == []


@pytest.mark.parametrize("year", ["twenty", "0", "10000", "2022.5", ""])
def test_anniversary_bad_year(mini: Run, year: str) -> None:
    assert_usage_error(mini("anniversary", "--year", year), "--year")


def test_anniversary_bad_every(mini: Run) -> None:
    assert_usage_error(mini("anniversary", "--year", "2022", "--every", "0"), "--every")


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
    assert " ".join(table.split()).startswith(
        "Azerbaijan: 3 partners, 3 with the date relations were established, as of 2026-11-27"
    )
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


# --------------------------------------------------------------------------- evidence, home


def ids_of(run: Run, *args: str) -> list[str]:
    doc = json.loads(run(*args, "--format", "json").stdout)
    return [row["event_id"] for row in doc["anniversaries"]]


def test_evidence_keeps_dates_at_least_that_strong(
    run: Run, make_store: Callable[..., Path]
) -> None:
    store = ("--store", str(make_store(EVIDENCE_EVENTS)))
    year = ("anniversary", "--year", "2022", *store)
    assert ids_of(run, *year) == ["az-tr", "jp-kz", "az-kz", "az-jp", "az-ge"]
    assert ids_of(run, *year, "--evidence", "official") == ["az-jp"]
    assert ids_of(run, *year, "--evidence", "news") == ["jp-kz", "az-jp", "az-ge"]
    assert ids_of(run, *year, "--evidence", "encyclopedia") == ["jp-kz", "az-kz", "az-jp", "az-ge"]
    window = ("upcoming", "--as-of", "2022-08-01", "--days", "60", *store)
    assert ids_of(run, *window) == ["az-kz", "az-jp"]
    assert ids_of(run, *window, "--evidence", "scholarly") == ["az-jp"]
    doc = json.loads(
        run("relations", "AZ", *store, "--evidence", "news", "--format", "json").stdout
    )
    assert {p["partner"]: p["evidence"] for p in doc["partners"]} == {
        "JP": "official",
        "GE": "news",
    }
    table = run("relations", "AZ", *store).stdout
    assert "1992-08-27 °" in table
    assert "° the date rests on an encyclopedia alone" in table


def test_the_home_country_narrows_anniversaries_and_says_so(
    run: Run, make_store: Callable[..., Path]
) -> None:
    store = ("--store", str(make_store(EVIDENCE_EVENTS)))
    home = {"BILAT_COUNTRY": "KZ"}
    out = run("anniversary", "--year", "2022", *store, env=home).stdout
    assert out.splitlines()[0] == (
        "Anniversaries in 2022 (every 5 years) for Kazakhstan; all countries: --all"
    )
    doc = json.loads(
        run("anniversary", "--year", "2022", *store, "--format", "json", env=home).stdout
    )
    assert doc["home_country"] == "KZ"
    assert [row["event_id"] for row in doc["anniversaries"]] == ["jp-kz", "az-kz"]
    everything = json.loads(
        run("anniversary", "--year", "2022", *store, "--all", "--format", "json", env=home).stdout
    )
    assert everything["home_country"] is None
    assert len(everything["anniversaries"]) == 5
    assert ids_of(run, "anniversary", "--year", "2022", *store, "--country", "GE") == ["az-ge"]
    upcoming = run("upcoming", "--as-of", "2022-01-01", "--days", "365", *store, env=home).stdout
    assert "for Kazakhstan; all countries: --all" in upcoming.splitlines()[0]
    assert "Georgia" not in upcoming
    paired = run("upcoming", "--as-of", "2022-01-01", "--days", "365", "--pair", "AZ", "GE",
                 *store, env=home).stdout  # fmt: skip
    assert "Kazakhstan" not in paired
    assert "Georgia" in paired


def test_relations_default_to_the_home_country(run: Run, make_store: Callable[..., Path]) -> None:
    store = ("--store", str(make_store(EVIDENCE_EVENTS)))
    out = run("relations", *store, env={"BILAT_COUNTRY": "Japan"}).stdout
    assert out.startswith("Japan: 2 partners")
    assert run("relations", "GE", *store, env={"BILAT_COUNTRY": "JP"}).stdout.startswith("Georgia")
    assert_usage_error(run("relations", *store), "Missing argument 'COUNTRY'", "BILAT_COUNTRY")


def test_the_press_line_is_a_format_of_its_own_and_text_its_other_name(mini: Run) -> None:
    args = ("anniversary", "--year", "2022", "--every", "30")
    press = mini(*args, "--format", "press")
    assert press.exit_code == 0, press.output
    assert press.output.startswith("7 September 2022 marks the 30th anniversary")
    assert mini(*args, "--format", "text").output == press.output
    assert mini(*args, "--format", "PRESS").output == press.output
    assert "text: the same as press" in mini("anniversary", "--help").output
    none = mini("anniversary", "--year", "1990", "--format", "press")
    assert none.exit_code == 0
    assert none.output == ""  # no sentence, no heading


def test_upcoming_has_no_press_line(mini: Run) -> None:
    assert_usage_error(mini("upcoming", "--format", "press"), "'press' is not one of")


NO_RELATIONS_AZ = ["AM", "CF", "CY", "FM", "KI", "NU", "TO", "XK"]


def test_relations_name_the_states_with_no_relations_and_why(run: Run) -> None:
    """Azerbaijan dates every partner but the eight its own list and theirs show to have
    no relations with it; those are named, each with the reason (issue 22)."""
    data = json.loads(run("relations", "AZ", "--format", "json", "--as-of", "2026-12-07").stdout)
    partners = {p["partner"]: p for p in data["partners"]}
    assert all(p["established"] for p in partners.values())
    assert partners["BW"]["established"] == "2023-12"
    assert [p["partner"] for p in data["no_relations"]] == NO_RELATIONS_AZ
    assert not set(NO_RELATIONS_AZ) & set(partners)
    assert all("list" in p["reason"] or "recognise" in p["reason"] for p in data["no_relations"])
    table = run("relations", "AZ", "--as-of", "2026-12-07", env={"COLUMNS": "200"}).stdout
    assert "No relations with Armenia: Azerbaijan's own list" in table
    japan = json.loads(run("relations", "JP", "--format", "json").stdout)
    dated = {p["partner"] for p in japan["partners"] if p["established"]}
    assert {"SL", "SS"} <= dated
    assert [p["partner"] for p in japan["no_relations"]] == ["KP", "PS"]


def test_relations_of_another_store_name_no_absent_partner(
    run: Run, make_store: Callable[..., Path]
) -> None:
    path = make_store([event(parties=["AZ", "JP"])])
    data = json.loads(run("relations", "AZ", "--format", "json", "--store", str(path)).stdout)
    assert "no_relations" not in data
