"""A multiple set against an official count ("five times the official toll", "higher than
the reported tally") measures how far that count falls short: one quantity however the
count is worded, with its base read in the sentence before when the multiple's own words
name none ("... eight times higher."), and of the year the base names. Cases are written
for these tests."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile


def _multiples(first: str, second: str) -> pl.DataFrame:
    """The multiples (claims with their quantity, concept and period) of two outlets'
    reports on the same matter, a fortnight apart."""
    texts = {"a": first, "b": second}
    claims = pl.concat(
        [
            extract_claims(first, doc_id="a", outlet="A", published=dt.date(2031, 4, 2)),
            extract_claims(second, doc_id="b", outlet="B", published=dt.date(2031, 4, 16)),
        ]
    )
    result = reconcile(claims, texts=texts)
    return result.claims.filter(pl.col("unit") == "times").join(
        result.quantities.select("quantity_id", "verdict"), on="quantity_id", how="left"
    )


# (first report, second report, one quantity?)
CASES = [
    # the count called official and the count called reported: one base
    (
        "Researchers say deaths in Peru were five times the official toll.",
        "A survey found deaths in Peru ran roughly five times larger than the confirmed tally.",
        True,
    ),
    # an estimate of the excess over the usual and a modelled toll against the same count
    (
        "Excess deaths in Peru were seven times the official figure, the institute said.",
        "Deaths in Peru were seven times the recorded count, a study found.",
        True,
    ),
    # a multiple whose words name no base, after a sentence naming the official count
    (
        "The official death count in Peru stood at 2,000. Demographers put the real death toll "
        "at eight times higher.",
        "Deaths in Peru were eight times the official tally, the university said.",
        True,
    ),
    # the official count of one year is not the count of all years
    (
        "Deaths in Peru were six times the official toll for 2030, the institute said.",
        "Deaths in Peru were six times the official toll, the university said.",
        False,
    ),
    # a base that is not a count called official stays a base of its own
    (
        "Deaths in Peru were five times the official toll, the institute said.",
        "Deaths in Peru were five times the yearly norm, the university said.",
        False,
    ),
]


@pytest.mark.parametrize(("first", "second", "one"), CASES)
def test_multiples_of_an_official_count(first: str, second: str, one: bool) -> None:
    multiples = _multiples(first, second)
    by_doc = dict(multiples.select("doc_id", "quantity_id").iter_rows())
    assert set(by_doc) == {"a", "b"}, multiples
    assert (by_doc["a"] == by_doc["b"]) is one, multiples.select("doc_id", "concept_key")
    if one:  # one base read for both: the two figures (the same) are compared, and agree
        verdicts = set(multiples.get_column("verdict").cast(pl.String).to_list())
        assert verdicts == {"agree"}, multiples.select("doc_id", "concept_key", "verdict")


def test_the_year_the_base_names_is_the_period_of_a_bare_multiple() -> None:
    multiples = _multiples(
        "Deaths in Peru came to roughly six times the recorded tally for 2030, a ministry said.",
        "The official flu toll for 2030 came to 900. Registry data put excess "
        "mortality in Peru at close to six times more; the ministry disputes this.",
    )
    assert multiples.get_column("period").cast(pl.String).to_list() == ["2030", "2030"]
    assert multiples.get_column("quantity_id").n_unique() == 1
    # compared, as one base: the two figures agree
    assert multiples.get_column("verdict").cast(pl.String).to_list() == ["agree", "agree"]


@pytest.mark.parametrize(
    "text",
    [
        # no count called official before it: the base is not read
        "Floods in Chile were four times higher. The rain was heavy.",
        # an official count after the multiple is no base of it
        "Floods in Chile were four times higher. The official count follows next week.",
    ],
)
def test_a_bare_multiple_takes_no_official_base_it_was_not_given(text: str) -> None:
    claims = extract_claims(text, doc_id="a", outlet="A", published=dt.date(2031, 4, 2))
    result = reconcile(claims, texts={"a": text})
    concepts = result.claims.filter(pl.col("unit") == "times").get_column("concept_key")
    assert concepts.len() == 1
    assert "official count" not in str(concepts[0])
