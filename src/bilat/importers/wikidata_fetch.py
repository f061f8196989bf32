"""Run the Wikidata query over HTTPS (with wikipedia_fetch, bilat's only network access).

Polite by Wikimedia's rules: a descriptive User-Agent with a contact address, a timeout,
and retries with backoff on 429 and 5xx that honour ``Retry-After``. The clock, the sleep
and the HTTP client are parameters, so tests run without a network or a wait.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bilat.importers import http
from bilat.importers.http import USER_AGENT
from bilat.importers.wikidata import MEDIA_TYPE, QUERY
from bilat.vocab import StoreError

if TYPE_CHECKING:
    import httpx

__all__ = ["ENDPOINT", "USER_AGENT", "fetch", "query_for"]

ENDPOINT = "https://query.wikidata.org/sparql"
TIMEOUT = 90.0  # seconds; the Query Service itself stops a query after 60
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

        def ask() -> httpx.Response:  # each try says so
            progress(f"Asking the Wikidata Query Service for {what} ...")
            return client.post(ENDPOINT, data={"query": query_for(codes)})

        response = http.send(
            ask,
            endpoint=ENDPOINT,
            timeout=TIMEOUT,
            offline=OFFLINE,
            tries=tries,
            now=now,
            sleep=sleep,
            progress=progress,
        )
    kind = response.headers.get("Content-Type", "").split(";")[0].strip()
    if kind not in (MEDIA_TYPE, "application/json"):
        raise StoreError(f"{ENDPOINT}: answered with {kind or 'no content type'}, not SPARQL JSON")
    progress(f"Received {len(response.content):,} bytes.")
    return response.content
