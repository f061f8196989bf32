"""The command table of ``bilat`` and the group that loads a command when it is asked for.

Only click is imported here: ``bilat --help`` lists the commands from :data:`COMMANDS`
without importing any of them, and a run imports the module of the one command it runs.
tests/cli/test_lazy.py fails when a command defined in ``bilat.cli`` is missing from the
table, or the table and the commands disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Any

import click

__all__ = ["COMMANDS", "LazyGroup"]

#: Every command, by name: the module of ``bilat.cli`` and the function that define it,
#: and the first paragraph of its help, which ``bilat --help`` shortens to one line.
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
    "schema": (
        "schema",
        "schema",
        "Print the JSON Schema of the store format, or write it to a file.",
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


class LazyGroup(click.Group):
    """A click group whose commands are named in a table (name -> module of ``package``,
    attribute, first paragraph of the help) and imported when one is asked for; the list
    of commands in the help is drawn from the table, so that listing imports none."""

    def __init__(
        self,
        *args: Any,
        lazy_commands: Mapping[str, tuple[str, str, str]] = COMMANDS,
        package: str = "bilat.cli",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands
        self.package = package

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.lazy_commands, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module, name, _ = self.lazy_commands[cmd_name]
            command = getattr(import_module(f"{self.package}.{module}"), name)
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names))
        rows = []
        for name in names:
            if name in self.lazy_commands:
                first = self.lazy_commands[name][2]
                text = click.Command(name, help=first).get_short_help_str(limit)
            else:  # a command added by hand (a plugin, a test)
                text = self.commands[name].get_short_help_str(limit)
            rows.append((name, text))
        with formatter.section("Commands"):
            formatter.write_dl(rows)
