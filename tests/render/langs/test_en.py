"""English (bilat.render.langs.en): the built-in sentences, titles as stored."""

from __future__ import annotations

from bilat.domain import anniversaries_in
from bilat.render import lang
from bilat.render.langs import en, grammar
from tests.helpers import make_event


def test_english_words() -> None:
    assert (en.year(2022), en.ordinal(22), en.anniversary(111)) == (
        "2022", "22nd", "111th anniversary")  # fmt: skip
    assert en.title(make_event(title="Japan recognises Azerbaijan"), ("AZ", "JP")) is None


def test_the_home_country_comes_first() -> None:
    (found,) = anniversaries_in([make_event()], 2022, 5, "feb28")
    assert en.press_line(found, ("JP", "AZ")).endswith("between Japan and Azerbaijan.")
    lang.set_home("JP")
    try:
        assert lang.ordered(["AZ", "JP"]) == ["JP", "AZ"]
        assert lang.ordered(["AZ", "TR"]) == ["AZ", "TR"]
    finally:
        lang.set_home(None)


def test_every_language_module_implements_the_interface() -> None:
    assert grammar("fr") is None
    for code in ("az", "en", "ja", "ru", "tr"):
        module = grammar(code)
        assert module is not None
        for function in ("year", "ordinal", "anniversary", "press_line", "title"):
            assert callable(getattr(module, function)), (code, function)
