"""Milestone anniversaries: ``bilat anniversary``, ``upcoming`` and ``relations``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from dateutil.relativedelta import relativedelta

from bilat import domain
from bilat import store as store_mod
from bilat.cli import context
from bilat.cli.context import emit_listing, load_events
from bilat.cli.narrow import country_or_home, evidence_option
from bilat.cli.options import (
    COUNTRY,
    LISTING_FORMATS,
    PICTURE_FORMATS,
    YEAR,
    Milestones,
    as_of_option,
    check_picture_options,
    every_option,
    format_option,
    lang_option,
    leap_option,
    milestone_options,
    picture_options,
    renderer,
    store_option,
    svg_width,
    write_picture,
)
from bilat.partners import by_next_milestone
from bilat.partners import relations as relations_of
from bilat.render.lang import fill, t, year_name
from bilat.render.listings import anniversary_listing, for_home
from bilat.render.press import press_line
from bilat.render.registers import relations_listing

if TYPE_CHECKING:
    import datetime as dt

    from bilat.vocab import LeapRule


@click.command()
@click.option("--year", type=YEAR, help="The year to look at (default: this year).")
@milestone_options
@store_option
@format_option((*LISTING_FORMATS, "press"), "table", text="press")
@lang_option
def anniversary(
    year: int | None, milestones: Milestones, store_paths: tuple[str, ...], fmt: str
) -> None:
    """List the round anniversaries that fall in a year, by day.

    An event dated 29 February is marked on 28 February in common years (or on 1 March
    with --leap-day mar1). Without --country or --pair, the listing is your home
    country's, when one is set (BILAT_COUNTRY or the config file); --all lifts it.

    \b
    Examples:
      bilat anniversary --year 2022
      bilat anniversary --year 2027 --every 10 --country AZ
      bilat anniversary --year 2022 --every 1 --kind visit --format csv
      bilat anniversary --year 2022 --pair AZ JP --format press --lang az
    """

    target = year if year is not None else context.today().year
    every, leap = milestones.every, milestones.leap
    selected = milestones.select(load_events(store_paths, milestones.query(target)))
    found = domain.anniversaries_in(selected, target, every, leap)
    heading = (
        t("Anniversaries in {year}")
        if every == 1
        else t("Anniversaries in {year} (every {every} years)")
    )
    listing = anniversary_listing(
        found,
        head={"year": target, "every": every, "home_country": milestones.home},
        heading=for_home(fill(heading, year=year_name(target), every=every), milestones.home),
        empty=t("No anniversaries in {year}.").format(year=year_name(target)),
        leap=leap,
        line=press_line,  # --format press: one sentence per anniversary
    )
    emit_listing(listing, fmt)


@click.command()
@click.option(
    "--days",
    type=click.IntRange(0, 36525),
    default=90,
    show_default=True,
    help="How many days ahead to look.",
)
@as_of_option("Start of the window")
@milestone_options
@store_option
@format_option(LISTING_FORMATS, "table")
@lang_option
def upcoming(
    days: int, as_of: dt.date, milestones: Milestones, store_paths: tuple[str, ...], fmt: str
) -> None:
    """List the milestone anniversaries of the next N days, soonest first.

    Events known only to the month or year are listed when that month or year overlaps
    the window, and say that the day is unknown. Without --country or --pair, the
    listing is your home country's, when one is set; --all lifts it.

    \b
    Examples:
      bilat upcoming
      bilat upcoming --as-of 2022-08-01 --days 60
      bilat upcoming --days 365 --every 10 --country JP --format json
    """

    start = as_of
    try:
        end = start + relativedelta(days=days)
    except (OverflowError, ValueError):
        raise click.BadParameter(
            t("the window runs past the year 9999"), param_hint="--days"
        ) from None
    every, leap = milestones.every, milestones.leap
    selected = milestones.select(load_events(store_paths, milestones.query()))
    found = domain.anniversaries_between(selected, start, end, every, leap)
    heading = (
        t("Anniversaries from {start} to {end}")
        if every == 1
        else t("Anniversaries from {start} to {end} (every {every} years)")
    )
    listing = anniversary_listing(
        found,
        head={
            "as_of": start.isoformat(),
            "days": days,
            "every": every,
            "home_country": milestones.home,
        },
        heading=for_home(fill(heading, start=start, end=end, every=every), milestones.home),
        empty=t("No anniversaries between {start} and {end}.").format(start=start, end=end),
        leap=leap,
        as_of=start,
    )
    emit_listing(listing, fmt)


@click.command()
@click.argument("country", type=COUNTRY, required=False)
@as_of_option()
@every_option
@evidence_option
@click.option(
    "--sort",
    type=click.Choice(["established", "next"]),
    default="established",
    show_default=True,
    help="Order by the date relations were established, or by the coming milestone.",
)
@leap_option
@store_option
@format_option((*LISTING_FORMATS, *PICTURE_FORMATS), "table")
@picture_options
@lang_option
def relations(
    country: str | None,
    as_of: dt.date,
    every: int,
    evidence: str | None,
    sort: str,
    leap: LeapRule,
    store_paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    width: int | None,
) -> None:
    """List the partners of a country: relations established, years, next milestone.

    COUNTRY defaults to your home country (BILAT_COUNTRY or the config file). Recognition
    and embassy dates are shown in both directions where the store has them.
    --format svg (or png) draws the partners on one time axis by the date relations began
    (needs the images extra: pip install 'bilat[images]').

    \b
    Examples:
      bilat relations AZ
      bilat relations Japan --sort next --as-of 2022-01-01
      bilat relations AZ --every 10 --format csv
      bilat relations AZ --format svg -o az-partners.svg
    """

    country = country_or_home(country, "COUNTRY")
    check_picture_options(fmt, output, width)
    svg = renderer("svg") if fmt in PICTURE_FORMATS else None
    events = load_events(store_paths, domain.Query(any_countries=(country,)))
    if evidence:  # only dates at least that strong count
        events = tuple(domain.filter_events(events, evidence=evidence))
    partners = relations_of(events, country, as_of, every, leap)
    if svg is not None:
        if not any(p.established for p in partners):
            raise click.ClickException(t("nothing to draw: no partner has a date of relations"))
        size = svg_width(fmt, width)
        write_picture(svg.relations_svg(country, partners, as_of, size), fmt, output, width)
        return
    if sort == "next":
        partners = by_next_milestone(partners)
    dated = {p.code for p in partners if p.established}
    absent = [] if store_paths else store_mod.bundled_no_relations(country)
    absent = [(p, reason) for p, reason in absent if p not in dated]
    emit_listing(relations_listing(country, as_of, every, partners, absent), fmt)
