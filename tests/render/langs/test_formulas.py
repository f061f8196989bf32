"""Formula titles (bilat.render.langs._formulas): recognised only when the title is
exactly what the fields give, with an optional ISO date after it."""

from __future__ import annotations

import pytest

from bilat.render.langs._formulas import formula
from tests.helpers import make_event


@pytest.mark.parametrize(
    ("fields", "key", "tail"),
    [({"kind": "recognition", "by": "JP", "title": "Japan recognises Azerbaijan"},
      "recognises", ""),
     ({"kind": "diplomatic-relations", "title": "Diplomatic relations established (1797-06-01)"},
      "established", " (1797-06-01)"),
     ({"kind": "embassy-opened", "by": "JP", "place": "Azerbaijan",
       "title": "Embassy of Japan opens in Azerbaijan"}, "embassy-in", ""),
     ({"kind": "relations-severed", "by": "AZ",
       "title": "Azerbaijan severs diplomatic relations (1993-01-01)"}, "severs", " (1993-01-01)")],
)  # fmt: skip
def test_formulas_are_recognised(fields: dict[str, str], key: str, tail: str) -> None:
    found = formula(make_event(**fields))
    assert found is not None
    assert (found.key, found.tail) == (key, tail)


def test_a_place_that_names_a_party_is_that_country() -> None:
    found = formula(make_event(kind="embassy-opened", by="JP", place="Azerbaijan",
                               title="Embassy of Japan opens in Azerbaijan"))  # fmt: skip
    assert found is not None
    assert found.place == "Azerbaijan"


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "visit", "title": "Japan recognises Azerbaijan", "by": "AZ"},  # by the other
        {"kind": "recognition", "title": "Japan recognises Azerbaijan"},  # nobody acts
        {"kind": "recognition", "by": "JP", "title": "Japan recognises Azerbaijan at last"},
        {"kind": "visit", "title": "Diplomatic relations established"},  # another kind
        {
            "kind": "recognition",
            "by": "JP",
            "parties": ["AZ", "JP", "TR"],
            "title": "Japan recognises Azerbaijan",
        },
    ],
)
def test_free_text_is_not_a_formula(fields: dict[str, object]) -> None:
    assert formula(make_event(**fields)) is None
