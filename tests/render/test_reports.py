"""What the writing commands tell people (bilat.render.reports): an import's report, the
status of store files, the footers of a letter."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bilat.render import reports


def report(**fields: Any) -> dict[str, Any]:
    base = {"store": "mine.json", "dry_run": False, "added": 0, "already_present": 0,
            "updated": 0, "matched": []}  # fmt: skip
    return {**base, **fields}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [({"added": 1}, "1 event added to mine.json"),
     ({"added": 2, "dry_run": True}, "2 events would be added to mine.json"),
     ({"already_present": 3, "matched": [{"imported": "a", "stored": "b"}]},
      "0 events added to mine.json; 1 row matched stored events; 3 already there"),
     ({"updated": 2}, "0 events added to mine.json; 2 events there gained sources or dates"),
     ({"updated": 1, "dry_run": True},
      "0 events would be added to mine.json; 1 event there would gain sources or dates")],
)  # fmt: skip
def test_the_outcome_says_what_was_added_and_what_was_there(
    fields: dict[str, Any], expected: str
) -> None:
    assert reports.import_outcome(report(**fields)) == expected


def test_the_report_lists_each_count_with_its_details() -> None:
    lines = reports.import_lines(
        report(
            added=1,
            skipped={"no code": {f"Land {i}": 1 for i in range(8)}, "no date": 2},
            files_skipped=[f"/x/f{i}" for i in range(3)],
            year_precision=["a", "b"],
            disagreements=[{"file": "jp.xml", "heading": "Recognition", "heading_year": "1991",
                            "prose_date": "1992-01-01"}],
        )
    )  # fmt: skip
    assert lines == [
        "1 event added to mine.json.",
        "Skipped: 10 entries",
        "  no code: 8 (Land 0, Land 1, Land 2, Land 3, Land 4, Land 5, ...)",
        "  no date: 2",
        "Not regular files, skipped: 3 files (f0, f1, f2)",
        "Known only to the year: 2 events",
        (
            "Heading and text disagree: 1 entry (the text's date is taken, the heading's kept "
            "as disputed)"
        ),
        "  jp.xml: Recognition (heading 1991, text 1992-01-01)",
    ]
    assert reports.import_lines(report()) == ["0 events added to mine.json."]


def test_a_report_is_written_for_people_or_for_programs() -> None:
    hostile = report(store="a\x1b[31m.json")
    text = reports.REPORT_WRITERS["text"](hostile)
    assert text.for_people
    assert text.text == "0 events added to a\\x1b[31m.json.\n"  # controls made visible
    data = reports.REPORT_WRITERS["json"](hostile)
    assert not data.for_people
    assert isinstance(data.text, bytes)
    assert json.loads(data.text) == hostile


def test_csv_errors_and_store_statuses() -> None:
    assert reports.invalid_rows(2, "e.csv") == (
        "2 invalid rows in e.csv; nothing was written (--skip-invalid imports the valid rows)"
    )
    assert reports.invalid_rows_skipped(1) == "; 1 invalid row skipped"
    assert reports.not_read("no such file") == "not read: no such file"
    assert (reports.READ, reports.NOT_CREATED) == ("read", "not created yet (bilat add creates it)")
    assert reports.added_to("mine.json") == "added to mine.json"
    assert reports.store_ok("mine.json") == "mine.json: ok"
    assert reports.problems_found(1) == "1 problem found"


def test_letter_footers_repeat_the_filters_as_typed() -> None:
    assert reports.letter_filters((), None) == ""
    assert reports.letter_filters(("AZ", "JP"), 2002) == " --pair AZ JP --year 2002"
    assert reports.other_letters(1, ("AZ", "JP"), None) == (
        "1 other letter matches; list them with: bilat show-letter --list --pair AZ JP"
    )
    assert reports.other_letters(2, (), 2002) == (
        "2 other letters match; list them with: bilat show-letter --list --year 2002"
    )
    assert reports.no_letter((), 1999) == "no letter matches --year 1999"
