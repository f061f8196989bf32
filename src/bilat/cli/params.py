"""The parameter types the commands share: a country (a code or a name, completed from
the names), a date (at any precision, or a full one) and a year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from bilat import countries
from bilat.dates import PartialDate
from bilat.render import lang
from bilat.render.langs.names import resolve_name

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem


class CountryType(click.ParamType):
    """A country as alpha-2, alpha-3 or English name, in any case."""

    name = "country"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:

        if not isinstance(value, str):
            return str(value)
        if value.startswith("-") and len(value) > 1:
            self.fail(
                f"expected a country, got the option {value!r}: a country is missing before it",
                param,
                ctx,
            )
        try:
            return countries.resolve(value)
        except countries.UnknownCountry as exc:
            found = resolve_name(value)  # a name in a catalogued language: Yaponiya, 日本
            if found is None:
                self.fail(_unknown_country(exc), param, ctx)
            return found

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:

        from bilat.cli import complete  # only when the shell asks

        return complete.countries(incomplete)


def _unknown_country(exc: countries.UnknownCountry) -> str:
    """The message of an unknown country, in the reader's language."""
    if lang.current() is None:
        return str(exc)
    message = lang.t("unknown country {text}").format(text=repr(exc.text))
    if exc.suggestions:
        return message + lang.t("; did you mean {ids}?").format(ids=", ".join(exc.suggestions))
    return message


class DateType(click.ParamType):
    """An ISO date; ``full`` requires the day, otherwise YYYY or YYYY-MM will do."""

    def __init__(self, *, full: bool) -> None:
        self.full = full
        self.name = "YYYY-MM-DD" if full else "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> PartialDate:

        if isinstance(value, PartialDate):
            return value
        try:
            date = PartialDate.parse(str(value).strip())
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        if self.full and date.precision != "day":
            self.fail(f"{value!r} is not a full date: give YYYY-MM-DD", param, ctx)
        return date


COUNTRY = CountryType()
FULL_DATE = DateType(full=True)
ANY_DATE = DateType(full=False)
YEAR = click.IntRange(1, 9999)
