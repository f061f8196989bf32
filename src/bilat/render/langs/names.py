"""Names a ministry would print, per language, where CLDR's default is not one: the
State of Palestine (not "Palestinian Territories"), the Holy See, the two Congos by their
names (not "Congo - Kinshasa"), Myanmar without "(Burma)", Hong Kong and Macao without
"SAR China", Russian islands written out ("острова", not "о-ва"), and the former states
CLDR has no name for (Czechoslovakia, the German Democratic Republic, the Soviet Union,
Yugoslavia, ...). Used before CLDR wherever a name is shown; English has its own table
(:mod:`bilat.countries`), which already writes these names so.
"""

from __future__ import annotations

from bilat import countries
from bilat._country_table import NAMES

#: code -> (az, ja, ru, tr)
_TABLE: dict[str, tuple[str, str, str, str]] = {
    "PS": ("Fələstin Dövləti", "パレスチナ", "Государство Палестина", "Filistin Devleti"),
    "VA": ("Müqəddəs Taxt-Tac", "バチカン", "Святой Престол", "Vatikan"),
    "CD": ("Konqo Demokratik Respublikası", "コンゴ民主共和国",
           "Демократическая Республика Конго", "Kongo Demokratik Cumhuriyeti"),
    "CG": ("Konqo Respublikası", "コンゴ共和国", "Республика Конго", "Kongo Cumhuriyeti"),
    "MM": ("Myanma", "ミャンマー", "Мьянма", "Myanmar"),
    "HK": ("Honkonq", "香港", "Гонконг", "Hong Kong"),
    "MO": ("Makao", "マカオ", "Макао", "Makao"),
    "ZA": ("Cənubi Afrika Respublikası", "南アフリカ", "Южно-Африканская Республика",
           "Güney Afrika Cumhuriyeti"),
    "CC": ("Kokos adaları", "ココス諸島", "Кокосовые острова", "Cocos Adaları"),
    "CSHH": ("Çexoslovakiya", "チェコスロバキア", "Чехословакия", "Çekoslovakya"),
    "DDDE": ("Almaniya Demokratik Respublikası", "ドイツ民主共和国",
             "Германская Демократическая Республика", "Demokratik Alman Cumhuriyeti"),
    "SUHH": ("Sovet İttifaqı", "ソビエト連邦", "Советский Союз", "Sovyetler Birliği"),
    "YUCS": ("Yuqoslaviya", "ユーゴスラビア", "Югославия", "Yugoslavya"),
    "CSXX": ("Serbiya və Monteneqro", "セルビア・モンテネグロ", "Сербия и Черногория",
             "Sırbistan-Karadağ"),
    "VDVN": ("Şimali Vyetnam", "北ベトナム", "Северный Вьетнам", "Kuzey Vietnam"),
    "YDYE": ("Cənubi Yəmən", "南イエメン", "Южный Йемен", "Güney Yemen"),
    "SKIN": ("Sikkim", "シッキム", "Сикким", "Sikkim"),
    "ANHH": ("Niderland Antil adaları", "オランダ領アンティル", "Нидерландские Антильские острова",
             "Hollanda Antilleri"),
    "BQAQ": ("Britaniya Antarktika Ərazisi", "イギリス領南極地域",
             "Британская антарктическая территория", "Britanya Antarktika Toprakları"),
    "CTKI": ("Kanton və Enderberi adaları", "カントン島・エンダーベリー島", "Кантон и Эндербери",
             "Canton ve Enderbury Adaları"),
    "FQHH": ("Fransanın Cənub və Antarktika Əraziləri", "フランス領南方・南極地域",
             "Французские Южные и Антарктические территории",
             "Fransız Güney ve Antarktika Toprakları"),
    "GEHH": ("Gilbert və Ellis adaları", "ギルバート・エリス諸島", "Острова Гилберта и Эллис",
             "Gilbert ve Ellice Adaları"),
    "JTUM": ("Conston adası", "ジョンストン島", "Остров Джонстон", "Johnston Adası"),
    "MIUM": ("Midvey adaları", "ミッドウェー諸島", "Острова Мидуэй", "Midway Adaları"),
    "NQAQ": ("Kraliça Mod Torpağı", "ドロンニング・モード・ランド", "Земля Королевы Мод",
             "Kraliçe Maud Toprakları"),
    "NTHH": ("Neytral zona", "中立地帯", "Нейтральная зона", "Tarafsız Bölge"),
    "PCHH": ("Sakit Okean Adaları Qəyyumluq Ərazisi", "太平洋諸島信託統治領",
             "Подопечная территория Тихоокеанские острова", "Pasifik Adaları Vesayet Bölgesi"),
    "PUUM": ("ABŞ-ın Sakit Okean adaları", "アメリカ領太平洋諸島",
             "Тихоокеанские острова США", "ABD Pasifik Adaları"),
    "PZPA": ("Panama Kanalı Zonası", "パナマ運河地帯", "Зона Панамского канала",
             "Panama Kanalı Bölgesi"),
    "WKUM": ("Ueyk adası", "ウェーク島", "Остров Уэйк", "Wake Adası"),
}  # fmt: skip
_COLUMN = {"az": 0, "ja": 1, "ru": 2, "tr": 3}

#: Russian: CLDR shortens "острова" and "остров"; a ministry writes them out.
_RU: dict[str, str] = {
    "AX": "Аландские острова",
    "BM": "Бермудские Острова",
    "BV": "Остров Буве",
    "CK": "Острова Кука",
    "CX": "Остров Рождества",
    "FK": "Фолклендские острова",
    "FO": "Фарерские острова",
    "GS": "Южная Георгия и Южные Сандвичевы острова",
    "HM": "Острова Херд и Макдональд",
    "IM": "Остров Мэн",
    "KY": "Острова Кайман",
    "MH": "Маршалловы Острова",
    "MP": "Северные Марианские острова",
    "NF": "Остров Норфолк",
    "PN": "Острова Питкэрн",
    "SB": "Соломоновы Острова",
    "SC": "Сейшельские Острова",
    "SH": "Остров Святой Елены",
    "UM": "Внешние малые острова США",
    "VG": "Британские Виргинские острова",
    "VI": "Американские Виргинские острова",
}


def diplomatic_name(code: str, language: str) -> str | None:
    """The name of ``code`` in ``language`` (``az``, ``ja``, ``ru``, ``tr``) as a ministry
    writes it, where CLDR's differs or is missing; else None."""
    column = _COLUMN.get(language)
    if column is None:
        return None
    if language == "ru" and code in _RU:
        return _RU[code]
    row = _TABLE.get(code)
    return None if row is None else row[column]


def all_names(language: str) -> dict[str, str]:
    """Every diplomatic name of ``language``, by code."""
    return {code: name for code in (*_TABLE, *_RU) if (name := diplomatic_name(code, language))}


def resolve_name(text: str) -> str | None:
    """The code of the country that ``text`` names in a catalogued language (CLDR's
    names and the diplomatic ones above: Azərbaycan, アゼルバイジャン, Азербайджан), or None.
    Loads Babel: asked only when the English names did not match."""
    from babel import Locale

    wanted = countries.fold(text)
    for language in _COLUMN:
        territories = Locale.parse(language).territories
        known = {**{c: territories[c] for c in countries_codes() if c in territories},
                 **all_names(language)}  # fmt: skip
        for code, name in known.items():
            if countries.fold(name) == wanted:
                return code
    return None


def countries_codes() -> list[str]:
    return list(NAMES)
