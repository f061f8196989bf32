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


def test_names_that_take_the_article_take_it_in_sentences() -> None:
    """ "between the United States and Japan", never "between United States and Japan"."""
    (found,) = anniversaries_in([make_event(parties=["US", "JP"])], 2022, 5, "feb28")
    assert en.press_line(found, ("US", "JP")).endswith("between the United States and Japan.")
    assert [en.in_sentence(c) for c in ("GB", "NL", "SB", "AE", "VA", "JP", "CD")] == [
        "the United Kingdom", "the Netherlands", "the Solomon Islands",
        "the United Arab Emirates", "the Holy See", "Japan", "DR Congo",
    ]  # fmt: skip
    from bilat._country_table import NAMES

    assert not [c for c in NAMES if en.in_sentence(c).lower().startswith("the the ")]
