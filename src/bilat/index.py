"""A cache for large stores: what a full load found, so that the next command reads only
the events it needs.

Loading a store of a million events means decoding and checking every one of them, yet
``bilat timeline AZ JP`` prints a few hundred. After a large store has loaded and passed
every check, an index of it is written to the cache folder: the SHA-256 of the file's
bytes, where each event's JSON text lies in the file, and which events name each country
and fall in each year. The next command that needs only some events reads the file again,
and uses the index only when the file's bytes hash to the same digest under the same
version of bilat, so the index is never trusted over the file: any change to the file,
however small and whatever its timestamps say, means a full load and a new index. The
events it selects are decoded from the file itself, exactly as a full load decodes them.

Whatever goes wrong with the cache (a missing, unreadable, corrupt or foreign index file,
a folder that cannot be written) costs only speed: the store is then loaded in full. An
index file starts with the SHA-256 of its own body, checked before anything in it is
used, so a flipped bit cannot change an answer; a cache folder or index file that another
user could write, or that is not a regular file (a FIFO, a link to a device), is never
read; reads are bounded.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from array import array
from collections.abc import Collection, Sequence
from pathlib import Path

import msgspec

from . import __version__, codec
from .domain import Event, Query

# The format of index files; the bilat version is recorded too, as the checks a store
# passed belong to it, and the byte order, as offsets are stored as machine integers.
_FORMAT = 1
_STAMP = f"bilat {__version__} index {_FORMAT} {sys.byteorder}"


class _Index(msgspec.Struct, array_like=True, gc=False):
    stamp: str
    digest: bytes
    #: The start and end offset of each event's JSON text in the file (array "Q").
    spans: bytes
    #: Event numbers, ascending (array "I"), by country code and by year of the date.
    countries: dict[str, bytes]
    years: dict[int, bytes]
    #: Every id, in file order: decoded only when another store may override some.
    ids: msgspec.Raw


class _RawEvents(msgspec.Struct):
    events: list[msgspec.Raw]


_decode_index = msgspec.msgpack.Decoder(_Index).decode


def digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def index_file(cache_dir: Path, store_path: str | os.PathLike[str]) -> Path:
    """Where the index of the store at ``store_path`` is kept: one file per store path."""
    key = hashlib.sha256(os.fsencode(os.path.realpath(store_path))).hexdigest()[:32]
    return cache_dir / f"{key}.index"


def build(body: bytes, file_digest: bytes, events: Sequence[Event]) -> bytes:
    """The index of a store whose bytes (without a BOM) are ``body`` and which loaded as
    ``events``."""
    spans = array("Q")
    position = 0
    for raw in msgspec.json.decode(body, type=_RawEvents).events:
        text = bytes(raw)
        start = body.index(text, position)
        position = start + len(text)
        spans.append(start)
        spans.append(position)
    countries: dict[str, array[int]] = {}
    years: dict[int, array[int]] = {}
    for number, event in enumerate(events):
        for code in event.parties:
            countries.setdefault(code, array("I")).append(number)
        years.setdefault(event.date.year, array("I")).append(number)
    index = _Index(
        stamp=_STAMP,
        digest=file_digest,
        spans=spans.tobytes(),
        countries={code: numbers.tobytes() for code, numbers in countries.items()},
        years={year: numbers.tobytes() for year, numbers in years.items()},
        ids=msgspec.Raw(msgspec.msgpack.encode([event.id for event in events])),
    )
    return msgspec.msgpack.encode(index)


_MAGIC = b"BILATIX\x01"
_HEAD = len(_MAGIC) + 32  # the magic, then the SHA-256 of the body


def _private(mode: int, uid: int) -> bool:
    """Owned by this user and writable by no one else."""
    mine = not hasattr(os, "getuid") or uid == os.getuid()
    return mine and not mode & (stat.S_IWGRP | stat.S_IWOTH)


def usable_folder(folder: Path) -> bool:
    """Whether indexes may be kept in ``folder``: a folder of this user's that no other
    user can write (else another user could hide events from everyone)."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _private(info.st_mode, info.st_uid)


def read(path: Path, file_digest: bytes, limit: int) -> _Index | None:
    """The index in ``path`` when it describes exactly the bytes with this digest, and is
    whole, private, a regular file and at most ``limit`` bytes; None otherwise."""
    if not usable_folder(path.parent):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode) or not _private(info.st_mode, info.st_uid):
            return None
        if info.st_size > limit:
            return None
        try:
            data = f.read(limit + 1)
        except OSError:
            return None
    if len(data) > limit or not data.startswith(_MAGIC):
        return None
    body = memoryview(data)[_HEAD:]
    if hashlib.sha256(body).digest() != data[len(_MAGIC) : _HEAD]:
        return None
    try:
        index = _decode_index(body)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if index.stamp != _STAMP or index.digest != file_digest:
        return None
    return index


def write(path: Path, data: bytes) -> None:
    """Write an index file atomically, or not at all: a cache that cannot be written is
    no reason to fail a command. ``data`` is the body :func:`build` made."""
    tmp = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not usable_folder(path.parent):
            return
        import tempfile  # only writers pay for it (and shutil, random)

        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(_MAGIC + hashlib.sha256(data).digest() + data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _numbers(packed: bytes) -> array[int]:
    numbers = array("I")
    numbers.frombytes(packed)
    return numbers


def select(index: _Index, query: Query) -> list[int]:
    """The numbers of the events that may answer ``query``, in file order."""
    chosen: set[int] | None = None

    def narrow(numbers: set[int]) -> None:
        nonlocal chosen
        chosen = numbers if chosen is None else chosen & numbers

    for code in query.all_countries:
        narrow(set(_numbers(index.countries.get(code, b""))))
    if query.any_countries:
        narrow(
            {n for code in query.any_countries for n in _numbers(index.countries.get(code, b""))}
        )
    if query.year is not None:
        year, every = query.year, query.every
        narrow(
            {
                n
                for y, packed in index.years.items()
                if y < year and (year - y) % every == 0
                for n in _numbers(packed)
            }
        )
    if chosen is None:
        return list(range(len(index.spans) // 16))
    return sorted(chosen)


def decode_events(
    body: bytes,
    index: _Index,
    numbers: list[int],
) -> list[Event]:
    """The events with these numbers, decoded from the file exactly as a full load
    decodes them: one by one from their own text, or, when most events are wanted, the
    whole file at once (each call costs more than the skipped events would)."""
    spans = array("Q")
    spans.frombytes(index.spans)
    if 3 * len(numbers) > len(spans):  # more than two thirds of the events
        every = codec.decode_events(body)
        if len(every) != len(spans) // 2:
            raise ValueError("the index does not fit the file")
        return [every[n] for n in numbers]
    view = memoryview(body)
    decode = codec.decode_event
    return [decode(view[spans[2 * n] : spans[2 * n + 1]]) for n in numbers]


def ids(index: _Index) -> Collection[str]:
    return frozenset(msgspec.msgpack.decode(index.ids, type=list[str]))
