"""Which stores a command reads: --store, or the BILAT_STORE list (a later store wins over
an earlier one); and where the user's own store and the index cache live."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs
import pytest

from bilat import store as store_mod
from bilat.cli import context
from tests.helpers import MINI, Run, assert_data_error, assert_usage_error, event


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
        {
            "HOME": "/home/ada",
            "XDG_DATA_HOME": "/data",
            "XDG_CACHE_HOME": "/tmp/c/",
            "XDG_CONFIG_HOME": "/etc/x",
        },
        {
            "HOME": "/home/ada",
            "XDG_DATA_HOME": "relative",
            "XDG_CACHE_HOME": "",
            "XDG_CONFIG_HOME": "rel",
        },
        {"HOME": "relative/home"},  # platformdirs' own fallback: the password database
        {},
    ],
)
@pytest.mark.parametrize("kind", ["data", "cache", "config"])
def test_user_folders_are_platformdirs_folders(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], kind: str
) -> None:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "ANDROID_DATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    found = {
        "data": platformdirs.user_data_path,
        "cache": platformdirs.user_cache_path,
        "config": platformdirs.user_config_path,
    }[kind]
    expected = found("bilat", appauthor=False)
    assert Path(context.user_folder(kind)) == expected


# --------------------------------------------------------------------------- home country


def write_config(text: str) -> Path:
    path = Path(context.config_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_config_file_is_in_bilat_config_dir_else_the_user_config_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BILAT_CONFIG_DIR", str(tmp_path))
    assert context.config_path() == str(tmp_path / "config.json")
    monkeypatch.delenv("BILAT_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    if sys.platform == "linux":
        assert context.config_path() == str(tmp_path / "xdg" / "bilat" / "config.json")


def test_no_home_country_unless_set() -> None:
    assert context.home_country() is None  # no variable, no file


def test_home_country_from_the_environment_and_the_config_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_config('{"country": "Japan"}')
    assert context.home_country() == context.Home("JP", str(path))
    monkeypatch.setenv("BILAT_COUNTRY", "kaz")  # the variable wins
    assert context.home_country() == context.Home("KZ", "BILAT_COUNTRY")
    monkeypatch.setenv("BILAT_COUNTRY", " ")  # set but empty: none, whatever the file says
    assert context.home_country() is None
    write_config("{}")
    monkeypatch.delenv("BILAT_COUNTRY")
    assert context.home_country() is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"country": "Kazakstan"}', "$.country: unknown country 'Kazakstan'; did you mean"),
        ('{"country": 7}', "$.country: expected a string"),
        ('{"country": "KZ", "colour": "red"}', "$.colour: unknown setting (known: country)"),
        ('["KZ"]', '$: expected an object such as {"country": "KZ"}'),
        ('{"country": "KZ",\n}', "invalid JSON at line 2, column 1: trailing comma"),
        ("\xff", "invalid JSON: "),
        ("[" * 10_000, "JSON nested too deeply"),
    ],
)
def test_a_bad_config_file_is_one_error_naming_the_file_and_place(
    run: Run, text: str, problem: str
) -> None:
    path = write_config(text)
    if text == "\xff":
        path.write_bytes(b"\xff")
    result = run("anniversary", "--year", "2022")
    assert_data_error(result, f"{path}: {problem}")


def test_an_unreadable_config_is_one_error(run: Run) -> None:
    path = write_config("{}")
    path.unlink()
    path.mkdir()  # a folder where the file should be
    assert_data_error(run("upcoming"), f"{path}: cannot read the config file")


def test_a_bad_home_country_variable_is_a_usage_error(run: Run) -> None:
    result = run("anniversary", env={"BILAT_COUNTRY": "Kazakstan"})
    assert_usage_error(result, "BILAT_COUNTRY: unknown country 'Kazakstan'")


def test_a_config_file_is_not_read_when_countries_are_named(run: Run) -> None:
    write_config("not json")
    result = run("anniversary", "--year", "2022", "--country", "JP", "--format", "json")
    assert result.exit_code == 0, result.output
    assert run("anniversary", "--year", "2022", "--all", "--format", "json").exit_code == 0
    # A table orders each pair from the home country's side (--from's default): it reads
    # the file, and says what is wrong with it.
    table = run("anniversary", "--year", "2022", "--all")
    assert table.exit_code == 1
    assert "config.json" in table.stderr
