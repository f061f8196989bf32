"""The ``bilat`` command: click wiring only.

This is the one place that reads the clock and the environment, and the one place that
turns :class:`bilat.domain.BilatError` into a click error (exit 1). Bad arguments are
usage errors (exit 2).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

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


@cli.command()
@click.option("--year", type=YEAR, help="The year to look at (default: this year).")
@click.option(
    "--every",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Only anniversaries that are multiples of N years (1 lists all).",
)
@country_option
@kind_option(
    "Only events of this kind (repeatable). Letters and anniversary events are "
    "left out unless asked for here."
)
@store_option
@format_option(LISTING_FORMATS, "table")
def anniversary(
    year: int | None,
    every: int,
    countries_: tuple[str, ...],
    kinds: tuple[str, ...],
    store_path: str | None,
    fmt: str,
) -> None:
    """List the round anniversaries that fall in a year, by day.

    An event dated 29 February is marked on 28 February in common years.

    \b
    Examples:
      bilat anniversary --year 2022
      bilat anniversary --year 2027 --every 10 --country AZ
      bilat anniversary --year 2022 --every 1 --kind visit --format csv
    """
    target = year if year is not None else today().year
    events = load_events(store_path)
    selected = domain.filter_events(
        events,
        countries=countries_,
        kinds=kinds,
        exclude_kinds=() if kinds else domain.NOT_COMMEMORATED,
    )
    found = domain.anniversaries_in(selected, target, every)
    emit(render.listing_text(render.anniversary_listing(target, every, found), fmt))


@cli.command("show-letter")
@click.argument("letter_id", metavar="[ID]", required=False)
@click.option("--list", "as_list", is_flag=True, help="List every matching letter.")
@click.option(
    "--pair", nargs=2, type=COUNTRY, metavar="A B", help="Only letters between these two."
)
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
