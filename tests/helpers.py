"""What the test modules share: paths, event dicts and store texts, and the assertions of
the error path. tests/conftest.py builds its fixtures on these; a test module imports from
here, never from another test module."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import Result

if TYPE_CHECKING:
    from bilat.domain import Event, Query

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.json"

Run = Callable[..., Result]


def event(**fields: Any) -> dict[str, Any]:
    """A valid event dict, with ``fields`` overriding the defaults; a field given as None
    or ``...`` is left out."""
    base: dict[str, Any] = {
        "id": "e-1",
        "date": "1992-09-07",
        "parties": ["AZ", "JP"],
        "kind": "diplomatic-relations",
        "title": "Diplomatic relations established",
        "sources": [{"title": "A source", "url": "https://example.org/"}],
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None and v is not ...}


def make_event(**fields: Any) -> Event:
    """The event of :func:`event` (``fields`` overriding the defaults), decoded."""
    from bilat.codec import event_from_dict

    return event_from_dict(event(**fields))


def typed_sources(*types: str) -> list[dict[str, Any]]:
    """Sources of these types (``official``, ``news``, ...), one per type."""
    return [{"title": f"A {t} source", "type": t} for t in types]


#: A small store whose dates rest on sources of every strength: Azerbaijan's relations with
#: Japan (official), Kazakhstan (an encyclopedia alone), Georgia (news) and Türkiye (no
#: type stated), and Japan's with Kazakhstan (scholarly), all with 30th anniversaries in 2022.
EVIDENCE_EVENTS = [
    event(id="az-jp", sources=typed_sources("official", "encyclopedia")),
    event(id="az-kz", date="1992-08-27", parties=["AZ", "KZ"],
          sources=typed_sources("encyclopedia")),
    event(id="az-ge", date="1992-11-18", parties=["AZ", "GE"],
          sources=typed_sources("news", "encyclopedia")),
    event(id="az-tr", date="1992-01-14", parties=["AZ", "TR"]),
    event(id="jp-kz", date="1992-01-26", parties=["JP", "KZ"],
          sources=typed_sources("scholarly")),
]  # fmt: skip


# --------------------------------------------------------------------------- the error path


def assert_data_error(result: Result, *fragments: str) -> None:
    """Exit 1, one 'Error: ...' line on stderr, no traceback."""
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


def assert_usage_error(result: Result, *fragments: str) -> None:
    """Exit 2, click's usage hint and an error line, no traceback."""
    assert result.exit_code == 2, result.output
    assert "Usage: " in result.stderr
    assert "Error: " in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- store texts

STORE_NAME = "events.json"


def store_text(*events: dict[str, Any], **top: Any) -> str:
    return json.dumps({"version": 1, "events": list(events), **top}, ensure_ascii=False)


def load_text(text: str) -> tuple[Event, ...]:
    from bilat.store import loads

    return loads(text.encode("utf-8"), STORE_NAME)


def store_error(data: bytes) -> str:
    from bilat.domain import BilatError
    from bilat.store import StoreError, loads

    with pytest.raises(StoreError) as info:
        loads(data, STORE_NAME)
    assert isinstance(info.value, BilatError)
    message = str(info.value)
    assert message.startswith(f"{STORE_NAME}: ")
    return message


# --------------------------------------------------------------------------- large stores


def gen_store_module() -> ModuleType:
    """benchmarks/gen_store.py, the generator of synthetic stores."""
    spec = importlib.util.spec_from_file_location("gen_store", ROOT / "benchmarks" / "gen_store.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exact(events: Sequence[Event], query: Query) -> list[Event]:
    """What a command keeps of the events for ``query``, worked out on all events."""
    from bilat.domain import filter_events

    kept = filter_events(events, countries=query.any_countries, all_countries=query.all_countries)
    if query.year is not None:
        year, every = query.year, query.every
        kept = [e for e in kept if e.date.year < year and (year - e.date.year) % every == 0]
    return kept


def english() -> None:
    """Speak English again, whatever language an earlier test of the same process chose
    (``--lang`` sets it for the process; for fixtures set up before tests/conftest.py's
    own reset)."""
    from bilat.render import lang

    lang.use(None)


#: A short article of the State Department's guide, in its TEI form: one act, dated.
RDCR_ARTICLE = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
    '<title type="short">Japan</title></titleStmt></fileDesc></teiHeader><text><body>'
    '<div type="timeline"><head>Diplomatic Relations Established, 1859.</head>'
    '<p>Relations were established on <date when="1859-07-07">July 7, 1859</date>.</p>'
    "</div></body></text></TEI>"
)
