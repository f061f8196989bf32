"""The store format in bytes: decode and check a store file, encode events, the schema.

A store is one JSON object ``{"version": 1, "events": [...]}``. :func:`loads` turns its
bytes into a tuple of :class:`bilat.domain.Event` or raises :class:`StoreError`, whose
message names the file, the JSON path of the record and what is wrong; the rules beyond
the types are those of :mod:`bilat.rules`. Pure: no file is opened here.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from typing import Any

import msgspec

from . import rules
from .domain import Event, PartialDate
from .model import enc_hook, to_builtins
from .text import escape, escape_json
from .vocab import KINDS, SOURCE_TYPES, StoreError

__all__ = [
    "FORMAT_VERSION",
    "MAX_STORE_BYTES",
    "SCHEMA_FILE",
    "convert_event",
    "decode_event",
    "decode_events",
    "dumps",
    "event_from_dict",
    "json_schema",
    "loads",
    "stdlib_position",
    "to_builtins",
]

FORMAT_VERSION = 1
#: A store larger than this is refused before it is read (about two million events).
MAX_STORE_BYTES = 1 << 30
SCHEMA_FILE = "events.schema.json"
BOM = b"\xef\xbb\xbf"


class _StoreFile(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    """The top-level object of a store file."""

    schema: str | None = msgspec.field(default=None, name="$schema")
    version: int
    events: list[Event]


class _Header(msgspec.Struct):
    version: Any = None


# Dates repeat, and a PartialDate is immutable: parse each text once. (There are at most
# 3.7 million valid date texts; the cache is emptied when it grows past a million.)
_DATES: dict[str, PartialDate] = {}
_MAX_DATES = 1 << 20


def dec_hook(type_: type, obj: Any) -> Any:
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


_decoder = msgspec.json.Decoder(_StoreFile, dec_hook=dec_hook)
_event_decoder = msgspec.json.Decoder(Event, dec_hook=dec_hook)


def decode_events(data: bytes | memoryview) -> list[Event]:
    return _decoder.decode(data).events


def decode_event(data: bytes | memoryview) -> Event:
    """One event from its JSON bytes (types only; the caller checks the rules)."""
    return _event_decoder.decode(data)


_encoder = msgspec.json.Encoder(enc_hook=enc_hook)


def _position(data: bytes, offset: int) -> str:
    offset = max(0, min(offset, len(data)))
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return f"line {line}, column {column}"


def stdlib_position(data: bytes) -> str | None:
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


def _humane(problem: str, where: str = "$") -> str:
    """msgspec's wording, with regexes named and the valid values of an enum listed (the
    kinds, or the source types)."""
    for pattern, meaning in rules.PATTERN_NAMES.items():
        problem = problem.replace(f"`str` matching regex '{pattern}'", meaning)
    if problem.startswith("Invalid enum value"):
        if where.endswith(".type"):
            problem += f" (source types: {', '.join(SOURCE_TYPES)})"
        else:
            problem += f" (kinds: {', '.join(KINDS)})"
    return problem


def split_validation(message: str) -> tuple[str, str]:
    """msgspec says 'Expected `str`, got `int` - at `$.events[3].date`', and of a key of
    an object '... - at `key` in `$.events[0].translations`'."""
    text, sep, where = message.rpartition(" - at `")
    if not sep:
        return "$", escape(_humane(message))
    where = where.rstrip("`")
    if where.startswith("key` in `"):
        where = where.removeprefix("key` in `")
        return where, "a key: " + escape(_humane(text, where))
    return where, escape(_humane(text, where))


def loads(data: bytes, name: str) -> tuple[Event, ...]:
    """Decode and validate the bytes of a store; ``name`` is used in error messages."""
    if len(data) > MAX_STORE_BYTES:
        raise StoreError(too_large(name, len(data)))
    data = data.removeprefix(BOM)
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
        path, problem = split_validation(str(exc))
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
            where = stdlib_position(data) or _position(data, offset)
        raise StoreError(f"{name}: invalid JSON at {where}: {problem}") from None
    if parsed.version != FORMAT_VERSION:
        raise StoreError(version_message(name, parsed.version))
    rules.validate(parsed.events, name)
    return tuple(parsed.events)


def _not_utf8(data: bytes, name: str) -> StoreError | None:
    """The error for bytes that are not UTF-8, positioned in the whole file (msgspec only
    knows the offset inside the string it was decoding)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return StoreError(f"{name}: not UTF-8 text (invalid byte at {_position(data, exc.start)})")
    return None


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text (a leading byte order mark dropped), or a StoreError that names the
    line and column of the first byte that is not UTF-8: for every input read as text."""
    data = data.removeprefix(BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise _not_utf8(data, name) or StoreError(f"{name}: not UTF-8 text") from None


def too_large(name: str, size: int, limit: int = MAX_STORE_BYTES) -> str:
    return (
        f"{name}: the file is {size / (1 << 20):.0f} MiB or more; "
        f"bilat reads files up to {limit >> 20} MiB"
    )


def version_message(name: str, version: object) -> str:
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
        raise StoreError(version_message(name, header.version))


def dumps(events: Iterable[Event], *, schema: str | None = None) -> bytes:
    """A store in the stable, diff-friendly layout: sorted by date then id, two-space
    indent, UTF-8 without escaping but for the characters a terminal or an editor could
    take for controls (``\\u`` escapes), trailing newline. ``schema`` is the address of
    the JSON Schema to name in ``$schema`` (none by default; a store that bilat writes
    names the schema file beside it, when there is one: :func:`bilat.writes.schema_beside`)."""
    ordered = sorted(events, key=lambda e: e.sort_key)
    raw = _encoder.encode(_StoreFile(schema=schema, version=FORMAT_VERSION, events=ordered))
    return escape_json(msgspec.json.format(raw, indent=2) + b"\n")


def _schema_hook(type_: type) -> dict[str, Any]:
    if type_ is PartialDate:
        return {
            "type": "string",
            "pattern": rules.STRICT_DATE_PATTERN,
            "description": (
                "ISO 8601 date at its precision: YYYY, YYYY-MM or YYYY-MM-DD, a real day "
                "of the Gregorian calendar, year 0001-9999."
            ),
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
        "Rules that compare two fields or two events are checked by bilat validate, not "
        "here: unique ids, `by` among the parties, `end_date` not before `date`."
    )
    rules.strengthen_schema(defs)
    top["properties"]["version"] = {"const": FORMAT_VERSION}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **top, "$defs": defs}


# --------------------------------------------------------------------------- checking


def convert_event(raw: Any, at: str = "$") -> Event:
    """One event given as plain JSON values, with its types checked as the loader checks
    them (the rules of :mod:`bilat.rules` are the caller's)."""
    try:
        return msgspec.convert(raw, Event, dec_hook=dec_hook)
    except msgspec.ValidationError as exc:
        path, problem = split_validation(str(exc))
        raise StoreError(f"{at}{path[1:]}: {problem}") from None


def event_from_dict(raw: Any, at: str = "$") -> Event:
    """Validate one event given as plain JSON values exactly as the loader does."""
    event = convert_event(raw, at)
    for path, problem in rules.event_problems(event, at):
        raise StoreError(f"{path}: {problem}")
    return event


def new_event(
    *,
    date: str,
    parties: Sequence[str],
    kind: str,
    title: str,
    sources: Sequence[tuple[str, str | None] | tuple[str, str | None, str | None]],
    id: str | None = None,
    end_date: str | None = None,
    by: str | None = None,
    summary: str | None = None,
    place: str | None = None,
    note: str | None = None,
    letter: dict[str, str | None] | None = None,
) -> Event:
    """An event from its fields (dates as text, sources as (title, url) pairs, or (title,
    url, type) triples), checked exactly as the loader checks a stored one. Without an id it gets a placeholder that
    the store replaces with one made from its parties, kind and date."""
    raw = {
        "id": id or "new-event",
        "date": date,
        "end_date": end_date,
        "parties": list(parties),
        "by": by,
        "kind": kind,
        "title": title,
        "summary": summary,
        "place": place,
        "note": note,
        "sources": [
            {"title": s[0], "url": s[1], **({"type": s[2]} if len(s) > 2 and s[2] else {})}
            for s in sources
        ],
        "letter": letter,
    }
    return event_from_dict(raw)


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    twice: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    found = _Object()
    found.twice = []
    for key, value in pairs:
        if key in found:
            found.twice.append(key)
        found[key] = value
    return found


def duplicate_keys(data: bytes) -> list[str]:
    """The JSON paths of keys written twice in one object (``$.events[3].date``); empty
    when there are none or the text is not JSON (the decoder says what is wrong then)."""
    import json

    try:
        document = json.loads(data.removeprefix(BOM).decode("utf-8"), object_pairs_hook=_pairs)
    except (ValueError, RecursionError):
        return []
    found: list[str] = []
    todo: list[tuple[Any, str]] = [(document, "$")]
    while todo:
        node, path = todo.pop()
        if isinstance(node, _Object):
            found += [f"{path}.{key}" for key in node.twice]
            todo += [(value, f"{path}.{key}") for key, value in node.items()]
        elif isinstance(node, list):
            todo += [(value, f"{path}[{i}]") for i, value in enumerate(node)]
    return sorted(found)
