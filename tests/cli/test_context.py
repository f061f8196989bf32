"""Which stores a command reads: --store, or the BILAT_STORE list (a later store wins over
an earlier one); and where the user's own store and the index cache live."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import platformdirs
import pytest

from bilat import store as store_mod
from bilat.cli import context
from tests.helpers import MINI, Run, event


def test_store_from_environment(run: Run, make_store: Callable[..., Path]) -> None:
    path = make_store([event(id="env-event")])
    result = run("show", "env-event", "--format", "json", env={"BILAT_STORE": str(path)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["id"] == "env-event"


def test_store_option_wins_over_environment(run: Run, make_store: Callable[..., Path]) -> None:
    env_path = make_store([event(id="from-env")], name="env.json")
    result = run(
        "show", "az-jp-relations", "--store", str(MINI), env={"BILAT_STORE": str(env_path)}
    )
    assert result.exit_code == 0


def test_store_list_from_environment(run: Run, tmp_path: Path) -> None:
    a = tmp_path / "a.json"
    b = tmp_path / "b.json"
    a.write_bytes(store_mod.dumps([store_mod.event_from_dict(event(id="x", title="From A"))]))
    b.write_bytes(store_mod.dumps([store_mod.event_from_dict(event(id="x", title="From B"))]))
    env = {"BILAT_STORE": os.pathsep.join([str(a), str(b)])}
    doc = json.loads(run("show", "x", "--format", "json", env=env).output)
    assert doc["title"] == "From B"  # the later store wins
    doc = json.loads(run("stores", "--format", "json", env=env).output)
    assert [s["path"] for s in doc["stores"]] == [str(a), str(b)]


@pytest.mark.parametrize(
    "env",
    [
        {"HOME": "/home/ada"},
        {"HOME": "/home/ada/"},
        {"HOME": "/"},
        {"HOME": "/home/ada", "XDG_DATA_HOME": "/data", "XDG_CACHE_HOME": "/tmp/c/"},
        {"HOME": "/home/ada", "XDG_DATA_HOME": "relative", "XDG_CACHE_HOME": ""},
        {"HOME": "relative/home"},  # platformdirs' own fallback: the password database
        {},
    ],
)
@pytest.mark.parametrize("kind", ["data", "cache"])
def test_user_folders_are_platformdirs_folders(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], kind: str
) -> None:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "ANDROID_DATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    expected = (platformdirs.user_data_path if kind == "data" else platformdirs.user_cache_path)(
        "bilat", appauthor=False
    )
    assert Path(context.user_folder(kind)) == expected
