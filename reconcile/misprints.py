"""Whether a figure that may be misprinted is a copy of a clean figure beside it.

A slip of the digit grouping ("148,00" for "148,000", "7,8901" for "78,901") drops, adds or
moves a digit: the figure as read is off by a power of ten, its leading digits kept. When
the same source gives, at about the same time, a clean figure with those leading digits,
the slipped print is a copy of that figure (one more report of it), not a figure of its
own: nothing is left uncertain by it. It is still never compared (its value as read is
wrong), and a slip that copies no clean figure leaves its quantity as uncertain as before.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Figure", "copied_figure"]

#: How many places a slip may move a figure: "148,00" read as 148 is 148,000 three places on,
#: "7,8901" read as 7.89 is 78,901 four places on.
PLACES = 4


@dataclass(frozen=True, slots=True)
class Figure:
    """One assertion's figure: who gives it, of what date, and its value."""

    asserter: str
    as_of: dt.date | None
    value: float | None


def copied_figure(
    slipped: Figure, clean: Iterable[Figure], *, tolerance: float, days: int
) -> Figure | None:
    """The first of ``clean`` that ``slipped`` is a copy of: the same source (an unnamed
    one may be any), of about the same time (``days`` apart at most, or both undated), and
    within ``tolerance`` of the slipped figure moved by a whole number of places (at most
    ``PLACES``); None when it copies none."""
    for figure in clean:
        if (
            _same_source(slipped.asserter, figure.asserter)
            and _same_time(slipped.as_of, figure.as_of, days)
            and _shifted(slipped.value, figure.value, tolerance)
        ):
            return figure
    return None


def _same_source(a: str, b: str) -> bool:
    return a == b or a.startswith("unattributed") or b.startswith("unattributed")


def _same_time(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= days


def _shifted(read: float | None, value: float | None, tolerance: float) -> bool:
    """``value`` is ``read`` moved by whole places, give or take ``tolerance`` of it."""
    if read is None or value is None or read <= 0 or value <= 0:
        return False
    places = round(math.log10(value / read))
    if abs(places) > PLACES:
        return False
    moved = read * 10.0**places
    return abs(moved - value) <= tolerance * max(moved, value)
