"""Country codes and names: resolve user input to a canonical code, and display names.

Canonical codes are ISO 3166-1 alpha-2 codes in upper case (``"AZ"``), the user-assigned
``"XK"`` for Kosovo, or ISO 3166-3 four-letter codes for a few former countries
(``"SUHH"`` Soviet Union, ``"DDDE"`` East Germany, ``"YUCS"`` Yugoslavia,
``"CSHH"`` Czechoslovakia, ...).

The data lives in :mod:`bilat._country_table`, a generated module of plain literals (see
``tools/gen_countries.py``), so importing this module is cheap and needs no third-party
package. This module does no I/O.
"""

from __future__ import annotations

from bilat import text as _text
from bilat._country_table import ALIASES, ALPHA3, NAMES

__all__ = ["UnknownCountry", "fold", "is_known", "name", "resolve"]

# Characters removed outright by fold(), so that "U.S." == "US" and "d'Ivoire" == "divoire":
# full stop, apostrophe, left/right single quotation marks, modifier letter apostrophe,
# grave accent.
_DELETED = str.maketrans("", "", ".'\u2018\u2019\u02bc`")

_MAX_SUGGESTIONS = 3
_SUGGESTION_CUTOFF = 0.6  # difflib similarity a match needs to be suggested at all
_SUGGESTION_MARGIN = 0.15  # ... and at most this far behind the best match


def fold(text: str) -> str:
    """Normalise a country name for lookup; the generated alias table uses this same function.

    Steps, in order:

    1. ``str.casefold()``;
    2. Unicode NFKD normalisation, then drop every combining mark (so accents go:
       ``"Côte"`` -> ``"cote"``, ``"Türkiye"`` -> ``"turkiye"``): steps 1 and 2 are
       :func:`bilat.text.fold`;
    3. delete full stops, apostrophes (ASCII ``'``, typographic U+2018/U+2019, modifier
       letter U+02BC) and backticks (``"U.S."`` -> ``"us"``, ``"d'Ivoire"`` -> ``"divoire"``);
    4. replace ``&`` with ``and``;
    5. turn every other character that is not alphanumeric (hyphens, commas, brackets,
       slashes, ...) into a space;
    6. collapse runs of whitespace to one space and strip both ends;
    7. drop one leading ``"the "`` (``"The Gambia"`` -> ``"gambia"``).
    """
    plain = _text.fold(text).translate(_DELETED).replace("&", " and ")
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    if len(words) > 1 and words[0] == "the":
        del words[0]
    return " ".join(words)


def is_known(code: str) -> bool:
    """Whether ``code`` is a canonical code exactly as stored (upper case)."""
    return code in NAMES


def name(code: str) -> str:
    """Short English display name for a canonical code; an unknown code is returned as is."""
    return NAMES.get(code, code)


class UnknownCountry(ValueError):
    """Raised by :func:`resolve` for text that names no known country."""

    text: str
    suggestions: tuple[str, ...]

    def __init__(self, text: str, suggestions: tuple[str, ...] = ()) -> None:
        self.text = text
        self.suggestions = suggestions
        message = f"unknown country {text!r}"
        if suggestions:
            if len(suggestions) == 1:
                choices = suggestions[0]
            else:
                choices = ", ".join(suggestions[:-1]) + " or " + suggestions[-1]
            message += f"; did you mean {choices}?"
        super().__init__(message)


def resolve(text: str) -> str:
    """Resolve a code or name, in any case and with or without accents, to a canonical code.

    Accepts an alpha-2, alpha-3 or four-letter historic code, or any known name or alias
    (``"AZ"``, ``"aze"``, ``"Azerbaijan"``, ``"south korea"``, ``"cote divoire"``).
    Surrounding whitespace is ignored.

    Raises :class:`UnknownCountry`, with up to three close suggestions, otherwise.
    """
    stripped = text.strip()
    upper = stripped.upper()
    if upper in NAMES:
        return upper
    code = ALPHA3.get(upper)
    if code is not None:
        return code
    key = fold(stripped)
    code = ALIASES.get(key)
    if code is not None:
        return code
    raise UnknownCountry(stripped, _suggest(key))


def _suggest(key: str) -> tuple[str, ...]:
    """Display strings such as ``"Azerbaijan (AZ)"`` for the codes closest to ``key``."""
    if not key:
        return ()
    import difflib  # only needed on the error path; keep `import bilat.countries` cheap

    # Codes are only compared with input of the same length: "xx" is not a typo of "XKX".
    candidates: dict[str, str] = dict(ALIASES)
    for code in NAMES:
        if len(code) == len(key):
            candidates.setdefault(code.casefold(), code)
    for alpha3, code in ALPHA3.items():
        if len(alpha3) == len(key):
            candidates.setdefault(alpha3.casefold(), code)
    matches = difflib.get_close_matches(key, candidates, n=30, cutoff=_SUGGESTION_CUTOFF)
    if not matches:
        return ()
    # Drop matches far behind the best one ("Rusia" suggests Russia, not also "USA").
    floor = _ratio(key, matches[0]) - _SUGGESTION_MARGIN
    codes: list[str] = []
    for match in matches:
        if _ratio(key, match) < floor:
            continue
        code = candidates[match]
        if code not in codes:
            codes.append(code)
        if len(codes) == _MAX_SUGGESTIONS:
            break
    return tuple(f"{name(code)} ({code})" for code in codes)


def _ratio(key: str, candidate: str) -> float:
    import difflib

    # Same argument order as difflib.get_close_matches, which ranks by this score.
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(key)
    matcher.set_seq1(candidate)
    return matcher.ratio()
