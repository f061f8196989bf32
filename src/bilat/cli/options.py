"""Every option and argument type that more than one command shares.

Callbacks do the checks once for all commands: ``--as-of`` resolves to a date (today when
not given), ``--pair`` refuses the same country twice. Only click and the vocabularies are
imported here: ``bilat --help`` loads nothing else.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from bilat.cli import context
from bilat.vocab import KINDS, LEAP_RULES

if TYPE_CHECKING:
    import datetime as dt

    from click.shell_completion import CompletionItem

    from bilat.domain import Event, PartialDate
    from bilat.vocab import LeapRule

F = TypeVar("F", bound=Callable[..., Any])

LISTING_FORMATS = ("table", "json", "csv", "markdown")
ONE_FORMATS = ("text", "json", "markdown")
_ENV_LIST = f"BILAT_STORE takes a list of paths separated by '{os.pathsep}'."


class CountryType(click.ParamType):
    """A country as alpha-2, alpha-3 or English name, in any case."""

    name = "country"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from bilat import countries

        if not isinstance(value, str):
            return str(value)
        if value.startswith("-") and len(value) > 1:
            self.fail(
                f"expected a country, got the option {value!r}: a country is missing before it",
                param,
                ctx,
            )
        try:
            return countries.resolve(value)
        except countries.UnknownCountry as exc:
            self.fail(str(exc), param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from bilat.cli.complete import countries

        return countries(incomplete)


class DateType(click.ParamType):
    """An ISO date; ``full`` requires the day, otherwise YYYY or YYYY-MM will do."""

    def __init__(self, *, full: bool) -> None:
        self.full = full
        self.name = "YYYY-MM-DD" if full else "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> PartialDate:
        from bilat.domain import PartialDate

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


def check_distinct(codes: Sequence[str], what: str) -> None:
    """A usage error when a country is named twice where distinct ones are needed."""
    from bilat import countries

    twice = next((code for i, code in enumerate(codes) if code in codes[:i]), None)
    if twice is not None:
        raise click.UsageError(f"{what}: the same country ({countries.name(twice)}) twice")


def store_option(f: F) -> F:
    """``--store`` of the reading commands: any number of stores, merged in order."""
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


def target_option(f: F) -> F:
    """``--store`` of the writing commands: the one store file written."""
    return click.option(
        "--store",
        "target",
        type=click.Path(dir_okay=False),
        help="Store file to write (default: your store; created when missing).",
    )(f)


def _remember_raw(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    ctx.meta["bilat.raw"] = value
    return value


def format_option(choices: Sequence[str], default: str) -> Callable[[F], F]:
    """``--format``, and ``--raw`` where CSV is one of the formats."""

    def decorate(f: F) -> F:
        if "csv" in choices:
            f = click.option(
                "--raw",
                is_flag=True,
                expose_value=False,
                callback=_remember_raw,
                help=(
                    "With --format csv: cells exactly as stored. By default a cell that a "
                    "spreadsheet would run as a formula (starting with = + - @, a tab or a "
                    "carriage return) is written with a leading apostrophe."
                ),
            )(f)
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices), case_sensitive=False),
            default=default,
            show_default=True,
            help="Output format.",
        )(f)

    return decorate


def _resolve_as_of(
    ctx: click.Context, param: click.Parameter, value: PartialDate | None
) -> dt.date:
    return value.first_day() if value is not None else context.today()


def as_of_option(help_text: str = "Reference date for years elapsed") -> Callable[[F], F]:
    """``--as-of``, given to the command as a date: the day named, else today."""
    return click.option(
        "--as-of",
        type=FULL_DATE,
        callback=_resolve_as_of,
        help=f"{help_text} (default: today, local time).",
    )


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


def _check_pair(
    ctx: click.Context, param: click.Parameter, value: tuple[str, ...] | None
) -> tuple[str, ...]:
    pair = value or ()
    check_distinct(pair, "--pair")
    return pair


def pair_option(help_text: str) -> Callable[[F], F]:
    """``--pair A B``, given to the command as a tuple (empty when not given)."""
    return click.option(
        "--pair", nargs=2, type=COUNTRY, metavar="A B", help=help_text, callback=_check_pair
    )


def output_option(*, required: bool, what: str = "") -> Callable[[F], F]:
    """``-o``/``--output``: a file, or '-' for standard output."""
    # click 8.3+ takes an explicit default=None as a default: a required option gets none.
    default: dict[str, Any] = {} if required else {"default": "-", "show_default": True}
    return click.option(
        "-o",
        "--output",
        metavar="FILE",
        required=required,
        help=f"File to write{what} to ('-' for standard output).",
        **default,
    )


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


COMMEMORATED_KIND_HELP = (
    "Only events of this kind (repeatable). Letters and anniversary events are "
    "left out unless asked for here."
)


class Milestones:
    """The options of every command that places milestone anniversaries, as one value:
    ``--every``, ``--country``, ``--pair``, ``--kind`` and ``--leap-day``."""

    def __init__(
        self,
        every: int,
        countries_: tuple[str, ...],
        pair: tuple[str, ...],
        kinds: tuple[str, ...],
        leap: LeapRule,
    ) -> None:
        self.every, self.countries, self.pair = every, countries_, pair
        self.kinds, self.leap = kinds, leap

    def select(self, events: Sequence[Event]) -> list[Event]:
        """The events whose anniversaries are placed: letters and anniversary events
        only when asked for by kind."""
        from bilat import domain

        return domain.filter_events(
            events,
            countries=self.countries,
            all_countries=self.pair,
            kinds=self.kinds,
            exclude_kinds=() if self.kinds else domain.NOT_COMMEMORATED,
        )


def milestone_options(f: F) -> F:
    """Declare the milestone options; the command receives them as ``milestones``."""
    names = ("every", "countries_", "pair", "kinds", "leap")

    @functools.wraps(f)
    def command(**kwargs: Any) -> Any:
        milestones = Milestones(*(kwargs.pop(name) for name in names))
        return f(milestones=milestones, **kwargs)

    for option in reversed(
        (
            every_option,
            country_option,
            pair_option("Only events of these two countries."),
            kind_option(COMMEMORATED_KIND_HELP),
            leap_option,
        )
    ):
        command = option(command)
    return command  # type: ignore[return-value]


# --------------------------------------------------------------------------- pictures

PICTURE_FORMATS = ("svg", "png")
IMAGES_EXTRA = "pip install 'bilat[images]'"


def picture_options(f: F) -> F:
    """``--width`` and ``-o``/``--output`` of the commands that draw (``--format svg|png``)."""
    f = click.option(
        "--width",
        type=click.IntRange(200, 10000),
        metavar="PIXELS",
        help="With --format svg or png: the picture's width in pixels (default 1600).",
    )(f)
    return click.option(
        "-o",
        "--output",
        metavar="FILE",
        help="With --format svg or png: file to write the picture to ('-' for standard "
        "output, the default).",
    )(f)


def check_picture_options(fmt: str, output: str | None, width: int | None) -> None:
    """A usage error for --width or -o without a picture format, or for PNG bytes bound
    for a terminal."""
    if fmt not in PICTURE_FORMATS:
        for name, value in (("-o", output), ("--width", width)):
            if value is not None:
                raise click.UsageError(f"{name} is for --format svg or png")
    elif fmt == "png" and output in (None, "-") and stdout_is_terminal():
        raise click.UsageError("a PNG is binary: write it to a file with -o FILE")


def stdout_is_terminal() -> bool:
    import sys

    return sys.stdout.isatty()


def renderer(name: str) -> Any:
    """A renderer of pictures (``bilat.render.svg``, ``.png``, ``.html``); a one-line error
    saying what to install when the images extra (or the cairo library) is missing."""
    import importlib

    try:
        return importlib.import_module(f"bilat.render.{name}")
    except ImportError as exc:
        if exc.name not in ("drawsvg", "cairosvg", "cairocffi"):
            raise
        missing = f"{exc.name} is missing"
    except OSError:  # cairocffi found no cairo library
        missing = "the cairo library is missing; on Debian: apt-get install libcairo2"
    raise click.ClickException(f"pictures need the images extra ({missing}): {IMAGES_EXTRA}")


def svg_width(fmt: str, width: int | None) -> int:
    """The width an SVG is drawn at: --width for an SVG; the picture's own width for a
    PNG, which :func:`write_picture` then renders at --width pixels."""
    return width if fmt == "svg" and width else int(renderer("svg").WIDTH)


def write_picture(svg_text: str, fmt: str, output: str | None, width: int | None) -> None:
    """Write the SVG, or its PNG rendering at ``width`` pixels, to ``output``."""
    if fmt == "png":
        data = renderer("png").to_png(svg_text, width or renderer("svg").WIDTH)
    else:
        data = svg_text.encode("utf-8")
    where = context.write_output(output or "-", data, "picture")
    if where != "standard output":
        click.echo(f"{fmt.upper()} picture written to {where}", err=True)


def _use_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from bilat.render import lang

    if not value or value.strip().lower().replace("_", "-") in ("en", "en-us"):
        lang.use(None)  # English: the built-in text, no Babel
        return None

    try:
        code = lang.resolve(value)
    except lang.UnknownLanguage as exc:
        raise click.BadParameter(str(exc), ctx, param) from None
    lang.use(code)
    ctx.meta["bilat.lang"] = code
    return code


def lang_option(f: F) -> F:
    """``--lang LOCALE`` (or BILAT_LANG): the reader's language, English by default."""
    return click.option(
        "--lang",
        metavar="LOCALE",
        envvar="BILAT_LANG",
        show_envvar=True,
        expose_value=False,
        is_eager=True,
        callback=_use_language,
        help=(
            "Language of names, dates and text: az, ja, ru, tr, or any CLDR locale "
            "(names and dates only); default English."
        ),
    )(f)
