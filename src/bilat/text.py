"""Text from a store is data: what may be printed of it, and how.

Control characters (C0 and C1), bidirectional controls, line and paragraph separators and
lone surrogates never reach a terminal as they are: they become visible escapes such as
``\\x1b`` or ``\\u202e``.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Beyond the C0 controls: DEL and the C1 controls, the Arabic letter mark, bidi marks and
# controls, line and paragraph separators, lone surrogates. JSON writers escape the C0
# controls themselves, so json_unsafe() is this set alone.
_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def fold(text: str) -> str:
    """``text`` for matching, case and accents folded: ``str.casefold()``, then Unicode
    NFKD with every combining mark dropped (``"Côte"`` -> ``"cote"``). The one accent fold:
    search and the country names use it."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """:func:`json_unsafe`; the C0/C1 controls but tab and newline, and all of those; the
    same with tab and newline. Compiled on first use: a run that prints only JSON of
    ASCII text never needs them, and their character classes take milliseconds."""
    json_unsafe = re.compile(f"[{_BEYOND_C0}]")
    unsafe = re.compile(f"[\x00-\x08\x0b-\x1f{_BEYOND_C0}]")
    return json_unsafe, unsafe, re.compile(unsafe.pattern[:-1] + "\n\t]")


def json_unsafe() -> re.Pattern[str]:
    """The characters :func:`escape_json` escapes (JSON writers escape the C0 controls)."""
    return _patterns()[0]


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str, *, multiline: bool = False) -> str:
    """Text safe to print. One line (tabs and line breaks become spaces), or with
    ``multiline`` the line breaks kept; every other control becomes a visible escape."""
    text = text.replace("\r\n", "\n")
    _, unsafe, unsafe_or_space = _patterns()
    if multiline:
        return unsafe.sub(_escape, text).replace("\t", " ")
    return unsafe_or_space.sub(lambda m: " " if m.group() in "\n\t" else _escape(m), text)


def escape(text: str) -> str:
    """Every control made visible, line breaks and tabs too: for quoting a value in an
    error message."""
    return _patterns()[2].sub(_escape, text)


@functools.lru_cache(maxsize=1 << 14)  # a column repeats its cells ("Azerbaijan – Japan")
def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes: two for wide East Asian characters (日本),
    none for combining marks, one for the rest."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


# The UTF-8 lead bytes of every character json_unsafe() matches: DEL, C1 controls (c2), the
# Arabic letter mark (d8), bidi marks and separators (e2 80, e2 81), surrogates (ed).
_JSON_UNSAFE_BYTES = (b"\x7f", b"\xc2", b"\xd8", b"\xe2\x80", b"\xe2\x81", b"\xed")


def escape_json(data: bytes) -> bytes:
    """UTF-8 JSON with the characters of json_unsafe() written as ``\\u`` escapes (the
    strings stay exact; the encoder has escaped the C0 controls). The text is scanned only
    when it holds a byte that may start one."""
    if data.isascii() or not any(lead in data for lead in _JSON_UNSAFE_BYTES):
        return data
    text = _patterns()[0].sub(lambda m: f"\\u{ord(m.group()):04x}", data.decode("utf-8"))
    return text.encode("utf-8")
