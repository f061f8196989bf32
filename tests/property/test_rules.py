"""Property of the store rules (bilat.rules): ids are checked all at once, as one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(
        st.text(alphabet="ab09-\n\x00Zé ", max_size=8)
        | st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True),
        max_size=6,
    )
)
def test_ids_checked_all_at_once_as_by_the_pattern(ids: list[str]) -> None:
    import re

    from bilat.domain import ID_PATTERN
    from bilat.rules import _all_ids_valid

    assert _all_ids_valid(ids) == all(re.fullmatch(ID_PATTERN[1:-1], i) for i in ids)
