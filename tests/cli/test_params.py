"""The parameter types the commands share (bilat.cli.params): a country by code or name,
a date at any precision or a full one, on a small click command."""

from __future__ import annotations

from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from bilat.cli.params import ANY_DATE, COUNTRY, FULL_DATE, YEAR
from bilat.domain import PartialDate
from tests.helpers import assert_usage_error

SEEN: list[dict[str, Any]] = []


@click.command()
@click.option("--country", "countries_", multiple=True, type=COUNTRY)
@click.option("--day", type=FULL_DATE)
@click.option("--date", type=ANY_DATE)
@click.option("--year", type=YEAR)
def probe(**found: Any) -> None:
    SEEN.append(found)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(probe, list(args), catch_exceptions=False)


def values(*args: str) -> dict[str, Any]:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return SEEN[-1]


def test_countries_by_code_or_name_in_any_case() -> None:
    found = values("--country", "aze", "--country", "Japan", "--country", "tr")
    assert found["countries_"] == ("AZ", "JP", "TR")
    assert COUNTRY.convert(7, None, None) == "7"  # not text: as it is


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-x", "expected a country, got the option '-x': a country is missing before it"),
        ("Azerbajan", "unknown country 'Azerbajan'; did you mean Azerbaijan (AZ)?"),
    ],
)
def test_countries_that_are_not(value: str, message: str) -> None:
    assert_usage_error(invoke("--country", value), "'--country'", message)


def test_dates_full_or_at_any_precision() -> None:
    found = values("--day", " 2020-01-02 ", "--date", "2020-05", "--year", "1992")
    assert (found["day"], found["date"]) == (PartialDate(2020, 1, 2), PartialDate(2020, 5))
    assert found["year"] == 1992
    assert values("--date", "1992")["date"] == PartialDate(1992)
    assert (FULL_DATE.name, ANY_DATE.name) == ("YYYY-MM-DD", "date")
    given = PartialDate(1992, 9)
    assert FULL_DATE.convert(given, None, None) is given  # a default, already parsed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--day", "2020-01"), "'2020-01' is not a full date: give YYYY-MM-DD"),
        (("--date", "2020-13"), "month 13 does not exist"),
        (("--year", "10000"), "10000 is not in the range 1<=x<=9999"),
    ],
)
def test_dates_that_are_not(args: tuple[str, ...], message: str) -> None:
    assert_usage_error(invoke(*args), message)
