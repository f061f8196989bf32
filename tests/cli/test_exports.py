"""``bilat export``: anniversaries as an iCalendar file, events as a store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import icalendar

from bilat import store as store_mod
from tests.helpers import EVIDENCE_EVENTS, Run, assert_data_error, assert_usage_error

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


# --------------------------------------------------------------------------- export json


def test_export_json_round_trips(run: Run, tmp_path: Path) -> None:
    out = run("export", "json", "--pair", "AZ", "JP").stdout_bytes
    exported = store_mod.loads(out, "stdout")
    assert len(exported) > 40
    assert all({"AZ", "JP"} <= set(e.parties) for e in exported)
    target = tmp_path / "az-jp.json"
    result = run("export", "json", "--pair", "AZ", "JP", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_bytes() == out
    # the exported store reads like any other
    doc = json.loads(run("timeline", "AZ", "JP", "--store", str(target), "--format", "json").output)
    assert len(doc["events"]) == len(exported)


def test_a_calendar_keeps_strong_dates_and_the_home_country(
    run: Run, make_store: Callable[..., Path]
) -> None:
    store = ("--store", str(make_store(EVIDENCE_EVENTS)))
    years = ("export", "ics", "--from-year", "2022", "--to-year", "2022", "-o", "-", *store)

    def uids(*args: str, env: dict[str, str] | None = None) -> list[str]:
        result = run(*years, *args, env=env)
        calendar = icalendar.Calendar.from_ical(result.stdout)
        return sorted(str(e["UID"]).split("-2022@")[0] for e in calendar.walk("VEVENT"))

    assert uids("--evidence", "news") == ["az-ge", "az-jp", "jp-kz"]
    assert uids(env={"BILAT_COUNTRY": "KZ"}) == ["az-kz", "jp-kz"]
    assert len(uids("--all", env={"BILAT_COUNTRY": "KZ"})) == 5
    message = run(*years, env={"BILAT_COUNTRY": "KZ"}).stderr
    assert "for Kazakhstan (all countries: --all)" in message
