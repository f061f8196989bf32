"""Finding an article's list table and its rows (bilat.importers.wikipedia_tables)."""

from __future__ import annotations

from bilat.importers.wikipedia_cells import visible_text
from bilat.importers.wikipedia_tables import list_table, split_tables

NESTED = """intro
{| class="outer"
|
{| class="inner"
|x
|}
|}
text
 {| class="indented"
|y
|}
{| class="never closed"
"""


def test_split_tables_cuts_top_level_tables_by_lines() -> None:
    found = list(split_tables(NESTED))
    assert [line for line, _ in found] == [2, 9]
    assert found[0][1].endswith("|}\n|}")


def test_the_header_may_follow_the_table_start_or_an_image_row() -> None:
    for head in (
        "!#\n!Country\n!Date\n",
        '! colspan="3" |[[File:x.svg]]\n|-\n!#\n!Country\n!Date\n',
    ):
        table, others = list_table("{|\n" + head + "|-\n|1\n|{{flag|Chad}}\n|{{dts|1960}}\n|}")
        assert table is not None
        assert others == []
        (row,) = table.rows
        assert visible_text(row.date) == ""
        assert str(row.partner).strip() == "{{flag|Chad}}"


def test_columns_are_found_by_their_headers_in_any_order() -> None:
    text = """{| class="wikitable"
|+ List of diplomatic relations of the United Kingdom
!Date<ref>{{cite web|title=Dates|url=https://example.org}}</ref>
!Notes
!State
|-
|{{dts|1960}} || a note || {{flag|Chad}}<ref>r</ref>
|}"""
    table, _ = list_table(text)
    assert table is not None
    assert table.caption == "the United Kingdom"
    (row,) = table.rows
    assert str(row.partner).strip().startswith("{{flag|Chad}}")
    assert str(row.date).strip() == "{{dts|1960}}"
    assert len(row.refs) == 1
    assert len(table.header_refs) == 1


def test_tables_that_are_not_lists_are_passed_over() -> None:
    for head in (
        "!Country\n!Date of recognition\n",
        "!Organization\n!Date\n",
        "!Year\n!Country\n!Date of issue\n",
    ):
        assert list_table("{|\n" + head + "|-\n|a\n|b\n|c\n|}") == (None, [])


def test_only_the_first_list_is_read_and_short_rows_are_counted() -> None:
    text = """{|
!Country
!Date
|-
|{{flag|Chad}}
|-
|{{flag|Mali}}
|{{dts|1960}}
|}
{|
!Country
!Date
|-
|{{flag|Poland}}
|{{dts|2022}}
|}"""
    table, others = list_table(text)
    assert table is not None
    assert table.rows_with_bad_shape == [5]
    assert [r.line for r in table.rows] == [7]
    assert others == [10]
    assert table.caption is None


def test_a_caption_that_names_no_state_is_none() -> None:
    table, _ = list_table("{|\n|+ Partners\n!Country\n!Date\n|-\n|a\n|b\n|}")
    assert table is not None
    assert table.caption is None
    table, _ = list_table(
        "{|\n|+ List of countries which Chad maintains relations with\n!Country\n!Date\n|}"
    )
    assert table is not None
    assert table.caption == "Chad"
    assert table.rows == []


def test_without_a_list_the_regional_tables_are_read_as_one() -> None:
    region = "{|\n!Country\n!Formal relations began\n!Notes\n|-\n|{{flag|%s}}||%s||note\n|}\n"
    text = region % ("Chad", "1960") + "prose\n" + region % ("Peru", "1992")
    table, others = list_table(text)
    assert table is not None
    assert table.regional
    assert [r.line for r in table.rows] == [6, 14]
    assert others == []
    listed = "{|\n!Country\n!Date\n|-\n|{{flag|Mali}}\n|1960\n|}\n"
    table, _ = list_table(text + listed)
    assert table is not None
    assert not table.regional
    assert len(table.rows) == 1
