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


def _en(a: Anniversary) -> str:
    e, first, second = a.event, name(a.event.parties[0]), name(a.event.parties[1])
    what = f"the {lang.english_ordinal(a.years)} anniversary of"
    if e.kind == "diplomatic-relations":
        return f"{_date(a)} marks {what} the establishment of diplomatic relations between {first} and {second}."
    if e.kind == "recognition" and e.by:
        other = name(next(p for p in e.parties if p != e.by))
        return f"{_date(a)} marks {what} the recognition of {other} by {name(e.by)}."
    return f"{_date(a)} marks {what} “{e.title}” ({first} – {second})."


def _az(a: Anniversary) -> str:
    current = lang.current()
    assert current is not None
    e = a.event
    date = _date(a)
    if date[-1].isdigit():  # 7 sentyabr 2022-ci il
        date = f"{date}-{year_suffix_az(a.date.year)} il"
    ordinal = current.anniversary(a.years)
    first, second = name(e.parties[0]), name(e.parties[1])
    if e.kind == "diplomatic-relations":
        return (
            f"{date} {first} ilə {second} arasında diplomatik münasibətlərin "
            f"qurulmasının {ordinal}dür."
        )
    if e.kind == "recognition" and e.by:
        other = name(next(p for p in e.parties if p != e.by))
        by = genitive(name(e.by), "az")
        return f"{date} {by} {accusative(other, 'az')} tanımasının {ordinal}dür."
    return f"{date} «{e.title}» hadisəsinin {ordinal}dür ({first}, {second})."


def _tr(a: Anniversary) -> str:
    current = lang.current()
    assert current is not None
    e = a.event
    ordinal = current.anniversary(a.years)
    first, second = name(e.parties[0]), name(e.parties[1])
    if e.kind == "diplomatic-relations":
        return (
            f"{_date(a)}, {first} ile {second} arasında diplomatik ilişkilerin "
            f"kurulmasının {ordinal}dür."
        )
    if e.kind == "recognition" and e.by:
        other = name(next(p for p in e.parties if p != e.by))
        by = genitive(name(e.by), "tr")
        return f"{_date(a)}, {by} {accusative(other, 'tr')} tanımasının {ordinal}dür."
    return f"{_date(a)}, «{e.title}» olayının {ordinal}dür ({first}, {second})."


def _ja(a: Anniversary) -> str:
    current = lang.current()
    assert current is not None
    e = a.event
    years = current.anniversary(a.years)
    first, second = name(e.parties[0]), name(e.parties[1])
    if e.kind == "diplomatic-relations":
        return f"{_date(a)}は、{first}と{second}の外交関係樹立{years}です。"
    if e.kind == "recognition" and e.by:
        other = name(next(p for p in e.parties if p != e.by))
        return f"{_date(a)}は、{name(e.by)}による{other}承認{years}です。"
    return f"{_date(a)}は、「{e.title}」（{first}・{second}）から{years}です。"


def _ru(a: Anniversary) -> str:
    current = lang.current()
    assert current is not None
    e = a.event
    date = _date(a)
    if a.date.day is not None:  # 7 сентября 2022 года
        date = re.sub(r"\s*г\.$", "", date) + " года"
    years = current.anniversary(a.years)
    first, second = name(e.parties[0]), name(e.parties[1])
    if e.kind == "diplomatic-relations":
        return (
            f"{date} — {years} установления дипломатических отношений между "
            f"{instrumental_ru(first)} и {instrumental_ru(second)}."
        )
    return f"{date} — {years} события «{e.title}» ({first}, {second})."


SENTENCES: dict[str, Callable[[Anniversary], str]] = {
    "az": _az,
    "ja": _ja,
    "ru": _ru,
    "tr": _tr,
}


def press_line(a: Anniversary) -> str:
    """The sentence for one anniversary, in the current language (English for locales
    without a grammar of their own here)."""
    current = lang.current()
    write = SENTENCES.get(current.base, _en) if current is not None else _en
    return write(a)


def press_lines(found: list[Anniversary]) -> str:
    return "".join(press_line(a) + "\n" for a in found)
