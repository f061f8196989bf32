"""The client rules of bilat's network access (``import wikidata --fetch``, ``import
wikipedia --fetch``): one request tried again on a timeout, HTTP 429 and 5xx, waiting as
Retry-After says (else 2, 4, 8, ... s, never more than :data:`MAX_WAIT`), and one error
line when no answer can be had. httpx is imported only by the requests themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from bilat import __version__
from bilat.vocab import StoreError

if TYPE_CHECKING:
    import httpx

__all__ = ["MAX_WAIT", "USER_AGENT", "send", "wait_seconds"]

USER_AGENT = (
    f"bilat/{__version__} (https://pypi.org/project/bilat/; anniversaries of diplomatic "
    "relations from sourced event stores) python-httpx"
)
MAX_WAIT = 120.0  # never wait longer than this between two tries


def wait_seconds(response: httpx.Response, attempt: int, now: Callable[[], dt.datetime]) -> float:
    """Seconds to wait before the next try: Retry-After when given, else 2, 4, 8, ..."""
    header = response.headers.get("Retry-After", "").strip()
    seconds: float = 2.0 * 2**attempt
    if header.isdigit():
        seconds = float(header)
    elif header:
        try:
            when: dt.datetime = parsedate_to_datetime(header)
        except (TypeError, ValueError):
            pass
        else:
            if when.tzinfo is None:
                when = when.replace(tzinfo=dt.timezone.utc)
            seconds = (when - now()).total_seconds()
    return min(max(seconds, 0.0), MAX_WAIT)


def send(
    request: Callable[[], httpx.Response],
    *,
    endpoint: str,
    timeout: float,
    offline: str,
    tries: int,
    now: Callable[[], dt.datetime],
    sleep: Callable[[float], None],
    progress: Callable[[str], None],
) -> httpx.Response:
    """The answer (HTTP 200) to ``request``, tried up to ``tries`` times; StoreError, one
    line naming ``endpoint`` and what to do offline, when it cannot be had."""
    import httpx

    for attempt in range(tries):
        try:
            response = request()
        except httpx.TimeoutException:
            if attempt + 1 < tries:
                progress("No answer in time; trying again.")
                continue
            raise StoreError(
                f"{endpoint}: no answer within {timeout:.0f} s after {tries} tries"
            ) from None
        except httpx.TransportError as exc:
            raise StoreError(f"{endpoint}: cannot connect ({exc}); {offline}") from None
        status = response.status_code
        if status == 429 or status >= 500:
            if attempt + 1 >= tries:
                raise StoreError(f"{endpoint}: HTTP {status} after {tries} tries; {offline}")
            seconds = wait_seconds(response, attempt, now)
            progress(f"HTTP {status}; trying again in {seconds:.0f} s.")
            sleep(seconds)
            continue
        if status != 200:
            raise StoreError(f"{endpoint}: HTTP {status} {response.reason_phrase}")
        return response
    raise StoreError(f"{endpoint}: no answer")  # pragma: no cover - the loop always returns
