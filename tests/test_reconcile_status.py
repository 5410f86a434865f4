"""People who left their homes are counted two ways: everyone recorded since the start, and
those who hold a status (temporary protection, refugee status) or are still there now. The
cases are made-up reports written for these tests."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import ReconcileResult, reconcile
from reconcile.identify import HOLDING_STATUS


def _result(*texts: str) -> ReconcileResult:
    """Reconciled, one report per text, a day apart, by different outlets."""
    claims = pl.concat(
        extract_claims(
            text, doc_id=f"d{i}", outlet=f"Outlet {i}", published=dt.date(2031, 5, 2 + i)
        )
        for i, text in enumerate(texts)
    )
    texts_by_doc = {f"d{i}": text for i, text in enumerate(texts)}
    return reconcile(claims, texts=texts_by_doc)


def _reports(*texts: str) -> pl.DataFrame:
    """The reconciled claims of one report per text (see ``_result``)."""
    return _result(*texts).claims


def _quantity(claims: pl.DataFrame) -> dict[float, str]:
    return dict(claims.select("value", "quantity_id").iter_rows())


@pytest.mark.parametrize(
    "holding",
    [
        "Only 500,000 refugees hold temporary protection in Peru.",
        "Of them, 500,000 refugees remain in Peru today.",
        "Some 500,000 refugees are registered in Peru now.",
        "In Peru, 500,000 refugees have been granted refugee status.",
    ],
)
def test_an_article_that_sets_the_two_counts_apart_splits_them_everywhere(holding: str) -> None:
    claims = _reports(
        "In all, 900,000 refugees from Chile have been recorded in Peru since the war began. "
        + holding,
        "Some 560,000 refugees from Chile hold temporary protection in Peru, the agency said.",
        "Peru has recorded 950,000 refugees from Chile since the war began, the agency said.",
    )
    quantity = _quantity(claims)
    assert quantity[9e5] == quantity[9.5e5], claims.select("value", "population")
    assert quantity[5e5] == quantity[5.6e5], claims.select("value", "population")
    assert quantity[9e5] != quantity[5e5]
    held = dict(claims.select("value", "population").iter_rows())
    assert held[5e5] == held[5.6e5] == HOLDING_STATUS
    assert held[9e5] is None and held[9.5e5] is None


def test_the_label_says_which_count_it_is() -> None:
    result = _result(
        "Peru has recorded 900,000 refugees from Chile since the war began. Only 500,000 "
        "refugees hold temporary protection in Peru."
    )
    quantity = _quantity(result.claims)
    labels = dict(result.quantities.select("quantity_id", "label").iter_rows())
    assert HOLDING_STATUS in labels[quantity[5e5]], labels
    assert HOLDING_STATUS not in labels[quantity[9e5]], labels


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the status words alone, with no article setting two counts apart: one quantity
        (
            "Peru hosts 500,000 refugees from Chile with temporary protection, the agency said.",
            "Peru has taken in 520,000 refugees from Chile, the ministry said.",
        ),
        # two counts in one article, but close: no sign that they are two things
        (
            "Peru has recorded 510,000 refugees from Chile; 500,000 refugees remain there.",
            "Peru has taken in 520,000 refugees from Chile, the ministry said.",
        ),
    ],
)
def test_status_words_alone_do_not_split_a_count(first: str, second: str) -> None:
    claims = _reports(first, second)
    assert claims.get_column("quantity_id").drop_nulls().n_unique() == 1, claims.select(
        "value", "population", "concept_key", "entity"
    )


def test_a_ranking_goes_on_with_what_the_figure_before_it_counted() -> None:
    claims = _reports(
        "Peru has recorded 900,000 refugees from Chile since the war began. The most refugees "
        "with temporary protection are in Bolivia, 200,000. Peru is in second place with "
        "150,000."
    )
    held = dict(claims.select("value", "population").iter_rows())
    assert held[1.5e5] == HOLDING_STATUS, claims.select("value", "entity", "population")
    assert held[9e5] is None
