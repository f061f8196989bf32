"""The ``bilat`` command: click wiring only, one module per command group.

This package is the one place that reads the clock and the environment
(:mod:`bilat.cli.context`), and :class:`BilatGroup` is the one place that turns
:class:`bilat.vocab.BilatError` into a one-line error (exit 1). Bad arguments are usage
errors (exit 2). Only click and the vocabularies are imported up front: a run imports
the module of the one command it runs (:data:`COMMANDS`), and the command imports the core
modules it uses when it runs.
"""

from __future__ import annotations

import gc
import os
from typing import Any

import click

from bilat import __version__
from bilat.vocab import BilatError

__all__ = ["COMMANDS", "cli", "main"]

#: Every command, by name: the module of ``bilat.cli`` and the function that define it,
#: and the first paragraph of its help, which ``bilat --help`` shortens to one line. A
#: run imports only the module of the command it runs; tests/cli/test_startup.py fails
#: when this table and the commands disagree.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "add": (
        "own_store",
        "add",
        "Add an event to your own store, validated exactly as the loader does.",
    ),
    "anniversary": (
        "milestones",
        "anniversary",
        "List the round anniversaries that fall in a year, by day.",
    ),
    "export": ("exports", "export", "Export anniversaries or events to other formats."),
    "import": ("imports", "import_", "Import events from other sources into your own store."),
    "relations": (
        "milestones",
        "relations",
        "List the partners of a country: relations established, years, next milestone.",
    ),
    "search": (
        "search",
        "search",
        "Find events whose text contains TEXT, ignoring case and accents.",
    ),
    "show": ("show", "show", "Show one event in full, with its sources and disputed dates."),
    "show-letter": ("show", "show_letter", "Show a congratulatory letter, as a letter."),
    "stores": (
        "own_store",
        "stores",
        "List the store files that are read, in order, with their event counts.",
    ),
    "timeline": (
        "timeline",
        "timeline",
        "List the events of a pair (or of one country), oldest first, or draw them.",
    ),
    "upcoming": (
        "milestones",
        "upcoming",
        "List the milestone anniversaries of the next N days, soonest first.",
    ),
    "validate": (
        "own_store",
        "validate",
        "Check stores and print every problem with its JSON path.",
    ),
}

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class OutputError(click.ClickException):
    """Standard output could not be written (a full disk, a closed terminal)."""


class BilatGroup(click.Group):
    """The one error path: every BilatError, usage error and output error becomes one
    'Error: ...' line on standard error, with control characters made visible (the
    message may quote a file name, a CSV header or a value), and exit status 1 (2 for
    usage errors); a reader that went away (`bilat ... | head`) ends the run quietly.

    The commands load when they are asked for (:data:`COMMANDS`), and the list of
    commands in ``bilat --help`` is drawn from the table, so that neither imports them."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            from importlib import import_module

            module, name, _ = COMMANDS[cmd_name]
            self.add_command(getattr(import_module(f"bilat.cli.{module}"), name), cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names))
        rows = []
        for name in names:
            if name in COMMANDS:
                text = click.Command(name, help=COMMANDS[name][2]).get_short_help_str(limit)
            else:  # a command added by hand (a plugin, a test)
                text = self.commands[name].get_short_help_str(limit)
            rows.append((name, text))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        # A command is one short run over data that lives until it ends and holds no
        # reference cycles: the cyclic collector would only rescan it, again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return super().invoke(ctx)
        except BilatError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            raise
        except OSError as exc:
            if exc.filename is not None:
                raise  # not the output: a bug to see, not to hide
            raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None
        finally:
            if collecting:
                gc.enable()

    def main(  # type: ignore[override]
        self, args: Any = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        if not extra.pop("standalone_mode", True):
            return super().main(args, prog_name, standalone_mode=False, **extra)
        import sys

        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.ClickException as exc:
            from bilat.text import clean

            exc.message = clean(exc.message)  # type: ignore[misc]
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        except BrokenPipeError:
            quiet_stdout()
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def quiet_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush of what
    the departed reader did not take raises nothing."""
    import sys

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


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
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()
        status = status or 1
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        with contextlib.suppress(OSError, ValueError):
            print(f"Error: cannot write the output: {reason}", file=sys.stderr)
        status = status or 1
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(status)
