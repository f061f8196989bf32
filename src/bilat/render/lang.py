"""The reader's language: interface text, country names, dates, ordinals, kind labels.

Every renderer asks this module, never Babel or gettext directly. The command line picks
the language once per run (:func:`use`, from ``--lang`` or ``BILAT_LANG``); English, the
default, is the fast path: it loads neither Babel nor a catalog, and prints exactly what
bilat printed before it spoke other languages. Any locale that Babel knows (CLDR) gets
its country names, month and weekday names, long date format and digits; the interface
text comes from the gettext catalogs in ``bilat/locales`` (az, ja, ru and tr complete),
English where a language has none. Ordinals and the word for an anniversary are written
as each language writes them for en, az, ja, ru and tr; other locales get the number
alone.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bilat.dates import PartialDate

ENGLISH = "en"

#: Languages whose catalogs translate every message; the others fall back to English.
COMPLETE = ("az", "ja", "ru", "tr")

_current: Language | None = None


class UnknownLanguage(ValueError):
    """A locale that Babel does not know; the message suggests close ones."""


def resolve(code: str) -> str:
    """The canonical form of a locale identifier (``az``, ``pt_BR``), or UnknownLanguage."""
    from babel import Locale, UnknownLocaleError, localedata

    text = code.strip().replace("-", "_")
    try:
        return str(Locale.parse(text))
    except (UnknownLocaleError, ValueError, TypeError):
        import difflib

        known = localedata.locale_identifiers()
        close = difflib.get_close_matches(text, known, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownLanguage(f"unknown language {code!r}{hint}") from None


def use(code: str | None) -> None:
    """Speak ``code`` from now on (None or English: the built-in English)."""
    global _current
    _current = None if code in (None, "", ENGLISH, "en_US") else Language(code)


def current() -> Language | None:
    return _current


def current_code() -> str:
    return ENGLISH if _current is None else _current.code


def t(message: str) -> str:
    """The interface text ``message`` in the current language."""
    return message if _current is None else _current.gettext(message)


def n(singular: str, plural: str, count: int) -> str:
    """``singular`` or ``plural`` for ``count``, by the current language's plural rules
    (Russian has three forms); the text keeps its ``{n}`` for the count."""
    if _current is None:
        return singular if count == 1 else plural
    return _current.catalog.ngettext(singular, plural, count)


class Language:
    """One locale: Babel's data and bilat's catalog for it."""

    def __init__(self, code: str) -> None:
        import gettext
        from importlib import resources

        from babel import Locale

        self.code = code
        self.locale = Locale.parse(code)
        self.base = self.locale.language
        folder = resources.files("bilat") / "locales"
        self.catalog = gettext.translation(
            "bilat", str(folder), languages=[code, self.base], fallback=True
        )

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message)

    def country(self, code: str) -> str | None:
        name: str | None = self.locale.territories.get(code)
        return name

    def number(self, n: int) -> str:
        from babel.numbers import format_decimal

        return str(format_decimal(n, format="#", locale=self.locale, numbering_system="default"))

    def date(self, date: PartialDate) -> str:
        """The date at its precision, as the locale writes it."""
        from babel.dates import format_date, format_skeleton

        day = dt.date(date.year, date.month or 1, date.day or 1)
        if date.day is not None:
            return str(format_date(day, "long", locale=self.locale))
        if date.month is not None:
            return str(format_skeleton("yMMMM", day, locale=self.locale))
        return self.number(date.year)

    def weekday(self, date: dt.date) -> str:
        from babel.dates import format_date

        return str(format_date(date, "EEE", locale=self.locale))

    def ordinal(self, n: int) -> str:
        written: str = ORDINALS.get(self.base, _plain)(self, n)
        return written

    def anniversary(self, n: int) -> str:
        written: str = ANNIVERSARIES.get(self.base, _plain)(self, n)
        return written


def _plain(lang: Language, n: int) -> str:
    return lang.number(n)


def _az_ordinal(lang: Language, n: int) -> str:
    # CLDR's ordinal categories follow the last word of the number: bir (1-ci), üç (3-cü),
    # altı (6-cı), otuz (30-cu).
    suffix = {"one": "ci", "few": "cü", "many": "cı"}.get(lang.locale.ordinal_form(n), "cu")
    return f"{lang.number(n)}-{suffix}"


def _ru_ordinal(lang: Language, n: int) -> str:
    return f"{lang.number(n)}-я"  # годовщина is feminine


def _tr_ordinal(lang: Language, n: int) -> str:
    return f"{lang.number(n)}."


def _ja_ordinal(lang: Language, n: int) -> str:
    return f"{lang.number(n)}周年"  # as an anniversary is counted


ORDINALS: dict[str, Any] = {
    "az": _az_ordinal,
    "ja": _ja_ordinal,
    "ru": _ru_ordinal,
    "tr": _tr_ordinal,
}

ANNIVERSARIES: dict[str, Any] = {
    "az": lambda lang, n: f"{_az_ordinal(lang, n)} ildönümü",
    "ja": lambda lang, n: f"{lang.number(n)}周年",
    # -летие for round numbers from 5, годовщина for the first ones: 5-летие, 30-летие,
    # but 1-я годовщина, 2-я годовщина.
    "ru": lambda lang, n: (
        f"{lang.number(n)}-летие" if n >= 5 else f"{_ru_ordinal(lang, n)} годовщина"
    ),
    "tr": lambda lang, n: f"{_tr_ordinal(lang, n)} yıl dönümü",
}
