"""``bilat export``: anniversaries as a calendar, events as a store."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from bilat import domain, views
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
from bilat.codec import dumps
from bilat.render.common import name
from bilat.render.lang import n, t
from bilat.render.listings import no_pair_events
from bilat.writes import schema_beside

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
    Without --country or --pair, the calendar is your home country's, when one is set
    (BILAT_COUNTRY or the config file); --all lifts it.

    \b
    Examples:
      bilat export ics --from-year 2027 --to-year 2032 --country AZ -o az.ics
      bilat export ics --from-year 2025 --to-year 2025 --every 1 -o -
    """
    from bilat.render import ics  # icalendar: only for this command

    if to_year < from_year:
        raise click.BadParameter(
            t("{to_year} is before --from-year {from_year}").format(
                to_year=to_year, from_year=from_year
            ),
            param_hint="--to-year",
        )
    if to_year - from_year >= MAX_YEARS:
        raise click.BadParameter(
            t("a calendar spans at most {n} years; export it in parts").format(n=MAX_YEARS),
            param_hint="--to-year",
        )
    selected = milestones.select(load_events(store_paths, milestones.query()))
    every, leap = milestones.every, milestones.leap
    found = [
        a
        for year in range(from_year, to_year + 1)
        for a in domain.anniversaries_in(selected, year, every, leap)
    ]
    data, left_out = ics.build_calendar(found, stamp=context.now_utc(), leap=leap)
    written = len(found) - left_out
    if not written:
        unknown = t(" ({n} known only to the month or year)").format(n=left_out)
        raise click.ClickException(
            t("no anniversary to put in a calendar{unknown}; nothing was written").format(
                unknown=unknown if left_out else ""
            )
        )
    where = write_output(output, data, t("calendar"))
    message = n(
        "{n} anniversary written to {where}", "{n} anniversaries written to {where}", written
    ).format(n=written, where=where)
    if milestones.home is not None:
        message += t(", for {country} (all countries: --all)").format(country=name(milestones.home))
    if left_out:
        message += t("; {n} left out because their day is unknown").format(n=left_out)
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

    selected = domain.filter_events(
        load_events(store_paths), countries=countries_, all_countries=pair, kinds=kinds
    )

    schema = schema_beside(output) if output != "-" else None
    where = write_output(output, dumps(selected, schema=schema), t("store"))
    if output != "-":
        click.echo(f"{len(selected)} events written to {where}", err=True)


@export.command("html")
@click.argument("a", type=COUNTRY)
@click.argument("b", type=COUNTRY)
@as_of_option()
@every_option
@output_option(required=False, what=" the page")
@store_option
@lang_option
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

    check_distinct([a, b], "export html A B")
    svg, html = renderer("svg"), renderer("html")
    events = load_events(store_paths, domain.Query(all_countries=(a, b)))
    view = views.pair_view(events, [a, b], as_of)
    if not view.entries:
        raise click.ClickException(f"{t('nothing to export.')} {no_pair_events([a, b])}")
    picture = svg.timeline_svg([a, b], view.entries, as_of, view.relations, view.years)
    page = html.page([a, b], view.entries, as_of, view.years, view.since, picture, every)
    where = write_output(output, page.encode("utf-8"), t("page"))
    if output != "-":
        click.echo(t("HTML page written to {where}").format(where=where), err=True)
