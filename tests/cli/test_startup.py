"""Starting ``bilat``: the version, the help of every command, the entry points, and what
``bilat --help`` imports (click and the command line only, none of the core)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from bilat import __version__
from bilat.cli import cli
from bilat.cli.lazy import COMMANDS
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


@pytest.mark.parametrize("args", [[], ["export"], ["import"]])
def test_a_group_without_a_command_prints_its_help_on_stdout(run: Run, args: list[str]) -> None:
    """As `--help` prints it (one line per line, on stdout), with click's status for a
    group run without its command (2)."""
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == ""
    assert result.stdout == run(*args, "--help").stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith(" ".join(["Usage:", "cli", *args, "[OPTIONS] COMMAND"]))
    assert "Commands:" in lines


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
HELP_MAY_IMPORT = ("bilat", "bilat.cli", "bilat.cli.lazy", "bilat.vocab")
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


def _python(*args: str, **more: str) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter on the source tree, as a user's would start."""
    env = {**os.environ, "PYTHONPATH": str(SRC), **more}
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


def test_a_command_imports_no_other_command_and_nothing_it_does_not_need(
    tmp_path: Path,
) -> None:
    """The cold JSON job (the bundled store through its shipped index): no other command's
    module, and none of what only other jobs need (tables, paths, hashes, temp files).
    Once the shipped index, checked against the store's bytes, is kept in the cache with
    the store's stat, later runs read only the events they need: they check the kept copy's
    digest (hashlib) but write nothing (no tempfile)."""
    code = (
        "import sys; from bilat.cli import cli\n"
        "try: cli(['anniversary', '--year', '2022', '--format', 'json'])\n"
        "except SystemExit: print('\\n'.join(sys.modules))"
    )
    done = _python("-c", code, BILAT_NO_CACHE="1")
    loaded = set(done.stdout.splitlines())
    assert "bilat.cli.milestones" in loaded
    assert not loaded & {"bilat.cli.exports", "bilat.cli.imports", "bilat.cli.show"}
    if sys.platform == "linux":
        unneeded = {"rich", "pathlib", "hashlib", "tempfile", "platformdirs", "rich.console"}
        assert not loaded & unneeded, sorted(loaded & unneeded)
        cache = str(tmp_path / "cache")
        _python("-c", code, BILAT_CACHE_DIR=cache)  # keeps the checked index
        os.utime(os.path.join(cache, os.listdir(cache)[0]), (2e9, 2e9))  # written "later"
        warm = set(_python("-c", code, BILAT_CACHE_DIR=cache).stdout.splitlines())
        assert "bilat.cli.milestones" in warm
        assert not warm & (unneeded - {"hashlib"}), sorted(warm & unneeded)


def test_only_the_wikipedia_import_loads_the_wikitext_parser() -> None:
    """mwparserfromhell (tens of milliseconds) is for `bilat import wikipedia` alone:
    another import (csv here) never loads it, nor the Wikipedia importer."""
    code = (
        "import sys; from bilat.cli import cli\n"
        "try: cli(['import', 'csv', '--help'])\n"
        "except SystemExit: print('\\n'.join(sys.modules))"
    )
    loaded = set(_python("-c", code).stdout.splitlines())
    assert "bilat.cli.imports" in loaded
    assert not {m for m in loaded if m.split(".")[0] == "mwparserfromhell"}
    assert "bilat.importers.wikipedia" not in loaded
