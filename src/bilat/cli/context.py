"""What the commands take from the world: the clock, the environment, the user's folders,
the stores they read and write, and where their output goes.

This is the one place that reads the clock (:func:`today`) and the environment.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from rich.console import RenderableType

    from bilat.domain import Event, Query
    from bilat.render.listings import Listing
    from bilat.store import Store


def today() -> dt.date:
    """The local calendar date: the machine's time zone alone decides "today"."""
    import datetime as dt

    return dt.datetime.now().astimezone().date()


def now_utc() -> dt.datetime:
    """The current instant in UTC, to the second (a calendar's DTSTAMP)."""
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def user_folder(kind: str) -> str:
    """bilat's user ``data`` or ``cache`` folder, as platformdirs names it.

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

    found = platformdirs.user_data_dir if kind == "data" else platformdirs.user_cache_dir
    return found("bilat", appauthor=False)


#: The XDG variable of each user folder, and its default under the home folder.
XDG = {"data": ("XDG_DATA_HOME", "~/.local/share"), "cache": ("XDG_CACHE_HOME", "~/.cache")}


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


def read_stores(store_paths: Sequence[str], query: Query | None = None) -> list[Store]:
    """The stores a command reads, in order; with a query, large stores may yield only
    the events that may answer it."""
    from bilat import store as store_mod

    if store_paths:
        return [store_mod.load_path(p, cache=cache_dir, query=query) for p in store_paths]
    return store_mod.default_stores(user_store_path(), cache=cache_dir, query=query)


def load_events(store_paths: Sequence[str], query: Query | None = None) -> tuple[Event, ...]:
    """The events of the stores, merged; with a query, at least those that may answer it."""
    from bilat import store as store_mod

    return store_mod.merge(read_stores(store_paths, query))


def write_target(target: str | None) -> tuple[Path, tuple[Event, ...]]:
    """The store a write goes to (``--store``, else yours) and the events of the stores
    read before it (the bundled one, for your store), which its ids may override."""
    from pathlib import Path

    from bilat import store as store_mod

    if target:
        return Path(target), ()
    return user_store(), store_mod.bundled_store().events


def emit(output: bytes | str | RenderableType) -> None:
    """Print a result on standard output: text and bytes as they are, renderables with
    Rich (never interpreting markup in them)."""
    if isinstance(output, (bytes, str)):
        click.echo(output, nl=False)
        return
    from rich.console import Console

    # No cropping: a line that is longer than the terminal on purpose (a source's address
    # below a panel) is left whole, for the terminal to wrap; tables and panels still lay
    # out their cells to the width.
    Console(markup=False, highlight=False, emoji=False).print(output, crop=False)


def plain_tables() -> bool:
    """Whether tables go out as plain lines: when standard output is not a terminal and
    COLUMNS does not set a width (a pipe: one row per line, for grep and cut)."""
    import sys

    return not os.environ.get("COLUMNS") and not sys.stdout.isatty()


def emit_listing(listing: Listing, fmt: str) -> None:
    """Print a listing in ``fmt``; tables as plain lines in a pipe (see plain_tables)."""
    from bilat.render import formats

    if fmt in ("table", "text") and plain_tables():
        emit(formats.listing_plain(listing))
        return
    width = None
    if fmt in ("table", "text"):
        from rich.console import Console

        width = Console().width
    ctx = click.get_current_context(silent=True)
    raw = bool(ctx and ctx.find_root().meta.get("bilat.raw"))  # --raw, for CSV
    emit(formats.listing_text(listing, fmt, width, raw=raw))


def progress(label: str, quiet: bool = False) -> Callable[[int, int], None] | None:
    """A progress bar on standard error for long work, when it is a terminal and the
    output is not for a program (``quiet``); None otherwise (pipes stay silent)."""
    import sys

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
        return "standard output"
    try:
        with open(output, "wb") as f:
            f.write(data)
    except OSError as exc:
        reason = exc.strerror or exc
        raise click.ClickException(f"{output}: cannot write the {what}: {reason}") from None
    return output
