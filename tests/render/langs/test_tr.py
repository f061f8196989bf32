"""Turkish (bilat.render.langs.tr): 30. yıl dönümü, quotations in “ ”, compound names'
accusative (Devletleri'ni), titles from fields."""

from __future__ import annotations

import pytest

from bilat.domain import anniversaries_in
from bilat.render import lang
from bilat.render.common import title
from bilat.render.langs import tr
from bilat.render.press import press_line
from tests.helpers import make_event


def test_ordinals_take_a_full_stop() -> None:
    assert tr.ordinal(30) == "30."
    assert tr.anniversary(30) == "30. yıl dönümü"
    assert tr.year(2022) == "2022"


@pytest.mark.usefixtures("speak")
def test_press_lines_quote_and_decline() -> None:
    lang.use("tr")
    visit = make_event(kind="visit", date="1992-10", title="A visit")
    (found,) = anniversaries_in([visit], 2022, 5, "feb28")
    assert (
        press_line(found)
        == "Ekim 2022, “A visit” olayının 30. yıl dönümüdür (Azerbaycan, Japonya)."
    )
    us = make_event(parties=["US", "AZ"], kind="recognition", by="AZ", date="1991-12-25")
    (recognition,) = anniversaries_in([us], 2021, 5, "feb28")
    assert "Azerbaycan'ın Amerika Birleşik Devletleri'ni tanımasının" in press_line(recognition)


@pytest.mark.usefixtures("speak")
def test_titles_built_from_the_fields() -> None:
    lang.use("tr")
    recognises = make_event(parties=["TR", "AZ"], kind="recognition", by="TR",
                            title="Türkiye recognises Azerbaijan")  # fmt: skip
    assert title(recognises) == "Türkiye, Azerbaycan'ı tanıdı"
    raised = make_event(parties=["US", "TR"], kind="embassy-raised", by="US",
                        title="United States raises its legation to an embassy")  # fmt: skip
    assert title(raised) == "Amerika Birleşik Devletleri elçiliğini büyükelçiliğe yükseltti"
