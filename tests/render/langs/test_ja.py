"""Japanese (bilat.render.langs.ja): 年 and 周年, the press line of every precision
(a year alone is "2022年は、"), the home country first, titles from fields."""

from __future__ import annotations

import pytest

from bilat.domain import anniversaries_in
from bilat.render import lang
from bilat.render.common import title
from bilat.render.langs import ja
from bilat.render.press import press_line
from tests.helpers import make_event


def test_years_and_anniversaries_are_counted() -> None:
    assert ja.year(2022) == "2022年"
    assert ja.ordinal(30) == ja.anniversary(30) == "30周年"


@pytest.mark.usefixtures("speak")
@pytest.mark.parametrize(
    ("date", "start"),
    [("1992-09-07", "2022年9月7日は、"), ("1992-09", "2022年9月は、"), ("1992", "2022年は、")],
)
def test_press_line_dates_at_every_precision(date: str, start: str) -> None:
    (found,) = anniversaries_in([make_event(date=date)], 2022, 5, "feb28")
    lang.use("ja")
    assert press_line(found) == f"{start}アゼルバイジャンと日本の外交関係樹立30周年です。"
    lang.set_home("JP")
    try:
        assert press_line(found) == f"{start}日本とアゼルバイジャンの外交関係樹立30周年です。"
    finally:
        lang.set_home(None)


@pytest.mark.usefixtures("speak")
def test_titles_built_from_the_fields() -> None:
    lang.use("ja")
    severs = make_event(parties=["US", "CU"], kind="relations-severed", by="US",
                        title="United States severs diplomatic relations (1961-01-03)")  # fmt: skip
    assert title(severs) == "アメリカ合衆国が外交関係を断絶 (1961-01-03)"
    restored = make_event(kind="relations-restored", title="Diplomatic relations restored")
    assert title(restored) == "外交関係回復"
