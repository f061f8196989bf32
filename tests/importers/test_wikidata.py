"""Wikidata: saved SPARQL JSON results, and the HTTP client against a mock transport."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from bilat.importers import wikidata, wikidata_fetch
from bilat.vocab import StoreError

FIXTURE = Path(__file__).parent / "data" / "wikidata-relations.json"
NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.timezone.utc)


def events() -> dict[str, Any]:
    return {e.id: e for e in wikidata.read(str(FIXTURE)).events}


def test_a_statement_and_its_mirror_are_one_event() -> None:
    found = events()
    azjp = found["az-jp-diplomatic-relations"]
    assert azjp.date.isoformat() == "1992-09-07"
    assert azjp.parties == ["AZ", "JP"]
    assert not azjp.disputed
    urls = [s.url for s in azjp.sources]
    assert urls[0] == "https://www.wikidata.org/wiki/Q227"
    assert "https://www.mofa.go.jp/region/europe/azerbaijan/data.html" in urls
    assert "https://tokyo.mfa.gov.az/en/content/3/bilateral-relations" in urls
    assert "https://www.wikidata.org/wiki/Q17" in urls  # the mirror's item, same date


def test_mirrors_that_differ_keep_the_other_date_disputed() -> None:
    azkz = events()["az-kz-diplomatic-relations"]
    assert azkz.date.isoformat() == "1992-08-27"  # the more precise statement
    (claim,) = azkz.disputed
    assert claim.date.isoformat() == "1992-09"
    assert claim.sources[0].url == "https://www.wikidata.org/wiki/Q232"


def test_precision_and_end_times() -> None:
    found = events()
    assert found["de-jp-diplomatic-relations"].date.isoformat() == "1861"
    ended = found["ly-us-relations-severed-1981-05-06"]
    assert ended.kind == "relations-severed"
    report = wikidata.read(str(FIXTURE)).report
    assert report["skipped"] == {
        "start time coarser than a year": 1,
        "country code unknown to bilat": 1,
    }
    assert report["year_precision"] == ["de-jp-diplomatic-relations"]
    assert len(found) == 5


def write(tmp_path: Path, document: Any, name: str = "result.json") -> str:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    return str(path)


def fixture() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(FIXTURE.read_text())
    return loaded


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("results"), r"\$: not a SPARQL JSON result"),
        (lambda d: d["head"]["vars"].remove("start"), r"\$.head.vars: missing start"),
        (lambda d: d["results"].update(bindings={}), r"\$.results.bindings: expected an array"),
        (
            lambda d: d["results"]["bindings"][0].pop("start"),
            r"\$.results.bindings\[0\]: no value for start",
        ),
        (
            lambda d: d["results"]["bindings"][0]["start"].update(value="yesterday"),
            r"\$.results.bindings\[0\].start: 'yesterday' is not a Wikidata time",
        ),
        (
            lambda d: d["results"]["bindings"][0]["startPrecision"].update(value="day"),
            r"\$.results.bindings\[0\].start: precision 'day' is not a number",
        ),
        (
            lambda d: d["results"]["bindings"][0].update(start="1992"),
            r"\$.results.bindings\[0\].start: expected an RDF term",
        ),
    ],
)
def test_bad_results_name_the_place(tmp_path: Path, change: Any, message: str) -> None:
    document = fixture()
    change(document)
    with pytest.raises(StoreError, match=message):
        wikidata.read(write(tmp_path, document))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["results"]["bindings"].append([]), r"bindings\[\d+\]: expected an object$"),
        (lambda d: d.update(head=[]), r"\$.head.vars: expected an array of variable names$"),
        (lambda d: d["head"].pop("vars"), r"\$.head.vars: expected an array of variable names$"),
        (lambda d: d.update(results=[]), r"\$: not a SPARQL JSON result"),
        (lambda d: d.pop("head"), r"\$.head.vars: expected an array of variable names$"),
        (lambda d: d.update(results={}), r"\$.results.bindings: expected an array$"),
        (
            lambda d: d["results"]["bindings"][0]["ref"].update(value=[]),
            r"\$.results.bindings\[0\].ref: expected an RDF term with a string value$",
        ),
        (
            lambda d: d["results"]["bindings"][0]["start"].pop("value"),
            r"\$.results.bindings\[0\].start: expected an RDF term with a string value$",
        ),
    ],
)
def test_results_of_another_shape_name_the_place(tmp_path: Path, change: Any, message: str) -> None:
    document = fixture()
    change(document)
    with pytest.raises(StoreError, match=message):
        wikidata.read(write(tmp_path, document))


@pytest.mark.parametrize(
    "text",
    [
        "[" * 1_000_000,
        '{"results": ' + "[" * 1_000_000,
        '{"head": {"vars": [], "x": ' + "[" * 100_000 + "]" * 100_000 + "}}",
    ],
)
def test_deep_nesting_is_one_error(tmp_path: Path, text: str) -> None:
    with pytest.raises(StoreError, match=r"result\.json: (JSON nested too deeply|\$: not a)"):
        wikidata.read(write(tmp_path, text))


def test_hostile_results_take_no_more_memory_than_their_size(tmp_path: Path) -> None:
    """30 million empty arrays (90 MB), where a member is skipped or where a row should
    be: refused within 700 MB of address space (built as lists, they took 2 GB)."""
    import os
    import resource
    import subprocess
    import sys

    from tests.helpers import SRC

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (700 << 20, 700 << 20))

    arrays = b"[]," * 30_000_000 + b"[]"
    for name, text, message in [
        ("members.json", b'{"extra": [' + arrays + b"]}", "not a SPARQL JSON result"),
        ("rows.json", b'{"results": {"bindings": [' + arrays + b"]}}", "expected an object"),
        ("deep.json", b'{"x": ' + b"[" * 3_000_000 + b"}", "nested too deeply"),
    ]:
        (tmp_path / name).write_bytes(text)
        done = subprocess.run(
            [sys.executable, "-m", "bilat", "import", "wikidata", name, "--store", "s.json"],
            cwd=tmp_path, capture_output=True, text=True, preexec_fn=limit, check=False,
            env={**os.environ, "PYTHONPATH": str(SRC)},
        )  # fmt: skip
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith(f"Error: {name}: "), done.stderr
        assert message in done.stderr
        assert len(done.stderr.splitlines()) == 1, done.stderr


def test_rows_a_store_cannot_hold_are_skipped_and_counted(tmp_path: Path) -> None:
    """Before, one item without an ISO code refused the whole file, and a javascript:
    reference or a start time in the future was written, then refused by validate."""
    document = fixture()
    bindings = document["results"]["bindings"]
    total = len(wikidata.read(write(tmp_path, document)).events)
    bindings[0].pop("partnerCode")  # the Order of Malta, a historical state
    for row in bindings:
        if "ref" in row:
            row["ref"]["value"] = "javascript:alert(1)"
    imported = wikidata.read(write(tmp_path, document), dt.date(2026, 12, 7))
    skipped = imported.report["skipped"]
    assert skipped["country or partner without an ISO code"] == 1
    assert skipped["reference not an http(s) address"] >= 1
    urls = [s.url or "" for e in imported.events for s in e.sources]
    assert not any(u.startswith("javascript:") for u in urls)
    assert len(imported.events) <= total
    for row in bindings:
        row["start"]["value"] = "2999-01-01T00:00:00Z"
    future = wikidata.read(write(tmp_path, document), dt.date(2026, 12, 7))
    assert future.events == []
    assert future.report["skipped"]["start time in the future"] > 0


def test_files_that_are_not_json(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not JSON"):
        wikidata.read(write(tmp_path, "<html><body>502 Bad Gateway</body></html>"))
    with pytest.raises(StoreError, match="no such query result file"):
        wikidata.read(str(tmp_path / "missing.json"))
    with pytest.raises(StoreError, match="is a directory"):
        wikidata.read(str(tmp_path))


# --------------------------------------------------------------------------- over HTTP


class Recorder:
    def __init__(self, *responses: httpx.Response | Exception) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []
        self.slept: list[float] = []
        self.said: list[str] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.responses.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def fetch(self, codes: tuple[str, ...] = ("AZ",)) -> bytes:
        return wikidata_fetch.fetch(
            codes,
            now=lambda: NOW,
            sleep=self.slept.append,
            progress=self.said.append,
            transport=httpx.MockTransport(self.handler),
        )


def ok() -> httpx.Response:
    return httpx.Response(
        200, content=FIXTURE.read_bytes(), headers={"Content-Type": wikidata.MEDIA_TYPE}
    )


def test_a_429_is_retried_after_the_time_it_asks() -> None:
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "7"}), ok())
    data = recorder.fetch()
    assert wikidata.read_data(data, "answer").events
    assert recorder.slept == [7.0]
    request = recorder.requests[0]
    assert request.headers["User-Agent"].startswith("bilat/")
    assert "https://" in request.headers["User-Agent"]  # a contact address, as asked
    assert request.headers["Accept"] == wikidata.MEDIA_TYPE
    assert b"VALUES+%3FcountryCode+%7B+%22AZ%22+%7D" in request.content
    assert any("429" in line for line in recorder.said)


def test_retry_after_as_a_date() -> None:
    later = "Mon, 30 Nov 2026 12:00:30 GMT"
    recorder = Recorder(httpx.Response(503, headers={"Retry-After": later}), ok())
    recorder.fetch()
    assert recorder.slept == [30.0]


def test_server_errors_back_off_then_give_up() -> None:
    recorder = Recorder(*[httpx.Response(500) for _ in range(5)])
    with pytest.raises(StoreError, match="HTTP 500 after 5 tries"):
        recorder.fetch()
    assert recorder.slept == [2.0, 4.0, 8.0, 16.0]


def test_a_timeout_is_retried_then_reported() -> None:
    timeouts = [httpx.ReadTimeout("slow") for _ in range(5)]
    with pytest.raises(StoreError, match="no answer within 90 s after 5 tries"):
        Recorder(*timeouts).fetch()
    assert Recorder(httpx.ReadTimeout("slow"), ok()).fetch()


def test_no_network_is_one_clear_error() -> None:
    with pytest.raises(StoreError, match=r"cannot connect .*bilat import wikidata FILE"):
        Recorder(httpx.ConnectError("Name or service not known")).fetch()


def test_an_html_error_page_is_refused() -> None:
    page = httpx.Response(
        200, content=b"<html>maintenance</html>", headers={"Content-Type": "text/html"}
    )
    with pytest.raises(StoreError, match="answered with text/html, not SPARQL JSON"):
        Recorder(page).fetch()
    with pytest.raises(StoreError, match="HTTP 403 Forbidden"):
        Recorder(httpx.Response(403)).fetch()


def test_malformed_json_is_reported_by_the_reader() -> None:
    broken = httpx.Response(200, content=b'{"head": ', headers={"Content-Type": "application/json"})
    data = Recorder(broken).fetch()
    with pytest.raises(StoreError, match="not JSON"):
        wikidata.read_data(data, wikidata_fetch.ENDPOINT)


def test_the_query_without_countries_asks_for_all() -> None:
    assert "VALUES" not in wikidata_fetch.query_for(())
    assert 'VALUES ?countryCode { "AZ" "JP" }' in wikidata_fetch.query_for(("AZ", "JP"))
