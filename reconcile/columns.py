"""Adding columns to a large claims table without copying the columns it already has.

A left join returns a new table: every column of the left side is gathered again, so a
join of per-document facts onto a million claims of fifty columns copies all fifty. Joining
on the key column alone and setting the found columns beside the table copies only those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import polars as pl

__all__ = [
    "SERIES_ORDER",
    "as_text",
    "at_rows",
    "in_series_order",
    "in_slices",
    "is_ordered",
    "join_beside",
    "kept_in_order",
    "kept_rows",
    "kept_sorted",
    "on_rows",
    "per_distinct",
    "read_on_rows",
    "set_at_rows",
    "sorted_by",
    "where",
    "with_order",
]


def join_beside(frame: pl.DataFrame, table: pl.DataFrame, on: str | list[str]) -> pl.DataFrame:
    """``frame`` with the other columns of ``table`` (at most one row per ``on``, a column or
    a list of them), as a left join on ``on`` gives them, in ``frame``'s row order;
    ``frame``'s columns are not copied.

    >>> claims = pl.DataFrame({"doc_id": ["b", "a", "b"], "value": [1, 2, 3]})
    >>> places = pl.DataFrame({"doc_id": ["a", "b"], "place": ["Peru", "Chad"]})
    >>> join_beside(claims, places, "doc_id").get_column("place").to_list()
    ['Chad', 'Peru', 'Chad']
    """
    found = frame.select(on).join(table, on=on, how="left", maintain_order="left")
    if found.height != frame.height:
        raise ValueError(f"join_beside: {on!r} repeats in the table joined")
    return frame.with_columns(found.drop(on).get_columns())


def as_text(frame: pl.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    """``frame.cast(schema)``, its categorical columns given as text that holds each distinct
    value once: each row points at the value (a cast writes every row's text out again, ~40
    bytes a row for "the place the document is about", where a pointer takes 16).

    >>> frame = pl.DataFrame({"k": ["a name", None, "a name"]}, schema={"k": pl.Categorical})
    >>> as_text(frame, pl.Schema({"k": pl.String})).get_column("k").to_list()
    ['a name', None, 'a name']
    """
    texts = [
        _text_of(frame.get_column(name))
        for name, dtype in schema.items()
        if dtype == pl.String and isinstance(frame.schema[name], pl.Categorical)
    ]
    return frame.with_columns(texts).cast(schema)


def _text_of(column: pl.Series) -> pl.Series:
    """A categorical ``column`` as text: each distinct value written once, at its category's
    number, and each row's taken by its number (a gather, which makes no text and needs no
    lookup table of each row's text)."""
    distinct = column.drop_nulls().unique()
    if distinct.is_empty():
        return pl.Series(column.name, [], dtype=pl.String).extend_constant(None, len(column))
    numbers = distinct.to_physical()
    largest = numbers.max()
    assert isinstance(largest, int)  # (the numbers of categories are integers)
    values = pl.Series(column.name, [None], dtype=pl.String).extend_constant(None, largest)
    return values.scatter(numbers, distinct.cast(pl.String)).gather(column.to_physical())


def on_rows(frame: pl.DataFrame, keep: pl.Expr, *values: pl.Expr) -> list[pl.Series]:
    """``pl.when(keep).then(value)`` for each of ``values`` as columns of ``frame``, each
    computed on the rows ``keep`` holds for alone (a ``when`` computes its ``then`` on every
    row), ``keep`` once for all. A value must read each row by itself (no window, shift or
    aggregate: the other rows are not there).

    >>> frame = pl.DataFrame({"dim": ["ratio", "count", "ratio"], "s": ["a", "b", "c"]})
    >>> keep = pl.col("dim") == "ratio"
    >>> [c.to_list() for c in on_rows(frame, keep, pl.col("s").str.to_uppercase().alias("up"))]
    [['A', None, 'C']]
    """
    needed = list(dict.fromkeys(n for value in values for n in value.meta.root_names()))
    return read_on_rows(frame, keep, needed, lambda rows: rows.select(*values))


def read_on_rows(
    frame: pl.DataFrame,
    keep: pl.Expr,
    columns: Iterable[str],
    read: Callable[[pl.DataFrame], pl.DataFrame],
) -> list[pl.Series]:
    """:func:`on_rows` for a reading made in steps: the columns of ``read(rows)``, ``rows``
    the ``columns`` of ``frame`` where ``keep`` holds, set at those rows (null elsewhere).
    ``read`` gives one row for each of ``rows``, reading each by itself.

    >>> frame = pl.DataFrame({"n": [1, 5, 7]})
    >>> double = lambda rows: rows.select((pl.col("n") * 2).alias("twice"))
    >>> [c.to_list() for c in read_on_rows(frame, pl.col("n") > 1, ["n"], double)]
    [[None, 10, 14]]
    """
    rows = frame.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"), *columns, _keep=keep
    ).filter(pl.col("_keep").fill_null(False))
    at = rows.get_column("_at")
    return [set_at_rows(frame.height, at, column) for column in read(rows).get_columns()]


def per_distinct(
    frame: pl.DataFrame, key: str | pl.Expr, read: Callable[[pl.DataFrame], pl.DataFrame]
) -> pl.DataFrame:
    """``frame`` with the columns ``read`` adds to a table of the distinct values of ``key``
    (a column of ``frame``, or an expression of its columns, named), each row given those of
    its value (a null key as well): a reading of words that many rows share (the words
    before a figure, a counted noun) is made once for them all. ``read`` must read each value
    by itself (no window, shift or aggregate); the key made of an expression is not kept.

    >>> frame = pl.DataFrame({"s": ["a", "b", "a", None]})
    >>> up = lambda words: words.with_columns(up=pl.col("s").str.to_uppercase())
    >>> per_distinct(frame, "s", up).get_column("up").to_list()
    ['A', 'B', 'A', None]
    """
    keys = frame.select(key)
    name = keys.columns[0]
    found = keys.join(
        read(keys.unique()), on=name, how="left", maintain_order="left", nulls_equal=True
    )
    return frame.with_columns(found.drop(name).get_columns())


#: How many rows :func:`in_slices` reads at a time.
SLICE_ROWS = 262_144


def in_slices(frame: pl.DataFrame, read: Callable[[pl.DataFrame], pl.DataFrame]) -> list[pl.Series]:
    """The columns of ``read(part)`` for ``frame``, read on :data:`SLICE_ROWS` rows at a
    time and the slices' results joined: the columns a long reading makes on its way (a
    chain of readings of the words around each figure) are then held for a slice's rows at
    once, not for every row. ``read`` must read each row by itself (no window, shift,
    aggregate, nor a literal column of the whole table's rows) and give one row for each.

    >>> frame = pl.DataFrame({"s": ["a", "b", "c"]})
    >>> upper = lambda part: part.select(pl.col("s").str.to_uppercase())
    >>> [c.to_list() for c in in_slices(frame, upper)]
    [['A', 'B', 'C']]
    """
    if frame.height <= SLICE_ROWS:
        return read(frame).get_columns()
    parts = [read(frame.slice(at, SLICE_ROWS)) for at in range(0, frame.height, SLICE_ROWS)]
    return pl.concat(parts, how="vertical", rechunk=True).get_columns()


def where(condition: pl.Expr, **values: Any) -> dict[str, pl.Expr]:
    """Columns set to ``values`` where ``condition`` holds and left as they were elsewhere,
    for ``with_columns(**where(...))``: a reading that takes over from an earlier one on some
    rows (a measure re-read, with the words that chose it).

    >>> frame = pl.DataFrame({"key": ["death", "case"], "why": ["noun", "noun"]})
    >>> frame.with_columns(**where(pl.col("key") == "case", key="suspected case", why="verb"))
    shape: (2, 2)
    ┌────────────────┬──────┐
    │ key            ┆ why  │
    │ ---            ┆ ---  │
    │ str            ┆ str  │
    ╞════════════════╪══════╡
    │ death          ┆ noun │
    │ suspected case ┆ verb │
    └────────────────┴──────┘
    """
    return {
        name: pl.when(condition)
        .then(value if isinstance(value, pl.Expr) else pl.lit(value))
        .otherwise(pl.col(name))
        for name, value in values.items()
    }


def at_rows(name: str, height: int, found: Mapping[int, Any], dtype: pl.DataType) -> pl.Series:
    """A column ``name`` of ``height`` rows of ``dtype``: ``found[i]`` at row ``i``, null at
    the rows ``found`` does not hold (for values read row by row in Python, on the few rows
    that need it).

    >>> at_rows("year", 4, {1: 2020, 3: 2021}, pl.Int32).to_list()
    [None, 2020, None, 2021]
    """
    # (the nulls made by Polars: a Python list of a million of them is not built first)
    column = pl.Series(name, [], dtype=dtype).extend_constant(None, height)
    return column.scatter(list(found), list(found.values())) if found else column


def set_at_rows(height: int, rows: pl.Series, values: pl.Series) -> pl.Series:
    """:func:`at_rows` for values already in a column: ``height`` nulls of ``values``' name
    and type, with ``values`` set at ``rows`` (no Python list is made of them).

    >>> set_at_rows(4, pl.Series([1, 3]), pl.Series("year", [2020, 2021])).to_list()
    [None, 2020, None, 2021]
    """
    column = values.clear().extend_constant(None, height)
    return column.scatter(rows, values) if len(rows) else column


def sorted_by(frame: pl.DataFrame, *by: str) -> pl.DataFrame:
    """``frame.sort(*by)``, without copying a table already in that order (each row's keys
    strictly after the row before's, no nulls: sorting it would change nothing).

    >>> frame = pl.DataFrame({"doc": ["a", "a", "b"], "start": [3, 9, 1]})
    >>> sorted_by(frame, "doc", "start") is frame
    True
    >>> sorted_by(frame, "start").get_column("start").to_list()
    [1, 3, 9]
    """
    return frame if is_ordered(frame, *by) else frame.sort(*by)


def is_ordered(frame: pl.DataFrame, *by: str) -> bool:
    """Whether each row's ``by`` keys are strictly after the row before's, with no nulls."""
    after = pl.lit(False)
    for name in reversed(by):
        col = pl.col(name)
        after = (col > col.shift(1)) | ((col == col.shift(1)) & after)
    ordered: bool = frame.select(
        pl.all_horizontal(pl.col(*by).is_not_null()).all() & after.slice(1).fill_null(False).all()
    ).item()
    return ordered


#: The place of each claim in the order of its series and date (``assign_windows``). The
#: working table is not sorted into that order (a sorted copy would copy every column);
#: the steps whose results depend on the order of the claims take it from this column.
SERIES_ORDER = "_series_order"


def with_order(frame: pl.DataFrame, *columns: str | pl.Expr) -> pl.DataFrame:
    """``frame.select(*columns)``, with :data:`SERIES_ORDER` when ``frame`` has it (for
    :func:`in_series_order` after filtering)."""
    return frame.select(*columns, *([SERIES_ORDER] if SERIES_ORDER in frame.columns else []))


def kept_in_order(frame: pl.DataFrame, keep: pl.Expr, *columns: str) -> pl.DataFrame:
    """``frame.select(*columns)`` of the rows ``keep`` holds for, in :data:`SERIES_ORDER` when
    ``frame`` has it: the rows are found on the order column alone and the columns are
    gathered once.

    >>> frame = pl.DataFrame({"claim": ["a", "b", "c"], "n": [1, 5, 7], SERIES_ORDER: [2, 0, 1]})
    >>> kept_in_order(frame, pl.col("n") > 1, "claim").get_column("claim").to_list()
    ['b', 'c']
    """
    if SERIES_ORDER not in frame.columns:
        return frame.select(*columns, _keep=keep).filter("_keep").drop("_keep")
    rows = (
        frame.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"), SERIES_ORDER, _keep=keep)
        .filter("_keep")
        .sort(SERIES_ORDER)
        .get_column("_at")
    )
    return frame.select(*columns)[rows]


def kept_sorted(frame: pl.DataFrame, keep: pl.Expr, by: list[str], *columns: str) -> pl.DataFrame:
    """``frame.select(*columns)`` of the rows ``keep`` holds for, sorted by ``by`` (nulls
    last; ties in :data:`SERIES_ORDER` when ``frame`` has it, else in ``frame``'s order): the
    rows are found on the order columns alone and the columns gathered once (sorting the kept
    table would gather each of its columns a second time).

    >>> frame = pl.DataFrame({"claim": ["a", "b", "c"], "n": [1, 5, 5], SERIES_ORDER: [2, 1, 0]})
    >>> kept_sorted(frame, pl.col("n") > 0, ["n"], "claim").get_column("claim").to_list()
    ['a', 'c', 'b']
    """
    return frame.select(*columns)[kept_rows(frame, keep, by)]


def kept_rows(frame: pl.DataFrame, keep: pl.Expr, by: list[str]) -> pl.Series:
    """The numbers of the rows of ``frame`` that :func:`kept_sorted` takes, in its order.

    >>> frame = pl.DataFrame({"n": [1, 0, 5, 2]})
    >>> kept_rows(frame, pl.col("n") > 0, ["n"]).to_list()
    [0, 3, 2]
    """
    if is_ordered(frame, *by):
        # (no two rows tied and all in order, as a table of claims in the input's order is:
        # the kept rows as they stand, without the sort's copy of its keys)
        return frame.select(pl.int_range(pl.len(), dtype=pl.UInt32).filter(keep)).to_series()
    order = [*by, *([SERIES_ORDER] if SERIES_ORDER in frame.columns else [])]
    return (
        frame.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"), *order, _keep=keep)
        .filter("_keep")
        .sort(order, nulls_last=True, maintain_order=True)
        .get_column("_at")
    )


def in_series_order(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` sorted by :data:`SERIES_ORDER` and without it; as it is when it has none.

    >>> frame = pl.DataFrame({"claim": ["a", "b", "c"], SERIES_ORDER: [2, 0, 1]})
    >>> in_series_order(frame).get_column("claim").to_list()
    ['b', 'c', 'a']
    """
    if SERIES_ORDER not in frame.columns:
        return frame
    return frame.sort(SERIES_ORDER).drop(SERIES_ORDER)
