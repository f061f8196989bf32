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


def test_the_pairs_with_no_relations_from_either_side(tmp_path: Path) -> None:
    from bilat.store import bundled_no_relations

    assert ("AM", bundled_no_relations("AZ")[0][1]) == bundled_no_relations("AZ")[0]
    assert [code for code, _ in bundled_no_relations("AZ")][:2] == ["AM", "CF"]
    assert [code for code, _ in bundled_no_relations("AM")] == ["AZ"]  # the other side
    assert bundled_no_relations("AZ", str(tmp_path / "none.json")) == []
    bad = tmp_path / "bad.json"
    bad.write_text('[{"country": "AZ"}]', encoding="utf-8")
    with pytest.raises(StoreError, match=r"bad\.json: Object missing required field `partner`"):
        bundled_no_relations("AZ", str(bad))
    bad.write_text("[", encoding="utf-8")
    with pytest.raises(StoreError, match=r"bad\.json: not JSON"):
        bundled_no_relations("AZ", str(bad))
    with pytest.raises(StoreError, match="cannot read it"):
        bundled_no_relations("AZ", str(tmp_path))


def test_the_bundled_store_is_read_through_its_checked_index_while_its_stat_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bilat import store as store_mod
    from bilat.domain import Query

    query = Query(all_countries=("AZ", "JP"))
    first = store_mod.bundled_store(query, lambda: str(tmp_path))
    (kept,) = tmp_path.iterdir()
    os.utime(kept, (2e9, 2e9))  # written well after the store last changed
    monkeypatch.setattr(store_mod, "read_bundled", lambda: pytest.fail("read whole"))
    again = store_mod.bundled_store(query, lambda: str(tmp_path))
    assert again.events == first.events
    assert len(again.events) < 100
    os.utime(kept, (0, 0))  # a store changed after its index was kept: read whole
    with pytest.raises(pytest.fail.Exception, match="read whole"):
        store_mod.bundled_store(query, lambda: str(tmp_path))
