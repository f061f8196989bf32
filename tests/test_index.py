"""The index of large stores: used only for the very bytes it was made from, never
trusted over the file, and giving the same answers as a full load."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from click.testing import Result

from bilat import index, store
from bilat.store import Query, StoreError, load_path, merge
from tests.helpers import exact

pytestmark = pytest.mark.usefixtures("index_every_store")


def index_path(cache_dir: Path, store_path: Path) -> Path:
    return Path(index.index_file(cache_dir, store_path))


def cache_of(tmp_path: Path) -> Callable[[], Path]:
    return lambda: tmp_path / "cache"


def test_index_is_written_by_a_full_load_then_used(big_store: Path, tmp_path: Path) -> None:
    cache = cache_of(tmp_path)
    query = Query(all_countries=("AZ", "JP"))
    first = load_path(big_store, cache=cache, query=query)
    assert len(first.events) == 1500  # no index yet: a full load
    assert first.all_ids is None
    assert index_path(cache(), big_store).is_file()
    second = load_path(big_store, cache=cache, query=query)
    assert second.all_ids is not None
    assert set(second.all_ids()) == {e.id for e in first.events}
    assert list(second.events) == exact(first.events, query)
    assert 0 < len(second.events) < 1500


def same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    assert len(old) == len(new)
    data = path.read_bytes()
    assert data.count(old) >= 1
    path.write_bytes(data.replace(old, new, 1))


def test_a_changed_file_is_read_again(big_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    path.write_bytes(big_store.read_bytes())
    cache = cache_of(tmp_path)
    query = Query(all_countries=("AZ", "JP"))
    load_path(path, cache=cache)
    before = load_path(path, cache=cache, query=query).events
    title = before[0].title.encode()
    changed = title[:-1] + (b"X" if title[-1:] != b"X" else b"Y")
    same_size_edit(path, b'"title":"' + title + b'"', b'"title":"' + changed + b'"')
    after = load_path(path, cache=cache, query=query)
    assert after.all_ids is None  # the digest differs: a full load, and a new index
    assert changed.decode() in [e.title for e in after.events]
    assert changed.decode() in [e.title for e in load_path(path, cache=cache, query=query).events]


def test_validation_is_not_skipped_for_a_changed_file(big_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    path.write_bytes(big_store.read_bytes())
    cache = cache_of(tmp_path)
    load_path(path, cache=cache)
    same_size_edit(path, b'"parties":["AZ"', b'"parties":["az"')
    with pytest.raises(StoreError, match=r"parties\[0\]: Expected an upper-case country code"):
        load_path(path, cache=cache, query=Query(all_countries=("JP",)))


# --------------------------------------------------------------------------- stat identity


def settle(where: Path) -> None:
    """Date the index file an hour from now, as if the store had been left alone since it
    was written (a store's ctime cannot be set back, the index's mtime can)."""
    later = time.time_ns() + 3600 * 10**9
    os.utime(where, ns=(later, later))


def copy_of(big_store: Path, tmp_path: Path) -> Path:
    path = tmp_path / "store.json"
    path.write_bytes(big_store.read_bytes())
    return path


def whole_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the store files read whole from now on."""
    seen: list[str] = []
    real = store.read_open

    def counting(f: object, name: str, **kwargs: object) -> bytes:
        seen.append(name)
        return real(f, name, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "read_open", counting)
    return seen


def test_a_settled_store_is_neither_read_whole_nor_hashed(
    big_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, cache, query = copy_of(big_store, tmp_path), cache_of(tmp_path), Query(year=2022)
    expected = exact(load_path(path).events, query)
    load_path(path, cache=cache)
    settle(index_path(cache(), path))
    seen = whole_reads(monkeypatch)
    loaded = load_path(path, cache=cache, query=query)
    assert seen == []
    assert loaded.all_ids is not None
    assert list(loaded.events) == expected


def test_a_racily_clean_store_is_hashed(
    big_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, cache, query = copy_of(big_store, tmp_path), cache_of(tmp_path), Query(year=2022)
    load_path(path, cache=cache)  # the store changed just now: its stat proves nothing
    seen = whole_reads(monkeypatch)
    assert load_path(path, cache=cache, query=query).all_ids is not None
    assert seen == [str(path)]


def test_an_edit_that_keeps_the_size_and_the_mtime_is_caught(
    big_store: Path, tmp_path: Path
) -> None:
    path, cache = copy_of(big_store, tmp_path), cache_of(tmp_path)
    query = Query(all_countries=("AZ", "JP"))
    load_path(path, cache=cache)
    settle(index_path(cache(), path))
    before = path.stat()
    title = load_path(path, cache=cache, query=query).events[0].title.encode()
    changed = title[:-1] + (b"X" if title[-1:] != b"X" else b"Y")
    same_size_edit(path, b'"title":"' + title + b'"', b'"title":"' + changed + b'"')
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as cp -p or rsync do
    after = load_path(path, cache=cache, query=query)
    assert after.all_ids is None  # the ctime moved: hashed, found changed, loaded whole
    assert changed.decode() in [e.title for e in after.events]


def test_a_touched_store_is_hashed_once_and_its_index_refreshed(
    big_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, cache, query = copy_of(big_store, tmp_path), cache_of(tmp_path), Query(year=2020)
    load_path(path, cache=cache)
    where = index_path(cache(), path)
    os.utime(path)  # touched: the same bytes, another stat
    seen = whole_reads(monkeypatch)
    assert load_path(path, cache=cache, query=query).all_ids is not None
    assert seen == [str(path)]  # hashed, found the same
    found = index.read(where, limit=1 << 30)
    assert found is not None
    assert found.index.stat == index.stat_key(path.stat())
    settle(where)
    assert load_path(path, cache=cache, query=query).all_ids is not None
    assert seen == [str(path)]  # the refreshed stat stands for the bytes again


def test_an_index_that_does_not_fit_a_settled_store_is_not_trusted(
    big_store: Path, tmp_path: Path
) -> None:
    path, cache = copy_of(big_store, tmp_path), cache_of(tmp_path)
    query = Query(all_countries=("AZ",))
    load_path(path, cache=cache)
    where = index_path(cache(), path)
    raw = msgspec.msgpack.decode(body_of(where))
    raw[2] = raw[2][8:] + raw[2][:8]  # every span shifted by one offset
    forge(where, msgspec.msgpack.encode(raw))
    settle(where)
    loaded = load_path(path, cache=cache, query=query)
    assert loaded.all_ids is None
    assert len(loaded.events) == 1500


@pytest.mark.parametrize("query", [Query(all_countries=("AZ", "JP")), Query()], ids=["few", "most"])
def test_a_file_shorter_than_its_index_is_never_read_past_its_end(
    big_store: Path, tmp_path: Path, query: Query
) -> None:
    """What a store truncated while it is read gives: an error the loader turns into a
    full load, never a read past the end (a memory map would kill the process)."""
    path, cache = copy_of(big_store, tmp_path), cache_of(tmp_path)
    load_path(path, cache=cache)
    found = index.read(index.index_file(cache(), path), limit=1 << 30)
    assert found is not None
    numbers = index.select(found.index, query)
    with path.open("rb") as f:
        assert len(index.read_events(f.fileno(), 0, found.index, numbers)) == len(numbers)
    os.truncate(path, path.stat().st_size // 2)
    with path.open("rb") as f, pytest.raises((ValueError, msgspec.DecodeError)):
        index.read_events(f.fileno(), 0, found.index, numbers)  # short: an error, no crash


def test_events_far_apart_are_read_one_by_one_and_close_ones_together(
    big_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, cache = copy_of(big_store, tmp_path), cache_of(tmp_path)
    load_path(path, cache=cache)
    found = index.read(index.index_file(cache(), path), limit=1 << 30)
    assert found is not None
    numbers = index.select(found.index, Query(all_countries=("AZ", "JP")))
    expected = [e for e in load_path(path).events if {"AZ", "JP"} <= set(e.parties)]
    reads: list[int] = []
    real = os.pread

    def counting(fd: int, size: int, offset: int) -> bytes:
        reads.append(size)
        return real(fd, size, offset)

    monkeypatch.setattr(os, "pread", counting)
    for gap, chunk in [(0, 1 << 23), (1 << 16, 1 << 23), (1 << 30, 4096)]:
        monkeypatch.setattr(index, "_GAP", gap)
        monkeypatch.setattr(index, "_CHUNK", chunk)
        reads.clear()
        with path.open("rb") as f:
            assert index.read_events(f.fileno(), 0, found.index, numbers) == expected
        assert 1 <= len(reads) <= len(numbers)
        assert max(reads) <= max(chunk, max(len(e.title) for e in expected) * 10)


HEAD = len(index._MAGIC) + 32


def body_of(where: Path) -> bytes:
    return where.read_bytes()[HEAD:]


def forge(where: Path, body: bytes) -> None:
    """An index body written by hand, with a header that fits it (as only a user who can
    write the cache folder could)."""
    where.write_bytes(index._MAGIC + hashlib.sha256(body).digest() + body)


def test_a_flipped_bit_is_caught_before_the_index_is_used(big_store: Path, tmp_path: Path) -> None:
    cache = cache_of(tmp_path)
    query = Query(all_countries=("AZ", "JP"))
    expected = load_path(big_store, cache=cache, query=query).events
    where = index_path(cache(), big_store)
    data = bytearray(where.read_bytes())
    data[len(data) // 2] ^= 0x01
    where.write_bytes(bytes(data))
    loaded = load_path(big_store, cache=cache, query=query)
    assert loaded.all_ids is None  # a full load
    assert {e.id for e in expected} <= {e.id for e in loaded.events}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_an_index_that_is_a_fifo_or_a_device_is_not_read(big_store: Path, tmp_path: Path) -> None:
    cache = cache_of(tmp_path)
    load_path(big_store, cache=cache)
    where = index_path(cache(), big_store)
    where.unlink()
    os.mkfifo(where)
    assert load_path(big_store, cache=cache, query=Query()).all_ids is None  # no hang
    where.unlink()
    where.symlink_to("/dev/zero")
    assert load_path(big_store, cache=cache, query=Query()).all_ids is None  # no MemoryError


def test_a_cache_others_can_write_is_not_used(big_store: Path, tmp_path: Path) -> None:
    cache = cache_of(tmp_path)
    load_path(big_store, cache=cache)
    folder = cache()
    assert folder is not None
    where = index_path(folder, big_store)
    where.chmod(0o666)
    assert load_path(big_store, cache=cache, query=Query()).all_ids is None
    where.chmod(0o600)
    assert load_path(big_store, cache=cache, query=Query()).all_ids is not None
    folder.chmod(0o777)
    assert load_path(big_store, cache=cache, query=Query()).all_ids is None
    folder.chmod(0o700)


@pytest.mark.parametrize("content", [b"", b"garbage", b"\x93\x01\x02", None])
def test_a_broken_index_costs_only_speed(
    big_store: Path, tmp_path: Path, content: bytes | None
) -> None:
    cache = cache_of(tmp_path)
    load_path(big_store, cache=cache)
    where = index_path(cache(), big_store)
    full = where.read_bytes()
    where.write_bytes(full[: len(full) // 2] if content is None else content)
    query = Query(any_countries=("TR",))
    loaded = load_path(big_store, cache=cache, query=query)
    assert loaded.all_ids is None
    assert where.read_bytes() == full  # written again


@pytest.mark.parametrize(
    ("spans", "query"),
    [
        (lambda s: s[8:] + s[:8], Query(all_countries=("AZ",))),  # shifted: no event there
        (lambda s: s[16:], Query()),  # one event fewer than the file holds
        (lambda s: s[:-3], Query()),  # not whole offsets
    ],
    ids=["shifted", "one-fewer", "ragged"],
)
def test_an_index_that_does_not_fit_the_file_is_not_trusted(
    big_store: Path,
    tmp_path: Path,
    spans: Callable[[bytes], bytes],
    query: Query,
) -> None:
    """Even an index with the file's digest (written by hand, say) cannot change what is
    read: spans that do not fall on events make the load a full one."""
    cache = cache_of(tmp_path)
    load_path(big_store, cache=cache)
    where = index_path(cache(), big_store)
    raw = msgspec.msgpack.decode(body_of(where))
    raw[2] = spans(raw[2])
    forge(where, msgspec.msgpack.encode(raw))
    loaded = load_path(big_store, cache=cache, query=query)
    assert loaded.all_ids is None
    assert len(loaded.events) == 1500
    assert load_path(big_store, cache=cache, query=query).all_ids is not None  # made anew


def test_an_index_of_another_version_is_not_used(big_store: Path, tmp_path: Path) -> None:
    cache = cache_of(tmp_path)
    load_path(big_store, cache=cache)
    where = index_path(cache(), big_store)
    raw = msgspec.msgpack.decode(body_of(where))
    raw[0] = "bilat 0.0.1 index 1 little"
    forge(where, msgspec.msgpack.encode(raw))
    assert load_path(big_store, cache=cache, query=Query()).all_ids is None


def test_a_cache_folder_that_cannot_be_written(big_store: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a folder")
    loaded = load_path(big_store, cache=lambda: blocker, query=Query())
    assert len(loaded.events) == 1500
    assert blocker.read_text() == "a file, not a folder"


def test_small_stores_are_not_indexed(
    big_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "INDEX_MIN_BYTES", big_store.stat().st_size + 1)
    load_path(big_store, cache=cache_of(tmp_path))
    assert not (tmp_path / "cache").exists()


def test_a_later_store_replaces_an_event_it_was_not_asked_for(
    big_store: Path, tmp_path: Path
) -> None:
    """An AZ-JP event of the first store whose id the second store gives to a FR-DE
    event must not be shown for AZ JP, though the second store yields only AZ-JP events."""
    cache = cache_of(tmp_path)
    query = Query(all_countries=("AZ", "JP"))
    load_path(big_store, cache=cache)
    first = load_path(big_store, cache=cache, query=query)
    victim = first.events[0]
    override = tmp_path / "override.json"
    other = json.loads(big_store.read_bytes())["events"][0]
    other.update(id=victim.id, parties=["FR", "DE"], by=None)
    override.write_text(json.dumps({"version": 1, "events": [other]}))
    load_path(override, cache=cache)
    second = load_path(override, cache=cache, query=query)
    assert second.events == ()
    assert second.all_ids is not None
    merged = merge([first, second])
    assert victim.id not in {e.id for e in merged}
    assert len(merged) == len(first.events) - 1


# --------------------------------------------------------------------------- commands


COMMANDS = [
    ("timeline", "AZ", "JP", "--as-of", "2026-01-01"),
    ("timeline", "TR", "--as-of", "2026-01-01", "--kind", "visit"),
    ("anniversary", "--year", "2022", "--every", "1"),
    ("anniversary", "--year", "2022"),
    ("anniversary", "--year", "2030", "--every", "10", "--country", "AZ", "--country", "FR"),
    ("anniversary", "--year", "2024", "--pair", "AZ", "JP", "--leap-day", "mar1"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_commands_answer_the_same_with_the_index(
    run: Callable[..., Result], big_store: Path, tmp_path: Path, args: tuple[str, ...], fmt: str
) -> None:
    command = [*args, "--format", fmt, "--store", str(big_store)]
    env = {"BILAT_CACHE_DIR": str(tmp_path / "cache")}
    without = run(*command, env={**env, "BILAT_NO_CACHE": "1"})
    assert not (tmp_path / "cache").exists()
    first = run(*command, env=env)  # writes the index
    assert index_path(tmp_path / "cache", big_store).is_file()
    second = run(*command, env=env)  # reads it
    assert without.exit_code == first.exit_code == second.exit_code == 0
    assert without.output == first.output == second.output


@pytest.mark.parametrize("mode", [0o700, 0o000])
def test_a_folder_where_the_index_should_be_is_ignored(
    run: Callable[..., Result], big_store: Path, tmp_path: Path, mode: int
) -> None:
    """A folder in the index's place (readable or not): every command still answers, as
    without an index, and the folder is left alone."""
    cache = tmp_path / "cache"
    where = index_path(cache, big_store)
    where.mkdir(parents=True, mode=0o700)
    where.chmod(mode)
    query = Query(all_countries=("AZ", "JP"))
    loaded = load_path(big_store, cache=lambda: cache, query=query)
    assert exact(loaded.events, query) == exact(load_path(big_store).events, query)
    command = ["timeline", "AZ", "JP", "--format", "json", "--store", str(big_store)]
    with_folder = run(*command, env={"BILAT_CACHE_DIR": str(cache)})
    without = run(*command, env={"BILAT_NO_CACHE": "1"})
    assert with_folder.exit_code == without.exit_code == 0
    assert with_folder.output == without.output
    assert where.is_dir()
    where.chmod(0o700)


def test_a_folder_where_the_shipped_index_should_be_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _, data = store.read_bundled()
    copy = tmp_path / "events.json"
    copy.write_bytes(data)
    (tmp_path / store.SHIPPED_INDEX).mkdir()
    monkeypatch.setattr(store, "read_bundled", lambda: (str(copy), data))
    loaded = store.bundled_store(Query(all_countries=("AZ", "JP")))
    assert loaded.all_ids is None
    assert len(loaded.events) == len(store.load_path(copy).events)


# --------------------------------------------------------------------------- the shipped index


SHIPPED_QUERIES = [
    Query(all_countries=("AZ", "JP")),
    Query(any_countries=("US", "JP")),
    Query(year=2022, every=5),
    Query(year=2027, every=1),
    Query(all_countries=("JP",), year=2026, every=10),
    Query(),
]


@pytest.mark.parametrize("query", SHIPPED_QUERIES, ids=repr)
def test_the_bundled_store_answers_through_its_shipped_index(query: Query) -> None:
    whole = store.bundled_store()
    assert whole.all_ids is None
    through = store.bundled_store(query)
    assert through.all_ids is not None  # the shipped index was used
    assert set(through.all_ids()) == {e.id for e in whole.events}
    assert list(through.events) == exact(whole.events, query)


def test_the_shipped_index_is_not_used_for_other_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    name, data = store.read_bundled()
    edited = data.replace(b'"date": "1992-09-07"', b'"date": "1992-09-08"', 1)
    assert edited != data
    assert len(edited) == len(data)
    monkeypatch.setattr(store, "read_bundled", lambda: (name, edited))
    loaded = store.bundled_store(Query(all_countries=("AZ", "JP")))
    assert loaded.all_ids is None  # a full load of the edited bytes
    assert "1992-09-08" in {str(e.date) for e in loaded.events}


def test_a_shipped_index_of_another_version_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index, "_SHIPPED_STAMP", "bilat 0.0.1 shipped index 1 little")
    assert store.bundled_store(Query(all_countries=("AZ", "JP"))).all_ids is None


@pytest.mark.parametrize("content", [None, b"", b"\x93garbage", b"\x00" * 64])
def test_a_missing_or_broken_shipped_index_costs_only_speed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes | None
) -> None:
    _, data = store.read_bundled()
    copy = tmp_path / "events.json"
    copy.write_bytes(data)
    if content is not None:
        (tmp_path / store.SHIPPED_INDEX).write_bytes(content)
    monkeypatch.setattr(store, "read_bundled", lambda: (str(copy), data))
    query = Query(all_countries=("AZ", "JP"))
    loaded = store.bundled_store(query)
    assert loaded.all_ids is None
    assert exact(loaded.events, query) == exact(store.load_path(copy).events, query)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("fmt", ["json", "table"])
def test_commands_on_the_bundled_store_answer_as_a_full_load(
    run: Callable[..., Result], args: tuple[str, ...], fmt: str
) -> None:
    name, _ = store.read_bundled()
    shipped = run(*args, "--format", fmt)
    whole = run(*args, "--format", fmt, "--store", name)  # small: loaded whole
    assert shipped.exit_code == whole.exit_code == 0
    assert shipped.output == whole.output
