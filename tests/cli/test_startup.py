"""Starting ``bilat``: the version, the help of every command, the entry points, and what
``bilat --help`` imports (click and the command line only, none of the core)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bilat import __version__
from bilat.cli import cli
from tests.helpers import ROOT, SRC, Run


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_group_help(run: Run, flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    for name in cli.commands:
        assert name in result.output


@pytest.mark.parametrize("name", sorted(cli.commands))
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_an_example(run: Run, name: str, flag: str) -> None:
    command = cli.commands[name]
    assert command.help, f"{name} has no help"
    first = command.help.splitlines()[0]
    assert first.endswith("."), first
    result = run(name, flag)
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"bilat {name}" in result.output


def test_python_dash_m_entry_point() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "bilat", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in out.stdout


# --------------------------------------------------------------------------- what --help imports


#: Imported by ``bilat --help``: the package, the command line and the vocabularies; the
#: core (domain, store, render, ...) and its dependencies load only when a command runs.
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


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SRC)}


def _check_help_imports(modules: set[str]) -> None:
    ours = {m for m in modules if m.split(".")[0] == "bilat"}
    assert {"bilat", "bilat.cli"} <= ours, sorted(ours)
    unexpected = {m for m in ours if m not in HELP_MAY_IMPORT and not m.startswith("bilat.cli.")}
    assert not unexpected, sorted(unexpected)
    heavy = {m for m in modules if m.split(".")[0] in NEVER_FOR_HELP}
    assert not heavy, sorted(heavy)


def test_help_imports_only_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-c", HELP_THEN_MODULES],
        cwd=ROOT,
        env=_child_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    help_text, marker, modules = done.stdout.partition("--- sys.modules ---\n")
    assert marker, done.stdout
    assert "Usage: bilat" in help_text
    _check_help_imports(set(modules.split()))


def test_help_through_the_entry_point_imports_only_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bilat", "--help"],
        cwd=ROOT,
        env=_child_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Usage: " in done.stdout
    modules = {
        line.rpartition("|")[2].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "bilat.cli.options" in modules  # the import log was read
    _check_help_imports(modules - {"imported package"})
