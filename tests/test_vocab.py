"""The closed vocabularies and the error types (bilat.vocab): the kinds and their subsets,
the leap-day rules (by what they do), the error hierarchy, and a module that imports nothing
but typing."""

from __future__ import annotations

import ast
import json
import re
from typing import Any, get_args

import pytest

from bilat import vocab
from bilat.api import anniversaries
from bilat.codec import loads
from bilat.dates import PartialDate
from bilat.ids import event_id
from bilat.render.common import KIND_LABELS
from bilat.vocab import (
    KINDS,
    LEAP_RULES,
    NOT_COMMEMORATED,
    ONCE_KINDS,
    BilatError,
    Kind,
    LeapRule,
    StoreError,
)
from tests.helpers import event, make_event


def of_kind(kind: str) -> dict[str, Any]:
    """The fields of a valid event of ``kind`` (a letter event has its letter)."""
    letter = {"author": "A", "recipient": "B"} if kind == "letter" else None
    return {"kind": kind, "letter": letter}


def test_the_literals_and_the_tuples_agree() -> None:
    assert get_args(Kind) == KINDS
    assert get_args(LeapRule) == LEAP_RULES
    assert len(set(KINDS)) == len(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_lower_case_words_joined_by_hyphens(kind: str) -> None:
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", kind)


@pytest.mark.parametrize("kind", [*KINDS, "Letter", "treaty"])
def test_a_store_holds_the_kinds_and_no_other(kind: str) -> None:
    text = json.dumps({"version": 1, "events": [event(**of_kind(kind))]}).encode()
    if kind in KINDS:
        assert loads(text, "s.json")[0].kind == kind
    else:
        with pytest.raises(StoreError, match=r"^s\.json: \$\.events\[0\]\.kind: "):
            loads(text, "s.json")


@pytest.mark.parametrize("kind", KINDS)
def test_only_the_commemorated_kinds_have_anniversaries_unless_asked_for(kind: str) -> None:
    events = [make_event(**of_kind(kind), date="1992-09-07")]
    found = anniversaries(events, 2022, every=30)
    assert bool(found) is (kind not in NOT_COMMEMORATED)
    assert anniversaries(events, 2022, every=30, kinds=[kind])  # asked for: always


@pytest.mark.parametrize("kind", KINDS)
def test_a_kind_that_happens_once_is_named_without_its_date(kind: str) -> None:
    made = event_id(kind, ["AZ", "JP"], None, PartialDate(1992, 9, 7))
    assert made.endswith("1992-09-07") is (kind not in ONCE_KINDS)
    assert kind not in ONCE_KINDS or kind not in NOT_COMMEMORATED  # once: always marked


@pytest.mark.parametrize(("rule", "day"), [("feb28", "2001-02-28"), ("mar1", "2001-03-01")])
def test_each_leap_rule_places_29_february(rule: LeapRule, day: str) -> None:
    assert rule in LEAP_RULES
    events = [make_event(kind="visit", date="2000-02-29")]
    (found,) = anniversaries(events, 2001, every=1, leap=rule)
    assert (found.date.isoformat(), found.leap_day_moved) == (day, True)


def test_every_kind_has_a_label_to_show() -> None:
    assert set(KIND_LABELS) == set(KINDS)
    assert all(label and label[0].isupper() for label in KIND_LABELS.values())


def test_store_error_is_the_users_to_fix() -> None:
    assert issubclass(StoreError, BilatError)
    assert issubclass(BilatError, Exception)
    assert not issubclass(BilatError, (ValueError, OSError))  # never caught by accident
    with pytest.raises(BilatError, match=r"^events\.json: \$\.id: bad$"):
        raise StoreError("events.json: $.id: bad")


def test_the_domain_re_exports_the_same_objects() -> None:
    from bilat import domain

    assert domain.KINDS is KINDS
    assert domain.BilatError is BilatError
    assert domain.NOT_COMMEMORATED is NOT_COMMEMORATED


def test_the_module_imports_nothing_but_typing() -> None:
    """The command line declares its options from this module without loading the core."""
    assert vocab.__file__ is not None
    with open(vocab.__file__, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "no relative imports"
            imported.add(node.module or "")
    assert imported <= {"__future__", "typing"}
