"""The error path, through every command: bad data (a store that is missing, unreadable or
invalid) exits 1 with one 'Error: ...' line naming the file and the place; bad arguments exit
2 with click's usage; no traceback; and the console script keeps status and output."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run, assert_data_error, assert_usage_error, event


def test_unknown_command_is_a_usage_error(run: Run) -> None:
    assert_usage_error(run("timelines"), "No such command")


# --------------------------------------------------------------------------- unreadable stores


def test_missing_store(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    assert_data_error(run("timeline", "AZ", "JP", "--store", str(missing)), str(missing), "no such")
    env = {"BILAT_STORE": str(missing)}
    assert_data_error(run("anniversary", "--year", "2022", env=env), "no such")


def test_directory_store(run: Run, tmp_path: Path) -> None:
    assert_data_error(run("show-letter", "--store", str(tmp_path)), "is a directory")


def test_unreadable_store(run: Run, make_store: Callable[..., Path]) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = make_store([event()])
    path.chmod(0)
    assert_data_error(run("show", "e-1", "--store", str(path)), "permission denied")


def test_unreadable_store_even_as_root(
    run: Run, make_store: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_store([event()])

    real_open = os.open

    def deny(file: str, flags: int, *args: int) -> int:
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    assert_data_error(run("show", "e-1", "--store", str(path)), str(path), "permission denied")


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        (b"\xff\xfe{}", ("not UTF-8", "line 1, column 1")),
        (b'{"version": 1,\n "events": [,]}', ("invalid JSON at line 2, column 13",)),
        (b'{"version": 1, "events": [', ("invalid JSON", "unexpected end of file")),
        (b"[]", ("$: Expected `object`, got `array`",)),
        (b'{"version": 2, "events": [{"x": 1}]}', ("$.version", "format version 1, not 2")),
        (
            json.dumps({"version": 1, "events": [event(), event(id="e-2", date="2022-02-30")]}),
            ("$.events[1].date", "2022-02-30"),
        ),
        (
            json.dumps({"version": 1, "events": [event(date="1992-13")]}),
            ("$.events[0].date", "1992-13"),
        ),
        (
            json.dumps({"version": 1, "events": [event(date="07/09/1992")]}),
            ("$.events[0].date", "07/09/1992"),
        ),
        (json.dumps({"version": 1, "events": [event(kind="party")]}), ("$.events[0].kind",)),
        (
            json.dumps({"version": 1, "events": [event(parties=["AZ", "ZZ"])]}),
            ("$.events[0].parties[1]", "unknown country code 'ZZ'"),
        ),
        (
            json.dumps({"version": 1, "events": [event(), event()]}),
            ("$.events[1].id", "duplicate id 'e-1'", "$.events[0]"),
        ),
        (
            json.dumps({"version": 1, "events": [event(parties=["AZ"])]}),
            ("$.events[0].parties", "length >= 2"),
        ),
        (
            json.dumps({"version": 1, "events": [event(by="TR")]}),
            ("$.events[0].by", "not one of the parties"),
        ),
        (
            json.dumps({"version": 1, "events": [event(titel="x")]}),
            ("$.events[0]", "unknown field `titel`"),
        ),
    ],
)
def test_bad_stores_exit_1_with_file_and_path(
    run: Run, make_store: Callable[..., Path], content: str | bytes, fragments: tuple[str, ...]
) -> None:
    path = make_store("")
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    for args in (("timeline", "AZ", "JP"), ("anniversary", "--year", "2022"), ("show-letter",)):
        assert_data_error(run(*args, "--store", str(path)), str(path), *fragments)


@pytest.mark.parametrize(
    "command",
    [
        ("upcoming",),
        ("relations", "AZ"),
        ("search", "x"),
        ("export", "ics", "--from-year", "2027", "--to-year", "2027", "-o", "-"),
    ],
)
def test_planning_commands_report_store_errors(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "missing.json"
    assert_data_error(run(*command, "--store", str(missing)), str(missing), "no such store file")


# --------------------------------------------------------------------------- exit status


@pytest.mark.parametrize(
    ("args", "status", "stdout", "stderr"),
    [
        (["anniversary", "--year", "2022", "--format", "csv"], 0, "2022-09-07,Wed", ""),
        (["--version"], 0, "bilat, version", ""),
        (["nope"], 2, "", "Error: No such command 'nope'."),
        (["timeline", "AZ", "JP", "--store", "/nonexistent.json"], 1, "", "no such store file"),
    ],
)
def test_console_script_keeps_status_and_output(
    args: list[str], status: int, stdout: str, stderr: str
) -> None:
    """The console script leaves with os._exit: output is flushed, the status kept."""
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "bilat", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "BILAT_NO_CACHE": "1"},
    )
    assert done.returncode == status
    assert stdout in done.stdout
    assert stderr in done.stderr
    if stdout:
        assert done.stdout.endswith("\n")


@pytest.mark.parametrize(
    "command",
    [
        ("timeline", "AZ", "JP", "--store"),
        ("import", "csv"),
        ("import", "wikidata"),
        ("import", "rdcr"),
    ],
)
def test_a_fifo_or_a_device_is_refused_not_read(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert_data_error(run(*command, str(fifo)), str(fifo), "not a regular file")
    assert_data_error(run(*command, "/dev/zero"), "/dev/zero", "not a regular file")


@pytest.mark.parametrize("source", ["csv", "wikidata", "rdcr"])
def test_standard_input_as_a_file_is_one_message_for_every_import(
    source: str, tmp_path: Path
) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "bilat", "import", source, "/dev/stdin", "--store", "s.json"],
        input=b"<TEI/>\n",
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        "Error: /dev/stdin: not a regular file (a device, a FIFO or a socket)"
    ]


def test_a_fifo_as_letter_text_is_refused(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "letter.txt"
    os.mkfifo(fifo)
    result = run(
        "add", "--date", "2022-09-07", "--parties", "AZ", "JP", "--kind", "letter",
        "--title", "A letter", "--source-title", "S", "--letter-author", "A",
        "--letter-recipient", "B", "--letter-text-file", str(fifo),
    )  # fmt: skip
    assert_data_error(result, str(fifo), "not a regular file")
