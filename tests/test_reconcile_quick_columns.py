"""The quick ways reconcile reads and builds its columns give what the plain ways give.

* ``frames.first_match`` (the first match, found without resolving groups) against
  ``str.extract(pattern, 1)`` where group 1 is the whole match;
* ``columns.on_rows`` (the value computed on the kept rows alone) against ``when/then``;
* ``columns.as_text`` (each distinct text held once) against a cast.
"""

from __future__ import annotations

import polars as pl
import pytest

from reconcile.columns import as_text, on_rows
from reconcile.frames import alternation, first_match

#: Short made-up sentences, a missing one and an empty one.
TEXTS = [
    "Officials counted 40 drowned and 12 missing after the storm.",
    "MISSING: 7 hikers, said the park office",
    "the toll of the dead rose to 90, with 30 Injured",
    "nothing to read here",
    "dead-end roads, 5 of them",
    "",
    None,
    "Café owners said 12 were missing; 3 dead",
]

#: Patterns whose group 1 is the whole match (only zero-width assertions outside it).
WHOLE_GROUP_PATTERNS = [
    rf"(?i)(?-u:\b)({alternation(['dead', 'missing', 'injured', 'drowned'])})(?-u:\b)",
    r"(?i)\b(missing|dead)\b",
    r"^([A-Z]+)",
    r"([^,;:()]*)$",
    r"(\d+)",
]


@pytest.mark.parametrize("pattern", WHOLE_GROUP_PATTERNS)
def test_the_first_match_is_what_extract_gives_for_a_whole_group(pattern: str) -> None:
    frame = pl.DataFrame({"s": TEXTS}, schema={"s": pl.String})
    quick = frame.select(first_match(pl.col("s"), pattern)).to_series()
    plain = frame.select(pl.col("s").str.extract(pattern, 1)).to_series()
    assert quick.to_list() == plain.to_list()


ROWS = pl.DataFrame(
    {
        "dimension": ["ratio", "count", "ratio", None, "ratio", "length"],
        "words": ["men made up", "people", None, "women were", "", "of road"],
        "value": [60.0, 900.0, 40.0, 10.0, None, 3.0],
    }
)


@pytest.mark.parametrize(
    "keep",
    [
        pl.col("dimension") == "ratio",
        pl.col("dimension") != "ratio",
        pl.col("value") > 1000,  # no row kept
        pl.col("value").is_not_null(),
        pl.lit(True),
    ],
)
def test_a_value_computed_on_the_kept_rows_is_the_when_then(keep: pl.Expr) -> None:
    value = pl.concat_str(pl.col("words").str.to_uppercase(), pl.col("value").cast(pl.String))
    other = (pl.col("value") * 2).alias("twice")  # (several values read on one filter)
    quick = on_rows(ROWS, keep, value, other)
    for column, expr in zip(quick, (value, other), strict=True):
        plain = ROWS.select(pl.when(keep).then(expr)).to_series()
        assert column.dtype == plain.dtype
        assert column.to_list() == plain.to_list()


@pytest.mark.parametrize(
    "words",
    [
        ["the place the document is about", "a name in the sentence", None, "short"],
        # (values whose categories were made earlier, in another order, and not all used)
        ["zz a later name", None, "aa an earlier name", "zz a later name"],
        [None, None, None, None],
    ],
)
def test_text_holding_each_value_once_equals_the_cast(words: list[str | None]) -> None:
    pl.Series(["unused one", "aa an earlier name", "another unused"], dtype=pl.Categorical)
    frame = pl.DataFrame(
        {"source": words * 3, "n": list(range(12))},
        schema={"source": pl.Categorical, "n": pl.Int32},
    )
    schema = pl.Schema({"source": pl.String, "n": pl.Int64})
    quick = as_text(frame, schema)
    assert quick.equals(frame.cast(schema))
    assert quick.schema == schema
