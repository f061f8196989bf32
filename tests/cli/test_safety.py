"""Text from a store is data, in every command and format: never markup, never a terminal
control; JSON keeps it exact, as escapes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import Run, event

HOSTILE = "[bold]bold[/bold] [link=https://evil.example]x[/link] \x1b[31mred\x1b[0m\r\x07\u202eevil"


def test_store_text_is_never_markup_nor_control(run: Run, make_store: Callable[..., Path]) -> None:
    letter = {"author": HOSTILE, "recipient": "R", "text": f"Para {HOSTILE}\n\nNext"}
    path = make_store(
        [
            event(title=HOSTILE, summary=HOSTILE),
            event(
                id="l-1",
                kind="letter",
                title=HOSTILE,
                date="1993-01-01",
                by="AZ",
                letter=letter,
            ),
        ]
    )
    store = ("--store", str(path))
    outputs = [
        run("timeline", "AZ", "JP", "--as-of", "2022-01-01", *store).output,
        run("timeline", "AZ", "JP", "--format", "csv", *store).output,
        run("timeline", "AZ", "JP", "--format", "markdown", *store).output,
        run("anniversary", "--year", "2022", "--every", "1", *store).output,
        run("show-letter", *store).output,
        run("show-letter", "--list", *store).output,
        run("show", "e-1", *store).output,
        run("show", "l-1", "--format", "markdown", *store).output,
    ]
    for out in outputs:
        for bad in ("\x1b", "\r", "\x07", "\u202e"):
            assert bad not in out
    table = outputs[0]
    assert "[bold]bold[/bold]" in outputs[0].replace("\n", "") or "[bold]bold" in table
    assert "\\x1b[31mred" in outputs[4]
    assert "\\u202eevil" in outputs[4]
    assert "[link=https://evil.example]x[/link]" in outputs[4].replace("\n", "")


def test_json_keeps_strings_exact_as_escapes(run: Run, make_store: Callable[..., Path]) -> None:
    title = HOSTILE + "\x85\u2066"
    path = make_store([event(title=title)])
    out = run("show", "e-1", "--format", "json", "--store", str(path)).output
    for bad in ("\x1b", "\r", "\x07", "\u202e", "\x85", "\u2066"):
        assert bad not in out
    assert "\\u001b" in out
    assert "\\u202e" in out
    assert "\\u0085" in out
    assert json.loads(out)["title"] == title
    out = run("timeline", "AZ", "JP", "--format", "json", "--store", str(path)).output
    assert json.loads(out)["events"][0]["title"] == title
