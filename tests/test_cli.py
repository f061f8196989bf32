"""End-to-end tests of the commands through click's CliRunner, on small test stores."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from bilat import __version__
from bilat.cli import cli

from .conftest import MINI, event

Run = Callable[..., Result]


def assert_data_error(result: Result, *fragments: str) -> None:
    """Exit 1, one 'Error: ...' line on stderr, no traceback."""
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


def assert_usage_error(result: Result, *fragments: str) -> None:
    """Exit 2, click's usage hint and an error line, no traceback."""
    assert result.exit_code == 2, result.output
    assert "Usage: " in result.stderr
    assert "Error: " in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- help, version


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_group_help(run: Run, flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    for name in cli.commands:
        assert name in result.output


@pytest.mark.parametrize("name", sorted(cli.commands))
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_an_example(run: Run, name: str, flag: str) -> None:
    command = cli.commands[name]
    assert command.help, f"{name} has no help"
    first = command.help.splitlines()[0]
    assert first.endswith("."), first
    result = run(name, flag)
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"bilat {name}" in result.output


def test_unknown_command_is_a_usage_error(run: Run) -> None:
    assert_usage_error(run("timelines"), "No such command")


def test_python_dash_m_entry_point() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "bilat", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in out.stdout


# --------------------------------------------------------------------------- timeline


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


def test_show_json_is_the_event_as_stored(mini: Run) -> None:
    doc = json.loads(mini("show", "az-embassy-tokyo", "--format", "json").output)
    stored = json.loads(MINI.read_text(encoding="utf-8"))["events"]
    assert doc == next(e for e in stored if e["id"] == "az-embassy-tokyo")


def test_show_markdown_with_letter(mini: Run) -> None:
    md = mini("show", "letter-2022", "--format", "markdown").output
    assert md.startswith("# Letter for the 30th anniversary")
    assert "## Letter" in md
    assert "Second paragraph." in md


def test_show_unknown_id(mini: Run) -> None:
    assert_usage_error(mini("show", "az-embassy-tokio"), "az-embassy-tokyo")
    assert_usage_error(mini("show", "x", "--format", "csv"), "csv")


# --------------------------------------------------------------------------- stores


def test_store_from_environment(run: Run, make_store: Callable[..., Path]) -> None:
    path = make_store([event(id="env-event")])
    result = run("show", "env-event", "--format", "json", env={"BILAT_STORE": str(path)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["id"] == "env-event"


def test_store_option_wins_over_environment(run: Run, make_store: Callable[..., Path]) -> None:
    env_path = make_store([event(id="from-env")], name="env.json")
    result = run(
        "show", "az-jp-relations", "--store", str(MINI), env={"BILAT_STORE": str(env_path)}
    )
    assert result.exit_code == 0


def test_missing_store(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    assert_data_error(run("timeline", "AZ", "JP", "--store", str(missing)), str(missing), "no such")
    env = {"BILAT_STORE": str(missing)}
    assert_data_error(run("anniversary", "--year", "2022", env=env), "no such")


def test_directory_store(run: Run, tmp_path: Path) -> None:
    assert_data_error(run("show-letter", "--store", str(tmp_path)), "is a directory")


def test_unreadable_store(run: Run, make_store: Callable[..., Path]) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = make_store([event()])
    path.chmod(0)
    assert_data_error(run("show", "e-1", "--store", str(path)), "permission denied")


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        (b"\xff\xfe{}", ("not UTF-8", "line 1, column 1")),
        (b'{"version": 1,\n "events": [,]}', ("invalid JSON at line 2, column 13",)),
        (b'{"version": 1, "events": [', ("invalid JSON", "unexpected end of file")),
        (b"[]", ("$: Expected `object`, got `array`",)),
        (b'{"version": 2, "events": [{"x": 1}]}', ("$.version", "format version 1, not 2")),
        (
            json.dumps({"version": 1, "events": [event(), event(id="e-2", date="2022-02-30")]}),
            ("$.events[1].date", "2022-02-30"),
        ),
        (
            json.dumps({"version": 1, "events": [event(date="1992-13")]}),
            ("$.events[0].date", "1992-13"),
        ),
        (
            json.dumps({"version": 1, "events": [event(date="07/09/1992")]}),
            ("$.events[0].date", "07/09/1992"),
        ),
        (json.dumps({"version": 1, "events": [event(kind="party")]}), ("$.events[0].kind",)),
        (
            json.dumps({"version": 1, "events": [event(parties=["AZ", "ZZ"])]}),
            ("$.events[0].parties[1]", "unknown country code 'ZZ'"),
        ),
        (
            json.dumps({"version": 1, "events": [event(), event()]}),
            ("$.events[1].id", "duplicate id 'e-1'", "$.events[0]"),
        ),
        (
            json.dumps({"version": 1, "events": [event(parties=["AZ"])]}),
            ("$.events[0].parties", "length >= 2"),
        ),
        (
            json.dumps({"version": 1, "events": [event(by="TR")]}),
            ("$.events[0].by", "not one of the parties"),
        ),
        (
            json.dumps({"version": 1, "events": [event(titel="x")]}),
            ("$.events[0]", "unknown field `titel`"),
        ),
    ],
)
def test_bad_stores_exit_1_with_file_and_path(
    run: Run, make_store: Callable[..., Path], content: str | bytes, fragments: tuple[str, ...]
) -> None:
    path = make_store("")
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    for args in (("timeline", "AZ", "JP"), ("anniversary", "--year", "2022"), ("show-letter",)):
        assert_data_error(run(*args, "--store", str(path)), str(path), *fragments)


# --------------------------------------------------------------------------- safety


HOSTILE = "[bold]bold[/bold] [link=https://evil.example]x[/link] \x1b[31mred\x1b[0m\r\x07\u202eevil"


def test_store_text_is_never_markup_nor_control(run: Run, make_store: Callable[..., Path]) -> None:
    letter = {"author": HOSTILE, "recipient": "R", "text": f"Para {HOSTILE}\n\nNext"}
    path = make_store(
        [
            event(title=HOSTILE, summary=HOSTILE),
            event(
                id="l-1",
                kind="letter",
                title=HOSTILE,
                date="1993-01-01",
                by="AZ",
                letter=letter,
            ),
        ]
    )
    store = ("--store", str(path))
    outputs = [
        run("timeline", "AZ", "JP", "--as-of", "2022-01-01", *store).output,
        run("timeline", "AZ", "JP", "--format", "csv", *store).output,
        run("timeline", "AZ", "JP", "--format", "markdown", *store).output,
        run("anniversary", "--year", "2022", "--every", "1", *store).output,
        run("show-letter", *store).output,
        run("show-letter", "--list", *store).output,
        run("show", "e-1", *store).output,
        run("show", "l-1", "--format", "markdown", *store).output,
    ]
    for out in outputs:
        for bad in ("\x1b", "\r", "\x07", "\u202e"):
            assert bad not in out
    table = outputs[0]
    assert "[bold]bold[/bold]" in outputs[0].replace("\n", "") or "[bold]bold" in table
    assert "\\x1b[31mred" in outputs[4]
    assert "\\u202eevil" in outputs[4]
    assert "[link=https://evil.example]x[/link]" in outputs[4].replace("\n", "")


def test_json_keeps_strings_exact_as_escapes(run: Run, make_store: Callable[..., Path]) -> None:
    title = HOSTILE + "\x85\u2066"
    path = make_store([event(title=title)])
    out = run("show", "e-1", "--format", "json", "--store", str(path)).output
    for bad in ("\x1b", "\r", "\x07", "\u202e", "\x85", "\u2066"):
        assert bad not in out
    assert "\\u001b" in out
    assert "\\u202e" in out
    assert "\\u0085" in out
    assert json.loads(out)["title"] == title
    out = run("timeline", "AZ", "JP", "--format", "json", "--store", str(path)).output
    assert json.loads(out)["events"][0]["title"] == title


def test_unreadable_store_even_as_root(
    run: Run, make_store: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_store([event()])

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert_data_error(run("show", "e-1", "--store", str(path)), str(path), "permission denied")


@pytest.mark.parametrize(
    ("args", "status", "stdout", "stderr"),
    [
        (["anniversary", "--year", "2022", "--format", "csv"], 0, "2022-09-07,Wed", ""),
        (["--version"], 0, "bilat, version", ""),
        (["nope"], 2, "", "Error: No such command 'nope'."),
        (["timeline", "AZ", "JP", "--store", "/nonexistent.json"], 1, "", "no such store file"),
    ],
)
def test_console_script_keeps_status_and_output(
    args: list[str], status: int, stdout: str, stderr: str
) -> None:
    """The console script leaves with os._exit: output is flushed, the status kept."""
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "bilat", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "BILAT_NO_CACHE": "1"},
    )
    assert done.returncode == status
    assert stdout in done.stdout
    assert stderr in done.stderr
    if stdout:
        assert done.stdout.endswith("\n")
