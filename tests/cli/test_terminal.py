"""On a real pseudo-terminal and on devices: what a person at a terminal would see."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SRC

OSC_TITLE = "\x1b]0;pwned\x07"  # would retitle the terminal
CSI_RED = "\x1b[31m"


def on_a_terminal(*args: str, cwd: Path | None = None) -> tuple[int, bytes]:
    """Run ``python -m bilat ARGS`` with its standard output and error on a new pseudo-
    terminal, as in an interactive shell; return its status and everything it wrote."""
    main, secondary = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(SRC), "TERM": "xterm-256color"}
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


def test_a_long_import_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    guide = str(SRC.parent / "data" / "sources" / "rdcr")
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
