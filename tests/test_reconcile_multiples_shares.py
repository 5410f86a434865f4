"""Figures whose meaning rests on something outside them: a multiple ("eight times") is
only a figure against its base, and a share ("30% a year") is not a flow to be divided into
a monthly rate. Cases are written for these tests."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.compare import base_key
from reconcile.frames import multiple_base


def _doc(text: str, doc: str, day: int, outlet: str) -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet=outlet, published=dt.date(2031, 4, day))


def _multiples(first: str, second: str, days: tuple[int, int] = (2, 20)) -> pl.DataFrame:
    """The quantities of two outlets' reports (on ``days``) whose figures are multiples."""
    claims = pl.concat([_doc(first, "a", days[0], "A"), _doc(second, "b", days[1], "B")])
    result = reconcile(claims)
    ids = result.claims.filter(pl.col("unit") == "times").get_column("quantity_id").drop_nulls()
    return result.quantities.filter(pl.col("quantity_id").is_in(ids.implode()))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # no base read for either: "higher" stops short of what it is higher than
        (
            "Floods in Chile were four times higher, the ministry said.",
            "Floods in Chile were nine times higher, the agency said.",
        ),
        # a base read for one only
        (
            "Floods in Chile were four times the yearly norm, the ministry said.",
            "Floods in Chile were nine times higher, the agency said.",
        ),
        # bases read for both, but not one base
        (
            "Floods in Chile were four times the yearly norm, the ministry said.",
            "Floods in Chile were nine times the record of 1990, the agency said.",
        ),
        # one word of the base the same, the next one not
        (
            "Floods in Chile were four times the yearly norm, the ministry said.",
            "Floods in Chile were nine times the yearly peak, the agency said.",
        ),
        # a bare one-word base does not stand for a longer one that starts with it
        (
            "Floods in Chile were four times the norm, the ministry said.",
            "Floods in Chile were nine times the norm of summer, the agency said.",
        ),
    ],
)
def test_multiples_without_one_read_base_are_never_compared(first: str, second: str) -> None:
    quantities = _multiples(first, second)
    assert quantities.height >= 1
    verdicts = set(quantities.get_column("verdict").cast(pl.String).to_list())
    assert not verdicts & {"growth", "agree", "diverge"}, quantities.select("verdict", "why")


def test_a_multiple_held_back_says_why() -> None:
    quantities = _multiples(
        "Floods in Chile were four times higher, the ministry said.",
        "Floods in Chile were nine times higher, the agency said.",
    ).filter(pl.col("n_assertions") >= 2)
    for why in quantities.get_column("why").to_list():
        assert "bases were not read as one" in why


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        # one base, two dates, the later figure larger: a multiple that rose
        (
            "Floods in Chile were four times the yearly norm, the ministry said.",
            "Floods in Chile were nine times the yearly norm, the agency said.",
            "growth",
        ),
        # one base, its number once in words and once in digits
        (
            "Floods in Chile were four times the ten-day mean, the ministry said.",
            "Floods in Chile were nine times the 10-day mean, the agency said.",
            "growth",
        ),
        # one base, read on into the words after it in the later report
        (
            "Floods in Chile were four times the yearly norm, the ministry said.",
            "Floods in Chile were nine times the yearly norm seen so far, the agency said.",
            "growth",
        ),
    ],
)
def test_multiples_of_one_base_are_compared(first: str, second: str, verdict: str) -> None:
    quantities = _multiples(first, second).filter(pl.col("n_assertions") >= 2)
    assert quantities.get_column("verdict").cast(pl.String).to_list() == [verdict]


def _normalised(text: str) -> pl.DataFrame:
    return reconcile(_doc(text, "a", 2, "A")).claims


@pytest.mark.parametrize(
    ("text", "surface", "per"),
    [
        ("Prices in Peru rose 12% a year, the bank said.", "12%", "year"),
        ("Rents in Oslo climbed 30 percent a year, the agency said.", "30 percent", "year"),
    ],
)
def test_a_share_with_a_period_is_not_divided_into_a_rate(
    text: str, surface: str, per: str
) -> None:
    claims = _normalised(text).filter(pl.col("dimension") == "ratio")
    assert claims.height == 1, _normalised(text).select("surface", "dimension", "per")
    row = claims.row(0, named=True)
    assert row["per"] == per
    assert row["norm_value"] == pytest.approx(row["value"])  # not 1/12 of it
    assert row["norm_per"] == per  # the period as written, not the reporting period


def test_a_money_rate_is_still_brought_to_the_reporting_period() -> None:
    text = "The dam in Peru costs $120 million a year to run, officials said."
    claims = reconcile(_doc(text, "a", 2, "A"), per="month").claims
    money = claims.filter(pl.col("dimension") == "currency")
    assert money.height == 1
    row = money.row(0, named=True)
    assert row["per"] == "year"
    assert row["norm_per"] == "month"
    assert row["norm_value"] == pytest.approx(10_000_000, rel=0.01)
    # by default it is shown in the period it was written in
    row = _normalised(text).filter(pl.col("dimension") == "currency").row(0, named=True)
    assert row["norm_per"] == "year" and row["norm_value"] == pytest.approx(1.2e8)


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("ten-day mean", "10-day mean"),
        ("10-day mean", "10-day mean"),
        ("thirty-two year high", "32 year high"),
        ("twenty-five-year low", "25-year low"),
        ("record of 1990", "record of 1990"),
        ("official tally", "official tally"),
        ("often-quoted tally", "often-quoted tally"),  # letters that hold a number word
    ],
)
def test_a_base_is_keyed_with_its_numbers_in_digits(written: str, key: str) -> None:
    assert base_key(written) == key


@pytest.mark.parametrize(
    ("after", "base"),
    [
        # an average over a span of years, however the span is written
        (" the ten-year average.", "10-year average"),
        (" the 10-year average seen by this time of year", "10-year average"),
        (" the average for the past twenty years", "20-year average"),
        # (a mean over a span is its average)
        (" higher than the five year mean", "5-year average"),
        (" the average of the last 5 years", "5-year average"),
        # other bases: their first words, cut at a preposition or a participle
        (" the yearly norm, officials said", "yearly norm"),
        (" the count reported by the ministry", "count"),
        (" greater than the record of 1990", "record of 1990"),
        # no base named
        (" higher.", None),
        (" over the week", None),
    ],
)
def test_a_multiples_base_is_read_in_one_wording(after: str, base: str | None) -> None:
    sentence = "Burned land in Chile stood at 7 times" + after
    frame = pl.DataFrame(
        {
            "sentence": [sentence],
            "sentence_start": [0],
            "start": [sentence.index("7")],
            "end": [sentence.index(" times") + len(" times")],
            "unit": ["times"],
        }
    )
    assert frame.select(multiple_base()).item() == base


@pytest.mark.parametrize(
    ("first", "second", "one_quantity"),
    [
        # one span of years, written in words once and in digits once
        (
            "Land burned in Chile this spring is 9 times its ten-year mean, the ministry said.",
            "Land burned in Chile this spring is 7 times its 10-year average to date, the agency said.",
            True,
        ),
        (
            "Land burned in Chile this spring is 9 times its ten-year mean, the ministry said.",
            "Land burned in Chile this spring is 8 times its mean over the previous ten years, "
            "the agency said.",
            True,
        ),
        # averages over two spans measure two things
        (
            "Land burned in Chile this spring is 9 times its ten-year mean, the ministry said.",
            "Land burned in Chile this spring is 3 times its mean over the last thirty years, "
            "the agency said.",
            False,
        ),
    ],
)
def test_a_multiple_of_an_average_is_a_measure_against_that_average(
    first: str, second: str, one_quantity: bool
) -> None:
    quantities = _multiples(first, second)
    assert (quantities.height == 1) is one_quantity, quantities.select("label", "why")
    if one_quantity:  # and its figures are compared: one base, read as one
        assert quantities.get_column("verdict").cast(pl.String).to_list() == ["growth"]
