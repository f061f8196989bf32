"""Japanese: years counted with 年 and anniversaries with 周年, no declension (particles
follow the names), the press line and titles as MOFA writes them."""

from __future__ import annotations

from bilat.domain import Anniversary, Event
from bilat.render.common import long_date, name
from bilat.render.common import title as stored_title

from ._formulas import formula_title


def year(year: int) -> str:
    return f"{year}年"


def ordinal(n: int) -> str:
    return f"{n}周年"  # as an anniversary is counted


def anniversary(n: int) -> str:
    return f"{n}周年"


def press_line(a: Anniversary, pair: tuple[str, str]) -> str:
    e = a.event
    first, second = (name(code) for code in pair)
    date, nth = long_date(a.date), anniversary(a.years)
    if e.kind == "diplomatic-relations":
        return f"{date}は、{first}と{second}の外交関係樹立{nth}です。"
    if e.kind == "recognition" and e.by:
        other = name(next(p for p in e.parties if p != e.by))
        return f"{date}は、{name(e.by)}による{other}承認{nth}です。"
    return f"{date}は、「{stored_title(e)}」（{first}・{second}）から{nth}です。"


_ACTS = {
    "recognises": "{by}が{other}を承認",
    "embassy-in": "{by}大使館開設（{place}）",
    "opens-embassy": "{by}が大使館を開設",
    "opens-legation": "{by}が公使館を開設",
    "raises-legation": "{by}が公使館を大使館に昇格",
    "closes-mission": "{by}が公館を閉鎖・業務停止",
    "reopens-embassy": "{by}が大使館を再開",
    "reopens-legation": "{by}が公使館を再開",
    "opens-mission": "{by}が大使館以外の代表部を開設",
    "opens-consulates": "{by}が領事館を開設",
    "severs": "{by}が外交関係を断絶",
    "established": "外交関係樹立",
    "restored": "外交関係回復",
    "suspended": "外交関係停止",
    "severed": "外交関係断絶",
    "consular": "領事関係樹立",
    "mutual": "相互承認",
    "legations-raised": "公使館を大使館に昇格",
}


def title(event: Event, pair: tuple[str, str]) -> str | None:
    return formula_title(event, _ACTS)
