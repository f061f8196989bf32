"""The closed vocabularies of bilat and its one error type: no imports beyond typing, so
the command line can declare its options without loading the core."""

from __future__ import annotations

from typing import Literal, get_args

Kind = Literal[
    "recognition",
    "diplomatic-relations",
    "embassy-opened",
    "embassy-raised",
    "embassy-closed",
    "legation-opened",
    "mission-opened",
    "consulate-opened",
    "agreement",
    "visit",
    "meeting",
    "letter",
    "anniversary-event",
    "relations-severed",
    "relations-suspended",
    "relations-restored",
    "other",
]
KINDS: tuple[str, ...] = get_args(Kind)

#: Kinds that mark an anniversary rather than found one: not commemorated by default.
NOT_COMMEMORATED: frozenset[str] = frozenset({"letter", "anniversary-event"})

#: Kinds that happen once between two states (once per acting state for recognition): an
#: import that brings one for a pair that has it already brings the same event.
ONCE_KINDS: frozenset[str] = frozenset({"recognition", "diplomatic-relations"})

#: What kind of publisher a source is, strongest evidence first: a government's own page
#: (a ministry, an embassy, a gazette), a scholarly work, a news agency or paper, an
#: encyclopedia, anything else. An event's evidence is the strongest type among the
#: sources of its date.
SourceType = Literal["official", "scholarly", "news", "encyclopedia", "other"]
SOURCE_TYPES: tuple[str, ...] = get_args(SourceType)

#: Where a 29 February event falls in common years.
LeapRule = Literal["feb28", "mar1"]
LEAP_RULES: tuple[str, ...] = get_args(LeapRule)


class BilatError(Exception):
    """Base class for every failure that is the user's to fix (bad data, bad file)."""


class StoreError(BilatError):
    """A store file (or an import's input file) is missing, unreadable or not valid: the
    one error type of the store and the importers."""
