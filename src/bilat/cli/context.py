"""What the commands take from the world: the clock, the environment, the user's folders
and configuration (the home country), the stores they read and write, and where their
output goes (a pager on a terminal).

This is the one place that reads the clock (:func:`today`) and the environment.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import click
import msgspec

from bilat import codec, countries
from bilat import store as store_mod
from bilat.render import formats
from bilat.render.lang import t

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import RenderableType

    from bilat.domain import Event, Query
    from bilat.render.columns import Listing
    from bilat.store import Store


def today() -> dt.date:
    """The local calendar date: the machine's time zone alone decides "today"."""

    return dt.datetime.now().astimezone().date()


def now_utc() -> dt.datetime:
    """The current instant in UTC, to the second (a calendar's DTSTAMP)."""

    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def user_folder(kind: str) -> str:
    """bilat's user ``data``, ``cache`` or ``config`` folder, as platformdirs names it.

    On Linux (not Android) with an absolute XDG variable or HOME, the folder is found
    here, by platformdirs' own rule, which spares every run the import of platformdirs
    and of what it imports (tests/cli/test_context.py checks that the two agree); any
    other platform or setting asks platformdirs."""
    if sys.platform == "linux" and "ANDROID_DATA" not in os.environ:
        variable, under_home = XDG[kind]
        base = os.environ.get(variable, "")
        if os.path.isabs(base):
            return os.path.join(base, "bilat")
        if os.path.isabs(os.environ.get("HOME", "")):
            return os.path.join(os.path.expanduser(under_home), "bilat")
    import platformdirs

    found = {
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
        "config": platformdirs.user_config_dir,
    }[kind]
    return found("bilat", appauthor=False)


#: The XDG variable of each user folder, and its default under the home folder.
XDG = {
    "data": ("XDG_DATA_HOME", "~/.local/share"),
    "cache": ("XDG_CACHE_HOME", "~/.cache"),
    "config": ("XDG_CONFIG_HOME", "~/.config"),
}


def user_store() -> Path:
    """The user's own store: in BILAT_DATA_DIR, else the platform's user data folder."""
    from pathlib import Path

    return Path(user_store_path())


def user_store_path() -> str:
    """:func:`user_store` as a string (what a read needs, without importing pathlib)."""
    return os.path.join(os.environ.get("BILAT_DATA_DIR") or user_folder("data"), "events.json")


def cache_dir() -> str | None:
    """Where indexes of large stores are kept: BILAT_CACHE_DIR, else the platform's user
    cache folder; nowhere when BILAT_NO_CACHE is set to anything but an empty string."""
    if os.environ.get("BILAT_NO_CACHE"):
        return None
    return os.environ.get("BILAT_CACHE_DIR") or user_folder("cache")


# --------------------------------------------------------------------------- home country


class Home(NamedTuple):
    """The user's own country, and where it was set (BILAT_COUNTRY or the config file)."""

    code: str
    origin: str


def config_path() -> str:
    """The user's config file: ``config.json`` in BILAT_CONFIG_DIR, else in the platform's
    user config folder (on Linux ``~/.config/bilat``)."""
    folder = os.environ.get("BILAT_CONFIG_DIR") or user_folder("config")
    return os.path.join(folder, "config.json")


#: The settings the config file may hold.
SETTINGS = ("country",)


def home_country() -> Home | None:
    """The home country: BILAT_COUNTRY (an empty value means none, whatever the config
    file says), else ``country`` in the config file, else none.

    A country that is not known is a usage error for the variable (exit 2) and a data
    error naming the file and the setting for the file (exit 1)."""
    value = os.environ.get("BILAT_COUNTRY")
    if value is not None:
        if not value.strip():
            return None
        try:
            return Home(countries.resolve(value), "BILAT_COUNTRY")
        except countries.UnknownCountry as exc:
            raise click.UsageError(f"BILAT_COUNTRY: {exc}") from None
    path = config_path()
    country = read_config(path).get("country")
    if country is None:
        return None
    try:
        return Home(countries.resolve(country), path)
    except countries.UnknownCountry as exc:
        raise click.ClickException(f"{path}: $.country: {exc}") from None


def home_code() -> str | None:
    """The home country's code, or None."""
    home = home_country()
    return home.code if home is not None else None


def read_config(path: str) -> dict[str, str]:
    """The settings of the config file (none when there is no file): a JSON object such as
    ``{"country": "KZ"}``; anything else is one error naming the file and the place."""
    try:
        with open(path, "rb") as f:
            data = f.read(1 << 20)
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot read the config file: {exc.strerror}") from None
    try:
        settings = msgspec.json.decode(data)
    except RecursionError:
        raise click.ClickException(f"{path}: JSON nested too deeply") from None
    except msgspec.DecodeError as exc:
        position = codec.stdlib_position(data)  # None when not UTF-8
        where = f" at {position}" if position else ""
        problem = str(exc).removeprefix("JSON is malformed: ").partition(" (byte ")[0]
        raise click.ClickException(f"{path}: invalid JSON{where}: {problem}") from None
    if not isinstance(settings, dict):
        raise click.ClickException(f'{path}: $: expected an object such as {{"country": "KZ"}}')
    for key, value in settings.items():
        if key not in SETTINGS:
            known = ", ".join(SETTINGS)
            raise click.ClickException(f"{path}: $.{key}: unknown setting (known: {known})")
        if not isinstance(value, str):
            raise click.ClickException(f"{path}: $.{key}: expected a string")
    return settings


# --------------------------------------------------------------------------- stores


def read_stores(store_paths: Sequence[str], query: Query | None = None) -> list[Store]:
    """The stores a command reads, in order; with a query, large stores may yield only
    the events that may answer it."""

    if store_paths:
        return [store_mod.load_path(p, cache=cache_dir, query=query) for p in store_paths]
    return store_mod.default_stores(user_store_path(), cache=cache_dir, query=query)


def load_events(store_paths: Sequence[str], query: Query | None = None) -> tuple[Event, ...]:
    """The events of the stores, merged; with a query, at least those that may answer it."""

    return store_mod.merge(read_stores(store_paths, query))


def write_target(target: str | None) -> tuple[Path, tuple[Event, ...]]:
    """The store a write goes to (``--store``, else yours) and the events of the stores
    read before it (the bundled one, for your store), which its ids may override."""
    from pathlib import Path

    if target:
        return Path(target), ()
    return user_store(), store_mod.bundled_store().events


def emit(output: bytes | str | RenderableType) -> None:
    """Print a result on standard output: text and bytes as they are, renderables with
    Rich (never interpreting markup in them); on a terminal, through the pager when it is
    longer than the screen (see :func:`pager_command`)."""
    pager = pager_command()
    if isinstance(output, (bytes, str)):
        if pager is None or not _page(pager, output):
            click.echo(output, nl=False)
        return
    from rich.console import Console

    # No cropping: a line that is longer than the terminal on purpose (a source's address
    # below a panel) is left whole, for the terminal to wrap; tables and panels still lay
    # out their cells to the width.
    console = Console(markup=False, highlight=False, emoji=False)
    if pager is None:
        console.print(output, crop=False)
        return
    with console.capture() as captured:  # the text with Rich's colours, as drawn
        console.print(output, crop=False)
    text = captured.get()
    if not _page(pager, text):
        click.echo(text, nl=False, color=True)


def pager_command() -> str | None:
    """The pager to use, as git chooses it: none unless standard output is a terminal
    (never in a pipe or for a file) and ``--no-pager`` is not given; then BILAT_PAGER,
    else PAGER, else ``less``. An empty value or ``cat`` means none."""
    if not sys.stdout.isatty():
        return None
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.find_root().meta.get("bilat.no_pager"):
        return None
    command = os.environ.get("BILAT_PAGER")
    if command is None:
        command = os.environ.get("PAGER", "less")
    command = command.strip()
    return None if command in ("", "cat") else command


def screen_lines() -> int | None:
    """The terminal's height in lines (LINES, else the terminal's own); None if unknown."""
    lines = os.environ.get("LINES", "")
    if lines.isdigit() and int(lines) > 0:
        return int(lines)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).lines or None
    except (OSError, ValueError):
        return None


def _page(pager: str, output: bytes | str) -> bool:
    """Show ``output`` in ``pager`` when it is longer than the screen; False when it is
    not (or the pager could not start), for the caller to print it directly."""
    height = screen_lines()
    lines = output.count(b"\n") if isinstance(output, bytes) else output.count("\n")
    if height is None or lines < height:  # the prompt takes a line too
        return False
    from bilat.cli import pager as pager_mod

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git: quit on one screen, colours, no screen clearing
    env.setdefault("LV", "-c")
    data = output if isinstance(output, bytes) else output.encode(_stdout_encoding(), "replace")
    sys.stdout.flush()
    return pager_mod.run(pager, data, env)


def _stdout_encoding() -> str:
    return getattr(sys.stdout, "encoding", None) or "utf-8"


def plain_tables() -> bool:
    """Whether tables go out as plain lines: when standard output is not a terminal and
    COLUMNS does not set a width (a pipe: one row per line, for grep and cut)."""

    return not os.environ.get("COLUMNS") and not sys.stdout.isatty()


def emit_listing(listing: Listing, fmt: str) -> None:
    """Print a listing in ``fmt`` (see bilat.render.formats.LISTING_WRITERS); tables as
    plain lines in a pipe (see plain_tables), else as wide as the terminal."""

    ctx = click.get_current_context(silent=True)
    raw = bool(ctx and ctx.find_root().meta.get("bilat.raw"))  # --raw, for CSV
    plain = plain_tables()
    emit(formats.listing_text(listing, fmt, _terminal_width, raw=raw, plain=plain))


def _terminal_width() -> int:
    from rich.console import Console

    return Console().width


def progress(label: str, quiet: bool = False) -> Callable[[int, int], None] | None:
    """A progress bar on standard error for long work, when it is a terminal and the
    output is not for a program (``quiet``); None otherwise (pipes stay silent)."""

    if quiet or not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    return update


def write_output(output: str, data: bytes, what: str) -> str:
    """Write ``data`` to the file ``output``, or to standard output for '-'; returns how
    to name where it went ("standard output" or the path)."""

    if output == "-":
        click.echo(data, nl=False)
        return t("standard output")
    try:
        with open(output, "wb") as f:
            f.write(data)
    except OSError as exc:
        reason = exc.strerror or exc
        message = t("{path}: cannot write the {what}: {reason}")
        raise click.ClickException(message.format(path=output, what=what, reason=reason)) from None
    return output
