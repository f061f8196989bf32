"""Long output through a pager, as git runs one: the command is split into words and run
(through the shell when it uses the shell's syntax), the output is written to its input,
and bilat waits for the reader to quit it. Imported only when a listing on a terminal is
longer than the screen: nothing here is on the path of a run into a pipe."""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
from collections.abc import Mapping

#: Characters that make a pager command shell syntax rather than words (git's list).
SHELL_SYNTAX = frozenset("|&;<>()$`\\\"' \t\n*?[#~=%") - frozenset(" \t")

#: Exit statuses of a shell that could not find or run the command.
NOT_STARTED = (126, 127)


def run(command: str, data: bytes, env: Mapping[str, str]) -> bool:
    """Show ``data`` in the pager ``command``; False when it could not start (the caller
    then prints ``data`` itself), True once the reader has quit it.

    A reader who quits before the end closes the pipe: the rest is not written, and that
    is no error. While the pager runs, Ctrl-C is the pager's: bilat ignores it."""
    try:
        words = shlex.split(command)
    except ValueError:  # unbalanced quotes: not a command
        return False
    if not words:
        return False
    shell = any(c in SHELL_SYNTAX for c in command)
    try:
        process = subprocess.Popen(
            command if shell else words, shell=shell, stdin=subprocess.PIPE, env=dict(env)
        )
    except OSError:  # not found, not executable
        return False
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert process.stdin is not None
        with contextlib.suppress(OSError):  # the reader quit early: a broken pipe
            process.stdin.write(data)
        with contextlib.suppress(OSError):
            process.stdin.close()
        status = process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return not (shell and status in NOT_STARTED and os.name == "posix")
