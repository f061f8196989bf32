"""Pictures as PNG (bilat.render.png): the bytes are a PNG of the width asked, the height in
proportion, drawn on the SVG's own background; nothing outside the SVG is read, and a
broken SVG is an error, never an image."""

from __future__ import annotations

import datetime as dt
import io
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from bilat import domain
from bilat.render import png, svg
from tests.helpers import event, load_text, store_text

SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


def box(width: int, height: int, fill: str = "#ff0000", extra: str = "") -> str:
    return (
        f'<svg {SVG_NS} width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<rect width="{width}" height="{height}" fill="{fill}"/>{extra}</svg>'
    )


def size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which a PNG puts first."""
    assert data[:8] == SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def pixels(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        converted: Image.Image = image.convert("RGBA")
    return converted


@pytest.mark.parametrize(
    ("svg_size", "width", "expected"),
    [
        ((200, 100), 400, (400, 200)),
        ((200, 100), 50, (50, 25)),
        ((100, 300), 100, (100, 300)),
        ((1600, 900), 640, (640, 360)),
    ],
)
def test_width_as_asked_and_height_in_proportion(
    svg_size: tuple[int, int], width: int, expected: tuple[int, int]
) -> None:
    data = png.to_png(box(*svg_size), width)
    assert isinstance(data, bytes)
    assert size(data) == expected


def test_the_pixels_are_the_pictures() -> None:
    image = pixels(png.to_png(box(200, 100, "#336699"), 100))
    assert image.getpixel((0, 0)) == (0x33, 0x66, 0x99, 255)
    assert image.getpixel((99, 49)) == (0x33, 0x66, 0x99, 255)


def test_unicode_text_is_encoded() -> None:
    text = '<text x="5" y="50" font-size="20">Türkiye – 日本</text>'
    assert size(png.to_png(box(200, 100, "#ffffff", text), 200)) == (200, 100)


def test_a_timeline_on_its_own_opaque_background() -> None:
    events = load_text(store_text(event(), event(id="e-2", date="2001", kind="visit", title="V")))
    entries = domain.timeline(domain.filter_events(events), dt.date(2026, 1, 1))
    picture = svg.timeline_svg(["AZ", "JP"], entries, dt.date(2026, 1, 1), events[0], None)
    height = int(ET.fromstring(picture.split("\n", 1)[1]).get("height", "0"))
    data = png.to_png(picture, 800)
    assert size(data) == (800, round(height / 2))
    image = pixels(data)
    assert image.getpixel((0, 0)) == (255, 255, 255, 255)
    assert image.getpixel((799, image.height - 1)) == (255, 255, 255, 255)


def test_deterministic() -> None:
    assert png.to_png(box(120, 80), 60) == png.to_png(box(120, 80), 60)


def test_files_named_in_the_svg_are_not_read(tmp_path: Path) -> None:
    black = tmp_path / "black.png"
    Image.new("RGB", (10, 10), (0, 0, 0)).save(black)
    image = f'<image href="{black.as_uri()}" x="0" y="0" width="100" height="100"/>'
    drawn = pixels(png.to_png(box(100, 100, "#ffffff", image), 100))
    assert drawn.getpixel((50, 50)) == (255, 255, 255, 255)  # the file was not drawn


def test_entities_are_refused() -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<svg {SVG_NS} width="10" height="10"><text>&x;</text></svg>'
    )
    with pytest.raises(ValueError, match="Entit"):
        png.to_png(xxe, 10)


@pytest.mark.parametrize("text", ["not xml", "<svg", f"<svg {SVG_NS}><rect"])
def test_text_that_is_not_xml_is_an_error(text: str) -> None:
    with pytest.raises(ET.ParseError):
        png.to_png(text, 100)


@pytest.mark.parametrize("text", ["<html/>", f"<svg {SVG_NS}/>"])
def test_a_picture_without_a_size_is_an_error(text: str) -> None:
    with pytest.raises(ValueError, match="size is undefined"):
        png.to_png(text, 100)
