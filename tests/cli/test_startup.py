"""Starting ``bilat``: the version, the help of every command, the entry points, and what
``bilat --help`` imports (click and the command line only, none of the core)."""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest

from bilat import __version__
from bilat.cli import COMMANDS, BilatGroup, cli
from tests.helpers import ROOT, SRC, Run


def all_commands() -> dict[str, click.Command]:
    """Every command of ``bilat``, loaded."""
    with click.Context(cli) as ctx:
        found = {name: cli.get_command(ctx, name) for name in cli.list_commands(ctx)}
    return {name: command for name, command in found.items() if command is not None}


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_group_help(run: Run, flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    for name in all_commands():
        assert name in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_an_example(run: Run, name: str, flag: str) -> None:
    command = all_commands()[name]
    assert command.help, f"{name} has no help"
    first = command.help.splitlines()[0]
    assert first.endswith("."), first
    result = run(name, flag)
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"bilat {name}" in result.output


def test_the_command_table_is_every_command_with_its_help() -> None:
    import importlib
    import inspect

    assert COMMANDS.keys() == all_commands().keys()
    for name, (module, attribute, first) in COMMANDS.items():
        command = all_commands()[name]
        assert getattr(importlib.import_module(f"bilat.cli.{module}"), attribute) is command
        assert command.short_help is None
        assert first == inspect.cleandoc(command.help or "").split("\n\n")[0]


@pytest.mark.parametrize("width", [40, 60, 80, 100])
def test_the_list_of_commands_is_what_click_would_print(width: int) -> None:
    eager = click.Group("bilat", commands=all_commands())
    shown = []
    for group in (cli, eager):
        formatter = click.HelpFormatter(width=width)
        with click.Context(group) as ctx:
            group.format_commands(ctx, formatter)
        shown.append(formatter.getvalue())
    assert shown[0] == shown[1]
    assert "anniversary" in shown[0]


def test_a_command_added_by_hand_is_listed_and_runs() -> None:
    group = BilatGroup("bilat")
    group.add_command(click.Command("hello", help="Say hello.", callback=lambda: None))
    formatter = click.HelpFormatter(width=80)
    with click.Context(group) as ctx:
        group.format_commands(ctx, formatter)
        assert group.get_command(ctx, "hello") is not None
        assert group.get_command(ctx, "nosuch") is None
    assert "hello        Say hello." in formatter.getvalue()


def test_python_dash_m_entry_point() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "bilat", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in out.stdout


# --------------------------------------------------------------------------- what --help imports


#: Imported by ``bilat --help``: the package, the command group and the vocabularies; the
#: commands, the core (domain, store, render, ...) and its dependencies load only when a
#: command runs.
HELP_MAY_IMPORT = ("bilat", "bilat.cli", "bilat.vocab")
NEVER_FOR_HELP = ("rich", "msgspec", "dateutil")

HELP_THEN_MODULES = """
import sys
from bilat.cli import cli
try:
    cli(["--help"], prog_name="bilat")
except SystemExit as done:
    assert done.code == 0, done.code
print("--- sys.modules ---")
print("\\n".join(sorted(sys.modules)))
"""


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter on the source tree, as a user's would start."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )


def _check_help_imports(modules: set[str]) -> None:
    ours = {m for m in modules if m.split(".")[0] == "bilat"}
    assert {"bilat", "bilat.cli"} <= ours, sorted(ours)
    unexpected = {m for m in ours if m not in HELP_MAY_IMPORT}
    assert not unexpected, sorted(unexpected)
    heavy = {m for m in modules if m.split(".")[0] in NEVER_FOR_HELP}
    assert not heavy, sorted(heavy)


def test_help_imports_only_the_command_line() -> None:
    done = _python("-c", HELP_THEN_MODULES)
    help_text, marker, modules = done.stdout.partition("--- sys.modules ---\n")
    assert marker, done.stdout
    assert "Usage: bilat" in help_text
    _check_help_imports(set(modules.split()))


def test_help_through_the_entry_point_imports_only_the_command_line() -> None:
    done = _python("-X", "importtime", "-m", "bilat", "--help")
    assert "Usage: " in done.stdout
    modules = {
        line.rpartition("|")[2].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "click.core" in modules  # the import log was read
    _check_help_imports(modules - {"imported package"})


def test_a_command_imports_no_other_command_and_nothing_it_does_not_need() -> None:
    """The cold JSON job (the bundled store through its shipped index): no other command's
    module, and none of what only other jobs need (tables, paths, hashes, temp files)."""
    code = (
        "import sys; from bilat.cli import cli\n"
        "try: cli(['anniversary', '--year', '2022', '--format', 'json'])\n"
        "except SystemExit: print('\\n'.join(sys.modules))"
    )
    done = _python("-c", code)
    loaded = set(done.stdout.splitlines())
    assert "bilat.cli.milestones" in loaded
    assert not loaded & {"bilat.cli.exports", "bilat.cli.imports", "bilat.cli.show"}
    if sys.platform == "linux":
        unneeded = {"rich", "pathlib", "hashlib", "tempfile", "platformdirs", "rich.console"}
        assert not loaded & unneeded, sorted(loaded & unneeded)
