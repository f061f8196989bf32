"""What keeps a world-sized listing readable, as options the listing commands share: the
home country (``--all`` lifts it), ``--evidence``, and ``--no-pager``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from bilat.cli import context
from bilat.vocab import SOURCE_TYPES

F = TypeVar("F", bound=Callable[..., Any])


def evidence_option(f: F) -> F:
    """``--evidence TYPE``: only dates at least that strong."""
    return click.option(
        "--evidence",
        type=click.Choice(SOURCE_TYPES),
        metavar="TYPE",
        help=(
            "Only dates whose strongest source is at least this strong: official > "
            "scholarly > news > encyclopedia > other (dates whose sources state no type "
            "are left out)."
        ),
    )(f)


def all_option(f: F) -> F:
    """``--all``: lift the home country (BILAT_COUNTRY or the config file)."""
    return click.option(
        "--all",
        "all_countries",
        is_flag=True,
        help=(
            "All countries. By default a listing without --country or --pair is narrowed "
            "to your home country, when BILAT_COUNTRY or your config file names one."
        ),
    )(f)


def home_for(*named: Sequence[str], all_countries: bool) -> str | None:
    """The home country that narrows a listing: none when ``--all`` is given or countries
    are named (``--country``, ``--pair``), else the one set, if any."""
    if all_countries or any(named):
        return None
    return context.home_code()


def country_or_home(code: str | None, what: str) -> str:
    """A command's country argument, else the home country, else a usage error."""
    if code is not None:
        return code
    home = context.home_country()
    if home is None:
        raise click.UsageError(
            f"Missing argument '{what}': name a country, or set your home country "
            '(BILAT_COUNTRY, or "country" in the config file).'
        )
    return home.code


def _remember_no_pager(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    ctx.meta["bilat.no_pager"] = value
    return value


def no_pager_option(f: F) -> F:
    """``--no-pager``: straight to the terminal (see :func:`context.pager_command`)."""
    return click.option(
        "--no-pager",
        is_flag=True,
        expose_value=False,
        callback=_remember_no_pager,
        help=(
            "Print straight to the terminal. By default a terminal gets output longer "
            "than the screen through BILAT_PAGER, else PAGER, else less."
        ),
    )(f)
