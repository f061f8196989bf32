"""Running the Wikidata query over HTTP (bilat.importers.wikidata_fetch), against
httpx.MockTransport: how long it waits between tries, what it sends, which answers it
takes and what it says. The first retries and errors are checked in test_wikidata.py."""

from __future__ import annotations

import datetime as dt
import urllib.parse

import httpx
import pytest

from bilat import __version__
from bilat.importers import wikidata, wikidata_fetch
from bilat.importers.http import MAX_WAIT, USER_AGENT
from bilat.importers.wikidata_fetch import ENDPOINT, TIMEOUT, fetch
from bilat.vocab import StoreError

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.timezone.utc)
BODY = b'{"head": {"vars": []}, "results": {"bindings": []}}'


class Server:
    """Answers in turn, and what fetch sent, slept and said."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self.slept: list[float] = []
        self.said: list[str] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answers.pop(0)

    def fetch(self, codes: tuple[str, ...] = ("AZ", "JP"), tries: int = 5) -> bytes:
        return fetch(
            codes,
            now=lambda: NOW,
            sleep=self.slept.append,
            progress=self.said.append,
            transport=httpx.MockTransport(self.handler),
            tries=tries,
        )


def answer(content_type: str | None, body: bytes = BODY, status: int = 200) -> httpx.Response:
    headers = {"Content-Type": content_type} if content_type else {}
    return httpx.Response(status, content=body, headers=headers)


def test_the_request_is_a_polite_form_post() -> None:
    server = Server(answer(wikidata.MEDIA_TYPE))
    assert server.fetch() == BODY
    (request,) = server.requests
    assert request.method == "POST"
    assert str(request.url) == ENDPOINT
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.headers["User-Agent"] == USER_AGENT
    assert f"bilat/{__version__} " in USER_AGENT
    form = urllib.parse.parse_qs(request.content.decode())
    assert form == {"query": [wikidata_fetch.query_for(("AZ", "JP"))]}
    assert request.extensions["timeout"]["read"] == TIMEOUT


@pytest.mark.parametrize(
    "content_type",
    [
        wikidata.MEDIA_TYPE,
        f"{wikidata.MEDIA_TYPE}; charset=utf-8",
        "application/json",
        " application/json ;charset=UTF-8",
    ],
)
def test_sparql_json_and_plain_json_are_taken(content_type: str) -> None:
    assert Server(answer(content_type)).fetch() == BODY


def test_an_answer_without_a_content_type_is_refused() -> None:
    with pytest.raises(StoreError, match="answered with no content type, not SPARQL JSON"):
        Server(answer(None)).fetch()


def test_what_it_says_while_it_works() -> None:
    body = b" " * 1234 + BODY
    server = Server(answer(None, status=502), answer(wikidata.MEDIA_TYPE, body))
    server.fetch(("AZ", "JP"))
    assert server.said == [
        "Asking the Wikidata Query Service for diplomatic relations of AZ, JP ...",
        "HTTP 502; trying again in 2 s.",
        "Asking the Wikidata Query Service for diplomatic relations of AZ, JP ...",
        f"Received {len(body):,} bytes.",
    ]
    assert "," in server.said[-1]
    everything = Server(answer(wikidata.MEDIA_TYPE))
    everything.fetch(())
    assert everything.said[0] == "Asking the Wikidata Query Service for every P530 statement ..."


def test_one_try_means_no_wait() -> None:
    server = Server(httpx.Response(429, headers={"Retry-After": "5"}))
    with pytest.raises(StoreError, match=r"HTTP 429 after 1 tries; save the query's result"):
        server.fetch(tries=1)
    assert server.slept == []
    assert len(server.requests) == 1


def test_a_long_retry_after_is_capped_before_the_next_try() -> None:
    server = Server(
        httpx.Response(503, headers={"Retry-After": "3600"}), answer(wikidata.MEDIA_TYPE)
    )
    assert server.fetch() == BODY
    assert server.slept == [MAX_WAIT]
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", [301, 404, 204])
def test_other_statuses_are_not_retried(status: int) -> None:
    server = Server(answer(wikidata.MEDIA_TYPE, status=status))
    with pytest.raises(StoreError, match=f"HTTP {status} "):
        server.fetch()
    assert len(server.requests) == 1
    assert server.slept == []


def test_the_query_lists_the_countries_in_place_of_the_marker() -> None:
    assert "#VALUES" in wikidata.QUERY
    one = wikidata_fetch.query_for(("AZ",))
    assert "#VALUES" not in one
    assert one.replace('VALUES ?countryCode { "AZ" }', "") == wikidata_fetch.query_for(())
