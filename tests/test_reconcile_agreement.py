"""When two sources' figures agree: a printed figure stands for anything within 5% of it
(the tolerance of reconcile_dev's rule 1), however finely it is rounded."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.compare import TOLERANCE, _conflict
from reconcile.identify import may_be_one_source


def _two(first: str, second: str) -> list[str]:
    claims = pl.concat(
        [
            extract_claims(first, doc_id="a", outlet="A", published=dt.date(2031, 4, 2)),
            extract_claims(second, doc_id="b", outlet="B", published=dt.date(2031, 4, 2)),
        ]
    )
    return reconcile(claims).quantities["verdict"].to_list()


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        # 4% apart: within the reach of two printed figures, though each is rounded to 0.1
        (
            "The Forest Office said fires burned 7.3 million hectares in Peru.",
            "The Park Agency said fires burned 7.6 million hectares in Peru.",
            "agree",
        ),
        (
            "The Ledger Institute said the tariff cut output in Peru by 5%.",
            "The Harbour Bank said the tariff cut output in Peru by 5.5%.",
            "agree",
        ),
        # 18% apart: the two reaches do not meet
        (
            "The Ledger Institute said the tariff cut output in Peru by 4%.",
            "The Harbour Bank said the tariff cut output in Peru by 4.9%.",
            "diverge",
        ),
        (
            "The Coast Bureau said 300 people died in the Peru landslide.",
            "The Red Cross said 345 people died in the Peru landslide.",
            "diverge",
        ),
    ],
)
def test_two_sources_agree_within_the_tolerance_of_a_printed_figure(
    first: str, second: str, verdict: str
) -> None:
    assert _two(first, second) == [verdict]


def _row(best: float, bound: str, low: float | None, high: float | None) -> dict[str, object]:
    return {"best": best, "bound": bound, "interval_low": low, "interval_high": high}


def test_only_exact_figures_are_widened_to_the_tolerance() -> None:
    step = 1 + 1.5 * TOLERANCE  # the reaches of two exact figures overlap up to 2*TOLERANCE
    exact = _row(100.0, "exact", 99.5, 100.5)
    assert not _conflict(exact, _row(100 * step, "exact", 100 * step - 0.5, 100 * step + 0.5), 0.25)
    # "up to 100" and "at least 108" say what they say: no widening of a stated bound
    upper = _row(100.0, "upper", None, 100.0)
    assert _conflict(upper, _row(108.0, "exact", 107.5, 108.5), 0.25)
    assert not _conflict(upper, _row(104.0, "exact", 103.5, 104.5), 0.25)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The Coast Bureau said nearly 2,000 people died in Peru.", 1800.0, 2000.0),
        ("The Coast Bureau said just over 2,000 people died in Peru.", 2000.0, 2200.0),
        ("The Coast Bureau said a little over 2,000 people died in Peru.", 2000.0, 2200.0),
        # a plain bound stays open on its far side; "close to" is approx, read on both sides
        ("The Coast Bureau said up to 2,000 people died in Peru.", None, 2000.0),
        ("The Coast Bureau said more than 2,000 people died in Peru.", 2000.0, None),
        ("The Coast Bureau said close to 2,000 people died in Peru.", 1800.0, 2200.0),
    ],
)
def test_near_hedges_close_the_interval_at_ten_percent(
    text: str, low: float | None, high: float | None
) -> None:
    claims = extract_claims(text, doc_id="a", outlet="A", published=dt.date(2031, 4, 2))
    row = reconcile(claims).claims.row(0, named=True)
    assert row["interval_low"] == pytest.approx(low) if low else row["interval_low"] is None
    assert row["interval_high"] == pytest.approx(high) if high else row["interval_high"] is None


def _undated(first: str, second: str) -> list[str]:
    claims = pl.concat(
        [
            extract_claims(first, doc_id="a", outlet="A", published=None),
            extract_claims(second, doc_id="b", outlet="B", published=None),
        ]
    )
    return reconcile(claims).quantities["verdict"].to_list()


def test_a_time_that_cannot_be_resolved_never_makes_a_divergence() -> None:
    later = "The Harbour Bank said the tariff cut output in Peru by 6%."
    plain = "The Ledger Institute said the tariff cut output in Peru by 4%."
    # "last year" with no publication date to count back from: of another, unknown time
    back = "The Ledger Institute said last year that the tariff cut output in Peru by 4%."
    assert _undated(plain, later) == ["diverge"]
    assert _undated(back, later) == ["uncertain"]


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("investment bank Goldwater Partners", "published by the lender Goldwater Partners", True),
        ("Goldwater Partners", "the broker Goldwater Partners (GP)", True),
        ("Bank of Ruritania", "Church of Ruritania", False),
        ("Bank of Ruritania spokesman Jo Bloggs", "Bank of Ruritania", True),
        ("the lender Goldwater Partners", "the lender Silverline Capital", False),
    ],
)
def test_one_name_with_different_words_before_it_may_be_one_source(
    a: str, b: str, one: bool
) -> None:
    assert may_be_one_source(a, b) is one
