"""Each language's grammar, one module per language (``az``, ``en``, ``ja``, ``ru``,
``tr``), behind one small interface (:class:`Grammar`): how a year stands alone, the
ordinal, the word for an anniversary, the press line and the titles built from an event's
fields. Adding a language is one module here plus its catalog in ``bilat/locales``.

A grammar module imports what it needs from :mod:`bilat.render.common` (names, dates)
when it is loaded, which is only ever after :mod:`bilat.render.lang` chose the language.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from bilat.domain import Anniversary, Event

#: The languages with a grammar module here.
GRAMMARS = ("az", "en", "ja", "ru", "tr")


class Grammar(Protocol):
    """What a language module provides (every function is pure)."""

    def year(self, year: int) -> str:
        """A year standing alone as a date: '2022', '2022年', '2022-ci il'."""

    def ordinal(self, n: int) -> str:
        """'30th', '30-cu', '30周年', '30-я', '30.'."""

    def anniversary(self, n: int) -> str:
        """The n-th anniversary: '30th anniversary', '30-cu ildönümü', '30-летие'."""

    def press_line(self, a: Anniversary, pair: tuple[str, str]) -> str:
        """One sentence for the anniversary, the pair's codes in the reader's order."""

    def title(self, event: Event, pair: tuple[str, str]) -> str | None:
        """The event's title built from its fields where the English is a formula, or
        None (the title is free text)."""


def grammar(base: str) -> Grammar | None:
    """The grammar of a language (``az``), or None where bilat has none."""
    if base not in GRAMMARS:
        return None
    return cast("Grammar", importlib.import_module(f"{__name__}.{base}"))
