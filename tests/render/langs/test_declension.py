"""Every country bilat knows, declined in each language's press-line templates (the
relations line and the recognition line, the country recognising and recognised): the
forms are pinned in declension.json (reviewed by hand, one line per code; Russian: the
instrumental, accusative and genitive), and rules that no form may break are checked on
top, so that a change of rule or of CLDR shows here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bilat._country_table import NAMES
from bilat.domain import anniversaries_in
from bilat.render import lang
from bilat.render.common import name
from bilat.render.press import press_line
from tests.helpers import make_event

TABLE = json.loads((Path(__file__).parent / "declension.json").read_text(encoding="utf-8"))
LANGUAGES = ("az", "ja", "ru", "tr")


def line(code: str, partner: str, **fields: object) -> str:
    relations = make_event(parties=[partner, code], **fields)
    (found,) = anniversaries_in([relations], 2022, 5, "feb28")
    return press_line(found)


def test_the_table_covers_every_code_in_every_language() -> None:
    for language in LANGUAGES:
        assert set(TABLE[language]) == set(NAMES), language


@pytest.mark.usefixtures("speak")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_name_is_a_ministry_s_name_and_declines_as_pinned(language: str) -> None:
    lang.use(language)
    current = lang.current()
    assert current is not None
    for code in NAMES:
        expected = TABLE[language][code]
        shown = name(code)
        assert shown == expected[0], code
        assert current.country(code) is not None, code  # never the English fallback
        assert not re.search(r"[()]| - |о-ва|о-в\b", shown), (code, shown)
        partner = "JP" if code == "AZ" else "AZ"
        relations = line(code, partner)
        recognition = line(code, partner, kind="recognition", by=code)
        recognised = line(code, partner, kind="recognition", by=partner)
        partner_forms = TABLE[language][partner]
        if language == "ru":
            assert f"между {name(partner)[:-1]}" in relations
            assert relations.endswith(f" и {expected[1]}."), (code, relations)
            # признания <the recognised, genitive> <the recognising, instrumental>
            assert recognition.endswith(f" признания {partner_forms[3]} {expected[1]}.")
            assert recognised.endswith(f" признания {expected[3]} {partner_forms[1]}."), (
                code,
                recognised,
            )
        elif language in ("az", "tr"):
            assert f" {expected[0]} arasında" in relations, (code, relations)
            assert f" {expected[1]} {partner_forms[2]} tanımasının " in recognition, code
            assert f" {partner_forms[1]} {expected[2]} tanımasının " in recognised, code
        else:
            assert f"と{expected[0]}の外交関係樹立" in relations, (code, relations)
            assert f"、{expected[0]}による{partner_forms[0]}承認" in recognition, code
            assert f"による{expected[0]}承認" in recognised, (code, recognised)


@pytest.mark.parametrize("language", ["az", "tr"])
def test_turkic_forms_keep_the_name_and_add_one_harmonic_suffix(language: str) -> None:
    for code, (plain, of, object_) in TABLE[language].items():
        stem = plain[:-1] if plain.endswith("Krallıq") else plain
        assert of.startswith(stem), code
        assert object_.startswith(stem), code
        joint = "'" if language == "tr" else ""
        assert re.fullmatch(rf"{joint}n?[ıiuü]n", of[len(stem) :].replace("ğ", "")), code
        assert re.fullmatch(rf"{joint}[ny]?[ıiuü]", object_[len(stem) :].replace("ğ", "")), code


def test_russian_forms_have_no_impossible_endings() -> None:
    for code, (plain, instrumental, accusative, genitive) in TABLE["ru"].items():
        for form in (instrumental, accusative, genitive):
            assert not re.search(r"(?:[ьйаяоеиуыэю]ом|ыем|ьем)\b", form), (code, form)
            assert not re.search(r"[A-Za-z]", form), (code, form)
            assert len(form.split()) == len(plain.split()), code
        # no genitive in -ыа, -ьа, -йа, -ая, -ыы, -кы, -гы, -хы, -жы, -шы, -чы, -щы
        assert not re.search(r"(?:[ыьй]а|[аыкгхжшчщ]ы)\b", genitive), (code, genitive)
