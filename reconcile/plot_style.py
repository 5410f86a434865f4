"""How every figure writes and colours: amounts in short form ("20k", "$100M"), axis labels,
wrapped titles, and a colour for each asserter (grey for unattributed figures).
"""

from __future__ import annotations

import math
import textwrap
import zlib
from collections.abc import Iterable, Mapping
from typing import Any

from matplotlib.ticker import (
    Formatter,
)

#: Switch a value axis to a log scale when the largest plotted value exceeds the smallest
#: by more than this factor (and every value is positive).
LOG_SPREAD = 20.0
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
