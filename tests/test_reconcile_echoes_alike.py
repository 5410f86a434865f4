"""A named source's figure that several articles carry is one assertion, and measures one
thing: where the articles read the copies as measuring different things, each copy is read
as most copies are. Cases are written for these tests."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from reconcile.sources import echoes_alike


def _row(doc: str, concept: str, **changes: Any) -> dict[str, Any]:
    row = {
        "doc_id": doc,
        "grouped": True,
        "asserter": "Fiscal Council",
        "entity": "Norway",
        "dimension": "ratio",
        "norm_unit": "percent",
        "norm_per": None,
        "is_delta": False,
        "norm_value": 3.0,
        "concept_key": concept,
        "population": None,
        "period": None,
        "concept_source": f"from the words '{concept}'",
    }
    return row | changes


def _copies(
    docs: str = "abc", first: dict[str, Any] | None = None, **every: Any
) -> list[dict[str, Any]]:
    """One copy of the figure per article of ``docs``: the first read as a cut in output
    ("gdp loss"), the others as a cut in productivity; ``first`` changes the first copy,
    ``every`` all of them."""
    readings = ["gdp loss"] + ["productivity"] * (len(docs) - 1)
    rows = [_row(doc, concept, **every) for doc, concept in zip(docs, readings, strict=True)]
    rows[0] |= first or {}
    return rows


#: The concepts of copies each left as it was read.
AS_READ = ["gdp loss", "productivity", "productivity"]
#: (id, rows, the concepts expected after, in the rows' order)
CASES = [
    # two articles read it as a cut in productivity, one as a cut in output: most win
    ("two-against-one", _copies(), ["productivity", "productivity", "productivity"]),
    # one article against one: no reading is most, each stays
    ("one-against-one", _copies("ab"), ["gdp loss", "productivity"]),
    # unattributed copies are no one source's figure
    ("unattributed", _copies(asserter="unattributed (Daily Post)"), AS_READ),
    # one article's two readings are not copies carried by other articles
    ("one-article", _copies("aaa"), AS_READ),
    # another value, another place, another source, or another unit is another figure
    ("another-value", _copies(first={"norm_value": 3.5}), AS_READ),
    ("another-place", _copies(first={"entity": "Sweden"}), AS_READ),
    ("another-source", _copies(first={"asserter": "Central Bank"}), AS_READ),
    ("another-unit", _copies(first={"norm_unit": "times"}), AS_READ),
    # a figure set aside from grouping (page furniture, no usable value) is left as read
    ("set-aside", _copies(first={"grouped": False}), AS_READ),
]


@pytest.mark.parametrize(("rows", "concepts"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_copies_of_one_sources_figure_are_read_as_most_are(
    rows: list[dict[str, Any]], concepts: list[str]
) -> None:
    out = echoes_alike(pl.DataFrame(rows))
    assert out.get_column("concept_key").to_list() == concepts
    assert out.columns == list(rows[0])


def test_the_period_and_population_move_with_the_measure_and_say_why() -> None:
    rows = [
        _row("a", "gdp loss"),
        _row("b", "productivity", period="long run", population="worker"),
        _row("c", "productivity", period="long run", population="worker"),
    ]
    first = echoes_alike(pl.DataFrame(rows)).row(0, named=True)
    assert (first["concept_key"], first["period"], first["population"]) == (
        "productivity",
        "long run",
        "worker",
    )
    assert "most articles" in first["concept_source"]
