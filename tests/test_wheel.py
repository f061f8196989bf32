"""Build the wheel, install it in a fresh virtual environment, run `bilat` elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_runs_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = dist.glob("bilat-*.whl")

    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "bilat/data/events.json" in names
        assert "bilat/data/events.schema.json" in names
        assert "bilat/data/events.index" in names
        assert "bilat/data/no-relations.json" in names
        bundled = json.loads(zf.read("bilat/data/events.json"))
        assert bundled == json.loads((ROOT / "data" / "events.json").read_text(encoding="utf-8"))

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [
            str(bindir / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        k: v for k, v in os.environ.items() if k not in {"BILAT_STORE", "PYTHONPATH", "VIRTUAL_ENV"}
    }
    env.update({"NO_COLOR": "1", "COLUMNS": "100"})

    def bilat(*args: str) -> str:
        done = subprocess.run(
            [str(bindir / "bilat"), *args],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        return done.stdout

    relations = json.loads(bilat("relations", "AZ", "--format", "json"))
    assert [p["partner"] for p in relations["no_relations"]][:2] == ["AM", "CF"]
    out = bilat("timeline", "AZ", "JP", "--as-of", "2026-11-27")
    assert "Azerbaijan – Japan: diplomatic relations since 1992-09-07" in out
    doc = json.loads(bilat("anniversary", "--year", "2022", "--format", "json"))
    assert any(
        row["parties"] == ["AZ", "JP"] and row["date"] == "2022-09-07" and row["years"] == 30
        for row in doc["anniversaries"]
    )
    # the compiled catalogs are in the wheel: it speaks Azerbaijani
    assert any(n.endswith("locales/az/LC_MESSAGES/bilat.mo") for n in names)
    spoken = bilat("anniversary", "--year", "2022", "--pair", "AZ", "JP", "--lang", "az")
    assert "Diplomatik münasibətlər qurulub" in spoken
    assert "Yaponiya" in spoken

    def python(code: str) -> str:
        return subprocess.run(
            [str(bindir / "python"), "-c", code],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    # the installed package is the one that ran, not the source tree
    assert str(venv) in python("import bilat; print(bilat.__file__)")
    # and it reads the bundled store through the index shipped beside it
    query = "domain.Query(all_countries=('AZ', 'JP'))"
    used = f"from bilat import domain, store; print(store.bundled_store({query}).all_ids)"
    assert python(used).startswith("functools.partial(")
