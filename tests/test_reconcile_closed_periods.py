"""A figure whose own words name a past year as its period ("480,000 deaths in 2029") is a
figure of that year, whenever it was published: two sources' figures of one ended year are
rival estimates of one closed quantity, not a count that grew between their articles.
Cases are written for these tests."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.core import dated_by_period


def _doc(text: str, doc: str, published: dt.date, outlet: str) -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet=outlet, published=published)


SPRING, AUTUMN = dt.date(2031, 3, 2), dt.date(2031, 11, 20)


def _verdicts(first: str, second: str) -> list[str]:
    """The verdicts of the quantities holding figures of both articles (spring, autumn)."""
    claims = pl.concat([_doc(first, "a", SPRING, "Daily Gull"), _doc(second, "b", AUTUMN, "Post")])
    result = reconcile(claims)
    both = (
        result.claims.group_by("quantity_id")
        .agg(pl.col("doc_id").n_unique().alias("docs"))
        .filter(pl.col("docs") == 2)
        .get_column("quantity_id")
    )
    quantities = result.quantities.filter(pl.col("quantity_id").is_in(both.implode()))
    return sorted(quantities.get_column("verdict").cast(pl.String).to_list())


@pytest.mark.parametrize(
    ("first", "second", "verdicts"),
    [
        # two years in each sentence, each figure with its own: the later article's higher
        # figure for 2029 is another source's estimate of an ended year, not an update
        (
            "In Chile the fever killed 480,000 people in 2029 and 700,000 in 2030, the Health Office said.",
            "In Chile the fever killed 830,000 people in 2029 and 1.2 million in 2030, Valley Trust said.",
            ["diverge", "diverge"],
        ),
        # the same two sources within tolerance of each other for each year
        (
            "In Chile the fever killed 480,000 people in 2029 and 700,000 in 2030, the Health Office said.",
            "In Chile the fever killed 490,000 people in 2029 and 710,000 in 2030, Valley Trust said.",
            ["agree", "agree"],
        ),
    ],
)
def test_figures_of_one_ended_year_are_compared_as_of_one_time(
    first: str, second: str, verdicts: list[str]
) -> None:
    assert _verdicts(first, second) == verdicts


_SOURCES = pl.Enum(
    [
        "a date in the sentence",
        "a year in the sentence",
        "the publication date",
        "the latest date the document's sentences give",
        "no date",
    ]
)


@pytest.mark.parametrize(
    ("period", "as_of", "source", "date", "dated_by"),
    [
        # the publication date gives way to the year the words name
        ("2029", dt.date(2031, 3, 2), "the publication date", dt.date(2029, 7, 1), "year"),
        # so does a date guessed from the document, even one inside that year
        (
            "2029",
            dt.date(2029, 12, 31),
            "the latest date the document's sentences give",
            dt.date(2029, 7, 1),
            "year",
        ),
        # and no date at all
        ("2029", None, "no date", dt.date(2029, 7, 1), "year"),
        # a date the sentence gives within the year is kept
        ("2029", dt.date(2029, 4, 3), "a date in the sentence", dt.date(2029, 4, 3), "sentence"),
        # a period that is not a year ("long run", "average") dates nothing
        ("long run", dt.date(2031, 3, 2), "the publication date", dt.date(2031, 3, 2), "kept"),
        ("average", None, "no date", None, "kept"),
        # no period: the date stays
        (None, dt.date(2031, 3, 2), "the publication date", dt.date(2031, 3, 2), "kept"),
    ],
)
def test_a_year_named_as_the_period_dates_the_figure(
    period: str | None,
    as_of: dt.date | None,
    source: str,
    date: dt.date | None,
    dated_by: str,
) -> None:
    frame = pl.DataFrame(
        {"period": [period], "as_of": [as_of], "as_of_source": [source]},
        schema={"period": pl.String, "as_of": pl.Date, "as_of_source": _SOURCES},
    )
    out = dated_by_period(frame).row(0, named=True)
    assert out["as_of"] == date
    expected = {"year": "a year in the sentence", "sentence": source, "kept": source}[dated_by]
    assert out["as_of_source"] == expected
