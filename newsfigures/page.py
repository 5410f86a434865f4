"""``report.html``: an executed notebook as one self-contained page.

The page comes from the Jinja2 template ``templates/report.html.j2``: the notebook's markdown
cells and the outputs of its code cells, in order, with the code, prompts, stderr and cells
that show nothing left out. It loads nothing from the network (no script at all: no
require.js, no MathJax, so "$5 … $6" is never typeset as math), its figures are embedded as
``data:`` images, and a Content-Security-Policy forbids anything else.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from extract.output import write_text

__all__ = ["Block", "export_html", "notebook_blocks", "render_page"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "report.html.j2"


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the page: ``kind`` (``markdown``, ``output``, ``error``) and its HTML."""

    kind: str
    html: str


@cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


_ANCHOR = re.compile(r'<a class="anchor-link" href="#[^"]*">(?:&#182;|¶)</a>')


def _markdown(source: str) -> str:
    """Markdown as HTML, without the pilcrow links nbconvert puts in headings."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return _ANCHOR.sub("", str(markdown2html_mistune(source)))


def _output_html(output: Any) -> Block | None:
    """One cell output as a block; ``None`` for what a reader should not see (stderr)."""
    kind = output.get("output_type")
    if kind == "stream":
        if output.get("name") == "stderr":
            return None
        return Block("output", f"<pre>{html.escape(output.get('text', ''))}</pre>")
    if kind == "error":
        text = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
        return Block("error", f'<pre class="nf-error">{html.escape(text)}</pre>')
    data = output.get("data", {})
    if "text/html" in data:
        markup = data["text/html"]
        return Block("output", markup if isinstance(markup, str) else "".join(markup))
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            raw = str(data[mime]).replace("\n", "")
            return Block("output", f'<img src="data:{mime};base64,{raw}" alt="figure">')
    if "text/plain" in data:
        text = data["text/plain"]
        return Block("output", f"<pre>{html.escape(str(text))}</pre>")
    return None


def notebook_blocks(nb: Any) -> list[Block]:
    """The blocks of an executed notebook, in order (code cells showing nothing left out)."""
    blocks: list[Block] = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            blocks.append(Block("markdown", _markdown(cell.source)))
        elif cell.cell_type == "code":
            blocks.extend(b for o in cell.get("outputs", []) if (b := _output_html(o)))
    return blocks


def render_page(blocks: list[Block], *, title: str) -> str:
    """The page's HTML from the template."""
    from markupsafe import Markup

    shown = [Block(b.kind, Markup(b.html)) for b in blocks]
    return str(_environment().get_template(TEMPLATE).render(title=title, blocks=shown))


def export_html(notebook: Path, target: Path, *, title: str = "Report") -> Path:
    """Write ``target`` from the executed ``notebook`` (atomically); the target's path."""
    import nbformat

    nb = nbformat.read(str(notebook), as_version=4)
    page = render_page(notebook_blocks(nb), title=title)
    return write_text(page, target)
