"""The press line (bilat.render.press): one sentence per anniversary by each language's own
grammar, for every kind of event and every precision of date, and the declension helpers.
The establishment of relations in every language, and the commonest declensions:
tests/render/test_lang.py."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.codec import event_from_dict
from bilat.domain import Anniversary, anniversaries_in
from bilat.render import lang
from bilat.render.langs import az
from bilat.render.langs._turkic import accusative, genitive
from bilat.render.langs.ru import instrumental as instrumental_ru
from bilat.render.press import press_line, press_lines
from tests.helpers import event


def found(year: int, **fields: Any) -> Anniversary:
    (anniversary,) = anniversaries_in([event_from_dict(event(**fields))], year, 5)
    return anniversary


RECOGNITION = {"kind": "recognition", "by": "JP", "date": "1991-12-28", "title": "Recognition"}
VISIT = {"kind": "visit", "date": "1992-09", "title": "Gasimov in Tokyo"}
AGREEMENT = {"kind": "agreement", "date": "1992", "title": "Trade agreement"}


@pytest.mark.parametrize(
    ("year", "suffix"),
    [(2021, "ci"), (2022, "ci"), (2023, "cü"), (2024, "cü"), (2025, "ci"), (2026, "cı"),
     (2027, "ci"), (2028, "ci"), (2029, "cu"), (2030, "cu"), (2040, "cı"), (2060, "cı"),
     (2090, "cı"), (2100, "cü")],
)  # fmt: skip
def test_the_azerbaijani_year_suffix_follows_the_last_number_word(year: int, suffix: str) -> None:
    assert az.suffix(year) == suffix


@pytest.mark.parametrize(
    ("word", "language", "of", "object_"),
    [("Rusiya", "az", "Rusiyanın", "Rusiyanı"), ("Misir", "az", "Misirin", "Misiri"),
     ("Peru", "az", "Perunun", "Perunu"), ("Özbəkistan", "az", "Özbəkistanın", "Özbəkistanı"),
     ("Rusya", "tr", "Rusya'nın", "Rusya'yı"), ("Mısır", "tr", "Mısır'ın", "Mısır'ı"),
     ("Peru", "tr", "Peru'nun", "Peru'yu"), ("Ürdün", "tr", "Ürdün'ün", "Ürdün'ü"),
     ("Küba", "tr", "Küba'nın", "Küba'yı"), ("Türkiye", "tr", "Türkiye'nin", "Türkiye'yi")],
)  # fmt: skip
def test_turkic_cases_by_the_last_vowel_and_ending(
    word: str, language: str, of: str, object_: str
) -> None:
    assert genitive(word, language) == of
    assert accusative(word, language) == object_


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Мальдивы", "Мальдивами"), ("Франция", "Францией"), ("Куба", "Кубой"),
     ("Чили", "Чили"), ("Того", "Того"), ("Южный Судан", "Южным Суданом"),
     ("Саудовская Аравия", "Саудовской Аравией"),
     ("Объединённые Арабские Эмираты", "Объединёнными Арабскими Эмиратами"),
     ("Соединенные Штаты Америки", "Соединенными Штатами Америки")],
)  # fmt: skip
def test_russian_instrumental_declines_adjectives_and_the_first_noun(
    name: str, expected: str
) -> None:
    assert instrumental_ru(name) == expected


ENGLISH = [
    pytest.param(2021, RECOGNITION,
                 "28 December 2021 marks the 30th anniversary of the recognition of Azerbaijan "
                 "by Japan.", id="recognition"),
    pytest.param(2021, {**RECOGNITION, "by": None},
                 "28 December 2021 marks the 30th anniversary of “Recognition” (Azerbaijan – "
                 "Japan).", id="recognition-by-nobody"),
    pytest.param(2022, VISIT, "September 2022 marks the 30th anniversary of “Gasimov in Tokyo” "
                 "(Azerbaijan – Japan).", id="month"),
    pytest.param(2022, AGREEMENT, "2022 marks the 30th anniversary of “Trade agreement” "
                 "(Azerbaijan – Japan).", id="year"),
]  # fmt: skip


@pytest.mark.parametrize(("year", "fields", "expected"), ENGLISH)
def test_english_sentences_for_every_kind_and_precision(
    year: int, fields: dict[str, Any], expected: str
) -> None:
    assert press_line(found(year, **fields)) == expected


OTHER_LANGUAGES = [
    pytest.param("ja", 2021, RECOGNITION, "2021年12月28日は、日本によるアゼルバイジャン承認30周年です。",
                 id="ja-recognition"),
    pytest.param("ja", 2022, VISIT, "2022年9月は、「Gasimov in Tokyo」（アゼルバイジャン・日本）から"
                 "30周年です。", id="ja-other"),
    pytest.param("ru", 2021, RECOGNITION, "28 декабря 2021 года — 30-летие признания "
                 "Азербайджана Японией.", id="ru-day"),
    pytest.param("ru", 2021, {**RECOGNITION, "by": None}, "28 декабря 2021 года — 30-летие "
                 "события «Признание» (Азербайджан, Япония).", id="ru-recognition-by-nobody"),
    pytest.param("az", 2021, RECOGNITION, "28 dekabr 2021-ci il Yaponiyanın Azərbaycanı "
                 "tanımasının 30-cu ildönümüdür.", id="az-recognition"),
    pytest.param("tr", 2021, RECOGNITION, "28 Aralık 2021, Japonya'nın Azerbaycan'ı "
                 "tanımasının 30. yıl dönümüdür.", id="tr-recognition"),
    pytest.param("ru", 2022, AGREEMENT, "2022 год — 30-летие события «Trade agreement» "
                 "(Азербайджан, Япония).", id="ru-year"),
    pytest.param("az", 2022, AGREEMENT, "2022-ci il «Trade agreement» hadisəsinin 30-cu "
                 "ildönümüdür (Azərbaycan, Yaponiya).", id="az-year"),
    pytest.param("az", 2022, VISIT, "Sentyabr 2022-ci il «Gasimov in Tokyo» hadisəsinin 30-cu "
                 "ildönümüdür (Azərbaycan, Yaponiya).", id="az-month"),
    pytest.param("tr", 2022, VISIT, "Eylül 2022, “Gasimov in Tokyo” olayının 30. yıl dönümüdür "
                 "(Azerbaycan, Japonya).", id="tr-month"),
    pytest.param("tr", 2026, {**AGREEMENT, "date": "1996-06-13"}, "13 Haziran 2026, “Trade "
                 "agreement” olayının 30. yıl dönümüdür (Azerbaycan, Japonya).", id="tr-day"),
]  # fmt: skip


@pytest.mark.usefixtures("speak")
@pytest.mark.parametrize(("code", "year", "fields", "expected"), OTHER_LANGUAGES)
def test_sentences_in_the_languages_with_a_grammar_here(
    code: str, year: int, fields: dict[str, Any], expected: str
) -> None:
    anniversary = found(year, **fields)
    lang.use(code)
    assert press_line(anniversary) == expected


@pytest.mark.usefixtures("speak")
def test_russian_month_dates_get_no_year_genitive() -> None:
    anniversary = found(2022, **VISIT)
    lang.use("ru")
    line = press_line(anniversary)
    assert line.startswith("Сентябрь 2022\u202fг. — 30-летие")  # as CLDR writes it, capitalised
    assert "года" not in line


def test_press_lines_one_per_anniversary() -> None:
    both = [found(2022, id="r"), found(2022, id="v", **VISIT)]
    text = press_lines(both)
    assert text.splitlines() == [press_line(a) for a in both]
    assert text.endswith(".\n")
    assert press_lines([]) == ""


@pytest.mark.usefixtures("speak")
def test_a_locale_without_a_sentence_of_its_own_gets_a_whole_english_one() -> None:
    """No French date or name inside an English sentence: the whole line is English."""
    lang.use("fr")
    line = press_line(found(2022, date="1992-10", kind="visit", title="A visit"))
    assert line == "October 2022 marks the 30th anniversary of “A visit” (Azerbaijan – Japan)."
    assert lang.current_code() == "fr"  # and French again after it


#: A title that would retitle the terminal (OSC 0), print a link (OSC 8), colour (CSI, the
#: C1 CSI), reverse the text (bidi override and isolate), ring, back up and return.
HOSTILE = (
    "\x1b]0;pwned\x07 \x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\ \x9b31mred"
    " \u202eesrever\u202c \u2066iso\u2069 \u061c\u200e\u200f bell\x07 back\x08 del\x7f"
    " cr\rnl\n\u2028\u2029 \x00\x85 end"
)
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def assert_clean(text: str) -> None:
    import unicodedata

    bad = [c for c in text if unicodedata.category(c) in ("Cc", "Zl", "Zp") or c in BIDI_CONTROLS]
    assert bad == [], text


@pytest.mark.usefixtures("speak")
@pytest.mark.parametrize("code", ["en", "az", "ja", "ru", "tr", "fr"])
@pytest.mark.parametrize("kind", ["agreement", "visit"])
def test_the_press_line_holds_no_control_character(code: str, kind: str) -> None:
    """It is pasted into a release: every control of a store title is made visible, as
    the other outputs do (bilat.text.clean), and the sentence stays one line."""
    lang.use(code)
    line = press_line(found(2022, kind=kind, date="1992-09-07", title=HOSTILE))
    assert_clean(line)
    assert "\\x1b]0;pwned\\x07" in line
    assert "\\u202eesrever" in line
    assert_clean(press_lines([found(2022, title=HOSTILE, kind=kind)]).rstrip("\n"))
