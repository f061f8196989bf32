"""The press line: one sentence per anniversary that a press office can paste, written by
each language's own grammar (checked by tests written from those rules).

For the establishment of diplomatic relations every supported language has its own
sentence; recognition has one where the grammar is regular enough to build it (the
Azerbaijani and Turkish case suffixes follow vowel harmony); other events are named by
their title. Russian needs the instrumental case of country names after "между": it is
built by the rules of the noun's ending, adjectives declined before the first noun.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bilat.domain import Anniversary

from . import lang
from .common import long_date, name

# --------------------------------------------------------------------------- Turkic suffixes

_BACK = "aıou"
_VOWELS = "aıoueəiöü"
# The vowel of a suffix after the last vowel of the word (four-way harmony).
_FOUR = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}


def _last_vowel(word: str) -> str:
    for char in reversed(word.casefold()):
        if char in _VOWELS:
            return char
    return "e"


def genitive(word: str, language: str) -> str:
    """Azərbaycanın, Yaponiyanın; Japonya'nın, Azerbaycan'ın."""
    vowel = _FOUR[_last_vowel(word)]
    after_vowel = word[-1].casefold() in _VOWELS
    suffix = ("n" if after_vowel else "") + vowel + "n"
    return f"{word}'{suffix}" if language == "tr" else word + suffix


def accusative(word: str, language: str) -> str:
    """Azərbaycanı, Yaponiyanı; Azerbaycan'ı, Japonya'yı."""
    vowel = _FOUR[_last_vowel(word)]
    after_vowel = word[-1].casefold() in _VOWELS
    buffer = ("y" if language == "tr" else "n") if after_vowel else ""
    return f"{word}'{buffer}{vowel}" if language == "tr" else word + buffer + vowel


def year_suffix_az(year: int) -> str:
    """2022-ci il: the ordinal suffix of the year, as in '7 sentyabr 2022-ci il'."""
    current = lang.current()
    assert current is not None
    return current.ordinal(year).rsplit("-", 1)[1]


# --------------------------------------------------------------------------- Russian

_RU_ADJECTIVE = (("ые", "ыми"), ("ие", "ими"), ("ая", "ой"), ("яя", "ей"), ("ый", "ым"),
                 ("ий", "им"), ("ое", "ым"), ("ее", "им"))  # fmt: skip
_RU_FLEETING = {"Египет": "Египтом"}
_RU_PLURAL_NOUNS = {"Острова": "Островами", "Штаты": "Штатами", "Эмираты": "Эмиратами"}


def _ru_noun(word: str) -> str:
    if word in _RU_FLEETING:
        return _RU_FLEETING[word]
    if word in _RU_PLURAL_NOUNS:
        return _RU_PLURAL_NOUNS[word]
    if word.endswith("я"):  # Япония -> Японией, Корея -> Кореей
        return word[:-1] + "ей"
    if word.endswith("а"):
        return word[:-1] + ("ей" if word[-2:-1] in "жшчщц" else "ой")
    if word.endswith("ы"):
        return word[:-1] + "ами"
    if word.endswith("й"):
        return word[:-1] + "ем"
    if word[-1] in "оеиуюэ" or not word[-1].isalpha():
        return word  # indeclinable: Того, Перу, Чили
    return word + "ом"


def instrumental_ru(phrase: str) -> str:
    """Азербайджаном, Японией, Соединенными Штатами, Республикой Корея."""
    words = phrase.split(" ")
    for i, word in enumerate(words):
        for ending, replacement in _RU_ADJECTIVE:
            if len(words) > 1 and i < len(words) - 1 and word.endswith(ending):
                words[i] = word[: -len(ending)] + replacement
                break
        else:
            words[i] = _ru_noun(word)
            break  # the first noun: what follows it stays as it is
    return " ".join(words)


# --------------------------------------------------------------------------- sentences


def _date(a: Anniversary) -> str:
    return long_date(a.date)


def _speaking(a: Anniversary) -> tuple[lang.Language, str, str]:
    """The current language and the two parties' names in it."""
    current = lang.current()
    assert current is not None
    return current, name(a.event.parties[0]), name(a.event.parties[1])


#: Sentences that need no declension: for the establishment of relations, for a
#: recognition, for any other event.
TEMPLATES = {
    "en": (
        (
            "{date} marks the {nth} anniversary of the establishment of diplomatic relations "
            "between {a} and {b}."
        ),
        "{date} marks the {nth} anniversary of the recognition of {other} by {by}.",
        "{date} marks the {nth} anniversary of “{title}” ({a} – {b}).",
    ),
    "ja": (
        "{date}は、{a}と{b}の外交関係樹立{nth}です。",
        "{date}は、{by}による{other}承認{nth}です。",
        "{date}は、「{title}」（{a}・{b}）から{nth}です。",
    ),
}


def _templated(a: Anniversary, language: str) -> str:
    e = a.event
    current = lang.current()
    # An English sentence takes an English ordinal, whatever locale names its dates.
    nth = a.ordinal if current is None or language == "en" else current.anniversary(a.years)
    relations, recognition, other = TEMPLATES[language]
    template = other
    if e.kind == "diplomatic-relations":
        template = relations
    elif e.kind == "recognition" and e.by:
        template = recognition
    by = e.by or e.parties[0]
    return template.format(
        date=_date(a),
        nth=nth,
        a=name(e.parties[0]),
        b=name(e.parties[1]),
        by=name(by),
        other=name(next(p for p in e.parties if p != by)),
        title=e.title,
    )


#: The words of the two Turkic sentences: (comma after the date, "with", "relations were
#: established" in the genitive, "event" in the genitive).
_TURKIC = {
    "az": ("", "ilə", "diplomatik münasibətlərin qurulmasının", "hadisəsinin"),
    "tr": (",", "ile", "diplomatik ilişkilerin kurulmasının", "olayının"),
}


def _turkic(a: Anniversary, language: str) -> str:
    """Azerbaijani and Turkish: "X ilə/ile Y arasında ... -nın N-cu ildönümüdür", the
    recognising state in the genitive and the recognised one in the accusative."""
    current, first, second = _speaking(a)
    comma, with_, relations, event = _TURKIC[language]
    e = a.event
    date = _date(a)
    if language == "az" and date[-1].isdigit():  # 7 sentyabr 2022-ci il
        date = f"{date}-{year_suffix_az(a.date.year)} il"
    date += comma
    ordinal = current.anniversary(a.years)
    if e.kind == "diplomatic-relations":
        return f"{date} {first} {with_} {second} arasında {relations} {ordinal}dür."
    if e.kind == "recognition" and e.by:
        other = name(next(p for p in e.parties if p != e.by))
        by = genitive(name(e.by), language)
        return f"{date} {by} {accusative(other, language)} tanımasının {ordinal}dür."
    return f"{date} «{e.title}» {event} {ordinal}dür ({first}, {second})."


def _ru(a: Anniversary) -> str:
    current, first, second = _speaking(a)
    e = a.event
    date = _date(a)
    if a.date.day is not None:  # 7 сентября 2022 года
        date = re.sub(r"\s*г\.$", "", date) + " года"
    years = current.anniversary(a.years)
    if e.kind == "diplomatic-relations":
        return (
            f"{date} — {years} установления дипломатических отношений между "
            f"{instrumental_ru(first)} и {instrumental_ru(second)}."
        )
    return f"{date} — {years} события «{e.title}» ({first}, {second})."


SENTENCES: dict[str, Callable[[Anniversary], str]] = {
    "az": lambda a: _turkic(a, "az"),
    "ja": lambda a: _templated(a, "ja"),
    "ru": _ru,
    "tr": lambda a: _turkic(a, "tr"),
}


def press_line(a: Anniversary) -> str:
    """The sentence for one anniversary, in the current language (English for locales
    without a grammar of their own here)."""
    current = lang.current()
    english: Callable[[Anniversary], str] = lambda a: _templated(a, "en")
    write = SENTENCES.get(current.base, english) if current is not None else english
    line = write(a)
    return line[:1].upper() + line[1:]  # a sentence starts with a capital: "Sentyabr 2022-ci il"


def press_lines(found: list[Anniversary]) -> str:
    return "".join(press_line(a) + "\n" for a in found)
