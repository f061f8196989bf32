"""The ``bilat`` command: click wiring only.

This is the one place that reads the clock and the environment, and the one place that
turns :class:`bilat.domain.BilatError` into a click error (exit 1). Bad arguments are
usage errors (exit 2).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from dateutil.relativedelta import relativedelta

from . import __version__, countries, domain, render
from . import store as store_mod
from .domain import BilatError, Event, PartialDate

if TYPE_CHECKING:
    from rich.console import RenderableType

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
LISTING_FORMATS = ("table", "json", "csv", "markdown")
ONE_FORMATS = ("text", "json", "markdown")


def today() -> dt.date:
    """The local calendar date: the machine's time zone alone decides "today"."""
    return dt.datetime.now().astimezone().date()


# --------------------------------------------------------------------------- parameters


class CountryType(click.ParamType):
    """A country as alpha-2, alpha-3 or English name, in any case."""

    name = "country"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if not isinstance(value, str):
            return str(value)
        try:
            return countries.resolve(value)
        except countries.UnknownCountry as exc:
            self.fail(str(exc), param, ctx)


class DateType(click.ParamType):
    """An ISO date; ``full`` requires the day, otherwise YYYY or YYYY-MM will do."""

    def __init__(self, *, full: bool) -> None:
        self.full = full
        self.name = "YYYY-MM-DD" if full else "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        try:
            date = PartialDate.parse(str(value).strip())
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        if self.full and date.precision != "day":
            self.fail(f"{value!r} is not a full date: give YYYY-MM-DD", param, ctx)
        return date


COUNTRY = CountryType()
FULL_DATE = DateType(full=True)
ANY_DATE = DateType(full=False)
YEAR = click.IntRange(1, 9999)


def store_option(f: F) -> F:
    return click.option(
        "--store",
        "store_path",
        metavar="PATH",
        envvar="BILAT_STORE",
        show_envvar=True,
        help="Event store to read (default: the bundled reference store).",
    )(f)


def format_option(choices: Sequence[str], default: str) -> Callable[[F], F]:
    def decorate(f: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices), case_sensitive=False),
            default=default,
            show_default=True,
            help="Output format.",
        )(f)

    return decorate


def as_of_option(f: F) -> F:
    return click.option(
        "--as-of",
        type=FULL_DATE,
        help="Reference date for years elapsed (default: today, local time).",
    )(f)


def kind_option(help_text: str) -> Callable[[F], F]:
    return click.option(
        "--kind",
        "kinds",
        multiple=True,
        type=click.Choice(domain.KINDS),
        metavar="KIND",
        help=help_text,
    )


def country_option(f: F) -> F:
    return click.option(
        "--country",
        "countries_",
        multiple=True,
        type=COUNTRY,
        help="Only events involving this country (repeatable: any of them).",
    )(f)


def pair_option(help_text: str) -> Callable[[F], F]:
    return click.option("--pair", nargs=2, type=COUNTRY, metavar="A B", help=help_text)


# --------------------------------------------------------------------------- plumbing


class BilatGroup(click.Group):
    """Turns every BilatError into one 'Error: ...' line and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BilatError as exc:
            raise click.ClickException(str(exc)) from None


def load_events(store_path: str | None) -> tuple[Event, ...]:
    return store_mod.load(store_path).events


def emit(output: str | RenderableType) -> None:
    if isinstance(output, str):
        click.echo(output, nl=False)
        return
    from rich.console import Console

    Console(markup=False, highlight=False, emoji=False).print(output)


def _check_distinct(codes: Sequence[str], what: str) -> None:
    if len(set(codes)) != len(codes):
        raise click.UsageError(f"{what}: the same country ({countries.name(codes[0])}) twice")


def _check_range(since: PartialDate | None, until: PartialDate | None) -> None:
    if since is not None and until is not None and until.last_day() < since.first_day():
        raise click.UsageError(f"--until {until} is before --since {since}")


# --------------------------------------------------------------------------- commands


@click.group(cls=BilatGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="bilat")
def cli() -> None:
    """Anniversaries and timelines of relations between countries.

    Reads a curated, sourced JSON event store: the bundled reference store, or the one
    named by --store / BILAT_STORE.

    \b
    Examples:
      bilat timeline AZ JP
      bilat anniversary --year 2022
      bilat show-letter
    """


@cli.command()
@click.argument("a", type=COUNTRY)
@click.argument("b", type=COUNTRY, required=False)
@as_of_option
@kind_option("Only events of this kind (repeatable).")
@click.option("--since", type=ANY_DATE, help="Only events from this date (YYYY[-MM[-DD]]).")
@click.option("--until", type=ANY_DATE, help="Only events up to this date (YYYY[-MM[-DD]]).")
@store_option
@format_option(LISTING_FORMATS, "table")
def timeline(
    a: str,
    b: str | None,
    as_of: PartialDate | None,
    kinds: tuple[str, ...],
    since: PartialDate | None,
    until: PartialDate | None,
    store_path: str | None,
    fmt: str,
) -> None:
    """List the events of a pair (or of one country), oldest first.

    \b
    Examples:
      bilat timeline AZ JP
      bilat timeline Azerbaijan Japan --as-of 2022-09-07 --format json
      bilat timeline JP --kind diplomatic-relations --since 1990
    """
    focus = [a] if b is None else [a, b]
    _check_distinct(focus, "timeline A B")
    _check_range(since, until)
    reference = as_of.first_day() if as_of is not None else today()
    events = load_events(store_path)
    selected = domain.filter_events(
        events, all_countries=focus, kinds=kinds, since=since, until=until
    )
    entries = domain.timeline(selected, reference)
    heading = _timeline_heading(events, focus, reference, len(entries))
    emit(render.listing_text(render.timeline_listing(focus, reference, entries, heading), fmt))


def _timeline_heading(
    events: Sequence[Event], focus: Sequence[str], as_of: dt.date, count: int
) -> str:
    plural = "event" if count == 1 else "events"
    if len(focus) == 1:
        return f"{countries.name(focus[0])}: {count} {plural}"
    title = render.names(focus)
    relations = domain.relations_event(events, focus[0], focus[1])
    if relations is None:
        return f"{title}: {count} {plural}"
    years = domain.elapsed_years(relations.date, as_of)
    since = f"diplomatic relations since {relations.date}"
    if years is None:
        return f"{title}: {since} (after {as_of}); {count} {plural}"
    unit = "year" if str(years) == "1" else "years"
    return f"{title}: {since} ({years} {unit} as of {as_of}); {count} {plural}"


def every_option(f: F) -> F:
    return click.option(
        "--every",
        type=click.IntRange(min=1),
        default=5,
        show_default=True,
        help="Only anniversaries that are multiples of N years (1 lists all).",
    )(f)


def leap_option(f: F) -> F:
    return click.option(
        "--leap-day",
        "leap",
        type=click.Choice(domain.LEAP_RULES),
        default="feb28",
        show_default=True,
        help="Where a 29 February event falls in common years: 28 February or 1 March.",
    )(f)


def commemorated(
    events: Sequence[Event],
    countries_: Sequence[str],
    kinds: Sequence[str],
    pair: Sequence[str] | None,
) -> list[Event]:
    """The events whose anniversaries a command places: letters and anniversary events
    only when asked for by kind."""
    pair = pair or ()
    _check_distinct(pair, "--pair")
    return domain.filter_events(
        events,
        countries=countries_,
        all_countries=pair,
        kinds=kinds,
        exclude_kinds=() if kinds else domain.NOT_COMMEMORATED,
    )


COMMEMORATED_KIND_HELP = (
    "Only events of this kind (repeatable). Letters and anniversary events are "
    "left out unless asked for here."
)


@cli.command()
@click.option("--year", type=YEAR, help="The year to look at (default: this year).")
@every_option
@country_option
@pair_option("Only events of these two countries.")
@kind_option(COMMEMORATED_KIND_HELP)
@leap_option
@store_option
@format_option(LISTING_FORMATS, "table")
def anniversary(
    year: int | None,
    every: int,
    countries_: tuple[str, ...],
    pair: tuple[str, ...] | None,
    kinds: tuple[str, ...],
    leap: domain.LeapRule,
    store_path: str | None,
    fmt: str,
) -> None:
    """List the round anniversaries that fall in a year, by day.

    An event dated 29 February is marked on 28 February in common years (or on 1 March
    with --leap-day mar1).

    \b
    Examples:
      bilat anniversary --year 2022
      bilat anniversary --year 2027 --every 10 --country AZ
      bilat anniversary --year 2022 --every 1 --kind visit --format csv
    """
    target = year if year is not None else today().year
    selected = commemorated(load_events(store_path), countries_, kinds, pair)
    found = domain.anniversaries_in(selected, target, every, leap)
    plural = "" if every == 1 else f" (every {every} years)"
    listing = render.anniversary_listing(
        found,
        head={"year": target, "every": every},
        heading=f"Anniversaries in {target}{plural}",
        empty=f"No anniversaries in {target}.",
        leap=leap,
    )
    emit(render.listing_text(listing, fmt))


@cli.command()
@click.option(
    "--days",
    type=click.IntRange(0, 36525),
    default=90,
    show_default=True,
    help="How many days ahead to look.",
)
@click.option("--as-of", type=FULL_DATE, help="Start of the window (default: today).")
@every_option
@country_option
@pair_option("Only events of these two countries.")
@kind_option(COMMEMORATED_KIND_HELP)
@leap_option
@store_option
@format_option(LISTING_FORMATS, "table")
def upcoming(
    days: int,
    as_of: PartialDate | None,
    every: int,
    countries_: tuple[str, ...],
    pair: tuple[str, ...] | None,
    kinds: tuple[str, ...],
    leap: domain.LeapRule,
    store_path: str | None,
    fmt: str,
) -> None:
    """List the milestone anniversaries of the next N days, soonest first.

    Events known only to the month or year are listed when that month or year overlaps
    the window, and say that the day is unknown.

    \b
    Examples:
      bilat upcoming
      bilat upcoming --as-of 2022-08-01 --days 60
      bilat upcoming --days 365 --every 10 --country JP --format json
    """
    start = as_of.first_day() if as_of is not None else today()
    try:
        end = start + relativedelta(days=days)
    except (OverflowError, ValueError):
        raise click.BadParameter(
            "the window runs past the year 9999", param_hint="--days"
        ) from None
    selected = commemorated(load_events(store_path), countries_, kinds, pair)
    found = domain.anniversaries_between(selected, start, end, every, leap)
    listing = render.anniversary_listing(
        found,
        head={"as_of": start.isoformat(), "days": days, "every": every},
        heading=f"Anniversaries from {start} to {end} (every {every} years)"
        if every > 1
        else f"Anniversaries from {start} to {end}",
        empty=f"No anniversaries between {start} and {end}.",
        leap=leap,
        as_of=start,
    )
    emit(render.listing_text(listing, fmt))


@cli.command()
@click.argument("country", type=COUNTRY)
@as_of_option
@every_option
@click.option(
    "--sort",
    type=click.Choice(["established", "next"]),
    default="established",
    show_default=True,
    help="Order by the date relations were established, or by the coming milestone.",
)
@leap_option
@store_option
@format_option(LISTING_FORMATS, "table")
def relations(
    country: str,
    as_of: PartialDate | None,
    every: int,
    sort: str,
    leap: domain.LeapRule,
    store_path: str | None,
    fmt: str,
) -> None:
    """List the partners of a country: relations established, years, next milestone.

    Recognition and embassy dates are shown in both directions where the store has them.

    \b
    Examples:
      bilat relations AZ
      bilat relations Japan --sort next --as-of 2022-01-01
      bilat relations AZ --every 10 --format csv
    """
    reference = as_of.first_day() if as_of is not None else today()
    partners = domain.relations(load_events(store_path), country, reference, every, leap)
    if sort == "next":
        far = (10000, 13, 32)
        partners.sort(
            key=lambda p: (p.next_milestone[1].sort_key if p.next_milestone else far, p.code)
        )
    emit(render.listing_text(render.relations_listing(country, reference, every, partners), fmt))


@cli.command()
@click.argument("text")
@country_option
@kind_option("Only events of this kind (repeatable).")
@as_of_option
@store_option
@format_option(LISTING_FORMATS, "table")
def search(
    text: str,
    countries_: tuple[str, ...],
    kinds: tuple[str, ...],
    as_of: PartialDate | None,
    store_path: str | None,
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
    if not text.strip():
        raise click.BadParameter("give some text to look for", param_hint="TEXT")
    reference = as_of.first_day() if as_of is not None else today()
    selected = domain.filter_events(load_events(store_path), countries=countries_, kinds=kinds)
    entries = domain.timeline(domain.search(selected, text), reference)
    plural = "event" if len(entries) == 1 else "events"
    listing = render.timeline_listing((), reference, entries, f"{len(entries)} {plural} match")
    listing.data = {"query": text, "as_of": reference.isoformat(), "events": listing.data["events"]}
    emit(render.listing_text(listing, fmt))


@cli.group()
def export() -> None:
    """Export anniversaries or events to other formats.

    \b
    Examples:
      bilat export ics --from-year 2027 --to-year 2032 --country AZ -o az.ics
    """


@export.command("ics")
@click.option("--from-year", type=YEAR, required=True, help="First year.")
@click.option("--to-year", type=YEAR, required=True, help="Last year.")
@every_option
@country_option
@pair_option("Only events of these two countries.")
@kind_option(COMMEMORATED_KIND_HELP)
@leap_option
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    required=True,
    help="File to write the calendar to ('-' for standard output).",
)
@store_option
def export_ics(
    from_year: int,
    to_year: int,
    every: int,
    countries_: tuple[str, ...],
    pair: tuple[str, ...] | None,
    kinds: tuple[str, ...],
    leap: domain.LeapRule,
    output: str,
    store_path: str | None,
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
    if to_year < from_year:
        raise click.BadParameter(
            f"{to_year} is before --from-year {from_year}", param_hint="--to-year"
        )
    from . import ics

    selected = commemorated(load_events(store_path), countries_, kinds, pair)
    found = [
        a
        for year in range(from_year, to_year + 1)
        for a in domain.anniversaries_in(selected, year, every, leap)
    ]
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    data, left_out = ics.build_calendar(found, stamp=stamp, leap=leap)
    written = len(found) - left_out
    if output == "-":
        click.echo(data, nl=False)
    else:
        try:
            Path(output).write_bytes(data)
        except OSError as exc:
            raise click.ClickException(
                f"{output}: cannot write the calendar: {exc.strerror or exc}"
            ) from None
    message = f"{written} anniversaries written to {'standard output' if output == '-' else output}"
    if left_out:
        message += f"; {left_out} left out because their day is unknown"
    click.echo(message + ".", err=True)


@cli.command("show-letter")
@click.argument("letter_id", metavar="[ID]", required=False)
@click.option("--list", "as_list", is_flag=True, help="List every matching letter.")
@pair_option("Only letters between these two countries.")
@click.option("--year", type=YEAR, help="Only letters of this year.")
@store_option
@format_option(("text", "table", "json", "csv", "markdown"), "text")
def show_letter(
    letter_id: str | None,
    as_list: bool,
    pair: tuple[str, ...] | None,
    year: int | None,
    store_path: str | None,
    fmt: str,
) -> None:
    """Show a congratulatory letter, as a letter.

    With no ID: the most recent matching letter that has a text.

    \b
    Examples:
      bilat show-letter
      bilat show-letter --list --pair AZ JP
      bilat show-letter aliyev-letter-30th-anniversary --format markdown
    """
    pair = pair or ()
    _check_distinct(pair, "--pair")
    events = load_events(store_path)
    found = domain.letters(events, pair=pair, year=year)
    if as_list:
        emit(render.listing_text(render.letters_listing(found), fmt))
        return
    if fmt == "csv":
        raise click.UsageError("--format csv lists letters: add --list")
    if letter_id is not None:
        chosen = _find_event(events, letter_id, "ID")
        if chosen.letter is None:
            raise click.BadParameter(
                f"{letter_id!r} is a {chosen.kind} event, not a letter "
                f"(see: bilat show {letter_id})",
                param_hint="ID",
            )
        footer = None
    else:
        if not found:
            raise click.ClickException(f"no letter matches{_filters(pair, year)}")
        with_text = [e for e in found if e.letter is not None and e.letter.text]
        chosen = (with_text or found)[-1]
        others = len(found) - 1
        footer = None
        if others:
            letters = "letter matches" if others == 1 else "letters match"
            footer = (
                f"{others} other {letters}; list them with: "
                f"bilat show-letter --list{_filters(pair, year)}"
            )
    if fmt == "json":
        emit(render.dump_json(render.letter_json(chosen)) + "\n")
    elif fmt == "markdown":
        emit(render.letter_markdown(chosen, footer))
    else:
        emit(render.letter_panel(chosen, footer))


def _filters(pair: Sequence[str], year: int | None) -> str:
    text = f" --pair {' '.join(pair)}" if pair else ""
    return text + (f" --year {year}" if year is not None else "")


def _find_event(events: Sequence[Event], event_id: str, hint: str) -> Event:
    for event in events:
        if event.id == event_id:
            return event
    close = difflib.get_close_matches(event_id, [e.id for e in events], n=3)
    suggestion = f"; did you mean {', '.join(close)}?" if close else ""
    raise click.BadParameter(f"no event with id {event_id!r}{suggestion}", param_hint=hint)


@cli.command()
@click.argument("event_id", metavar="ID")
@store_option
@format_option(ONE_FORMATS, "text")
def show(event_id: str, store_path: str | None, fmt: str) -> None:
    """Show one event in full, with its sources and disputed dates.

    \b
    Examples:
      bilat show az-jp-diplomatic-relations
      bilat show az-embassy-tokyo --format json
    """
    event = _find_event(load_events(store_path), event_id, "ID")
    if fmt == "json":
        emit(render.dump_json(store_mod.to_builtins(event)) + "\n")
    elif fmt == "markdown":
        emit(render.event_markdown(event))
    else:
        emit(render.event_panel(event))
