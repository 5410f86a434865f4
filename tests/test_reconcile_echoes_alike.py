"""A named source's figure that several articles carry is one assertion, and measures one
thing: where the articles read the copies as measuring different things, each copy is read
as most copies are. Cases are written for these tests."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from reconcile.identify import echoes_alike


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


# (rows, the concepts expected after, in the rows' order)
CASES = [
    # two articles read it as a cut in productivity, one as a cut in output: most win
    (
        [_row("a", "gdp loss"), _row("b", "productivity"), _row("c", "productivity")],
        ["productivity", "productivity", "productivity"],
    ),
    # one article against one: no reading is most, each stays
    (
        [_row("a", "gdp loss"), _row("b", "productivity")],
        ["gdp loss", "productivity"],
    ),
    # unattributed copies are no one source's figure
    (
        [
            _row("a", "gdp loss", asserter="unattributed (Daily Post)"),
            _row("b", "productivity", asserter="unattributed (Daily Post)"),
            _row("c", "productivity", asserter="unattributed (Daily Post)"),
        ],
        ["gdp loss", "productivity", "productivity"],
    ),
    # one article's two readings are not copies carried by other articles
    (
        [_row("a", "gdp loss"), _row("a", "productivity"), _row("a", "productivity")],
        ["gdp loss", "productivity", "productivity"],
    ),
    # another value, another place, another source, or another unit is another figure
    (
        [
            _row("a", "gdp loss", norm_value=3.5),
            _row("b", "productivity"),
            _row("c", "productivity"),
        ],
        ["gdp loss", "productivity", "productivity"],
    ),
    (
        [
            _row("a", "gdp loss", entity="Sweden"),
            _row("b", "productivity"),
            _row("c", "productivity"),
        ],
        ["gdp loss", "productivity", "productivity"],
    ),
    (
        [
            _row("a", "gdp loss", asserter="Central Bank"),
            _row("b", "productivity"),
            _row("c", "productivity"),
        ],
        ["gdp loss", "productivity", "productivity"],
    ),
    (
        [
            _row("a", "gdp loss", norm_unit="times"),
            _row("b", "productivity"),
            _row("c", "productivity"),
        ],
        ["gdp loss", "productivity", "productivity"],
    ),
    # a figure set aside from grouping (page furniture, no usable value) is left as read
    (
        [
            _row("a", "gdp loss", grouped=False),
            _row("b", "productivity"),
            _row("c", "productivity"),
        ],
        ["gdp loss", "productivity", "productivity"],
    ),
]


@pytest.mark.parametrize(("rows", "concepts"), CASES)
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
