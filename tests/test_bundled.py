"""The bundled store: it loads, it is sourced, and it gives the answers users ask for."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from bilat.domain import Event
from bilat.store import bundled_store, dumps, load_path

Run = Callable[..., Result]
ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "data" / "events.json"


@pytest.fixture(scope="module")
def events() -> dict[str, Event]:
    return {e.id: e for e in bundled_store().events}


def test_bundled_store_is_the_top_level_file() -> None:
    assert bundled_store().events == load_path(STORE).events


def test_bundled_store_is_in_the_stable_layout() -> None:
    assert dumps(load_path(STORE).events, schema="./events.schema.json") == STORE.read_bytes()


def test_every_event_is_sourced() -> None:
    for event in bundled_store().events:
        assert event.sources, event.id
        for source in event.sources:
            assert source.title.strip(), event.id
            assert source.url is None or source.url.startswith(("http://", "https://"))
        assert any(s.url for s in event.sources), f"{event.id} has no source with an address"
        for claim in event.disputed or ():
            assert claim.sources, event.id
            assert claim.note.strip(), event.id


def test_the_30th_anniversary_letter_carries_its_full_text(events: dict[str, Event]) -> None:
    letter_event = events["aliyev-letter-30th-anniversary"]
    letter = letter_event.letter
    assert letter.recipient == "Fumio Kishida, Prime Minister of Japan"
    assert letter.author.startswith("Ilham Aliyev")
    paragraphs = letter.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("This year we celebrate the 30th anniversary")
    assert paragraphs[-1].endswith("peace and prosperity to the friendly people of Japan.")
    urls = [s.url for s in letter_event.sources]
    assert "https://novayaepoxa.com/prezident-ilkham-aliev-napravil-pozd-7/414651/embed" in urls


def test_other_letters_have_no_text(events: dict[str, Event]) -> None:
    letters = [e for e in events.values() if e.kind == "letter"]
    with_text = [e.id for e in letters if e.letter.text]
    assert with_text == ["aliyev-letter-30th-anniversary"]
    assert len(letters) > 1


def test_disputed_embassy_dates(events: dict[str, Event]) -> None:
    tokyo = events["az-embassy-tokyo"]
    assert str(tokyo.date) == "2005-10-12"
    claims = {str(c.date) for c in tokyo.disputed}
    assert claims == {"2005-09", "2002-10-01"}
    baku = events["jp-embassy-baku"]
    assert str(baku.date) == "2000-01-21"
    assert {str(c.date) for c in baku.disputed} == {"2001-01"}


def test_anniversary_2022_shows_the_30th_of_azerbaijan_japan(run: Run) -> None:
    doc = json.loads(run("anniversary", "--year", "2022", "--format", "json").output)
    rows = [r for r in doc["anniversaries"] if r["event_id"] == "az-jp-diplomatic-relations"]
    assert len(rows) == 1
    row = rows[0]
    assert (row["date"], row["weekday"], row["years"], row["ordinal"]) == (
        "2022-09-07",
        "Wed",
        30,
        "30th",
    )
    table = run("anniversary", "--year", "2022").output
    assert "2022-09-07" in table
    assert "Azerbaijan – Japan" in table


def test_timeline_az_jp(run: Run) -> None:
    result = run("timeline", "AZ", "JP", "--as-of", "2026-11-27")
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert first.startswith("Azerbaijan – Japan: diplomatic relations since 1992-09-07 (34 years")
    doc = json.loads(
        run("timeline", "AZ", "JP", "--as-of", "2026-11-27", "--format", "json").output
    )
    ids = [e["id"] for e in doc["events"]]
    assert ids[:2] == ["jp-recognises-az", "az-jp-diplomatic-relations"]
    assert len(ids) > 40


def test_show_letter_default_is_the_2022_letter(run: Run) -> None:
    result = run("show-letter")
    assert result.exit_code == 0
    out = result.output
    assert "Fumio Kishida" in out
    assert "7 September 2022" in out
    assert "other letters match" in out


def test_bundled_store_passes_validate() -> None:
    import datetime as dt

    from bilat.store import check

    assert check(STORE.read_bytes(), str(STORE), dt.date(2026, 11, 27)) == []
