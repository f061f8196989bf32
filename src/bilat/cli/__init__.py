"""The ``bilat`` command: click wiring only, one module per command group.

This package is the one place that reads the clock and the environment
(:mod:`bilat.cli.context`), and :class:`BilatGroup` is the one place that turns
:class:`bilat.vocab.BilatError` into a one-line error (exit 1). Bad arguments are usage
errors (exit 2). Only click and the vocabularies are imported up front: a run imports
the module of the one command it runs (:mod:`bilat.cli.lazy`), and the command imports the core
modules it uses when it runs.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import Any

import click

from bilat import __version__
from bilat.cli.lazy import COMMANDS, LazyGroup
from bilat.vocab import BilatError

__all__ = ["COMMANDS", "cli", "main"]

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class OutputError(click.ClickException):
    """Standard output could not be written (a full disk, a closed terminal)."""


class BilatGroup(LazyGroup):
    """The one error path: every BilatError, usage error and output error becomes one
    'Error: ...' line on standard error, with control characters made visible (the
    message may quote a file name, a CSV header or a value), and exit status 1 (2 for
    usage errors); a reader that went away (`bilat ... | head`) ends the run quietly.
    A group run without a command prints its help on standard output, as ``--help``
    does, and exits 2 (click's status for a missing command). The commands themselves
    load lazily (:class:`bilat.cli.lazy.LazyGroup`)."""

    def invoke(self, ctx: click.Context) -> Any:
        # A command is one short run over data that lives until it ends and holds no
        # reference cycles: the cyclic collector would only rescan it, again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return super().invoke(ctx)
        except BilatError as exc:
            raise click.ClickException(str(exc)) from None
        finally:
            if collecting:
                gc.enable()

    def main(  # type: ignore[override]
        self, args: Any = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        if not extra.pop("standalone_mode", True):
            return super().main(args, prog_name, standalone_mode=False, **extra)

        try:
            if sys.stdout is None:  # started with standard output closed (`>&-`)
                raise OutputError("cannot write the output: standard output is closed")
            try:
                code = self._run(args, prog_name, **extra)
            except BrokenPipeError:
                raise
            except OSError as exc:  # the command or an eager option (--help, --version)
                if exc.filename is not None:
                    raise  # not the output: a bug to see, not to hide
                quiet_stdout()  # what is left in the buffer cannot be written either
                raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None
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

    def _run(self, args: Any, prog_name: str | None, **extra: Any) -> Any:
        try:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # `bilat`, `bilat export`
            click.echo(exc.ctx.get_help(), color=exc.ctx.color)
            return exc.exit_code


def quiet_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush of what
    the departed reader did not take (or a full disk refused) raises nothing."""

    with contextlib.suppress(OSError, ValueError, AttributeError):  # not a file (tests)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


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
        if sys.stdout is not None:
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
