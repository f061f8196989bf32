"""Pictures as PNG: an SVG of :mod:`bilat.render.svg` rasterised by CairoSVG. Pure: bytes
in, bytes out."""

from __future__ import annotations

import cairosvg


def to_png(svg: str, width: int) -> bytes:
    """The picture ``width`` pixels wide, its height in proportion, on its own (opaque)
    background."""
    data = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=width, unsafe=False)
    assert isinstance(data, bytes)
    return data
