"""Events from a CSV file (bilat.importers.csv): each column into its field, sources from
two lists, which events need an id made, rows in error reported in file order, and the
files refused whole. Through ``bilat import csv``: tests/cli/test_imports.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilat.importers import Imported
from bilat.importers import csv as importer
from bilat.model import Letter, Source
from bilat.vocab import StoreError

HEADER = "date,parties,kind,title,source_urls,source_titles"


def read(tmp_path: Path, *rows: str, header: str = HEADER, end: str = "\n") -> Imported:
    path = tmp_path / "events.csv"
    path.write_bytes(end.join([header, *rows, ""]).encode("utf-8"))
    return importer.read(str(path))


def test_every_column_goes_to_its_field(tmp_path: Path) -> None:
    header = HEADER + ",id,by,end_date,summary,note,place,letter_author,letter_recipient"
    row = (
        "1999-10-22, az ; jp ,letter,To Obuchi,https://lib.example/1,Library,my-letter,az,"
        "1999-10-23,A summary,A note,Baku,Heydar Aliyev,Keizo Obuchi"
    )
    result = read(tmp_path, row, header=header)
    assert result.errors == []
    assert result.new_ids == set()  # the row gave its id
    (e,) = result.events
    assert (e.id, str(e.date), str(e.end_date)) == ("my-letter", "1999-10-22", "1999-10-23")
    assert (e.parties, e.by, e.kind, e.title) == (["AZ", "JP"], "AZ", "letter", "To Obuchi")
    assert (e.summary, e.note, e.place) == ("A summary", "A note", "Baku")
    assert e.letter == Letter(author="Heydar Aliyev", recipient="Keizo Obuchi")
    assert e.sources == [Source(title="Library", url="https://lib.example/1")]


@pytest.mark.parametrize(
    ("urls", "titles", "expected"),
    [
        ("https://a/;https://b/", "A | B", [("A", "https://a/"), ("B", "https://b/")]),
        (
            " https://a/ ; ;https://b/;",
            "",
            [("https://a/", "https://a/"), ("https://b/", "https://b/")],
        ),
        ("", "A page | Another ", [("A page", None), ("Another", None)]),
        ("", "One; with a semicolon", [("One; with a semicolon", None)]),
    ],
)
def test_sources_pair_urls_with_titles(
    tmp_path: Path, urls: str, titles: str, expected: list[tuple[str, str | None]]
) -> None:
    (e,) = read(tmp_path, f'1992,AZ;JP,visit,A visit,"{urls}","{titles}"').events
    assert [(s.title, s.url) for s in e.sources] == expected


def test_source_types_go_to_the_sources_in_order(tmp_path: Path) -> None:
    header = HEADER + ",source_types"
    rows = (
        "1992,AZ;JP,visit,Typed,https://a.example/;https://b.example/,A | B,official;",
        "1993,AZ;JP,visit,Untyped,https://a.example/,A,",
        "1994,AZ;JP,visit,Too many,https://a.example/,A,news;official",
        "1995,AZ;JP,visit,Unknown,https://a.example/,A,blog",
    )
    result = read(tmp_path, *rows, header=header)
    typed, untyped = result.events
    assert [s.type for s in typed.sources] == ["official", None]
    assert typed.evidence == "official"
    assert untyped.sources == [Source(title="A", url="https://a.example/")]
    assert result.errors[0].endswith("line 4: 1 sources but 2 source_types")
    assert "line 5: " in result.errors[1]
    assert "'blog'" in result.errors[1]
    assert len(result.errors) == 2


@pytest.mark.parametrize(
    ("extra", "values", "note"),
    [
        (",conflict", ",Sources differ", "Sources differ"),
        (",note,conflict", ",Our note,Sources differ", "Our note"),
        (",note,conflict", ", ,Sources differ", "Sources differ"),
        (",note", ",", None),
    ],
)
def test_the_conflict_column_is_the_note_when_there_is_none(
    tmp_path: Path, extra: str, values: str, note: str | None
) -> None:
    (e,) = read(tmp_path, "1992,AZ;JP,visit,A visit,,S" + values, header=HEADER + extra).events
    assert e.note == note


def test_ids_are_made_for_the_valid_rows_that_have_none(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        "2001,AZ;JP,visit,First,,S,",
        "2002,AZ;XX,visit,Bad code,,S,",
        "2003,AZ;JP,visit,Second,,S,given-id",
        "2004,AZ;JP,visit,Third,,S,  ",
        header=HEADER + ",id",
    )
    assert [e.title for e in result.events] == ["First", "Second", "Third"]
    assert result.new_ids == {0, 2}  # positions among the events, not the rows
    assert result.events[1].id == "given-id"
    assert result.report == {"rows": 4, "invalid": 1}


def test_rows_in_error_name_the_file_the_line_and_the_problem(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        "1992-13,AZ;JP,visit,Bad date,,S",
        "",  # a blank line is no row, but it is a line
        "1992,AZ;JP,visit,Two urls,https://a/;https://b/,One title",
        "1992,AZ;JP,war,Bad kind,,S",
        "1992,AZ;JP,letter,A letter,,S",
    )
    name = str(tmp_path / "events.csv")
    assert [e.split(": ", 2)[:2] for e in result.errors] == [
        [name, "line 2"],
        [name, "line 4"],
        [name, "line 5"],
        [name, "line 6"],
    ]
    assert "2 source_urls but 1 source_titles" in result.errors[1]
    assert "$.kind" in result.errors[2]
    assert "a letter event needs a letter object" in result.errors[3]
    assert result.events == []
    assert result.report == {"rows": 4, "invalid": 4}


def test_a_letter_needs_both_ends(tmp_path: Path) -> None:
    header = HEADER + ",letter_author,letter_recipient"
    result = read(tmp_path, "1999,AZ;JP,letter,A letter,,S,Aliyev,", header=header)
    (error,) = result.errors
    assert "$.letter.recipient" in error


def test_a_byte_order_mark_crlf_quotes_and_a_spaced_header(tmp_path: Path) -> None:
    header = "\ufeff date , parties,kind , title,source_urls,source_titles"
    row = '1992,AZ;JP,visit,"Visit, with ""quotes""",,S'
    (e,) = read(tmp_path, row, header=header, end="\r\n").events
    assert e.title == 'Visit, with "quotes"'
    assert e.sources == [Source(title="S")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "missing columns: date, parties, kind, title, source_urls, source_titles"),
        ("date,kind,title\n", "missing columns: parties, source_urls, source_titles"),
        (HEADER + ",colour,Note\n", "unknown columns: colour, Note"),
        (HEADER + "," + "x" * (importer.MAX_FIELD + 1), "line 1: field larger than field limit"),
    ],
)
def test_files_refused_whole(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        importer.read(str(path))
    assert str(info.value).startswith(f"{path}: {message}")


def test_files_that_cannot_be_read_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.csv"
    with pytest.raises(StoreError, match="no such CSV file"):
        importer.read_text(str(path))
    path.write_bytes(HEADER.encode() + b"\n1992,AZ;TR,visit,T\xfcrkiye,,S\n")
    with pytest.raises(StoreError, match=r"not UTF-8 text \(invalid byte at line 2, column 19\)"):
        importer.read_text(str(path))
    monkeypatch.setattr(importer, "MAX_FILE", 1 << 20)
    path.write_bytes(b"x" * ((1 << 20) + 1))
    with pytest.raises(StoreError, match="bilat reads files up to 1 MiB"):
        importer.read(str(path))


def test_a_cell_may_hold_a_letter_length_text(tmp_path: Path) -> None:
    summary = "y" * 150_000  # over csv's default field limit; over the summary's limit too
    result = read(tmp_path, f"1992,AZ;JP,visit,V,,S,{summary}", header=HEADER + ",summary")
    (error,) = result.errors  # the event's own limit speaks, not the CSV reader
    assert "line 2: $.summary" in error


# --------------------------------------------------------------------------- quoting


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_line_break_inside_a_quoted_cell_is_kept(tmp_path: Path, end: str) -> None:
    row = f'1992-09-07,AZ;JP,visit,A visit,https://a.example/,A,"First line{end}second line"'
    result = read(tmp_path, row, header=HEADER + ",summary", end=end)
    assert result.errors == []
    (e,) = result.events
    assert e.summary is not None
    assert "First line" in e.summary
    assert e.summary.endswith("second line")
    assert "linesecond" not in e.summary


@pytest.mark.parametrize("char", ["\x0c", "\x1c", "\x85", "\u2028", "\u2029"])
def test_a_separator_that_is_not_a_line_break_does_not_split_the_row(
    tmp_path: Path, char: str
) -> None:
    row = f'1992-09-07,AZ;JP,visit,A visit,https://a.example/,A,"one{char}two"'
    result = read(tmp_path, row, header=HEADER + ",summary")
    assert result.errors == []
    (e,) = result.events
    assert e.summary == f"one{char}two"  # the cell as written: data, shown escaped


def test_an_unclosed_quote_is_an_error_not_the_rest_of_the_file(tmp_path: Path) -> None:
    rows = [
        '1992-09-07,AZ;JP,visit,"An unclosed title,https://a.example/,A',
        "1993-01-01,AZ;JP,visit,Another,https://b.example/,B",
    ]
    with pytest.raises(StoreError, match=r"events\.csv: line \d+: unexpected end of data"):
        read(tmp_path, *rows)


def test_a_column_named_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"line 1: a column named twice: title"):
        read(tmp_path, "1992-09-07,AZ;JP,visit,A,B,https://a.example/,A", header=HEADER + ",title")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([f"c{i}" for i in range(100_000)], r"unknown columns: c0, c1, .*, c9, \.\.\. \(100000 in all\)$"),
        ([f"c{i % 50_000}" for i in range(100_000)], r"named twice: c0, c1, .* \(50000 in all\)$"),
    ],
)  # fmt: skip
def test_a_header_of_a_hundred_thousand_columns_is_checked_at_once(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    """The check is linear: it took over two minutes (each name counted in the header)."""
    import subprocess
    import sys

    path = tmp_path / "wide.csv"
    path.write_text(",".join([HEADER, *extra]) + "\n", encoding="utf-8")
    code = f"from bilat.importers.csv import read\nread({str(path)!r})"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=20, check=False
    )
    assert re.search(message, done.stderr.splitlines()[-1]), done.stderr[-300:]
