"""A country's partners (bilat.partners): relations, recognition and embassies both ways,
years since, the next milestone, and the orders they are listed in."""

from __future__ import annotations

import datetime as dt

from bilat.dates import PartialDate
from bilat.domain import YearsRange
from bilat.model import Event, Source
from bilat.partners import by_next_milestone, relations

P = PartialDate.parse
D = dt.date


def ev(id: str, date: str, parties: list[str], kind: str, by: str | None = None) -> Event:
    return Event(
        id=id,
        date=P(date),
        parties=parties,
        kind=kind,  # type: ignore[arg-type]
        title=id,
        by=by,
        sources=[Source(title="s")],
    )


def test_relations_partners_in_both_directions() -> None:
    events = [
        ev("rel-jp", "1992-09-07", ["AZ", "JP"], "diplomatic-relations"),
        ev("rec-jp", "1991-12-28", ["AZ", "JP"], "recognition", by="JP"),
        ev("emb-az", "2005-10-12", ["AZ", "JP"], "embassy-opened", by="AZ"),
        ev("emb-jp", "2000-01-21", ["AZ", "JP"], "embassy-opened", by="JP"),
        ev("rel-tr", "1992-01-14", ["AZ", "TR"], "diplomatic-relations"),
        ev("rec-ge", "1992", ["AZ", "GE"], "recognition", by="AZ"),
        ev("visit", "1993", ["AZ", "FR"], "visit"),
        ev("other", "1993", ["JP", "FR"], "diplomatic-relations"),
    ]
    found = relations(events, "AZ", D(2022, 1, 1))
    assert [p.code for p in found] == ["TR", "JP", "GE"]
    jp = found[1]
    assert jp.established is not None
    assert jp.established.id == "rel-jp"
    assert jp.years_ago == YearsRange(29, 29)
    assert jp.next_milestone == (30, P("2022-09-07"))
    assert jp.recognised_by_partner is not None
    assert jp.recognised_by_partner.id == "rec-jp"
    assert jp.recognised_by_focus is None
    assert jp.embassy_of_focus is not None
    assert jp.embassy_of_focus.id == "emb-az"
    assert jp.embassy_of_partner is not None
    assert jp.embassy_of_partner.id == "emb-jp"
    ge = found[2]
    assert ge.established is None
    assert ge.next_milestone is None
    assert ge.recognised_by_focus is not None


def test_by_next_milestone_puts_the_unknown_last() -> None:
    events = [
        ev("rel-jp", "1992-09-07", ["AZ", "JP"], "diplomatic-relations"),
        ev("rel-tr", "1992-01-14", ["AZ", "TR"], "diplomatic-relations"),
        ev("rec-ge", "1992", ["AZ", "GE"], "recognition", by="AZ"),
        ev("rec-fr", "1992", ["AZ", "FR"], "recognition", by="AZ"),
    ]
    found = relations(events, "AZ", D(2022, 6, 1))
    assert [p.code for p in found] == ["TR", "JP", "FR", "GE"]
    # TR's 30th fell in January; its next milestone (35th, 2027) comes after JP's 30th.
    assert [p.code for p in by_next_milestone(found)] == ["JP", "TR", "FR", "GE"]
