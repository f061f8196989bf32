"""Find, load, validate and write event stores (format version 1).

A store is one JSON object ``{"version": 1, "events": [...]}``. Loading turns it into a
tuple of :class:`bilat.domain.Event` or raises :class:`StoreError`, whose message names the
file, the JSON path of the record and what is wrong. Nothing else is raised for bad data.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import msgspec

from . import countries
from .domain import BilatError, Event, PartialDate

__all__ = [
    "FORMAT_VERSION",
    "Store",
    "StoreError",
    "bundled_store",
    "dumps",
    "json_schema",
    "load",
    "load_path",
    "loads",
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


@dataclass(frozen=True)
class Store:
    """A loaded store: where it came from and its events, in file order."""

    name: str
    events: tuple[Event, ...]


# --------------------------------------------------------------------------- decoding


def _dec_hook(type_: type, obj: Any) -> Any:
    if type_ is PartialDate:
        if not isinstance(obj, str):
            raise TypeError(f"Expected a date string, got `{type(obj).__name__}`")
        return PartialDate.parse(obj)
    raise NotImplementedError(type_)


def _enc_hook(obj: Any) -> Any:
    if isinstance(obj, PartialDate):
        return obj.isoformat()
    raise NotImplementedError(type(obj))


_decoder = msgspec.json.Decoder(_StoreFile, dec_hook=_dec_hook)
_encoder = msgspec.json.Encoder(enc_hook=_enc_hook)


def _position(data: bytes, offset: int) -> str:
    offset = max(0, min(offset, len(data)))
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return f"line {line}, column {column}"


def _split_validation(message: str) -> tuple[str, str]:
    """msgspec says 'Expected `str`, got `int` - at `$.events[3].date`'."""
    text, sep, where = message.rpartition(" - at `")
    if not sep:
        return "$", message
    return where.rstrip("`"), text


def loads(data: bytes, name: str) -> tuple[Event, ...]:
    """Decode and validate the bytes of a store; ``name`` is used in error messages."""
    if len(data) > MAX_STORE_BYTES:
        raise StoreError(_too_large(name, len(data)))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        parsed = _decoder.decode(data)
    except RecursionError:
        raise StoreError(
            f"{name}: JSON nested too deeply (a store nests at most 7 levels)"
        ) from None
    except UnicodeDecodeError:
        raise _not_utf8(data, name) or StoreError(f"{name}: not UTF-8 text") from None
    except msgspec.ValidationError as exc:
        _check_version(data, name)
        path, problem = _split_validation(str(exc))
        raise StoreError(f"{name}: {path}: {problem}") from None
    except msgspec.DecodeError as exc:
        utf8_error = _not_utf8(data, name)
        if utf8_error is not None:
            raise utf8_error from None
        message = str(exc)
        if message == "Input data was truncated":
            problem, offset = "unexpected end of file", len(data)
        else:
            problem = message.removeprefix("JSON is malformed: ")
            problem, _, byte = problem.rpartition(" (byte ")
            offset = int(byte.rstrip(")")) if byte.rstrip(")").isdigit() else 0
        raise StoreError(f"{name}: invalid JSON at {_position(data, offset)}: {problem}") from None
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
    except (msgspec.DecodeError, msgspec.ValidationError):
        return
    if header.version is not None and header.version != FORMAT_VERSION:
        raise StoreError(_version_message(name, header.version))


def _validate(events: list[Event], name: str) -> None:
    """The rules a JSON schema cannot say: one error, the first found, with its path."""

    def fail(path: str, problem: str) -> StoreError:
        return StoreError(f"{name}: {path}: {problem}")

    seen: dict[str, int] = {}
    for i, event in enumerate(events):
        at = f"$.events[{i}]"
        first = seen.setdefault(event.id, i)
        if first != i:
            raise fail(f"{at}.id", f"duplicate id {event.id!r} (also at $.events[{first}])")
        for j, code in enumerate(event.parties):
            if not countries.is_known(code):
                raise fail(f"{at}.parties[{j}]", f"unknown country code {code!r}")
            if code in event.parties[:j]:
                raise fail(f"{at}.parties[{j}]", f"{code} is listed twice")
        if event.by is not None and event.by not in event.parties:
            raise fail(f"{at}.by", f"{event.by!r} is not one of the parties")
        if event.end_date is not None and event.end_date.last_day() < event.date.first_day():
            raise fail(f"{at}.end_date", f"{event.end_date} is before the date {event.date}")
        if event.kind == "letter" and event.letter is None:
            raise fail(f"{at}.letter", "a letter event needs a letter object")
        if event.kind != "letter" and event.letter is not None:
            raise fail(f"{at}.letter", f"only letter events carry a letter (kind is {event.kind})")
        for k, claim in enumerate(event.disputed or ()):
            if claim.date is None and claim.end_date is None:
                raise fail(f"{at}.disputed[{k}]", "a disputed claim needs a date or an end_date")


# --------------------------------------------------------------------------- files


def load_path(path: str | os.PathLike[str]) -> Store:
    """Load a store file named by the user."""
    name = os.fspath(path)
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{name}: is a directory, not a store file")
    try:
        size = p.stat().st_size
        if size > MAX_STORE_BYTES:
            raise StoreError(_too_large(name, size))
        data = p.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"{name}: no such store file") from None
    except PermissionError:
        raise StoreError(f"{name}: cannot read the store file: permission denied") from None
    except OSError as exc:
        raise StoreError(f"{name}: cannot read the store file: {exc.strerror or exc}") from None
    return Store(name, loads(data, name))


def bundled_store() -> Store:
    """The reference store shipped inside the package."""
    resource = resources.files("bilat") / "data" / "events.json"
    name = str(resource)
    try:
        data = resource.read_bytes()
    except OSError as exc:
        raise StoreError(
            f"{name}: the bundled store is missing from this installation ({exc})"
        ) from None
    return Store(name, loads(data, name))


def load(path: str | os.PathLike[str] | None) -> Store:
    """The store at ``path``, or the bundled one when ``path`` is None."""
    return bundled_store() if path is None else load_path(path)


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
