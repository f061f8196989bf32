"""Write data/events.schema.json from the loader's own types.

Run from the repository root after changing the store format:

    python tools/gen_schema.py

tests/test_store.py fails while the committed file differs from what this writes.
"""

from __future__ import annotations

import json
from pathlib import Path

from bilat.store import json_schema

TARGET = Path(__file__).resolve().parent.parent / "data" / "events.schema.json"


def render() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
