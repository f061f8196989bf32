"""Find, load, validate and write event stores (format version 1).

A store is one JSON object ``{"version": 1, "events": [...]}``. Loading turns it into a
tuple of :class:`bilat.domain.Event` or raises :class:`StoreError`, whose message names the
file, the JSON path of the record and what is wrong. Nothing else is raised for bad data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import itertools
import operator
import os
import re
import stat
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import msgspec

from . import _country_table, countries
from .domain import CODE_PATTERN, ID_PATTERN, KINDS, BilatError, Event, PartialDate, Source
from .text import escape

__all__ = [
    "FORMAT_VERSION",
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
    "json_schema",
    "lint",
    "load_path",
    "loads",
    "make_id",
    "merge",
    "read_bundled",
    "read_file",
    "to_builtins",
    "write_atomic",
]

FORMAT_VERSION = 1
#: A store larger than this is refused before it is read (about two million events).
MAX_STORE_BYTES = 1 << 30
SCHEMA_FILE = "events.schema.json"

# A date string as the format allows it; the loader checks the calendar on top of this.
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"


class StoreError(BilatError):
    """A store file is missing, unreadable or not a valid store."""


class _StoreFile(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    """The top-level object of a store file."""

    schema: str | None = msgspec.field(default=None, name="$schema")
    version: int
    events: list[Event]


class _Header(msgspec.Struct):
    version: Any = None


class Query(msgspec.Struct, frozen=True, gc=False):
    """The events a command may need; any superset of them is a right answer.

    ``all_countries``: events naming every one of these; ``any_countries``: events naming
    at least one; ``year``: events ``k * every`` years before it, for some k >= 1.
    """

    all_countries: tuple[str, ...] = ()
    any_countries: tuple[str, ...] = ()
    year: int | None = None
    every: int = 1


class Store(msgspec.Struct, frozen=True, gc=False):
    """A loaded store: where it came from and its events, in file order.

    A store loaded for a query through its index holds only the events that may answer
    the query; ``all_ids`` then gives the id of every event in the file, for :func:`merge`.
    """

    name: str
    events: tuple[Event, ...]
    all_ids: Callable[[], Collection[str]] | None = None


# --------------------------------------------------------------------------- decoding


# Dates repeat, and a PartialDate is immutable: parse each text once. (There are at most
# 3.7 million valid date texts; the cache is emptied when it grows past a million.)
_DATES: dict[str, PartialDate] = {}
_MAX_DATES = 1 << 20


def _dec_hook(type_: type, obj: Any) -> Any:
    if type_ is PartialDate:
        if obj.__class__ is not str:
            got = _JSON_TYPES.get(type(obj).__name__, type(obj).__name__)
            raise TypeError(f"Expected a date string, got `{got}`")
        date = _DATES.get(obj)
        if date is None:
            date = PartialDate.parse(obj)
            if len(_DATES) >= _MAX_DATES:
                _DATES.clear()
            _DATES[obj] = date
        return date
    raise NotImplementedError(type_)


def _enc_hook(obj: Any) -> Any:
    if isinstance(obj, PartialDate):
        return obj.isoformat()
    raise NotImplementedError(type(obj))


_decoder = msgspec.json.Decoder(_StoreFile, dec_hook=_dec_hook)
_event_decoder = msgspec.json.Decoder(Event, dec_hook=_dec_hook)


def _decode_events(data: bytes) -> list[Event]:
    return _decoder.decode(data).events


_BOM = b"\xef\xbb\xbf"
_encoder = msgspec.json.Encoder(enc_hook=_enc_hook)


def _position(data: bytes, offset: int) -> str:
    offset = max(0, min(offset, len(data)))
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return f"line {line}, column {column}"


def _stdlib_position(data: bytes) -> str | None:
    """Where the standard library's parser stops, on the (rare) malformed-JSON path: it
    counts lines and columns exactly, where msgspec's byte offsets vary by error."""
    import json

    try:
        json.loads(data.decode("utf-8"))
    except json.JSONDecodeError as exc:
        return f"line {exc.lineno}, column {exc.colno}"
    except (RecursionError, UnicodeDecodeError, ValueError):
        return None
    return None


_JSON_TYPES = {
    "NoneType": "null",
    "list": "array",
    "dict": "object",
    "float": "float",
    "int": "int",
    "bool": "bool",
    "str": "str",
}
_PATTERN_NAMES = {
    ID_PATTERN: "an id of lower-case words joined by hyphens (like az-jp-visit-2006)",
    CODE_PATTERN: "an upper-case country code (like AZ, or SUHH for the USSR)",
    DATE_PATTERN: "a date YYYY, YYYY-MM or YYYY-MM-DD",
}


def _humane(problem: str) -> str:
    """msgspec's wording, with regexes named and the valid kinds listed."""
    for pattern, meaning in _PATTERN_NAMES.items():
        problem = problem.replace(f"`str` matching regex '{pattern}'", meaning)
    if problem.startswith("Invalid enum value"):
        problem += f" (kinds: {', '.join(KINDS)})"
    return problem


def _split_validation(message: str) -> tuple[str, str]:
    """msgspec says 'Expected `str`, got `int` - at `$.events[3].date`'."""
    text, sep, where = message.rpartition(" - at `")
    if not sep:
        return "$", escape(_humane(message))
    return where.rstrip("`"), escape(_humane(text))


def loads(data: bytes, name: str) -> tuple[Event, ...]:
    """Decode and validate the bytes of a store; ``name`` is used in error messages."""
    if len(data) > MAX_STORE_BYTES:
        raise StoreError(_too_large(name, len(data)))
    data = data.removeprefix(_BOM)
    # Building and checking a million records would trigger many collections that find
    # nothing (the records hold no cycles): keep the cyclic collector off meanwhile.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _loads(data, name)
    finally:
        if gc_was_enabled:
            gc.enable()


def _loads(data: bytes, name: str) -> tuple[Event, ...]:
    try:
        parsed = _decoder.decode(data)
    except RecursionError:
        raise StoreError(
            f"{name}: JSON nested too deeply (a store nests at most 7 levels)"
        ) from None
    except UnicodeDecodeError:
        raise _not_utf8(data, name) or StoreError(f"{name}: not UTF-8 text") from None
    except msgspec.ValidationError as exc:
        utf8_error = _not_utf8(data, name)
        if utf8_error is not None:
            raise utf8_error from None
        _check_version(data, name)
        path, problem = _split_validation(str(exc))
        raise StoreError(f"{name}: {path}: {problem}") from None
    except msgspec.DecodeError as exc:
        utf8_error = _not_utf8(data, name)
        if utf8_error is not None:
            raise utf8_error from None
        message = str(exc)
        if message == "Input data was truncated":
            problem, where = "unexpected end of file", _position(data, len(data))
        else:
            problem = message.removeprefix("JSON is malformed: ")
            problem, _, byte = problem.rpartition(" (byte ")
            offset = int(byte.rstrip(")")) if byte.rstrip(")").isdigit() else 0
            where = _stdlib_position(data) or _position(data, offset)
        raise StoreError(f"{name}: invalid JSON at {where}: {problem}") from None
    if parsed.version != FORMAT_VERSION:
        raise StoreError(_version_message(name, parsed.version))
    _validate(parsed.events, name)
    return tuple(parsed.events)


def _not_utf8(data: bytes, name: str) -> StoreError | None:
    """The error for bytes that are not UTF-8, positioned in the whole file (msgspec only
    knows the offset inside the string it was decoding)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return StoreError(f"{name}: not UTF-8 text (invalid byte at {_position(data, exc.start)})")
    return None


def _too_large(name: str, size: int) -> str:
    return (
        f"{name}: the store is {size / (1 << 20):.0f} MiB; "
        f"bilat reads stores up to {MAX_STORE_BYTES >> 20} MiB"
    )


def _version_message(name: str, version: object) -> str:
    return (
        f"{name}: $.version: this bilat reads store format version {FORMAT_VERSION}, "
        f"not {version!r}"
    )


def _check_version(data: bytes, name: str) -> None:
    """On a validation error, say first when the file is of another format version."""
    try:
        header = msgspec.json.decode(data, type=_Header)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, UnicodeDecodeError):
        return
    if header.version is not None and header.version != FORMAT_VERSION:
        raise StoreError(_version_message(name, header.version))


Problem = tuple[str, str]
"""A JSON path and what is wrong there."""


def event_problems(event: Event, at: str) -> Iterator[Problem]:
    """The rules of one event beyond its types, with their paths under ``at``."""
    if not _ID_RE.match(event.id):
        yield f"{at}.id", f"Expected {_PATTERN_NAMES[ID_PATTERN]}"
    for j, code in enumerate(event.parties):
        if not _CODE_RE.match(code):
            yield f"{at}.parties[{j}]", f"Expected {_PATTERN_NAMES[CODE_PATTERN]}"
        elif not countries.is_known(code):
            yield f"{at}.parties[{j}]", f"unknown country code {code!r}"
        if code in event.parties[:j]:
            yield f"{at}.parties[{j}]", f"{code} is listed twice"
    if event.by is not None and not _CODE_RE.match(event.by):
        yield f"{at}.by", f"Expected {_PATTERN_NAMES[CODE_PATTERN]}"
    elif event.by is not None and event.by not in event.parties:
        yield f"{at}.by", f"{event.by!r} is not one of the parties"
    if event.end_date is not None and event.end_date.last_day() < event.date.first_day():
        yield f"{at}.end_date", f"{event.end_date} is before the date {event.date}"
    if event.kind == "letter" and event.letter is None:
        yield f"{at}.letter", "a letter event needs a letter object"
    if event.kind != "letter" and event.letter is not None:
        yield f"{at}.letter", f"only letter events carry a letter (kind is {event.kind})"
    for k, claim in enumerate(event.disputed or ()):
        if claim.date is None and claim.end_date is None:
            yield f"{at}.disputed[{k}]", "a disputed claim needs a date or an end_date"


def _problems(indexed: Iterable[tuple[int, Event]]) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, event in indexed:
        at = f"$.events[{i}]"
        first = seen.setdefault(event.id, i)
        if first != i:
            yield f"{at}.id", f"duplicate id {event.id!r} (also at $.events[{first}])"
        yield from event_problems(event, at)


def _validate(events: list[Event], name: str) -> None:
    """Raise the first problem found, with its path.

    The cheap rules are checked for all events at once, mostly in C (set sizes, set
    inclusion, a few scans over the joined ids); disputed claims, and every event again
    when a cheap rule fails, go through :func:`_first_problem` for the exact message.
    """
    ids = list(map(_ID, events))
    parties = list(map(_PARTIES, events))
    codes = set(itertools.chain.from_iterable(parties))
    clean = (
        _all_ids_valid(ids)
        and len(set(ids)) == len(ids)
        and codes <= _country_table.NAMES.keys()
        and sum(map(len, parties)) == sum(map(len, map(set, parties)))
        and all(e.by in e.parties for e in events if e.by is not None)
        and not any(_ends_early(e) for e in events if e.end_date is not None)
        and all((e.kind == "letter") == (e.letter is not None) for e in events if _letterish(e))
    )
    if clean:
        disputed = [(i, e) for i, e in enumerate(events) if e.disputed]
        if not any(True for i, e in disputed for _ in event_problems(e, "")):
            return
    _first_problem(events, name)


_ID = operator.attrgetter("id")
_PARTIES = operator.attrgetter("parties")


def _letterish(event: Event) -> bool:
    return event.kind == "letter" or event.letter is not None


def _ends_early(event: Event) -> bool:
    """Whether the end date may be before the date (a cheap test: True needs a closer look)."""
    assert event.end_date is not None
    return event.end_date.sort_key < event.date.sort_key


def _first_problem(events: list[Event], name: str) -> None:
    """Raise the first problem of the first event that has one, in file order."""
    known = _country_table.NAMES.keys()
    seen: dict[str, int] = {}
    for i, event in enumerate(events):
        parties = event.parties
        distinct = set(parties)
        first = seen.setdefault(event.id, i)
        if (
            first != i
            or not _ID_RE.match(event.id)
            or len(distinct) != len(parties)
            or not distinct <= known
            or (event.by is not None and event.by not in distinct)
            or (event.end_date is not None and _ends_early(event))
            or (event.kind == "letter") != (event.letter is not None)
            or event.disputed
        ):
            at = f"$.events[{i}]"
            if first != i:
                raise StoreError(
                    f"{name}: {at}.id: duplicate id {event.id!r} (also at $.events[{first}])"
                )
            for path, problem in event_problems(event, at):
                raise StoreError(f"{name}: {path}: {problem}")


_ID_RE = re.compile(ID_PATTERN.replace("$", r"\Z"))
_CODE_RE = re.compile(CODE_PATTERN.replace("$", r"\Z"))
# Every id at once, with a few scans in C instead of a regex call per id (a tenth of the
# time): the joined ids hold only allowed characters, and no hyphen or separator sits at
# an edge of an id. A newline cannot be part of a valid id, so the count of separators
# tells that no id smuggled one in.
_ID_CHARS = b"abcdefghijklmnopqrstuvwxyz0123456789-\n"
_NOT_IN_IDS = (b"--", b"-\n", b"\n-", b"\n\n")


def _all_ids_valid(ids: list[str]) -> bool:
    """Whether every id matches the id pattern (False: look at each one)."""
    if not ids:
        return True
    joined = "\n".join(ids)
    if not joined.isascii():
        return False
    raw = joined.encode("ascii")
    return (
        raw.count(b"\n") == len(ids) - 1
        and not raw.translate(None, _ID_CHARS)
        and raw[:1] not in (b"", b"-", b"\n")
        and raw[-1:] not in (b"-", b"\n")
        and not any(bad in raw for bad in _NOT_IN_IDS)
    )


# --------------------------------------------------------------------------- files


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a store file, or a StoreError that says why not."""
    name = os.fspath(path)
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{name}: is a directory, not a store file")
    try:
        size = p.stat().st_size
        if size > MAX_STORE_BYTES:
            raise StoreError(_too_large(name, size))
        return p.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"{name}: no such store file") from None
    except PermissionError:
        raise StoreError(f"{name}: cannot read the store file: permission denied") from None
    except OSError as exc:
        raise StoreError(f"{name}: cannot read the store file: {exc.strerror or exc}") from None


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

    body = data.removeprefix(_BOM)
    file_digest = index.digest(data)
    where = index.index_file(cache_dir, path)
    found = index.read(where, file_digest)
    if found is not None and query is not None:
        try:
            numbers = index.select(found, query)
            selected = index.decode_events(body, found, numbers, _event_decoder, _decode_events)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError, IndexError):
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


def to_builtins(event: Event) -> dict[str, Any]:
    """An event as it is stored: plain JSON values, optional fields left out."""
    result: dict[str, Any] = msgspec.to_builtins(event, enc_hook=_enc_hook)
    return result


def dumps(events: Iterable[Event], *, schema: str | None = f"./{SCHEMA_FILE}") -> bytes:
    """A store in the stable, diff-friendly layout: sorted by date then id, two-space
    indent, UTF-8 without escaping, trailing newline."""
    ordered = sorted(events, key=lambda e: e.sort_key)
    raw = _encoder.encode(_StoreFile(schema=schema, version=FORMAT_VERSION, events=ordered))
    return msgspec.json.format(raw, indent=2) + b"\n"


def _schema_hook(type_: type) -> dict[str, Any]:
    if type_ is PartialDate:
        return {
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "ISO 8601 date at its precision: YYYY, YYYY-MM or YYYY-MM-DD.",
        }
    raise NotImplementedError(type_)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the store format, generated from the loader's own types."""
    body = msgspec.json.schema(_StoreFile, schema_hook=_schema_hook)
    defs = body["$defs"]
    top = defs.pop("_StoreFile")
    top["title"] = "bilat event store"
    top["description"] = (
        "Dated, sourced events of relations between countries (format version 1). "
        "Rules beyond this schema (checked by bilat): unique ids, known country codes, "
        "distinct parties, `by` among the parties, `end_date` not before `date`, "
        "`letter` exactly on letter events, real calendar dates."
    )
    top["properties"]["version"] = {"const": FORMAT_VERSION}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **top, "$defs": defs}


# --------------------------------------------------------------------------- checking


def event_from_dict(raw: Any, at: str = "$") -> Event:
    """Validate one event given as plain JSON values exactly as the loader does."""
    try:
        event = msgspec.convert(raw, Event, dec_hook=_dec_hook)
    except msgspec.ValidationError as exc:
        path, problem = _split_validation(str(exc))
        raise StoreError(f"{at}{path[1:]}: {problem}") from None
    for path, problem in event_problems(event, at):
        raise StoreError(f"{path}: {problem}")
    return event


_PAST_ONLY = frozenset(
    {
        "recognition",
        "diplomatic-relations",
        "embassy-opened",
        "consulate-opened",
        "agreement",
        "letter",
        "anniversary-event",
        "relations-severed",
        "relations-restored",
    }
)


def lint(indexed: Sequence[tuple[int, Event]], today: dt.date) -> Iterator[Problem]:
    """Checks beyond the format: likely duplicates, a disputed claim equal to the event's
    own date, addresses that are not http(s), and dates in the future for kinds that can
    only be in the past (visits and meetings may be planned)."""
    titles: dict[tuple[frozenset[str], str, str], tuple[int, Event]] = {}
    for i, event in indexed:
        at = f"$.events[{i}]"
        key = (frozenset(event.parties), event.kind, event.title.casefold())
        earlier = titles.setdefault(key, (i, event))
        if earlier[0] != i and earlier[1].date != event.date:
            other_i, other = earlier
            yield (
                at,
                (
                    f"likely a duplicate of $.events[{other_i}] ({other.id}): same parties, "
                    f"kind and title on another date ({other.date} and {event.date})"
                ),
            )
        for k, claim in enumerate(event.disputed or ()):
            if claim.date is not None and claim.date == event.date:
                yield (
                    f"{at}.disputed[{k}].date",
                    f"the disputed date equals the event's ({event.date})",
                )
            if claim.end_date is not None and claim.end_date == event.end_date:
                yield f"{at}.disputed[{k}].end_date", "the disputed end date equals the event's"
        for path, source in _sources(event, at):
            for field in ("url", "archive_url"):
                url = getattr(source, field)
                if url is not None and not url.lower().startswith(("http://", "https://")):
                    yield f"{path}.{field}", f"not an http(s) address: {url!r}"
        if event.kind in _PAST_ONLY and event.date.first_day() > today:
            yield f"{at}.date", f"{event.date} is in the future, which a {event.kind} cannot be"


def _sources(event: Event, at: str) -> Iterator[tuple[str, Source]]:
    for j, source in enumerate(event.sources):
        yield f"{at}.sources[{j}]", source
    for k, claim in enumerate(event.disputed or ()):
        for j, source in enumerate(claim.sources):
            yield f"{at}.disputed[{k}].sources[{j}]", source


def check(data: bytes, name: str, today: dt.date) -> list[str]:
    """Every problem of a store, one message each (``name: path: problem``); empty when
    the store is clean. Each event is checked on its own, so one bad event does not hide
    the others."""
    try:
        events = loads(data, name)
    except StoreError as exc:
        first = str(exc)
    else:
        # A store that loads has no format problems: only the checks beyond it remain.
        return [
            f"{name}: {path}: {problem}" for path, problem in lint(list(enumerate(events)), today)
        ]
    try:
        raw = msgspec.json.decode(data.removeprefix(b"\xef\xbb\xbf"))
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        return [first]
    if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
        return [first]
    messages = []
    if raw.get("version") != FORMAT_VERSION:
        messages.append(_version_message(name, raw.get("version")))
    unknown = sorted(set(raw) - {"$schema", "version", "events"})
    if unknown:
        messages.append(f"{name}: $: unknown field {unknown[0]!r}")
    valid: list[tuple[int, Event]] = []
    for i, item in enumerate(raw["events"]):
        try:
            event = msgspec.convert(item, Event, dec_hook=_dec_hook)
        except msgspec.ValidationError as exc:
            path, problem = _split_validation(str(exc))
            messages.append(f"{name}: $.events[{i}]{path[1:]}: {problem}")
            continue
        valid.append((i, event))
    messages += [f"{name}: {path}: {problem}" for path, problem in _problems(valid)]
    messages += [f"{name}: {path}: {problem}" for path, problem in lint(valid, today)]
    return messages or [first]


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


def make_id(event: Event, taken: Iterable[str]) -> str:
    """A readable id: parties, kind and date (``az-jp-embassy-opened-2025-10-01``), with a
    number added when that is taken."""
    base = "-".join([*(p.lower() for p in event.parties), event.kind, event.date.isoformat()])
    used = set(taken)
    candidate, n = base, 2
    while candidate in used:
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
            f"{path}: another bilat has held the store's lock for {LOCK_TIMEOUT:.0f} s"
        ) from None
    except OSError as exc:
        raise _write_error(path, exc) from None


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
    with locked(path) if not dry_run else contextlib.nullcontext():
        current = list(load_path(path).events) if path.exists() else []
        by_id = {e.id: e for e in current}
        elsewhere = {e.id for e in others}
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
                taken = itertools.chain(by_id, elsewhere)
                event = msgspec.structs.replace(event, id=make_id(event, taken))
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
            write_atomic(path, dumps(by_id.values()))
    return Added(tuple(added), tuple(skipped))
