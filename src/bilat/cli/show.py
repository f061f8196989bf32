"""One item in full: ``bilat show`` (an event) and ``bilat show-letter`` (a letter)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from bilat import domain
from bilat.cli.complete import event_ids
from bilat.cli.context import emit, emit_listing, load_events
from bilat.cli.options import (
    LISTING_FORMATS,
    ONE_FORMATS,
    YEAR,
    format_option,
    lang_option,
    pair_option,
    store_option,
)
from bilat.model import to_builtins
from bilat.render import formats, reports
from bilat.render.common import letter_json
from bilat.render.lang import t
from bilat.render.registers import letters_listing

if TYPE_CHECKING:
    from bilat.domain import Event


def find_event(events: Sequence[Event], event_id: str, hint: str) -> Event:
    """The event with this id, or a usage error that suggests close ids."""
    for event in events:
        if event.id == event_id:
            return event
    import difflib

    close = difflib.get_close_matches(event_id, [e.id for e in events], n=3)
    suggestion = t("; did you mean {ids}?").format(ids=", ".join(close)) if close else ""
    message = t("no event with id {id}").format(id=repr(event_id))
    raise click.BadParameter(message + suggestion, param_hint=hint)


@click.command()
@click.argument(
    "event_id", metavar="ID", shell_complete=lambda ctx, param, text: event_ids(ctx, text)
)
@store_option
@format_option(ONE_FORMATS, "text")
@lang_option
def show(event_id: str, store_paths: tuple[str, ...], fmt: str) -> None:
    """Show one event in full, with its sources and disputed dates.

    --format json prints the event as stored, plus its evidence: the strongest type
    among its sources (null when none states one).

    \b
    Examples:
      bilat show az-jp-diplomatic-relations
      bilat show az-embassy-tokyo --format json
    """
    from bilat.render import tables  # Rich: only for a table

    event = find_event(load_events(store_paths), event_id, "ID")
    emit(
        formats.item_text(
            fmt,
            json=lambda: {**to_builtins(event), "evidence": event.evidence},
            markdown=lambda: formats.event_markdown(event),
            panel=lambda: tables.event_panel(event),
        )
    )


@click.command("show-letter")
@click.argument(
    "letter_id",
    metavar="[ID]",
    required=False,
    shell_complete=lambda ctx, param, text: event_ids(ctx, text, letters=True),
)
@click.option("--list", "as_list", is_flag=True, help="List every matching letter.")
@pair_option("Only letters between these two countries.")
@click.option("--year", type=YEAR, help="Only letters of this year.")
@store_option
@format_option(("text", *LISTING_FORMATS), "text")
@lang_option
def show_letter(
    letter_id: str | None,
    as_list: bool,
    pair: tuple[str, ...],
    year: int | None,
    store_paths: tuple[str, ...],
    fmt: str,
) -> None:
    """Show a congratulatory letter, as a letter.

    With no ID: the most recent matching letter that has a text.

    \b
    Examples:
      bilat show-letter
      bilat show-letter --list --pair AZ JP
      bilat show-letter aliyev-letter-30th-anniversary --format markdown
    """
    from bilat.render import tables  # Rich: only for a table

    events = load_events(store_paths)
    found = domain.letters(events, pair=pair, year=year)
    if as_list:
        emit_listing(letters_listing(found), fmt)
        return
    if fmt == "csv":
        raise click.UsageError(t("--format csv lists letters: add --list"))
    footer = None
    if letter_id is not None:
        chosen = find_event(events, letter_id, "ID")
        if chosen.letter is None:
            message = t("{id} is a {kind} event, not a letter (see: {command})")
            raise click.BadParameter(
                message.format(
                    id=repr(letter_id), kind=chosen.kind, command=f"bilat show {letter_id}"
                ),
                param_hint="ID",
            )
    elif not found:
        raise click.ClickException(reports.no_letter(pair, year))
    else:
        chosen = domain.choose_letter(found)
        others = len(found) - 1
        if others:
            footer = reports.other_letters(others, pair, year)
    emit(
        formats.item_text(
            fmt,
            json=lambda: letter_json(chosen),
            markdown=lambda: formats.letter_markdown(chosen, footer),
            panel=lambda: tables.letter_panel(chosen, footer),
        )
    )
