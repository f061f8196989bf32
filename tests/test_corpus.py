"""A corpus of store files: every way to be wrong (``corpus/bad``) and edge cases that must
load (``corpus/good``).

The exact message for each bad file lives in one table, ``corpus/bad/expected.json``
(file name -> message, with the file's path written ``{path}``). To add a case, add
``corpus/bad/NAME.json`` and its line in the table; the table and the folder must match.
Entries in ``XFAIL`` are known bugs: the table holds the message the loader should give.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilat.cli import cli
from bilat.store import StoreError, dumps, load_path, loads

CORPUS = Path(__file__).parent / "corpus"
BAD = CORPUS / "bad"
GOOD = CORPUS / "good"
EXPECTED: dict[str, str] = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))

BAD_FILES = sorted(p.name for p in BAD.glob("*.json") if p.name != "expected.json")
GOOD_FILES = sorted(p.name for p in GOOD.glob("*.json"))

XFAIL: dict[str, str] = {}

# What must never reach a terminal: C0/C1 controls but newline, bidi controls, line and
# paragraph separators, lone surrogates (the set bilat.render promises to escape).
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _cases(names: list[str]) -> list[object]:
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=XFAIL[n])) if n in XFAIL else n
        for n in names
    ]


def test_table_and_folder_match() -> None:
    assert sorted(EXPECTED) == BAD_FILES
    assert len(BAD_FILES) >= 40
    assert set(XFAIL) <= set(EXPECTED)
    for name, message in EXPECTED.items():
        assert message.startswith("{path}: "), name
        assert "\n" not in message, name


@pytest.mark.parametrize("name", _cases(BAD_FILES))
def test_bad_file_is_refused_with_the_expected_message(name: str) -> None:
    path = BAD / name
    with pytest.raises(StoreError) as info:
        load_path(path)
    assert str(info.value) == EXPECTED[name].replace("{path}", str(path))


@pytest.mark.parametrize("name", _cases(BAD_FILES))
def test_bad_file_in_the_cli_is_one_error_line(name: str) -> None:
    path = BAD / name
    result = CliRunner().invoke(cli, ["anniversary", "--year", "2022", "--store", str(path)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines == ["Error: " + EXPECTED[name].replace("{path}", str(path))]
    assert not UNSAFE.search(result.stderr), repr(result.stderr)


@pytest.mark.parametrize("name", GOOD_FILES)
def test_good_file_loads(name: str) -> None:
    path = GOOD / name
    events = load_path(path).events
    raw = json.loads(path.read_text(encoding="utf-8-sig"))
    assert [e.id for e in events] == [e["id"] for e in raw["events"]]
    # What the loader read, it writes back and reads again unchanged.
    again = loads(dumps(events), name)
    assert again == tuple(sorted(events, key=lambda e: e.sort_key))


@pytest.mark.parametrize("name", GOOD_FILES)
def test_good_file_in_the_cli(name: str) -> None:
    path = GOOD / name
    runner = CliRunner()
    events = load_path(path).events
    runs = [
        ["anniversary", "--year", "2022", "--every", "1", "--kind", "letter", "--format", "csv"]
    ]
    runs += [["show", e.id] for e in events]
    runs += [["show", e.id, "--format", fmt] for e in events[:1] for fmt in ("json", "markdown")]
    if any(e.kind == "letter" for e in events):
        runs.append(["show-letter"])
    if events:
        runs.append(["timeline", *events[0].parties[:2], "--as-of", "2022-01-01"])
    for args in runs:
        result = runner.invoke(cli, [*args, "--store", str(path)], catch_exceptions=False)
        assert result.exit_code == 0, (args, result.output)
        assert not UNSAFE.search(result.output), (args, result.output)
