"""What the notebooks show: tables, figures and paragraphs, each one call.

The notebooks in ``notebooks/`` hold no logic: every step they take is one call here.

* :func:`check_parameters` (:mod:`newsfigures.params`) turns the notebook parameters into
  :class:`Settings`, or raises :class:`ParameterError` with a short message in plain words;
* :func:`load_corpus` and :func:`reconcile_corpus` build the tables (sorted, so the same
  input and parameters always give the same tables), :func:`write_tables` writes them;
* the display helpers (:func:`counts_table`, :func:`claim_sample`, :func:`headlines`,
  :func:`range_figures` ...) return small objects that Jupyter shows as HTML
  (:mod:`newsfigures.html`), bounded on any corpus, with amounts in words
  (:mod:`newsfigures.words`);
* :func:`headline` writes the paragraph about one divergent quantity from the assertions;
* a run of the three notebooks and its ``report.html`` are :mod:`newsfigures.run` and
  :mod:`newsfigures.page`.
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from extract import Document, iter_documents, write_table
from extract.schema import DOCUMENTS_SCHEMA, SKIPPED_SCHEMA, conform_claims
from reconcile import ReconcileResult, load_mapping, reconcile
from reconcile.compare import _fmt as _why_figure  # how reconcile writes a figure in ``why``
from reconcile.ratios import times
from reconcile.tables import reading_words

from .html import (
    MAX_ROWS,
    Html,
    _capped,
    _esc,
    _n,
    _note,
    _outlet,
    _pill,
    _source_names,
    _table,
    _unnamed,
    no_math,
    safe_link,
)
from .params import (
    RESULT_TABLES,
    ParameterError,
    Settings,
    check_parameters,
    default_outputs,
    is_sample_corpus,
)
from .rows import not_headlined, share_labels
from .words import _UNCOUNTABLE, _date, _number, _plural, format_amount, times_apart

__all__ = [
    "Corpus",
    "Html",
    "ParameterError",
    "ReportFigures",
    "Settings",
    "boilerplate_table",
    "check_parameters",
    "checks_table",
    "claim_sample",
    "corpus_summary",
    "counts_table",
    "default_outputs",
    "figure_cells",
    "format_amount",
    "headline",
    "headlines",
    "highlight",
    "is_sample_corpus",
    "left_out",
    "load_corpus",
    "method_note",
    "no_math",
    "overview_figure",
    "quantities_table",
    "range_figures",
    "reconcile_corpus",
    "report_figures",
    "safe_link",
    "select_topic",
    "skipped_table",
    "slug",
    "sources_table",
    "stances_table",
    "timeline_figures",
    "times_apart",
    "title_block",
    "topic_found",
    "topic_summary",
    "unused_renames",
    "verdict_words",
    "write_tables",
]

DPI = 100  # PNG resolution of saved figures (the SVG beside each is for print)
#: Bounds that keep a report readable and small on any corpus; full tables stay in Parquet.
MAX_FIGURES = 8  # range plots
MAX_TIMELINES = 6  # plots of estimates over time
MAX_HEADLINES = 8  # paragraphs about divergent quantities
MAX_NAMES = 5  # asserters named in one paragraph
OVERVIEW_TOP = 15  # bars in the overview chart
MAX_OUTLETS = 3  # outlets named for one estimate
#: Verdicts in the order a reader meets them (reconcile's order of importance).
VERDICT_ORDER = ("diverge", "uncertain", "growth", "agree", "echo", "single")
#: The verdicts whose spread says how far apart sources are: not one source's figures
#: (single, echo), nor figures that may count different things (uncertain).
COMPARED = ("diverge", "growth", "agree")
_INSTITUTION = re.compile(
    r"\b(government|officials?|ministry|military|army|police|office|department|agency|"
    r"council|intelligence|authorities|commission|bank|service|forces|embassy|"
    r"administration|white house|pentagon|kremlin|un|nato|fund|institute|board)\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True, slots=True)
class Corpus:
    """A corpus read and extracted: claims, documents, skipped inputs and document texts."""

    claims: pl.DataFrame
    documents: pl.DataFrame
    skipped: pl.DataFrame
    texts: dict[str, str] = field(repr=False)


def sort_claims(claims: pl.DataFrame) -> pl.DataFrame:
    return claims.sort("doc_id", "start", "end", "claim_id", nulls_last=True)


def importance() -> pl.Expr:
    """How much a quantity matters to a reader: log2 of its spread times its number of
    independent estimates (a 2x gap between ten sources before a 50x gap between two)."""
    spread = pl.col("spread").fill_null(1.0).clip(lower_bound=1.0)
    return spread.log(2) * pl.col("n_assertions").fill_null(0).cast(pl.Float64)


def sort_quantities(quantities: pl.DataFrame) -> pl.DataFrame:
    """Divergent first, then growth, agree, single, other verdicts; each by :func:`importance`
    (then spread), so the quantities that matter most come first."""
    rank = (
        pl.col("verdict")
        .cast(pl.String)
        .replace_strict(
            {v: i for i, v in enumerate(VERDICT_ORDER)},
            default=len(VERDICT_ORDER),
            return_dtype=pl.Int64,
        )
    )
    return (
        quantities.with_columns(_rank=rank, _importance=importance())
        .sort(
            ["_rank", "_importance", "spread", "label", "quantity_id"],
            descending=[False, True, True, False, False],
            nulls_last=True,
        )
        .drop("_rank", "_importance")
    )


#: Dimensions whose figures are lengths of time ("20 years", "aged 60"): they frame a
#: report's figures but are not what it reports, so a report lists them among the figures
#: it does not compare (the claims table keeps them and their grouping), never as quantities.
LENGTHS_OF_TIME = ("duration", "age")


def _reported(result: ReconcileResult) -> ReconcileResult:
    """``result`` without the quantities (and their assertions) of :data:`LENGTHS_OF_TIME`
    or whose figures no row can say in one measure (:func:`~newsfigures.rows.not_headlined`); each share
    labelled by the whole its figures name (:func:`~newsfigures.rows.share_labels`). (A row
    whose figures' words name a year is dated in it by :func:`reconcile.core.dated_by_period`.)"""
    unshown = not_headlined(result.claims).get_column("quantity_id").unique().implode()
    kept = result.quantities.filter(
        ~pl.col("dimension").cast(pl.String).is_in(LENGTHS_OF_TIME).fill_null(False)
        & ~pl.col("quantity_id").is_in(unshown)
    )
    kept = share_labels(kept, result.claims)
    ids = kept.get_column("quantity_id").implode()
    return ReconcileResult(
        claims=result.claims,
        quantities=kept,
        assertions=result.assertions.filter(pl.col("quantity_id").is_in(ids)),
        checks=result.checks,
        stances=result.stances,
    )


def _sort_result(result: ReconcileResult) -> ReconcileResult:
    result = _reported(result)
    return ReconcileResult(
        claims=sort_claims(result.claims),
        quantities=sort_quantities(result.quantities),
        assertions=result.assertions.sort(
            "quantity_id", "as_of", "asserter", "assertion_id", nulls_last=True
        ),
        checks=result.checks.sort("check_id"),
        # assertion_ids is a set (built in hash order): sorted, so runs write the same table
        stances=result.stances.with_columns(pl.col("assertion_ids").list.sort()).sort(
            "doc_id", "who", "sentence", nulls_last=True
        ),
    )


def load_corpus(settings: Settings) -> Corpus:
    """Read the corpus; claims come from ``settings.claims`` when given, else are extracted.

    The texts are not read here: :func:`reconcile_corpus`, the one step that needs them,
    reads them.
    """
    if settings.claims is not None:
        folder = settings.claims.parent
        claims = conform_claims(pl.read_parquet(settings.claims))
        documents = _read_or_none(folder / "documents.parquet", DOCUMENTS_SCHEMA)
        skipped = _read_or_none(folder / "skipped.parquet", SKIPPED_SCHEMA)
        if documents is None or skipped is None:
            extracted = _extract(settings)
            documents, skipped = extracted.documents, extracted.skipped
    else:
        extracted = _extract(settings)
        claims, documents, skipped = extracted.claims, extracted.documents, extracted.skipped
    return Corpus(
        claims=sort_claims(claims),
        documents=documents.sort("doc_id"),
        skipped=skipped.sort("source", "doc_id", nulls_last=True),
        texts={},
    )


def _extract(settings: Settings) -> Any:
    """The corpus extracted (claims, documents, skipped). The extractor is imported here, not
    with this module: a notebook that reads the claims table starts without it."""
    from extract import extract_corpus_report

    return extract_corpus_report(settings.corpus, manifest=settings.manifest, progress=False)


def read_texts(corpus: Path, manifest: Path | None = None) -> dict[str, str]:
    """Each document's text by ``doc_id`` (what reconcile reads sentences from)."""
    records = iter_documents(corpus, manifest=manifest)
    return {r.doc_id: r.text for r in records if isinstance(r, Document)}


def _read_or_none(path: Path, schema: pl.Schema) -> pl.DataFrame | None:
    if not path.is_file():
        return None
    return pl.read_parquet(path).cast(schema, strict=False)


def reconcile_corpus(settings: Settings, corpus: Corpus) -> ReconcileResult:
    """:func:`reconcile.reconcile` with the notebook's parameters; every table sorted.

    With ``settings.tables`` (the folder ``02_reconcile`` wrote into, in the same run) the
    tables are read from there instead of being computed a second time.
    """
    if settings.tables is not None:
        return ReconcileResult(
            **{
                "claims" if name == "grouped_claims" else name: pl.read_parquet(
                    settings.tables / f"{name}.parquet"
                )
                for name in RESULT_TABLES
            }
        )
    result = reconcile(
        corpus.claims,
        currency=settings.currency,
        window_days=settings.window_days,
        threshold=settings.threshold,
        consensus=settings.consensus,  # type: ignore[arg-type]  # checked in check_parameters
        mapping=settings.mapping,
        texts=corpus.texts or read_texts(settings.corpus, settings.manifest),
    )
    return _sort_result(result)


def write_tables(out_dir: str | os.PathLike[str], **frames: pl.DataFrame) -> Html:
    """Write each frame to ``out_dir/<name>.parquet`` (atomically) and list what was written."""
    folder = Path(out_dir)
    rows = []
    for name, frame in frames.items():
        path = write_table(frame, folder / f"{name}.parquet")
        rows.append([_esc(path.name), f"{frame.height:,}", _esc(str(path))])
    return _table(rows, ["table", "rows", "written to"], numeric=(1,))


# --------------------------------------------------------------------------- 01: claims


def highlight(sentence: str | None, start: int, end: int) -> str:
    """The sentence as HTML with ``sentence[start:end]`` in ``<mark>``.

    >>> highlight("It has 50,000 men.", 7, 13)
    'It has <mark>50,000</mark> men.'
    """
    text = sentence or ""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return f"{_esc(text[:start])}<mark>{_esc(text[start:end])}</mark>{_esc(text[end:])}"


def _marked_claim(r: Mapping[str, Any]) -> str:
    """A claim row's sentence with its figure marked (offsets made relative to the sentence)."""
    at = int(r["start"]) - int(r["sentence_start"])
    return highlight(r["sentence"], at, at + int(r["end"]) - int(r["start"]))


def corpus_summary(corpus: Corpus) -> Html:
    claims = corpus.claims
    furniture = int(claims.get_column("boilerplate").fill_null(False).sum()) if claims.height else 0
    return Html(
        f"<p>Read <b>{_n(corpus.documents.height, 'document')}</b>; skipped "
        f"<b>{_n(corpus.skipped.height, 'input')}</b>. Found "
        f"<b>{_n(claims.height, 'numeric claim')}</b>, {furniture} of them in page furniture.</p>"
    )


def counts_table(claims: pl.DataFrame) -> Html:
    """Claims per document (rows) and dimension (columns), furniture counted apart."""
    if claims.height == 0:
        return _note("No numeric claim was found.")
    frame = claims.with_columns(
        dim=pl.when(pl.col("boilerplate").fill_null(False))
        .then(pl.lit("page furniture"))
        .otherwise(pl.col("dimension").cast(pl.String))
    )
    dims = sorted(d for d in frame.get_column("dim").unique().to_list() if d != "page furniture")
    if "page furniture" in frame.get_column("dim").to_list():
        dims.append("page furniture")
    counts = frame.group_by("doc_id", "dim").len()
    lookup = {(d, m): n for d, m, n in counts.iter_rows()}
    per_doc = (
        counts.group_by("doc_id")
        .agg(pl.col("len").sum())
        .sort(["len", "doc_id"], descending=[True, False])
    )
    rows = []
    for doc in per_doc.get_column("doc_id").head(MAX_ROWS).to_list():
        cells = [lookup.get((doc, d), 0) for d in dims]
        rows.append([_esc(doc), *(str(c) if c else "" for c in cells), f"<b>{sum(cells)}</b>"])
    totals = counts.group_by("dim").agg(pl.col("len").sum())
    by_dim = dict(totals.iter_rows())
    total = [by_dim.get(d, 0) for d in dims]
    table = _capped(
        rows,
        ["document", *dims, "total"],
        total=per_doc.height,
        what="document",
        where="claims.parquet",
        numeric=range(1, len(dims) + 2),
        caption="documents with the most claims first" if per_doc.height > MAX_ROWS else None,
    )
    summary = _table(
        [["<b>all documents</b>", *(f"<b>{t:,}</b>" for t in total), f"<b>{sum(total):,}</b>"]],
        ["", *dims, "total"],
        numeric=range(1, len(dims) + 2),
    )
    return Html(table.text + summary.text)


def claim_sample(claims: pl.DataFrame, n: int = 12) -> Html:
    """Up to ``n`` article claims (not furniture), taken in turn from each document."""
    article = claims.filter(~pl.col("boilerplate").fill_null(False))
    if article.height == 0:
        return _note("No claim outside page furniture.")
    picked = (
        article.with_columns(_turn=pl.int_range(pl.len()).over("doc_id"))
        .sort("_turn", "doc_id", "start")
        .head(max(n, 0))
        .sort("doc_id", "start")
    )
    rows = []
    for r in picked.iter_rows(named=True):
        rows.append(
            [
                _esc(r["doc_id"]),
                _marked_claim(r),
                _esc(format_amount(r["value"], r["unit"], per=r["per"], qualifier=r["qualifier"])),
                _esc(r["bound"]),
                _esc(r["dimension"]),
                _esc(r["concept"]),
                _esc(r["attribution"]),
            ]
        )
    return _table(
        rows,
        [
            "document",
            "sentence (claim marked)",
            "read as",
            "bound",
            "dimension",
            "measures",
            "said by",
        ],
        caption=f"{picked.height} of {article.height} claims outside page furniture",
    )


def skipped_table(skipped: pl.DataFrame) -> Html:
    if skipped.height == 0:
        return _note("Nothing was skipped: every input was read.")
    rows = [
        [_esc(s), _esc(d), _esc(r)]
        for s, d, r in skipped.select("source", "doc_id", "reason").head(MAX_ROWS).iter_rows()
    ]
    return _capped(
        rows,
        ["input", "document", "why it was skipped"],
        total=skipped.height,
        what="skipped input",
        where="skipped.parquet",
    )


def boilerplate_table(claims: pl.DataFrame) -> Html:
    """Claims in page furniture (lists of other stories, share prompts ...), kept but set apart."""
    furniture = claims.filter(pl.col("boilerplate").fill_null(False))
    if furniture.height == 0:
        return _note("No claim sits in page furniture.")
    rows = []
    for r in furniture.head(MAX_ROWS).iter_rows(named=True):
        rows.append([_esc(r["doc_id"]), _marked_claim(r)])
    return _capped(
        rows,
        ["document", "page furniture (not used)"],
        total=furniture.height,
        what="claim in page furniture",
        where="claims.parquet (boilerplate = true)",
    )


# --------------------------------------------------------------------------- 02: quantities


def quantities_table(quantities: pl.DataFrame, assertions: pl.DataFrame | None = None) -> Html:
    """Every quantity with its verdict, divergent first (the order of :func:`sort_quantities`);
    with ``assertions``, its middle and range are figures the sources gave
    (:func:`figure_cells`)."""
    if quantities.height == 0:
        return _note("No quantity was found.")
    rows = []
    shown = sort_quantities(quantities).head(MAX_ROWS)
    figures = _figures_of(shown, assertions) if assertions is not None else {}
    for q in shown.iter_rows(named=True):
        verdict = str(q["verdict"])
        if q["quantity_id"] in figures:
            middle, span = figure_cells(q, figures[q["quantity_id"]])
        else:
            middle = _middle(q)
            span = (
                f"{_number(q['low'])} – {_number(q['high'])}"
                if q["low"] is not None and q["high"] is not None
                else ""
            )
        rows.append(
            [
                _esc(q["label"]),
                _pill(verdict),
                _esc(middle),
                _esc(span),
                _esc(times(q["spread"]) if q["spread"] is not None else ""),
                str(q["n_assertions"]),
                str(q["n_reports"]),
                _esc(q["why"]),
            ]
        )
    return _capped(
        rows,
        [
            "quantity",
            "verdict",
            "middle estimate",
            "lowest – highest",
            "spread",
            "estimates",
            "reports",
            "why",
        ],
        total=quantities.height,
        what="quantity",
        where="quantities.parquet",
        numeric=(2, 3, 4, 5, 6),
    )


def checks_table(checks: pl.DataFrame) -> Html:
    """The arithmetic checks: parts that should add up, shares, directions of change."""
    notes = checks.filter(pl.col("kind").cast(pl.String) == "input").height
    shown = checks.filter(pl.col("kind").cast(pl.String) != "input")
    aside = (
        _note(
            f"Not shown: {_n(notes, 'note')} on single figures (no date, no exchange rate …), "
            "which check nothing; they are in checks.parquet (kind = input)."
        ).text
        if notes
        else ""
    )
    if shown.height == 0:
        return Html(
            _note("No arithmetic relation between the figures was found to check.").text + aside
        )
    rows = [
        [_pill(s), _esc(str(k).replace("_", " ")), _esc(d)]
        for s, k, d in shown.select("status", "kind", "description").head(MAX_ROWS).iter_rows()
    ]
    table = _capped(
        rows,
        ["result", "check", "what was checked"],
        total=shown.height,
        what="check",
        where="checks.parquet",
    )
    derived = (
        _note(
            "derived: a share of a whole implies the whole's size; no figure of the whole "
            "was given to check it against, so it neither holds nor fails."
        ).text
        if (shown.get_column("status").cast(pl.String) == "derived").any()
        else ""
    )
    return Html(table.text + derived + aside)


def stances_table(
    stances: pl.DataFrame,
    documents: pl.DataFrame | None = None,
    *,
    figures: ReconcileResult | None = None,
) -> Html:
    """Denials and disputes; with ``documents``, sources are named by outlet and date; with
    ``figures`` (the reconciled tables), each says which figures it disputes, or that it is
    tied to none."""
    if stances.height == 0:
        return _note("No denial or dispute was found in the reports.")
    names = _source_names(documents) if documents is not None else {}
    labels = _disputed_labels(figures) if figures is not None else None
    rows = []
    for d, w, s, ids in (
        stances.select("doc_id", "who", "sentence", "assertion_ids").head(MAX_ROWS).iter_rows()
    ):
        row = [_esc(w), _esc(s), _esc(names.get(d, _unnamed(d)))]
        if labels is not None:
            about = list(dict.fromkeys(labels[i] for i in ids or [] if i in labels))
            more = f" and {len(about) - 3} more" if len(about) > 3 else ""
            row.append(
                _esc("; ".join(about[:3]) + more if about else NO_FIGURE)
            )  # labels hold commas
        rows.append(row)
    header = ["who disputes", "what the report says", "source"]
    return _capped(
        rows,
        header if labels is None else [*header, "figures it disputes"],
        total=stances.height,
        what="denial or dispute",
        where="stances.parquet",
    )


#: What the denials table says of a denial tied to no figure (it denies a claim, not a number).
NO_FIGURE = "none: it is not tied to a figure in these reports"


def _disputed_labels(figures: ReconcileResult) -> dict[str, str]:
    """assertion_id -> the label of its quantity."""
    pairs = figures.assertions.select("assertion_id", "quantity_id").join(
        figures.quantities.select("quantity_id", "label"), on="quantity_id"
    )
    return dict(zip(pairs["assertion_id"].to_list(), pairs["label"].to_list(), strict=True))


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True, slots=True)
class Figures:
    """Saved figures shown one under the other (PNG embedded in the HTML)."""

    items: tuple[tuple[str, Path], ...]
    empty: str = "No figure."
    note: str = ""

    def _repr_html_(self) -> str:
        if not self.items:
            return no_math(_note(self.empty).text)
        parts = []
        for caption, png in self.items:
            raw = png.read_bytes()
            data = base64.b64encode(raw).decode("ascii")
            # PNG header: width at bytes 16-20. Shown at the figure's size in inches (96 CSS px
            # an inch), so every figure's text comes out the same size on the page.
            width = round(int.from_bytes(raw[16:20], "big") * 96 / DPI)
            parts.append(
                f'<figure class="nf-figure"><img src="data:image/png;base64,{data}" '
                f'alt="{_esc(caption)}" style="max-width:100%;width:{width}px">'
                f"<figcaption>{_esc(caption)}</figcaption></figure>"
            )
        if self.note:
            parts.append(_note(self.note).text)
        return no_math("".join(parts))

    def __len__(self) -> int:
        return len(self.items)


def slug(text: str, limit: int = 48) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "figure"


def _close(fig: Any) -> None:
    """Free a figure's memory (figures are made without pyplot; this drops the canvas)."""
    fig.clear()


#: What a saved PNG says of itself: nothing (no software version, so runs write the same file).
PNG_METADATA: dict[str, Any] = {"Software": None}
#: The rc settings under which ``Figure.set_layout_engine(None)`` leaves a figure without one.
NO_LAYOUT: dict[Any, Any] = {"figure.autolayout": False, "figure.constrained_layout.use": False}


def save_figure(fig: Any, folder: Path, name: str) -> Path:
    """Save ``fig`` as ``name.png`` and ``name.svg`` in ``folder`` (no timestamps); the PNG path.

    The figure is laid out and drawn once, whole (:func:`_drawn_whole`), and its tight box
    found as ``savefig(bbox_inches="tight")`` finds it: the PNG is that drawing cut to the box
    (to the nearest pixel), the SVG is drawn in the box without laying the figure out again.
    Each ``savefig(bbox_inches="tight")`` would lay the figure out and draw it twice. A box
    that reaches outside the figure (something drawn past its edge) is saved by ``savefig``.
    """
    import matplotlib
    import matplotlib.image

    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{name}.png"
    dpi, engine = fig.dpi, fig.get_layout_engine()
    fig.dpi = DPI
    try:
        pixels, tight = _drawn_whole(fig)
        box = tight.padded(matplotlib.rcParams["savefig.pad_inches"])
        # laid out: no engine, so each save below draws once (None, whatever the rc says)
        with matplotlib.rc_context(NO_LAYOUT):
            fig.set_layout_engine(None)
        cut = _cut(fig, pixels, tight)
        if cut is None:
            fig.savefig(png, dpi=DPI, bbox_inches=box, metadata=PNG_METADATA)
        else:
            matplotlib.image.imsave(
                png, cut, format="png", origin="upper", dpi=DPI, metadata=PNG_METADATA
            )
        fig.savefig(
            folder / f"{name}.svg", bbox_inches=box, metadata={"Date": None, "Creator": None}
        )
    finally:
        fig.set_layout_engine(engine)
        fig.dpi = dpi
    return png


def _drawn_whole(fig: Any) -> tuple[Any, Any]:
    """Lay ``fig`` out (its layout engine) and draw it at its size, as a PNG save draws it;
    the pixels (RGBA rows, top first) and the tight box in inches (unpadded)."""
    import numpy as np
    from matplotlib.backends.backend_agg import RendererAgg

    width, height = fig.bbox.size
    renderer = RendererAgg(width, height, fig.dpi)
    renderer.clear()
    fig.draw(renderer)
    return np.asarray(renderer.buffer_rgba()), fig.get_tightbbox(renderer)


def _cut(fig: Any, pixels: Any, box: Any) -> Any:
    """The pixels of a save of ``box`` (inches from the bottom left, padded here) at
    :data:`DPI`: the drawing's pixels in the box, the figure's colour in the padding beyond
    its edges; ``None`` when something is drawn past the figure's edges, or a save would
    paint the figure in other colours than its own (``savefig.*`` settings)."""
    import matplotlib
    import matplotlib.colors
    import numpy as np

    rc = matplotlib.rcParams
    colours = (rc["savefig.facecolor"], rc["savefig.edgecolor"])
    if rc["savefig.transparent"] or colours != ("auto", "auto"):
        return None
    rows, cols = pixels.shape[:2]
    size = fig.bbox.size / DPI  # the figure in inches
    if box.x0 < 0 or box.y0 < 0 or box.x1 > size[0] or box.y1 > size[1]:
        return None
    padded = box.padded(matplotlib.rcParams["savefig.pad_inches"])
    width, height = padded.width * DPI, padded.height * DPI
    # a save draws rows down from its height, a fraction of a row above its first row
    left, top = round(padded.x0 * DPI), round((size[1] - padded.y1) * DPI + height % 1)
    width, height = int(width), int(height)
    colour = np.asarray(matplotlib.colors.to_rgba_array(fig.get_facecolor())[0] * 255)
    cut = np.empty((height, width, 4), dtype=np.uint8)
    cut[:] = np.round(colour).astype(np.uint8)
    r0, c0 = max(top, 0), max(left, 0)
    r1, c1 = min(top + height, rows), min(left + width, cols)
    cut[r0 - top : r1 - top, c0 - left : c1 - left] = pixels[r0:r1, c0:c1]
    return cut


#: One figure to draw: the name of a :mod:`reconcile.plots` function, its arguments, and the
#: file name (without suffix) it is saved under.
FigureJob = tuple[str, tuple[Any, ...], dict[str, Any], str]

#: The assertion columns the range and timeline plots read. A figure job carries only these:
#: the lists of claims, documents and outlets behind each estimate, which no plot reads,
#: are most of the bytes a job is pickled into on its way to a worker process.
PLOTTED = (
    "quantity_id",
    "asserter",
    "as_of",
    "first_published",
    "best",
    "interval_low",
    "interval_high",
    "bound",
    "surface",
    "n_reports",
    "disputed_by",
    "doubt",
)


def _plotted(assertions: pl.DataFrame) -> pl.DataFrame:
    """``assertions`` with only the columns of :data:`PLOTTED` (those it has)."""
    return assertions.select(c for c in PLOTTED if c in assertions.columns)


def _draw(job: tuple[FigureJob, Path]) -> Path:
    """Draw one figure and save it (:func:`save_figure`); the PNG path. Runs in a worker
    process of :func:`draw_figures`, or in this one."""
    (kind, args, kwargs, name), folder = job
    fig = getattr(_plots(), kind)(*args, **kwargs)
    try:
        return save_figure(fig, folder, name)
    finally:
        _close(fig)


def draw_figures(jobs: Sequence[FigureJob], folder: Path) -> list[Path]:
    """Each job's figure drawn and saved in ``folder``; the PNG paths, in the jobs' order.

    Drawing and saving (PNG and SVG) is most of a report's figure time and each figure is
    drawn on its own, so two or more figures are drawn in worker processes, one per core
    (:func:`extract.parallel.map_unordered`); the files are the same as drawn here.
    """
    from extract.parallel import available_cores, map_unordered

    workers = max(1, min(len(jobs), available_cores()))
    if workers > 1:
        _spawnable()
    done = dict(
        map_unordered(_draw, ((i, (job, folder)) for i, job in enumerate(jobs)), workers=workers)
    )
    return [done[i] for i in range(len(jobs))]


def _spawnable() -> None:
    """Let worker processes be spawned from a kernel whose namespace was emptied (``%reset
    -f``, as a report run does between notebooks): that takes ``__spec__`` from ``__main__``,
    which spawning reads. ``None`` is what a main module run from no file has."""
    import sys

    main = sys.modules.get("__main__")
    if main is not None and not hasattr(main, "__spec__"):
        main.__spec__ = None


def _plots() -> Any:
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "newsfigures"
    from reconcile import plots

    return plots


#: What a figure cell shows when its notebook draws no figures (``figures=False``).
NOT_DRAWN = (
    "Figures are not drawn in this notebook (figures: false); 03_report draws the ones the "
    "report shows."
)


@dataclass(frozen=True, slots=True)
class _Plan:
    """The figures one display cell shows, before they are drawn: a caption and a
    :data:`FigureJob` each, and what the cell says besides them."""

    captions: tuple[str, ...] = ()
    jobs: tuple[FigureJob, ...] = ()
    empty: str = "No figure."
    note: str = ""

    def shown(self, pngs: Sequence[Path]) -> Figures:
        items = tuple(zip(self.captions, pngs, strict=True))
        return Figures(items, empty=self.empty, note=self.note)


def _drawn(plan: _Plan, figures_dir: Path) -> Figures:
    return plan.shown(draw_figures(plan.jobs, figures_dir))


def range_figures(
    result: ReconcileResult,
    figures_dir: Path | None,
    *,
    verdict: str = "diverge",
    limit: int = MAX_FIGURES,
) -> Figures:
    """A range plot for each of the ``limit`` quantities with this verdict that matter most
    (:func:`sort_quantities`), saved as ``range-<label>-<id>``; none when ``figures_dir`` is
    ``None``."""
    if figures_dir is None:
        return Figures((), empty=NOT_DRAWN)
    return _drawn(_range_plan(result, verdict=verdict, limit=limit), figures_dir)


def _range_plan(result: ReconcileResult, *, verdict: str, limit: int) -> _Plan:
    matching = result.quantities.filter(pl.col("verdict").cast(pl.String) == verdict)
    chosen = sort_quantities(matching).head(limit)
    captions: list[str] = []
    jobs: list[FigureJob] = []
    for q in chosen.iter_rows(named=True):
        mine = _plotted(result.assertions.filter(pl.col("quantity_id") == q["quantity_id"]))
        name = f"range-{slug(q['label'])}-{q['quantity_id'][:8]}"
        captions.append(f"{q['label']}: every estimate")
        jobs.append(("range_plot", (q, mine), {}, name))
    more = matching.height - chosen.height
    note = (
        f"The {chosen.height} that matter most of {_n(matching.height, 'quantity')} with this "
        f"verdict (the largest spread across the most sources); every one is in "
        "quantities.parquet."
        if more > 0
        else ""
    )
    empty = f"No quantity has the verdict '{verdict}'."
    return _Plan(tuple(captions), tuple(jobs), empty=empty, note=note)


def timeline_figures(
    result: ReconcileResult, figures_dir: Path | None, *, limit: int = MAX_TIMELINES
) -> Figures:
    """Estimates over time for each series with estimates on two or more dates; none when
    ``figures_dir`` is ``None``."""
    if figures_dir is None:
        return Figures((), empty=NOT_DRAWN)
    return _drawn(_timeline_plan(result, limit=limit), figures_dir)


def _timeline_plan(result: ReconcileResult, *, limit: int) -> _Plan:
    # multiples not compared (their bases not read as one) make no line over time; nor do
    # multiples each from one source ("13 times the average area", later "5 times the
    # average emissions"): nothing says two of them are multiples of one base
    compared = pl.col("verdict").cast(pl.String).is_in(["agree", "growth", "diverge"])
    unbased = (pl.col("unit") == "times") & ~compared
    drawn = result.quantities.filter(~unbased.fill_null(False))
    # a series whose windows are in different units or periods has no one axis to draw on
    kinds = pl.concat_str(pl.col("unit"), pl.col("per"), separator="|", ignore_nulls=True)
    drawn = drawn.filter(kinds.n_unique().over("series_id") == 1)
    dated = result.assertions.join(
        drawn.select("quantity_id", "series_id", "verdict"), on="quantity_id"
    ).with_columns(when=pl.coalesce("as_of", "first_published"))
    series = (
        dated.group_by("series_id")
        .agg(pl.col("when").n_unique().alias("dates"), pl.len().alias("n"))
        .filter((pl.col("dates") >= 2) & (pl.col("n") >= 2))
        .sort(["n", "series_id"], descending=[True, False])
        .head(limit)
    )
    captions: list[str] = []
    jobs: list[FigureJob] = []
    for (series_id,) in series.select("series_id").iter_rows():
        mine = result.quantities.filter(pl.col("series_id") == series_id)
        said = _plotted(
            result.assertions.filter(
                pl.col("quantity_id").is_in(mine.get_column("quantity_id").implode())
            )
        )
        label = mine.get_column("label")[0]
        what = str(label).rsplit(",", 1)[0]  # the series spans windows: no window's date
        name = f"timeline-{slug(what)}-{series_id[:8]}"
        captions.append(f"{what}: estimates over time")
        jobs.append(("timeline_plot", (said, mine), {"series_id": series_id}, name))
    empty = "No quantity has estimates on two or more dates."
    return _Plan(tuple(captions), tuple(jobs), empty=empty)


def overview_figure(quantities: pl.DataFrame, figures_dir: Path | None) -> Figures:
    """The quantities whose figures are furthest apart, ranked by spread (the range of all
    figures, not the size of a disagreement, and titled so); none when ``figures_dir`` is
    ``None``."""
    if figures_dir is None:
        return Figures((), empty=NOT_DRAWN)
    plan = _overview_plan(quantities)
    pngs = [_draw((job, figures_dir)) for job in plan.jobs]  # one figure: drawn here
    return plan.shown(pngs)


def _overview_plan(quantities: pl.DataFrame) -> _Plan:
    compared = quantities.filter(
        pl.col("verdict").cast(pl.String).is_in(COMPARED) & (pl.col("n_assertions") >= 2)
    )
    if compared.height == 0:
        return _Plan(empty="No quantity has estimates from two sources to compare.")
    shown = min(OVERVIEW_TOP, compared.height)
    title = f"How far apart the estimates are: {shown} of {compared.height} by spread"
    job: FigureJob = (
        "divergence_overview",
        (compared,),
        {"top": OVERVIEW_TOP, "title": title},
        "overview",
    )
    alone = quantities.height - compared.height
    note = (
        f"Not shown: {_n(alone, 'quantity')} with one source only, or whose figures may not "
        "measure the same thing (their spread says nothing about disagreement)."
        if alone
        else ""
    )
    caption = (
        "Each bar: the largest estimate divided by the smallest over the quantity's dates, "
        "early counts included: a spread, not the size of a disagreement"
    )
    return _Plan((caption,), (job,), note=note)


@dataclass(frozen=True, slots=True)
class ReportFigures:
    """The figures of a report, drawn together (:func:`report_figures`)."""

    overview: Figures
    ranges: Figures
    timelines: Figures


def report_figures(result: ReconcileResult, figures_dir: Path | None) -> ReportFigures:
    """:func:`overview_figure`, :func:`range_figures` and :func:`timeline_figures` of
    ``result``, the same figures and files, drawn in one :func:`draw_figures` call: one set of
    worker processes for all of them, kept busy to the last figure (the timelines, the
    slowest to draw, go first); none when ``figures_dir`` is ``None``."""
    if figures_dir is None:
        nothing = Figures((), empty=NOT_DRAWN)
        return ReportFigures(nothing, nothing, nothing)
    plans = (
        _overview_plan(result.quantities),
        _range_plan(result, verdict="diverge", limit=MAX_FIGURES),
        _timeline_plan(result, limit=MAX_TIMELINES),
    )
    order = (2, 1, 0)
    jobs = [job for i in order for job in plans[i].jobs]
    pngs = iter(draw_figures(jobs, figures_dir))
    drawn = {i: [next(pngs) for _ in plans[i].jobs] for i in order}
    return ReportFigures(*(plan.shown(drawn[i]) for i, plan in enumerate(plans)))


# --------------------------------------------------------------------------- 03: topic report


def select_topic(result: ReconcileResult, topic: str) -> ReconcileResult:
    """The part of ``result`` about ``topic``: quantities whose label, subject or concept, or one
    of whose claims' sentences, contains the keyword (case-insensitive); empty keeps all."""
    key = topic.strip().lower()
    if not key:
        return result

    by_sentence = result.claims.filter(_mentions("sentence", key) | _mentions("subject", key))
    ids = set(by_sentence.get_column("quantity_id").drop_nulls().to_list())
    ids |= set(
        result.quantities.filter(
            _mentions("label", key) | _mentions("subject", key) | _mentions("concept", key)
        )
        .get_column("quantity_id")
        .to_list()
    )
    keep = pl.Series(sorted(ids), dtype=pl.String).implode()
    assertions = result.assertions.filter(pl.col("quantity_id").is_in(keep))
    kept_assertions = assertions.get_column("assertion_id").implode()
    claims = result.claims.filter(
        pl.col("quantity_id").is_in(keep) | _mentions("sentence", key) | _mentions("subject", key)
    )
    return ReconcileResult(
        claims=claims,
        quantities=result.quantities.filter(pl.col("quantity_id").is_in(keep)),
        assertions=assertions,
        checks=result.checks.filter(
            pl.col("quantity_ids").list.eval(pl.element().is_in(keep)).list.any()
        ),
        stances=result.stances.filter(
            pl.col("assertion_ids").list.eval(pl.element().is_in(kept_assertions)).list.any()
            | _mentions("sentence", key)
        ),
    )


def _mentions(column: str, key: str) -> pl.Expr:
    return (
        pl.col(column)
        .cast(pl.String)
        .fill_null("")
        .str.to_lowercase()
        .str.contains(key, literal=True)
    )


def topic_found(topic: str, quantities: pl.DataFrame, claims: pl.LazyFrame | pl.DataFrame) -> bool:
    """Whether any quantity's label, subject or concept, or any claim's sentence or subject,
    contains ``topic`` (case-insensitive; an empty topic is every topic)."""
    key = topic.strip().lower()
    if not key:
        return True
    named = quantities.filter(
        _mentions("label", key) | _mentions("subject", key) | _mentions("concept", key)
    )
    if named.height:
        return True
    said = claims.lazy().filter(_mentions("sentence", key) | _mentions("subject", key))
    return said.select(pl.len()).collect().item() > 0


def unused_renames(mapping: Path, quantities: pl.DataFrame) -> list[str]:
    """One warning per ``rename`` of a mapping file that matched no quantity: its key is no
    quantity id, and the new label it would give is on no quantity."""
    renames = load_mapping(mapping).rename
    ids = set(quantities.get_column("quantity_id").to_list())
    labels = set(quantities.get_column("label").to_list())
    return [
        f"mapping {mapping.name}: rename {old!r} matches no quantity label or id, so "
        f"{new!r} is given to nothing (labels are in quantities.parquet)"
        for old, new in renames.items()
        if old not in ids and new not in labels
    ]


#: The mark :func:`_earlier_levels` gives a figure its own source has since replaced.
REPLACED = "replaced by its source"


def _earlier_levels(claims: pl.DataFrame) -> dict[str, str]:
    """Claims that are the starting level of a change ("from 300 to nearly 2,000") in
    the same quantity: ``{claim_id of 1,000: claim_id of nearly 20,000}``; and those reconcile
    read as replaced by their own source ("40 instead of 90": ``superseded``), marked
    :data:`REPLACED`."""
    grouped = claims.filter(pl.col("quantity_id").is_not_null())
    pairs = grouped.select("claim_id", "from_claim", "quantity_id").join(
        grouped.select(pl.col("claim_id").alias("from_claim"), "quantity_id"),
        on=["from_claim", "quantity_id"],
    )
    levels = dict(zip(pairs["from_claim"].to_list(), pairs["claim_id"].to_list(), strict=True))
    if "superseded" in grouped.columns:
        replaced = grouped.filter(pl.col("superseded").fill_null(False))["claim_id"].to_list()
        levels.update((c, REPLACED) for c in replaced if c not in levels)
    return levels


def _who(camp: str) -> str:
    """'UK government' -> 'the UK government'; 'unattributed (BBC News)' -> 'an unattributed
    report in BBC News'; a person's name unchanged; stray dashes before a name dropped."""
    camp = camp.strip(" -–—") or camp
    match = re.fullmatch(r"unattributed \((.*)\)", camp)
    if match:
        return f"an unattributed report in {match.group(1)}"
    if camp.lower().startswith("the "):
        return camp
    return f"the {camp}" if _INSTITUTION.search(camp) else camp


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _thing(q: Mapping[str, Any]) -> str:
    subject = q.get("subject") or ""
    noun = q.get("noun")
    if noun:  # reconcile's display noun for the measure ("people missing")
        placed = f"{noun} in {subject}"
        if subject and str(q.get("label") or "").lower().startswith(placed.lower()):
            return placed  # "deaths in Libya" as the label says, not "Libya deaths"
        return f"{subject} {noun}".strip()
    concept = str(q.get("concept") or "the figure")
    if q.get("dimension") == "count" and concept.isalpha() and concept not in _UNCOUNTABLE:
        concept = _plural(concept, None)
    return f"{subject} {concept}".strip()


def _some(names: Sequence[str], limit: int) -> str:
    """ "A, B, C and 14 more" (every name when there are at most ``limit``).

    >>> _some(["A", "B"], 3), _some(["A", "B", "C", "D", "E"], 3)
    ('A, B', 'A, B, C and 2 more')
    """
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit:,} more"


def _said_by(name: str) -> str:
    """Who a figure is said by, as its article wrote them: a name or a person as written, a
    count, a record or a work (reconcile's ``records`` and ``work_nouns``) after "according
    to the", as a count is no speaker.

    >>> _said_by("UN agency"), _said_by("official"), _said_by("latest official toll")
    ('said by UN agency', 'said by an official', 'according to the latest official toll')
    >>> _said_by("the new figures"), _said_by("recent study"), _said_by("the ministry")
    ('according to the new figures', 'according to the recent study', 'said by the ministry')
    """
    if not name.islower():
        return f"said by {name}"
    words = reading_words()
    record = name.split()[-1].removesuffix("s") in (*words.records, *words.work_nouns)
    if name.split(maxsplit=1)[0] in words.determiners:
        return f"{'according to' if record else 'said by'} {name}"
    if record:
        return f"according to the {name}"
    return f"said by {'an' if name[0] in 'aeiou' else 'a'} {name}"


def _source(a: Mapping[str, Any], camp: str) -> str:
    outlets = list(dict.fromkeys(o for o in (a.get("outlets") or []) if o))
    docs = a.get("doc_ids") or []
    if outlets:
        where = _some(outlets, MAX_OUTLETS)
    else:
        where = _some([_unnamed(d) for d in docs], 1) if docs else "unknown source"
    if where in camp and camp.startswith("unattributed ("):
        where = ""  # "an unattributed report in UPI" already names the outlet
    n = int(a.get("n_reports") or 0)
    reports = f"{n} reports: " if n > 1 else ""
    written = [w for w in (a.get("asserters") or []) if w and w.lower() != camp.lower()]
    said = f"{_said_by(written[0])}; " if written else ""
    when = _date(a.get("first_published") or a.get("as_of"))
    return f"{said}{reports}{where}, {when}" if where else f"{said}{reports}{when}"


def _at(amount: str) -> str:
    """ "at" before an amount, without "at at least".

    >>> _at("5,000"), _at("at least 2,300"), _at("at most $4 million")
    ('at 5,000', 'at 2,300 or more', 'at $4 million or less')
    >>> _at("as many as 600")
    'at up to 600'
    """
    for hedge, after in (("at least ", "or more"), ("at most ", "or less")):
        if amount.startswith(hedge):
            return f"at {amount.removeprefix(hedge)} {after}"
    if amount.startswith("as many as "):
        return f"at up to {amount.removeprefix('as many as ')}"
    return f"at {amount}"


#: The end of the pair reconcile writes into a divergent quantity's ``why``:
#: " — 5,500 from A against 11,300 from B (2.1 times apart)".
_PAIR_END = re.compile(r" \((?:[\d,.]+ times apart|apart)\)$")


def conflict_pair(
    quantity: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]
) -> tuple[Mapping[str, Any], Mapping[str, Any]] | None:
    """The two assertions a divergence verdict turns on, or None when ``why`` names none.

    reconcile records the pair only in words, at the end of the first sentence of ``why``
    (" — A from X against B from Y (N times apart)"). Each side is matched whole against the
    quantity's own assertions, written as reconcile writes them, so a name holding "from" or
    "against" is read right; of several rows with the same source and figure, the two closest
    in date are taken.
    """
    first = str(quantity.get("why") or "").split(". Grouped as ", 1)[0].rstrip(".")
    if " — " not in first:
        return None
    said = first.rsplit(" — ", 1)[1]
    end = _PAIR_END.search(said)
    if end is None:
        return None
    said = said[: end.start()]
    by_side: dict[str, list[Mapping[str, Any]]] = {}
    for r in rows:
        if r.get("best") is not None:
            by_side.setdefault(f"{_why_figure(r['best'])} from {r['asserter']}", []).append(r)
    pairs = [
        (a, b)
        for side, lefts in by_side.items()
        if said.startswith(f"{side} against ")
        for a in lefts
        for b in by_side.get(said.removeprefix(f"{side} against "), [])
    ]
    if not pairs:
        return None

    def days(pair: tuple[Mapping[str, Any], Mapping[str, Any]]) -> int:
        x, y = pair[0].get("as_of"), pair[1].get("as_of")
        return abs((x - y).days) if x and y else (0 if x is None and y is None else 1 << 30)

    return min(pairs, key=days)


def _on(a: Mapping[str, Any]) -> str:
    return f"on {_date(a['as_of'])}" if a.get("as_of") else "undated"


def _disagreement(pair: tuple[Mapping[str, Any], Mapping[str, Any]], amount: Any) -> str:
    """The divergence in words: who against whom, when, and how far apart.

    The pair reconcile judged, not the highest and lowest figures, which may be an early
    count that the figure later grew past."""
    high, low = sorted(pair, key=lambda r: -float(r["best"]))
    return (
        f"The disagreement is between {_who(str(high['asserter']))}, {amount(high)} "
        f"{_on(high)}, and {_who(str(low['asserter']))}, {amount(low)} {_on(low)}: "
        f"{times_apart(high['best'], low['best'])}."
    )


def _range(quantity: Mapping[str, Any], items: Sequence[Mapping[str, Any]], amount: Any) -> str:
    """All the figures as a range over the period, with their dates (a spread, not a
    disagreement: figures of different dates may be one count that grew)."""
    valued = [a for a in items if a.get("best") is not None]
    low = min(valued, key=lambda a: float(a["best"]))
    high = max(valued, key=lambda a: float(a["best"]))
    start, end = quantity.get("as_of_start"), quantity.get("as_of_end")
    over = f"From {_date(start)} to {_date(end)}, the" if start and end and start != end else "The"
    return (
        f"{over} figures range from {amount(low)} ({_date(low.get('as_of'))}) to "
        f"{amount(high)} ({_date(high.get('as_of'))})."
    )


def headline(
    quantity: Mapping[str, Any],
    assertions: pl.DataFrame,
    claims: pl.DataFrame | None = None,
    *,
    earlier: Mapping[str, str] | None = None,
    stated: Mapping[str, str] | None = None,
) -> str:
    """A paragraph, in plain words, about who gave which figure for one quantity.

    A rate its source gave for another period than the one shown is followed by the words
    it was given in ("$41.6 billion a year, given as “£600m a week”"; ``stated``:
    :func:`_stated_periods`).

    One estimate per asserter (the latest; a figure that is only the starting point of a
    stated change, "from 300 to nearly 2,000", is mentioned as "up from 300"), largest
    first, with hedges, units and sources; for a divergence, the pair of figures reconcile
    judged in conflict (:func:`conflict_pair`) and how far apart they are; then the range of
    all figures with their dates, never called the disagreement.
    """
    qid = quantity.get("quantity_id")
    rows = assertions.filter(pl.col("quantity_id") == qid) if qid is not None else assertions
    if rows.height == 0:
        return f"{quantity.get('label')}: no estimate."
    if earlier is None:
        earlier = _earlier_levels(claims) if claims is not None else {}
    if stated is None:
        stated = _stated_periods(claims) if claims is not None else {}
    unit, per = quantity.get("unit"), quantity.get("per")
    concept = str(quantity.get("concept") or "")
    if unit and quantity.get("dimension") == "count" and unit in (concept, _plural(concept, None)):
        unit = None  # "puts Wagner Group personnel at 50,000", not "at 50,000 personnel"

    def amount(a: Mapping[str, Any]) -> str:
        low = a["interval_low"] if a.get("bound") == "range" else None
        high = a["interval_high"] if a.get("bound") == "range" else None
        text = format_amount(
            a["best"], unit, per=per, qualifier=a.get("qualifier"), low=low, high=high
        )
        return text + _given_as(a, per, stated)

    items = list(rows.iter_rows(named=True))
    # a figure its source replaced, however many reports gave it before, is its earlier one
    replaced = {
        a["assertion_id"]: any(earlier.get(c) == REPLACED for c in a["claim_ids"] or ())
        for a in items
    }
    is_start = {
        a["assertion_id"]: replaced[a["assertion_id"]]
        or (bool(a["claim_ids"]) and all(c in earlier for c in a["claim_ids"]))
        for a in items
    }
    camps: dict[str, list[dict[str, Any]]] = {}
    for a in items:
        camps.setdefault(str(a["asserter"] or "unattributed"), []).append(a)
    if len(camps) == 1 and len(items) > 1:  # one voice: compare its reports one by one
        camps = {f"{next(iter(camps))} #{i}": [a] for i, a in enumerate(items, 1)}
    entries = []
    for camp, group in camps.items():
        group.sort(
            key=lambda a: (
                is_start[a["assertion_id"]],
                -(a["as_of"] or dt.date.min).toordinal(),
                -int(a["n_reports"] or 0),
                -(a["best"] or 0.0),
            )
        )
        main, rest = group[0], group[1:]
        notes = []
        text = amount(main)
        starts = [r for r in rest if is_start[r["assertion_id"]]]
        others = [r for r in rest if not is_start[r["assertion_id"]]]
        if starts and replaced[starts[0]["assertion_id"]]:
            text += f", revised from {amount(starts[0])}"  # the source replaced its figure
        elif starts:
            direction = "up" if (main["best"] or 0) >= (starts[0]["best"] or 0) else "down"
            text += f", {direction} from {amount(starts[0])}"
        # each other value once ("also 3,958", not "also at least 3,958 and 3,958")
        by_value: dict[float, str] = {}
        for other in others:
            if other["best"] != main["best"]:
                by_value.setdefault(other["best"], amount(other))
        said = list(by_value.values())
        if said:
            more = f" and {len(said) - 2:,} more" if len(said) > 2 else ""
            notes.append(f"also {' and '.join(said[:2])}{more}")
        name = camp.split(" #")[0]
        notes.append(_source(main, name))
        entries.append((main["best"] or 0.0, name, text, "; ".join(notes)))
    entries.sort(key=lambda e: -e[0])
    pair = conflict_pair(quantity, items) if quantity.get("verdict") == "diverge" else None
    hidden = 0
    if len(entries) > MAX_NAMES:  # the highest, the pair in conflict, the next highest few
        paired = {str(a["asserter"]) for a in pair or ()}  # and the lowest; the rest counted
        inner = entries[1:-1]
        must = [e for e in inner if e[1] in paired]
        room = max(0, MAX_NAMES - 2 - len(must))
        shown = must + [e for e in inner if e[1] not in paired][:room]
        hidden = len(inner) - len(shown)
        entries = [entries[0], *sorted(shown, key=lambda e: -e[0]), entries[-1]]
    thing = _thing(quantity)
    first = entries[0]
    verb = "put" if first[1].lower().endswith(("officials", "authorities", "sources")) else "puts"
    parts = [f"{_capital(_who(first[1]))} {verb} {thing} {_at(first[2])} ({first[3]})"]
    for i, ((_, before, _, _), (_, camp, text, src)) in enumerate(itertools.pairwise(entries)):
        who = "elsewhere" if camp == before else _who(camp)
        if hidden and i == len(entries) - 2:  # before the lowest
            parts.append(f"{hidden:,} more in between (every estimate is in assertions.parquet)")
            who = "the lowest: " + who
        parts.append(f"{who} {_at(text)} ({src})")
    sentence = "; ".join(parts) + "."
    if pair is not None and len(items) == 2:  # the two figures just told, with their dates
        sentence = sentence[:-1] + f" — {times_apart(pair[0]['best'], pair[1]['best'])}."
    elif pair is not None:
        sentence += " " + _disagreement(pair, amount)
    values = sorted({float(a["best"]) for a in items if a.get("best") is not None})
    ends = [values[0], values[-1]] if values else []
    if len(values) >= 2 and (pair is None or ends != sorted(float(a["best"]) for a in pair)):
        sentence += " " + _range(quantity, items, amount)  # the spread, said as a range
    disputed = sorted({d for a in items for d in (a.get("disputed_by") or [])})
    if disputed:
        sentence += f" {_some(disputed, MAX_NAMES)} rejected the reports these figures appear in."
    return sentence


def _stated_periods(claims: pl.DataFrame) -> dict[str, str]:
    """The period each rate was given for by its source (``claim_id`` -> "week")."""
    if not {"claim_id", "per"} <= set(claims.columns):
        return {}
    rates = claims.select("claim_id", pl.col("per").cast(pl.String)).drop_nulls()
    return dict(zip(rates["claim_id"].to_list(), rates["per"].to_list(), strict=True))


def _given_as(a: Mapping[str, Any], per: str | None, stated: Mapping[str, str]) -> str:
    """The words a rate was given in (", given as “£600m a week”") when its source gave it
    for another period than ``per``, the one it is shown in; else "".

    >>> _given_as({"claim_ids": ["c1"], "surface": "£600m a week"}, "year", {"c1": "week"})
    ', given as “£600m a week”'
    >>> _given_as({"claim_ids": ["c1"], "surface": "£600m"}, "year", {"c1": "week"})
    ', given as “£600m a week”'
    >>> _given_as({"claim_ids": ["c1"], "surface": "£40bn a year"}, "year", {"c1": "year"})
    ''
    """
    periods = {stated[c] for c in a.get("claim_ids") or () if c in stated}
    surface = str(a.get("surface") or "")
    if not per or not periods or per in periods or not surface:
        return ""
    period = sorted(periods)[0]
    if period not in surface.lower():  # "£600m" read with "a week" after it
        surface += f" a {period}"
    return f", given as “{surface}”"


def headlines(result: ReconcileResult, *, verdict: str = "diverge") -> Html:
    """One headline paragraph per quantity with this verdict (divergent by default)."""
    if result.quantities.height == 0:
        return _note("No figure in the reports is about this topic.")
    chosen = result.quantities.filter(pl.col("verdict").cast(pl.String) == verdict)
    if chosen.height == 0:
        if verdict == "diverge":
            return _note("The sources do not disagree about any figure on this topic.")
        return _note(f"No figure on this topic has the verdict '{verdict}'.")
    parts = []
    earlier = _earlier_levels(result.claims)  # once for every paragraph
    stated = _stated_periods(result.claims)
    for q in sort_quantities(chosen).head(MAX_HEADLINES).iter_rows(named=True):
        text = headline(q, result.assertions, earlier=earlier, stated=stated)
        parts.append(
            f'<div class="nf-headline"><h3>{_esc(q["label"])} '
            f"{_pill(q['verdict'])}</h3><p>{_esc(text)}</p></div>"
        )
    if chosen.height > MAX_HEADLINES:
        parts.append(
            _note(
                f"The {MAX_HEADLINES} that matter most of {_n(chosen.height, 'quantity')} with "
                "this verdict (the largest spread across the most sources); the others are in "
                "the table below and in quantities.parquet."
            ).text
        )
    return Html("".join(parts))


_STYLE = """<style>
.nf-title h1 { margin-bottom: 0.2em; }
.nf-table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.92em; }
.nf-table th, .nf-table td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left;
  vertical-align: top; }
.nf-table th { background: #f3f3f3; }
.nf-table caption { caption-side: top; text-align: left; color: #555; padding-bottom: 4px; }
.nf-diverge { color: #fff; background: #c0392b; padding: 0 6px; border-radius: 3px; }
.nf-agree { color: #fff; background: #2e8b57; padding: 0 6px; border-radius: 3px; }
.nf-growth { color: #fff; background: #2c6fbb; padding: 0 6px; border-radius: 3px; }
.nf-single { color: #fff; background: #8c8c8c; padding: 0 6px; border-radius: 3px; }
.nf-holds { color: #2e8b57; font-weight: bold; }
.nf-fails { color: #c0392b; font-weight: bold; }
.nf-warning { color: #b35806; font-weight: bold; }
.nf-headline h3 { margin-bottom: 0.3em; }
.nf-headline p { font-size: 1.05em; line-height: 1.5; max-width: 60em; }
.nf-figure { margin: 0.5em 0 1.5em; }
.nf-figure figcaption { color: #555; font-size: 0.9em; }
mark { background: #ffe58a; padding: 0 2px; }
</style>"""


def title_block(settings: Settings, corpus: Corpus, topic: ReconcileResult) -> Html:
    """The report's title and a one-paragraph summary (with the report's CSS)."""
    name = settings.topic or "all topics"
    read = corpus.documents
    docs = read
    if settings.topic:  # the reports that give a figure about the topic
        used = topic.claims.filter(pl.col("quantity_id").is_not_null()).get_column("doc_id")
        docs = read.filter(pl.col("doc_id").is_in(used.unique().implode()))
    outlets = sorted({o for o in docs.get_column("outlet").to_list() if o})
    dates = [d for d in docs.get_column("published").to_list() if d is not None]
    span = f"published from {_date(min(dates))} to {_date(max(dates))}" if dates else "undated"
    if outlets:
        where = f"from {_n(len(outlets), 'named outlet')}"
    else:
        where = "none of them names its outlet (a manifest gives outlets: --manifest)"
    which = (
        f"{docs.height:,} of the {_n(read.height, 'news report')} read give figures about "
        f"{_esc(name)}"
        if settings.topic
        else _n(read.height, "news report")
    )
    verdicts = topic.quantities.get_column("verdict").cast(pl.String).to_list()
    n_div = verdicts.count("diverge")
    return Html(
        f'{_STYLE}<div class="nf-title"><h1>What the reports say about {_esc(name)}</h1>'
        f"<p>{which}, {_esc(where)}, {_esc(span)}. They give "
        f"<b>{_n(len(verdicts), 'figure')}</b> about {_esc(name)}; independent sources disagree "
        f"about <b>{n_div}</b> of them (estimates more than {settings.threshold:.0%} apart). "
        f"Money is shown in {_esc(settings.currency)}.</p></div>"
    )


def topic_summary(topic: ReconcileResult) -> Html:
    """Every figure on the topic, for a reader: what, how much, how many sources, verdict."""
    q = topic.quantities
    if q.height == 0:
        return _note("No figure on this topic.")
    rows = []
    shown = sort_quantities(q).head(MAX_ROWS)
    figures = _figures_of(shown, topic.assertions, topic.claims)
    for r in shown.iter_rows(named=True):
        verdict = str(r["verdict"])
        middle, span = figure_cells(r, figures.get(r["quantity_id"], []))
        doubtful = r.get("doubtful") or []
        words = verdict_words(
            verdict,
            r.get("n_sources"),
            r["n_reports"],
            doubtful=doubtful,
            estimates=r["n_assertions"],
        )
        rows.append(
            [
                _esc(r["label"]),
                _esc(middle),
                _esc(span),
                str(r["n_assertions"]),
                sources_shown(r.get("n_sources")),
                str(r["n_reports"]),
                f"{_pill(verdict)} {_esc(words)}",
            ]
        )
    return _capped(
        rows,
        [
            "what",
            "middle estimate",
            "range of estimates",
            "estimates",
            "independent sources",
            "reports",
            "verdict",
        ],
        total=q.height,
        what="figure",
        where="quantities.parquet",
        numeric=(1, 2, 3, 4, 5),
    )


def _figures_of(
    quantities: pl.DataFrame, assertions: pl.DataFrame, claims: pl.DataFrame | None = None
) -> dict[str, list[dict]]:
    """The compared estimates of each of ``quantities`` (not those left out as possibly
    misprinted), by quantity; with ``claims``, each with the direction of the change its
    reports give (``change``: "increase", "decrease"), if any."""
    wanted = ["assertion_id", "quantity_id", "asserter", "best", "bound", "qualifier"]
    wanted += ["surface", "interval_low", "interval_high", "doubt"]
    if assertions.height == 0 or not set(wanted) <= set(assertions.columns):
        return {}
    rows = assertions.select(wanted).filter(
        pl.col("quantity_id").is_in(quantities.get_column("quantity_id").implode())
        & pl.col("doubt").is_null()
        & pl.col("best").is_not_null()
    )
    if claims is not None and {"assertion_id", "change"} <= set(claims.columns):
        # a level reached ("fell to 900") is no change by 900: only a change says "down by"
        delta = pl.col("is_delta").fill_null(True) if "is_delta" in claims.columns else True
        changes = (
            claims.filter(delta)
            .select("assertion_id", pl.col("change").cast(pl.String))
            .drop_nulls()
            .unique("assertion_id", keep="first")
        )
        rows = rows.join(changes, on="assertion_id", how="left")
        rows = _told_with_their_end(rows, claims)
    out: dict[str, list[dict]] = {}
    for a in rows.sort("best").iter_rows(named=True):
        out.setdefault(a["quantity_id"], []).append(a)
    return out


def _told_with_their_end(rows: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """``rows`` (estimates) with the starting level of a change stated with its end in the
    same row ("fell from 4,000 to 2,100") told with the end (``from_best``: 2,100 "down from
    4,000"), not as an estimate of its own beside it: a start is an earlier level, not a
    second figure for the row. A start that some report also gives on its own stays."""
    needed = {"claim_id", "assertion_id", "quantity_id", "from_claim"}
    if not needed <= set(claims.columns) or rows.height == 0:
        return rows.with_columns(from_best=pl.lit(None, dtype=pl.Float64))
    ids = claims.select("claim_id", "assertion_id", "quantity_id")
    pairs = (
        claims.filter(pl.col("from_claim").is_not_null())
        .select(pl.col("assertion_id").alias("_end"), "quantity_id", claim_id="from_claim")
        .join(ids, on=["claim_id", "quantity_id"], how="inner")
        .select("_end", _start="assertion_id")
        .filter(pl.col("_end") != pl.col("_start"))
    )
    # a start whose every claim starts a change ended in its own row
    starts_only = ids.filter(pl.col("assertion_id").is_in(pairs.get_column("_start").implode()))
    told = starts_only.group_by("assertion_id").agg(
        pl.col("claim_id").is_in(claims.get_column("from_claim").drop_nulls().implode()).all()
    )
    folded = told.filter("claim_id").get_column("assertion_id")
    start_best = rows.select(
        pl.col("assertion_id").alias("_start"), pl.col("best").alias("from_best")
    )
    ends = (
        pairs.filter(pl.col("_start").is_in(folded.implode()))
        .join(start_best, on="_start", how="inner")
        .unique("_end", keep="first")
        .select(pl.col("_end").alias("assertion_id"), "from_best")
    )
    return rows.filter(~pl.col("assertion_id").is_in(folded.implode())).join(
        ends, on="assertion_id", how="left"
    )


def figure_cells(q: Mapping[str, Any], estimates: Sequence[Mapping[str, Any]]) -> tuple[str, str]:
    """The "middle estimate" and "range of estimates" cells of a quantity, each a figure a
    source gave, never one made up between two of them.

    One figure is shown as it was said (a range as its range, a hedge with it). One source's
    several figures are listed, without a middle: a middle of one voice's figures is
    nobody's estimate. Of several sources', the middle is the median when a source gave
    it; between two figures there is none, and for an even number more than two the two
    figures either side of it are named. The range runs from the lowest to the highest
    number written (a range's own ends, not its middle), "X and Y" when only two were given.

    >>> q = {"best": 63550.0, "unit": "refugee", "per": None, "verdict": "single"}
    >>> two = [{"best": 37320.0, "bound": "exact"}, {"best": 89780.0, "bound": "exact"}]
    >>> figure_cells(q, two)
    ('', '37,320 refugees and 89,780 refugees')
    >>> figure_cells({**q, "best": 75000.0}, [{"best": 75000.0, "bound": "range",
    ...     "interval_low": 50000.0, "interval_high": 100000.0}])
    ('between 50,000 and 100,000 refugees', '')
    """
    unit, per = q.get("unit"), q.get("per")
    distinct: dict[float, Mapping[str, Any]] = {}
    for a in sorted(estimates, key=lambda a: float(a["best"])):
        distinct.setdefault(float(a["best"]), a)
    given = list(distinct.values())
    if not given:
        return _middle(q), ""
    if len(given) == 1:
        return _as_said(given[0], unit, per), ""
    if str(q.get("verdict")) in ("single", "echo"):  # one voice: its figures, no middle
        if len(given) <= 3:
            return "", _listed([_as_said(a, unit, per) for a in given])
        return "", _span(given, unit, per)
    return _middle_given(q, given, unit, per), _span(given, unit, per)


def _as_said(a: Mapping[str, Any], unit: str | None, per: str | None) -> str:
    """One estimate as its source gave it: a range as the range, with its hedge; a range
    written in words without a number ("millions", "hundreds of thousands") as written."""
    ranged = a.get("bound") == "range"
    surface = str(a.get("surface") or "")
    if ranged and surface and not any(c.isdigit() for c in surface):
        return surface
    start = a.get("from_best")
    way = {"increase": "up by ", "decrease": "down by "}.get(str(a.get("change")), "")
    said = (way if start is None else "") + format_amount(
        a["best"],
        unit,
        per=per,
        qualifier=a.get("qualifier"),
        low=a.get("interval_low") if ranged else None,
        high=a.get("interval_high") if ranged else None,
    )
    if start is None:
        return said
    moved = "down" if float(start) > float(a["best"]) else "up"
    return f"{said}, {moved} from {format_amount(start, None, per=per)}"


def _listed(texts: Sequence[str]) -> str:
    """ "a and b", "a, b and c"; "; " between them when one is itself a range ("between ...
    and ...")."""
    if any(t.startswith("between ") for t in texts):
        return "; ".join(texts)
    return texts[0] if len(texts) == 1 else f"{', '.join(texts[:-1])} and {texts[-1]}"


def _ends(a: Mapping[str, Any]) -> tuple[float, float]:
    """The lowest and highest numbers an estimate was written with (a range's ends)."""
    if a.get("bound") == "range" and a.get("interval_low") is not None:
        return float(a["interval_low"]), float(a.get("interval_high") or a["best"])
    return float(a["best"]), float(a["best"])


def _span(given: Sequence[Mapping[str, Any]], unit: str | None, per: str | None) -> str:
    lo = min(_ends(a)[0] for a in given)
    hi = max(_ends(a)[1] for a in given)
    if lo == hi:
        return ""
    word = "and" if len(given) == 2 and all(a.get("bound") != "range" for a in given) else "to"
    return f"{format_amount(lo, unit, per=per)} {word} {format_amount(hi, unit, per=per)}"


def _middle_given(
    q: Mapping[str, Any], given: Sequence[Mapping[str, Any]], unit: str | None, per: str | None
) -> str:
    """The middle of several sources' estimates when one of them gave it; else the two
    figures either side of it (none between only two)."""
    best = q.get("best")
    if best is None:
        return ""
    middle = format_amount(best, unit, per=per)
    points = [float(a["best"]) for a in given if a.get("bound") != "range"]
    if any(format_amount(v, unit, per=per) == middle for v in points):
        return middle  # a figure a source gave (as a reader sees it)
    for a in given:  # the middle of a range one source gave: that range
        if a.get("bound") == "range" and math.isclose(float(a["best"]), best, rel_tol=1e-6):
            return _as_said(a, unit, per)
    below = [v for v in points if v < best]
    above = [v for v in points if v > best]
    if len(given) <= 2 or not below or not above:
        return ""
    pair = [format_amount(max(below), unit, per=per), format_amount(min(above), unit, per=per)]
    return pair[0] if pair[0] == pair[1] else _listed(pair)


def _middle(q: Mapping[str, Any]) -> str:
    """A quantity's middle estimate for a reader; with only figures that may be misprinted,
    those figures as printed."""
    if q["best"] is None and q.get("doubtful"):
        return ", ".join(f"'{d}' as printed" for d in q["doubtful"])
    return format_amount(q["best"], q["unit"], per=q["per"])


def verdict_words(
    verdict: str,
    sources: int | None = None,
    reports: int | None = None,
    *,
    doubtful: Sequence[str] = (),
    estimates: int | None = None,
) -> str:
    """A verdict in words that count the independent sources (when known) it rests on; a
    verdict this module does not know is shown by its own name. Figures left out as possibly
    misprinted (``doubtful``, as printed) are named; when no more than one of the quantity's
    ``estimates`` was left to compare, they are the whole reason it is uncertain.

    >>> verdict_words("diverge", 3), verdict_words("agree", 2), verdict_words("echo", 1, 4)
    ('3 independent sources disagree', '2 independent sources agree', 'one source, repeated in 4 reports')
    >>> verdict_words("single", 1), verdict_words("possibly_same")
    ('one source only', 'possibly same')
    >>> verdict_words("uncertain", 1, 2, doubtful=["12,5"], estimates=2)
    "possibly misprinted: '12,5'; not compared"
    """
    if doubtful:
        note = f"possibly misprinted: {', '.join(repr(str(d)) for d in doubtful)}; not compared"
        alone = estimates is None or estimates - len(doubtful) <= 1
        if verdict == "uncertain" and alone:
            return note
        return f"{verdict_words(verdict, sources, reports)}; {note}"
    many = f"{sources} independent sources" if sources is not None and sources >= 2 else ""
    few = _few_named(sources)
    if verdict == "diverge":
        return f"{many} disagree" if many else f"the reports disagree{few}"
    if verdict == "agree":
        return f"{many} agree" if many else f"the reports agree{few}"
    if verdict == "growth":
        return f"changed over time ({many})" if many else f"changed over time{few}"
    if verdict == "uncertain":
        return "figures that may not measure the same thing; not compared"
    if verdict == "echo":
        told = f", repeated in {reports} reports" if reports and reports > 1 else ", repeated"
        return f"one source{told}"
    if verdict == "single":
        return "one source only"
    return verdict.replace("_", " ")


def _few_named(sources: int | None) -> str:
    """What a comparing verdict on fewer than two named sources rests on, in words: the
    figures of the outlets' own (no source given) are not independent sources.

    >>> _few_named(1), _few_named(0), _few_named(None)
    ('; one source named, the other figures unattributed', '; no source named', '')
    """
    if sources is None or sources >= 2:
        return ""
    if sources == 1:
        return "; one source named, the other figures unattributed"
    return "; no source named"


def sources_shown(sources: int | None) -> str:
    """The independent-sources cell: a count, or "none named" (never a bare 0 beside
    figures that some report gave).

    >>> sources_shown(3), sources_shown(0), sources_shown(None)
    ('3', 'none named', '')
    """
    if sources is None:
        return ""
    return str(sources) if sources > 0 else "none named"


def sources_table(documents: pl.DataFrame, claims: pl.DataFrame) -> Html:
    """The reports that give figures here, with outlet, date, title, link and how many; the
    reports read that give none are counted."""
    used = dict(
        claims.filter(pl.col("quantity_id").is_not_null()).group_by("doc_id").len().iter_rows()
    )
    ranked = documents.with_columns(
        _used=pl.col("doc_id").replace_strict(used, default=0, return_dtype=pl.Int64)
    ).filter(pl.col("_used") > 0)
    unused = documents.height - ranked.height
    idle = (
        _note(
            f"{_n(unused, 'other report')} read {'gives' if unused == 1 else 'give'} no figure "
            "used here (every report is in documents.parquet)."
        ).text
        if unused
        else ""
    )
    if ranked.height == 0:
        return Html(_note("No report gives a figure used here.").text + idle)
    if ranked.height > MAX_ROWS:  # the reports this topic uses most first
        ranked = ranked.sort(["_used", "published", "doc_id"], descending=[True, False, False])
    else:
        ranked = ranked.sort("published", "doc_id", nulls_last=True)
    rows = []
    for r in ranked.head(MAX_ROWS).iter_rows(named=True):
        rows.append(
            [
                _esc(_outlet(r["outlet"], r["doc_id"])),
                _esc(_date(r["published"])),
                # a file's name is no title: a report without one says so, as for its link
                _esc(r["title"] or "no title given"),
                safe_link(r["url"]),
                str(r["_used"]),
            ]
        )
    table = _capped(
        rows,
        ["outlet", "published", "title", "link", "figures used here"],
        total=ranked.height,
        what="report",
        where="documents.parquet",
        numeric=(4,),
        caption="the reports that give the most figures here first"
        if ranked.height > MAX_ROWS
        else None,
    )
    return Html(table.text + idle)


def _not_compared(claims: pl.DataFrame, grouped_here: set[str]) -> pl.DataFrame:
    """The claims a report does not compare, in their order, with why (``_why``)."""
    levels = _earlier_levels(claims)
    earlier = pl.Series(sorted(levels), dtype=pl.String).implode()
    replaced = pl.Series(sorted(c for c, v in levels.items() if v == REPLACED), dtype=pl.String)
    replaced = replaced.implode()
    here = pl.Series(sorted(grouped_here), dtype=pl.String).implode()
    unshown = not_headlined(claims).select("claim_id", pl.col("why").alias("_unshown"))
    claims = claims.join(unshown, on="claim_id", how="left")
    why = (
        pl.when(pl.col("boilerplate").fill_null(False))
        .then(pl.lit("page furniture (a list of other stories, a share prompt …), not the article"))
        .when(pl.col("restates").is_not_null())
        .then(pl.lit("restates another figure in the same sentence (counted once)"))
        .when(pl.col("quantity_id").is_null())
        .then(pl.col("group_note").fill_null("could not be grouped with other figures"))
        .when(pl.col("dimension").cast(pl.String).is_in(LENGTHS_OF_TIME))
        .then(pl.lit("a length of time, which frames the figures rather than being one reported"))
        .when(pl.col("_unshown").is_not_null())
        .then(pl.col("_unshown"))
        .when(pl.col("quantity_id").is_in(here) & pl.col("claim_id").is_in(replaced))
        .then(pl.lit("an earlier figure its source has since replaced; shown as “revised from …”"))
        .when(pl.col("quantity_id").is_in(here) & pl.col("claim_id").is_in(earlier))
        .then(pl.lit("starting point of a stated change; shown as “up from …”"))
    )
    return claims.with_columns(_why=why).filter(pl.col("_why").is_not_null()).drop("_unshown")


def left_out(corpus: Corpus, result: ReconcileResult, topic: ReconcileResult, keyword: str) -> Html:
    """What the report does not use, and why: unreadable inputs, page furniture, restatements,
    figures that could not be grouped, and figures about other topics."""
    parts: list[str] = []
    if corpus.skipped.height:
        parts.append(f"<p><b>{_n(corpus.skipped.height, 'input')}</b> could not be read:</p>")
        parts.append(skipped_table(corpus.skipped).text)
    claims = result.claims
    if keyword:  # what the reports about the topic leave out, not every other story's
        here = topic.claims.get_column("doc_id").unique().implode()
        claims = claims.filter(pl.col("doc_id").is_in(here))
    rows: list[list[str]] = []
    names = _source_names(corpus.documents)
    grouped_here = set(topic.quantities.get_column("quantity_id").to_list())
    unused = _not_compared(claims, grouped_here)
    count = unused.height
    for r in unused.head(MAX_ROWS).iter_rows(named=True):
        rows.append(
            [
                _marked_claim(r),
                _esc(r["_why"]),
                _esc(names.get(r["doc_id"], _unnamed(r["doc_id"]))),
            ]
        )
    if rows:
        reports = "the reports about this topic" if keyword else "the reports"
        parts.append(f"<p><b>{_n(count, 'figure')}</b> in {reports} are not compared:</p>")
        parts.append(
            _capped(
                rows,
                ["figure in its sentence", "why", "source"],
                total=count,
                what="figure",
                where="grouped_claims.parquet (group_note says why)",
            ).text
        )
    if keyword:
        other = result.quantities.filter(
            ~pl.col("quantity_id").is_in(pl.Series(sorted(grouped_here), dtype=pl.String).implode())
        )
        if other.height:
            labels = ", ".join(other.get_column("label").head(12).to_list())
            more = f" and {other.height - 12} more" if other.height > 12 else ""
            parts.append(
                f"<p><b>{_n(other.height, 'figure')}</b> "
                f"{'does' if other.height == 1 else 'do'} not mention “{_esc(keyword)}” and "
                f"{'is' if other.height == 1 else 'are'} left out of this report: "
                f"{_esc(labels)}{_esc(more)}.</p>"
            )
    parts.extend(_noted(topic.claims))
    singles = topic.quantities.filter(pl.col("verdict").cast(pl.String) == "single")
    if singles.height:
        parts.append(
            f"<p><b>{_n(singles.height, 'figure')}</b> on this topic "
            f"{'comes' if singles.height == 1 else 'come'} from one source only, so there is "
            "nothing to compare with; they are listed above but not discussed.</p>"
        )
    return Html("".join(parts) or _note("Nothing was left out.").text)


def _noted(claims: pl.DataFrame) -> list[str]:
    """One line per note reconcile left on figures it still grouped ("no date: …"), counted."""
    grouped = claims.filter(
        pl.col("quantity_id").is_not_null()
        & pl.col("group_note").is_not_null()
        & ~pl.col("boilerplate").fill_null(False)
    )
    counts = (
        grouped.group_by("group_note").len().sort(["len", "group_note"], descending=[True, False])
    )
    return [
        f"<p><b>{_n(n, 'figure')}</b> on this topic: {_esc(note)}.</p>"
        for note, n in counts.iter_rows()
    ]


def method_note(settings: Settings) -> Html:
    return Html(
        '<p class="nf-note"><i>How this report was made.</i> Every number in the reports was '
        "read automatically with its hedge (“more than”, “nearly”), unit and who said it. "
        "Figures about the same thing in the same period were grouped; repeats of one source "
        "count once. A quantity is marked <i>diverge</i> when two independent sources give "
        "figures more than "
        f"{settings.threshold:.0%} apart for about the same time (or a later figure below an "
        "earlier one), and its paragraph names that pair; figures dated more than "
        f"{settings.window_days} days apart are compared as a change over time (<i>growth</i>). "
        f"Money is converted to {_esc(settings.currency)} at the month's average rate.</p>"
    )
