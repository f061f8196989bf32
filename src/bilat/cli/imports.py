"""``bilat import``: events from other sources into your own store."""

from __future__ import annotations

import click

from bilat.cli import context
from bilat.cli.context import emit, write_target
from bilat.cli.options import LISTING_FORMATS, format_option, target_option


@click.group("import")
def import_() -> None:
    """Import events from other formats into your own store.

    \b
    Examples:
      bilat import csv events.csv --dry-run
    """


@import_.command("csv")
@click.argument("file", type=click.Path())
@target_option
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Import the valid rows, report the others.")
@format_option(LISTING_FORMATS, "table")
def import_csv(file: str, target: str | None, dry_run: bool, skip_invalid: bool, fmt: str) -> None:
    """Import events from a CSV file, all rows or none.

    Columns: date, parties (codes separated by ';'), kind, title, source_urls (';'),
    source_titles (' | '), and optionally summary, id, by, end_date, note, place,
    letter_author, letter_recipient (a 'conflict' column becomes the note). Rows in error
    are reported with their line numbers, and nothing is written unless every row is valid
    (or --skip-invalid). Events already in the store are skipped, so importing the same
    file twice adds nothing the second time.

    \b
    Examples:
      bilat import csv events.csv --dry-run
      bilat import csv events.csv --store embassy.json --skip-invalid
    """
    from bilat import domain
    from bilat import store as store_mod
    from bilat.importers import csv as csv_importer
    from bilat.render.formats import listing_text
    from bilat.render.listings import plural, timeline_listing
    from bilat.text import clean

    path, others = write_target(target)
    imported = csv_importer.read(file)
    errors = imported.errors
    for message in errors:
        click.echo(clean(message), err=True)
    if errors and not skip_invalid:
        raise click.ClickException(
            f"{plural(len(errors), 'invalid row')} in {file}; nothing was written "
            "(--skip-invalid imports the valid rows)"
        )
    result = store_mod.add_events(
        path,
        imported.events,
        others=others,
        skip_existing=True,
        dry_run=dry_run,
        new_ids=imported.new_ids,
    )
    today = context.today()
    entries = domain.timeline(result.added, today)
    verb = "would be added" if dry_run else "added"
    heading = f"{plural(len(result.added), 'event')} {verb} to {path}"
    if result.skipped:
        heading += f"; {len(result.skipped)} already there"
    if errors:
        heading += f"; {plural(len(errors), 'invalid row')} skipped"
    emit(listing_text(timeline_listing((), today, entries, heading), fmt))
