"""A cache for large stores: what a full load found, so that the next command reads only
the events it needs.

Loading a store of a million events means decoding and checking every one of them, yet
``bilat timeline AZ JP`` prints a few hundred. After a large store has loaded and passed
every check, an index of it is written to the cache folder: the SHA-256 of the file's
bytes, where each event's JSON text lies in the file, and which events name each country
and fall in each year. The next command that needs only some events uses the index only for
the very bytes it was made from, under the same version of bilat, so the index is never
trusted over the file. As git does with its own index, the file's stat (size, times,
inode, device) stands for its bytes when it is what the index recorded and the file's
last change is older than the index by more than any file system's timestamp
granularity (:data:`RACY_NS`): then only the selected events are read (:func:`read_events`),
and the file is not hashed. Otherwise the file is read whole and must hash to the
recorded digest; the index is then refreshed with the new stat. An edit, however small,
changes the change time (ctime), which no program can set back. The events the index
selects are decoded from the file itself, exactly as a full load decodes them.

Whatever goes wrong with the cache (a missing, unreadable, corrupt or foreign index file,
a folder that cannot be written) costs only speed: the store is then loaded in full. An
index file starts with the SHA-256 of its own body, checked before anything in it is
used, so a flipped bit cannot change an answer; a cache folder or index file that another
user could write, or that is not a regular file (a FIFO, a link to a device), is never
read; reads are bounded.

The bundled store ships with an index of its own (:func:`shipped`), made with the store
by ``tools/build_store.py`` from a store that passed every check. It is part of the
installed package, as trusted as the store beside it, and is used only when it was made
by this version of bilat for exactly the store's bytes (their length and CRC-32 are
compared, which any edit of the file changes; a cryptographic digest would guard
against nothing that editing the package itself could not do, and would cost a
command more time than the index saves it).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import zlib
from array import array
from collections.abc import Collection, Sequence

import msgspec

from . import __version__, codec
from .domain import Event, Query

# The format of index files; the bilat version is recorded too, as the checks a store
# passed belong to it, and the byte order, as offsets are stored as machine integers.
_FORMAT = 2
_STAMP = f"bilat {__version__} index {_FORMAT} {sys.byteorder}"
_SHIPPED_STAMP = f"bilat {__version__} shipped index {_FORMAT} {sys.byteorder}"


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
    #: The store's stat when the index was made (see :func:`unchanged`); () if unknown.
    stat: tuple[int, ...] = ()


#: A store whose last change (mtime or ctime) is this close to the writing of its index
#: is "racily clean" (git's term): a later edit in the same timestamp tick could leave
#: its stat as it was, so its bytes are hashed instead. Two seconds cover FAT's mtime.
RACY_NS = 2_000_000_000


def stat_key(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def unchanged(found: Found, info: os.stat_result) -> bool:
    """Whether the store with stat ``info`` may be taken to hold, unread, the bytes its
    index ``found`` was made from: its stat is the recorded one, and its last change came
    well before the index was written (else a same-tick edit could hide behind it)."""
    changed = max(info.st_mtime_ns, info.st_ctime_ns)
    return (
        bool(found.index.stat)
        and found.index.stat == stat_key(info)
        and changed + RACY_NS < found.written_ns
    )


class Found(msgspec.Struct, frozen=True, gc=False):
    """An index read from the cache, and when its file was last written."""

    index: _Index
    written_ns: int


class _RawEvents(msgspec.Struct):
    events: list[msgspec.Raw]


_decode_index = msgspec.msgpack.Decoder(_Index).decode


def digest(data: bytes | memoryview) -> bytes:
    import hashlib  # only large stores pay for it (OpenSSL takes milliseconds to load)

    return hashlib.sha256(data).digest()


def shipped_digest(data: bytes) -> bytes:
    """What a shipped index records of its store's bytes: their length and CRC-32."""

    return len(data).to_bytes(8, "little") + zlib.crc32(data).to_bytes(4, "little")


def index_file(cache_dir: str | os.PathLike[str], store_path: str | os.PathLike[str]) -> str:
    """Where the index of the store at ``store_path`` is kept: one file per store path."""
    import hashlib

    key = hashlib.sha256(os.fsencode(os.path.realpath(store_path))).hexdigest()[:32]
    return os.path.join(cache_dir, f"{key}.index")


def build(
    body: bytes,
    file_digest: bytes,
    events: Sequence[Event],
    *,
    stamp: str = _STAMP,
    stat: tuple[int, ...] = (),
) -> bytes:
    """The index of a store whose bytes (without a BOM) are ``body``, which loaded as
    ``events`` and had the stat ``stat``."""
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
        stamp=stamp,
        digest=file_digest,
        spans=spans.tobytes(),
        countries={code: numbers.tobytes() for code, numbers in countries.items()},
        years={year: numbers.tobytes() for year, numbers in years.items()},
        ids=msgspec.Raw(msgspec.msgpack.encode([event.id for event in events])),
        stat=stat,
    )
    return msgspec.msgpack.encode(index)


def restat(found: Found, info: os.stat_result) -> bytes:
    """The body of ``found`` with the store's new stat (its bytes were hashed and found
    the same: touched, copied or restored, not changed)."""
    return msgspec.msgpack.encode(msgspec.structs.replace(found.index, stat=stat_key(info)))


_MAGIC = b"BILATIX\x01"
_HEAD = len(_MAGIC) + 32  # the magic, then the SHA-256 of the body


def _private(mode: int, uid: int) -> bool:
    """Owned by this user and writable by no one else."""
    mine = not hasattr(os, "getuid") or uid == os.getuid()
    return mine and not mode & (stat.S_IWGRP | stat.S_IWOTH)


def usable_folder(folder: str) -> bool:
    """Whether indexes may be kept in ``folder``: a folder of this user's that no other
    user can write (else another user could hide events from everyone)."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _private(info.st_mode, info.st_uid)


def read(path: str, limit: int) -> Found | None:
    """The index in ``path`` when it is whole (its own digest holds), of this version of
    bilat, private, a regular file and at most ``limit`` bytes; None otherwise (a folder,
    a device or a file that cannot be read in its place is ignored, never an error). Whether
    it describes the store is for the caller to check (:func:`unchanged`, ``digest``)."""
    if not usable_folder(os.path.dirname(path)):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:  # a folder opens too (and then cannot be read as a file): looked at first
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _private(info.st_mode, info.st_uid):
            return None
        if info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(data) > limit or not data.startswith(_MAGIC):
        return None
    body = memoryview(data)[_HEAD:]
    if digest(body) != data[len(_MAGIC) : _HEAD]:
        return None
    try:
        index = _decode_index(body)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if index.stamp != _STAMP:
        return None
    return Found(index, info.st_mtime_ns)


def write(path: str, data: bytes) -> None:
    """Write an index file atomically, or not at all: a cache that cannot be written is
    no reason to fail a command. ``data`` is the body :func:`build` made."""
    tmp = None
    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not usable_folder(folder):
            return
        import tempfile  # only writers pay for it (and shutil, random)

        name = os.path.basename(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(_MAGIC + digest(data) + data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def build_shipped(data: bytes, events: Sequence[Event]) -> bytes:
    """The shipped index of the bundled store, whose bytes are ``data`` and which loaded,
    passing every check, as ``events``."""
    return build(data.removeprefix(codec.BOM), shipped_digest(data), events, stamp=_SHIPPED_STAMP)


def shipped(path: str, data: bytes) -> _Index | None:
    """The shipped index in ``path`` when this version of bilat made it for exactly the
    store bytes ``data``; None otherwise (no index, another version, an edited store)."""
    try:
        with open(path, "rb") as f:
            index = _decode_index(f.read())
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    if index.stamp != _SHIPPED_STAMP or index.digest != shipped_digest(data):
        return None
    return index


def as_cached(shipped_index: _Index, info: os.stat_result) -> bytes:
    """The body of a cached index that is the shipped index of the bundled store, checked
    against its bytes, with the store's stat: later runs read the bundled store as they
    read a large store of the user's whose stat is unchanged (:func:`unchanged`)."""
    cached = msgspec.structs.replace(shipped_index, stamp=_STAMP, stat=stat_key(info))
    return msgspec.msgpack.encode(cached)


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
    body: bytes | memoryview,
    index: _Index,
    numbers: list[int],
) -> list[Event]:
    """The events with these numbers, decoded from the file exactly as a full load
    decodes them: one by one from their own text, or, when most events are wanted, the
    whole file at once (each call costs more than the skipped events would)."""
    spans = _spans(index)
    if _most(numbers, spans):
        return _from_whole(body, spans, numbers)
    view = memoryview(body)
    decode = codec.decode_event
    return [decode(view[spans[2 * n] : spans[2 * n + 1]]) for n in numbers]


def _spans(index: _Index) -> array[int]:
    spans = array("Q")
    spans.frombytes(index.spans)
    return spans


def _most(numbers: list[int], spans: array[int]) -> bool:
    """Whether more than two thirds of the events are wanted: then the whole file is
    decoded at once (each call costs more than the skipped events would)."""
    return 3 * len(numbers) > len(spans)


def _from_whole(body: bytes | memoryview, spans: array[int], numbers: list[int]) -> list[Event]:
    every = codec.decode_events(body)
    if len(every) != len(spans) // 2:
        raise ValueError("the index does not fit the file")
    return [every[n] for n in numbers]


#: Events read by :func:`read_events` in one read when they lie this close together...
_GAP = 1 << 16
#: ... up to this many bytes at a time (the memory a read of a huge store adds).
_CHUNK = 1 << 23


def read_events(fd: int, start: int, index: _Index, numbers: list[int]) -> list[Event]:
    """The events with these numbers, read from the open store ``fd`` whose events' text
    begins at byte ``start`` (after a BOM), each decoded exactly as a full load decodes it.
    Events close together are read at once, a bounded chunk at a time; with most of the
    events wanted, the whole file. Positional reads, not a memory map: a file truncated
    meanwhile only reads short (and is loaded whole instead), never kills the process."""
    spans = _spans(index)
    if _most(numbers, spans):
        return _from_whole(_pread(fd, os.fstat(fd).st_size - start, start), spans, numbers)
    decode = codec.decode_event
    events: list[Event] = []
    i = 0
    while i < len(numbers):
        first = spans[2 * numbers[i]]
        j = i + 1
        while (
            j < len(numbers)
            and spans[2 * numbers[j]] - spans[2 * numbers[j - 1] + 1] <= _GAP
            and spans[2 * numbers[j] + 1] - first <= _CHUNK
        ):
            j += 1
        view = memoryview(_pread(fd, spans[2 * numbers[j - 1] + 1] - first, start + first))
        events += [
            decode(view[spans[2 * n] - first : spans[2 * n + 1] - first]) for n in numbers[i:j]
        ]
        i = j
    return events


def _pread(fd: int, size: int, offset: int) -> bytes:
    data = os.pread(fd, size, offset)
    if len(data) != size:
        raise ValueError("the file is shorter than its index says")
    return data


def ids(index: _Index) -> Collection[str]:
    return frozenset(msgspec.msgpack.decode(index.ids, type=list[str]))
