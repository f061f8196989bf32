"""Russian (bilat.render.langs.ru): -летие, the instrumental after "между", the
accusative after "признаёт" and the genitive after "признания" by the word's ending and
a table of what rules cannot decide, verbs that agree with plural names, titles from
fields, the press line of a recognition."""

from __future__ import annotations

import pytest

from bilat.domain import anniversaries_in
from bilat.render import lang
from bilat.render.common import title
from bilat.render.langs import ru
from bilat.render.press import press_line
from tests.helpers import make_event


@pytest.mark.parametrize(
    ("nominative", "instrumental", "accusative", "genitive"),
    [("Беларусь", "Беларусью", "Беларусь", "Беларуси"),
     ("Израиль", "Израилем", "Израиль", "Израиля"), ("Китай", "Китаем", "Китай", "Китая"),
     ("КНДР", "КНДР", "КНДР", "КНДР"), ("ОАЭ", "ОАЭ", "ОАЭ", "ОАЭ"),
     ("Бангладеш", "Бангладеш", "Бангладеш", "Бангладеш"),
     ("Государство Палестина", "Государством Палестина", "Государство Палестина",
      "Государства Палестина"),
     ("Святой Престол", "Святым Престолом", "Святой Престол", "Святого Престола"),
     ("Советский Союз", "Советским Союзом", "Советский Союз", "Советского Союза"),
     ("Американское Самоа", "Американским Самоа", "Американское Самоа",
      "Американского Самоа"),
     ("Босния и Герцеговина", "Боснией и Герцеговиной", "Боснию и Герцеговину",
      "Боснии и Герцеговины"),
     ("Антигуа и Барбуда", "Антигуа и Барбудой", "Антигуа и Барбуду", "Антигуа и Барбуды"),
     ("Сент-Китс и Невис", "Сент-Китс и Невис", "Сент-Китс и Невис", "Сент-Китс и Невис"),
     ("Папуа — Новая Гвинея", "Папуа — Новой Гвинеей", "Папуа — Новую Гвинею",
      "Папуа — Новой Гвинеи"),
     ("Французские Южные и Антарктические территории",
      "Французскими Южными и Антарктическими территориями",
      "Французские Южные и Антарктические территории",
      "Французских Южных и Антарктических территорий"),
     ("Соединенные Штаты", "Соединенными Штатами", "Соединенные Штаты", "Соединенных Штатов"),
     ("Маршалловы Острова", "Маршалловыми Островами", "Маршалловы Острова",
      "Маршалловых Островов"),
     ("Япония", "Японией", "Японию", "Японии"), ("Мексика", "Мексикой", "Мексику", "Мексики"),
     ("Польша", "Польшей", "Польшу", "Польши"), ("Куба", "Кубой", "Кубу", "Кубы"),
     ("Мальдивы", "Мальдивами", "Мальдивы", "Мальдив")],
)  # fmt: skip
def test_cases(nominative: str, instrumental: str, accusative: str, genitive: str) -> None:
    assert ru.instrumental(nominative) == instrumental
    assert ru.accusative(nominative) == accusative
    assert ru.genitive(nominative) == genitive


def test_plural_names_and_anniversaries() -> None:
    assert ru.is_plural("Соединенные Штаты")
    assert ru.is_plural("ОАЭ")
    assert not ru.is_plural("КНДР")
    assert not ru.is_plural("Фиджи")
    assert ru.anniversary(3) == "3-я годовщина"
    assert ru.anniversary(30) == "30-летие"


@pytest.mark.usefixtures("speak")
def test_press_line_and_titles() -> None:
    lang.use("ru")
    belarus = make_event(parties=["AZ", "BY"], date="1993-06-11")
    (found,) = anniversaries_in([belarus], 2023, 5, "feb28")
    assert press_line(found).endswith("между Азербайджаном и Беларусью.")
    us = make_event(parties=["US", "AZ"], kind="recognition", by="US",
                    title="United States recognises Azerbaijan")  # fmt: skip
    assert title(us) == "Соединенные Штаты признают Азербайджан"
    jp = make_event(kind="recognition", by="JP", title="Japan recognises Azerbaijan")
    assert title(jp) == "Япония признаёт Азербайджан"
    (recognised,) = anniversaries_in([jp], 2022, 5, "feb28")
    # The recognised state in the genitive, the recognising one in the instrumental,
    # whoever --from puts first.
    for home in ("AZ", "JP"):
        lang.set_home(home)
        assert press_line(recognised) == (
            "7 сентября 2022 года — 30-летие признания Азербайджана Японией."
        )
    (year_only,) = anniversaries_in([make_event(date="1992", kind="agreement", title="T")],
                                    2022, 5, "feb28")  # fmt: skip
    assert press_line(year_only).startswith("2022 год — 30-летие")
