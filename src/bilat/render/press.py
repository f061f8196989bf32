"""The press line: one sentence per anniversary that a press office can paste, written by
the reader's language's own grammar (:mod:`bilat.render.langs`), the pair in the reader's
order (``--from``: the home country first).

A locale without a grammar of its own here gets the whole sentence in English (English
names and an English date too), never an English sentence around foreign words.
"""

from __future__ import annotations

from bilat.domain import Anniversary, Event
from bilat.text import clean

from . import lang
from .langs import en


def pair(event: Event) -> tuple[str, str]:
    """The event's first two parties in the reader's order (``--from`` first)."""
    first, second = lang.ordered(event.parties)[:2]
    return first, second


def press_line(a: Anniversary) -> str:
    """The sentence for one anniversary, in the current language, on one line and clean
    of every control character: it is pasted into a release, so a store title's controls
    are made visible (:func:`bilat.text.clean`), on a terminal and in a pipe alike."""
    current = lang.current()
    order = pair(a.event)
    if current is None or current.grammar is None:
        with lang.speaking(None):
            line = en.press_line(a, order)
    else:
        line = current.grammar.press_line(a, order)
    line = line[:1].upper() + line[1:]  # a sentence starts with a capital: "Sentyabr 2022-ci il"
    return clean(line)


def press_lines(found: list[Anniversary]) -> str:
    return "".join(press_line(a) + "\n" for a in found)
