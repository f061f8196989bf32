"""Fuzz test of the commands, with Hypothesis: generated valid stores with hostile text
through every listing command and format give exit status 0, 1 or 2, no terminal control
character in the output, and JSON output that keeps the strings exactly. Settings, and how
to run longer (``BILAT_FUZZ_EXAMPLES``): tests/property/fuzzing.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from bilat.cli import cli
from bilat.domain import KINDS
from bilat.vocab import SOURCE_TYPES
from tests.property.fuzzing import STORABLE_TEXT, UNSAFE, check_loads, encode, fuzz

VALID_CODES = ["AZ", "JP", "TR", "GE", "US", "XK", "SUHH", "DDDE", "YUCS", "CSHH"]

LONG_AGO = dt.date(1, 1, 1)


@st.composite
def partial_dates(draw: st.DrawFn, after: dt.date = LONG_AGO) -> tuple[str, dt.date]:
    """An ISO date at some precision, and its first day."""
    day = draw(st.dates(min_value=after, max_value=dt.date(9999, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return f"{day.year:04d}", max(after, dt.date(day.year, 1, 1))
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}", max(after, day.replace(day=1))
    return day.isoformat(), day


def title_text(max_size: int = 1000) -> st.SearchStrategy[str]:
    return STORABLE_TEXT.filter(lambda s: 1 <= len(s) <= max_size)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def sources(draw: st.DrawFn) -> list[dict[str, Any]]:
    return draw(
        st.lists(
            st.fixed_dictionaries(
                {"title": title_text()},
                optional={
                    "url": optional(STORABLE_TEXT.filter(lambda s: len(s) <= 4096)),
                    "accessed": optional(partial_dates().map(lambda d: d[0])),
                    "archive_url": st.none(),
                },
            ),
            min_size=1,
            max_size=2,
        )
    )


@st.composite
def valid_events(draw: st.DrawFn, event_id: str) -> dict[str, Any]:
    date, first = draw(partial_dates())
    parties = draw(
        st.one_of(
            st.just(["AZ", "JP"]),
            st.just(["JP", "AZ", "TR"]),
            st.lists(st.sampled_from(VALID_CODES), min_size=2, max_size=4, unique=True),
        )
    )
    kind = draw(st.one_of(st.just("letter"), st.sampled_from(KINDS)))  # letters often
    event: dict[str, Any] = {
        "id": event_id,
        "date": date,
        "parties": parties,
        "kind": kind,
        "title": draw(title_text()),
        "sources": draw(sources()),
    }
    if draw(st.booleans()):
        event["end_date"] = draw(partial_dates(after=first))[0]
    for key, strategy in (
        ("by", st.sampled_from(parties)),
        ("summary", STORABLE_TEXT.filter(lambda s: len(s) <= 20_000)),
        ("place", title_text()),
        ("note", STORABLE_TEXT.filter(lambda s: len(s) <= 20_000)),
    ):
        if draw(st.booleans()):
            event[key] = draw(optional(strategy))
    if draw(st.booleans()):
        claims = []
        for _ in range(draw(st.integers(1, 2))):
            claim: dict[str, Any] = {"note": draw(title_text()), "sources": draw(sources())}
            which = draw(st.sampled_from(["date", "end_date", "both"]))
            if which in ("date", "both"):
                claim["date"] = draw(partial_dates())[0]
            if which in ("end_date", "both"):
                claim["end_date"] = draw(partial_dates())[0]
            claims.append(claim)
        event["disputed"] = claims
    if kind == "letter":
        letter: dict[str, Any] = {"author": draw(title_text()), "recipient": draw(title_text())}
        if draw(st.booleans()):
            letter["text"] = draw(optional(STORABLE_TEXT))
        if draw(st.booleans()):
            letter["language"] = draw(optional(STORABLE_TEXT.filter(lambda s: len(s) <= 35)))
        event["letter"] = letter
    return event


@st.composite
def valid_stores(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(
        st.lists(
            st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    events = [draw(valid_events(event_id)) for event_id in ids]
    return {"version": 1, "events": events}


def without_none(value: Any) -> Any:
    """What the store means: null optionals are the same as absent ones."""
    if isinstance(value, dict):
        return {k: without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_none(v) for v in value]
    return value


LISTING_FORMATS = ("table", "json", "csv", "markdown")

ONE_FORMATS = ("text", "json", "markdown")


def check_output(args: list[str], result: Any) -> None:
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert not UNSAFE.search(result.stdout), (args, repr(result.stdout[:500]))
    assert not UNSAFE.search(result.stderr), (args, repr(result.stderr[:500]))
    if result.exit_code != 0:
        lines = result.stderr.splitlines()
        assert any(line.startswith("Error: ") for line in lines), (args, result.stderr)
    elif "csv" in args:
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert len({len(row) for row in rows}) == 1, args


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file, rewritten for each example (Hypothesis shares fixtures across examples)."""
    return tmp_path_factory.mktemp("fuzz") / "store.json"


@fuzz(30, cli_test=True)
@given(
    store=valid_stores(),
    how=st.sampled_from(["ascii", "utf-8"]),
    data=st.data(),
)
def test_commands_on_generated_stores(
    store_file: Path, store: dict[str, Any], how: str, data: st.DataObject
) -> None:
    raw = encode(store, how)
    store_file.write_bytes(raw)
    events = check_loads(raw)
    assert not isinstance(events, str), events  # the generator makes valid stores
    originals = {e["id"]: without_none(e) for e in store["events"]}
    years = sorted({int(e["date"][:4]) for e in store["events"]})
    year = data.draw(
        st.one_of(
            st.sampled_from(years).map(lambda y: min(9999, y + 1)),
            st.integers(1, 9999),
        ),
        label="year",
    )
    as_of = data.draw(st.dates(max_value=dt.date(9999, 12, 31)), label="as_of").isoformat()
    event_id = data.draw(st.sampled_from(sorted(originals)), label="id")
    runs: list[list[str]] = []
    for fmt in LISTING_FORMATS:
        runs += [
            ["timeline", "AZ", "JP", "--format", fmt],
            ["timeline", "AZ", "--as-of", as_of, "--format", fmt],
            ["anniversary", "--year", str(year), "--every", "1", "--format", fmt],
            [
                "anniversary",
                "--year",
                str(year),
                "--every",
                "1",
                "--kind",
                "letter",
                "--format",
                fmt,
            ],
            ["show-letter", "--list", "--format", fmt],
        ]
    for fmt in ONE_FORMATS:
        runs += [["show-letter", "--format", fmt], ["show", event_id, "--format", fmt]]
    runner = CliRunner()
    for args in runs:
        result = runner.invoke(cli, [*args, "--store", str(store_file)], catch_exceptions=False)
        check_output(args, result)
        if result.exit_code == 0 and "json" in args:
            check_json(args, json.loads(result.stdout), originals)


def check_json(args: list[str], doc: Any, originals: dict[str, dict[str, Any]]) -> None:
    """JSON output keeps every stored string exactly."""
    command = args[0]
    if command == "show":
        evidence = doc.pop("evidence")  # the one field computed, not stored
        assert evidence is None or evidence in SOURCE_TYPES
        assert doc == originals[args[1]]
    elif command == "timeline":
        for item in doc["events"]:
            original = originals[item["id"]]
            assert {k: item[k] for k in original} == original
    elif command == "anniversary":
        for item in doc["anniversaries"]:
            original = originals[item["event_id"]]
            assert item["title"] == original["title"]
            assert item["event_date"] == original["date"]
    elif command == "show-letter":
        letters = doc["letters"] if "--list" in args else [doc]
        for item in letters:
            original = originals[item["id"]]
            assert item["title"] == original["title"]
            for key in ("author", "recipient", "language", "text"):
                assert item[key] == original["letter"].get(key), key
            assert without_none(item["sources"]) == original["sources"]
