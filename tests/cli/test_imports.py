"""``bilat import csv``: all or nothing, --dry-run, --skip-invalid, and no event twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilat.store import load_path
from tests.helpers import DATA, Run, assert_data_error

SAMPLE_CSV = DATA / "import-sample.csv"


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
    assert "az-jp-recognition-1991-12-28" in {e.id for e in events}
    note = next(e for e in events if e.kind == "recognition").note
    assert note is not None
    assert "December 1991" in note  # the 'conflict' column became the note
    again = run(*args)
    assert again.exit_code == 0
    assert " ".join(again.stdout.split()).startswith(f"0 events added to {target}; 5 already there")
    assert len(load_path(target).events) == 5


def test_import_into_your_store_skips_what_the_bundled_store_has(
    run: Run, user_store: Path
) -> None:
    result = run("import", "csv", str(SAMPLE_CSV), "--skip-invalid")
    assert result.exit_code == 0, result.output
    # The rows repeat bundled events: nothing is added twice; those whose rows cite a
    # source the bundled event does not are written to your store as overrides with it.
    assert " ".join(result.stdout.split()).startswith(
        f"0 events added to {user_store}; 2 already there; 3 events there gained sources"
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
