"""``bilat timeline``: the events of a pair or of one country, oldest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from bilat import domain, views
from bilat.cli import narrow
from bilat.cli import options as o
from bilat.cli.context import emit_listing, load_events
from bilat.render.listings import no_pair_events, timeline_heading, timeline_listing

if TYPE_CHECKING:
    import datetime as dt

    from bilat.domain import PartialDate


@click.command()
@click.argument("a", type=o.COUNTRY, required=False)
@click.argument("b", type=o.COUNTRY, required=False)
@o.as_of_option()
@o.kind_option("Only events of this kind (repeatable).")
@narrow.evidence_option
@click.option("--since", type=o.ANY_DATE, help="Only events from this date (YYYY[-MM[-DD]]).")
@click.option("--until", type=o.ANY_DATE, help="Only events up to this date (YYYY[-MM[-DD]]).")
@o.store_option
@o.format_option((*o.LISTING_FORMATS, *o.PICTURE_FORMATS), "table")
@o.picture_options
@o.lang_option
def timeline(
    a: str | None,
    b: str | None,
    as_of: dt.date,
    kinds: tuple[str, ...],
    evidence: str | None,
    since: PartialDate | None,
    until: PartialDate | None,
    store_paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    width: int | None,
) -> None:
    """List the events of a pair (or of one country), oldest first, or draw them.

    With no country, the events of your home country (BILAT_COUNTRY or the config file).

    --format svg draws the events on a time axis as one self-contained SVG picture, and
    --format png renders it --width pixels wide (default 1600); both need the images
    extra (pip install 'bilat[images]').

    \b
    Examples:
      bilat timeline AZ JP
      bilat timeline Azerbaijan Japan --as-of 2022-09-07 --format json
      bilat timeline JP --kind diplomatic-relations --since 1990
      bilat timeline AZ --evidence official
      bilat timeline AZ JP --format svg -o az-jp.svg
      bilat timeline AZ JP --format png --width 3200 -o az-jp.png
    """

    a = narrow.country_or_home(a, "A")
    focus = [a] if b is None else [a, b]
    o.check_distinct(focus, "timeline A B")
    o.check_picture_options(fmt, output, width)
    svg = o.renderer("svg") if fmt in o.PICTURE_FORMATS else None
    if since is not None and until is not None and until.last_day() < since.first_day():
        raise click.UsageError(f"--until {until} is before --since {since}")
    events = load_events(store_paths, domain.Query(all_countries=tuple(focus)))
    view = views.pair_view(
        events, focus, as_of, kinds=kinds, since=since, until=until, evidence=evidence
    )
    entries, relations, years = view.entries, view.relations, view.years
    empty = "" if view.known else no_pair_events(focus)
    if svg is not None:
        if not entries:
            why = empty or "no event matches --kind, --since and --until"
            raise click.ClickException(f"nothing to draw: {why}")
        size = o.svg_width(fmt, width)
        picture = svg.timeline_svg(focus, entries, as_of, relations, years, width=size)
        o.write_picture(picture, fmt, output, width)
        return
    heading = timeline_heading(focus, as_of, len(entries), relations, years)
    emit_listing(timeline_listing(focus, as_of, entries, heading, empty=empty), fmt)
