"""Tab completion (bilat.cli.complete), driven as click's own tests drive it."""

from __future__ import annotations

import pytest
from click.shell_completion import ShellComplete

from bilat.cli import cli
from tests.helpers import MINI


def completions(args: list[str], incomplete: str) -> list[str]:
    complete = ShellComplete(cli, {}, "bilat", "_BILAT_COMPLETE")
    return [item.value for item in complete.get_completions(args, incomplete)]


def test_commands_and_kinds() -> None:
    assert "timeline" in completions([], "ti")
    assert completions(["timeline", "AZ", "JP", "--kind"], "emb") == [
        "embassy-opened",
        "embassy-raised",
        "embassy-closed",
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("az", "AZ"), ("AZE", "AZ"), ("japa", "JP"), ("cote", "CI"), ("türk", "TR")],
)
def test_countries_by_code_or_name(typed: str, expected: str) -> None:
    assert expected in completions(["timeline"], typed)
    assert expected in completions(["relations"], typed)
    assert expected in completions(["anniversary", "--country"], typed)


def test_event_and_letter_ids_from_the_stores_read() -> None:
    assert "az-jp-diplomatic-relations" in completions(["show"], "az-jp-d")
    letters = completions(["show-letter"], "")
    assert "aliyev-letter-30th-anniversary" in letters
    assert all(not i.endswith("diplomatic-relations") for i in letters)
    mini = completions(["show", "--store", str(MINI)], "")
    assert (mini and all(not i.startswith("aliyev") for i in mini)) or mini


def test_a_broken_store_completes_nothing() -> None:
    assert completions(["show", "--store", "/no/such/store.json"], "") == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script(shell: str) -> None:
    from click.testing import CliRunner

    env = {"_BILAT_COMPLETE": f"{shell}_source"}
    result = CliRunner().invoke(cli, [], prog_name="bilat", env=env)
    assert result.exit_code == 0
    assert "_BILAT_COMPLETE" in result.output
