"""bilat as a library, for a notebook or a script: load stores, then ask what the commands
ask, and get back the objects they render.

>>> import datetime as dt
>>> from bilat import api
>>> events = api.load()  # the bundled store
>>> (entry,) = api.timeline(
...     events, "Azerbaijan", "Japan", as_of=dt.date(2025, 1, 1), kinds=["diplomatic-relations"]
... )
>>> entry.event.date, entry.event.title, str(entry.years_ago)
(PartialDate('1992-09-07'), 'Diplomatic relations established', '32')
>>> found = api.anniversaries(events, 2022, every=30, pair=["AZ", "JP"])
>>> [(a.date, a.ordinal, a.event.title) for a in found if a.event.kind == "diplomatic-relations"]
[(PartialDate('2022-09-07'), '30th', 'Diplomatic relations established')]
>>> soon = api.upcoming(events, as_of=dt.date(2022, 9, 1), days=10, pair=["AZ", "JP"])
>>> [(a.date, a.years) for a in soon if a.event.kind == "diplomatic-relations"]
[(PartialDate('2022-09-07'), 30)]
>>> japan = next(p for p in api.relations(events, "AZ", as_of=dt.date(2025, 1, 1))
...              if p.code == "JP")
>>> japan.established.date, str(japan.years_ago), japan.next_milestone
(PartialDate('1992-09-07'), '32', (35, PartialDate('2027-09-07')))

Countries are codes or names, as on the command line (an unknown one raises
:class:`bilat.countries.UnknownCountry`, a ``ValueError``); a store that cannot be read
raises :class:`bilat.vocab.StoreError` naming the file and the place. "Today" is always a
parameter (``as_of``): the library never reads the clock; for today, pass the date that
``datetime.date.today`` returns. The results are those of :mod:`bilat.domain` and :mod:`bilat.partners`:
:class:`~bilat.domain.TimelineEntry`, :class:`~bilat.domain.Anniversary`,
:class:`~bilat.partners.Partner`, each holding the stored
:class:`~bilat.model.Event`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence

from dateutil.relativedelta import relativedelta

from . import domain, partners, store, views
from .countries import resolve
from .dates import PartialDate
from .domain import Anniversary, TimelineEntry
from .model import Event
from .partners import Partner
from .vocab import LeapRule

__all__ = ["anniversaries", "load", "relations", "timeline", "upcoming"]

Events = Sequence[Event]


def load(*paths: str | os.PathLike[str], bundled: bool | None = None) -> tuple[Event, ...]:
    """The events of the bundled store (by default, or with ``bundled=True``), then of
    each store file in ``paths``, merged: an id in a later store replaces the earlier
    event, as ``--store`` does.

    >>> from bilat import api
    >>> api.load("no-such-store.json")
    Traceback (most recent call last):
    ...
    bilat.vocab.StoreError: no-such-store.json: no such store file
    """
    stores = [store.bundled_store()] if (not paths if bundled is None else bundled) else []
    stores += [store.load_path(path) for path in paths]
    return store.merge(stores)


def timeline(
    events: Events,
    a: str,
    b: str | None = None,
    *,
    as_of: dt.date,
    kinds: Iterable[str] = (),
    since: str | PartialDate | None = None,
    until: str | PartialDate | None = None,
) -> list[TimelineEntry]:
    """The events of the pair ``a``, ``b`` (or of the one country ``a``), oldest first,
    with the years since each as of ``as_of``: ``bilat timeline A [B]``. ``since`` and
    ``until`` are dates (``"1998"``, ``"1998-02"``, ``"1998-02-26"``)."""
    focus = [resolve(a)] + ([] if b is None else [resolve(b)])
    view = views.pair_view(
        events, focus, as_of, kinds=tuple(kinds), since=_date(since), until=_date(until)
    )
    return view.entries


def anniversaries(
    events: Events,
    year: int,
    *,
    every: int = 5,
    countries: Iterable[str] = (),
    pair: Iterable[str] = (),
    kinds: Iterable[str] = (),
    leap: LeapRule = "feb28",
) -> list[Anniversary]:
    """The milestone anniversaries (multiples of ``every`` years) in ``year``, by day:
    ``bilat anniversary``. ``countries``: events of any of them; ``pair``: of both.
    Letters and anniversary events count only when asked for by ``kinds``."""
    return domain.anniversaries_in(_commemorated(events, countries, pair, kinds), year, every, leap)


def upcoming(
    events: Events,
    *,
    as_of: dt.date,
    days: int = 90,
    every: int = 5,
    leap: LeapRule = "feb28",
    countries: Iterable[str] = (),
    pair: Iterable[str] = (),
    kinds: Iterable[str] = (),
) -> list[Anniversary]:
    """The milestone anniversaries of the ``days`` days from ``as_of``, soonest first:
    ``bilat upcoming``; the other parameters as for :func:`anniversaries`."""
    selected = _commemorated(events, countries, pair, kinds)
    return domain.anniversaries_between(
        selected, as_of, as_of + relativedelta(days=days), every, leap
    )


def relations(
    events: Events,
    country: str,
    *,
    as_of: dt.date,
    every: int = 5,
    leap: LeapRule = "feb28",
    sort: str = "established",
) -> list[Partner]:
    """The partners of ``country``: relations established, years, the next milestone
    (of ``every`` years), recognition and embassies both ways: ``bilat relations``.
    ``sort="next"`` orders them by the coming milestone."""
    if sort not in ("established", "next"):
        raise ValueError(f"sort must be 'established' or 'next', not {sort!r}")
    found = partners.relations(events, resolve(country), as_of, every, leap)
    return partners.by_next_milestone(found) if sort == "next" else found


def _date(value: str | PartialDate | None) -> PartialDate | None:
    return PartialDate.parse(value) if isinstance(value, str) else value


def _commemorated(
    events: Events, any_of: Iterable[str], pair: Iterable[str], kinds: Iterable[str]
) -> list[Event]:
    """The events whose anniversaries are placed, as the commands select them."""
    return views.commemorated(
        events,
        countries=[resolve(c) for c in any_of],
        pair=[resolve(c) for c in pair],
        kinds=tuple(kinds),
    )
