"""What one cell of a list table says: the partner it names, the date it gives, the works
its references cite. Read from mwparserfromhell's nodes (templates, links, tags), never by
patterns over the markup; only a date written as plain text is read from that text. Pure.

* **Partner**: the first flag template's country (``{{flag|Azerbaijan}}``, ``{{Flag|...}}``,
  ``{{flagcountry|...}}``, ``{{flagu|...}}``, ``{{#invoke:flag||...}}``), else the first
  link's text, else the cell's text. Text left beside it in brackets ("(suspended)",
  "(severed)") is the row's *mark*.
* **Date**: the date template's value (``{{dts|14 January 1992}}``, ``{{dts|1992|1|14}}``,
  ``{{Date table sorting|...}}``, ``{{#invoke:dts|main|...}}``), else the cell's plain text
  when it is a date and nothing else ("24 August 1991", "December 1991", "1992",
  "January 14, 1992"). The date keeps the precision the cell shows: a year is a year, a
  month a month. A qualified or vague text ("Before 1982", "1990–1992", "Unknown") gives
  no date.
* **References**: each ``<ref>``'s citation template (``{{cite web|title=...|url=...}}``,
  ``{{#invoke:cite|web|...}}``), else its first external link, else its text; a reused
  ``<ref name="x" />`` is read from where that name is defined.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import msgspec
from mwparserfromhell.nodes import Comment, ExternalLink, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from bilat import countries
from bilat.dates import ENGLISH_MONTHS, PartialDate
from bilat.model import MAX_TITLE, MAX_URL, Reference

__all__ = [
    "Cited",
    "cell_date",
    "date_of_text",
    "partner_of",
    "ref_empty",
    "ref_name",
    "ref_tags",
    "reference",
    "visible_text",
]

_FLAGS = frozenset({"flag", "flagcountry", "flagu", "flagdeco", "flag country", "flagicon"})
_DATES = frozenset({"dts", "date table sorting", "dtsort", "sort date"})
_CITES = ("cite", "citation")
_TITLE_LIMIT = 300

_MONTHS = ENGLISH_MONTHS
_MONTH = "(?P<month>[A-Za-z]+)\\.?"
_SHAPES = (
    re.compile(rf"(?P<day>\d{{1,2}}) {_MONTH},? (?P<year>\d{{3,4}})"),
    re.compile(rf"{_MONTH} (?P<day>\d{{1,2}}),? (?P<year>\d{{3,4}})"),
    re.compile(rf"{_MONTH},? (?P<year>\d{{3,4}})"),
    re.compile(r"(?P<year>\d{3,4})(-(?P<nmonth>\d\d)(-(?P<day>\d\d))?)?"),
)


class Cited(msgspec.Struct, frozen=True):
    """A reference's title and address, before it becomes a :class:`Reference`."""

    title: str
    url: str | None


def visible_text(code: Wikicode) -> str:
    """The text a reader sees, templates, references and comments left out."""
    shown = Wikicode([n for n in code.nodes if not _is_ref(n)])
    return " ".join(str(shown.strip_code(normalize=True, collapse=True)).split())


def _is_ref(node: object) -> bool:
    return isinstance(node, Tag) and str(node.tag).strip().lower() == "ref"


def ref_tags(code: Wikicode) -> list[Tag]:
    """The ``<ref>`` tags in ``code``, and in the tags it holds, in order (not those inside
    templates: a footnote template's own references are the footnote's)."""
    found: list[Tag] = []
    for node in code.nodes:
        if isinstance(node, Tag):
            if _is_ref(node):
                found.append(node)
            elif node.contents is not None:
                found += ref_tags(node.contents)
    return found


def ref_empty(tag: Tag) -> bool:
    """Whether a ref tag only reuses a name (``<ref name="x" />``), holding nothing."""
    if tag.self_closing or tag.contents is None:
        return True
    return all(isinstance(n, Text) and not str(n).strip() for n in tag.contents.nodes)


def ref_name(tag: Tag) -> str | None:
    """The ``name`` of a ref tag, if it has one."""
    for attribute in tag.attributes:
        if str(attribute.name).strip().lower() == "name" and attribute.value is not None:
            name = str(attribute.value).strip()
            return name or None
    return None


def _template_name(template: Template) -> str:
    return " ".join(str(template.name).replace("_", " ").split()).lower()


def _positional(template: Template) -> list[str]:
    return [str(p.value).strip() for p in template.params if not p.showkey]


def partner_of(cell: Wikicode) -> tuple[str, str]:
    """The partner a cell names, and the cell's other visible text (its mark)."""
    name = ""
    rest: list[str] = []
    for node in cell.nodes:
        if isinstance(node, Template):
            template = _template_name(node)
            args = _positional(node)
            if template.startswith("#invoke:flag"):
                args = args[1:]
            if not name and (template in _FLAGS or template.startswith("#invoke:flag")) and args:
                name = str(Wikicode([Text(args[0])]).strip_code()).strip()
            elif not name and len(template) == 3 and str(node.name).strip().isupper():
                name = str(node.name).strip()  # a flag template named by a code: {{GEO}}
        elif isinstance(node, Wikilink):
            shown = node.text if node.text is not None else node.title
            text = " ".join(str(shown.strip_code()).split())
            if not name and not str(node.title).lower().startswith(("file:", "image:")):
                name = text
            elif text:
                rest.append(text)
        elif isinstance(node, Text):
            rest.append(str(node))
        elif isinstance(node, Tag) and str(node.tag).lower() not in ("ref", "br"):
            rest.append(visible_text(node.contents) if node.contents else "")
    other = " ".join(" ".join(rest).split())
    if not name:
        name, other = other, ""
    return name, other


def date_of_text(text: str) -> PartialDate | None:
    """A date written as plain text, the whole text ("5 May 1992", "May 5, 1992", "May
    1992", "1992", "1992-05-05"): None for anything else."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" .")
    for shape in _SHAPES:
        found = shape.fullmatch(text)
        if found is None:
            continue
        parts = found.groupdict()
        month: int | None = None
        if parts.get("month"):
            month = _MONTHS.get(parts["month"].lower())
            if month is None:
                return None
        elif parts.get("nmonth"):
            month = int(parts["nmonth"])
        day = int(parts["day"]) if parts.get("day") else None
        return _make(int(parts["year"]), month, day)
    return None


def _make(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day if month is not None else None)
    except (ValueError, TypeError):
        return None


def _date_of_template(template: Template) -> tuple[PartialDate | None, str]:
    args = [a for a in _positional(template) if a]
    if _template_name(template).startswith("#invoke:") and args:
        args = args[1:]  # the module's function ("main")
    if len(args) == 1:
        return date_of_text(args[0]), args[0]
    shown = " ".join(args)
    if 2 <= len(args) <= 3 and all(a.isdigit() for a in args):
        numbers = [int(a) for a in args] + [0]
        return _make(numbers[0], numbers[1], numbers[2] or None), shown
    return None, shown


def cell_date(cell: Wikicode) -> tuple[PartialDate | None, str]:
    """The date a cell gives (None when it gives none), and what the cell shows."""
    for template in cell.filter_templates(recursive=False):
        name = _template_name(template)
        if name in _DATES or name.startswith("#invoke:dts"):
            return _date_of_template(template)
    shown = visible_text(cell)
    return date_of_text(shown), shown


def _clip(text: str) -> str:
    text = " ".join(text.split())
    limit = min(_TITLE_LIMIT, MAX_TITLE)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _url(text: str) -> str | None:
    text = text.strip()
    if text.startswith("//"):
        text = "https:" + text
    if not text.lower().startswith(("http://", "https://")) or len(text) > MAX_URL:
        return None
    if text.split() != [text]:  # a space inside: not one address
        return None
    return text


def _from_template(template: Template) -> Cited | None:
    name = _template_name(template)
    fields = {str(p.name).strip().lower(): p.value for p in template.params if p.showkey}
    if name.startswith("#invoke:cite"):
        pass
    elif not name.startswith(_CITES):
        return None
    url = None
    for key in ("url", "chapter-url", "archive-url"):
        if key in fields:
            url = _url(str(fields[key].strip_code()))
            if url:
                break
    title = ""
    for key in ("title", "trans-title", "script-title", "chapter", "website", "publisher"):
        if key in fields:
            title = visible_text(fields[key])
            if title:
                break
    if not title and url is None:
        return None
    return Cited(_clip(title) if title else _host(url), url)


def _host(url: str | None) -> str:
    return (urlsplit(url).hostname or "") if url else ""


def reference(tag: Tag, defined: Mapping[str, Tag]) -> Cited | None:
    """The work a ``<ref>`` cites; None for a reused name defined nowhere, or a note
    that names no work."""
    body: Wikicode | None = tag.contents
    if ref_empty(tag):
        target = defined.get(ref_name(tag) or "")
        body = target.contents if target is not None else None
    if body is None:
        return None
    for template in body.filter_templates(recursive=False):
        found = _from_template(template)
        if found is not None:
            return found
    for link in body.filter_external_links(recursive=True):
        assert isinstance(link, ExternalLink)
        url = _url(str(link.url))
        if url is not None:
            title = visible_text(link.title) if link.title is not None else ""
            rest = visible_text(body)
            return Cited(_clip(title or rest or _host(url)), url)
    text = visible_text(body)
    if not text or all(isinstance(n, Comment) for n in body.nodes):
        return None
    return Cited(_clip(text), None)


#: Names these lists use that bilat's country table does not, folded.
ALIASES = {
    "republic of china": "TW",
    "republic of china taiwan": "TW",
    "georgia country": "GE",
    "car": "CF",
}

#: States and entities with no code that bilat knows, folded: skipped, by reason.
NO_CODE = {
    "entity without a code": (
        "abkhazia",
        "south ossetia",
        "transnistria",
        "northern cyprus",
        "turkish republic of northern cyprus",
        "somaliland",
        "sahrawi arab democratic republic",
        "sahrawi republic",
        "sovereign military order of malta",
        "sovereign order of malta",
        "order of malta",
        "artsakh",
        "chechen republic of ichkeria",
        "republic of artsakh",
    ),
    "organisation": (
        "european union",
        "nato",
        "united nations",
        "african union",
        "arab league",
        "asean",
        "commonwealth of nations",
    ),
    "former state without a code": (
        "south vietnam",
        "republic of vietnam",
        "ottoman empire",
        "austria hungary",
        "prussia",
        "serbia and montenegro",
        "united arab republic",
        "zanzibar",
        "tanganyika",
    ),
}
_REASONS = {name: reason for reason, names in NO_CODE.items() for name in names}


def code_of(name: str) -> tuple[str | None, str | None]:
    """A name's code, or None and the reason it has none."""
    key = countries.fold(name)
    if key in _REASONS:
        return None, _REASONS[key]
    if key in ALIASES:
        return ALIASES[key], None
    try:
        return countries.resolve(name), None
    except countries.UnknownCountry:
        pass
    if "(" in name:
        return code_of(name.split("(", 1)[0])
    return None, "name unknown to bilat"


def as_reference(cited: Cited) -> Reference:
    return Reference(title=cited.title, url=cited.url)


__all__ += ["as_reference"]
