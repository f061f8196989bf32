"""Find, read and write event stores; check them for ``bilat validate``.

Decoding and the format's rules live in :mod:`bilat.codec` and :mod:`bilat.rules`; this
module opens files, merges stores, and writes them atomically under a lock. Every failure
is a :class:`StoreError` whose message names the file and the place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import stat
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path

import msgspec

from . import rules
from .codec import (
    BOM,
    FORMAT_VERSION,
    MAX_STORE_BYTES,
    SCHEMA_FILE,
    convert_event,
    dumps,
    event_from_dict,
    json_schema,
    loads,
    to_builtins,
    too_large,
    version_message,
)
from .domain import Event, Query
from .merge import Merged
from .vocab import StoreError

__all__ = [
    "FORMAT_VERSION",
    "SCHEMA_FILE",
    "Added",
    "Query",
    "Store",
    "StoreError",
    "add_events",
    "bundled_store",
    "check",
    "default_stores",
    "dumps",
    "event_from_dict",
    "import_events",
    "json_schema",
    "load_path",
    "loads",
    "make_id",
    "merge",
    "read_bundled",
    "read_file",
    "to_builtins",
    "write_atomic",
]


class Store(msgspec.Struct, frozen=True, gc=False):
    """A loaded store: where it came from and its events, in file order.

    A store loaded for a query through its index holds only the events that may answer
    the query; ``all_ids`` then gives the id of every event in the file, for :func:`merge`.
    """

    name: str
    events: tuple[Event, ...]
    all_ids: Callable[[], Collection[str]] | None = None


def read_input(path: str | os.PathLike[str], *, what: str, limit: int) -> bytes:
    """The bytes of an input file (a store, an import, a letter's text), or a StoreError
    that says why not. Only a regular file is read, and never more than ``limit`` bytes:
    a FIFO, a device or ``/dev/zero`` is refused at once instead of hanging or filling
    the memory."""
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
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise StoreError(f"{name}: is a directory, not a {what}")
        raise StoreError(f"{name}: not a regular file (a device, a FIFO or a socket)")
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read(limit + 1)
        except OSError as exc:
            raise StoreError(f"{name}: cannot read the {what}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise StoreError(too_large(name, len(data), limit))
    return data


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a store file, or a StoreError that says why not."""
    return read_input(path, what="store file", limit=MAX_STORE_BYTES)


#: Stores smaller than this load faster than their index is checked (about 15,000 events).
INDEX_MIN_BYTES = 4 << 20


CacheDir = Callable[[], Path | None]
"""Where indexes are kept (None: nowhere), asked only when a store is large."""


def load_path(
    path: str | os.PathLike[str], *, cache: CacheDir | None = None, query: Query | None = None
) -> Store:
    """Load a store file named by the user.

    With a ``cache``, a large store is indexed there after a full load; with a ``query``
    too, a store whose index matches its bytes yields only the events that may answer
    the query (see :mod:`bilat.index`).
    """
    name = os.fspath(path)
    data = read_file(path)
    if cache is not None and len(data) >= INDEX_MIN_BYTES:
        cache_dir = cache()
        if cache_dir is not None:
            return _load_indexed(path, name, data, cache_dir, query)
    return Store(name, loads(data, name))


def _load_indexed(
    path: str | os.PathLike[str], name: str, data: bytes, cache_dir: Path, query: Query | None
) -> Store:
    from . import index

    body = data.removeprefix(BOM)
    file_digest = index.digest(data)
    where = index.index_file(cache_dir, path)
    found = index.read(where, file_digest, limit=len(data) + (1 << 20))
    if found is not None and query is not None:
        try:
            numbers = index.select(found, query)
            selected = index.decode_events(body, found, numbers)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError, IndexError, KeyError):
            found = None  # an index that does not fit the file: never trusted, made anew
        else:
            return Store(name, tuple(selected), all_ids=functools.partial(index.ids, found))
    events = loads(data, name)
    if found is None:
        index.write(where, index.build(body, file_digest, events))
    return Store(name, events)


def read_bundled() -> tuple[str, bytes]:
    """The name and bytes of the reference store shipped inside the package."""
    resource = resources.files("bilat") / "data" / "events.json"
    name = str(resource)
    try:
        return name, resource.read_bytes()
    except OSError as exc:
        raise StoreError(
            f"{name}: the bundled store is missing from this installation ({exc})"
        ) from None


def bundled_store() -> Store:
    """The reference store shipped inside the package."""
    name, data = read_bundled()
    return Store(name, loads(data, name))


def default_stores(
    user_store: Path, *, cache: CacheDir | None = None, query: Query | None = None
) -> list[Store]:
    """The bundled store, then the user's store when it exists."""
    stores = [bundled_store()]
    if user_store.is_file():
        stores.append(load_path(user_store, cache=cache, query=query))
    return stores


def merge(stores: Iterable[Store]) -> tuple[Event, ...]:
    """The events of several stores; an id in a later store replaces the earlier event."""
    stores = list(stores)
    if len(stores) == 1:
        return stores[0].events  # ids are unique within a store
    merged: dict[str, Event] = {}
    for store in stores:
        if store.all_ids is not None and merged:
            # Only some of this store's events were loaded: an earlier event is replaced
            # even by one that was not.
            ids = store.all_ids()
            for replaced in [key for key in merged if key in ids]:
                del merged[replaced]
        for event in store.events:
            merged[event.id] = event
    return tuple(merged.values())


# --------------------------------------------------------------------------- writing


# --------------------------------------------------------------------------- checking


def check(data: bytes, name: str, today: dt.date) -> list[str]:
    """Every problem of a store, one message each (``name: path: problem``); empty when
    the store is clean. Each event is checked on its own, so one bad event does not hide
    the others."""
    from bilat.codec import duplicate_keys

    twice = [f"{name}: {path}: the key is written twice" for path in duplicate_keys(data)]
    try:
        events = loads(data, name)
    except StoreError as exc:
        first = str(exc)
    else:
        # A store that loads has no format problems: only the checks beyond it remain.
        return twice + [
            f"{name}: {path}: {problem}"
            for path, problem in rules.lint(list(enumerate(events)), today)
        ]
    try:
        raw = msgspec.json.decode(data.removeprefix(BOM))
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        return [first]
    if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
        return [first]
    messages = []
    if raw.get("version") != FORMAT_VERSION:
        messages.append(version_message(name, raw.get("version")))
    unknown = sorted(set(raw) - {"$schema", "version", "events"})
    if unknown:
        messages.append(f"{name}: $: unknown field {unknown[0]!r}")
    valid: list[tuple[int, Event]] = []
    for i, item in enumerate(raw["events"]):
        try:
            event = convert_event(item, f"$.events[{i}]")
        except StoreError as exc:
            messages.append(f"{name}: {exc}")
            continue
        valid.append((i, event))
    messages += [f"{name}: {path}: {problem}" for path, problem in rules.problems(valid)]
    messages += [f"{name}: {path}: {problem}" for path, problem in rules.lint(valid, today)]
    return twice + messages or [first]


# --------------------------------------------------------------------------- writing files


def identity(event: Event) -> tuple[str, str, frozenset[str], str, str]:
    """What makes two events the same event, whatever their ids."""
    end = event.end_date.isoformat() if event.end_date else ""
    return (
        event.date.isoformat(),
        end,
        frozenset(event.parties),
        event.kind,
        event.title.casefold(),
    )


def make_id(event: Event, taken: Collection[str]) -> str:
    """A readable id: parties, kind and date (``az-jp-embassy-opened-2025-10-01``), with a
    number added when that is taken. ``taken`` is looked up, never copied: pass a set."""
    base = "-".join([*(p.lower() for p in event.parties), event.kind, event.date.isoformat()])
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a reader, or a crash at any moment, sees the
    old file or the new one, never a part: write a temporary file in the same folder,
    flush and fsync it, give it the old file's permissions, rename it over the store."""
    directory = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _write_error(path: Path, exc: OSError) -> StoreError:
    reason = (exc.strerror or str(exc)).lower()
    return StoreError(f"{path}: cannot write the store: {reason}")


LOCK_TIMEOUT = 60.0


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Serialise writers of one store with a lock file beside it (``events.json.lock``)."""
    from filelock import FileLock, Timeout

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path.parent}: cannot create the folder: {exc.strerror}") from None
    lock = FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT)
    try:
        with lock:
            yield
    except Timeout:
        raise StoreError(
            f"{path}.lock: another bilat has held this store's lock for {LOCK_TIMEOUT:.0f} s "
            "(if none is running, delete the lock file)"
        ) from None
    except OSError as exc:
        raise _write_error(path, exc) from None


@contextlib.contextmanager
def _writing(path: Path, dry_run: bool) -> Iterator[tuple[Path, list[Event]]]:
    """The store to change, locked: its real path (a symbolic link is followed once, so
    that the file it names is locked and replaced, and the link stays a link), and its
    events, read after its temporary files left by a killed writer are removed."""
    real = Path(os.path.realpath(path))
    with locked(real) if not dry_run else contextlib.nullcontext():
        if not dry_run:
            _remove_stale_temporaries(real)
        current: list[Event] = []
        if real.exists():
            data = read_file(real)
            _refuse_duplicate_keys(data, str(real))
            current = list(loads(data, str(real)))
        yield real, current


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of bilat's own naming beside a store whose lock we hold belong to
    a write that never finished (a killed process): no writer is using them."""
    for stale in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _refuse_duplicate_keys(data: bytes, name: str) -> None:
    """A write re-encodes the store from its decoded events: a key written twice in one
    object would silently lose all its values but the last. Refuse instead."""
    from bilat.codec import duplicate_keys

    found = duplicate_keys(data)
    if found:
        raise StoreError(
            f"{name}: {found[0]}: the key is written twice; fix the file first (bilat "
            "validate lists every problem), or a write would keep only the last value"
        )


class Added(msgspec.Struct, frozen=True, gc=False):
    """The outcome of adding events to a store file."""

    added: tuple[Event, ...]
    skipped: tuple[Event, ...]


def add_events(
    path: Path,
    new: Sequence[Event],
    *,
    others: Sequence[Event] = (),
    replace: bool = False,
    skip_existing: bool = False,
    dry_run: bool = False,
    new_ids: Collection[int] = (),
) -> Added:
    """Add events to the store at ``path`` (created when missing) under its lock.

    An id already in the store, or in ``others`` (the stores read before it), is refused
    unless ``replace``; an event identical to one already there (same date, parties, kind
    and title) is refused, or skipped with ``skip_existing``. The events at the positions
    ``new_ids`` get an id made here, under the lock, so that concurrent writers never pick
    the same one. Nothing is written unless every event can be added.
    """
    with _writing(path, dry_run) as (real, current):
        by_id = {e.id: e for e in current}
        elsewhere = {e.id for e in others}
        taken = set(by_id) | elsewhere
        identities = {identity(e): e for e in [*others, *current]}
        added: list[Event] = []
        skipped: list[Event] = []
        for i, event in enumerate(new):
            same = identities.get(identity(event))
            if same is not None and not replace:
                if skip_existing:
                    skipped.append(event)
                    continue
                raise StoreError(f"{path}: the same event is already there as {same.id!r}")
            if i in new_ids:
                event = msgspec.structs.replace(event, id=make_id(event, taken))
            taken.add(event.id)
            if not replace and event.id in by_id:
                raise StoreError(
                    f"{path}: id {event.id!r} is already in this store (--replace overwrites it)"
                )
            if not replace and event.id in elsewhere:
                raise StoreError(
                    f"{path}: id {event.id!r} is already in another store "
                    "(--replace writes an override)"
                )
            by_id[event.id] = event
            identities[identity(event)] = event
            added.append(event)
        if added and not dry_run:
            write_atomic(real, dumps(by_id.values()))
    return Added(tuple(added), tuple(skipped))


def import_events(
    path: Path,
    imported: Sequence[Event],
    *,
    others: Sequence[Event] = (),
    dry_run: bool = False,
    new_ids: Collection[int] = (),
) -> Merged:
    """Merge imported events into the store at ``path`` (created when missing) under its
    lock, all or nothing, by the rule of :mod:`bilat.merge`.

    ``others`` are the events of the stores read before this one (the bundled store, for
    yours): an event of theirs that the import updates is written here as an override
    with the same id. The events at the positions ``new_ids`` get an id made here.
    """
    from bilat import merge

    with _writing(path, dry_run) as (real, current):
        combined = {e.id: e for e in [*others, *current]}
        taken = set(combined)
        events = []
        for i, event in enumerate(imported):
            if i in new_ids:
                event = msgspec.structs.replace(event, id=make_id(event, taken))
            taken.add(event.id)
            events.append(event)
        result = merge.plan(list(combined.values()), events)
        for event in result.added:
            if event.id in combined:
                raise StoreError(
                    f"{path}: id {event.id!r} is already taken by another event "
                    f"({combined[event.id].kind}, {combined[event.id].date})"
                )
        if (result.added or result.updated) and not dry_run:
            by_id = {e.id: e for e in current}
            by_id.update((e.id, e) for e in [*result.updated, *result.added])
            write_atomic(real, dumps(by_id.values()))
    return result
