"""The pictures (``--format svg|png``): what the SVG holds, how dates are drawn, the text
measure, the axis and the lanes, the committed README picture, and the commands that draw.
How a browser lays the pictures out is checked in tests/browser."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bilat import domain
from bilat import partners as partners_mod
from bilat.domain import PartialDate
from bilat.render import svg
from bilat.store import bundled_store
from tests.helpers import ROOT, Run, assert_data_error, assert_usage_error, english, event

NS = {"s": "http://www.w3.org/2000/svg"}
AS_OF = dt.date(2026, 1, 1)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def pair_svg(events: Any, pair: tuple[str, str] = ("AZ", "JP"), as_of: dt.date = AS_OF) -> str:
    entries = domain.timeline(domain.filter_events(events, all_countries=pair), as_of)
    relations = domain.relations_event(events, *pair)
    years = domain.elapsed_years(relations.date, as_of) if relations else None
    return svg.timeline_svg(list(pair), entries, as_of, relations, years)


def load(events: list[dict[str, Any]]) -> tuple[domain.Event, ...]:
    from tests.helpers import load_text, store_text

    return load_text(store_text(*events))


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.fixture(scope="module")
def azjp() -> ET.Element:
    english()
    return ET.fromstring(pair_svg(bundled_store().events))


# --------------------------------------------------------------------------- the document


def test_a_self_contained_svg_with_a_background_and_generic_fonts(azjp: ET.Element) -> None:
    assert azjp.get("viewBox") == f"0 0 1600 {azjp.get('height')}"
    assert azjp.get("font-family") == "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
    background = azjp.find("s:rect", NS)
    assert background is not None
    assert (background.get("width"), background.get("height")) == ("1600", azjp.get("height"))
    assert background.get("fill") == "#ffffff"
    everything = list(azjp.iter())
    assert not [e for e in everything if e.tag.endswith(("script", "image", "foreignObject"))]
    assert not [k for e in everything for k in e.attrib if k.startswith("on") or "href" in k]


def test_title_as_of_milestones_legend_and_sources(azjp: ET.Element) -> None:
    shown = texts(azjp)
    assert shown[0] == "Azerbaijan – Japan: a timeline of relations"
    assert shown[1].startswith("Diplomatic relations since 7 September 1992: 33 years as of")
    assert "1 January 2026" in shown[1]
    assert "46 events" in shown[1]
    assert any(
        t.startswith("7 Sep 1992 Diplomatic relations established · 33 years") for t in shown
    )
    assert any(t.startswith("28 Dec 1991 Japan recognises Azerbaijan · 34 years") for t in shown)
    for words in (
        "visit",
        "letter",
        "date known only to the month or year",
        "as of 1 January 2026",
    ):
        assert words in shown
    sources = [t for t in shown if t.startswith("Sources: ")]
    assert len(sources) == 1
    assert "MOFA Japan" in " ".join(shown[shown.index(sources[0]) :])
    title = azjp.find("s:title", NS)
    assert title is not None
    assert title.text is not None
    assert "Azerbaijan – Japan" in title.text


def test_deterministic() -> None:
    events = bundled_store().events
    assert pair_svg(events) == pair_svg(events)


def test_store_text_is_escaped_and_cleaned() -> None:
    nasty = 'A <script>alert(1)</script> & "quoted" \x1b[31m\u202e text'
    events = load(
        [
            event(id="x-1", title=nasty, summary="</title><script>x</script>"),
            event(
                id="x-2",
                date="2001",
                kind="visit",
                title="Second",
                sources=[{"title": "Pub <b>: a & b", "url": "https://example.org/?a=1&b=2"}],
            ),
        ]
    )
    picture = pair_svg(events)
    root = ET.fromstring(picture)  # well-formed whatever the store holds
    assert "<script" not in picture
    assert any(
        'A <script>alert(1)</script> & "quoted" \\x1b[31m\\u202e text' in t for t in texts(root)
    )
    assert "Sources: A source; Pub <b>" in texts(root)
    assert "example.org" not in picture  # addresses are for the page, not the picture


# --------------------------------------------------------------------------- dates drawn


def marks(picture: str) -> ET.Element:
    return ET.fromstring(picture)


def bars(root: ET.Element, colour: str) -> list[dict[str, str]]:
    return [
        r.attrib for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("fill") == colour
    ]


def test_precision_is_drawn_as_a_span_of_the_period() -> None:
    events = load(
        [
            event(id="y", date="2001", kind="visit", title="Year only"),
            event(id="m", date="2005-03", kind="visit", title="Month only"),
            event(id="d", date="2010-05-06", kind="visit", title="A day"),
        ]
    )
    root = marks(pair_svg(events, as_of=dt.date(2012, 1, 1)))
    visit = svg.STYLE["visit"][1]
    spans = sorted(float(b["width"]) for b in bars(root, visit) if b.get("fill-opacity") == "0.22")
    axis = svg.Axis(2001, 2013, svg.MARGIN + 14.0, svg.WIDTH - svg.MARGIN - 14.0)
    one_year = axis.x(dt.date(2002, 1, 1)) - axis.x(dt.date(2001, 1, 1))
    march = axis.x(dt.date(2005, 4, 1)) - axis.x(dt.date(2005, 3, 1))
    assert spans == pytest.approx([march, one_year], abs=0.1)
    assert "Year only" in " ".join(texts(root))


def test_ranges_are_bars_and_disputed_dates_show_their_alternatives() -> None:
    events = load(
        [
            event(id="r", date="1998-02-24", end_date="1999-02-28", kind="visit", title="Long"),
            event(
                id="q",
                date="2000-01-21",
                kind="embassy-opened",
                title="Embassy",
                disputed=[
                    {"date": "2001-01", "note": "n", "sources": [{"title": "S"}]},
                    {"date": "2002-10-01", "note": "n", "sources": [{"title": "S"}]},
                ],
            ),
        ]
    )
    picture = pair_svg(events)
    root = marks(picture)
    visit, embassy = svg.STYLE["visit"][1], svg.STYLE["embassy-opened"][1]
    assert [b.get("fill-opacity") for b in bars(root, visit)].count("0.75") == 1
    hollow = [e for e in root.iter() if e.get("stroke") == embassy and e.get("fill") == "#ffffff"]
    assert len(hollow) == 2
    assert any(t.endswith("Embassy *") for t in texts(root))
    assert "24 Feb 1998–28 Feb 1999 Long" in texts(root)
    assert "* date another source gives" in texts(root)


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("1992-09-07", None, "7 Sep 1992"),
        ("1992-10", None, "Oct 1992"),
        ("1997", None, "1997"),
        ("2015-04-19", "2015-04-25", "19–25 Apr 2015"),
        ("2006-03-07", "2006-04-10", "7 Mar–10 Apr 2006"),
        ("1999-12-30", "2000-01-02", "30 Dec 1999–2 Jan 2000"),
        ("1862", "1950", "1862–1950"),
        ("2006-03", "2006-05", "Mar–May 2006"),
    ],
)
def test_date_range(start: str, end: str | None, shown: str) -> None:
    last = PartialDate.parse(end) if end else None
    assert svg.date_range(PartialDate.parse(start), last) == shown


# --------------------------------------------------------------------------- measure, axis, lanes


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans is not installed")
@pytest.mark.parametrize(
    "text",
    [
        "Diplomatic relations established",
        "WWW MMM",
        "iiil|",
        "Türkiye – Côte d'Ivoire",
        "Азербайджано-японские",
        "日本とアゼルバイジャン",
        "x\u0301y",
    ],
)
def test_the_measure_is_never_short_of_the_font(text: str) -> None:
    from PIL import ImageFont

    font = ImageFont.truetype(str(DEJAVU), 100)
    assert svg.text_width(text, 100) >= font.getlength(text)
    bold = ImageFont.truetype(str(DEJAVU.with_name("DejaVuSans-Bold.ttf")), 100)
    if text.isascii():
        assert svg.text_width(text, 100, bold=True) >= bold.getlength(text) * 0.97


def test_fit_cuts_with_an_ellipsis() -> None:
    assert svg.fit("short", 13, 500) == "short"
    cut = svg.fit("a long title " * 20, 13, 200)
    assert cut.endswith("…")
    assert svg.text_width(cut, 13) <= 200


@pytest.mark.parametrize(
    ("first", "last", "step", "months"),
    [
        (2023, 2027, 1, True),
        (1991, 2027, 2, False),
        (1854, 2027, 10, False),
        (1000, 2027, 50, False),
    ],
)
def test_ticks_for_any_span(first: int, last: int, step: int, months: bool) -> None:
    axis = svg.Axis(first, last, 62.0, 1538.0)
    labelled, minor = axis.ticks()
    assert labelled[1] - labelled[0] == step
    assert axis.x(dt.date(labelled[1], 1, 1)) - axis.x(dt.date(labelled[0], 1, 1)) >= 64
    assert (minor[1].month == 2) is months
    assert minor[-1] <= dt.date(last, 1, 1)


def test_pack_never_overlaps_and_stays_inside() -> None:
    base = dt.date(2000, 1, 1)
    rows = [
        svg.Row(
            "visit",
            svg.Span(base + dt.timedelta(days=37 * i), base + dt.timedelta(days=37 * i)),
            None,
            (),
            "1 Jan 2000",
            "Title " * (i % 9 + 1),
            "",
            "",
        )
        for i in range(150)
    ]
    axis = svg.Axis(2000, 2016, 62.0, 1538.0)
    placed = svg.pack(rows, axis, 13.0)
    boxes: dict[int, list[tuple[float, float]]] = {}
    for p in placed:
        assert p.x >= svg.MARGIN
        width = svg.text_width(f"{p.row.when} {p.title}", 13)
        assert p.x + width <= svg.WIDTH - svg.MARGIN
        boxes.setdefault(p.lane, []).append((p.x, p.x + width))
    for lane in boxes.values():
        lane.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(lane))


def test_sources_footnote_is_shortened_and_wrapped() -> None:
    events = load(
        [
            event(
                id=f"s-{i}",
                date=f"{1990 + i}",
                kind="visit",
                title=f"E{i}",
                sources=[{"title": f"Publisher number {i} (English): a very long article title"}],
            )
            for i in range(40)
        ]
    )
    shown = texts(marks(pair_svg(events)))
    lines = [t for t in shown if t.startswith("Sources: ")]
    assert lines[0].startswith("Sources: Publisher number 0; Publisher number 1;")
    footnote = shown[shown.index(lines[0]) : shown.index(lines[0]) + 3]
    assert re.search(r"and \d+ more$", footnote[-1])
    shown_count = sum(t.count("Publisher number") for t in footnote)
    assert footnote[-1].endswith(f"and {40 - shown_count} more")


# --------------------------------------------------------------------------- relations


def test_relations_strip_chart() -> None:
    partners = partners_mod.relations(bundled_store().events, "AZ", AS_OF)
    root = ET.fromstring(svg.relations_svg("AZ", partners, AS_OF))
    shown = texts(root)
    assert shown[0] == "Azerbaijan: diplomatic relations over time"
    assert "Japan" in shown
    assert "Türkiye" in shown
    dated = sum(1 for p in partners if p.established)
    assert shown[1].startswith(f"{dated} partners by the date relations were established")


def test_relations_says_how_many_have_no_date() -> None:
    events = load(
        [
            event(id="a", date="1992", kind="diplomatic-relations", parties=["AZ", "JP"]),
            event(
                id="b", date="1993", kind="recognition", by="MT", parties=["AZ", "MT"], title="R"
            ),
        ]
    )
    partners = partners_mod.relations(events, "AZ", AS_OF)
    shown = texts(ET.fromstring(svg.relations_svg("AZ", partners, AS_OF)))
    assert shown[1].endswith("; 1 without a date are not shown")


# --------------------------------------------------------------------------- the README picture


def gen_pictures() -> Any:
    spec = importlib.util.spec_from_file_location(
        "gen_pictures", ROOT / "tools" / "gen_pictures.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_picture_is_what_the_tool_makes() -> None:
    tool = gen_pictures()
    assert tool.SVG_PATH.read_text(encoding="utf-8") == tool.timeline_svg(), (
        "docs/azjp-timeline.svg is out of date: run python tools/gen_pictures.py"
    )
    from PIL import Image

    with Image.open(tool.PNG_PATH) as png:
        root = ET.fromstring(tool.timeline_svg())
        assert png.size == (1600, int(root.get("height", "0")))


def test_the_tool_checks_and_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tool = gen_pictures()
    assert tool.main(["--check"]) == 0
    monkeypatch.setattr(tool, "DOCS", tmp_path)
    monkeypatch.setattr(tool, "SVG_PATH", tmp_path / "p.svg")
    monkeypatch.setattr(tool, "PNG_PATH", tmp_path / "p.png")
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    assert tool.main(["--check"]) == 1
    assert tool.main([]) == 0
    assert tool.main(["--check"]) == 0
    assert (tmp_path / "p.png").read_bytes().startswith(b"\x89PNG")
    assert "is current" in capsys.readouterr().out


# --------------------------------------------------------------------------- the commands


def test_timeline_svg_to_standard_output(run: Run) -> None:
    result = run("timeline", "AZ", "JP", "--as-of", "2026-01-01", "--format", "svg")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<?xml")
    assert ET.fromstring(result.stdout.split("\n", 1)[1]).get("width") == "1600"


def test_timeline_svg_and_png_to_files(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "t.svg"
    result = run("timeline", "AZ", "JP", "--format", "svg", "--width", "800", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"SVG picture written to {out}" in result.stderr
    root = ET.parse(out).getroot()
    assert root.get("width") == "800"
    assert root.get("viewBox", "").startswith("0 0 1600 ")
    png = tmp_path / "t.png"
    result = run("timeline", "US", "JP", "--format", "png", "--width", "640", "-o", str(png))
    assert result.exit_code == 0, result.output
    from PIL import Image

    with Image.open(png) as image:
        assert image.size[0] == 640
        assert image.convert("RGB").getpixel((1, 1)) == (255, 255, 255)


def test_png_to_standard_output(run: Run) -> None:
    result = run("timeline", "AZ", "JP", "--format", "png")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"\x89PNG")


def test_png_is_not_written_to_a_terminal(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bilat.cli.options.stdout_is_terminal", lambda: True)
    assert_usage_error(run("timeline", "AZ", "JP", "--format", "png"), "-o FILE")


@pytest.mark.parametrize("option", [["-o", "x.svg"], ["--width", "800"]])
def test_picture_options_need_a_picture_format(run: Run, option: list[str]) -> None:
    assert_usage_error(run("timeline", "AZ", "JP", *option), "--format svg or png")


def test_one_country_and_an_empty_pair(run: Run, make_store: Callable[..., Path]) -> None:
    store = str(make_store([event(parties=["AZ", "JP"]), event(id="e-2", parties=["AZ", "MT"])]))
    result = run("timeline", "AZ", "--format", "svg", "--store", store)
    assert result.exit_code == 0, result.output
    assert "Japan: Diplomatic relations established" in result.stdout
    assert_data_error(
        run("timeline", "JP", "MT", "--format", "svg", "--store", store), "nothing to draw"
    )
    filtered = run("timeline", "AZ", "JP", "--since", "2030", "--format", "svg", "--store", store)
    assert_data_error(filtered, "nothing to draw: no event matches --kind, --since and --until")


def test_relations_svg_command(run: Run, make_store: Callable[..., Path]) -> None:
    result = run("relations", "AZ", "--format", "svg", "--as-of", "2026-01-01")
    assert result.exit_code == 0, result.output
    assert "Azerbaijan: diplomatic relations over time" in result.stdout
    store = str(make_store([event(kind="recognition", by="JP", title="Recognition")]))
    assert_data_error(run("relations", "AZ", "--format", "svg", "--store", store), "nothing")


def test_a_missing_extra_says_what_to_install(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "drawsvg", None)
    monkeypatch.delitem(sys.modules, "bilat.render.svg")
    result = run("timeline", "AZ", "JP", "--format", "svg")
    assert_data_error(result, "drawsvg is missing", "pip install 'bilat[images]'")


def test_a_missing_cairo_library_says_so(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def no_cairo(name: str, package: str | None = None) -> Any:
        if name == "bilat.render.png":
            raise OSError("no library called cairo-2 was found")
        if name == "bilat.render.html":
            raise ImportError("a bug", name="elsewhere")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_cairo)
    result = run("timeline", "AZ", "JP", "--format", "png", "-o", "-")
    assert_data_error(result, "libcairo2", "pip install 'bilat[images]'")
    with pytest.raises(ImportError, match="a bug"):
        run("export", "html", "AZ", "JP")
