"""``bilat export``: anniversaries as a calendar, events as a store."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from bilat.cli import context
from bilat.cli.context import load_events, write_output
from bilat.cli.options import (
    COUNTRY,
    YEAR,
    Milestones,
    as_of_option,
    check_distinct,
    country_option,
    every_option,
    kind_option,
    lang_option,
    milestone_options,
    output_option,
    pair_option,
    renderer,
    store_option,
)

if TYPE_CHECKING:
    import datetime as dt

#: The longest span of years one calendar may hold (a calendar is built in memory).
MAX_YEARS = 200


@click.group()
def export() -> None:
    """Export anniversaries or events to other formats.

    \b
    Examples:
      bilat export ics --from-year 2027 --to-year 2032 --country AZ -o az.ics
      bilat export json --pair AZ JP -o az-jp.json
      bilat export html AZ JP -o az-jp.html
    """


@export.command("ics")
@click.option("--from-year", type=YEAR, required=True, help="First year.")
@click.option("--to-year", type=YEAR, required=True, help="Last year.")
@milestone_options
@output_option(required=True, what=" the calendar")
@store_option
@lang_option
def export_ics(
    from_year: int,
    to_year: int,
    milestones: Milestones,
    output: str,
    store_paths: tuple[str, ...],
) -> None:
    """Write the milestone anniversaries of a range of years as an iCalendar file.

    One all-day event per anniversary, with a stable UID (event id and year), so that
    importing an updated file updates the calendar instead of duplicating it. Events known
    only to the month or year are left out (a calendar entry needs a day) and counted.

    \b
    Examples:
      bilat export ics --from-year 2027 --to-year 2032 --country AZ -o az.ics
      bilat export ics --from-year 2025 --to-year 2025 --every 1 -o -
    """
    from bilat import domain
    from bilat.render import ics
    from bilat.render.listings import plural

    if to_year < from_year:
        raise click.BadParameter(
            f"{to_year} is before --from-year {from_year}", param_hint="--to-year"
        )
    if to_year - from_year >= MAX_YEARS:
        raise click.BadParameter(
            f"a calendar spans at most {MAX_YEARS} years; export it in parts",
            param_hint="--to-year",
        )
    selected = milestones.select(load_events(store_paths))
    every, leap = milestones.every, milestones.leap
    found = [
        a
        for year in range(from_year, to_year + 1)
        for a in domain.anniversaries_in(selected, year, every, leap)
    ]
    data, left_out = ics.build_calendar(found, stamp=context.now_utc(), leap=leap)
    written = len(found) - left_out
    if not written:
        unknown = f" ({left_out} known only to the month or year)" if left_out else ""
        raise click.ClickException(
            f"no anniversary to put in a calendar{unknown}; nothing was written"
        )
    where = write_output(output, data, "calendar")
    message = f"{plural(written, 'anniversary', 'anniversaries')} written to {where}"
    if left_out:
        message += f"; {left_out} left out because their day is unknown"
    click.echo(message + ".", err=True)


@export.command("json")
@country_option
@pair_option("Only events of these two countries.")
@kind_option("Only events of this kind (repeatable).")
@output_option(required=False)
@store_option
def export_json(
    countries_: tuple[str, ...],
    pair: tuple[str, ...],
    kinds: tuple[str, ...],
    output: str,
    store_paths: tuple[str, ...],
) -> None:
    """Write the selected events as a valid store, so stores can be split and shared.

    \b
    Examples:
      bilat export json --pair AZ JP -o az-jp.json
      bilat export json --country JP --kind diplomatic-relations
    """
    from bilat import domain
    from bilat.codec import dumps

    selected = domain.filter_events(
        load_events(store_paths), countries=countries_, all_countries=pair, kinds=kinds
    )
    where = write_output(output, dumps(selected), "store")
    if output != "-":
        click.echo(f"{len(selected)} events written to {where}", err=True)


@export.command("html")
@click.argument("a", type=COUNTRY)
@click.argument("b", type=COUNTRY)
@as_of_option()
@every_option
@output_option(required=False, what=" the page")
@store_option
def export_html(
    a: str, b: str, as_of: dt.date, every: int, output: str, store_paths: tuple[str, ...]
) -> None:
    """Write a pair's relations as one self-contained, static HTML page.

    The page holds the timeline picture, the next milestone anniversaries, every event
    with its sources as links, and the letters. It loads nothing from the network, runs
    no script and prints well. Needs the images extra: pip install 'bilat[images]'.

    \b
    Examples:
      bilat export html AZ JP -o az-jp.html
      bilat export html Japan "United States" --as-of 2026-01-01 -o jp-us.html
    """
    from bilat import domain

    check_distinct([a, b], "export html A B")
    svg, html = renderer("svg"), renderer("html")
    events = load_events(store_paths, domain.Query(all_countries=(a, b)))
    entries = domain.timeline(domain.filter_events(events, all_countries=[a, b]), as_of)
    if not entries:
        from bilat.render.listings import no_pair_events

        raise click.ClickException(f"nothing to export. {no_pair_events([a, b])}")
    relations, years = domain.relations_since(events, a, b, as_of)
    picture = svg.timeline_svg([a, b], entries, as_of, relations, years)
    since = relations.date if relations is not None else None
    page = html.page([a, b], entries, as_of, years, since, picture, every)
    where = write_output(output, page.encode("utf-8"), "page")
    if output != "-":
        click.echo(f"HTML page written to {where}", err=True)
