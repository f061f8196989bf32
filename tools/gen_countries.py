"""Generate ``src/bilat/_country_table.py`` from pycountry (ISO 3166-1 and ISO 3166-3).

Usage (from the repository root, with the ``test`` extra installed)::

    python tools/gen_countries.py

pycountry is needed only here; the generated module is plain literals. Alias keys are
produced with :func:`bilat.countries.fold`, the same function used at lookup time, so the
two can never disagree. Because that import goes through ``bilat.countries``, the existing
``_country_table.py`` must be importable when this runs (it is committed; if it is ever
broken, restore it from git first).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from importlib.metadata import version
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
TABLE_PATH = SRC / "bilat" / "_country_table.py"

if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from bilat.countries import fold

# Display names that replace pycountry's common_name / name. Every ISO name that contains
# a comma or a parenthesis must be overridden here (build() checks this), plus a few that
# read badly in a table. Listed even where pycountry's common_name already agrees, so that a
# change upstream does not silently change what users see.
DISPLAY_OVERRIDES: dict[str, str] = {
    "BN": "Brunei",
    "BO": "Bolivia",
    "BQ": "Caribbean Netherlands",
    "CC": "Cocos Islands",
    "CD": "DR Congo",
    "CG": "Congo",
    "CZ": "Czechia",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "MF": "Saint Martin",
    "MK": "North Macedonia",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "SX": "Sint Maarten",
    "SY": "Syria",
    "TR": "Türkiye",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VA": "Holy See",
    "VE": "Venezuela",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
    "VN": "Vietnam",
}

# Codes outside ISO 3166-1: code -> (alpha-3, display name).
EXTRA_COUNTRIES: dict[str, tuple[str, str]] = {
    "XK": ("XKX", "Kosovo"),  # user-assigned code, used by the EU, IMF, World Bank, ...
}

# ISO 3166-3 entries that are only a change of name or code of a country that still exists.
# They get no entry of their own; their names and alpha-4 code become aliases of the
# successor instead (relations with Zaire are relations with DR Congo).
HISTORIC_SUCCESSORS: dict[str, str] = {
    "AIDJ": "DJ",  # French Afars and Issas -> Djibouti
    "BUMM": "MM",  # Burma -> Myanmar
    "BYAA": "BY",  # Byelorussian SSR -> Belarus
    "DYBJ": "BJ",  # Dahomey -> Benin
    "FXFR": "FR",  # Metropolitan France -> France
    "HVBF": "BF",  # Upper Volta -> Burkina Faso
    "NHVU": "VU",  # New Hebrides -> Vanuatu
    "RHZW": "ZW",  # Southern Rhodesia -> Zimbabwe
    "TPTL": "TL",  # East Timor -> Timor-Leste
    "ZRCD": "CD",  # Zaire -> DR Congo
}

# Display names for the remaining ISO 3166-3 entries, where pycountry's name will not do.
HISTORIC_NAMES: dict[str, str] = {
    "CSHH": "Czechoslovakia",
    "DDDE": "East Germany",
    "PCHH": "Pacific Islands Trust Territory",
    "SUHH": "Soviet Union",
    "VDVN": "North Vietnam",
    "YDYE": "South Yemen",
    "YUCS": "Yugoslavia",
}

# Hand-written extra names: code -> names. Deliberately absent: "Korea" (ambiguous),
# "Holland" (only a part of the Netherlands), "Republic of China" (contested).
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "AE": ("UAE", "Emirates"),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "BF": ("Upper Volta",),
    "BJ": ("Dahomey",),
    "BN": ("Brunei",),
    "BO": ("Bolivia",),
    "BQ": ("Caribbean Netherlands", "Bonaire"),
    "BY": ("Byelorussia", "Byelorussian SSR"),
    "CC": ("Cocos Islands", "Keeling Islands"),
    "CD": (
        "DR Congo",
        "DRC",
        "Congo-Kinshasa",
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "Zaire",
    ),
    "CG": ("Congo-Brazzaville", "Republic of the Congo", "Republic of Congo", "Congo Republic"),
    "CI": ("Ivory Coast",),
    "CN": ("PRC",),
    "CV": ("Cape Verde",),
    "CZ": ("Czech Republic", "Czechia"),
    "DE": ("West Germany", "FRG"),
    "DJ": ("French Afars and Issas",),
    "FK": ("Falkland Islands", "Falklands", "Malvinas"),
    "FM": ("Micronesia",),
    "GB": ("UK", "Great Britain", "Britain"),
    "IR": ("Iran", "Persia"),
    "KN": ("St Kitts and Nevis",),
    "KP": ("North Korea", "DPRK"),
    "KR": ("South Korea", "Republic of Korea"),
    "LA": ("Laos",),
    "LC": ("St Lucia",),
    "MD": ("Moldova",),
    "MF": ("Saint Martin",),
    "MK": ("Macedonia", "North Macedonia", "Former Yugoslav Republic of Macedonia", "FYROM"),
    "MM": ("Burma",),
    "MO": ("Macau",),
    "PS": ("Palestine", "State of Palestine"),
    "RU": ("Russia",),
    "SH": ("Saint Helena", "St Helena"),
    "SX": ("Sint Maarten",),
    "SY": ("Syria",),
    "SZ": ("Swaziland",),
    "TL": ("East Timor",),
    "TR": ("Turkey", "Türkiye"),
    "TW": ("Taiwan",),
    "TZ": ("Tanzania",),
    "US": ("USA", "US", "America", "United States of America"),
    "VA": ("Vatican", "Vatican City", "Vatican City State", "Holy See"),
    "VC": ("St Vincent and the Grenadines",),
    "VE": ("Venezuela",),
    "VI": ("US Virgin Islands",),
    "VN": ("Vietnam",),
    "VU": ("New Hebrides",),
    "XK": ("Kosovo", "Republic of Kosovo"),
    "ZW": ("Southern Rhodesia", "Rhodesia"),
    # ISO 3166-3
    "CSHH": ("Czechoslovakia", "Czechoslovak Socialist Republic"),
    "DDDE": ("East Germany", "GDR", "DDR", "German Democratic Republic"),
    "SUHH": ("Soviet Union", "USSR", "Union of Soviet Socialist Republics"),
    "VDVN": ("North Vietnam", "Democratic Republic of Vietnam"),
    "YDYE": ("South Yemen", "People's Democratic Republic of Yemen"),
    "YUCS": (
        "Yugoslavia",
        "SFRY",
        "Socialist Federal Republic of Yugoslavia",
        "Federal Republic of Yugoslavia",
    ),
}

_FORBIDDEN_IN_DISPLAY = ",()"


class _AliasTable:
    """Folded name -> code, refusing any name that would point at two different codes."""

    def __init__(self) -> None:
        self.table: dict[str, str] = {}
        self.origin: dict[str, str] = {}

    def add(self, code: str, names: Iterable[str | None]) -> None:
        for text in names:
            if not text:
                continue
            key = fold(text)
            if not key:
                raise ValueError(f"{text!r} ({code}) folds to the empty string")
            previous = self.table.setdefault(key, code)
            if previous != code:
                raise ValueError(
                    f"alias {key!r} is ambiguous: {self.origin[key]!r} -> {previous}, "
                    f"{text!r} -> {code}"
                )
            self.origin.setdefault(key, text)


def _display_name(code: str, common_name: str | None, iso_name: str) -> str:
    display = DISPLAY_OVERRIDES.get(code) or common_name or iso_name
    if any(ch in display for ch in _FORBIDDEN_IN_DISPLAY):
        raise ValueError(f"display name {display!r} for {code} needs an override")
    return display


def build() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Return ``(NAMES, ALPHA3, ALIASES)`` as they should appear in the generated module."""
    names: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    aliases = _AliasTable()

    for country in pycountry.countries:
        code: str = country.alpha_2
        common_name: str | None = getattr(country, "common_name", None)
        official_name: str | None = getattr(country, "official_name", None)
        names[code] = _display_name(code, common_name, country.name)
        alpha3[country.alpha_3] = code
        aliases.add(code, (names[code], country.name, common_name, official_name))

    for code, (code3, display) in EXTRA_COUNTRIES.items():
        if code in names or code3 in alpha3:
            raise ValueError(f"{code}/{code3} is now in pycountry; drop it from EXTRA_COUNTRIES")
        names[code] = display
        alpha3[code3] = code
        aliases.add(code, (display,))

    for historic in pycountry.historic_countries:
        code4: str = historic.alpha_4
        successor = HISTORIC_SUCCESSORS.get(code4)
        if successor is not None:
            if successor not in names:
                raise ValueError(f"successor {successor} of {code4} is not a current code")
            aliases.add(successor, (historic.name, code4))
            continue
        names[code4] = _display_name(code4, HISTORIC_NAMES.get(code4), historic.name)
        aliases.add(code4, (names[code4], historic.name))

    for code, extra in EXTRA_ALIASES.items():
        if code not in names:
            raise ValueError(f"EXTRA_ALIASES names unknown code {code}")
        aliases.add(code, extra)

    # resolve() tries codes before aliases: no alias may spell another country's code.
    for key, code in aliases.table.items():
        as_code = key.upper()
        other = as_code if as_code in names else alpha3.get(as_code)
        if other is not None and other != code:
            raise ValueError(f"alias {key!r} -> {code} collides with the code {as_code}")

    return (
        dict(sorted(names.items())),
        dict(sorted(alpha3.items())),
        dict(sorted(aliases.table.items())),
    )


def _literal(text: str) -> str:
    # JSON string syntax is valid Python and uses the double quotes ruff format wants.
    return json.dumps(text, ensure_ascii=False)


def _dict_literal(var: str, comment: str, mapping: Mapping[str, str]) -> list[str]:
    lines = [f"# {comment}", f"{var}: dict[str, str] = {{"]
    lines += [f"    {_literal(key)}: {_literal(value)}," for key, value in mapping.items()]
    lines.append("}")
    return lines


def render(names: Mapping[str, str], alpha3: Mapping[str, str], aliases: Mapping[str, str]) -> str:
    """The text of ``_country_table.py``."""
    lines = [
        "# GENERATED FILE - DO NOT EDIT.",
        f"# Produced by tools/gen_countries.py from pycountry {version('pycountry')}.",
        "# Regenerate from the repository root with:  python tools/gen_countries.py",
        '"""Country code and name tables for :mod:`bilat.countries` (plain literals)."""',
        "",
        *_dict_literal("NAMES", "canonical code -> short English display name", names),
        "",
        *_dict_literal("ALPHA3", "ISO 3166-1 alpha-3 code -> alpha-2 code", alpha3),
        "",
        *_dict_literal("ALIASES", "bilat.countries.fold(name) -> canonical code", aliases),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    names, alpha3, aliases = build()
    TABLE_PATH.write_text(render(names, alpha3, aliases), encoding="utf-8")
    print(
        f"wrote {TABLE_PATH.relative_to(ROOT)}: {len(names)} names, "
        f"{len(alpha3)} alpha-3 codes, {len(aliases)} aliases"
    )


if __name__ == "__main__":
    main()
