"""A pair's relations as one self-contained, static HTML page: the timeline picture inline,
the next milestone anniversaries, the events with their sources as links, and the letters.

Pure: no I/O, no clock. The page loads nothing (its Content-Security-Policy forbids every
fetch), runs no script and prints well. Every piece of store text is cleaned
(:func:`bilat.text.clean`) and escaped by :func:`el`; only http(s) addresses become links,
percent-encoded as the Markdown output writes them. A word too long for its line breaks
anywhere rather than widening the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from bilat import __version__
from bilat.domain import (
    NOT_COMMEMORATED,
    Event,
    PartialDate,
    Source,
    TimelineEntry,
    YearsRange,
    days_until,
    letters,
    next_milestone,
    ordinal,
)
from bilat.text import clean

from . import lang
from .common import (
    direction,
    kind_cell,
    link_target,
    long_date,
    names,
    paragraphs,
    summary,
    title,
)
from .lang import t
from .layout import date_range, years_text

#: How many coming milestones the page lists.
MILESTONES_SHOWN = 12

CSS = """
:root { --ink: #1f2933; --muted: #5f6b7a; --rule: #d9dee3;
  --paper: #ffffff; --link: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e9ed; --muted: #a9b3bf; --rule: #3a4450; --paper: #14191f; --link: #8cc4ff; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 78rem; padding: 1.5rem; color: var(--ink);
  background: var(--paper); font: 16px/1.5 "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif;
  overflow-wrap: anywhere; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); }
.lead, figcaption, .note, footer { color: var(--muted); }
figure { margin: 1rem 0; }
figure svg { display: block; width: 100%; height: auto; border: 1px solid var(--rule); }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--rule); }
th { font-weight: 600; }
td.date, td.num { white-space: nowrap; }
td ul { margin: 0; padding-left: 1rem; }
a { color: var(--link); }
article.letter { border-left: 3px solid var(--rule); padding-left: 1rem; margin: 1rem 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; color: #000; background: #fff; }
  a { color: #000; text-decoration: none; }
  figure svg { border: 0; }
  h2 { break-after: avoid; }
  tr, figure, article.letter { break-inside: avoid; }
}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


class Html(str):
    """Markup, already escaped: :func:`el` takes it as it is."""


def el(tag: str, attrs: dict[str, str] | None = None, *children: str) -> Html:
    """An element; plain-text children are cleaned and escaped, as are attribute values."""
    pairs = "".join(f' {k}="{escape(v, quote=True)}"' for k, v in (attrs or {}).items())
    inner = "".join(c if isinstance(c, Html) else escape(clean(c), quote=False) for c in children)
    return Html(f"<{tag}{pairs}>{inner}</{tag}>")


def _join(parts: Sequence[Html]) -> Html:
    return Html("\n".join(parts))


def _source(source: Source) -> Html:
    url = source.url or ""
    if url.startswith(("https://", "http://")):
        return el("a", {"href": link_target(url)}, source.title)
    return el("span", None, source.title)


def _table(head: Sequence[str], rows: Sequence[Sequence[Html]]) -> Html:
    header = el("thead", None, el("tr", None, *(el("th", {"scope": "col"}, h) for h in head)))
    return el("table", None, header, el("tbody", None, _join([el("tr", None, *r) for r in rows])))


def _event_row(entry: TimelineEntry) -> list[Html]:
    e = entry.event
    about = [el("strong", None, title(e))]
    for text in (summary(e), e.place):
        if text:
            about.append(el("div", None, text))
    for claim in e.disputed or ():
        other = claim.date or claim.end_date
        said = t("* Also given as {date}: ").format(date=other) if other else "* "
        about.append(el("div", {"class": "note"}, said + claim.note))
    years = t("later") if entry.years_ago is None else str(entry.years_ago)
    sources = el("ul", None, *(el("li", None, _source(s)) for s in e.sources))
    return [
        el("td", {"class": "date"}, date_range(e.date, e.end_date) + (" *" if e.disputed else "")),
        el("td", None, *about),
        el("td", None, e.kind.replace("-", " ") if lang.current() is None else kind_cell(e.kind)),
        el("td", None, direction(e)),
        el("td", {"class": "num"}, years),
        el("td", None, sources),
    ]


def _milestones(entries: Sequence[TimelineEntry], as_of: dt.date, every: int) -> Html:
    found: list[tuple[PartialDate, int, Event]] = []
    for entry in entries:
        e = entry.event
        coming = next_milestone(e.date, as_of, every) if e.kind not in NOT_COMMEMORATED else None
        if coming is not None:
            found.append((coming[1], coming[0], e))
    found.sort(key=lambda f: (f[0].sort_key, f[2].sort_key))
    rows = []
    for date, years, e in found[:MILESTONES_SHOWN]:
        days = days_until(date, as_of)
        when = (
            t("day unknown")
            if days is None
            else t("today")
            if days == 0
            else t("in {days} days").format(days=days)
        )
        nth = f"{ordinal(years)} anniversary" if lang.current() is None else _anniversary(years)
        rows.append(
            [
                el("td", {"class": "date"}, long_date(date)),
                el("td", {"class": "num"}, when),
                el("td", None, f"{nth}: {title(e)}"),
                el("td", {"class": "date"}, date_range(e.date, e.end_date)),
            ]
        )
    if not rows:
        return el("p", None, t("No milestone anniversary is ahead."))
    return _table([t("Date"), t("When"), t("Anniversary"), t("Since")], rows)


def _anniversary(years: int) -> str:
    current = lang.current()
    assert current is not None
    return current.anniversary(years)


def _letter(e: Event) -> Html:
    assert e.letter is not None
    letter = e.letter
    head = t("{author} to {recipient}, {date}").format(
        author=letter.author, recipient=letter.recipient, date=long_date(e.date)
    )
    body = [el("p", None, p) for p in paragraphs(clean(letter.text or "", multiline=True))]
    if not body:
        text = summary(e) or t("The store has no text of this letter.")
        body = [el("p", {"class": "note"}, text)]
    sources = el("p", {"class": "note"}, t("Sources: "), *_sources_inline(e.sources))
    return el(
        "article",
        {"class": "letter"},
        el("h3", None, title(e)),
        el("p", None, head),
        *body,
        sources,
    )


def _sources_inline(sources: Sequence[Source]) -> list[Html]:
    parts: list[Html] = []
    for i, source in enumerate(sources):
        parts += [Html("; ")] * (i > 0) + [_source(source)]
    return parts


def page(
    focus: Sequence[str],
    entries: Sequence[TimelineEntry],
    as_of: dt.date,
    years: YearsRange | None,
    since: PartialDate | None,
    svg: str,
    every: int = 5,
) -> str:
    """The page of a pair (``svg``: its timeline picture)."""
    pair = names(focus)
    when = long_date(PartialDate.from_date(as_of))
    count = len(entries)
    lead = lang.n("{n} event, as of {date}.", "{n} events, as of {date}.", count).format(
        n=count, date=when
    )
    if since is not None and years is not None:
        relations = t("Diplomatic relations since {date}: {years}. ")
        lead = relations.format(date=long_date(since), years=years_text(years)) + lead
    picture = Html(svg[svg.index("<svg") :])
    found = letters([e.event for e in entries])
    caption = t("{pair}: the events on a time axis.").format(pair=pair)
    body = [
        el("header", None, el("h1", None, pair), el("p", {"class": "lead"}, lead)),
        el("figure", None, picture, el("figcaption", None, caption)),
        el(
            "h2",
            {"id": "milestones"},
            t("Next milestone anniversaries (every {every} years)").format(every=every),
        ),
        _milestones(entries, as_of, every),
        el("h2", {"id": "events"}, t("Events")),
        _table(
            [t("Date"), t("Event"), t("Kind"), t("Direction"), t("Years ago"), t("Sources")],
            [_event_row(entry) for entry in entries],
        ),
    ]
    if found:
        body += [el("h2", {"id": "letters"}, t("Letters")), *(_letter(e) for e in found)]
    made = t("Made with bilat {version} from its sourced event store.")
    body.append(el("footer", None, made.format(version=__version__)))
    head = [
        Html('<meta charset="utf-8">'),
        Html('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        Html(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'),
        el("title", None, t("{pair}: relations timeline").format(pair=pair)),
        el("style", None, Html(CSS)),
    ]
    document = el(
        "html",
        {"lang": lang.current_code().replace("_", "-")},
        el("head", None, *head),
        el("body", None, el("main", None, *body)),
    )
    return "<!DOCTYPE html>\n" + document + "\n"
