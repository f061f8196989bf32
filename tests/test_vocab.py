"""The closed vocabularies and the error types (bilat.vocab): the kinds and their subsets,
the leap-day rules, the error hierarchy, and a module that imports nothing but typing."""

from __future__ import annotations

import ast
import re
from typing import get_args

import pytest

from bilat import vocab
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


def test_kinds_are_the_literal_in_order_without_repeats() -> None:
    assert get_args(Kind) == KINDS
    assert len(set(KINDS)) == len(KINDS) == 17
    assert KINDS[:2] == ("recognition", "diplomatic-relations")
    assert KINDS[-1] == "other"


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_lower_case_words_joined_by_hyphens(kind: str) -> None:
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", kind)


@pytest.mark.parametrize(
    ("subset", "expected"),
    [
        pytest.param(NOT_COMMEMORATED, {"letter", "anniversary-event"}, id="not-commemorated"),
        pytest.param(ONCE_KINDS, {"recognition", "diplomatic-relations"}, id="once"),
    ],
)
def test_the_subsets_of_kinds(subset: frozenset[str], expected: set[str]) -> None:
    assert subset == expected
    assert subset <= set(KINDS)
    assert isinstance(subset, frozenset)  # a constant nobody can add to


def test_a_kind_that_happens_once_is_always_commemorated() -> None:
    assert not ONCE_KINDS & NOT_COMMEMORATED


def test_leap_rules() -> None:
    assert LEAP_RULES == get_args(LeapRule) == ("feb28", "mar1")


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
