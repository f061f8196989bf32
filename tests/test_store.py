"""Store files (bilat.store): loading a path, and the errors that name the file. The format
itself: tests/test_codec.py and tests/test_rules.py; writing and merging through the
commands: tests/cli/test_own_store.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bilat.domain import BilatError
from bilat.store import StoreError, load_path
from tests.helpers import event
from tests.helpers import store_text as store


def test_load_path(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text(store(event()), encoding="utf-8")
    loaded = load_path(path)
    assert loaded.name == str(path)
    assert [e.id for e in loaded.events] == [event()["id"]]
    assert load_path(str(path)).events == loaded.events


def test_load_path_names_the_file_in_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(store(event(date="2022-02-30")), encoding="utf-8")
    with pytest.raises(StoreError, match=r"\$\.events\[0\]\.date") as info:
        load_path(path)
    assert str(info.value).startswith(f"{path}: ")


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    with pytest.raises(StoreError, match="no such") as info:
        load_path(path)
    assert isinstance(info.value, BilatError)
    assert str(info.value).startswith(f"{path}: ")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory") as info:
        load_path(tmp_path)
    assert str(info.value).startswith(f"{tmp_path}: ")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.json"
    path.write_text(store(event()), encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(StoreError, match="permission denied") as info:
            load_path(path)
        assert str(info.value).startswith(f"{path}: ")
    finally:
        path.chmod(0o600)


def test_the_bundled_store_is_read_from_the_package_folder() -> None:
    from bilat import store as store_mod

    name, data = store_mod.read_bundled()
    assert Path(name) == Path(store_mod.__file__).parent / "data" / "events.json"
    assert data == Path(name).read_bytes()


def test_the_bundled_store_falls_back_to_importlib_resources(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # An installation where the module's folder holds no data file (a zip, say): the
    # same bytes come through importlib.resources.
    from bilat import store as store_mod

    _, expected = store_mod.read_bundled()
    monkeypatch.setattr(store_mod, "__file__", str(tmp_path / "store.py"))
    name, data = store_mod.read_bundled()
    assert not name.startswith(str(tmp_path))
    assert data == expected
