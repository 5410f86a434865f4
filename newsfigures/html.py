"""HTML pieces the notebooks show: tables, labels, notes and links, every text escaped.

Jupyter shows an :class:`Html` as HTML; MathJax is told to leave it alone (:func:`no_math`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import polars as pl

from .words import _date, _plural

__all__ = ["MAX_ROWS", "Html", "no_math", "safe_link"]

#: Rows of a table before it is cut, with a pointer to the full table in Parquet.
MAX_ROWS = 40


@dataclass(frozen=True, slots=True)
class Html:
    """An HTML fragment that Jupyter displays as HTML (``str()`` gives the markup)."""

    text: str

    def _repr_html_(self) -> str:
        return no_math(self.text)

    def __str__(self) -> str:
        return self.text


def no_math(markup: str) -> str:
    """``markup`` in a block that JupyterLab's and classic Jupyter's MathJax leave alone, so
    that "$5 million … $6 million" is never typeset as math.

    >>> no_math("<p>$5 and $6</p>")
    '<div class="tex2jax_ignore mathjax_ignore"><p>$5 and $6</p></div>'
    """
    return f'<div class="tex2jax_ignore mathjax_ignore">{markup}</div>'


def safe_link(url: str | None) -> str:
    """A link a reader can click only when it is ``http`` or ``https``; any other address
    (``javascript:``, ``data:``, ``file:``) is shown as text.

    >>> safe_link("https://example.org/a?b=1&c=2")
    '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">https://example.org/a?b=1&amp;c=2</a>'
    >>> safe_link("javascript:alert(1)")
    '<span class="nf-url">javascript:alert(1)</span>'
    """
    if not url:
        return "no link given"
    text = url.strip()
    scheme = urlsplit(text).scheme.lower()
    printable = text.isprintable() and not any(c.isspace() for c in text)
    if scheme in ("http", "https") and printable:
        return f'<a href="{_esc(text)}" rel="noopener noreferrer">{_esc(_short(text))}</a>'
    return f'<span class="nf-url">{_esc(_short(url))}</span>'


def _short(url: str, limit: int = 60) -> str:
    """A long address cut for display (the link keeps the whole): host and path start.

    >>> _short("https://example.org/" + "a" * 80)[-12:]
    'aaaaaaaaaaa…'
    """
    return url if len(url) <= limit else url[: limit - 1] + "…"


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _table(
    rows: Sequence[Sequence[str]],
    headers: Sequence[str],
    *,
    caption: str | None = None,
    numeric: Sequence[int] = (),
) -> Html:
    """An HTML table; cells are HTML already (escape them when building the rows).

    Alignment is inline (text left, ``numeric`` columns right): notebook front-ends align
    table cells right by default, which makes sentences hard to read.
    """

    def align(i: int) -> str:
        side = "right" if i in numeric else "left"
        return f' style="text-align:{side};vertical-align:top"'

    head = "".join(f"<th{align(i)}>{_esc(h)}</th>" for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{align(i)}>{c}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    cap = f'<caption style="text-align:left">{_esc(caption)}</caption>' if caption else ""
    return Html(
        f'<table class="nf-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _capped(
    rows: Sequence[Sequence[str]],
    headers: Sequence[str],
    *,
    where: str,
    what: str = "row",
    total: int | None = None,
    limit: int = MAX_ROWS,
    numeric: Sequence[int] = (),
    caption: str | None = None,
) -> Html:
    """:func:`_table` of the first ``limit`` rows; when there are more (``total``, else as
    many as given), a note says how many and where the full table is (``where``)."""
    count = len(rows) if total is None else total
    shown = _table(rows[:limit], headers, numeric=numeric, caption=caption).text
    if count <= limit:
        return Html(shown)
    more = _note(f"The first {limit:,} of {_n(count, what)}; the full table is in {where}.")
    return Html(shown + more.text)


def _n(count: int, noun: str) -> str:
    """``_n(1, "report")`` -> "1 report"; ``_n(5, "news report")`` -> "5 news reports"."""
    return f"{count:,} {noun if count == 1 else _plural(noun, None)}"


_COLORS = {
    "diverge": "#c0392b",
    "agree": "#2e8b57",
    "growth": "#2c6fbb",
    "single": "#8c8c8c",
    "echo": "#8e6c8a",
    "uncertain": "#5f5f5f",
    "holds": "#2e8b57",
    "fails": "#c0392b",
    "warning": "#b35806",
    "derived": "#5f7f99",
}


def _pill(word: object) -> str:
    """A verdict or check status as a small coloured label (inline style: no CSS needed)."""
    color = _COLORS.get(str(word), "#555")
    return (
        f'<span class="nf-{_esc(word)}" style="color:#fff;background:{color};'
        f'padding:0 6px;border-radius:3px;white-space:nowrap">{_esc(word)}</span>'
    )


def _unnamed(doc_id: str) -> str:
    """How a report without an outlet is named everywhere: "outlet not given (file 04_…)"."""
    return f"outlet not given (file {doc_id})"


def _outlet(outlet: str | None, doc_id: str) -> str:
    return outlet or _unnamed(doc_id)


def _source_names(documents: pl.DataFrame) -> dict[str, str]:
    """doc_id -> "BBC News, 23 Dec 2022" ("outlet not given (file …)" without an outlet)."""
    names = {}
    for doc_id, outlet, published in documents.select("doc_id", "outlet", "published").iter_rows():
        name = _outlet(outlet, doc_id)
        names[doc_id] = f"{name}, {_date(published)}" if published else name
    return names


def _note(text: str) -> Html:
    return Html(f'<p class="nf-note">{_esc(text)}</p>')
