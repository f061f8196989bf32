"""``bilat import``: events from other sources into your own store.

Every source goes through the same write: :func:`bilat.writes.import_events`, which merges
by the rule of :mod:`bilat.reconcile`, all or nothing, under the store's lock.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import click

from bilat import domain, writes
from bilat.cli import context
from bilat.cli.context import emit, emit_listing, write_target
from bilat.cli.options import COUNTRY, LISTING_FORMATS, format_option, target_option
from bilat.importers import csv as csv_importer
from bilat.importers import rdcr, wikidata
from bilat.render import reports
from bilat.render.listings import timeline_listing
from bilat.text import clean

if TYPE_CHECKING:
    from bilat.importers import Imported
    from bilat.reconcile import Merged


@click.group("import")
def import_() -> None:
    """Import events from other sources into your own store.

    Sources: csv (a spreadsheet of events), rdcr (the U.S. State Department's guide to
    its relations, by country), wikidata (every pair whose relations Wikidata dates),
    wikipedia (each state's own list in its "Foreign relations of X" article). An
    imported event that the store already has (the same pair and kind for recognition
    and the establishment of relations; the same pair, kind and date otherwise) is not
    added twice: it lends the store's event its sources, and its date becomes a disputed
    claim where the two differ.

    \b
    Examples:
      bilat import csv events.csv --dry-run
      bilat import rdcr rdcr/articles
      bilat import wikidata --fetch --country KZ
      bilat import wikipedia --fetch --country KZ
    """


dry_run_option = click.option(
    "--dry-run", is_flag=True, help="Show what would be added; write nothing."
)


def _write(imported: Imported, target: str | None, dry_run: bool) -> tuple[str, Merged]:

    path, others = write_target(target)
    merged = writes.import_events(
        path,
        imported.events,
        others=others,
        dry_run=dry_run,
        new_ids=imported.new_ids,
        today=context.today(),
    )
    return str(path), merged


def _summary(merged: Merged, path: str, dry_run: bool) -> dict[str, Any]:
    """What an import did, as its report holds it (bilat.render.reports)."""
    return {
        "store": path,
        "dry_run": dry_run,
        "added": len(merged.added),
        "already_present": len(merged.present),
        "updated": len(merged.updated),
        "matched": [{"imported": a, "stored": b} for a, b in merged.matched],
    }


@import_.command("csv")
@click.argument("file", type=click.Path())
@target_option
@dry_run_option
@click.option("--skip-invalid", is_flag=True, help="Import the valid rows, report the others.")
@format_option(LISTING_FORMATS, "table")
def import_csv(file: str, target: str | None, dry_run: bool, skip_invalid: bool, fmt: str) -> None:
    """Import events from a CSV file, all rows or none.

    Columns: date, parties (codes separated by ';'), kind, title, source_urls (';'),
    source_titles (' | '), and optionally summary, id, by, end_date, note, place,
    letter_author, letter_recipient (a 'conflict' column becomes the note). Rows in error
    are reported with their line numbers, and nothing is written unless every row is valid
    (or --skip-invalid). Events already in the store are not added again, so importing
    the same file twice adds nothing the second time.

    \b
    Examples:
      bilat import csv events.csv --dry-run
      bilat import csv events.csv --store embassy.json --skip-invalid
    """

    imported = csv_importer.read(file)
    errors = imported.errors
    for message in errors:
        click.echo(clean(message), err=True)
    if errors and not skip_invalid:
        raise click.ClickException(reports.invalid_rows(len(errors), file))
    path, merged = _write(imported, target, dry_run)
    today = context.today()
    heading = reports.import_outcome(_summary(merged, path, dry_run))
    if errors:
        heading += reports.invalid_rows_skipped(len(errors))
    entries = domain.timeline(merged.added, today)
    emit_listing(timeline_listing((), today, entries, heading), fmt)


@import_.command("rdcr")
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="PATH...")
@target_option
@dry_run_option
@format_option(("text", "json"), "text")
def import_rdcr(paths: tuple[str, ...], target: str | None, dry_run: bool, fmt: str) -> None:
    """Import the U.S. State Department's guide to its relations, by country.

    PATH is one article of "A Guide to the United States' History of Recognition,
    Diplomatic, and Consular Relations, by Country, since 1776" (TEI XML, from
    history.state.gov, public domain) or a folder of them: all 228 are in the folder
    articles of https://github.com/HistoryAtState/rdcr (git clone it). Each event cites
    the country's page of the guide.

    The report (on standard error, or as JSON on standard output with --format json)
    says what was added, what was there already, which entries were skipped and why,
    which dates are known only to the year, and where an entry's heading and text give
    different dates (the text's date is taken; the heading's is kept as disputed).

    \b
    Examples:
      bilat import rdcr rdcr/articles --dry-run
      bilat import rdcr rdcr/articles/japan.xml --store us-japan.json
      bilat timeline US JP
    """

    imported = rdcr.read(paths, context.progress("Reading the guide", quiet=fmt == "json"))
    path, merged = _write(imported, target, dry_run)
    _report(imported, merged, path, dry_run, fmt)


def _report(imported: Imported, merged: Merged, path: str, dry_run: bool, fmt: str) -> None:
    """The import's report: JSON on standard output, or lines for people on stderr."""
    report = reports.REPORT_WRITERS[fmt]({**_summary(merged, path, dry_run), **imported.report})
    if report.for_people:
        click.echo(report.text, err=True, nl=False)
    else:
        emit(report.text)


#: The help of ``import wikidata``: the query it shows is the query ``--fetch`` runs.
_WIKIDATA_HELP = f"""Import the diplomatic relations that Wikidata dates (P530 with a start time).

FILE is a saved result of the query below, in the SPARQL JSON format: run it at
https://query.wikidata.org, then "Download" > "JSON file" (or ask for the media type
application/sparql-results+json). --fetch runs it itself instead; --country limits it
to some countries' relations. Each event cites the Wikidata item and the statement's
reference URLs. A statement and its mirror (A-B and B-A) are one relation; where
they differ, the other date is kept as disputed.

\b
The query (its variables are the file's interface):
\b
{wikidata.QUERY.replace("  #VALUES" + chr(10), "")}
\b
Examples:
  bilat import wikidata relations.json --dry-run
  bilat import wikidata --fetch --country KZ
"""


@import_.command("wikidata", help=_WIKIDATA_HELP)
@click.argument("file", required=False, type=click.Path())
@click.option("--fetch", is_flag=True, help="Run the query on the Wikidata Query Service (HTTPS).")
@click.option(
    "--country",
    "countries_",
    multiple=True,
    type=COUNTRY,
    help="With --fetch: only the relations of this country (repeatable).",
)
@target_option
@dry_run_option
@format_option(("text", "json"), "text")
def import_wikidata(
    file: str | None,
    fetch: bool,
    countries_: tuple[str, ...],
    target: str | None,
    dry_run: bool,
    fmt: str,
) -> None:

    if fetch == (file is not None):
        raise click.UsageError("give a FILE, or --fetch (not both)")
    if countries_ and not fetch:
        raise click.UsageError("--country goes with --fetch (a saved FILE is read whole)")
    if fetch:
        from bilat.importers import wikidata_fetch  # httpx: only to fetch

        quiet = fmt == "json"
        data = wikidata_fetch.fetch(
            countries_,
            now=context.now_utc,
            sleep=time.sleep,
            progress=lambda line: None if quiet else click.echo(line, err=True),
        )
        imported = wikidata.read_data(data, wikidata_fetch.ENDPOINT, context.today())
    else:
        assert file is not None
        imported = wikidata.read(file, context.today())
    path, merged = _write(imported, target, dry_run)
    _report(imported, merged, path, dry_run, fmt)


@import_.command("wikipedia")
@click.argument("paths", nargs=-1, type=click.Path(), metavar="[FILE...]")
@click.option("--fetch", is_flag=True, help="Ask English Wikipedia for the articles (HTTPS).")
@click.option(
    "--country",
    "countries_",
    multiple=True,
    type=COUNTRY,
    help="With FILE: the state the article is about. With --fetch: whose article "
    "(repeatable; every state's when absent).",
)
@target_option
@dry_run_option
@format_option(("text", "json"), "text")
def import_wikipedia(
    paths: tuple[str, ...],
    fetch: bool,
    countries_: tuple[str, ...],
    target: str | None,
    dry_run: bool,
    fmt: str,
) -> None:
    """Import the states' own lists of their diplomatic relations from English Wikipedia.

    FILE is the wikitext of a "Foreign relations of X" article, as
    https://en.wikipedia.org/w/index.php?title=Foreign_relations_of_X&action=raw gives it,
    or a folder of such files (*.wikitext). The state is told from --country, else from
    the article's title (an articles.tsv beside the files, or the file name:
    azerbaijan.wikitext), else from the list's caption. --fetch asks English Wikipedia
    for the articles of the states named with --country (of every state without).

    Each row of the article's list gives the date relations were established with a
    partner; the event cites the article and the works the row cites (a ministry's list,
    the UN Digital Library's record), which bilat has not read. The two sides' articles
    give one event; where they differ, the other date is kept as disputed. The report (on
    standard error, or as JSON on standard output with --format json) says, for each
    article, whether it has a list, the rows read, the events added, already there or
    disputed, the partners whose date is unknown and the rows skipped, by reason.

    \b
    Examples:
      bilat import wikipedia azerbaijan.wikitext --dry-run
      bilat import wikipedia articles/ --store world.json
      bilat import wikipedia --fetch --country KZ --country UZ
    """
    if fetch == bool(paths):
        raise click.UsageError("give FILE..., or --fetch (not both)")
    from bilat.importers import wikipedia  # mwparserfromhell: only this import pays for it

    quiet = fmt == "json"
    if fetch:
        from bilat.importers import wikipedia_fetch  # httpx: only to fetch

        articles = wikipedia_fetch.fetch(
            countries_,
            now=context.now_utc,
            sleep=time.sleep,
            progress=lambda line: None if quiet else click.echo(line, err=True),
        )
        imported = wikipedia.read_articles(articles)
    else:
        if len(countries_) > 1:
            raise click.UsageError("with FILE, give --country once: the articles' state")
        country = countries_[0] if countries_ else None
        progress = context.progress("Reading the articles", quiet=quiet)
        imported = wikipedia.read(paths, country, progress)
    path, merged = _write(imported, target, dry_run)
    wikipedia.outcomes(imported, merged)
    _report(imported, merged, path, dry_run, fmt)
