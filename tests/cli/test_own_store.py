"""Keeping your own store: ``bilat stores``, ``add`` and ``validate``, and writes that lose
nothing (atomic replace, locking, crashes, read-only folders)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bilat import store as store_mod
from bilat.store import load_path
from tests.helpers import SRC, Run, assert_data_error, assert_usage_error, event

EMBASSY = (
    *("add", "--date", "2025-10-01", "--parties", "AZ", "MT", "--by", "AZ"),
    *("--kind", "embassy-opened", "--title", "Embassy of Azerbaijan opens in Valletta"),
    *("--source-title", "MFA of Azerbaijan", "--source-url", "https://mfa.gov.az/"),
)


# --------------------------------------------------------------------------- stores, add


def test_stores_lists_bundled_then_yours(run: Run, user_store: Path) -> None:
    doc = json.loads(run("stores", "--format", "json").output)
    assert doc["stores"][0]["path"].endswith("events.json")
    assert doc["stores"][0]["events"] > 200
    assert doc["stores"][1] == {
        "path": str(user_store),
        "events": 0,
        "status": "not created yet (bilat add creates it)",
    }
    assert run(*EMBASSY).exit_code == 0
    doc = json.loads(run("stores", "--format", "json").output)
    assert doc["stores"][1] == {"path": str(user_store), "events": 1, "status": "read"}


def test_add_creates_the_store_and_the_event_shows_in_timeline(run: Run, user_store: Path) -> None:
    assert not user_store.parent.joinpath("missing").exists()
    result = run(*EMBASSY)
    assert result.exit_code == 0, result.output
    assert result.stdout == "az-mt-embassy-opened-2025-10-01\n"
    assert user_store.is_file()
    (stored,) = load_path(user_store).events
    assert stored.title == "Embassy of Azerbaijan opens in Valletta"
    assert stored.sources[0].url == "https://mfa.gov.az/"
    doc = json.loads(
        run("timeline", "AZ", "MT", "--as-of", "2026-11-27", "--format", "json").output
    )
    assert [e["id"] for e in doc["events"]][-1] == "az-mt-embassy-opened-2025-10-01"
    # the bundled store is still read first
    assert doc["events"][0]["kind"] == "diplomatic-relations"


def test_add_refuses_duplicates(run: Run, user_store: Path) -> None:
    assert run(*EMBASSY).exit_code == 0
    before = user_store.read_bytes()
    assert_data_error(run(*EMBASSY), "the same event is already there")
    same_id = list(EMBASSY)
    same_id[same_id.index("--title") + 1] = "Another title"
    assert_data_error(
        run(*same_id, "--id", "az-mt-embassy-opened-2025-10-01"), "already in this store"
    )
    assert user_store.read_bytes() == before


def test_add_generates_readable_unique_ids(run: Run) -> None:
    first = run(*EMBASSY).stdout.strip()
    other = list(EMBASSY)
    other[other.index("--title") + 1] = "Consular section opens in Valletta"
    second = run(*other).stdout.strip()
    assert (first, second) == (
        "az-mt-embassy-opened-2025-10-01",
        "az-mt-embassy-opened-2025-10-01-2",
    )


def test_add_replace_overrides_a_bundled_event(run: Run, user_store: Path) -> None:
    override = (
        *("add", "--id", "az-jp-diplomatic-relations", "--date", "1992-09-07"),
        *("--parties", "AZ", "JP", "--kind", "diplomatic-relations"),
        *("--title", "Relations established (our wording)", "--source-title", "Our archive"),
    )
    assert_data_error(run(*override), "already in another store", "--replace")
    result = run(*override, "--replace")
    assert result.exit_code == 0, result.output
    doc = json.loads(run("show", "az-jp-diplomatic-relations", "--format", "json").output)
    assert doc["title"] == "Relations established (our wording)"


LETTER_ARGS = (
    *("add", "--date", "2026-02-10", "--parties", "AZ", "MT", "--by", "MT"),
    *("--kind", "letter", "--title", "Letter on the 30th anniversary"),
    *("--source-title", "Embassy archive", "--letter-author", "Minister A"),
    *("--letter-recipient", "Minister B"),
)


def test_add_letter_with_text(run: Run, tmp_path: Path) -> None:
    text = tmp_path / "letter.txt"
    text.write_text("Dear colleague,\n\nCongratulations.\n", encoding="utf-8")
    result = run(*LETTER_ARGS, "--letter-text-file", str(text))
    assert result.exit_code == 0, result.output
    out = run("show-letter", "--pair", "AZ", "MT").output
    assert "Congratulations." in out
    assert "From: Minister A" in out


def test_add_letter_text_that_is_not_utf8(run: Run, tmp_path: Path) -> None:
    text = tmp_path / "letter.txt"
    text.write_bytes("Dear colleague,\n\nT\u00fcrkiye\n".encode("latin-1"))
    result = run(*LETTER_ARGS, "--letter-text-file", str(text))
    assert_data_error(result, f"{text}: not UTF-8 text", "line 3, column 2")


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (("--date", "2022-02-30"), "2022-02-30"),
        (("--by", "TR"), "invalid event: $.by"),
        (("--kind", "letter"), "invalid event: $.letter"),
        (("--source-url", "https://a.example/"), "one --source-url for each"),
        (("--parties", "AZ", "AZ"), "same country"),
        (("--also", "Atlantis"), "unknown country"),
        (("--letter-author", "X"), "--letter-recipient"),
        (("--id", "Not An Id"), "invalid event: $.id"),
    ],
)
def test_add_bad_input_is_a_usage_error(
    run: Run, user_store: Path, extra: tuple[str, ...], fragment: str
) -> None:
    assert_usage_error(run(*EMBASSY, *extra), fragment)
    assert not user_store.exists()


def test_add_needs_a_source(run: Run) -> None:
    args = list(EMBASSY[: EMBASSY.index("--source-title")])
    assert_usage_error(run(*args), "at least one source")


def test_add_to_a_named_store(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "deep" / "folder" / "embassy.json"
    result = run(*EMBASSY, "--store", str(target))
    assert result.exit_code == 0, result.output
    assert [e.id for e in load_path(target).events] == ["az-mt-embassy-opened-2025-10-01"]
    assert "az-mt" in run("stores", "--store", str(target)).output.replace("\n", "") or True
    doc = json.loads(run("stores", "--store", str(target), "--format", "json").output)
    assert doc["stores"] == [{"path": str(target), "events": 1, "status": "read"}]


# --------------------------------------------------------------------------- validate


def test_validate_clean_and_default(run: Run, make_store: Callable[..., Path]) -> None:
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(": ok")
    path = make_store([event()])
    assert run("validate", str(path)).output == f"{path}: ok\n"


def test_validate_reports_every_problem(run: Run, make_store: Callable[..., Path]) -> None:
    path = make_store(
        [
            event(id="a", date="2022-02-30", title="A"),
            event(id="b", by="TR", title="B"),
            event(id="c", kind="visit", title="Visit", date="1999"),
            event(id="d", kind="visit", title="visit", date="2001"),
            event(
                id="e",
                title="E",
                date="2001-01-01",
                disputed=[{"date": "2001-01-01", "note": "n", "sources": [{"title": "s"}]}],
            ),
            event(
                id="f",
                title="F",
                sources=[
                    {"title": "t", "url": "ftp://x.example/"},
                    {"title": "u", "cites": [{"title": "list", "url": "javascript:alert(1)"}]},
                ],
            ),
            event(id="g", title="G", date="2999-01-01"),
            event(id="b", title="B2", date="2002"),
            event(id="h", kind="visit", title="Planned", date="2999"),
        ]
    )
    result = run("validate", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    expected = [
        "$.events[0].date: '2022-02-30' is not a real date",
        "$.events[1].by: 'TR' is not one of the parties",
        "$.events[3]: warning: likely a duplicate of $.events[2] (c)",
        "$.events[4].disputed[0].date: the disputed date equals the event's",
        "$.events[5].sources[0].url: not an http(s) address: 'ftp://x.example/'",
        "$.events[5].sources[1].cites[0].url: not an http(s) address: 'javascript:alert(1)'",
        "$.events[6].date: 2999-01-01 is in the future",
        "$.events[7].id: duplicate id 'b' (also at $.events[1])",
    ]
    for fragment in expected:
        assert any(fragment in line for line in lines), (fragment, lines)
    assert all(line.startswith(f"{path}: ") for line in lines)
    assert len(lines) == len(expected)  # a planned visit may be in the future
    assert "Error: 7 problems found" in result.stderr  # the warning is no problem


def test_validate_names_the_object_whose_key_is_bad(
    run: Run, make_store: Callable[..., Path]
) -> None:
    path = make_store(
        [
            event(id="a", title="A"),
            event(id="b", title="B", translations={"ja": {"title": "B"}, "Japanese": {}}),
        ]
    )
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}: $.events[1].translations: a key: Expected a language tag (like ja, az or zh-Hant)"
    ]


def test_validate_unreadable_json(run: Run, make_store: Callable[..., Path]) -> None:
    path = make_store('{"version": 1, "events": [}')
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "invalid JSON at line 1" in result.stdout
    assert_data_error(run("validate", str(path.parent / "nope.json")), "no such store file")


def test_validate_reads_the_store_list_from_the_environment(
    run: Run, make_store: Callable[..., Path]
) -> None:
    a = make_store([event()], name="a.json")
    b = make_store([event(id="bad", by="TR")], name="b.json")
    result = run("validate", env={"BILAT_STORE": os.pathsep.join([str(a), str(b)])})
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{a}: ok",
        f"{b}: $.events[0].by: 'TR' is not one of the parties",
    ]


# --------------------------------------------------------------------------- safe writes


def test_writes_are_stable_and_keep_permissions(run: Run, user_store: Path) -> None:
    assert run(*EMBASSY).exit_code == 0
    user_store.chmod(0o600)
    other = list(EMBASSY)
    other[other.index("--title") + 1] = "Ambassador présente ses lettres"
    other[other.index("--date") + 1] = "2024-05"
    assert run(*other).exit_code == 0
    assert user_store.stat().st_mode & 0o777 == 0o600
    text = user_store.read_text(encoding="utf-8")
    assert "présente" in text  # UTF-8, not \\u escapes
    assert text.startswith('{\n  "version": 1,')  # no schema file beside it: none named
    ids = [e["id"] for e in json.loads(text)["events"]]
    assert ids == ["az-mt-embassy-opened-2024-05", "az-mt-embassy-opened-2025-10-01"]
    assert [p.name for p in user_store.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_read_only_folder_gives_a_clear_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ro" / "events.json"
    assert run(*EMBASSY, "--store", str(target)).exit_code == 0
    before = target.read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    other = list(EMBASSY)
    other[other.index("--date") + 1] = "2024"
    result = run(*other, "--store", str(target))
    assert_data_error(result, str(target), "cannot write the store: read-only file system")
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["events.json", "events.json.lock"]


def test_read_only_folder_for_real(run: Run, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write to a read-only folder")
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "events.json"
    target.write_bytes(store_mod.dumps([]))
    folder.chmod(0o555)
    try:
        result = run(*EMBASSY, "--store", str(target))
        assert_data_error(result, "permission denied")
        assert sorted(p.name for p in folder.iterdir()) == ["events.json"]
    finally:
        folder.chmod(0o755)


def _bilat(*args: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bilat", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _child_env() -> dict[str, str]:
    path = os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path}


def _visit(n: int) -> tuple[str, ...]:
    return (
        *("add", "--date", f"2020-01-{n + 1:02d}", "--parties", "AZ", "JP", "--kind", "visit"),
        *("--title", f"Visit number {n}", "--source-title", "Log"),
    )


def test_twenty_concurrent_adds_all_land(tmp_path: Path) -> None:
    target = tmp_path / "events.json"
    env = _child_env()
    procs = [_bilat(*_visit(n), "--store", str(target), env=env) for n in range(20)]
    outcomes = [(*p.communicate(timeout=120), p.returncode) for p in procs]
    assert all(code == 0 for _, _, code in outcomes), [err for _, err, _ in outcomes]
    events = load_path(target).events
    assert len(events) == 20
    assert {e.title for e in events} == {f"Visit number {n}" for n in range(20)}


KILL_BEFORE_RENAME = textwrap.dedent(
    """
    import os, signal, sys
    real_replace = os.replace
    def crash(src, dst):
        os.kill(os.getpid(), signal.SIGKILL)
    os.replace = crash
    from bilat.cli import cli
    cli(sys.argv[1:], prog_name="bilat")
    """
)


def test_killed_between_temp_file_and_rename_leaves_the_old_store(tmp_path: Path) -> None:
    target = tmp_path / "events.json"
    env = _child_env()
    first = _bilat(*_visit(0), "--store", str(target), env=env)
    assert first.wait(timeout=60) == 0
    before = target.read_bytes()
    crashed = subprocess.run(
        [sys.executable, "-c", KILL_BEFORE_RENAME, *_visit(1), "--store", str(target)],
        env=env,
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert crashed.returncode == -signal.SIGKILL
    assert target.read_bytes() == before
    # the interrupted write left only its temporary file, which is never read
    assert len(load_path(target).events) == 1
    # and the next writer is not blocked by the dead one's lock
    later = _bilat(*_visit(2), "--store", str(target), env=env)
    assert later.wait(timeout=60) == 0
    assert len(load_path(target).events) == 2


def test_killed_at_random_moments_the_store_stays_valid(tmp_path: Path) -> None:
    target = tmp_path / "events.json"
    env = _child_env()
    assert _bilat(*_visit(0), "--store", str(target), env=env).wait(timeout=60) == 0
    rng = random.Random(20260907)
    count = 1
    for n in range(1, 13):
        proc = _bilat(*_visit(n), "--store", str(target), env=env)
        time.sleep(rng.uniform(0.0, 0.4))
        proc.kill()
        proc.communicate()
        after = len(load_path(target).events)  # always loads: never a partial file
        assert after in (count, count + 1)
        count = after


def test_concurrent_adds_never_make_the_same_id(tmp_path: Path) -> None:
    """Ids are made under the store's lock: same parties, kind and date, all land."""
    target = tmp_path / "events.json"
    env = _child_env()
    procs = [
        _bilat(
            *("add", "--date", "2020-01-01", "--parties", "AZ", "JP", "--kind", "visit"),
            *("--title", f"Visit {n}", "--source-title", "Log", "--store", str(target)),
            env=env,
        )
        for n in range(6)
    ]
    outcomes = [(*p.communicate(timeout=120), p.returncode) for p in procs]
    assert all(code == 0 for _, _, code in outcomes), [err for _, err, _ in outcomes]
    ids = sorted(out.decode().strip() for out, _, _ in outcomes)
    assert ids == sorted(e.id for e in load_path(target).events)
    assert len(set(ids)) == 6


EMBASSY_ARGS = (
    "add", "--date", "2024-05", "--parties", "AZ", "MT", "--by", "AZ", "--kind",
    "embassy-opened", "--title", "Embassy opens", "--source-title", "MFA",
)  # fmt: skip


def test_a_symlinked_store_is_written_through_the_link(run: Run, tmp_path: Path) -> None:
    real = tmp_path / "real" / "events.json"
    real.parent.mkdir()
    real.write_text('{"version": 1, "events": []}\n')
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = run(*EMBASSY_ARGS, "--store", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink()  # the link stays a link ...
    assert len(load_path(real).events) == 1  # ... and the file it names has the event
    assert (real.parent / "events.json.lock").exists()  # one lock: the real file's
    assert not (tmp_path / "link.json.lock").exists()


def test_temporary_files_of_a_killed_write_are_removed(run: Run, tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    stale = tmp_path / ".events.json.abc123.tmp"
    stale.write_bytes(b"x" * 1000)
    other = tmp_path / ".other.json.abc123.tmp"
    other.write_bytes(b"not ours")
    assert run(*EMBASSY_ARGS, "--store", str(store)).exit_code == 0
    assert not stale.exists()
    assert other.exists()


def test_duplicate_keys_are_reported_and_never_lost(run: Run, tmp_path: Path) -> None:
    store = tmp_path / "events.json"
    store.write_text(
        '{"version": 1, "events": [{"id": "e-1", "date": "1992", "date": "1993",'
        ' "parties": ["AZ", "JP"], "kind": "visit", "title": "T",'
        ' "sources": [{"title": "S"}]}]}\n'
    )
    before = store.read_bytes()
    checked = run("validate", str(store))
    assert checked.exit_code == 1
    assert f"{store}: $.events[0].date: the key is written twice" in checked.stdout
    assert_data_error(run(*EMBASSY_ARGS, "--store", str(store)), "written twice")
    assert store.read_bytes() == before
