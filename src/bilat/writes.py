"""Write event stores: atomically, under a lock, losing nothing.

A write goes to a temporary file in the same folder, is flushed and fsynced, gets the old
file's permissions and replaces the store by an atomic rename; concurrent writers queue on
a lock file beside the store. A symbolic link is followed once, so the file it names is
locked and replaced; temporary files of a killed write are removed on the next write; a
store with a key written twice is refused rather than silently rewritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import itertools
import os
import stat
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

import msgspec

from . import reconcile, rules
from .codec import SCHEMA_FILE, dumps, duplicate_keys, loads
from .domain import Event
from .ids import unique_id
from .reconcile import Merged, title_key
from .store import read_file
from .vocab import StoreError

__all__ = [
    "LOCK_TIMEOUT",
    "Added",
    "add_events",
    "import_events",
    "locked",
    "schema_beside",
    "write_atomic",
]


def schema_beside(path: str | os.PathLike[str]) -> str | None:
    """The ``$schema`` to name in a store written at ``path``: the schema file beside it
    (``bilat schema -o events.schema.json``), when there is one, else none, as an address
    that resolves nowhere would only mislead an editor."""
    return f"./{SCHEMA_FILE}" if (Path(path).parent / SCHEMA_FILE).is_file() else None


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
        import tempfile  # only writers pay for it (and shutil, random)

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
    return glob.escape(name)


def _refuse_duplicate_keys(data: bytes, name: str) -> None:
    """A write re-encodes the store from its decoded events: a key written twice in one
    object would silently lose all its values but the last. Refuse instead."""

    found = duplicate_keys(data)
    if found:
        raise StoreError(
            f"{name}: {found[0]}: the key is written twice; fix the file first (bilat "
            "validate lists every problem), or a write would keep only the last value"
        )


def refuse_problems(path: Path, events: Sequence[Event], today: dt.date | None) -> None:
    """Raise the first problem of ``events`` by the rules ``bilat validate`` applies (the
    format's rules and the checks beyond them; the future only when ``today`` is given),
    naming the event by its id: no write brings into a store what validate refuses."""
    indexed = list(enumerate(events))
    found = rules.problems(indexed)
    if today is not None:
        found = itertools.chain(found, rules.lint(indexed, today))
    for where, problem in found:
        i = int(where[len("$.events[") : where.index("]")])
        inside = where[where.index("]") + 1 :].lstrip(".")
        place = f"{events[i].id}: {inside}" if inside else events[i].id
        raise StoreError(f"{path}: {place}: {problem}; nothing was written")


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
    today: dt.date | None = None,
) -> Added:
    """Add events to the store at ``path`` (created when missing) under its lock.

    An id already in the store, or in ``others`` (the stores read before it), is refused
    unless ``replace``; an event identical to one already there (same date, parties, kind
    and title) under another id is refused, or skipped with ``skip_existing``: ``replace``
    overwrites an event by its id, it never adds a second copy under a new one. The events at the positions
    ``new_ids`` get an id made here, under the lock, so that concurrent writers never pick
    the same one. Nothing is written unless every event can be added and passes the
    rules of ``bilat validate`` (:func:`refuse_problems`; ``today`` for future dates).
    """
    with _writing(path, dry_run) as (real, current):
        by_id = {e.id: e for e in current}
        elsewhere = {e.id for e in others}
        taken = set(by_id) | elsewhere
        identities = {title_key(e): e for e in [*others, *current]}
        added: list[Event] = []
        skipped: list[Event] = []
        for i, event in enumerate(new):
            same = identities.get(title_key(event))
            overwrites = replace and i not in new_ids and same is not None and same.id == event.id
            if same is not None and not overwrites:
                if skip_existing:
                    skipped.append(event)
                    continue
                raise StoreError(f"{path}: the same event is already there as {same.id!r}")
            if i in new_ids:
                event = msgspec.structs.replace(event, id=unique_id(event, taken))
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
            identities[title_key(event)] = event
            added.append(event)
        refuse_problems(path, added, today)
        if added and not dry_run:
            write_atomic(real, dumps(by_id.values(), schema=schema_beside(real)))
    return Added(tuple(added), tuple(skipped))


def import_events(
    path: Path,
    imported: Sequence[Event],
    *,
    others: Sequence[Event] = (),
    dry_run: bool = False,
    new_ids: Collection[int] = (),
    today: dt.date | None = None,
) -> Merged:
    """Merge imported events into the store at ``path`` (created when missing) under its
    lock, all or nothing, by the rule of :mod:`bilat.reconcile`.

    ``others`` are the events of the stores read before this one (the bundled store, for
    yours): an event of theirs that the import updates is written here as an override
    with the same id. The events at the positions ``new_ids`` get an id made here. What
    would be written passes the rules of ``bilat validate`` (:func:`refuse_problems`), or
    nothing is.
    """

    with _writing(path, dry_run) as (real, current):
        combined = {e.id: e for e in [*others, *current]}
        taken = set(combined)
        events = []
        for i, event in enumerate(imported):
            if i in new_ids:
                event = msgspec.structs.replace(event, id=unique_id(event, taken))
            taken.add(event.id)
            events.append(event)
        result = reconcile.plan(list(combined.values()), events)
        refuse_problems(path, [*result.updated, *result.added], today)
        if (result.added or result.updated) and not dry_run:
            by_id = {e.id: e for e in current}
            by_id.update((e.id, e) for e in [*result.updated, *result.added])
            write_atomic(real, dumps(by_id.values(), schema=schema_beside(real)))
    return result
