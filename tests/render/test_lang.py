"""The reader's language: ordinals, sentences and names, pinned from each language's own
rules (not by translating back), and the catalogs kept with Babel's tools."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from bilat.codec import event_from_dict
from bilat.domain import anniversaries_in
from bilat.render import lang
from bilat.render.langs._turkic import accusative, genitive
from bilat.render.langs.ru import instrumental as instrumental_ru
from bilat.render.press import press_line
from tests.helpers import ROOT, SRC, Run, assert_usage_error, event

LOCALES = SRC / "bilat" / "locales"
AWKWARD = (1, 2, 3, 4, 6, 9, 10, 11, 13, 40, 60, 90, 100, 111)


def ordinals(code: str) -> list[str]:
    lang.use(code)
    current = lang.current()
    assert current is not None
    return [current.ordinal(n) for n in AWKWARD]


def anniversaries(code: str) -> list[str]:
    lang.use(code)
    current = lang.current()
    assert current is not None
    return [current.anniversary(n) for n in AWKWARD]


@pytest.mark.usefixtures("speak")
def test_azerbaijani_ordinals_follow_the_last_word_of_the_number() -> None:
    # bir, iki, üç, dörd, altı, doqquz, on, on bir, on üç, qırx, altmış, doxsan, yüz, yüz on bir
    assert ordinals("az") == [
        "1-ci", "2-ci", "3-cü", "4-cü", "6-cı", "9-cu", "10-cu", "11-ci", "13-cü",
        "40-cı", "60-cı", "90-cı", "100-cü", "111-ci",
    ]  # fmt: skip
    assert anniversaries("az")[-1] == "111-ci ildönümü"


@pytest.mark.usefixtures("speak")
def test_japanese_counts_years() -> None:
    assert anniversaries("ja") == [f"{n}周年" for n in AWKWARD]


@pytest.mark.usefixtures("speak")
def test_russian_declines() -> None:
    assert anniversaries("ru") == [
        "1-я годовщина", "2-я годовщина", "3-я годовщина", "4-я годовщина", "6-летие",
        "9-летие", "10-летие", "11-летие", "13-летие", "40-летие", "60-летие", "90-летие",
        "100-летие", "111-летие",
    ]  # fmt: skip


@pytest.mark.usefixtures("speak")
def test_turkish_writes_ordinals_with_a_full_stop() -> None:
    assert anniversaries("tr") == [f"{n}. yıl dönümü" for n in AWKWARD]


@pytest.mark.usefixtures("speak")
def test_a_locale_without_rules_gets_the_number_alone() -> None:
    assert ordinals("de")[:3] == ["1", "2", "3"]


def test_russian_instrumental_case() -> None:
    cases = {
        "Азербайджан": "Азербайджаном",
        "Япония": "Японией",
        "Россия": "Россией",
        "Турция": "Турцией",
        "Казахстан": "Казахстаном",
        "Китай": "Китаем",
        "Канада": "Канадой",
        "Египет": "Египтом",
        "Перу": "Перу",
        "Нидерланды": "Нидерландами",
        "Соединенные Штаты": "Соединенными Штатами",
        "Республика Корея": "Республикой Корея",
        "Южная Африка": "Южной Африкой",
    }
    assert {word: instrumental_ru(word) for word in cases} == cases


def test_turkic_case_suffixes_follow_vowel_harmony() -> None:
    assert genitive("Yaponiya", "az") == "Yaponiyanın"
    assert genitive("Azərbaycan", "az") == "Azərbaycanın"
    assert genitive("Türkiyə", "az") == "Türkiyənin"
    assert accusative("Azərbaycan", "az") == "Azərbaycanı"
    assert accusative("Yaponiya", "az") == "Yaponiyanı"
    assert genitive("Japonya", "tr") == "Japonya'nın"
    assert genitive("Azerbaycan", "tr") == "Azerbaycan'ın"
    assert accusative("Japonya", "tr") == "Japonya'yı"
    assert accusative("Azerbaycan", "tr") == "Azerbaycan'ı"
    assert genitive("Türkiye", "tr") == "Türkiye'nin"


EXPECTED_PRESS = {
    None: "7 September 2022 marks the 30th anniversary of the establishment of diplomatic "
    "relations between Azerbaijan and Japan.",
    "az": "7 sentyabr 2022-ci il Azərbaycan ilə Yaponiya arasında diplomatik münasibətlərin "
    "qurulmasının 30-cu ildönümüdür.",
    "ja": "2022年9月7日は、アゼルバイジャンと日本の外交関係樹立30周年です。",
    "ru": "7 сентября 2022 года — 30-летие установления дипломатических отношений между "
    "Азербайджаном и Японией.",
    "tr": "7 Eylül 2022, Azerbaycan ile Japonya arasında diplomatik ilişkilerin kurulmasının "
    "30. yıl dönümüdür.",
}


@pytest.mark.usefixtures("speak")
@pytest.mark.parametrize("code", list(EXPECTED_PRESS), ids=lambda c: c or "en")
def test_the_press_line(code: str | None) -> None:
    relations = event_from_dict(event(id="az-jp-diplomatic-relations"))
    (found,) = anniversaries_in([relations], 2022, 5, "feb28")
    lang.use(code)
    assert press_line(found) == EXPECTED_PRESS[code]


@pytest.mark.usefixtures("speak")
def test_recognition_sentences_decline_the_countries() -> None:
    recognition = event_from_dict(
        event(id="jp-recognises-az", kind="recognition", by="JP", date="1991-12-28")
    )
    (found,) = anniversaries_in([recognition], 2021, 5, "feb28")
    lang.use("az")
    assert "Yaponiyanın Azərbaycanı tanımasının 30-cu ildönümüdür." in press_line(found)
    lang.use("tr")
    assert "Japonya'nın Azerbaycan'ı tanımasının 30. yıl dönümüdür." in press_line(found)


# --------------------------------------------------------------------------- commands

NOT_ENGLISH = ("Date", "Day", "Years", "Event", "Parties", "Since", "Anniversaries", "every")


@pytest.mark.parametrize(
    ("code", "country", "weekday", "years", "label"),
    [
        ("az", "Yaponiya", "Ç.", "30-cu", "Diplomatik münasibətlər qurulub"),
        ("ja", "日本", "水", "30周年", "外交関係樹立"),
        ("ru", "Япония", "ср", "30-я", "Установлены дипломатические отношения"),
        ("tr", "Japonya", "Çar", "30.", "Diplomatik ilişkiler kuruldu"),
    ],
)
def test_anniversaries_speak_the_language(
    run: Run, code: str, country: str, weekday: str, years: str, label: str
) -> None:
    result = run("anniversary", "--year", "2022", "--pair", "AZ", "JP", "--every", "30",
                 "--lang", code, env={"COLUMNS": "160"})  # fmt: skip
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("2022-09-07"))
    for expected in (country, weekday, years, label):
        assert expected in row, (expected, row)
    header = result.stdout.splitlines()[:3]
    for word in NOT_ENGLISH:
        assert word not in " ".join(header), (word, header)


def test_timeline_in_japanese_and_the_letter_in_azerbaijani(run: Run) -> None:
    timeline = run("timeline", "AZ", "JP", "--lang", "ja", "--until", "1993").stdout
    assert timeline.startswith("アゼルバイジャン – 日本: 1992-09-07に外交関係樹立")
    assert "国家承認" in timeline
    letter = run("show-letter", "--lang", "az").stdout
    assert "Məktub · Azərbaycan – Yaponiya" in letter
    assert "7 sentyabr 2022" in letter
    assert "Mənbələr" in letter


def test_bilat_lang_and_unknown_locales(run: Run) -> None:
    result = run("timeline", "AZ", "JP", "--until", "1993", env={"BILAT_LANG": "ru"})
    assert "Азербайджан – Япония" in result.stdout
    assert_usage_error(run("timeline", "AZ", "JP", "--lang", "azz"), "unknown language 'azz'")
    french = run("timeline", "AZ", "JP", "--until", "1993", "--lang", "fr").stdout
    assert "Azerbaïdjan – Japon" in french  # CLDR names; the interface stays English
    assert "Date" in french


def test_json_and_csv_stay_language_neutral(run: Run) -> None:
    args = ("anniversary", "--year", "2022", "--pair", "AZ", "JP")
    english = run(*args, "--format", "csv").stdout
    assert run(*args, "--format", "csv", "--lang", "ja").stdout == english
    plain = json.loads(run(*args, "--format", "json").stdout)
    labelled = json.loads(run(*args, "--format", "json", "--lang", "ja").stdout)
    assert labelled["lang"] == "ja"
    for row, with_labels in zip(plain["anniversaries"], labelled["anniversaries"], strict=True):
        labels = with_labels.pop("labels")
        assert with_labels == row  # the codes and dates as they are ...
        assert labels["parties"] == ["アゼルバイジャン", "日本"]  # ... and labels beside them
    relations = next(r for r in labelled["anniversaries"] if r["kind"] == "diplomatic-relations")
    assert relations.get("kind") == "diplomatic-relations"


def test_english_never_loads_babel() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bilat", "anniversary", "--year", "2022"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert "babel" not in done.stderr


# --------------------------------------------------------------------------- catalogs


def key(value: object) -> object:
    return tuple(value) if isinstance(value, (list, tuple)) else value


def catalogs() -> list[Path]:
    return sorted(LOCALES.glob("*/LC_MESSAGES/bilat.po"))


def test_the_template_is_what_the_source_marks(tmp_path: Path) -> None:
    template = tmp_path / "bilat.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-k", "t", "-k", "N_",
         "-k", "n:1,2", "-k", "lang_n:1,2", "--no-location", "--sort-output", "-o",
         str(template), str(SRC / "bilat")],
        check=True, capture_output=True,
    )  # fmt: skip
    with template.open("rb") as f:
        fresh = {key(m.id) for m in read_po(f) if m.id}
    with (LOCALES / "bilat.pot").open("rb") as f:
        committed = {key(m.id) for m in read_po(f) if m.id}
    assert fresh == committed, "run the extract/update/compile steps in the README"


@pytest.mark.parametrize("path", catalogs(), ids=lambda p: p.parts[-3])
def test_complete_catalogs_translate_everything_and_are_compiled(path: Path) -> None:
    with path.open("rb") as f:
        catalog = read_po(f)
    with (LOCALES / "bilat.pot").open("rb") as f:
        template = {key(m.id) for m in read_po(f) if m.id}
    messages = {key(m.id): key(m.string) for m in catalog if m.id}
    assert set(messages) == template
    assert all(messages.values()), [k for k, v in messages.items() if not v]
    with path.with_suffix(".mo").open("rb") as f:
        compiled = {key(m.id): key(m.string) for m in read_mo(f) if m.id}
    assert compiled == messages, "run: pybabel compile -D bilat -d src/bilat/locales"
    assert path.parts[-3] in lang.COMPLETE


def test_every_complete_language_has_a_catalog() -> None:
    assert {p.parts[-3] for p in catalogs()} == set(lang.COMPLETE)
    assert (ROOT / "README.md").read_text(encoding="utf-8").count("--lang") >= 3


def test_stored_translations_are_shown_in_their_language(
    run: Run, make_store: Callable[..., Path]
) -> None:
    visit = event(
        id="v-1",
        kind="visit",
        by="AZ",
        title="Foreign minister visits Tokyo",
        summary="A visit.",
        translations={"az": {"title": "Xarici işlər naziri Tokioda", "summary": "Səfər."}},
    )
    store = str(make_store([visit]))
    assert "Xarici işlər naziri Tokioda" in run("timeline", "AZ", "JP", "--store", store,
                                                "--lang", "az").stdout  # fmt: skip
    assert "Foreign minister visits Tokyo" in run("timeline", "AZ", "JP", "--store", store,
                                                  "--lang", "ja").stdout  # fmt: skip
    shown = run("show", "v-1", "--store", store, "--lang", "az").stdout
    assert "Səfər." in shown


def test_calendar_summaries_speak_the_language(run: Run) -> None:
    calendar = run("export", "ics", "--from-year", "2027", "--to-year", "2027", "--pair", "AZ",
                   "JP", "--lang", "az", "-o", "-").stdout  # fmt: skip
    import icalendar

    parsed = icalendar.Calendar.from_ical(calendar)
    summaries = {str(e["SUMMARY"]) for e in parsed.walk("VEVENT")}
    assert "Diplomatik münasibətlər qurulub — 35-ci ildönümü (Azərbaycan – Yaponiya)" in summaries


# --------------------------------------------------------------------------- choosing


@pytest.mark.parametrize(
    ("typed", "shown", "note"),
    [("turkish", "Azerbaycan – Japonya", None), ("Japanese", "アゼルバイジャン – 日本", None),
     ("日本語", "アゼルバイジャン – 日本", None),
     ("jp", "アゼルバイジャン – 日本", "'jp' is the country code of Japan; writing Japanese (ja)"),
     ("ua", "Азербайджан – Японія", "writing Ukrainian (uk)")],
)  # fmt: skip
def test_language_names_and_country_code_slips(
    run: Run, typed: str, shown: str, note: str | None
) -> None:
    result = run("timeline", "AZ", "JP", "--until", "1993", "--lang", typed)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(shown)
    assert (note in result.stderr) if note else result.stderr == ""


def test_a_language_named_but_without_locale_data_is_a_usage_error(run: Run) -> None:
    """Babel names Klingon (tlh) but has no data for it: that was a traceback."""
    assert_usage_error(run("timeline", "AZ", "JP", "--lang", "klingon"), "unknown language")


@pytest.mark.parametrize("script", ["az_Cyrl", "az-Arab", "ja_Latn"])
def test_another_script_of_a_catalogued_language_is_refused(run: Run, script: str) -> None:
    assert_usage_error(run("timeline", "AZ", "JP", "--lang", script), "in one script only")


@pytest.mark.parametrize(
    ("environment", "starts"),
    [({"LANG": "ja_JP.UTF-8"}, "アゼルバイジャン"), ({"LC_ALL": "ru_RU.UTF-8", "LANG": "ja_JP"}, "Азер"),
     ({"LC_MESSAGES": "tr_TR"}, "Azerbaycan"), ({"LANG": "C"}, "Azerbaijan"),
     ({"LANG": "POSIX"}, "Azerbaijan"), ({"LANG": "en_GB.UTF-8"}, "Azerbaijan"),
     ({"LANG": "fr_FR.UTF-8"}, "Azerbaijan"), ({"LC_ALL": "C", "LANG": "ja_JP"}, "Azerbaijan")],
)  # fmt: skip
def test_the_environment_s_locale_for_human_output(
    run: Run, environment: dict[str, str], starts: str
) -> None:
    assert run("timeline", "AZ", "JP", "--until", "1993", env=environment).stdout.startswith(starts)


def test_the_environment_s_locale_leaves_json_and_csv_neutral(run: Run) -> None:
    args = ("anniversary", "--year", "2022", "--pair", "AZ", "JP", "--format")
    for fmt in ("json", "csv"):
        assert run(*args, fmt, env={"LANG": "ja_JP.UTF-8"}).stdout == run(*args, fmt).stdout
    assert "labels" in run(*args, "json", "--lang", "ja").stdout  # asked for: labels


def test_english_startup_reads_the_locale_without_babel() -> None:
    assert lang.from_environment({"LANG": "az_AZ.UTF-8"}) == "az"
    assert lang.from_environment({"LANG": "de_DE.UTF-8"}) is None
    assert lang.from_environment({}) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [("Azərbaycan", "Yaponiya"), ("アゼルバイジャン", "日本"), ("Азербайджан", "Япония"),
     ("Azerbaycan", "Japonya"), ("Fələstin Dövləti", "AZ")],
)  # fmt: skip
def test_names_typed_in_a_catalogued_language_resolve(run: Run, a: str, b: str) -> None:
    result = run("timeline", a, b, "--until", "1993")
    assert result.exit_code == 0, result.output


def test_from_puts_the_home_country_first(run: Run) -> None:
    args = ("anniversary", "--year", "2022", "--pair", "AZ", "JP", "--every", "30")
    press = run(*args, "--format", "text", "--lang", "ja", "--from", "JP").stdout
    assert press.startswith("2022年9月7日は、日本とアゼルバイジャンの外交関係樹立30周年です。\n")
    table = run(*args, "--lang", "az", "--from", "Japan", env={"COLUMNS": "160"}).stdout
    assert "Yaponiya – Azərbaycan" in table
    heading = run("timeline", "AZ", "JP", "--until", "1993", "--from", "JP").stdout
    assert heading.startswith("Japan – Azerbaijan: ")
    assert run("timeline", "AZ", "JP", "--until", "1993").stdout.startswith("Azerbaijan – Japan")


def test_the_home_country_comes_first_unless_from_says_otherwise(run: Run) -> None:
    args = ("anniversary", "--year", "2022", "--pair", "AZ", "JP", "--every", "30")
    args += ("--format", "text", "--lang", "ja")
    home = run(*args, env={"BILAT_COUNTRY": "JP"}).stdout
    assert home.startswith("2022年9月7日は、日本とアゼルバイジャンの外交関係樹立30周年です。\n")
    told = run(*args, "--from", "AZ", env={"BILAT_COUNTRY": "JP"}).stdout
    assert told.startswith("2022年9月7日は、アゼルバイジャンと日本の")


def test_right_to_left_isolates_cells_and_points_the_arrow_the_reading_way(run: Run) -> None:
    arabic = run("timeline", "AZ", "JP", "--until", "1993", "--lang", "ar").stdout
    row = next(line for line in arabic.splitlines() if line.startswith("\u20681991-12-28"))
    assert "\u2068اليابان \u2190 أذربيجان\u2069" in row
    english = run("timeline", "AZ", "JP", "--until", "1993").stdout
    assert "\u2068" not in english
    assert "Japan \u2192 Azerbaijan" in english


FSI, PDI = "\u2068", "\u2069"


@pytest.mark.usefixtures("speak")
def test_a_heading_knows_its_values_and_isolates_them_after_cleaning() -> None:
    events = lang.fill("{n} events", n=46)
    heading = lang.fill("{pair}: {events}", pair="أذربيجان \x1b– اليابان\u2069", events=events)
    assert heading == "أذربيجان \x1b– اليابان\u2069: 46 events"  # a str as format() gives it
    assert heading.spans == ((0, 20), (22, 24))  # the inner heading's value moved along
    assert lang.printed(heading) == "أذربيجان \\x1b– اليابان\\u2069: 46 events"  # English
    lang.use("ar")
    assert lang.printed(heading) == (  # the text's own controls escaped, ours isolating
        f"{FSI}أذربيجان \\x1b– اليابان\\u2069{PDI}: {FSI}46{PDI} events"
    )
    assert lang.printed("plain \u2068text") == "plain \\u2068text"  # no values: cleaned only
    assert lang.fill("{d!r:>4} {{x}}", d="7") == " '7' {x}"


def test_right_to_left_headings_isolate_names_and_numbers(run: Run) -> None:
    ar = ("--lang", "ar")
    timeline = run("timeline", "AZ", "JP", "--until", "1993", *ar).stdout.splitlines()[0]
    pair = f"{FSI}أذربيجان – اليابان{PDI}"
    assert timeline.startswith(f"{pair}: diplomatic relations since {FSI}1992-09-07{PDI} ({FSI}")
    assert timeline.endswith(f"{PDI}); {FSI}3{PDI} events")
    home = {"BILAT_COUNTRY": "AZ"}
    anniversary = run("anniversary", "--year", "2022", *ar, env=home).stdout.splitlines()[0]
    assert anniversary == (
        f"Anniversaries in {FSI}2022{PDI} (every {FSI}5{PDI} years) for {FSI}أذربيجان{PDI}; "
        "all countries: --all"
    )
    wide = {"COLUMNS": "300"}
    relations = run("relations", "AZ", "--as-of", "2022-01-01", *ar, env=wide).stdout
    relations = relations.splitlines()[0]
    assert relations.startswith(f"{FSI}أذربيجان{PDI}: {FSI}")
    assert f"as of {FSI}2022-01-01{PDI} (milestones every {FSI}5{PDI} years)" in relations
    found = run("search", "embassy", "--country", "AZ", *ar).stdout.splitlines()[0]
    assert found.startswith(FSI)
    assert found.endswith(f"{PDI} events match")
    english = run("timeline", "AZ", "JP", "--until", "1993").stdout.splitlines()[0]
    assert english.startswith("Azerbaijan – Japan: diplomatic relations since 1992-09-07 (")
    assert FSI not in english
