"""The options the commands share (bilat.cli.options), on small click commands built with
them: the callbacks of --pair, --as-of, --raw and --lang, the
milestone options as one value, and the checks and writing of pictures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from bilat.cli import context, options
from bilat.render import lang
from tests.helpers import assert_usage_error, event, load_text, store_text

Decorator = Callable[[Any], Any]


class Probe:
    """A command of the options given; keeps what each run received, and ctx.meta."""

    def __init__(self, *decorators: Decorator) -> None:
        self.seen: list[dict[str, Any]] = []

        @click.pass_context
        def body(ctx: click.Context, /, **found: Any) -> None:
            self.seen.append({**found, "meta": dict(ctx.meta)})

        for decorate in reversed(decorators):
            body = decorate(body)
        self.command = click.command()(body)

    def invoke(self, *args: str, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(self.command, list(args), env=env, catch_exceptions=False)

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
        result = self.invoke(*args, env=env)
        assert result.exit_code == 0, result.output
        return self.seen[-1]


VALUES = Probe(
    click.option("--country", "countries_", multiple=True, type=options.COUNTRY),
    click.option("--day", type=options.FULL_DATE),
    click.option("--date", type=options.ANY_DATE),
    options.pair_option("Two countries."),
    options.as_of_option(),
)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "2021-02-29"), "Feb 2021 has no day 29"),
        (("--as-of", "2021"), "is not a full date"),
    ],
)
def test_dates_that_are_not(args: tuple[str, ...], message: str) -> None:
    assert_usage_error(VALUES.invoke(*args), message)


def test_as_of_is_today_unless_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context, "today", lambda: dt.date(2030, 6, 15))
    assert VALUES()["as_of"] == dt.date(2030, 6, 15)
    assert VALUES("--as-of", "2020-02-29")["as_of"] == dt.date(2020, 2, 29)


def test_pair_is_two_distinct_countries() -> None:
    assert VALUES()["pair"] == ()
    assert VALUES("--pair", "jp", "Azerbaijan")["pair"] == ("JP", "AZ")
    assert_usage_error(
        VALUES.invoke("--pair", "AZ", "AZE"), "--pair: the same country (Azerbaijan)"
    )


def test_check_distinct() -> None:
    options.check_distinct(["AZ", "JP", "TR"], "x")
    options.check_distinct([], "x")
    with pytest.raises(click.UsageError, match=r"^timeline A B: the same country \(Japan\) twice$"):
        options.check_distinct(["JP", "JP"], "timeline A B")


def test_check_distinct_names_the_country_repeated() -> None:
    with pytest.raises(click.UsageError, match=r"\(Japan\)"):
        options.check_distinct(["AZ", "JP", "JP"], "--parties/--also")


def test_raw_only_beside_csv_and_kept_in_the_context() -> None:
    listing = Probe(options.format_option(options.LISTING_FORMATS, "table"))
    assert listing() == {"fmt": "table", "meta": {"bilat.raw": False, "bilat.no_pager": False}}
    assert listing("--format", "JSON")["fmt"] == "json"  # any case
    assert listing("--format", "csv", "--raw", "--no-pager") == {
        "fmt": "csv",
        "meta": {"bilat.raw": True, "bilat.no_pager": True},
    }
    aliased = Probe(options.format_option(("table", "press"), "table", text="press"))
    assert aliased("--format", "text")["fmt"] == "press"  # the command sees the format's name
    assert aliased("--format", "press")["fmt"] == "press"
    assert "text: the same as press" in aliased.invoke("--help").output
    one = Probe(options.format_option(options.ONE_FORMATS, "text"))
    assert_usage_error(one.invoke("--raw"), "No such option '--raw'")
    assert_usage_error(one.invoke("--format", "csv"), "'csv' is not one of")


def test_output_required_or_standard_output() -> None:
    assert Probe(options.output_option(required=False))()["output"] == "-"
    required = Probe(options.output_option(required=True, what=" the calendar"))
    assert_usage_error(required.invoke(), "Missing option '-o' / '--output'")
    assert required("-o", "out.ics")["output"] == "out.ics"
    help_text = required.invoke("--help").output
    assert "File to write the calendar to ('-' for standard output)." in help_text


def test_milestone_options_arrive_as_one_value() -> None:
    probe = Probe(options.milestone_options)
    defaults = probe()["milestones"]
    assert (defaults.every, defaults.countries, defaults.pair) == (5, (), ())
    assert (defaults.kinds, defaults.leap, defaults.evidence) == ((), "feb28", None)
    assert defaults.home is None
    given = probe(
        *("--every", "10", "--country", "Japan", "--pair", "AZ", "TR"),
        *("--kind", "letter", "--leap-day", "mar1", "--evidence", "news"),
    )["milestones"]
    assert (given.every, given.countries, given.pair) == (10, ("JP",), ("AZ", "TR"))
    assert (given.kinds, given.leap, given.evidence) == (("letter",), "mar1", "news")
    assert_usage_error(probe.invoke("--evidence", "blog"), "'blog' is not one of 'official',")
    assert_usage_error(probe.invoke("--every", "0"), "'--every'")


def test_milestones_leave_out_letters_unless_asked() -> None:
    letter = {"author": "A", "recipient": "B"}
    events = load_text(
        store_text(
            *(event(id="rel"), event(id="tr", parties=["AZ", "TR"])),
            event(id="mark", kind="anniversary-event", title="Thirty years"),
            event(id="ltr", kind="letter", title="L", letter=letter),
        )
    )

    def select(countries: Any = (), pair: Any = (), kinds: Any = ()) -> list[str]:
        chosen = options.Milestones(5, countries, pair, True, kinds, None, "feb28")
        return [e.id for e in chosen.select(events)]

    assert select() == ["rel", "tr"]
    assert select(kinds=("letter", "anniversary-event")) == ["mark", "ltr"]
    assert select(countries=("TR",)) == ["tr"]
    assert select(pair=("AZ", "JP")) == ["rel"]


def test_milestones_take_the_home_country_unless_countries_are_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BILAT_COUNTRY", "TR")
    probe = Probe(options.milestone_options)
    home = probe()["milestones"]
    assert (home.home, home.countries, home.pair) == ("TR", ("TR",), ())
    for named in (("--country", "JP"), ("--pair", "AZ", "JP"), ("--all",)):
        chosen = probe(*named)["milestones"]
        assert chosen.home is None
        assert "TR" not in chosen.countries


@pytest.mark.parametrize(
    ("fmt", "output", "width", "error"),
    [
        ("table", "-", None, "-o is for --format svg or png"),
        ("json", None, 800, "--width is for --format svg or png"),
    ],
)
def test_picture_options_need_a_picture_format(
    fmt: str, output: str | None, width: int | None, error: str
) -> None:
    with pytest.raises(click.UsageError, match=error):
        options.check_picture_options(fmt, output, width)
    options.check_picture_options("svg", output, width)
    options.check_picture_options("png", "out.png", width)
    options.check_picture_options(fmt, None, None)


def test_svg_width() -> None:
    assert options.svg_width("svg", 800) == 800
    assert options.svg_width("svg", None) == 1600
    assert options.svg_width("png", 800) == 1600  # drawn at its own size, rendered at 800


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="9"/></svg>'


@pytest.mark.parametrize(("fmt", "start"), [("svg", b"<svg"), ("png", b"\x89PNG")])
def test_write_picture(tmp_path: Path, fmt: str, start: bytes) -> None:
    draw = click.command()(lambda: options.write_picture(SVG, fmt, output, 400))
    output: str | None = str(tmp_path / f"p.{fmt}")
    result = CliRunner().invoke(draw, catch_exceptions=False)
    assert result.stderr == f"{fmt.upper()} picture written to {output}\n"
    assert (tmp_path / f"p.{fmt}").read_bytes().startswith(start)
    output = None  # standard output, said by no message
    result = CliRunner().invoke(draw, catch_exceptions=False)
    assert result.stdout_bytes.startswith(start)
    assert result.stderr == ""


@pytest.mark.parametrize("value", ["en", "EN", "en_US", "en-us", ""])
def test_english_is_the_built_in_text(value: str) -> None:
    lang.use("ja")
    assert Probe(options.lang_option)("--lang", value) == {"meta": {}}
    assert lang.current() is None


def test_another_language_from_the_option_or_the_environment() -> None:
    probe = Probe(options.lang_option)
    assert probe("--lang", "ja")["meta"] == {"bilat.lang": "ja"}
    assert lang.current_code() == "ja"
    assert probe(env={"BILAT_LANG": "pt-BR"})["meta"] == {"bilat.lang": "pt_BR"}
    result = probe.invoke("--lang", "xx-nowhere")
    assert_usage_error(result, "Invalid value for '--lang'", "unknown language 'xx-nowhere'")
