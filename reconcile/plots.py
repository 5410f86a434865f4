"""Figures for reconciled quantities: who said what, how far apart, and how it moved over time.

Every function returns a :class:`matplotlib.figure.Figure` built directly (not through
``pyplot``), so no figure is registered with a backend and nothing is shown. Save one with
``fig.savefig(path)``; in Jupyter, display it by ending a cell with it.

The functions read the tables described in :mod:`reconcile.schema` (``QUANTITIES_SCHEMA`` and
``ASSERTIONS_SCHEMA``). Columns they do not need may be missing; an empty selection gives a
figure that says so instead of raising.

>>> format_value(20000), format_value(1.5e6), format_value(1e8, unit="USD")
('20k', '1.5M', '$100M')
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

import polars as pl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import (
    FuncFormatter,
    LogLocator,
    MaxNLocator,
    NullFormatter,
)

from .plot_base import (
    _Assertion,
    _draw_arrow,
    _finite,
    _make_scale,
    _message_figure,
    _quantity_mapping,
    _read_assertions,
    _Scale,
    _style_value_axis,
    _text,
    _tidy,
    _title,
    _use_log,
    _verdict_line,
    has_consensus,
)
from .plot_style import (
    _CONSENSUS_COLOR,
    _WIDTH,
    CURRENCY_SYMBOLS,
    LOG_SPREAD,
    VERDICT_COLORS,
    _axis_label,
    _shorten,
    _wrap,
    _wrap_title,
    asserter_colors,
    format_value,
)
from .ratios import times
from .timeline import timeline_plot

__all__ = [
    "CURRENCY_SYMBOLS",
    "LOG_SPREAD",
    "VERDICT_COLORS",
    "asserter_colors",
    "divergence_overview",
    "format_value",
    "range_plot",
    "timeline_plot",
]


MAX_ROWS = 25  # rows of a range plot (one per assertion) before the plot picks some


# --------------------------------------------------------------------------- range plot


def _pick_rows(items: list[_Assertion], limit: int) -> list[_Assertion]:
    """``limit`` assertions to draw: the lowest and the highest, then those in most reports."""
    if limit < 2:
        raise ValueError(f"max_rows must be at least 2, got {limit}")
    valued = sorted((a for a in items if a.values), key=lambda a: (min(a.values), max(a.values)))
    chosen = {id(a): a for a in (valued[:1] + valued[-1:])}
    for item in sorted(items, key=lambda a: -(a.n_reports or 0)):
        if len(chosen) >= limit:
            break
        chosen.setdefault(id(item), item)
    return list(chosen.values())


def _row_label(item: _Assertion) -> str:
    date = item.published or item.as_of
    parts = [_shorten(item.asserter, 36), date.isoformat() if date else "undated"]
    if item.n_reports is not None:
        parts.append(f"{item.n_reports} report{'' if item.n_reports == 1 else 's'}")
    label = " · ".join(parts)
    if item.disputed_by:
        label += "\n" + _shorten("disputed by " + ", ".join(item.disputed_by), 46)
    return label


def range_plot(
    quantity: Mapping[str, Any] | pl.DataFrame,
    assertions: pl.DataFrame,
    *,
    log: bool | None = None,
    title: str | None = None,
    colors: Mapping[str, str] | None = None,
    max_rows: int = MAX_ROWS,
) -> Figure:
    """Every assertion about one quantity, side by side on one value axis.

    One row per assertion, earliest first, labelled "asserter · first published · reports".
    A dot marks the best value, a thick bar the stated interval, an arrow an open bound
    (right for "more than", left for "fewer than"); a hollow dot marks a disputed assertion.
    The consensus best value is a dashed vertical line over a grey consensus band.

    Parameters
    ----------
    quantity
        One row of the quantities table, as a mapping (``df.row(i, named=True)``) or a
        one-row DataFrame. Uses ``label``, ``unit``, ``per``, ``dimension``, ``low``,
        ``best``, ``high``, ``spread``, ``verdict`` and ``quantity_id`` when present.
    assertions
        Rows of the assertions table. When both carry a ``quantity_id``, only the rows of
        this quantity are plotted, so the whole table may be passed.
    log
        Log value axis; by default one is used when the largest value is more than
        :data:`LOG_SPREAD` times the smallest.
    title
        Replaces the default title (the quantity label and its verdict).
    colors
        Colours for some asserters, overriding :func:`asserter_colors`.
    max_rows
        At most this many rows: with more assertions, the lowest and highest and those in the
        most reports are drawn, and the title says how many of how many.

    Returns
    -------
    matplotlib.figure.Figure
        The figure; a figure with a message when there is no assertion to plot.

    Raises
    ------
    ValueError
        When ``quantity`` is a DataFrame of other than one row, or ``log=True`` is asked
        for values that are not all positive.
    """
    q = _quantity_mapping(quantity)
    label = str(q.get("label") or q.get("quantity_id") or "quantity")
    heading = _wrap_title(title or f"{label}\n{_verdict_line(q)}".rstrip(), width=95)
    qid = q.get("quantity_id")
    if qid is not None and "quantity_id" in assertions.columns:
        assertions = assertions.filter(pl.col("quantity_id") == qid)
    items = _read_assertions(assertions)
    if not items:
        return _message_figure(f"No assertions to plot for “{label}”.", title=heading)
    if len(items) > max_rows:
        heading += (
            f"\n{max_rows} of {len(items):,} assertions shown: the extremes and the most reported"
        )
        items = _pick_rows(items, max_rows)
    items.sort(
        key=lambda a: (
            (a.published or a.as_of or dt.date.max).toordinal(),
            a.asserter,
            a.best if a.best is not None else math.inf,
        )
    )

    unit, per = _text(q.get("unit")), _text(q.get("per"))
    consensus = {
        k: _finite(q.get(k)) if has_consensus(q) else None for k in ("low", "best", "high")
    }
    values = [v for a in items for v in a.values]
    values += [v for v in consensus.values() if v is not None]
    scale = _make_scale(
        values,
        log=_use_log(values, log),
        room_low=any(a.open_low for a in items),
        room_high=any(a.open_high for a in items),
    )
    palette = asserter_colors((a.asserter for a in items), overrides=colors)

    fig, ax = _range_axes(items, heading, scale, unit, per, _text(q.get("dimension")))
    handles = _draw_consensus(ax, consensus, unit)
    handles += _draw_intervals(ax, items, palette)
    handles += _draw_open_bounds(ax, items, palette, scale)
    handles = _draw_points(ax, items, palette) + handles
    _label_points(ax, items, scale, unit)
    _title(fig, heading)
    if handles:
        fig.legend(
            handles=handles,
            loc="outside lower center",
            ncols=len(handles),
            frameon=False,
            fontsize=8.5,
        )
    return fig


def _range_axes(
    items: list[_Assertion],
    heading: str,
    scale: _Scale,
    unit: str | None,
    per: str | None,
    dimension: str | None,
) -> tuple[Figure, Axes]:
    """The figure, one row per assertion (labelled), the value axis below."""
    n = len(items)
    extra_lines = sum(1 for a in items if a.disputed_by)
    height = 2.3 + 0.5 * n + 0.2 * extra_lines + 0.2 * heading.count("\n")
    fig = Figure(figsize=(_WIDTH, height), layout="constrained")
    ax = fig.add_subplot()
    _style_value_axis(ax, "x", scale, unit)
    ax.set_ylim(n - 0.5, -0.8)
    ax.set_yticks(range(n), labels=[_row_label(a) for a in items])
    ax.tick_params(axis="y", length=0, labelsize=9)
    ax.set_xlabel(_axis_label(unit, per, dimension))
    _tidy(ax, grid="x")
    return fig, ax


def _draw_consensus(ax: Axes, consensus: Mapping[str, float | None], unit: str | None) -> list[Any]:
    """The consensus band (low to high) and line (best), with their legend entries."""
    handles: list[Any] = []
    c_low, c_best, c_high = consensus["low"], consensus["best"], consensus["high"]
    if c_low is not None and c_high is not None and c_high > c_low:
        band = ax.axvspan(c_low, c_high, color="0.92", zorder=0, lw=0)
        band.set_gid("consensus-band")
        handles.append(Patch(color="0.92", label="consensus low–high"))
    if c_best is not None:
        line = ax.axvline(c_best, color=_CONSENSUS_COLOR, ls="--", lw=1.2, zorder=1)
        line.set_gid("consensus")
        note = ax.annotate(
            f"consensus {format_value(c_best, unit=unit)}",
            xy=(c_best, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=9,
            color=_CONSENSUS_COLOR,
        )
        note.set_gid("consensus-label")
        handles.append(Line2D([], [], color=_CONSENSUS_COLOR, ls="--", lw=1.2, label="consensus"))
    return handles


def _draw_intervals(ax: Axes, items: list[_Assertion], palette: Mapping[str, str]) -> list[Any]:
    """Each stated interval as a thick translucent bar on its row."""
    seg_y, seg_lo, seg_hi, seg_colors = [], [], [], []
    for y, item in enumerate(items):
        segment = item.segment()
        if segment is not None:
            seg_y.append(y)
            seg_lo.append(segment[0])
            seg_hi.append(segment[1])
            seg_colors.append(palette[item.asserter])
    if not seg_y:
        return []
    bars = ax.hlines(seg_y, seg_lo, seg_hi, colors=seg_colors, lw=7, alpha=0.45, zorder=2)
    bars.set_gid("intervals")
    return [Line2D([], [], color="0.55", lw=7, alpha=0.6, label="stated interval")]


def _draw_open_bounds(
    ax: Axes, items: list[_Assertion], palette: Mapping[str, str], scale: _Scale
) -> list[Any]:
    """An arrow for each open end: right for "more than", left for "fewer than"."""
    arrows = 0
    for y, item in enumerate(items):
        for upward, is_open in ((True, item.open_high), (False, item.open_low)):
            tail = item.arrow_tail(upward=upward) if is_open else None
            if tail is not None:
                tip = scale.shift(tail, 1.0 if upward else -1.0)
                _draw_arrow(ax, (tail, y), (tip, y), palette[item.asserter])
                arrows += 1
    if not arrows:
        return []
    return [Line2D([], [], color="0.4", lw=2, marker=">", markevery=[1], label="open bound")]


def _draw_points(ax: Axes, items: list[_Assertion], palette: Mapping[str, str]) -> list[Any]:
    """The best values as dots (hollow when disputed), with their legend entries."""
    handles: list[Any] = []
    dots = [(y, a, best) for y, a in enumerate(items) if (best := a.best) is not None]
    if dots:
        points = ax.scatter(
            [best for _, _, best in dots],
            [y for y, _, _ in dots],
            s=70,
            facecolors=["white" if a.disputed_by else palette[a.asserter] for _, a, _ in dots],
            edgecolors=[palette[a.asserter] for _, a, _ in dots],
            linewidths=2,
            zorder=4,
        )
        points.set_gid("points")
        handles.append(Line2D([], [], ls="", marker="o", ms=8, color="0.35", label="best value"))
    if any(a.disputed_by for a in items):
        handles.append(
            Line2D(
                [], [], ls="", marker="o", ms=8, mfc="white", mec="0.35", mew=2, label="disputed"
            )
        )
    return handles


def _label_points(ax: Axes, items: list[_Assertion], scale: _Scale, unit: str | None) -> None:
    """Each estimate's words ("nearly 20,000") above its dot, kept inside the axes."""
    for y, item in enumerate(items):
        anchor = item.best if item.best is not None else item.arrow_tail(upward=True)
        if anchor is None:
            continue
        fraction = (scale.forward(anchor) - scale.forward(scale.lo)) / (
            scale.forward(scale.hi) - scale.forward(scale.lo)
        )
        ha = "left" if fraction < 0.2 else "right" if fraction > 0.8 else "center"
        text = _shorten(_sentence_case(_grouped(item.surface)), 34) if item.surface else None
        text = text or format_value(anchor, unit=unit)
        note = ax.annotate(
            text,
            xy=(anchor, y),
            xytext=(0, 7),
            textcoords="offset points",
            ha=ha,
            va="bottom",
            fontsize=8,
            color="0.2",
            bbox={
                "boxstyle": "round,pad=0.15",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.85,
            },
            zorder=5,
        )
        note.set_gid("point-label")


#: Words a figure's surface may start with that are capitalised only at a sentence's start.
_HEDGE_STARTS = frozenset(
    "about almost approximately around as at close estimated fewer less more nearly over "
    "roughly some under up".split()
)


#: A whole number of four digits or more written without grouping ("3958", not "0.12345").
_UNGROUPED = re.compile(r"(?<![\d.,])\d{4,}(?![\d,]|\.\d)")


def _grouped(surface: str) -> str:
    """A figure's words with its whole numbers grouped as the labels beside it are
    ("3958" -> "3,958", "over 9000 people" -> "over 9,000 people"), so that one chart does
    not mix two ways of writing numbers; decimals and grouped figures stay as written.

    >>> _grouped("3958"), _grouped("over 9000 people"), _grouped("1.23456"), _grouped("3,351")
    ('3,958', 'over 9,000 people', '1.23456', '3,351')
    """
    return _UNGROUPED.sub(lambda m: f"{int(m.group()):,}", surface)


def _sentence_case(surface: str) -> str:
    """A figure's words as they read inside a sentence: "At least 5" -> "at least 5".

    >>> _sentence_case("More than 300 people"), _sentence_case("Rs 5 crore")
    ('more than 300 people', 'Rs 5 crore')
    """
    first = surface.split(" ", 1)[0]
    return surface[:1].lower() + surface[1:] if first.lower() in _HEDGE_STARTS else surface


# --------------------------------------------------------------------------- overview


def divergence_overview(
    quantities: pl.DataFrame, *, top: int = 15, title: str | None = None
) -> Figure:
    """The quantities whose sources disagree most, ranked by spread.

    Quantities with the verdict ``diverge`` come first, then the others that have at least
    two assertions, each group by decreasing spread (largest best value ÷ smallest). Bars
    start at 1× (perfect agreement) and are coloured by verdict.

    Parameters
    ----------
    quantities
        Rows of the quantities table (``label``, ``spread``, ``verdict``, ``n_assertions``).
    top
        How many quantities to show at most.
    title
        Replaces the default title.

    Returns
    -------
    matplotlib.figure.Figure
        The figure; a figure with a message when no quantity has two assertions to compare.

    Raises
    ------
    ValueError
        When ``top`` is less than 1.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    chosen, n_diverging = _ranked_by_spread(quantities, top)
    if chosen.height == 0:
        return _message_figure(
            "Nothing diverges: no quantity has two or more assertions to compare.",
            title=title or "Where the sources disagree",
        )

    rows = chosen.to_dicts()
    labels = [
        _wrap(str(r.get("label") or r.get("quantity_id") or "?"), width=44, max_lines=2)
        for r in rows
    ]
    lines = max(len(x) for x in labels)
    n = len(rows)
    spreads = [max(float(r["spread"]), 1.0) for r in rows]
    verdicts = [str(r.get("verdict") or "single") for r in rows]

    # with no divergence the chart shows how far apart agreeing or growing figures are,
    # and must not be titled as a disagreement
    lead = "Where the sources disagree" if n_diverging else "How far apart the estimates are"
    heading = title or (
        f"{lead}: {n} of {quantities.height} quantities by spread"
        + ("" if n_diverging else " (none diverges)")
    )
    fig = Figure(figsize=(_WIDTH, 1.9 + n * (0.22 + 0.2 * lines)), layout="constrained")
    ax = fig.add_subplot()
    thinnest = _spread_axis(ax, max(spreads))
    bars = ax.barh(
        range(n),
        [max(s, thinnest) - 1.0 for s in spreads],
        left=1.0,
        height=0.62,
        color=[VERDICT_COLORS.get(v, VERDICT_COLORS["single"]) for v in verdicts],
    )
    for bar in bars:
        bar.set_gid("spread-bar")
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks(range(n), labels=["\n".join(x) for x in labels])
    ax.tick_params(axis="y", length=0, labelsize=9)
    _label_spreads(ax, rows, spreads)
    ax.set_xlabel("spread: largest ÷ smallest asserted best value (×, 1× = all agree)")
    _tidy(ax, grid="x")
    _title(fig, heading)
    present = [v for v in VERDICT_COLORS if v in verdicts]
    fig.legend(
        handles=[Patch(color=VERDICT_COLORS[v], label=v) for v in present],
        loc="outside lower center",
        ncols=len(present),
        frameon=False,
        fontsize=9,
        title="verdict",
    )
    return fig


def _ranked_by_spread(quantities: pl.DataFrame, top: int) -> tuple[pl.DataFrame, int]:
    """The ``top`` quantities to show, diverging ones first, each group by decreasing spread,
    and how many quantities diverge."""
    frame = quantities
    if "spread" in frame.columns:
        frame = frame.filter(pl.col("spread").is_not_null() & pl.col("spread").is_finite())
    else:
        frame = frame.clear()
    verdict = (
        pl.col("verdict").cast(pl.String) if "verdict" in frame.columns else pl.lit(None, pl.String)
    )
    several = (
        pl.col("n_assertions").fill_null(0) >= 2
        if "n_assertions" in frame.columns
        else pl.lit(value=False)
    )
    diverging = frame.filter(verdict == "diverge").sort("spread", descending=True)
    others = frame.filter((verdict != "diverge").fill_null(value=True) & several).sort(
        "spread", descending=True
    )
    chosen = pl.concat([diverging, others], how="vertical_relaxed").head(top)
    return chosen, diverging.height


def _spread_axis(ax: Axes, top_value: float) -> float:
    """Scale and ticks of the spread axis, which starts at 1× (all agree) and leaves its right
    quarter for the value labels (log beyond :data:`LOG_SPREAD`); returns the shortest bar
    drawn, so that bars of 1× stay visible as a sliver."""
    if top_value > LOG_SPREAD:
        ax.set_xscale("log")
        right = 10.0 ** (math.log10(top_value) / 0.78)
        decades = math.log10(right)
        subs = (1.0, 2.0, 5.0) if decades <= 3.5 else (1.0,)
        ax.xaxis.set_major_locator(LogLocator(base=10.0, subs=subs))
        ax.xaxis.set_minor_formatter(NullFormatter())
        thinnest = 10.0 ** (0.006 * decades)
    else:
        right = 1.0 + max(top_value - 1.0, 0.5) / 0.78
        locator = MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10])
        ticks = [t for t in locator.tick_values(1.0, right) if 1.0 <= t <= right]
        if not ticks or ticks[0] - 1.0 >= 0.12 * (right - 1.0):
            ticks.insert(0, 1.0)  # 1× (all agree) is always labelled
        elif ticks[0] != 1.0:
            ticks[0] = 1.0
        ax.set_xticks(ticks)
        thinnest = 1.0 + 0.006 * (right - 1.0)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:g}×"))
    ax.set_xlim(1.0, right)
    return thinnest


def _label_spreads(ax: Axes, rows: list[dict[str, Any]], spreads: list[float]) -> None:
    """Each bar's spread and number of assertions, right of its end."""
    for y, (row, spread) in enumerate(zip(rows, spreads, strict=True)):
        count = row.get("n_assertions")
        text = times(spread) + (f" · {count} assertions" if count is not None else "")
        note = ax.annotate(
            text,
            xy=(spread, y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=8.5,
            color="0.2",
        )
        note.set_gid("spread-label")
