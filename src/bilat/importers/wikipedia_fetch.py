"""Fetch "Foreign relations of X" articles from English Wikipedia over HTTPS.

Each article's wikitext is asked of the MediaWiki Action API (``action=query``,
``prop=revisions``, ``rvprop=content``, redirects followed), which also gives the page's
own title, from which its address is made. Polite by Wikimedia's rules, as ``bilat import
wikidata --fetch`` is: a descriptive User-Agent with a contact address, a timeout, one
request at a time, and retries with backoff on 429 and 5xx that honour ``Retry-After``.
The clock, the sleep and the HTTP client are parameters, so tests run without a network
or a wait.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from bilat import countries
from bilat.importers import http
from bilat.importers.http import USER_AGENT
from bilat.importers.wikipedia_articles import TITLE_PREFIX, Article, page_url
from bilat.vocab import StoreError

if TYPE_CHECKING:
    import httpx

__all__ = ["ENDPOINT", "STATES", "TITLES", "fetch", "title_of"]

ENDPOINT = "https://en.wikipedia.org/w/api.php"
TIMEOUT = 60.0
OFFLINE = (
    "save the articles' wikitext (https://en.wikipedia.org/w/index.php?title=TITLE"
    "&action=raw) and run: bilat import wikipedia FILE..."
)

#: The states whose "Foreign relations of X" article has a list: all of them, with no --country.
STATES = [
    "AD",
    "AE",
    "AF",
    "AG",
    "AL",
    "AM",
    "AO",
    "AR",
    "AT",
    "AU",
    "AZ",
    "BA",
    "BB",
    "BD",
    "BE",
    "BF",
    "BG",
    "BH",
    "BI",
    "BJ",
    "BN",
    "BO",
    "BR",
    "BS",
    "BT",
    "BW",
    "BY",
    "BZ",
    "CA",
    "CD",
    "CF",
    "CG",
    "CH",
    "CI",
    "CL",
    "CM",
    "CN",
    "CO",
    "CR",
    "CU",
    "CV",
    "CY",
    "CZ",
    "DE",
    "DJ",
    "DK",
    "DM",
    "DO",
    "DZ",
    "EC",
    "EE",
    "EG",
    "ER",
    "ES",
    "ET",
    "FI",
    "FJ",
    "FM",
    "FR",
    "GA",
    "GB",
    "GD",
    "GE",
    "GH",
    "GM",
    "GN",
    "GQ",
    "GR",
    "GT",
    "GW",
    "GY",
    "HN",
    "HR",
    "HT",
    "HU",
    "ID",
    "IE",
    "IL",
    "IN",
    "IQ",
    "IR",
    "IS",
    "IT",
    "JM",
    "JO",
    "JP",
    "KE",
    "KG",
    "KH",
    "KI",
    "KM",
    "KN",
    "KP",
    "KR",
    "KW",
    "KZ",
    "LA",
    "LB",
    "LC",
    "LI",
    "LK",
    "LR",
    "LS",
    "LT",
    "LU",
    "LV",
    "LY",
    "MA",
    "MC",
    "MD",
    "ME",
    "MG",
    "MH",
    "MK",
    "ML",
    "MM",
    "MN",
    "MR",
    "MT",
    "MU",
    "MV",
    "MW",
    "MX",
    "MY",
    "MZ",
    "NA",
    "NE",
    "NG",
    "NI",
    "NL",
    "NO",
    "NP",
    "NR",
    "NZ",
    "OM",
    "PA",
    "PE",
    "PG",
    "PH",
    "PK",
    "PL",
    "PS",
    "PT",
    "PW",
    "PY",
    "QA",
    "RO",
    "RS",
    "RU",
    "RW",
    "SA",
    "SB",
    "SC",
    "SD",
    "SE",
    "SG",
    "SI",
    "SK",
    "SL",
    "SM",
    "SN",
    "SO",
    "SR",
    "SS",
    "ST",
    "SV",
    "SY",
    "SZ",
    "TD",
    "TG",
    "TH",
    "TJ",
    "TL",
    "TM",
    "TN",
    "TO",
    "TR",
    "TT",
    "TV",
    "TW",
    "TZ",
    "UA",
    "UG",
    "US",
    "UY",
    "UZ",
    "VA",
    "VC",
    "VE",
    "VN",
    "VU",
    "WS",
    "XK",
    "YE",
    "ZA",
    "ZM",
    "ZW",
]
TITLES = {
    "AE": "the United Arab Emirates",
    "BS": "the Bahamas",
    "CD": "the Democratic Republic of the Congo",
    "CF": "the Central African Republic",
    "CG": "the Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "the Czech Republic",
    "DO": "the Dominican Republic",
    "FM": "the Federated States of Micronesia",
    "GB": "the United Kingdom",
    "GE": "Georgia (country)",
    "GM": "the Gambia",
    "KM": "the Comoros",
    "MH": "the Marshall Islands",
    "MV": "the Maldives",
    "NL": "the Netherlands",
    "PH": "the Philippines",
    "SB": "the Solomon Islands",
    "ST": "São Tomé and Príncipe",
    "TR": "Turkey",
    "US": "the United States",
    "VA": "the Holy See",
}


def title_of(code: str) -> str:
    """The title of a state's article."""
    return TITLE_PREFIX + TITLES.get(code, countries.name(code))


def _content(data: bytes, title: str) -> tuple[str, str]:
    """The page's own title and wikitext from an API answer; StoreError otherwise."""
    try:
        answer: Any = msgspec.json.decode(data)
        page = answer["query"]["pages"][0]
    except (msgspec.DecodeError, KeyError, IndexError, TypeError):
        raise StoreError(f"{ENDPOINT}: {title}: not an answer of the MediaWiki API") from None
    if not isinstance(page, dict) or page.get("missing") or page.get("invalid"):
        raise StoreError(f"{ENDPOINT}: no article {title!r} on English Wikipedia")
    try:
        text = page["revisions"][0]["slots"]["main"]["content"]
        name = page["title"]
    except (KeyError, IndexError, TypeError):
        raise StoreError(f"{ENDPOINT}: {title}: the answer holds no wikitext") from None
    if not isinstance(text, str) or not isinstance(name, str):
        raise StoreError(f"{ENDPOINT}: {title}: the answer holds no wikitext")
    return name, text


def _get(
    client: httpx.Client,
    title: str,
    *,
    now: Callable[[], dt.datetime],
    sleep: Callable[[float], None],
    progress: Callable[[str], None],
    tries: int,
) -> bytes:

    params = {
        "action": "query",
        "prop": "revisions",
        "rvprop": "content",
        "rvslots": "main",
        "titles": title,
        "redirects": "1",
        "format": "json",
        "formatversion": "2",
    }
    response = http.send(
        lambda: client.get(ENDPOINT, params=params),
        endpoint=ENDPOINT,
        timeout=TIMEOUT,
        offline=OFFLINE,
        tries=tries,
        now=now,
        sleep=sleep,
        progress=progress,
    )
    return response.content


def fetch(
    codes: Sequence[str],
    *,
    now: Callable[[], dt.datetime],
    sleep: Callable[[float], None],
    progress: Callable[[str], None],
    transport: httpx.BaseTransport | None = None,
    tries: int = 5,
) -> list[tuple[Article, str]]:
    """The articles of the states with these codes (every state's with none), each with
    its state's code; StoreError when one cannot be had."""
    import httpx

    wanted = list(codes) or STATES
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    result = []
    with httpx.Client(transport=transport, timeout=TIMEOUT, headers=headers) as client:
        for done, code in enumerate(wanted, 1):
            title = title_of(code)
            progress(f"Asking English Wikipedia for {title} ({done}/{len(wanted)}) ...")
            data = _get(client, title, now=now, sleep=sleep, progress=progress, tries=tries)
            name, text = _content(data, title)
            result.append((Article(name, text, name, page_url(name)), code))
    return result
