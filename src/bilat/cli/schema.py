"""``bilat schema``: the JSON Schema of the store format, for editors and validators."""

from __future__ import annotations

import json

import click

from bilat.cli.context import write_output
from bilat.cli.options import output_option
from bilat.codec import json_schema


@click.command()
@output_option(required=False, what=" the schema")
def schema(output: str) -> None:
    """Print the JSON Schema of the store format, or write it to a file.

    The schema is the one data/events.schema.json holds, generated from the loader's own
    types and rules. Written as events.schema.json beside a store, it is named by the
    store's "$schema" whenever bilat writes that store (your store, export json -o), so
    that editors validate the file as it is typed.

    \b
    Examples:
      bilat schema
      bilat schema -o events.schema.json
    """

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    where = write_output(output, text.encode("utf-8"), "schema")
    if output != "-":
        click.echo(f"JSON Schema written to {where}", err=True)
