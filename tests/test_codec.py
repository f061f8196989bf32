"""The store format in bytes (bilat.codec): decoding store files, the messages for bad
bytes, bad JSON and bad types, writing stores, and the JSON Schema. The rules beyond the
types: tests/test_rules.py; files: tests/test_store.py."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bilat.codec import FORMAT_VERSION, decode_text, dumps, json_schema, loads
from bilat.domain import Claim, Event, Letter, PartialDate, Source
from bilat.vocab import KINDS, StoreError
from tests.helpers import ROOT, event, load_text, store_error
from tests.helpers import STORE_NAME as NAME
from tests.helpers import store_text as store

# --------------------------------------------------------------------------- valid stores


def test_minimal_store_loads() -> None:
    (e,) = load_text(store(event()))
    assert e.id == "e-1"
    assert e.date == PartialDate(1992, 9, 7)
    assert e.parties == ["AZ", "JP"]
    assert e.kind == "diplomatic-relations"
    assert e.sources == [Source(title="A source", url="https://example.org/")]
    assert e.by is None
    assert e.letter is None


def test_empty_store_loads() -> None:
    assert load_text('{"version": 1, "events": []}') == ()


def test_schema_key_is_ignored() -> None:
    (e,) = load_text(store(event(), **{"$schema": "./events.schema.json"}))
    assert e.id == event()["id"]


def test_null_optional_fields_are_accepted() -> None:
    nulls = dict.fromkeys(
        ["end_date", "by", "summary", "place", "note", "disputed", "letter"], None
    )
    (e,) = load_text(store(event(**nulls, sources=[{"title": "s", "url": None}])))
    assert (e.end_date, e.by, e.summary, e.place, e.note, e.disputed, e.letter) == (None,) * 7
    assert e.sources[0].url is None


def test_utf8_bom_is_tolerated() -> None:
    (e,) = loads(b"\xef\xbb\xbf" + store(event()).encode(), NAME)
    assert e.id == event()["id"]


def test_full_event_loads() -> None:
    text = store(
        event(
            id="letter-2022",
            date="2022-09",
            end_date="2022-10-01",
            parties=["AZ", "JP", "SUHH"],
            by="AZ",
            kind="letter",
            title="Letter — Türkiye, 日本",
            summary="s",
            place="Baku",
            note="n",
            sources=[{"title": "TDI", "accessed": "2024-01-02", "archive_url": "https://a.org"}],
            disputed=[
                {"date": "2022-08", "note": "other", "sources": [{"title": "x"}]},
                {"end_date": "2023", "note": "other", "sources": [{"title": "y"}]},
            ],
            letter={"author": "A", "recipient": "B", "language": "en", "text": "Hi.\n\nBye."},
        )
    )
    (e,) = load_text(text)
    assert e.title == "Letter — Türkiye, 日本"
    assert e.end_date == PartialDate(2022, 10, 1)
    assert e.sources[0].accessed == PartialDate(2024, 1, 2)
    assert e.disputed is not None
    assert e.disputed[1].end_date == PartialDate(2023)
    assert e.letter == Letter(author="A", recipient="B", language="en", text="Hi.\n\nBye.")


def test_events_keep_file_order() -> None:
    events = load_text(store(event(id="b", date="2000"), event(id="a", date="1990")))
    assert [e.id for e in events] == ["b", "a"]


# --------------------------------------------------------------------------- bad bytes


def test_not_utf8_inside_a_string() -> None:
    text = store(event(title="T\u00fcrkiye")).replace(", ", ",\n")
    data = text.encode("latin-1")
    line = text[: text.index("\u00fc")].count("\n") + 1
    assert line > 1
    message = store_error(data)
    assert "not UTF-8" in message
    assert f"line {line}, column" in message


def test_decode_text() -> None:
    assert decode_text("\ufeffa,b\nT\u00fcrkiye\n".encode(), "x.csv") == "a,b\nT\u00fcrkiye\n"
    with pytest.raises(StoreError) as caught:
        decode_text("a,b\nT\u00fcrkiye\n".encode("latin-1"), "x.csv")
    assert str(caught.value) == "x.csv: not UTF-8 text (invalid byte at line 2, column 2)"


def test_not_utf8_reports_a_position() -> None:
    data = '{"version": 1,\n "events": [\n{"title": "T\u00fcrkiye"}]}'.encode("latin-1")
    message = store_error(data)
    assert "UTF-8" in message
    assert "line " in message
    assert "column " in message


def test_not_utf8_outside_a_string() -> None:
    message = store_error(b'{"version": 1,\n "events": [\xff]}')
    assert "line 2, column" in message


@pytest.mark.parametrize(
    ("data", "position"),
    [
        (b'{"version": 1, "events": [],}', "line 1, column 29"),
        (b'{\n  "version": 1,\n  "events": [],\n}\n', "line 4, column 1"),
        (b'{"version": 1,\n "events": [\n  {"id": "a",}\n]}', "line 3, column 14"),
        (b'{"version": 1, "ev', "line 1, column 19"),
        (b'{"version": 1,\n "events": [\n', "line 3, column 1"),
        (b"", "line 1, column 1"),
        (b'{"version": 1, "events": []} x', "trailing characters"),
        (b"{'version': 1}", "line 1, column 2"),
    ],
)
def test_invalid_json(data: bytes, position: str) -> None:
    message = store_error(data)
    assert "invalid JSON" in message
    assert position in message


def test_truncated_file() -> None:
    full = store(event()).encode()
    message = store_error(full[: len(full) // 2])
    assert "line 1, column" in message


# --------------------------------------------------------------------------- bad stores


BAD_STORES = [
    pytest.param("[]", "$: Expected `object`", id="top-level-array"),
    pytest.param('"store"', "$: Expected `object`", id="top-level-string"),
    pytest.param(store(event(), version=2), "format version 1", id="version-2"),
    pytest.param(
        json.dumps({"version": 2, "events": [{"date": 1992}]}),
        "format version 1",
        id="version-2-bad-events",
    ),
    pytest.param(
        json.dumps({"events": [{"kind": "war"}], "version": 2}),
        "format version 1",
        id="version-2-after-bad-events",
    ),
    pytest.param(store(event(), version="1"), "format version 1", id="version-string"),
    pytest.param('{"events": []}', "`version`", id="missing-version"),
    pytest.param('{"version": 1}', "`events`", id="missing-events"),
    pytest.param('{"version": 1, "events": {}}', "$.events: Expected `array`", id="events-object"),
    pytest.param(store(event(), extra=1), "unknown field `extra`", id="unknown-top-field"),
    pytest.param(store(event(date=1992)), "$.events[0].date", id="date-int"),
    pytest.param(store(event(date=1992)), "string", id="date-int-says-string"),
    pytest.param(store(event(date="2022-02-30")), "$.events[0].date", id="feb-30"),
    pytest.param(store(event(date="2023-02-29")), "$.events[0].date", id="feb-29-common"),
    pytest.param(store(event(date="1992-13")), "$.events[0].date", id="month-13"),
    pytest.param(
        store(event(), event(id="b", date="07/09/1992")), "$.events[1].date", id="slashes"
    ),
    pytest.param(store(event(date="0000")), "$.events[0].date", id="year-0"),
    pytest.param(store(event(end_date="1992-9")), "$.events[0].end_date", id="bad-end-date"),
    pytest.param(store(event(kind="war")), "$.events[0].kind", id="unknown-kind"),
    pytest.param(store(event(kind="war")), "'war'", id="unknown-kind-named"),
    pytest.param(store(event(parties=["AZ"])), "$.events[0].parties", id="one-party"),
    pytest.param(store(event(parties=[])), "$.events[0].parties", id="no-parties"),
    pytest.param(store(event(parties=...)), "`parties`", id="missing-parties"),
    pytest.param(
        store(event(kind="letter", letter={"author": "A"})),
        "`recipient`",
        id="letter-incomplete",
    ),
    pytest.param(
        store(event(disputed=[{"date": "1992", "note": "n", "sources": []}])),
        "$.events[0].disputed[0].sources",
        id="claim-without-sources",
    ),
    pytest.param(store(event(titel="x")), "$.events[0]", id="unknown-field-path"),
    pytest.param(store(event(titel="x")), "`titel`", id="unknown-field-named"),
    pytest.param(store(event(sources=[])), "$.events[0].sources", id="no-sources"),
    pytest.param(
        store(event(sources=[{"title": ""}])), "$.events[0].sources[0].title", id="empty-source"
    ),
    pytest.param(store(event(title="")), "$.events[0].title", id="empty-title"),
    pytest.param(store(event(title=...)), "`title`", id="missing-title"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_STORES)
def test_bad_store(text: str, expected: str) -> None:
    message = store_error(text.encode("utf-8"))
    assert expected in message


def test_version_message_is_clear() -> None:
    message = store_error(json.dumps({"version": 2, "events": [{"date": "x"}]}).encode())
    assert message == f"{NAME}: $.version: this bilat reads store format version 1, not 2"


# --------------------------------------------------------------------------- dumps


def sample_events() -> list[Event]:
    def ev(id: str, date: str, **kw: Any) -> Event:
        return Event(
            id=id,
            date=PartialDate.parse(date),
            parties=["AZ", "TR"],
            kind="other",
            title=f"Türkiye — {id}",
            sources=[Source(title="s")],
            **kw,
        )

    return [
        ev("year", "1997"),
        ev("b-day", "1997-03-07"),
        ev("month", "1997-03"),
        ev("a-day", "1997-03-07", by="TR", end_date=PartialDate(1998)),
        ev(
            "early",
            "1991-12-28",
            disputed=[Claim(date=PartialDate(1992), note="n", sources=[Source(title="x")])],
        ),
    ]


def test_dumps_round_trip() -> None:
    events = sample_events()
    out = dumps(events)
    again = loads(out, NAME)
    assert again == tuple(sorted(events, key=lambda e: e.sort_key))
    assert dumps(again) == out


def test_dumps_is_sorted_by_date_then_id() -> None:
    out = json.loads(dumps(sample_events()))
    assert [e["id"] for e in out["events"]] == ["early", "a-day", "b-day", "month", "year"]


def test_dumps_layout() -> None:
    out = dumps(sample_events(), schema="./events.schema.json")
    text = out.decode("utf-8")
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    assert "Türkiye —" in text
    assert "\\u" not in text
    assert "\t" not in text
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    assert text.splitlines()[1] == '  "$schema": "./events.schema.json",'
    assert '\n  "version": 1,\n' in text
    assert '\n    {\n      "id": "early",\n' in text


def test_dumps_omits_defaults_and_names_no_schema_by_default() -> None:
    # An exported or user store has no schema file beside it: it names none.
    assert dumps(sample_events()) == dumps(sample_events(), schema=None)
    text = dumps(sample_events(), schema=None).decode()
    assert "$schema" not in text
    assert "null" not in text
    assert "summary" not in text
    assert json.loads(text)["version"] == FORMAT_VERSION
    assert dumps([], schema=None) == b'{\n  "version": 1,\n  "events": []\n}\n'


# --------------------------------------------------------------------------- JSON schema


def test_json_schema_shape() -> None:
    schema = json_schema()
    assert isinstance(schema, dict)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "events" in schema["properties"]
    assert schema["properties"]["version"] == {"const": 1}
    assert schema["additionalProperties"] is False
    event_def = schema["$defs"]["Event"]
    assert event_def["additionalProperties"] is False
    assert sorted(event_def["properties"]["kind"]["enum"]) == sorted(KINDS)
    assert {"id", "date", "parties", "kind", "title", "sources"} <= set(event_def["required"])
    json.dumps(schema)  # serialisable


def test_committed_schema_is_up_to_date() -> None:
    committed = ROOT / "data" / "events.schema.json"
    expected = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert committed.read_text(encoding="utf-8") == expected


def test_dumps_escapes_what_a_terminal_would_take_for_controls() -> None:
    (loaded,) = load_text(store(event(title="A \u202eright-to-left\u2028line \x85 end")))
    out = dumps([loaded]).decode()
    for raw in ("\u202e", "\u2028", "\x85"):
        assert raw not in out
    assert "\\u202e" in out
    (again,) = loads(out.encode(), "again")
    assert again.title == loaded.title  # the same string, escaped
