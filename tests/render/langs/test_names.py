"""The diplomatic names (bilat.render.langs.names): used before CLDR, one per catalogued
language, for the states CLDR misnames and the former states it does not know."""

from __future__ import annotations

import pytest

from bilat._country_table import NAMES
from bilat.render import lang
from bilat.render.common import name
from bilat.render.langs.names import all_names, diplomatic_name


def test_every_former_state_has_a_name_in_every_language() -> None:
    former = [code for code in NAMES if len(code) == 4]
    for language in ("az", "ja", "ru", "tr"):
        assert set(former) <= set(all_names(language)), language
    assert diplomatic_name("PS", "fr") is None
    assert diplomatic_name("FR", "az") is None


@pytest.mark.usefixtures("speak")
@pytest.mark.parametrize(
    ("language", "code", "shown"),
    [("ru", "PS", "Государство Палестина"), ("az", "VA", "Müqəddəs Taxt-Tac"),
     ("ja", "CD", "コンゴ民主共和国"), ("tr", "CG", "Kongo Cumhuriyeti"),
     ("tr", "MM", "Myanmar"), ("ja", "DDDE", "ドイツ民主共和国"), ("ru", "MH", "Маршалловы Острова"),
     ("az", "SUHH", "Sovet İttifaqı")],
)  # fmt: skip
def test_the_table_comes_before_cldr(language: str, code: str, shown: str) -> None:
    lang.use(language)
    assert name(code) == shown
