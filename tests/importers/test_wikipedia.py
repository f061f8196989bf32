"""English Wikipedia's "Foreign relations of X" lists into events (bilat.importers.wikipedia),
on a fixture of the project's own writing in the articles' shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat import codec, reconcile
from bilat.dates import PartialDate
from bilat.importers import wikipedia
from bilat.importers.wikipedia_articles import Article
from bilat.model import Event, Reference
from bilat.vocab import StoreError
from tests.helpers import ROOT

FIXTURE = ROOT / "tests" / "importers" / "data" / "wikipedia" / "azerbaijan.wikitext"
MFA = Reference(
    title="Foreign policy - bilateral relations",
    url="https://mfa.gov.az/en/category/bilateral-relations",
)
TABLE = """{| class="wikitable"
!#
!Country
!Date
|-
|1
|{{flag|Japan}}
|{{dts|1992}}
|}
"""


@pytest.fixture(scope="module")
def events() -> dict[str, Event]:
    return {e.id: e for e in wikipedia.read([str(FIXTURE)]).events}


@pytest.fixture(scope="module")
def report() -> dict[str, object]:
    result = wikipedia.read([str(FIXTURE.parent)]).report
    assert isinstance(result, dict)
    return result


def article(text: str, title: str = "Foreign relations of Azerbaijan") -> Article:
    return Article("x.wikitext", text, title, "https://en.wikipedia.org/wiki/X")


def test_every_shape_of_row_gives_its_date_at_its_precision(events: dict[str, Event]) -> None:
    dates = {i.split("-diplomatic")[0]: str(e.date) for i, e in events.items()}
    assert dates == {
        "az-tr": "1992-01-14",  # {{dts|14 January 1992}}
        "az-jp": "1992-09-07",  # {{dts|1992|9|7|format=dmy}}
        "az-ci": "1993-12",  # {{Date table sorting|December 1993}}, "Ivory Coast"
        "az-tl": "2003",  # {{#invoke:flag||East Timor}} || {{#invoke:dts|main|2003}}
        "az-cz": "1993-01-01",  # plain text, "Czech Republic"
        "az-sy": "1992-01-14",  # [[Syria]], "January 14, 1992"
        "az-ge": "1992-11-18",  # {{GEO}}, then "Georgia (country)" a second time
        "az-tw": "1992",  # "Republic of China"
        "az-ir": "1992-03-12",  # "(suspended)"
        "az-suhh": "1991",  # a former state under its ISO 3166-3 code
    }
    assert all(e.kind == "diplomatic-relations" for e in events.values())
    assert {e.title for e in events.values()} == {"Diplomatic relations established"}
    assert events["az-tr-diplomatic-relations"].parties == ["AZ", "TR"]


def test_each_event_cites_the_article_and_what_its_row_cites(events: dict[str, Event]) -> None:
    (source,) = events["az-jp-diplomatic-relations"].sources
    assert source.title == "Wikipedia (English): Foreign relations of Azerbaijan"
    assert source.url == "https://en.wikipedia.org/wiki/Foreign_relations_of_Azerbaijan"
    assert source.type == "encyclopedia"
    assert source.cites == [
        Reference(
            title="Diplomatic relations between Azerbaijan and Japan",
            url="https://digitallibrary.un.org/record/0000001",
        ),
        MFA,  # the Date column's header
    ]
    # a reused name, defined below the table, with a protocol-relative address
    (ci,) = events["az-ci-diplomatic-relations"].sources
    assert ci.cites is not None
    assert ci.cites[0].url == "https://digitallibrary.un.org/record/0000002"
    # a reused name defined in the lead
    (ge,) = events["az-ge-diplomatic-relations"].sources
    assert ge.cites is not None
    assert ge.cites[0] == Reference(title="Lead source", url="https://example.org/lead")


def test_a_second_row_that_contradicts_the_first_is_disputed(events: dict[str, Event]) -> None:
    (claim,) = events["az-tr-diplomatic-relations"].disputed or []
    assert claim.date == PartialDate(1992, 1, 15)
    assert claim.sources[0].cites is not None
    assert claim.sources[0].cites[0].title == "An embassy page"
    assert events["az-ge-diplomatic-relations"].disputed is None  # 1992-11 agrees


def test_a_mark_is_a_note_not_an_event(events: dict[str, Event]) -> None:
    assert events["az-ir-diplomatic-relations"].note == "The list marks the relations as suspended."


def test_the_report_counts_what_was_skipped_and_why(report: dict[str, object]) -> None:
    assert report["articles"] == 1
    assert report["rows"] == 21
    assert report["events"] == 10
    assert report["skipped"] == {
        "entity without a code": {"Sahrawi Arab Democratic Republic": 1},
        "former state without a code": {"South Vietnam": 1},
        "name unknown to bilat": {"Atlantis": 1},
        "organisation": {"European Union": 1},
        "row without a partner or date cell": {"line 92": 1},
        "the subject itself": {"Azerbaijan": 1},
    }
    (one,) = report["per_article"]  # type: ignore[misc]
    assert one["date_unknown"] == ["Chad: Unknown", "Niger: Before 1982", "Mali: 30 February 1995"]
    assert one["marked"] == {"suspended": ["Iran"]}
    assert one["first_of_january"] == ["az-cz-diplomatic-relations"]
    assert one["list_line"] == 7
    assert one["other_tables_not_read"] == [97]  # the consular relations
    assert one["listed_twice"] == ["Georgia (country)", "Turkey"]


def test_the_subject_comes_from_the_country_given_then_the_title_then_the_caption() -> None:
    events, _ = wikipedia.read_article(article(TABLE), "KZ")
    assert [e.id for e in events] == ["jp-kz-diplomatic-relations"]
    events, _ = wikipedia.read_article(article(TABLE))
    assert [e.id for e in events] == ["az-jp-diplomatic-relations"]
    captioned = TABLE.replace("!#", "|+ List of diplomatic relations of the United Kingdom\n!#")
    events, _ = wikipedia.read_article(article(captioned, "Foreign relations of Nowhere"))
    assert [e.id for e in events] == ["gb-jp-diplomatic-relations"]
    with pytest.raises(StoreError, match=r"x.wikitext: cannot tell .*'Nowhere'.*--country"):
        wikipedia.read_article(article(TABLE, "Foreign relations of Nowhere"))


def test_an_article_without_a_list_needs_no_subject() -> None:
    events, report = wikipedia.read_article(article("No table here.", "Foreign relations of Korea"))
    assert events == []
    assert report["list_table"] is False
    assert report["rows"] == 0


def test_an_entity_without_a_code_gives_no_events() -> None:
    title = "Foreign relations of the Sovereign Military Order of Malta"
    events, report = wikipedia.read_article(article(TABLE, title))
    assert events == []
    assert report["subject"] is None
    assert report["skipped"] == {
        "subject without a code": {"the Sovereign Military Order of Malta": 1}
    }


def test_outcomes_say_per_article_what_was_added_present_or_disputed() -> None:
    stored = codec.event_from_dict(
        {
            "id": "az-jp-diplomatic-relations",
            "date": "1993",
            "parties": ["AZ", "JP"],
            "kind": "diplomatic-relations",
            "title": "Diplomatic relations established",
            "sources": [{"title": "A book"}],
        }
    )
    first = wikipedia.read_articles([(article(TABLE), None)])
    kz = wikipedia.read_articles([(article(TABLE), "KZ"), (article(TABLE), "KZ")])
    for imported, existing in ((first, [stored]), (kz, [])):
        merged = reconcile.plan(existing, imported.events)
        wikipedia.outcomes(imported, merged)
    (az,) = first.report["per_article"]
    assert (az["added"], az["already_present"], az["disputed"]) == (0, 0, 1)
    one, two = kz.report["per_article"]
    assert (one["added"], two["added"], two["already_present"]) == (1, 0, 1)


def test_files_and_folders(tmp_path: Path) -> None:
    assert wikipedia.read([str(FIXTURE.parent)]).report["articles"] == 1
    with pytest.raises(StoreError, match="no such file or folder"):
        wikipedia.read([str(tmp_path / "missing")])
    with pytest.raises(StoreError, match=r"no \.wikitext files"):
        wikipedia.read([str(tmp_path)])
    seen: list[tuple[int, int]] = []
    wikipedia.read([str(FIXTURE)], "AZ", lambda done, total: seen.append((done, total)))
    assert seen == [(1, 1)]


def test_a_note_column_dates_suspensions_severances_and_restorations() -> None:
    text = """{| class="wikitable"
!#
!State
!Relations established
!Notes
|-
|1 || {{flag|Panama}} || {{dts|1978}} || Relations were suspended from 20 January 2020 to
16 September 2021.<ref>{{cite web|title=A note's source|url=https://example.org/n}}</ref>
|-
|2 || {{flag|Mexico}} || Unknown || Relations were severed in 1979.
|-
|3 || {{flag|Chad}} || {{dts|1980}}
|}"""
    events, report = wikipedia.read_article(article(text, "Foreign relations of Kenya"))
    found = {e.id: (e.kind, e.title, str(e.date)) for e in events}
    assert found == {
        "ke-pa-diplomatic-relations": (
            "diplomatic-relations",
            "Diplomatic relations established",
            "1978",
        ),
        "ke-pa-relations-suspended-2020-01-20": (
            "relations-suspended",
            "Diplomatic relations suspended",
            "2020-01-20",
        ),
        "ke-pa-relations-restored-2021-09-16": (
            "relations-restored",
            "Diplomatic relations restored",
            "2021-09-16",
        ),
        "ke-mx-relations-severed-1979": (
            "relations-severed",
            "Diplomatic relations severed",
            "1979",
        ),
        "ke-td-diplomatic-relations": (
            "diplomatic-relations",
            "Diplomatic relations established",
            "1980",
        ),
    }
    suspended = next(e for e in events if e.kind == "relations-suspended")
    assert suspended.sources[0].cites == [
        Reference(title="A note's source", url="https://example.org/n")
    ]
    assert report["events"] == 5
    assert report["date_unknown"] == ["Mexico: Unknown"]
    assert len(report["from_notes"]) == 3


def test_without_a_list_the_regional_tables_give_dates_but_not_their_prose() -> None:
    text = """{| class="wikitable"
!Country
!Formal relations began
!Notes
|-
|{{Flag|Micronesia}}||<!--Start date-->17 September 1999||
* Micronesia severed diplomatic relations with Russia on 25 February 2022.
|-
|{{Flag|Russia}}||Diplomatic relations severed 24 February 2022||See [[x]]
|-
|{{Flag|CAR}}||14 September 1995||
|}"""
    events, report = wikipedia.read_article(article(text, "Foreign relations of Ukraine"))
    assert {e.id: str(e.date) for e in events} == {
        "fm-ua-diplomatic-relations": "1999-09-17",
        "ru-ua-relations-severed-2022-02-24": "2022-02-24",
        "cf-ua-diplomatic-relations": "1995-09-14",
    }
    assert report["date_unknown"] == ["Russia: Diplomatic relations severed 24 February 2022"]
