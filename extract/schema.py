"""The claims table: its columns, their types and the closed vocabularies.

This module is the single place where the table's shape is defined. Column
names are a contract shared with :mod:`reconcile`, the notebooks and the
benchmarks; change them only together with those.
"""

from __future__ import annotations

from typing import Literal, get_args

import polars as pl

__all__ = [
    "BOUNDS",
    "BOUND_ENUM",
    "CHANGES",
    "CHANGE_ENUM",
    "CLAIMS_SCHEMA",
    "DIMENSIONS",
    "DIMENSION_ENUM",
    "DOCUMENTS_SCHEMA",
    "LATER_CLAIMS_COLUMNS",
    "PERIODS",
    "PERIOD_ENUM",
    "SKIPPED_SCHEMA",
    "Bound",
    "Change",
    "Dimension",
    "Period",
    "conform_claims",
]

Bound = Literal["exact", "approx", "lower", "upper", "range"]
Change = Literal["increase", "decrease"]
Period = Literal["hour", "day", "week", "month", "quarter", "year"]
Dimension = Literal[
    "count",
    "currency",
    "ratio",
    "length",
    "mass",
    "area",
    "volume",
    "duration",
    "speed",
    "energy",
    "power",
    "temperature",
    "age",
    "other",
]

BOUNDS: tuple[Bound, ...] = get_args(Bound)
CHANGES: tuple[Change, ...] = get_args(Change)
PERIODS: tuple[Period, ...] = get_args(Period)
DIMENSIONS: tuple[Dimension, ...] = get_args(Dimension)

BOUND_ENUM = pl.Enum(list(BOUNDS))
CHANGE_ENUM = pl.Enum(list(CHANGES))
PERIOD_ENUM = pl.Enum(list(PERIODS))
DIMENSION_ENUM = pl.Enum(list(DIMENSIONS))

#: One row per numeric claim. See the README for a column-by-column description.
_CLAIMS_COLUMNS: dict[str, pl.DataType | type[pl.DataType]] = {
    "claim_id": pl.String,
    "doc_id": pl.String,
    "start": pl.Int64,
    "end": pl.Int64,
    "surface": pl.String,
    "sentence_start": pl.Int64,
    "sentence_end": pl.Int64,
    "sentence": pl.String,
    "value": pl.Float64,
    "low": pl.Float64,
    "high": pl.Float64,
    "bound": BOUND_ENUM,
    "qualifier": pl.String,
    "unit": pl.String,
    "dimension": DIMENSION_ENUM,
    "per": PERIOD_ENUM,
    "change": CHANGE_ENUM,
    "concept": pl.String,
    "subject": pl.String,
    "attribution": pl.String,
    "restates": pl.String,
    "from_claim": pl.String,
    "boilerplate": pl.Boolean,
    #: why the figure as printed may not be what was meant, else null: MISGROUPED
    #: ("malformed digit grouping") for digits whose commas follow no grouping ("475,00",
    #: "1,2345"; read with the last comma as a decimal mark). reconcile builds no verdict
    #: on such a figure and shows it as possibly misprinted.
    "doubt": pl.String,
    "outlet": pl.String,
    "published": pl.Date,
    "url": pl.String,
    "title": pl.String,
}
CLAIMS_SCHEMA = pl.Schema(_CLAIMS_COLUMNS)

#: Columns added after the first release: a claims table written before them is read with
#: the column null (see :func:`conform_claims`).
LATER_CLAIMS_COLUMNS: tuple[str, ...] = ("from_claim", "doubt")


def conform_claims(frame: pl.DataFrame) -> pl.DataFrame:
    """A claims table in ``CLAIMS_SCHEMA``'s columns, order and types.

    Columns added in later releases (``LATER_CLAIMS_COLUMNS``) are filled with null when
    the table predates them; any other missing column raises ``ValueError``.

    Examples
    --------
    >>> old = CLAIMS_SCHEMA.to_frame().drop("from_claim")
    >>> conform_claims(old).schema == CLAIMS_SCHEMA
    True
    """
    missing = [c for c in CLAIMS_SCHEMA.names() if c not in frame.columns]
    required = [c for c in missing if c not in LATER_CLAIMS_COLUMNS]
    if required:
        raise ValueError(
            f"not a claims table from extract (missing columns: {', '.join(required)})"
        )
    frame = frame.with_columns(pl.lit(None, dtype=CLAIMS_SCHEMA[c]).alias(c) for c in missing)
    return frame.select(CLAIMS_SCHEMA.names()).cast(CLAIMS_SCHEMA, strict=False)


#: One row per document that was read (the metadata later joined to claims).
DOCUMENTS_SCHEMA = pl.Schema(
    {
        "doc_id": pl.String,
        "path": pl.String,
        "outlet": pl.String,
        "published": pl.Date,
        "url": pl.String,
        "title": pl.String,
        "n_chars": pl.Int64,
        "n_claims": pl.Int64,
    }
)

#: One row per input that could not be read or was refused, with the reason.
SKIPPED_SCHEMA = pl.Schema(
    {
        "source": pl.String,
        "doc_id": pl.String,
        "reason": pl.String,
    }
)
