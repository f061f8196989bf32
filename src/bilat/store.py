"""Find, read and write event stores; check them for ``bilat validate``.

Decoding and the format's rules live in :mod:`bilat.codec` and :mod:`bilat.rules`, bounded
reading of input files in :mod:`bilat.inputs`; this module finds and loads stores and
merges them. Every failure
is a :class:`StoreError` whose message names the file and the place.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any, BinaryIO

import msgspec

from . import index, rules
from .codec import (
    BOM,
    FORMAT_VERSION,
    MAX_STORE_BYTES,
    SCHEMA_FILE,
    convert_event,
    dumps,
    duplicate_keys,
    event_from_dict,
    json_schema,
    loads,
    to_builtins,
    version_message,
)
from .domain import Event, Query
from .inputs import open_input, read_input, read_open
from .vocab import StoreError

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = [
    "FORMAT_VERSION",
    "NO_RELATIONS",
    "SCHEMA_FILE",
    "Query",
    "Store",
    "StoreError",
    "bundled_no_relations",
    "bundled_store",
    "check",
    "default_stores",
    "dumps",
    "event_from_dict",
    "json_schema",
    "load_path",
    "loads",
    "merge",
    "read_bundled",
    "read_file",
    "to_builtins",
    "warnings",
]


class Store(msgspec.Struct, frozen=True, gc=False):
    """A loaded store: where it came from and its events, in file order.

    A store loaded for a query through its index holds only the events that may answer
    the query; ``all_ids`` then gives the id of every event in the file, for :func:`merge`.
    """

    name: str
    events: tuple[Event, ...]
    all_ids: Callable[[], Collection[str]] | None = None


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a store file, or a StoreError that says why not (:mod:`bilat.inputs`)."""
    return read_input(path, what="store file", limit=MAX_STORE_BYTES)


#: Stores smaller than this load faster than their index is checked (about 15,000 events).
INDEX_MIN_BYTES = 4 << 20


CacheDir = Callable[[], "str | os.PathLike[str] | None"]
"""Where indexes are kept (None: nowhere), asked only when a store is large."""


def load_path(
    path: str | os.PathLike[str], *, cache: CacheDir | None = None, query: Query | None = None
) -> Store:
    """Load a store file named by the user.

    With a ``cache``, a large store is indexed there after a full load; with a ``query``
    too, a store that its index still describes yields only the events that may answer
    the query (see :mod:`bilat.index`).
    """
    name = os.fspath(path)
    f, info = open_input(path, what="store file")
    with f:
        if cache is not None and INDEX_MIN_BYTES <= info.st_size <= MAX_STORE_BYTES:
            cache_dir = cache()
            if cache_dir is not None:
                return _load_indexed(path, name, f, info, cache_dir, query)
        data = read_open(f, name, what="store file", limit=MAX_STORE_BYTES)
    return Store(name, loads(data, name))


def _load_indexed(
    path: str | os.PathLike[str],
    name: str,
    f: BinaryIO,
    info: os.stat_result,
    cache_dir: str | os.PathLike[str],
    query: Query | None,
) -> Store:

    where = index.index_file(cache_dir, path)
    found = index.read(where, limit=info.st_size + (1 << 20))
    if found is not None and query is not None and index.unchanged(found, info):
        selected = _selected_events(f, found.index, query)
        if selected is not None:
            return Store(name, selected, all_ids=functools.partial(index.ids, found.index))
    data = read_open(f, name, what="store file", limit=MAX_STORE_BYTES)
    file_digest = index.digest(data)
    if found is not None and found.index.digest != file_digest:
        found = None
    body = data.removeprefix(BOM)
    if found is not None and query is not None:
        try:
            decoded = index.decode_events(body, found.index, index.select(found.index, query))
        except _UNFIT:
            found = None  # an index that does not fit the file: never trusted, made anew
        else:
            if not index.unchanged(found, info):  # the same bytes: refresh the stat
                index.write(where, index.restat(found, info))
            return Store(name, tuple(decoded), all_ids=functools.partial(index.ids, found.index))
    events = loads(data, name)
    if found is None:
        index.write(where, index.build(body, file_digest, events, stat=index.stat_key(info)))
    return Store(name, events)


#: What decoding the events an index points at raises when the index does not fit.
_UNFIT = (msgspec.DecodeError, msgspec.ValidationError, ValueError, IndexError, KeyError)


def _selected_events(f: BinaryIO, found: Any, query: Query) -> tuple[Event, ...] | None:
    """The events an index selects for ``query``, read from the open store where its
    index says they lie (the rest of the file is not read); None when the index does not
    fit the file (a file shorter than its spans, or spans that do not fall on events)."""

    if not hasattr(os, "pread"):  # not on this platform: read and hash the file instead
        return None
    try:
        start = len(BOM) if os.pread(f.fileno(), len(BOM), 0) == BOM else 0
        return tuple(index.read_events(f.fileno(), start, found, index.select(found, query)))
    except (*_UNFIT, OSError):
        return None


def read_bundled() -> tuple[str, bytes]:
    """The name and bytes of the reference store shipped inside the package."""
    name = os.path.join(os.path.dirname(__file__), "data", "events.json")
    try:
        if os.path.isfile(name):
            with open(name, "rb") as f:
                return name, f.read()
        from importlib import resources  # a zipped or otherwise unusual installation

        resource: Traversable = resources.files("bilat") / "data" / "events.json"
        name = str(resource)
        return name, resource.read_bytes()
    except OSError as exc:
        raise StoreError(
            f"{name}: the bundled store is missing from this installation ({exc})"
        ) from None


def bundled_store(query: Query | None = None, cache: CacheDir | None = None) -> Store:
    """The reference store shipped inside the package; with a query, only the events that
    may answer it, through the index shipped beside it (when it fits the store). With a
    cache folder, the shipped index, once checked against the store's bytes, is kept
    there with the store's stat: while that stat holds, later runs read only the events
    they need, as for a large store of the user's."""
    if query is not None and cache is not None:
        unread = _bundled_unread(query, cache)
        if unread is not None:
            return unread
    name, data = read_bundled()
    if query is not None:
        found = index.shipped(os.path.join(os.path.dirname(name), SHIPPED_INDEX), data)
        if found is not None:
            try:
                body = data.removeprefix(BOM)
                selected = index.decode_events(body, found, index.select(found, query))
            except _UNFIT:
                pass  # an index that does not fit the store: load it whole
            else:
                _keep_checked(name, found, cache)
                return Store(name, tuple(selected), all_ids=functools.partial(index.ids, found))
    return Store(name, loads(data, name))


def _bundled_unread(query: Query, cache: CacheDir) -> Store | None:
    """The bundled store's events for ``query`` read through the cached copy of its
    shipped index, when the store's stat is the one recorded; None otherwise."""
    name = os.path.join(os.path.dirname(__file__), "data", "events.json")
    cache_dir = cache()
    if cache_dir is None:
        return None
    try:
        f, info = open_input(name, what="store file")
    except StoreError:
        return None
    with f:
        found = index.read(index.index_file(cache_dir, name), limit=info.st_size + (1 << 20))
        if found is None or not index.unchanged(found, info):
            return None
        selected = _selected_events(f, found.index, query)
    if selected is None:
        return None
    return Store(name, selected, all_ids=functools.partial(index.ids, found.index))


def _keep_checked(name: str, shipped: Any, cache: CacheDir | None) -> None:
    """Keep the shipped index, just checked against the bundled store's bytes, in the
    cache folder with the store's stat (a cache that cannot be written costs only time)."""
    cache_dir = cache() if cache is not None else None
    if cache_dir is None or not os.path.isfile(name):
        return
    try:
        info = os.stat(name)
    except OSError:
        return
    index.write(index.index_file(cache_dir, name), index.as_cached(shipped, info))


#: The index of the bundled store, beside it in the package (see bilat.index).
SHIPPED_INDEX = "events.index"
#: Beside the bundled store: the pairs its sources show to have no relations, and why.
NO_RELATIONS = "no-relations.json"


class NoRelations(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Two states that have no diplomatic relations, by their own lists, and the reason."""

    country: str
    partner: str
    reason: str


def bundled_no_relations(country: str, name: str | None = None) -> list[tuple[str, str]]:
    """The partners that the bundled data (or the file ``name``) shows to have no
    relations with ``country``, each with the reason, by code."""
    name = name or os.path.join(os.path.dirname(__file__), "data", NO_RELATIONS)
    try:
        with open(name, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError(f"{name}: cannot read it: {exc.strerror}") from None
    try:
        pairs = msgspec.json.decode(data, type=list[NoRelations])
    except msgspec.ValidationError as exc:
        raise StoreError(f"{name}: {exc}") from None
    except msgspec.DecodeError as exc:
        raise StoreError(f"{name}: not JSON ({exc})") from None
    found = [(p.partner, p.reason) for p in pairs if p.country == country]
    found += [(p.country, p.reason) for p in pairs if p.partner == country]
    return sorted(found)


def default_stores(
    user_store: str | os.PathLike[str],
    *,
    cache: CacheDir | None = None,
    query: Query | None = None,
) -> list[Store]:
    """The bundled store, then the user's store when it exists."""
    stores = [bundled_store(query, cache)]
    if os.path.isfile(user_store):
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
    return _examine(data, name, today)[0]


def warnings(data: bytes, name: str) -> list[str]:
    """What may be wrong in a store without being an error: events that are likely one
    event entered twice (``name: path: warning: ...``), among the events that decode."""
    return _examine(data, name, None)[1]


def _examine(data: bytes, name: str, today: dt.date | None) -> tuple[list[str], list[str]]:
    """The problems (with the future checked when ``today`` is given) and the warnings."""

    twice = [f"{name}: {path}: the key is written twice" for path in duplicate_keys(data)]
    try:
        events = loads(data, name)
    except StoreError as exc:
        first = str(exc)
    else:
        # A store that loads has no format problems: only the checks beyond it remain.
        indexed = list(enumerate(events))
        return twice + _lint(indexed, name, today), _warnings(indexed, name)
    try:
        raw = msgspec.json.decode(data.removeprefix(BOM))
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        return [first], []
    if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
        return [first], []
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
    messages += _lint(valid, name, today)
    return twice + messages or [first], _warnings(valid, name)


def _lint(indexed: list[tuple[int, Event]], name: str, today: dt.date | None) -> list[str]:
    if today is None:
        return []
    return [f"{name}: {path}: {problem}" for path, problem in rules.lint(indexed, today)]


def _warnings(indexed: list[tuple[int, Event]], name: str) -> list[str]:
    found = rules.likely_duplicates(indexed)
    return [f"{name}: {path}: warning: {problem}" for path, problem in found]
