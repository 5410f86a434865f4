"""The report's figures: range plots of divergent quantities, timelines of estimates and the
overview bar chart, planned here and drawn in worker processes (bounded on any corpus), each
saved as PNG and SVG and shown one under the other.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from reconcile import ReconcileResult

from .corpus import sort_quantities
from .html import (
    _esc,
    _n,
    _note,
    no_math,
)

DPI = 100  # PNG resolution of saved figures (the SVG beside each is for print)
#: Bounds that keep a report readable and small on any corpus; full tables stay in Parquet.
MAX_FIGURES = 8  # range plots
MAX_TIMELINES = 6  # plots of estimates over time
OVERVIEW_TOP = 15  # bars in the overview chart
#: The verdicts whose spread says how far apart sources are: not one source's figures
#: (single, echo), nor figures that may count different things (uncertain).
COMPARED = ("diverge", "growth", "agree")


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
