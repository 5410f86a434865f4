"""Years named by their place after another ("the following year", "that year") and parts
of last year ("late last year"); on made-up sentences in our own words."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.dating import relative_year


@pytest.mark.parametrize(
    ("before", "clause", "year"),
    [
        ("In 2027, the port handled 40 ships. ", "80 ships the following year", 2028),
        ("Tolls were low in 2027. ", "the next year 300 people died", 2028),
        ("The dam was built in 1998. ", "a year later, 120 homes flooded", 1999),
        ("The dam was built in 1998. ", "one year later", 1999),
        ("The fair opened in 2027. ", "That year, 9,000 visitors came", 2027),
        ("The fair opened in 2027. ", "in the same year", 2027),
        ("The fair closed in 2027. ", "a year earlier, 9,000 visitors came", 2026),
        ("The fair closed in 2027. ", "in the previous year", 2026),
        ("The fair closed in 2027. ", "during the preceding year", 2026),
        ("The fair closed in 2027. ", "The  following  year", 2028),
        # the last year named before the figure counts
        ("It began in 2019 and peaked in 2024. ", "the following year", 2025),
    ],
)
def test_a_relative_year_counts_from_the_year_named_before_it(
    before: str, clause: str, year: int
) -> None:
    assert relative_year(before, clause) == year


@pytest.mark.parametrize(
    ("before", "clause"),
    [
        # no year to count from
        ("The port was busy. ", "80 ships the following year"),
        # no relative year
        ("In 2027, the port handled 40 ships. ", "80 ships last month"),
        # a base a figure is set against, not the figure's year
        ("In 2027, the port was busy. ", "a rise of 80 over the previous year"),
        ("In 2027, the port was busy. ", "80 more than the previous year"),
        ("In 2027, the port was busy. ", "up 8% on a year earlier"),
        ("In 2027, the port was busy. ", "up 8% from a year earlier"),
        ("In 2027, the port was busy. ", "80 ships, compared with a year earlier"),
        ("In 2027, the port was busy. ", "80 ships, higher than one year earlier"),
        ("In 2027, the port was busy. ", "80, as set against a year earlier"),
        # a number that is not a year
        ("The port handled 2027.5 tonnes. ", "the following year"),
    ],
)
def test_what_is_no_relative_year(before: str, clause: str) -> None:
    assert relative_year(before, clause) is None


def _claims(text: str) -> pl.DataFrame:
    claims = extract_claims(text, doc_id="a", outlet="A", published=dt.date(2031, 4, 2))
    return reconcile(claims, texts={"a": text}).claims.sort("start")


def test_the_following_year_dates_a_figure_by_the_year_before_it() -> None:
    text = (
        "In 2028, the parish register counted 9,000 deaths in Peru. "
        "Deaths then rose by 2,000 the following year, a record for the parish."
    )
    rows = _claims(text).filter(pl.col("surface").str.contains("2,000"))
    assert rows["as_of"].to_list() == [dt.date(2029, 7, 1)]
    # without the document's text the sentence before it is not known: no year is made up
    alone = extract_claims(text, doc_id="a", outlet="A", published=dt.date(2031, 4, 2))
    dated = reconcile(alone).claims.filter(pl.col("surface").str.contains("2,000"))
    assert dated["as_of"].to_list() != [dt.date(2029, 7, 1)]


def test_the_year_in_the_same_sentence_counts_for_the_figure_after_it() -> None:
    text = "Peru counted 9,000 deaths in 2028 and 11,000 deaths the following year."
    dates = dict(_claims(text).select("surface", "as_of").iter_rows())
    assert dates["9,000 deaths"] == dt.date(2028, 7, 1)
    assert dates["11,000 deaths"] == dt.date(2029, 7, 1)


@pytest.mark.parametrize(
    ("words", "as_of"),
    [
        ("late last year", dt.date(2030, 11, 1)),
        ("early last year", dt.date(2030, 2, 1)),
        ("at the end of last year", dt.date(2030, 12, 1)),
        # last year whole is a year the sentence names, dated as "in 2030" is
        ("last year", dt.date(2030, 7, 1)),
    ],
)
def test_a_part_of_last_year_is_its_month(words: str, as_of: dt.date) -> None:
    rows = _claims(f"The Harbour Institute said {words} that 300 ships were idle in Peru.")
    assert rows["as_of"].to_list() == [as_of]


def test_a_word_list_holds_words_only() -> None:
    # YAML reads an unquoted "on" or "no" as a boolean: a list holding one is refused
    from reconcile.tables import _words

    assert _words(["Than", "over"], "against") == ("than", "over")
    with pytest.raises(ValueError, match="not words"):
        _words(["than", True], "against")
