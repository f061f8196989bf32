"""Shared fixtures: a CliRunner that lets bugs raise, a fixed, isolated environment, your
own store, and a large store for the index. Shared helpers live in tests/helpers.py."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from bilat.cli import cli
from tests.helpers import MINI, gen_store_module

#: Branch coverage each module of the core must keep (checked when run with coverage).
COVERAGE_FLOOR = {
    "domain.py": 90.0,
    "codec.py": 90.0,
    "rules.py": 90.0,
    "store.py": 90.0,
    "render/listings.py": 90.0,
    "render/formats.py": 90.0,
}


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
    monkeypatch.delenv("BILAT_LANG", raising=False)
    # No home country and no pager from the developer's own setup.
    monkeypatch.setenv("BILAT_CONFIG_DIR", str(user_data / "config"))
    for name in ("BILAT_COUNTRY", "BILAT_PAGER", "PAGER", "LESS", "LINES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    from bilat.render import lang

    lang.use(None)  # every test starts in English, whatever an earlier one chose
    lang.set_home(None)


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


@pytest.fixture
def user_store() -> Path:
    """Where ``bilat add`` writes by default: your own store, in the test's data folder."""
    return Path(os.environ["BILAT_DATA_DIR"]) / "events.json"


@pytest.fixture
def speak() -> Iterator[None]:
    """For a test that switches the language: English again afterwards."""
    yield
    from bilat.render import lang

    lang.use(None)


@pytest.fixture(scope="session")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic store of 1,500 events (the benchmark's generator); never written to."""
    path = tmp_path_factory.mktemp("big") / "big.json"
    gen_store_module().generate(1500, 7, path)
    return path


@pytest.fixture
def index_every_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Index stores of any size (``pytestmark = pytest.mark.usefixtures(...)``)."""
    from bilat import store

    monkeypatch.setattr(store, "INDEX_MIN_BYTES", 0)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when a core module's coverage falls under its floor (pytest-cov's own
    fail_under only sees the total)."""
    if hasattr(session.config, "workerinput"):
        return  # a pytest-xdist worker: the controller checks the combined coverage
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
