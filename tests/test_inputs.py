"""Bounded reading of input files (bilat.inputs): a regular file only, never more than
the limit, one message for what is not a regular file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bilat.inputs import is_regular, not_regular, open_input, read_input
from bilat.vocab import StoreError


def test_a_regular_file_is_read_whole_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"abc")
    assert read_input(path, what="CSV file", limit=3) == b"abc"
    with pytest.raises(StoreError, match=r"x\.csv: the file is 0 MiB or more"):
        read_input(path, what="CSV file", limit=2)
    f, info = open_input(path, what="CSV file")
    with f:
        assert info.st_size == 3


def test_what_is_not_a_regular_file_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer
    for name in (str(fifo), "/dev/zero"):
        assert not is_regular(name)
        with pytest.raises(StoreError) as caught:
            read_input(name, what="CSV file", limit=1 << 20)
        assert str(caught.value) == not_regular(name)
        assert "not a regular file (a device, a FIFO or a socket)" in str(caught.value)


def test_missing_and_folders_say_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"nope: no such CSV file$"):
        read_input(tmp_path / "nope", what="CSV file", limit=1)
    with pytest.raises(StoreError, match="is a directory, not a CSV file"):
        read_input(tmp_path, what="CSV file", limit=1)
    assert not is_regular(tmp_path)
    assert not is_regular(tmp_path / "nope")
    assert not is_regular("bad\0name")
