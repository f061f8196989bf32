"""The pager runner: the output reaches the pager whole, a pager that cannot start says
so (for bilat to print directly), and a reader who quits early is no error."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from bilat.cli import pager


def writer(tmp_path: Path, body: str = 'cat > "$OUT"') -> str:
    script = tmp_path / "my pager"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return str(script)


def test_the_pager_gets_the_whole_output(tmp_path: Path) -> None:
    out = tmp_path / "seen"
    data = b"line\n" * 100_000  # more than a pipe holds: written while the pager reads
    quoted = writer(tmp_path).replace(" ", "\\ ")  # words, not shell syntax: no shell
    assert pager.run(quoted, data, {**os.environ, "OUT": str(out)}) is True
    assert out.read_bytes() == data


def test_a_pager_command_with_shell_syntax_runs_in_the_shell(tmp_path: Path) -> None:
    out = tmp_path / "seen"
    assert pager.run(f"cat > '{out}'", b"x\n", dict(os.environ)) is True
    assert out.read_bytes() == b"x\n"


@pytest.mark.parametrize(
    "command",
    [
        "/nonexistent/pager",  # not found
        "nonexistent-pager -R '1'",  # the shell runs it: not found, 127
        "less 'unbalanced",  # not a command
        "''",  # no words
    ],
)
def test_a_pager_that_cannot_start(command: str) -> None:
    assert pager.run(command, b"x\n", dict(os.environ)) is False


def test_a_file_that_is_no_program_cannot_start(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_text("not a program")
    assert pager.run(str(plain), b"x\n", dict(os.environ)) is False


def test_a_reader_who_quits_early_is_no_error(tmp_path: Path) -> None:
    quits = writer(tmp_path, "head -c 10 >/dev/null").replace(" ", "\\ ")
    assert pager.run(quits, b"y" * 1_000_000, dict(os.environ)) is True


def test_ctrl_c_is_the_pager_s_while_it_runs(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGINT)
    seen = writer(tmp_path, f"cat >/dev/null; kill -INT {os.getpid()}").replace(" ", "\\ ")
    assert pager.run(seen, b"z\n", dict(os.environ)) is True  # no KeyboardInterrupt
    assert signal.getsignal(signal.SIGINT) is before
