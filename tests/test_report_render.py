"""The rendered report cut into tiles a person (or a viewer with a size limit) can look at
whole: every row of the screenshot lands in exactly one tile, in order."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from render_report import tiles


def test_tiles_cover_the_page_in_order(tmp_path: Path) -> None:
    page = tmp_path / "report.png"
    image = Image.new("RGB", (40, 250), "white")
    for y in range(250):
        image.putpixel((0, y), (y, 0, 0))  # each row marked by its number
    image.save(page)
    pieces = tiles(page, 100)
    assert [p.name for p in pieces] == ["report-1.png", "report-2.png", "report-3.png"]
    heights = [Image.open(p).size[1] for p in pieces]
    assert heights == [100, 100, 50]
    rows = [Image.open(p).getpixel((0, y))[0] for p in pieces for y in range(Image.open(p).size[1])]
    assert rows == list(range(250))


def test_a_tile_has_a_height(tmp_path: Path) -> None:
    page = tmp_path / "report.png"
    Image.new("RGB", (10, 10)).save(page)
    with pytest.raises(ValueError, match="at least 1 pixel"):
        tiles(page, 0)
