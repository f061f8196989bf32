"""The ``bilat`` command: click wiring only.

This is the one place that reads the clock and the environment, and the one place that
turns :class:`bilat.vocab.BilatError` into a click error (exit 1). Bad arguments are
usage errors (exit 2).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .vocab import KINDS, LEAP_RULES, BilatError

if TYPE_CHECKING:
    import datetime as dt

    from rich.console import RenderableType

    from . import store as store_mod
    from .domain import Event, PartialDate
    from .store import Query
    from .vocab import LeapRule

# Only click and the vocabularies are imported up front: `bilat --help` and the option
# parsing load nothing else, and each command imports the core modules it uses.

F = TypeVar("F", bound=Callable[..., Any])

_ENV_LIST = f"BILAT_STORE takes a list of paths separated by '{os.pathsep}'."
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
LISTING_FORMATS = ("table", "json", "csv", "markdown")
ONE_FORMATS = ("text", "json", "markdown")


def today() -> dt.date:
    """The local calendar date: the machine's time zone alone decides "today"."""
    import datetime as dt

    return dt.datetime.now().astimezone().date()


# --------------------------------------------------------------------------- parameters


class CountryType(click.ParamType):
    """A country as alpha-2, alpha-3 or English name, in any case."""

    name = "country"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from . import countries

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
        from .domain import PartialDate

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
        "store_paths",
        metavar="PATH",
        multiple=True,
        type=click.Path(),
        envvar="BILAT_STORE",
        show_envvar=True,
        help=(
            "Store to read, repeatable; later stores override earlier ones by id "
            f"(default: the bundled store, then your store if it exists). {_ENV_LIST}"
        ),
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
        type=click.Choice(KINDS),
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
        # A command is one short run over data that lives until it ends and holds no
        # reference cycles: the cyclic collector would only rescan it, again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return super().invoke(ctx)
        except BilatError as exc:
            from .text import clean

            # The message may quote the store (a field name, a value): never raw controls.
            raise click.ClickException(clean(str(exc))) from None
        finally:
            if collecting:
                gc.enable()


def user_store() -> Path:
    """The user's own store: in BILAT_DATA_DIR, else the platform's user data folder."""
    folder = os.environ.get("BILAT_DATA_DIR")
    if not folder:
        import platformdirs

        folder = str(platformdirs.user_data_path("bilat", appauthor=False))
    return Path(folder) / "events.json"


def cache_dir() -> Path | None:
    """Where indexes of large stores are kept: BILAT_CACHE_DIR, else the platform's user
    cache folder; nowhere when BILAT_NO_CACHE is set to anything but an empty string."""
    if os.environ.get("BILAT_NO_CACHE"):
        return None
    folder = os.environ.get("BILAT_CACHE_DIR")
    if not folder:
        import platformdirs

        folder = str(platformdirs.user_cache_path("bilat", appauthor=False))
    return Path(folder)


def read_stores(store_paths: Sequence[str], query: Query | None = None) -> list[store_mod.Store]:
    """The stores a command reads, in order; with a query, large stores may yield only
    the events that may answer it."""
    from . import store as store_mod

    if store_paths:
        return [store_mod.load_path(p, cache=cache_dir, query=query) for p in store_paths]
    return store_mod.default_stores(user_store(), cache=cache_dir, query=query)


def write_target(target: str | None) -> tuple[Path, tuple[Event, ...]]:
    """The store a write goes to (``--store``, else yours) and the events of the stores
    read before it (the bundled one, for your store), which its ids may override."""
    from . import store as store_mod

    if target:
        return Path(target), ()
    return user_store(), store_mod.bundled_store().events


def load_events(store_paths: Sequence[str], query: Query | None = None) -> tuple[Event, ...]:
    """The events of the stores, merged; with a query, at least those that may answer it."""
    from . import store as store_mod

    return store_mod.merge(read_stores(store_paths, query))


def emit(output: bytes | str | RenderableType) -> None:
    if isinstance(output, (bytes, str)):
        click.echo(output, nl=False)
        return
    from rich.console import Console

    Console(markup=False, highlight=False, emoji=False).print(output)


def _check_distinct(codes: Sequence[str], what: str) -> None:
    from . import countries

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

    Reads curated, sourced JSON event stores: the bundled reference store and then your
    own (see `bilat stores`), or the stores named by --store / BILAT_STORE. Stores of
    4 MiB or more are indexed in BILAT_CACHE_DIR (else the user cache folder) for speed;
    BILAT_NO_CACHE=1 turns that off.

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
    store_paths: tuple[str, ...],
    fmt: str,
) -> None:
    """List the events of a pair (or of one country), oldest first.

    \b
    Examples:
      bilat timeline AZ JP
      bilat timeline Azerbaijan Japan --as-of 2022-09-07 --format json
      bilat timeline JP --kind diplomatic-relations --since 1990
    """
    from . import domain, render
    from .store import Query

    focus = [a] if b is None else [a, b]
    _check_distinct(focus, "timeline A B")
    _check_range(since, until)
    reference = as_of.first_day() if as_of is not None else today()
    events = load_events(store_paths, Query(all_countries=tuple(focus)))
    selected = domain.filter_events(
        events, all_countries=focus, kinds=kinds, since=since, until=until
    )
    entries = domain.timeline(selected, reference)
    heading = _timeline_heading(events, focus, reference, len(entries))
    emit(render.listing_text(render.timeline_listing(focus, reference, entries, heading), fmt))


def _timeline_heading(
    events: Sequence[Event], focus: Sequence[str], as_of: dt.date, count: int
) -> str:
    from . import countries, domain, render

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
        type=click.Choice(LEAP_RULES),
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
    from . import domain

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


def milestone_options(f: F) -> F:
    """The options of every command that places milestone anniversaries."""
    for option in reversed(
        (
            every_option,
            country_option,
            pair_option("Only events of these two countries."),
            kind_option(COMMEMORATED_KIND_HELP),
            leap_option,
        )
    ):
        f = option(f)
    return f


@cli.command()
@click.option("--year", type=YEAR, help="The year to look at (default: this year).")
@milestone_options
@store_option
@format_option(LISTING_FORMATS, "table")
def anniversary(
    year: int | None,
    every: int,
    countries_: tuple[str, ...],
    pair: tuple[str, ...] | None,
    kinds: tuple[str, ...],
    leap: LeapRule,
    store_paths: tuple[str, ...],
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
    from . import domain, render
    from .store import Query

    target = year if year is not None else today().year
    query = Query(
        all_countries=tuple(pair or ()), any_countries=countries_, year=target, every=every
    )
    selected = commemorated(load_events(store_paths, query), countries_, kinds, pair)
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
@milestone_options
@store_option
@format_option(LISTING_FORMATS, "table")
def upcoming(
    days: int,
    as_of: PartialDate | None,
    every: int,
    countries_: tuple[str, ...],
    pair: tuple[str, ...] | None,
    kinds: tuple[str, ...],
    leap: LeapRule,
    store_paths: tuple[str, ...],
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
    from dateutil.relativedelta import relativedelta

    from . import domain, render

    start = as_of.first_day() if as_of is not None else today()
    try:
        end = start + relativedelta(days=days)
    except (OverflowError, ValueError):
        raise click.BadParameter(
            "the window runs past the year 9999", param_hint="--days"
        ) from None
    selected = commemorated(load_events(store_paths), countries_, kinds, pair)
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
    leap: LeapRule,
    store_paths: tuple[str, ...],
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
    from . import domain, render

    reference = as_of.first_day() if as_of is not None else today()
    partners = domain.relations(load_events(store_paths), country, reference, every, leap)
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
    from . import domain, render

    if not text.strip():
        raise click.BadParameter("give some text to look for", param_hint="TEXT")
    reference = as_of.first_day() if as_of is not None else today()
    selected = domain.filter_events(load_events(store_paths), countries=countries_, kinds=kinds)
    entries = domain.timeline(domain.search(selected, text), reference)
    plural = "event" if len(entries) == 1 else "events"
    head = {"query": text, "as_of": reference.isoformat()}
    listing = render.timeline_listing(
        (), reference, entries, f"{len(entries)} {plural} match", head
    )
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
@milestone_options
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
    leap: LeapRule,
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
    from . import domain

    if to_year < from_year:
        raise click.BadParameter(
            f"{to_year} is before --from-year {from_year}", param_hint="--to-year"
        )
    from . import ics

    selected = commemorated(load_events(store_paths), countries_, kinds, pair)
    found = [
        a
        for year in range(from_year, to_year + 1)
        for a in domain.anniversaries_in(selected, year, every, leap)
    ]
    import datetime as dt

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
    store_paths: tuple[str, ...],
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
    from . import domain, render

    pair = pair or ()
    _check_distinct(pair, "--pair")
    events = load_events(store_paths)
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
        emit(render.dump_json(render.letter_json(chosen)))
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
    import difflib

    close = difflib.get_close_matches(event_id, [e.id for e in events], n=3)
    suggestion = f"; did you mean {', '.join(close)}?" if close else ""
    raise click.BadParameter(f"no event with id {event_id!r}{suggestion}", param_hint=hint)


@cli.command()
@click.argument("event_id", metavar="ID")
@store_option
@format_option(ONE_FORMATS, "text")
def show(event_id: str, store_paths: tuple[str, ...], fmt: str) -> None:
    """Show one event in full, with its sources and disputed dates.

    \b
    Examples:
      bilat show az-jp-diplomatic-relations
      bilat show az-embassy-tokyo --format json
    """
    from . import render
    from . import store as store_mod

    event = _find_event(load_events(store_paths), event_id, "ID")
    if fmt == "json":
        emit(render.dump_json(store_mod.to_builtins(event)))
    elif fmt == "markdown":
        emit(render.event_markdown(event))
    else:
        emit(render.event_panel(event))


# --------------------------------------------------------------------------- your own store


@cli.command()
@store_option
@format_option(LISTING_FORMATS, "table")
def stores(store_paths: tuple[str, ...], fmt: str) -> None:
    """List the store files that are read, in order, with their event counts.

    Later stores override earlier ones: an event with the same id replaces the earlier one.

    \b
    Examples:
      bilat stores
      BILAT_STORE=a.json:b.json bilat stores --format json
    """
    from . import render

    read = read_stores(store_paths)
    user = None if store_paths else user_store()
    entries = [(i, s.name, len(s.events), "read") for i, s in enumerate(read, 1)]
    if user is not None and not user.is_file():
        entries.append((len(entries) + 1, str(user), 0, "not created yet (bilat add creates it)"))
    emit(render.listing_text(render.stores_listing(entries), fmt))


@cli.command()
@click.option("--date", "date_", type=ANY_DATE, required=True, help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--end-date", type=ANY_DATE, help="Last day of an event that spans days.")
@click.option(
    "--parties", nargs=2, type=COUNTRY, required=True, metavar="A B", help="The two countries."
)
@click.option("--also", multiple=True, type=COUNTRY, help="A further party (repeatable).")
@click.option("--by", type=COUNTRY, help="The party that acted.")
@click.option("--kind", type=click.Choice(KINDS), metavar="KIND", required=True, help="Event kind.")
@click.option("--title", required=True, help="Short title.")
@click.option("--summary", help="A sentence or two, in your own words.")
@click.option("--place", help="Where it happened.")
@click.option("--note", help="A note, e.g. how a date was inferred.")
@click.option("--source-title", "source_titles", multiple=True, help="A source (repeatable).")
@click.option(
    "--source-url", "source_urls", multiple=True, help="The address of each --source-title."
)
@click.option("--letter-author", help="For a letter: who wrote it.")
@click.option("--letter-recipient", help="For a letter: to whom.")
@click.option(
    "--letter-text-file",
    type=click.Path(exists=True, dir_okay=False),
    help="For a letter: a UTF-8 text file with its full text.",
)
@click.option("--id", "event_id", help="The event's id (default: made from parties, kind, date).")
@click.option("--replace", is_flag=True, help="Overwrite an event with the same id.")
@click.option(
    "--store",
    "target",
    type=click.Path(dir_okay=False),
    help="Store file to write (default: your store; created when missing).",
)
def add(
    date_: PartialDate,
    end_date: PartialDate | None,
    parties: tuple[str, str],
    also: tuple[str, ...],
    by: str | None,
    kind: str,
    title: str,
    summary: str | None,
    place: str | None,
    note: str | None,
    source_titles: tuple[str, ...],
    source_urls: tuple[str, ...],
    letter_author: str | None,
    letter_recipient: str | None,
    letter_text_file: str | None,
    event_id: str | None,
    replace: bool,
    target: str | None,
) -> None:
    """Add an event to your own store, validated exactly as the loader does.

    Prints the id it wrote. Refuses an id that is taken (unless --replace) and an event
    that is already there under another id.

    \b
    Examples:
      bilat add --date 2025-10-01 --parties AZ MT --by AZ --kind embassy-opened \\
        --title "Embassy of Azerbaijan opens in Valletta" \\
        --source-title "MFA of Azerbaijan" --source-url https://mfa.gov.az/
    """

    from . import store as store_mod

    all_parties = [*parties, *also]
    _check_distinct(all_parties, "--parties/--also")
    if not source_titles:
        raise click.UsageError("give at least one source: --source-title T [--source-url U]")
    if source_urls and len(source_urls) != len(source_titles):
        raise click.UsageError("give one --source-url for each --source-title, or none")
    letter = None
    if letter_author or letter_recipient or letter_text_file:
        if not (letter_author and letter_recipient):
            raise click.UsageError("a letter needs --letter-author and --letter-recipient")
        text = None
        if letter_text_file:
            try:
                text = Path(letter_text_file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise click.ClickException(f"{letter_text_file}: cannot read: {exc}") from None
        letter = {"author": letter_author, "recipient": letter_recipient, "text": text}
    raw: dict[str, Any] = {
        "id": event_id or "new-event",
        "date": date_.isoformat(),
        "end_date": end_date.isoformat() if end_date else None,
        "parties": all_parties,
        "by": by,
        "kind": kind,
        "title": title,
        "summary": summary,
        "place": place,
        "note": note,
        "sources": [
            {"title": t, "url": source_urls[i] if source_urls else None}
            for i, t in enumerate(source_titles)
        ],
        "letter": letter,
    }
    try:
        event = store_mod.event_from_dict(raw)
    except store_mod.StoreError as exc:
        raise click.UsageError(f"invalid event: {exc}") from None
    path, others = write_target(target)
    result = store_mod.add_events(
        path, [event], others=others, replace=replace, new_ids={0} if event_id is None else ()
    )
    click.echo(result.added[0].id)
    click.echo(f"added to {path}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(), metavar="[PATH ...]", envvar="BILAT_STORE")
def validate(paths: tuple[str, ...]) -> None:
    """Check stores and print every problem with its JSON path.

    With no PATH: the stores commands read (BILAT_STORE, else the bundled store and yours).

    Beyond the format: likely duplicates (same parties, kind and title on another date), a
    disputed date equal to the event's own, addresses that are not http(s), and future
    dates for kinds that cannot be in the future. Exit status 0 when clean, 1 otherwise.

    \b
    Examples:
      bilat validate
      bilat validate my-events.json other.json
    """
    from . import store as store_mod
    from .text import clean

    if paths:
        files: list[tuple[str, bytes]] = [(p, store_mod.read_file(p)) for p in paths]
    else:
        files = [store_mod.read_bundled()]
        mine = user_store()
        if mine.is_file():
            files.append((str(mine), store_mod.read_file(mine)))
    reference = today()
    problems = 0
    for name, data in files:
        messages = store_mod.check(data, name, reference)
        problems += len(messages)
        for message in messages:
            click.echo(clean(message))
        if not messages:
            click.echo(clean(f"{name}: ok"))
    if problems:
        plural = "problem" if problems == 1 else "problems"
        raise click.ClickException(f"{problems} {plural} found")


@cli.group("import")
def import_() -> None:
    """Import events from other formats into your own store.

    \b
    Examples:
      bilat import csv events.csv --dry-run
    """


CSV_COLUMNS = ("date", "parties", "kind", "title", "source_urls", "source_titles")
CSV_OPTIONAL = (
    "summary",
    "id",
    "by",
    "end_date",
    "note",
    "place",
    "letter_author",
    "letter_recipient",
    "conflict",
)


@import_.command("csv")
@click.argument("file", type=click.Path())
@click.option(
    "--store",
    "target",
    type=click.Path(dir_okay=False),
    help="Store file to write (default: your store; created when missing).",
)
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

    from . import domain, render
    from . import store as store_mod
    from .text import clean

    path, others = write_target(target)
    rows, errors = _read_csv(file)
    events: list[Event] = []
    new_ids: set[int] = set()
    for line, raw, make_id in rows:
        try:
            event = store_mod.event_from_dict(raw)
        except store_mod.StoreError as exc:
            errors.append(f"{file}: line {line}: {exc}")
            continue
        if make_id:
            new_ids.add(len(events))
        events.append(event)
    for message in errors:
        click.echo(clean(message), err=True)
    if errors and not skip_invalid:
        raise click.ClickException(
            f"{len(errors)} invalid rows in {file}; nothing was written (--skip-invalid "
            "imports the valid rows)"
        )
    result = store_mod.add_events(
        path, events, others=others, skip_existing=True, dry_run=dry_run, new_ids=new_ids
    )
    entries = domain.timeline(result.added, today())
    verb = "would be added" if dry_run else "added"
    heading = f"{len(result.added)} events {verb} to {path}"
    if result.skipped:
        heading += f"; {len(result.skipped)} already there"
    if errors:
        heading += f"; {len(errors)} invalid {'row' if len(errors) == 1 else 'rows'} skipped"
    emit(render.listing_text(render.timeline_listing((), today(), entries, heading), fmt))


def _read_csv(file: str) -> tuple[list[tuple[int, dict[str, Any], bool]], list[str]]:
    """Rows of an import file as (line number, event dict, whether the id is to be made),
    and the errors of rows that could not be read."""
    import csv

    try:
        text = Path(file).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise click.ClickException(f"{file}: no such file") from None
    except IsADirectoryError:
        raise click.ClickException(f"{file}: is a directory, not a CSV file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{file}: cannot read: {exc}") from None
    reader = csv.DictReader(text.splitlines())
    header = reader.fieldnames or []
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise click.ClickException(f"{file}: missing columns: {', '.join(missing)}")
    unknown = [c for c in header if c not in CSV_COLUMNS + CSV_OPTIONAL]
    if unknown:
        raise click.ClickException(f"{file}: unknown columns: {', '.join(unknown)}")
    rows: list[tuple[int, dict[str, Any], bool]] = []
    errors: list[str] = []
    for row in reader:
        line = reader.line_num

        def cell(name: str, row: dict[str, Any] = row) -> str | None:
            value = row.get(name)
            return value.strip() if isinstance(value, str) and value.strip() else None

        urls = [u.strip() for u in (cell("source_urls") or "").split(";") if u.strip()]
        titles = [t.strip() for t in (cell("source_titles") or "").split(" | ") if t.strip()]
        if urls and titles and len(urls) != len(titles):
            errors.append(
                f"{file}: line {line}: {len(urls)} source_urls but {len(titles)} source_titles"
            )
            continue
        sources = [
            {"title": titles[i] if titles else url, "url": url} for i, url in enumerate(urls)
        ] or [{"title": t} for t in titles]
        letter = None
        if cell("letter_author") or cell("letter_recipient"):
            letter = {"author": cell("letter_author"), "recipient": cell("letter_recipient")}
        raw = {
            "id": cell("id") or "imported",
            "date": cell("date"),
            "end_date": cell("end_date"),
            "parties": [p.strip().upper() for p in (cell("parties") or "").split(";") if p.strip()],
            "by": (cell("by") or "").upper() or None,
            "kind": cell("kind"),
            "title": cell("title"),
            "summary": cell("summary"),
            "place": cell("place"),
            "note": cell("note") or cell("conflict"),
            "sources": sources,
            "letter": letter,
        }
        rows.append((line, raw, cell("id") is None))
    return rows, errors


@export.command("json")
@country_option
@pair_option("Only events of these two countries.")
@kind_option("Only events of this kind (repeatable).")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    default="-",
    show_default=True,
    help="File to write ('-' for standard output).",
)
@store_option
def export_json(
    countries_: tuple[str, ...],
    pair: tuple[str, ...] | None,
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
    from . import domain
    from . import store as store_mod

    pair = pair or ()
    _check_distinct(pair, "--pair")
    selected = domain.filter_events(
        load_events(store_paths), countries=countries_, all_countries=pair, kinds=kinds
    )
    data = store_mod.dumps(selected)
    if output == "-":
        click.echo(data, nl=False)
    else:
        store_mod.write_atomic(Path(output), data)
        click.echo(f"{len(selected)} events written to {output}", err=True)


def main() -> None:
    """The ``bilat`` console script: run the command, then leave without freeing what it
    built.

    A run over a large store ends holding millions of objects; freeing them one by one at
    interpreter exit takes about a second per million events, for memory the operating
    system takes back at once anyway (mypy's ``hard_exit`` does the same). Every write is
    complete and closed before this point (stores are written atomically and fsynced);
    standard output and error are flushed here.
    """
    import contextlib
    import sys

    try:
        cli(prog_name="bilat")
        status = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            status = exc.code or 0
        else:  # sys.exit("message"), as Python itself reports it
            print(exc.code, file=sys.stderr)
            status = 1
    for stream in (sys.stdout, sys.stderr):
        # The reader may have gone (`bilat ... | head`), or the stream be closed.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)
