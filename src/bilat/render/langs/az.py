"""Azerbaijani: ordinals and case suffixes by vowel harmony, the press line, titles.

The ordinal suffix (-ci, -cı, -cu, -cü) follows the last word that is pronounced: bir
(1-ci), üç (3-cü), altı (6-cı), doqquz (9-cu), on (10-cu), qırx (40-cı), yüz (100-cü),
min (1000-ci, 2000-ci), milyon (1000000-cu). A year is an ordinal: "2022-ci il", and
"in 2022" is "2022-ci ildə".
"""

from __future__ import annotations

from bilat.domain import Anniversary, Event
from bilat.render.common import long_date, name
from bilat.render.common import title as stored_title

from ._formulas import formula_title
from ._turkic import accusative, genitive

_UNITS = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
_TENS = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}
#: yüz, min, milyon, milyard: the last word of a round number.
_ROUND = ((1_000_000_000, "cı"), (1_000_000, "cu"), (1_000, "ci"), (100, "cü"))


def suffix(n: int) -> str:
    """The ordinal suffix of ``n``, by the last word pronounced."""
    if n % 10:
        return _UNITS[n % 10]
    if n % 100:
        return _TENS[n % 100 // 10]
    for unit, ending in _ROUND:
        if n % unit == 0:
            return ending
    return "cü"  # 100, 200, ... not a multiple of 1000: yüz


def year(year: int) -> str:
    return f"{year}-{suffix(year)} il"


def ordinal(n: int) -> str:
    return f"{n}-{suffix(n) if n else 'cı'}"  # sıfırıncı


def anniversary(n: int) -> str:
    return f"{ordinal(n)} ildönümü"


def _date(a: Anniversary) -> str:
    """7 sentyabr 2022-ci il, Sentyabr 2022-ci il, 2022-ci il."""
    text = long_date(a.date)
    if a.date.month is not None:
        text = f"{text}-{suffix(a.date.year)} il"
    return text


def press_line(a: Anniversary, pair: tuple[str, str]) -> str:
    e = a.event
    first, second = (name(code) for code in pair)
    date, nth = _date(a), anniversary(a.years)
    if e.kind == "diplomatic-relations":
        return (
            f"{date} {first} ilə {second} arasında diplomatik münasibətlərin qurulmasının {nth}dür."
        )
    if e.kind == "recognition" and e.by:
        other = name(next(p for p in e.parties if p != e.by))
        return (
            f"{date} {genitive(name(e.by), 'az')} {accusative(other, 'az')} tanımasının {nth}dür."
        )
    return f"{date} «{stored_title(e)}» hadisəsinin {nth}dür ({first}, {second})."


_ACTS = {
    "recognises": "{by} {other_acc} tanıyıb",
    "embassy-in": "{by} səfirliyi açılıb ({place})",
    "opens-embassy": "{by} səfirlik açıb",
    "opens-legation": "{by} missiya açıb",
    "raises-legation": "{by} missiyasını səfirlik səviyyəsinə qaldırıb",
    "closes-mission": "{by} nümayəndəliyini bağlayıb və ya fəaliyyətini dayandırıb",
    "reopens-embassy": "{by} səfirliyini yenidən açıb",
    "reopens-legation": "{by} missiyasını yenidən açıb",
    "opens-mission": "{by} səfirlik səviyyəsindən aşağı nümayəndəlik açıb",
    "opens-consulates": "{by} konsulluqlar açıb",
    "severs": "{by} diplomatik münasibətləri kəsib",
    "established": "Diplomatik münasibətlər qurulub",
    "restored": "Diplomatik münasibətlər bərpa olunub",
    "suspended": "Diplomatik münasibətlər dayandırılıb",
    "severed": "Diplomatik münasibətlər kəsilib",
    "consular": "Konsulluq münasibətləri qurulub",
    "mutual": "Qarşılıqlı tanınma",
    "legations-raised": "Missiyalar səfirlik səviyyəsinə qaldırılıb",
}


def title(event: Event, pair: tuple[str, str]) -> str | None:
    return formula_title(event, _ACTS, lambda text: accusative(text, "az"))
