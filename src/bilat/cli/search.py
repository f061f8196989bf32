"""``bilat search``: events whose text contains a phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from bilat import domain
from bilat.cli.context import emit_listing, load_events
from bilat.cli.narrow import all_option, evidence_option, home_for
from bilat.cli.options import (
    LISTING_FORMATS,
    as_of_option,
    country_option,
    format_option,
    kind_option,
    lang_option,
    store_option,
)
from bilat.render import lang
from bilat.render.common import summary, title
from bilat.render.lang import fill, n, t
from bilat.render.listings import for_home, timeline_listing

if TYPE_CHECKING:
    import datetime as dt


@click.command()
@click.argument("text")
@country_option
@all_option
@kind_option("Only events of this kind (repeatable).")
@evidence_option
@as_of_option()
@store_option
@format_option(LISTING_FORMATS, "table")
@lang_option
def search(
    text: str,
    countries_: tuple[str, ...],
    all_countries: bool,
    kinds: tuple[str, ...],
    evidence: str | None,
    as_of: dt.date,
    store_paths: tuple[str, ...],
    fmt: str,
) -> None:
    """Find events whose text contains TEXT, ignoring case and accents.

    Searches titles, summaries, places, notes and letters (author, recipient, text).
    Without --country, only your home country's events are searched, when one is set
    (BILAT_COUNTRY or the config file); --all lifts it.

    \b
    Examples:
      bilat search embassy
      bilat search "energy sector" --country AZ
      bilat search Kishida --kind letter --format json
    """

    if not text.strip():
        raise click.BadParameter(t("give some text to look for"), param_hint="TEXT")
    home = home_for(countries_, all_countries=all_countries)
    countries_ = (home,) if home is not None else countries_
    events = load_events(
        store_paths, domain.Query(any_countries=countries_) if countries_ else None
    )
    selected = domain.filter_events(events, countries=countries_, kinds=kinds, evidence=evidence)

    shown = None if lang.current() is None else lambda e: (title(e), summary(e))
    entries = domain.timeline(domain.search(selected, text, shown), as_of)
    head = {"query": text, "as_of": as_of.isoformat(), "home_country": home}
    heading = for_home(
        fill(n("{n} event match", "{n} events match", len(entries)), n=len(entries)), home
    )
    emit_listing(timeline_listing((), as_of, entries, heading, head), fmt)
