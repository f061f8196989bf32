"""What Azerbaijani and Turkish share: suffixes by vowel harmony after a country's name.

The suffix takes the vowel that four-way harmony gives after the last vowel of the name;
a name ending in a vowel takes a buffer consonant. Azerbaijani writes the suffix onto the
name and softens a final q to ğ (Krallıq, Krallığın); Turkish writes a proper name's
suffix after an apostrophe, never softens it, and after a compound name's possessive
ending (Devletleri, Adaları, Cumhuriyeti) takes the buffer n where a plain vowel takes y
(Amerika Birleşik Devletleri'ni, but Japonya'yı).
"""

from __future__ import annotations

import re

_VOWELS = "aıoueəiöü"
# The vowel of a suffix after the last vowel of the word (four-way harmony).
_FOUR = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}
# A compound name ending in a possessive noun (Turkish): Devletleri, Adası, Cumhuriyeti.
_POSSESSIVE_TR = re.compile(r"(?:s[ıiuü]|l[ae]r[ıi]|ğ[ıiuü]|Cumhuriyeti|Devleti|Federasyonu)$")
#: Names written in their own spelling: how they end when spoken (the suffix follows the
#: sound: Côte d’Ivoire'ın, Guadeloupe'un, Jersey'nin).
_SPOKEN = {
    "Côte d’Ivoire": "vuar",
    "Guadeloupe": "lup",
    "Mayotte": "yot",
    "Belize": "liz",
    "Liechtenstein": "tayn",
    "Saint Barthelemy": "mi",
    "Guernsey": "zi",
    "Jersey": "zi",
}
#: Azerbaijani softens the final q of its own words (Krallıq, Krallığın), not of
#: foreign names (İraqın, Lüksemburqun).
_SOFTENS_AZ = re.compile(r"l[ıiuü]q$")


def _last_vowel(word: str) -> str:
    for char in reversed(word.casefold()):
        if char in _VOWELS:
            return char
    return "e"


def _stem(word: str, language: str) -> tuple[str, str]:
    """The name as the suffix joins it, and the joint (an apostrophe or nothing)."""
    if language == "tr":
        return word, "'"
    if _SOFTENS_AZ.search(word):
        return word[:-1] + "ğ", ""  # Krallıq -> Krallığ-ın
    return word, ""


def _vowel(word: str) -> tuple[str, bool]:
    """The harmony vowel of the suffix, and whether the name ends in a vowel."""
    word = _SPOKEN.get(word, word)
    return _FOUR[_last_vowel(word)], word[-1].casefold() in _VOWELS


def genitive(word: str, language: str) -> str:
    """Azərbaycanın, Yaponiyanın, Krallığın; Japonya'nın, Azerbaycan'ın."""
    vowel, after_vowel = _vowel(word)
    stem, joint = _stem(word, language)
    return f"{stem}{joint}{'n' if after_vowel else ''}{vowel}n"


def accusative(word: str, language: str) -> str:
    """Azərbaycanı, Yaponiyanı; Azerbaycan'ı, Japonya'yı, Devletleri'ni."""
    vowel, after_vowel = _vowel(word)
    stem, joint = _stem(word, language)
    buffer = ""
    if after_vowel:
        possessive = language == "az" or (" " in word and _POSSESSIVE_TR.search(word))
        buffer = "n" if possessive else "y"
    return f"{stem}{joint}{buffer}{vowel}"
