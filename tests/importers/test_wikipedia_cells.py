"""What one cell of a list says (bilat.importers.wikipedia_cells): partners, dates,
references, names to codes."""

from __future__ import annotations

import mwparserfromhell
import pytest
from mwparserfromhell.nodes import Tag

from bilat.dates import PartialDate
from bilat.importers.wikipedia_cells import (
    Cited,
    cell_date,
    code_of,
    partner_of,
    ref_name,
    ref_tags,
    reference,
    visible_text,
)


def code(text: str) -> mwparserfromhell.wikicode.Wikicode:
    return mwparserfromhell.parse(text)


@pytest.mark.parametrize(
    ("cell", "name", "mark"),
    [
        ("{{flag|Azerbaijan}}", "Azerbaijan", ""),
        ("{{Flag|Syria|1980}}", "Syria", ""),
        ("{{flagcountry|Ivory Coast}}", "Ivory Coast", ""),
        ("{{#invoke:flag||Portugal}}", "Portugal", ""),
        ("{{flag|Iran}} (suspended) ", "Iran", "(suspended)"),
        ("{{GEO}}", "GEO", ""),
        ("[[Syria]]", "Syria", ""),
        ("[[Georgia (country)|Georgia]]", "Georgia", ""),
        ("[[File:Flag.svg|20px]] [[Chad]]", "Chad", "20px"),
        ("{{flagicon image|Flag.svg}} <b>Syria</b>", "Syria", ""),
        ("Atlantis<ref>x</ref>", "Atlantis", ""),
        ("", "", ""),
    ],
)
def test_partner(cell: str, name: str, mark: str) -> None:
    assert partner_of(code(cell)) == (name, mark)


@pytest.mark.parametrize(
    ("cell", "date"),
    [
        ("{{dts|14 January 1992}}", "1992-01-14"),
        ("{{Dts|31 August  1957}}", "1957-08-31"),
        ("{{dts|1992|6|8|format=dmy}}", "1992-06-08"),
        ("{{dts|format=dmy|2002|4}}", "2002-04"),
        ("{{dts|format=dmy|20 September 2023||}}", "2023-09-20"),
        ("{{Date table sorting|December 1991}}", "1991-12"),
        ("{{#invoke:dts|main|1396}}", "1396"),
        ("{{#invoke:dts|main|1908|4|9|format=dmy}}", "1908-04-09"),
        ("24 August 1991", "1991-08-24"),
        ("January 14, 1992", "1992-01-14"),
        ("Sept. 1970", "1970-09"),
        ("1992-03-19", "1992-03-19"),
        ("<!-- start date --> 1992 <ref>x</ref>", "1992"),
        ("Unknown", None),
        ("Before 1982", None),
        ("1990–1992", None),
        ("30 February 2015", None),
        ("{{dts|30 February 2015}}", None),
        ("{{dts|1992|13|1}}", None),
        ("{{dts|Smarch 1992}}", None),
        ("{{dts|1992|a}}", None),
        ("{{dts}}", None),
        ("", None),
    ],
)
def test_date(cell: str, date: str | None) -> None:
    found, shown = cell_date(code(cell))
    assert (found.isoformat() if found else None) == date
    assert found is None or found == PartialDate.parse(date or "")
    assert "{{" not in shown


def first_ref(text: str) -> Tag:
    (tag, *_) = ref_tags(code(text))
    return tag


@pytest.mark.parametrize(
    ("ref", "cited"),
    [
        (
            "<ref>{{Cite web |title=A list |url=https://example.org/a}}</ref>",
            Cited("A list", "https://example.org/a"),
        ),
        (
            "<ref>{{#invoke:cite|web|title=Titled|url=//example.org/b}}</ref>",
            Cited("Titled", "https://example.org/b"),
        ),
        (
            "<ref>{{cite news |url=https://example.org/c}}</ref>",
            Cited("example.org", "https://example.org/c"),
        ),
        (
            "<ref>{{cite book |title=A book |url=ftp://example.org/d}}</ref>",
            Cited("A book", None),
        ),
        (
            "<ref>[https://example.org/e An ''embassy'' page]</ref>",
            Cited("An embassy page", "https://example.org/e"),
        ),
        (
            "<ref>Hillgarth, p. 11 [https://example.org/f]</ref>",
            Cited("Hillgarth, p. 11", "https://example.org/f"),
        ),
        ("<ref>Hillgarth, p. 11</ref>", Cited("Hillgarth, p. 11", None)),
        ("<ref><!-- nothing --></ref>", None),
        ("<ref>{{cite web}}</ref>", None),
        ('<ref name="gone" />', None),
    ],
)
def test_reference(ref: str, cited: Cited | None) -> None:
    assert reference(first_ref(ref), {}) == cited


def test_a_reused_reference_is_read_where_it_is_defined() -> None:
    defined = {"un": first_ref('<ref name="un">{{cite web|title=UN|url=https://un.org}}</ref>')}
    tag = first_ref('<ref name = "un"/>')
    assert ref_name(tag) == "un"
    assert reference(tag, defined) == Cited("UN", "https://un.org")
    assert ref_name(first_ref("<ref>x</ref>")) is None
    assert ref_name(first_ref('<ref name="">x</ref>')) is None


def test_long_titles_are_clipped() -> None:
    found = reference(first_ref(f"<ref>{'word ' * 200}</ref>"), {})
    assert found is not None
    assert len(found.title) == 300
    assert found.title.endswith("…")


def test_refs_inside_tags_are_found_but_not_those_inside_templates() -> None:
    tags = ref_tags(code("<small>a<ref>one</ref></small>{{efn|b<ref>two</ref>}}<ref>three</ref>"))
    assert [visible_text(t.contents) for t in tags] == ["one", "three"]


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Azerbaijan", ("AZ", None)),
        ("Czech Republic", ("CZ", None)),
        ("Ivory Coast", ("CI", None)),
        ("East Timor", ("TL", None)),
        ("Swaziland", ("SZ", None)),
        ("Burma", ("MM", None)),
        ("Republic of the Congo", ("CG", None)),
        ("Republic of Congo", ("CG", None)),
        ("DR Congo", ("CD", None)),
        ("Vatican City", ("VA", None)),
        ("State of Palestine", ("PS", None)),
        ("Federated States of Micronesia", ("FM", None)),
        ("Republic of China", ("TW", None)),
        ("Republic of China (Taiwan)", ("TW", None)),
        ("Georgia (country)", ("GE", None)),
        ("Soviet Union", ("SUHH", None)),
        ("East Germany", ("DDDE", None)),
        ("Yugoslavia", ("YUCS", None)),
        ("Czechoslovakia", ("CSHH", None)),
        ("South Vietnam", (None, "former state without a code")),
        ("Sovereign Military Order of Malta", (None, "entity without a code")),
        ("Abkhazia", (None, "entity without a code")),
        ("NATO", (None, "organisation")),
        ("Atlantis", (None, "name unknown to bilat")),
        ("Atlantis (island)", (None, "name unknown to bilat")),
    ],
)
def test_names_to_codes(name: str, found: tuple[str | None, str | None]) -> None:
    assert code_of(name) == found
