"""``bilat import``: events from other sources into your own store.

Every source goes through the same write: :func:`bilat.writes.import_events`, which merges
by the rule of :mod:`bilat.merge`, all or nothing, under the store's lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from bilat.cli import context
from bilat.cli.context import emit, emit_listing, write_target
from bilat.cli.options import COUNTRY, LISTING_FORMATS, format_option, target_option

if TYPE_CHECKING:
    from bilat.importers import Imported
    from bilat.merge import Merged


@click.group("import")
def import_() -> None:
    """Import events from other sources into your own store.

    Sources: csv (a spreadsheet of events), rdcr (the U.S. State Department's guide to
    its relations, by country), wikidata (every pair whose relations Wikidata dates). An
    imported event that the store already has (the same pair and kind for recognition
    and the establishment of relations; the same pair, kind and date otherwise) is not
    added twice: it lends the store's event its sources, and its date becomes a disputed
    claim where the two differ.

    \b
    Examples:
      bilat import csv events.csv --dry-run
      bilat import rdcr data/sources/rdcr
      bilat import wikidata --fetch --country KZ
    """


dry_run_option = click.option(
    "--dry-run", is_flag=True, help="Show what would be added; write nothing."
)


def _write(imported: Imported, target: str | None, dry_run: bool) -> tuple[str, Merged]:
    from bilat import writes

    path, others = write_target(target)
    merged = writes.import_events(
        path, imported.events, others=others, dry_run=dry_run, new_ids=imported.new_ids
    )
    return str(path), merged


def _outcome(merged: Merged, path: str, dry_run: bool) -> str:
    from bilat.render.listings import plural

    verb = "would be added" if dry_run else "added"
    text = f"{plural(len(merged.added), 'event')} {verb} to {path}"
    if merged.present:
        text += f"; {len(merged.present)} already there"
    if merged.updated:
        what = "would gain" if dry_run else "gained"
        text += f"; {plural(len(merged.updated), 'event')} there {what} sources or dates"
    return text


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
    from bilat import domain
    from bilat.importers import csv as csv_importer
    from bilat.render.listings import plural, timeline_listing
    from bilat.text import clean

    imported = csv_importer.read(file)
    errors = imported.errors
    for message in errors:
        click.echo(clean(message), err=True)
    if errors and not skip_invalid:
        raise click.ClickException(
            f"{plural(len(errors), 'invalid row')} in {file}; nothing was written "
            "(--skip-invalid imports the valid rows)"
        )
    path, merged = _write(imported, target, dry_run)
    today = context.today()
    heading = _outcome(merged, path, dry_run)
    if errors:
        heading += f"; {plural(len(errors), 'invalid row')} skipped"
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
    history.state.gov, public domain) or a folder of them; bilat's repository has all
    228 in data/sources/rdcr. Each event cites the country's page of the guide.

    The report (on standard error, or as JSON on standard output with --format json)
    says what was added, what was there already, which entries were skipped and why,
    which dates are known only to the year, and where an entry's heading and text give
    different dates (the text's date is taken; the heading's is kept as disputed).

    \b
    Examples:
      bilat import rdcr data/sources/rdcr --dry-run
      bilat import rdcr data/sources/rdcr/japan.xml --store us-japan.json
      bilat timeline US JP
    """
    from bilat.importers import rdcr

    imported = rdcr.read(paths, context.progress("Reading the guide", quiet=fmt == "json"))
    path, merged = _write(imported, target, dry_run)
    _report(imported, merged, path, dry_run, fmt)


def _report(imported: Imported, merged: Merged, path: str, dry_run: bool, fmt: str) -> None:
    """The import's report: JSON on standard output, or lines for people on stderr."""
    data: dict[str, Any] = {
        "store": path,
        "dry_run": dry_run,
        "added": len(merged.added),
        "already_present": len(merged.present),
        "updated": len(merged.updated),
        **imported.report,
    }
    if fmt == "json":
        from bilat.render.common import dump_json

        emit(dump_json(data))
        return
    from bilat.text import clean

    for line in report_lines(data, merged, path, dry_run):
        click.echo(clean(line), err=True)


def report_lines(data: dict[str, Any], merged: Merged, path: str, dry_run: bool) -> list[str]:
    """The report for people: the outcome, then each count with its details."""
    from bilat.render.listings import plural

    lines = [_outcome(merged, path, dry_run) + "."]
    skipped: dict[str, dict[str, int] | int] = data.get("skipped", {})
    if skipped:
        counts = {r: d if isinstance(d, int) else sum(d.values()) for r, d in skipped.items()}
        lines.append(f"Skipped: {plural(sum(counts.values()), 'entry', 'entries')}")
        for reason, details in skipped.items():
            line = f"  {reason}: {counts[reason]}"
            if isinstance(details, dict):
                names = sorted(details)
                line += f" ({', '.join(names[:6])}{', ...' if len(names) > 6 else ''})"
            lines.append(line)
    year_only: Sequence[str] = data.get("year_precision", ())
    if year_only:
        lines.append(f"Known only to the year: {plural(len(year_only), 'event')}")
    disagreements: Sequence[dict[str, str]] = data.get("disagreements", ())
    if disagreements:
        lines.append(
            f"Heading and text disagree: {plural(len(disagreements), 'entry', 'entries')} "
            "(the text's date is taken, the heading's kept as disputed)"
        )
        lines += [
            f"  {d['file']}: {d['heading']} (heading {d['heading_year']}, text {d['prose_date']})"
            for d in disagreements
        ]
    return lines


@import_.command("wikidata")
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
    """Import the diplomatic relations that Wikidata dates (P530 with a start time).

    FILE is a saved result of the query below, in the SPARQL JSON format: run it at
    https://query.wikidata.org, then "Download" > "JSON file" (or ask for the media type
    application/sparql-results+json). --fetch runs it itself instead; --country limits it
    to some countries' relations. Each event cites the Wikidata item and the statement's
    reference URLs. A statement and its mirror (A-B and B-A) are one relation; where
    they differ, the other date is kept as disputed.

    \b
    The query (its variables are the file's interface):
    \b
    SELECT ?statement ?country ?partner ?countryCode ?partnerCode
           ?start ?startPrecision ?end ?endPrecision ?ref
    WHERE {
      ?country p:P530 ?statement .
      ?statement ps:P530 ?partner ; pqv:P580 ?startValue .
      ?startValue wikibase:timeValue ?start ;
                  wikibase:timePrecision ?startPrecision .
      OPTIONAL { ?statement pqv:P582 ?endValue .
                 ?endValue wikibase:timeValue ?end ;
                           wikibase:timePrecision ?endPrecision . }
      OPTIONAL { ?statement prov:wasDerivedFrom/pr:P854 ?ref . }
      ?country wdt:P297 ?countryCode .
      ?partner wdt:P297 ?partnerCode .
    }

    \b
    Examples:
      bilat import wikidata relations.json --dry-run
      bilat import wikidata --fetch --country KZ
    """
    import time

    from bilat.importers import wikidata

    if fetch == (file is not None):
        raise click.UsageError("give a FILE, or --fetch (not both)")
    if countries_ and not fetch:
        raise click.UsageError("--country goes with --fetch (a saved FILE is read whole)")
    if fetch:
        from bilat.importers import wikidata_fetch

        quiet = fmt == "json"
        data = wikidata_fetch.fetch(
            countries_,
            now=context.now_utc,
            sleep=time.sleep,
            progress=lambda line: None if quiet else click.echo(line, err=True),
        )
        imported = wikidata.read_data(data, wikidata_fetch.ENDPOINT)
    else:
        assert file is not None
        imported = wikidata.read(file)
    path, merged = _write(imported, target, dry_run)
    _report(imported, merged, path, dry_run, fmt)
