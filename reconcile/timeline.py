"""The timeline figure: each asserter's estimates of a series over time, with the windows a
verdict compares and day or month ticks on the date axis.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import matplotlib.dates as mdates
import polars as pl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import (
    FixedLocator,
)

from .plot_base import (
    _Assertion,
    _draw_arrow,
    _finite,
    _make_scale,
    _message_figure,
    _read_assertions,
    _Scale,
    _style_value_axis,
    _text,
    _tidy,
    _title,
    _use_log,
    has_consensus,
)
from .plot_style import _OTHERS_COLOR, _WIDTH, _axis_label, _wrap, asserter_colors

MAX_ASSERTERS = 10  # asserters of a timeline with a colour and a legend entry of their own

# --------------------------------------------------------------------------- timeline


def _series_title(quantities: pl.DataFrame, series_id: str | None) -> str:
    """The labels' common part ("… in Ukraine" from "… in Ukraine, March 2022" and so on)."""
    labels = []
    if "label" in quantities.columns:
        labels = [str(x) for x in quantities.get_column("label").drop_nulls().to_list()]
    if labels and len(set(labels)) == 1:
        return labels[0]
    if labels:
        prefix = labels[0]
        for other in labels[1:]:
            while not other.startswith(prefix):
                prefix = prefix[:-1]
        if any(len(x) > len(prefix) and x[len(prefix)].isalnum() for x in labels):
            prefix = prefix[: prefix.rfind(" ")] if " " in prefix else ""  # a whole word
        prefix = prefix.rstrip(" ,;:-–—(")
        if len(prefix) >= 10:
            return prefix
        return Counter(labels).most_common(1)[0][0]
    return series_id or "estimates over time"


def _fold_asserters(
    points: list[tuple[dt.date, _Assertion]], limit: int
) -> tuple[list[tuple[dt.date, _Assertion]], str | None]:
    """Keep the ``limit`` asserters with the most estimates; the others' estimates are put
    under one name, "N other asserters" (returned, else ``None``)."""
    if limit < 1:
        raise ValueError(f"max_asserters must be at least 1, got {limit}")
    counts = Counter(a.asserter for _, a in points)
    if len(counts) <= limit:
        return points, None
    kept = {name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]}
    others = f"{len(counts) - limit:,} other asserters"
    folded = [
        (d, a if a.asserter in kept else dataclasses.replace(a, asserter=others)) for d, a in points
    ]
    return folded, others


def _place_in_time(
    points: list[tuple[dt.date, _Assertion]],
    consensus: list[tuple[dt.date | None, dt.date | None, float]],
) -> tuple[dict[int, float], dict[int, float], tuple[float, float, float]]:
    """Dates as day numbers, and x positions where asserters reporting on the same day are
    set slightly apart; with the first and last day and the span shown."""
    number = {d: float(mdates.date2num(d)) for d in {d for d, _ in points}}  # once a date
    day = {id(a): number[d] for d, a in points}
    all_days = sorted(day.values()) + [
        float(mdates.date2num(x)) for s, e, _ in consensus for x in (s, e) if x
    ]
    first, last = min(all_days), max(all_days)
    span = max(last - first, 30.0)
    by_day: dict[float, list[str]] = {}
    for _, a in points:
        names = by_day.setdefault(day[id(a)], [])
        if a.asserter not in names:
            names.append(a.asserter)
    step = span * 0.012
    x_of = {
        id(a): day[id(a)]
        + (by_day[day[id(a)]].index(a.asserter) - (len(by_day[day[id(a)]]) - 1) / 2) * step
        for _, a in points
    }
    return day, x_of, (first, last, span)


@dataclass(frozen=True, slots=True)
class _Mark:
    """What one asserter said on one day, drawn as one mark: one figure as it was given, or
    ``count`` figures gathered (their median as the dot, their lowest to highest as a thin
    line, the furthest open bounds as arrows)."""

    x: float
    best: float | None
    segment: tuple[float, float] | None
    up_from: float | None  # an open "more than" bound: the arrow's tail
    down_from: float | None  # an open "fewer than" bound
    disputed: bool
    count: int = 1


def _marks(own: list[tuple[float, _Assertion]]) -> list[_Mark]:
    """One mark per day (x) of one asserter, disputed figures apart from the others, in the
    order of ``own``. Thousands of figures on a few hundred days read as a few hundred marks,
    each as large as the figures it stands for are many."""
    days: dict[tuple[float, bool], list[_Assertion]] = {}
    for x, a in own:
        days.setdefault((x, bool(a.disputed_by)), []).append(a)
    marks = []
    for (x, disputed), said in days.items():
        if len(said) == 1:
            (a,) = said
            up = a.arrow_tail(upward=True) if a.open_high else None
            down = a.arrow_tail(upward=False) if a.open_low else None
            marks.append(_Mark(x, a.best, a.segment(), up, down, disputed))
            continue
        bests = [a.best for a in said if a.best is not None]
        values = [v for a in said for v in a.values]
        ups = [t for a in said if a.open_high and (t := a.arrow_tail(upward=True)) is not None]
        downs = [t for a in said if a.open_low and (t := a.arrow_tail(upward=False)) is not None]
        lo, hi = min(values), max(values)
        marks.append(
            _Mark(
                x,
                statistics.median(bests) if bests else None,
                (lo, hi) if hi > lo else None,
                max(ups) if ups else None,
                min(downs) if downs else None,
                disputed,
                count=len(said),
            )
        )
    return marks


def _dot_area(count: int) -> float:
    """Area (points squared) of the dot of a mark standing for ``count`` figures."""
    return 55.0 * math.sqrt(count)


def _draw_asserter(
    ax: Axes,
    name: str,
    marks: list[_Mark],
    color: str,
    scale: _Scale,
    *,
    one: bool,
) -> Line2D:
    """One asserter's estimates (:func:`_marks`): dots, intervals, open bounds, and a line
    joining them when there are two or more and ``one`` asserter speaks; its legend entry."""
    dotted = [(m, m.best) for m in marks if m.best is not None]
    joined = len(dotted) > 1 and one
    if joined:
        (line,) = ax.plot(
            [m.x for m, _ in dotted], [y for _, y in dotted], color=color, lw=1.6, alpha=0.8
        )
        line.set_gid("line")
    if dotted:
        dots = ax.scatter(
            [m.x for m, _ in dotted],
            [y for _, y in dotted],
            s=[_dot_area(m.count) for m, _ in dotted],
            facecolors=["white" if m.disputed else color for m, _ in dotted],
            edgecolors=color,
            linewidths=2,
            zorder=4,
        )
        dots.set_gid("points")
    for gid, alone, lw, alpha in (("intervals", True, 3, 0.45), ("gathered", False, 1.2, 0.8)):
        segments = [(m.x, m.segment) for m in marks if m.segment and (m.count == 1) == alone]
        if segments:
            bars = ax.vlines(
                [x for x, _ in segments],
                [s[0] for _, s in segments],
                [s[1] for _, s in segments],
                colors=color,
                lw=lw,
                alpha=alpha,
                zorder=2,
            )
            bars.set_gid(gid)
    for m in marks:
        for upward, tail in ((True, m.up_from), (False, m.down_from)):
            if tail is not None:
                tip = scale.shift(tail, 1.0 if upward else -1.0)
                _draw_arrow(ax, (m.x, tail), (m.x, tip), color, lw=2.0)
    return Line2D(  # a line in the legend only where one is drawn
        [],
        [],
        color=color,
        lw=1.6 if joined else 0,
        ls="-" if joined else "",
        marker="o",
        ms=7,
        label="\n".join(_wrap(name, width=26, max_lines=2)),
    )


def _gathered_legend(most: int) -> Line2D:
    """The legend entry of a mark that stands for several figures of one day (the largest,
    ``most``)."""
    return Line2D(
        [],
        [],
        color="0.4",
        lw=1.2,
        marker="o",
        ms=math.sqrt(_dot_area(most)),
        mfc="0.4",
        label=f"up to {most:,} figures of one\nasserter on one day: their\nmedian, lowest to highest",
    )


def _draw_windows(
    ax: Axes, consensus: list[tuple[dt.date | None, dt.date | None, float]], span: float
) -> list[Any]:
    """Each quantity's consensus best as a dashed segment over its time window, wide enough
    to show beside the markers; its legend entry."""
    if not consensus:
        return []
    for start, end, best in consensus:
        x0 = float(mdates.date2num(start or end))
        x1 = float(mdates.date2num(end or start))
        if x1 - x0 < span * 0.06:
            middle = (x0 + x1) / 2
            x0, x1 = middle - span * 0.03, middle + span * 0.03
        window = ax.hlines(best, x0, x1, colors="0.35", linestyles="--", lw=1.5, zorder=1)
        window.set_gid("consensus")
    return [Line2D([], [], color="0.35", ls="--", lw=1.5, label="consensus")]


def timeline_plot(
    assertions: pl.DataFrame,
    quantities: pl.DataFrame,
    *,
    series_id: str | None = None,
    log: bool | None = None,
    title: str | None = None,
    colors: Mapping[str, str] | None = None,
    max_asserters: int = MAX_ASSERTERS,
) -> Figure:
    """Estimates of one quantity over time, one line per asserter.

    x is the date a figure describes (``as_of``, else ``first_published``), y the best value
    with the stated interval as a vertical bar and open bounds as arrows (up for "more
    than", down for "fewer than"); hollow dots are disputed assertions. Each quantity's
    consensus best value is a dashed grey segment over its time window. The figures one
    asserter gives on one day are one mark (:func:`_marks`): a dot at their median, larger
    the more they are, and a thin line from the lowest to the highest.

    Parameters
    ----------
    assertions
        Rows of the assertions table.
    quantities
        Rows of the quantities table (for the unit, labels and consensus values).
    series_id
        Plot the quantities of this series and their assertions. Without it, every
        assertion passed is plotted.
    log
        Log value axis; by default one is used when the largest value is more than
        :data:`LOG_SPREAD` times the smallest.
    title
        Replaces the default title (the series' label).
    colors
        Colours for some asserters, overriding :func:`asserter_colors`.
    max_asserters
        Asserters with a colour, a line and a legend entry of their own (those with the most
        estimates); the estimates of the others are grey dots under one legend entry.

    Returns
    -------
    matplotlib.figure.Figure
        The figure; a figure with a message when there is no dated assertion to plot.

    Raises
    ------
    ValueError
        When the assertions belong to quantities with different units or periods (pass a
        ``series_id``), or ``log=True`` is asked for values that are not all positive.
    """
    assertions, quantities = _of_series(assertions, quantities, series_id)
    heading = title or _series_title(quantities, series_id)
    q_rows = quantities.to_dicts()
    unit, per = _unit_and_period(q_rows)
    dimension = _text(q_rows[0].get("dimension")) if q_rows else None

    items = _read_assertions(assertions)
    dated = [(a.as_of or a.published, a) for a in items]
    undated = sum(1 for d, _ in dated if d is None)
    points = [(d, a) for d, a in dated if d is not None and (a.best is not None or a.values)]
    if not points:
        reason = "No assertions to plot" if not items else "No dated assertions to plot"
        return _message_figure(f"{reason} for “{heading}”.", title=heading)
    points, others = _fold_asserters(points, max_asserters)

    consensus = _consensus_windows(q_rows)
    values = [v for _, a in points for v in a.values] + [b for _, _, b in consensus]
    scale = _make_scale(
        values,
        log=_use_log(values, log),
        room_low=any(a.open_low for _, a in points),
        room_high=any(a.open_high for _, a in points),
    )

    day, x_of, (first, last, span) = _place_in_time(points, consensus)

    order = sorted(
        {a.asserter for _, a in points},
        key=lambda s: (s == others, min(day[id(a)] for _, a in points if a.asserter == s), s),
    )
    palette = asserter_colors(order, overrides=colors)
    if others:
        palette[others] = _OTHERS_COLOR
    legend_lines = max(len(_wrap(name, width=26, max_lines=2)) for name in order)
    height = max(4.2, 1.8 + 0.32 * len(order) * legend_lines)
    fig = Figure(figsize=(_WIDTH + 1.5, height), layout="constrained")
    ax = fig.add_subplot()
    _style_value_axis(ax, "y", scale, unit)
    _tidy(ax, grid="y")

    handles: list[Any] = []
    most = 1
    for name in order:
        own = sorted(
            ((x_of[id(a)], a) for _, a in points if a.asserter == name), key=lambda p: p[0]
        )
        marks = _marks(own)
        most = max(most, *(m.count for m in marks))
        handles.append(_draw_asserter(ax, name, marks, palette[name], scale, one=name != others))
    if most > 1:
        handles.append(_gathered_legend(most))
    handles += _draw_windows(ax, consensus, span)
    handles += _mark_legends([a for _, a in points])

    pad = max(span * 0.06, 10.0)
    ax.set_xlim(first - pad, last + pad)
    _date_axis(ax, first - pad, last + pad)
    xlabel = "as of (date the figure describes)"
    if undated:
        xlabel += f" — {undated} undated assertion{'' if undated == 1 else 's'} not shown"
    ax.set_xlabel(xlabel)
    ax.set_ylabel(_axis_label(unit, per, dimension))
    _title(fig, heading)
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        borderaxespad=0.0,
        frameon=False,
        fontsize=9,
        title="asserter",
        alignment="left",
    )
    return fig


def _of_series(
    assertions: pl.DataFrame, quantities: pl.DataFrame, series_id: str | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The assertions and quantities of ``series_id``; without it, the quantities of the
    assertions passed."""
    if series_id is not None and "series_id" in quantities.columns:
        quantities = quantities.filter(pl.col("series_id") == series_id)
        ids = quantities.get_column("quantity_id").to_list()
        assertions = assertions.filter(pl.col("quantity_id").is_in(ids))
    elif "quantity_id" in assertions.columns and "quantity_id" in quantities.columns:
        ids = assertions.get_column("quantity_id").unique().to_list()
        quantities = quantities.filter(pl.col("quantity_id").is_in(ids))
    return assertions, quantities


def _unit_and_period(q_rows: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The one unit and period of the quantities (both None when there is none).

    Raises
    ------
    ValueError
        When the quantities measure in more than one unit or period.
    """
    kinds = {(_text(r.get("unit")), _text(r.get("per"))) for r in q_rows}
    if len(kinds) > 1:
        listed = ", ".join(sorted(_axis_label(u, p, None) for u, p in kinds))
        raise ValueError(f"the assertions measure different units ({listed}); pass series_id")
    return kinds.pop() if kinds else (None, None)


def _consensus_windows(
    q_rows: list[dict[str, Any]],
) -> list[tuple[dt.date | None, dt.date | None, float]]:
    """Each dated quantity's consensus best value over its time window."""
    return [
        (r.get("as_of_start"), r.get("as_of_end"), best)
        for r in q_rows
        if (best := _finite(r.get("best"))) is not None
        and (r.get("as_of_start") or r.get("as_of_end"))
        and has_consensus(r)
    ]


def _mark_legends(items: list[_Assertion]) -> list[Line2D]:
    """Legend entries for the kinds of mark drawn: a disputed assertion, an open bound."""
    handles = []
    if any(a.disputed_by for a in items):
        handles.append(
            Line2D(
                [], [], ls="", marker="o", ms=7, mfc="white", mec="0.35", mew=2, label="disputed"
            )
        )
    if any(a.open_high or a.open_low for a in items):
        handles.append(
            Line2D([], [], color="0.4", lw=2, marker="^", markevery=[1], label="open bound")
        )
    return handles


#: Steps in days between date ticks when the axis spans at most :data:`DAILY_SPAN` days.
DAY_STEPS = (1, 2, 3, 5, 7, 14, 21, 28)
DAILY_SPAN = 180
MAX_DATE_TICKS = 7


def day_ticks(low: float, high: float, *, most: int = MAX_DATE_TICKS) -> list[float]:
    """Ticks on whole days from ``low`` to ``high`` (Matplotlib day numbers), evenly spaced by
    the smallest of :data:`DAY_STEPS` that gives at most ``most`` of them.

    Evenly spaced whatever the month: a locator that picks days of the month (1, 5, … 29)
    puts the 29th and the next month's 1st two days apart, and their labels overlap.

    >>> day_ticks(0.5, 40.2)
    [1.0, 8.0, 15.0, 22.0, 29.0, 36.0]
    """
    start, end = math.ceil(low), math.floor(high)
    count = end - start + 1
    step = next((s for s in DAY_STEPS if math.ceil(count / s) <= most), DAY_STEPS[-1])
    return [float(d) for d in range(start, end + 1, step)]


def _date_axis(ax: Axes, low: float, high: float) -> None:
    """Date ticks and labels on the x axis: whole days evenly spaced over a short span,
    months or years (Matplotlib's choice) over a long one."""
    formats = ["%Y", "%b %Y", "%d %b %Y", "%H:%M", "%H:%M", "%S.%f"]
    if high - low <= DAILY_SPAN:
        ax.xaxis.set_major_locator(FixedLocator(day_ticks(low, high)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
        return
    locator = mdates.AutoDateLocator(minticks=3, maxticks=MAX_DATE_TICKS + 1)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        mdates.ConciseDateFormatter(
            locator, formats=formats, zero_formats=formats, show_offset=False
        )
    )
