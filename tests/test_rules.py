"""The rules of the store format beyond its types (bilat.rules), as the loader reports them:
known codes, unique ids, parties, dates in order, letters and claims; the first problem
wins, with its path. ``bilat validate`` (every problem, and the lint): tests/cli/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT, event, store_error
from tests.helpers import store_text as store

BAD_STORES = [
    pytest.param(store(event(parties=["AZ", "ZZ"])), "$.events[0].parties[1]", id="unknown-code"),
    pytest.param(store(event(parties=["AZ", "ZZ"])), "'ZZ'", id="unknown-code-named"),
    pytest.param(store(event(parties=["az", "JP"])), "$.events[0].parties[0]", id="lower-case"),
    pytest.param(store(event(parties=["AZE", "JP"])), "$.events[0].parties[0]", id="alpha-3"),
    pytest.param(store(event(), event()), "$.events[1].id", id="duplicate-id"),
    pytest.param(store(event(), event()), "$.events[0]", id="duplicate-id-first-index"),
    pytest.param(
        store(event(parties=["AZ", "JP", "AZ"])), "$.events[0].parties[2]", id="party-twice"
    ),
    pytest.param(store(event(by="TR")), "$.events[0].by", id="by-not-a-party"),
    pytest.param(store(event(end_date="1992-09-06")), "$.events[0].end_date", id="end-before-date"),
    pytest.param(
        store(event(date="1992", end_date="1991-12")), "$.events[0].end_date", id="end-year"
    ),
    pytest.param(store(event(kind="letter")), "$.events[0].letter", id="letter-missing"),
    pytest.param(
        store(event(letter={"author": "A", "recipient": "B"})),
        "$.events[0].letter",
        id="letter-on-non-letter",
    ),
    pytest.param(
        store(event(disputed=[{"note": "n", "sources": [{"title": "s"}]}])),
        "$.events[0].disputed[0]",
        id="claim-without-date",
    ),
    pytest.param(store(event(id="Has Spaces")), "$.events[0].id", id="bad-id"),
    pytest.param(store(event(id="trailing-")), "$.events[0].id", id="bad-id-hyphen"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_STORES)
def test_bad_store(text: str, expected: str) -> None:
    message = store_error(text.encode("utf-8"))
    assert expected in message


def test_duplicate_id_names_both_indexes() -> None:
    message = store_error(store(event(), event(id="other"), event()).encode())
    assert "$.events[2].id" in message
    assert "$.events[0]" in message
    assert repr(event()["id"]) in message


def test_first_error_wins() -> None:
    message = store_error(store(event(), event(id="b", by="TR"), event(id="c", by="US")).encode())
    assert "$.events[1].by" in message
    assert "$.events[2]" not in message


# --------------------------------------------------------------------------- the schema

#: Bad stores that only bilat itself can refuse: rules that compare two fields or two
#: events, lone surrogates (an encoding matter), and 1.0 for 1 (equal numbers in JSON
#: Schema).
ONLY_VALIDATE_REFUSES = {
    "by-not-a-party.json",
    "duplicate-id.json",
    "end-date-before-date.json",
    "end-date-year-before-date.json",
    "lone-low-surrogate-in-title.json",
    "lone-surrogate-in-title.json",
    "version-float.json",
}


def schema_validator() -> Any:
    import jsonschema

    schema = json.loads((ROOT / "data" / "events.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def corpus(kind: str) -> list[Path]:
    folder = ROOT / "tests" / "corpus" / kind
    return sorted(p for p in folder.glob("*.json") if p.name != "expected.json")


@pytest.mark.parametrize("path", corpus("bad"), ids=lambda p: p.name)
def test_the_schema_refuses_what_validate_refuses(path: Path) -> None:
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (ValueError, RecursionError):
        return  # not JSON at all: no schema is asked
    errors = list(schema_validator().iter_errors(document))
    if path.name in ONLY_VALIDATE_REFUSES:
        assert not errors, "the schema learnt a rule: take the file off the list"
    else:
        assert errors, f"{path.name} passes the schema but not bilat validate"


@pytest.mark.parametrize("path", [*corpus("good"), ROOT / "data" / "events.json"], ids=str)
def test_the_schema_accepts_good_stores(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8-sig"))
    assert not list(schema_validator().iter_errors(document))
