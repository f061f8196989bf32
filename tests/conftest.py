"""Shared fixtures: a CliRunner that lets bugs raise, and a fixed, isolated environment."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from bilat.cli import cli

DATA = Path(__file__).parent / "data"
#: Branch coverage each module of the core must keep (checked when run with coverage).
COVERAGE_FLOOR = {
    "domain.py": 90.0,
    "codec.py": 90.0,
    "rules.py": 90.0,
    "store.py": 90.0,
    "render/listings.py": 90.0,
    "render/formats.py": 90.0,
}
MINI = DATA / "mini.json"


@pytest.fixture(autouse=True)
def _isolated_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Deterministic output: no colour, a fixed width, no store from the environment, and a
    user data folder of the test's own (the real one is never touched)."""
    user_data = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("BILAT_DATA_DIR", str(user_data))
    monkeypatch.setenv("XDG_DATA_HOME", str(user_data / "xdg"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("BILAT_CACHE_DIR", str(user_data / "cache"))
    monkeypatch.delenv("BILAT_NO_CACHE", raising=False)
    monkeypatch.delenv("BILAT_STORE", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture
def run() -> Callable[..., Result]:
    """Invoke ``bilat`` with arguments; unexpected exceptions propagate to the test."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(cli, list(args), env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def mini(run: Callable[..., Result]) -> Callable[..., Result]:
    """Invoke ``bilat`` on the small test store."""

    def invoke(*args: str) -> Result:
        return run(*args, "--store", str(MINI))

    return invoke


@pytest.fixture
def make_store(tmp_path: Path) -> Callable[..., Path]:
    """Write a store file from a list of event dicts (or raw text) and return its path."""

    def write(events: list[dict[str, Any]] | str, name: str = "store.json") -> Path:
        path = tmp_path / name
        if isinstance(events, str):
            path.write_text(events, encoding="utf-8")
        else:
            path.write_text(json.dumps({"version": 1, "events": events}), encoding="utf-8")
        return path

    return write


def event(**fields: Any) -> dict[str, Any]:
    """A valid event dict, with ``fields`` overriding the defaults."""
    base: dict[str, Any] = {
        "id": "e-1",
        "date": "1992-09-07",
        "parties": ["AZ", "JP"],
        "kind": "diplomatic-relations",
        "title": "Diplomatic relations established",
        "sources": [{"title": "A source", "url": "https://example.org/"}],
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when a core module's coverage falls under its floor (pytest-cov's own
    fail_under only sees the total)."""
    plugin = session.config.pluginmanager.getplugin("_cov")
    cov = getattr(getattr(plugin, "cov_controller", None), "cov", None)
    if cov is None or exitstatus != 0:
        return
    import io

    reporter = session.config.pluginmanager.getplugin("terminalreporter")
    for name, floor in COVERAGE_FLOOR.items():
        files = [f for f in cov.get_data().measured_files() if f.endswith(f"bilat/{name}")]
        if not files:
            continue
        percent = cov.report(morfs=files, file=io.StringIO(), show_missing=False)
        if percent < floor:
            if reporter is not None:
                reporter.ensure_newline()
                reporter.write_line(f"FAIL: {name} coverage {percent:.1f}% is under {floor}%")
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
