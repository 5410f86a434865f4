"""What every figure is drawn from: the assertions of a quantity read from the tables, the
value scale (linear, or log when values are far apart), and the small pieces every figure
shares (arrows, titles, the verdict line, whether a consensus is drawn).
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import (
    LogLocator,
    MaxNLocator,
    NullFormatter,
)

from .plot_style import _UNATTRIBUTED, _WIDTH, LOG_SPREAD, _ValueFormatter, _wrap_title
from .ratios import times

# --------------------------------------------------------------------------- reading rows


@dataclass(frozen=True, slots=True)
class _Assertion:
    """One assertion row, cleaned for plotting."""

    asserter: str
    as_of: dt.date | None
    published: dt.date | None
    best: float | None
    low: float | None
    high: float | None
    bound: str | None
    surface: str | None
    n_reports: int | None
    disputed_by: tuple[str, ...]

    @property
    def open_high(self) -> bool:
        """The interval has no upper end: "more than 20,000"."""
        return self.high is None and (self.low is not None or self.bound == "lower")

    @property
    def open_low(self) -> bool:
        """The interval has no lower end: "fewer than 500"."""
        return self.low is None and (self.high is not None or self.bound == "upper")

    @property
    def values(self) -> list[float]:
        """The numbers to fit on the value axis."""
        return [v for v in (self.best, self.low, self.high) if v is not None]

    def segment(self) -> tuple[float, float] | None:
        """The stated interval as a closed segment (open ends stop at the best value)."""
        lo = self.low if self.low is not None else self.best
        hi = self.high if self.high is not None else self.best
        if lo is None or hi is None or hi <= lo:
            return None
        return lo, hi

    def arrow_tail(self, *, upward: bool) -> float | None:
        """Where the open-bound arrow starts: the stated bound or the best value beyond it."""
        ends = (self.low, self.best) if upward else (self.high, self.best)
        known = [v for v in ends if v is not None]
        if not known:
            return None
        return max(known) if upward else min(known)


def _finite(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _read_assertions(frame: pl.DataFrame) -> list[_Assertion]:
    rows: list[_Assertion] = []
    for row in frame.to_dicts():
        if row.get("doubt"):  # a figure that may be misprinted is not drawn among the others
            continue
        disputed = [str(d) for d in (row.get("disputed_by") or []) if d]
        n_reports = row.get("n_reports")
        rows.append(
            _Assertion(
                asserter=str(row.get("asserter") or _UNATTRIBUTED),
                as_of=row.get("as_of"),
                published=row.get("first_published"),
                best=_finite(row.get("best")),
                low=_finite(row.get("interval_low")),
                high=_finite(row.get("interval_high")),
                bound=None if row.get("bound") is None else str(row.get("bound")),
                surface=row.get("surface"),
                n_reports=None if n_reports is None else int(n_reports),
                disputed_by=tuple(disputed),
            )
        )
    return rows


def _quantity_mapping(quantity: Mapping[str, Any] | pl.DataFrame) -> dict[str, Any]:
    if isinstance(quantity, pl.DataFrame):
        if quantity.height != 1:
            raise ValueError(
                f"quantity must be one row of the quantities table, got {quantity.height} rows"
            )
        return quantity.row(0, named=True)
    return dict(quantity)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


# --------------------------------------------------------------------------- value scales


@dataclass(frozen=True, slots=True)
class _Scale:
    """A value axis: linear or log, its limits, and the length of open-bound arrows."""

    log: bool
    lo: float
    hi: float
    step: float  # arrow length, in axis units (decades on a log axis)

    def forward(self, x: float) -> float:
        return math.log10(x) if self.log else x

    def inverse(self, t: float) -> float:
        return 10.0**t if self.log else t

    def shift(self, x: float, steps: float) -> float:
        """``x`` moved by ``steps`` arrow lengths along the axis."""
        return self.inverse(self.forward(x) + steps * self.step)


def _use_log(values: Sequence[float], log: bool | None) -> bool:
    if log is None:
        return bool(values) and min(values) > 0 and max(values) / min(values) > LOG_SPREAD
    if log and values and min(values) <= 0:
        raise ValueError("log=True needs positive values; some plotted values are zero or below")
    return log


def _make_scale(
    values: Sequence[float], *, log: bool, room_low: bool = False, room_high: bool = False
) -> _Scale:
    """Limits around ``values`` with a margin, wider on a side that has open-bound arrows."""
    data = list(values) or ([1.0, 10.0] if log else [0.0, 1.0])
    identity = _Scale(log=log, lo=0.0, hi=1.0, step=0.0)
    points = [identity.forward(v) for v in data]
    t_lo, t_hi = min(points), max(points)
    if t_hi - t_lo == 0:
        half = 0.3 if log else max(abs(t_lo) * 0.2, 0.5)
        t_lo, t_hi = t_lo - half, t_hi + half
    f_lo = 0.05 + (0.1 if room_low else 0.0)
    f_hi = 0.05 + (0.1 if room_high else 0.0)
    width = (t_hi - t_lo) / (1.0 - f_lo - f_hi)
    lo = identity.inverse(t_lo - f_lo * width)
    hi = identity.inverse(t_hi + f_hi * width)
    if not log and lo < 0 <= min(data) and not room_low:
        lo = 0.0
    return _Scale(log=log, lo=lo, hi=hi, step=0.08 * width)


def _style_value_axis(ax: Axes, which: Literal["x", "y"], scale: _Scale, unit: str | None) -> None:
    axis = ax.xaxis if which == "x" else ax.yaxis
    if scale.log:
        if which == "x":
            ax.set_xscale("log")
        else:
            ax.set_yscale("log")
        decades = math.log10(scale.hi / scale.lo)
        if decades < 1.2:
            subs: tuple[float, ...] = (1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0)
        elif decades <= 3.5:
            subs = (1.0, 2.0, 5.0)
        else:
            subs = (1.0,)
        axis.set_major_locator(LogLocator(base=10.0, subs=subs))
        axis.set_minor_locator(LogLocator(base=10.0, subs=tuple(float(s) for s in range(2, 10))))
        axis.set_minor_formatter(NullFormatter())
    else:
        axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    axis.set_major_formatter(_ValueFormatter(unit))
    if which == "x":
        ax.set_xlim(scale.lo, scale.hi)
    else:
        ax.set_ylim(scale.lo, scale.hi)


def _draw_arrow(
    ax: Axes, tail: tuple[float, float], tip: tuple[float, float], color: str, *, lw: float = 2.2
) -> None:
    annotation = ax.annotate(
        "",
        xy=tip,
        xytext=tail,
        arrowprops={
            "arrowstyle": "-|>,head_width=0.35,head_length=0.7",
            "color": color,
            "lw": lw,
            "shrinkA": 0,
            "shrinkB": 0,
        },
        zorder=3,
    )
    annotation.set_gid("open-bound")


def _message_figure(message: str, *, title: str | None = None) -> Figure:
    """A small figure holding only a centred message (the empty state)."""
    fig = Figure(figsize=(_WIDTH, 2.4), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    text = ax.text(
        0.5,
        0.5,
        "\n".join(textwrap.wrap(message, 70)),
        ha="center",
        va="center",
        fontsize=11,
        color="0.3",
        transform=ax.transAxes,
    )
    text.set_gid("empty-message")
    if title:
        _title(fig, title)
    return fig


def _title(fig: Figure, text: str) -> None:
    """The figure's title, left-aligned over the whole width (labels included)."""
    fig.suptitle(_wrap_title(text, width=95), x=0.01, ha="left", fontsize=12)


def _tidy(ax: Axes, *, grid: Literal["x", "y"]) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(axis=grid, color="0.9", linewidth=0.8)
    ax.grid(axis=grid, which="minor", color="0.96", linewidth=0.6)
    ax.set_axisbelow(True)


def _verdict_line(quantity: Mapping[str, Any]) -> str:
    parts = []
    verdict = quantity.get("verdict")
    if verdict is not None:
        parts.append(f"verdict: {verdict}")
    spread = _finite(quantity.get("spread"))
    if spread is not None and verdict != "single" and quantity.get("n_assertions") != 1:
        parts.append(f"spread {times(spread)}")
    n_assertions = quantity.get("n_assertions")
    if n_assertions is not None:
        parts.append(f"{n_assertions} assertion{'' if n_assertions == 1 else 's'}")
    sources = quantity.get("n_sources")
    if sources:  # what a verdict rests on: echoes of one source count once
        parts.append(f"{sources} independent source{'' if sources == 1 else 's'}")
    elif sources is not None:  # the outlets' own figures: no source is named
        parts.append("no source named")
    return " · ".join(parts)


#: Independent sources a consensus needs: the middle of one source's figures (repeated in
#: many reports, or revised over time) is that source's own figure, not an agreement.
CONSENSUS_SOURCES = 2

#: Verdicts under which no consensus exists: sources that disagree, figures that changed
#: over time (one middle over the window hides the change), figures that may not measure
#: one thing, one source alone (a middle between 20,000 and 50,000 is nobody's estimate).
NO_CONSENSUS = ("diverge", "growth", "uncertain", "single", "echo")


def has_consensus(quantity: Mapping[str, Any]) -> bool:
    """Whether a quantity's middle value may be drawn as a consensus: it rests on at least
    :data:`CONSENSUS_SOURCES` independent sources and its verdict is none of
    :data:`NO_CONSENSUS` (a row without ``n_sources`` or ``verdict`` is not judged on it)."""
    sources, verdict = quantity.get("n_sources"), quantity.get("verdict")
    if verdict is not None and str(verdict) in NO_CONSENSUS:
        return False
    return sources is None or int(sources) >= CONSENSUS_SOURCES
