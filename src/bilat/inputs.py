"""Reading input files, bounded: a store, an import (CSV, query results, the guide's
articles), a letter's text.

Only a regular file is read, and never more than a limit: a FIFO, a device (``/dev/zero``,
``/dev/stdin``) or a socket is refused at once with one message, instead of hanging or
filling the memory. Every failure is a :class:`StoreError` that names the file.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from .codec import too_large
from .vocab import StoreError

__all__ = ["is_regular", "not_regular", "open_input", "read_input", "read_open"]


def not_regular(name: str) -> str:
    """The one message for an input that is not a regular file."""
    return f"{name}: not a regular file (a device, a FIFO or a socket)"


def is_regular(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a regular file (after symbolic links), without opening it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def open_input(path: str | os.PathLike[str], *, what: str) -> tuple[BinaryIO, os.stat_result]:
    """An input file (a store, an import, a letter's text) opened for reading, with its
    stat, or a StoreError that says why not. Only a regular file is opened: a FIFO or a
    device is refused at once instead of hanging."""
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise StoreError(f"{name}: no such {what}") from None
    except IsADirectoryError:
        raise StoreError(f"{name}: is a directory, not a {what}") from None
    except PermissionError:
        raise StoreError(f"{name}: cannot read the {what}: permission denied") from None
    except OSError as exc:
        raise StoreError(f"{name}: cannot read the {what}: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise StoreError(f"{name}: is a directory, not a {what}")
        raise StoreError(not_regular(name))
    return os.fdopen(fd, "rb"), info


def read_open(f: BinaryIO, name: str, *, what: str, limit: int) -> bytes:
    """The bytes of an opened input file, never more than ``limit``."""
    try:
        data = f.read(limit + 1)
    except OSError as exc:
        raise StoreError(f"{name}: cannot read the {what}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise StoreError(too_large(name, len(data), limit))
    return data


def read_input(path: str | os.PathLike[str], *, what: str, limit: int) -> bytes:
    """The bytes of an input file, or a StoreError that says why not. Only a regular file
    is read, and never more than ``limit`` bytes: a FIFO, a device or ``/dev/zero`` is
    refused at once instead of hanging or filling the memory."""
    f, _ = open_input(path, what=what)
    with f:
        return read_open(f, os.fspath(path), what=what, limit=limit)
