"""English Wikipedia's "Foreign relations of X" articles: each state's own list of the
states it has diplomatic relations with, and since when.

The input is an article's wikitext, as MediaWiki's ``action=raw`` returns it. Its list
tables (:mod:`bilat.importers.wikipedia_tables`) give one row per partner; the cells are
read by :mod:`bilat.importers.wikipedia_cells`. The rules, stated once:

* **The subject** is the state given with ``--country``, else the one the article's title
  names ("Foreign relations of Azerbaijan", from ``articles.tsv`` beside the files or
  from the file name: ``azerbaijan.wikitext``, ``Foreign relations of Azerbaijan.wikitext``),
  else the one a list table's caption names. An article whose subject has no code (the
  Sahrawi Republic, Abkhazia, the Order of Malta, ...) gives no events: its rows are
  counted under that reason.
* **Partners** are read by bilat's country table, with the names these lists use. A
  trailing disambiguation in brackets is dropped ("Georgia (country)"); "Republic of
  China" is the state on Taiwan (``TW``). Organisations and entities without a code are
  skipped and counted by name, as is any name bilat does not know.
* **Successor states**: a row is filed under the state it names, with the date the list
  gives. Lists often date relations with a successor from its predecessor (China's row for
  Russia gives 2 October 1949; a Czech Republic row may give Czechoslovakia's date), as the
  states themselves count them: the date is kept, never moved to the predecessor's code,
  and no row naming a present state is ever filed under a former one or the reverse.
  Former states are filed under their ISO 3166-3 code where bilat knows it (the Soviet
  Union, East Germany, Yugoslavia, Czechoslovakia), else skipped and named.
* **The list** is the article's first list table; an article without one has its
  regional sections' tables read as its list, their notes left out (prose about much
  else, a third state's acts among it).
* **What a row says**: the date relations were first established
  (``diplomatic-relations``). A mark beside the partner ("(suspended)", "(severed)",
  "(frozen)") tells the relations' state today, not when it changed: it goes into the
  event's note and the report, and makes no event of its own, having no date. A list's
  note column's dated acts, or a date cell's that holds no date, (:mod:`bilat.importers.wikipedia_notes`: "suspended from 20 January
  2020 to 16 September 2021") give ``relations-suspended``, ``relations-restored`` and
  ``relations-severed`` events.
* **Dates** keep the precision the cell shows ("1992" a year, "December 1991" a month,
  ``{{dts|1992|6|8}}`` a day); no day is ever made up. A cell that shows 1 January is
  taken as that day, which the list states (Czechia and Slovakia's 1 January 1993 is
  real); the report lists these so that they can be checked, since a list may write
  1 January for a year. A row that names a partner but gives no date ("Unknown",
  "Before 1982", "1990–1992") is counted as relations with the date unknown.
* **A partner listed twice**: the first row's date is the event's; another date from a
  later row is kept as a disputed claim citing the same article.
* **Sources**: every event cites the article (type ``encyclopedia``), with the works its
  row and its table's partner and date headers cite (the ministry's list, the UN Digital
  Library's "Diplomatic relations between X and Y", an embassy page) as references that
  bilat has not read.
* **Ids** are stable: ``az-tr-diplomatic-relations``, the same for the same pair from
  either side's article, so that the two sides meet in one event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import mwparserfromhell
from mwparserfromhell.nodes import Tag

from bilat import codec, countries
from bilat.dates import PartialDate
from bilat.ids import event_id
from bilat.importers import Imported
from bilat.importers.wikipedia_articles import Article, article_of, files, subject_name
from bilat.importers.wikipedia_cells import (
    as_reference,
    cell_date,
    code_of,
    partner_of,
    ref_empty,
    ref_name,
    ref_tags,
    reference,
    visible_text,
)
from bilat.importers.wikipedia_notes import TITLES, acts
from bilat.importers.wikipedia_tables import ListTable, Row, list_table
from bilat.model import Event, Reference, Source
from bilat.reconcile import Merged
from bilat.vocab import StoreError

__all__ = ["combine", "outcomes", "read", "read_article", "read_articles"]

_KIND = "diplomatic-relations"


def _subject(article: Article, table: ListTable, given: str | None) -> tuple[str | None, str]:
    """The subject's code (None when it has none) and name; StoreError when the article
    does not say which state it is about."""
    if given is not None:
        return given, countries.name(given)
    names = [subject_name(article)] + ([table.caption] if table.caption else [])
    for name in names:
        code, reason = code_of(name)
        if code is not None:
            return code, name
        if reason != "name unknown to bilat":
            return None, name
    raise StoreError(
        f"{article.name}: cannot tell which state the article is about "
        f"({names[0]!r}); pass --country"
    )


def _definitions(table: ListTable, article: Article) -> dict[str, Tag]:
    """Named references: defined in the table, else anywhere in the article."""
    defined: dict[str, Tag] = {}
    wanted: set[str] = set()
    for row in table.rows:
        _define(row.refs, defined, wanted)
    _define(table.header_refs, defined, wanted)
    missing = wanted - defined.keys()
    if missing:
        for text in _ref_spans(article.text, missing):
            _define(ref_tags(mwparserfromhell.parse(text)), defined, set())
    return defined


def _ref_spans(text: str, names: set[str]) -> list[str]:
    """The stretches of ``text`` from a ``<ref`` to the next ``</ref>`` that mention one
    of ``names``: where a reused reference may be defined, to be parsed."""
    spans = []
    at = text.find("<ref")
    while at >= 0:
        end = text.find("</ref>", at)
        if end < 0:
            break
        span = text[at : end + 6]
        if any(name in span for name in names):
            spans.append(span)
        at = text.find("<ref", end)
    return spans


def _define(tags: list[Tag], defined: dict[str, Tag], wanted: set[str]) -> None:
    for tag in tags:
        name = ref_name(tag)
        if not name:
            continue
        if not ref_empty(tag):
            defined.setdefault(name, tag)
        else:
            wanted.add(name)


def _references(
    tags: list[Tag], defined: dict[str, Tag], read: dict[int, Reference | None]
) -> list[Reference]:
    """The works the tags cite, each once; ``read`` keeps each tag's work (the headers'
    tags are every row's)."""
    result: list[Reference] = []
    for tag in tags:
        if id(tag) not in read:
            found = reference(tag, defined)
            read[id(tag)] = as_reference(found) if found is not None else None
        ref = read[id(tag)]
        if ref is not None and ref not in result:
            result.append(ref)
    return result


class _Reading:
    """What one article's list gives, row by row."""

    def __init__(self, article: Article, code: str, table: ListTable) -> None:
        self.article, self.code, self.table = article, code, table
        self.defined = _definitions(table, article)
        self.read: dict[int, Reference | None] = {}
        self.skipped: dict[str, Counter[str]] = {}
        self.unknown: list[str] = []
        self.marked: dict[str, list[str]] = {}
        self.repeated: list[str] = []
        self.found: dict[str, tuple[dict[str, Any], str]] = {}
        #: Restorations, severances and suspensions that notes date, by id.
        self.acts: dict[str, Event] = {}

    def skip(self, reason: str, name: str, count: int = 1) -> None:
        self.skipped.setdefault(reason, Counter())[name] += count

    def row(self, row: Row) -> None:
        name, mark = partner_of(row.partner)
        partner, reason = code_of(name) if name else (None, "no partner named")
        if partner == self.code:
            partner, reason = None, "the subject itself"
        if partner is None:
            self.skip(str(reason), name or f"line {row.line}")
            return
        cites = _references(row.refs + self.table.header_refs, self.defined, self.read)
        cited = source(self.article, cites)
        where = f"{self.article.name}: line {row.line}"
        date, shown = cell_date(row.date)
        # A regional section's notes are prose about much else (a third state's acts):
        # only a list's note column, the mark and a date cell that holds no date are read.
        note = visible_text(row.notes) if row.notes is not None and not self.table.regional else ""
        for kind, when in acts(f"{note}. {mark}. {shown if date is None else ''}"):
            made = event(
                self.code, partner, {"date": when.isoformat(), "sources": [cited]}, where, kind
            )
            self.acts.setdefault(made.id, made)
        if date is None:
            self.unknown.append(f"{name}: {shown}" if shown else name)
            return
        mark = mark.strip("() ").lower()
        if mark:
            self.marked.setdefault(mark, []).append(name)
        if partner in self.found:
            self.repeated.append(name)
            _again(self.found[partner][0], date, cited)
            return
        raw: dict[str, Any] = {"date": date.isoformat(), "sources": [cited]}
        if mark:
            raw["note"] = f"The list marks the relations as {mark}."
        self.found[partner] = (raw, where)

    def events(self) -> list[Event]:
        made = [event(self.code, p, raw, where) for p, (raw, where) in self.found.items()]
        return sorted([*made, *self.acts.values()], key=lambda e: e.id)


def read_article(
    article: Article, subject: str | None = None
) -> tuple[list[Event], dict[str, Any]]:
    """The events of one article, and its report. ``subject`` is the state's code when
    given; otherwise it is told from the title. StoreError when it cannot be told."""
    table, others = list_table(article.text)
    report: dict[str, Any] = {
        "file": article.name,
        "article": article.title,
        "url": article.url,
        "list_table": table is not None,
        "list_line": table.line if table is not None else None,
        "other_tables_not_read": others,
        "rows": len(table.rows) + len(table.rows_with_bad_shape) if table is not None else 0,
        "subject": subject,
    }
    events: list[Event] = []
    skipped: dict[str, dict[str, int]] = {}
    reading = None
    if table is not None:
        code, name = _subject(article, table, subject)
        report["subject"] = code
        if code is None:
            skipped = {"subject without a code": {name: len(table.rows)}}
        else:
            reading = _Reading(article, code, table)
            for line in table.rows_with_bad_shape:
                reading.skip("row without a partner or date cell", f"line {line}")
            for row in table.rows:
                reading.row(row)
            events = reading.events()
            skipped = {r: dict(c) for r, c in sorted(reading.skipped.items())}
    report.update(
        {
            "events": len(events),
            "date_unknown_rows": len(reading.unknown) if reading else 0,
            "date_unknown": reading.unknown if reading else [],
            "skipped": skipped,
            "marked": reading.marked if reading else {},
            "listed_twice": reading.repeated if reading else [],
            "from_notes": sorted(reading.acts) if reading else [],
            "first_of_january": [e.id for e in events if (e.date.month, e.date.day) == (1, 1)],
        }
    )
    return events, report


def _again(raw: dict[str, Any], date: PartialDate, cited: Source) -> None:
    """A later row for a partner already listed: its date, where it contradicts the
    first row's (neither contains the other), is a disputed claim."""
    first = PartialDate.parse(raw["date"])
    if first.contains(date) or date.contains(first):
        return
    claims = raw.setdefault("disputed", [])
    if all(c["date"] != date.isoformat() for c in claims):
        claims.append(
            {
                "date": date.isoformat(),
                "note": f"The list has a second row for this partner, dated {date}.",
                "sources": [cited],
            }
        )


def read(
    paths: Sequence[str],
    country: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Imported:
    """The events of the articles saved at ``paths`` (files or folders), and a report;
    ``country`` is their state's code, when given."""
    found = files(paths)
    results = []
    for done, path in enumerate(found, 1):
        if progress is not None:
            progress(done, len(found))
        results.append(read_article(article_of(path), country))
    return combine(results)


def read_articles(articles: Sequence[tuple[Article, str | None]]) -> Imported:
    """The events of articles already read (fetched), each with its state's code."""
    return combine([read_article(article, code) for article, code in articles])


def combine(results: Sequence[tuple[list[Event], dict[str, Any]]]) -> Imported:
    """One import of several articles' events and reports."""
    events: list[Event] = []
    reports = []
    skipped: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    for article_events, report in results:
        events += article_events
        reports.append(report)
        for key in ("rows", "events", "date_unknown_rows"):
            totals[key] += report[key]
        totals["articles_with_a_list"] += report["list_table"]
        for reason, names in report["skipped"].items():
            skipped.setdefault(reason, Counter()).update(names)
    return Imported(
        events=events,
        report={
            "articles": len(reports),
            **dict(sorted(totals.items())),
            "skipped": {reason: dict(sorted(c.items())) for reason, c in sorted(skipped.items())},
            "per_article": reports,
        },
    )


def source(article: Article, cites: list[Reference]) -> Source:
    """The article as the source of an event, with the works its row cites."""
    return Source(
        title=f"Wikipedia (English): {article.title}",
        url=article.url,
        type="encyclopedia",
        cites=cites or None,
    )


def event(subject: str, partner: str, raw: dict[str, Any], where: str, kind: str = _KIND) -> Event:
    """An event of ``kind`` (by default, the establishment of relations) between
    ``subject`` and ``partner``."""
    parties = sorted([subject, partner])
    date = PartialDate.parse(raw["date"])
    full = {
        "id": event_id(kind, parties, None, date),
        "date": raw["date"],
        "parties": parties,
        "kind": kind,
        "title": TITLES.get(kind, "Diplomatic relations established"),
        **{k: v for k, v in raw.items() if k != "date"},
    }
    return codec.event_from_dict(full, where)


def outcomes(imported: Imported, merged: Merged) -> None:
    """Each article's report gains what the import did with its events: ``added``,
    ``already_present`` (the store had the event, with this date or this date already
    disputed) and ``disputed`` (the store's event has another date; this one is now a
    disputed claim on it)."""
    added = {e.id for e in merged.added}
    final = {e.id: e for e in (*merged.added, *merged.updated)}
    targets = dict(merged.matched)
    seen: set[str] = set()
    events = iter(imported.events)
    for report in imported.report["per_article"]:
        counts = Counter({"added": 0, "already_present": 0, "disputed": 0})
        for _ in range(report["events"]):
            event = next(events)
            if event.id in added and event.id not in seen:
                counts["added"] += 1
            else:
                target = final.get(targets.get(event.id, event.id))
                differs = target is not None and target.date != event.date
                counts["disputed" if differs else "already_present"] += 1
            seen.add(event.id)
        report.update(counts)
