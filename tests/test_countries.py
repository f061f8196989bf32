from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from bilat import _country_table, countries
from bilat.countries import UnknownCountry, fold, is_known, name, resolve

pycountry = pytest.importorskip("pycountry")

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "tools" / "gen_countries.py"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_countries", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_table_is_up_to_date(generator: ModuleType) -> None:
    names, alpha3, aliases = generator.build()
    assert names == _country_table.NAMES
    assert alpha3 == _country_table.ALPHA3
    assert aliases == _country_table.ALIASES


def test_generated_file_text_is_up_to_date(generator: ModuleType) -> None:
    text = (ROOT / "src" / "bilat" / "_country_table.py").read_text(encoding="utf-8")
    assert text == generator.render(*generator.build())
    assert text.startswith("# GENERATED FILE")
    assert "python tools/gen_countries.py" in text


def test_alias_keys_are_folded() -> None:
    for key in _country_table.ALIASES:
        assert fold(key) == key


def test_alias_and_alpha3_targets_are_known() -> None:
    for code in [*_country_table.ALIASES.values(), *_country_table.ALPHA3.values()]:
        assert is_known(code)


def test_every_display_name_resolves_to_its_code() -> None:
    for code, display in _country_table.NAMES.items():
        assert resolve(display) == code


@pytest.mark.parametrize("country", list(pycountry.countries), ids=lambda c: c.alpha_2)
def test_every_pycountry_code_and_name_resolves(country: object) -> None:
    code: str = country.alpha_2  # type: ignore[attr-defined]
    alpha3: str = country.alpha_3  # type: ignore[attr-defined]
    assert is_known(code)
    assert resolve(code) == code
    assert resolve(code.lower()) == code
    assert resolve(alpha3) == code
    assert resolve(alpha3.lower()) == code
    assert resolve(country.name) == code  # type: ignore[attr-defined]


SHORT_FORMS = {
    "Russia": "RU",
    "Russian Federation": "RU",
    "Turkey": "TR",
    "Türkiye": "TR",
    "Turkiye": "TR",
    "South Korea": "KR",
    "Republic of Korea": "KR",
    "North Korea": "KP",
    "DPRK": "KP",
    "Iran": "IR",
    "Syria": "SY",
    "Vietnam": "VN",
    "Viet Nam": "VN",
    "Laos": "LA",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Tanzania": "TZ",
    "Moldova": "MD",
    "Czech Republic": "CZ",
    "Czechia": "CZ",
    "UK": "GB",
    "U.K.": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "United Kingdom": "GB",
    "USA": "US",
    "US": "US",
    "U.S.A.": "US",
    "America": "US",
    "United States of America": "US",
    "Vatican": "VA",
    "Vatican City": "VA",
    "Holy See": "VA",
    "Macedonia": "MK",
    "North Macedonia": "MK",
    "Ivory Coast": "CI",
    "Côte d'Ivoire": "CI",
    "Cape Verde": "CV",
    "Cabo Verde": "CV",
    "Swaziland": "SZ",
    "Eswatini": "SZ",
    "Burma": "MM",
    "Brunei": "BN",
    "Micronesia": "FM",
    "DR Congo": "CD",
    "DRC": "CD",
    "Congo-Kinshasa": "CD",
    "Democratic Republic of the Congo": "CD",
    "Zaire": "CD",
    "Congo": "CG",
    "Congo-Brazzaville": "CG",
    "Republic of the Congo": "CG",
    "East Timor": "TL",
    "Timor-Leste": "TL",
    "Palestine": "PS",
    "State of Palestine": "PS",
    "Taiwan": "TW",
    "Kosovo": "XK",
    "Soviet Union": "SUHH",
    "USSR": "SUHH",
    "East Germany": "DDDE",
    "GDR": "DDDE",
    "DDR": "DDDE",
    "German Democratic Republic": "DDDE",
    "Yugoslavia": "YUCS",
    "Czechoslovakia": "CSHH",
    "UAE": "AE",
    "Emirates": "AE",
    "Netherlands": "NL",
    "The Netherlands": "NL",
    "Bosnia": "BA",
    "Bosnia & Herzegovina": "BA",
    "The Gambia": "GM",
    "Trinidad & Tobago": "TT",
    "Guinea Bissau": "GW",
}


@pytest.mark.parametrize(("text", "code"), SHORT_FORMS.items())
def test_short_forms(text: str, code: str) -> None:
    assert resolve(text) == code


@pytest.mark.parametrize("text", ["Korea", "Holland"])
def test_deliberately_absent(text: str) -> None:
    with pytest.raises(UnknownCountry):
        resolve(text)


@pytest.mark.parametrize(
    "text",
    [
        "AZ",
        "az",
        "aze",
        "AZE",
        "Azerbaijan",
        "AZERBAIJAN",
        "azerbaijan",
        "  Azerbaijan \n",
        "Republic of Azerbaijan",
    ],
)
def test_codes_and_names_in_any_case(text: str) -> None:
    assert resolve(text) == "AZ"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("russia", "RU"),
        ("RUSSIA", "RU"),
        ("south korea", "KR"),
        ("SOUTH   KOREA", "KR"),
        ("côte d'ivoire", "CI"),
        ("CÔTE D\u2019IVOIRE", "CI"),
        ("cote divoire", "CI"),
        ("Curacao", "CW"),
        ("reunion", "RE"),
        ("aland islands", "AX"),
        ("Sao Tome & Principe", "ST"),
        ("São Tomé and Príncipe", "ST"),
        ("TÜRKİYE", "TR"),
        ("u.s. virgin islands", "VI"),
        ("korea, republic of", "KR"),
        ("holy see (vatican city state)", "VA"),
    ],
)
def test_case_and_accent_insensitive(text: str, code: str) -> None:
    assert resolve(text) == code


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Côte d'Ivoire", "cote divoire"),
        ("  The   Gambia ", "gambia"),
        ("the", "the"),
        ("U.S.", "us"),
        ("Guinea-Bissau", "guinea bissau"),
        ("Korea, Democratic People's Republic of", "korea democratic peoples republic of"),
        ("Trinidad & Tobago", "trinidad and tobago"),
        ("Straße", "strasse"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("code", "display"),
    [
        ("XK", "Kosovo"),
        ("SUHH", "Soviet Union"),
        ("DDDE", "East Germany"),
        ("YUCS", "Yugoslavia"),
        ("CSHH", "Czechoslovakia"),
    ],
)
def test_non_iso_3166_1_codes(code: str, display: str) -> None:
    assert is_known(code)
    assert name(code) == display
    assert resolve(code) == code
    assert resolve(code.lower()) == code
    assert resolve(display) == code


def test_kosovo_alpha3() -> None:
    assert resolve("XKX") == "XK"
    assert resolve("xkx") == "XK"


def test_renamed_historic_codes_resolve_to_successor() -> None:
    assert not is_known("ZRCD")
    assert resolve("ZRCD") == "CD"
    assert resolve("Upper Volta") == "BF"
    assert resolve("Dahomey") == "BJ"


OVERRIDES = {
    "RU": "Russia",
    "VA": "Holy See",
    "TR": "Türkiye",
    "GB": "United Kingdom",
    "US": "United States",
    "KR": "South Korea",
    "KP": "North Korea",
    "MD": "Moldova",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "SY": "Syria",
    "LA": "Laos",
    "VN": "Vietnam",
    "BN": "Brunei",
    "FM": "Micronesia",
    "PS": "Palestine",
    "CD": "DR Congo",
    "CG": "Congo",
    "IR": "Iran",
    "BO": "Bolivia",
    "TW": "Taiwan",
    "MK": "North Macedonia",
    "CZ": "Czechia",
}


@pytest.mark.parametrize(("code", "display"), OVERRIDES.items())
def test_display_overrides(code: str, display: str) -> None:
    assert name(code) == display


def test_no_display_name_has_comma_or_parenthesis() -> None:
    for code, display in _country_table.NAMES.items():
        assert not any(ch in display for ch in ",()"), (code, display)


def test_display_names_are_unique() -> None:
    displays = list(_country_table.NAMES.values())
    assert len(displays) == len(set(displays))


def test_is_known_is_exact() -> None:
    assert is_known("AZ")
    assert not is_known("az")
    assert not is_known("AZE")
    assert not is_known("")
    assert not is_known("ZZ")


def test_name_of_unknown_code_is_the_code() -> None:
    assert name("ZZ") == "ZZ"
    assert name("") == ""


def test_typo_suggests() -> None:
    with pytest.raises(UnknownCountry) as excinfo:
        resolve("Azerbajan")
    error = excinfo.value
    assert isinstance(error, ValueError)
    assert error.text == "Azerbajan"
    assert error.suggestions[0] == "Azerbaijan (AZ)"
    assert str(error).startswith("unknown country 'Azerbajan'; did you mean Azerbaijan (AZ)")


def test_single_suggestion_message() -> None:
    error = UnknownCountry("Azerbajan", ("Azerbaijan (AZ)",))
    assert str(error) == "unknown country 'Azerbajan'; did you mean Azerbaijan (AZ)?"


def test_several_suggestions_message() -> None:
    error = UnknownCountry("x", ("A (AA)", "B (BB)", "C (CC)"))
    assert str(error) == "unknown country 'x'; did you mean A (AA), B (BB) or C (CC)?"


@pytest.mark.parametrize("text", ["Slovkia", "Austrai", "Nigerria", "Sweeden", "Gemany"])
def test_suggestions_are_few_and_distinct(text: str) -> None:
    with pytest.raises(UnknownCountry) as excinfo:
        resolve(text)
    suggestions = excinfo.value.suggestions
    assert 1 <= len(suggestions) <= 3
    assert len(set(suggestions)) == len(suggestions)


@pytest.mark.parametrize(
    ("text", "suggestion"), [("AZR", "Azerbaijan (AZ)"), ("SUHX", "Soviet Union (SUHH)")]
)
def test_code_typo_suggests_code_of_same_length(text: str, suggestion: str) -> None:
    with pytest.raises(UnknownCountry) as excinfo:
        resolve(text)
    assert suggestion in excinfo.value.suggestions


def test_suggestions_deduplicated_by_code() -> None:
    # "Russia", "Russian Federation" and "RUS" are all close; RU must appear once.
    with pytest.raises(UnknownCountry) as excinfo:
        resolve("Rusia")
    assert excinfo.value.suggestions.count("Russia (RU)") == 1


def test_far_weaker_matches_are_not_suggested() -> None:
    # "usa" and "persia" pass difflib's cutoff but are far behind "russia".
    with pytest.raises(UnknownCountry) as excinfo:
        resolve("Rusia")
    assert excinfo.value.suggestions == ("Russia (RU)",)


@pytest.mark.parametrize("text", ["xx", "Qqqqqq", "  zzzzzz  "])
def test_unknown_without_suggestions(text: str) -> None:
    with pytest.raises(UnknownCountry) as excinfo:
        resolve(text)
    error = excinfo.value
    assert error.suggestions == ()
    assert error.text == text.strip()
    assert str(error) == f"unknown country {text.strip()!r}"


@pytest.mark.parametrize("text", ["", "   ", "...", "the"])
def test_empty_or_blank_is_unknown(text: str) -> None:
    with pytest.raises(UnknownCountry):
        resolve(text)


def test_import_is_cheap() -> None:
    code = (
        "import sys, bilat.countries; "
        "bad = {'difflib', 'pycountry', 'click', 'rich'} & set(sys.modules); "
        "assert not bad, bad"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )


def test_module_exports() -> None:
    assert set(countries.__all__) == {"UnknownCountry", "fold", "is_known", "name", "resolve"}
