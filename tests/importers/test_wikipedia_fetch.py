"""Fetching articles from English Wikipedia (bilat.importers.wikipedia_fetch), against
httpx.MockTransport: what it asks, which answers it takes, how it retries, what it says."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest

from bilat.importers import http, wikipedia, wikipedia_fetch
from bilat.importers.wikipedia_articles import Article
from bilat.importers.wikipedia_fetch import ENDPOINT, STATES, TIMEOUT, fetch, title_of
from bilat.vocab import StoreError

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.timezone.utc)
TEXT = "{|\n!#\n!Country\n!Date\n|-\n|1\n|{{flag|Japan}}\n|{{dts|1992}}\n|}"


def page(title: str, text: str = TEXT) -> httpx.Response:
    body = {
        "batchcomplete": True,
        "query": {
            "pages": [{"title": title, "revisions": [{"slots": {"main": {"content": text}}}]}]
        },
    }
    return httpx.Response(200, json=body)


class Server:
    """Answers in turn, and what fetch sent, slept and said."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self.slept: list[float] = []
        self.said: list[str] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def fetch(self, codes: tuple[str, ...] = ("AZ",), tries: int = 5) -> list[tuple[Article, str]]:
        return fetch(
            codes,
            now=lambda: NOW,
            sleep=self.slept.append,
            progress=self.said.append,
            transport=httpx.MockTransport(self.handler),
            tries=tries,
        )


def test_the_request_is_a_polite_get_of_the_page_content() -> None:
    server = Server(page("Foreign relations of Azerbaijan"))
    ((article, code),) = server.fetch()
    (request,) = server.requests
    assert request.method == "GET"
    assert str(request.url).startswith(ENDPOINT + "?")
    assert request.url.params["titles"] == "Foreign relations of Azerbaijan"
    assert request.url.params["redirects"] == "1"
    assert request.url.params["rvprop"] == "content"
    assert request.headers["User-Agent"] == http.USER_AGENT
    assert request.extensions["timeout"]["read"] == TIMEOUT
    assert code == "AZ"
    assert article.title == "Foreign relations of Azerbaijan"
    assert article.url == "https://en.wikipedia.org/wiki/Foreign_relations_of_Azerbaijan"
    assert article.text == TEXT
    events = wikipedia.read_articles([(article, code)]).events
    assert [e.id for e in events] == ["az-jp-diplomatic-relations"]
    assert events[0].sources[0].url == article.url


def test_the_page_after_redirects_names_the_source() -> None:
    server = Server(page("Foreign relations of Czechia"))
    ((article, _),) = server.fetch(("CZ",))
    assert server.requests[0].url.params["titles"] == "Foreign relations of the Czech Republic"
    assert article.url == "https://en.wikipedia.org/wiki/Foreign_relations_of_Czechia"


def test_titles() -> None:
    assert title_of("GE") == "Foreign relations of Georgia (country)"
    assert title_of("US") == "Foreign relations of the United States"
    assert title_of("KZ") == "Foreign relations of Kazakhstan"
    assert len(STATES) == len(set(STATES)) == 197
    assert {"TW", "XK", "VA", "PS"} <= set(STATES)


def test_every_state_without_a_country() -> None:
    server = Server(*(page(title_of(code)) for code in STATES))
    found = server.fetch(())
    assert [code for _, code in found] == STATES
    assert server.said[0] == f"Asking English Wikipedia for {title_of(STATES[0])} (1/197) ..."


def test_429_and_5xx_are_retried_honouring_retry_after() -> None:
    server = Server(
        httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(503),
        httpx.TimeoutException("slow"),
        page("Foreign relations of Azerbaijan"),
    )
    server.fetch()
    assert server.slept == [7.0, 4.0]
    assert server.said[1:] == [
        "HTTP 429; trying again in 7 s.",
        "HTTP 503; trying again in 4 s.",
        "No answer in time; trying again.",
    ]


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([httpx.ConnectError("offline")], r"cannot connect \(offline\); save the articles"),
        ([httpx.TimeoutException("slow")] * 2, "no answer within 60 s after 2 tries"),
        ([httpx.Response(500)] * 2, "HTTP 500 after 2 tries; save the articles"),
        ([httpx.Response(404)], "HTTP 404 Not Found"),
        ([httpx.Response(200, content=b"<html>")], "not an answer of the MediaWiki API"),
        ([httpx.Response(200, json={"query": {"pages": []}})], "not an answer"),
        (
            [httpx.Response(200, json={"query": {"pages": [{"title": "x", "missing": True}]}})],
            "no article 'Foreign relations of Azerbaijan' on English Wikipedia",
        ),
        (
            [httpx.Response(200, json={"query": {"pages": [{"title": "x"}]}})],
            "the answer holds no wikitext",
        ),
        (
            [
                httpx.Response(
                    200,
                    content=json.dumps(
                        {
                            "query": {
                                "pages": [
                                    {
                                        "title": "x",
                                        "revisions": [{"slots": {"main": {"content": 5}}}],
                                    }
                                ]
                            }
                        }
                    ).encode(),
                )
            ],
            "the answer holds no wikitext",
        ),
    ],
)
def test_one_error_line_when_it_cannot_be_had(
    answers: list[httpx.Response | Exception], message: str
) -> None:
    with pytest.raises(StoreError, match=message):
        Server(*answers).fetch(tries=2)


def test_offline_hint_names_the_saved_file_way() -> None:
    assert "bilat import wikipedia FILE" in wikipedia_fetch.OFFLINE
