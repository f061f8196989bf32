"""``bilat import csv``: all or nothing, --dry-run, --skip-invalid, and no event twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilat.store import load_path
from tests.helpers import DATA, Run, assert_data_error

SAMPLE_CSV = DATA / "import-sample.csv"
WIKIDATA = Path(__file__).parent.parent / "importers" / "data" / "wikidata-relations.json"


def test_import_csv_all_or_nothing(run: Run, user_store: Path) -> None:
    result = run("import", "csv", str(SAMPLE_CSV))
    assert result.exit_code == 1
    assert f"{SAMPLE_CSV}: line 7: $.letter: a letter event needs a letter object" in result.stderr
    assert "nothing was written" in result.stderr
    assert not user_store.exists()


def test_import_csv_dry_run_then_skip_invalid_then_again(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "embassy.json"
    args = ("import", "csv", str(SAMPLE_CSV), "--store", str(target), "--skip-invalid")
    dry = run(*args, "--dry-run", "--format", "json")
    assert dry.exit_code == 0, dry.output
    assert len(json.loads(dry.stdout)["events"]) == 5
    assert not target.exists()
    first = run(*args)
    assert first.exit_code == 0, first.output
    assert " ".join(first.stdout.split()).startswith(
        f"5 events added to {target}; 1 invalid row skipped"
    )
    events = load_path(target).events
    assert len(events) == 5
    assert "az-jp-recognition" in {e.id for e in events}  # bilat.ids: no date (once)
    note = next(e for e in events if e.kind == "recognition").note
    assert note is not None
    assert "December 1991" in note  # the 'conflict' column became the note
    again = run(*args)
    assert again.exit_code == 0
    assert " ".join(again.stdout.split()).startswith(
        f"0 events added to {target}; 5 rows matched stored events; 5 already there"
    )
    assert len(load_path(target).events) == 5


def test_import_into_your_store_skips_what_the_bundled_store_has(
    run: Run, user_store: Path
) -> None:
    result = run("import", "csv", str(SAMPLE_CSV), "--skip-invalid")
    assert result.exit_code == 0, result.output
    # The rows repeat bundled events: nothing is added twice; those whose rows cite a
    # source the bundled event does not are written to your store as overrides with it.
    assert " ".join(result.stdout.split()).startswith(
        f"0 events added to {user_store}; 5 rows matched stored events; 2 already there; "
        "3 events there gained sources"
    )
    bundled_ids = {e.id for e in load_path(user_store).events}
    assert bundled_ids <= {
        "jp-recognises-az",
        "az-jp-diplomatic-relations",
        "az-fm-gasimov-tokyo-1992",
        "heydar-aliyev-receives-jp-delegation-1999",
        "jp-fm-kono-visit-baku-2018",
    }


def test_import_csv_with_ids_and_letters(run: Run, tmp_path: Path) -> None:
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(
        "id,date,parties,by,kind,title,source_urls,source_titles,letter_author,letter_recipient\n"
        "my-letter,2022-09-07,AZ;JP,az,letter,Letter,https://a.example/,A page,Aliyev,Kishida\n",
        encoding="utf-8",
    )
    target = tmp_path / "mine.json"
    result = run("import", "csv", str(csv_file), "--store", str(target))
    assert result.exit_code == 0, result.output
    (stored,) = load_path(target).events
    assert stored.id == "my-letter"
    assert stored.by == "AZ"
    assert stored.letter is not None
    assert stored.letter.recipient == "Kishida"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("date,parties\n1992,AZ;JP\n", "missing columns: kind, title"),
        (
            "date,parties,kind,title,source_urls,source_titles,colour\n",
            "unknown columns: colour",
        ),
    ],
)
def test_import_csv_bad_files(run: Run, tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    assert_data_error(run("import", "csv", str(path)), fragment)


def test_import_csv_missing_file(run: Run, tmp_path: Path) -> None:
    assert_data_error(run("import", "csv", str(tmp_path / "nope.csv")), "no such CSV file")
    assert_data_error(run("import", "csv", str(tmp_path)), "is a directory")


def test_the_documented_example_imports(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    example = DATA.parent.parent / "docs" / "import-example.csv"
    result = run("import", "csv", str(example), "--store", str(target), "--format", "json")
    assert result.exit_code == 0, result.output
    events = {e.id: e for e in load_path(target).events}
    assert len(events) == 3
    visit = events["az-mt-fm-visit-2024"]
    assert [s.title for s in visit.sources] == [
        "Ministry of Foreign Affairs of Azerbaijan",
        "Ministry for Foreign Affairs of Malta",
    ]
    agreement = next(e for e in events.values() if e.kind == "agreement")
    assert agreement.date.isoformat() == "2019"


def test_a_header_with_spaces_and_long_cells(run: Run, tmp_path: Path) -> None:
    text = "x" * 150_000
    source = tmp_path / "spaced.csv"
    source.write_text(
        "date, parties, kind, title, source_urls, source_titles, summary\n"
        f"2024-05-13,AZ;MT,visit,A visit,https://a.example/,A page,{text}\n",
        encoding="utf-8",
    )
    target = tmp_path / "mine.json"
    result = run("import", "csv", str(source), "--store", str(target))
    assert result.exit_code == 1  # the summary is over 20,000 characters ...
    assert "line 2: $.summary" in result.stderr  # ... and says so, without a traceback
    huge = tmp_path / "huge.csv"
    header = "date,parties,kind,title,source_urls,source_titles,summary\n"
    huge.write_text(header + "2024,AZ;MT,visit,T,,S," + "y" * 2_000_000 + "\n", encoding="utf-8")
    assert_data_error(run("import", "csv", str(huge)), str(huge), "line 2", "field larger")


def test_rows_in_error_are_reported_in_file_order(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "errors.csv"
    source.write_text(
        "date,parties,kind,title,source_urls,source_titles\n"
        "2024-13,AZ;MT,visit,Bad date,https://a.example/,A page\n"
        "2024,AZ;MT,visit,Bad sources,https://a.example/;https://b.example/,A page\n"
        "2024,AZ;ZZ,visit,Bad country,https://a.example/,A page\n",
        encoding="utf-8",
    )
    result = run("import", "csv", str(source), "--store", str(tmp_path / "s.json"))
    lines = [line for line in result.stderr.splitlines() if ": line " in line]
    assert [line.split(": line ")[1].split(":")[0] for line in lines] == ["2", "3", "4"]


def test_import_csv_that_is_not_utf8(run: Run, tmp_path: Path) -> None:
    sheet = tmp_path / "events.csv"
    sheet.write_bytes("date,parties\n1992,AZ;TR\nT\u00fcrkiye\n".encode("cp1252"))
    assert_data_error(run("import", "csv", str(sheet)), "not UTF-8 text", "line 3, column 2")


def test_the_bundled_agreements_round_trip_through_csv(run: Run, tmp_path: Path) -> None:
    """Two AZ–JP agreements of 1998-02-26 and two of 2006-03-07: the merge rule of before
    made 4 events of the 6 rows. A listing's CSV imports as it is, and lists the same."""
    listing = ("timeline", "AZ", "JP", "--kind", "agreement", "--format", "csv")
    listing += ("--as-of", "2026-12-07")
    exported = run(*listing)
    assert exported.exit_code == 0, exported.output
    rows = exported.stdout.splitlines()[1:]
    assert len(rows) == 6
    assert len({row.split(",")[0] for row in rows}) < 6  # some share a day
    path = tmp_path / "agreements.csv"
    path.write_text(exported.stdout, encoding="utf-8")
    target = tmp_path / "empty.json"
    imported = run("import", "csv", str(path), "--store", str(target), "--format", "json")
    assert imported.exit_code == 0, imported.output
    assert len(load_path(target).events) == 6
    again = run(*listing, "--store", str(target))
    assert again.stdout == exported.stdout


def test_the_report_names_what_matched_what(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "store.json"
    args = ("import", "wikidata", str(WIKIDATA), "--store", str(target), "--format", "json")
    first = json.loads(run(*args).stdout)
    assert first["added"] > 0
    assert first["matched"] == []
    again = json.loads(run(*args).stdout)
    assert again["added"] == 0
    assert len(again["matched"]) == first["added"]
    assert all(m["imported"] == m["stored"] for m in again["matched"])


SHARED_RDCR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "rdcr"


def test_an_import_writes_nothing_validate_refuses(run: Run, tmp_path: Path) -> None:
    """China's article alone gave a claim repeating the event's date (1844)."""
    china = SHARED_RDCR / "china.xml"
    if not china.is_file():
        pytest.skip(f"the State Department's guide is not at {SHARED_RDCR}")
    target = tmp_path / "china.json"
    assert run("import", "rdcr", str(china), "--store", str(target)).exit_code == 0
    checked = run("validate", str(target))
    assert checked.exit_code == 0, checked.output


def test_a_csv_of_twenty_thousand_distinct_events_without_ids_imports_whole(
    run: Run, tmp_path: Path
) -> None:
    """The merge rule of before took the pair, kind and date for the event: 200,000
    distinct visits gave 840 events."""
    rows = ["date,parties,kind,title,source_urls,source_titles"]
    rows += [
        f"{1990 + i % 30}-{1 + i % 12:02}-{1 + i % 28:02},AZ;JP,visit,Visit number {i},"
        f"https://example.org/{i},Example {i}"
        for i in range(20_000)
    ]
    path = tmp_path / "visits.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    target = tmp_path / "store.json"
    result = run("import", "csv", str(path), "--store", str(target), "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(load_path(target).events) == 20_000
