"""Russian: "-летие"/"-я годовщина", the instrumental after "между" and "признания ...
Японией", the accusative after "признаёт" and the genitive after "признания", by the
rules of each word's ending (adjectives before the first noun agree with it; what follows
the first noun stays as it is), with the names the rules cannot decide in
:data:`IRREGULAR`; the press line and titles."""

from __future__ import annotations

import re

from bilat.domain import Anniversary, Event
from bilat.render.common import long_date, name
from bilat.render.common import title as stored_title

from ._formulas import formula

# Adjective endings: (nominative, instrumental, accusative, genitive).
_ADJECTIVES = (("ые", "ыми", "ые", "ых"), ("ие", "ими", "ие", "их"), ("ая", "ой", "ую", "ой"),
               ("яя", "ей", "юю", "ей"), ("ый", "ым", "ый", "ого"), ("ий", "им", "ий", "его"),
               ("ое", "ым", "ое", "ого"), ("ее", "им", "ее", "его"), ("ой", "ым", "ой", "ого"),
               ("овы", "овыми", "овы", "овых"), ("евы", "евыми", "евы", "евых"))  # fmt: skip
#: After these consonants an adjective's ы is written и: Американским, Святым.
_SOFTENING = "гкхжшчщ"
#: The cases, as indexes into :data:`IRREGULAR`'s forms and after the nominative in
#: :data:`_ADJECTIVES`.
INSTRUMENTAL, ACCUSATIVE, GENITIVE = 0, 1, 2
#: Nouns that are declined unlike their ending suggests, or that are indeclinable
#: although they end like a declinable word: nominative -> (instrumental, accusative,
#: genitive).
IRREGULAR = {
    "Египет": ("Египтом", "Египет", "Египта"),
    "Беларусь": ("Беларусью", "Беларусь", "Беларуси"),
    "Бангладеш": ("Бангладеш", "Бангладеш", "Бангладеш"),
    "Государство": ("Государством", "Государство", "Государства"),
    "Королевство": ("Королевством", "Королевство", "Королевства"),
    "Княжество": ("Княжеством", "Княжество", "Княжества"),
    "Содружество": ("Содружеством", "Содружество", "Содружества"),
    "Сан-Марино": ("Сан-Марино", "Сан-Марино", "Сан-Марино"),
    "Тимор-Лесте": ("Тимор-Лесте", "Тимор-Лесте", "Тимор-Лесте"),
    "Буркина-Фасо": ("Буркина-Фасо", "Буркина-Фасо", "Буркина-Фасо"),
    "Кабо-Верде": ("Кабо-Верде", "Кабо-Верде", "Кабо-Верде"),
    "Гвинея-Бисау": ("Гвинеей-Бисау", "Гвинею-Бисау", "Гвинеи-Бисау"),
    "Сент-Китс": ("Сент-Китс", "Сент-Китс", "Сент-Китс"),
    "Сан-Томе": ("Сан-Томе", "Сан-Томе", "Сан-Томе"),
}
#: Plural names whose genitive takes -ов (Штатов, Нидерландов); the others drop their
#: ending (Мальдив, Филиппин, Комор, Багам, Гренадин).
_PLURAL_GENITIVE_OV = ("Штаты", "Нидерланды")
_SIBILANT = "жшчщц"
#: Abbreviations of plural names (ОАЭ признают ...); КНДР is singular.
_PLURAL_ABBREVIATIONS = ("ОАЭ", "США")


def year(year: int) -> str:
    return str(year)


def ordinal(n: int) -> str:
    return f"{n}-я"  # годовщина is feminine


def anniversary(n: int) -> str:
    # -летие for round numbers from 5, годовщина for the first ones: 5-летие, 30-летие,
    # but 1-я годовщина, 2-я годовщина.
    return f"{n}-летие" if n >= 5 else f"{ordinal(n)} годовщина"


def _plural(word: str) -> bool:
    return word.endswith(("ы", "ии")) or word.casefold() == "острова"


def _plural_genitive(word: str) -> str:
    if word.endswith("ии"):  # территории -> территорий
        return word[:-1] + "й"
    if word.casefold() == "острова" or word in _PLURAL_GENITIVE_OV:
        return word[:-1] + "ов"
    return word[:-1]  # Мальдивы -> Мальдив


def _noun(word: str, case: int) -> str:
    """One noun in the instrumental, the accusative or the genitive (:data:`INSTRUMENTAL`,
    ...)."""
    if word in IRREGULAR:
        return IRREGULAR[word][case]
    if _plural(word):  # Мальдивы, Нидерланды, Острова, территории
        if case == GENITIVE:
            return _plural_genitive(word)
        return word if case else word[:-1] + ("ями" if word.endswith("и") else "ами")
    if word.isupper() or word[-1] in "оеиуюэё" or not word[-1].isalpha():
        return word  # indeclinable: КНДР, ОАЭ, Того, Перу, Чили
    if word.endswith("а") and word[-2:-1] in "аеиоуюяэ":
        return word  # indeclinable: Самоа, Папуа, Никарагуа
    if word.endswith("я"):  # Япония -> Японией, Японию, Японии
        return word[:-1] + ("ей", "ю", "и")[case]
    if word.endswith("а"):  # Куба -> Кубой, Кубу, Кубы; Польша -> Польшей, Польши
        before = word[-2:-1]
        endings = ("ей" if before in _SIBILANT else "ой", "у", "и" if before in _SOFTENING else "ы")
        return word[:-1] + endings[case]
    if case == ACCUSATIVE:
        return word  # a masculine inanimate noun: Азербайджан
    if word.endswith(("й", "ь")):  # Китай -> Китаем, Китая; Израиль -> Израилем, Израиля
        return word[:-1] + ("ем" if case == INSTRUMENTAL else "я")
    if case == GENITIVE:
        return word + "а"  # Азербайджана
    return word + ("ем" if word[-1] in _SIBILANT else "ом")


def _decline(phrase: str, case: int) -> str:
    words = phrase.split(" ")
    for i, word in enumerate(words):
        if word == "и":  # Французские Южные и Антарктические территории
            continue
        if i < len(words) - 1 and not word.isupper():
            adjective = next((a for a in _ADJECTIVES if word.endswith(a[0])), None)
            if adjective is not None:
                ending = adjective[1 + case]
                before = word[-len(adjective[0]) - 1]
                if adjective[0][0] in "ыо" and before in _SOFTENING:
                    ending = ending.replace("ы", "и")
                if adjective[0] == "ий" and before in "гкх":
                    ending = ending.replace("его", "ого")  # Советского, but Синего
                words[i] = word[: -len(adjective[0])] + ending
                continue
        words[i] = _noun(word, case)
        # Босния и Герцеговина, Антигуа и Барбуда (not Сент-Китс и Невис, which the table
        # keeps whole), Папуа — Новая Гвинея
        joined = words[i + 1 : i + 2] == ["—"] or (
            words[i + 1 : i + 2] == ["и"] and IRREGULAR.get(word, ("",))[0] != word
        )
        if joined and i + 2 < len(words):
            words[i + 2 :] = _decline(" ".join(words[i + 2 :]), case).split(" ")
        break  # the first noun: what follows it stays as it is
    return " ".join(words)


def instrumental(phrase: str) -> str:
    """Азербайджаном, Японией, Соединенными Штатами, Республикой Корея, КНДР."""
    return _decline(phrase, INSTRUMENTAL)


def accusative(phrase: str) -> str:
    """Азербайджан, Японию, Соединенные Штаты, Республику Корея."""
    return _decline(phrase, ACCUSATIVE)


def genitive(phrase: str) -> str:
    """Азербайджана, Японии, Соединенных Штатов, Республики Корея, КНДР."""
    return _decline(phrase, GENITIVE)


def is_plural(phrase: str) -> bool:
    """Whether the name's first noun is plural (Соединенные Штаты признают ...)."""
    for word in phrase.split(" "):
        if word == "и":
            continue
        if not any(word.endswith(a[0]) for a in _ADJECTIVES) or word.isupper():
            return word in _PLURAL_ABBREVIATIONS or (word not in IRREGULAR and _plural(word))
    return False


def _date(a: Anniversary) -> str:
    """7 сентября 2022 года, сентябрь 2022 г., 2022 год."""
    text = long_date(a.date)
    if a.date.day is not None:
        return re.sub(r"\s*г\.$", "", text) + " года"
    if a.date.month is None:
        return f"{text} год"
    return text


def press_line(a: Anniversary, pair: tuple[str, str]) -> str:
    e = a.event
    first, second = (name(code) for code in pair)
    date, years = _date(a), anniversary(a.years)
    if e.kind == "diplomatic-relations":
        return (
            f"{date} — {years} установления дипломатических отношений между "
            f"{instrumental(first)} и {instrumental(second)}."
        )
    if e.kind == "recognition" and e.by:  # признания Азербайджана Японией
        other = name(next(p for p in e.parties if p != e.by))
        return f"{date} — {years} признания {genitive(other)} {instrumental(name(e.by))}."
    return f"{date} — {years} события «{stored_title(e)}» ({first}, {second})."


#: Subject-first titles, for a country and for a plural name (Соединенные Штаты).
_ACTS = {
    "recognises": ("{by} признаёт {other_acc}", "{by} признают {other_acc}"),
    "embassy-in": ("{by} открывает посольство ({place})", "{by} открывают посольство ({place})"),
    "opens-embassy": ("{by} открывает посольство", "{by} открывают посольство"),
    "opens-legation": ("{by} открывает миссию", "{by} открывают миссию"),
    "raises-legation": (
        "{by} преобразует свою миссию в посольство",
        "{by} преобразуют свою миссию в посольство",
    ),
    "closes-mission": (
        "{by} закрывает своё представительство или приостанавливает его работу",
        "{by} закрывают своё представительство или приостанавливают его работу",
    ),
    "reopens-embassy": ("{by} вновь открывает посольство", "{by} вновь открывают посольство"),
    "reopens-legation": ("{by} вновь открывает миссию", "{by} вновь открывают миссию"),
    "opens-mission": (
        "{by} открывает представительство ниже уровня посольства",
        "{by} открывают представительство ниже уровня посольства",
    ),
    "opens-consulates": ("{by} открывает консульства", "{by} открывают консульства"),
    "severs": (
        "{by} разрывает дипломатические отношения",
        "{by} разрывают дипломатические отношения",
    ),
}
_STATES = {
    "established": "Установлены дипломатические отношения",
    "restored": "Дипломатические отношения восстановлены",
    "suspended": "Дипломатические отношения приостановлены",
    "severed": "Дипломатические отношения разорваны",
    "consular": "Установлены консульские отношения",
    "mutual": "Взаимное признание",
    "legations-raised": "Миссии преобразованы в посольства",
}


def title(event: Event, pair: tuple[str, str]) -> str | None:
    found = formula(event)
    if found is None:
        return None
    if found.key in _STATES:
        return _STATES[found.key] + found.tail
    assert found.by is not None
    by = name(found.by)
    template = _ACTS[found.key][is_plural(by)]
    other = accusative(name(found.other)) if found.other else ""
    return template.format(by=by, other_acc=other, place=found.place) + found.tail
