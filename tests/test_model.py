"""The event records (bilat.model): their length limits, the fields they refuse, what the
id and code patterns match and where they are enforced, the order of events and their
partners. Whole stores: tests/test_codec.py; the rules beyond the types: test_rules.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import msgspec
import pytest

from bilat.codec import dec_hook
from bilat.dates import PartialDate
from bilat.model import (
    CODE_PATTERN,
    ID_PATTERN,
    MAX_ID_LENGTH,
    MAX_LETTER_TEXT,
    MAX_TEXT,
    MAX_TITLE,
    MAX_URL,
    Claim,
    Event,
    Letter,
    Source,
    Translation,
    at_least,
    enc_hook,
    to_builtins,
)
from bilat.vocab import SOURCE_TYPES
from tests.helpers import event, make_event


def convert(raw: dict[str, Any]) -> Event:
    return msgspec.convert(raw, Event, dec_hook=dec_hook)


def letter_text(text: str) -> dict[str, Any]:
    return {"kind": "letter", "letter": {"author": "A", "recipient": "B", "text": text}}


LIMITS: list[tuple[str, int, Callable[[str], dict[str, Any]]]] = [
    ("title", MAX_TITLE, lambda s: {"title": s}),
    ("summary", MAX_TEXT, lambda s: {"summary": s}),
    ("note", MAX_TEXT, lambda s: {"note": s}),
    ("place", MAX_TITLE, lambda s: {"place": s}),
    ("id", MAX_ID_LENGTH, lambda s: {"id": s}),
    ("sources[0].url", MAX_URL, lambda s: {"sources": [{"title": "S", "url": s}]}),
    ("sources[0].title", MAX_TITLE, lambda s: {"sources": [{"title": s}]}),
    ("letter.text", MAX_LETTER_TEXT, letter_text),
    ("translations[...].summary", MAX_TEXT, lambda s: {"translations": {"az": {"summary": s}}}),
]


@pytest.mark.parametrize(("path", "limit", "fields"), LIMITS, ids=[p for p, _, _ in LIMITS])
def test_length_limits_hold_to_the_character(
    path: str, limit: int, fields: Callable[[str], dict[str, Any]]
) -> None:
    at_limit = convert(event(**fields("a" * limit)))
    assert isinstance(at_limit, Event)
    with pytest.raises(msgspec.ValidationError, match=rf"length <= {limit}") as info:
        convert(event(**fields("a" * (limit + 1))))
    assert str(info.value).endswith(f"at `$.{path}`")


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        pytest.param({"disputed": [{"date": "1992", "note": "", "sources": [{"title": "S"}]}]},
                     "$.disputed[0].note", id="empty-claim-note"),
        pytest.param({"letter": {"author": "", "recipient": "B"}}, "$.letter.author",
                     id="empty-author"),
        pytest.param({"letter": {"author": "A", "recipient": "B", "language": "x" * 36}},
                     "$.letter.language", id="long-language"),
        pytest.param({"translations": {"az": {"title": ""}}}, "$.translations[...].title",
                     id="empty-translated-title"),
        pytest.param({"parties": ["AZ"] * 1001}, "$.parties", id="too-many-parties"),
        pytest.param({"date": "1992-9-7"}, "$.date", id="date-not-iso"),
    ],
)  # fmt: skip
def test_what_the_types_refuse(fields: dict[str, Any], where: str) -> None:
    with pytest.raises(msgspec.ValidationError) as info:
        convert(event(**fields))
    assert str(info.value).endswith(f"at `{where}`")


@pytest.mark.parametrize(
    ("tag", "valid"),
    [("az", True), ("ast", True), ("pt-BR", True), ("zh-Hant-TW", True), ("EN", False),
     ("e", False), ("pt_BR", False), ("abcd", False), ("pt-", False)],
)  # fmt: skip
def test_translation_language_tags(tag: str, valid: bool) -> None:
    raw = event(translations={tag: {"title": "T"}})
    if valid:
        translated = convert(raw).translations
        assert translated == {tag: Translation(title="T")}
    else:
        with pytest.raises(msgspec.ValidationError, match="translations"):
            convert(raw)


@pytest.mark.parametrize("record", [Event, Source, Claim, Letter, Translation])
def test_unknown_fields_are_refused_in_every_record(record: type[msgspec.Struct]) -> None:
    with pytest.raises(msgspec.ValidationError, match="unknown field `colour`"):
        msgspec.convert({"colour": "red"}, record, dec_hook=dec_hook)


@pytest.mark.parametrize(
    ("text", "is_id"),
    [("az-jp-1", True), ("x", True), ("1992", True), ("az--jp", False), ("-az", False),
     ("az-", False), ("Az-jp", False), ("az_jp", False), ("az jp", False), ("", False)],
)  # fmt: skip
def test_id_pattern(text: str, is_id: bool) -> None:
    assert bool(re.fullmatch(ID_PATTERN, text)) is is_id


@pytest.mark.parametrize(
    ("text", "is_code"),
    [("AZ", True), ("XK", True), ("SUHH", True), ("az", False), ("AZE", False),
     ("A", False), ("A1", False)],
)  # fmt: skip
def test_code_pattern(text: str, is_code: bool) -> None:
    assert bool(re.fullmatch(CODE_PATTERN, text)) is is_code


def test_id_and_code_patterns_go_to_the_schema_not_to_decoding() -> None:
    """The store's own pass checks ids and codes (tests/test_rules.py), not msgspec."""
    loose = convert(event(id="Not An Id", parties=["az", "JAPAN"]))
    assert loose.id == "Not An Id"
    assert loose.parties == ["az", "JAPAN"]
    schema = msgspec.json.schema(Event, schema_hook=lambda t: {"type": "string"})
    properties = schema["$defs"]["Event"]["properties"]
    assert properties["id"]["pattern"] == ID_PATTERN
    assert properties["id"]["maxLength"] == MAX_ID_LENGTH
    assert properties["parties"]["items"]["pattern"] == CODE_PATTERN
    assert properties["parties"]["minItems"] == 2


def test_records_are_frozen_keyword_only_and_omit_defaults() -> None:
    e = Event(id="e", date=PartialDate(1992), parties=["AZ", "JP"], kind="visit", title="T",
              sources=[Source(title="S")])  # fmt: skip
    with pytest.raises(AttributeError):
        e.title = "Changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Source("S")  # type: ignore[call-arg]
    assert to_builtins(e) == {
        "id": "e",
        "date": "1992",
        "parties": ["AZ", "JP"],
        "kind": "visit",
        "title": "T",
        "sources": [{"title": "S"}],
    }


def test_to_builtins_writes_dates_as_stored_and_knows_nothing_else() -> None:
    claim = Claim(date=PartialDate(1992, 9), note="N", sources=[Source(title="S")])
    assert to_builtins(claim) == {"date": "1992-09", "note": "N", "sources": [{"title": "S"}]}
    with pytest.raises(NotImplementedError):
        enc_hook(object())


def test_events_sort_by_date_precise_first_then_by_id() -> None:
    dates = {"y": "1997", "m": "1997-03", "d2": "1997-03-07", "d1": "1997-03-07", "old": "1996"}
    events = [convert(event(id=i, date=d)) for i, d in dates.items()]
    assert [e.id for e in sorted(events, key=lambda e: e.sort_key)] == ["old", "d1", "d2", "m", "y"]


@pytest.mark.parametrize(
    ("code", "expected"),
    [("JP", ["AZ", "TR"]), ("AZ", ["JP", "TR"]), ("TR", ["AZ", "JP"]), ("US", ["AZ", "JP", "TR"])],
)
def test_partners_keep_the_stored_order(code: str, expected: list[str]) -> None:
    assert convert(event(parties=["AZ", "JP", "TR"])).partners(code) == expected


# --------------------------------------------------------------------------- evidence


def typed(*types: str | None) -> list[dict[str, Any]]:
    return [{"title": f"S{i}", **({"type": t} if t else {})} for i, t in enumerate(types)]


@pytest.mark.parametrize(
    ("types", "evidence"),
    [
        ((None,), None),  # no source states its type: not stated
        (("encyclopedia",), "encyclopedia"),
        ((None, "encyclopedia"), "encyclopedia"),  # an untyped source says nothing
        (("encyclopedia", "news"), "news"),
        (("other", "scholarly", "news"), "scholarly"),
        (("news", "official", "encyclopedia"), "official"),
        (("other",), "other"),
    ],
)
def test_evidence_is_the_strongest_type_among_the_event_s_own_sources(
    types: tuple[str | None, ...], evidence: str | None
) -> None:
    assert make_event(sources=typed(*types)).evidence == evidence


def test_evidence_is_the_date_s_not_the_disputed_claims() -> None:
    claim = {"date": "1993", "note": "N.", "sources": typed("official")}
    assert make_event(sources=typed("encyclopedia"), disputed=[claim]).evidence == "encyclopedia"


def test_at_least_follows_the_order_of_the_source_types() -> None:
    assert SOURCE_TYPES == ("official", "scholarly", "news", "encyclopedia", "other")
    for rank, minimum in enumerate(SOURCE_TYPES):
        assert [at_least(kind, minimum) for kind in SOURCE_TYPES] == [
            i <= rank for i in range(len(SOURCE_TYPES))
        ]
        assert not at_least(None, minimum)
