"""'Today' is read in one place (bilat.cli.context.today) and is the local calendar date: at the
two ends of the date line, the same instant is two different days."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

SRC = str(Path(__file__).resolve().parent.parent / "src")
EAST, WEST = "Pacific/Kiritimati", "Pacific/Pago_Pago"  # UTC+14 and UTC-11


def as_of_in(zone: str, *command: str) -> tuple[str, str]:
    """The as_of a command reports with TZ=zone, and the local date there at that time
    (retried should the run straddle a midnight)."""
    env = {**os.environ, "TZ": zone, "PYTHONPATH": SRC}
    for _ in range(3):
        before = dt.datetime.now(ZoneInfo(zone)).date()
        done = subprocess.run(
            [sys.executable, "-m", "bilat", *command, "--format", "json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        after = dt.datetime.now(ZoneInfo(zone)).date()
        if before == after:
            return json.loads(done.stdout)["as_of"], before.isoformat()
    pytest.fail("could not get a run within one local day")


@pytest.mark.parametrize("zone", [EAST, WEST])
@pytest.mark.parametrize(
    "command", [("timeline", "AZ", "JP"), ("upcoming", "--days", "1"), ("relations", "AZ")]
)
def test_today_is_the_local_date(zone: str, command: tuple[str, ...]) -> None:
    reported, local = as_of_in(zone, *command)
    assert reported == local


def test_the_two_ends_of_the_date_line_are_different_days() -> None:
    east, _ = as_of_in(EAST, "timeline", "AZ", "JP")
    west, _ = as_of_in(WEST, "timeline", "AZ", "JP")
    gap = dt.date.fromisoformat(east) - dt.date.fromisoformat(west)
    assert gap.days in (1, 2)  # 25 hours apart: one day, or two for an hour each day


def test_the_core_never_reads_the_clock() -> None:
    """Only bilat.cli.context may read the clock: every other module takes 'today' as a
    parameter."""
    package = Path(SRC) / "bilat"
    modules = [p for p in package.rglob("*.py") if p != package / "cli" / "context.py"]
    assert len(modules) > 20
    for module in modules:
        text = module.read_text(encoding="utf-8")
        for call in ("today(", ".now(", "time.time(", "utcnow("):
            if module.parent.name == "cli" and call == "today(":
                text = text.replace("context.today(", "")
            assert call not in text, f"{module} reads the clock ({call})"
