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

import dataclasses
import datetime as dt
import math
import re
import statistics
import textwrap
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import matplotlib.dates as mdates
import polars as pl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import (
    FixedLocator,
    Formatter,
    FuncFormatter,
    LogLocator,
    MaxNLocator,
    NullFormatter,
)

from .ratios import times

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

#: Switch a value axis to a log scale when the largest plotted value exceeds the smallest
#: by more than this factor (and every value is positive).
LOG_SPREAD = 20.0
MAX_ROWS = 25  # rows of a range plot (one per assertion) before the plot picks some
MAX_ASSERTERS = 10  # asserters of a timeline with a colour and a legend entry of their own
_OTHERS_COLOR = "#b0b0b0"

#: Symbols written before amounts in these currencies (ISO 4217 codes, as ``unit`` holds them).
CURRENCY_SYMBOLS: dict[str, str] = {
    "USD": "$",
    "GBP": "£",
    "EUR": "€",
    "JPY": "¥",
    "CNY": "CN¥",
    "INR": "₹",
    "KRW": "₩",
    "ILS": "₪",
    "NGN": "₦",
    "UAH": "₴",
    "TRY": "₺",
    "RUB": "₽",
    "AUD": "A$",
    "CAD": "C$",
    "NZD": "NZ$",
    "HKD": "HK$",
    "SGD": "S$",
}

#: Bar colours of :func:`divergence_overview`, one per verdict.
VERDICT_COLORS: dict[str, str] = {
    "diverge": "#c0392b",
    "agree": "#2e8b57",
    "growth": "#2c6fbb",
    "single": "#8c8c8c",
}

# Colours for asserters (no grey: grey means "unattributed"; near-black is the consensus).
# The second colour of a family is only used once every family is taken in a figure.
_FAMILIES: tuple[tuple[str, str], ...] = (
    ("#1f77b4", "#1a3d7c"),
    ("#ff7f0e", "#b35806"),
    ("#2ca02c", "#4d6b1f"),
    ("#d62728", "#7f1d1d"),
    ("#9467bd", "#5e3c8f"),
    ("#8c564b", "#5c3a2e"),
    ("#e377c2", "#a3327f"),
    ("#17becf", "#0b7a75"),
    ("#bcbd22", "#8a8a00"),
)
_PRIMARY: tuple[str, ...] = tuple(first for first, _ in _FAMILIES)
_SECONDARY: tuple[str, ...] = tuple(second for _, second in _FAMILIES)
_UNATTRIBUTED = "unattributed"
_UNATTRIBUTED_COLOR = "#7f7f7f"
_CONSENSUS_COLOR = "#222222"
# (smallest value written with the suffix, its multiplier, the suffix)
_SUFFIXES: tuple[tuple[float, float, str], ...] = (
    (1e12, 1e12, "T"),
    (1e9, 1e9, "B"),
    (1e6, 1e6, "M"),
    (1e4, 1e3, "k"),
)
_WIDTH = 9.0  # inches, the default figure width


# --------------------------------------------------------------------------- formatting


def format_value(
    value: float | None, *, unit: str | None = None, digits: int = 3, k_from: float = 1e4
) -> str:
    """Write a number the way a reader takes it in at a glance.

    Parameters
    ----------
    value
        The number; ``None`` and non-finite values give ``"n/a"``.
    unit
        The quantity's unit. Currency codes in :data:`CURRENCY_SYMBOLS` put their symbol in
        front (``$100M``), ``"%"`` is appended; other units are left to the axis label.
    digits
        Significant digits kept (at least four between 1,000 and 9,999, written in full).
    k_from
        Thousands are written with ``k`` from this value on (1e3 on an axis whose other
        ticks are in ``k``, so that it reads "5k, 10k, 100k", not "5,000, 10k, 100k").

    Returns
    -------
    str
        ``20k``, ``1.5M``, ``2.5B``, ``1,050``, ``0.25`` and so on.

    Examples
    --------
    >>> format_value(1050), format_value(123456), format_value(0.25)
    ('1,050', '123k', '0.25')
    >>> format_value(-2.5e9, unit="GBP"), format_value(12.5, unit="%")
    ('−£2.5B', '12.5%')
    >>> format_value(5000), format_value(5000, k_from=1e3)
    ('5,000', '5k')
    """
    if value is None or not math.isfinite(value):
        return "n/a"
    sign = "−" if value < 0 else ""
    rounded = float(f"{abs(value):.{digits}g}")
    for threshold, multiplier, suffix in _SUFFIXES:
        if suffix == "k":
            threshold = min(threshold, k_from)
        if rounded >= threshold:
            body = f"{rounded / multiplier:.{digits}g}{suffix}"
            break
    else:
        if rounded >= 1000:
            body = f"{float(f'{abs(value):.{max(digits, 4)}g}'):,.0f}"
        else:
            body = f"{rounded:.{digits}g}"
    if unit == "%":
        return f"{sign}{body}%"
    symbol = CURRENCY_SYMBOLS.get(unit or "", "")
    return f"{sign}{symbol}{body}"


class _ValueFormatter(Formatter):
    """Tick labels by :func:`format_value`, with just enough digits to tell ticks apart."""

    def __init__(self, unit: str | None) -> None:
        self.unit = unit
        self.digits = 3
        self.k_from = 1e4

    def __call__(self, x: float, pos: int | None = None) -> str:
        return format_value(x, unit=self.unit, digits=self.digits, k_from=self.k_from)

    def format_ticks(self, values: Any) -> list[str]:
        ticks = [float(v) for v in values]
        # one style on an axis: when some ticks are in k, thousands are too
        self.k_from = 1e3 if any(abs(v) >= 1e4 for v in ticks) else 1e4
        labels: list[str] = []
        for digits in range(3, 8):
            labels = [
                format_value(v, unit=self.unit, digits=digits, k_from=self.k_from) for v in ticks
            ]
            self.digits = digits
            if len(set(labels)) == len(labels):
                break
        return labels


def _axis_label(unit: str | None, per: str | None, dimension: str | None) -> str:
    """``"USD per month"``, ``"fighters"``; falls back to the dimension, then ``"value"``."""
    if unit:
        base = unit
    elif dimension and dimension != "other":
        base = dimension
    else:
        base = "value"
    return f"{base} per {per}" if per else base


def _shorten(text: str, width: int) -> str:
    """One line of at most ``width`` characters, ending in an ellipsis when cut."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _wrap(text: str, *, width: int, max_lines: int) -> list[str]:
    """Wrap to at most ``max_lines`` lines of ``width`` characters; the last one is shortened."""
    lines = textwrap.wrap(" ".join(text.split()), width) or [""]
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], _shorten(rest + " …", width)]
    return lines


def _wrap_title(text: str, *, width: int = 80) -> str:
    """A title: each of its lines wrapped to ``width`` characters, at most two lines each."""
    return "\n".join(
        line for part in text.splitlines() for line in _wrap(part, width=width, max_lines=2)
    )


# --------------------------------------------------------------------------- colours


def asserter_colors(
    names: Iterable[str], *, overrides: Mapping[str, str] | None = None
) -> dict[str, str]:
    """A colour per asserter, the same for a name in every figure.

    Each name has a preferred colour picked by a checksum of the name, so an asserter keeps
    its colour across figures and sessions. When two asserters in one figure prefer the same
    colour (or two shades of one hue), the later in alphabetical order takes the next free,
    clearly different one.

    Parameters
    ----------
    names
        Canonical asserter names (duplicates are fine).
    overrides
        Colours to use for some names instead (any matplotlib colour).

    Returns
    -------
    dict[str, str]
        Name to colour. ``"unattributed"`` is grey.

    Examples
    --------
    >>> colors = asserter_colors(["US government", "UK government", "US government"])
    >>> sorted(colors) == ["UK government", "US government"]
    True
    >>> colors["US government"] != colors["UK government"]
    True
    """
    overrides = dict(overrides or {})
    result: dict[str, str] = {}
    taken: set[str] = set()
    unique = sorted(set(names))
    for name in unique:
        if name in overrides:
            result[name] = overrides[name]
            taken.add(overrides[name])
    for name in unique:
        if name in result:
            continue
        if name == _UNATTRIBUTED:
            result[name] = _UNATTRIBUTED_COLOR
            continue
        start = zlib.crc32(name.encode("utf-8")) % len(_FAMILIES)
        turn = [(start + step) % len(_FAMILIES) for step in range(len(_FAMILIES))]
        order = [_PRIMARY[i] for i in turn] + [_SECONDARY[i] for i in turn]
        families = {_family(c) for c in taken}
        free = [c for c in order if c not in taken]
        distinct = [c for c in free if _family(c) not in families]
        choice = (distinct or free or order)[0]
        taken.add(choice)
        result[name] = choice
    return result


def _family(color: str) -> int:
    """The index of the family a palette colour belongs to (-1 for other colours)."""
    for index, family in enumerate(_FAMILIES):
        if color in family:
            return index
    return -1


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
    if series_id is not None and "series_id" in quantities.columns:
        quantities = quantities.filter(pl.col("series_id") == series_id)
        ids = quantities.get_column("quantity_id").to_list()
        assertions = assertions.filter(pl.col("quantity_id").is_in(ids))
    elif "quantity_id" in assertions.columns and "quantity_id" in quantities.columns:
        ids = assertions.get_column("quantity_id").unique().to_list()
        quantities = quantities.filter(pl.col("quantity_id").is_in(ids))
    heading = title or _series_title(quantities, series_id)

    q_rows = quantities.to_dicts()
    kinds = {(_text(r.get("unit")), _text(r.get("per"))) for r in q_rows}
    if len(kinds) > 1:
        listed = ", ".join(sorted(_axis_label(u, p, None) for u, p in kinds))
        raise ValueError(f"the assertions measure different units ({listed}); pass series_id")
    unit, per = kinds.pop() if kinds else (None, None)
    dimension = _text(q_rows[0].get("dimension")) if q_rows else None

    items = _read_assertions(assertions)
    dated = [(a.as_of or a.published, a) for a in items]
    undated = sum(1 for d, _ in dated if d is None)
    points = [(d, a) for d, a in dated if d is not None and (a.best is not None or a.values)]
    if not points:
        reason = "No assertions to plot" if not items else "No dated assertions to plot"
        return _message_figure(f"{reason} for “{heading}”.", title=heading)
    points, others = _fold_asserters(points, max_asserters)

    # Each quantity's consensus best over its time window.
    consensus: list[tuple[dt.date | None, dt.date | None, float]] = [
        (r.get("as_of_start"), r.get("as_of_end"), best)
        for r in q_rows
        if (best := _finite(r.get("best"))) is not None
        and (r.get("as_of_start") or r.get("as_of_end"))
        and has_consensus(r)
    ]
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
    if any(a.disputed_by for _, a in points):
        handles.append(
            Line2D(
                [], [], ls="", marker="o", ms=7, mfc="white", mec="0.35", mew=2, label="disputed"
            )
        )
    if any(a.open_high or a.open_low for _, a in points):
        handles.append(
            Line2D([], [], color="0.4", lw=2, marker="^", markevery=[1], label="open bound")
        )

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
    log = max(spreads) > LOG_SPREAD

    # with no divergence the chart shows how far apart agreeing or growing figures are,
    # and must not be titled as a disagreement
    lead = "Where the sources disagree" if diverging.height else "How far apart the estimates are"
    heading = title or (
        f"{lead}: {n} of {quantities.height} quantities by spread"
        + ("" if diverging.height else " (none diverges)")
    )
    fig = Figure(figsize=(_WIDTH, 1.9 + n * (0.22 + 0.2 * lines)), layout="constrained")
    ax = fig.add_subplot()
    # The axis starts at 1× (all agree); the right quarter is left for the value labels.
    top_value = max(spreads)
    if log:
        ax.set_xscale("log")
        right = 10.0 ** (math.log10(top_value) / 0.78)
        decades = math.log10(right)
        subs = (1.0, 2.0, 5.0) if decades <= 3.5 else (1.0,)
        ax.xaxis.set_major_locator(LogLocator(base=10.0, subs=subs))
        ax.xaxis.set_minor_formatter(NullFormatter())
        thinnest = 10.0 ** (0.006 * decades)  # bars of 1× stay visible as a sliver
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
