"""Writing stores (bilat.writes): atomic replacement and what a
failed write leaves behind, the lock beside a store, symbolic links and stale temporary
files, and the rules of adding and importing events. The commands that write, and
concurrent and killed writers: tests/cli/test_own_store.py."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from bilat import writes
from bilat.store import load_path
from bilat.vocab import StoreError
from bilat.writes import add_events, import_events, locked, write_atomic
from tests.helpers import event, store_text
from tests.helpers import make_event as make


def ids(path: Path) -> list[str]:
    return [e.id for e in load_path(path).events]


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


VISIT = {"kind": "visit", "date": "2020", "title": "A visit"}


def test_write_atomic_replaces_the_file_and_keeps_its_mode(tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    store.write_bytes(b"old")
    store.chmod(0o600)
    write_atomic(store, b"new")
    assert store.read_bytes() == b"new"
    assert store.stat().st_mode & 0o777 == 0o600
    assert names(tmp_path) == ["events.json"]  # no temporary file left


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "events.json", b"{}")
    finally:
        os.umask(old)
    assert (tmp_path / "events.json").stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "events.json"
    store.write_bytes(b"old")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(StoreError, match=r"events\.json: cannot write the store: no space left"):
        write_atomic(store, b"new")
    assert store.read_bytes() == b"old"
    assert names(tmp_path) == ["events.json"]
    with pytest.raises(StoreError, match="cannot write the store: no such file or directory"):
        write_atomic(tmp_path / "nope" / "events.json", b"{}")


def test_an_interrupted_write_removes_its_temporary_and_re_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "events.json", b"new")
    assert names(tmp_path) == []


def test_locked_makes_the_folder_and_a_lock_beside_the_store(tmp_path: Path) -> None:
    store = tmp_path / "a" / "b" / "events.json"
    with locked(store):
        assert names(store.parent) == ["events.json.lock"]
    (tmp_path / "f").write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"), locked(tmp_path / "f" / "s"):
        pytest.fail("locked a store in a folder that cannot exist")


def test_a_lock_held_too_long_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "events.json"
    monkeypatch.setattr(writes, "LOCK_TIMEOUT", 0.05)
    with (
        FileLock(f"{store}.lock"),
        pytest.raises(StoreError, match=r"events\.json\.lock: another bilat has held"),
        locked(store),
    ):
        pytest.fail("entered a lock that another writer holds")


def test_add_creates_the_store_and_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    dry = add_events(store, [make(id="a")], dry_run=True)
    assert [e.id for e in dry.added] == ["a"]
    assert names(tmp_path) == []  # not even a lock
    add_events(store, [make(id="a")])
    assert ids(store) == ["a"]


@pytest.mark.parametrize(
    ("in_store", "others", "message"),
    [
        ([{"id": "a"}], [], "id 'a' is already in this store"),
        ([], [{"id": "a"}], "id 'a' is already in another store"),
        ([{"id": "b", "title": "Same"}], [], "the same event is already there as 'b'"),
        ([], [{"id": "b", "title": "Same"}], "the same event is already there as 'b'"),
    ],
)
def test_add_refuses_an_id_or_an_event_already_there_and_writes_nothing(
    tmp_path: Path, in_store: list[dict[str, Any]], others: list[dict[str, Any]], message: str
) -> None:
    store = tmp_path / "events.json"
    store.write_text(store_text(*(event(**f) for f in in_store)), encoding="utf-8")
    before = store.read_bytes()
    new = [make(id="c", kind="visit", title="New"), make(id="a", title="Same")]
    with pytest.raises(StoreError, match=re.escape(message)):
        add_events(store, new, others=[make(**f) for f in others])
    assert store.read_bytes() == before  # all or nothing


def test_add_with_replace_overwrites_and_skip_existing_skips(tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    add_events(store, [make(id="a", title="First")])
    add_events(store, [make(id="a", title="Second")], replace=True)
    (only,) = load_path(store).events
    assert only.title == "Second"
    again = add_events(store, [make(id="z", title="Second"), make(id="n", **VISIT)],
                       skip_existing=True)  # fmt: skip
    assert [e.id for e in again.skipped] == ["z"]
    assert [e.id for e in again.added] == ["n"]
    assert ids(store) == ["a", "n"]


def test_replace_never_adds_a_second_copy_under_another_id(tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    add_events(store, [make(id="a", title="Same")])
    before = store.read_bytes()
    with pytest.raises(StoreError, match="the same event is already there as 'a'"):
        add_events(store, [make(id="b", title="Same")], replace=True)
    assert store.read_bytes() == before
    add_events(store, [make(id="a", title="Same", summary="Now with a summary")], replace=True)
    (only,) = load_path(store).events
    assert only.summary == "Now with a summary"


def test_ids_are_made_under_the_lock_past_every_taken_one(tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    add_events(store, [make(id="az-jp-visit-2020", **VISIT)])
    new = [make(id="x", **{**VISIT, "title": f"Visit {n}"}) for n in range(2)]
    others = [make(id="az-jp-visit-2020-2", **{**VISIT, "title": "Bundled"})]
    added = add_events(store, new, others=others, new_ids={0, 1}).added
    assert [e.id for e in added] == ["az-jp-visit-2020-3", "az-jp-visit-2020-4"]


def test_a_symlink_is_followed_once_and_stale_temporaries_go_beside_the_real_file(
    tmp_path: Path,
) -> None:
    real = tmp_path / "data" / "ev[1].json"  # a glob pattern in the name, escaped
    real.parent.mkdir()
    real.write_text(store_text(), encoding="utf-8")
    stale, foreign = real.parent / ".ev[1].json.k3y.tmp", real.parent / ".ev1.json.k3y.tmp"
    stale.write_bytes(b"half a store")
    foreign.write_bytes(b"not ours")
    link = tmp_path / "link.json"
    link.symlink_to(Path("data") / real.name)
    add_events(link, [make(id="a")], dry_run=True)
    assert stale.exists()  # a dry run holds no lock: it removes nothing
    add_events(link, [make(id="a")])
    assert link.is_symlink()
    assert ids(real) == ["a"]
    assert names(real.parent) == [".ev1.json.k3y.tmp", "ev[1].json", "ev[1].json.lock"]
    assert names(tmp_path) == ["data", "link.json"]


def test_import_merges_writes_overrides_and_dry_runs(tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    bundled = make(id="az-jp-diplomatic-relations")
    more = make(id="x", sources=[{"title": "Guide", "url": "https://guide.example/"}])
    new = make(id="y", **VISIT)
    dry = import_events(store, [more, new], others=[bundled], dry_run=True, new_ids={1})
    assert [e.id for e in dry.added] == ["az-jp-visit-2020"]
    assert not store.exists()
    merged = import_events(store, [more, new], others=[bundled], new_ids={1})
    assert [e.id for e in merged.updated] == ["az-jp-diplomatic-relations"]
    stored = {e.id: e for e in load_path(store).events}
    assert set(stored) == {"az-jp-diplomatic-relations", "az-jp-visit-2020"}
    assert [s.title for s in stored["az-jp-diplomatic-relations"].sources] == ["A source", "Guide"]


def test_import_gives_an_id_taken_by_another_event_one_of_its_own(tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    store.write_text(store_text(event(id="x", **VISIT)), encoding="utf-8")
    merged = import_events(store, [make(id="x", kind="agreement", date="1999", title="Other")])
    assert [e.id for e in merged.added] == ["x-2"]
    assert [e.id for e in load_path(store).events] == ["x-2", "x"]


def test_import_of_twenty_thousand_distinct_events_without_ids_keeps_them_all(
    tmp_path: Path,
) -> None:
    """Before, recurring kinds were one event per pair, kind and date: 200,000 visits
    gave 840 events."""
    store = tmp_path / "events.json"
    visits = [
        make(id="v", kind="visit", date=f"{2000 + i % 20}-0{1 + i % 9}-1{i % 10}", title=f"V {i}")
        for i in range(20_000)
    ]
    merged = import_events(store, visits, new_ids=set(range(len(visits))))
    assert len(merged.added) == 20_000
    assert len(load_path(store).events) == 20_000
    again = import_events(store, visits, new_ids=set(range(len(visits))))
    assert again.added == again.updated == ()
    assert len(again.matched) == 20_000


def test_import_refuses_what_validate_refuses_and_writes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    store.write_text(store_text(event(id="x", **VISIT)), encoding="utf-8")
    before = store.read_bytes()
    future = make(id="r", kind="recognition", by="JP", date="2999")
    with pytest.raises(StoreError, match=r": r: date: 2999 is in the future, which a recog"):
        import_events(store, [future], today=dt.date(2026, 12, 7))
    ftp = make(id="f", sources=[{"title": "t", "url": "ftp://x.example/"}])
    with pytest.raises(StoreError, match=r": f: sources\[0\]\.url: not an http\(s\) address"):
        import_events(store, [ftp], today=dt.date(2026, 12, 7))
    with pytest.raises(StoreError, match=r"nothing was written"):
        add_events(store, [future], today=dt.date(2026, 12, 7))
    assert store.read_bytes() == before


def test_a_key_written_twice_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    store.write_text(store_text(event()).replace('"kind"', '"title": "Twice", "kind"'))
    before = store.read_bytes()
    with pytest.raises(StoreError, match=r"\$\.events\[0\]\.title: the key is written twice"):
        import_events(store, [make(id="n", **VISIT)])
    assert store.read_bytes() == before
