"""How a ratio is written, in the figures and in the tables: a module of its own, without
matplotlib, so that a notebook that shows tables and draws nothing does not import it."""

from __future__ import annotations

__all__ = ["times"]


def times(ratio: float) -> str:
    """A ratio as a reader writes it: ``2.5×``, ``4,461×``, ``2.9e+07×`` beyond a million.

    >>> times(2.5), times(4461.2), times(29100000.0)
    ('2.5×', '4,461×', '2.9e+07×')
    """
    if ratio < 100:
        return f"{ratio:.3g}×"
    if ratio < 1e6:
        return f"{ratio:,.0f}×"
    return f"{ratio:.2g}×"
