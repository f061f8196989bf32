"""The README's examples are true: every ``$ bilat ...`` of a console block that shows its
output prints that output (``...`` stands for lines left out), and the quick start's row
is in ``bilat anniversary --year 2022``. The output of ``bilat import`` is left to the
importers' own tests (tests/cli/test_import_sources.py)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.helpers import ROOT, Run

README = (ROOT / "README.md").read_text(encoding="utf-8")


def examples() -> list[tuple[list[str], list[str]]]:
    """Each ``$ bilat`` command of a console block that is followed by its output, with
    that output; continuation lines joined, comments left out."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", README, re.DOTALL):
        lines = block.replace("\\\n", " ").splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("$ bilat "):
                continue
            output = []
            for following in lines[i + 1 :]:
                if following.startswith("$ "):
                    break
                output.append(following.rstrip())
            args = shlex.split(line[len("$ bilat ") :], comments=True)
            if output and args[0] != "import":
                found.append((args, output))
    return found


def shown_in(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` holds the runs of ``expected`` between its ``...`` lines, each
    run whole and in order; without ``...`` the two are the same."""
    if "..." not in expected:
        return expected == actual
    at = 0
    runs: list[list[str]] = [[]]
    for line in expected:
        if line == "...":
            runs.append([])
        else:
            runs[-1].append(line)
    for n, run in enumerate(runs):
        if not run:
            continue
        starts = [
            i for i in range(at, len(actual) - len(run) + 1) if actual[i : i + len(run)] == run
        ]
        if not starts or (n == 0 and starts[0] != 0):
            return False
        at = starts[0] + len(run)
    return runs[-1] == [] or at == len(actual)


def test_the_readme_shows_examples_with_their_output() -> None:
    commands = [" ".join(args[:2]) for args, _ in examples()]
    assert {"timeline AZ", "upcoming --as-of", "anniversary --year", "add --date"} <= set(commands)


@pytest.mark.parametrize(
    ("args", "output"), examples(), ids=[" ".join(args)[:50] for args, _ in examples()]
)
def test_every_example_prints_what_the_readme_shows(
    run: Run, args: list[str], output: list[str]
) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.output
    actual = [line.rstrip() for line in result.stdout.splitlines()]
    assert shown_in(output, actual), "\n".join(actual)


def test_the_matcher_finds_a_wrong_line() -> None:
    assert shown_in(["a", "...", "c"], ["a", "b", "c"])
    assert not shown_in(["a", "...", "d"], ["a", "b", "c"])
    assert not shown_in(["b", "..."], ["a", "b", "c"])
    assert not shown_in(["a"], ["a", "b"])


def test_the_quick_starts_row() -> None:
    """The 30th anniversary of Azerbaijan–Japan diplomatic relations, on Wednesday
    7 September 2022, is among the round anniversaries of 2022, as the quick start says."""
    said = (
        "30th anniversary of Azerbaijan–Japan diplomatic relations, on Wednesday 7 September 2022"
    )
    assert said in " ".join(README.split())


def test_the_quick_starts_row_is_printed(run: Run) -> None:
    out = run("anniversary", "--year", "2022").stdout
    rows = [line.split() for line in out.splitlines() if "Azerbaijan – Japan" in line]
    row = next(r for r in rows if r[:3] == ["2022-09-07", "Wed", "30th"])
    assert " ".join(row[3:]) == "Diplomatic relations Azerbaijan – Japan 1992-09-07"


def test_the_guides_import_prints_what_the_readme_shows(run: Run, user_store: Path) -> None:
    """The first line of ``bilat import rdcr`` into an empty store of your own, with the
    guide where the shared data lies beside the repository (skipped elsewhere)."""
    guide = ROOT.parent / "shared" / "data" / "rdcr"
    if not guide.is_dir():
        pytest.skip(f"the State Department's guide is not at {guide}")
    shown = README.split("$ bilat import rdcr rdcr/articles", 1)[1].splitlines()[1]
    result = run("import", "rdcr", str(guide))
    assert result.exit_code == 0, result.output
    first = " ".join(result.stderr.split("\n", 1)[0].split())
    assert first == shown.replace("~/.local/share/bilat/events.json", str(user_store))
