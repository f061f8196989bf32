"""No English word under --lang az, ja, ru or tr, per command (the reader's language,
bilat.render.lang, across every output that prints for people): after removing what is
legitimately shown as stored (free-text titles, summaries, notes, places, sources,
letters, ids, addresses and command lines), no word of bilat's English interface (the
catalog template's words, and the words bilat writes around them) may remain."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import icalendar
import pytest
from babel.messages.pofile import read_po

from bilat.codec import event_from_dict
from bilat.render.langs._formulas import formula
from tests.helpers import ROOT, SRC, Run

AS_OF = ("--as-of", "2026-12-07")
COMMANDS = {
    "timeline": ("timeline", "AZ", "JP", *AS_OF),
    "anniversary": ("anniversary", "--year", "2022"),
    "press": ("anniversary", "--year", "2022", "--pair", "AZ", "JP", "--format", "text"),
    "upcoming": ("upcoming", *AS_OF),
    "relations": ("relations", "AZ", *AS_OF),
    "show-letter": ("show-letter",),
    "letters": ("show-letter", "--list"),
    "show": ("show", "az-jp-diplomatic-relations"),
    "search": ("search", "embassy", *AS_OF),
    "ics": ("export", "ics", "--from-year", "2027", "--to-year", "2027", "--pair", "AZ", "JP",
            "-o", "-"),
    "html": ("export", "html", "AZ", "JP", *AS_OF, "-o", "-"),
    "svg": ("timeline", "AZ", "JP", "--format", "svg", *AS_OF),
    "relations-svg": ("relations", "AZ", "--format", "svg", *AS_OF),
}  # fmt: skip
#: Words bilat writes that are not in the template (the press line, the calendar, ...).
SPOKEN = {"anniversary", "marks", "between", "recognises", "opens", "embassy", "legation",
          "severs", "restored", "suspended", "severed", "written", "picture", "timeline",
          "given", "also", "match", "other", "letters", "events", "years", "year", "day",
          "unknown", "drawn", "milestone", "since", "establishment", "recognition"}  # fmt: skip
#: Not English to a reader: the program, formats, calendar keywords.
#: Commands that print a panel (wrapped to the terminal, so at a narrower width).
PANELS = ("show-letter", "show")
NEUTRAL = {"bilat", "html", "svg", "png", "csv", "json", "ics", "id", "ids", "utf"}


def english_words() -> set[str]:
    with (SRC / "bilat" / "locales" / "bilat.pot").open("rb") as f:
        template = read_po(f)
    words = set(SPOKEN)
    for message in template:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\{\w+\}", "", text))}
    return words - NEUTRAL


def stored_text() -> list[str]:
    """What the bundled store shows as it is: free text, never bilat's own words."""
    data = json.loads((ROOT / "data" / "events.json").read_text(encoding="utf-8"))
    shown: set[str] = set()
    for raw in data["events"]:
        event = event_from_dict(raw)
        if formula(event) is None:
            shown.add(event.title)
        shown |= {event.id, event.summary or "", event.note or "", event.place or ""}
        for source in (*event.sources, *(s for c in event.disputed or () for s in c.sources)):
            shown |= {source.title, source.url or "", *source.title.split(": ")}
            shown.add(source.title.split(": ")[0].split(" (")[0])
        shown |= {claim.note for claim in event.disputed or ()}
        if event.letter is not None:
            letter = event.letter
            shown |= {letter.author, letter.recipient, letter.language or ""}
            shown |= {p.strip() for p in (letter.text or "").split("\n") if p.strip()}
    # The reasons of the pairs with no relations, shipped beside the store: data too.
    absent = json.loads((ROOT / "data" / "no-relations.json").read_text(encoding="utf-8"))
    shown |= {pair["reason"] for pair in absent}
    return sorted((s for s in shown if len(s) > 3), key=len, reverse=True)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def readable(name: str, output: str) -> str:
    """The text a reader sees: calendar values unfolded, the words of a picture or page."""
    if name == "ics":
        calendar = icalendar.Calendar.from_ical(output)
        values = [str(calendar["X-WR-CALNAME"])]
        for event in calendar.walk("VEVENT"):
            values += [str(event["SUMMARY"]), str(event["DESCRIPTION"])]
        return "\n".join(values)
    if name in ("html", "svg", "relations-svg"):
        parser = _Text()
        parser.feed(output[output.index("<") :].split("<style>")[0] + output.split("</style>")[-1])
        return "\n".join(parser.parts)
    if name in PANELS:  # a panel's wrapped lines joined again
        lines = (line.strip(" │╭╮╰╯─") for line in output.splitlines())
        return " ".join(line for line in lines if line)
    return output


ENGLISH = english_words()
STORED = stored_text()


def _shortened(match: re.Match[str]) -> str:
    """A stored text cut short to fit a picture ('Joint statements on fri…') goes too."""
    cut = match[0].strip()[:-1]
    return " " if any(s.startswith(cut) for s in STORED) else match[0]


def leaks(text: str) -> list[str]:
    for stored in STORED:
        text = text.replace(stored, " ")
    text = re.sub(r"[^\n:·]+…", _shortened, text)
    text = re.sub(r"bilat [a-z-]+(?: --?[a-z-]+)*|https?://\S+|<[^>]*>", " ", text)
    return sorted({w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in ENGLISH})


@pytest.mark.parametrize("code", ["az", "ja", "ru", "tr"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_english_word_remains(run: Run, name: str, code: str) -> None:
    width = "120" if name in PANELS else "20000"  # tables: one row per line, never cut
    result = run(*COMMANDS[name], "--lang", code, env={"COLUMNS": width})
    assert result.exit_code == 0, result.output
    found = leaks(readable(name, result.stdout) + "\n" + result.stderr)
    assert not found, found


def test_the_check_finds_english() -> None:
    assert leaks("3 other letters match") == ["letters", "match", "other"]
    assert leaks("Japan recognises Azerbaijan") == ["recognises"]
    assert not leaks("Foreign Minister Tofig Gasimov in Tokyo")  # a stored free title


@pytest.mark.parametrize(
    ("args", "english"),
    [(("search", " "), "give some text to look for"),
     (("show-letter", "--pair", "AZ", "TR"), "no letter matches"),
     (("export", "ics", "--from-year", "2030", "--to-year", "2020", "-o", "-"), "is before")],
)  # fmt: skip
@pytest.mark.parametrize("code", ["az", "ja", "ru", "tr"])
def test_bilat_s_own_error_messages_follow_the_language(
    run: Run, code: str, args: tuple[str, ...], english: str
) -> None:
    result = run(*args, "--lang", code)
    assert result.exit_code != 0
    assert english not in result.stderr
    assert result.stderr.strip()
