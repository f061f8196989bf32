"""Turkish: ordinals with a full stop (30.), case suffixes after an apostrophe by vowel
harmony (Japonya'nın, Amerika Birleşik Devletleri'ni), quotations in “ ”, titles."""

from __future__ import annotations

from bilat.domain import Anniversary, Event
from bilat.render.common import long_date, name
from bilat.render.common import title as stored_title

from ._formulas import formula_title
from ._turkic import accusative, genitive


def year(year: int) -> str:
    return str(year)


def ordinal(n: int) -> str:
    return f"{n}."


def anniversary(n: int) -> str:
    return f"{n}. yıl dönümü"


def press_line(a: Anniversary, pair: tuple[str, str]) -> str:
    e = a.event
    first, second = (name(code) for code in pair)
    date, nth = long_date(a.date), anniversary(a.years)
    if e.kind == "diplomatic-relations":
        return (
            f"{date}, {first} ile {second} arasında diplomatik ilişkilerin kurulmasının {nth}dür."
        )
    if e.kind == "recognition" and e.by:
        other = name(next(p for p in e.parties if p != e.by))
        return (
            f"{date}, {genitive(name(e.by), 'tr')} {accusative(other, 'tr')} tanımasının {nth}dür."
        )
    return f"{date}, “{stored_title(e)}” olayının {nth}dür ({first}, {second})."


_ACTS = {
    "recognises": "{by}, {other_acc} tanıdı",
    "embassy-in": "{by} Büyükelçiliği açıldı ({place})",
    "opens-embassy": "{by} büyükelçilik açtı",
    "opens-legation": "{by} elçilik açtı",
    "raises-legation": "{by} elçiliğini büyükelçiliğe yükseltti",
    "closes-mission": "{by} temsilciliğini kapattı veya faaliyetini durdurdu",
    "reopens-embassy": "{by} büyükelçiliğini yeniden açtı",
    "reopens-legation": "{by} elçiliğini yeniden açtı",
    "opens-mission": "{by} büyükelçilik düzeyinin altında bir temsilcilik açtı",
    "opens-consulates": "{by} konsolosluklar açtı",
    "severs": "{by} diplomatik ilişkileri kesti",
    "established": "Diplomatik ilişkiler kuruldu",
    "restored": "Diplomatik ilişkiler yeniden kuruldu",
    "suspended": "Diplomatik ilişkiler askıya alındı",
    "severed": "Diplomatik ilişkiler kesildi",
    "consular": "Konsolosluk ilişkileri kuruldu",
    "mutual": "Karşılıklı tanıma",
    "legations-raised": "Elçilikler büyükelçiliğe yükseltildi",
}


def title(event: Event, pair: tuple[str, str]) -> str | None:
    return formula_title(event, _ACTS, lambda text: accusative(text, "tr"))
