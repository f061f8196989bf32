"""``bilat search``: events whose text contains a phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from bilat.cli.context import emit_listing, load_events
from bilat.cli.options import (
    LISTING_FORMATS,
    as_of_option,
    country_option,
    format_option,
    kind_option,
    lang_option,
    store_option,
)

if TYPE_CHECKING:
    import datetime as dt


@click.command()
@click.argument("text")
@country_option
@kind_option("Only events of this kind (repeatable).")
@as_of_option()
@store_option
@format_option(LISTING_FORMATS, "table")
@lang_option
def search(
    text: str,
    countries_: tuple[str, ...],
    kinds: tuple[str, ...],
    as_of: dt.date,
    store_paths: tuple[str, ...],
    fmt: str,
) -> None:
    """Find events whose text contains TEXT, ignoring case and accents.

    Searches titles, summaries, places, notes and letters (author, recipient, text).

    \b
    Examples:
      bilat search embassy
      bilat search "energy sector" --country AZ
      bilat search Kishida --kind letter --format json
    """
    from bilat import domain
    from bilat.render.listings import plural, timeline_listing

    if not text.strip():
        raise click.BadParameter("give some text to look for", param_hint="TEXT")
    selected = domain.filter_events(load_events(store_paths), countries=countries_, kinds=kinds)
    entries = domain.timeline(domain.search(selected, text), as_of)
    head = {"query": text, "as_of": as_of.isoformat()}
    heading = f"{plural(len(entries), 'event')} match"
    emit_listing(timeline_listing((), as_of, entries, heading, head), fmt)
