"""What the fuzz tests share (tests/property/test_codec_fuzz.py, test_cli_fuzz.py): their
settings, hostile text, store encodings and a loader check.

Runs are deterministic (``derandomize=True``, no example database) and take a few seconds.
For a longer local run set ``BILAT_FUZZ_EXAMPLES``: the loader tests then run that many
examples each and the CLI test a tenth of it, e.g.::

    BILAT_FUZZ_EXAMPLES=5000 PYTHONPATH=src python -m pytest tests/property -q --no-cov
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from bilat.domain import Event
from bilat.store import StoreError, loads

NAME = "fuzz.json"

_SCALE = int(os.environ.get("BILAT_FUZZ_EXAMPLES", "0") or 0)


def fuzz(default: int, *, cli_test: bool = False, shrink: bool = True) -> Any:
    """Settings for a fuzz test: ``default`` examples unless BILAT_FUZZ_EXAMPLES is set.
    ``shrink=False`` for the reproductions of fixed findings, whose inputs are large."""
    n = default if _SCALE <= 0 else max(1, _SCALE // 10 if cli_test else _SCALE)
    phases = list(Phase) if shrink else [Phase.explicit, Phase.reuse, Phase.generate]
    return settings(
        max_examples=n,
        deadline=None,
        derandomize=True,
        database=None,
        phases=phases,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.function_scoped_fixture,  # only the autouse env fixture: shared
        ],
    )


# What must never reach a terminal: C0/C1 controls but newline, bidi controls, line and
# paragraph separators, lone surrogates (the set bilat.render promises to escape).
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


# --------------------------------------------------------------------------- text


ANY_CHAR = st.characters()  # every code point: controls, bidi marks, lone surrogates

HOSTILE = [
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\x00\x01\x7f\x85\x9b",
    "tab\there",
    "cr\rlf\nline",
    "\r\n\r\n",
    "\u202eevil\u202c \u2066iso\u2069 \u200f\u061c",
    "\u2028\u2029",
    "\ufeffbom",
    "\ud800",
    "\udfff lone",
    "\U0001f1e6\U0001f1ff \U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u05e2\u05d1\u05e8\u05d9\u05ea",
    "[bold]markup[/bold] :smile: `code` | pipe *star* <b>",
    "e\u0301\u0301\u0301 zalgo",
    " ",
    "",
    '"quoted", comma',
    "x" * 100_000,
    ("para \x1b[2J\n\n" * 10_000),
]

ANY_TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(ANY_CHAR, max_size=30))

# Text a valid store can hold: no lone surrogates (JSON cannot carry them through msgspec).
STORABLE_TEXT = st.one_of(
    st.sampled_from([h for h in HOSTILE if not re.search("[\ud800-\udfff]", h)]),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
)


# --------------------------------------------------------------------------- encodings


_SURROGATE = re.compile("[\ud800-\udfff]")


def encode(value: Any, how: str) -> bytes:
    """JSON bytes: ``ascii`` escapes all non-ASCII, ``utf-8`` writes it as UTF-8 with lone
    surrogates as ``\\ud800`` escapes, ``raw`` writes lone surrogates as they are: bytes
    that are not UTF-8.

    Known bug: invalid UTF-8 inside a ``version`` that is not an int escapes as
    UnicodeDecodeError (test_invalid_utf8_in_version_is_refused), so ``raw`` falls back to
    ``utf-8`` there until it is fixed.
    """
    version = value.get("version") if isinstance(value, dict) else None
    if how == "raw" and _SURROGATE.search(json.dumps(version, ensure_ascii=False)):
        how = "utf-8"
    return _encode(value, how)


def _encode(value: Any, how: str) -> bytes:
    text = json.dumps(value, ensure_ascii=how == "ascii")
    return text.encode("utf-8", "surrogatepass" if how == "raw" else "backslashreplace")


def check_loads(data: bytes) -> tuple[Event, ...] | str:
    """The events, or the message of the StoreError; any other exception fails the test."""
    try:
        events = loads(data, NAME)
    except StoreError as exc:
        message = str(exc)
        assert message.startswith(f"{NAME}: "), message
        return message
    assert isinstance(events, tuple)
    assert all(isinstance(e, Event) for e in events)
    return events
