"""The client rules of bilat's network access (bilat.importers.http): how long it waits
between tries; the tries themselves are checked through each source's fetch
(test_wikidata_fetch.py, test_wikipedia_fetch.py)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from bilat.importers.http import MAX_WAIT, wait_seconds

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.timezone.utc)


def wait(retry_after: str | None, attempt: int = 0) -> float:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return wait_seconds(httpx.Response(503, headers=headers), attempt, lambda: NOW)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("7", 7.0),
        (" 7 ", 7.0),
        ("0", 0.0),
        ("600", MAX_WAIT),  # never longer than the longest wait
        ("Mon, 30 Nov 2026 12:00:30 -0000", 30.0),  # a date without a zone is UTC
        ("Mon, 30 Nov 2026 13:00:45 +0100", 45.0),
        ("Mon, 30 Nov 2026 11:00:00 GMT", 0.0),  # already past: at once
        ("soon", 2.0),  # not understood: the backoff
        ("1.5", 2.0),
        ("", 2.0),
    ],
)
def test_retry_after(header: str, seconds: float) -> None:
    assert wait(header) == seconds


def test_backoff_doubles_and_is_capped() -> None:
    assert [wait(None, attempt) for attempt in range(8)] == [
        2.0,
        4.0,
        8.0,
        16.0,
        32.0,
        64.0,
        MAX_WAIT,
        MAX_WAIT,
    ]
