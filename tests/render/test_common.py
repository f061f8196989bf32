"""What every output shares (bilat.render.common): the JSON writer, names and directions,
dates at their precision, events as JSON values, the lines of disputed claims and letters,
and the text in the reader's language."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bilat.domain import PartialDate, YearsRange
from bilat.render import common, lang
from tests.helpers import event, load_text, store_text


def one(**fields: Any) -> Any:
    (loaded,) = load_text(store_text(event(**fields)))
    return loaded


LETTER = {"author": "President A", "recipient": "Emperor B", "language": "ja", "text": "Dear"}


def test_dump_json_is_indented_exact_and_escapes_controls() -> None:
    data = common.dump_json({"title": "Türkiye\u202e", "bell": "\u0007", "n": [1]})
    assert data.endswith(b"}\n")
    assert b'\n  "n": [\n    1\n  ]' in data
    assert "Türkiye".encode() in data  # kept, not escaped
    assert b"\\u202e" in data
    assert b"\\u0007" in data
    assert json.loads(data) == {"title": "Türkiye\u202e", "bell": "\u0007", "n": [1]}


def test_names_in_english_and_in_the_readers_language() -> None:
    assert common.names(["AZ", "JP"]) == "Azerbaijan – Japan"
    lang.use("ja")
    assert common.name("JP") == "日本"
    assert common.names(["JP", "AZ"]) == "日本 – アゼルバイジャン"


def test_direction() -> None:
    assert common.direction(one()) == ""
    assert common.direction(one(by="JP")) == "Japan → Azerbaijan"
    assert common.direction(one(by="AZ", parties=["AZ", "JP", "TR"])) == "by Azerbaijan"


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("1992-09-07", None, "1992-09-07"),
        ("1992-09-07", "1992-09-07", "1992-09-07"),
        ("1998-02-24", "1998-02-28", "1998-02-24/28"),
        ("2006-03-30", "2006-04-02", "2006-03-30/04-02"),
        ("1999-12-30", "2000-01-02", "1999-12-30/2000-01-02"),
        ("2006-03", "2006-05", "2006-03/2006-05"),
        ("2006-03-30", "2006-05", "2006-03-30/2006-05"),
        ("1862", "1950", "1862/1950"),
    ],
)
def test_date_span(start: str, end: str | None, shown: str) -> None:
    assert common.date_span(one(date=start, end_date=end)) == shown


def test_weekdays_at_the_dates_precision() -> None:
    monday, month = PartialDate.parse("1992-09-07"), PartialDate.parse("1992-09")
    assert common.weekday(monday) == common.english_weekday(monday) == "Mon"
    assert common.weekday(month) is None
    assert common.english_weekday(month) is None
    lang.use("ja")
    assert common.weekday(monday) == "月"
    assert common.english_weekday(monday) == "Mon"  # JSON and CSV, in every language


@pytest.mark.parametrize(
    ("date", "shown"),
    [("2022-09-07", "7 September 2022"), ("2022-09", "September 2022"), ("2022", "2022")],
)
def test_long_date_in_english(date: str, shown: str) -> None:
    assert common.long_date(PartialDate.parse(date)) == shown


def test_long_date_and_ordinal_in_the_readers_language() -> None:
    assert common.ordinal(30) == "30th"
    lang.use("ja")
    assert common.long_date(PartialDate.parse("2022-09-07")) == "2022年9月7日"
    assert common.ordinal(30) == "30周年"


def test_event_json_promises_every_key() -> None:
    doc = common.event_json(one())
    assert doc["end_date"] is None
    assert doc["by"] is None
    assert doc["summary"] is None
    assert doc["disputed"] == []
    assert doc["sources"] == [{"title": "A source", "url": "https://example.org/"}]
    assert "letter" not in doc
    full = common.event_json(one(by="JP", end_date="1992-09-09", summary="S", place="Tokyo"))
    assert (full["by"], full["end_date"], full["summary"]) == ("JP", "1992-09-09", "S")
    assert full["place"] == "Tokyo"


def test_years_json_and_claim_dates() -> None:
    assert common.years_json(None) is None
    assert common.years_json(YearsRange(33, 34)) == {"min": 33, "max": 34}
    claim = {"end_date": "1992-10", "note": "Other.", "sources": [{"title": "B"}]}
    (found,) = one(disputed=[claim]).disputed
    assert common.claim_dates(found) == {"date": None, "end_date": "1992-10"}


def test_source_and_disputed_lines() -> None:
    claim = {
        "date": "1992-09",
        "end_date": "1992-10",
        "note": "A later account.",
        "sources": [{"title": "B", "url": "https://b.example/"}, {"title": "C"}],
    }
    disputed = one(id="e-9", disputed=[claim])
    assert common.disputed_lines(one()) == []
    assert common.disputed_lines(disputed) == [
        (
            "Diplomatic relations established (1992-09-07, e-9): also given as date 1992-09, "
            "end 1992-10. A later account. Sources: B <https://b.example/>; C"
        )
    ]


def test_letter_json_and_lines() -> None:
    letter = one(kind="letter", by="AZ", title="Letter of congratulation", letter=LETTER)
    doc = common.letter_json(letter)
    assert (doc["author"], doc["recipient"], doc["language"]) == ("President A", "Emperor B", "ja")
    assert doc["text"] == "Dear"
    assert doc["sources"] == [{"title": "A source", "url": "https://example.org/"}]
    assert common.letter_lines(letter) == [
        ("From", "President A"),
        ("To", "Emperor B"),
        ("Date", "7 September 1992"),
        ("Occasion", "Letter of congratulation"),
        ("Language", "ja"),
    ]
    placed = one(kind="letter", place="Baku", letter={**LETTER, "language": None})
    assert ("Date", "7 September 1992, Baku") in common.letter_lines(placed)
    assert "Language" not in dict(common.letter_lines(placed))


def test_event_fields_leave_out_what_is_missing() -> None:
    assert [k for k, _ in common.event_fields(one())] == ["Id", "Date", "Kind", "Parties"]
    fields = dict(common.event_fields(one(by="JP", place="Tokyo", summary="S", note="N")))
    assert fields["Parties"] == "Azerbaijan – Japan (AZ, JP)"
    assert fields["By"] == "Japan (Japan → Azerbaijan)"
    assert (fields["Place"], fields["Summary"], fields["Note"]) == ("Tokyo", "S", "N")


def test_paragraphs() -> None:
    text = "One\r\nline.\r\n\r\n   \n  Two.  \n\n\n"
    assert common.paragraphs(text) == ["One line.", "Two."]
    assert common.paragraphs("") == []


def test_leap_rule_texts_differ() -> None:
    assert "28 February" in common.leap_rule_text("feb28")
    assert "1 March" in common.leap_rule_text("mar1")


def test_kind_labels_cover_every_kind_and_translate() -> None:
    from bilat.vocab import KINDS

    assert set(common.KIND_LABELS) == set(KINDS)
    assert common.kind_cell("visit") == "visit"
    lang.use("ja")
    assert common.kind_cell("visit") == "訪問"


def test_title_and_summary_in_the_readers_language() -> None:
    translated = one(summary="S", translations={"ja": {"title": "外交関係", "summary": "要約"}})
    other = one(title="A custom title")
    assert (common.title(translated), common.summary(translated)) == (translated.title, "S")
    lang.use("ja")
    assert (common.title(translated), common.summary(translated)) == ("外交関係", "要約")
    assert common.title(one()) == "外交関係樹立"  # a title that restates the kind
    assert common.title(other) == "A custom title"  # never a machine translation
    assert common.translation(other) is None


def test_translation_by_region_then_by_language() -> None:
    both = one(translations={"pt-BR": {"title": "Brasil"}, "pt": {"title": "Portugal"}})
    lang.use("pt_BR")
    assert common.title(both) == "Brasil"
    lang.use("pt_PT")
    assert common.title(both) == "Portugal"
