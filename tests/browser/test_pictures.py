"""The pictures and the page as Chromium lays them out: no two texts overlap, every text
lies inside the picture, bilat's text measure is never short of the browser's, and the
PNG looks like the browser's rendering of the same SVG."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Page
from tests.helpers import Run, event

pytestmark = pytest.mark.browser

AS_OF = "2026-01-01"

#: Every <text> of the first <svg> of the document, in px from the picture's corner.
MEASURE = """(() => {
  const svg = document.querySelector('svg');
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const b = t.getBoundingClientRect();
    return {text: t.textContent, left: b.left - box.left, top: b.top - box.top,
            right: b.right - box.left, bottom: b.bottom - box.top,
            width: t.getBBox().width, size: parseFloat(getComputedStyle(t).fontSize),
            bold: t.getAttribute('font-weight') === 'bold' || !!t.querySelector('[font-weight]')};
  });
  return {width: box.width, height: box.height, texts};
})()"""

Box = dict[str, Any]


def overlapping(texts: list[Box], slack: float = 0.5) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            across = min(a["right"], b["right"]) - max(a["left"], b["left"])
            down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if across > slack and down > slack:
                found.append((a["text"], b["text"]))
    return found


def outside(layout: dict[str, Any], slack: float = 0.5) -> list[str]:
    return [
        t["text"]
        for t in layout["texts"]
        if t["left"] < -slack
        or t["top"] < -slack
        or t["right"] > layout["width"] + slack
        or t["bottom"] > layout["height"] + slack
    ]


def short_measures(texts: list[Box]) -> list[tuple[str, float, float]]:
    """Texts the browser draws wider than bilat measured them (bilat lays out by its
    measure, so a short one could overlap)."""
    from bilat.render.svg import text_width

    return [
        (t["text"], t["width"], text_width(t["text"], t["size"], bold=t["bold"]))
        for t in texts
        if t["width"] > text_width(t["text"], t["size"], bold=t["bold"]) + 0.5
    ]


# --------------------------------------------------------------------------- the pairs


def three_events() -> list[dict[str, Any]]:
    return [
        event(id="mt-1", date="2023-03", kind="visit", title="First visit", parties=["AZ", "MT"]),
        event(
            id="mt-2",
            date="2024-06-12",
            kind="agreement",
            title="Agreement on air services",
            parties=["AZ", "MT"],
            disputed=[{"date": "2024-07", "note": "A later date.", "sources": [{"title": "News"}]}],
        ),
        event(id="mt-3", date="2025", kind="other", title="Cultural year", parties=["AZ", "MT"]),
    ]


def long_titles() -> list[dict[str, Any]]:
    words = 'Very long title with <b>markup</b> & "quotes" \x1b[31m and a control '
    dates = ["2001-05-01", "2010", "2024-01-02", "2024-02-03", "2025-05-06", "2025-11"]
    return [
        event(
            id=f"long-{i}",
            date=date,
            end_date="2025-12-20" if i == 2 else None,
            kind=("visit", "agreement", "meeting")[i % 3],
            parties=["AZ", "MT"],
            title=(f"{i}: " + words * (3 + 6 * i))[:1000],
        )
        for i, date in enumerate(dates)
    ]


CASES: dict[str, tuple[list[str], Callable[[], list[dict[str, Any]]] | None]] = {
    "az-jp-46-events": (["timeline", "AZ", "JP"], None),
    "three-events": (["timeline", "AZ", "MT"], three_events),
    "us-jp-170-years": (["timeline", "US", "JP"], None),
    "long-titles": (["timeline", "AZ", "MT"], long_titles),
    "az-partners": (["relations", "AZ"], None),
}


@pytest.fixture
def draw(run: Run, make_store: Callable[..., Path], tmp_path: Path) -> Callable[..., Path]:
    """Write the SVG (or PNG) of a case to a file and return its path."""

    def write(case: str, fmt: str = "svg") -> Path:
        args, events = CASES[case]
        store = ["--store", str(make_store(events()))] if events else []
        out = tmp_path / f"{case}.{fmt}"
        result = run(*args, *store, "--as-of", AS_OF, "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
        return out

    return write


def svg_size(path: Path) -> tuple[int, int]:
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    return int(root.get("width", "0")), int(root.get("height", "0"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_text_overlaps_and_all_lie_inside(
    page: Page, draw: Callable[..., Path], case: str
) -> None:
    path = draw(case)
    width, height = svg_size(path)
    page.open(path.as_uri(), width, height)
    layout = page.evaluate(MEASURE)
    texts = layout["texts"]
    assert (layout["width"], layout["height"]) == (width, height)
    assert len(texts) > 10
    assert overlapping(texts) == []
    assert outside(layout) == []
    assert short_measures(texts) == []
    if case == "long-titles":
        assert any("\u2026" in t["text"] for t in texts)
        assert any('<b>markup</b> & "quotes" \\x1b[31m' in t["text"] for t in texts)


def test_png_looks_like_the_browsers_svg(page: Page, draw: Callable[..., Path]) -> None:
    from PIL import Image, ImageChops, ImageStat

    svg, png = draw("az-jp-46-events"), draw("az-jp-46-events", "png")
    width, height = svg_size(svg)
    page.open(svg.as_uri(), width, height)
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    ours = Image.open(png).convert("RGB")
    assert ours.size == shot.size == (width, height)

    def difference(a: Image.Image, b: Image.Image) -> float:
        return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3 / 255

    fine = difference(ours, shot)
    small = (width // 8, height // 8)
    coarse = difference(
        ours.resize(small, Image.Resampling.BOX), shot.resize(small, Image.Resampling.BOX)
    )
    print(f"PNG vs Chromium: mean pixel difference {fine:.2%}, at 1/8 scale {coarse:.2%}")
    assert fine < 0.05  # glyphs drift by a pixel here and there: two text engines
    assert coarse < 0.02


def test_the_page_in_the_browser(page: Page, run: Run, tmp_path: Path) -> None:
    out = tmp_path / "az-jp.html"
    result = run("export", "html", "AZ", "JP", "--as-of", AS_OF, "-o", str(out))
    assert result.exit_code == 0, result.output
    page.open(out.as_uri(), 1280, 900)
    layout = page.evaluate(MEASURE)
    assert overlapping(layout["texts"]) == []
    assert outside(layout) == []
    facts = page.evaluate(
        """({
        resources: performance.getEntriesByType('resource').length,
        overflow: document.documentElement.scrollWidth - innerWidth,
        links: [...document.querySelectorAll('a[href]')].map(a => a.protocol),
        tables: document.querySelectorAll('table').length,
        letters: document.querySelectorAll('article.letter').length,
        scripts: document.scripts.length,
      })"""
    )
    assert facts["resources"] == 0  # works offline: nothing is fetched
    assert facts["overflow"] <= 0
    assert facts["links"]
    assert set(facts["links"]) <= {"https:", "http:"}
    assert facts["tables"] == 2
    assert facts["letters"] >= 1
    assert facts["scripts"] == 0
    page.send("Emulation.setEmulatedMedia", media="print")
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "13.3333px"
    pdf = page.send("Page.printToPDF", printBackground=True)["data"]
    assert len(pdf) > 10_000


@pytest.mark.parametrize("width", [1585, 800])
def test_a_long_word_does_not_widen_the_page(
    page: Page, run: Run, make_store: Callable[..., Path], tmp_path: Path, width: int
) -> None:
    """A title, a summary and a source of one 300-letter word wrap inside the window."""
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 7
    word = word[:300]
    long_url = "https://example.org/" + word
    store = make_store(
        [
            event(title=word, summary=word, sources=[{"title": word, "url": long_url}]),
            event(id="e-2", date="2000-01-01", kind="visit", title="A visit"),
        ]
    )
    out = tmp_path / "long.html"
    result = run("export", "html", "AZ", "JP", "--store", str(store), "--as-of", AS_OF,
                 "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    page.open(out.as_uri(), width, 900)
    facts = page.evaluate(
        """({
        overflow: document.documentElement.scrollWidth - innerWidth,
        widest: Math.max(...[...document.querySelectorAll('main *')].map(
          e => e.getBoundingClientRect().right)) - innerWidth,
      })"""
    )
    assert facts["overflow"] <= 0
    assert facts["widest"] <= 0


# --------------------------------------------------------------------------- without a browser


def test_without_a_browser_skip_but_fail_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.browser.conftest import find_chromium, unavailable

    monkeypatch.setenv("BILAT_CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setenv("PATH", "/nonexistent")
    assert find_chromium() is None
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must run in CI"):
        unavailable("no Chromium found")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no Chromium found"):
        unavailable("no Chromium found")
