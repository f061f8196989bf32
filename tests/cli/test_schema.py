"""``bilat schema``: the store format's JSON Schema, and the ``$schema`` of the stores bilat
writes (named only where it resolves: a schema file beside the store)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.helpers import ROOT, Run, assert_data_error

SHIPPED = ROOT / "data" / "events.schema.json"
EMBASSY = (
    *("add", "--date", "2025-10-01", "--parties", "AZ", "MT", "--by", "AZ"),
    *("--kind", "embassy-opened", "--title", "Embassy of Azerbaijan opens in Valletta"),
    *("--source-title", "MFA of Azerbaijan", "--source-url", "https://mfa.gov.az/"),
)


def test_schema_prints_the_shipped_schema(run: Run) -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert result.stdout == SHIPPED.read_text(encoding="utf-8")
    jsonschema.Draft202012Validator.check_schema(json.loads(result.stdout))


def test_schema_writes_a_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "events.schema.json"
    result = run("schema", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"JSON Schema written to {target}" in result.stderr
    assert target.read_bytes() == SHIPPED.read_bytes()
    assert_data_error(run("schema", "-o", str(tmp_path)), str(tmp_path), "cannot write")


def test_an_export_names_the_schema_only_where_it_resolves(run: Run, tmp_path: Path) -> None:
    export = tmp_path / "az-jp.json"
    run("export", "json", "--pair", "AZ", "JP", "-o", str(export))
    assert "$schema" not in json.loads(export.read_text())
    assert "$schema" not in json.loads(run("export", "json", "--pair", "AZ", "JP").stdout)
    run("schema", "-o", str(tmp_path / "events.schema.json"))
    run("export", "json", "--pair", "AZ", "JP", "-o", str(export))
    doc = json.loads(export.read_text())
    assert doc["$schema"] == "./events.schema.json"
    # it resolves, and the export is valid by it; the store still reads
    schema = json.loads((export.parent / doc["$schema"]).read_text())
    jsonschema.validate(doc, schema)
    assert run("validate", str(export)).exit_code == 0


def test_your_store_names_the_schema_beside_it(run: Run, user_store: Path) -> None:
    assert run(*EMBASSY).exit_code == 0
    assert "$schema" not in json.loads(user_store.read_text())
    run("schema", "-o", str(user_store.parent / "events.schema.json"))
    args = list(EMBASSY)
    args[2] = "2025-10-02"
    assert run(*args).exit_code == 0
    doc = json.loads(user_store.read_text())
    assert doc["$schema"] == "./events.schema.json"
    assert len(doc["events"]) == 2
