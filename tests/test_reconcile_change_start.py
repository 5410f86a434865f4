"""The start of a change ("fell from 9,000 to 3,500") is a figure of some earlier time the
sentence does not give: set against another source's figure it may be of another date, so
the pair is at most "uncertain", never a divergence. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile

_DAY = dt.date(2031, 5, 10)

# (first source's sentence, second source's sentence, verdicts allowed)
_CASES = [
    # the start of a change against another source's current figure: not a divergence
    (
        "Officials in Chile said the number of people displaced fell from 9,000 to 3,500.",
        "The Red Cross said 3,400 people were displaced in Chile.",
        {"uncertain", "growth", "agree"},
    ),
    (
        "The ministry said the number of people evacuated in Chile rose from 1,200 to 5,800.",
        "The aid agency said 5,600 people were evacuated in Chile.",
        {"uncertain", "growth", "agree"},
    ),
    # the same two levels given as two sources' current figures do diverge
    (
        "Officials in Chile said 9,000 people were displaced.",
        "The Red Cross said 3,400 people were displaced in Chile.",
        {"diverge"},
    ),
]


@pytest.mark.parametrize(("first", "second", "allowed"), _CASES)
def test_the_start_of_a_change_is_no_rival_figure(
    first: str, second: str, allowed: set[str]
) -> None:
    claims = pl.concat(
        [
            extract_claims(first, doc_id="a", published=_DAY, outlet="Daily A"),
            extract_claims(
                second, doc_id="b", published=_DAY + dt.timedelta(days=1), outlet="Daily B"
            ),
        ],
        how="diagonal_relaxed",
    )
    quantities = reconcile(claims).quantities
    both = quantities.filter(pl.col("n_assertions") >= 2)
    assert both.height == 1, quantities.select("label", "verdict", "why")
    assert both.item(0, "verdict") in allowed, both.item(0, "why")


@pytest.mark.parametrize(
    ("sentence", "delta"),
    [
        ("The death toll in Chile rose to 19 on Wednesday after three workers died.", True),
        ("The toll in Chile climbed to 40 after 12 more bodies were found.", True),
        ("The toll in Chile stood at 19 after three workers died.", False),
    ],
)
def test_what_brought_a_level_up_is_a_change(sentence: str, delta: bool) -> None:
    # "rose to nine after three died": the three are what the toll rose by, not a rival toll
    from reconcile_sentences import _on_one_day

    claims = _on_one_day(sentence).claims
    late = claims.sort("start").row(-1, named=True)
    assert late["is_delta"] is delta
    if delta:
        assert claims["quantity_id"].n_unique() == 2
