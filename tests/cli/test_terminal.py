"""On a real pseudo-terminal and on devices: what a person at a terminal would see."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import unicodedata
from pathlib import Path

import pytest

from tests.helpers import SRC, event, store_text

OSC_TITLE = "\x1b]0;pwned\x07"  # would retitle the terminal
CSI_RED = "\x1b[31m"


def on_a_terminal(
    *args: str,
    cwd: Path | None = None,
    rows: int = 0,
    env: dict[str, str] | None = None,
) -> tuple[int, bytes]:
    """Run ``python -m bilat ARGS`` with its standard output and error on a new pseudo-
    terminal, as in an interactive shell; return its status and everything it wrote.
    ``rows``: the terminal's height (0, unknown, by default, as a new pseudo-terminal)."""
    main, secondary = pty.openpty()
    if rows:
        size = struct.pack("HHHH", rows, 100, 0, 0)
        fcntl.ioctl(secondary, termios.TIOCSWINSZ, size)
    env = {**os.environ, "PYTHONPATH": str(SRC), "TERM": "xterm-256color", **(env or {})}
    env.pop("NO_COLOR", None)
    env.pop("COLUMNS", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bilat", *args],
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
        env=env,
        cwd=cwd,
    )
    os.close(secondary)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 30)
        if not ready:
            proc.kill()
            pytest.fail("no output for 30 s")
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return proc.wait(timeout=30), b"".join(chunks)


def test_control_sequences_in_arguments_never_reach_the_terminal() -> None:
    status, out = on_a_terminal("timeline", OSC_TITLE, "JP")
    assert status == 2
    assert b"\x1b]" not in out
    assert b"\\x1b]0;pwned\\x07" in out  # shown, escaped


def test_control_sequences_in_file_names_never_reach_the_terminal(tmp_path: Path) -> None:
    name = f"{CSI_RED}store.json"
    status, out = on_a_terminal("timeline", "AZ", "JP", "--store", name, cwd=tmp_path)
    assert status == 1
    assert CSI_RED.encode() not in out
    assert b"\\x1b[31mstore.json: no such store file" in out


def test_control_sequences_in_a_csv_header_never_reach_the_terminal(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(f"date,parties,kind,title,source_urls,source_titles,{OSC_TITLE}\n")
    status, out = on_a_terminal("import", "csv", str(bad), "--store", str(tmp_path / "s.json"))
    assert status == 1
    assert b"\x1b]" not in out
    assert b"unknown columns" in out


def test_the_press_line_on_a_terminal_and_in_a_pipe_holds_no_control(tmp_path: Path) -> None:
    title = f"{OSC_TITLE}\x1b]8;;https://evil.example/\x1b\\x\x9b31m\u202eesrever\x08\x7f\r"
    store = tmp_path / "s.json"
    store.write_text(store_text(event(kind="agreement", title=title)), encoding="utf-8")
    args = ("anniversary", "--year", "2022", "--format", "text", "--store", str(store))
    status, out = on_a_terminal(*args)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    piped = subprocess.run(
        [sys.executable, "-m", "bilat", *args], capture_output=True, env=env, check=False
    )
    assert status == piped.returncode == 0
    for text in (out.decode().replace("\r\n", "\n"), piped.stdout.decode()):  # a tty's CR LF
        assert "30th anniversary" in text
        controls = {c for c in text if unicodedata.category(c) == "Cc"} - {"\n"}
        assert controls == set(), text
        assert "\u202e" not in text
        assert "\\x1b]0;pwned\\x07" in text
    assert piped.stdout.decode().count("\n") == 1


def test_a_table_on_a_terminal_fits_it() -> None:
    status, out = on_a_terminal("timeline", "AZ", "JP")
    assert status == 0
    text = out.decode()
    assert "Azerbaijan" in text
    assert OSC_TITLE not in text


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_a_full_disk_is_one_error_line(fmt: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "bilat", "timeline", "AZ", "JP", "--format", fmt],
            stdout=full,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
    assert done.returncode == 1
    lines = done.stderr.decode().strip().splitlines()
    assert lines == ["Error: cannot write the output: No space left on device"]


def _bilat(args: list[str], **popen: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "bilat", *args], stderr=subprocess.PIPE, env=env, check=False,
        **popen,
    )  # fmt: skip


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["export", "--help"], [], ["import"]])
def test_help_and_version_on_a_full_disk_are_one_error_line(args: list[str]) -> None:
    """The eager options (and a group's help) print before any command runs."""
    with open("/dev/full", "w") as full:
        done = _bilat(args, stdout=full)
    assert done.returncode == 1
    lines = done.stderr.decode().strip().splitlines()
    assert lines == ["Error: cannot write the output: No space left on device"]


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], [], ["stores"], ["timeline", "AZ", "JP", "--format", "json"]],
)
def test_a_closed_standard_output_is_one_error_line(args: list[str]) -> None:
    """`bilat ... >&-`: the process starts without a standard output at all."""
    done = _bilat(args, preexec_fn=lambda: os.close(1))
    assert done.returncode == 1
    lines = done.stderr.decode().strip().splitlines()
    assert lines == ["Error: cannot write the output: standard output is closed"]


def test_a_long_import_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    guide = str(SRC.parent / "tests" / "importers" / "data" / "rdcr")
    status, out = on_a_terminal("import", "rdcr", guide, "--dry-run", "--store", "x.json",
                                cwd=tmp_path)  # fmt: skip
    assert status == 0
    assert b"Reading the guide" in out
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    piped = subprocess.run(
        [sys.executable, "-m", "bilat", "import", "rdcr", guide, "--dry-run", "--store", "x.json"],
        capture_output=True, env=env, cwd=tmp_path, check=True,
    )  # fmt: skip
    assert b"Reading the guide" not in piped.stderr


# --------------------------------------------------------------------------- the pager


@pytest.fixture
def fake_pager(tmp_path: Path) -> str:
    """A pager that says it ran, with the LESS it was given, then shows its input."""
    script = tmp_path / "pager"
    script.write_text('#!/bin/sh\necho "FAKE PAGER LESS=$LESS"\nexec cat\n')
    script.chmod(0o755)
    return str(script)


def test_a_long_listing_on_a_terminal_goes_through_the_pager(fake_pager: str) -> None:
    status, out = on_a_terminal("anniversary", "--year", "2022", rows=24, env={"PAGER": fake_pager})
    assert status == 0
    text = out.decode()
    assert text.startswith("FAKE PAGER LESS=FRX"), text[:200]
    assert "Anniversaries in 2022" in text
    assert "\x1b[1m" in text  # Rich's colours (bold headings) kept for the pager
    assert text.count("Diplomatic relations") > 24  # the whole listing, once
    assert text.count("Anniversaries in 2022") == 1


def test_bilat_pager_wins_and_less_keeps_the_user_s_own_settings(fake_pager: str) -> None:
    env = {"BILAT_PAGER": fake_pager, "PAGER": "/nonexistent/pager", "LESS": "-S"}
    status, out = on_a_terminal("timeline", "JP", "--format", "json", rows=24, env=env)
    assert status == 0
    assert out.startswith(b"FAKE PAGER LESS=-S")  # JSON to a terminal is paged too


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("timeline", "AZ", "JP", "--until", "1992"), {}),  # shorter than the screen
        (("anniversary", "--year", "2022", "--no-pager"), {}),
        (("anniversary", "--year", "2022"), {"BILAT_PAGER": ""}),
        (("anniversary", "--year", "2022"), {"BILAT_PAGER": "cat"}),
    ],
)
def test_no_pager(fake_pager: str, args: tuple[str, ...], env: dict[str, str]) -> None:
    status, out = on_a_terminal(*args, rows=24, env={"PAGER": fake_pager, **env})
    assert status == 0
    assert b"FAKE PAGER" not in out
    assert b"Date" in out


@pytest.mark.parametrize("pager", ["/nonexistent/pager", "nonexistent-pager -R 'x'"])
def test_a_pager_that_cannot_start_falls_back_to_the_terminal(pager: str) -> None:
    status, out = on_a_terminal("anniversary", "--year", "2022", rows=24, env={"PAGER": pager})
    assert status == 0
    assert out.decode().count("Anniversaries in 2022") == 1
    assert b"1992-09-07" in out


def test_never_a_pager_in_a_pipe_or_for_a_file(fake_pager: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC), "PAGER": fake_pager, "LINES": "5"}
    for fmt in ("table", "json", "csv", "markdown"):
        piped = subprocess.run(
            [sys.executable, "-m", "bilat", "anniversary", "--year", "2022", "--format", fmt],
            capture_output=True, env=env, check=True,
        )  # fmt: skip
        assert b"FAKE PAGER" not in piped.stdout, fmt
        assert piped.stdout.count(b"\n") > 100, fmt
    target = tmp_path / "jp.ics"
    status, out = on_a_terminal(
        "export", "ics", "--from-year", "2022", "--to-year", "2022", "--country", "JP",
        "-o", str(target), rows=5, env={"PAGER": fake_pager},
    )  # fmt: skip
    assert status == 0
    assert b"FAKE PAGER" not in out
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
