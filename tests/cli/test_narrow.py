"""What keeps a world-sized listing readable (bilat.cli.narrow): the home country that
narrows a listing unless countries are named or --all is given, the country a command
takes when none is named, --evidence and --no-pager. On the commands themselves:
tests/cli/test_milestones.py, test_search.py, test_timeline.py, test_exports.py; the
pager: tests/cli/test_terminal.py."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from bilat.cli import narrow
from tests.helpers import assert_usage_error


def test_home_for_and_country_or_home(monkeypatch: pytest.MonkeyPatch) -> None:
    assert narrow.home_for((), all_countries=False) is None  # none set
    with pytest.raises(click.UsageError, match="Missing argument 'A': name a country"):
        narrow.country_or_home(None, "A")
    monkeypatch.setenv("BILAT_COUNTRY", "Japan")
    assert narrow.home_for((), (), all_countries=False) == "JP"
    assert narrow.home_for(("AZ",), all_countries=False) is None
    assert narrow.home_for((), all_countries=True) is None
    assert narrow.country_or_home(None, "A") == "JP"
    assert narrow.country_or_home("AZ", "A") == "AZ"


def test_evidence_and_no_pager_options() -> None:
    seen: list[object] = []

    @click.command()
    @narrow.evidence_option
    @narrow.no_pager_option
    @click.pass_context
    def probe(ctx: click.Context, evidence: str | None) -> None:
        seen.append((evidence, ctx.meta["bilat.no_pager"]))

    runner = CliRunner()
    assert runner.invoke(probe, []).exit_code == 0
    assert runner.invoke(probe, ["--evidence", "news", "--no-pager"]).exit_code == 0
    assert seen == [(None, False), ("news", True)]
    assert_usage_error(runner.invoke(probe, ["--evidence", "wiki"]), "'wiki' is not one of")
