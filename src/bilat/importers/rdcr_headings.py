"""What an entry of the State Department's guide is about, read from its heading.

The guide's headings are short English phrases ("Establishment of Diplomatic Relations",
"U.S. Recognition of Azerbaijan", "Elevation of American Legation to Embassy Status").
Each feature below is one regular expression; a heading may show several ("Establishment
of Diplomatic Relations and the American Embassy in Baku" is two events). A heading with
no feature is not an act between the two states (a state joining the German Empire, a
mission moving, a note on trade) and is skipped, with the reason the first matching
pattern of :data:`SKIPS` gives.

Who acted (``by``), as a rule for every heading:

* recognition: the United States, unless the heading names the United States as the
  state recognised (then the partner) or says the recognition was mutual (nobody);
* embassies, legations, consulates and missions: the state whose mission it is, read from
  the adjective before it ("Bulgarian Legation", "American Embassy") or from "in the
  United States" / "in Washington" (the partner's mission); otherwise the United States,
  whose missions the guide records;
* severances and suspensions: the state named after "by", else nobody;
* establishment and restoration of relations, agreements: nobody (mutual acts).

Pure: no I/O.
"""

from __future__ import annotations

import re
from typing import Literal

from bilat import countries

Owner = Literal["US", "partner"] | None

_I = re.IGNORECASE

#: (kind, pattern), in the order the kinds of one heading are listed; the first kind found
#: is the entry's main event, whose date the prose is searched for.
FEATURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "recognition",
        re.compile(r"\brecogni[szt]|\brecogntion", _I),
    ),
    (
        "diplomatic-relations",
        re.compile(
            r"(?<![\w-])establish\w* (of )?(full |normal )?diplomatic relations"
            r"|diplomatic relations (were )?established|(?<![\w-])establishment of relations"
            r"|opening of diplomatic relations(?! with)",
            _I,
        ),
    ),
    (
        "relations-restored",
        re.compile(
            r"re-?establish\w* (of )?(diplomatic |normal )?relations"
            r"|relations (re-?established|resumed|restored|normalized)"
            r"|resum\w+ (of )?(normal |full )?(diplomatic )?(and cultural )?relations"
            r"|re-opening of diplomatic relations",
            _I,
        ),
    ),
    (
        "relations-severed",
        re.compile(
            r"\bsever\w*|terminat\w* (of )?(diplomatic )?relations|relations ended"
            r"|cessation of (diplomatic )?relations",
            _I,
        ),
    ),
    (
        "relations-suspended",
        re.compile(
            r"relations\b.*\binterrupted|interruption of relations"
            r"|suspension of (diplomatic )?relations|relations suspended|disrupting relations",
            _I,
        ),
    ),
    (
        "embassy-raised",
        re.compile(
            r"(elevat\w*|raised)\b.*\b(embassy|ambassador)|legation to embassy"
            r"|legation\b.*\bbecomes?\b.*\bembassy|ambassadorial relations(?! (restored|resumed))",
            _I,
        ),
    ),
    (
        "embassy-closed",
        re.compile(
            r"(clos\w+|suspen\w+)\b.*\b(embassy|legation|mission|operations)"
            r"|(embassy|legation)\b.*\b(closed|withdrawn)|evacuation of .*embassy"
            r"|termination of u\.s\. mission",
            _I,
        ),
    ),
    (
        "embassy-opened",
        re.compile(
            r"(?<![\w-])(establish\w*|open\w*|re-?open\w*|re-?establish\w*)\b[^/]*\bembass"
            r"|embassy\b.*\b(opened|established|re-?opened|re-?established)"
            r"|resumption of operations at american embassy|resumption of u\.s\. embassy",
            _I,
        ),
    ),
    (
        "legation-opened",
        re.compile(
            r"(?<![\w-])(establish\w*|open\w*|re-?open\w*|re-?establish\w*)\b[^/]*\blegation"
            r"|legation\b.*\b(opened|established|re-?opened|reestablished)",
            _I,
        ),
    ),
    (
        "mission-opened",
        re.compile(
            r"(establish\w*|open\w*)\b.*\b(liaison office|interests? section|diplomatic mission"
            r"|diplomatic presence|u\.s\. mission|office of the u\.s\. representative"
            r"|american mission)"
            r"|(liaison office|interests? section)\b.*\b(established|opened)",
            _I,
        ),
    ),
    (
        "agreement",
        re.compile(r"\b(treaty|convention|agreement|compact|arrangement|additional article)\b", _I),
    ),
    (
        "consulate-opened",
        re.compile(
            r"consular relations|(establish\w*|open\w*|first)\b.*\bconsul(ate|ar post|\b)"
            r"|consulates? (opened|opens|established)",
            _I,
        ),
    ),
    (
        "other",
        re.compile(
            r"accredit\w*|presents credentials|appointment of first|first american minister"
            r"|first u\.s\. (minister|ambassador|representative)|ambassador resident"
            r"|first official (diplomatic|state-to-state) interaction"
            r"|installation of american ambassador|first spanish envoy|\bappointed\b",
            _I,
        ),
    ),
    ("anniversary-event", re.compile(r"\banniversary\b", _I)),
)

#: Headings that are never events between the two states, whatever else they mention:
#: (pattern, reason). Checked before the features.
VETOES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s*no\b", _I), "says that nothing happened"),  # "No Relations Established."
    (re.compile(r"declaration of accession", _I), "accession to another state's treaty"),
    (
        re.compile(r"non-recognition|recognition .*withdrawn|limited u\.s\. recognition", _I),
        "recognition withheld or withdrawn",
    ),
    (re.compile(r"international recognition", _I), "recognition by many states"),
    (re.compile(r"\bformation\b", _I), "a union of states formed"),
    (re.compile(r"\bchanged? (from|in)\b|\bmov(e|ed|es|ement)\b", _I), "a mission moved"),
    (re.compile(r"consul\w* general|consulate in rotterdam", _I), "a consular post changed"),
)

#: Why a heading with no feature was skipped: (pattern, reason); the default is
#: "not an act between the two states".
SKIPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bno\b", _I), "says that nothing happened"),
    (
        re.compile(r"\bmov|relocat|transferred|returns? to|returned to|separated", _I),
        "a mission moved",
    ),
    (
        re.compile(r"assassinat|expelled|recalled|hostilities|invasion|\bwar\b|withdrawn", _I),
        "an incident or a war",
    ),
    (
        re.compile(
            r"joins|unification|dissolution|proclamation|incorporation|establishment of the "
            r"(kingdom|batavian|arab|socialist)|control|demise|becomes|entry of|division"
            r"|empire|reich|republic of south africa|government in",
            _I,
        ),
        "a change of state or government",
    ),
    (re.compile(r"consul", _I), "consular posts in the country"),
)

_US_OWNER = re.compile(r"\b(american|u\.s\.|united states)\s+(embassy|legation|consul|mission)", _I)
_IN_US = re.compile(r"\b(in|to) (the )?(united states|u\.s\.|washington)\b", _I)
_ADJECTIVE = re.compile(r"\b([A-Z][\w’'-]+) (Legation|Embassy|Consular|Consulate|Liaison)")
_ACTIONS = frozenset(
    {
        "Establishment",
        "Elevation",
        "Closure",
        "Closing",
        "Opening",
        "Reopening",
        "Re-opening",
        "Re-Opening",
        "Reestablishment",
        "Re-establishment",
        "Suspension",
        "Termination",
        "First",
        "Additional",
        "Subordinate",
        "Diplomatic",
        "Resumption",
        "Evacuation",
        "American",
    }
)
_BY_STATE = re.compile(r"\bby (the )?(?P<state>[A-Z][\w .’'-]+?)\s*$")


def classify(heading: str) -> tuple[list[str], str | None]:
    """The kinds of event a heading names, in order, or none and why it is skipped."""
    for pattern, reason in VETOES:
        if pattern.search(heading):
            return [], reason
    kinds = [kind for kind, pattern in FEATURES if pattern.search(heading)]
    if "embassy-raised" in kinds and "embassy-opened" in kinds:
        kinds.remove("embassy-opened")  # "Elevation ... to Embassy" opens no new mission
    if "embassy-closed" in kinds:
        for opened in ("embassy-opened", "legation-opened"):
            if opened in kinds and not re.search(r"open|establish", heading, _I):
                kinds.remove(opened)
    if "relations-restored" in kinds and "diplomatic-relations" in kinds:
        kinds.remove("diplomatic-relations")  # "Re-establishment of ..." is a restoration
    if kinds and kinds[-1] == "other" and len(kinds) > 1:
        kinds.pop()
    if kinds:
        return kinds, None
    for pattern, reason in SKIPS:
        if pattern.search(heading):
            return [], reason
    return [], "not an act between the two states"


def recognition_by(heading: str) -> Owner:
    """Who recognised whom: see the module's rule."""
    lower = heading.lower()
    if re.search(r"\b(u\.s\.|united states|american) recognition", lower):
        return "US"
    if re.search(r"mutual|between", lower):
        return None
    if re.search(
        r"recogni\w* (of )?(the )?(independence of )?(the )?(united states|u\.s\.)", lower
    ):
        return "partner"
    return "US"


def mission_owner(heading: str, kind: str) -> Owner:
    """Whose mission a heading names: see the module's rule."""
    if _US_OWNER.search(heading):
        return "US"
    if _IN_US.search(heading):
        return "partner"
    for match in _ADJECTIVE.finditer(heading):
        if match.group(1) not in _ACTIONS:
            return "partner"
    return "US" if kind != "embassy-raised" or "legation" in heading.lower() else None


def severed_by(heading: str) -> str | None:
    """The state named after "by" in "Diplomatic Relations Severed by Mexico, 1914.", if
    any (the year after it left out; the dot of "U.S." kept)."""
    text = re.sub(r",\s*\d{4}\.?\s*$", "", heading.strip()).rstrip()
    match = _BY_STATE.search(re.sub(r"(?<!\b[A-Z])\.$", "", text))
    return match.group("state") if match else None


#: Former states that existed beside a file's state, or of which it was a part, and the
#: names the guide gives them (folded as :func:`bilat.countries.fold` folds): an entry of
#: that file which names one is about that state, filed under its ISO 3166-3 code, or
#: skipped and named where it has none. A state's continuation under another name (the
#: Soviet Union in Russia's article) is not listed: it is the file's own state.
BESIDE: dict[str, tuple[tuple[str, str | None, re.Pattern[str]], ...]] = {
    "DE": (
        (
            "East Germany",
            "DDDE",
            re.compile(r"\b(german democratic republic|east germany|gdr)\b"),
        ),
    ),
    "YE": (
        (
            "South Yemen",
            "YDYE",
            re.compile(r"\b(south(ern)? yemen|peoples democratic republic of yemen)\b"),
        ),
    ),
    "ML": (("Federation of Mali", None, re.compile(r"\bfederation of mali\b")),),
}


def beside(code: str, heading: str, dating: str) -> tuple[str, str | None] | None:
    """The former state (its name, and its code or None) an entry of ``code``'s article is
    about, if any: the one its heading names or, failing that, the one the sentence giving
    its date names before the date (``dating``); both texts folded."""
    for text in (heading, dating):
        for name, former, pattern in BESIDE.get(code, ()):
            if pattern.search(text):
                return name, former
    return None


#: Misspellings of the guide's headings, corrected in the titles made from them.
SPELLING = {"Commericial": "Commercial", "Recogntion": "Recognition"}


def entry_title(kind: str, by: str | None, partner: str, heading: str) -> str:
    """The title of an event of an entry: in our words for the kinds bilat knows, else the
    heading's words (its year left out, its misspellings corrected)."""
    who = countries.name(by) if by else ""
    reopen = re.search(r"re-?open|re-?establish|resum", heading, re.IGNORECASE)
    titles = {
        "recognition": f"{who} recognises {countries.name(partner if by == 'US' else 'US')}"
        if by
        else "Mutual recognition",
        "diplomatic-relations": "Diplomatic relations established",
        "relations-restored": "Diplomatic relations restored",
        "relations-severed": f"{who} severs diplomatic relations"
        if by
        else "Diplomatic relations severed",
        "relations-suspended": "Diplomatic relations suspended",
        "embassy-raised": f"{who} raises its legation to an embassy"
        if by
        else "Legations raised to embassies",
        "embassy-closed": f"{who} closes or suspends its mission" if by else "Mission closed",
        "embassy-opened": f"{who} {'reopens its' if reopen else 'opens an'} embassy",
        "legation-opened": f"{who} {'reopens its' if reopen else 'opens a'} legation",
        "mission-opened": f"{who} opens a mission short of an embassy",
        "consulate-opened": "Consular relations established"
        if "consular relations" in heading.lower()
        else f"{who} opens consular posts",
    }
    text = heading.rstrip(". ").rsplit(",", 1)[0]
    return titles.get(kind) or re.sub(r"\b\w+\b", lambda m: SPELLING.get(m[0], m[0]), text)
