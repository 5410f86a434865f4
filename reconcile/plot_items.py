"""The rows a figure draws: assertions and quantities read from the tables of
:mod:`reconcile.schema` into plain records, and what a quantity's verdict allows to be drawn.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

from .plot_style import UNATTRIBUTED, times

__all__ = [
    "CONSENSUS_SOURCES",
    "NO_CONSENSUS",
    "Assertion",
    "finite",
    "has_consensus",
    "quantity_mapping",
    "read_assertions",
    "text_or_none",
    "verdict_line",
]


# --------------------------------------------------------------------------- reading rows


@dataclass(frozen=True, slots=True)
class Assertion:
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


def finite(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def read_assertions(frame: pl.DataFrame) -> list[Assertion]:
    rows: list[Assertion] = []
    for row in frame.to_dicts():
        if row.get("doubt"):  # a figure that may be misprinted is not drawn among the others
            continue
        disputed = [str(d) for d in (row.get("disputed_by") or []) if d]
        n_reports = row.get("n_reports")
        rows.append(
            Assertion(
                asserter=str(row.get("asserter") or UNATTRIBUTED),
                as_of=row.get("as_of"),
                published=row.get("first_published"),
                best=finite(row.get("best")),
                low=finite(row.get("interval_low")),
                high=finite(row.get("interval_high")),
                bound=None if row.get("bound") is None else str(row.get("bound")),
                surface=row.get("surface"),
                n_reports=None if n_reports is None else int(n_reports),
                disputed_by=tuple(disputed),
            )
        )
    return rows


def quantity_mapping(quantity: Mapping[str, Any] | pl.DataFrame) -> dict[str, Any]:
    if isinstance(quantity, pl.DataFrame):
        if quantity.height != 1:
            raise ValueError(
                f"quantity must be one row of the quantities table, got {quantity.height} rows"
            )
        return quantity.row(0, named=True)
    return dict(quantity)


def text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def verdict_line(quantity: Mapping[str, Any]) -> str:
    parts = []
    verdict = quantity.get("verdict")
    if verdict is not None:
        parts.append(f"verdict: {verdict}")
    spread = finite(quantity.get("spread"))
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
