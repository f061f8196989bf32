"""The reader's language: interface text, country names, dates, ordinals, kind labels.

Every renderer asks this module, never Babel or gettext directly. The command line picks
the language once per run (:func:`use`, from ``--lang`` or ``BILAT_LANG``) and holds it in
a :class:`~contextvars.ContextVar`, so a caller may speak another language for a while
(:func:`speaking`) without touching anyone else's. English, the default, is the fast path:
it loads neither Babel nor a catalog, and prints exactly what bilat printed before it spoke
other languages. Any locale that Babel knows (CLDR) gets its country names, month and
weekday names and long date format; the interface text comes from the gettext catalogs in
``bilat/locales`` (az, ja, ru and tr complete), English where a language has none. What
is grammar (ordinals, the word for an anniversary, the press line, declension) lives in
one module per language in :mod:`bilat.render.langs`; other locales get the number alone.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from bilat.text import clean

if TYPE_CHECKING:
    from bilat.dates import PartialDate

    from .langs import Grammar

ENGLISH = "en"

#: Languages whose catalogs translate every message; the others fall back to English.
COMPLETE = ("az", "ja", "ru", "tr")

_reader: ContextVar[Language | None] = ContextVar("bilat_reader", default=None)
#: Whether the reader asked for the language (--lang, BILAT_LANG) rather than the locale
#: of the environment (LANG) giving it: only then does JSON carry labels.
_explicit: ContextVar[bool] = ContextVar("bilat_explicit", default=True)
#: The country the reader speaks for (``--from``): its name comes first in a pair.
_home: ContextVar[str | Callable[[], str | None] | None] = ContextVar("bilat_home", default=None)


class UnknownLanguage(ValueError):
    """A locale that Babel does not know; the message suggests close ones."""


def use(code: str | None, *, explicit: bool = True) -> None:
    """Speak ``code`` from now on (None or English: the built-in English); ``explicit``
    False when the environment's locale chose it (human output only)."""
    _reader.set(None if code in (None, "", ENGLISH, "en_US") else Language(code))
    _explicit.set(explicit)


@contextmanager
def for_data() -> Iterator[None]:
    """Inside the block, JSON and CSV: the language only if the reader asked for it."""
    with speaking(_reader.get() if _explicit.get() else None):
        yield


def from_environment(environ: Mapping[str, str]) -> str | None:
    """The catalogued language that LC_ALL, LC_MESSAGES or LANG name (the first one set
    decides, as POSIX has it), or None: C, POSIX, en_* and languages without a catalog
    mean English. Reads no file and loads no Babel."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            base = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return base if base in COMPLETE else None
    return None


@contextmanager
def speaking(language: Language | None) -> Iterator[None]:
    """Speak ``language`` (None: English) inside the block, then as before."""
    token = _reader.set(language)
    try:
        yield
    finally:
        _reader.reset(token)


def current() -> Language | None:
    return _reader.get()


def current_code() -> str:
    reader = _reader.get()
    return ENGLISH if reader is None else reader.code


def set_home(code: str | Callable[[], str | None] | None) -> None:
    """Write pairs from ``code``'s side (``--from``); None: as the event lists them; a
    function: the country it gives, asked the first time a pair is ordered (the home
    country, whose config file only a listing that orders pairs needs to read)."""
    _home.set(code)


def home() -> str | None:
    value = _home.get()
    if callable(value):
        value = value()
        _home.set(value)
    return value


def ordered(parties: Sequence[str]) -> list[str]:
    """The parties in the reader's order: the home country (``--from``) first where it
    is one of them, the others as listed."""
    first = home()
    if first is None or first not in parties:
        return list(parties)
    return [first, *(p for p in parties if p != first)]


def t(message: str) -> str:
    """The interface text ``message`` in the current language."""
    reader = _reader.get()
    return message if reader is None else reader.gettext(message)


def n(singular: str, plural: str, count: int) -> str:
    """``singular`` or ``plural`` for ``count``, by the current language's plural rules
    (Russian has three forms); the text keeps its ``{n}`` for the count."""
    reader = _reader.get()
    if reader is None:
        return singular if count == 1 else plural
    return reader.catalog.ngettext(singular, plural, count)


FSI, PDI = "\u2068", "\u2069"  # first strong isolate, pop directional isolate


def isolate(text: str) -> str:
    """``text`` isolated (FSI … PDI) for a right-to-left reader, so that names, numbers
    and dates keep their own direction in a line of the other; as it is otherwise. Put
    around text already cleaned (bilat.text escapes isolates found in a store)."""
    reader = _reader.get()
    return f"{FSI}{text}{PDI}" if reader is not None and reader.rtl else text


class Heading(str):
    """A line built by :func:`fill`: as a str, the plain text; it also knows where each
    filled-in value (a name, a number, a date) lies, which :func:`printed` isolates for a
    right-to-left reader after cleaning the text."""

    spans: tuple[tuple[int, int], ...] = ()


def fill(template: str, **values: object) -> Heading:
    """``template.format(**values)`` that remembers where each value went. A value that
    is itself a :class:`Heading` is put in with its own values (a heading inside a
    heading); any other value is one."""
    formatter = string.Formatter()
    text, spans = "", []
    for literal, field, spec, conversion in formatter.parse(template):
        text += literal
        if field is None:
            continue
        value = formatter.convert_field(formatter.get_field(field, (), values)[0], conversion)
        if isinstance(value, Heading) and not spec:
            spans += [(start + len(text), end + len(text)) for start, end in value.spans]
            text += value
            continue
        shown = formatter.format_field(value, spec or "")
        spans.append((len(text), len(text) + len(shown)))
        text += shown
    heading = Heading(text)
    heading.spans = tuple(spans)
    return heading


def printed(text: str) -> str:
    """``text`` as printed for people: clean of controls (:func:`bilat.text.clean`) and,
    for a right-to-left reader, each value of a :class:`Heading` isolated. The isolates
    come after cleaning, which escapes those found in the text (as a table's cells)."""
    reader = _reader.get()
    spans = text.spans if isinstance(text, Heading) else ()
    if reader is None or not reader.rtl or not spans:
        return clean(text)
    pieces, end = [], 0
    for start, stop in spans:
        pieces += [clean(text[end:start]), isolate(clean(text[start:stop]))]
        end = stop
    return "".join([*pieces, clean(text[end:])])


def arrow() -> str:
    """The arrow from the acting country to the other, pointing the way the reader reads."""
    reader = _reader.get()
    return "\u2190" if reader is not None and reader.rtl else "\u2192"


def year_name(year: int) -> str:
    """A year standing alone, as the reader's language names it: "2022", "2022年",
    "2022-ci il" (the catalogs build "in 2022" from it: "2022-ci ildə")."""
    reader = _reader.get()
    return str(year) if reader is None else reader.year(year)


class Language:
    """One locale: Babel's data, bilat's catalog and grammar for it."""

    def __init__(self, code: str) -> None:
        import gettext
        from importlib import resources

        from babel import Locale

        from .langs import grammar

        self.code = code
        self.locale = Locale.parse(code)
        self.base = self.locale.language
        folder = resources.files("bilat") / "locales"
        self.catalog = gettext.translation(
            "bilat", str(folder), languages=[code, self.base], fallback=True
        )
        #: Whether the language is written right to left (Arabic, Hebrew, Persian, ...).
        self.rtl = self.locale.character_order == "right-to-left"
        #: The language's own grammar, or None (names and dates only).
        self.grammar: Grammar | None = grammar(self.base)

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message)

    def country(self, code: str) -> str | None:
        from .langs.names import diplomatic_name

        found = diplomatic_name(code, self.base)
        if found is not None:
            return found
        name: str | None = self.locale.territories.get(code)
        return name

    def number(self, n: int) -> str:
        return str(n)

    def date(self, date: PartialDate) -> str:
        """The date at its precision, as the locale writes it."""
        from babel.dates import format_date, format_skeleton

        day = dt.date(date.year, date.month or 1, date.day or 1)
        if date.day is not None:
            return str(format_date(day, "long", locale=self.locale))
        if date.month is not None:
            return str(format_skeleton("yMMMM", day, locale=self.locale))
        return self.year(date.year)

    def year(self, year: int) -> str:
        """A year standing alone, as the language names it ("2022", "2022年")."""
        if self.grammar is None:
            return self.number(year)
        return self.grammar.year(year)

    def short_date(self, date: PartialDate) -> str:
        """'7 сент. 1992 г.', '1992年9月', '1992': the date at its precision, short."""
        from babel.dates import format_skeleton

        day = dt.date(date.year, date.month or 1, date.day or 1)
        if date.month is None:
            return self.number(date.year)
        skeleton = "yMMMd" if date.day is not None else "yMMM"
        return str(format_skeleton(skeleton, day, locale=self.locale))

    def language_name(self, code: str) -> str:
        """A language's name in this locale (en: "ingilis"), or the code as given."""
        name: str | None = self.locale.languages.get(code.replace("-", "_"))
        return code if name is None else name

    def weekday(self, date: dt.date) -> str:
        from babel.dates import format_date

        return str(format_date(date, "EEE", locale=self.locale))

    def ordinal(self, n: int) -> str:
        return self.number(n) if self.grammar is None else self.grammar.ordinal(n)

    def anniversary(self, n: int) -> str:
        return self.number(n) if self.grammar is None else self.grammar.anniversary(n)


#: The grammars here write one script; another is refused rather than mixed.
_SCRIPTS = {"az": "Latn", "ja": "Jpan", "ru": "Cyrl", "tr": "Latn"}


def resolve(code: str) -> tuple[str, str | None]:
    """The canonical form of a locale identifier (``az``, ``pt_BR``), a language's English
    or own name (``turkish``, ``日本語``) or a country code typed for one (``jp``: ja, with a
    note saying so); UnknownLanguage otherwise, suggesting close ones. Returns the code
    and the note (None when the input was a locale)."""
    from babel import Locale, UnknownLocaleError, localedata
    from babel.core import parse_locale

    text = code.strip().replace("-", "_")
    try:
        locale = Locale.parse(text)
    except (UnknownLocaleError, ValueError, TypeError):
        found = _by_name(text) or _by_country(text)
        if found is not None and localedata.exists(found[0]):  # Klingon has a name, no data
            return found
        import difflib

        known = localedata.locale_identifiers()
        close = difflib.get_close_matches(text, known, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownLanguage(f"unknown language {code!r}{hint}") from None
    script = _SCRIPTS.get(locale.language)
    typed = parse_locale(text)[2]  # Babel drops a script it has no data for (ja_Latn)
    if typed is not None and script is not None and typed.title() != script:
        english = Locale("en").languages.get(locale.language, locale.language)
        raise UnknownLanguage(
            f"{code!r}: bilat writes {english} in one script only; use {locale.language!r}"
        )
    return str(locale), None


def _by_name(text: str) -> tuple[str, str | None] | None:
    """A language by its English name (turkish) or by its own name (türkçe, 日本語)."""
    from babel import Locale

    wanted = text.casefold().replace("_", " ")
    for code, english in Locale("en").languages.items():
        if english.casefold() == wanted and "_" not in code:
            return code, None
    for code in COMPLETE:
        if Locale(code).languages.get(code, "").casefold() == wanted:
            return code, None
    return None


def _by_country(text: str) -> tuple[str, str | None] | None:
    """The main official language of a country whose code was typed for a language."""
    from babel import Locale, languages

    if len(text) != 2 or not text.isalpha():
        return None
    official = languages.get_official_languages(text.upper(), de_facto=True)
    if not official:
        return None
    language = official[0].split("_")[0]
    english = Locale("en")
    note = (
        f"{text!r} is the country code of {english.territories.get(text.upper(), text)}; "
        f"writing {english.languages.get(language, language)} ({language})"
    )
    return language, note
