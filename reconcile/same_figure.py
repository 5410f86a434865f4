"""One figure repeated across reports: the same number is the same quantity.

News reports on one story repeat each other's figures: a wire's "4,000 jobs" comes back as
"4,000 job cuts" in a paper and as "the 4,000" in a column. The words around a repeat often
name its measure less well than the first report's do (a bare number, "people", a counted
noun that is no measure), so the repeat's frame, read from its own words, puts it in a
quantity of its own. :func:`join_same_figures` gives such a repeat the frame of the figure it
repeats: the same value, unit, rate and interval, in another document of the same weeks.

It joins only where the repeat is plain:

- small counts ("two bridges", "nine seats") are left alone: they recur by chance;
- a figure whose reports name two different measures ("3.1%" inflation in one, "3.1%" of GDP
  the deficit in another) is left alone: the number alone cannot say which one a third
  report means;
- the frame given is the one a known measure names, else the one with most figures.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import polars as pl

from .tables import Tables

__all__ = ["SAME_FIGURE", "join_same_figures", "known_measures"]

#: How a joined figure's measure and entity are explained (``concept_source``).
SAME_FIGURE = "the same figure as another report's, whose words name its measure"

#: What makes two figures one figure: the value as normalised, its interval, unit and rate.
_SIGNATURE = (
    "norm_value",
    "interval_low",
    "interval_high",
    "norm_unit",
    "dimension",
    "norm_per",
    "is_delta",
)
#: What the repeat takes from the figure it repeats.
_FRAME = ("entity", "concept_key", "population", "period")
#: Counts below this recur by chance in the reports of one story.
_SMALLEST = 10


def join_same_figures(
    work: pl.DataFrame, measures: Collection[str], *, days: int = 31
) -> pl.DataFrame:
    """``work`` with each figure repeated in another document given the repeated frame.

    Parameters
    ----------
    work : pl.DataFrame
        Claims with their frames (:data:`_FRAME`), normalised values (:data:`_SIGNATURE`),
        ``doc_id``, ``published`` and ``grouped``.
    measures : Collection[str]
        The known measures (a concept key names one when its part before ":" is one).
    days : int, keyword-only
        Documents published further apart than this repeat nothing of each other.

    Returns
    -------
    pl.DataFrame
        ``work`` with ``entity``, ``concept_key``, ``population``, ``period`` and their
        sources rewritten on the figures joined, in the same row order.

    Examples
    --------
    >>> frame = pl.DataFrame({
    ...     "doc_id": ["a", "b"], "published": ["2026-03-01", "2026-03-02"],
    ...     "grouped": [True, True], "norm_value": [4000.0, 4000.0],
    ...     "interval_low": [4000.0, 4000.0], "interval_high": [4000.0, 4000.0],
    ...     "norm_unit": [None, None], "dimension": ["count", "count"],
    ...     "norm_per": [None, None], "is_delta": [False, False],
    ...     "entity": ["Acme", "unspecified"], "concept_key": ["job cut", "person"],
    ...     "population": [None, None], "period": [None, None],
    ...     "entity_source": ["x", "y"], "concept_source": ["x", "y"],
    ... })
    >>> join_same_figures(frame, {"job cut"})["concept_key"].to_list()
    ['job cut', 'job cut']
    """
    given = _repeats(work, measures, days)
    if given.height == 0:
        return work
    row = pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row")
    joined = work.with_columns(row).join(given, on="_row", how="left")
    moved = pl.col("_given")
    return joined.with_columns(
        *(
            pl.when(moved).then(pl.col(f"_new_{c}")).otherwise(pl.col(c).cast(pl.String)).alias(c)
            for c in _FRAME
        ),
        *(
            pl.when(moved).then(pl.lit(SAME_FIGURE)).otherwise(pl.col(c).cast(pl.String)).alias(c)
            for c in ("entity_source", "concept_source")
        ),
    ).drop("_row", "_given", *(f"_new_{c}" for c in _FRAME))


def known_measures(tables: Tables) -> set[str]:
    """The measures ``tables`` know by name: those of counts and money, and physical ones."""
    physical = (m for forms in tables.physical_forms.values() for m in forms.values())
    return {*tables.measure_forms.values(), *physical}


def _repeats(work: pl.DataFrame, measures: Collection[str], days: int) -> pl.DataFrame:
    """The rows (``_row``) that take another frame, with that frame (``_new_*``)."""
    frame_id = pl.concat_str(
        [pl.col(c).cast(pl.String).fill_null("-") for c in _FRAME], separator="|"
    )
    concept = pl.col("concept_key").cast(pl.String)
    # a concept names a measure of its own when it starts with a known one ("border crossing
    # into the south") or is qualified ("seat: the farmers' party"): two such in one figure's
    # reports make it ambiguous
    known = "|".join(re.escape(m) for m in sorted(measures, key=len, reverse=True))
    specific = concept.str.contains(rf"^(?:{known})(?:\W|$)") | concept.str.contains(
        ":", literal=True
    )
    narrow = work.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"),
        "doc_id",
        pl.col("published").cast(pl.Date, strict=False).alias("_day"),
        *(pl.col(c) for c in _SIGNATURE),
        *(pl.col(c).cast(pl.String) for c in _FRAME),
        frame_id.alias("_frame"),
        specific.fill_null(False).alias("_specific"),
        pl.col("grouped"),
    ).filter(
        pl.col("grouped")
        & ~((pl.col("dimension") == "count") & (pl.col("norm_value").abs() < _SMALLEST))
    )
    series = ["_frame", "dimension", "norm_unit", "norm_per", "is_delta"]
    narrow = narrow.with_columns(_size=pl.len().over(series))
    groups = narrow.group_by(_SIGNATURE).agg(
        pl.col("doc_id").n_unique().alias("_docs"),
        pl.col("_frame").n_unique().alias("_frames"),
        pl.col("concept_key").filter(pl.col("_specific")).n_unique().alias("_specifics"),
        (pl.col("_day").max() - pl.col("_day").min()).dt.total_days().alias("_span"),
        # the frame given: a known measure's, else the largest series', else the first
        pl.col("_frame", *_FRAME)
        .sort_by(["_specific", "_size", "_frame"], descending=[True, True, False])
        .first()
        .name.prefix("_new_"),
    )
    plain = (
        (pl.col("_docs") >= 2)
        & (pl.col("_frames") >= 2)
        & (pl.col("_specifics") <= 1)
        & (pl.col("_span").fill_null(0) <= days)
    )
    groups = groups.filter(plain)
    return (
        narrow.join(groups, on=list(_SIGNATURE), how="inner", nulls_equal=True)
        .filter(pl.col("_frame") != pl.col("_new__frame"))
        .select("_row", pl.lit(True).alias("_given"), *(f"_new_{c}" for c in _FRAME))
    )
