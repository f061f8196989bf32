"""Your own store: ``bilat stores``, ``add`` and ``validate``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from bilat import codec, writes
from bilat import store as store_mod
from bilat.cli import context
from bilat.cli.context import emit_listing, user_store, write_target
from bilat.cli.options import (
    ANY_DATE,
    COUNTRY,
    LISTING_FORMATS,
    check_distinct,
    format_option,
    store_option,
    target_option,
)
from bilat.inputs import read_input
from bilat.render import reports
from bilat.render.registers import stores_listing
from bilat.text import clean
from bilat.vocab import KINDS

if TYPE_CHECKING:
    from bilat.domain import PartialDate


@click.command()
@store_option
@format_option(LISTING_FORMATS, "table")
def stores(store_paths: tuple[str, ...], fmt: str) -> None:
    """List the store files that are read, in order, with their event counts.

    Later stores override earlier ones: an event with the same id replaces the earlier one.

    \b
    Examples:
      bilat stores
      BILAT_STORE=a.json:b.json bilat stores --format json
    """

    entries: list[tuple[int, str, int, str]] = []
    if store_paths:
        for i, path in enumerate(store_paths, 1):
            try:
                found = store_mod.load_path(path, cache=context.cache_dir)
            except store_mod.StoreError as exc:
                reason = str(exc).removeprefix(f"{path}: ")
                entries.append((i, path, 0, reports.not_read(reason)))
            else:
                entries.append((i, found.name, len(found.events), reports.READ))
    else:
        read = context.read_stores(())
        entries = [(i, s.name, len(s.events), reports.READ) for i, s in enumerate(read, 1)]
        user = user_store()
        if not user.is_file():
            entries.append((len(entries) + 1, str(user), 0, reports.NOT_CREATED))
    emit_listing(stores_listing(entries), fmt)


def _letter(
    author: str | None, recipient: str | None, text_file: str | None
) -> dict[str, str | None] | None:
    if not (author or recipient or text_file):
        return None
    if not (author and recipient):
        raise click.UsageError("a letter needs --letter-author and --letter-recipient")
    text = None
    if text_file:
        data = read_input(text_file, what="letter text file", limit=1 << 20)
        text = codec.decode_text(data, text_file)
    return {"author": author, "recipient": recipient, "text": text}


@click.command()
@click.option("--date", "date_", type=ANY_DATE, required=True, help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--end-date", type=ANY_DATE, help="Last day of an event that spans days.")
@click.option(
    "--parties", nargs=2, type=COUNTRY, required=True, metavar="A B", help="The two countries."
)
@click.option("--also", multiple=True, type=COUNTRY, help="A further party (repeatable).")
@click.option("--by", type=COUNTRY, help="The party that acted.")
@click.option("--kind", type=click.Choice(KINDS), metavar="KIND", required=True, help="Event kind.")
@click.option("--title", required=True, help="Short title.")
@click.option("--summary", help="A sentence or two, in your own words.")
@click.option("--place", help="Where it happened.")
@click.option("--note", help="A note, e.g. how a date was inferred.")
@click.option("--source-title", "source_titles", multiple=True, help="A source (repeatable).")
@click.option(
    "--source-url", "source_urls", multiple=True, help="The address of each --source-title."
)
@click.option("--letter-author", help="For a letter: who wrote it.")
@click.option("--letter-recipient", help="For a letter: to whom.")
@click.option(
    "--letter-text-file",
    type=click.Path(exists=True, dir_okay=False),
    help="For a letter: a UTF-8 text file with its full text.",
)
@click.option("--id", "event_id", help="The event's id (default: made from parties, kind, date).")
@click.option("--replace", is_flag=True, help="Overwrite an event with the same id.")
@target_option
def add(
    date_: PartialDate,
    end_date: PartialDate | None,
    parties: tuple[str, str],
    also: tuple[str, ...],
    by: str | None,
    kind: str,
    title: str,
    summary: str | None,
    place: str | None,
    note: str | None,
    source_titles: tuple[str, ...],
    source_urls: tuple[str, ...],
    letter_author: str | None,
    letter_recipient: str | None,
    letter_text_file: str | None,
    event_id: str | None,
    replace: bool,
    target: str | None,
) -> None:
    """Add an event to your own store, validated exactly as the loader does.

    Prints the id it wrote. Refuses an id that is taken (unless --replace) and an event
    that is already there under another id.

    \b
    Examples:
      bilat add --date 2025-10-01 --parties AZ MT --by AZ --kind embassy-opened \\
        --title "Embassy of Azerbaijan opens in Valletta" \\
        --source-title "MFA of Azerbaijan" --source-url https://mfa.gov.az/
    """

    all_parties = [*parties, *also]
    check_distinct(all_parties, "--parties/--also")
    if not source_titles:
        raise click.UsageError("give at least one source: --source-title T [--source-url U]")
    if source_urls and len(source_urls) != len(source_titles):
        raise click.UsageError("give one --source-url for each --source-title, or none")
    letter = _letter(letter_author, letter_recipient, letter_text_file)
    sources = [(t, source_urls[i] if source_urls else None) for i, t in enumerate(source_titles)]
    text = {"summary": summary, "place": place, "note": note}
    try:
        event = codec.new_event(
            title=title,
            id=event_id,
            date=date_.isoformat(),
            end_date=end_date.isoformat() if end_date else None,
            parties=all_parties,
            by=by,
            kind=kind,
            sources=sources,
            letter=letter,
            **text,
        )
    except store_mod.StoreError as exc:
        raise click.UsageError(f"invalid event: {exc}") from None
    path, others = write_target(target)
    result = writes.add_events(
        path,
        [event],
        others=others,
        replace=replace,
        new_ids={0} if event_id is None else (),
        today=context.today(),
    )
    click.echo(result.added[0].id)
    click.echo(reports.added_to(str(path)), err=True)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(), metavar="[PATH ...]", envvar="BILAT_STORE")
def validate(paths: tuple[str, ...]) -> None:
    """Check stores and print every problem with its JSON path.

    With no PATH: the stores commands read (BILAT_STORE, else the bundled store and yours).

    Beyond the format: a disputed date equal to the event's own, addresses that are not
    http(s), and future dates for kinds that cannot be in the future. Likely duplicates
    (same parties, kind and title on another date) are printed as warnings. Exit status 0
    when there is no problem (warnings or none), 1 otherwise.

    \b
    Examples:
      bilat validate
      bilat validate my-events.json other.json
    """

    if paths:
        files: list[tuple[str, bytes]] = [(p, store_mod.read_file(p)) for p in paths]
    else:
        files = [store_mod.read_bundled()]
        mine = user_store()
        if mine.is_file():
            files.append((str(mine), store_mod.read_file(mine)))
    reference = context.today()
    problems = 0
    for name, data in files:
        messages = store_mod.check(data, name, reference)
        problems += len(messages)
        for message in messages + store_mod.warnings(data, name):
            click.echo(clean(message))
        if not messages:
            click.echo(clean(reports.store_ok(name)))
    if problems:
        raise click.ClickException(reports.problems_found(problems))
