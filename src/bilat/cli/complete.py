"""Tab completion of what users type most: countries, event and letter ids.

Click completes commands, options, kinds (a choice) and paths by itself; these add the
values it cannot know. Each runs only when the shell asks (``_BILAT_COMPLETE``), so
nothing here loads at a normal start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from click.shell_completion import CompletionItem

from bilat import countries as names
from bilat._country_table import NAMES
from bilat.cli.context import load_events
from bilat.vocab import BilatError

if TYPE_CHECKING:
    import click


def countries(incomplete: str) -> list[CompletionItem]:
    """Codes that start with what was typed, or whose English name does."""

    typed = incomplete.casefold()
    folded = names.fold(incomplete)
    found = []
    for code, name in NAMES.items():
        if code.casefold().startswith(typed) or (folded and names.fold(name).startswith(folded)):
            found.append(CompletionItem(code, help=name))
    return sorted(found, key=lambda item: (len(item.value), item.value))


def event_ids(
    ctx: click.Context, incomplete: str, *, letters: bool = False
) -> list[CompletionItem]:
    """Ids of the events in the stores the command would read (letters only, for
    ``show-letter``) that start with what was typed."""

    try:
        events = load_events(ctx.params.get("store_paths") or ())
    except BilatError:
        return []
    return [
        CompletionItem(e.id, help=e.title)
        for e in events
        if e.id.startswith(incomplete) and (not letters or e.kind == "letter")
    ]
