"""Fuzz tests of the loader (bilat.codec.loads, as bilat.store.loads), with Hypothesis.

(a) arbitrary JSON values and bytes, (b) valid stores with one to three mutations: the
loader returns events or raises StoreError, never anything else. Settings, and how to run
longer (``BILAT_FUZZ_EXAMPLES``): tests/property/fuzzing.py.

Three findings of the fuzzer have tests of their own, which also keep the general tests
fast: 10,000 levels of nesting (``test_deeply_nested_value_is_refused``; the general
mutations nest at most 200 deep), control characters in an unknown field's name, and
invalid UTF-8 in a ``version`` value.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bilat.domain import KINDS
from tests.property.fuzzing import (
    ANY_CHAR,
    ANY_TEXT,
    NAME,
    UNSAFE,
    _encode,
    check_loads,
    encode,
    fuzz,
)

SAFE_NAME = st.from_regex(r"[a-z_]{1,12}", fullmatch=True)

EVENT_FIELDS = [
    "id",
    "date",
    "end_date",
    "parties",
    "by",
    "kind",
    "title",
    "summary",
    "place",
    "note",
    "sources",
    "disputed",
    "letter",
]

ENCODINGS = st.sampled_from(["ascii", "utf-8", "raw"])


# --------------------------------------------------------------------------- (a) arbitrary


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),  # NaN and infinities come out as the invalid literals NaN, Infinity
    ANY_TEXT,
    st.sampled_from(["1992", "1992-09", "1992-09-07", "AZ", "JP", "letter", "e-1"]),
)

JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(EVENT_FIELDS), ANY_TEXT), inner, max_size=5),
    ),
    max_leaves=10,
)

STORE_SHAPED = st.fixed_dictionaries(
    {
        "version": st.one_of(st.just(1), JSON_VALUES),
        "events": st.lists(
            st.dictionaries(st.sampled_from(EVENT_FIELDS), JSON_VALUES, max_size=8), max_size=2
        ),
    }
)


@fuzz(300)
@given(value=st.one_of(JSON_VALUES, STORE_SHAPED), how=ENCODINGS)
def test_arbitrary_json_is_loaded_or_refused(value: Any, how: str) -> None:
    check_loads(encode(value, how))


@fuzz(300)
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_are_loaded_or_refused(data: bytes) -> None:
    check_loads(data)


# --------------------------------------------------------------------------- (b) near-valid


SOURCE = {"title": "MFA", "url": "https://example.org/a", "accessed": "2022-09"}

BASE: dict[str, Any] = {
    "$schema": "./events.schema.json",
    "version": 1,
    "events": [
        {
            "id": "az-jp-relations",
            "date": "1992-09-07",
            "parties": ["AZ", "JP"],
            "kind": "diplomatic-relations",
            "title": "Diplomatic relations established",
            "summary": "Established by exchange of notes.",
            "sources": [SOURCE],
            "disputed": [
                {"date": "1992-09", "note": "Month only.", "sources": [{"title": "Wiki"}]}
            ],
        },
        {
            "id": "tokyo-visit-1998",
            "date": "1998-02-24",
            "end_date": "1998-02-28",
            "parties": ["AZ", "JP"],
            "by": "AZ",
            "kind": "visit",
            "title": "Presidential visit",
            "place": "Tokyo",
            "note": "First visit.",
            "sources": [{"title": "lib", "archive_url": "https://archive.org/x"}],
            "disputed": [{"end_date": "1998-02-27", "note": "Says 27.", "sources": [SOURCE]}],
        },
        {
            "id": "letter-2022",
            "date": "2022-09-07",
            "parties": ["AZ", "JP"],
            "by": "AZ",
            "kind": "letter",
            "title": "Letter for the 30th anniversary",
            "sources": [SOURCE],
            "letter": {
                "author": "Ilham Aliyev",
                "recipient": "Fumio Kishida",
                "language": "en",
                "text": "First paragraph.\n\nSecond paragraph.",
            },
        },
        {
            "id": "su-jp",
            "date": "1956",
            "parties": ["SUHH", "JP", "XK"],
            "by": "JP",
            "kind": "recognition",
            "title": "Joint declaration",
            "sources": [SOURCE],
        },
    ],
}


assert not isinstance(check_loads(encode(BASE, "ascii")), str)

Path_ = tuple[Any, ...]


def places(node: Any, path: Path_ = ()) -> list[Path_]:
    """Every path to a value inside ``node`` (not the root)."""
    found: list[Path_] = []
    if isinstance(node, (dict, list)):
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in items:
            found.append((*path, key))
            found += places(child, (*path, key))
    return found


def get(root: Any, path: Path_) -> Any:
    for key in path:
        root = root[key]
    return root


def nest(value: Any, depth: int, kind: str) -> Any:
    for _ in range(depth):
        value = [value] if kind == "array" else {"a": value}
    return value


# Each draw is a copy: a later mutation of the store must not change the values that
# the strategy hands out (that made the data generation depend on earlier examples).
OTHER_TYPES = st.sampled_from(
    [None, True, False, 0, -1, 2**64, 1.5, 1e308, "", "x", [], {}, ["AZ"], {"a": 1}]
).map(copy.deepcopy)

DATE_TEXT = st.one_of(
    st.from_regex(r"[0-9]{1,5}(-[0-9]{1,2}(-[0-9]{1,3})?)?", fullmatch=True),
    st.from_regex(r"[0-9]{4}-(0[0-9]|1[0-3])-(0[0-9]|[1-3][0-9])", fullmatch=True),
    st.sampled_from(["0000", "2022-02-30", "07/09/1992", "\u0661\u0669\u0669\u0662", "1992 "]),
    ANY_TEXT,
)

CODES = ["AZ", "JP", "TR", "XK", "SUHH", "DDDE", "YUCS", "CSHH", "ZZ", "az", "AZE", "", "EU"]


@st.composite
def mutated_store(draw: st.DrawFn, deep: tuple[int, ...] = (1, 2, 3, 50, 200)) -> Any:
    store = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        paths = places(store)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, key = get(store, path[:-1]), path[-1]
        how = draw(
            st.sampled_from(
                [
                    "remove",
                    "retype",
                    "text",
                    "wrap",
                    "date",
                    "duplicate",
                    "unknown",
                    "code",
                    "kind",
                ]
            )
        )
        if how == "remove":
            del parent[key]
        elif how == "retype":
            parent[key] = draw(OTHER_TYPES)
        elif how == "text":
            parent[key] = draw(ANY_TEXT)
        elif how == "wrap":
            kind = draw(st.sampled_from(["array", "object"]))
            parent[key] = nest(parent[key], draw(st.sampled_from(deep)), kind)
        elif how == "date":
            dates = [p for p in paths if p[-1] in ("date", "end_date", "accessed")]
            if dates:
                target = draw(st.sampled_from(dates))
                get(store, target[:-1])[target[-1]] = draw(DATE_TEXT)
        elif how == "duplicate":
            events = store.get("events")
            if isinstance(events, list) and events:
                events.insert(
                    draw(st.integers(0, len(events))), copy.deepcopy(draw(st.sampled_from(events)))
                )
        elif how == "unknown" and isinstance(parent, dict):
            parent[draw(SAFE_NAME)] = draw(st.one_of(OTHER_TYPES, ANY_TEXT))
        elif how == "code":
            parties = [p for p in paths if p[-2:-1] == ("parties",) or p[-1] == "by"]
            if parties:
                target = draw(st.sampled_from(parties))
                get(store, target[:-1])[target[-1]] = draw(st.sampled_from(CODES))
        elif how == "kind":
            kinds = [p for p in paths if p[-1] == "kind"]
            if kinds:
                target = draw(st.sampled_from(kinds))
                get(store, target[:-1])[target[-1]] = draw(st.sampled_from([*KINDS, "Letter"]))
    return store


@fuzz(400)
@given(store=mutated_store(), how=ENCODINGS)
def test_near_valid_store_is_loaded_or_refused(store: Any, how: str) -> None:
    result = check_loads(encode(store, how))
    if isinstance(result, str):
        # The message the CLI prints: one line, nothing a terminal would interpret.
        assert "\n" not in result, result
        assert not UNSAFE.search(result), repr(result[:300])


DEEP = "\x00deep\x00"


@fuzz(10, shrink=False)
@given(data=st.data(), kind=st.sampled_from(["array", "object"]))
def test_deeply_nested_value_is_refused(data: st.DataObject, kind: str) -> None:
    """Any value of a valid store wrapped in 10,000 arrays or objects."""
    store = copy.deepcopy(BASE)
    path = data.draw(st.sampled_from(places(store)), label="path")
    parent = get(store, path[:-1])
    inner = json.dumps(parent[path[-1]])
    parent[path[-1]] = DEEP
    opening, closing = ("[", "]") if kind == "array" else ('{"a": ', "}")
    deep = opening * 10_000 + inner + closing * 10_000
    text = json.dumps(store).replace(json.dumps(DEEP), deep)
    result = check_loads(text.encode())
    assert isinstance(result, str), "a value nested 10,000 deep was accepted"
    assert "\n" not in result


@fuzz(10, shrink=False)
@given(name=st.text(ANY_CHAR, max_size=5).map(lambda s: f"x\x1b{s}"), where=st.integers(0, 1))
def test_unknown_field_name_is_shown_safely(name: str, where: int) -> None:
    store = copy.deepcopy(BASE)
    (store if where == 0 else store["events"][0])[name] = 1
    result = check_loads(encode(store, "ascii"))
    assert isinstance(result, str)
    assert not UNSAFE.search(result), repr(result)


@fuzz(10, shrink=False)
@given(version=JSON_VALUES.map(lambda v: [v, "\ud800"]))
def test_invalid_utf8_in_version_is_refused(version: Any) -> None:
    """_check_version() decodes the version value again, outside the UTF-8 handler."""
    result = check_loads(_encode({"version": version, "events": []}, "raw"))
    assert isinstance(result, str), "a store that is not UTF-8 was accepted"
    assert result.startswith(f"{NAME}: not UTF-8 text (invalid byte at line 1, column ")
