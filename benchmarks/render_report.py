"""Render a report.html to PNG with headless Chromium, to look at it as a reader would.

    python benchmarks/render_report.py outputs/sample-veskaria/report.html            # -> report.png
    python benchmarks/render_report.py REPORT.html -o shot.png --width 1280 --height 4000

Needs Chromium (Debian: ``apt-get install chromium``); ``--browser`` names another binary.
The page is rendered at ``--width`` x ``--height`` CSS pixels; use ``--fit`` to measure the
page first and cut the screenshot at its real height (two renders). ``--tiles PX`` also cuts
the screenshot into pieces PX tall (``report-1.png``, ``report-2.png`` ...), each small enough
to look at whole:

    python benchmarks/render_report.py outputs/sample-veskaria/report.html --fit --tiles 1600
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
)


def find_browser(name: str | None = None) -> str:
    for candidate in (name,) if name else BROWSERS:
        found = shutil.which(candidate) if candidate else None
        if found:
            return found
    raise SystemExit(
        "no Chromium found: install it (apt-get install -y chromium) or pass --browser PATH"
    )


def page_height(browser: str, page: Path, width: int, *, timeout: float = 60) -> int | None:
    """The rendered page's height in CSS pixels (``--dump-dom`` of a page that writes it)."""
    probe = (
        "<script>window.addEventListener('load',()=>{document.title="
        "String(document.documentElement.scrollHeight)});</script>"
    )
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / page.name
        # the report forbids scripts (Content-Security-Policy): lifted in this copy only
        text = re.sub(
            r'<meta http-equiv="Content-Security-Policy"[^>]*>',
            "",
            page.read_text(encoding="utf-8"),
        )
        copy.write_text(text.replace("</head>", probe + "</head>", 1))
        result = subprocess.run(
            [browser, *FLAGS, f"--window-size={width},1000", "--dump-dom", copy.as_uri()],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    marker = result.stdout.split("<title>", 1)[-1].split("</title>", 1)[0]
    return int(marker) if marker.isdigit() else None


def render(
    page: Path, target: Path, *, width: int = 1280, height: int = 4000, browser: str | None = None
) -> Path:
    """Screenshot ``page`` into ``target`` (PNG) and return ``target``."""
    binary = find_browser(browser)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                binary,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--screenshot={target.absolute()}",
                f"--window-size={width},{height}",
                page.absolute().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    if result.returncode != 0 or not target.is_file():
        raise SystemExit(f"chromium failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return target


def tiles(png: Path, height: int) -> list[Path]:
    """Cut ``png`` into pieces ``height`` pixels tall (the last one shorter), written beside it
    as ``<name>-1.png``, ``<name>-2.png`` ...; their paths in order."""
    from PIL import Image

    if height < 1:
        raise ValueError(f"a tile must be at least 1 pixel tall, not {height}")
    with Image.open(png) as image:
        width, total = image.size
        pieces = []
        for number, top in enumerate(range(0, total, height), start=1):
            piece = png.with_name(f"{png.stem}-{number}.png")
            image.crop((0, top, width, min(total, top + height))).save(piece)
            pieces.append(piece)
    return pieces


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="a report.html")
    parser.add_argument("-o", "--output", type=Path, help="PNG to write (default: beside it)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=4000)
    parser.add_argument("--fit", action="store_true", help="cut at the page's real height")
    parser.add_argument("--browser", help="Chromium binary (default: found on PATH)")
    parser.add_argument("--tiles", type=int, metavar="PX", help="also cut into pieces PX tall")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        print(f"no such file: {args.report}", file=sys.stderr)
        return 2
    height = args.height
    if args.fit:
        measured = page_height(find_browser(args.browser), args.report, args.width)
        height = measured + 40 if measured else height
    target = args.output or args.report.with_suffix(".png")
    render(args.report, target, width=args.width, height=height, browser=args.browser)
    print(f"{target} ({args.width}x{height})")
    for piece in tiles(target, args.tiles) if args.tiles else []:
        print(piece)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
