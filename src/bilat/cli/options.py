"""Every option and argument type that more than one command shares.

Callbacks do the checks once for all commands: ``--as-of`` resolves to a date (today when
not given), ``--pair`` refuses the same country twice. A command's module imports this
one; ``bilat --help`` imports neither.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from bilat import domain, views
from bilat.cli import context
from bilat.cli.narrow import all_option, evidence_option, home_for, no_pager_option

# The parameter types, also taken from here by the commands.
from bilat.cli.params import ANY_DATE as ANY_DATE  # noqa: PLC0414
from bilat.cli.params import COUNTRY as COUNTRY  # noqa: PLC0414
from bilat.cli.params import FULL_DATE as FULL_DATE  # noqa: PLC0414
from bilat.cli.params import YEAR as YEAR  # noqa: PLC0414
from bilat.render import lang
from bilat.render.common import name
from bilat.render.lang import t
from bilat.vocab import KINDS, LEAP_RULES

if TYPE_CHECKING:
    import datetime as dt

    from bilat.domain import Event, PartialDate
    from bilat.vocab import LeapRule

F = TypeVar("F", bound=Callable[..., Any])

LISTING_FORMATS = ("table", "json", "csv", "markdown")
ONE_FORMATS = ("text", "json", "markdown")
_ENV_LIST = f"BILAT_STORE takes a list of paths separated by '{os.pathsep}'."


def check_distinct(codes: Sequence[str], what: str) -> None:
    """A usage error when a country is named twice where distinct ones are needed."""

    twice = next((code for i, code in enumerate(codes) if code in codes[:i]), None)
    if twice is not None:
        message = t("{what}: the same country ({country}) twice")
        raise click.UsageError(message.format(what=what, country=name(twice)))


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


def format_option(choices: Sequence[str], default: str, **aliases: str) -> Callable[[F], F]:
    """``--format``, ``--no-pager``, and ``--raw`` where CSV is one of the formats;
    ``aliases``: other names of some formats (``text="press"``), which the command
    receives by the format's own name."""
    also = "; ".join(f"{alias}: the same as {name}" for alias, name in aliases.items())

    def decorate(f: F) -> F:
        f = no_pager_option(f)
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
            type=click.Choice([*choices, *aliases], case_sensitive=False),
            default=default,
            show_default=True,
            callback=lambda ctx, param, value: aliases.get(value, value),
            help=f"Output format ({also})." if also else "Output format.",
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
    ``--every``, ``--country``, ``--pair``, ``--all``, ``--kind``, ``--evidence`` and
    ``--leap-day``; ``home``: the home country, which narrows them (bilat.cli.narrow)."""

    def __init__(
        self,
        every: int,
        countries_: tuple[str, ...],
        pair: tuple[str, ...],
        all_countries: bool,
        kinds: tuple[str, ...],
        evidence: str | None,
        leap: LeapRule,
    ) -> None:
        self.every, self.countries, self.pair = every, countries_, pair
        self.kinds, self.evidence, self.leap = kinds, evidence, leap
        self.home = home_for(countries_, pair, all_countries=all_countries)
        self.countries = countries_ if self.home is None else (self.home,)

    def query(self, year: int | None = None) -> domain.Query:
        """The events that may answer: of the countries and the pair (and year)."""
        pair, countries, every = self.pair, self.countries, self.every
        return domain.Query(all_countries=pair, any_countries=countries, year=year, every=every)

    def select(self, events: Sequence[Event]) -> list[Event]:
        """The events whose anniversaries are placed (the rule: bilat.views.commemorated)."""
        kinds, evidence = self.kinds, self.evidence
        return views.commemorated(
            events, countries=self.countries, pair=self.pair, kinds=kinds, evidence=evidence
        )


def milestone_options(f: F) -> F:
    """Declare the milestone options; the command receives them as ``milestones``."""
    names = ("every", "countries_", "pair", "all_countries", "kinds", "evidence", "leap")

    @functools.wraps(f)
    def command(**kwargs: Any) -> Any:
        milestones = Milestones(*(kwargs.pop(name) for name in names))
        return f(milestones=milestones, **kwargs)

    for option in reversed(
        (
            every_option,
            country_option,
            pair_option("Only events of these two countries."),
            all_option,
            kind_option(COMMEMORATED_KIND_HELP),
            evidence_option,
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
                raise click.UsageError(t("{option} is for --format svg or png").format(option=name))
    elif fmt == "png" and output in (None, "-") and stdout_is_terminal():
        raise click.UsageError(t("a PNG is binary: write it to a file with -o FILE"))


def stdout_is_terminal() -> bool:

    return sys.stdout.isatty()


def renderer(name: str) -> Any:
    """A renderer of pictures (``bilat.render.svg``, ``.png``, ``.html``); a one-line error
    saying what to install when the images extra (or the cairo library) is missing."""

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

    where = context.write_output(output or "-", data, t("picture"))
    if output not in (None, "-"):
        message = t("{format} picture written to {where}")
        click.echo(message.format(format=fmt.upper(), where=where), err=True)


def _use_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:

    explicit = bool(value)
    if not value:  # the environment's locale, for the catalogued languages only
        value = lang.from_environment(os.environ)
    if not value or value.strip().lower().replace("_", "-") in ("en", "en-us"):
        lang.use(None)  # English: the built-in text, no Babel
        return None

    try:
        code, note = lang.resolve(value)
    except lang.UnknownLanguage as exc:
        raise click.BadParameter(str(exc), ctx, param) from None
    if note is not None:
        click.echo(f"Note: {note}.", err=True)
    if code.split("_")[0] == "en":
        lang.use(None)
        return None
    lang.use(code, explicit=explicit)
    ctx.meta["bilat.lang"] = code
    return code


def _use_home(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--from``, else the home country (read only when a pair is ordered), else none."""
    lang.set_home(value if value is not None else context.home_code)
    return value


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
            "Language of names, dates and text: az, ja, ru, tr (or their names: turkish), "
            "or any CLDR locale (names and dates only); default English, or the language "
            "of LC_ALL/LC_MESSAGES/LANG for tables and text where it is az, ja, ru or tr."
        ),
    )(
        click.option(
            "--from",
            "home",
            metavar="COUNTRY",
            type=COUNTRY,
            expose_value=False,
            is_eager=True,
            callback=_use_home,
            help="Write pairs from this country's side (--from JP); default: your home country.",
        )(f)
    )
