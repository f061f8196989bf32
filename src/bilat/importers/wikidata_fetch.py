"""Run the Wikidata query over HTTPS: the one place in bilat that touches the network.

Polite by Wikimedia's rules: a descriptive User-Agent with a contact address, a timeout,
and retries with backoff on 429 and 5xx that honour ``Retry-After``. The clock, the sleep
and the HTTP client are parameters, so tests run without a network or a wait.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from bilat import __version__
from bilat.importers.wikidata import MEDIA_TYPE, QUERY
from bilat.vocab import StoreError

if TYPE_CHECKING:
    import httpx

__all__ = ["ENDPOINT", "USER_AGENT", "fetch", "query_for"]

ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = (
    f"bilat/{__version__} (https://pypi.org/project/bilat/; anniversaries of diplomatic "
    "relations from sourced event stores) python-httpx"
)
TIMEOUT = 90.0  # seconds; the Query Service itself stops a query after 60
MAX_WAIT = 120.0  # never wait longer than this between two tries
OFFLINE = (
    "save the query's result from https://query.wikidata.org (see `bilat import wikidata "
    "--help`) and run: bilat import wikidata FILE"
)


def query_for(codes: Sequence[str]) -> str:
    """The query, for the countries with these ISO codes (all countries when empty)."""
    values = ""
    if codes:
        listed = " ".join(f'"{code}"' for code in codes)
        values = f"VALUES ?countryCode {{ {listed} }}"
    return QUERY.replace("#VALUES", values)


def _wait(response: httpx.Response, attempt: int, now: Callable[[], dt.datetime]) -> float:
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


def fetch(
    codes: Sequence[str],
    *,
    now: Callable[[], dt.datetime],
    sleep: Callable[[float], None],
    progress: Callable[[str], None],
    transport: httpx.BaseTransport | None = None,
    tries: int = 5,
) -> bytes:
    """The query's result as SPARQL JSON bytes; StoreError when it cannot be had."""
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": MEDIA_TYPE}
    what = f"diplomatic relations of {', '.join(codes)}" if codes else "every P530 statement"
    with httpx.Client(transport=transport, timeout=TIMEOUT, headers=headers) as client:
        for attempt in range(tries):
            progress(f"Asking the Wikidata Query Service for {what} ...")
            try:
                response = client.post(ENDPOINT, data={"query": query_for(codes)})
            except httpx.TimeoutException:
                if attempt + 1 < tries:
                    progress("No answer in time; trying again.")
                    continue
                raise StoreError(
                    f"{ENDPOINT}: no answer within {TIMEOUT:.0f} s after {tries} tries"
                ) from None
            except httpx.TransportError as exc:
                raise StoreError(f"{ENDPOINT}: cannot connect ({exc}); {OFFLINE}") from None
            status = response.status_code
            if status == 429 or status >= 500:
                if attempt + 1 >= tries:
                    raise StoreError(f"{ENDPOINT}: HTTP {status} after {tries} tries; {OFFLINE}")
                seconds = _wait(response, attempt, now)
                progress(f"HTTP {status}; trying again in {seconds:.0f} s.")
                sleep(seconds)
                continue
            if status != 200:
                raise StoreError(f"{ENDPOINT}: HTTP {status} {response.reason_phrase}")
            kind = response.headers.get("Content-Type", "").split(";")[0].strip()
            if kind not in (MEDIA_TYPE, "application/json"):
                raise StoreError(
                    f"{ENDPOINT}: answered with {kind or 'no content type'}, not SPARQL JSON"
                )
            progress(f"Received {len(response.content):,} bytes.")
            return response.content
    raise StoreError(f"{ENDPOINT}: no answer")  # pragma: no cover - the loop always returns
