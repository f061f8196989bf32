"""The lazy command table: every click command defined in ``bilat.cli`` is reachable from
the ``bilat`` group, the table agrees with the commands it names, and the help lists them
as click would, without importing them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import click
import pytest

import bilat.cli
from bilat.cli import BilatGroup, cli
from bilat.cli.lazy import COMMANDS


def all_commands() -> dict[str, click.Command]:
    """Every command of ``bilat``, loaded."""
    with click.Context(cli) as ctx:
        found = {name: cli.get_command(ctx, name) for name in cli.list_commands(ctx)}
    return {name: command for name, command in found.items() if command is not None}


def defined_commands() -> dict[str, click.Command]:
    """Every click command (and group) that a module of ``bilat.cli`` defines, found by
    importing each module, not by reading the table."""
    found: dict[str, click.Command] = {}
    for info in pkgutil.iter_modules(bilat.cli.__path__, "bilat.cli."):
        module = importlib.import_module(info.name)
        for attribute, value in vars(module).items():
            if isinstance(value, click.Command):
                found.setdefault(f"{info.name}.{attribute}", value)
    return found


def reachable(group: click.Group) -> list[click.Command]:
    """Every command that ``bilat ...`` can run: the group, its commands and theirs."""
    seen: list[click.Command] = [group]
    for command in seen:
        if isinstance(command, click.Group):
            with click.Context(command) as ctx:
                for name in command.list_commands(ctx):
                    sub = command.get_command(ctx, name)
                    assert sub is not None, name
                    if all(sub is not other for other in seen):
                        seen.append(sub)
    return seen


def unreachable(group: click.Group) -> list[str]:
    found = reachable(group)
    return sorted(
        where
        for where, command in defined_commands().items()
        if all(command is not other for other in found)
    )


def test_every_command_defined_in_bilat_cli_is_reachable() -> None:
    assert len(defined_commands()) > len(COMMANDS)  # the subcommands of export and import
    assert unreachable(cli) == []


def test_a_command_left_out_of_the_table_is_found() -> None:
    """The check above can fail: a group whose table lacks `schema` leaves it out."""
    table = {name: row for name, row in COMMANDS.items() if name != "schema"}
    partial = BilatGroup("bilat", lazy_commands=table)
    assert unreachable(partial) == ["bilat.cli.schema.schema"]


def test_the_command_table_is_every_command_with_its_help() -> None:
    import importlib

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
