"""``bilat timeline``: the events of a pair or of one country, in every format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import EVIDENCE_EVENTS, Run, assert_usage_error


def test_timeline_table(mini: Run) -> None:
    result = mini("timeline", "AZ", "JP", "--as-of", "2026-11-27")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.splitlines()[0].startswith(
        "Azerbaijan – Japan: diplomatic relations since 1992-09-07 (34 years as of 2026-11-27)"
    )
    # oldest first; an unknown day/month sorts after known ones in its period
    order = ["Japan recognises", "Diplomatic", "SOCAR", "Working group", "First loan"]
    positions = [out.index(title) for title in order]
    assert positions == sorted(positions)
    assert "Japan → Azerbaijan" in out  # direction where `by` is set
    assert "28–29" in out  # year-only date: uncertain elapsed years
    assert "later" in out  # the 2030 event has no elapsed years yet
    assert "Leap-day" not in out  # AZ–TR event is not part of the pair


def test_timeline_order_of_countries_does_not_matter(mini: Run) -> None:
    a = json.loads(mini("timeline", "AZ", "JP", "--as-of", "2022-01-01", "--format", "json").output)
    b = json.loads(mini("timeline", "JP", "AZ", "--as-of", "2022-01-01", "--format", "json").output)
    assert [e["id"] for e in a["events"]] == [e["id"] for e in b["events"]]


def test_timeline_country_names_in_any_form(mini: Run) -> None:
    for a, b in [("aze", "japan"), ("Azerbaijan", "JPN"), ("az", "jp")]:
        result = mini("timeline", a, b, "--format", "json", "--as-of", "2022-01-01")
        assert result.exit_code == 0
        assert json.loads(result.output)["parties"] == ["AZ", "JP"]


def test_timeline_json(mini: Run) -> None:
    result = mini("timeline", "AZ", "JP", "--as-of", "2022-01-01", "--format", "json")
    doc = json.loads(result.output)
    assert doc["parties"] == ["AZ", "JP"]
    assert doc["as_of"] == "2022-01-01"
    by_id = {e["id"]: e for e in doc["events"]}
    for e in doc["events"]:
        for key in ("id", "date", "kind", "parties", "by", "title", "sources", "disputed"):
            assert key in e
        assert "years_ago" in e
    assert by_id["az-jp-relations"]["years_ago"] == {"min": 29, "max": 29}
    assert by_id["loan-1997"]["date"] == "1997"  # precision kept, not 1997-01-01
    assert by_id["loan-1997"]["years_ago"] == {"min": 24, "max": 25}
    assert by_id["future-visit"]["years_ago"] is None
    # a 2022 event is not later than 2022-01-01 when its earliest day is not after it
    assert by_id["az-embassy-tokyo"]["disputed"][0]["date"] == "2005-09"
    assert by_id["tokyo-visit-1998"]["end_date"] == "1998-02-28"


def test_timeline_month_event_overlapping_as_of_has_minimum_zero(mini: Run) -> None:
    result = mini("timeline", "AZ", "JP", "--as-of", "2030-05-10", "--format", "json")
    by_id = {e["id"]: e for e in json.loads(result.output)["events"]}
    assert by_id["future-visit"]["years_ago"] == {"min": 0, "max": 0}


def test_timeline_disputed_dates_are_marked_with_sources(mini: Run) -> None:
    out = mini("timeline", "AZ", "JP", "--as-of", "2026-01-01").output
    assert "2005-10-12 *" in out
    assert "also given as date 2005-09" in out
    assert "https://example.org/d" in out
    assert "also given as end 1998-02-27" in out


def test_timeline_single_country_lists_partners(mini: Run) -> None:
    result = mini("timeline", "AZ", "--as-of", "2026-01-01")
    assert result.exit_code == 0
    assert "Partner" in result.output
    assert "Türkiye" in result.output
    assert result.output.startswith("Azerbaijan: ")


def test_timeline_filters(mini: Run) -> None:
    def ids(*args: str) -> list[str]:
        result = mini("timeline", "AZ", "JP", "--as-of", "2026-01-01", "--format", "json", *args)
        assert result.exit_code == 0, result.output
        return [e["id"] for e in json.loads(result.output)["events"]]

    assert ids("--kind", "letter") == ["letter-2017", "letter-2022"]
    assert ids("--kind", "letter", "--kind", "recognition") == [
        "jp-recognises-az",
        "letter-2017",
        "letter-2022",
    ]
    # a partial --since keeps events whose period overlaps it
    assert ids("--since", "1997-06", "--until", "1997") == ["loan-1997"]
    assert ids("--since", "2022-09-07", "--until", "2022-09-07") == ["anniv-2022", "letter-2022"]
    assert ids("--until", "1992") == ["jp-recognises-az", "az-jp-relations"]


def test_timeline_csv_and_markdown(mini: Run) -> None:
    out = mini("timeline", "AZ", "JP", "--as-of", "2026-01-01", "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["id"] == "jp-recognises-az"
    assert rows[0]["parties"] == "AZ;JP"
    assert {r["id"]: r["years_ago_max"] for r in rows}["loan-1997"] == "29"
    md = mini("timeline", "AZ", "JP", "--as-of", "2026-01-01", "--format", "markdown").output
    assert md.startswith("## Azerbaijan – Japan")
    assert "| Date | Kind | Event | Direction | Years ago |" in md


def test_timeline_usage_errors(mini: Run) -> None:
    assert_usage_error(mini("timeline", "AZ", "AZE"), "same country")
    assert_usage_error(mini("timeline", "AZ", "Azerbajan"), "Azerbaijan (AZ)")
    assert_usage_error(mini("timeline", "AZ", "Atlantis"), "unknown country 'Atlantis'")
    assert_usage_error(mini("timeline", "AZ", "JP", "--as-of", "2022-09"), "full date")
    assert_usage_error(mini("timeline", "AZ", "JP", "--as-of", "2022-02-30"), "2022-02-30")
    assert_usage_error(mini("timeline", "AZ", "JP", "--as-of", "07/09/1992"))
    assert_usage_error(mini("timeline", "AZ", "JP", "--since", "2000", "--until", "1999"))
    assert_usage_error(mini("timeline", "AZ", "JP", "--kind", "party"), "party")
    assert_usage_error(mini("timeline"), "Missing argument")


def test_timeline_as_of_defaults_to_today(mini: Run) -> None:
    import datetime as dt

    doc = json.loads(mini("timeline", "AZ", "JP", "--format", "json").output)
    as_of = dt.date.fromisoformat(doc["as_of"])
    now = dt.datetime.now().astimezone().date()
    assert abs((as_of - now).days) <= 1


def test_a_pair_the_stores_do_not_know_says_how_to_add_it(run: Run) -> None:
    result = run("timeline", "JP", "KP")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "The stores read have no events for Japan – North Korea" in text
    assert "bilat import rdcr" in text
    assert "bilat add" in text


def test_in_a_pipe_without_columns_each_row_is_one_line(run: Run) -> None:
    result = run("timeline", "AZ", "JP", env={"COLUMNS": ""})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Azerbaijan – Japan: diplomatic relations since 1992-09-07")
    assert lines[1].split() == ["Date", "Kind", "Event", "Direction", "Years", "ago"]
    rows = [line for line in lines[3:] if line[:4].isdigit()]
    assert len(rows) == 46
    relations = next(r for r in rows if r.startswith("1992-09-07 "))
    assert "diplomatic-relations  Diplomatic relations established" in relations
    widths = {len(line) for line in lines[1:3]}
    assert len(widths) == 1  # the header and its rule line up


def test_tables_follow_columns_when_set(run: Run) -> None:
    wrapped = run("timeline", "AZ", "JP", env={"COLUMNS": "60"}).stdout
    table = [line for line in wrapped.splitlines()[1:] if not line.startswith(("* ", "Left out"))]
    assert max(len(line) for line in table) <= 60
    assert "Left out to fit 60 columns: Direction, Kind" in wrapped
    words = {w for line in table for w in line.split()}
    assert "Azerbaijan" in words  # never split inside a word


def test_timeline_evidence_and_the_home_country(run: Run, make_store: Callable[..., Path]) -> None:
    store = ("--store", str(make_store(EVIDENCE_EVENTS)))
    doc = json.loads(
        run("timeline", "AZ", *store, "--evidence", "official", "--format", "json").stdout
    )
    assert [e["id"] for e in doc["events"]] == ["az-jp"]
    out = run("timeline", "AZ", *store).stdout
    assert "1992-08-27 °" in out
    assert out.rstrip().splitlines()[-1].startswith("° the date rests on an encyclopedia alone")
    home = run("timeline", *store, "--format", "json", env={"BILAT_COUNTRY": "KZ"}).stdout
    assert json.loads(home)["parties"] == ["KZ"]
    assert_usage_error(run("timeline", *store), "Missing argument 'A'")


@pytest.mark.parametrize(
    "args",
    [
        ("timeline", "AZ", "JP", "--format", "svg"),
        ("timeline", "AZ", "JP", "--format", "png"),
        ("relations", "AZ", "--format", "svg"),
        ("export", "html", "AZ", "JP"),
    ],
)
@pytest.mark.parametrize("as_of", ["9999-12-31", "9999-01-01"])
def test_pictures_and_the_page_as_of_the_year_9999(
    run: Run, tmp_path: Path, args: tuple[str, ...], as_of: str
) -> None:
    """Their time axis runs to the end of 9999, a day after which no date exists."""
    out = tmp_path / "out"
    result = run(*args, "--as-of", as_of, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000
    assert "9999" in out.read_bytes().decode("utf-8", errors="replace") or args[-1] == "png"
