"""Events: what a store holds, as immutable records with their length limits.

The types are msgspec structs, decoded straight from a store's bytes by
:mod:`bilat.codec`; the rules beyond the types (known codes, unique ids, ...) are in
:mod:`bilat.rules`. Pure: no I/O.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

from bilat.dates import PartialDate
from bilat.vocab import SOURCE_TYPES, Kind, SourceType

__all__ = [
    "CODE_PATTERN",
    "ID_PATTERN",
    "LANGUAGE_PATTERN",
    "MAX_ID_LENGTH",
    "Claim",
    "Event",
    "Letter",
    "Reference",
    "Source",
    "Translation",
    "at_least",
    "enc_hook",
    "to_builtins",
]


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID_LENGTH = 200
CODE_PATTERN = r"^[A-Z]{2}([A-Z]{2})?$"

# The id and code rules are checked by the store's own pass (one regex over all ids, a set
# lookup for codes), not by msgspec while decoding, which would call ``re`` once per string:
# these Meta objects only carry them into the JSON Schema.
Id = msgspec.Meta(
    max_length=MAX_ID_LENGTH,
    description="Lower-case words joined by hyphens.",
    extra_json_schema={"pattern": ID_PATTERN},
)
Code = msgspec.Meta(
    description="ISO 3166-1 alpha-2 code (XK for Kosovo), or ISO 3166-3 code of a former state.",
    extra_json_schema={"pattern": CODE_PATTERN},
)


class _Struct(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    forbid_unknown_fields=True,
    omit_defaults=True,
    gc=False,  # records hold no cycles: the cyclic GC need not track a million of them
):
    pass


# Length limits (characters): generous for real data, a clear error instead of exhaustion.
MAX_TITLE = 1_000
MAX_TEXT = 20_000
MAX_URL = 4_096
MAX_LETTER_TEXT = 200_000
MAX_LIST = 1_000

Title = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TITLE)]
Text = Annotated[str, msgspec.Meta(max_length=MAX_TEXT)]
Url = Annotated[str, msgspec.Meta(max_length=MAX_URL)]


#: The rank of each source type, 0 the strongest (official).
STRENGTH: dict[str, int] = {kind: rank for rank, kind in enumerate(SOURCE_TYPES)}


def at_least(evidence: str | None, minimum: str) -> bool:
    """Whether evidence of this type is at least as strong as ``minimum``; evidence not
    stated (None) never is."""
    return evidence is not None and STRENGTH[evidence] <= STRENGTH[minimum]


class Reference(_Struct, frozen=True, kw_only=True):
    """A work that a source cites for a fact, and that bilat has not read itself (a
    ministry's list that an encyclopedia row cites): kept as the source's reference, never
    passed off as a source read."""

    title: Title
    url: Url | None = None


class Source(_Struct, frozen=True, kw_only=True):
    """Where a fact was read: its publisher's ``type`` says how strong it is, and ``cites``
    the references it gives for the fact, which bilat has not read."""

    title: Title
    url: Url | None = None
    accessed: PartialDate | None = None
    archive_url: Url | None = None
    type: SourceType | None = None
    cites: Annotated[list[Reference], msgspec.Meta(max_length=MAX_LIST)] | None = None


class Claim(_Struct, frozen=True, kw_only=True):
    """A date (or end date) that another source gives for the same event."""

    date: PartialDate | None = None
    end_date: PartialDate | None = None
    note: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TEXT)]
    sources: Annotated[list[Source], msgspec.Meta(min_length=1, max_length=MAX_LIST)]


class Letter(_Struct, frozen=True, kw_only=True):
    author: Title
    recipient: Title
    language: Annotated[str, msgspec.Meta(max_length=35)] | None = None
    text: Annotated[str, msgspec.Meta(max_length=MAX_LETTER_TEXT)] | None = None


class Translation(_Struct, frozen=True, kw_only=True):
    """An event's title and summary in another language, as a source writes them."""

    title: Title | None = None
    summary: Text | None = None


#: A language tag for translations: ``az``, ``ja``, ``pt-BR`` (BCP 47, letters and hyphens).
#: A language tag, as the translations of an event are keyed (ja, az, zh-Hant).
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
LanguageTag = Annotated[str, msgspec.Meta(pattern=LANGUAGE_PATTERN)]


class Event(_Struct, frozen=True, kw_only=True):
    """One dated, sourced fact about the relations of two or more countries."""

    id: Annotated[str, Id]
    date: PartialDate
    end_date: PartialDate | None = None
    parties: Annotated[list[Annotated[str, Code]], msgspec.Meta(min_length=2, max_length=MAX_LIST)]
    by: Annotated[str, Code] | None = None
    kind: Kind
    title: Title
    summary: Text | None = None
    place: Title | None = None
    note: Text | None = None
    sources: Annotated[list[Source], msgspec.Meta(min_length=1, max_length=MAX_LIST)]
    disputed: Annotated[list[Claim], msgspec.Meta(max_length=MAX_LIST)] | None = None
    letter: Letter | None = None
    #: The title and summary in other languages, by language tag.
    translations: Annotated[dict[LanguageTag, Translation], msgspec.Meta(max_length=200)] | None = (
        None
    )

    @property
    def sort_key(self) -> tuple[tuple[int, int, int], str]:
        return (self.date.sort_key, self.id)

    @property
    def evidence(self) -> SourceType | None:
        """How strong the event's date is: the strongest ``type`` among its own sources
        (in :data:`bilat.vocab.SOURCE_TYPES` order; the claims under ``disputed`` are
        other dates, with sources of their own); None when no source states its type."""
        best: SourceType | None = None
        for source in self.sources:
            found = source.type
            if found is not None and (best is None or STRENGTH[found] < STRENGTH[best]):
                best = found
        return best

    def partners(self, code: str) -> list[str]:
        return [p for p in self.parties if p != code]


def enc_hook(obj: Any) -> Any:
    """How msgspec encodes what it does not know: a date as its text."""
    if isinstance(obj, PartialDate):
        return obj.isoformat()
    raise NotImplementedError(type(obj))


def to_builtins(record: msgspec.Struct) -> dict[str, Any]:
    """An event (or a claim, a source) as it is stored: plain JSON values, optional
    fields left out."""
    result: dict[str, Any] = msgspec.to_builtins(record, enc_hook=enc_hook)
    return result
