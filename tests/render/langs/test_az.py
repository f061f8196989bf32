"""Azerbaijani (bilat.render.langs.az): the ordinal suffix follows the last word
pronounced, years are ordinals, the press line and the titles built from fields."""

from __future__ import annotations

import pytest

from bilat.domain import anniversaries_in
from bilat.render import lang
from bilat.render.common import title
from bilat.render.langs import az
from bilat.render.press import press_line
from tests.helpers import make_event


@pytest.mark.parametrize(
    ("n", "written"),
    [(1, "1-ci"), (3, "3-cü"), (6, "6-cı"), (9, "9-cu"), (10, "10-cu"), (20, "20-ci"),
     (30, "30-cu"), (40, "40-cı"), (100, "100-cü"), (200, "200-cü"), (1000, "1000-ci"),
     (2000, "2000-ci"), (2100, "2100-cü"), (2010, "2010-cu"), (1_000_000, "1000000-cu"),
     (3_000_000_000, "3000000000-cı"), (0, "0-cı")],
)  # fmt: skip
def test_ordinals_of_round_numbers_follow_yuz_min_milyon(n: int, written: str) -> None:
    assert az.ordinal(n) == written
    assert az.anniversary(n) == f"{written} ildönümü"


def test_a_year_is_an_ordinal() -> None:
    assert az.year(2022) == "2022-ci il"
    assert az.year(2000) == "2000-ci il"


@pytest.mark.usefixtures("speak")
def test_press_lines_for_every_precision_and_from_either_side() -> None:
    relations = make_event(id="az-jp-diplomatic-relations")
    (found,) = anniversaries_in([relations], 2022, 5, "feb28")
    lang.use("az")
    assert press_line(found) == (
        "7 sentyabr 2022-ci il Azərbaycan ilə Yaponiya arasında diplomatik münasibətlərin "
        "qurulmasının 30-cu ildönümüdür."
    )
    lang.set_home("JP")
    try:
        assert " Yaponiya ilə Azərbaycan arasında " in press_line(found)
    finally:
        lang.set_home(None)
    (year_only,) = anniversaries_in([make_event(date="1992", kind="agreement", title="T")],
                                    2022, 5, "feb28")  # fmt: skip
    assert press_line(year_only).startswith("2022-ci il «T» hadisəsinin 30-cu ildönümüdür")
    gb = make_event(parties=["GB", "AZ"], kind="recognition", by="GB", date="1991-12-31")
    (recognition,) = anniversaries_in([gb], 2021, 5, "feb28")
    assert "Birləşmiş Krallığın Azərbaycanı tanımasının" in press_line(recognition)


@pytest.mark.usefixtures("speak")
def test_titles_built_from_the_fields() -> None:
    lang.use("az")
    italy = make_event(parties=["IT", "AZ"], kind="recognition", by="IT",
                       title="Italy recognises Azerbaijan")  # fmt: skip
    assert title(italy) == "İtaliya Azərbaycanı tanıyıb"
    embassy = make_event(kind="embassy-opened", by="JP", place="Baku",
                         title="Embassy of Japan opens in Baku")  # fmt: skip
    assert title(embassy) == "Yaponiya səfirliyi açılıb (Baku)"
    free = make_event(kind="visit", title="Foreign Minister in Tokyo")
    assert title(free) == "Foreign Minister in Tokyo"  # free text stays as stored
